"""st_counts on habits of real pages (issue 10): the currency of a bare "$" or "dollars" from the
page's dateline and sentence, nouns shared by coordinated and elided numbers, counted nouns
behind names and hyphenated modifiers. Every sentence here is our own."""

import pytest

from tests.test_counts import counts


def units(nlp, text):
    """(text, value, unit) of every count in `text`."""
    return [(t, v, u) for t, v, _, u, _ in counts(nlp, text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the dateline says where the page is written from, whatever its headline names first
        (
            "Kiwi and Singapore teams to share new fund\n\nSINGAPORE, 2 June 2021 – The two agencies will each put in up to $4 million.",
            [("two", 2, "agency"), ("up to $4 million", 4_000_000, "SGD")],
        ),
        # a dateline in a state that does not write dollars: a bare "$" is the US dollar
        (
            "Nairobi, Kenya, 5 May 2020 – The agencies named Canadian and Australian reviewers for the $3 million call.",
            [("$3 million", 3_000_000, "USD")],
        ),
        # a bare "dollars" follows the page's state like a bare "$" ...
        (
            "Ottawa, March 3, 2020 — The agency committed 250 000 dollars to the programme.",
            [("250 000 dollars", 250_000, "CAD")],
        ),
        # ... except where "$" is a peso: "dollars" there are US dollars
        (
            "MEXICO CITY, 3 May 2019 – Grants are paid in pesos; the ceiling is 8 000 dollars, or $150,000.",
            [("8 000 dollars", 8_000, "USD"), ("$150,000", 150_000, "MXN")],
        ),
        # a bracketed bare "$" after another currency is its conversion into US dollars
        (
            "SINGAPORE, 1 July 2016 – The council set aside S$12 billion ($9 billion) for the plan.",
            [("S$12 billion", 12e9, "SGD"), ("$9 billion", 9e9, "USD")],
        ),
        # the size of an economy is given in US dollars
        (
            "WELLINGTON, 4 May 2022 – Indonesia, a $1.3 trillion economy, joins the scheme with $5 million.",
            [("$1.3 trillion", 1.3e12, "USD"), ("$5 million", 5_000_000, "NZD")],
        ),
        # a currency code with a dollar sign
        (
            "The councils will commit SGD$2.5m (AUD$2.2m) to joint calls.",
            [("SGD$2.5m", 2_500_000, "SGD"), ("AUD$2.2m", 2_200_000, "AUD")],
        ),
    ],
)
def test_the_currency_of_a_bare_dollar(nlp, text, expected):
    assert units(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # coordinated numbers share the noun, also across adjectives of their own
        ("The panels meet every four or five years.", [("four", 4, "year"), ("five", 5, "year")]),
        ("The exchange involves ten Kenyan and twelve Ghanaian scientists.", [("ten", 10, "kenyan scientist"), ("twelve", 12, "ghanaian scientist")]),
        # a number with no noun of its own after a coordinator or in a comparison takes the noun before it
        ("Each project must include at least one lead scientist from Chile and one from Peru.", [("at least one", 1, "lead scientist"), ("one", 1, "lead scientist")]),
        ("Projects may now last up to 48 months instead of 36.", [("up to 48", 48, "month"), ("36", 36, "month")]),
        ("The fund supported 30 projects, up from 22 a year earlier.", [("30", 30, "project"), ("22", 22, "project")]),
        ("The programme funded 14 projects in 2019 and 9 in 2020.", [("14", 14, "project"), ("9", 9, "project")]),
    ],
)
def test_coordinated_and_elided_numbers_share_a_noun(nlp, text, expected):
    assert units(nlp, text) == expected


@pytest.mark.parametrize(
    "text, last_word",
    [
        # a name between the number and the noun it counts
        ("The five Andean Community (CAN) members met in Lima.", "member"),
        # a hyphenated modifier holding a preposition
        ("Currently 95 on-going Indo-French projects are supported.", "project"),
    ],
)
def test_the_counted_noun_behind_names_and_hyphenated_modifiers(nlp, text, last_word):
    [(_, _, unit)] = units(nlp, text)
    assert unit.split()[-1] == last_word


