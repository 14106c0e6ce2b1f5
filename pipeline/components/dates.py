"""CONTRACT STUB - to be implemented: calendar date expressions."""

import datetime as dt
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span


@dataclass(frozen=True)
class DateValue:
    value: str                  # ISO per SPEC 3.2: 2006-12-08, 2014-01, 1985, FY2009, 196X, 2012/2017
    granularity: str            # day, month, year, fiscal_year, decade, interval
    start_date: dt.date | None  # first day covered
    end_date: dt.date | None    # last day covered
    from_context: bool          # year (or whole value) taken from earlier in the document


Span.set_extension("date", default=None, force=True)        # on doc.spans["dates"]


@Language.factory("st_dates")
def make_dates(nlp: Language, name: str):
    return _stub


def _stub(doc: Doc) -> Doc:
    doc.spans["dates"] = []
    return doc
