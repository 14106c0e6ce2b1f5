"""Turning an analysed Doc into the rows of each output table.

The components leave their results on the Doc as plain records (see
`pipeline.components`): doc._.parties_record, doc._.agreements_record, and
Span._.date_record / Span._.count_record on the span groups. This is the one
place that maps them onto the columns of `pipeline.schemas`.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from spacy.tokens import Doc, Span

from pipeline.version import extraction_version
from pipeline.reading import SourceDocument
from pipeline.text import plain_number

Row = dict[str, object]

# Label given in the entities table to the spans each rule component adds.
_RULE_SPAN_LABELS = {"parties": "ORG", "dates": "DATE", "agreement_triggers": "AGREEMENT"}
_COUNT_LABELS = {"count": "COUNT", "money": "MONEY", "percent": "PERCENT", "measure": "QUANTITY", "duration": "DURATION"}


def document_row(source: SourceDocument, model: str) -> Row:
    return {
        "doc_id": source.doc_id,
        "source_path": source.source_path,
        "sha256": source.sha256,
        "status": source.status,
        "error": source.error,
        "n_chars": len(source.text),
        "language": source.language,
        "text": source.text,
        "pipeline_version": extraction_version(),
        "model": model,
        "format": source.format,
    }


def doc_rows(doc: Doc, doc_id: str) -> dict[str, list[Row]]:
    """The rows of every extraction table for one analysed document."""
    return {
        "entities": entity_rows(doc, doc_id),
        "parties": party_rows(doc, doc_id),
        "dates": date_rows(doc, doc_id),
        "counts": count_rows(doc, doc_id),
        "agreements": agreement_rows(doc, doc_id),
    }


def _span_columns(span: Span, doc_id: str) -> Row:
    return {"doc_id": doc_id, "start_char": span.start_char, "end_char": span.end_char, "text": span.text}


def entity_rows(doc: Doc, doc_id: str) -> list[Row]:
    rows = [{**_span_columns(ent, doc_id), "label": ent.label_, "source": "model", "canonical": None} for ent in doc.ents]
    names = {party["party_id"]: party["name"] for party in doc._.parties_record or []}
    canonical = {
        "parties": lambda span: names.get(span._.party_id),
        "dates": lambda span: span._.date_record["value"],
        "agreement_triggers": lambda span: span.label_ or None,
    }
    for group, label in _RULE_SPAN_LABELS.items():
        rows += [
            {**_span_columns(span, doc_id), "label": label, "source": "rules", "canonical": canonical[group](span)}
            for span in doc.spans.get(group, [])
        ]
    rows += [
        {
            **_span_columns(span, doc_id),
            "label": _COUNT_LABELS[span._.count_record["kind"]],
            "source": "rules",
            "canonical": plain_number(span._.count_record["value"]),
        }
        for span in doc.spans.get("counts", [])
    ]
    return sorted(rows, key=lambda r: (r["start_char"], r["end_char"], r["source"], r["label"]))


def party_rows(doc: Doc, doc_id: str) -> list[Row]:
    mentions = Counter(span._.party_id for span in doc.spans.get("parties", []))
    return [
        {
            "doc_id": doc_id,
            "party_id": party["party_id"],
            "name": party["name"],
            "acronym": party["acronym"],
            "kind": party["kind"],
            "country": party["country"],
            "n_mentions": mentions[party["party_id"]],
            "aliases": list(party["aliases"]),
        }
        for party in doc._.parties_record or []
    ]


def _date_columns(record: dict) -> Row:
    ends = {end: record[end] and dt.date.fromisoformat(record[end]) for end in ("start_date", "end_date")}
    return {**record, **ends}


def date_rows(doc: Doc, doc_id: str) -> list[Row]:
    return [{**_span_columns(span, doc_id), **_date_columns(span._.date_record)} for span in doc.spans.get("dates", [])]


def count_rows(doc: Doc, doc_id: str) -> list[Row]:
    return [{**_span_columns(span, doc_id), **span._.count_record} for span in doc.spans.get("counts", [])]


def agreement_rows(doc: Doc, doc_id: str) -> list[Row]:
    return [_agreement_row(doc, doc_id, number, record) for number, record in enumerate(doc._.agreements_record or [], start=1)]


def _agreement_row(doc: Doc, doc_id: str, number: int, record: dict) -> Row:
    evidence = doc[record["evidence"][0] : record["evidence"][1]]
    return {
        "doc_id": doc_id,
        "agreement_id": f"{doc_id}#a{number}",
        "type": record["type"],
        "action": record["action"],
        "title": record["title"],
        "parties": list(record["parties"]),
        "date_value": record["date_value"],
        "date_text": record["date_text"],
        "place": record["place"],
        "valid_until": record["valid_until"],
        "evidence": evidence.text,
        "start_char": evidence.start_char,
        "end_char": evidence.end_char,
        "points_to_earlier": record["points_to_earlier"],
    }
