"""st_dates: calendar date expressions (SPEC 3.2 and the date cases of 3.5)."""

import datetime as dt
import re
from pathlib import Path

import pytest

from pipeline.components.date_grammar import _case_variants
from pipeline.components.date_reading import (
    DAY_FIRST, MONTH_FIRST, MONTH_NUMBERS, OrdinalDays, _date_parser, calendar_date, numeric_order, read_numeric,
    two_digit_year, year_month,
)
from pipeline.data_files import load_yaml
from pipeline.components.dates import make_dates
from pipeline.nlp import analyse_text

CORPUS = Path(__file__).resolve().parents[1] / "corpus"

VALUE_FORMATS = {
    "day": r"\d{4}-\d\d-\d\d",
    "month": r"\d{4}-\d\d",
    "year": r"\d{4}",
    "fiscal_year": r"FY\d{4}",
    "decade": r"\d{3}X",
}
POINT = "|".join(f"(?:{f})" for f in VALUE_FORMATS.values())
VALUE_FORMATS["interval"] = rf"(?:{POINT})/(?:{POINT})"


def found(nlp, text):
    """(text, value) of every date found in `text`."""
    doc = analyse_text(nlp, text)      # spans need their Doc alive
    return [(s.text, s._.date.value) for s in doc.spans["dates"]]


def date_of(nlp, text, surface):
    doc = analyse_text(nlp, text)
    matches = [s._.date for s in doc.spans["dates"] if s.text == surface]
    assert matches, f"{surface!r} not found in {[s.text for s in doc.spans['dates']]}"
    return matches[0]


# --- SPEC 3.2 table ------------------------------------------------------------

@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The MoU was signed on 8th December 2006 in Tokyo.", [("8th December 2006", "2006-12-08")]),
        ("An addendum was signed on 14th September, 2013 in New Delhi.", [("14th September, 2013", "2013-09-14")]),
        ("Group photo at the ministry (November 8, 2018).", [("November 8, 2018", "2018-11-08")]),
        ("The committee met on 30 January 2017 in India.", [("30 January 2017", "2017-01-30")]),
        ("ISRO and JAXA signed it on 11 November 2016.", [("11 November 2016", "2016-11-11")]),
        ("An arrangement was signed in January 2014 at New Delhi.", [("January 2014", "2014-01")]),
        ("Students visited until Jan 2019 and Dec 2018.", [("Jan 2019", "2019-01"), ("Dec 2018", "2018-12")]),
        ("A memorandum was signed in November, 2016 in Tokyo.", [("November, 2016", "2016-11")]),
        ("The accord was signed, in Feb 2012, between the two institutes.", [("Feb 2012", "2012-02")]),
        ("In May of 2010, the summit was held.", [("May of 2010", "2010-05")]),
        ("The agreement was signed in 1985 between the ministries.", [("1985", "1985")]),
        ("The laboratories were established in 2016.", [("2016", "2016")]),
        ("A survey in FY 2009 showed a decline.", [("FY 2009", "FY2009")]),
        ("The share rose in FY2018 from FY2014.", [("FY2018", "FY2018"), ("FY2014", "FY2014")]),
        ("In fiscal 2019, officials were invited.", [("fiscal 2019", "FY2019")]),
        ("The budget for fiscal year 2018 was cut.", [("fiscal year 2018", "FY2018")]),
        ("Collaboration dates back to the 1960s.", [("1960s", "196X")]),
        ("The MoU was renewed for a second term (2012-2017).", [("2012-2017", "2012/2017")]),
        ("Horizon Europe runs 2021–2027 in seven calls.", [("2021–2027", "2021/2027")]),
        ("The meeting was held from March 24-25, 2011, in Paris.", [("March 24-25, 2011", "2011-03-24/2011-03-25")]),
        ("It met in Seoul on April 3-5, 2019.", [("April 3-5, 2019", "2019-04-03/2019-04-05")]),
        ("The workshop took place on 14-15 June 2022.", [("14-15 June 2022", "2022-06-14/2022-06-15")]),
        ("Funding for FY2016-2020 was approved.", [("FY2016-2020", "FY2016/FY2020")]),
        ("Joint programs, FY2018–FY2020, are listed.", [("FY2018–FY2020", "FY2018/FY2020")]),
        ("He was a member from 2006 to 2009.", [("2006 to 2009", "2006/2009")]),
        ("The call ran from 1 April 2009 to 31 March 2010.", [("1 April 2009 to 31 March 2010", "2009-04-01/2010-03-31")]),
        ("Trials ran April-June 2010.", [("April-June 2010", "2010-04/2010-06")]),
        ("The plan covers 2022-23.", [("2022-23", "2022/2023")]),
        ("The treaty entered into force on 2021-10-20.", [("2021-10-20", "2021-10-20")]),
        ("News, 12.09.2018: the universities agreed.", [("12.09.2018", "2018-09-12")]),
        ("The statement was issued on Tuesday, 20 October 2021.", [("Tuesday, 20 October 2021", "2021-10-20")]),
        ("They met on Sept. 5, 2019 and on 14 Nov 2018.", [("Sept. 5, 2019", "2019-09-05"), ("14 Nov 2018", "2018-11-14")]),
    ],
)
def test_spec_table(nlp, sentence, expected):
    assert found(nlp, sentence) == expected


