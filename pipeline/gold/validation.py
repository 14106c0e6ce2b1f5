"""Checking a gold file against SPEC sections 2-3 and its document's text.

    validate_gold(gold, text) -> list[GoldProblem]   empty when the file is sound
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.components.org_lexicon import COUNTRY_FILE, load_countries
from pipeline.gold.date_values import date_granularity
from pipeline.gold.locating import DocText, locate_occurrences
from pipeline.gold.records import Gold, GoldCount
from pipeline.text import fold, spec_form
from pipeline.vocabulary import (
    AGREEMENT_ACTIONS,
    AGREEMENT_TYPES,
    COUNT_KINDS,
    COUNT_QUALIFIERS,
    DURATION_UNITS,
    PARTY_KINDS,
)


@functools.cache
def countries() -> frozenset[str]:
    """Names and canonical names of states, in `spec_form` (the project's one country list)."""
    return load_countries().state_forms()


@dataclass(frozen=True)
class GoldProblem:
    """One thing a gold file gets wrong: the item (`dates[2] '30 May'`) and what."""

    item: str
    message: str

    def __str__(self) -> str:
        return f"{self.item}: {self.message}"


_MONTHS = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
} | {"sept": 9}
_MONTH_WORD = re.compile(r"\b(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?", re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)([12]\d{3})(?!\d)")
_FISCAL = re.compile(r"\bFY|\bfiscal\b|\bfinancial year\b", re.IGNORECASE)
# A number as written: "1,200", "3.5", digits grouped by spaces ("3 612"), a fraction or a mixed number ("2 1/2").
_DIGITS = re.compile(r"(?:(\d+) )?(\d+)/(\d+)|\d{1,3}(?: \d{3})+(?![\d/])|\d[\d,]*(?:\.\d+)?")


# Era markers of calendars other than the Gregorian: Bikram Sambat, Hijri, Buddhist era.
_OTHER_CALENDAR = re.compile(r"\b(?:B\.?S\.?|A\.?H\.?|B\.?E\.?|Hijri)(?:\W|$)")


_NEGATIVE = re.compile(r"\bminus\b|[−-]\s*\d", re.IGNORECASE)


def _written_numbers(text: str) -> list[float]:
    numbers = []
    for match in _DIGITS.finditer(text):
        whole, numerator, denominator = match.groups()
        if numerator is not None:
            numbers.append(float(whole or 0) + float(numerator) / float(denominator))
        else:
            numbers.append(float(match.group(0).replace(",", "").replace(" ", "")))
    if _NEGATIVE.search(text):  # "minus 40", "−3.5"
        numbers += [-number for number in numbers]
    return numbers
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
        written = _written_numbers(count.text)
        if written and not any(abs(count.value - number * scale) < 1e-6 * max(1.0, count.value)
                               for number in written for scale in _SCALES):
            problems.append(f"value {count.raw_value} is not a number written in the text")
    if count.kind not in COUNT_KINDS:
        problems.append(f"kind {count.kind!r} not in {list(COUNT_KINDS)}")
    if count.qualifier not in COUNT_QUALIFIERS:
        problems.append(f"qualifier {count.qualifier!r} not in {list(COUNT_QUALIFIERS)}")
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


def _quote_problems(table: str, quotes: Sequence[str], doc: DocText) -> list[GoldProblem]:
    problems = []
    for index, (quote, span) in enumerate(zip(quotes, locate_occurrences(quotes, doc))):
        if span is None:
            item = f"{table}[{index}] {quote!r}"
            if doc.first(quote, whole_words=True) is None:
                problems.append(GoldProblem(item, "not found in the document"))
            else:
                problems.append(GoldProblem(item, "more entries than occurrences (outside longer annotated ones)"))
    return problems


def validate_gold(gold: Gold, text: str) -> list[GoldProblem]:
    """Everything in `gold` that breaks SPEC sections 2-3 against the document `text`."""
    doc = DocText(text)
    folded = f" {fold(text)} "
    problems: list[GoldProblem] = []

    owners: dict[str, str] = {}
    for index, party in enumerate(gold.parties):
        item = f"parties[{index}] {party.name!r}"
        messages = []
        if party.kind not in PARTY_KINDS:
            messages.append(f"kind {party.kind!r} not in {list(PARTY_KINDS)}")
        if party.country is not None and spec_form(party.country) not in countries():
            messages.append(f"country {party.country!r} is not in pipeline/data/{COUNTRY_FILE}")
        present = [form for form in party.forms if f" {spec_form(form)} " in folded]
        messages += [f"alias {alias!r} not found in the document" for alias in party.aliases if alias not in present]
        if not present:
            messages.append("neither the name nor an alias occurs in the document")
        for form in {spec_form(form) for form in party.forms}:
            if owners.setdefault(form, party.name) != party.name:
                messages.append(f"{form!r} also names party {owners[form]!r}")
        problems += [GoldProblem(item, message) for message in messages]

    problems += _quote_problems("dates", [date.text for date in gold.dates], doc)
    for index, date in enumerate(gold.dates):
        item = f"dates[{index}] {date.text!r}"
        messages = _date_problems(date.text, date.value, date.granularity)
        if date.optional or _OTHER_CALENDAR.search(date.text):
            # A date of another calendar that the gold converts ("2039 BS" is 1982; an optional
            # "fiscal year 2082/83" of Nepal's calendar is FY2025): its years are not written in its text.
            messages = [m for m in messages if not m.startswith("year(s)")]
        problems += [GoldProblem(item, message) for message in messages]

    problems += _quote_problems("counts", [count.text for count in gold.counts], doc)
    for index, count in enumerate(gold.counts):
        problems += [GoldProblem(f"counts[{index}] {count.text!r}", message) for message in _count_problems(count)]

    party_forms = set(owners)
    for index, agreement in enumerate(gold.agreements):
        messages = []
        occurrences = len(list(doc.find_all(agreement.evidence, whole_words=False)))
        if occurrences != 1:
            messages.append(f"evidence occurs {occurrences} times (must occur once): {agreement.evidence!r}")
        if agreement.type not in AGREEMENT_TYPES:
            messages.append(f"type {agreement.type!r} not in {list(AGREEMENT_TYPES)}")
        if agreement.action not in AGREEMENT_ACTIONS:
            messages.append(f"action {agreement.action!r} not in {list(AGREEMENT_ACTIONS)}")
        named = agreement.parties + agreement.parties_optional
        messages += [
            f"party {party!r} is neither a listed party nor a country"
            for party in named
            if spec_form(party) not in party_forms and spec_form(party) not in countries()
        ]
        bodies = [gold.party_forms(party) for party in named]
        if len(set(bodies)) != len(bodies):
            messages.append("a party is listed twice (perhaps under a name and an alias)")
        for slot in ("date", "valid_until"):
            value = getattr(agreement, slot)
            if value is not None and date_granularity(value) is None:
                messages.append(f"{slot} {value!r} is not a SPEC 3.2 date value")
        problems += [GoldProblem(f"agreements[{index}]", message) for message in messages]
    return problems
