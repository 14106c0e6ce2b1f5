"""The project's data folder (pipeline/data/) and how its files are found and read."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).with_name("data")


def data_path(name: str | Path) -> Path:
    """A data file named in pipeline.cfg: relative to pipeline/data/ unless absolute."""
    path = Path(name).expanduser()
    return path if path.is_absolute() else DATA_DIR / path


def load_yaml(name: str | Path) -> Any:
    return yaml.safe_load(data_path(name).read_text(encoding="utf-8"))
