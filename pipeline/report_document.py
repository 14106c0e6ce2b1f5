"""One document's page of the report: its text with the extractions marked, checked against gold.

    document_page(env, doc, tables, checks, gold_path, template) -> HTML
    checks_by_document(result) -> {doc_id: DocumentChecks}
    score_rows(tallies) -> rows of the scores table

Party mentions, dates and counts are marked by displaCy; agreement evidence
sentences are highlighted in place with a tag per event linking to its row.
With gold annotations, false alarms are striped, misses marked in red, and
a gold event not extracted at all gets a red MISSED tag where its snippet is.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment
from spacy import displacy

from pipeline.colours import ENTITY_COLOURS, FALSE_ALARM_STRIPE, MISSED_COLOUR
from pipeline.display import count_detail
from pipeline.evaluation import HEADLINE, METRICS, EvalError, EvalResult
from pipeline.text import spec_form

Row = dict

FALSE_ALARM = " ✗"
MISSED = "MISSED "
_STRIPES = "repeating-linear-gradient(135deg, {0}, {0} 6px, %s 6px, %s 12px)" % (FALSE_ALARM_STRIPE, FALSE_ALARM_STRIPE)
DISPLACY_COLOURS = (
    ENTITY_COLOURS
    | {label + FALSE_ALARM: _STRIPES.format(colour) for label, colour in ENTITY_COLOURS.items()}
    | {MISSED + label: MISSED_COLOUR for label in ENTITY_COLOURS}
)
_FAMILY = {"parties": "PARTY", "dates": "DATE", "counts": "COUNT"}

# --- the document text with its extractions marked -------------------------------------


@dataclass(frozen=True)
class Mark:
    """One displaCy mark: a span of the text with its label and what it stands for."""

    start: int
    end: int
    label: str
    detail: str = ""  # shown after the label
    tip: str = ""  # shown on hover

    def overlaps(self, other: Mark) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class Tag:
    """The label after an evidence sentence naming one agreement event, linked to its row."""

    text: str
    href: str
    tip: str
    classes: str = ""


@dataclass
class Evidence:
    """An evidence sentence (or a missed gold snippet) and the agreement events it carries."""

    start: int
    end: int
    tags: list[Tag] = field(default_factory=list)
    classes: str = ""


def _non_overlapping(marks: list[Mark]) -> list[Mark]:
    """Earlier marks in the list win; among them, longer ones. displaCy's ent style cannot overlap."""
    kept: list[Mark] = []
    for mark in sorted(marks, key=lambda m: (m.label.startswith(MISSED), m.start - m.end)):
        if not any(mark.overlaps(other) for other in kept):
            kept.append(mark)
    return sorted(kept, key=lambda m: m.start)


def _displacy(text: str, start: int, end: int, marks: list[Mark], template: str) -> str:
    ents = [
        {
            "start": mark.start - start,
            "end": mark.end - start,
            "label": mark.label,
            "params": {
                "detail": html.escape(mark.detail),
                "tip": html.escape(mark.tip),
                "classes": "false-alarm" if mark.label.endswith(FALSE_ALARM) else "",
            },
        }
        for mark in marks
        if start <= mark.start and mark.end <= end
    ]
    return displacy.render(
        {"text": text[start:end], "ents": ents, "title": None},
        style="ent",
        manual=True,
        options={"colors": DISPLACY_COLOURS, "template": template},
    )


def render_text(text: str, marks: list[Mark], evidences: list[Evidence], template: str) -> str:
    """The text as displaCy blocks, each evidence sentence wrapped in a highlight with its tags.

    Evidence sentences overlap the mentions in them, which displaCy's ent
    style cannot show, so the text is cut at evidence boundaries and each
    piece rendered on its own; the CSS lets the pieces flow as one text.
    """
    pieces, position = [], 0
    for evidence in sorted(evidences, key=lambda e: e.start):
        pieces.append(_displacy(text, position, evidence.start, marks, template))
        tags = "".join(
            f'<a class="{" ".join(filter(None, ("evidence-tag", tag.classes)))}" href="{html.escape(tag.href)}"'
            f' title="{html.escape(tag.tip)}">{html.escape(tag.text)}</a>'
            for tag in evidence.tags
        )
        inner = _displacy(text, evidence.start, evidence.end, marks, template)
        classes = " ".join(filter(None, ("evidence", evidence.classes)))
        pieces.append(f'<span class="{classes}">{inner}{tags}</span>')
        position = evidence.end
    pieces.append(_displacy(text, position, len(text), marks, template))
    return "".join(pieces)


