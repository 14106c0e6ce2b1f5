"""The days a SPEC 3.2 date value covers, for comparing agreement dates across documents.

    period(value) -> (first day, last day) | None
        "2006-12-08" one day; "2006-12" the month; "2006" the year; "FY2009"
        the calendar year named (fiscal starts differ by country); "196X" the
        decade; "2012/2017" from the first day of the one to the last of the other.
    overlap(a, b) -> bool      two values may name the same day
"""

from __future__ import annotations

import calendar
import datetime
import functools
import re

Period = tuple[datetime.date, datetime.date]

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_YEAR = re.compile(r"(?:FY)?(\d{4})")
_DECADE = re.compile(r"(\d{3})X")


def _point(value: str) -> Period | None:
    try:
        if match := _DAY.fullmatch(value):
            day = datetime.date(*map(int, match.groups()))
            return day, day
        if match := _MONTH.fullmatch(value):
            year, month = map(int, match.groups())
            return datetime.date(year, month, 1), datetime.date(year, month, calendar.monthrange(year, month)[1])
    except ValueError:
        return None
    if match := _YEAR.fullmatch(value):
        year = int(match[1])
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    if match := _DECADE.fullmatch(value):
        decade = int(match[1]) * 10
        return datetime.date(decade, 1, 1), datetime.date(decade + 9, 12, 31)
    return None


@functools.lru_cache(maxsize=1 << 14)
def period(value: str | None) -> Period | None:
    if not value:
        return None
    if value.count("/") == 1:
        first, last = (_point(part) for part in value.split("/"))
        return (first[0], last[1]) if first and last and first[0] <= last[1] else None
    return _point(value)


def overlap(a: str | None, b: str | None) -> bool:
    first, second = period(a), period(b)
    return first is not None and second is not None and first[0] <= second[1] and second[0] <= first[1]
