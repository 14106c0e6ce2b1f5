"""Inputs found on real shared drives (issue 13): each gets one row, none stops the run."""

import gzip
import os
from pathlib import Path

import pytest

from pipeline.reading import clean_text, decode, find_inputs, read_document
from pipeline.reading.discovery import SKIPPED_GOLD, SKIPPED_HIDDEN, SKIPPED_LOOP

from conftest import GOOD_TEXT, minimal_pdf


def read_all(folder: Path, **kwargs) -> dict:
    return {doc_id: read_document(path, doc_id, **kwargs) for path, doc_id in find_inputs([folder]).files}


def test_a_non_utf8_file_name_gets_a_representable_unique_doc_id(tmp_path):
    folder = os.fsencode(tmp_path)
    for name in (b"caf\xe9.txt", b"caf\xe8.txt", b"plain.txt"):
        Path(os.fsdecode(folder + b"/" + name)).write_text(GOOD_TEXT)
    documents = read_all(tmp_path)
    assert len(documents) == 3
    for doc_id, doc in documents.items():
        doc_id.encode("utf-8")  # no surrogates left: Parquet can store it
        doc.source_path.encode("utf-8")
        assert doc.status == "ok"
    assert sum("caf\ufffd" in doc_id for doc_id in documents) == 2


def test_one_stray_windows_1252_byte_keeps_a_utf8_file_utf8_with_a_warning():
    text, warning = decode("École Polytechnique and KAIST signed it".encode() + b" \x92quoted\x92")
    assert text == "École Polytechnique and KAIST signed it \u2019quoted\u2019"
    assert warning == "warning: 2 bytes not valid UTF-8, read as Windows-1252"
    assert decode("Université".encode("cp1252")) == ("Université", None)  # a legacy file stays legacy


def test_a_warned_document_is_ok_with_the_warning_in_error(tmp_path):
    (tmp_path / "a.txt").write_bytes("École Polytechnique signed an MoU in 2019.".encode() + b"\x85")
    doc = read_all(tmp_path)["a"]
    assert doc.status == "ok" and doc.error.startswith("warning:") and "École" in doc.text


def test_a_fifo_is_an_error_row_and_never_hangs(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    doc = read_all(tmp_path)["pipe"]
    assert doc.status == "error" and "not a regular file (a FIFO)" in doc.error


def test_a_link_to_dev_zero_is_not_read(tmp_path):
    (tmp_path / "x.txt").symlink_to("/dev/zero")
    doc = read_all(tmp_path)["x"]
    assert doc.status == "error" and "character device" in doc.error


def test_files_over_the_size_limit_are_error_rows(tmp_path):
    (tmp_path / "big.txt").write_text(GOOD_TEXT * 10)
    doc = read_all(tmp_path, max_bytes=100)["big"]
    assert doc.status == "error" and "file too large" in doc.error and "limit is 100" in doc.error


def test_files_in_a_symlinked_folder_get_rows_and_a_link_loop_is_counted(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "inside.txt").write_text(GOOD_TEXT)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "linked").symlink_to(elsewhere)
    (corpus / "loop").symlink_to(corpus)
    inputs = find_inputs([corpus])
    assert [doc_id for _, doc_id in inputs.files] == ["linked/inside"]
    assert inputs.skipped[SKIPPED_LOOP] == 1


def test_an_unreadable_folder_gets_an_error_row(tmp_path, monkeypatch):
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "secret.txt").write_text(GOOD_TEXT)
    (tmp_path / "open.txt").write_text(GOOD_TEXT)
    real_scandir, real_listdir = os.scandir, os.listdir

    def refuse_locked(path="."):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    # Tests may run as root, whom chmod does not stop: refuse the listing itself.
    monkeypatch.setattr(os, "scandir", refuse_locked)
    monkeypatch.setattr(os, "listdir", lambda path=".": list(refuse_locked(path)))
    documents = read_all(tmp_path)
    assert set(documents) == {"locked", "open"}
    assert documents["locked"].status == "error" and documents["locked"].error == "cannot list folder: Permission denied"
    monkeypatch.setattr(os, "listdir", real_listdir)


def test_hidden_names_and_gold_files_are_counted_skips(tmp_path):
    (tmp_path / ".DS_Store").write_bytes(b"\0\0")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref")
    (tmp_path / "a.txt").write_text(GOOD_TEXT)
    (tmp_path / "a.yaml").write_text("doc_id: a\n")
    inputs = find_inputs([tmp_path])
    assert [doc_id for _, doc_id in inputs.files] == ["a"]
    assert inputs.skipped == {SKIPPED_HIDDEN: 2, SKIPPED_GOLD: 1}


def deep_folder(root: Path, min_length: int) -> Path:
    """A folder whose path is longer than `min_length`, made one level at a time."""
    name = "d" * 200
    fd = os.open(root, os.O_RDONLY)
    depth = 0
    while len(str(root)) + depth * (len(name) + 1) <= min_length:
        os.mkdir(name, dir_fd=fd)
        child = os.open(name, os.O_RDONLY, dir_fd=fd)
        os.close(fd)
        fd, depth = child, depth + 1
    os.close(fd)
    return root.joinpath(*[name] * depth)


def test_a_path_deeper_than_the_os_allows_gets_an_error_row(tmp_path):
    (tmp_path / "ok.txt").write_text(GOOD_TEXT)
    deep_folder(tmp_path, os.pathconf("/", "PC_PATH_MAX"))
    documents = read_all(tmp_path)
    assert documents["ok"].status == "ok"
    [deep] = [doc for doc_id, doc in documents.items() if doc_id != "ok"]
    assert deep.status == "error" and "File name too long" in deep.error


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("report.txt", minimal_pdf("NEDO and Innovate UK signed a Memorandum of Cooperation in June 2020."), ("ok", "pdf")),
        ("notes.txt", gzip.compress(GOOD_TEXT.encode()), ("error", "gzip")),
        ("letter.txt", b"PK\x03\x04" + b"\0" * 40, ("error", "zip archive")),
        ("nul.md", b"JST\0\0\0 signed", ("error", "NUL bytes")),
        ("page.txt", b"<!DOCTYPE html><html><body><p>KAIST and <b>DLR</b> signed it.</p></body></html>", ("ok", "html")),
        ("notes.pdf", GOOD_TEXT.encode(), ("ok", "txt")),
    ],
)
def test_content_beats_the_extension(tmp_path, name, content, expected):
    (tmp_path / name).write_bytes(content)
    [doc] = read_all(tmp_path).values()
    status, marker = expected
    assert doc.status == status
    assert marker in (doc.error or doc.format)


def test_a_broken_pdf_is_an_error_row_and_no_library_warning(tmp_path, caplog):
    # Without a handler, Python prints a library's warnings on stderr, under the run's display.
    (tmp_path / "broken.txt").write_bytes(b"%PDF-1.4 cut off here")
    [doc] = read_all(tmp_path).values()
    assert doc.status == "error" and "unreadable PDF" in doc.error
    assert not [record for record in caplog.records if record.name.startswith("pypdf")]


def test_invisible_format_characters_are_removed():
    text = "Department of Science\u200d and Technology signed on 5\u200d May 2016 with the Na\u00adtional\u200b Re\u2060search\u200c Foundation\ufeff."
    assert clean_text(text) == "Department of Science and Technology signed on 5 May 2016 with the National Research Foundation."
