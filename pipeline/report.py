"""The analysts' HTML report of a run (`pipeline report`), written to <outputs>/report/.

    build_report(outputs_dir, gold_dir=None, track=None) -> Path of index.html (OutputsMissing if no run is there)

index.html has the rows per table, a timeline of agreement events whose
bars pick out their events in the agreements table, the graph of who
cooperates with whom (zoom, hover, filters by kind and country; data from
pipeline.report_index), every agreement in a table to search and filter,
with its evidence sentence, and every document. docs/<page_name(doc_id)>
is a document's page (pipeline.report_document). With gold annotations
(SPEC section 2) the run is scored by pipeline.evaluation: the index shows
the totals, an annotated document's page marks misses and false alarms.

The report opens from disk without a server or network: styles, data and
scripts are inline (templates/explore.js is our own plain JavaScript).
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from pipeline.colours import kind_colour
from pipeline.corpus.timelines import timelines
from pipeline.display import number_text
from pipeline.evaluation import evaluate
from pipeline.graph import draw_graph, edge_rows, party_graph
from pipeline.outputs import RunOutputs
from pipeline.own_outputs import REPORT_MARKER
from pipeline.report_document import checks_by_document, document_page, score_rows
from pipeline.report_index import graph_data, timeline
from pipeline.schemas import SCORED_TABLES
from pipeline.vocabulary import AGREEMENT_ACTIONS, AGREEMENT_TYPES

Row = dict
TEMPLATES = Path(__file__).with_name("templates")

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
    env.filters["kind_colour"] = kind_colour
    # Data for the page's scripts: JSON that cannot close its <script> element.
    env.filters["script_json"] = lambda value: Markup(json.dumps(value, ensure_ascii=False).replace("</", "<\\/"))
    return env


def build_report(outputs_dir: str | Path, gold_dir: str | Path | None = None, track: Callable[[list, str], Iterable] | None = None) -> Path:
    """`track(items, what)` wraps the slow loops (scoring, one page per document) to show progress."""
    outputs_dir = Path(outputs_dir)
    track = track or (lambda items, what: items)
    outputs = RunOutputs(outputs_dir)
    documents = outputs.rows("documents")
    rows = {table: outputs.rows(table) for table in ("entities", *SCORED_TABLES)}
    result = evaluate(gold_dir, outputs_dir, track) if gold_dir is not None else None
    checks = checks_by_document(result) if result else {}

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
        page = document_page(env, doc, tables, checks.get(doc_id), gold_path, template)
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
    for number, row in enumerate(agreements, start=1):
        row["anchor_id"] = f"event-{number}"  # the row of the index's agreements table
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
        timeline=timeline(agreements),
        graph={
            "svg": "graph.svg", "png": "graph.png", "data": graph_data(graph, agreements),
            "n_nodes": len(graph), "n_edges": graph.number_of_edges(), "edges": edge_rows(graph),
        },
        types=[t for t in AGREEMENT_TYPES if any(row["type"] == t for row in agreements)],
        actions=[a for a in AGREEMENT_ACTIONS if any(row["action"] == a for row in agreements)],
        agreements=agreements,
        instruments=sorted(instruments.values(), key=lambda row: (-row["n_events"], row["instrument_id"])),
        documents=listing,
        scores=score_rows(result.totals) if result else None,
        n_gold=len(checks),
    )
    path = folder / "index.html"
    path.write_text(index, encoding="utf-8")
    return path
