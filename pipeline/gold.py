"""Gold annotations (SPEC section 2): loading, validating, finding them in the text.

    load_gold(path) -> Gold                  one annotations/<doc_id>.yaml file
    load_gold_dir(gold_dir) -> dict[str, Gold]   every *.yaml below gold_dir, by doc_id
    validate_gold(gold, text) -> list[str]   problems; empty when the file is sound

Also the text helpers scoring shares with validation: `DocText` (whitespace-insensitive
search mapped back to offsets of the original text), `locate_occurrences`
(the k-th entry with a given text is its k-th occurrence), `date_granularity`
(the SPEC 3.2 value formats) and `countries()`.

Structural faults (a missing required key, an unknown key, a list that is
not a list) raise GoldFormatError naming the file; an item may carry a free
`note:` for the annotator. Scalars load as strings except true/false/null,
so quotes stay verbatim (`text: 2.50`) and ISO dates stay text
(`value: 2017-01-30`). A count without `qualifier` is `exact`.
"""

from __future__ import annotations

import calendar
import datetime
import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from pipeline.components.org_lexicon import COUNTRY_FILE, load_countries
from pipeline.text import fold, spec_form

PARTY_KINDS = frozenset(
    {"government", "agency", "research", "university", "company", "international", "committee", "other"}
)
COUNT_KINDS = frozenset({"count", "money", "percent", "measure", "duration"})
QUALIFIERS = frozenset({"exact", "approx", "more_than", "at_least", "less_than", "up_to"})
AGREEMENT_TYPES = frozenset(
    {
        "agreement", "mou", "moc", "loi", "implementation_arrangement", "arrangement",
        "addendum", "protocol", "joint_statement", "contract", "other",
    }
)
ACTIONS = frozenset({"signed", "renewed", "extended", "adopted", "referenced"})
DURATION_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"})


class GoldFormatError(ValueError):
    """A gold file that cannot be read as SPEC section 2 describes."""


# --- states ------------------------------------------------------------------


@functools.cache
def countries() -> frozenset[str]:
    """Names and canonical names of states, in `spec_form` (the project's one country list)."""
    return load_countries().state_forms()


# --- finding quotes in the text ------------------------------------------------

_WHITESPACE = re.compile(r"\s+")


def collapse(text: str) -> str:
    return _WHITESPACE.sub(" ", text).strip()


class DocText:
    """A document text searched with white space runs read as one space."""

    def __init__(self, text: str):
        self.text = text
        pieces: list[str] = []
        # origin[i] is the offset in `text` of character i of `collapsed`.
        self._origin: list[int] = []
        position = 0
        for run in _WHITESPACE.finditer(text):
            pieces += [text[position : run.start()], " "]
            self._origin += [*range(position, run.start()), run.start()]
            position = run.end()
        pieces.append(text[position:])
        self._origin += range(position, len(text))
        self.collapsed = "".join(pieces)

    def find_all(self, quote: str, whole_words: bool = True) -> Iterator[tuple[int, int]]:
        """Non-overlapping occurrences of `quote` as (start, end) offsets into `text`.

        With `whole_words`, an occurrence may not start or end inside a word
        (`2017` is not found in `20170`).
        """
        needle = collapse(quote)
        if not needle:
            return
        start = self.collapsed.find(needle)
        while start >= 0:
            end = start + len(needle)
            if not whole_words or self._at_word_edges(start, end):
                yield self._origin[start], self._origin[end - 1] + 1
                start = self.collapsed.find(needle, end)
            else:
                start = self.collapsed.find(needle, start + 1)

    def first(self, quote: str, whole_words: bool = False) -> tuple[int, int] | None:
        return next(self.find_all(quote, whole_words), None)

    def _at_word_edges(self, start: int, end: int) -> bool:
        text = self.collapsed
        starts_clean = start == 0 or not (text[start].isalnum() and text[start - 1].isalnum())
        ends_clean = end == len(text) or not (text[end - 1].isalnum() and text[end].isalnum())
        return starts_clean and ends_clean


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def locate_occurrences(quotes: Sequence[str], doc: DocText) -> list[tuple[int, int] | None]:
    """The span of each quote: the k-th entry with a given text is its k-th occurrence.

    Longer quotes are placed first and shorter ones skip occurrences inside
    them, so `2017` is not found inside an annotated `30 January 2017`. An
    entry beyond the number of occurrences gets None.
    """
    spans: list[tuple[int, int] | None] = [None] * len(quotes)
    taken: list[tuple[int, int]] = []
    by_text: dict[str, list[int]] = {}
    for index, quote in enumerate(quotes):
        by_text.setdefault(collapse(quote), []).append(index)
    for needle in sorted(by_text, key=lambda text: (-len(text), text)):
        free = (span for span in doc.find_all(needle) if not any(_overlaps(span, other) for other in taken))
        for index, span in zip(by_text[needle], free):
            spans[index] = span
        taken += [spans[index] for index in by_text[needle] if spans[index] is not None]
    return spans


