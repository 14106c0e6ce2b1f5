"""An instrument's timeline: its row of `instruments` with its events from `agreements`, in order.

    timelines(instruments, agreements) -> {instrument_id: instrument row + "events"}
        events sorted by date (undated ones last), each an agreements row
    read_timelines(outputs_dir, instrument_ids=None) -> the same, read from a run's tables
        (only the rows of the instruments asked for, when given)
    in_force_table(outputs_dir, day) -> instruments rows in force on `day`, by first signing

`pipeline show` and the report link an agreement event to its instrument's
timeline through `agreements.instrument_id`.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from pathlib import Path

from pipeline.corpus.instruments import ACTION_RANK, in_force_on
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


def in_force_table(outputs_dir: Path, day: datetime.date) -> list[Row]:
    rows = in_force_on(_read(outputs_dir, "instruments", None), day)
    return sorted(rows, key=lambda row: (period(row["first_signed"])[0], row["instrument_id"]))
