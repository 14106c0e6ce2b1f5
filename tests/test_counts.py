"""The st_counts component: numbers that quantify something (SPEC 3.3, 3.5 Counts)."""

import math
from collections import Counter
from pathlib import Path

import pytest

from pipeline.gold import load_gold
from pipeline.nlp import analyse_text
from pipeline.text import spec_form
from pipeline.vocabulary import COUNT_KINDS, COUNT_QUALIFIERS, DURATION_UNITS

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
GOLD = CORPUS.parent / "annotations"


def counts(nlp, text):
    """(text, value, qualifier, unit, kind) of every count in `text`, in order."""
    doc = analyse_text(nlp, text)
    return [
        (span.text, span._.count.value, span._.count.qualifier, span._.count.unit, span._.count.kind)
        for span in doc.spans["counts"]
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # counted nouns, singular and lower case, with their modifiers
        ("Till date, more than 250 joint projects have been supported.", [("more than 250", 250, "more_than", "joint project", "count")]),
        ("1600 exchange visits of scientists have taken place.", [("1600", 1600, "exact", "exchange visit", "count")]),
        ("In 2012, 186 Indian scientists from 14 institutions joined the project.", [("186", 186, "exact", "indian scientist", "count"), ("14", 14, "exact", "institution", "count")]),
        ("In November 2018, 26 young administrators visited Japan.", [("26", 26, "exact", "young administrator", "count")]),
        ("Currently, six countries and one region are participating.", [("six", 6, "exact", "country", "count"), ("one", 1, "exact", "region", "count")]),
        ("Japan has agreements with 53 countries and institutions around the world.", [("53", 53, "exact", "country and institution", "count")]),
        ("The programme invited researchers and administrators, totaling 30 people.", [("30", 30, "exact", "person", "count")]),
        ("Eighteen joint research projects have been supported.", [("Eighteen", 18, "exact", "joint research project", "count")]),
        ("Three India-Japan Joint Laboratories were established.", [("Three", 3, "exact", "india-japan joint laboratory", "count")]),
        ("Twenty-five institutions and one hundred and twenty students took part.", [("Twenty-five", 25, "exact", "institution", "count"), ("one hundred and twenty", 120, "exact", "student", "count")]),
        ("A total of 1,500 researchers took part.", [("1,500", 1500, "exact", "researcher", "count")]),
        ("The number of participating researchers stood at more than 73 thousand.", [("more than 73 thousand", 73000, "more_than", "participating researcher", "count")]),
        ("The statement identified a dozen priority areas.", [("a dozen", 12, "approx", "priority area", "count")]),
        ("The MOU has been extended thrice since then.", [("thrice", 3, "exact", "time", "count")]),
        ("Two of the projects were completed early.", [("Two", 2, "exact", "project", "count")]),
        ("The 10-member delegation visited 5G testbeds.", [("10", 10, "exact", "member", "count")]),
        # qualifiers before and after the number
        ("About 200 Japanese researchers are participating.", [("About 200", 200, "approx", "japanese researcher", "count")]),
        ("Each call supports up to 5 projects.", [("up to 5", 5, "up_to", "project", "count")]),
        ("The network links at least 3 universities.", [("at least 3", 3, "at_least", "university", "count")]),
        ("The agency funds 10 or more projects each year.", [("10 or more", 10, "at_least", "project", "count")]),
        ("The call received fewer than 20 proposals.", [("fewer than 20", 20, "less_than", "proposal", "count")]),
        ("The foundation supports between 10 and 20 researchers.", [("10", 10, "at_least", "researcher", "count"), ("20", 20, "up_to", "researcher", "count")]),
        # money: the currency code is the unit
        ("The support funds totaled about 836.5 million U.S. dollars.", [("about 836.5 million U.S. dollars", 836_500_000, "approx", "USD", "money")]),
        ("Grants range from A$500,000 to A$1 million.", [("A$500,000", 500_000, "at_least", "AUD", "money"), ("A$1 million", 1_000_000, "up_to", "AUD", "money")]),
        ("The fund holds $3.5m and EUR 12 million.", [("$3.5m", 3_500_000, "exact", "USD", "money"), ("EUR 12 million", 12_000_000, "exact", "EUR", "money")]),
        ("JST commits up to ¥500 million and DST Rs 100 crore.", [("up to ¥500 million", 500_000_000, "up_to", "JPY", "money"), ("Rs 100 crore", 1_000_000_000, "exact", "INR", "money")]),
        ("The ministry spent 20 million yuan and KRW 1.2 billion.", [("20 million yuan", 20_000_000, "exact", "CNY", "money"), ("KRW 1.2 billion", 1_200_000_000, "exact", "KRW", "money")]),
        ("Together this is roughly US$7.5m at 2022 rates.", [("roughly US$7.5m", 7_500_000, "approx", "USD", "money")]),
        # percentages
        ("Only 0.3% of overseas researchers stayed.", [("0.3%", 0.3, "exact", "percent", "percent")]),
        ("The share rose to 45 percent, then to 47 per cent.", [("45 percent", 45, "exact", "percent", "percent"), ("47 per cent", 47, "exact", "percent", "percent")]),
        ("Emissions fall by 80% or more.", [("80% or more", 80, "at_least", "percent", "percent")]),
        ("The goal is at least a 50% reduction.", [("at least a 50%", 50, "at_least", "percent", "percent")]),
        # durations
        ("MEXT agreed to support the beamline for a further 5 years.", [("5", 5, "exact", "year", "duration")]),
        ("The experiments used 389 days of beam time.", [("389", 389, "exact", "day", "duration")]),
        ("The committee meets every two years.", [("two", 2, "exact", "year", "duration")]),
        ("Most of them stayed for 6 to 12 months.", [("6", 6, "at_least", "month", "duration"), ("12", 12, "up_to", "month", "duration")]),
        ("The MoU for the next five-year period was signed.", [("five", 5, "exact", "year", "duration")]),
        ("Sixteen years have passed since its establishment.", [("Sixteen", 16, "exact", "year", "duration")]),
        ("Grants run for 24 months (max. 3 years).", [("24", 24, "exact", "month", "duration"), ("max. 3", 3, "up_to", "year", "duration")]),
        # measures
        ("The vessel can drill to 7000m below the seafloor.", [("7000", 7000, "exact", "meter", "measure")]),
        ("The array spans 3,000 metres and 10 km of cable.", [("3,000", 3000, "exact", "meter", "measure"), ("10", 10, "exact", "kilometer", "measure")]),
    ],
)
def test_count_expressions(nlp, text, expected):
    assert counts(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The agreement was signed in 1985 and renewed on 8 December 2016.",
        "The meeting was held on March 24-25, 2011 in Paris.",
        "The 9th meeting discussed the Third Basic Plan and the 3rd strategy.",
        "See Figure 2-3-22, Table 3 and Section 2.6 in Part 1, Chapter 1, Section 2, 8 [1].",
        "The G8 summit, the COVID-19 pandemic, the A3 Foresight Program, the Belle-II experiment and the H-II rocket.",
        "The Society 5.0 initiative builds on Horizon 2020 and the ASEAN+3 framework under its 2+2 scheme.",
        "Call +81-3-5214-8401 or fax 03 5214 8401.",
        "It follows the 3<sup>rd</sup> Basic Plan of the ICSU<sup>1</sup> and the 2<sup>nd</sup> meeting.",
        "Roughly one third of the papers and two-thirds of the funds.",
        "The budget was twice as large. One of the most important partners is Japan.",
        "Student numbers for the 2022-23 academic year rose.",
    ],
)
def test_numbers_that_do_not_count(nlp, text):
    assert counts(nlp, text) == []


