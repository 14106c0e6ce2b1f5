"""Reading a run's output tables: the one reader every command goes through.

    RunOutputs(out_dir)                  a folder of published tables
        .rows(table, doc_id=None, columns=None, filters=None) -> list of row dicts
        .rows_by_doc(table, columns=None) -> {doc_id: rows, in file order}
        .batches(table) -> record batches, front to back (flat memory)

The runner (reusing the previous run's rows), evaluation, the report and
`show` read nothing else. `table_path` says where a table lives; the writer
publishes there. Opening checks that the folder holds a whole published
set (every table, with its schema, all of the run its manifest names:
pipeline.publication); anything less is OutputsMissing, and no command
reads a half of one, nor the tables of two runs a cut-short publish left.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.publication import MANIFEST, tables_of_another_run
from pipeline.schemas import PUBLISHED_TABLES

Row = dict


def table_path(out_dir: Path, table: str) -> Path:
    return Path(out_dir) / f"{table}.parquet"


class OutputsMissing(FileNotFoundError):
    """The folder holds no whole published set of tables: the pipeline has not been run into it."""


class RunOutputs:
    """The published tables of one output folder."""

    def __init__(self, out_dir: str | Path, tables: dict[str, pa.Schema] = PUBLISHED_TABLES):
        self.out_dir = Path(out_dir)
        self.schemas = tables
        self._check_published()

    def _check_published(self) -> None:
        for name, schema in self.schemas.items():
            path = table_path(self.out_dir, name)
            if not path.exists():
                raise OutputsMissing(
                    f"{path} is missing: run the pipeline first (`make run`, or `pipeline run CORPUS --out {self.out_dir}`)"
                )
            try:
                found = pq.read_schema(path)
            except (OSError, pa.ArrowException) as problem:
                raise OutputsMissing(f"{path} is not a readable Parquet file ({problem}): run the pipeline again") from None
            if not found.equals(schema, check_metadata=False):
                raise OutputsMissing(f"{path} was written by another version of the pipeline: run it again")
        mixed = tables_of_another_run(self.out_dir, list(self.schemas))
        if mixed:
            raise OutputsMissing(
                f"{self.out_dir} holds the tables of two runs (a publish was cut short; {', '.join(mixed)} not of the run {MANIFEST} names): run the pipeline again"
            )

    def table(self, table: str, columns: list[str] | None = None, doc_id: str | None = None, filters: list | None = None) -> pa.Table:
        """A table (its `columns`); `doc_id` and `filters` (pyarrow's form) read only matching rows."""
        filters = [*(filters or []), *([("doc_id", "=", doc_id)] if doc_id is not None else [])] or None
        return pq.read_table(table_path(self.out_dir, table), columns=columns, filters=filters)

    def rows(self, table: str, doc_id: str | None = None, columns: list[str] | None = None, filters: list | None = None) -> list[Row]:
        """A table's rows (one document's only, with `doc_id`: a Parquet filter, quick on large outputs)."""
        return self.table(table, columns, doc_id, filters).to_pylist()

    def rows_by_doc(self, table: str, columns: list[str] | None = None) -> dict[str, list[Row]]:
        grouped: dict[str, list[Row]] = {}
        for row in self.rows(table, columns=columns):
            grouped.setdefault(row["doc_id"], []).append(row)
        return grouped

    def batches(self, table: str, batch_size: int = 2048) -> Iterator[pa.RecordBatch]:
        return pq.ParquetFile(table_path(self.out_dir, table)).iter_batches(batch_size=batch_size)


def open_outputs(out_dir: str | Path) -> RunOutputs | None:
    """The published tables of `out_dir`, or None when it holds no whole set (a first run)."""
    try:
        return RunOutputs(out_dir)
    except OutputsMissing:
        return None
