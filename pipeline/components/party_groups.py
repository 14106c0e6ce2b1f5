"""Mentions merged into the groups that become parties.

Mentions are one body when their keys (SPEC 4 comparison form, one spelling,
canonical country names) are equal, when an acronym definition, a
translation or a gazetteer entry links them, or when one is the other
with its state, its seat ("... in Pretoria"), its complement ("... of the
Negev") or a leading acronym ("the MOST Department of ...") taken away.
A group of weak mentions only ("the Joint Committee") is a party only when
no committee of its kind is named otherwise.
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc

from pipeline.components.acronyms import is_acronym
from pipeline.components.party_mentions import DocumentMentions, Mention

# Where a body sits, at the end of its name: " in pretoria", " to the united nations" (SPEC 4 form).
LOCATION_TAIL = re.compile(r" (?:in|at|to|en|em) (?!.* (?:in|at|to|en|em) ).+$")


def group_mentions(found: DocumentMentions, mentions: list[Mention]) -> list[list[Mention]]:
    extractor, lexicon = found.extractor, found.lexicon
    parent: dict[str, str] = {}

    def find(key: str) -> str:
        parent.setdefault(key, key)
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def union(a: str, b: str) -> None:
        parent[find(a)] = find(b)

    keys = {m.key for m in mentions}
    ordered_keys = sorted(keys)   # prefix look-ups by bisection: a long document has thousands of keys
    stripped: dict[str, set[str]] = {}   # key without where the body sits -> keys
    for key in keys:
        stripped.setdefault(LOCATION_TAIL.sub("", key), set()).add(key)
    for a, b in found.links:
        union(a, b)
    for m in mentions:
        if m.entry is not None:
            union(m.key, f"gazetteer:{m.entry.name}")
        for variant in extractor.countries.without_country(m.key):
            if variant in keys:
                union(m.key, variant)
    # "Embassy of Finland" is the "Embassy of Finland in Pretoria" of the same text.
    for key in keys:
        shorter = LOCATION_TAIL.sub("", key)
        if shorter != key and shorter in keys:
            union(shorter, key)
    # "Ben-Gurion University" is the "Ben-Gurion University of the Negev" of the same text.
    # A name of general words only ("National Institute") is left alone; "International Affairs Division" is not.
    for key in keys:
        if " " in key and _has_a_proper_word(key, lexicon):
            longer = {find(k) for k in starting_with(ordered_keys, key + " of ")}
            if len(longer) == 1:
                union(key, longer.pop())
    # "Wageningen University" is the "Wageningen University & Research" of the same text: a name that ends on its
    # head and goes on with "and" in exactly one other name.
    for m in mentions:
        if " " in m.key and m.key.split()[0] not in lexicon.generic and _ends_on_head(found, m):
            longer = {find(k) for k in starting_with(ordered_keys, m.key + " and ")}
            if len(longer) == 1:
                union(m.key, longer.pop())
    # "IOCB Prague": a body's acronym with its city is the body; "the MOST Department of International
    # Cooperation" is the "Department of International Cooperation" of the same text.
    places = _Places(found)
    for m in mentions:
        first = m.span[0]
        if len(m.span) > 1 and is_acronym(first.text) and first.text not in lexicon.junk:
            acronym_key, rest_key = extractor.key(first.text), extractor.key(m.span[1:].text)
            if acronym_key in keys and places.all_places(m.span.start + 1, m.span.end):
                union(m.key, acronym_key)
            elif rest_key in keys and " " in rest_key:
                union(m.key, rest_key)
    # "the Hungarian embassy" is the "Embassy of Hungary (in Hanoi)" of the same text.
    for m in mentions:
        formal = formal_key(found, m)
        if formal is not None:
            roots = {find(k) for k in stripped.get(formal, set()) | ({formal} & keys)}
            if len(roots) == 1:
                union(m.key, roots.pop())
    # "PSUT" in a headline, "Princess Sumaya University for Technology" in the body, never in brackets together:
    # an acronym the text never defines joins the one name whose initials spell it.
    spelled: dict[str, set[str]] = {}
    for m in mentions:
        if not m.acronym and m.strong and len(m.span) > 1:
            for letters in _initials(m.span, lexicon):
                spelled.setdefault(letters, set()).add(m.key)
    for m in mentions:
        letters = re.sub(r"[^A-Z]", "", m.span.text.upper())
        if m.acronym and m.entry is None and m.span.text.upper() not in found.defined and len(letters) >= 3:
            roots = {find(k) for k in spelled.get(letters, ())}
            if len(roots) == 1:
                union(m.key, roots.pop())
    # A one-word short form ("Wageningen") joins the one body whose name starts with it.
    for m in mentions:
        if not m.strong and not m.acronym and " " not in m.key:
            roots = {find(k) for k in starting_with(ordered_keys, m.key + " ")}
            if len(roots) == 1:
                union(m.key, roots.pop())
    groups: dict[str, list[Mention]] = {}
    for m in mentions:
        groups.setdefault(find(m.key), []).append(m)
    return list(groups.values())


def _initials(span, lexicon) -> set[str]:
    """The letters a name's acronym may have: of its capitalised words, of all words but the small joining ones
    ("Hamdan bin Mohammed Smart University": HBMSU), of all words ("Ministry of Foreign Affairs": MOFA)."""
    words = [part for t in span if t.is_alpha or "-" in t.text for part in t.text.split("-") if part[:1].isalpha()]
    small = lexicon.prepositions | lexicon.articles | lexicon.conjunctions
    return {
        "".join(w[0] for w in chosen).upper()
        for chosen in (
            [w for w in words if w[0].isupper()],
            [w for w in words if w.lower() not in small],
            words,
        )
        if len(chosen) >= 2
    }


def starting_with(ordered: list[str], prefix: str) -> list[str]:
    """The strings of sorted `ordered` that start with `prefix`."""
    first = bisect.bisect_left(ordered, prefix)
    last = first
    while last < len(ordered) and ordered[last].startswith(prefix):
        last += 1
    return ordered[first:last]


def _has_a_proper_word(key: str, lexicon) -> bool:
    return any(word not in lexicon.generic and word not in lexicon.head_kinds for word in key.split())


def _ends_on_head(found: DocumentMentions, mention: Mention) -> bool:
    head = found.names.head_ending.get(mention.span.end)
    return head is not None and head.is_party and head.start > mention.span.start


def formal_key(found: DocumentMentions, mention: Mention) -> str | None:
    """"Hungarian embassy" -> the key of "Embassy of Hungary": a state's adjective and a diplomatic head."""
    span = mention.span
    adjective = found.countries.get(span.start)
    if adjective is None or adjective.is_name or adjective.country is None or adjective.end >= span.end:
        return None
    head = span.doc[adjective.end : span.end].text.lower()
    if head not in found.lexicon.seat_in_name:
        return None
    return found.extractor.key(f"{head} of {adjective.country}")


def only_body_of_its_kind(found: DocumentMentions, group: list[Mention], named: list[str]) -> bool:
    """"The Joint Committee", when no committee is named otherwise, is the document's name for it."""
    heads = [found.names.head_of(m.span) for m in group]
    phrases = {h.phrase for h in heads if h is not None}
    if None in heads or len(phrases) != 1:
        return False
    head = phrases.pop()
    if head not in found.lexicon.joint_heads:
        return False
    return not any(key.split()[-1:] == [head] or f" {head} " in key for key in named)


class _Places:
    """Words that name places in one Doc: countries, or words the model tags a place somewhere in the text."""

    def __init__(self, found: DocumentMentions):
        self.doc: Doc = found.doc
        self.countries = found.countries
        self.words: set[str] | None = None      # read when first needed

    def all_places(self, start: int, end: int) -> bool:
        """doc[start:end] names places."""
        doc = self.doc
        if self.words is None:
            self.words = {t.text for ent in doc.ents if ent.label_ in ("GPE", "LOC") for t in ent}
        return all(i in self.countries or doc[i].text in self.words for i in range(start, end))