# --- date values (SPEC 3.2) ------------------------------------------------------

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


# --- the gold structure -----------------------------------------------------------


@dataclass(frozen=True)
class GoldParty:
    name: str
    aliases: tuple[str, ...]
    kind: str
    country: str | None
    optional: bool = False

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class GoldDate:
    text: str
    value: str
    granularity: str | None = None  # optional in the file; checked against the value
    from_context: bool | None = None
    optional: bool = False


@dataclass(frozen=True)
class GoldCount:
    text: str
    value: float | None  # None when the file's value is not a number (a validation problem)
    raw_value: str
    unit: str
    kind: str
    qualifier: str = "exact"
    optional: bool = False


@dataclass(frozen=True)
class GoldAgreement:
    evidence: str
    type: str
    action: str
    parties: tuple[str, ...] = ()
    parties_optional: tuple[str, ...] = ()
    date: str | None = None
    place: str | None = None
    valid_until: str | None = None
    title: str | None = None
    optional: bool = False


@dataclass(frozen=True)
class Gold:
    doc_id: str
    parties: tuple[GoldParty, ...] = ()
    dates: tuple[GoldDate, ...] = ()
    counts: tuple[GoldCount, ...] = ()
    agreements: tuple[GoldAgreement, ...] = ()
    path: Path | None = None

    def party_forms(self, party: str) -> frozenset[str]:
        """Normalised forms that name the same body as an agreement's `party` string.

        The string itself plus the name and aliases of every `parties` entry
        it names; a country matches only itself.
        """
        key = spec_form(party)
        forms = {key}
        for entry in self.parties:
            entry_forms = {spec_form(form) for form in entry.forms}
            if key in entry_forms:
                forms |= entry_forms
        return frozenset(forms)


# --- loading -----------------------------------------------------------------


class _GoldLoader(yaml.SafeLoader):
    """Every scalar is a string except true/false and null."""


_GoldLoader.yaml_implicit_resolvers = {}
_GoldLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_GoldLoader.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])


class _Item:
    """One YAML mapping read field by field, for precise error messages."""

    def __init__(self, data: object, where: str, allowed: set[str]):
        if not isinstance(data, dict):
            raise GoldFormatError(f"{where}: expected a mapping, got {type(data).__name__}")
        unknown = set(data) - allowed - {"note"}
        if unknown:
            raise GoldFormatError(f"{where}: unknown key(s) {sorted(map(str, unknown))}")
        self.data, self.where = data, where

    def text(self, key: str, required: bool = True) -> str | None:
        value = self.data.get(key)
        if value is not None and not isinstance(value, str):
            raise GoldFormatError(f"{self.where}: `{key}` must be a single value, got {value!r}")
        if value is None or not value.strip():
            if required:
                raise GoldFormatError(f"{self.where}: `{key}` is required")
            return None
        return value.strip()

    def texts(self, key: str) -> tuple[str, ...]:
        values = self.data.get(key) or []
        if not isinstance(values, list) or not all(isinstance(value, str) for value in values):
            raise GoldFormatError(f"{self.where}: `{key}` must be a list of strings")
        return tuple(value.strip() for value in values)

    def flag(self, key: str) -> bool | None:
        value = self.data.get(key)
        if value is not None and not isinstance(value, bool):
            raise GoldFormatError(f"{self.where}: `{key}` must be true or false")
        return value

    def items(self, key: str) -> list:
        values = self.data.get(key) or []
        if not isinstance(values, list):
            raise GoldFormatError(f"{self.where}: `{key}` must be a list")
        return values


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def load_gold(path: str | Path) -> Gold:
    path = Path(path)
    with path.open(encoding="utf-8") as stream:
        data = yaml.load(stream, Loader=_GoldLoader)  # noqa: S506  (a safe loader)
    top = _Item(data, str(path), {"doc_id", "parties", "dates", "counts", "agreements"})

    def each(key: str, allowed: set[str]) -> Iterator[_Item]:
        for index, item in enumerate(top.items(key)):
            yield _Item(item, f"{path}: {key}[{index}]", allowed | {"optional"})

    parties = tuple(
        GoldParty(
            name=item.text("name"),
            aliases=item.texts("aliases"),
            kind=item.text("kind"),
            country=item.text("country", required=False),
            optional=bool(item.flag("optional")),
        )
        for item in each("parties", {"name", "aliases", "kind", "country"})
    )
    dates = tuple(
        GoldDate(
            text=item.text("text"),
            value=item.text("value"),
            granularity=item.text("granularity", required=False),
            from_context=item.flag("from_context"),
            optional=bool(item.flag("optional")),
        )
        for item in each("dates", {"text", "value", "granularity", "from_context"})
    )
    counts = tuple(
        GoldCount(
            text=item.text("text"),
            value=_number(item.text("value")),
            raw_value=item.text("value"),
            unit=item.text("unit"),
            kind=item.text("kind"),
            qualifier=item.text("qualifier", required=False) or "exact",
            optional=bool(item.flag("optional")),
        )
        for item in each("counts", {"text", "value", "unit", "kind", "qualifier"})
    )
    agreements = tuple(
        GoldAgreement(
            evidence=item.text("evidence"),
            type=item.text("type"),
            action=item.text("action"),
            parties=item.texts("parties"),
            parties_optional=item.texts("parties_optional"),
            date=item.text("date", required=False),
            place=item.text("place", required=False),
            valid_until=item.text("valid_until", required=False),
            title=item.text("title", required=False),
            optional=bool(item.flag("optional")),
        )
        for item in each(
            "agreements",
            {"evidence", "type", "action", "parties", "parties_optional", "date", "place", "valid_until", "title"},
        )
    )
    return Gold(top.text("doc_id"), parties, dates, counts, agreements, path)


