"""Which files a run reads, and the doc_id each one gets.

Every regular file, link or special file below the folders given is an
input and gets a `documents` row (special files get an error row when read).
A folder that cannot be listed (permissions, a path longer than the OS
allows) is an input too, so that its failure has a row. Left out, and
counted so that the run can say so: hidden names, gold annotation files,
folders reached a second time through a link (a link loop), and this
pipeline's own outputs (pipeline.own_outputs).
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.own_outputs import SKIPPED_OWN_OUTPUTS, is_output_folder, is_own_parquet

# Gold annotations kept beside the documents they annotate: not documents themselves.
ANNOTATION_SUFFIXES = (".yaml", ".yml")

SKIPPED_HIDDEN = "hidden (name starts with '.')"
SKIPPED_GOLD = "gold annotation files (.yaml, .yml)"
SKIPPED_LOOP = "folders reached again through a link"


@dataclass
class Inputs:
    files: list[tuple[Path, str]]  # (path, doc_id), sorted by doc_id
    skipped: Counter = field(default_factory=Counter)  # reason -> number of names left out


def discover(paths: Iterable[Path], exclude: Iterable[Path] = ()) -> list[tuple[Path, str]]:
    """Every input under the given files and folders with its doc_id, sorted by doc_id."""
    return find_inputs(paths, exclude).files


def find_inputs(paths: Iterable[Path], exclude: Iterable[Path] = ()) -> Inputs:
    """The inputs under the given files and folders, and what was left out.

    A doc_id is the path relative to the folder given, without extension;
    where two files would share one, both keep their extension, and where
    they still clash (same names under two folders given), the folder's name
    goes in front. A file reached twice is listed once. File names that are
    not UTF-8 are shown with U+FFFD; where that makes two ids equal, a digest
    of the real name tells them apart. Folders in `exclude` (a run's --out)
    are left out like any output folder of this pipeline.
    """
    excluded = frozenset(Path(folder).absolute() for folder in exclude)
    found: list[tuple[Path, str, str]] = []  # path, root name, relative path (displayable)
    seen: set[Path] = set()
    skipped: Counter = Counter()
    for given in map(Path, paths):
        if given.is_dir() and is_output_folder(given, excluded):
            skipped[SKIPPED_OWN_OUTPUTS] += 1
            listed = []
        elif given.is_dir():
            listed = _walk(given, skipped, excluded)
        else:
            listed = [(given, Path(given.name))]
        for path, relative in listed:
            if path.absolute() not in seen:
                seen.add(path.absolute())
                found.append((path, displayable(given.absolute().name), displayable(relative.as_posix())))
    namings = (
        lambda root, rel: _without_suffix(rel),
        lambda root, rel: rel,
        lambda root, rel: f"{root}/{rel}",
    )
    ids: dict[Path, str] = {}
    for naming in namings:
        pending = [(path, naming(root, rel)) for path, root, rel in found if path not in ids]
        shared = Counter(name for _, name in pending)
        ids.update((path, name) for path, name in pending if shared[name] == 1)
    for path, root, rel in found:
        if path not in ids:
            ids[path] = f"{root}/{rel}~{hashlib.sha256(os.fsencode(path.absolute())).hexdigest()[:8]}"
    return Inputs(sorted(((path, ids[path]) for path, _, _ in found), key=lambda pair: pair[1]), skipped)


def _walk(top: Path, skipped: Counter, excluded: frozenset[Path]) -> list[tuple[Path, Path]]:
    """(path, path relative to top) of every input below `top`."""
    listed: list[tuple[Path, Path]] = []
    visited: set[tuple[int, int]] = set()

    def unlistable(error: OSError) -> None:
        folder = Path(error.filename)
        listed.append((folder, folder.relative_to(top) if folder != top else Path(top.name)))

    for folder, folders, files in os.walk(top, onerror=unlistable, followlinks=True):
        try:
            identity = os.stat(folder)
            key = (identity.st_dev, identity.st_ino)
        except OSError as error:
            unlistable(error)
            folders[:] = []
            continue
        if key in visited:
            skipped[SKIPPED_LOOP] += 1
            folders[:] = []
            continue
        visited.add(key)
        skipped[SKIPPED_HIDDEN] += sum(name.startswith(".") for name in folders + files)
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in [name for name in folders if is_output_folder(Path(folder, name), excluded)]:
            skipped[SKIPPED_OWN_OUTPUTS] += 1
            folders.remove(name)
        for name in sorted(files):
            if name.startswith("."):
                continue
            if is_own_parquet(name):
                skipped[SKIPPED_OWN_OUTPUTS] += 1
                continue
            if Path(name).suffix.lower() in ANNOTATION_SUFFIXES:
                skipped[SKIPPED_GOLD] += 1
                continue
            path = Path(folder, name)
            listed.append((path, path.relative_to(top)))
    return listed


def displayable(name: str) -> str:
    """`name` as valid Unicode: bytes of a non-UTF-8 file name become U+FFFD."""
    return os.fsencode(name).decode("utf-8", errors="replace")


def _without_suffix(relative: str) -> str:
    folder, _, name = relative.rpartition("/")
    stem = name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name
    return f"{folder}/{stem}" if folder else stem
