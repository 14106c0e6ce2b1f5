"""The extraction version recorded in `documents.pipeline_version`.

It is the package version plus a digest of everything that decides the rows:
the source of every package module the per-document function
(`pipeline.process`) imports, directly or not, found by reading their import
statements; every file below pipeline/data/; the config; and data files the
config names elsewhere (a user's gazetteer). The lists are walked, never
written by hand, so a new or renamed module or data file is in the digest by
construction: nothing is hashed under a name that has no file.
"""

from __future__ import annotations

import ast
import functools
import hashlib
from collections.abc import Iterator
from pathlib import Path

from pipeline import __version__
from pipeline.data_files import DATA_DIR, data_path
from pipeline.nlp import CONFIG_PATH, load_config

PACKAGE_DIR = Path(__file__).parent
PACKAGE = PACKAGE_DIR.name
ROW_MAKING_ENTRY = "pipeline.process"


def module_file(module: str) -> Path | None:
    """The source file of a module of this package, or None when `module` is not one."""
    parts = module.split(".")
    if parts[0] != PACKAGE:
        return None
    base = PACKAGE_DIR.joinpath(*parts[1:])
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _import_statements(statements: list[ast.AST]) -> Iterator[ast.Import | ast.ImportFrom]:
    """Import statements at any depth (in functions too); expressions are not entered, which keeps this quick."""
    for statement in statements:
        if isinstance(statement, (ast.Import, ast.ImportFrom)):
            yield statement
        for name in ("body", "orelse", "finalbody", "handlers", "cases"):
            yield from _import_statements(getattr(statement, name, []))


def _imported(path: Path) -> set[str]:
    """Every module name an import statement of `path` may load (function-level imports too)."""
    here = _module_name(path).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    names: set[str] = set()
    for node in _import_statements(ast.parse(path.read_text(encoding="utf-8"), str(path)).body):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        else:
            base = ".".join(package[: len(package) - node.level + 1]) if node.level else ""
            source = ".".join(filter(None, (base, node.module)))
            # `from pipeline.x import y`: y is a module or a name in pipeline.x; try both.
            names |= {source} | {f"{source}.{alias.name}" for alias in node.names}
    # Importing a.b.c runs a/__init__.py and a/b/__init__.py first.
    return {".".join(name.split(".")[:end]) for name in names for end in range(1, name.count(".") + 2)}


def row_making_modules(entry: str = ROW_MAKING_ENTRY) -> list[Path]:
    """Source files of the package modules `entry` imports, directly or not, itself included."""
    seen: dict[str, Path] = {}
    todo = [entry]
    while todo:
        name = todo.pop()
        path = module_file(name)
        if name in seen or path is None:
            continue
        seen[name] = path
        todo += sorted(_imported(path))
    return sorted(set(seen.values()))


def _files_outside_data_dir(config) -> list[Path]:
    """Data files a component setting names outside pipeline/data/ (a user's gazetteer)."""
    found = []
    for settings in config["components"].values():
        for value in settings.values():
            for name in value if isinstance(value, list) else [value]:
                if isinstance(name, str) and data_path(name).is_file() and not data_path(name).is_relative_to(DATA_DIR):
                    found.append(data_path(name))
    return sorted(found)


@functools.cache
def extraction_version(config_path: Path = CONFIG_PATH) -> str:
    """`pipeline_version` of the rows: editing a component, a lexicon, the config or
    the gazetteer (a user's one too) makes incremental runs reprocess everything."""
    data_files = sorted(path for path in DATA_DIR.rglob("*") if path.is_file())
    files = [*row_making_modules(), config_path, *data_files, *_files_outside_data_dir(load_config(config_path))]
    digest = hashlib.sha256()
    for path in files:
        name = path.relative_to(PACKAGE_DIR) if path.is_relative_to(PACKAGE_DIR) else path
        digest.update(str(name).encode() + b"\0" + path.read_bytes() + b"\0")
    return f"{__version__}+{digest.hexdigest()[:10]}"
