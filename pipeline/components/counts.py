"""CONTRACT STUB - to be implemented: numbers that quantify something."""

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span


@dataclass(frozen=True)
class CountValue:
    value: float
    qualifier: str              # exact, approx, more_than, at_least, less_than, up_to
    unit: str                   # counted noun, singular lower case; currency code; percent; day/month/year
    kind: str                   # count, money, percent, measure, duration


Span.set_extension("count", default=None, force=True)       # on doc.spans["counts"]


@Language.factory("st_counts")
def make_counts(nlp: Language, name: str):
    return _stub


def _stub(doc: Doc) -> Doc:
    doc.spans["counts"] = []
    return doc