@pytest.mark.parametrize(
    "text, expected",
    [
        # a row's own label names what it counts: dot leaders, bar tables headed by names
        (
            "In numbers\n\n  Active grants (June 2022) ............ 23\n  Partner universities ................. 31\n",
            [("23", 23, "active grant"), ("31", 31, "partner university")],
        ),
        (
            "Facts at a glance\n\nKTH | NTU\nStaff | approx. 5,000 | approx. 8,000\n",
            [("approx. 5,000", 5000, "staff"), ("approx. 8,000", 8000, "staff")],
        ),
        # labels that say where take the caption's unit
        ("Participants by country (persons)\nKenya: 12\nGhana: 9\n", [("12", 12, "person"), ("9", 9, "person")]),
        # topics listed under a lead that names what is counted
        (
            "Projects approved in 2022:\n- Marine biology: 4\n- Health sciences: 3\n",
            [("4", 4, "project"), ("3", 3, "project")],
        ),
        # a column header naming a unit wins over the row's label
        (
            "Program                 Projects\nClimate research           5\nOcean observation call      8\n",
            [("5", 5, "project"), ("8", 8, "project")],
        ),
        # names each followed by a number, after a lead with a colon
        (
            "Joint projects under way with partners: NSF 104, JSPS 40 and CNRS 22.",
            [("104", 104, "joint project"), ("40", 40, "joint project"), ("22", 22, "joint project")],
        ),
        (
            "The council reviewed these numbers of applications: Physics 31, Chemistry 18.",
            [("31", 31, "application"), ("18", 18, "application")],
        ),
        # a list line opening with a name, then a count of its own noun; a model's entity running
        # over a line break does not make the next line's number part of a name
        (
            "Ongoing projects by partner:\n  • 64 projects with JSPS\n  • 12 projects with NSF\n  • Germany 9 new projects\n",
            [("64", 64, "project"), ("12", 12, "project"), ("9", 9, "new project")],
        ),
        # money after a label cue ("phase") is no label
        ("- Contribution to the current phase: €2.5 million", [("€2.5 million", 2_500_000, "EUR")]),
        # a country calling code makes a phone number
        ("Contact: Press Office, +353 1 716 4000.", []),
    ],
)
def test_units_of_table_rows_and_list_items(nlp, text, expected):
    assert units(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a column header is read as a noun phrase: participles, prepositions, "number of" and
        # bracketed years fall away; a bracketed currency and scale make money
        (
            "Call      Proposals received   Projects funded   Budget (USD)\n2019      120                  15                450,000\n",
            [("120", 120, "proposal"), ("15", 15, "project"), ("450,000", 450_000, "USD")],
        ),
        (
            "| Partner | Number of projects | Funding (€ million) |\n|---|---|---|\n| NSF | 12 | 3.4 |\n",
            [("12", 12, "project"), ("3.4", 3_400_000, "EUR")],
        ),
        ("Partner country   Scholarships (2022)\nGhana             25\nKenya             18\n", [("25", 25, "scholarship"), ("18", 18, "scholarship")]),
    ],
)
def test_units_of_column_headers(nlp, text, expected):
    assert units(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # plural acronyms and plural nouns the model takes for names
        ("The two countries signed 5 MoUs and 2 LoIs on the day.", [("two", 2, "country"), ("5", 5, "mou"), ("2", 2, "loi")]),
        ("Nine Memoranda of Understanding were exchanged.", [("Nine", 9, "memorandum of understanding")]),
        # continental money words and scales
        ("The EU adds Euro 3 million and Germany € 2 Mio. to the fund.", [("Euro 3 million", 3_000_000, "EUR"), ("€ 2 Mio", 2_000_000, "EUR")]),
        # "out of" and the object "number of X"
        ("The council approved 11 proposals out of 73 received.", [("11", 11, "proposal"), ("73", 73, "proposal")]),
        ("The partners agreed to double the number of scholarships to 200.", [("200", 200, "scholarship")]),
        # the body a page names first tells whose dollar it is, when no state is named there
        ("The Agency for Science, Technology and Research (A*STAR) will invest $25 million.", [("$25 million", 25_000_000, "SGD")]),
    ],
)
def test_unit_words_money_words_and_first_bodies(nlp, text, expected):
    assert units(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a currency glued to its scale in a header's bracket
        (
            "| Year | Joint calls | Budget (US$ m) | Grants (€m) |\n|---|---|---|---|\n| 2019 | 2 | 1.5 | 3 |\n",
            [("2", 2, "joint call"), ("1.5", 1_500_000, "USD"), ("3", 3_000_000, "EUR")],
        ),
        # cells with a mark or a short qualifier before the figure
        ("Year    Visits   Persons\n2019    ~15      c. 60\n", [("~15", 15, "visit"), ("c. 60", 60, "person")]),
        # a figure alone on its line, labelled by the line under or over it
        (
            "At a glance\n\n212\njoint projects funded since 2001\n\nPartner institutions\n38\n",
            [("212", 212, "joint project"), ("38", 38, "partner institution")],
        ),
    ],
)
def test_header_notes_marked_cells_and_callouts(nlp, text, expected):
    assert units(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a caption or lead counts its first plural noun ("number of" X: X); list labels that
        # are names take it
        ("The number of joint projects under each programme:\n- DST-NSF: 104\n- ILTP: 110\n", [("104", 104, "joint project"), ("110", 110, "joint project")]),
        ("Break-up of ongoing projects by partner agency is given below:\n- DFG: 35\n- CNRS: 22\n", [("35", 35, "ongoing project"), ("22", 22, "ongoing project")]),
        ("Number of fellowships awarded, by country\nKenya     12\nUganda     7\n", [("12", 12, "fellowship"), ("7", 7, "fellowship")]),
    ],
)
def test_captions_and_leads_name_what_a_list_counts(nlp, text, expected):
    assert units(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # currencies of many states, their words and signs
        (
            "The board approved BGN 1.44 million, the Uzbek side 11.5 billion soums and Belarus 1.9 million Belarusian rubles.",
            [("BGN 1.44 million", 1_440_000, "BGN"), ("11.5 billion soums", 11.5e9, "UZS"), ("1.9 million Belarusian rubles", 1_900_000, "BYN")],
        ),
        ("Tickets are capped at 5 000 DH a trip.", [("5 000 DH", 5000, "MAD")]),
        # thousands grouped by full stops, a decimal comma before a scale word
        (
            "Total: EUR 210.000. Colombia adds COP 8.400 millones and Peru S/ 2,1 millones.",
            [("EUR 210.000", 210_000, "EUR"), ("COP 8.400 millones", 8.4e9, "COP"), ("S/ 2,1 millones", 2_100_000, "PEN")],
        ),
        # a scale between the sign and the number; "Rs" is the rupee of the page's state
        ("COLOMBO, 3 May 2023 – The foundation has allocated Rs. Mn. 32 for the teams.", [("Rs. Mn. 32", 32_000_000, "LKR")]),
        ("The department will spend Rs 40 crore on the centre.", [("Rs 40 crore", 400_000_000, "INR")]),
        # square units written with a superscript
        ("The team mapped about 2,600 km² of the province.", [("about 2,600", 2600, "square kilometer")]),
    ],
)
def test_currencies_number_formats_and_measures(nlp, text, expected):
    assert units(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a column of row numbers counts nothing
        ("No. | Partner | Field\n1 | University of Split | marine biology\n2 | Institute of Physics | optics\n", []),
        # a row labelled by a plural noun says which of the header's things it counts; a header
        # naming two things counts both
        (
            "Instrument | Projects / grants | Contribution\nSeed money grants | 28 | CHF 0.9 million\nTotal | 37 | CHF 2.7 million\n",
            [("28", 28, "seed money grant"), ("CHF 0.9 million", 900_000, "CHF"), ("37", 37, "project and grant"), ("CHF 2.7 million", 2_700_000, "CHF")],
        ),
    ],
)
def test_row_number_columns_and_rows_that_say_which(nlp, text, expected):
    assert units(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a figure restated in brackets; multiplicatives written with "-fold"
        ("The MoU is valid for five (05) years, and eight (08) projects were selected.", [("five (05)", 5, "year"), ("eight (08)", 8, "project")]),
        ("Joint projects have grown more than fourfold; a 10-fold rise is planned.", [("more than fourfold", 4, "time"), ("10-fold", 10, "time")]),
        # the subject of a verb of change is what "from" and "to" count
        ("Co-authored publications rose from about 1,100 in 2015 to more than 1,900 in 2023.", [("about 1,100", 1100, "co-authored publication"), ("more than 1,900", 1900, "co-authored publication")]),
        # the part counts the whole it is taken out of, not the count told last
        ("Out of 74 eligible proposals in the two calls, nine were funded.", [("74", 74, "eligible proposal"), ("two", 2, "call"), ("nine", 9, "eligible proposal")]),
        # a total row with fewer cells than the rows above still finds its column
        (
            "Instrument | Projects | Contribution | Other\nMobility grants | 61 | CHF 0.3 million | –\nTotal | 98 | CHF 3.0 million\n",
            [("61", 61, "mobility grant"), ("CHF 0.3 million", 300_000, "CHF"), ("98", 98, "project"), ("CHF 3.0 million", 3_000_000, "CHF")],
        ),
    ],
)
def test_restated_figures_multiplicatives_changes_parts_and_totals(nlp, text, expected):
    assert units(nlp, text) == expected


