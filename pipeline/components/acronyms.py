"""Acronyms and where a text defines them, after Schwartz & Hearst (2003).

A definition is a pair around brackets, in either order:

    Japan Society for the Promotion of Science (JSPS)      forward
    CBRC (Computational Biology Research Center)           backward
    KEK (The High Energy Accelerator Research Organization) backward, letters unrelated
    Institute of Physical and Chemical Research (Rikagaku Kenkyujyo or RIKEN)

The long form is the shortest stretch before the brackets whose words spell
the acronym (each letter found right to left, the first one at a word
start). Where the letters do not spell it (KEK, CERN), the definition
still records where the long form must end or what the brackets hold, and
the caller decides from the names it found there.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from pipeline.components.layout import doc_text

# Two or more capitals, letters (with & and -) only: JSPS, MoES, CiRA, S&T, SISTERs.
ACRONYM_PATTERN = r"^(?=(?:[^A-ZÀ-Þ]*[A-ZÀ-Þ]){2})[A-ZÀ-Þ][A-Za-zÀ-ÿİ&\-]{1,11}$"
_ACRONYM = re.compile(ACRONYM_PATTERN)

# Tokens a long form never reaches across.
_BARRIERS = frozenset({".", ";", ":", "(", ")", "[", "]", "“", "”", '"', "•", "|", "!", "?"})
_ALTERNATIVE_SEPARATORS = frozenset({"or", ",", ";", "/", "aka"})
_LEADING_ARTICLES = frozenset({"the", "a", "an"})
_MAX_BRACKET_TOKENS = 16


@functools.lru_cache(maxsize=100_000)
def is_acronym(text: str) -> bool:
    return _ACRONYM.match(text) is not None


@dataclass(frozen=True)
class Definition:
    acronym: Span
    # Forward: the spelled-out long form before the brackets, or None.
    # Backward: the bracket's content (without a leading article).
    long: Span | None
    # Forward: the token index where the long form ends (the bracket, less spaces).
    anchor: int
    forward: bool
    # The acronym's letters spell `long` out.
    spelled: bool
    # Other names given in the same brackets ("Rikagaku Kenkyujyo or RIKEN").
    alternatives: tuple[Span, ...] = ()


def long_form_start(short: str, long: str) -> int | None:
    """Where in `long` the long form of `short` begins (Schwartz-Hearst), or None."""
    s, i = len(short) - 1, len(long) - 1
    while s >= 0:
        char = short[s].lower()
        if not char.isalnum():
            s -= 1
            continue
        while i >= 0 and (long[i].lower() != char or (s == 0 and i > 0 and long[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return None
        i -= 1
        s -= 1
    # At the first letter, not the start of its white-space word: "DST-Japan Society ... (JSPS)".
    return i + 1


def find_definitions(doc: Doc, open_brackets: Iterable[int], is_acronym) -> list[Definition]:
    """Every acronym definition at the given "(" tokens."""
    found = []
    text = doc_text(doc)
    for index in open_brackets:
        close = _closing_bracket(doc, index)
        if close is None:
            continue
        content = [t for t in doc[index + 1 : close] if not t.is_space]
        if not content:
            continue
        definition = _forward(doc, text, index, content, is_acronym) or _backward(doc, index, content, is_acronym)
        if definition is not None:
            found.append(definition)
    return found


def _closing_bracket(doc: Doc, index: int) -> int | None:
    for i in range(index + 1, min(len(doc), index + _MAX_BRACKET_TOKENS)):
        text = doc[i].text
        if text == ")":
            return i
        if text == "(" or "\n" in text:
            return None
    return None


def _forward(doc: Doc, text: str, index: int, content: list, is_acronym) -> Definition | None:
    """`Long Form (ACR)`, `Long Form (Other Name or ACR)`."""
    pieces = _split_alternatives(content)
    acronyms = [p for p in pieces if len(p) == 1 and is_acronym(p[0].text)]
    if len(acronyms) != 1:
        return None
    acronym = doc[acronyms[0][0].i : acronyms[0][0].i + 1]
    alternatives = tuple(doc[p[0].i : p[-1].i + 1] for p in pieces if p is not acronyms[0] and p[0].text[:1].isupper())
    anchor = _previous_word_end(doc, index)
    window_start = _window_start(doc, anchor, len(acronym.text))
    long = None
    if window_start < anchor:
        start_char, end_char = doc[window_start].idx, doc[anchor - 1].idx + len(doc[anchor - 1])
        offset = long_form_start(acronym.text, text[start_char:end_char])
        if offset is not None:
            long = doc.char_span(start_char + offset, end_char, alignment_mode="expand")
    return Definition(acronym, long, anchor, True, long is not None, alternatives)


def _backward(doc: Doc, index: int, content: list, is_acronym) -> Definition | None:
    """`ACR (Long Form)`, `ACR (The Long Form)`."""
    before = _previous_word_end(doc, index) - 1
    if before < 0 or not is_acronym(doc[before].text):
        return None
    if content[0].lower_ in _LEADING_ARTICLES:
        content = content[1:]
    if len(content) < 2 or not content[0].text[:1].isupper():
        return None
    long = doc[content[0].i : content[-1].i + 1]
    acronym = doc[before : before + 1]
    spelled = long_form_start(acronym.text, long.text) == 0
    return Definition(acronym, long, long.end, False, spelled)


def _split_alternatives(content: list) -> list[list]:
    pieces, current = [], []
    for token in content:
        if token.lower_ in _ALTERNATIVE_SEPARATORS:
            if current:
                pieces.append(current)
            current = []
        else:
            current.append(token)
    if current:
        pieces.append(current)
    return pieces


def _previous_word_end(doc: Doc, index: int) -> int:
    """The end of the last non-space token before `index`."""
    while index > 0 and doc[index - 1].is_space:
        index -= 1
    return index


def _window_start(doc: Doc, anchor: int, acronym_length: int) -> int:
    """Schwartz-Hearst's search window: min(|A| + 5, 2|A|) words within one clause (line breaks
    included: extracted PDFs break long names across lines)."""
    max_words = min(acronym_length + 5, acronym_length * 2)
    start, words = anchor, 0
    while start > 0 and words < max_words:
        token = doc[start - 1]
        if token.text in _BARRIERS:
            break
        start -= 1
        if not token.is_punct and not token.is_space:
            words += 1
    return start