@pytest.mark.parametrize(
    "sentence, surface, granularity, start, end",
    [
        ("Signed on 8th December 2006.", "8th December 2006", "day", dt.date(2006, 12, 8), dt.date(2006, 12, 8)),
        ("Signed in February 2012.", "February 2012", "month", dt.date(2012, 2, 1), dt.date(2012, 2, 29)),
        ("Signed in 1985.", "1985", "year", dt.date(1985, 1, 1), dt.date(1985, 12, 31)),
        ("Spent in FY 2009.", "FY 2009", "fiscal_year", dt.date(2009, 4, 1), dt.date(2010, 3, 31)),
        ("Back to the 1960s.", "1960s", "decade", dt.date(1960, 1, 1), dt.date(1969, 12, 31)),
        ("Term (2012-2017).", "2012-2017", "interval", dt.date(2012, 1, 1), dt.date(2017, 12, 31)),
        ("Held March 24-25, 2011.", "March 24-25, 2011", "interval", dt.date(2011, 3, 24), dt.date(2011, 3, 25)),
    ],
)
def test_granularity_and_covered_days(nlp, sentence, surface, granularity, start, end):
    date = date_of(nlp, sentence, surface)
    assert (date.granularity, date.start_date, date.end_date, date.from_context) == (granularity, start, end, False)


def test_fiscal_year_start_month_is_a_setting(nlp):
    doc = analyse_text(nlp, "The survey in FY 2009 was repeated.")
    calendar_years = make_dates(nlp, "st_dates", "dates.yaml", 1800, 2100, 1)
    (span,) = calendar_years(doc).spans["dates"]
    assert (span._.date.value, span._.date.start_date, span._.date.end_date) == (
        "FY2009", dt.date(2009, 1, 1), dt.date(2009, 12, 31)
    )


# --- modifiers and prepositions are not part of the date (SPEC 3.2, 3.5) -------

@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Visits began from the end of April 2010 to propose a fund.", [("April 2010", "2010-04")]),
        ("Sales recovered in early 2015.", [("2015", "2015")]),
        ("The programme has run since 2003.", [("2003", "2003")]),
        ("By the end of 2020, forty scientists had visited.", [("2020", "2020")]),
        ("The peak period (FY 2000) was higher.", [("FY 2000", "FY2000")]),
    ],
)
def test_modifiers_and_prepositions_left_out(nlp, sentence, expected):
    assert found(nlp, sentence) == expected


# --- dates that take their year or value from context --------------------------

def test_month_without_year_takes_preceding_year(nlp):
    text = (
        "In April 2009, the Japan-Sweden committee was held. In November, the Japan-Germany committee "
        "took place, and in February 2010 a consultation followed. In March, the Japan-Russia committee met."
    )
    doc = analyse_text(nlp, text)
    values = [(s.text, s._.date.value, s._.date.from_context) for s in doc.spans["dates"]]
    assert values == [
        ("April 2009", "2009-04", False),
        ("November", "2009-11", True),
        ("February 2010", "2010-02", False),
        ("March", "2010-03", True),
    ]


