"""Checks of what a command was given, made before any work starts.

Each check raises `UsageProblem` with one sentence a person can act on; the
command line prints it and exits with status 2, never with a traceback.
"""

from __future__ import annotations

import difflib
import os
import tempfile
from pathlib import Path


class UsageProblem(Exception):
    """Something wrong with the arguments or the environment, told in one sentence."""


def existing_inputs(paths: list[Path]) -> None:
    missing = [str(path) for path in paths if not path.exists()]
    if missing:
        raise UsageProblem(f"No such file or folder: {', '.join(missing)}")


def writable_folder(folder: Path, option: str) -> None:
    """`folder` exists or can be made, and a file can be written in it."""
    if folder.exists() and not folder.is_dir():
        raise UsageProblem(f"{option} {folder} is a file: give a folder (it is created if missing)")
    blocking = next((parent for parent in folder.parents if parent.exists() and not parent.is_dir()), None)
    if blocking is not None:
        raise UsageProblem(f"{option} {folder}: {blocking} is a file, so no folder can be made there")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as problem:
        raise UsageProblem(f"{option} {folder} cannot be written: {problem.strerror or problem}") from None


def outputs_folder(folder: Path) -> None:
    """A folder holding a whole published set of a run's tables."""
    from pipeline.outputs import OutputsMissing, RunOutputs

    if not folder.is_dir():
        raise UsageProblem(f"No outputs folder {folder}: run `make run` (or `pipeline run CORPUS --out {folder}`) first")
    try:
        RunOutputs(folder)
    except OutputsMissing as problem:
        raise UsageProblem(str(problem)) from None


def gold_folder(folder: Path) -> None:
    """A folder of gold YAML files."""
    if not folder.exists():
        raise UsageProblem(f"No such gold annotations folder: {folder}")
    if not folder.is_dir():
        raise UsageProblem(f"--gold {folder} is a file: give the folder of gold YAML files (annotations/<doc_id>.yaml)")
    if not any(path.suffix in (".yaml", ".yml") for path in folder.rglob("*")):
        raise UsageProblem(f"No gold files in {folder}: it should hold <doc_id>.yaml files (see docs/gold.md)")


def ray_installed() -> None:
    """--engine ray needs the optional extra."""
    import importlib.util

    if importlib.util.find_spec("ray") is None:
        raise UsageProblem("--engine ray needs Ray, the optional extra: .venv/bin/pip install '.[ray]' (make setup includes it)")


def installed_model(name: str | None) -> None:
    """`name` is an installed spaCy pipeline (package or folder); without a name, a default one is installed."""
    import spacy

    from pipeline.nlp import DEFAULT_MODELS

    candidates = (name,) if name else DEFAULT_MODELS
    if any(spacy.util.is_package(candidate) or Path(candidate).is_dir() for candidate in candidates):
        return
    installed = installed_models()
    listing = ", ".join(installed) if installed else "none"
    if name:
        raise UsageProblem(f"Unknown spaCy pipeline {name!r}: --model takes an installed pipeline or a pipeline folder (installed: {listing})")
    raise UsageProblem(f"No spaCy pipeline installed (looked for {', '.join(DEFAULT_MODELS)}; installed: {listing}): run `make setup`")


def installed_models() -> list[str]:
    import spacy

    return sorted(spacy.util.get_installed_models())


def known_document(doc_id: str, known: list[str], outputs: Path) -> str:
    """The one doc_id that `doc_id` names: itself, or the only one it begins."""
    if doc_id in known:
        return doc_id
    starting = [candidate for candidate in known if candidate.startswith(doc_id)]
    if len(starting) == 1:
        return starting[0]
    if starting:
        shown = ", ".join(starting[:8]) + (", ..." if len(starting) > 8 else "")
        raise UsageProblem(f"{doc_id!r} begins {len(starting)} doc_ids in {outputs}: {shown}; give more of it")
    close = [candidate for candidate in known if doc_id in candidate][:5] or _similar(doc_id, known)
    hint = f"Did you mean: {', '.join(close)}?" if close else f"{len(known)} documents are known (`pipeline query \"SELECT doc_id FROM documents\"`)."
    raise UsageProblem(f"No document {doc_id!r} in {outputs}. {hint}")


def _similar(doc_id: str, known: list[str]) -> list[str]:
    """Up to five doc_ids like `doc_id`, whole or in their first len(doc_id) characters (ids are long)."""

    def likeness(candidate: str) -> float:
        return max(difflib.SequenceMatcher(None, doc_id, text).ratio() for text in (candidate, candidate[: len(doc_id)]))

    scored = sorted((-likeness(candidate), candidate) for candidate in known)
    return [candidate for score, candidate in scored[:5] if -score >= 0.6]


def query_target(path: Path) -> str:
    """The format `--to` asks for, by its extension."""
    formats = {".csv": "csv", ".parquet": "parquet"}
    if path.suffix.lower() not in formats:
        raise UsageProblem(f"--to {path}: give a file ending in .csv or .parquet")
    if path.is_dir():
        raise UsageProblem(f"--to {path} is a folder: give a file name")
    if not path.parent.exists() or not os.access(path.parent, os.W_OK):
        raise UsageProblem(f"--to {path}: its folder {path.parent} does not exist or cannot be written")
    return formats[path.suffix.lower()]
