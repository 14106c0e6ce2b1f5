"""Scoring a run's Parquet tables against the gold annotations (SPEC section 4).

Public API:

    evaluate(gold_dir, outputs_dir) -> EvalResult
        Scores every document that has a gold file below `gold_dir`
        (annotations/<doc_id>.yaml) against the tables in `outputs_dir`
        (documents, parties, dates, counts, agreements .parquet). A gold
        document without a `documents` row counts all its gold as missed.
    write_eval(result, out_dir) -> list[Path]
        Writes out_dir/eval/scores.parquet and out_dir/eval/errors.parquet
        (schemas EVAL_SCORES and EVAL_ERRORS in pipeline/schemas.py).
    format_table(result) -> str
        A compact text table of the micro-averaged scores, with an F1 column
        per subset when doc_ids have folders (`seeds` = top-level documents).

EvalResult holds `totals` and `subsets` (metric -> Tally, micro-averaged:
TP/FP/FN summed over documents), `documents` (one DocumentScores per gold
document) and `errors` (every EvalError). Metrics, in METRICS order:
parties, dates_text, dates_text_value, counts_value, counts_value_unit,
agreements_detection, agreement_slots. For slots, TP = correct,
FP = actual - correct, FN = possible - correct, so P = correct / actual and
R = correct / possible as in MUC.

Decisions where SPEC 4 leaves room:
- A gold item's position is where its quote occurs in the text: the k-th
  entry with a given text is its k-th occurrence (pipeline.gold.
  locate_occurrences). Dates with equal text pair first where the spans
  overlap, then in order of position. Counts with equal value pair first
  where the last word of the unit agrees, then where the spans overlap,
  then by distance.
- Optional gold items are matched like the others (required items get
  first pick); an optional item and the one prediction paired with it are
  then dropped. A second prediction of the same thing is still spurious.
- A ratio with a zero denominator is 0, except that nothing expected and
  nothing found scores 1.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.gold import DocText, Gold, GoldAgreement, date_granularity, load_gold_dir, locate_occurrences
from pipeline.schemas import EVAL_ERRORS, EVAL_SCORES
from pipeline.text import plain_number, spec_form

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
PREDICTED_TABLES = ("parties", "dates", "counts", "agreements")

Span = tuple[int, int]
Row = dict


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
    doc_id: str
    subset: str
    table: str
    field: str  # party, text, value, unit, event, action, date, place
    kind: str  # missed, spurious, wrong
    text: str
    expected: str | None = None
    found: str | None = None
    start_char: int | None = None
    end_char: int | None = None


@dataclass
class DocumentScores:
    doc_id: str
    subset: str
    has_outputs: bool
    tallies: dict[str, Tally]


@dataclass
class EvalResult:
    documents: list[DocumentScores]
    errors: list[EvalError]
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
    return doc_id.split("/", 1)[0] if "/" in doc_id else TOP_LEVEL_SUBSET


# --- matching helpers ------------------------------------------------------------


def _max_matching(left_order: Iterable[int], edges: dict[int, list[int]]) -> dict[int, int]:
    """A maximum one-to-one matching, left -> right (augmenting paths).

    Left items earlier in `left_order` keep their match as later ones are
    added, so putting required gold first lets it choose first.
    """
    owner: dict[int, int] = {}

    def augment(left: int, seen: set[int]) -> bool:
        for right in edges.get(left, ()):
            if right not in seen:
                seen.add(right)
                if right not in owner or augment(owner[right], seen):
                    owner[right] = left
                    return True
        return False

    for left in left_order:
        augment(left, set())
    return {left: right for right, left in owner.items()}


def _overlaps(a: Span | None, b: Span | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def _distance(a: Span | None, b: Span | None) -> float:
    return abs(a[0] - b[0]) if a is not None and b is not None else math.inf


def _span(row: Row) -> Span:
    return row["start_char"], row["end_char"]


def _greedy(candidates: list[tuple[tuple, int, int]]) -> dict[int, int]:
    """One-to-one pairs gold -> prediction, taking (sort key, gold, prediction) best first."""
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for _, gold, predicted in sorted(candidates):
        if gold not in pairs and predicted not in taken:
            pairs[gold] = predicted
            taken.add(predicted)
    return pairs


def _last_word(unit: str | None) -> str:
    words = spec_form(unit).split()
    return words[-1] if words else ""


# --- one document ----------------------------------------------------------------


class _DocumentScorer:
    """Scores one document's predictions against its gold, collecting errors.

    `text` is the analysed text from the documents table, None when the
    document has no outputs.
    """

    def __init__(self, gold: Gold, text: str | None, predictions: dict[str, list[Row]]):
        self.gold = gold
        self.has_outputs = text is not None
        self.doc = DocText(text or "")
        self.predictions = predictions
        self.subset = subset_of(gold.doc_id)
        self.tallies = dict.fromkeys(METRICS, Tally())
        self.errors: list[EvalError] = []

    def count(self, metric: str, tp: int = 0, fp: int = 0, fn: int = 0):
        self.tallies[metric] += Tally(tp, fp, fn)

    def error(self, table: str, field_name: str, kind: str, text: str, expected=None, found=None, span=None):
        start, end = span if span is not None else (None, None)
        self.errors.append(
            EvalError(self.gold.doc_id, self.subset, table, field_name, kind, text, expected, found, start, end)
        )

    def score(self) -> DocumentScores:
        self.parties()
        self.dates()
        self.counts()
        self.agreements()
        return DocumentScores(self.gold.doc_id, self.subset, self.has_outputs, self.tallies)

    def parties(self):
        golds, predicted = self.gold.parties, self.predictions["parties"]
        predicted_keys = [{spec_form(row["name"]), spec_form(row.get("acronym"))} - {""} for row in predicted]
        edges = {
            index: [
                j for j, keys in enumerate(predicted_keys) if keys & {spec_form(form) for form in party.forms}
            ]
            for index, party in enumerate(golds)
        }
        pairs = _max_matching(_required_first(golds), edges)
        for index, party in enumerate(golds):
            if party.optional:
                continue
            if index in pairs:
                self.count("parties", tp=1)
            else:
                self.count("parties", fn=1)
                self.error("parties", "party", "missed", party.name, expected=" | ".join(party.forms))
        for j in sorted(set(range(len(predicted))) - set(pairs.values())):
            row = predicted[j]
            self.count("parties", fp=1)
            found = f"{row['name']} ({row['acronym']})" if row.get("acronym") else row["name"]
            self.error("parties", "party", "spurious", row["name"], found=found)

    def dates(self):
        golds, predicted = self.gold.dates, self.predictions["dates"]
        spans = locate_occurrences([date.text for date in golds], self.doc)
        pairs: dict[int, int] = {}
        for key in {spec_form(date.text) for date in golds}:
            gold_ids = [i for i, date in enumerate(golds) if spec_form(date.text) == key]
            predicted_ids = [j for j, row in enumerate(predicted) if spec_form(row["text"]) == key]
            pairs |= _pair_by_position(gold_ids, predicted_ids, spans, [_span(row) for row in predicted])
        for index, date in enumerate(golds):
            if date.optional:
                continue
            if index not in pairs:
                self.count("dates_text", fn=1)
                self.count("dates_text_value", fn=1)
                self.error("dates", "text", "missed", date.text, expected=date.value, span=spans[index])
                continue
            row = predicted[pairs[index]]
            self.count("dates_text", tp=1)
            if row["value"] == date.value:
                self.count("dates_text_value", tp=1)
            else:
                self.count("dates_text_value", fp=1, fn=1)
                self.error("dates", "value", "wrong", date.text, date.value, row["value"], _span(row))
        for j in sorted(set(range(len(predicted))) - set(pairs.values())):
            row = predicted[j]
            self.count("dates_text", fp=1)
            self.count("dates_text_value", fp=1)
            self.error("dates", "text", "spurious", row["text"], found=row["value"], span=_span(row))

    def counts(self):
        golds, predicted = self.gold.counts, self.predictions["counts"]
        spans = locate_occurrences([count.text for count in golds], self.doc)
        candidates = [
            (
                (
                    _last_word(count.unit) != _last_word(row["unit"]),
                    not _overlaps(spans[i], _span(row)),
                    count.optional,
                    _distance(spans[i], _span(row)),
                ),
                i,
                j,
            )
            for i, count in enumerate(golds)
            for j, row in enumerate(predicted)
            if count.value is not None and math.isclose(count.value, row["value"], rel_tol=1e-9, abs_tol=1e-9)
        ]
        pairs = _greedy(candidates)
        for index, count in enumerate(golds):
            if count.optional:
                continue
            expected = f"{plain_number(count.value)} {count.unit}" if count.value is not None else count.raw_value
            if index not in pairs:
                self.count("counts_value", fn=1)
                self.count("counts_value_unit", fn=1)
                self.error("counts", "value", "missed", count.text, expected=expected, span=spans[index])
                continue
            row = predicted[pairs[index]]
            self.count("counts_value", tp=1)
            if _last_word(count.unit) == _last_word(row["unit"]):
                self.count("counts_value_unit", tp=1)
            else:
                self.count("counts_value_unit", fp=1, fn=1)
                self.error("counts", "unit", "wrong", count.text, count.unit, row["unit"], _span(row))
        for j in sorted(set(range(len(predicted))) - set(pairs.values())):
            row = predicted[j]
            self.count("counts_value", fp=1)
            self.count("counts_value_unit", fp=1)
            found = f"{plain_number(row['value'])} {row['unit']}"
            self.error("counts", "value", "spurious", row["text"], found=found, span=_span(row))

    def agreements(self):
        golds, predicted = self.gold.agreements, self.predictions["agreements"]
        spans = [self.doc.first(agreement.evidence) for agreement in golds]
        outcomes = {
            (i, j): _SlotOutcome.of(self.gold, agreement, row)
            for i, agreement in enumerate(golds)
            for j, row in enumerate(predicted)
            if agreement.type == row["type"] and _overlaps(spans[i], _span(row))
        }
        pairs = _greedy([((-outcome.correct, golds[i].optional), i, j) for (i, j), outcome in outcomes.items()])
        for index, agreement in enumerate(golds):
            if agreement.optional:
                continue
            if index not in pairs:
                self.count("agreements_detection", fn=1)
                self.count("agreement_slots", fn=_fills(agreement.parties, agreement.date, agreement.place))
                self.error(
                    "agreements", "event", "missed", agreement.evidence,
                    expected=_describe(agreement.type, agreement.action, agreement.parties, agreement.date),
                    span=spans[index],
                )
                continue
            outcome = outcomes[index, pairs[index]]
            row = predicted[pairs[index]]
            self.count("agreements_detection", tp=1)
            self.count(
                "agreement_slots",
                tp=outcome.correct,
                fp=outcome.actual - outcome.correct,
                fn=outcome.possible - outcome.correct,
            )
            for slot, kind, expected, found in outcome.errors:
                self.error("agreements", slot, kind, agreement.evidence, expected, found, _span(row))
        for j in sorted(set(range(len(predicted))) - set(pairs.values())):
            row = predicted[j]
            parties = list(row["parties"] or [])
            self.count("agreements_detection", fp=1)
            self.count("agreement_slots", fp=_fills(parties, row["date_value"], row["place"]))
            self.error(
                "agreements", "event", "spurious", row["evidence"],
                found=_describe(row["type"], row["action"], parties, row["date_value"]),
                span=_span(row),
            )


def _required_first(items) -> list[int]:
    return sorted(range(len(items)), key=lambda index: items[index].optional)


def _pair_by_position(
    gold_ids: list[int], predicted_ids: list[int], gold_spans: list[Span | None], predicted_spans: list[Span]
) -> dict[int, int]:
    """Equal-text dates one to one: overlapping spans first, the rest in order of position."""
    pairs: dict[int, int] = {}
    for i in gold_ids:
        for j in predicted_ids:
            if j not in pairs.values() and _overlaps(gold_spans[i], predicted_spans[j]):
                pairs[i] = j
                break
    rest_gold = sorted(
        (i for i in gold_ids if i not in pairs),
        key=lambda i: (gold_spans[i] is None, gold_spans[i] or (0, 0), i),
    )
    rest_predicted = sorted((j for j in predicted_ids if j not in pairs.values()), key=lambda j: predicted_spans[j])
    return pairs | dict(zip(rest_gold, rest_predicted))


def _fills(parties, date, place) -> int:
    """Slot fills of an event: type, action, each party, date and place when given."""
    return 2 + len(parties) + (date is not None) + (place is not None)


def _describe(type_: str, action: str, parties, date) -> str:
    return f"{type_} {action} [{'; '.join(parties)}] {date or '-'}"


@dataclass
class _SlotOutcome:
    """MUC counts of one gold agreement against one prediction of the same type."""

    correct: int
    actual: int
    possible: int
    errors: list[tuple[str, str, str | None, str | None]]  # (slot, kind, expected, found)

    @classmethod
    def of(cls, gold: Gold, agreement: GoldAgreement, row: Row) -> _SlotOutcome:
        outcome = cls(0, 0, 0, [])
        outcome.add("type", agreement.type, row["type"], str.__eq__)
        outcome.add("action", agreement.action, row["action"], str.__eq__)
        outcome.add_parties(gold, agreement, list(row["parties"] or []))
        outcome.add("date", agreement.date, row["date_value"] or None, str.__eq__)
        outcome.add("place", agreement.place, row["place"] or None, lambda a, b: spec_form(a) == spec_form(b))
        return outcome

    def add(self, slot: str, expected: str | None, found: str | None, same: Callable[[str, str], bool]):
        """A single-valued slot: null on either side is no fill on that side."""
        self.possible += expected is not None
        self.actual += found is not None
        if expected is not None and found is not None and same(expected, found):
            self.correct += 1
        elif expected is not None and found is not None:
            self.errors.append((slot, "wrong", expected, found))
        elif expected is not None:
            self.errors.append((slot, "missed", expected, None))
        elif found is not None:
            self.errors.append((slot, "spurious", None, found))

    def add_parties(self, gold: Gold, agreement: GoldAgreement, found: list[str]):
        """Each gold party is one possible fill, each predicted party one actual,
        except predicted ones that stand for a `parties_optional` entry."""
        named = list(agreement.parties) + list(agreement.parties_optional)
        forms = [gold.party_forms(party) for party in named]
        edges = {i: [j for j, party in enumerate(found) if spec_form(party) in forms[i]] for i in range(len(named))}
        pairs = _max_matching(range(len(named)), edges)
        required = range(len(agreement.parties))
        excused = {j for i, j in pairs.items() if i not in required}
        self.possible += len(agreement.parties)
        self.actual += len(found) - len(excused)
        self.correct += sum(i in pairs for i in required)
        self.errors += [("party", "missed", named[i], None) for i in required if i not in pairs]
        matched = set(pairs.values())
        self.errors += [("party", "spurious", None, party) for j, party in enumerate(found) if j not in matched]


# --- reading, the whole evaluation, writing -----------------------------------------------


def _read_rows(outputs_dir: Path, table: str, columns: list[str] | None = None) -> dict[str, list[Row]]:
    """A table's rows by doc_id, in file order; a missing table has none."""
    path = outputs_dir / f"{table}.parquet"
    if not path.exists():
        return {}
    rows: dict[str, list[Row]] = {}
    for row in pq.read_table(path, columns=columns).to_pylist():
        rows.setdefault(row["doc_id"], []).append(row)
    return rows