def _merge_evidence(rows: list[Row]) -> list[Evidence]:
    """One highlight per stretch of text; several events in one sentence share it."""
    merged: list[Evidence] = []
    for row in sorted(rows, key=lambda r: (r["start_char"], r["end_char"])):
        if merged and row["start_char"] < merged[-1].end:
            merged[-1].end = max(merged[-1].end, row["end_char"])
        else:
            merged.append(Evidence(row["start_char"], row["end_char"]))
        tag = f"{row['type']} · {row['action']}" + (FALSE_ALARM if row["flag"] else "")
        tip = "; ".join([f"{', '.join(row['parties'])} · {row['date_value'] or 'no date'}", *row["slot_errors"]])
        classes = row["flag"] or ("slots-differ" if row["slot_errors"] else "")
        merged[-1].tags.append(Tag(tag, f"#{row['anchor']}", tip, classes))
        if row["flag"]:
            merged[-1].classes = "false-alarm"
    return merged


# --- checks against the gold annotations ------------------------------------------------


@dataclass
class DocumentChecks:
    """What scoring said about one annotated document."""

    scores: list[dict]
    errors: list[EvalError]

    def span_errors(self, table: str, kind: str) -> dict[tuple[int, int], EvalError]:
        """Errors of dates or counts by the span of the row they concern."""
        return {
            (error.start_char, error.end_char): error
            for error in self.errors
            if error.table == table and error.kind == kind and error.start_char is not None
        }

    def spurious_parties(self) -> set[str]:
        """party_ids of the predicted parties that are false alarms."""
        return {error.row_id for error in self.errors if error.table == "parties" and error.kind == "spurious"}

    def agreement_errors(self, row: Row) -> list[EvalError]:
        """The errors about one predicted agreement: a spurious event, or its wrong, missed or spurious slots."""
        return [error for error in self.errors if error.table == "agreements" and error.row_id == row["agreement_id"]]


def score_rows(tallies: dict) -> list[dict]:
    return [{"label": label, "headline": metric in HEADLINE, "tally": tallies[metric]} for metric, label in METRICS.items()]


def checks_by_document(result: EvalResult) -> dict[str, DocumentChecks]:
    checks = {document.doc_id: DocumentChecks(score_rows(document.tallies), []) for document in result.documents}
    for error in result.errors:
        checks[error.doc_id].errors.append(error)
    return checks


# --- one document's page ---------------------------------------------------------------


def _document_marks(text_rows: dict[str, list[Row]], checks: DocumentChecks | None) -> list[Mark]:
    """The marks of a document's text; its rows already flagged (`_flag_rows`)."""
    spurious = {table: checks.span_errors(table, "spurious") if checks else {} for table in ("dates", "counts")}
    wrong = {table: checks.span_errors(table, "wrong") if checks else {} for table in ("dates", "counts")}
    # A rule ORG mention's canonical is its party's name.
    false_alarm_names = {spec_form(row["name"]) for row in text_rows["parties"] if row["flag"]}
    marks = []
    for row in text_rows["entities"]:
        if row["source"] == "rules" and row["label"] == "ORG":
            false_alarm = spec_form(row["canonical"] or row["text"]) in false_alarm_names
            label = "PARTY" + (FALSE_ALARM if false_alarm else "")
            marks.append(Mark(row["start_char"], row["end_char"], label, tip=row["canonical"] or ""))
    for table in ("dates", "counts"):
        for row in text_rows[table]:
            span = (row["start_char"], row["end_char"])
            detail = row["value"] if table == "dates" else count_detail(row)
            if span in wrong[table]:
                detail += f" ≠ gold {wrong[table][span].expected}"
            label = _FAMILY[table] + (FALSE_ALARM if span in spurious[table] else "")
            marks.append(Mark(*span, label, detail=detail))
    if checks:
        for error in checks.errors:
            if error.table in ("dates", "counts") and error.kind == "missed" and error.start_char is not None:
                label = MISSED + _FAMILY[error.table]
                tip = "in the gold annotations, not extracted"
                marks.append(Mark(error.start_char, error.end_char, label, detail=error.expected or "", tip=tip))
    return _non_overlapping(marks)


