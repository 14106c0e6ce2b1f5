"""The text of an HTML page as a reader sees it.

Block elements (paragraphs, headings, list items, table rows) start new
lines; inline elements (links, emphasis, <sup>, spans) flow with the text
around them, so "the <a>Japan Science and Technology Agency</a> (<b>JST</b>)"
stays one sentence. White space collapses as a browser collapses it, except
inside <pre>. Table rows become "cell | cell | cell" lines, the form the
agreements component reads as table rows.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Comment, Declaration, Doctype, NavigableString, ProcessingInstruction, Tag

# Markup that carries no document text.
NOISE_TAGS = frozenset(("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "svg", "template", "iframe", "head", "title", "button", "select", "img", "object", "canvas", "math"))
# Elements that stand apart from the text around them as their own paragraph.
PARAGRAPH_TAGS = frozenset(
    "p div section article main h1 h2 h3 h4 h5 h6 ul ol dl li dt dd blockquote pre table caption "
    "figure figcaption address details summary fieldset hgroup hr center body html".split()
)
# Elements that end a line but not a paragraph: rows of a table must stay adjacent.
LINE_TAGS = frozenset(("br", "tr"))
CELL_TAGS = frozenset(("td", "th"))
CELL_SEPARATOR = " | "
# A paragraph break owed outweighs a line break, which outweighs a cell separator.
_BREAK_RANK = {"": 0, CELL_SEPARATOR: 1, "\n": 2, "\n\n": 3}
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_NOT_TEXT = (Comment, Declaration, Doctype, ProcessingInstruction)


# Inline tags a plain-text file carries over from the page it was copied from ("13<sup>th</sup>").
_STRAY_INLINE_TAG = re.compile(
    r"</?(?:sup|sub|b|i|u|em|strong|small|span|a|abbr|font|mark|s|ins|del)(?:\s[^<>]*)?/?>", re.IGNORECASE
)


# A footnote marker ("ATLAS<sup>1</sup>") is no part of the words it follows.
_FOOTNOTE_MARKER = re.compile(r"<sup>\s*\d{1,3}\s*</sup>", re.IGNORECASE)


def without_stray_tags(text: str) -> str:
    """Plain text with the inline HTML tags it carries removed, their words kept ("13th"), and
    footnote markers dropped."""
    return _STRAY_INLINE_TAG.sub("", _FOOTNOTE_MARKER.sub("", text))


def html_text(markup: str) -> str:
    soup = BeautifulSoup(markup, "html.parser")
    text = _PlainText()
    # An explicit stack, not recursion: a page nested 10,000 deep is still a page.
    stack: list[tuple[object, bool]] = [(soup, False)]
    while stack:
        node, leaving = stack.pop()
        if isinstance(node, NavigableString):
            if not isinstance(node, _NOT_TEXT):
                text.add(str(node))
            continue
        if not isinstance(node, Tag) or node.name in NOISE_TAGS:
            continue
        if leaving:
            text.close(node.name)
            continue
        text.open(node.name)
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node.contents))
    return text.result()


class _PlainText:
    """Collects text pieces and the breaks owed between them."""

    def __init__(self):
        self.pieces: list[str] = []
        self.owed_break = ""  # one of _BREAK_RANK, written before the next text
        self.cells_in_row = 0
        self.inside_pre = 0

    def open(self, tag: str) -> None:
        self.inside_pre += tag == "pre"
        if tag in PARAGRAPH_TAGS:
            self._owe("\n\n")
        elif tag == "tr":
            self._owe("\n")
            self.cells_in_row = 0
        elif tag in CELL_TAGS:
            if self.cells_in_row:
                self._owe(CELL_SEPARATOR)
            self.cells_in_row += 1

    def close(self, tag: str) -> None:
        self.inside_pre -= tag == "pre"
        if tag in PARAGRAPH_TAGS:
            self._owe("\n\n")
        elif tag in LINE_TAGS:
            self._owe("\n")

    def add(self, string: str) -> None:
        if not self.inside_pre:
            string = _HTML_SPACE.sub(" ", string)
            if self.owed_break or not self.pieces or self.pieces[-1].endswith((" ", "\n")):
                string = string.lstrip(" ")
        if not string:
            return
        if self.owed_break and self.pieces:
            self.pieces[-1] = self.pieces[-1].rstrip(" ")
            self.pieces.append(self.owed_break)
        self.owed_break = ""
        self.pieces.append(string)

    def _owe(self, separator: str) -> None:
        if _BREAK_RANK[separator] > _BREAK_RANK[self.owed_break]:
            self.owed_break = separator

    def result(self) -> str:
        return "".join(self.pieces)
