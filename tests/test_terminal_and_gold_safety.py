"""Data never acts as terminal markup; evaluation refuses gold it cannot trust; report pages never collide (issue 13)."""

from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.report import page_name
from pipeline.runner import run

from conftest import write_gold


@pytest.fixture(scope="module")
def markup_run(tmp_path_factory) -> Path:
    """A published run of one document whose id and error look like Rich markup."""
    root = tmp_path_factory.mktemp("markup")
    (root / "in" / "[bold]x[").mkdir(parents=True)
    (root / "in" / "[bold]x[" / "]y.pdf").write_bytes(b"%PDF-1.4 broken")  # doc_id "[bold]x[/]y"
    run([root / "in"], root / "out")
    return root


def test_run_summary_prints_markup_lookalikes_as_they_are(markup_run, tmp_path):
    result = CliRunner().invoke(app, ["run", str(markup_run / "in"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "[bold]x[/]y" in result.output


def test_show_prints_markup_lookalikes_as_they_are(markup_run):
    result = CliRunner().invoke(app, ["show", "[bold]x[/]y", "--outputs", str(markup_run / "out")])
    assert result.exit_code == 0, result.output
    assert "[bold]x[/]y" in result.output and "unreadable PDF" in result.output


@pytest.mark.parametrize("gold", ["missing", "empty"])
def test_eval_refuses_a_missing_or_empty_gold_folder(markup_run, tmp_path, gold):
    folder = tmp_path / gold
    if gold == "empty":
        folder.mkdir()
    result = CliRunner().invoke(app, ["eval", "--gold", str(folder), "--outputs", str(markup_run / "out")])
    output = " ".join(result.output.split()).lower()  # Rich wraps long lines
    assert result.exit_code == 2
    assert "no such gold annotations folder" in output or "no gold files" in output
    assert not (markup_run / "out" / "eval").exists()


def test_eval_names_a_malformed_gold_file_and_its_line(markup_run, tmp_path):
    path = write_gold(tmp_path / "gold", "doc", "doc_id: doc\nparties:\n  - name: [unclosed\n    kind: agency\n")
    result = CliRunner().invoke(app, ["eval", "--gold", str(tmp_path / "gold"), "--outputs", str(markup_run / "out")])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert f"{path}, line 4:" in "".join(result.output.split("\n"))


def test_report_page_names_are_unique_and_short():
    names = {page_name(doc_id) for doc_id in ("a/b.txt", "a__b.txt", "a_b.txt", "x" * 251, "x" * 252, "café/x")}
    assert len(names) == 6
    assert all(len(name.encode()) <= 120 for name in names)
    assert page_name("jst_dfg") == "jst_dfg.html"