def test_day_without_year_takes_preceding_year(nlp):
    text = "In January 2019, researchers from India were invited. On January 23, the participants met students."
    date = date_of(nlp, text, "January 23")
    assert (date.value, date.granularity, date.from_context) == ("2019-01-23", "day", True)


def test_date_without_year_and_nothing_before_is_left_out(nlp):
    assert found(nlp, "In November, the committee met in Tokyo.") == []
    # The next date naming a year is no date stamp: the month stays without a year.
    assert found(nlp, "In November, the committee met. It was founded in 1998.") == [("1998", "1998")]


def test_dateline_before_the_page_date_takes_its_year(nlp):
    text = "Vilnius, June 3 (ELTA)\n\n03.06.2021 11:20\n\nLithuania and Korea signed a research protocol."
    date = date_of(nlp, text, "June 3")
    assert (date.value, date.from_context) == ("2021-06-03", True)


def test_weekday_settles_the_year_taken_from_context(nlp):
    # 16 October is a Wednesday in 2024, a Thursday in 2025.
    text = "The congress opened in 2024. A call may open in 2025. On October 16 (Wed) the heads met again."
    assert found(nlp, text)[-1] == ("October 16 (Wed)", "2024-10-16")
    text = "Funds follow in 2025. On Wednesday, 16 October, the heads met after the congress of 2024."
    assert date_of(nlp, text, "Wednesday, 16 October").value == "2025-10-16"    # no year before fits: kept


def test_two_full_dates_joined_by_a_range_word_are_one_interval(nlp):
    text = "Proposals were accepted from 01.07.2023 to 30.09.2023 and until 15.10.2023 for late files."
    assert found(nlp, text) == [("01.07.2023 to 30.09.2023", "2023-07-01/2023-09-30"), ("15.10.2023", "2023-10-15")]
    assert found(nlp, "Visits ran from 3 May 2022 until 9 June 2022.") == [
        ("3 May 2022 until 9 June 2022", "2022-05-03/2022-06-09")
    ]
    # Not a range: the second date comes first in the calendar.
    assert [t for t, _ in found(nlp, "It ran 30.09.2023 to 01.07.2023 as printed.")] == ["30.09.2023", "01.07.2023"]


def test_bare_month_needs_a_preposition(nlp):
    text = "In 2015, the parties agreed that they may March together; the lab opened in March."
    assert found(nlp, text) == [("2015", "2015"), ("March", "2015-03")]


@pytest.mark.parametrize(
    "text, surface, value",
    [
        ("In May, 2009, the ministers met in Tokyo. Meanwhile, on the same day, a memorandum was signed.",
         "the same day", "2009-05"),
        ("The MoU was signed on 5 June 2014. On the same day a workshop was held.", "the same day", "2014-06-05"),
        ("The MoU was signed on 5 June 2014. The next day a workshop was held.", "The next day", "2014-06-06"),
        ("In June 2010, an agreement was concluded. In the same year, a committee met.", "the same year", "2010"),
        ("The centre opened in 2012. The following year, it was expanded.", "The following year", "2013"),
        ("Funding rose in FY 2010. That year, ten projects started.", "That year", "FY2010"),
    ],
)
def test_back_references_take_the_referenced_date(nlp, text, surface, value):
    date = date_of(nlp, text, surface)
    assert (date.value, date.from_context) == (value, True)


def test_back_reference_without_a_clear_date_is_left_out(nlp):
    assert found(nlp, "The ministers met on the same day.") == []
    assert found(nlp, "It began in the 1990s. That year was hard.") == [("1990s", "199X")]


# --- issue 10: styles of real pages ---------------------------------------------

