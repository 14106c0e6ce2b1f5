"""An instrument told in a row of a bar-parted table: "MoU on X | UKRI | DST | 14 Nov 2018"."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from pipeline.components.agreements.cues import AgreementCues
from pipeline.components.agreements.index import DocIndex
from pipeline.components.agreements.model import Mention
from pipeline.components.agreements.sides import Sides
from pipeline.components.agreements.slots import Slots
from pipeline.components.layout import bar_row_cells, bar_table_header


@dataclass
class RowReading:
    sides: list[str]
    actions: list[tuple[str, Span | None]]   # action, its date
    valid_until: str | None


def read_row(index: DocIndex, cues: AgreementCues, slots: Slots, sides: Sides, mention: Mention, unit: Span) -> RowReading | None:
    """The actions of the row's instrument, one per cell with an action, read from the
    cell ("renewed Jan 2023") or its column's header ("Signed"); the sides are the
    parties in the other cells. None if the unit is no table row or tells no action."""
    cells = bar_row_cells(unit)
    if cells is None:
        return None
    header = bar_table_header(index.text, unit.start_char, len(cells))
    names: list[tuple[int, str]] = []
    actions: list[tuple[str, Span | None]] = []
    valid_until: str | None = None
    for n, cell in enumerate(cells):
        if cell.start <= mention.span.start < cell.end:
            continue
        dates = index.unit_dates(cell)
        words = [cues.table_actions[t.lower_] for t in cell if t.lower_ in cues.table_actions]
        column = [a for w, a in cues.table_actions.items() if header and w in header[n].split()]
        if dates and slots.is_validity(dates[0]):
            valid_until = dates[0]._.date.value
        elif words or column:
            actions.append(((words or column)[0], dates[0] if dates else None))
        elif not dates:
            names.extend(sides.names_in(cell.start, cell.end, True))
    if not actions:
        return None
    return RowReading(list(dict.fromkeys(name for _, name in names)), actions, valid_until)
