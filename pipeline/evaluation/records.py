"""What scoring produces: tallies per metric, error records, per-document and total results."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

# Metric -> label, in the order every summary shows them. A scorer of a new
# table adds its metrics here (and a function to pipeline.evaluation.document).
METRICS = {
    "parties": "parties",
    "dates_text": "dates text",
    "dates_text_value": "dates text+value",
    "counts_value": "counts value",
    "counts_value_unit": "counts value+unit",
    "agreements_detection": "agreements detection",
    "agreement_slots": "agreement slots",
}
HEADLINE = ("parties", "dates_text_value", "counts_value_unit", "agreement_slots")
TOP_LEVEL_SUBSET = "seeds"


@dataclass(frozen=True)
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @staticmethod
    def _ratio(part: int, whole: int, nothing_to_score: bool) -> float:
        return part / whole if whole else float(nothing_to_score)

    @property
    def empty(self) -> bool:
        return not (self.tp or self.fp or self.fn)

    @property
    def precision(self) -> float:
        return self._ratio(self.tp, self.tp + self.fp, self.empty)

    @property
    def recall(self) -> float:
        return self._ratio(self.tp, self.tp + self.fn, self.empty)

    @property
    def f1(self) -> float:
        return self._ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn, self.empty)


@dataclass(frozen=True)
class EvalError:
    """One scoring error: a gold item missed, a prediction spurious, or a matched pair that differs.

    A row of outputs/eval/errors.parquet (schema EVAL_ERRORS). `expected`
    and `found` are for reading; what a program needs is in fields of its own:
    the span, the predicted row (`row_id`) and an agreement event's type and
    action.
    """

    doc_id: str
    subset: str
    table: str  # parties, dates, counts, agreements
    field: str  # what was compared: party, text, value, unit, event, type, action, date, place
    kind: str  # missed, spurious, wrong
    text: str  # the gold or predicted surface text (the evidence, for agreements)
    expected: str | None = None  # the gold fill, None when spurious
    found: str | None = None  # the predicted fill, None when missed
    start_char: int | None = None  # of the prediction, else of the located gold text
    end_char: int | None = None
    row_id: str | None = None  # party_id or agreement_id of the predicted row concerned
    event_type: str | None = None  # agreements: type and action of the event concerned
    event_action: str | None = None


@dataclass
class DocumentScores:
    doc_id: str
    subset: str
    has_outputs: bool
    tallies: dict[str, Tally]
    # table -> gold item index -> the predicted row paired with it (parties, agreements), for identity scoring
    paired: dict[str, dict[int, dict]] = field(default_factory=dict)


@dataclass
class EvalResult:
    """`totals` and `subsets` are micro-averaged: TP/FP/FN summed over documents.
    `identity`: pairwise scores of corpus identity (pipeline.evaluation.identity), when the gold has them."""

    documents: list[DocumentScores]
    errors: list[EvalError]
    identity: dict = field(default_factory=dict)
    totals: dict[str, Tally] = field(init=False)
    subsets: dict[str, dict[str, Tally]] = field(init=False)

    def __post_init__(self):
        self.totals = _sum(self.documents)
        names = sorted({document.subset for document in self.documents})
        self.subsets = {name: _sum(d for d in self.documents if d.subset == name) for name in names}


def _sum(documents: Iterable[DocumentScores]) -> dict[str, Tally]:
    totals = dict.fromkeys(METRICS, Tally())
    for document in documents:
        for metric, tally in document.tallies.items():
            totals[metric] += tally
    return totals


def subset_of(doc_id: str) -> str:
    """The doc_id's first folder, `seeds` for a top-level document."""
    return doc_id.split("/", 1)[0] if "/" in doc_id else TOP_LEVEL_SUBSET