@pytest.mark.parametrize(
    "sentence, expected",
    [
        # numeric dates: day-first, month-first when the numbers decide, ISO months
        ("The note from Bonn is dated 25.06.15 and was filed later.", [("25.06.15", "2015-06-25")]),
        ("The institute was founded on 31/10/1974 in Lyon.", [("31/10/1974", "1974-10-31")]),
        ("The charter was filed 10/31/1974 in Ohio.", [("10/31/1974", "1974-10-31")]),
        ("Figures for 2014-10 were revised.", [("2014-10", "2014-10")]),
        ("The bureau issued a notice in 2014/10 on export rules.", [("2014/10", "2014-10")]),
        ("On 2019-03-05 the two sides met.", [("2019-03-05", "2019-03-05")]),
        ("The season 2009-10 was long; the plan 2019/20 is new.", [("2009-10", "2009/2010"), ("2019/20", "2019/2020")]),
        # weekdays and abbreviated months with a dot
        ("It was announced Tuesday, Sept. 26, 2023 in Ottawa.", [("Tuesday, Sept. 26, 2023", "2023-09-26")]),
        ("Delegates arrived Tues., Oct. 3, 2023.", [("Tues., Oct. 3, 2023", "2023-10-03")]),
        ("The fund opened on Friday 3 March 2017.", [("Friday 3 March 2017", "2017-03-03")]),
        ("It closed on Tuesday, the 26th of September 2023.", [("Tuesday, the 26th of September 2023", "2023-09-26")]),
        ("As of end-2022, forty projects ran.", [("2022", "2022")]),
        ("The report came out in Aug. 2019.", [("Aug. 2019", "2019-08")]),
        # lower-case month names; "may" and "march" the words stay words
        ("The lab opened in march 2015 and on 4 june 2016 it grew.", [("march 2015", "2015-03"), ("4 june 2016", "2016-06-04")]),
        ("In 2012 we may 2 times a year march on; members may 10 times.", [("2012", "2012")]),
        # ordinal words
        ("The accord was initialled March third 2015 in Rome.", [("March third 2015", "2015-03-03")]),
        ("Talks ended on the twenty-first of May 2019.", [("twenty-first of May 2019", "2019-05-21")]),
        ("They met on the first of June, 2018 and again in July.", [("first of June, 2018", "2018-06-01"), ("July", "2018-07")]),
        ("The second May 2019 session was cancelled.", [("May 2019", "2019-05")]),
        # back-references that take the referenced value
        ("The office opened in March 2015 and closed in December of the same year.",
         [("March 2015", "2015-03"), ("December of the same year", "2015-12")]),
        ("A visit took place on 3 May 2016; the same month a call was opened.",
         [("3 May 2016", "2016-05-03"), ("the same month", "2016-05")]),
        ("The call closed in April 2011 and results came on the 12th of the same month.",
         [("April 2011", "2011-04"), ("12th of the same month", "2011-04-12")]),
        ("The centre was planned in 2008, and in June of the following year it opened.",
         [("2008", "2008"), ("June of the following year", "2009-06")]),
        # coordinated months share the year that follows them
        ("Workshops were held in January and March 2015.", [("January", "2015-01"), ("March 2015", "2015-03")]),
        ("Calls closed in May, June and July 2019.", [("May", "2019-05"), ("June", "2019-06"), ("July 2019", "2019-07")]),
        ("Visits in Jan. and Feb. 2020 were cut.", [("Jan.", "2020-01"), ("Feb. 2020", "2020-02")]),
        # datelines
        ("BERLIN, 12.03.2019 – The ministry announced a call.", [("12.03.2019", "2019-03-12")]),
        ("Posted on: 05/06/2022\nThe agency opened a call.", [("05/06/2022", "2022-06-05")]),
        ("Last updated 3 Feb 2021\nContact the office.", [("3 Feb 2021", "2021-02-03")]),
        # fiscal years, decades, seasons
        ("Spending in FY19 rose, and FY 2019-20 and FY20-FY22 followed.",
         [("FY19", "FY2019"), ("FY 2019-20", "FY2019"), ("FY20-FY22", "FY2020/FY2022")]),
        ("Demand will peak in the mid-2020s after the 1990s boom.", [("2020s", "202X"), ("1990s", "199X")]),
        ("The institute opened in summer 2016 and grew in the spring of 2018.", [("2016", "2016"), ("2018", "2018")]),
        # ranges
        ("The programme runs 2019–2023 in four calls.", [("2019–2023", "2019/2023")]),
        ("The symposium took place on 24-25 May 2018.", [("24-25 May 2018", "2018-05-24/2018-05-25")]),
        ("Trials ran from March to June 2020.", [("March to June 2020", "2020-03/2020-06")]),
        ("Output doubled between 2010 and 2015.", [("2010 and 2015", "2010/2015")]),
        ("The grant ran 2011/03 – 2014/08 in two phases.", [("2011/03 – 2014/08", "2011-03/2014-08")]),
        ("The academic year 2020/2021 was remote.", [("2020/2021", "2020/2021")]),
        ("Calls ran between March and June 2020, and between 2 May 2019 and 4 June 2020.",
         [("March and June 2020", "2020-03/2020-06"), ("2 May 2019 and 4 June 2020", "2019-05-02/2020-06-04")]),
        ("Filed 26-Sep-2023 and 3-Mar-19.", [("26-Sep-2023", "2023-09-26"), ("3-Mar-19", "2019-03-03")]),
        ("Ties grew in the ’90s and the '80s, and since the '00s.", [("90s", "199X"), ("80s", "198X"), ("00s", "200X")]),
        # a closing year in two digits makes one fiscal year; other spans are intervals
        ("Budgets for FY 19/20, the 2019/20 financial year and the 2021-22 financial year.",
         [("FY 19/20", "FY2019"), ("2019/20 financial year", "FY2019"), ("2021-22 financial year", "FY2021")]),
        ("Funds in FY 2022/23, FY2016/2020, FY2024–FY2025 and fiscal 2021-22.",
         [("FY 2022/23", "FY2022"), ("FY2016/2020", "FY2016/FY2020"), ("FY2024–FY2025", "FY2024/FY2025"),
          ("fiscal 2021-22", "FY2021")]),
        ("Prague, 11. 3. 2021 – The ministry met.", [("11. 3. 2021", "2021-03-11")]),
        ("Signed on 3 May 2019. The call opens on Oct. 3 next year.", [("3 May 2019", "2019-05-03")]),
        ("Tel.: +84 24 3823 1888 | Opening hours: Mon-Thu", []),
        ("News 2022\n\n03.10.22\n\nThe ministers met.", [("03.10.22", "2022-10-03")]),
        ("Status: 03/2021. Updated 11.2020 and 07-2019.", [("03/2021", "2021-03"), ("11.2020", "2020-11"), ("07-2019", "2019-07")]),
        ("Updated Tue, 26/09/2023 and Mon 2023-09-25.", [("Tue, 26/09/2023", "2023-09-26"), ("Mon 2023-09-25", "2023-09-25")]),
        # a date's value follows its own text: a year under a "Fiscal year" column stays a year
        ("| Fiscal year | Budget |\n|---|---|\n| 2018 | 40 |\n", [("2018", "2018")]),
        # coordinated days are one interval
        ("The committee met on 16 and 17 February 2019 and on 3, 4 and 5 May.",
         [("16 and 17 February 2019", "2019-02-16/2019-02-17"), ("3, 4 and 5 May", "2019-05-03/2019-05-05")]),
        ("See agenda item 7, 14 June 2019 and page 5, 12 March 2020.", [("14 June 2019", "2019-06-14"), ("12 March 2020", "2020-03-12")]),
        ("Courses ran between 5 and 7 March 2019.", [("5 and 7 March 2019", "2019-03-05/2019-03-07")]),
        # a span of several years gives no year to a later date without one
        ("Signed on 18/02/2019 for the period 2019–2023. The committee met on 17 February.",
         [("18/02/2019", "2019-02-18"), ("2019–2023", "2019/2023"), ("17 February", "2019-02-17")]),
        # a year and a number in a table are no span of years
        ("Visits per year:\n  2016 – 14\n  2017 – 9", [("2016", "2016"), ("2017", "2017")]),
        # lower-case abbreviations with a day or a year; "may" and "march" after a clear cue
        ("Comments: posted 7 oct 2021, 10:12; reply on nov 8 and in sep. 2022.",
         [("7 oct 2021", "2021-10-07"), ("nov 8", "2021-11-08"), ("sep. 2022", "2022-09")]),
        ("In 2018 we sowed in late march and harvested since may; troops march on.",
         [("2018", "2018"), ("march", "2018-03"), ("may", "2018-05")]),
        ("In 2019 we may wish to march to the sea; they mar 3 fields.", [("2019", "2019")]),
    ],
)
def test_real_page_styles(nlp, sentence, expected):
    assert found(nlp, sentence) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an unambiguous month-first date decides the ambiguous one
        ("The charter was filed 10/31/1974. It was amended 03/04/1980.",
         [("10/31/1974", "1974-10-31"), ("03/04/1980", "1980-03-04")]),
        # so does an unambiguous day-first one
        ("Filed 31/10/1974. Amended 03/04/1980.", [("31/10/1974", "1974-10-31"), ("03/04/1980", "1980-04-03")]),
        # without numeric evidence, the order of the written dates decides
        ("The pact was signed on March 5, 2019.\nPosted 05/06/2022",
         [("March 5, 2019", "2019-03-05"), ("05/06/2022", "2022-05-06")]),
        ("The pact was signed on 5 March 2019.\nPosted 05/06/2022",
         [("5 March 2019", "2019-03-05"), ("05/06/2022", "2022-06-05")]),
        # dots are day-first even in a month-first document
        ("The pact was signed on March 5, 2019.\nBONN, 05.06.2022", [("March 5, 2019", "2019-03-05"), ("05.06.2022", "2022-06-05")]),
    ],
)
def test_ambiguous_numeric_dates_follow_the_document(nlp, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Download version 2.10.15 of the tool, or v1.12.2019.",
        "See section 3.10.12 and clause 2.6.1 of the treaty.",
        "The final score was 3-1 and the ratio 1/2/3 held.",
        "Grant no. 12/03/2019 was issued to the team.",
        "Tel. +49 30 12.03.2019, fax 030/12/03/2019.",
        "The server 192.168.10.12 and 10.12.2019.1 were down.",
        "The form 13/13/2019 is invalid and so is 31.02.2019.",
        "Growth was 3/2019 of the total; see section 4.2019 and v02.2019.",
        "Science in the 21st century and 19th-century physics.",
        "Results may 10 times exceed the limit.",
    ],
)
def test_not_dates_on_real_pages(nlp, sentence):
    assert found(nlp, sentence) == []


