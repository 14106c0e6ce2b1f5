"""Publishing a run's tables as one set, one run per output folder, and clean ends (issue 13)."""

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

import pipeline.writing
from pipeline.cli import app
from pipeline.output_lock import LOCK_NAME, OutputLock
from pipeline.publication import MANIFEST, run_id_of, tables_of_another_run
from pipeline.runner import run
from pipeline.schemas import CORPUS_TABLES, TABLES
from pipeline.writing import STAGING_PREFIX, table_path

from conftest import GOOD_TEXT, REPO

PUBLISHED = [*TABLES, *CORPUS_TABLES]


class Killed(BaseException):
    """Stands for the process dying where it is raised."""


def corpus_of(folder: Path, texts: dict[str, str]) -> Path:
    folder.mkdir(exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text)
    return folder


def published(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.glob("*.parquet"))} | {MANIFEST: (out / MANIFEST).read_bytes()}


def test_every_table_carries_the_run_id_the_manifest_names(tmp_path):
    out = tmp_path / "out"
    run([corpus_of(tmp_path / "in", {"empty.txt": ""})], out)
    ids = {run_id_of(table_path(out, name)) for name in PUBLISHED}
    assert len(ids) == 1 and None not in ids
    assert tables_of_another_run(out, PUBLISHED) == []


def test_a_publish_killed_between_two_renames_is_detected_and_never_reused(tmp_path, monkeypatch):
    corpus = corpus_of(tmp_path / "in", {"a.txt": GOOD_TEXT, "b.txt": GOOD_TEXT.replace("8 May 2019", "9 June 2020")})
    out = tmp_path / "out"
    run([corpus], out)
    (corpus / "a.txt").write_text("Preface.\n\n" + GOOD_TEXT)  # every offset of a moves
    real_replace, renames = os.replace, []

    def die_after_two(source, target):
        if len(renames) == 2:
            raise Killed
        renames.append(target)
        real_replace(source, target)

    with monkeypatch.context() as patched:
        patched.setattr(pipeline.writing.os, "replace", die_after_two)
        with pytest.raises(Killed):
            run([corpus], out)
    assert [table_path(out, name) for name in tables_of_another_run(out, PUBLISHED)] == renames  # two runs: detected

    again = run([corpus], out)
    assert (again.n_analysed, again.n_reused) == (2, 0)  # the damaged set is not reused
    assert tables_of_another_run(out, PUBLISHED) == []
    texts = {row["doc_id"]: row["text"] for row in pq.read_table(table_path(out, "documents")).to_pylist()}
    for name in ("entities", "dates", "counts"):
        for row in pq.read_table(table_path(out, name)).to_pylist():
            assert texts[row["doc_id"]][row["start_char"] : row["end_char"]] == row["text"]


def test_a_second_run_into_a_locked_folder_names_the_writer_and_exits_2(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    holder = OutputLock(out)
    holder.acquire()
    try:
        result = CliRunner().invoke(app, ["run", str(corpus_of(tmp_path / "in", {"a.txt": ""})), "--out", str(out)])
    finally:
        holder.release()
    assert result.exit_code == 2
    assert f"another run (pid {os.getpid()}) is writing to {out}" in " ".join(result.output.split())
    assert not list(out.glob("*.parquet")) and not list(out.glob(f"{STAGING_PREFIX}*"))


def test_a_stale_lock_of_a_dead_process_is_taken_over(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / LOCK_NAME).write_text("999999999\n")
    run([corpus_of(tmp_path / "in", {"a.txt": ""})], out)
    assert table_path(out, "documents").exists()


def failing_run(tmp_path, monkeypatch, error: OSError):
    """The CLI over a small corpus whose Parquet writes fail with `error`, after a good run."""
    corpus = corpus_of(tmp_path / "in", {"a.txt": "", "b.txt": "x"})
    out = tmp_path / "out"
    run([corpus], out)
    before = published(out)

    def fail(*args, **kwargs):
        raise error

    monkeypatch.setattr(pq.ParquetWriter, "write_table", fail)
    result = CliRunner().invoke(app, ["run", str(corpus), "--out", str(out), "--full"])
    assert published(out) == before
    assert not list(out.glob(f"{STAGING_PREFIX}*"))
    return result


def test_a_full_disk_ends_in_one_line_and_leaves_no_staging(tmp_path, monkeypatch):
    result = failing_run(tmp_path, monkeypatch, OSError(errno.ENOSPC, "No space left on device"))
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1].startswith("No space left to write the tables")
    assert "Traceback" not in result.output


def test_a_read_only_output_folder_ends_in_one_line(tmp_path, monkeypatch):
    result = failing_run(tmp_path, monkeypatch, OSError(errno.EROFS, "Read-only file system"))
    assert result.exit_code == 2
    assert result.output.strip().splitlines()[-1].startswith("Cannot write to") and "Read-only file system" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(("signum", "to_group"), [(signal.SIGINT, True), (signal.SIGTERM, False)])
def test_an_interrupted_run_with_two_workers_ends_in_one_line(tmp_path, signum, to_group):
    corpus = corpus_of(tmp_path / "in", {f"doc{i:03}.txt": GOOD_TEXT * 3 for i in range(300)})
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    child = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(out), "--workers", "2"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )
    deadline = time.time() + 240
    while not any(out.glob(f"{STAGING_PREFIX}*/*.parquet")) and time.time() < deadline:
        time.sleep(0.1)
    # Ctrl-C reaches every process of the terminal's group; `kill` reaches one.
    (os.killpg if to_group else os.kill)(child.pid, signum)
    _, stderr = child.communicate(timeout=120)
    assert child.returncode == 128 + signum, stderr
    assert "Traceback" not in stderr
    assert stderr.strip().splitlines()[-1].startswith(("Interrupted", "Stopped by"))
    assert not list(out.glob(f"{STAGING_PREFIX}*")) and not list(out.glob("*.parquet"))
    assert (out / LOCK_NAME).read_text() == ""
