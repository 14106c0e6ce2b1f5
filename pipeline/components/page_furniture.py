"""Page furniture that names no party: the sections of a breadcrumb trail, the terms of a tags line.

A breadcrumb is a short line of items parted by one mark ("Home > Media Center > News", "Home / Regions /
Asia"). Its first item may be the site's owner, named elsewhere too; the items after it are sections of the
site ("Media Center", "Department Activities"), which the gold never lists as parties.
"""

from __future__ import annotations

from spacy.tokens import Doc

_MAX_LINE_TOKENS = 24
_HOMES = frozenset({"home", "homepage", "start", "inicio", "accueil", "startseite"})


def breadcrumb_sections(doc: Doc, separators: frozenset[str]) -> set[int]:
    """The tokens of every breadcrumb item after the first."""
    found: set[int] = set()
    for start, end in _lines(doc):
        marks = [i for i in range(start, end) if doc[i].text in separators and _spaced(doc, i)]
        # One mark is enough after the site's home ("Home > Announcement Board").
        enough = 1 if marks and doc[start].lower_ in _HOMES and marks[0] == start + 1 else 2
        if len(marks) < enough or end - start > _MAX_LINE_TOKENS or len({doc[i].text for i in marks}) != 1:
            continue
        if any(doc[i].text in (".", "!", "?") for i in range(start, end)):
            continue
        found.update(range(marks[0] + 1, end))
    return found


def labelled_lines(doc: Doc, labels: frozenset[str]) -> set[int]:
    """The tokens of lines a page labels as index terms ("Tags: Cuba MInT Biotechnology"): words of the page's
    index, not names of bodies."""
    found: set[int] = set()
    for start, end in _lines(doc):
        colon = next((i for i in range(start, min(end, start + 3)) if doc[i].text == ":"), None)
        if colon is not None and doc[start:colon].text.lower() in labels:
            found.update(range(colon + 1, end))
    return found


def _spaced(doc: Doc, i: int) -> bool:
    return i > 0 and doc[i - 1].whitespace_ != "" and doc[i].whitespace_ != ""


def _lines(doc: Doc):
    start = 0
    for token in doc:
        if token.is_space and "\n" in token.text:
            if token.i > start:
                yield start, token.i
            start = token.i + 1
        elif "\n" in token.whitespace_:
            yield start, token.i + 1
            start = token.i + 1
    if start < len(doc):
        yield start, len(doc)