# annotations/identity.yaml says which gold items of different documents are one body or instrument (pipeline.identity_gold).
NOT_DOCUMENT_GOLD = ("identity.yaml",)


def gold_files(gold_dir: str | Path) -> list[Path]:
    return sorted(path for path in Path(gold_dir).rglob("*.yaml") if path.name not in NOT_DOCUMENT_GOLD)


def doc_id_of(path: Path, gold_dir: str | Path) -> str:
    """`annotations/dev/x.yaml` -> `dev/x`: the doc_id the file's place implies."""
    return path.relative_to(gold_dir).with_suffix("").as_posix()


def load_gold_dir(gold_dir: str | Path) -> dict[str, Gold]:
    """Every gold file below `gold_dir`, by doc_id; its `doc_id` must match its path."""
    golds = {}
    for path in gold_files(gold_dir):
        gold = load_gold(path)
        if gold.doc_id != doc_id_of(path, gold_dir):
            raise GoldFormatError(f"{path}: doc_id {gold.doc_id!r} does not match the file's place")
        golds[gold.doc_id] = gold
    return golds


# --- validation ----------------------------------------------------------------

_MONTHS = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
} | {"sept": 9}
_MONTH_WORD = re.compile(r"\b(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?", re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)([12]\d{3})(?!\d)")
_FISCAL = re.compile(r"\bFY|\bfiscal\b", re.IGNORECASE)
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
# Scales a written number may carry: thousand, lakh, million, crore, billion, trillion.
_SCALES = (1, 1e3, 1e5, 1e6, 1e7, 1e9, 1e12)


def _date_problems(text: str, value: str, granularity: str | None) -> list[str]:
    found = date_granularity(value)
    if found is None:
        return [f"value {value!r} is not a SPEC 3.2 date value"]
    problems = []
    if granularity and granularity != found:
        problems.append(f"granularity {granularity!r} but the value {value!r} is at {found!r}")
    # A decade's year ("1980s") is in its value as "198X".
    missing_years = {year for year in _YEAR.findall(text) if year not in value and f"{year[:3]}X" not in value}
    if missing_years:
        problems.append(f"year(s) {sorted(missing_years)} of the text are not in the value {value!r}")
    if bool(_FISCAL.search(text)) != ("FY" in value):
        problems.append(f"fiscal year in text and value disagree ({value!r})")
    text_months = {_MONTHS[word.lower()] for word in _MONTH_WORD.findall(text)}
    value_months = {int(month) for month in re.findall(r"\d{4}-(\d{2})", value)}
    if not text_months <= value_months:
        problems.append(f"month(s) named in the text are not in the value {value!r}")
    return problems


