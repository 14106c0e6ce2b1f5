"""The command line as a new user meets it: help, version, and one clear line with status 2 for every usage error."""

from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.writing import TableWriter

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def invoke(*arguments: str):
    return CliRunner().invoke(app, list(arguments), env={"COLUMNS": "200"})


def refused(result, *phrases: str) -> None:
    """Exit status 2, no traceback, one short message naming the problem."""
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)
    assert len(result.output.strip().splitlines()) <= 4, result.output
    for phrase in phrases:
        assert phrase in result.output, result.output


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> Path:
    """A run's tables without running the model: three documents, two agreements, three counts."""
    out = tmp_path_factory.mktemp("outputs")
    documents = [
        {"doc_id": doc_id, "source_path": f"corpus/{doc_id}.txt", "sha256": "0" * 64, "status": "ok", "error": None,
         "n_chars": 10, "language": "en", "text": "x" * 10, "pipeline_version": "0", "model": "m", "format": "txt"}
        for doc_id in ("004_b39f9eb0567df92f", "dev/jst_anr", "dev/jst_dfg")
    ]
    agreements = [
        {"doc_id": "dev/jst_anr", "agreement_id": "dev/jst_anr#a1", "type": "mou", "action": "signed", "title": None,
         "parties": ["JST", "ANR [France]"], "date_value": "2019-05-08", "date_text": "8 May 2019", "place": None,
         "valid_until": None, "evidence": "JST and ANR signed.", "start_char": 0, "end_char": 10},
        {"doc_id": "dev/jst_dfg", "agreement_id": "dev/jst_dfg#a1", "type": "agreement", "action": "renewed", "title": None,
         "parties": ["JST", "DFG"], "date_value": "2021", "date_text": "2021", "place": None,
         "valid_until": None, "evidence": "renewed", "start_char": 0, "end_char": 7},
    ]
    counts = [
        {"doc_id": "dev/jst_anr", "start_char": 0, "end_char": 2, "text": "40", "value": 40.0, "qualifier": "exact", "unit": "project", "kind": "count"},
        {"doc_id": "dev/jst_anr", "start_char": 3, "end_char": 5, "text": "up to 10", "value": 10.0, "qualifier": "up_to", "unit": "project", "kind": "count"},
        {"doc_id": "dev/jst_dfg", "start_char": 0, "end_char": 2, "text": "12", "value": 12.0, "qualifier": "exact", "unit": "project", "kind": "count"},
    ]
    with TableWriter(out) as writer:
        for name, rows in {"agreements": agreements, "counts": counts, "documents": documents}.items():
            writer.add(name, rows)
        writer.publish()
    return out


def test_version_and_short_help():
    result = invoke("--version")
    assert result.exit_code == 0 and result.output.startswith("pipeline ")
    result = invoke("-h")
    assert result.exit_code == 0 and "run" in result.output and "Examples:" in result.output


@pytest.mark.parametrize("command", ["run", "report", "show", "instruments", "eval", "query", "agreement"])
def test_each_commands_help_shows_usage_defaults_and_an_example_without_type_labels(command):
    result = invoke(command, "-h")
    assert result.exit_code == 0, result.output
    assert "Examples:" in result.output and f"pipeline {command}" in result.output
    assert "{" not in result.output.splitlines()[0] and "<list" not in result.output and "<path>" not in result.output


def test_run_help_lists_the_engines_and_keeps_brackets():
    result = invoke("run", "-h")
    assert "Usage: pipeline run [OPTIONS] PATH..." in " ".join(result.output.split()) or "[OPTIONS] PATH..." in result.output
    assert "local|ray" in result.output and "[default: local]" in result.output and "[default: outputs]" in result.output


def test_a_missing_input_is_refused(tmp_path):
    refused(invoke("run", str(tmp_path / "nothere"), "--out", str(tmp_path / "out")), "No such file or folder", "nothere")


def test_out_being_a_file_is_refused(tmp_path):
    (tmp_path / "out.txt").write_text("x")
    refused(invoke("run", str(CORPUS), "--out", str(tmp_path / "out.txt")), "is a file", "out.txt")


def test_out_under_a_file_is_refused(tmp_path):
    (tmp_path / "out.txt").write_text("x")
    refused(invoke("run", str(CORPUS), "--out", str(tmp_path / "out.txt" / "sub")), "is a file")


def test_an_unwritable_out_is_refused(tmp_path):
    # /proc takes no new folders, even for root (the tests may run as root, where permissions do not bind).
    refused(invoke("run", str(CORPUS), "--out", "/proc/pipeline-outputs"), "cannot be written")


def test_an_unknown_model_is_refused_with_the_installed_ones(tmp_path):
    import spacy

    result = invoke("run", str(CORPUS), "--out", str(tmp_path / "out"), "--model", "en_core_web_xx")
    refused(result, "en_core_web_xx", "installed:")
    for name in spacy.util.get_installed_models():
        assert name in result.output


