"""CONTRACT STUB - to be implemented: agreement events."""

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span


@dataclass
class Agreement:
    type: str                   # SPEC 3.4: agreement, mou, moc, loi, implementation_arrangement, ...
    action: str                 # signed, renewed, extended, adopted, referenced
    title: str | None
    parties: list[str]          # party names (Party.name) or country names
    date_value: str | None      # DateValue.value of the action's date
    date_text: str | None
    place: str | None
    valid_until: str | None     # DateValue.value
    evidence: Span              # the sentence stating the event
    trigger: Span               # the instrument's mention


Doc.set_extension("agreements", default=None, force=True)   # list[Agreement]


@Language.factory("st_agreements")
def make_agreements(nlp: Language, name: str):
    return _stub


def _stub(doc: Doc) -> Doc:
    doc._.agreements = []
    doc.spans["agreement_triggers"] = []
    return doc