def test_list_and_heading_markers_are_labels(nlp):
    text = "## 3 Cooperation\n\n(1) Background\n\n1) Scope of the programme\n\n2. Funding of 4 projects\n"
    assert counts(nlp, text) == [("4", 4, "exact", "project", "count")]


def test_label_lines_and_table_columns_give_the_unit(nlp):
    text = (
        "Results\n\n"
        "• Joint research projects funded: 212\n"
        "• Researchers and students exchanged: over 3,500\n"
        "Budget: JPY 30 million. Number of projects: approx. 6\n\n"
        "Program                     Projects    Funding\n"
        "Marine research                   12    KRW 3.6 billion\n"
        "Climate research                   8    KRW 2.4 billion\n"
    )
    assert counts(nlp, text) == [
        ("212", 212, "exact", "joint research project", "count"),
        ("over 3,500", 3500, "more_than", "researcher and student", "count"),
        ("JPY 30 million", 30_000_000, "exact", "JPY", "money"),
        ("approx. 6", 6, "approx", "project", "count"),
        ("12", 12, "exact", "project", "count"),
        ("KRW 3.6 billion", 3_600_000_000, "exact", "KRW", "money"),
        ("8", 8, "exact", "project", "count"),
        ("KRW 2.4 billion", 2_400_000_000, "exact", "KRW", "money"),
    ]


