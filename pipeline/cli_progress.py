"""Progress a person can read, on stderr: what is happening, which document, how fast, how long still.

`RunDisplay` shows a run (pipeline.runner.RunProgress): finding files,
loading the model, then one step per document with its doc_id, the rate and
the time left. `steps(...)` wraps any loop (the report's pages, scoring) in a
bar of the same look.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from pipeline.runner import RunProgress

T = TypeVar("T")


def _bar(console: Console) -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(bar_width=30),
        MofNCompleteColumn(),
        TaskProgressColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        TextColumn("elapsed,"),
        TimeRemainingColumn(),
        TextColumn("left"),
        TextColumn("[dim]{task.fields[current]}", markup=True),
        console=console,
        transient=False,
    )


class RunDisplay(RunProgress):
    """A run's steps as a rich progress bar; use as a context manager."""

    def __init__(self, console: Console, model_name: str):
        self.progress = _bar(console)
        self.model_name = model_name
        self.task = self.progress.add_task("finding files", total=None, rate="", current="")
        self.done = 0

    def __enter__(self) -> RunDisplay:
        self.progress.start()
        return self

    def __exit__(self, *exc) -> None:
        self.progress.stop()

    def started(self, total: int) -> None:
        self.progress.update(self.task, description="reading previous outputs", total=total)

    def loading_model(self) -> None:
        self.progress.update(self.task, description=f"loading the model {self.model_name}", current="(takes a few seconds)")

    def document_done(self, doc_id: str) -> None:
        self.done += 1
        task = self.progress.tasks[0]
        rate = f"{task.speed:.1f} docs/s" if task.speed else ""
        self.progress.update(self.task, description="extracting", advance=1, rate=rate, current=_escaped(doc_id))


def steps(items: Iterable[T], total: int, description: str, console: Console, name: Callable[[T], str] = str) -> Iterator[T]:
    """`items`, with a bar advancing per item; `name(item)` shows as the current one."""
    with _bar(console) as progress:
        task = progress.add_task(description, total=total, rate="", current="")
        for item in items:
            progress.update(task, current=_escaped(name(item)[:60]))
            yield item
            speed = progress.tasks[0].speed
            progress.update(task, advance=1, rate=f"{speed:.1f}/s" if speed else "")


def _escaped(text: str) -> str:
    """Rich markup characters in a doc_id shown as they are."""
    from rich.markup import escape

    return escape(text)