def _flag_rows(tables: dict[str, list[Row]], checks: DocumentChecks | None) -> None:
    """Mark each row a false alarm (`flag`) or not; give agreements an anchor and their slot errors."""
    spurious_parties = checks.spurious_parties() if checks else set()
    for row in tables["parties"]:
        row["flag"] = "false-alarm" if row["party_id"] in spurious_parties else ""
    for table in ("dates", "counts"):
        spurious = checks.span_errors(table, "spurious") if checks else {}
        for row in tables[table]:
            row["flag"] = "false-alarm" if (row["start_char"], row["end_char"]) in spurious else ""
    for number, row in enumerate(tables["agreements"], start=1):
        errors = checks.agreement_errors(row) if checks else []
        row["anchor"] = f"agreement-{number}"
        row["flag"] = "false-alarm" if any(error.field == "event" for error in errors) else ""
        row["slot_errors"] = [
            f"{error.field} {error.kind}: " + " → ".join(filter(None, (error.expected, error.found)))
            for error in errors
            if error.field != "event"
        ]


def _missed_evidence(checks: DocumentChecks | None, taken: list[Evidence]) -> list[Evidence]:
    """Gold agreement events not extracted, each marked by a red MISSED tag where its snippet is.

    A snippet clear of the highlighted text gets a highlight of its own; one
    that overlaps a highlight (another event extracted from the same
    sentence) puts its tag on that highlight, since highlights cannot overlap.
    """
    missed: list[Evidence] = []
    for error in checks.errors if checks else []:
        if error.table != "agreements" or error.kind != "missed" or error.start_char is None:
            continue
        tag = Tag(f"MISSED {error.event_type} · {error.event_action}", "#gold", f"in the gold annotations, not extracted: {error.expected}", "missed")
        overlapping = next((other for other in taken + missed if error.start_char < other.end and other.start < error.end_char), None)
        if overlapping is not None:
            overlapping.tags.append(tag)
        else:
            missed.append(Evidence(error.start_char, error.end_char, [tag], "missed"))
    return missed


def document_page(
    env: Environment,
    doc: Row,
    tables: dict[str, list[Row]],
    checks: DocumentChecks | None,
    gold_path: Path | None,
    template: str,
) -> str:
    _flag_rows(tables, checks)
    evidences = _merge_evidence(tables["agreements"])
    evidences += _missed_evidence(checks, evidences)
    text_html = render_text(doc["text"], _document_marks(tables, checks), evidences, template)
    legend = [(label, DISPLACY_COLOURS[label]) for label in ENTITY_COLOURS]
    if checks:
        legend += [(label + FALSE_ALARM + " false alarm", DISPLACY_COLOURS[label + FALSE_ALARM]) for label in ENTITY_COLOURS]
        legend += [(MISSED + "(gold, not found)", DISPLACY_COLOURS[MISSED + "DATE"])]
    order = {"missed": 0, "spurious": 1, "wrong": 2}
    errors = sorted(checks.errors, key=lambda e: (e.table, order.get(e.kind, 3), e.start_char or 0)) if checks else []
    return env.get_template("document.html.j2").render(
        doc=doc,
        index_href="../index.html",
        gold_path=gold_path,
        legend=legend,
        text_html=text_html,
        tables=tables,
        scores=checks.scores if checks else None,
        checks=[vars(error) for error in errors],
    )
