"""One document's extractions in the terminal (`pipeline show DOC_ID`).

    document_ids(outputs_dir) -> every doc_id of the run
    show_document(outputs_dir, doc_id, console)   UnknownDocument if no such doc_id,
                                                  OutputsMissing if no run was published there

Reads only that document's rows (a Parquet filter on doc_id), and of the
instruments its agreements belong to, so it stays quick on large outputs.
Each agreement names its instrument, whose timeline (events in every
document) follows the agreements table.
"""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from pipeline.corpus.timelines import read_timelines
from pipeline.display import count_detail
from pipeline.outputs import RunOutputs

# (title, columns) per table; a column is (header, function of the row).
_VIEWS = {
    "parties": (
        "Parties",
        [
            ("name", lambda r: r["name"]),
            ("acronym", lambda r: r["acronym"]),
            ("aliases", lambda r: "; ".join(r.get("aliases") or [])),
            ("kind", lambda r: r["kind"]),
            ("country", lambda r: r["country"]),
            ("mentions", lambda r: str(r["n_mentions"])),
        ],
    ),
    "dates": (
        "Dates",
        [
            ("text", lambda r: r["text"]),
            ("value", lambda r: r["value"]),
            ("granularity", lambda r: r["granularity"]),
            ("from context", lambda r: "yes" if r["from_context"] else ""),
            ("offset", lambda r: str(r["start_char"])),
        ],
    ),
    "counts": (
        "Counts",
        [
            ("text", lambda r: r["text"]),
            ("count", count_detail),
            ("kind", lambda r: r["kind"]),
            ("offset", lambda r: str(r["start_char"])),
        ],
    ),
    "agreements": (
        "Agreements",
        [
            ("type", lambda r: r["type"]),
            ("action", lambda r: r["action"]),
            ("parties", lambda r: "\n".join(r["parties"] or [])),
            ("date", lambda r: r["date_value"]),
            ("place", lambda r: r["place"]),
            ("evidence", lambda r: r["evidence"]),
            ("instrument", lambda r: r["instrument_id"]),
        ],
    ),
}


class UnknownDocument(LookupError):
    """No documents row has the doc_id asked for."""


def document_ids(outputs_dir: Path) -> list[str]:
    """For the command line to resolve a doc_id given in part (pipeline.cli_checks.known_document)."""
    return [row["doc_id"] for row in RunOutputs(outputs_dir).rows("documents", columns=["doc_id"])]


def show_document(outputs_dir: Path, doc_id: str, console: Console) -> None:
    outputs = RunOutputs(outputs_dir)
    documents = outputs.rows("documents", doc_id)
    if not documents:
        raise UnknownDocument(f"No document {doc_id!r} in {outputs_dir}")
    doc = documents[0]
    console.print(f"[bold]{escape(doc_id)}[/bold]  {escape(doc['source_path'])}  {doc['n_chars']} characters  status {doc['status']}")
    if doc["error"]:
        console.print(f"[yellow]{escape(doc['error'])}")
    for table, (title, columns) in _VIEWS.items():
        rows = outputs.rows(table, doc_id)
        view = Table(title=f"{title} ({len(rows)})", title_justify="left", show_lines=table == "agreements")
        for header, _ in columns:
            view.add_column(header, overflow="fold")
        for row in rows:
            view.add_row(*(Text(str(value(row) or "")) for _, value in columns))  # data, never markup
        console.print(view)
        if table == "agreements":
            _print_timelines(outputs_dir, doc_id, sorted({row["instrument_id"] for row in rows}), console)


def _print_timelines(outputs_dir: Path, doc_id: str, instrument_ids: list[str], console: Console) -> None:
    """Each instrument of the document's agreements with its events in every document."""
    for instrument_id, timeline in sorted(read_timelines(outputs_dir, instrument_ids).items()):
        title = f" \"{timeline['title']}\"" if timeline["title"] else ""
        view = Table(
            title=escape(
                f"{instrument_id}: {timeline['type']}{title} between {' and '.join(timeline['side_names']) or 'unnamed sides'}"
                + (f", valid until {timeline['valid_until']}" if timeline["valid_until"] else "")
            ),
            title_justify="left",
        )
        for header in ("date", "action", "document"):
            view.add_column(header, overflow="fold")
        for event in timeline["events"]:
            here = " (this document)" if event["doc_id"] == doc_id else ""
            view.add_row(Text(event["date_value"] or ""), Text(event["action"]), Text(event["doc_id"] + here))
        console.print(view)