def test_names_each_followed_by_a_bracketed_count(nlp):
    text = (
        "The selected proposals were submitted by the University of Lagos (03), "
        "the Federal Institute of Technology (02) and the University of Ibadan (01)."
    )
    assert units(nlp, text) == [("03", 3, "selected proposal"), ("02", 2, "selected proposal"), ("01", 1, "selected proposal")]
    # a lone bracketed number after a name stays a label
    assert units(nlp, "The committee (2) met in March. See note (1).") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Over 200 participants attended, including 40 from abroad.", [("Over 200", 200, "participant"), ("40", 40, "participant")]),
        ("The agreement was extended for five more years.", [("five", 5, "year")]),
        ("The ministry will give 10 million kronor and 5 million Chinese yuan.", [("10 million kronor", 10_000_000, "SEK"), ("5 million Chinese yuan", 5_000_000, "CNY")]),
    ],
)
def test_including_more_years_and_currency_words(nlp, text, expected):
    assert units(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # page furniture: a reading time under a breadcrumb, the total of a numbering
        "Home > News > Press releases\nPublished: 12.03.2023 | 4 min read | Share\n",
        "Page 1 of 3 | Next",
        "Photo: Ministry of Science (2 of 5)",
    ],
)
def test_page_furniture_counts_nothing(nlp, text):
    assert units(nlp, text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Half a million euros went to the labs.", [("Half a million euros", 500_000, "EUR")]),
        ("Some 35 Brazilian and 28 Dutch PhD candidates were trained.", [("Some 35", 35, "brazilian candidate"), ("28", 28, "dutch phd candidate")]),
        ("Researchers: 45 (of whom 20 women)", [("45", 45, "researcher"), ("20", 20, "woman")]),
    ],
)
def test_half_a_scale_qualified_coordinates_and_asides(nlp, text, expected):
    assert units(nlp, text) == expected


def test_work_in_people_and_time_is_a_measure(nlp):
    assert counts(nlp, "The project will use 36 person-months and 120 man-days.") == [
        ("36", 36, "exact", "person month", "measure"),
        ("120", 120, "exact", "person day", "measure"),
    ]