def evaluate(gold_dir: str | Path, outputs_dir: str | Path) -> EvalResult:
    outputs_dir = Path(outputs_dir)
    golds = load_gold_dir(gold_dir)
    documents_rows = _read_rows(outputs_dir, "documents", ["doc_id", "text"])
    texts = {doc_id: rows[0]["text"] for doc_id, rows in documents_rows.items()}
    tables = {table: _read_rows(outputs_dir, table) for table in PREDICTED_TABLES}
    documents, errors = [], []
    for doc_id, gold in sorted(golds.items()):
        # Rows of a document without a `documents` row are not trusted: all gold is missed.
        predictions = {table: rows.get(doc_id, []) if doc_id in texts else [] for table, rows in tables.items()}
        scorer = _DocumentScorer(gold, texts.get(doc_id), predictions)
        documents.append(scorer.score())
        errors += scorer.errors
    return EvalResult(documents, errors)


def _score_row(level: str, subset: str | None, doc_id: str | None, metric: str, tally: Tally) -> Row:
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
    errors = [vars(error) for error in result.errors]
    paths = [eval_dir / "scores.parquet", eval_dir / "errors.parquet"]
    pq.write_table(pa.Table.from_pylist(scores, schema=EVAL_SCORES), paths[0])
    pq.write_table(pa.Table.from_pylist(errors, schema=EVAL_ERRORS), paths[1])
    return paths


