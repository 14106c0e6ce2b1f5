"""Reading files: every input gives a document with a status, never an exception."""

import hashlib
import os
from pathlib import Path

import pytest

from pipeline.reading import clean_text, discover, guess_language, read_document


def read(folder: Path, name: str):
    return read_document(folder / name, Path(name).stem)


def test_plain_text_is_read_and_cleaned(messy_folder):
    doc = read(messy_folder, "good.txt")
    assert (doc.status, doc.error, doc.language, doc.format) == ("ok", None, "en", "txt")
    assert doc.text.startswith("The Japan Science") and not doc.text.endswith("\n")
    assert doc.sha256 == hashlib.sha256((messy_folder / "good.txt").read_bytes()).hexdigest()


@pytest.mark.parametrize("name", ["empty.txt", "blank.md"])
def test_empty_and_whitespace_only_files_are_empty(messy_folder, name):
    doc = read(messy_folder, name)
    assert doc.status == "empty" and doc.error and doc.text == ""


def test_binary_content_with_a_text_extension_is_an_error(messy_folder):
    doc = read(messy_folder, "binary.txt")
    assert doc.status == "error" and "binary" in doc.error


def test_latin1_and_utf16_are_decoded(messy_folder):
    assert "Université de Paris-Saclay" in read(messy_folder, "latin1.txt").text
    utf16 = read(messy_folder, "utf16.txt")
    assert utf16.status == "ok" and utf16.text.startswith("The CNRS and the University of Tokyo")


def test_pdf_text_layer_is_extracted_and_a_broken_pdf_is_an_error(messy_folder):
    good = read(messy_folder, "report.pdf")
    assert good.status == "ok" and "Memorandum of Cooperation in June 2020" in good.text
    broken = read(messy_folder, "broken.pdf")
    assert broken.status == "error" and "unreadable PDF" in broken.error


def test_html_keeps_the_text_and_drops_scripts_styles_and_navigation(messy_folder):
    doc = read(messy_folder, "page.html")
    assert doc.status == "ok" and doc.format == "html"
    assert "KAIST and the Max Planck Society signed an agreement on 3 April 2017." in doc.text
    for noise in ("var agreement", "color:red", "Home | About", "Copyright"):
        assert noise not in doc.text


def test_a_document_with_no_english_is_recorded_not_analysed(messy_folder):
    doc = read(messy_folder, "japanese.txt")
    assert doc.status == "error" and doc.language == "ja" and "English" in doc.error
    assert doc.text  # kept, so the analyst sees what it was


def test_unsupported_formats_are_skipped_with_a_reason(messy_folder):
    doc = read(messy_folder, "slides.pptx")
    assert doc.status == "error" and "unsupported file type '.pptx'" in doc.error and doc.sha256


def test_unreadable_file_is_an_error(messy_folder, monkeypatch):
    def refuse(path, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    with monkeypatch.context() as patched:  # tests may run as root, whom chmod does not stop
        patched.setattr(os, "open", refuse)
        doc = read(messy_folder, "good.txt")
    assert doc.status == "error" and "Permission denied" in doc.error


def test_a_dangling_link_is_recorded_not_dropped(tmp_path):
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    [(path, doc_id)] = discover([tmp_path])
    doc = read_document(path, doc_id)
    assert doc_id == "gone" and doc.status == "error" and "cannot read" in doc.error


def test_doc_ids_are_relative_paths_without_extension_unless_that_collides(tmp_path):
    for name in ("press/2019/jst_anr.txt", "a.txt", "a.md", ".hidden/x.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    assert [doc_id for _, doc_id in discover([tmp_path])] == ["a.md", "a.txt", "press/2019/jst_anr"]
    assert [doc_id for _, doc_id in discover([tmp_path / "a.md"])] == ["a"]


def test_duplicates_under_two_names_are_both_recorded_with_equal_hashes(messy_folder):
    one, two = read(messy_folder, "good.txt"), read(messy_folder, "copy_of_good.txt")
    assert one.doc_id != two.doc_id and one.sha256 == two.sha256


def test_cleaning_normalises_newlines_controls_and_blank_runs():
    assert clean_text("a\r\nb\x00c\u00a0d\n\n\n\n e \t\n") == "a\nbc d\n\n e"


@pytest.mark.parametrize(
    ("text", "language"),
    [("The ministry and the agency signed a memorandum in 2019.", "en"), ("日本学術振興会は覚書を締結した。", "ja"), ("中国科学院与德国马普学会签署协议", "zh"), ("12345 67", "und")],
)
def test_language_guess(text, language):
    assert guess_language(text) == language


def test_same_names_under_two_folders_get_distinct_ids_and_a_file_given_twice_is_read_once(tmp_path):
    for name in ("x/a.txt", "y/a.txt", "x/b.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    ids = [doc_id for _, doc_id in discover([tmp_path / "x", tmp_path / "y", tmp_path / "x" / "b.txt"])]
    assert ids == ["b", "x/a.txt", "y/a.txt"]


def test_a_short_fact_sheet_in_latin_script_counts_as_english():
    assert guess_language("Joint Research Projects: 212\nResearchers exchanged: 1,500") == "en"


def test_gold_files_beside_the_documents_are_not_inputs(tmp_path):
    (tmp_path / "press.txt").write_text("x")
    (tmp_path / "press.yaml").write_text("doc_id: press\n")
    assert [doc_id for _, doc_id in discover([tmp_path])] == ["press"]