# --- not dates ---------------------------------------------------------------

@pytest.mark.parametrize(
    "sentence",
    [
        "MEXT agreed to support the beamline for a further 5 years.",
        "77 experiments used 389 days of beam time.",
        "The MoU was valid for 2 years and the programme lasted 2000 years.",
        "Both sides took part in Horizon 2020 and the Trilateral Cooperation VISION 2020.",
        "Delegates visited the Innovation Japan 2019 fair.",
        "Research on COVID-19 supports Society 5.0.",
        "The leaders adopted the 2030 Roadmap for Future Relations.",
        "See Figure 2-3-22, Section 2.6, Part 1 and Table 2015.",
        "The number is given on page 2010 of the report.",
        "In fiscal terms, 153 officials were invited and 2,000 visitors came.",
        "About 2000 researchers and 1900 students joined.",
        "The fund holds $2019 and 2019 million yen.",
        "Call +81-3-5214-2019 for details.",
        "The committee's work is currently under way and till date it met often.",
    ],
)
def test_not_dates(nlp, sentence):
    assert found(nlp, sentence) == []


def test_year_next_to_a_count_is_still_a_date(nlp):
    text = "Emissions fall by 80% by 2050 compared to 1990 levels."
    assert found(nlp, text) == [("2050", "2050"), ("1990", "1990")]


