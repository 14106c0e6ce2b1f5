"""An evaluation's results as Parquet (outputs/eval/) and as a text table."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.evaluation.identity import IDENTITY_LABELS
from pipeline.evaluation.records import HEADLINE, METRICS, EvalResult, Tally
from pipeline.schemas import EVAL_ERRORS, EVAL_SCORES


def _score_row(level: str, subset: str | None, doc_id: str | None, metric: str, tally: Tally) -> dict:
    return {
        "level": level, "subset": subset, "doc_id": doc_id, "metric": metric,
        "tp": tally.tp, "fp": tally.fp, "fn": tally.fn,
        "precision": tally.precision, "recall": tally.recall, "f1": tally.f1,
    }


def write_eval(result: EvalResult, out_dir: str | Path) -> list[Path]:
    """Write `scores.parquet` and `errors.parquet` into out_dir/eval/; return their paths."""
    eval_dir = Path(out_dir) / "eval"
    eval_dir.mkdir(parents=True, exist_ok=True)
    scores = [_score_row("total", None, None, metric, tally) for metric, tally in result.totals.items()]
    for subset, totals in result.subsets.items():
        scores += [_score_row("subset", subset, None, metric, tally) for metric, tally in totals.items()]
    for document in result.documents:
        scores += [
            _score_row("document", document.subset, document.doc_id, metric, tally)
            for metric, tally in document.tallies.items()
        ]
    scores += [_score_row("total", None, None, metric, score.tally) for metric, score in result.identity.items()]
    paths = [eval_dir / "scores.parquet", eval_dir / "errors.parquet"]
    pq.write_table(pa.Table.from_pylist(scores, schema=EVAL_SCORES), paths[0])
    pq.write_table(pa.Table.from_pylist([asdict(error) for error in result.errors], schema=EVAL_ERRORS), paths[1])
    return paths


def format_table(result: EvalResult) -> str:
    """Micro-averaged P/R/F1 and counts per metric (* = headline), F1 per subset
    when doc_ids have folders."""
    show_subsets = any("/" in document.doc_id for document in result.documents)
    subsets = list(result.subsets) if show_subsets else []
    header = f"{'':24}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}{'FN':>6}"
    header += "".join(f"{'F1 ' + name:>{max(10, len(name) + 5)}}" for name in subsets)
    lines = [header]
    for metric, label in METRICS.items():
        tally = result.totals[metric]
        marker = "*" if metric in HEADLINE else " "
        line = f"{marker} {label:22}{tally.precision:7.3f}{tally.recall:7.3f}{tally.f1:7.3f}"
        line += f"{tally.tp:6d}{tally.fp:6d}{tally.fn:6d}"
        line += "".join(f"{result.subsets[name][metric].f1:>{max(10, len(name) + 5)}.3f}" for name in subsets)
        lines.append(line)
    missing = [document.doc_id for document in result.documents if not document.has_outputs]
    summary = f"{len(result.documents)} gold documents"
    if subsets:
        summary += " (" + ", ".join(
            f"{name} {sum(d.subset == name for d in result.documents)}" for name in subsets
        ) + ")"
    if missing:
        summary += f"; without outputs (all gold missed): {', '.join(missing)}"
    lines.append(summary)
    for metric, score in result.identity.items():
        tally = score.tally
        line = f"  {IDENTITY_LABELS[metric]:22}{tally.precision:7.3f}{tally.recall:7.3f}{tally.f1:7.3f}"
        lines.append(line + f"{tally.tp:6d}{tally.fp:6d}{tally.fn:6d}  pairs of the {score.n_scored} of {score.n_items} gold items found")
    return "\n".join(lines)