def test_an_unknown_engine_is_refused(tmp_path):
    result = invoke("run", str(CORPUS), "--out", str(tmp_path / "out"), "--engine", "spark")
    assert result.exit_code == 2 and "spark" in result.output and "local" in result.output and "ray" in result.output


def test_a_bad_gold_folder_is_refused(outputs, tmp_path):
    refused(invoke("eval", "--gold", str(tmp_path / "nogold"), "--outputs", str(outputs)), "No such gold annotations folder")
    (tmp_path / "empty").mkdir()
    refused(invoke("eval", "--gold", str(tmp_path / "empty"), "--outputs", str(outputs)), "No gold files")
    (tmp_path / "gold.yaml").write_text("doc_id: x\n")
    refused(invoke("report", "--gold", str(tmp_path / "gold.yaml"), "--outputs", str(outputs)), "is a file")


def test_a_malformed_gold_file_is_one_line(outputs, tmp_path):
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "dev").mkdir()
    (tmp_path / "gold" / "dev" / "jst_anr.yaml").write_text("doc_id: [unclosed\n")
    result = invoke("eval", "--gold", str(tmp_path / "gold"), "--outputs", str(outputs))
    assert result.exit_code == 2 and "Traceback" not in result.output, result.output


def test_agreement_names_a_gold_file_in_the_wrong_place(tmp_path):
    """An annotator's files put straight in a folder, not under their subset's name, is a user's slip."""
    for annotator in ("a", "b"):
        (tmp_path / annotator).mkdir()
        (tmp_path / annotator / "jst_anr.yaml").write_text("doc_id: dev/jst_anr\nparties: []\n")
    refused(invoke("agreement", str(tmp_path / "a"), str(tmp_path / "b"), "--corpus", str(CORPUS)), "jst_anr.yaml", "does not match")


def test_missing_outputs_are_refused(tmp_path):
    for command in (["eval", "--gold", str(tmp_path)], ["report"], ["show", "x"], ["query", "SELECT 1"]):
        refused(invoke(*command, "--outputs", str(tmp_path / "none")), "make run")


def test_show_takes_a_unique_prefix_and_lists_the_matches_of_an_ambiguous_one(outputs):
    result = invoke("show", "004", "--outputs", str(outputs))
    assert result.exit_code == 0 and "004_b39f9eb0567df92f" in result.output
    refused(invoke("show", "dev/jst", "--outputs", str(outputs)), "dev/jst_anr", "dev/jst_dfg")


def test_show_lists_close_doc_ids_for_an_unknown_one(outputs):
    refused(invoke("show", "jst_anr", "--outputs", str(outputs)), "No document 'jst_anr'", "dev/jst_anr")
    refused(invoke("show", "104", "--outputs", str(outputs)), "004_b39f9eb0567df92f")


def test_show_prints_brackets_in_the_text_as_they_are(outputs):
    result = invoke("show", "dev/jst_anr", "--outputs", str(outputs))
    assert "ANR [France]" in result.output


def test_query_prints_a_table_over_views_named_after_the_tables(outputs):
    result = invoke("query", "SELECT qualifier, sum(value) AS total FROM counts GROUP BY qualifier ORDER BY qualifier", "--outputs", str(outputs))
    assert result.exit_code == 0, result.output
    cells = [line.replace("│", " ").split() for line in result.output.splitlines() if "exact" in line or "up_to" in line]
    assert cells == [["exact", "52"], ["up_to", "10"]]


def test_query_writes_csv_and_parquet(outputs, tmp_path):
    sql = "SELECT doc_id, unnest(parties) AS party FROM agreements"
    result = invoke("query", sql, "--outputs", str(outputs), "--to", str(tmp_path / "parties.csv"))
    assert result.exit_code == 0 and "4 rows" in result.output
    assert (tmp_path / "parties.csv").read_text().splitlines()[0] == "doc_id,party"
    invoke("query", sql, "--outputs", str(outputs), "--to", str(tmp_path / "parties.parquet"))
    assert pq.read_table(tmp_path / "parties.parquet").num_rows == 4


def test_query_errors_are_one_line(outputs, tmp_path):
    refused(invoke("query", "SELEC 1", "--outputs", str(outputs)), "syntax error", "agreements")
    refused(invoke("query", "SELECT 1", "--outputs", str(outputs), "--to", str(tmp_path / "x.xlsx")), ".csv or .parquet")


def test_the_ray_engine_without_ray_is_refused(tmp_path, monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *rest: None if name == "ray" else real(name, *rest))
    refused(invoke("run", str(CORPUS), "--out", str(tmp_path / "out"), "--engine", "ray"), "needs Ray")
