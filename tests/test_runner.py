"""Whole runs: bad input, atomic outputs, incremental re-runs, long documents."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import pipeline.process
import pipeline.runner
from pipeline.nlp import analyse, split_text
from pipeline.runner import run
from pipeline.schemas import CORPUS_TABLES, TABLES
from pipeline.writing import STAGING_PREFIX, table_path

from conftest import GOOD_TEXT, REPO


def tables(out: Path) -> dict:
    return {name: pq.read_table(table_path(out, name)) for name in {**TABLES, **CORPUS_TABLES}}


def test_a_folder_of_bad_files_gives_one_documents_row_each(messy_folder, tmp_path):
    summary = run([messy_folder], tmp_path / "out")
    documents = tables(tmp_path / "out")["documents"].to_pylist()
    status = {row["doc_id"]: row["status"] for row in documents}
    assert status == {
        "good": "ok", "copy_of_good": "ok", "latin1": "ok", "utf16": "ok", "report": "ok", "page": "ok",
        "empty": "empty", "blank": "empty",
        "binary": "error", "broken": "error", "japanese": "error", "slides": "error",
    }
    assert all(row["error"] is None or row["error"].startswith("warning:") for row in documents if row["status"] == "ok")
    assert all(row["error"] for row in documents if row["status"] != "ok")
    assert {doc_id for doc_id, _, _ in summary.failures} == {d for d, s in status.items() if s != "ok"}
    assert summary.n_analysed == 6


def test_a_failed_run_leaves_the_previous_outputs_untouched(tmp_path, monkeypatch):
    corpus = tmp_path / "in"
    corpus.mkdir()
    for i in range(40):
        (corpus / f"doc{i:02}.txt").write_text(GOOD_TEXT)
    out = tmp_path / "out"
    run([corpus], out)
    before = {p.name: p.read_bytes() for p in out.glob("*.parquet")}
    (corpus / "doc00.txt").write_text(GOOD_TEXT + "It was renewed in 2021.")
    calls = []

    def fail_on_second_batch(nlp, sources):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return original(nlp, sources)

    original = pipeline.process.extract_rows
    monkeypatch.setattr(pipeline.runner, "extract_rows", fail_on_second_batch)
    with pytest.raises(RuntimeError, match="disk full"):
        run([corpus], out, batch_size=4, incremental=False)
    assert {p.name: p.read_bytes() for p in out.glob("*.parquet")} == before
    assert not list(out.glob(f"{STAGING_PREFIX}*"))


# The child run, with a writer that flushes every row at once and stops for good
# once N documents rows are written: the kill then lands mid-write, deterministically.
PAUSED_RUN = """
import sys, time
from pathlib import Path
import pipeline.writing as writing
N, MARKER = int(sys.argv[1]), Path(sys.argv[2])
init, add = writing.TableWriter.__init__, writing.TableWriter.add
written = []

def flush_every_row(self, out_dir, **options):
    init(self, out_dir, **{**options, "rows_per_batch": 1})

def add_then_pause(self, table, rows):
    add(self, table, rows)
    written.extend(1 for _ in rows if table == "documents")
    if len(written) >= N:
        MARKER.write_text(str(self.staging))
        time.sleep(600)

