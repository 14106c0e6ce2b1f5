"""Lines, rows and column headers of plain-text tables, read from a document's text.

Two kinds of table occur: rows of cells parted by bars ("| MoU | UKRI | 2018 |",
which st_agreements reads an instrument from), and columns aligned by tabs or runs of
spaces, whose header names what the numbers below it count (st_counts).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from weakref import WeakKeyDictionary

from spacy.tokens import Doc, Span

TABLE_BAR = "|"
# A cell of a plain-text table: words parted by single spaces, or a bar; and a rule line under a header.
_CELL = re.compile(r"[^\s|]+(?: [^\s|]+)*|\|")
_RULE = re.compile(r"[-=|:+ ]+")
_BRACKETED = re.compile(r"\([^()]*\)")
# A cell holding a figure, maybe after a mark or a short qualifier: "12", "~15", "c. 60", "approx. 5,000", "$1.2m".
_FIGURE_CELL = re.compile(r"[^\w\s]{0,3}(?:[A-Za-z]{1,6}\.?\s?)?[^\w\s]{0,3}\d")


class _Lines:
    """The line breaks of one text, and the cells of its lines as they are asked for: found once
    per text, so that each number's line costs a binary search and a page on one long line stays
    linear in its length."""

    def __init__(self, text: str):
        self.text = text
        self.breaks = [m.start() for m in re.finditer("\n", text)]
        self.cells: dict[int, list[tuple[int, str]]] = {}
        self.bar_rows: dict[int, bool] = {}   # line start -> whether the line is a bar-parted row

    def start(self, char: int) -> int:
        before = bisect_left(self.breaks, char)
        return self.breaks[before - 1] + 1 if before else 0

    def end(self, char: int) -> int:
        after = bisect_left(self.breaks, char)
        return self.breaks[after] if after < len(self.breaks) else len(self.text)

    def cells_of(self, start: int, end: int) -> list[tuple[int, str]]:
        if (start, end) not in self.cells:
            self.cells[start, end] = [(m.start(), m.group()) for m in _CELL.finditer(self.text, start, end)]
        return self.cells[start, end]

    def is_bar_row(self, char: int) -> bool:
        start = self.start(char)
        if start not in self.bar_rows:
            self.bar_rows[start] = self.text.count(TABLE_BAR, start, self.end(char)) >= 2
        return self.bar_rows[start]


_TEXTS: WeakKeyDictionary[Doc, str] = WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined once per Doc: spaCy joins every token's text anew at each access, and
    the components read it several times a document. A Doc's text never changes (retokenizing
    keeps it), and the one string object lets `_lines` below find a text's lines only once."""
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text


_last_lines = _Lines("")    # of the text asked about last (one document at a time per process)


def _lines(text: str) -> _Lines:
    global _last_lines
    lines = _last_lines
    if lines.text is not text:
        lines = _last_lines = _Lines(text)
    return lines


def line_start(text: str, char: int) -> int:
    """Offset of the start of the line holding `char`."""
    return _lines(text).start(char)


def line_at(text: str, char: int) -> str:
    """The line holding `char`, without its line break."""
    lines = _lines(text)
    return text[lines.start(char) : lines.end(char)]


def is_bar_row(line: str) -> bool:
    return line.count(TABLE_BAR) >= 2


def in_bar_row(text: str, char: int) -> bool:
    """Whether the line holding `char` is a bar-parted row: counted once per line, not per
    question (one long line would be copied and counted for each mention on it)."""
    return _lines(text).is_bar_row(char)


# Per document, the tokens that hold a line break: found once, so that finding a token's line
# costs a binary search and a page on one long line stays linear in its length.
# (number of tokens when found, break token indices); found again if retokenizing changed the doc.
_LINE_BREAKS: WeakKeyDictionary[Doc, tuple[int, list[int]]] = WeakKeyDictionary()


