"""The CLI over the whole corpus: every table, its schema, exact offsets."""

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.schemas import CLOSED_COLUMNS, CORPUS_TABLES, TABLES
from pipeline.writing import table_path

from conftest import CORPUS

SPAN_TABLES = ("entities", "dates", "counts", "agreements")


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    out = tmp_path_factory.mktemp("outputs")
    result = CliRunner().invoke(app, ["run", str(CORPUS), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return {name: pq.read_table(table_path(out, name)) for name in {**TABLES, **CORPUS_TABLES}}, result.output


def test_every_table_is_written_with_its_schema(outputs):
    tables, _ = outputs
    for name, schema in {**TABLES, **CORPUS_TABLES}.items():
        assert tables[name].schema.equals(schema, check_metadata=False), name


def test_every_party_and_agreement_has_its_corpus_identity(outputs):
    tables, _ = outputs
    assert set(tables["parties"].column("org_id").to_pylist()) == set(tables["organisations"].column("org_id").to_pylist())
    instrument_ids = tables["instruments"].column("instrument_id").to_pylist()
    assert len(set(instrument_ids)) == len(instrument_ids)
    assert set(tables["agreements"].column("instrument_id").to_pylist()) == set(instrument_ids)


def test_one_documents_row_per_input_file(outputs):
    tables, _ = outputs
    files = sorted(p for p in CORPUS.rglob("*") if p.is_file())
    documents = tables["documents"].to_pylist()
    assert len(documents) == len(files)
    assert {row["status"] for row in documents} == {"ok"}
    assert {row["doc_id"] for row in documents} >= {"000_c30f571899e94757", "004_b39f9eb0567df92f"}


def test_closed_columns_hold_only_spec_values(outputs):
    tables, _ = outputs
    for name, columns in CLOSED_COLUMNS.items():
        for column, allowed in columns.items():
            assert set(tables[name].column(column).to_pylist()) - {None} <= set(allowed), (name, column)


def test_every_row_gives_back_its_text_from_its_offsets(outputs):
    tables, _ = outputs
    texts = {row["doc_id"]: row["text"] for row in tables["documents"].to_pylist()}
    for name in SPAN_TABLES:
        column = "evidence" if name == "agreements" else "text"
        for row in tables[name].to_pylist():
            assert texts[row["doc_id"]][row["start_char"] : row["end_char"]] == row[column], (name, row)


def test_each_extraction_table_finds_something_in_the_corpus(outputs):
    tables, _ = outputs
    for name in ("entities", "parties", "dates", "counts", "agreements"):
        assert tables[name].num_rows > 10, name


def test_the_summary_names_every_table(outputs):
    _, output = outputs
    for name in {**TABLES, **CORPUS_TABLES}:
        assert f"{name} " in output


def test_strict_fails_a_run_with_bad_files_and_plain_run_does_not(messy_folder, tmp_path):
    plain = CliRunner().invoke(app, ["run", str(messy_folder), "--out", str(tmp_path / "a")])
    assert plain.exit_code == 0 and "binary content" in plain.output
    strict = CliRunner().invoke(app, ["run", str(messy_folder), "--out", str(tmp_path / "b"), "--strict"])
    assert strict.exit_code == 1


def test_a_missing_input_is_refused_clearly(tmp_path):
    result = CliRunner().invoke(app, ["run", str(tmp_path / "nope"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2 and "No such file or folder" in result.output


def test_eval_scores_a_folder_whose_gold_files_sit_beside_the_documents(tmp_path):
    import shutil

    folder = tmp_path / "docs"
    folder.mkdir()
    for doc_id in ("001_ca0cad080bf98db0", "004_b39f9eb0567df92f"):
        shutil.copy(CORPUS / f"{doc_id}.txt", folder)
        shutil.copy(CORPUS.parent / "annotations" / f"{doc_id}.yaml", folder)
    assert CliRunner().invoke(app, ["run", str(folder), "--out", str(tmp_path / "out")]).exit_code == 0
    result = CliRunner().invoke(app, ["eval", "--gold", str(folder), "--outputs", str(tmp_path / "out")])
    assert result.exit_code == 0 and "2 gold documents" in result.output and "without outputs" not in result.output
    errors = pq.read_table(tmp_path / "out" / "eval" / "errors.parquet")
    assert set(errors.column("doc_id").to_pylist()) <= {"001_ca0cad080bf98db0", "004_b39f9eb0567df92f"}
