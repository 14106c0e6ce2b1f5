"""Lines, rows and column headers of plain-text tables (components/layout.py): no model."""

import spacy

from pipeline.components.layout import (
    bar_row_cells, bar_table_header, column_header, in_bar_row, is_bar_row, line_at, line_token_bounds,
)

BAR_TABLE = "Instruments:\n| Instrument | Sides | Signed |\n|---|---|---|\n| MoU on AI | UKRI, DST | 14 Nov 2018 |\n"
ALIGNED_TABLE = "Year    Projects    Researchers\n------  --------    -----------\n2019    12          140\n2020    15          212\n"


def test_line_at_gives_the_line_without_its_break():
    assert line_at("one\ntwo\nthree", 5) == "two"
    assert line_at("one\ntwo", 0) == "one"


def test_in_bar_row_answers_as_the_line_it_holds():
    text = BAR_TABLE + "A | B\n\n" + ALIGNED_TABLE + "last | one | row"
    answers = [in_bar_row(text, char) for char in range(len(text) + 1)]
    assert answers == [is_bar_row(line_at(text, char)) for char in range(len(text) + 1)]
    assert True in answers and False in answers


def test_cells_of_a_bar_row_and_the_header_above_it():
    doc = spacy.blank("en")(BAR_TABLE)
    row_start = BAR_TABLE.index("| MoU")
    row = doc.char_span(row_start, BAR_TABLE.index("\n", row_start), alignment_mode="contract")
    cells = bar_row_cells(row)
    assert [c.text.strip() for c in cells] == ["", "MoU on AI", "UKRI, DST", "14 Nov 2018", ""]
    assert bar_table_header(BAR_TABLE, row_start, len(cells)) == ["", "instrument", "sides", "signed", ""]


def test_a_line_with_fewer_than_two_bars_is_no_row():
    doc = spacy.blank("en")("Sides | UKRI")
    assert bar_row_cells(doc[:]) is None


def test_column_header_of_a_number_in_an_aligned_table():
    offset = ALIGNED_TABLE.index("212")
    assert column_header(ALIGNED_TABLE, offset, max_rows=30) == "Researchers"
    assert column_header(ALIGNED_TABLE, ALIGNED_TABLE.index("15"), max_rows=30) == "Projects"


def test_no_column_header_outside_a_table():
    text = "We funded 212 projects.\n"
    assert column_header(text, text.index("212"), max_rows=30) is None


def test_line_token_bounds():
    doc = spacy.blank("en")("Title\nJoint projects funded: 212\nNext")
    start, end = line_token_bounds(doc, 5, 6)
    assert doc[start:end].text == "Joint projects funded: 212"
