"""Evidence that an acronym the text uses once, never spelling it out, names a body: its officers, its units, a
named body beside it, or where it sits as a list item."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span

if TYPE_CHECKING:
    from pipeline.components.party_mentions import DocumentMentions


def acts_as_body(found: DocumentMentions, span: Span) -> bool:
    """An acronym used once names a body when the text names its officers ("FAI director Dr. X", "KAUST vice
    president", "the President of MSU"), its units ("KISR's Water Research Center") or sets it beside a named
    body ("KAUST and the University of Jeddah", "Mae Fah Luang University and PSU")."""
    doc, roles, (starts, ends) = found.doc, found.lexicon.officer_titles, found.named_bounds
    i = span.end + (span.end < len(doc) and doc[span.end].lower_ in ("vice", "deputy", "acting"))
    if i < len(doc) and doc[i].lower_.strip(".") in roles and (doc[i].is_lower or doc[i].is_title):
        return True
    j = span.start - 1 - (span.start >= 2 and doc[span.start - 1].lower_ == "the")
    if j >= 1 and doc[j].lower_ == "of" and doc[j - 1].lower_ in roles:
        return True
    i = span.end
    if i + 1 < len(doc) and doc[i].text in ("'s", "’s") and (doc[i + 1].is_title or doc[i + 1].lower_ in roles):
        return True
    joins = ("and", "&")
    if i + 1 < len(doc) and doc[i].lower_ in joins and (i + 1 in starts or (doc[i + 1].lower_ == "the" and i + 2 in starts)):
        return True
    # "... and Cuba's CITMA": a state's possessive may stand between the "and" and the acronym.
    start = _possessor_start(found, span.start)
    return (start >= 2 and doc[start - 1].lower_ in joins and start - 1 in ends) or _item_with_seat(found, span)


def _item_with_seat(found: DocumentMentions, span: Span) -> bool:
    """"... set up at IIT-Delhi; RCB, Faridabad, India; USJP, Sri Lanka": a list item that is an acronym and where
    it sits names a body."""
    doc, i = found.doc, span.end
    j = span.start - 1 - (span.start >= 2 and doc[span.start - 1].lower_ in ("and", "&"))    # "...; and TBRI, ..."
    opens = span.start == 0 or doc[j].text in (";", ":") or "\n" in doc[span.start - 1].whitespace_
    if not opens or i + 1 >= len(doc) or doc[i].text != ",":
        return False
    return i + 1 in found.countries or doc[i + 1].ent_type_ == "GPE"


def _possessor_start(found: DocumentMentions, i: int) -> int:
    """Where a state's possessive right before doc[i] starts ("Cuba's CITMA"), else i."""
    doc = found.doc
    if i < 2 or doc[i - 1].text not in ("'s", "’s"):
        return i
    states = {c.end: c.start for c in found.countries.values() if c.is_name}
    return states.get(i - 1, i)