def line_token_bounds(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The tokens of the line holding tokens start..end: (first, past the last)."""
    length, breaks = _LINE_BREAKS.get(doc, (-1, []))
    if length != len(doc):
        breaks = [token.i for token in doc if "\n" in token.text]
        _LINE_BREAKS[doc] = (len(doc), breaks)
    before = bisect_left(breaks, start)         # line breaks before `start`
    after = bisect_left(breaks, end)            # the first line break at or after `end`
    first = breaks[before - 1] + 1 if before else 0
    past_last = breaks[after] if after < len(breaks) else len(doc)
    return first, past_last


def bar_row_cells(row: Span) -> list[Span] | None:
    """The cells of a bar-parted row ("MoU on X | UKRI | DST | 14 Nov 2018"), or None if
    `row` is no such row."""
    bars = [t.i for t in row if t.text == TABLE_BAR]
    if len(bars) < 2 or row.text.count(TABLE_BAR) != len(bars):
        return None
    edges = [row.start - 1, *bars, row.end]
    return [row.doc[a + 1 : b] for a, b in zip(edges, edges[1:])]


def bar_table_header(text: str, row_char: int, n_cells: int) -> list[str]:
    """The cells (lower case) of the first row of the bar-parted table whose row starts at
    `row_char`: its header; [] if the row is the first or the header has other columns."""
    start = row_char
    header = line_at(text, start)
    while start > 0:
        above = line_at(text, start - 1)
        if not is_bar_row(above):
            break
        start = line_start(text, start - 1)
        if above.strip(" |-:"):
            header = above
    if header == line_at(text, row_char):
        return []
    cells = header.split(TABLE_BAR)
    return [c.strip().lower() for c in cells] if len(cells) == n_cells else []


def column_header(text: str, offset: int, max_rows: int) -> str | None:
    """The header of the column of a plain-text table (cells parted by tabs, bars or runs of
    spaces) that holds the number at `offset`, when it is alone in its cell. A row with fewer
    cells than those above it ("Total | 98 | CHF 3.0 million" under rows ending "| –") finds its
    column by place: the same cell of a bar-parted row, the header cell over it in an aligned one."""
    lines = _lines(text)
    start_of_line, end_of_line = lines.start(offset), lines.end(offset)
    cells = lines.cells_of(start_of_line, end_of_line)
    column = _cell_at(cells, offset)
    if len(cells) < 2 or column is None or not _FIGURE_CELL.match(cells[column][1]):
        return None
    barred = TABLE_BAR in text[start_of_line:end_of_line]
    place = (cells[column][0] - start_of_line, cells[column][0] - start_of_line + len(cells[column][1]))
    end = start_of_line - 1
    shift = None  # a barred row with fewer cells: aligned to the left of the rows above, or to the right
    for _ in range(max_rows):
        if end <= 0:
            return None
        start = lines.start(end)
        line = text[start:end].strip()
        above = [(a - start, cell) for a, cell in lines.cells_of(start, end)]
        end = start - 1
        if not line:
            return None  # a blank line ends the table
        if _RULE.fullmatch(line):
            continue  # "----|----" under the header
        if len(above) == len(cells):
            index = column
        elif barred and len(above) > len(cells):
            if shift is None:  # "Total | 274 | 58" under rows whose empty cells were dropped: by its figures' shape
                right = len(above) - len(cells)
                shift = right if _aligned(above, cells, right) > _aligned(above, cells, 0) else 0
            index = column + shift
        elif not barred and len(above) >= 2:
            over = [i for i, (a, cell) in enumerate(above) if a < place[1] and place[0] < a + len(cell)]
            if len(over) != 1:
                return None
            index = over[0]
        else:
            return None
        if not any(ch.isdigit() for ch in _BRACKETED.sub("", line)):  # "Scholarships (2022)" heads a column
            return above[index][1] if above[index][1] != TABLE_BAR else None
    return None


# A list line: "2014 – 14", "Hungary to Vietnam: 2014 – 9; 2015 – 12", "2019 ........ 4".
_YEAR_LABEL = re.compile(r"\b(?:19|20)\d\d\s*[–:.—-]+\s*\d")
_DOT_LEADER = re.compile(r"\S \.{3,} ?\S")
# A label and its figure: "Kenya: 12", "- Joint projects supported since 2015: 14", "Budget: €2.5 million",
# "Kenya – 4" (a dash with spaces parts them as a colon does).
_LABEL_FIGURE = re.compile(r"(?:[-•*·–]\s+)?[^:\d]*[^\W\d][^:]{0,60}(?::|\s[-–—])\s*\S{0,4}\d[\d,. ]*(?:\s*[^\W\d]{1,12}){0,2}")
_LIST_LINE_CHARS = 90
_BREADCRUMB = re.compile(r"\S \s*[>›»]\s* \S|\S\s+[>›»]\s+\S")
_HEADING_CHARS = 140


def _aligned(above: list[tuple[int, str]], cells: list[tuple[int, str]], shift: int) -> int:
    """How many figures of a row stand over a figure of the same shape in the row above, shifted."""
    return sum(
        1 for i, (_, cell) in enumerate(cells)
        if _FIGURE_CELL.match(cell) and i + shift < len(above) and _same_shape(above[i + shift][1], cell)
    )


def _same_shape(cell: str, figure: str) -> bool:
    """A table cell holding a figure of the same shape as `figure`: plain digits, or with words."""
    return _FIGURE_CELL.match(cell) is not None and bool(re.search(r"[^\W\d]", cell)) == bool(re.search(r"[^\W\d]", figure))


def _cell_at(cells: list[tuple[int, str]], offset: int) -> int | None:
    """The index of the cell (start, text) holding `offset`."""
    index = bisect_right(cells, (offset, "\uffff")) - 1
    if index >= 0 and offset < cells[index][0] + len(cells[index][1]):
        return index
    return None


def is_list_line(line: str) -> bool:
    """A short line of a table or a figures list, not a sentence of prose."""
    stripped = line.strip()
    if not stripped or len(stripped) > _LIST_LINE_CHARS or (stripped.endswith(".") and not stripped.endswith("..")):
        return False
    return (
        len(_CELL.findall(stripped)) >= 2
        or any(p.search(stripped) for p in (_YEAR_LABEL, _DOT_LEADER))
        or _LABEL_FIGURE.fullmatch(stripped) is not None
    )


def block_heading(text: str, offset: int, max_rows: int) -> tuple[int, str] | None:
    """The caption above the table or figures list holding `offset` ("Joint research projects
    funded (number of projects)", "Funding by country and fiscal year (CAD thousands)"), with its
    offset: the first line above the block that is neither a row nor its column header. A blank
    line may part the caption from its table; a second one ends the search."""
    end = line_start(text, offset) - 1
    blanks = 0
    for _ in range(max_rows):
        if end <= 0:
            return None
        start = line_start(text, end)
        line = text[start:end]
        end = start - 1
        stripped = line.strip(" \t*#|")
        if not stripped:
            blanks += 1
            if blanks > 1:
                return None
            continue
        if _RULE.fullmatch(line.strip()) or is_list_line(line):
            if blanks:
                return None  # another table above a blank line
            continue
        if len(stripped) > _HEADING_CHARS or stripped.endswith("."):
            return None  # prose, not a caption
        if _BREADCRUMB.search(stripped):
            return None  # "Home > News > Press releases": page furniture, not a caption
        return start + line.index(stripped[0]), stripped
    return None


def prose_above(text: str, offset: int, max_rows: int) -> tuple[int, int] | None:
    """The start and end of the prose line right above the table or figures list holding
    `offset`, where no caption stands between and at most one blank line parts them: the lead
    sentence that says what a table of topics and years counts ("The table shows the number of
    joint projects funded in each field.")."""
    end = line_start(text, offset) - 1
    blanks = 0
    for _ in range(max_rows):
        if end <= 0:
            return None
        start = line_start(text, end)
        line = text[start:end]
        end = start - 1
        stripped = line.strip(" \t*#|")
        if not stripped:
            blanks += 1
            if blanks > 1:
                return None
            continue
        if _RULE.fullmatch(line.strip()) or is_list_line(line):
            if blanks:
                return None
            continue
        if len(stripped) > _HEADING_CHARS or stripped.endswith((".", ":")):
            return start, start + len(line.rstrip())
        return None
    return None
