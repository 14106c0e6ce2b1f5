"""Bodies of one kind named together under a plural head, each by its seat or patron alone.

"the universities of Lyon, Lille and Nantes", "five universities (Gafsa, Sfax and Kairouan)" and "the Oran, Tlemcen
and Batna universities" name one
university per item; no head word stands next to "Lille" or "Sfax", so the grammar sees none of them. Each item
becomes a mention whose name is the singular head with the item ("University of Lille"), which is also the
form the same body takes where the text names it in full.

A state's body named in lower case after the state's adjective ("the Tunisian and Algerian ministries of higher
education and scientific research") is read the same way: one mention named "Ministry of Higher Education and
Scientific Research".

Items must be short runs of capitalised words: a list holding a country ("universities of Japan and Korea"), an
acronym, a head word or a lower-case word is not a list of seats, and is left alone.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Span

from pipeline.components.acronyms import is_acronym

if TYPE_CHECKING:
    from pipeline.components.party_mentions import DocumentMentions, Mention

_MAX_ITEM_WORDS = 3
_ROMAN = re.compile(r"^(?:I{1,3}|IV|VI{0,3}|IX|X)$")


def coordinated_bodies(found: DocumentMentions) -> list[Mention]:
    doc, lexicon = found.doc, found.lexicon
    mentions: list[Mention] = []
    country_tokens: set[int] | None = None
    for token in doc:
        singular = lexicon.coordinated_heads.get(token.lower_)
        if singular is None or token.i + 2 >= len(doc):
            continue
        after = doc[token.i + 1]
        if country_tokens is None:
            country_tokens = {i for c in found.countries.values() for i in range(c.start, c.end)}
        if after.text == "(":
            items = _items(found, token.i + 2, ")", country_tokens)
        elif after.lower_ == "of":
            start = token.i + 2 + (doc[token.i + 2].lower_ == "the")
            items = _items(found, start, None, country_tokens)
        elif token.is_lower:
            items = _items_before(found, token.i, country_tokens)
        else:
            continue
        for item in items or []:
            mention = found.mention(item, strong=True)
            mention.name = f"{singular} of {' '.join(item.text.split())}"
            mention.key = found.extractor.key(mention.name)
            mentions.append(mention)
    return mentions


def _items(
    found: DocumentMentions, i: int, closing: str | None, country_tokens: set[int], closing_at: int | None = None,
) -> list[Span] | None:
    """The items of a list starting at doc[i]: at least two, the last after a conjunction unless in brackets."""
    doc, lexicon = found.doc, found.lexicon
    items: list[Span] = []
    joined = False
    while i < len(doc):
        end = i
        while end < len(doc) and (_item_word(doc[end]) or (end > i and _ROMAN.match(doc[end].text))) and end - i < _MAX_ITEM_WORDS + 1:
            end += 1                    # "Yaounde II": a numbered seat
        if end == i or end - i > _MAX_ITEM_WORDS:
            return None
        item = doc[i:end]
        if not _seat(found, item, country_tokens):
            return None
        items.append(item)
        if joined:
            break
        i = end
        if i < len(doc) and doc[i].text == ",":
            i += 1
        if i < len(doc) and doc[i].lower_ in lexicon.conjunctions:
            joined = True
            i += 1
        elif i < len(doc) and closing is not None and doc[i].text == closing:
            break
        elif i >= len(doc) or doc[i - 1].text != ",":
            break
    if len(items) < 2:
        return None
    end = items[-1].end
    if closing is not None:
        return items if end < len(doc) and doc[end].text == closing else None
    # Without brackets the list must close with a conjunction and end where the name would ("..., Lille and
    # Nantes took part"), not run into more capitalised words.
    if closing_at is not None:
        return items if joined and end == closing_at else None
    return items if joined and (end >= len(doc) or not doc[end].text[:1].isupper()) else None


def _items_before(found: DocumentMentions, head: int, country_tokens: set[int]) -> list[Span] | None:
    """"the Oran, Tlemcen and Batna universities": the list ends right before a lower-case plural head."""
    doc, lexicon = found.doc, found.lexicon
    start = head
    while start > 0 and (_item_word(doc[start - 1]) or doc[start - 1].text == "," or doc[start - 1].lower_ in lexicon.conjunctions):
        start -= 1
    while start < head and not _item_word(doc[start]):
        start += 1
    items = _items(found, start, None, country_tokens, closing_at=head) if start < head else None
    return items if items and items[-1].end == head else None


def _item_word(token) -> bool:
    return token.is_alpha and token.text[:1].isupper() and not token.is_upper


def _seat(found: DocumentMentions, item: Span, country_tokens: set[int]) -> bool:
    """An item names a seat or patron: no country, acronym, head word or word that is no name."""
    lexicon = found.lexicon
    if any(t.i in country_tokens for t in item) or found.extractor.countries.is_place(item.text):
        return False
    if any(t.i in found.blocked or t.ent_type_ == "NORP" for t in item):     # "the Flemish and Walloon universities"
        return False
    return not any(
        (is_acronym(t.text) and not (t.i > item.start and _ROMAN.match(t.text))) or t.lower_ in lexicon.head_kinds or t.lower_ in lexicon.stop_words
        or t.lower_ in lexicon.generic or t.lower_ in lexicon.field_words
        for t in item
    )


def lower_case_state_bodies(found: DocumentMentions) -> list[Mention]:
    doc, lexicon = found.doc, found.lexicon
    adjective_ends = {c.end for c in found.countries.values() if c.country and not c.is_name}
    mentions = _states_bodies(found)
    for token in doc:
        singular = lexicon.lower_case_state_heads.get(token.text)
        if singular is None or token.i not in adjective_ends:
            continue
        end = _lower_field(found, token.i + 1)
        if end is None:
            continue
        complement = [t.text if t.lower_ in lexicon.prepositions or t.lower_ in lexicon.conjunctions else t.text.capitalize()
                      for t in doc[token.i + 1 : end]]
        mention = found.mention(doc[token.i : end], strong=True)
        mention.name = " ".join([singular, *complement])
        mention.key = found.extractor.key(mention.name)
        mentions.append(mention)
    return mentions


def _lower_field(found: DocumentMentions, i: int) -> int | None:
    """The end of "of/for <lower-case fields>" at doc[i] ("of higher education and scientific research")."""
    doc, lexicon = found.doc, found.lexicon
    if i + 1 >= len(doc) or doc[i].lower_ not in ("of", "for"):
        return None
    end, j = None, i + 1
    while j < len(doc) and doc[j].is_lower and (doc[j].lower_ in lexicon.field_words or doc[j].lower_ in lexicon.conjunctions):
        j += 1
        if doc[j - 1].lower_ not in lexicon.conjunctions:
            end = j
    return end


def _states_bodies(found: DocumentMentions) -> list[Mention]:
    """"the Embassies of France and Germany": one diplomatic body per state, "Embassy of France", ..."""
    doc, lexicon, countries = found.doc, found.lexicon, found.countries
    mentions: list[Mention] = []
    for token in doc:
        singular = lexicon.state_coordinated_heads.get(token.lower_)
        if singular is None or token.i + 2 >= len(doc) or doc[token.i + 1].lower_ != "of":
            continue
        i, states, joined = token.i + 2 + (doc[token.i + 2].lower_ == "the"), [], False
        while i in countries and countries[i].is_name and countries[i].country:
            states.append(countries[i])
            i = countries[i].end
            if joined:
                break
            if i < len(doc) and doc[i].text == ",":
                i += 1
            if i < len(doc) and doc[i].lower_ in lexicon.conjunctions:
                joined, i = True, i + 1
            elif i >= len(doc) or doc[i - 1].text != ",":
                break
        if not joined or len(states) < 2:
            continue
        for state in states:
            mention = found.mention(doc[state.start : state.end], strong=True)
            mention.name = f"{singular} of {state.country}"
            mention.key = found.extractor.key(mention.name)
            mentions.append(mention)
    return mentions
