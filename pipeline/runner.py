"""A whole run: discover files, reuse or extract rows, stream them to Parquet.

Incremental: a document whose sha256, pipeline version and model equal those
of the previous run in the output folder gets its rows copied from the
previous tables; nothing else is analysed, and the spaCy pipeline is not even
loaded when nothing needs it. Rows are written in doc_id order either way,
so an incremental run gives the very tables a full run would.
"""

from __future__ import annotations

import collections
import concurrent.futures
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import pyarrow as pa

from pipeline.nlp import model_id
from pipeline.outputs import open_outputs
from pipeline.process import DocumentRows, cached_nlp, extract_batch, extract_rows
from pipeline.reading import DEFAULT_MAX_FILE_BYTES, SourceDocument, find_inputs, read_document
from pipeline.run_failures import raise_if_stop_requested
from pipeline.schemas import EXTRACTED_TABLES
from pipeline.tables import document_row
from pipeline.version import extraction_version
from pipeline.workers import worker_pool
from pipeline.writing import TableWriter

REUSABLE_STATUSES = ("ok", "empty")
# Documents a run on one process reads ahead for the model (pipeline.nlp.analyse bounds the text
# the model holds at once).
LOCAL_BATCH_DOCUMENTS = 32

T = TypeVar("T")


@dataclass
class RunSummary:
    rows: dict[str, int]
    n_documents: int
    n_analysed: int
    n_reused: int
    failures: list[tuple[str, str, str]] = field(default_factory=list)  # doc_id, status, error
    skipped: dict[str, int] = field(default_factory=dict)  # names left out of discovery, by reason


class RunProgress:
    """What a run tells while it goes (the command line shows it); this one tells nobody."""

    def started(self, total: int) -> None:
        """`total` documents were found."""

    def loading_model(self) -> None:
        """The spaCy pipeline is being loaded: the first document needs it."""

    def document_done(self, doc_id: str) -> None:
        """A document's rows were written (reused or extracted)."""


class PreviousRun:
    """Rows of the previous run in the output folder, for documents that did not change.

    Every run writes its rows in doc_id order, so the previous tables are read
    once, front to back, alongside the new run: memory stays flat and the
    cost linear, however large the corpus.
    """

    def __init__(self, out_dir: Path, model: str):
        self.model = model
        self.fingerprints: dict[str, str] = {}
        self.cursors: dict[str, _TableCursor] = {}
        previous = open_outputs(out_dir)
        if previous is None:
            return
        version = extraction_version()
        for row in previous.rows("documents", columns=["doc_id", "sha256", "status", "pipeline_version", "model"]):
            if row["pipeline_version"] == version and row["model"] == model and row["status"] in REUSABLE_STATUSES:
                self.fingerprints[row["doc_id"]] = row["sha256"]
        self.cursors = {name: _TableCursor(previous.batches(name)) for name in EXTRACTED_TABLES}

    def has(self, source: SourceDocument) -> bool:
        return source.status in REUSABLE_STATUSES and self.fingerprints.get(source.doc_id) == source.sha256

    def rows(self, doc_id: str) -> DocumentRows:
        """Previous rows of the extracted tables for one document (doc_ids asked in order)."""
        return {name: cursor.rows(doc_id) for name, cursor in self.cursors.items()}


class _TableCursor:
    """Walks a table written in doc_id order, handing out one document's rows at a time."""

    def __init__(self, batches: Iterator[pa.RecordBatch]):
        self.batches = batches
        self.pending: collections.deque[dict] = collections.deque()

    def rows(self, doc_id: str) -> list[dict]:
        found = []
        while True:
            while self.pending and self.pending[0]["doc_id"] < doc_id:
                self.pending.popleft()
            while self.pending and self.pending[0]["doc_id"] == doc_id:
                found.append(self.pending.popleft())
            if self.pending:
                return found
            batch = next(self.batches, None)
            if batch is None:
                return found
            self.pending = collections.deque(batch.to_pylist())


