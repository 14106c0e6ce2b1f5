"""The analysts' HTML report of a run (`pipeline report`), written to <outputs>/report/.

    build_report(outputs_dir, gold_dir=None) -> Path of index.html (OutputsMissing if no run is there)

index.html has the rows per table, agreement events by year (timeline.svg and
.png), the graph of who cooperates with whom (graph.svg and .png, see
pipeline.graph), every agreement in a sortable table and every document.
docs/<page_name(doc_id)> shows a document's text with its party
mentions, dates and counts marked by displaCy and its agreement evidence
sentences highlighted in place, then its rows. With gold annotations
(SPEC section 2) the run is scored by pipeline.evaluation: the index shows the
totals, an annotated document's page marks the misses and false alarms in
the text and lists every error.

The report opens from disk without a server or network: styles and the
table-sorting script are inline, the charts are files beside index.html.
"""

from __future__ import annotations

import hashlib
import html
import re
import shutil
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import matplotlib
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from matplotlib.figure import Figure
from spacy import displacy

from pipeline.corpus.timelines import timelines
from pipeline.display import count_detail, number_text
from pipeline.evaluation import HEADLINE, METRICS, EvalError, EvalResult, evaluate
from pipeline.graph import draw_graph, edge_rows, party_graph, save_figure
from pipeline.outputs import RunOutputs
from pipeline.own_outputs import REPORT_MARKER
from pipeline.schemas import SCORED_TABLES
from pipeline.text import spec_form
from pipeline.vocabulary import AGREEMENT_ACTIONS

Row = dict
TEMPLATES = Path(__file__).with_name("templates")

# displaCy colours: one per table, a striped variant for a false alarm, one for a miss.
COLOURS = {"PARTY": "#7aecec", "DATE": "#feca74", "COUNT": "#bfeeb7"}
FALSE_ALARM = " ✗"
MISSED = "MISSED "
_STRIPES = "repeating-linear-gradient(135deg, {0}, {0} 6px, #ff9f9f 6px, #ff9f9f 12px)"
DISPLACY_COLOURS = (
    COLOURS
    | {label + FALSE_ALARM: _STRIPES.format(colour) for label, colour in COLOURS.items()}
    | {MISSED + label: "#ffc4c4" for label in COLOURS}
)
_FAMILY = {"parties": "PARTY", "dates": "DATE", "counts": "COUNT"}
_YEAR = re.compile(r"\d{4}")
_PLAIN_NAME = re.compile(r"[A-Za-z0-9._-]+")
_NOT_PLAIN = re.compile(r"[^A-Za-z0-9._-]+")
# File names may have 255 bytes; a page name stays far below.
_LONGEST_PLAIN_NAME = 100


def page_name(doc_id: str) -> str:
    """A file name for the document's page, unique per doc_id and short on any file system.

    A doc_id of plain characters is its own name; any other (a folder in it,
    spaces, other scripts, a long one) is shortened to plain characters plus
    a digest after "~", a character plain names never hold, so `a/b` and
    `a__b` never share a page.
    """
    if _PLAIN_NAME.fullmatch(doc_id) and len(doc_id) <= _LONGEST_PLAIN_NAME:
        return doc_id + ".html"
    digest = hashlib.sha256(doc_id.encode("utf-8", errors="surrogateescape")).hexdigest()[:12]
    return _NOT_PLAIN.sub("_", doc_id)[:_LONGEST_PLAIN_NAME] + "~" + digest + ".html"


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


def _score_rows(tallies: dict) -> list[dict]:
    return [{"label": label, "headline": metric in HEADLINE, "tally": tallies[metric]} for metric, label in METRICS.items()]


def _checks_by_document(result: EvalResult) -> dict[str, DocumentChecks]:
    checks = {document.doc_id: DocumentChecks(_score_rows(document.tallies), []) for document in result.documents}
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
    """Gold agreement events not extracted, where their snippet is clear of the extracted evidence."""
    missed: list[Evidence] = []
    for error in checks.errors if checks else []:
        if error.table != "agreements" or error.kind != "missed" or error.start_char is None:
            continue
        if any(error.start_char < other.end and other.start < error.end_char for other in taken + missed):
            continue
        event = f"{error.event_type} · {error.event_action}"
        tip = f"in the gold annotations, not extracted: {error.expected}"
        missed.append(Evidence(error.start_char, error.end_char, [Tag(f"MISSED {event}", "#gold", tip)], "missed"))
    return missed


