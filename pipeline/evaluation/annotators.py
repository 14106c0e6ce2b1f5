"""Inter-annotator agreement: one annotator's gold scored as another's predictions
(`pipeline agreement REFERENCE OTHER`), with the very scorer runs are judged by."""

from __future__ import annotations

from pathlib import Path

from pipeline.evaluation.records import EvalResult
from pipeline.evaluation.scoring import evaluate
from pipeline.gold import DocText, Gold, date_granularity, load_gold_dir, locate_occurrences
from pipeline.schemas import SCORED_TABLES

Row = dict


def gold_as_rows(gold: Gold, text: str) -> dict[str, list[Row]]:
    """One annotator's gold as the rows a run would write, so the scorer can judge it."""
    doc = DocText(text)
    rows: dict[str, list[Row]] = {table: [] for table in SCORED_TABLES}
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
    """`other_dir`'s gold scored as predictions against `reference_dir`'s; the documents
    are read from `corpus_dir`, the rows written to `work_dir` as a run would."""
    # Imported here: reading and row-making load spaCy, which scoring alone never needs.
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
