"""Writing the output tables: streamed in batches, published atomically.

A run writes every table into a staging folder inside the output folder,
derives the corpus tables from them there (pipeline.corpus), and moves the
finished files over the old ones only when the whole run has succeeded. A run that fails or is killed leaves the previous outputs as they
were (and a stale staging folder, removed by the next run).
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.corpus import write_corpus_tables
from pipeline.outputs import table_path
from pipeline.schemas import TABLES
from pipeline.tables import Row

STAGING_PREFIX = ".staging-"


class TableWriter:
    """Streams rows of all tables to Parquet; `publish()` makes them the outputs."""

    def __init__(self, out_dir: Path, tables: dict[str, pa.Schema] = TABLES, rows_per_batch: int = 5000):
        self.out_dir = Path(out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        for stale in self.out_dir.glob(f"{STAGING_PREFIX}*"):
            shutil.rmtree(stale, ignore_errors=True)
        self.staging = self.out_dir / f"{STAGING_PREFIX}{uuid.uuid4().hex[:12]}"
        self.staging.mkdir()
        self.schemas = tables
        self.rows_per_batch = rows_per_batch
        self.pending: dict[str, list[Row]] = {name: [] for name in tables}
        self.counts: dict[str, int] = {name: 0 for name in tables}
        self.writers = {name: pq.ParquetWriter(self.staging / f"{name}.parquet", schema) for name, schema in tables.items()}

    def add(self, table: str, rows: Iterable[Row]) -> None:
        pending = self.pending[table]
        pending.extend(rows)
        if len(pending) >= self.rows_per_batch:
            self._flush(table)

    def _flush(self, table: str) -> None:
        rows = self.pending[table]
        if rows:
            self.writers[table].write_table(pa.Table.from_pylist(rows, schema=self.schemas[table]))
            self.counts[table] += len(rows)
            self.pending[table] = []

    def publish(self) -> dict[str, int]:
        """Close every table, add the corpus tables, move them all into the output folder; row counts per table."""
        for name, writer in self.writers.items():
            self._flush(name)
            writer.close()
        corpus_counts = write_corpus_tables(self.staging)
        # `documents` goes last (TABLES order): it is what says a document is done.
        for name in [*corpus_counts, *self.schemas]:
            os.replace(self.staging / f"{name}.parquet", table_path(self.out_dir, name))
        shutil.rmtree(self.staging, ignore_errors=True)
        return {**self.counts, **corpus_counts}

    def abort(self) -> None:
        for writer in self.writers.values():
            try:
                writer.close()
            except Exception:  # noqa: BLE001 - already failing; the staging folder goes anyway
                pass
        shutil.rmtree(self.staging, ignore_errors=True)

    def __enter__(self) -> TableWriter:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None:
            self.abort()
