"""The Ray engine runs the same per-document code and writes the same tables."""

import pyarrow.parquet as pq
import pytest

from pipeline.runner import run
from pipeline.schemas import TABLES
from pipeline.writing import table_path

ray = pytest.importorskip("ray", reason="the [ray] extra is part of the dev set-up (make setup)")


def test_ray_on_a_local_instance_gives_the_tables_of_the_local_engine(seed_corpus, tmp_path):
    from pipeline.engines.ray_engine import run_on_ray

    summary = run_on_ray([seed_corpus], tmp_path / "ray", actors=2)
    run([seed_corpus], tmp_path / "local", incremental=False)
    assert summary.n_documents == 5
    for name in TABLES:
        on_ray = pq.read_table(table_path(tmp_path / "ray", name))
        local = pq.read_table(table_path(tmp_path / "local", name))
        assert on_ray.num_rows > 0 and on_ray.equals(local), name
