"""Run two revisions of the pipeline over the same documents and compare their tables row for row.

    python scripts/compare_runs.py BASE [OTHER] [--corpus PATH ...]

A revision is a git commit (exported with `git archive` into a temporary folder
and run with PYTHONPATH pointing there) or `worktree` (the code of this
checkout). Both runs read the same documents and use the same installed model,
so any difference comes from the code. `documents.pipeline_version` is left out:
it hashes the code, so it differs by design. Runs of commits are cached by
commit, model and spaCy version, since such a run never changes.

Exit status 0 when every table is equal, 1 otherwise. Differing rows of
held-out documents are counted, never shown.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pyarrow.parquet as pq

REPO = Path(__file__).resolve().parents[1]
WORKTREE = "worktree"
# Columns that differ between two revisions by design, not by extraction.
IGNORED_COLUMNS = {"documents": ("pipeline_version",)}
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "st-pipeline-runs"


def resolve(revision: str) -> str:
    """The full commit of `revision`, or WORKTREE."""
    if revision == WORKTREE:
        return revision
    return git("rev-parse", "--verify", f"{revision}^{{commit}}").strip()


def git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(REPO), *args], check=True, capture_output=True, text=True).stdout


def has_commit(revision: str) -> bool:
    result = subprocess.run(
        ["git", "-C", str(REPO), "cat-file", "-e", f"{revision}^{{commit}}"], capture_output=True
    )
    return result.returncode == 0


@functools.cache
def environment_key() -> str:
    """What besides the code decides the rows: the spaCy version and the installed model's meta."""
    probe = "import spacy, pipeline.nlp as n; print(spacy.__version__, n.model_id())"
    out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True, cwd=REPO,
                         env={**os.environ, "PYTHONPATH": str(REPO)}).stdout
    return hashlib.sha256(out.encode()).hexdigest()[:12]


def corpus_key(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in sorted(f for p in paths for f in ([p] if p.is_file() else p.rglob("*")) if f.is_file()):
        digest.update(str(path).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


# The installed package announces today's factories to spaCy by entry points; an older revision
# registers its own on import and may lack the modules those entry points name.
_RUN_WITHOUT_ENTRY_POINTS = (
    "import runpy; from spacy.util import registry; "
    "registry.factories.entry_points = registry._entry_point_factories.entry_points = False; "
    "runpy.run_module('pipeline', run_name='__main__', alter_sys=True)"
)


def run(revision: str, corpus: list[Path], work: Path) -> Path:
    """The output folder of `revision` run over the files and folders `corpus`."""
    if revision == WORKTREE:
        code = REPO
        out = work / "worktree-out"
    else:
        out = CACHE / f"{revision[:12]}-{environment_key()}-{corpus_key(corpus)}"
        if (out / "agreements.parquet").exists():
            return out
        code = work / revision[:12]
        code.mkdir()
        archive = subprocess.run(["git", "-C", str(REPO), "archive", revision], check=True, capture_output=True).stdout
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(code, filter="data")
    env = {**os.environ, "PYTHONPATH": str(code)}
    result = subprocess.run(
        [sys.executable, "-c", _RUN_WITHOUT_ENTRY_POINTS, "run", *map(str, corpus), "--out", str(out), "--full"],
        cwd=code, env=env, capture_output=True, text=True,
    )
    if result.returncode != 0:
        raise RuntimeError(f"the run of {revision} failed:\n{result.stdout}\n{result.stderr}")
    return out


def table_rows(out: Path, table: str) -> list[str]:
    """The rows of one table as sorted JSON lines (order of rows is not part of the contract)."""
    path = out / f"{table}.parquet"
    if not path.exists():
        return []
    data = pq.read_table(path)
    data = data.drop_columns([c for c in IGNORED_COLUMNS.get(table, ()) if c in data.column_names])
    return sorted(json.dumps(row, sort_keys=True, default=str) for row in data.to_pylist())


def held_out_ids(out: Path) -> set[str]:
    """Documents of a held-out set (a folder named *heldout*): never looked at while changing code."""
    documents = out / "documents.parquet"
    if not documents.exists():
        return set()
    rows = pq.read_table(documents, columns=["doc_id", "source_path"]).to_pylist()
    return {row["doc_id"] for row in rows if "heldout" in row["source_path"]}


def compare(first: Path, second: Path, show: int = 5) -> dict[str, tuple[int, int]]:
    """Per table of either run: (rows only in the first run, rows only in the second); prints a few."""
    differences = {}
    hidden = held_out_ids(first) | held_out_ids(second)
    tables = sorted({path.stem for out in (first, second) for path in out.glob("*.parquet")})
    for table in tables:
        a, b = Counter(table_rows(first, table)), Counter(table_rows(second, table))
        only_a, only_b = list((a - b).elements()), list((b - a).elements())
        differences[table] = (len(only_a), len(only_b))
        status = "equal" if not (only_a or only_b) else f"{len(only_a)} rows only before, {len(only_b)} only after"
        print(f"{table:<11} {sum(a.values()):>6} rows  {status}")
        for sign, rows in (("-", only_a), ("+", only_b)):
            shown = [r for r in rows if json.loads(r).get("doc_id") not in hidden][:show]
            for row in shown:
                print(f"  {sign} {row[:400]}")
    return differences


def compare_revisions(base: str, other: str, corpus: list[Path]) -> bool:
    """Whether `base` and `other` give equal tables over `corpus` (files and folders)."""
    with tempfile.TemporaryDirectory(prefix="compare-runs-") as tmp:
        work = Path(tmp)
        # The two runs are separate processes: side by side they take the time of one on two cores.
        with ThreadPoolExecutor(max_workers=2) as pool:
            first, second = pool.map(lambda revision: run(resolve(revision), corpus, work), (base, other))
        differences = compare(first, second)
    return not any(a or b for a, b in differences.values())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", help="git revision run first")
    parser.add_argument("other", nargs="?", default=WORKTREE, help=f"git revision run second (default: {WORKTREE})")
    parser.add_argument("--corpus", type=Path, nargs="+", default=[REPO / "corpus"], help="files and folders to run over")
    args = parser.parse_args()
    return 0 if compare_revisions(args.base, args.other, [p.resolve() for p in args.corpus]) else 1


if __name__ == "__main__":
    sys.exit(main())
