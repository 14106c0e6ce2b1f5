"""Reading the parts of a date expression into numbers (used by st_dates, pipeline/components/dates.py).

Numeric dates ("31/10/1974", "10/31/1974", "25.06.15", "05/06/2022") are
read here rather than by dateparser: dateparser has one DATE_ORDER for all
texts, while the order of an ambiguous date is a property of the document.
The rule, in this order:
1. the document's unambiguous numeric dates vote (a first number above 12
   is day-first, a second number above 12 is month-first); the majority wins;
2. with no such vote, the order of its written dates decides ("March 5,
   2019" is month-first, "5 March 2019" day-first), the clearest trace of
   the writer's convention;
3. otherwise day-first, the convention of most of the world.
Dates written with dots ("05.06.2022") are always day-first: the dotted
month-first form is not in use.
Two-digit years: 00-49 are 2000-2049, 50-99 are 1950-1999.

A month name in the spellings the grammar matches (English names and
abbreviations in any case, with or without a full stop: "Sept.", "SEPT",
"march") is read from a table; dateparser reads any other (a call costs
milliseconds and its first one about a second). tests/test_dates.py checks
that the table gives what dateparser gives for every such spelling. Its own
search over free text is not used: it takes version numbers, scores and the
verb "may" for dates.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re

DAY_FIRST, MONTH_FIRST = "dmy", "mdy"
UNITS = ("day", "month", "year")        # finest first

# One numeric date: day and month in either order, a separator used twice, a year.
NUMERIC = re.compile(r"(?<![\w./+-])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d\d)(?![\w]|[./-]\d)")


def numeric_order(text: str, month_first_written: int, day_first_written: int) -> str:
    """The order (DAY_FIRST or MONTH_FIRST) of the ambiguous numeric dates of a document."""
    day_first = month_first = 0
    for match in NUMERIC.finditer(text):
        first, second = int(match.group(1)), int(match.group(3))
        if first > 12 >= second >= 1:
            day_first += 1
        elif second > 12 >= first >= 1:
            month_first += 1
    if day_first != month_first:
        return DAY_FIRST if day_first > month_first else MONTH_FIRST
    return MONTH_FIRST if month_first_written > day_first_written else DAY_FIRST


def numeric_stands_alone(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is not glued to letters, digits or further separators ("v1.12.2019",
    "192.168.10.12", "10.12.2019.1")."""
    before, after = text[start - 1 : start] if start else "", text[end : end + 2]
    if before and (before.isalnum() or before in "_./+-"):
        return False
    return not (after[:1].isalnum() or after[:1] == "_" or (after[:1] in "./-" and after[1:2].isdigit()))


def read_numeric(first: str, second: str, separator: str, year: int, order: str) -> tuple[int, int, int] | None:
    """(year, month, day) of a numeric date, or None when the numbers make no date."""
    a, b = int(first), int(second)
    if separator == ".":
        order = DAY_FIRST
    if a > 12 >= b:
        day, month = a, b
    elif b > 12 >= a:
        day, month = b, a
    elif order == MONTH_FIRST:
        day, month = b, a
    else:
        day, month = a, b
    try:
        dt.date(year, month, day)
    except ValueError:
        return None
    return year, month, day


def two_digit_year(digits: str) -> int:
    year = int(digits)
    return 2000 + year if year < 50 else 1900 + year


def decade_of(digits: str) -> int:
    """The first year of "’90s" (1990) or "’10s" (2010)."""
    number = int(digits)
    return 2000 + number if number <= 20 else 1900 + number


def complete_year(first: int | None, two_digits: int) -> int | None:
    """The closing year of "2009-10" or "1999-00"."""
    if first is None:
        return None
    year = first // 100 * 100 + two_digits
    return year + 100 if year <= first else year


def year_month(year: int, digits: str, separator: str) -> int | None:
    """The month of "2014-10" or "2014/10", or None when it is a span of years.

    Two digits that are the next year ("2009-10", "2019/20") or above 12
    ("2009-15") close a span of years; otherwise, written without spaces,
    they are a month ("2014-10", "2005-08")."""
    number = int(digits)
    if separator not in "-/" or number == (year + 1) % 100 or not 1 <= number <= 12:
        return None
    return number


class OrdinalDays:
    """Day numbers written as words: "third", "twenty-first", "Thirty First"."""

    def __init__(self, words: list[str]):
        self.numbers: dict[str, int] = {}
        for number, word in enumerate(words, start=1):
            for variant in (word, word.replace("-", " ")):
                self.numbers[variant] = number
        self.pattern = "|".join(
            re.escape(v).replace(r"\ ", r"\s")
            for w in sorted(self.numbers, key=len, reverse=True)
            for v in (w, w.capitalize(), w.title(), w.upper())
        )

    def number(self, text: str) -> int | None:
        """The day of "8th", "08", "third" or "Twenty-First"; None if it is no day."""
        digits = re.match(r"\d+", text)
        if digits:
            return int(digits.group())
        return self.numbers.get(re.sub(r"\s+", " ", text.lower()))

    def is_word(self, text: str) -> bool:
        return not text[:1].isdigit()


# English month names and abbreviations ("sept" too), lower case, without a full stop.
MONTH_NUMBERS = {
    **{calendar.month_name[n].lower(): n for n in range(1, 13)},
    **{calendar.month_abbr[n].lower(): n for n in range(1, 13)},
    "sept": 9,
}


@functools.lru_cache(maxsize=4096)
def calendar_date(day: int, month: str, year: int) -> dt.date | None:
    """The date of a day, a month (name, abbreviation or number) and a year; None if there is none."""
    number = int(month) if month.isdigit() else MONTH_NUMBERS.get(month.removesuffix(".").lower())
    if number is not None:
        try:
            return dt.date(year, number, day)
        except ValueError:
            return None
    parsed = _date_parser().get_date_data(f"{day} {month} {year}").date_obj
    return None if parsed is None else parsed.date()


@functools.cache
def _date_parser():
    from dateparser.date import DateDataParser  # slow to import; only when a date is read

    return DateDataParser(languages=["en"], settings={"DATE_ORDER": "DMY", "STRICT_PARSING": True})


def truncate(date: dt.date, unit: str) -> tuple[int, ...]:
    return (date.year, date.month, date.day)[: UNITS[::-1].index(unit) + 1]


def shift(date: dt.date, unit: str, offset: int) -> dt.date:
    if unit == "day":
        return date + dt.timedelta(days=offset)
    if unit == "month":
        months = date.year * 12 + date.month - 1 + offset
        return dt.date(months // 12, months % 12 + 1, 1)
    return dt.date(date.year + offset, 1, 1)
