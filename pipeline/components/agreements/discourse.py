"""Where in a page a mention stands: a headline, a quotation, the dateline's paragraph.

Real pages restate their event: a headline over the story ("X and Y sign MoU"), an
official quoted on it ("This MoU gives our teams ..."). Neither is a new event
(SPEC 3.5). The dateline ("NAIROBI, 12 March 2019 –", a date on a line of its own
under the headline) dates the page: "today signed" takes its day, and the lead
paragraph's event takes its day and place when the sentence gives none.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Span

from pipeline.components.layout import is_bar_row, line_at, line_start

# A headline is a short paragraph of its own with no closing punctuation.
HEADLINE_MAX_WORDS = 25
HEADLINE_MAX_CHARS = 400
SENTENCE_END = ".!?:;\"”'’)"
# A dateline stands near the top of the page: its date is among the first characters.
DATELINE_REACH_CHARS = 2500
# Words a dateline's line may carry besides its date and place ("Published: 14 June 2017,
# 16:42 | Updated ..."), at most this many before the date.
DATELINE_MAX_WORDS_BEFORE = 4
DATELINE_AFTER = re.compile(r"\s*(?:$|[–—\-:|,(·•*])")   # "*Tuesday, Sept. 26, 2023 · By UCD News*"
# "ABU DHABI, " or "São Paulo, " before the date: the place of the dateline.
DATELINE_PLACE = re.compile(r"^\s*([A-ZÀ-Ý][\w'’.-]*(?: [A-ZÀ-Ý][\w'’.-]*){0,3}),\s*$")
# A paragraph opening on its place, with or without a date: "ISLAMABAD, Oct. 3:" is
# read as a dated dateline; "WASHINGTON: ...", "KHAIRPUR - ...", "BEIJING, (Agency - ...)"
# or "Washington – During ..." give only the place.
# The place may carry its country ("Tunis/Tunisia -") and a date the date reader missed
# ("Addis Ababa, October 23/2024 (ENA) -", "TASHKENT, 22 May (UzA). "); a line of a place and such a date alone
# ("Guayaquil, 14 de mayo de 2024") places the paragraph under it.
_PLACE_NAME = (
    r"(?P<name>[A-ZÀ-Ý][\w'’.-]*(?: [A-ZÀ-Ý][\w'’.-]*){0,3})"
    r"(?P<country>/[A-ZÀ-Ý][\w'’.-]*(?: [A-ZÀ-Ý][\w'’.-]*){0,2})?"
)
_DATE_CHUNK = r"[^\n.;:!?()]{0,30}?\d[^\n.;:!?()]{0,12}?"
OPENING_PLACE = re.compile(
    _PLACE_NAME + r"(?P<date>,? " + _DATE_CHUNK + r")?(?:,? ?(?P<agency>\([^()\n]{0,80}\)))?"
    r"(?:\s*(?::|\s[–—-]\s|,\s*\()|(?(agency)\.? (?=[A-Z])|(?!)))"
)
PLACE_DATE_LINE = re.compile(_PLACE_NAME + r"(?P<date>, " + _DATE_CHUNK + r")[ \t]*\n[ \t]*\n")
# A dateline that names its place ("Prague, June 14 -") is preferred to a dateless byline
# date above it ("Published: 14 June 2017, 16:42"), when it follows within this reach.
PLACED_DATELINE_REACH_CHARS = 1000
# How far from a mention its quotation marks are looked for.
QUOTE_REACH_CHARS = 1500
# A quoted passage whose longer words are capitalised at least this often is a title.
TITLE_CAPITALISED_SHARE = 0.6
BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
SENTENCE_BREAK = re.compile(r"[.!?][\"”’]?\s")


@dataclass(frozen=True)
class Dateline:
    date: Span               # of st_dates, day granularity
    place: str | None        # as a reader writes it ("Abu Dhabi" for "ABU DHABI")
    paragraph_end: int       # char offset where the dateline's paragraph ends
    alone: bool              # the dateline's paragraph holds no sentence ("25.06.15", "Oct. 3, 2019")

    def shifted(self, days: int) -> tuple[str, str] | None:
        """The value and text of the day `days` after the dateline ("yesterday": -1)."""
        value = self.date._.date.value
        try:
            day = dt.date.fromisoformat(value) + dt.timedelta(days=days)
        except ValueError:
            return None
        return day.isoformat(), self.date.text

    def last_weekday(self, weekday: int, text: str) -> tuple[str, str] | None:
        """The value of the last day on or before the dateline that falls on `weekday`
        (Monday 0): "on Tuesday" in a story dated Thursday is two days before."""
        try:
            day = dt.date.fromisoformat(self.date._.date.value)
        except ValueError:
            return None
        return (day - dt.timedelta(days=(day.weekday() - weekday) % 7)).isoformat(), text


class Discourse:
    def __init__(
        self, text: str, dates: list[Span], places: dict[int, int] | None = None, non_places: frozenset[str] = frozenset(),
        people: frozenset[int] = frozenset(),
    ):
        self.text = text
        self.dates = dates
        self.places = places or {}   # start char -> end char of each place the model found
        self.non_places = non_places
        self.people = people   # start chars of the names the model read as people's

    @cached_property
    def _breaks(self) -> list[tuple[int, int]]:
        """(start, end) of every blank-line break, in order: found once, so that a page
        without blank lines costs no scan per mention."""
        return [(m.start(), m.end()) for m in BLANK_LINE.finditer(self.text)]

    def paragraph(self, char: int) -> tuple[int, int]:
        """Char offsets of the paragraph (text between blank lines) holding `char`."""
        breaks = self._breaks
        n = bisect.bisect_right(breaks, (char, char))
        start = breaks[n - 1][1] if n else 0
        end = breaks[n][0] if n < len(breaks) else len(self.text)
        return start, end

    def is_headline(self, unit: Span) -> bool:
        """A title line: a paragraph of its own, short, with no closing punctuation."""
        start, end = self.paragraph(unit.start_char)
        if end - start > HEADLINE_MAX_CHARS:
            return False
        block = self.text[start:end].strip()
        if not block or "\n" in block or is_bar_row(block) or block[-1] in SENTENCE_END:
            return False
        return len(block.split()) <= HEADLINE_MAX_WORDS and block[0] not in "-*•"

    def in_quotation(self, span: Span) -> bool:
        """Whether the mention stands inside a quoted passage of its paragraph: someone's
        words, not a quoted title ("the “Joint Statement on Strengthening Science ...”")."""
        start, end = self.paragraph(span.start_char)
        start = max(start, span.start_char - QUOTE_REACH_CHARS)   # a page without blank lines: no scan from its top
        before = self.text[start : span.start_char]
        curly_open, curly_close = before.rfind("“"), before.rfind("”")
        end = min(end, span.end_char + QUOTE_REACH_CHARS)
        if curly_open > curly_close:
            opening, closing = start + curly_open, self.text.find("”", span.end_char, end)
        elif before.count('"') % 2 == 1:
            opening, closing = start + before.rfind('"'), self.text.find('"', span.end_char, end)
        else:
            return False
        words = [w for w in self.text[opening + 1 : closing if closing != -1 else end].split() if len(w) > 3]
        capitalised = sum(w[0].isupper() for w in words)
        return capitalised < TITLE_CAPITALISED_SHARE * len(words)

    @cached_property
    def dateline(self) -> Dateline | None:
        first = None
        for date in self.dates:
            if date.start_char > DATELINE_REACH_CHARS:
                break
            if first is not None and date.start_char - first.date.start_char > PLACED_DATELINE_REACH_CHARS:
                break
            if date._.date.granularity != "day":
                continue
            line_begins = line_start(self.text, date.start_char)
            line = line_at(self.text, date.start_char)
            before = self.text[line_begins : date.start_char]
            after = line[date.end_char - line_begins :]
            if len(before.split()) > DATELINE_MAX_WORDS_BEFORE or not DATELINE_AFTER.match(after):
                continue
            place = DATELINE_PLACE.match(before)
            name = place.group(1) if place else None
            if name and not after.strip() and line_begins + place.start(1) in self.people:
                name = None   # a line of a name and a date alone may be a byline: "Jane Doe, 4 de marzo de 2024"
            if name and name.isupper():
                name = name.title()
            paragraph_end = self.paragraph(date.start_char)[1]
            alone = not SENTENCE_BREAK.search(self.text[date.end_char : paragraph_end] + " ")
            found = Dateline(date, name, paragraph_end, alone)
            if name is not None:
                return found
            # a byline's date ("Published: 14 June 2017"): a placed dateline below it wins
            first = first or found
        if first is not None and first.place is None:
            lead_start = first.paragraph_end if first.alone else self.paragraph(first.date.start_char)[0]
            for place, start, _ in self.opening_places:
                if start >= lead_start and not self.text[lead_start:start].strip():
                    return Dateline(first.date, place, first.paragraph_end, first.alone)
        return first

    @cached_property
    def opening_places(self) -> list[tuple[str, int, int]]:
        """The places paragraphs near the top open on, with where the paragraph they place
        starts and where its text after the dateline starts: "WASHINGTON: Pakistan and
        ...", "Washington – During a meeting ..." (a name not in capitals only where the
        model read it as a place or the form says so)."""
        found_places = []
        for _, start in [(0, 0)] + self._breaks:
            if start > DATELINE_REACH_CHARS:
                break
            lead, found = start, OPENING_PLACE.match(self.text, start)
            if found is None:
                found = PLACE_DATE_LINE.match(self.text, start)
                lead = found.end() if found else start   # the paragraph under the line is the lead
            if found is None:
                continue
            name = found.group("name")
            if name.lower() in self.non_places:
                continue
            # the model often misreads a place in capitals ("WELLINGTON - Chile ..." as one ORG),
            # or one with its country or a date and a dash after it: the form says enough there
            # (a line of a name and a date alone may be a byline: "Jane Doe, 4 May 2024")
            body = found.end() if lead == start else lead
            if name.isupper() and len(name) > 2:
                found_places.append((name.title(), lead, body))
            elif found.group("country") or found.groupdict().get("agency") or (found.group("date") and lead == start) \
                    or self.places.get(start) == found.end("name"):
                found_places.append((name, lead, body))
        return found_places

    def opens_on_place(self, unit: Span) -> str | None:
        """The opening place of the paragraph whose first sentence the unit is."""
        start, _ = self.paragraph(unit.start_char)
        place = next(((name, body) for name, lead, body in self.opening_places if lead == start), None)
        if place is None or SENTENCE_BREAK.search(self.text[max(start, place[1]) : unit.start_char]):
            return None
        return place[0]

    def is_lead(self, unit: Span) -> bool:
        """Whether the unit is the lead sentence: the first of the dateline's own paragraph,
        or of the paragraph right under a dateline that stands on a line of its own."""
        dateline = self.dateline
        if dateline is None or unit.end_char < dateline.date.start_char:
            return False
        lead_start, _ = self.paragraph(unit.start_char)
        if lead_start > dateline.date.start_char and (
            not dateline.alone or self.text[dateline.paragraph_end : lead_start].strip()
        ):
            return False
        prefix = self.text[max(lead_start, dateline.date.end_char) : unit.start_char]
        return not SENTENCE_BREAK.search(prefix)