def test_spans_are_exact_sorted_and_disjoint(nlp):
    text = "In 2019,\n  about 40 groups  and\tmore than 1,000 researchers received EUR 2 million (approx. 18%)."
    doc = analyse_text(nlp, text)
    spans = list(doc.spans["counts"])
    assert [s.text for s in spans] == ["about 40", "more than 1,000", "EUR 2 million", "approx. 18%"]
    for span in spans:
        assert text[span.start_char : span.end_char] == span.text
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.stem)
def test_corpus_counts_are_well_formed(nlp, path):
    text = path.read_text(encoding="utf-8")
    doc = analyse_text(nlp, text)
    spans = list(doc.spans["counts"])
    dates = {(s.start_char, s.end_char) for s in doc.spans["dates"]} if "dates" in doc.spans else set()
    for span in spans:
        count = span._.count
        assert text[span.start_char : span.end_char] == span.text
        assert count.qualifier in COUNT_QUALIFIERS and count.kind in COUNT_KINDS
        assert math.isfinite(count.value) and count.value >= 0
        assert span.label_ == count.kind
        assert (span.start_char, span.end_char) not in dates
        if count.kind == "money":
            assert len(count.unit) == 3 and count.unit.isupper()
        elif count.kind == "percent":
            assert count.unit == "percent"
        elif count.kind == "duration":
            assert count.unit in DURATION_UNITS
        else:
            assert count.unit == count.unit.lower()
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))
    # Well-formed is not enough: every count the gold requires is found, value and unit's last word.
    found = Counter((round(s._.count.value, 6), spec_form(s._.count.unit).split()[-1]) for s in spans)
    required = Counter(
        (round(c.value, 6), spec_form(c.unit).split()[-1]) for c in load_gold(GOLD / f"{path.stem}.yaml").counts if not c.optional
    )
    assert required - found == Counter(), f"gold counts not found: {required - found}"


def test_a_possessive_before_the_number_does_not_glue_words_of_the_unit(nlp):
    from pipeline.nlp import analyse_text

    doc = analyse_text(nlp, "About 15 of the institute's 60 researchers joined.")
    [count] = [s._.count for s in doc.spans["counts"] if s.text == "About 15"]
    assert count.unit.split()[-1] == "researcher"


