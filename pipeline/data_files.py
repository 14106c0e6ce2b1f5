"""The project's data folder (pipeline/data/) and how its files are found and read."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).with_name("data")
# libyaml's parser when PyYAML has it: about 5x faster, with the same safe constructor and
# resolver, so the same values (tests/test_vocabulary.py compares the two on every data file).
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def data_path(name: str | Path) -> Path:
    """A data file named in pipeline.cfg: relative to pipeline/data/ unless absolute."""
    path = Path(name).expanduser()
    return path if path.is_absolute() else DATA_DIR / path


def parse_yaml(text: str) -> Any:
    return yaml.load(text, Loader=SAFE_LOADER)  # noqa: S506  (a safe loader)


def load_yaml(name: str | Path) -> Any:
    return parse_yaml(data_path(name).read_text(encoding="utf-8"))
