"""Corpus-level identity: one row per distinct body and per distinct instrument.

Data flow: the per-document tables of a run (parties, agreements) -> the
corpus tables (organisations, instruments) plus `parties.org_id` and
`agreements.instrument_id` -> the views (graph, show, report, queries).

    write_corpus_tables(folder) -> {table: rows}
        Reads folder/parties.parquet and folder/agreements.parquet, writes
        folder/organisations.parquet and folder/instruments.parquet, and
        rewrites the two it read with their id columns filled. The writer
        calls it on its staging folder, so the corpus tables are published
        with the others, and every run (incremental or full) recomputes them
        from the rows alone: the cost follows the size of these two tables,
        and no document is analysed again.

Modules: names (when two spellings are one name), organisations,
instruments, periods (the days a date value covers).
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.corpus.instruments import link_instruments
from pipeline.corpus.organisations import configured_gazetteer, resolve_organisations
from pipeline.schemas import CORPUS_TABLES


def write_corpus_tables(folder: Path) -> dict[str, int]:
    folder = Path(folder)
    parties = pq.read_table(folder / "parties.parquet")
    agreements = pq.read_table(folder / "agreements.parquet")
    party_rows = parties.to_pylist()
    agreement_rows = agreements.to_pylist()
    organisations = resolve_organisations(party_rows, configured_gazetteer())
    instruments = link_instruments(agreement_rows, party_rows, organisations)
    org_ids = [organisations.org_of[(row["doc_id"], row["party_id"])] for row in party_rows]
    instrument_ids = [instruments.instrument_of[row["agreement_id"]] for row in agreement_rows]
    _with_column(parties, "org_id", org_ids, folder / "parties.parquet")
    _with_column(agreements, "instrument_id", instrument_ids, folder / "agreements.parquet")
    rows = {"organisations": organisations.rows, "instruments": instruments.rows}
    for name, schema in CORPUS_TABLES.items():
        pq.write_table(pa.Table.from_pylist(rows[name], schema=schema), folder / f"{name}.parquet")
    return {name: len(table_rows) for name, table_rows in rows.items()}


def _with_column(table: pa.Table, column: str, values: list[str], path: Path) -> None:
    index = table.schema.get_field_index(column)
    pq.write_table(table.set_column(index, table.schema.field(column), pa.array(values, pa.string())), path)