def test_headers_and_captions_count_every_occurrence(nlp):
    text = "Joint statement, 20 October 2021\n\nJoint statement, 20 October 2021\n\nDispatched researchers (FY 2009)\n"
    assert found(nlp, text) == [
        ("20 October 2021", "2021-10-20"), ("20 October 2021", "2021-10-20"), ("FY 2009", "FY2009")
    ]


# --- offsets -----------------------------------------------------------------

def test_offsets_give_back_the_text_in_order_without_overlap(nlp):
    text = (
        "ホーム › 日印関係\n\nThe MoU  was signed on 8th December 2006 and renewed (2012–2017); "
        "in  Feb 2012 and “FY2016-2020” funds, and on March 24-25, 2011 a meeting.\n"
    )
    doc = analyse_text(nlp, text)
    spans = list(doc.spans["dates"])
    assert [s.text for s in spans] == ["8th December 2006", "2012–2017", "Feb 2012", "FY2016-2020", "March 24-25, 2011"]
    assert all(text[s.start_char : s.end_char] == s.text for s in spans)
    assert all(a.end_char <= b.start_char for a, b in zip(spans, spans[1:]))


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.stem)
def test_corpus_spans_and_values_are_well_formed(nlp, path):
    text = path.read_text(encoding="utf-8")
    doc = analyse_text(nlp, text)
    spans = list(doc.spans["dates"])
    assert spans
    for previous, span in zip([None] + spans, spans):
        date = span._.date
        assert text[span.start_char : span.end_char] == span.text
        assert previous is None or previous.end_char <= span.start_char
        assert re.fullmatch(VALUE_FORMATS[date.granularity], date.value), (span.text, date)
        assert date.start_date <= date.end_date
        first_value = date.value.split("/")[0]
        if re.fullmatch(r"\d{4}(-\d\d){0,2}", first_value):
            assert date.start_date.isoformat().startswith(first_value)


