"""Scoring a run's tables against the gold annotations (SPEC section 4).

    evaluate(gold_dir, outputs_dir) -> EvalResult          scoring
    write_eval(result, out_dir) -> [scores, errors paths]  reporting: outputs/eval/*.parquet
    format_table(result) -> str                            reporting: the text table of `pipeline eval`
    evaluate_annotators(reference, other, corpus, work)    annotators: inter-annotator agreement
    party_coverage(gold_dir, outputs_dir)                 coverage: gold parties the model's ORG spans reach vs kept

EvalResult (records) holds `totals` and `subsets` (metric -> Tally,
micro-averaged), `documents` (one DocumentScores per gold document) and
`errors`: EvalError records with fields (table, field, kind, span, the
predicted row's id, an event's type and action), which the report reads as
they are. Each table is scored by a module of its name (parties, dates,
counts, agreements) through `document.TABLE_SCORERS`; `matching` pairs
gold items with predictions.

Decisions where SPEC 4 leaves room:
- A gold item's position is where its quote occurs in the text: the k-th
  entry with a given text is its k-th occurrence (pipeline.gold.locate_occurrences).
- Optional gold items are matched like the others (required items get
  first pick); an optional item and the one prediction paired with it are
  then dropped. A second prediction of the same thing is still spurious.
- A ratio with a zero denominator is 0, except that nothing expected and
  nothing found scores 1.
- A gold document without a `documents` row counts all its gold as missed.
"""

from pipeline.evaluation.annotators import evaluate_annotators, gold_as_rows
from pipeline.evaluation.records import HEADLINE, METRICS, DocumentScores, EvalError, EvalResult, Tally
from pipeline.evaluation.reporting import format_table, write_eval
from pipeline.evaluation.scoring import evaluate

__all__ = [
    "HEADLINE", "METRICS", "DocumentScores", "EvalError", "EvalResult", "Tally",
    "evaluate", "evaluate_annotators", "format_table", "gold_as_rows", "write_eval",
]
