"""Scoring one document: its gold against its predicted rows, table by table.

A table's scorer is a function of a DocumentScoring (in this package's
module of the table's name) that counts into metrics of
pipeline.evaluation.records.METRICS and records errors; TABLE_SCORERS lists
them, so scoring a new table is one function and one entry here.
"""

from __future__ import annotations

from collections.abc import Callable

from pipeline.evaluation import agreements, counts, dates, parties
from pipeline.evaluation.records import METRICS, DocumentScores, EvalError, Tally, subset_of
from pipeline.gold import DocText, Gold

Row = dict
Span = tuple[int, int]


class DocumentScoring:
    """One document's gold, text and predictions; collects its tallies and errors.

    `text` is the analysed text from the documents table, None when the
    document has no outputs (then every gold item is missed).
    """

    def __init__(self, gold: Gold, text: str | None, predictions: dict[str, list[Row]]):
        self.gold = gold
        self.has_outputs = text is not None
        self.doc = DocText(text or "")
        self.predictions = predictions
        self.subset = subset_of(gold.doc_id)
        self.tallies = dict.fromkeys(METRICS, Tally())
        self.errors: list[EvalError] = []
        self.paired: dict[str, dict[int, Row]] = {}

    def count(self, metric: str, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        self.tallies[metric] += Tally(tp, fp, fn)

    def error(self, table: str, field: str, kind: str, text: str, span: Span | None = None, **details) -> None:
        """Record an error; `details` are EvalError's optional fields (expected, found, row_id, ...)."""
        start, end = span if span is not None else (None, None)
        self.errors.append(EvalError(self.gold.doc_id, self.subset, table, field, kind, text, start_char=start, end_char=end, **details))

    def scores(self) -> DocumentScores:
        return DocumentScores(self.gold.doc_id, self.subset, self.has_outputs, self.tallies, self.paired)


TABLE_SCORERS: dict[str, Callable[[DocumentScoring], None]] = {
    "parties": parties.score,
    "dates": dates.score,
    "counts": counts.score,
    "agreements": agreements.score,
}


def score_document(gold: Gold, text: str | None, predictions: dict[str, list[Row]]) -> DocumentScoring:
    scoring = DocumentScoring(gold, text, predictions)
    for score in TABLE_SCORERS.values():
        score(scoring)
    return scoring
