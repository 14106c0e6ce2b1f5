"""The value of a date expression (SPEC 3.2), stored on Span._.date as plain data."""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt

from spacy.tokens import Span

from pipeline.components.extensions import plain_extension

UNITS = ("day", "month", "year")        # finest first


@dataclasses.dataclass(frozen=True)
class DateValue:
    value: str                  # ISO per SPEC 3.2: 2006-12-08, 2014-01, 1985, FY2009, 196X, 2012/2017
    granularity: str            # day, month, year, fiscal_year, decade, interval
    start_date: dt.date | None  # first day covered
    end_date: dt.date | None    # last day covered
    from_context: bool          # year (or whole value) taken from earlier in the document


def _date_record(value: DateValue) -> dict:
    record = dataclasses.asdict(value)
    for end in ("start_date", "end_date"):
        record[end] = record[end] and record[end].isoformat()
    return record


def _date_value(record: dict, span: Span) -> DateValue:
    ends = {end: record[end] and dt.date.fromisoformat(record[end]) for end in ("start_date", "end_date")}
    return DateValue(**{**record, **ends})


plain_extension(Span, "date", _date_record, _date_value)   # on doc.spans["dates"]


def unit_value(unit: str, date: dt.date, from_context: bool) -> DateValue:
    """The day, month or year that contains `date`."""
    if unit == "day":
        return DateValue(date.isoformat(), "day", date, date, from_context)
    if unit == "month":
        last_day = calendar.monthrange(date.year, date.month)[1]
        return DateValue(
            f"{date.year:04d}-{date.month:02d}", "month",
            date.replace(day=1), date.replace(day=last_day), from_context,
        )
    return DateValue(f"{date.year:04d}", "year", dt.date(date.year, 1, 1), dt.date(date.year, 12, 31), from_context)


def interval(start: DateValue, end: DateValue) -> DateValue:
    return DateValue(
        f"{start.value}/{end.value}", "interval", start.start_date, end.end_date, start.from_context or end.from_context
    )
