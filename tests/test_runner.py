"""Whole runs: bad input, atomic outputs, incremental re-runs, long documents."""

import os
import shutil
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


def test_a_killed_run_leaves_the_previous_outputs_untouched(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    for i in range(200):
        (corpus / f"doc{i:03}.txt").write_text(GOOD_TEXT * 5)
    out = tmp_path / "out"
    run([corpus / "doc000.txt"], out)
    before = {p.name: p.read_bytes() for p in out.glob("*.parquet")}
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    child = subprocess.Popen([sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(out), "--full"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while not any((p / "documents.parquet").exists() for p in out.glob(f"{STAGING_PREFIX}*")) and time.time() < deadline:
        time.sleep(0.05)
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert {p.name: p.read_bytes() for p in out.glob("*.parquet")} == before


def test_incremental_runs_reuse_unchanged_documents_and_equal_a_full_run(tmp_path, monkeypatch):
    corpus = tmp_path / "in"
    shutil.copytree(REPO / "corpus", corpus, ignore=shutil.ignore_patterns("dev"))
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


def test_a_multi_megabyte_document_is_analysed_in_pieces_with_exact_offsets(nlp):
    sentence = "On 8 May 2019 the JST and the DFG signed a Memorandum of Understanding covering 12 joint projects. "
    text = (sentence * 20 + "\n\n") * 1500  # about 3 MB
    [(doc, _)] = list(analyse(nlp, [(text, None)]))
    assert doc.text == text
    assert len(doc.ents) > 1000 and doc.ents[-1].end_char > len(text) - 200
    for group in ("dates", "counts", "parties"):
        for span in list(doc.spans.get(group, []))[-50:]:
            assert text[span.start_char : span.end_char] == span.text


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


def test_two_worker_processes_give_the_tables_of_one(tmp_path):
    corpus = tmp_path / "in"
    shutil.copytree(REPO / "corpus", corpus, ignore=shutil.ignore_patterns("heldout"))
    run([corpus], tmp_path / "one", incremental=False)
    run([corpus], tmp_path / "two", workers=2, incremental=False)
    assert all(tables(tmp_path / "one")[name].equals(tables(tmp_path / "two")[name]) for name in TABLES)