# --- numeric reading, without the model ---------------------------------------

@pytest.mark.parametrize(
    "text, written, order",
    [
        ("Filed 31/10/1974, amended 03/04/1980.", (0, 0), DAY_FIRST),
        ("Filed 10/31/1974, amended 03/04/1980.", (0, 0), MONTH_FIRST),
        ("Filed 10/31/1974 and 11/30/1975, amended 31/03/1980.", (0, 0), MONTH_FIRST),
        ("Amended 03/04/1980.", (2, 1), MONTH_FIRST),     # written dates: month first 2, day first 1
        ("Amended 03/04/1980.", (1, 1), DAY_FIRST),
        ("Amended 03/04/1980.", (0, 0), DAY_FIRST),
        ("Version 1.2.3 and 13/13/2019 give no evidence.", (0, 0), DAY_FIRST),
    ],
)
def test_numeric_order_of_a_document(text, written, order):
    assert numeric_order(text, *written) == order


@pytest.mark.parametrize(
    "parts, order, expected",
    [
        (("31", "10", "/", 1974), MONTH_FIRST, (1974, 10, 31)),    # the numbers decide
        (("10", "31", "/", 1974), DAY_FIRST, (1974, 10, 31)),
        (("03", "04", "/", 1980), MONTH_FIRST, (1980, 3, 4)),
        (("03", "04", "/", 1980), DAY_FIRST, (1980, 4, 3)),
        (("03", "04", ".", 1980), MONTH_FIRST, (1980, 4, 3)),      # dots are day-first
        (("31", "02", ".", 2019), DAY_FIRST, None),
        (("13", "13", "/", 2019), DAY_FIRST, None),
    ],
)
def test_read_numeric(parts, order, expected):
    assert read_numeric(*parts, order) == expected


def test_two_digit_years_and_year_months():
    assert [two_digit_year(y) for y in ("15", "49", "50", "87")] == [2015, 2049, 1950, 1987]
    assert year_month(2014, "10", "-") == 10 and year_month(2014, "03", "/") == 3
    assert year_month(2009, "10", "-") is None      # the next year: 2009/2010
    assert year_month(2009, "15", "-") is None      # above 12: 2009/2015
    assert year_month(2014, "10", "–") is None      # a dash joins years


def test_ordinal_day_words():
    days = OrdinalDays(["first", "second", "third"] + ["x"] * 16 + ["twentieth", "twenty-first"])
    assert [days.number(w) for w in ("8th", "08", "third", "Twenty-First", "twenty  first", "fourth")] == [
        8, 8, 3, 21, 21, None
    ]


def test_month_table_reads_every_spelling_as_dateparser_does():
    """calendar_date reads the month names the grammar matches from a table, not by dateparser:
    for every spelling (case variants, abbreviations, a trailing full stop) both give the same
    date, an invalid day included (31 April, 29 February 1900 but not 2000)."""
    data = load_yaml("dates.yaml")
    words = data["months"] + data["month_abbreviations"]
    spellings = {s for w in _case_variants(words) + [w.lower() for w in words] for s in (w, w + ".")}
    assert {s.removesuffix(".").lower() for s in spellings} == set(MONTH_NUMBERS)
    calendar_date.cache_clear()
    for spelling in sorted(spellings):
        for day, year in ((31, 2019), (29, 1900), (29, 2000)):
            parsed = _date_parser().get_date_data(f"{day} {spelling} {year}").date_obj
            assert calendar_date(day, spelling, year) == (parsed and parsed.date()), (day, spelling, year)
