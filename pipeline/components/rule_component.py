"""The spaCy side of the project's rule components, written once.

A rule component's word lists, patterns and gazetteers are data files named in its
config (relative to pipeline/data/ unless absolute). `initialize` reads them (`nlp.initialize()`
calls it; so does a first call of the component, so `nlp.add_pipe(NAME)` on a trained
pipeline is enough); `to_disk`/`to_bytes` write the files as read, and `from_disk`/
`from_bytes` read them back, so a saved pipeline carries its own copy and loads on any
machine with the package installed. The extractor doing the work is built from the
parsed files by the factory's `build` function.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import srsly
from spacy.pipeline import Pipe
from spacy.tokens import Doc
from spacy.util import ensure_path

from pipeline.data_files import data_path, parse_yaml

Sources = dict[str, list[tuple[str, str]]]          # key -> [(file name, text)]
Build = Callable[[dict[str, list[Any]]], Callable[[Doc], Doc]]

FILE_INDEX = "files.json"


def parse(file_name: str, text: str) -> Any:
    """A data file's content: YAML, or JSON Lines (a list of records)."""
    if file_name.endswith(".jsonl"):
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    return parse_yaml(text)


class RuleComponent(Pipe):
    def __init__(self, name: str, files: dict[str, list[str]], build: Build):
        self.name = name
        self.files = files
        self.build = build
        self.sources: Sources | None = None
        self.extractor: Callable[[Doc], Doc] | None = None

    def __call__(self, doc: Doc) -> Doc:
        if self.extractor is None:
            self.initialize()
        return self.extractor(doc)

    def initialize(self, get_examples: Callable[[], Iterable] | None = None, *, nlp=None) -> None:
        """Read the data files named in the config."""
        sources = {}
        for key, names in self.files.items():
            paths = [data_path(name) for name in names]
            sources[key] = [(path.name, path.read_text(encoding="utf-8")) for path in paths]
        self._load(sources)

    def _load(self, sources: Sources) -> None:
        self.sources = sources
        self.extractor = self.build({key: [parse(name, text) for name, text in files] for key, files in sources.items()})

    def _loaded_sources(self) -> Sources:
        if self.sources is None:
            self.initialize()
        return self.sources

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        index = {}
        for key, files in self._loaded_sources().items():
            # numbered, since two keys may name files of the same name
            index[key] = [f"{key}.{n}.{name}" for n, (name, _) in enumerate(files)]
            for stored, (_, text) in zip(index[key], files):
                (path / stored).write_text(text, encoding="utf-8")
        srsly.write_json(path / FILE_INDEX, index)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> RuleComponent:
        path = ensure_path(path)
        index = srsly.read_json(path / FILE_INDEX)
        self._load({key: [(name, (path / name).read_text(encoding="utf-8")) for name in names] for key, names in index.items()})
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return srsly.msgpack_dumps(self._loaded_sources())

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> RuleComponent:
        self._load({key: [tuple(file) for file in files] for key, files in srsly.msgpack_loads(data).items()})
        return self