@pytest.mark.parametrize(
    "text, expected",
    [
        # a bare "$" is the dollar of the state the text is written from or about
        ("WELLINGTON, 4 May 2022 – The ministry will invest $12 million in the new centre.", [("$12 million", 12_000_000, "exact", "NZD", "money")]),
        ("Canadian researchers and the Canadian agency will share $640,000 for three years.", [("$640,000", 640_000, "exact", "CAD", "money"), ("three", 3, "exact", "year", "duration")]),
        ("The fund gives $2 million to teams in Ghana and Kenya.", [("$2 million", 2_000_000, "exact", "USD", "money")]),
        # currency symbols, prefixes and scale letters
        ("The rand contribution is R 18 million and KSh 40 million.", [("R 18 million", 18_000_000, "exact", "ZAR", "money"), ("KSh 40 million", 40_000_000, "exact", "KES", "money")]),
        ("Each grant is worth up to SGD$ 2 million, or RM 3 million.", [("up to SGD$ 2 million", 2_000_000, "up_to", "SGD", "money"), ("RM 3 million", 3_000_000, "exact", "MYR", "money")]),
        ("The sector is worth $2.1T worldwide.", [("$2.1T", 2.1e12, "exact", "USD", "money")]),
        ("Travel grants of up to 10 000 dollars are available.", [("up to 10 000 dollars", 10_000, "up_to", "USD", "money")]),
        ("The call budget is PLN 9.8 million and CZK 6 million.", [("PLN 9.8 million", 9_800_000, "exact", "PLN", "money"), ("CZK 6 million", 6_000_000, "exact", "CZK", "money")]),
        # unit symbols and abbreviations become unit names
        ("The trials gave 1.5 t of grain per hectare at below 4°C.", [("1.5", 1.5, "exact", "tonne", "measure"), ("below 4", 4, "less_than", "degree celsius", "measure")]),
        ("The glider covered about 2,000 mi and the samples held 0.02 mg of lead.", [("about 2,000", 2000, "approx", "mile", "measure"), ("0.02", 0.02, "exact", "milligram", "measure")]),
        # fractions, mixed numbers and number words
        ("Fellows stay for two and a half years, students for 2 1/2 months.", [("two and a half", 2.5, "exact", "year", "duration"), ("2 1/2", 2.5, "exact", "month", "duration")]),
        ("The network now has a hundred and two partner institutes.", [("a hundred and two", 102, "exact", "partner institute", "count")]),
        # ranges and coordinated numbers
        ("Growth is expected at 3.5–4.0 percent a year.", [("3.5", 3.5, "at_least", "percent", "percent"), ("4.0 percent", 4.0, "up_to", "percent", "percent")]),
        ("Each lab hosts 45 and 50 researchers respectively.", [("45", 45, "exact", "researcher", "count"), ("50", 50, "exact", "researcher", "count")]),
    ],
)
def test_count_expressions_of_real_pages(nlp, text, expected):
    assert counts(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Visit us at 628 Church Street, Pretoria, or write to 1055 Budapest, Hungary.",
        "Contents\n\n3.3 Money and scale\n\n4.3 Partners in the region\n",
    ],
)
def test_addresses_postcodes_and_numbered_headings_are_no_counts(nlp, text):
    assert counts(nlp, text) == []


def test_tables_and_figure_lists_take_their_unit_from_the_caption(nlp):
    text = (
        "Exchanges supported (number of researchers)\n"
        "  2021 – 14\n"
        "  2022 – 17\n"
        "\n"
        "Grants by partner and year (NZD thousands)\n"
        "\n"
        "  Year     Samoa   Tonga   Total\n"
        "  2021       120      80     200\n"
        "\n"
        "Pilot plants built per region\n"
        "  North ........ 4\n"
    )
    assert counts(nlp, text) == [
        ("14", 14, "exact", "researcher", "count"),
        ("17", 17, "exact", "researcher", "count"),
        ("120", 120_000, "exact", "NZD", "money"),
        ("80", 80_000, "exact", "NZD", "money"),
        ("200", 200_000, "exact", "NZD", "money"),
        ("4", 4, "exact", "pilot plant", "count"),
    ]


def test_a_list_line_labelled_by_what_it_counts_keeps_its_label(nlp):
    text = "Key figures\n\n- Chilean students in Finland (2022-23 academic year): about 1,200\n"
    assert counts(nlp, text) == [("about 1,200", 1200, "approx", "chilean student", "count")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Of the 40 proposals received, eleven were funded.", [("40", 40, "exact", "proposal", "count"), ("eleven", 11, "exact", "proposal", "count")]),
        ("Teams sent 64 joint applications, of which 12 were selected.", [("64", 64, "exact", "joint application", "count"), ("12", 12, "exact", "joint application", "count")]),
        ("NEW ZEALAND, 3 May – The global market for sensors is worth $2.1T.", [("$2.1T.", 2.1e12, "exact", "USD", "money")]),
    ],
)
def test_elided_nouns_and_world_figures(nlp, text, expected):
    assert counts(nlp, text) == expected
