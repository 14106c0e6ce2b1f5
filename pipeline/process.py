"""The per-document function: cleaned documents in, table rows out.

`extract_rows` is what every engine calls (the local loop, a process pool,
Ray actors); it holds no state beyond the spaCy pipeline it is given.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

from spacy.language import Language

from pipeline.nlp import analyse, build_nlp, model_label
from pipeline.reading import SourceDocument
from pipeline.schemas import EXTRACTED_TABLES
from pipeline.tables import Row, doc_rows, document_row

DocumentRows = dict[str, list[Row]]


def extract_rows(nlp: Language, sources: Iterable[SourceDocument]) -> Iterator[DocumentRows]:
    """Rows of every table, `documents` included, for each source in order.

    The texts go through the model together (`analyse` batches them); each document's
    rows are made as soon as its Doc comes out, and the Doc is let go."""
    sources = list(sources)
    analysed = analyse(nlp, ((source.text, source) for source in sources if source.status == "ok"))
    model = model_label(nlp)
    for source in sources:
        doc = None
        if source.status == "ok":
            doc, analysed_source = next(analysed)  # `analyse` keeps the input order
            assert analysed_source is source
        if isinstance(doc, Exception):
            source.status, source.error, doc = "error", f"extraction failed: {type(doc).__name__}: {doc}", None
        rows = doc_rows(doc, source.doc_id) if doc is not None else {table: [] for table in EXTRACTED_TABLES}
        rows["documents"] = [document_row(source, model)]
        yield rows


@functools.cache
def cached_nlp(model: str | None) -> Language:
    """One pipeline per process (and per Ray actor): loading it is the slow part."""
    return build_nlp(model)


def extract_batch(sources: list[SourceDocument], model: str | None) -> list[DocumentRows]:
    """`extract_rows` for a worker process, which builds its pipeline once."""
    return list(extract_rows(cached_nlp(model), sources))
