"""The command line: `pipeline run`, `pipeline eval`, `pipeline report`, `pipeline show`, `pipeline instruments`."""

from __future__ import annotations

import datetime
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)
console = Console(stderr=True)


@app.callback()
def _commands() -> None:
    """Extraction of S&T cooperation agreements, parties, dates and counts."""


@app.command()
def run(
    paths: list[Path] = typer.Argument(..., help="Files and folders to read (folders recursively)."),
    out: Path = typer.Option(Path("outputs"), "--out", help="Folder for the Parquet tables."),
    model: str = typer.Option(None, "--model", help="Installed spaCy pipeline (default: en_core_web_sm, else its PyPI mirror)."),
    workers: int = typer.Option(1, "--workers", min=1, help="Processes running the pipeline."),
    engine: str = typer.Option("local", "--engine", help="local, or ray (needs the [ray] extra; always a full run)."),
    address: str = typer.Option(None, "--address", help="Ray cluster address (with --engine ray); default a local instance."),
    full: bool = typer.Option(False, "--full", help="Reprocess every document, ignoring the previous outputs."),
    strict: bool = typer.Option(False, "--strict", help="Exit non-zero when any document failed."),
    max_file_mb: float = typer.Option(50, "--max-file-mb", min=0, help="Larger input files get an error row and are not read."),
) -> None:
    """Extract every table from PATHS into OUT."""
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        console.print(f"[red]No such file or folder: {escape(', '.join(missing))}")
        raise typer.Exit(2)
    if engine not in ("local", "ray"):
        console.print(f"[red]Unknown engine {escape(repr(engine))}: use local or ray")
        raise typer.Exit(2)
    from pipeline.run_failures import explain, stopping_cleanly_on_termination

    try:
        with stopping_cleanly_on_termination():
            summary = _extract(paths, out, model, workers, engine, address, full, int(max_file_mb * 1024 * 1024))
    except BaseException as failure:  # noqa: BLE001 - runtime failures end in one line; anything else is a bug
        explained = explain(failure, out)
        if explained is None:
            raise
        message, status = explained
        console.print(f"[red]{escape(message)}", soft_wrap=True)
        raise typer.Exit(status) from None
    console.print(f"{summary.n_documents} documents: {summary.n_analysed} analysed, {summary.n_reused} unchanged since the last run")
    for table, n in summary.rows.items():
        console.print(f"  {table:<13} {n:>7} rows -> {escape(str(out / (table + '.parquet')))}")
    if summary.skipped:
        console.print("Not inputs, skipped: " + escape(", ".join(f"{n} {reason}" for reason, n in summary.skipped.items())))
    for doc_id, status, error in summary.failures:
        console.print(f"  [yellow]{status}[/yellow] {escape(doc_id)}: {escape(error)}")
    if summary.failures:
        console.print(f"{len(summary.failures)} document(s) not analysed (see the documents table, columns status and error)")
    if strict and summary.failures:
        raise typer.Exit(1)


def _extract(paths: list[Path], out: Path, model: str | None, workers: int, engine: str, address: str | None, full: bool, max_file_bytes: int):
    if engine == "ray":
        from pipeline.engines.ray_engine import run_on_ray

        console.print("Ray engine: every document is processed (incremental reuse is the local engine's)")
        return run_on_ray(paths, out, model=model, address=address)
    from pipeline.runner import run as run_local

    with Progress(TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=console) as progress:
        task = progress.add_task("run", total=None)
        return run_local(paths, out, model=model, workers=workers, incremental=not full, max_file_bytes=max_file_bytes, on_progress=lambda done, total: progress.update(task, advance=done, total=total))


@app.command()
def report(
    outputs: Path = typer.Option(Path("outputs"), "--outputs", help="Folder of a run's Parquet tables."),
    gold: Path = typer.Option(None, "--gold", help="Gold annotations folder: mark misses and false alarms."),
) -> None:
    """Write an HTML report of OUTPUTS to OUTPUTS/report/ (opens from disk)."""
    from pipeline.gold import GoldFormatError
    from pipeline.outputs import OutputsMissing
    from pipeline.report import build_report

    if gold is not None and not gold.is_dir():
        console.print(f"[red]No gold annotations folder {escape(str(gold))}")
        raise typer.Exit(2)
    try:
        index = build_report(outputs, gold)
    except (OutputsMissing, GoldFormatError) as problem:
        console.print(f"[red]{escape(str(problem))}")
        raise typer.Exit(2) from None
    console.print(f"Report written: {escape(str(index))}")


