"""`pipeline query "SQL"`: DuckDB over a run's tables, each a view named after its table.

Every published table (pipeline.outputs) is one view (`agreements`,
`counts`, `organisations`, ...); the evaluation files of `pipeline eval` are
`eval_scores` and `eval_errors`. Views read the files in
place, so nothing is loaded that the query does not use.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text


class QueryFailed(Exception):
    """DuckDB refused the query (a syntax error, an unknown column...): its message, in one piece."""


def table_files(outputs_dir: Path) -> dict[str, Path]:
    """View name -> Parquet file, for a whole published run (else OutputsMissing)."""
    from pipeline.outputs import RunOutputs, table_path

    files = {name: table_path(outputs_dir, name) for name in RunOutputs(outputs_dir).schemas}
    for path in sorted((Path(outputs_dir) / "eval").glob("*.parquet")):
        files[f"eval_{path.stem}"] = path
    return files


def connect(outputs_dir: Path):
    import duckdb

    connection = duckdb.connect()
    for name, path in table_files(outputs_dir).items():
        quoted = str(path.absolute()).replace("'", "''")
        connection.execute(f'CREATE VIEW "{name}" AS SELECT * FROM read_parquet(\'{quoted}\')')
    return connection


def run_query(outputs_dir: Path, sql: str):
    """The query's result as a DuckDB relation (not yet fetched)."""
    import duckdb

    connection = connect(outputs_dir)
    try:
        return connection.sql(sql)
    except duckdb.Error as problem:
        views = ", ".join(table_files(outputs_dir)) or "none"
        raise QueryFailed(f"{' '.join(str(problem).split())} (views: {views})") from None


def print_result(relation, console: Console, limit: int) -> None:
    if relation is None:  # a statement without a result, e.g. SET
        return
    with _told():
        rows = relation.limit(limit + 1).fetchall() if limit else relation.fetchall()
    more = bool(limit) and len(rows) > limit
    table = Table(*relation.columns, show_lines=False)
    for row in rows[:limit] if limit else rows:
        table.add_row(*(Text(_cell(value)) for value in row))  # values are text, never markup
    console.print(table)
    if more:
        console.print(f"first {limit} rows shown: --limit 0 shows all, --to FILE writes them")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(_cell(item) for item in value)
    if isinstance(value, float) and value.is_integer():
        return f"{value:.0f}"
    return str(value)


def write_result(relation, path: Path, target: str) -> int:
    """Every row of the result into `path` (`target` csv or parquet); the number of rows."""
    if relation is None:
        raise QueryFailed("the statement gives no rows to write")
    with _told():
        if target == "csv":
            relation.write_csv(str(path), header=True)
        else:
            relation.write_parquet(str(path))
        return relation.aggregate("count(*)").fetchall()[0][0]


@contextlib.contextmanager
def _told():
    """DuckDB's errors while running a query (a failed cast, say) as QueryFailed."""
    import duckdb

    try:
        yield
    except duckdb.Error as problem:
        raise QueryFailed(" ".join(str(problem).split())) from None