def run(
    paths: list[Path],
    out_dir: Path,
    model: str | None = None,
    workers: int = 1,
    batch_size: int | None = None,
    incremental: bool = True,
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
    progress: RunProgress = RunProgress(),
) -> RunSummary:
    """Extract every table from `paths` into `out_dir`, telling `progress` how it goes."""
    inputs = find_inputs(paths, exclude=[out_dir])
    files = inputs.files
    progress.started(len(files))
    resolved_model = model_id(model)
    summary = RunSummary(rows={}, n_documents=len(files), n_analysed=0, n_reused=0, skipped=dict(inputs.skipped))
    sources = (read_document(path, doc_id, max_file_bytes) for path, doc_id in files)
    # The writer locks the output folder first: the previous tables are read under the lock.
    with TableWriter(out_dir) as writer, worker_pool(workers - 1) as pool:
        previous = PreviousRun(Path(out_dir), resolved_model) if incremental else None
        # Small batches keep several processes evenly busy. One process takes
        # larger ones, which the model goes through many texts at a time (as bare
        # `nlp.pipe` does), while each document still comes out (and progress
        # moves) as soon as it is done.
        batch_size = batch_size or (LOCAL_BATCH_DOCUMENTS if workers == 1 else 4)
        if workers <= 1:
            extracted = _extracted_here(batched(sources, batch_size), previous, model, resolved_model, summary, progress)
        else:
            extracted = _extracted(batched(sources, batch_size), previous, model, resolved_model, pool, workers, summary, progress)
        for batch in extracted:
            for source, rows in batch:
                for table, table_rows in rows.items():
                    writer.add(table, table_rows)
                if source.status != "ok":
                    summary.failures.append((source.doc_id, source.status, source.error or ""))
                progress.document_done(source.doc_id)
            raise_if_stop_requested()
        raise_if_stop_requested()   # one swallowed by a lookup before any batch (or with no batch at all)
        summary.rows = writer.publish()
    return summary


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _extracted(batches, previous: PreviousRun | None, model: str | None, resolved_model: str, pool: concurrent.futures.Executor, workers: int, summary: RunSummary, progress: RunProgress) -> Iterator[list[tuple[SourceDocument, DocumentRows]]]:
    """Each batch's sources with their rows, in input order, reusing what it can.

    `workers` processes analyse: the pool's `workers - 1` and this one. Each pool process
    is kept two batches ahead; meanwhile this process takes the next batch itself (from
    the first batch on, while the pool's processes are still loading their model)."""
    in_flight: collections.deque = collections.deque()
    window = 8 * workers
    ahead = 2 * (workers - 1)
    model_needed = False
    for sources in batches:
        reusable = [previous is not None and previous.has(s) for s in sources]
        reused = [s for s, reuse in zip(sources, reusable) if reuse]
        fresh = [s for s, reuse in zip(sources, reusable) if not reuse]
        summary.n_reused += len(reused)
        summary.n_analysed += sum(s.status == "ok" for s in fresh)
        if not model_needed and any(s.status == "ok" for s in fresh):  # the first document to analyse loads the model
            model_needed = True
            progress.loading_model()
        job = concurrent.futures.Future()
        if not any(s.status == "ok" for s in fresh):  # nothing to analyse: no model is loaded anywhere
            job.set_result([_unanalysed_rows(s, resolved_model) for s in fresh])
        elif sum(not entry[3].done() for entry in in_flight) < ahead:
            job = pool.submit(extract_batch, fresh, model)
        else:
            job.set_result(list(extract_rows(cached_nlp(model), fresh)))
        in_flight.append((sources, reused, fresh, job))
        # Finished batches go out in input order; a bounded window keeps memory flat.
        while in_flight and (in_flight[0][3].done() or len(in_flight) > window):
            yield _merge(*in_flight.popleft(), previous)
    while in_flight:
        yield _merge(*in_flight.popleft(), previous)


def _extracted_here(batches, previous: PreviousRun | None, model: str | None, resolved_model: str, summary: RunSummary, progress: RunProgress) -> Iterator[list[tuple[SourceDocument, DocumentRows]]]:
    """Each source with its rows, one at a time and in input order, analysed in this process."""
    model_needed = False
    for sources in batches:
        reusable = [previous is not None and previous.has(s) for s in sources]
        analysable = [s for s, reuse in zip(sources, reusable) if not reuse and s.status == "ok"]
        summary.n_reused += sum(reusable)
        summary.n_analysed += len(analysable)
        if analysable and not model_needed:  # the first document to analyse loads the model
            model_needed = True
            progress.loading_model()
        extracted = extract_rows(cached_nlp(model), analysable) if analysable else iter(())
        for source, reuse in zip(sources, reusable):
            if reuse:
                rows = {**previous.rows(source.doc_id), "documents": [document_row(source, previous.model)]}
            elif source.status == "ok":
                rows = next(extracted)
            else:
                rows = _unanalysed_rows(source, resolved_model)
            yield [(source, rows)]


def _unanalysed_rows(source: SourceDocument, resolved_model: str) -> DocumentRows:
    """The rows of a document that failed before analysis: its `documents` row alone."""
    return {**{name: [] for name in EXTRACTED_TABLES}, "documents": [document_row(source, resolved_model)]}


def _merge(sources, reused, fresh, job, previous: PreviousRun | None) -> list[tuple[SourceDocument, DocumentRows]]:
    by_id = dict(zip((s.doc_id for s in fresh), job.result()))
    for source in reused:
        by_id[source.doc_id] = {**previous.rows(source.doc_id), "documents": [document_row(source, previous.model)]}
    return [(source, by_id[source.doc_id]) for source in sources]
