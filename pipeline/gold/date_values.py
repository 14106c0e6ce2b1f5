"""SPEC 3.2 date values: which granularity a value is written at, if any."""

from __future__ import annotations

import datetime
import re

_POINT_FORMATS = {
    "day": re.compile(r"(\d{4})-(\d{2})-(\d{2})"),
    "month": re.compile(r"(\d{4})-(\d{2})"),
    "year": re.compile(r"(\d{4})"),
    "fiscal_year": re.compile(r"FY(\d{4})"),
    "decade": re.compile(r"(\d{3})X"),
}


def _point(value: str) -> tuple[str, tuple[int, int, int]] | None:
    """Granularity and earliest (year, month, day) of a single date value."""
    for granularity, pattern in _POINT_FORMATS.items():
        match = pattern.fullmatch(value)
        if not match:
            continue
        numbers = [int(group) for group in match.groups()]
        if granularity == "decade":
            return granularity, (numbers[0] * 10, 1, 1)
        year, month, day = (numbers + [1, 1])[:3]
        try:
            datetime.date(year, month, day)
        except ValueError:
            return None
        return granularity, (year, month, day)
    return None


def date_granularity(value: str) -> str | None:
    """The granularity a SPEC 3.2 value is written at, or None if malformed.

    An interval is two single values `A/B` with A before B.
    """
    if value.count("/") == 1:
        first, last = (_point(part) for part in value.split("/"))
        return "interval" if first and last and first[1] < last[1] else None
    point = _point(value)
    return point[0] if point else None