@app.command()
def show(
    doc_id: str = typer.Argument(..., help="A doc_id of the documents table."),
    outputs: Path = typer.Option(Path("outputs"), "--outputs", help="Folder of a run's Parquet tables."),
) -> None:
    """Print one document's parties, dates, counts and agreements."""
    from pipeline.outputs import OutputsMissing
    from pipeline.show import UnknownDocument, show_document

    try:
        show_document(outputs, doc_id, Console())
    except (OutputsMissing, UnknownDocument) as problem:
        console.print(f"[red]{escape(str(problem))}")
        raise typer.Exit(2) from None


@app.command()
def instruments(
    in_force_on: datetime.datetime = typer.Option(None, "--in-force-on", formats=["%Y-%m-%d"], help="Only those in force on this day (YYYY-MM-DD): signed by then, not past their validity."),
    outputs: Path = typer.Option(Path("outputs"), "--outputs", help="Folder of a run's Parquet tables."),
) -> None:
    """List the corpus's instruments (one row per agreement, however many documents name it)."""
    from rich.table import Table
    from rich.text import Text

    from pipeline.corpus.timelines import in_force_table, read_timelines
    from pipeline.outputs import OutputsMissing

    try:
        rows = in_force_table(outputs, in_force_on.date()) if in_force_on else list(read_timelines(outputs).values())
    except OutputsMissing as problem:
        console.print(f"[red]{escape(str(problem))}")
        raise typer.Exit(2) from None
    title = f"in force on {in_force_on.date()}" if in_force_on else "all"
    view = Table(title=f"Instruments, {title} ({len(rows)})", title_justify="left")
    columns = ("instrument_id", "type", "side_names", "first_signed", "latest_action", "latest_action_date", "valid_until", "n_documents")
    for column in columns:
        view.add_column(column.replace("_", " "), overflow="fold")
    for row in rows:
        view.add_row(*(Text("; ".join(row[c]) if isinstance(row[c], list) else str(row[c] if row[c] is not None else "")) for c in columns))
    Console().print(view)


@app.command("eval")
def evaluate_outputs(
    gold: Path = typer.Option(Path("annotations"), "--gold", help="Folder of gold YAML files (annotations/<doc_id>.yaml)."),
    outputs: Path = typer.Option(Path("outputs"), "--outputs", help="Folder of the run's Parquet tables."),
) -> None:
    """Score OUTPUTS against GOLD (SPEC section 4), and corpus identity against GOLD/identity.yaml; misses go to OUTPUTS/eval/."""
    from pipeline.evaluation import evaluate, format_table, write_eval
    from pipeline.evaluation.coverage import format_coverage, party_coverage
    from pipeline.gold import GoldFormatError
    from pipeline.gold.identity import IdentityFormatError
    from pipeline.outputs import OutputsMissing

    try:
        result = evaluate(gold, outputs)
    except (OutputsMissing, GoldFormatError, IdentityFormatError) as problem:
        console.print(f"[red]{escape(str(problem))}")
        raise typer.Exit(2) from None
    typer.echo(format_table(result))
    typer.echo(format_coverage(party_coverage(gold, outputs)))
    for path in write_eval(result, outputs):
        console.print(f"wrote {escape(str(path))}")


@app.command("agreement")
def annotator_agreement(
    reference: Path = typer.Argument(..., help="Gold folder taken as the truth."),
    other: Path = typer.Argument(..., help="Another annotator's gold folder for the same documents."),
    corpus: Path = typer.Option(Path("corpus"), "--corpus", help="Folder of the annotated documents."),
) -> None:
    """Inter-annotator agreement: OTHER scored against REFERENCE with the evaluation's scorer."""
    import tempfile

    from pipeline.evaluation import evaluate_annotators, format_table

    with tempfile.TemporaryDirectory() as work:
        typer.echo(format_table(evaluate_annotators(reference, other, corpus, work)))


@app.command("identity-agreement")
def identity_agreement(
    reference: Path = typer.Argument(..., help="An identity file taken as the truth (annotations/identity.yaml format)."),
    other: Path = typer.Argument(..., help="Another annotator's identity file over the same gold files."),
    gold: Path = typer.Option(Path("annotations"), "--gold", help="The gold folder both identity files refer to."),
) -> None:
    """Inter-annotator agreement on corpus identity: OTHER's groups scored pairwise against REFERENCE's."""
    from pipeline.evaluation.identity import IDENTITY_LABELS, identity_agreement as agreement
    from pipeline.gold.identity import IdentityFormatError

    try:
        scores = agreement(gold, reference, other)
    except IdentityFormatError as problem:
        console.print(f"[red]{problem}")
        raise typer.Exit(2) from None
    for metric, score in scores.items():
        tally = score.tally
        typer.echo(f"{IDENTITY_LABELS[metric]:22}  P {tally.precision:.3f}  R {tally.recall:.3f}  F1 {tally.f1:.3f}  ({tally.tp + tally.fn} pairs in the reference)")


def main() -> None:
    app()
