"""Values of the date expressions st_dates finds (pipeline/components/dates.py): a match's fields
(day, month, year, fiscal marker, back-reference) read into a DateValue, and the year later dates
without one may take. dates.py says which decisions these follow.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from pipeline.components.date_context import DateContext
from pipeline.components.date_reading import (
    OrdinalDays, calendar_date, complete_year, decade_of, read_numeric, shift, truncate, two_digit_year, year_month,
)
from pipeline.components.date_value import UNITS, DateValue, interval, unit_value

_YEAR_MONTH = re.compile(r"\d{4}[-/]\d\d")
_ONE_FISCAL_YEAR = re.compile(r"\d\d\s?[-–/]\s?\d\d\b")


@dataclasses.dataclass(frozen=True)
class _Reference:
    unit: str
    offset: int


class ValueReader:
    def __init__(self, data: dict, min_year: int, max_year: int, fiscal_year_start_month: int):
        self.min_year, self.max_year = min_year, max_year
        self.fiscal_start_month = fiscal_year_start_month
        self.references = {
            r["phrase"].lower(): _Reference(r["unit"], int(r["offset"])) for r in data["references"]
        }
        self.ordinal_days = OrdinalDays(data["ordinal_days"])

    def read(self, kind: str, fields: dict[str, str], context: DateContext) -> tuple[DateValue, int | None] | None:
        """The match's value and the year later dates without one may take."""
        if kind == "reference":
            value = self._resolve_reference(fields["ref"], context.last)
            if value is not None and ("m1" in fields or "d1" in fields):
                value = self._within_reference(value, fields.get("d1"), fields.get("m1"))
            return None if value is None else (value, value.start_date.year)
        if kind == "decade":
            first = int(fields["dec"]) if "dec" in fields else decade_of(fields["dd"])
            if not self.min_year <= first <= self.max_year:
                return None
            return DateValue(f"{first // 10}X", "decade", dt.date(first, 1, 1), dt.date(first + 9, 12, 31), False), None

        year1 = int(fields["y1"]) if "y1" in fields else None
        year2 = int(fields["y2"]) if "y2" in fields else None
        if "yy1" in fields:
            year1 = two_digit_year(fields["yy1"])
        if kind == "numeric":
            read = read_numeric(fields["x1"], fields["x2"], fields.get("s1", "."), year1, fields["order"])
            if read is None or not self._plausible(year1):
                return None
            value = unit_value("day", dt.date(*read), False)
            if "d1" in fields:          # "11–12.10.2022": the first day, in the month of the second
                start = self._calendar(fields["d1"], str(read[1]), read[0], False)
                return self._combine(start, value, False)
            return value, value.start_date.year
        if "yy2" in fields:
            if kind == "calendar" and _YEAR_MONTH.fullmatch(fields["raw"]):
                month = year_month(year1, fields["yy2"], fields["raw"][4])
                if month is not None:
                    return self._combine(self._calendar(None, str(month), year1, False), None, False)
            year2 = complete_year(year1, int(fields["yy2"]))
        if kind == "fiscal":
            if year2 == (year1 or 0) + 1 and _ONE_FISCAL_YEAR.search(fields["raw"]):
                year2 = None            # "FY 2022/23", "fiscal 2021-22": one fiscal year
            start = self._fiscal(year1)
            end = None if year2 is None else self._fiscal(year2)
            return self._combine(start, end, from_context=False)

        has_end = any(f in fields for f in ("d2", "m2")) or year2 is not None
        from_context = year1 is None and year2 is None
        if from_context:
            if context.year is None:
                return None
            year1 = year2 = context.year
        day1, month1, day2, month2 = (fields.get(f) for f in ("d1", "m1", "d2", "m2"))
        if not has_end:
            return self._combine(self._calendar(day1, month1, year1, from_context), None, from_context)
        # An end that leaves out its year or month takes the other end's.
        year1, year2 = year1 or year2, year2 or year1
        month1 = month1 or (month2 if day1 else None)
        month2 = month2 or (month1 if day2 else None)
        end = self._calendar(day2, month2, year2, from_context)
        if end is None:
            return None                 # an end that is no date: no interval, and not its start alone
        return self._combine(self._calendar(day1, month1, year1, from_context), end, from_context)

    def _combine(
        self, start: DateValue | None, end: DateValue | None, from_context: bool
    ) -> tuple[DateValue, int | None] | None:
        if start is None:
            return None
        if end is None:
            return start, start.start_date.year
        if not start.start_date < end.start_date:
            return None                 # "2019-12" is no interval, nor is "25-24 March"
        value = dataclasses.replace(interval(start, end), from_context=from_context)
        if start.granularity == end.granularity == "day" or start.start_date.year == end.end_date.year:
            return value, end.start_date.year       # "1 January 2024 to 31 December 2026" ends on a named day
        return value, None

    def _plausible(self, year: int | None) -> bool:
        return year is not None and self.min_year <= year <= self.max_year

    def _calendar(self, day: str | None, month: str | None, year: int | None, from_context: bool) -> DateValue | None:
        if not self._plausible(year):
            return None
        if month is None:
            return unit_value("year", dt.date(year, 1, 1), from_context)
        number = self.ordinal_days.number(day) if day else 1
        date = None if number is None else calendar_date(number, month, year)
        if date is None:
            return None
        return unit_value("day" if day else "month", date, from_context)

    def _fiscal(self, year: int | None) -> DateValue | None:
        if not self._plausible(year):
            return None
        start = dt.date(year, self.fiscal_start_month, 1)
        end = start.replace(year=year + 1) - dt.timedelta(days=1)
        return DateValue(f"FY{year}", "fiscal_year", start, end, False)

    def _within_reference(self, referenced: DateValue, day: str | None, month: str | None) -> DateValue | None:
        """A month of a referenced year ("December of the same year"), a day of a referenced month."""
        unit = "day" if day else "month"
        if referenced.granularity != UNITS[UNITS.index(unit) + 1]:
            return None
        year = referenced.start_date.year
        month = month or str(referenced.start_date.month)
        return self._calendar(day, month, year, True)

    def _resolve_reference(self, phrase: str, referenced: DateValue | None) -> DateValue | None:
        reference = self.references[phrase.lower()]
        if referenced is None:
            return None
        if referenced.granularity == "fiscal_year" and reference.unit == "year":
            shifted = self._fiscal(referenced.start_date.year + reference.offset)
            return None if shifted is None else dataclasses.replace(shifted, from_context=True)
        # The named unit, or a coarser one when the referenced date is coarser.
        for unit in UNITS[UNITS.index(reference.unit) :]:
            if truncate(referenced.start_date, unit) == truncate(referenced.end_date, unit):
                return unit_value(unit, shift(referenced.start_date, unit, reference.offset), True)
            if reference.offset:
                break
        return None
