"""What makes the tables of an output folder one set: a run id in each, and a manifest.

`outputs/<table>.parquet` must stay where SPEC puts it, loadable by pandas
or DuckDB directly, so a set cannot be published by one rename of a folder.
Instead every table a run writes carries the run's id in its Parquet
metadata, and `outputs/manifest.json`, written after the last table, names
the run whose tables they must all be. A publish interrupted between two
renames leaves tables of two runs and a manifest of the old one: readers
find the mismatch, and the next run treats the folder as holding no
previous run (it analyses everything again) instead of reusing damage.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

RUN_ID_KEY = b"pipeline_run_id"
MANIFEST = "manifest.json"


def stamped(schema: pa.Schema, run_id: str) -> pa.Schema:
    """`schema` carrying `run_id` in its metadata."""
    return schema.with_metadata({**(schema.metadata or {}), RUN_ID_KEY: run_id.encode()})


def run_id_of(path: Path) -> str | None:
    """The run id a Parquet file carries, or None (written before run ids, or not by a run)."""
    value = (pq.read_schema(path).metadata or {}).get(RUN_ID_KEY)
    return value.decode() if value is not None else None


def stamp_file(path: Path, run_id: str) -> None:
    """Give a finished Parquet file the run id, rewriting it only when it lacks it."""
    if run_id_of(path) != run_id:
        table = pq.read_table(path)
        pq.write_table(table.replace_schema_metadata(stamped(table.schema, run_id).metadata), path)


def write_manifest(folder: Path, run_id: str, rows: dict[str, int]) -> Path:
    path = Path(folder) / MANIFEST
    with open(path, "w", encoding="utf-8") as handle:
        json.dump({"run_id": run_id, "rows": rows}, handle, indent=1)
        handle.flush()
        os.fsync(handle.fileno())
    return path


def manifest_run_id(out_dir: Path) -> str | None:
    try:
        return json.loads((Path(out_dir) / MANIFEST).read_text(encoding="utf-8"))["run_id"]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def tables_of_another_run(out_dir: Path, tables: list[str]) -> list[str]:
    """The tables of `out_dir` whose run id is not the manifest's: [] for a whole set.

    Tables written before run ids existed, with no manifest, count as a set.
    """
    expected = manifest_run_id(out_dir)
    return [name for name in tables if _run_id_or_missing(Path(out_dir) / f"{name}.parquet") != expected]


def _run_id_or_missing(path: Path) -> str | None | object:
    try:
        return run_id_of(path)
    except (OSError, pa.ArrowException):
        return _MISSING


_MISSING = object()  # equal to no run id: a missing or unreadable table is never of the set
