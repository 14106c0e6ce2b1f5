"""An instrument's timeline: its row of `instruments` with its events from `agreements`, in order.

    timelines(instruments, agreements) -> {instrument_id: instrument row + "events"}
        events sorted by date (undated ones last), each an agreements row
    read_timelines(outputs_dir, instrument_ids=None) -> the same, read from a run's tables
        (only the rows of the instruments asked for, when given)
    instrument_list(outputs_dir, day=None, sides=()) -> instruments rows, by first signing:
        those in force on `day`, with a side for each of `sides` ("Japan", "DFG")

`pipeline show` and the report link an agreement event to its instrument's
timeline through `agreements.instrument_id`.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from pathlib import Path

from pipeline.corpus.instruments import ACTION_RANK, in_force_on
from pipeline.corpus.names import country_of_name, name_key
from pipeline.corpus.periods import period
from pipeline.outputs import RunOutputs

Row = dict


def _event_order(row: Row) -> tuple:
    when = period(row["date_value"])
    return (when is None, when[0] if when else datetime.date.max, ACTION_RANK.get(row["action"], 3), row["doc_id"], row["start_char"])


def timelines(instruments: Iterable[Row], agreements: Iterable[Row]) -> dict[str, Row]:
    found = {row["instrument_id"]: {**row, "events": []} for row in instruments}
    for row in agreements:
        if row["instrument_id"] in found:
            found[row["instrument_id"]]["events"].append(row)
    for timeline in found.values():
        timeline["events"].sort(key=_event_order)
    return found


def _read(outputs_dir: Path, table: str, instrument_ids: list[str] | None) -> list[Row]:
    filters = [("instrument_id", "in", instrument_ids)] if instrument_ids is not None else None
    return RunOutputs(outputs_dir).rows(table, filters=filters)


def read_timelines(outputs_dir: Path, instrument_ids: list[str] | None = None) -> dict[str, Row]:
    if instrument_ids == []:
        return {}
    return timelines(_read(outputs_dir, "instruments", instrument_ids), _read(outputs_dir, "agreements", instrument_ids))


def instrument_list(outputs_dir: Path, day: datetime.date | None = None, sides: list[str] = ()) -> list[Row]:
    """Instruments, by first signing: those in force on `day` when given, and with a side for
    each of `sides` (a state: "Japan" matches Japan and any Japanese body; a body: its name,
    acronym or an alias)."""
    rows = _read(outputs_dir, "instruments", None)
    if day is not None:
        rows = in_force_on(rows, day)
    if sides:
        organisations = {row["org_id"]: row for row in RunOutputs(outputs_dir).rows("organisations")}
        rows = [row for row in rows if all(any(_names(side, wanted, organisations) for side in row["sides"]) for wanted in sides)]
    return sorted(rows, key=lambda row: (row["first_signed"] is None, period(row["first_signed"]) or (), row["instrument_id"]))


def _names(side: str, wanted: str, organisations: dict[str, Row]) -> bool:
    state = country_of_name(wanted)
    body = organisations.get(side)
    if body is None:  # the side is a state, or a party string no parties row named
        return side == state or name_key(side) == name_key(wanted)
    forms = (body["name"], body["acronym"], *body["aliases"])
    return (state is not None and body["country"] == state) or name_key(wanted) in {name_key(form) for form in forms if form}
