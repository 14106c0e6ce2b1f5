"""Mentions that name one body though their keys differ: a translation or short name in brackets right after a name,
a gloss set off by commas, a bilingual masthead, "X, known by its acronym Y" (links read by party_groups.py)."""

from __future__ import annotations

from pipeline.components.name_words import skip_spaces
from pipeline.components.party_mentions import DocumentMentions, Mention


def link_names(found: DocumentMentions, mentions: list[Mention]) -> None:
    """"Tempus Közalapítvány (Tempus Public Foundation)": a name in brackets right after a name is the same
    body in another language."""
    doc = found.doc
    by_start = {m.span.start: m for m in mentions if not m.acronym and len(m.span) > 1}
    # One word in the brackets too: a short name written as a word ("Ministerio de Ciencia ... (Minciencias)").
    words = {m.span.start: m for m in mentions if not m.acronym}
    starts = {m.span.start: m for m in mentions}
    for m in list(by_start.values()):
        opening = skip_spaces(doc, m.span.end)
        other = words.get(opening + 1) if opening < len(doc) and doc[opening].text == "(" else None
        if other is not None and other.span.end < len(doc) and doc[other.span.end].text == ")":
            found.links.append((m.key, other.key))
        # "Chilean Commission for ... (CONICYT: Comisión Nacional de ...)": the acronym before a colon is this body's.
        acronym = starts.get(opening + 1) if opening + 2 < len(doc) and doc[opening].text == "(" else None
        if acronym is not None and acronym.acronym and doc[opening + 2].text == ":":
            found.links.append((m.key, acronym.key))
        gloss = _gloss(found, m, by_start)
        if gloss is not None:
            found.links.append((m.key, gloss.key))
        other = _masthead_translation(found, m, by_start)
        if other is not None:
            found.links.append((m.key, other.key))
        other = _known_as(found, m, starts)
        if other is not None:
            found.links.append((m.key, other.key))


def _after_state(found: DocumentMentions, i: int) -> int:
    """Past "of (the) [Republic of] <state>" from i, where the state follows the name ("... of the Republic of Cuba")."""
    doc = found.doc
    if i >= len(doc) or doc[i].lower_ not in ("of", "in"):
        return i
    j = i + 1 + (i + 1 < len(doc) and doc[i + 1].lower_ == "the")
    if j not in found.countries and j + 1 < len(doc) and doc[j].lower_ in found.lexicon.state_words and doc[j + 1].lower_ == "of":
        j += 2
    state = found.countries.get(j)
    return state.end if state is not None else i


def _known_as(found: DocumentMentions, m: Mention, starts: dict[int, Mention]) -> Mention | None:
    """"the Ministry of Science ... of Cuba, known by its Spanish acronym CITMA", "..., also known as X": the
    name after is the same body."""
    doc, i = found.doc, _after_state(found, m.span.end)
    i += i < len(doc) and doc[i].text == ","
    i += i < len(doc) and doc[i].lower_ == "also"
    if i + 2 >= len(doc) or doc[i].lower_ != "known":
        return None
    if doc[i + 1].lower_ == "as":
        i += 2
    elif doc[i + 1].lower_ == "by":
        i = next((j + 1 for j in range(i + 2, min(len(doc), i + 6)) if doc[j].lower_ in ("acronym", "abbreviation", "initials")), len(doc))
    else:
        return None
    return starts.get(i + (i < len(doc) and doc[i].lower_ == "the"))


def _masthead_translation(found: DocumentMentions, m: Mention, by_start: dict[int, Mention]) -> Mention | None:
    """"International Development Research Centre | Centre de recherches pour le développement international":
    a line of two names parted by a bar, one in another language, with heads of one kind, names one body."""
    doc, i = found.doc, m.span.end
    if i + 1 >= len(doc) or doc[i].text != "|" or (m.span.start > 0 and "\n" not in doc[m.span.start - 1].text
                                                 and "\n" not in doc[m.span.start - 1].whitespace_):
        return None
    other = by_start.get(i + 1)
    if other is None or (other.span.end < len(doc) and "\n" not in doc[other.span.end - 1].whitespace_
                         and not doc[other.span.end].is_space):
        return None
    foreign = [any(t.lower_ in found.lexicon.sentence_case_prepositions for t in x.span) for x in (m, other)]
    heads = [found.names.head_of(x.span) for x in (m, other)]
    if foreign[0] == foreign[1] or None in heads:
        return None
    kinds = {found.lexicon.head_kinds.get(h.phrase) for h in heads}
    return other if len(kinds) == 1 else None


def _gloss(found: DocumentMentions, m: Mention, by_start: dict[int, Mention]) -> Mention | None:
    """"Badan Riset dan Inovasi Nasional (BRIN), the National Research and Innovation Agency of Indonesia, hosted
    ...": a name set off by commas right after a defined name, and going on with no other name, is the same body."""
    doc, i = found.doc, m.span.end
    if i >= len(doc) or doc[i].text != "(":
        return None
    close = next((j for j in range(i + 1, min(len(doc), i + 4)) if doc[j].text == ")"), None)
    if close is None or close + 2 >= len(doc) or doc[close + 1].text != ",":
        return None
    start = close + 2 + (doc[close + 2].lower_ == "the")
    other = by_start.get(start)
    if other is None or not other.strong or other.span.end + 1 >= len(doc) or doc[other.span.end].text != ",":
        return None
    after = doc[other.span.end + 1]
    # "..., the Y, and Z" or "..., the Y, the Z" is a list of bodies, not a gloss.
    if not after.is_lower or after.lower_ in found.lexicon.conjunctions or after.lower_ in found.lexicon.articles:
        return None
    return other
