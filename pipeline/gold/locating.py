"""Finding gold quotes in a document's text, white space runs read as one space."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

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
