"""A whole evaluation: every gold document against a run's published tables."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from pipeline.evaluation.document import score_document
from pipeline.evaluation.identity import score_identity
from pipeline.evaluation.records import EvalResult
from pipeline.gold import load_gold_dir
from pipeline.outputs import RunOutputs
from pipeline.schemas import SCORED_TABLES


def evaluate(gold_dir: str | Path, outputs_dir: str | Path, track: Callable[[list, str], Iterable] | None = None) -> EvalResult:
    """Score every gold file below `gold_dir` against the tables in `outputs_dir`
    (OutputsMissing when no run was published there), and corpus identity
    when `gold_dir` holds an identity.yaml. `track(items, what)` wraps the
    loop over documents to show progress (the command line's bar)."""
    track = track or (lambda items, what: items)
    outputs = RunOutputs(outputs_dir)
    golds = load_gold_dir(gold_dir)
    texts = {row["doc_id"]: row["text"] for row in outputs.rows("documents", columns=["doc_id", "text"])}
    tables = {table: outputs.rows_by_doc(table) for table in SCORED_TABLES}
    documents, errors = [], []
    for doc_id, gold in track(sorted(golds.items()), "scoring documents"):
        # Rows of a document without a `documents` row are not trusted: all its gold is missed.
        predictions = {table: rows.get(doc_id, []) if doc_id in texts else [] for table, rows in tables.items()}
        scoring = score_document(gold, texts.get(doc_id), predictions)
        documents.append(scoring.scores())
        errors += scoring.errors
    identity, identity_errors = score_identity(gold_dir, golds, documents)
    return EvalResult(documents, errors + identity_errors, identity)
