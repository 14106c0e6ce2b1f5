"""Running the same per-document code on Ray Data, past one machine.

Files are listed on the driver; Ray Data spreads them over an actor pool in
which every actor loads the spaCy pipeline once and reads and extracts its
batch (so file contents never pass through the driver). The driver streams
the resulting rows, in doc_id order, into the same atomic writer as the local
engine, so both engines give identical tables.
"""

from __future__ import annotations

import pickle
from pathlib import Path

from pipeline.reading import discover, read_document
from pipeline.runner import RunSummary
from pipeline.writing import TableWriter


class _Extractor:
    """A Ray actor: builds the spaCy pipeline once, then extracts batch after batch."""

    def __init__(self, model: str | None):
        from pipeline.process import cached_nlp

        self.nlp = cached_nlp(model)

    def __call__(self, batch: dict) -> dict:
        from pipeline.process import extract_rows

        sources = []
        for path, given, doc_id in zip(batch["path"], batch["source_path"], batch["doc_id"]):
            source = read_document(Path(path), doc_id)
            source.source_path = given  # as the local engine records it, not the workers' absolute path
            sources.append(source)
        rows = list(extract_rows(self.nlp, sources))
        return {"doc_id": [s.doc_id for s in sources], "rows": [pickle.dumps(r) for r in rows]}


def run_on_ray(paths: list[Path], out_dir: Path, model: str | None = None, address: str | None = None, actors: int = 2, batch_size: int = 8) -> RunSummary:
    """Extract every table from `paths` into `out_dir` on Ray (a local instance unless `address`)."""
    try:
        import ray
    except ImportError as exc:
        raise RuntimeError("--engine ray needs the optional extra: pip install '.[ray]'") from exc

    files = discover(paths, exclude=[out_dir])
    started_here = not ray.is_initialized()
    if started_here:
        ray.init(address=address, include_dashboard=False, log_to_driver=False, logging_level="ERROR")
    try:
        context = ray.data.DataContext.get_current()
        context.execution_options.preserve_order = True
        context.enable_progress_bars = False
        dataset = ray.data.from_items([{"path": str(path.resolve()), "source_path": str(path), "doc_id": doc_id} for path, doc_id in files])
        extracted = dataset.map_batches(_Extractor, fn_constructor_args=(model,), batch_size=batch_size, concurrency=actors, num_cpus=1)
        summary = RunSummary(rows={}, n_documents=len(files), n_analysed=0, n_reused=0)
        with TableWriter(out_dir) as writer:
            for batch in extracted.iter_batches(batch_format="numpy", batch_size=None):
                for payload in batch["rows"]:
                    rows = pickle.loads(payload)
                    for table, table_rows in rows.items():
                        writer.add(table, table_rows)
                    [document] = rows["documents"]
                    if document["status"] == "ok":
                        summary.n_analysed += 1
                    else:
                        summary.failures.append((document["doc_id"], document["status"], document["error"] or ""))
            summary.rows = writer.publish()
        return summary
    finally:
        if started_here:
            ray.shutdown()
