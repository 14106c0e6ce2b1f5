"""st_counts on the forms of issue 10 item 4 and on habits of real pages from many countries
(session 4): amounts with a scale letter before the currency code ("MNOK 20", "k€ 400"), thousands
grouped by spaces after a glued currency ("R750 000"), continental scale words ("mill", "milliard",
"millions d'euros", "tys."), Swiss francs, number words after "thousand", negative measures,
frequencies, and a stage or round that an earlier word already names ("the final round 14 teams").
Every sentence here is our own."""

import pytest

from tests.test_counts_context import units


@pytest.mark.parametrize(
    "text, expected",
    [
        # a scale letter glued before a currency code or sign, before or after the number
        ("The call has MNOK 25 a year, and MSEK 12 came from Sweden.", [("MNOK 25", 25_000_000, "NOK"), ("MSEK 12", 12_000_000, "SEK")]),
        ("Estonia adds k€ 400 and Austria TEUR 250.", [("k€ 400", 400_000, "EUR"), ("TEUR 250", 250_000, "EUR")]),
        ("The network costs 3 M€ over the period.", [("3 M€", 3_000_000, "EUR")]),
        ("A grant of MEUR3.5 was approved.", [("MEUR3.5", 3_500_000, "EUR")]),
        # ... not a word that merely starts like one ("Mars" is no million Argentine pesos)
        ("The Mars 2 lander carried 4 instruments.", [("4", 4, "instrument")]),
    ],
)
def test_scaled_currency_codes(nlp, text, expected):
    assert units(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # thousands grouped by a space after a currency glued to the digits
        ("Each project gets at most R800 000 over three years.", [("at most R800 000", 800_000, "ZAR"), ("over three", 3, "year")]),
        ("The prize is €250 000 this year.", [("€250 000", 250_000, "EUR")]),
        # continental and other scale words
        ("The indicative budget is R9.5 mill in total.", [("R9.5 mill", 9_500_000, "ZAR")]),
        ("Poland adds zł 500 tys. to the call.", [("zł 500 tys", 500_000, "PLN")]),
        ("The plan reached 1,2 milliard euros.", [("1,2 milliard euros", 1_200_000_000, "EUR")]),
        ("Paris committed 650 millions d'euros to it.", [("650 millions d'euros", 650_000_000, "EUR")]),
        # Swiss francs as Swiss pages abbreviate them
        ("The foundation gave SFr. 3 million and Fr. 200,000.", [("SFr. 3 million", 3_000_000, "CHF"), ("Fr. 200,000", 200_000, "CHF")]),
    ],
)
def test_money_forms(nlp, text, expected):
    assert units(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # number words after "thousand" or "million" add to it
        ("One thousand two hundred students took part.", [("One thousand two hundred", 1200, "student")]),
        ("Two million three hundred thousand seedlings were planted.", [("Two million three hundred thousand", 2_300_000, "seedling")]),
        # ... but a hyphenated word after it is a count of its own noun
        ("Ten thousand two-day passes were sold.", [("Ten thousand", 10_000, "two-day pass"), ("two", 2, "day")]),
    ],
)
def test_number_words_after_a_scale(nlp, text, expected):
    assert units(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a minus sign before a measure; elsewhere a glued minus is no count
        ("Samples are kept at -80 °C in the new store.", [("-80", -80, "degree celsius")]),
        ("The index moved from 2010 -2015 without a break.", []),
        # frequencies are measures
        ("The radios work at 3.5–4.0 GHz.", [("3.5", 3.5, "gigahertz"), ("4.0", 4.0, "gigahertz")]),
    ],
)
def test_measures(nlp, text, expected):
    assert units(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a stage or round that a word before it already names: the number after it counts
        ("In the first stage 210 proposals came in, out of which 130 passed.", [("210", 210, "proposal"), ("130", 130, "proposal")]),
        ("In the final round 14 teams were chosen.", [("14", 14, "team")]),
        # ... while a cue with no such word labels its number
        ("Phase 2 projects start in May.", []),
        ("See Table 3 for the list.", []),
    ],
)
def test_label_cues_already_identified(nlp, text, expected):
    assert units(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an amount with a scale word and no unit takes the currency of the amount before it
        (
            "The fund gave €4 million to Ghana, 2.5 million to Kenya and 1 million to Togo.",
            [("€4 million", 4_000_000, "EUR"), ("2.5 million", 2_500_000, "EUR"), ("1 million", 1_000_000, "EUR")],
        ),
        (
            "The budget totals ¥215.4 billion, which includes 120.3 billion in grants.",
            [("¥215.4 billion", 215_400_000_000, "JPY"), ("120.3 billion", 120_300_000_000, "JPY")],
        ),
        # ... not across a sentence
        ("The fund gave €4 million. About 2.5 million were spent.", [("€4 million", 4_000_000, "EUR"), ("About 2.5 million", 2_500_000, "")]),
        # "ones" counts the noun of the count before it
        (
            "The two agencies approved 7 new projects and 11 ongoing ones.",
            [("two", 2, "agency"), ("7", 7, "new project"), ("11", 11, "ongoing project")],
        ),
    ],
)
def test_shared_from_the_count_before(nlp, text, expected):
    assert units(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a tilde between two numbers is a range, as East Asian pages write it
        ("Small projects run for 2~3 years.", [("2", 2, "year"), ("3", 3, "year")]),
        ("About 10~15% of the budget goes to travel.", [("About 10", 10, "percent"), ("15%", 15, "percent")]),
        # ... and before one number it is still "about"
        ("The call funds ~15 projects.", [("~15", 15, "project")]),
        # a house number before a street's name is no count
        ("Write to the office at 201 Gajeong-ro, Daejeon.", []),
        ("The embassy moved to 12 Garden Road last year.", []),
        ("12 new projects start in May.", [("12", 12, "new project")]),
    ],
)
def test_tilde_ranges_and_addresses(nlp, text, expected):
    assert units(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # list lines parting a name from its figure by a spaced dash, under a lead naming the noun
        (
            "Funded projects per country:\nKenya – 4\nUganda – 3\n",
            [("4", 4, "funded project"), ("3", 3, "funded project")],
        ),
        # a hyphen glued inside a name is no such dash
        ("Co-funded calls:\nIndia-Kenya 2023\n", []),
        # the parts of a count listed after a colon, each with a preposition
        (
            "The call received 86 proposals: 31 in health, 28 in agriculture and 27 in energy.",
            [("86", 86, "proposal"), ("31", 31, "proposal"), ("28", 28, "proposal"), ("27", 27, "proposal")],
        ),
        # "half a dozen" is six
        ("Half a dozen institutes joined.", [("Half a dozen", 6, "institute")]),
    ],
)
def test_list_lines_and_parts(nlp, text, expected):
    assert units(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # scale words of Indonesian and Vietnamese pages, Peruvian soles with a dot
        ("The ministry set aside Rp1.5 triliun for the network.", [("Rp1.5 triliun", 1_500_000_000_000, "IDR")]),
        ("Hanoi will spend 50 tỷ đồng on the centre.", [("50 tỷ đồng", 50_000_000_000, "VND")]),
        ("Each team receives S/. 500,000 a year.", [("S/. 500,000", 500_000, "PEN")]),
        # "-plus" and "-odd" qualify the number, not the noun
        (
            "Some 7,000-plus visitors and 150-odd exhibitors came.",
            [("Some 7,000-plus", 7000, "visitor"), ("150-odd", 150, "exhibitor")],
        ),
    ],
)
def test_more_money_and_qualifiers(nlp, text, expected):
    assert units(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the parts of a call or work plan are labels
        ("Work Package 4 and Topic 2 cover 3 kg of samples.", [("3", 3, "kilogram")]),
        ("Funding goes to Pillar 2 and Cluster 5 of the programme.", []),
        # a number in a table or list line followed by its own noun counts that noun, not the header
        (
            "Related news\nThe agency awards 200 grants to students | 9 May 2024\n",
            [("200", 200, "grant")],
        ),
        ("First steps\n\nThe two councils agreed on these actions:\n- a pilot call\n", [("two", 2, "council")]),
    ],
)
def test_labels_and_list_cells(nlp, text, expected):
    assert units(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a list of plural nouns counted together, whatever the parse hangs them on
        ("Since 2006 it has backed over 380 projects, fellowships and workshops.", [("over 380", 380, "project, fellowship and workshop")]),
        ("It has backed 380 projects, fellowships, and workshops in total.", [("380", 380, "project, fellowship and workshop")]),
        # ... but a comma and "and" after one noun may open a clause
        (
            "It signed agreements with 40 countries, and joint committees meet with a third of them.",
            [("40", 40, "country")],
        ),
    ],
)
def test_listed_nouns(nlp, text, expected):
    assert units(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a number word glued to an idiom's word is an adjective, not a count
        ("A one-off grant, a two-way exchange and one-to-one mentoring.", []),
        ("Guests stayed at a 5-star hotel.", []),
        ("Each fellow gets EUR 1,800 and a one-off travel grant of EUR 600.", [("EUR 1,800", 1800, "EUR"), ("EUR 600", 600, "EUR")]),
        # ... while a number glued to a unit still counts
        ("A two-day workshop opened.", [("two", 2, "day")]),
        # a split of equal parts is no range
        ("Costs are shared on a 50-50 basis by 3 partners.", [("3", 3, "partner")]),
        ("Enrolment rose 10-20 percent.", [("10", 10, "percent"), ("20 percent", 20, "percent")]),
    ],
)
def test_idioms_and_splits(nlp, text, expected):
    assert units(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a group of people counted after "of" with no noun of its own counts persons
        (
            "A delegation of 15 (8 from India and 7 from Japan) attended.",
            [("15", 15, "person"), ("8", 8, "person"), ("7", 7, "person")],
        ),
        ("A team of 4 researchers won.", [("4", 4, "researcher")]),
        # ... not the first number of a range
        ("It is open to groups of 3 to 5 partners.", [("3", 3, "partner"), ("5", 5, "partner")]),
        # "took part:" is no label before the number
        (
            "Twenty scientists took part: twelve from Norway and eight from Chile.",
            [("Twenty", 20, "scientist"), ("twelve", 12, "scientist"), ("eight", 8, "scientist")],
        ),
        # a hyphenated square measure
        ("He built a 300-square-meter house.", [("300", 300, "square meter")]),
    ],
)
def test_people_and_measures(nlp, text, expected):
    assert units(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # columns headed by a word that only modifies count the caption's noun
        (
            "Table 2: Mobility grants by year\n\nYear    Outgoing    Incoming\n2021    14          9\n",
            [("14", 14, "mobility grant"), ("9", 9, "mobility grant")],
        ),
        # a label cue and a colon before a number that counts the noun after it label nothing
        ("In figures: 3 joint labs | 27 projects", [("3", 3, "joint lab"), ("27", 27, "project")]),
        ("Tel.: 2345 6789", []),
    ],
)
def test_headers_and_colon_cues(nlp, text, expected):
    assert units(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "kr" and "kroner" are the crown of the page's state
        ("OSLO, 3 March 2022 – The council gives kr 5 million and 12 million kroner.", [("kr 5 million", 5_000_000, "NOK"), ("12 million kroner", 12_000_000, "NOK")]),
        ("COPENHAGEN – The foundation awards kr. 2.5 million.", [("kr. 2.5 million", 2_500_000, "DKK")]),
        ("STOCKHOLM – The agency gives kr 10 million.", [("kr 10 million", 10_000_000, "SEK")]),
        ("The fund gave 5 million Swedish kroner.", [("5 million Swedish kroner", 5_000_000, "SEK")]),
    ],
)
def test_crowns(nlp, text, expected):
    assert units(nlp, text) == expected


def test_a_total_in_words_leaves_its_number_out_of_the_unit(nlp):
    text = "A total of one hundred and twenty-five scholarships were awarded, plus a further 30."
    assert units(nlp, text) == [("one hundred and twenty-five", 125, "scholarship"), ("30", 30, "scholarship")]