def format_table(result: EvalResult) -> str:
    """Micro-averaged P/R/F1 and counts per metric (* = headline), F1 per subset."""
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
    return "\n".join(lines)


# --- agreement between annotators ----------------------------------------------------


def gold_as_rows(gold: Gold, text: str) -> dict[str, list[Row]]:
    """One annotator's gold as the rows a run would write, so the scorer can judge it."""
    doc = DocText(text)
    rows: dict[str, list[Row]] = {"parties": [], "dates": [], "counts": [], "agreements": []}
    for number, party in enumerate(gold.parties, start=1):
        acronym = next((alias for alias in party.aliases if alias.isupper()), None)
        rows["parties"].append({
            "doc_id": gold.doc_id, "party_id": f"p{number}", "name": party.name, "acronym": acronym,
            "kind": party.kind, "country": party.country, "n_mentions": 1, "aliases": list(party.aliases),
        })
    for date, span in zip(gold.dates, locate_occurrences([d.text for d in gold.dates], doc)):
        if span:
            rows["dates"].append({
                "doc_id": gold.doc_id, "start_char": span[0], "end_char": span[1], "text": text[span[0] : span[1]],
                "value": date.value, "granularity": date.granularity or date_granularity(date.value) or "year",
                "start_date": None, "end_date": None, "from_context": bool(date.from_context),
            })
    for count, span in zip(gold.counts, locate_occurrences([c.text for c in gold.counts], doc)):
        if span and count.value is not None:
            rows["counts"].append({
                "doc_id": gold.doc_id, "start_char": span[0], "end_char": span[1], "text": text[span[0] : span[1]],
                "value": count.value, "qualifier": count.qualifier, "unit": count.unit, "kind": count.kind,
            })
    for number, agreement in enumerate(gold.agreements, start=1):
        span = doc.first(agreement.evidence)
        if span:
            rows["agreements"].append({
                "doc_id": gold.doc_id, "agreement_id": f"{gold.doc_id}#a{number}", "type": agreement.type,
                "action": agreement.action, "title": agreement.title, "parties": list(agreement.parties),
                "date_value": agreement.date, "date_text": None, "place": agreement.place,
                "valid_until": agreement.valid_until, "evidence": text[span[0] : span[1]],
                "start_char": span[0], "end_char": span[1],
            })
    return rows


def evaluate_annotators(reference_dir: str | Path, other_dir: str | Path, corpus_dir: str | Path, work_dir: str | Path) -> EvalResult:
    """Inter-annotator agreement: `other_dir`'s gold scored as predictions against `reference_dir`'s."""
    from pipeline.reading import discover, read_document
    from pipeline.tables import document_row
    from pipeline.writing import TableWriter

    texts = {doc_id: read_document(path, doc_id) for path, doc_id in discover([Path(corpus_dir)])}
    with TableWriter(Path(work_dir)) as writer:
        for doc_id, gold in sorted(load_gold_dir(other_dir).items()):
            source = texts[doc_id]
            for table, rows in gold_as_rows(gold, source.text).items():
                writer.add(table, rows)
            writer.add("documents", [document_row(source, "gold")])
        writer.publish()
    return evaluate(reference_dir, work_dir)
