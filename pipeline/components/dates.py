"""Calendar date expressions (SPEC 3.2): doc.spans["dates"], each with Span._.date.

Finding: the patterns of data/dates.yaml are compiled into one regular
expression, run once over doc.text; each match is aligned to token
boundaries (a match inside a larger token is dropped, except a modifier the
tokenizer glued on, "mid-2015"). Bare numbers are checked before they count
as years: not inside a name ("Horizon 2020"), not after a label word
("Figure 2010"), not a duration, amount or count ("2000 years",
"2000 researchers").

Reading: dateparser turns (day, month name, year) into a calendar date
(cached per distinct triple); numeric dates, ordinal words, fiscal years,
decades, intervals, two-digit years and years carried over from context are
done here and in date_reading.py (which says why).

Decisions where SPEC is silent:
- Fiscal years: value `FY2009`; start_date/end_date cover the twelve months
  from `fiscal_year_start_month` (pipeline.cfg, default April) of the named
  year, the Japanese convention (FY2009 = 2009-04-01..2010-03-31).
- Intervals: each end keeps its own granularity (`2010-04/2011-03`,
  `FY2016/FY2020`); "from 2016 to 2020" gives one interval, text
  `2016 to 2020`. An end that leaves out its month or year takes the other's.
- A month or day without a year takes the year of the nearest preceding
  date in the document that names one year (an interval over several years
  or a decade names none: "17 February" after "the period 2019–2023" takes
  the year of the date before; an interval of days names the year of its
  last day), with from_context true. A date after a word of `span_end_words`
  ("until 2027", "by June 2024") names an end ahead, and a year between a
  determiner and a lower-case word before the year of the page's date stamp
  ("the 2022 agreement" on a 2024 page) an older thing's year: neither is the
  year of the story, and each gives its year only when none came before. A
  year so used ("the 1996 text") is no referent of "the same year" (the
  page's date stamp: its first full date near the top). Before any year
  (a dateline "Sofia, March 12" above the page's stamp "12.03.2025") a month
  or day takes the year of the first full date after it, when that is the next
  date naming a year; otherwise it is left out.
- A weekday settles a year taken from context: "October 16 (Wed)" takes the
  nearest year named before in which 16 October is a Wednesday. A weekday
  in brackets after the date belongs to its text.
- Two full dates or months joined by a range word or dash are one interval
  ("01.07.2023 to 30.09.2023").
- Back-references ("the same day", "that year", "the following year") take
  the nearest preceding date, at the unit they name or coarser when that
  date is coarser ("on the same day" after "May 2010" gives 2010-05); they
  are left out when that date spans several such units (a decade, a
  multi-year interval) or there is none.
- A weekday before a day belongs to the expression ("Tuesday, 20 October 2021").
- Ambiguous numeric dates ("05/06/2022") follow the document: see date_reading.py.
- "2014-10" and "2014/10" are months; "2009-10" (the next year) and "2009-15"
  are spans of years.
- "between 2010 and 2015" is one interval, text `2010 and 2015`, like "from
  2006 to 2009".
- Months coordinated before a year ("January and March 2015", "May, June and
  July 2019") each take that year; each month is a date of its own.
- "December of the same year", "the 12th of the same month": the referenced
  year or month with the month or day the text gives (from_context true).
- Coordinated days are one interval, first to last day ("16 and 17 February"
  gives 2019-02-16/2019-02-17; "3, 4 and 5 May" likewise).
- A fiscal year written with its closing year in two digits is one fiscal
  year ("FY 2022/23", "fiscal 2021-22", "the 2019/20 financial year": FY2022,
  FY2021, FY2019); other spans of fiscal years are intervals ("FY2016/2020",
  "FY20-FY21", "FY2024–FY2025").
- Years in a table column headed by a fiscal marker ("Fiscal year") are
  fiscal years.
- A date whose year is deictic ("Oct. 3 next year") is left out (SPEC 3.5:
  deictic dates are optional).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.components.date_context import DateContext, join_ranges, year_of_weekday
from pipeline.components.date_grammar import Grammar
from pipeline.components.date_value import DateValue, unit_value
from pipeline.components.date_values import ValueReader
from pipeline.components.date_years import DIGIT_GROUP_BEFORE, LABEL_BEFORE, WORD_BEFORE, YearCheck
from pipeline.components.date_reading import numeric_order, numeric_stands_alone
from pipeline.components.layout import doc_text
from pipeline.components.rule_component import RuleComponent

_GLUED_LABEL = re.compile(r"[A-Za-z]+:")




@Language.factory(
    "st_dates",
    default_config={"data_file": "dates.yaml", "min_year": 1800, "max_year": 2100, "fiscal_year_start_month": 4},
)
def make_dates(
    nlp: Language, name: str, data_file: str, min_year: int, max_year: int, fiscal_year_start_month: int
) -> RuleComponent:
    def build(data: dict) -> DateRecognizer:
        return DateRecognizer(data["dates"][0], min_year, max_year, fiscal_year_start_month)

    return RuleComponent(name, {"dates": [data_file]}, build)


class DateRecognizer:
    def __init__(self, data: dict, min_year: int, max_year: int, fiscal_year_start_month: int):
        self.min_year = min_year
        self.values = ValueReader(data, min_year, max_year, fiscal_year_start_month)
        self.month_cues = set(data["month_cues"])
        self.span_end_words = set(data["span_end_words"])
        self.stamp_chars = int(data["stamp_chars"])
        self.early_min_year, self.early_year_cues = int(data["early_min_year"]), set(data["early_year_cues"])
        self.attributive_before = re.compile(rf"\b(?:{'|'.join(data['name_determiners'])})\s+\Z", re.IGNORECASE)
        self.attributive_after = re.compile(rf"\s+(?!(?:{'|'.join(data['not_attributive_after'])})\b)[a-z]")
        self.glued_modifiers = set(data["glued_modifiers"])
        self.glued_time = re.compile(data["glued_time"])
        self.glued_labels = {w.lower() for w in data["glued_labels"]}
        self.label_words = set(data["label_words"])
        self.lowercase_needing_year = set(data["lowercase_months_needing_year"])
        self.lowercase_month_cues = set(data["lowercase_month_cues"])
        self.deictic_year_after = re.compile(rf"\s+(?:{'|'.join(data['deictic_years_after'])})\b", re.IGNORECASE)
        self.numeric_label_words = self.label_words | set(data["numeric_label_words"])
        self.years = YearCheck(data)
        grammar = Grammar(data, list(self.values.references), self.values.ordinal_days.pattern)
        self.regex, self.patterns = grammar.regex, grammar.patterns
        self.foreign_months = grammar.foreign_months
        self.weekday_after, self.weekday_word = grammar.weekday_after, grammar.weekday_word
        self.weekday_numbers = {name[:3].lower(): number for number, name in enumerate(data["weekdays"])}
        self.range_joins = {w.lower() for w in data["range_words"] + data["range_symbols"] + data["range_words_between_dates"]}
        self.written_month_first, self.written_day_first = grammar.written_month_first, grammar.written_day_first

    # ---- component -----------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        context = DateContext()
        party_tokens: set[int] | None = None
        spans: list[Span] = []
        waiting: list[tuple[Span, str, dict, int | None]] = []   # yearless dates before any year
        for match in self.regex.finditer(text):
            pattern = self.patterns[int(match.lastgroup[1:])]
            fields = {f: match.group(g) for f, g in pattern.groups.items() if match.group(g) is not None}
            for field in ("m1", "m2"):
                if field in fields and fields[field].lower() in self.foreign_months:
                    fields[field] = str(self.foreign_months[fields[field].lower()])     # "mayo", "maja"
            has_year = "y1" in fields or "y2" in fields
            if pattern.needs_cue and not has_year and not self._after_cue(text, match.start()):
                continue
            month = (fields.get("m1") or fields.get("m2") or "").rstrip(".")
            if not has_year and month in self.lowercase_needing_year and not (
                pattern.needs_cue and self._after_cue(text, match.start(), self.lowercase_month_cues)
            ):
                continue                # "they may 10 times", "to march", but "in late march"
            if pattern.not_after_label and self._after_label(text, match.start()):
                continue                # "Ref. No. 2019/10/22"
            if pattern.kind in ("numeric", "numeric_month"):
                if not self._numeric_ok(text, match, fields):
                    continue
                if context.numeric_order is None:
                    context.numeric_order = numeric_order(
                        text, len(self.written_month_first.findall(text)), len(self.written_day_first.findall(text))
                    )
                fields["order"] = context.numeric_order
            if pattern.kind == "numeric_month":
                pattern = dataclasses.replace(pattern, kind="calendar")     # read as month and year
            fields["raw"] = match.group()
            end = match.end()
            weekday_after = self.weekday_after.match(text, end)
            if weekday_after:
                end = weekday_after.end()
            span = self._align(doc, text, match.start(), end)
            if span is None or (spans and span.start < spans[-1].end) or (waiting and span.start < waiting[-1][0].end):
                continue
            weekday = self._weekday(text[match.start() : end])
            if pattern.standalone_year:
                if party_tokens is None:
                    party_tokens = {i for s in doc.spans.get("parties", []) for i in range(s.start, s.end)}
                if not self.years.is_year(doc, text, span, match, party_tokens):
                    continue
            read = self.values.read(pattern.kind, fields, context) or self._early_year(pattern, fields, text, match)
            if read is None:
                if pattern.kind == "calendar" and not has_year and "yy1" not in fields and context.year is None:
                    waiting.append((span, pattern.kind, fields, weekday))
                continue
            value, year = read
            if value.from_context and self.deictic_year_after.match(text, match.end()):
                continue                # "Oct. 3 next year"
            if value.from_context and weekday is not None:
                value = year_of_weekday(value, weekday, context.years)
                year = value.start_date.year
            if waiting and year is not None and not value.from_context:
                if value.granularity == "day":      # the page's own date stamp: "Sofia, March 12 ... 12.03.2025"
                    spans.extend(self._with_year(waiting, year))
                waiting = []
            span._.date = value
            spans.append(span)
            if context.published is None and value.granularity == "day" and not value.from_context:
                if span.start_char < self.stamp_chars:
                    context.published = value.start_date.year   # the page's date stamp or dateline
                else:
                    context.published = 0
            # "until 2027": an end ahead; "the 2022 agreement" on a 2024 page: an older thing's year.
            # Neither is the year the story is told in.
            attributive = pattern.standalone_year and self._attributive(text, match)
            aside = self._after_cue(text, match.start(), self.span_end_words) or (
                attributive and year is not None and year < (context.published or 0)
            )
            if context.last is None or not attributive:
                context.last = value
            if year is not None:
                if context.year is None or not aside:
                    context.year = year
                context.years.append(year)
        doc.spans["dates"] = join_ranges(doc, sorted(spans, key=lambda s: s.start), self.range_joins)
        return doc

    def _early_year(self, pattern, fields: dict[str, str], text: str, match: re.Match) -> tuple[DateValue, int] | None:
        """A lone year before min_year counts only after "in"/"since" ("founded in 1625"): bare, such
        numbers are mostly counts or codes."""
        if not pattern.standalone_year or set(fields) - {"y1", "raw", "order"}:
            return None
        year = int(fields["y1"])
        if not self.early_min_year <= year < self.min_year or not self._after_cue(text, match.start(), self.early_year_cues):
            return None
        return unit_value("year", dt.date(year, 1, 1), False), None

    def _attributive(self, text: str, match: re.Match) -> bool:
        """A year between a determiner and a lower-case word: "the 1996 text", "its 2022 agreement"."""
        return bool(
            self.attributive_before.search(text, max(0, match.start() - 8), match.start())
            and self.attributive_after.match(text, match.end())
        )

    def _weekday(self, date_text: str) -> int | None:
        word = self.weekday_word.search(date_text)
        return None if word is None else self.weekday_numbers.get(word.group()[:3].lower())

    def _with_year(self, waiting: list[tuple[Span, str, dict, int | None]], year: int) -> list[Span]:
        """Yearless dates that came before any year, read with the year of the date stamp after them."""
        read = []
        for span, kind, fields, weekday in waiting:
            value = self.values.read(kind, fields, DateContext(year=year))
            if value is not None:
                span._.date = value[0] if weekday is None else year_of_weekday(value[0], weekday, [year])
                read.append(span)
        return read

    def _numeric_ok(self, text: str, match: re.Match, fields: dict[str, str]) -> bool:
        """Whether a numeric date stands alone: not part of a version, phone number, IP address or section."""
        if not numeric_stands_alone(text, match.start(), match.end()):
            return False                # glued to letters, digits or more separators
        separator = fields.get("s1", ".")
        if "yy1" in fields and (separator == "-" or (separator == "." and len(fields["x1"] + fields["x2"]) < 4)):
            return False                # "3-1-15", "2.10.15": scores and section numbers
        if DIGIT_GROUP_BEFORE.search(text[max(0, match.start() - 24) : match.start()]):
            return False                # "+49 30 12.03.2019"
        return not self._after_label(text, match.start())

    def _after_label(self, text: str, start: int) -> bool:
        label = LABEL_BEFORE.search(text[max(0, start - 24) : start])
        return label is not None and label.group(1).lower() in self.numeric_label_words

    def _after_cue(self, text: str, start: int, cues: set[str] | None = None) -> bool:
        before = WORD_BEFORE.search(text, max(0, start - 24), start)
        return before is not None and before.group(1).lower() in (cues or self.month_cues)

    def _align(self, doc: Doc, text: str, start: int, end: int) -> Span | None:
        span = doc.char_span(start, end)
        if span is not None:
            return span
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        if span.start_char == start and self.glued_time.fullmatch(text, end, span.end_char):
            return span                 # "2021-05-10T14:22:01"
        if span.end_char == end and (
            _GLUED_LABEL.fullmatch(text, span.start_char, start) or text[span.start_char : start].lower() in self.glued_labels
        ):
            return span                 # "Time:2023-01-07", "Date2024/05/21": a field label the page glued on
        extra = (text[span.start_char : start] + text[end : span.end_char]).strip(".-'’").lower()
        return span if not extra or extra in self.glued_modifiers else None