def _count_problems(count: GoldCount) -> list[str]:
    problems = []
    if count.value is None:
        problems.append(f"value {count.raw_value!r} is not a plain number")
    else:
        written = [float(number.replace(",", "")) for number in _DIGITS.findall(count.text)]
        if written and not any(abs(count.value - number * scale) < 1e-6 * max(1.0, count.value)
                               for number in written for scale in _SCALES):
            problems.append(f"value {count.raw_value} is not a number written in the text")
    if count.kind not in COUNT_KINDS:
        problems.append(f"kind {count.kind!r} not in {sorted(COUNT_KINDS)}")
    if count.qualifier not in QUALIFIERS:
        problems.append(f"qualifier {count.qualifier!r} not in {sorted(QUALIFIERS)}")
    if count.kind == "money":
        if not re.fullmatch(r"[A-Z]{3}", count.unit):
            problems.append(f"money unit {count.unit!r} is not a currency code like USD")
    elif not count.unit.split()[-1].islower():
        # Modifiers may be proper adjectives ("Indian scientist"); the counted noun is lower case.
        problems.append(f"unit {count.unit!r} does not end in a lower-case noun")
    if count.kind == "percent" and count.unit != "percent":
        problems.append(f"percent unit is {count.unit!r}, not 'percent'")
    if count.kind == "duration" and count.unit.split()[-1] not in DURATION_UNITS:
        problems.append(f"duration unit {count.unit!r} is not a time unit")
    return problems


def _quote_problems(where: str, quotes: Sequence[str], doc: DocText) -> list[str]:
    problems = []
    for index, (quote, span) in enumerate(zip(quotes, locate_occurrences(quotes, doc))):
        if span is not None:
            continue
        if doc.first(quote, whole_words=True) is None:
            problems.append(f"{where}[{index}] {quote!r}: not found in the document")
        else:
            problems.append(
                f"{where}[{index}] {quote!r}: more entries than occurrences (outside longer annotated ones)"
            )
    return problems


def validate_gold(gold: Gold, text: str) -> list[str]:
    """Everything in `gold` that breaks SPEC sections 2-3 against the document `text`."""
    doc = DocText(text)
    folded = f" {fold(text)} "
    problems: list[str] = []

    owners: dict[str, str] = {}
    for index, party in enumerate(gold.parties):
        where = f"parties[{index}] {party.name!r}"
        if party.kind not in PARTY_KINDS:
            problems.append(f"{where}: kind {party.kind!r} not in {sorted(PARTY_KINDS)}")
        if party.country is not None and spec_form(party.country) not in countries():
            problems.append(f"{where}: country {party.country!r} is not in pipeline/data/{COUNTRY_FILE}")
        present = [form for form in party.forms if f" {spec_form(form)} " in folded]
        for alias in party.aliases:
            if alias not in present:
                problems.append(f"{where}: alias {alias!r} not found in the document")
        if not present:
            problems.append(f"{where}: neither the name nor an alias occurs in the document")
        for form in {spec_form(form) for form in party.forms}:
            if owners.setdefault(form, party.name) != party.name:
                problems.append(f"{where}: {form!r} also names party {owners[form]!r}")

    problems += _quote_problems("dates", [date.text for date in gold.dates], doc)
    for index, date in enumerate(gold.dates):
        problems += [f"dates[{index}] {date.text!r}: {problem}" for problem in
                     _date_problems(date.text, date.value, date.granularity)]

    problems += _quote_problems("counts", [count.text for count in gold.counts], doc)
    for index, count in enumerate(gold.counts):
        problems += [f"counts[{index}] {count.text!r}: {problem}" for problem in _count_problems(count)]

    party_forms = set(owners)
    for index, agreement in enumerate(gold.agreements):
        where = f"agreements[{index}]"
        occurrences = len(list(doc.find_all(agreement.evidence, whole_words=False)))
        if occurrences != 1:
            problems.append(f"{where}: evidence occurs {occurrences} times (must occur once): {agreement.evidence!r}")
        if agreement.type not in AGREEMENT_TYPES:
            problems.append(f"{where}: type {agreement.type!r} not in {sorted(AGREEMENT_TYPES)}")
        if agreement.action not in ACTIONS:
            problems.append(f"{where}: action {agreement.action!r} not in {sorted(ACTIONS)}")
        named = agreement.parties + agreement.parties_optional
        for party in named:
            if spec_form(party) not in party_forms and spec_form(party) not in countries():
                problems.append(f"{where}: party {party!r} is neither a listed party nor a country")
        bodies = [gold.party_forms(party) for party in named]
        if len(set(bodies)) != len(bodies):
            problems.append(f"{where}: a party is listed twice (perhaps under a name and an alias)")
        for slot in ("date", "valid_until"):
            value = getattr(agreement, slot)
            if value is not None and date_granularity(value) is None:
                problems.append(f"{where}: {slot} {value!r} is not a SPEC 3.2 date value")
    return problems
