"""What a date takes from the dates around it (used by st_dates, pipeline/components/dates.py):
the year of earlier dates, a year a weekday settles, and the interval two joined dates make."""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc, Span

from pipeline.components.date_value import DateValue, interval, unit_value
from pipeline.components.layout import doc_text


@dataclasses.dataclass
class DateContext:
    """What later dates of the document may take from earlier ones."""

    last: DateValue | None = None
    year: int | None = None
    years: list[int] = dataclasses.field(default_factory=list)    # every year named so far, in order
    numeric_order: str | None = None    # of the document's ambiguous numeric dates, found when first needed
    published: int | None = None        # year of the page's date stamp; 0 when its first full date is no stamp


def year_of_weekday(value: DateValue, weekday: int, years: list[int]) -> DateValue:
    """A day whose year came from context, moved to the nearest year named before whose calendar
    gives it the weekday the text names ("October 16 (Wed)" after dates of 2024 and 2025 is 2024)."""
    if value.granularity != "day" or value.start_date.weekday() == weekday:
        return value
    for year in dict.fromkeys(reversed(years)):
        try:
            date = value.start_date.replace(year=year)
        except ValueError:              # 29 February
            continue
        if date.weekday() == weekday:
            return unit_value("day", date, True)
    return value


def join_ranges(doc: Doc, spans: list[Span], range_joins: set[str]) -> list[Span]:
    """Two dates of the same unit joined by a range word or dash are one interval
    ("01.07.2023 to 30.09.2023"), as the patterns make "from 2006 to 2009" one."""
    joined: list[Span] = []
    for span in spans:
        if joined and _is_range(doc, joined[-1], span, range_joins):
            first = joined.pop()
            whole = doc[first.start : span.end]
            whole._.date = interval(first._.date, span._.date)
            joined.append(whole)
        else:
            joined.append(span)
    return joined


def _is_range(doc: Doc, first: Span, second: Span, range_joins: set[str]) -> bool:
    start, end = first._.date, second._.date
    if start.granularity != end.granularity or start.granularity not in ("day", "month"):
        return False
    if not start.end_date < end.start_date:
        return False
    return doc_text(doc)[first.end_char : second.start_char].strip().lower() in range_joins
