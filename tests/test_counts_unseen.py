"""st_counts on habits of real pages the dev sets lack (issue 10): currency codes glued to the
digits, scale words glued to them, hyphenated modifiers in list lines, a name labelling a list
line before its count, parts of a whole ("six out of eight"), nouns left out after a name,
tables whose unit stands only in the prose above. Every sentence here is our own."""

import pytest

from tests.test_counts_context import units


@pytest.mark.parametrize(
    "text, expected",
    [
        # a currency code or letter glued to the digits is no name like "G8" or "COVID-19"
        ("EUR45 million goes to the new joint call.", [("EUR45 million", 45_000_000, "EUR")]),
        ("The agency now runs a R210 million-a-year programme.", [("R210 million", 210_000_000, "ZAR")]),
        # ... also with a decimal comma before a scale word
        ("Each chair receives R2,4 million over five years.", [("R2,4 million", 2_400_000, "ZAR"), ("over five", 5, "year")]),
        # a scale word glued to the digits
        ("The ministry sets aside about €12million a year for the programmes.", [("about €12million", 12_000_000, "EUR")]),
    ],
)
def test_glued_currencies_and_scales(nlp, text, expected):
    assert units(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # hyphenated modifiers in list lines, where the parse hangs the number on the bullet
        (
            "Projects under way:\n\n  • 15 on-going Indo-Kenyan projects\n  • 9 new Indo-Peruvian projects under the DST-CONCYTEC framework\n",
            [("15", 15, "on-going indo-kenyan project"), ("9", 9, "new indo-peruvian project")],
        ),
        # a name (pair of states, agency) opening a list line, then the count of a common noun
        (
            "New projects this year:\n\n  • India-Chile 1 new project\n  • India-Peru 4 new projects\n",
            [("1", 1, "new project"), ("4", 4, "new project")],
        ),
    ],
)
def test_list_lines(nlp, text, expected):
    assert units(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a part of a whole counts the whole's noun
        ("The new grants cover five out of seven priority fields.", [("five", 5, "priority field"), ("seven", 7, "priority field")]),
        ("One in four fellows comes from a partner university.", [("One", 1, "fellow"), ("four", 4, "fellow")]),
        ("Nine of the 30 proposals came from Chile.", [("Nine", 9, "proposal"), ("30", 30, "proposal")]),
    ],
)
def test_parts_of_a_whole(nlp, text, expected):
    assert units(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the noun left out after a name in a list of name-number pairs (gapping)
        (
            "Ghana has sent 210 trainees, Senegal 95 and Mali 40 since the scheme began.",
            [("210", 210, "trainee"), ("95", 95, "trainee"), ("40", 40, "trainee")],
        ),
        (
            "Brazil leads with 412 joint papers, followed by Chile with 230.",
            [("412", 412, "joint paper"), ("230", 230, "joint paper")],
        ),
    ],
)
def test_a_noun_left_out_after_a_name(nlp, text, expected):
    assert units(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a table of topics and years under a lead sentence that names what is counted
        (
            "The table shows the number of joint projects funded in each field.\n\n"
            "Field | 2022 | 2023\nOcean science | 3 | 5\nAgriculture | 2 | 4\n",
            [("3", 3, "joint project"), ("5", 5, "joint project"), ("2", 2, "joint project"), ("4", 4, "joint project")],
        ),
        # a header of slashed plurals: each part singular
        ("Region | Partner countries/territories\nAsia | 12\n", [("12", 12, "partner country/territory")]),
    ],
)
def test_tables_under_prose(nlp, text, expected):
    assert units(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The panel received 140 expressions of interest.", [("140", 140, "expression of interest")]),
        # codes and page furniture
        ("12 May 2021 | Code : 52310 | News", []),
        ("The centre builds zero-emission research vessels.", []),
        # the end of a span of two-digit years
        ("In each of the 12 programmes of the 09-14 period, 2% went to exchanges.", [("12", 12, "programme"), ("2%", 2, "percent")]),
        # a change of a singular whole whose parts are counted
        ("The network of partner universities grew from 14 in 2015 to 31 in 2022.", [("14", 14, "partner university"), ("31", 31, "partner university")]),
    ],
)
def test_units_labels_and_changes(nlp, text, expected):
    assert units(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # long hyphenated modifiers between the number and its noun count as one word each
        (
            "The plan adds 8 multi-million-euro Kenya-hosted marine research stations.",
            [("8", 8, "multi-million-euro kenya-hosted marine research station")],
        ),
        (
            "There are over 30 state-owned university technology transfer offices.",
            [("over 30", 30, "state-owned university technology transfer office")],
        ),
        # a number word after a figure is no cell of a table: "5 two-day workshops"
        ("The grant pays for 6 three-day workshops.", [("6", 6, "three-day workshop"), ("three", 3, "day")]),
        # lakhs and crores with no counted noun are rupees
        ("The board released 12.5 crore for the joint centres.", [("12.5 crore", 125_000_000, "INR")]),
        # plurals the lemma tables misread
        ("The partners shipped 4 million doses to 9 island states.", [("4 million", 4_000_000, "dose"), ("9", 9, "island state")]),
    ],
)
def test_long_modifiers_rupee_scales_and_odd_plurals(nlp, text, expected):
    assert units(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a numbered list's own marker before a label line
        (
            "Seminars held:\n1. Kenya-Japan 4 joint seminars\n2. Kenya-Korea 2 joint seminars\n",
            [("4", 4, "joint seminar"), ("2", 2, "joint seminar")],
        ),
        # "one in every five"
        ("Nearly one in every six applications was funded.", [("Nearly one", 1, "application"), ("six", 6, "application")]),
        # a plural name the lemma tables lack
        ("The alumni network counts 45 Humboldtians in Peru.", [("45", 45, "humboldtian")]),
        # topics under a sentence that counts what they share
        (
            "In 2022 the fund supported 27 new joint projects.\n\nHealth: 11\nEnergy: 16\n",
            [("27", 27, "new joint project"), ("11", 11, "new joint project"), ("16", 16, "new joint project")],
        ),
        # a tens word glued to an ordinal is an ordinal
        ("Minutes of the twenty-first session of the joint committee", []),
    ],
)
def test_list_markers_ordinals_and_topics(nlp, text, expected):
    assert units(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a range in digits glued by a hyphen is two counts of the noun after it
        ("Each team hosts 4-6 visiting researchers.", [("4", 4, "visiting researcher"), ("6", 6, "visiting researcher")]),
        # times of day are no counts, in a list after a colon too
        ("Visiting hours: Tuesday - Thursday 10.00 - 16.30, Friday until 2 p.m.", []),
        # "No. of" opening a label
        ("No. of grants: 14\nNo. of partner institutes: 9\n", [("14", 14, "grant"), ("9", 9, "partner institute")]),
        # a decimal comma before a continental money scale; "pc" for per cent
        ("The fund holds EUR 3,5 Mio. and covers 60 pc of the costs.", [("EUR 3,5 Mio", 3_500_000, "EUR"), ("60 pc", 60, "percent")]),
    ],
)
def test_ranges_times_number_signs_and_continental_money(nlp, text, expected):
    assert units(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the parse hangs the number on the first noun of a compound
        ("The board approved 5 joint projects and 2 travel grants.", [("5", 5, "joint project"), ("2", 2, "travel grant")]),
        # a number after a comma, then a preposition, shares the noun before it
        ("The scheme offers 80 fellowships, 40 in each country.", [("80", 80, "fellowship"), ("40", 40, "fellowship")]),
        # a currency word of one state after an adjective the lexicon does not list
        ("The plan costs 3.1 billion Kazakh tenge.", [("3.1 billion Kazakh tenge", 3_100_000_000, "KZT")]),
    ],
)
def test_compounds_comma_pairs_and_named_currencies(nlp, text, expected):
    assert units(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a participle column counts what the column left of it counts
        (
            "| Round | Proposals | Selected |\n|---|---|---|\n| 2021 | 40 | 9 |\n",
            [("40", 40, "proposal"), ("9", 9, "proposal")],
        ),
        # columns headed by bodies take the caption's money and scale
        (
            "Contributions by year (EUR thousands)\n\nYear    BMBF    NRF\n2021    900     850\n",
            [("900", 900_000, "EUR"), ("850", 850_000, "EUR")],
        ),
        # a caption's bracketed year says when, not what
        ("Fellows per country (2022)\nPeru      8\nChile     5\n", [("8", 8, "fellow"), ("5", 5, "fellow")]),
    ],
)
def test_table_headers_that_name_no_unit(nlp, text, expected):
    assert units(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a plural noun the tagger took for a verb right after a number
        ("(i) 20 bursaries for students;\n(ii) 8 fellowships for researchers;\n", [("20", 20, "bursary"), ("8", 8, "fellowship")]),
        # scale letters before a plural noun or a currency word; a hyphen before a scale word
        ("The campaign reached 2.5m people with a 4K euros budget.", [("2.5m", 2_500_000, "person"), ("4K euros", 4000, "EUR")]),
        ("The lab won a $1.8-million grant and 3 bln roubles.", [("$1.8-million", 1_800_000, "USD"), ("3 bln roubles", 3_000_000_000, "RUB")]),
        # currency signs after the number, thousands grouped by full stops, Portuguese scales
        ("Each award is 7 500 € out of 2.000.000 € in all.", [("7 500 €", 7500, "EUR"), ("2.000.000 €", 2_000_000, "EUR")]),
        ("FAPESP adds R$ 450 mil and BRL 2.3 milhões.", [("R$ 450 mil", 450_000, "BRL"), ("BRL 2.3 milhões", 2_300_000, "BRL")]),
        ("The levy raised 30 million Uganda shillings.", [("30 million Uganda shillings", 30_000_000, "UGX")]),
    ],
)
def test_misread_plurals_and_money_forms(nlp, text, expected):
    assert units(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a row label the model took for a name still counts ("Applications" tagged as an organisation)
        (
            "| Indicator | 2022 call | 2024 call |\n|---|---|---|\n| Applications received | 27 | 35 |\n",
            [("27", 27, "application"), ("35", 35, "application")],
        ),
        # a topic row under a header that names the unit keeps the header's unit
        (
            "Field | Proposals received | Approved projects\nLife sciences | 14 | 5\nEarth sciences | 9 | 2\n",
            [("14", 14, "proposal"), ("5", 5, "approved project"), ("9", 9, "proposal"), ("2", 2, "approved project")],
        ),
        # a "Value" column: the rows say what each figure counts
        (
            "Indicator | Value | Period\nJoint papers | 61 | 2019-2022\nVisiting researchers | 33 | 2022\n",
            [("61", 61, "joint paper"), ("33", 33, "visiting researcher")],
        ),
    ],
)
def test_row_labels_and_topic_rows(nlp, text, expected):
    assert units(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a participle column counts the object of that verb in the prose before the table
        (
            "The council received 70 proposals and selected 12 new joint projects.\n\n"
            "Partner | Legal basis | Proposals | Selected\nAgency A of Country X | Memorandum of 2019 | 40 | 7\n"
            "Agency B of Country Y | Agreement of 2020 | 30 | 5\nTotal | 70 | 12\n",
            [("70", 70, "proposal"), ("12", 12, "new joint project"), ("40", 40, "proposal"), ("7", 7, "new joint project"),
             ("30", 30, "proposal"), ("5", 5, "new joint project"), ("70", 70, "proposal"), ("12", 12, "new joint project")],
        ),
        # coordinated lists with commas; nouns after "of" that name the unit; "against"
        ("Some 250 lecturers, engineers and doctoral students took part.", [("Some 250", 250, "lecturer, engineer and doctoral student")]),
        ("They opened 4 centres of excellence and ran 9 calls (against 7 in 2021).",
         [("4", 4, "centre of excellence"), ("9", 9, "call"), ("7", 7, "call")]),
        # currency signs and words several states share take the page's state
        ("DODOMA, 2 May 2024 – The fund receives Sh 300 million.", [("Sh 300 million", 300_000_000, "TZS")]),
        ("Amman, 1 June 2023 – Each grant is worth 15,000 dinars.", [("15,000 dinars", 15_000, "JOD")]),
        ("The grants reach ₡45 millones and ₲ 300 millones.", [("₡45 millones", 45_000_000, "CRC"), ("₲ 300 millones", 300_000_000, "PYG")]),
    ],
)
def test_participle_columns_lists_and_shared_currencies(nlp, text, expected):
    assert units(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a number after a span of years and a comma is no label in a list of labels
        ("Under the 2020-2022 programme, 23 projects were financed.", [("23", 23, "project")]),
        # days of months in other languages
        ("Firmado en Lima el 17 de agosto de 2022 por 2 ministros.", [("2", 2, "ministro")]),
    ],
)
def test_year_spans_and_foreign_days(nlp, text, expected):
    assert units(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # lakhs grouped the Indian way; a scale word after a currency sign written after the number
        ("Each fellow gets Rs. 3,60,000 a year; 1,20,000 farmers were reached.", [("Rs. 3,60,000", 360_000, "INR"), ("1,20,000", 120_000, "farmer")]),
        ("Brussels adds 2€ billion to the scheme.", [("2€ billion", 2_000_000_000, "EUR")]),
    ],
)
def test_indian_grouping_and_signs_before_scales(nlp, text, expected):
    assert units(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The cabinet cleared Rs 750 cr and Rs 8 lac for the centre.", [("Rs 750 cr", 7_500_000_000, "INR"), ("Rs 8 lac", 800_000, "INR")]),
        # the subject of a change that the parse split at a hyphen
        ("Co-patents doubled to 18.", [("18", 18, "patent")]),
    ],
)
def test_indian_abbreviations_and_split_subjects(nlp, text, expected):
    assert units(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The forum gathered 90 delegates (45 per side).", [("90", 90, "delegate"), ("45", 45, "delegate")]),
        ("Another 12 grants were signed, bringing the total to 57.", [("12", 12, "grant"), ("57", 57, "grant")]),
    ],
)
def test_bracketed_shares_and_running_totals(nlp, text, expected):
    assert units(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a currency code that also names a series of meetings
        ("The two ministers met at COP 27 and again at COP28.", [("two", 2, "minister")]),
        ("The fund pays COP 40 million per project.", [("COP 40 million", 40_000_000, "COP")]),
    ],
)
def test_codes_that_name_meetings(nlp, text, expected):
    assert units(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an acronym that spells like a percent sign; a verb the parse coordinated with the counted noun
        ("The lab filed 5 PCT applications.", [("5", 5, "pct application")]),
        ("The unit employs 8 FTEs and trains 20 interns.", [("8", 8, "fte"), ("20", 20, "intern")]),
    ],
)
def test_acronyms_and_coordinated_verbs(nlp, text, expected):
    assert units(nlp, text) == expected
