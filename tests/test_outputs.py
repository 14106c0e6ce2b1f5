"""The one reader of a run's tables: whole published sets only; `show` reads without the report."""

import subprocess
import sys

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.outputs import OutputsMissing, RunOutputs, open_outputs, table_path
from pipeline.schemas import PUBLISHED_TABLES, TABLES

from conftest import REPO


def publish_empty_set(out):
    out.mkdir(parents=True, exist_ok=True)
    for name, schema in PUBLISHED_TABLES.items():
        pq.write_table(schema.empty_table(), table_path(out, name))
    return out


def test_a_whole_set_is_read_and_filtered_by_document(tmp_path):
    out = publish_empty_set(tmp_path / "out")
    rows = [{"doc_id": doc_id, "party_id": "p1", "name": "JST", "acronym": None, "kind": "agency", "country": None,
             "n_mentions": 1, "aliases": []} for doc_id in ("a", "b", "b")]
    pq.write_table(pa.Table.from_pylist(rows, schema=TABLES["parties"]), table_path(out, "parties"))
    outputs = RunOutputs(out)
    assert [row["doc_id"] for row in outputs.rows("parties", "b")] == ["b", "b"]
    assert {doc_id: len(found) for doc_id, found in outputs.rows_by_doc("parties").items()} == {"a": 1, "b": 2}
    assert outputs.rows("parties", columns=["doc_id"]) == [{"doc_id": "a"}, {"doc_id": "b"}, {"doc_id": "b"}]
    assert sum(batch.num_rows for batch in outputs.batches("parties")) == 3


@pytest.mark.parametrize("damage", ["missing table", "other schema", "not parquet"])
def test_anything_but_a_whole_published_set_is_refused(tmp_path, damage):
    out = publish_empty_set(tmp_path / "out")
    path = table_path(out, "counts")
    if damage == "missing table":
        path.unlink()
    elif damage == "other schema":
        pq.write_table(pa.table({"doc_id": pa.array([], pa.string())}), path)
    else:
        path.write_bytes(b"half a file")
    with pytest.raises(OutputsMissing, match="counts.parquet"):
        RunOutputs(out)
    assert open_outputs(out) is None  # the runner then reuses nothing
    assert open_outputs(tmp_path / "never-run") is None


def test_show_loads_neither_the_report_nor_matplotlib(tmp_path):
    out = publish_empty_set(tmp_path / "out")
    code = (
        "import sys; from rich.console import Console; from pipeline.show import UnknownDocument, show_document\n"
        f"try: show_document({str(out)!r}, 'nope', Console())\n"
        "except UnknownDocument: pass\n"
        "assert not {'matplotlib', 'pipeline.report'} & set(sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO, env={"PYTHONPATH": str(REPO)})
