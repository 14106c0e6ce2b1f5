"""Writing the output tables: streamed in batches, published as one set.

A run writes every table into a staging folder inside the output folder,
derives the corpus tables from them there (pipeline.corpus), and moves the
finished files over the old ones only when the whole run has succeeded.
Every table carries the run's id and `manifest.json` goes last
(pipeline.publication), so a publish cut short between two renames is
detected rather than read as a set. The output folder is locked for the
whole run (pipeline.output_lock). A run that fails or is interrupted
removes its staging folder and leaves the previous outputs as they were.
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
from pipeline.output_lock import OutputLock
from pipeline.publication import MANIFEST, stamp_file, stamped, write_manifest
from pipeline.run_failures import stop_signals_deferred
from pipeline.schemas import TABLES
from pipeline.tables import Row

STAGING_PREFIX = ".staging-"


class TableWriter:
    """Streams rows of all tables to Parquet; `publish()` makes them the outputs."""

    def __init__(self, out_dir: Path, tables: dict[str, pa.Schema] = TABLES, rows_per_batch: int = 5000):
        self.out_dir = Path(out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.lock = OutputLock(self.out_dir)
        self.lock.acquire()
        self.staging: Path | None = None
        self.writers: dict[str, pq.ParquetWriter] = {}
        try:
            for stale in self.out_dir.glob(f"{STAGING_PREFIX}*"):  # of a run that died: we hold the lock
                shutil.rmtree(stale, ignore_errors=True)
            self.run_id = uuid.uuid4().hex[:16]
            self.staging = self.out_dir / f"{STAGING_PREFIX}{self.run_id}"
            self.staging.mkdir()
            self.schemas = {name: stamped(schema, self.run_id) for name, schema in tables.items()}
            self.rows_per_batch = rows_per_batch
            self.pending: dict[str, list[Row]] = {name: [] for name in tables}
            self.counts: dict[str, int] = {name: 0 for name in tables}
            for name, schema in self.schemas.items():
                self.writers[name] = pq.ParquetWriter(self.staging / f"{name}.parquet", schema)
        except BaseException:
            self.abort()
            raise

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
        counts = {**self.counts, **write_corpus_tables(self.staging)}
        for name in counts:  # the corpus step writes its tables without the run id
            stamp_file(self.staging / f"{name}.parquet", self.run_id)
        write_manifest(self.staging, self.run_id, counts)
        # From here to the manifest's rename nothing may stop half-way but a SIGKILL or a crash;
        # those leave a set the readers reject (see pipeline.publication).
        # A signal meanwhile is kept for the caller's next check: the tables are then this run's.
        with stop_signals_deferred(act_after=False):
            for name in counts:
                os.replace(self.staging / f"{name}.parquet", table_path(self.out_dir, name))
            os.replace(self.staging / MANIFEST, self.out_dir / MANIFEST)
            self._finish()
        return counts

    def abort(self) -> None:
        for writer in self.writers.values():
            try:
                writer.close()
            except Exception:  # noqa: BLE001 - already failing; the staging folder goes anyway
                pass
        self._finish()

    def _finish(self) -> None:
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
        self.lock.release()

    def __enter__(self) -> TableWriter:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None:
            self.abort()
