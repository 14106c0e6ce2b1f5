"""st_dates: written forms of issue 10 item 3 and the year a date without one takes (SPEC 3.2, 3.5).

Sentences are our own; each names the form it checks.
"""

import pytest

from pipeline.components.date_grammar import foreign_month_numbers
from pipeline.data_files import load_yaml
from pipeline.nlp import analyse_text


def found(nlp, text):
    doc = analyse_text(nlp, text)
    return [(s.text, s._.date.value) for s in doc.spans["dates"]]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # dates in another language inside an English text
        ("The renewal was signed in Guayaquil on 14 de mayo de 2024 by both rectors.",
         [("14 de mayo de 2024", "2024-05-14")]),
        ("Miércoles 17 de agosto de 2022\n\nThe two councils met.", [("Miércoles 17 de agosto de 2022", "2022-08-17")]),
        ("The treaty, concluded in Prague on 28. maja 2014. godine, was renewed.", [("28. maja 2014", "2014-05-28")]),
        ("Reykjavik, 26. ágúst 2022 - The councils agreed.", [("26. ágúst 2022", "2022-08-26")]),
        ("The French note of 3 mars 2021 and the German one of 14. März 2023.",
         [("3 mars 2021", "2021-03-03"), ("14. März 2023", "2023-03-14")]),
        ("Published in março de 2021 by the ministry.", [("março de 2021", "2021-03")]),
        ("The forum met on 8-10 de octubre de 2019 in Lima.", [("8-10 de octubre de 2019", "2019-10-08/2019-10-10")]),
        ("Fairs ran del 15 al 17 de octubre de 2019 and du 3 au 5 mars 2021.",
         [("15 al 17 de octubre de 2019", "2019-10-15/2019-10-17"), ("3 au 5 mars 2021", "2021-03-03/2021-03-05")]),
        # without a year: after a "de" or a day's full stop, with the year of the date before
        ("In 2022 the fund was set up; the call closed on 17 de agosto.", [("2022", "2022"), ("17 de agosto", "2022-08-17")]),
        # foreign words that are no month without a day: the Mars 2020 rover, "mai" alone
        ("The Mars 2020 mission landed; mai is a word.", []),
        # month, day and year after a slash (East African wire style)
        ("Nairobi, March 4/2023 (KNA) - The councils met; see also Sept 27/2022.",
         [("March 4/2023", "2023-03-04"), ("Sept 27/2022", "2022-09-27")]),
        ("Dial 800 5/12 for the desk.", []),
        # a copyright year is a date even inside a name the model tags
        ("[Copyright © 2021 Lakeside Press Agency. All rights reserved.]", [("2021", "2021")]),
        # a capitalised modifier before a lower-case noun ends no name: "the 2024 State budget"
        ("The grant comes from the 2024 State budget, not from the 2030 Agenda for Sustainable Development.",
         [("2024", "2024")]),
        # a year opening an event's name is part of the name, unless a date cue stands before it
        ("The institute holds 2024 Geoscience Day; in 2025 Science Week took place.", [("2025", "2025")]),
        # years before 1800 only after "in"/"since"
        ("The observatory, founded in 1650, hosts 1200 visitors and room 1712.", [("1650", "1650")]),
        # page stamps: an ISO date with a glued time is one token, valued by its day
        ("Published: 2021-03-04 | Last modified: 2021-05-10T14:22:01", [("2021-03-04", "2021-03-04"),
                                                                       ("2021-05-10T14:22:01", "2021-05-10")]),
        # ordinal words and "the" between month and day
        ("Signed on March the fourth, 2016 and on May the 5th, 2017.",
         [("March the fourth, 2016", "2016-03-04"), ("May the 5th, 2017", "2017-05-05")]),
        # numeric day ranges, day first: the first day in the month of the second
        ("Workshops on 11–12.10.2022, 12.-14.10.2022 and 12–14/10/2022.",
         [("11–12.10.2022", "2022-10-11/2022-10-12"), ("12.-14.10.2022", "2022-10-12/2022-10-14"),
          ("12–14/10/2022", "2022-10-12/2022-10-14")]),
        # a month and a year joined by a hyphen, as in table cells
        ("| Start | Sep-2023 |", [("Sep-2023", "2023-09")]),
        # a field label glued on by the page's markup belongs to the token
        ("Release Time:2023-01-07 Views:42", [("Time:2023-01-07", "2023-01-07")]),
        ("  • Date2024/05/21 00:00:00\n\nOn May 20, the institute signed; abc2019 is a code.",
         [("Date2024/05/21", "2024-05-21"), ("May 20", "2024-05-20")]),
        # a reference number shaped like an ISO date is no date
        ("Ref. No. 2019/10/22 was filed with the registry.", []),
        # treaty closings
        ("Done at Canberra on this 5th day of June, 2018, in two originals.", [("5th day of June, 2018", "2018-06-05")]),
        # coordinated days written month first are one interval, as day first
        ("The working group met on March 9th and 10th, 2021 in Accra.", [("March 9th and 10th, 2021", "2021-03-09/2021-03-10")]),
        # "from ... until ..." over years is one interval, like "from ... to ..."
        ("The memorandum runs from 2022 until 2026 and is valid until 2027.", [("2022 until 2026", "2022/2026"), ("2027", "2027")]),
        # a label before a year-shaped number, its full stop split off by the tokenizer
        ("Agreement No. 2019-45 was signed in 2019; fax 2021 4455.", [("2019", "2019")]),
        # fiscal years with a two-digit closing year are one fiscal year
        ("New calls are expected in fiscal 2021-22 and in FY2019-20.", [("fiscal 2021-22", "FY2021"), ("FY2019-20", "FY2019")]),
    ],
)
def test_written_forms(nlp, sentence, expected):
    assert found(nlp, sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a deadline year is an end ahead: the next date without a year keeps the story's year
        ("9 April 2024 - The agreement was extended until 2029. The conference was held on 8-9 April.",
         [("9 April 2024", "2024-04-09"), ("2029", "2029"), ("8-9 April", "2024-04-08/2024-04-09")]),
        ("Published 3 March 2023. A draft is due by June 2024. The delegation visits from 11 to 19 September.",
         [("3 March 2023", "2023-03-03"), ("June 2024", "2024-06"), ("11 to 19 September", "2023-09-11/2023-09-19")]),
        # with no year before, a deadline year is the only one there is
        ("The call runs until 2026. Proposals are due on 15 March.", [("2026", "2026"), ("15 March", "2026-03-15")]),
        # an interval of days names the year of its last day
        ("Funding runs from 1 January 2024 to 31 December 2026. Reviews come by 15 December.",
         [("1 January 2024 to 31 December 2026", "2024-01-01/2026-12-31"), ("15 December", "2026-12-15")]),
        # a year used as a modifier before the page's own year names an older thing, not the story's year
        ("9 April 2024\nThey amended the 2022 cooperation agreement. The conference was held on 8-9 April.",
         [("9 April 2024", "2024-04-09"), ("2022", "2022"), ("8-9 April", "2024-04-08/2024-04-09")]),
        ("Posted Oct. 3, 2019\nThe first accord dates from 2009. Under the 2019 agreement students arrive in March.",
         [("Oct. 3, 2019", "2019-10-03"), ("2009", "2009"), ("2019", "2019"), ("March", "2019-03")]),
        # ... and is no referent of "the same year"
        ("It was signed on 9 March 2022 and replaces the 1996 text; it was approved in September of the same year.",
         [("9 March 2022", "2022-03-09"), ("1996", "1996"), ("September of the same year", "2022-09")]),
    ],
)
def test_year_from_context(nlp, sentence, expected):
    assert found(nlp, sentence) == expected


# Languages whose declined month forms dateparser does not know (it reads "januar", not "januarja").
DECLINED_UNKNOWN_TO_DATEPARSER = {"sl", "sr-Latn"}


def test_foreign_months_read_as_dateparser_does():
    """Every foreign month word of dates.yaml gives, in its language, the month dateparser gives."""
    from dateparser.date import DateDataParser

    data = load_yaml("dates.yaml")
    numbers = foreign_month_numbers(data["foreign_months"], data["months"] + data["month_abbreviations"])
    assert "listopada" not in numbers and "april" not in numbers     # two readings; English
    for language, months in data["foreign_months"].items():
        parser = DateDataParser(languages=[language], settings={"STRICT_PARSING": True})
        for number, entry in enumerate(months, start=1):
            for word in entry.split("/"):
                parsed = parser.get_date_data(f"12 {word} 2020").date_obj
                if parsed is None and language in DECLINED_UNKNOWN_TO_DATEPARSER:
                    continue
                assert parsed is not None and parsed.month == number, (language, word)
                if word.lower() in numbers:
                    assert numbers[word.lower()] == number, (language, word)
