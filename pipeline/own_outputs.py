"""What this pipeline writes, recognised so that a run never reads it back as documents.

A run over a folder that also holds an earlier run's outputs (`pipeline run
docs --out docs/out`, then `pipeline report`, then the same run again) would
otherwise analyse the report's HTML pages as new documents. Discovery
(pipeline.reading.discovery) leaves out:

- the run's own `--out` folder;
- any folder holding this pipeline's tables (`documents.parquet`), with
  everything under it: its report, eval and staging folders;
- any folder carrying REPORT_MARKER (a report, even moved away from its outputs);
- this pipeline's Parquet files (a table or an evaluation file) found anywhere.
"""

from __future__ import annotations

import os
from pathlib import Path

from pipeline.schemas import CORPUS_TABLES, TABLES

SKIPPED_OWN_OUTPUTS = "of this pipeline's own outputs (output and report folders, its Parquet files)"
# Written by `pipeline report` into its folder.
REPORT_MARKER = ".pipeline-report"
# pipeline.evaluate writes these beside the run's tables, in eval/.
EVAL_FILES = ("scores.parquet", "errors.parquet")
OWN_PARQUET_NAMES = frozenset([f"{name}.parquet" for name in (*TABLES, *CORPUS_TABLES)] + list(EVAL_FILES))


def is_output_folder(folder: Path, excluded: frozenset[Path] = frozenset()) -> bool:
    """A run's output folder or a report folder: nothing under it is a document."""
    # os.path.isfile, unlike Path.is_file, is False for a path the OS refuses (too long, say).
    return Path(folder).absolute() in excluded or any(os.path.isfile(Path(folder, name)) for name in ("documents.parquet", REPORT_MARKER))


def is_own_parquet(name: str) -> bool:
    return name in OWN_PARQUET_NAMES
