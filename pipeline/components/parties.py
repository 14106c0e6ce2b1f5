"""CONTRACT STUB - to be implemented: party (organisation) extraction."""

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span


@dataclass
class Party:
    party_id: str               # stable within the document, e.g. "p1"
    name: str                   # the long form
    acronym: str | None
    aliases: list[str]          # every other surface form used in the text
    kind: str                   # government, agency, research, university, company, international, committee, other
    country: str | None
    mentions: list[Span] = field(default_factory=list)


Doc.set_extension("parties", default=None, force=True)      # list[Party]
Span.set_extension("party_id", default=None, force=True)    # on doc.spans["parties"]


@Language.factory("st_parties")
def make_parties(nlp: Language, name: str):
    return _stub


def _stub(doc: Doc) -> Doc:
    doc._.parties = []
    doc.spans["parties"] = []
    return doc