writing.TableWriter.__init__, writing.TableWriter.add = flush_every_row, add_then_pause
from pipeline.cli import main
sys.argv = ["pipeline", *sys.argv[3:]]
main()
"""


def test_a_killed_run_leaves_the_previous_outputs_untouched(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    for i in range(40):
        (corpus / f"doc{i:03}.txt").write_text(GOOD_TEXT)
    out, marker = tmp_path / "out", tmp_path / "paused"
    run([corpus / "doc000.txt"], out)
    before = {p.name: p.read_bytes() for p in out.glob("*.parquet")}
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    arguments = ["20", str(marker), "run", str(corpus), "--out", str(out), "--full"]
    child = subprocess.Popen([sys.executable, "-c", PAUSED_RUN, *arguments], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.time() + 300
    while not marker.exists() and child.poll() is None and time.time() < deadline:
        time.sleep(0.05)
    assert marker.exists(), child.stderr.read().decode() if child.poll() is not None else "the run never paused"
    staging = Path(marker.read_text())
    # Mid-write: 20 documents rows are in the open staging file, which has no footer yet.
    assert staging.parent == out and (staging / "documents.parquet").stat().st_size > 1000
    child.send_signal(signal.SIGKILL)
    assert child.wait() == -signal.SIGKILL
    assert {p.name: p.read_bytes() for p in out.glob("*.parquet")} == before
    run([corpus / "doc000.txt"], out)
    assert not list(out.glob(f"{STAGING_PREFIX}*"))  # the next run clears what the killed one left


def test_incremental_runs_reuse_unchanged_documents_and_equal_a_full_run(seed_corpus, tmp_path, monkeypatch):
    corpus = seed_corpus
    out = tmp_path / "out"
    first = run([corpus], out)
    assert first.n_analysed == first.n_documents and first.n_reused == 0

    def no_model(model):
        raise AssertionError("the spaCy pipeline was loaded although nothing changed")

    with monkeypatch.context() as patched:
        patched.setattr(pipeline.runner, "cached_nlp", no_model)
        again = run([corpus], out)
    assert (again.n_analysed, again.n_reused) == (0, first.n_documents)

    (corpus / "new.txt").write_text(GOOD_TEXT)
    added = run([corpus], out)
    assert (added.n_analysed, added.n_reused) == (1, first.n_documents)
    incremental = tables(out)

    full_out = tmp_path / "full"
    run([corpus], full_out, incremental=False)
    assert all(incremental[name].equals(tables(full_out)[name]) for name in {**TABLES, **CORPUS_TABLES})

    monkeypatch.setattr(pipeline.runner, "extraction_version", lambda: "another-version")
    assert run([corpus], out).n_analysed == first.n_documents + 1


def test_long_texts_are_cut_into_pieces_that_join_back_exactly():
    text = ("Paragraph one of the report.\n\nIt goes on, and on. " * 50 + "\n") * 40
    pieces = split_text(text, 1000)
    assert "".join(pieces) == text and all(len(p) <= 1000 for p in pieces) and len(pieces) > 40
    assert split_text("short", 1000) == ["short"]
    unbroken = "x" * 2500
    assert "".join(split_text(unbroken, 1000)) == unbroken


def test_a_long_document_is_analysed_in_pieces_with_exact_offsets(nlp, monkeypatch):
    """What a multi-megabyte document goes through, in small: many pieces, one Doc, exact offsets."""
    monkeypatch.setitem(nlp.meta, "st_chunk_chars", 2000)
    sentence = "On 8 May 2019 the Japan Science and Technology Agency (JST) and the DFG signed a Memorandum of Understanding covering 12 joint projects. "
    text = (sentence * 6 + "\n\n") * 30  # about 25,000 characters: 15 pieces or more
    assert len(split_text(text, 2000)) >= 12
    [(doc, _)] = list(analyse(nlp, [(text, None)]))
    assert doc.text == text
    assert len(doc.ents) > 300 and doc.ents[-1].end_char > len(text) - 200
    for group in ("dates", "counts", "parties"):
        spans = list(doc.spans[group])
        assert len(spans) >= 180, group  # one or more a sentence, in every piece
        assert spans[-1].end_char > len(text) - len(sentence), group  # the last piece too
        assert all(text[span.start_char : span.end_char] == span.text for span in spans), group
    assert len(doc._.agreements) >= 180


def test_a_document_that_breaks_a_component_is_recorded_and_the_others_go_on(tmp_path, monkeypatch):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "fine.txt").write_text(GOOD_TEXT)
    (corpus / "poison.txt").write_text("This text trips a component. " + GOOD_TEXT)
    from pipeline.process import cached_nlp

    dates = cached_nlp(None).get_pipe("st_dates")
    original = type(dates).__call__

    def fragile(self, doc):
        if doc.text.startswith("This text trips"):
            raise ValueError("unexpected token")
        return original(self, doc)

    monkeypatch.setattr(type(dates), "__call__", fragile)
    summary = run([corpus], tmp_path / "out")
    documents = {row["doc_id"]: row for row in tables(tmp_path / "out")["documents"].to_pylist()}
    assert documents["fine"]["status"] == "ok"
    assert documents["poison"]["status"] == "error" and "extraction failed: ValueError: unexpected token" in documents["poison"]["error"]
    assert [doc_id for doc_id, _, _ in summary.failures] == ["poison"]
    assert set(tables(tmp_path / "out")["dates"].column("doc_id").to_pylist()) == {"fine"}


def test_two_worker_processes_give_the_tables_of_one(seed_corpus, tmp_path):
    corpus = seed_corpus
    run([corpus], tmp_path / "one", incremental=False)
    run([corpus], tmp_path / "two", workers=2, incremental=False)
    assert all(tables(tmp_path / "one")[name].equals(tables(tmp_path / "two")[name]) for name in TABLES)
