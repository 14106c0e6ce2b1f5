"""A run never reads this pipeline's own outputs back as documents."""

from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.own_outputs import REPORT_MARKER, SKIPPED_OWN_OUTPUTS
from pipeline.reading import find_inputs


def _files(root, names):
    for name in names:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("x")


def test_output_folders_reports_and_own_parquet_files_are_left_out(tmp_path):
    _files(tmp_path, [
        "press/a.txt",
        "out/documents.parquet", "out/agreements.parquet", "out/report/index.html", "out/eval/errors.parquet",
        "moved_report/index.html", "moved_report/docs/a.html", f"moved_report/{REPORT_MARKER}",
        "stray/agreements.parquet", "mine/notes.md",
        "given/b.txt",
    ])
    inputs = find_inputs([tmp_path], exclude=[tmp_path / "given"])
    assert [doc_id for _, doc_id in inputs.files] == ["mine/notes", "press/a"]
    # given/, moved_report/, out/ and stray/agreements.parquet
    assert inputs.skipped[SKIPPED_OWN_OUTPUTS] == 4


def test_an_output_folder_given_as_input_is_left_out(tmp_path):
    _files(tmp_path, ["out/documents.parquet", "out/report/index.html"])
    inputs = find_inputs([tmp_path / "out"])
    assert inputs.files == [] and inputs.skipped[SKIPPED_OWN_OUTPUTS] == 1


def test_a_run_then_a_report_then_the_same_run_reads_the_same_documents(tmp_path):
    """The issue's case: `run docs --out docs/out`, `report`, the same run again."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "note.txt").write_text("The Japan Science and Technology Agency and the German Research Foundation signed a memorandum in 2019.")
    arguments = ["run", str(docs), "--out", str(docs / "out")]
    first = CliRunner().invoke(app, arguments)
    assert first.exit_code == 0, first.output
    report = CliRunner().invoke(app, ["report", "--outputs", str(docs / "out")])
    assert report.exit_code == 0, report.output
    again = CliRunner().invoke(app, arguments)
    assert again.exit_code == 0, again.output
    assert "1 documents: 0 analysed, 1 unchanged" in again.output
    assert " ".join(again.output.split()).count(f"1 {SKIPPED_OWN_OUTPUTS}") == 1