def _document_page(
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
    legend = [(label, DISPLACY_COLOURS[label]) for label in COLOURS]
    if checks:
        legend += [(label + FALSE_ALARM + " false alarm", DISPLACY_COLOURS[label + FALSE_ALARM]) for label in COLOURS]
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


# --- the index -------------------------------------------------------------------------


def draw_timeline(agreements: list[Row], folder: Path) -> dict:
    """Agreement events per year of their date (first four digits of date_value), stacked by action."""
    by_year: Counter = Counter()
    for row in agreements:
        year = _YEAR.search(row["date_value"] or "")
        if year:
            by_year[int(year.group()), row["action"]] += 1
    figure = Figure(figsize=(10, 3.6), layout="constrained")
    axes = figure.add_subplot()
    if by_year:
        years = range(min(year for year, _ in by_year), max(year for year, _ in by_year) + 1)
        present = {action for _, action in by_year}
        actions = [a for a in AGREEMENT_ACTIONS if a in present] + sorted(present - set(AGREEMENT_ACTIONS))
        palette = matplotlib.colormaps["tab10"]
        bottom = [0] * len(years)
        for index, action in enumerate(actions):
            heights = [by_year[year, action] for year in years]
            axes.bar(list(years), heights, bottom=bottom, label=action, color=palette(index))
            bottom = [b + h for b, h in zip(bottom, heights)]
        axes.legend(frameon=False, fontsize=8)
        axes.yaxis.get_major_locator().set_params(integer=True)
        axes.xaxis.get_major_locator().set_params(integer=True)
        axes.set_ylabel("agreement events")
        axes.spines[["top", "right"]].set_visible(False)
    else:
        axes.set_axis_off()
        axes.text(0.5, 0.5, "No dated agreement events", ha="center", va="center", fontsize=14, color="#666")
    svg, png = save_figure(figure, folder, "timeline")
    n_dated = sum(by_year.values())
    return {"svg": svg.name, "png": png.name, "n_dated": n_dated, "n_undated": len(agreements) - n_dated}


def _by_doc(rows: list[Row]) -> dict[str, list[Row]]:
    grouped: dict[str, list[Row]] = {}
    for row in rows:
        grouped.setdefault(row["doc_id"], []).append(row)
    return grouped


def _cell(value) -> str:
    """How a value shows in a table cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, tuple)):
        return "; ".join(map(str, value))
    if isinstance(value, float):
        return number_text(value)
    return str(value)


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True
    )
    env.filters["cell"] = _cell
    return env


def build_report(outputs_dir: str | Path, gold_dir: str | Path | None = None, track: Callable[[list, str], Iterable] | None = None) -> Path:
    """`track(items, what)` wraps the slow loop (one page per document) to show progress."""
    outputs_dir = Path(outputs_dir)
    track = track or (lambda items, what: items)
    outputs = RunOutputs(outputs_dir)
    documents = outputs.rows("documents")
    rows = {table: outputs.rows(table) for table in ("entities", *SCORED_TABLES)}
    result = evaluate(gold_dir, outputs_dir) if gold_dir is not None else None
    checks = _checks_by_document(result) if result else {}

    folder = outputs_dir / "report"
    pages = folder / "docs"
    shutil.rmtree(pages, ignore_errors=True)  # pages of documents no longer in the outputs go
    pages.mkdir(parents=True)
    (folder / REPORT_MARKER).write_text("Written by `pipeline report`; runs never read this folder as documents.\n", encoding="utf-8")
    env = _environment()
    template = (TEMPLATES / "displacy_ent.html").read_text(encoding="utf-8")

    grouped = {table: _by_doc(table_rows) for table, table_rows in rows.items()}
    listing = []
    for doc in track(sorted(documents, key=lambda d: d["doc_id"]), "writing document pages"):
        doc_id = doc["doc_id"]
        tables = {table: grouped[table].get(doc_id, []) for table in rows}
        gold_path = Path(gold_dir) / f"{doc_id}.yaml" if doc_id in checks else None
        page = _document_page(env, doc, tables, checks.get(doc_id), gold_path, template)
        (pages / page_name(doc_id)).write_text(page, encoding="utf-8")
        listing.append(
            {
                **doc,
                "href": "docs/" + quote(page_name(doc_id)),
                "rows": {table: len(tables[table]) for table in SCORED_TABLES},
                "has_gold": doc_id in checks,
            }
        )

    hrefs = {doc["doc_id"]: doc["href"] for doc in listing}
    # Rows of a document without a `documents` row (a damaged run) get no page to link to.
    agreements = [
        {**row, "href": f"{hrefs[doc_id]}#{row['anchor']}" if doc_id in hrefs else ""}
        for doc_id, doc_rows in sorted(grouped["agreements"].items())
        for row in doc_rows
    ]
    instruments = timelines(outputs.rows("instruments"), agreements)
    graph = party_graph(rows["agreements"], rows["parties"], outputs.rows("organisations"))
    draw_graph(graph, folder)
    index = env.get_template("index.html.j2").render(
        outputs=str(outputs_dir),
        gold=str(gold_dir) if gold_dir is not None else None,
        versions=sorted({d["pipeline_version"] for d in documents}),
        models=sorted({d["model"] for d in documents}),
        table_rows={"documents": len(documents)} | {table: len(table_rows) for table, table_rows in rows.items()},
        statuses=dict(sorted(Counter(d["status"] for d in documents).items())),
        timeline=draw_timeline(rows["agreements"], folder),
        graph={
            "svg": "graph.svg", "png": "graph.png",
            "n_nodes": len(graph), "n_edges": graph.number_of_edges(), "edges": edge_rows(graph),
        },
        agreements=agreements,
        instruments=sorted(instruments.values(), key=lambda row: (-row["n_events"], row["instrument_id"])),
        documents=listing,
        scores=_score_rows(result.totals) if result else None,
        n_gold=len(checks),
    )
    path = folder / "index.html"
    path.write_text(index, encoding="utf-8")
    return path
