"""Numbers that label or name rather than count: section, figure, list and footnote
numbers, codes and phone numbers, years spans, numbers inside names."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from pipeline.components.counts.numbers import Number, NumberReader, glued
from pipeline.components.counts.phrases import PhraseIndex
from pipeline.components.counts.sharing import gapped_after_name

# Glued text around a number that makes it a label or part of a name.
_LABEL_CHUNKS = (
    re.compile(r"^[(\[]\d{1,3}[)\]]\W*$"),          # (1), [2]
    re.compile(r"\d+(?:[-–./]\d+){2,}"),             # 2-3-22, 03-5214-8401, 2.6.1
    re.compile(r"[<>]"),                               # 3<sup>rd</sup>, <sup>1</sup>
    re.compile(r"\d\+\d"),                              # 2+2
    re.compile(r"[A-Za-z][-–]?\d|\d[-–][A-Za-z]{1,2}\b"),  # COVID-19, Horizon-2020, 3-D
)
# A range of two decimals ("3.5–4.0") is two numbers, not a label like "2.6.1".
_DECIMAL_RANGE = re.compile(r"\(?\d+(?:\.\d+)?[-–—]\d+(?:\.\d+)?%?[),.;:]?")
# A numbered heading opening a line: "3.3 Money and scale", "4.3 Türkiye and South Africa".
_HEADING_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2})+\.?")
# A currency code or letter glued before the digits of an amount ("EUR72", "R404", "(INR500"):
# no name like "G8" or "COVID-19".
_GLUED_CURRENCY = re.compile(r"^(\W*)[A-Za-z]{1,4}\$?(?=\d)")
# Two digits with a leading zero: the start of a span of years ("the 09-14 period") or a code.
_ZERO_PADDED_PAIR = re.compile(r"0\d")
# A split or ratio of equal parts: "a 50-50 basis", "1:1 matching".
_EQUAL_PARTS = re.compile(r"\W*(\d+)[-–:/](\1)\W*")
# A time of day: "9.00", "17:30".
_CLOCK = re.compile(r"(?:[01]?\d|2[0-3])[.:][0-5]\d")
_DASHES = frozenset({"-", "–", "—", "to"})
# An amount whose thousands are grouped by full stops: "1.000.000".
_DOTTED_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3}){2,}")
# A country calling code before a number: "+353 1 716 ...", "+46 8 790 6000".
_PHONE_PREFIX = re.compile(r"\+\d{1,4}|\(0\)")
# Separators of a list of labels: "Section 3, 4", "Figure 2-3-22".
_LABEL_SEPARATORS = frozenset({",", "-", "–", "/", "and", "&"})


def _chunk(text: str, left: int, right: int) -> str:
    """text[left:right] widened to the nearest white space on either side."""
    while left > 0 and not text[left - 1].isspace():
        left -= 1
    while right < len(text) and not text[right].isspace():
        right += 1
    return text[left:right]


def _line_label_before_a_count(doc: Doc, number: Number) -> bool:
    """"• Germany 12 new projects", "India-China 1 new project": a name opening a list line, then
    a number of the common noun after it."""
    token = doc[number.end - 1]
    head = token.head
    parsed = token.dep_ == "nummod" and head.pos_ == "NOUN" and number.end <= head.i <= number.end + 3
    if not parsed and (number.year_like or not _common_noun_after(doc, number.end)):
        return False  # the parse of a list line often hangs the number on its bullet
    k = number.start - 1
    while k >= 0 and (doc[k].pos_ == "PROPN" or doc[k].text in ("-", "–")):
        k -= 1
    while k >= 0 and not doc[k].is_space and not doc[k].is_alpha and not doc[k].like_num:
        k -= 1  # bullets
    if k >= 0 and doc[k].like_num and k + 1 < number.start and doc[k + 1].text in (".", ")"):
        k -= 1  # a list's own number: "2. Korea-Japan 5 joint seminars"
    return k < 0 or "\n" in doc[k].text


def _time_range(doc: Doc, start: int, end: int) -> bool:
    """A time of day in a range of times: "9.00 - 17.00", "12:30-13:30"."""
    if end - start != 1 or not _CLOCK.fullmatch(doc[start].text):
        return False
    before = start >= 2 and doc[start - 1].text in _DASHES and _CLOCK.fullmatch(doc[start - 2].text)
    after = end + 1 < len(doc) and doc[end].text in _DASHES and _CLOCK.fullmatch(doc[end + 1].text)
    return bool(before or after)


def _common_noun_after(doc: Doc, k: int, reach: int = 4) -> bool:
    """A common noun after at most a few modifiers from token k: "1 new project", "4 joint calls"."""
    for token in doc[k : k + reach]:
        if token.pos_ == "NOUN" and not token.is_upper:
            return True
        if not (token.pos_ == "ADJ" or token.tag_ in ("VBG", "VBN") or (token.text in ("-", "–") and glued(doc, token.i))):
            return False
    return False


class NumberFilters:
    def __init__(
        self, numbers: NumberReader, line_markers: frozenset[str], name_entity_labels: frozenset[str],
        furniture_after: tuple[tuple[str, ...], ...] = (),
        time_markers: frozenset[str] = frozenset(),
        foreign_months: frozenset[str] = frozenset(),
        cue_identifiers: frozenset[str] = frozenset(),
        street_words: frozenset[str] = frozenset(),
        hyphen_idioms: frozenset[str] = frozenset(),
    ):
        self.hyphen_idioms = hyphen_idioms          # "off", "way": "one-off", "two-way"
        self.street_words = street_words            # "street", "ro": a house number before them
        self.cue_identifiers = cue_identifiers      # "final", "each": "the final round" needs no number
        self.foreign_months = foreign_months        # "agosto", "août": a day of a month in another language
        self.numbers = numbers
        self.time_markers = time_markers            # "p.m.", "GMT": a time of day, not a count
        self.furniture_after = furniture_after      # ("min", "read"): a page's furniture after a number
        self.line_markers = line_markers            # "#", "##": a heading's marker
        self.name_entity_labels = name_entity_labels

    def is_label(
        self, doc: Doc, text: str, phrases: PhraseIndex, labels: set[int], start: int, end: int, money: bool = False
    ) -> bool:
        """Section, figure, list and footnote numbers, codes and phone numbers. `labels`:
        the tokens found to be labels so far, grown by this one. An amount of money is labelled
        by no cue ("contribution to the current phase: €2.5 million")."""
        read_digits = self.numbers.read_digits
        before = doc[start - 1] if start > 0 else None
        after = doc[end] if end < len(doc) else None
        chunk = _chunk(text, doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))
        if money:
            chunk = _GLUED_CURRENCY.sub(r"\1", chunk)
            chunk = _DOTTED_THOUSANDS.sub(lambda m: m.group(0).replace(".", ""), chunk)  # "1.000.000 €" is no "2.6.1"
        is_label = (
            # "Figure 2", "Section 2.6", "No. 5", "Tel: 03 ..."
            (not money and self._cue_ending(doc, phrases, start))
            or (
                not money and before is not None and before.text in (":", ".")
                and self._cue_ending(doc, phrases, start - 1)
                and not (start > 2 and doc[start - 3].pos_ == "VERB")  # "took part: twelve from Norway"
                and not _common_noun_after(doc, end)  # "In figures: 3 joint labs | 27 projects"
            )
            # the numbers listed after a label: "Section 3, 4", "Sections 2 and 3"
            or (
                before is not None and before.lower_ in _LABEL_SEPARATORS and start - 2 in labels
                and not ((year := read_digits(doc[start - 2])) is not None and year.year_like)  # not "2022-2023, 19 projects"
            )
            # the total of a numbering: "Page 1 of 3", "(2 of 5)"
            or (
                before is not None and before.lower_ == "of" and start >= 3 and doc[start - 2].like_num
                and (start - 2 in labels or doc[start - 3].text == "(")
            )
            or self.is_time(doc, start, end)
            # a day of a month written in another language: "17 de agosto", "9 mai 2023"
            or self._foreign_day(doc, end)
            # "a 50-50 basis": a split, not a range
            or _EQUAL_PARTS.fullmatch(chunk.split()[0]) is not None
            # "one-off", "two-way", "one-to-one": a number word glued to one of these makes an adjective
            or (after is not None and after.text == "-" and glued(doc, end) and end + 1 < len(doc)
                and doc[end + 1].lower_ in self.hyphen_idioms)
            or (before is not None and before.text == "-" and glued(doc, start - 1) and start > 1
                and doc[start - 2].lower_ in self.hyphen_idioms)
            # a house number: "201 Gajeong-ro", "10 Downing Street"
            or (not money and self._street_after(doc, end))
            # page furniture: "4 min read"
            or any(
                tuple(t.lower_ for t in doc[end : end + len(cue)]) == cue for cue in self.furniture_after
            )
            # "(1)", "[2]", "2-3-22", "03-5214-8401", "3<sup>rd</sup>", "COVID-19", "Horizon-2020"
            or (not _DECIMAL_RANGE.fullmatch(chunk.split()[0]) and any(pattern.search(chunk) for pattern in _LABEL_CHUNKS))
            # list and heading numbers: "1)", "2." at the start of a line, "## 3"
            or self._starts_line(doc, start, after)
            # the end of a span of years: "2022-23", "2012/13", "the 09-14 period"
            or (
                start > 1
                and doc[start - 1].text in ("-", "–", "/")
                and glued(doc, start - 1)
                and (
                    ((first := read_digits(doc[start - 2])) is not None and first.year_like)
                    or _ZERO_PADDED_PAIR.fullmatch(doc[start - 2].text) is not None
                )
            )
            # "zero-emission", "zero-carbon": a property, not a count
            or (doc[start].lower_ == "zero" and after is not None and after.text == "-" and glued(doc, end))
            # digits glued to letters that are no unit: "5G", "4K"
            or (
                after is not None
                and after.is_alpha
                and glued(doc, end - 1, after=True)
                and not self._unit_starts(phrases, after)
            )
            # phone numbers and table cells: "5214 8401", "+353 1 716 xxxx"
            or (after is not None and after.text[:1].isdigit() and read_digits(after) is not None)
            or (before is not None and before.text[:1].isdigit() and doc[start].text[:1].isdigit() and read_digits(before) is not None)
            or (before is not None and _PHONE_PREFIX.fullmatch(before.text) is not None)
        )
        if is_label:
            labels.update(range(start, end))
        return is_label

    def _cue_ending(self, doc: Doc, phrases: PhraseIndex, k: int) -> bool:
        """A label cue ends at token k ("Phase", "Section"), unless a word before it already tells
        which one it is: in "the final round 14 teams", "in each phase 6 projects" the number counts."""
        hit = phrases.ending("label_cue", k)
        if hit is None:
            return False
        before = doc[hit.start - 1] if hit.start > 0 else None
        return before is None or not (before.lower_ in self.cue_identifiers or before.ent_type_ == "ORDINAL")

    def _street_after(self, doc: Doc, k: int) -> bool:
        """A street's name after the number: capitalised words, then a street word ("Downing Street",
        "Gajeong-ro", "Rue de la Paix" is not caught: its street word comes first)."""
        names = 0
        for token in doc[k : k + 4]:
            if token.lower_.rstrip(".") in self.street_words and names:
                return True
            if token.text[:1].isupper() and token.is_alpha:
                names += 1
            elif not (token.text == "-" and names and glued(doc, token.i)):
                return False
        return False

    def _foreign_day(self, doc: Doc, end: int) -> bool:
        k = end + 1 if end < len(doc) and doc[end].lower_ in ("de", "du", "do") else end
        return k < len(doc) and doc[k].lower_ in self.foreign_months

    def is_time(self, doc: Doc, start: int, end: int) -> bool:
        """A time of day: "3 p.m.", "14:00 GMT", "9.00 - 17.00", "12:30-13:30"."""
        return (end < len(doc) and doc[end].lower_ in self.time_markers) or _time_range(doc, start, end)

    def _unit_starts(self, phrases: PhraseIndex, token: Token) -> bool:
        """A unit, scale or currency name begins at the token ("7000m", "5bn")."""
        return token.lower_ in self.numbers.money_scales or any(
            phrases.starting(category, token.i) for category in ("measure", "duration", "percent", "currency_after")
        )

    def _starts_line(self, doc: Doc, start: int, after: Token | None) -> bool:
        """A number opening a line as a list or heading marker: "1)", "2.", "## 3"."""
        k = start - 1
        while k >= 0 and doc[k].text in self.line_markers:
            k -= 1
        at_line_start = k < 0 or "\n" in doc[k].text
        marked = k < start - 1
        numbered = after is not None and after.text in (")", ".") and not doc[start].whitespace_
        heading = (
            _HEADING_NUMBER.fullmatch(doc[start].text) is not None
            and after is not None and after.is_title and "\n" not in doc[start].whitespace_
        )
        return at_line_start and (marked or numbered or heading)

    def in_name(self, doc: Doc, number: Number, names: set[int]) -> bool:
        """Part of a party or named entity ("Group of Eight", "VISION 2020"), or digits right after a
        proper noun, which English writes only in names and labels ("Society 5.0", "Horizon 2020")."""
        first = doc[number.start]
        if number.start in names:
            return True
        if gapped_after_name(doc, number.start, number.end):
            return False  # "..., Senegal 95 and Mali 40": a pair whose noun is left out
        if number.currency is None and first.ent_type_ in self.name_entity_labels and first.ent_iob_ == "I":
            entity_start = number.start
            while doc[entity_start].ent_iob_ == "I":
                entity_start -= 1
            before = doc[entity_start : number.start]
            # a model's entity run on over a line break ("NSF\n • 64 projects") names nothing here
            if not any("\n" in t.text for t in before) and any(t.pos_ not in ("DET", "PUNCT") for t in before):
                return True
        if number.start > 0 and number.currency is None and first.text[:1].isdigit():
            before = doc[number.start - 1]
            return before.pos_ == "PROPN" and before.text[:1].isupper() and not _line_label_before_a_count(doc, number)
        return False
