"""What a party is called, what kind of body it is and which state it belongs to, from its mentions."""

from __future__ import annotations

import bisect
from collections import Counter

from spacy.tokens import Span

from pipeline.components.name_words import skip_spaces, skip_words
from pipeline.components.org_lexicon import GazetteerEntry
from pipeline.components.party_groups import LOCATION_TAIL, formal_key
from pipeline.components.party_mentions import DocumentMentions, Mention
from pipeline.text import spec_form


class PartyDescription:
    def __init__(self, found: DocumentMentions, mentions: list[Mention]):
        self.found = found
        self.extractor = found.extractor
        self.lexicon = found.lexicon
        self.doc = found.doc
        self.names = found.names
        self.countries = found.countries
        self.doc_countries = found.doc_countries
        self.mention_ends = {m.span.start: m.span.end for m in mentions}
        # Countries by start token (none overlap), for lookups by bisection: a long document names thousands.
        self.country_list = list(self.countries.values())
        self.country_starts = [c.start for c in self.country_list]
        self.country_ending = {c.end: c for c in self.country_list if c.country}

    def name_mention(self, group: list[Mention], entry: GazetteerEntry | None) -> Mention:
        """The long form: a name the gazetteer knows, else the most used, else the first."""
        long_forms = [m for m in group if not m.acronym] or group
        known = {self.extractor.key(form) for form in entry.forms} if entry is not None else set()
        uses = Counter(m.key for m in long_forms)
        # A name with where the body sits beats the same name without it ("Embassy of Finland in Pretoria").
        keys = {m.key for m in long_forms}
        located = {m.key for m in long_forms if LOCATION_TAIL.sub("", m.key) in keys - {m.key}}
        # The formal name beats a state's adjective ("Embassy of Hungary" over "the Hungarian embassy").
        adjectival = {id(m) for m in long_forms if formal_key(self.found, m) is not None}
        # A short form beats no name it is cut from ("Wageningen University" of "Wageningen University & Research").
        cut = {m.key for m in long_forms if any(k.startswith(m.key + " and ") for k in keys)}
        best = min(
            long_forms,
            key=lambda m: (
                m.key not in known, not m.strong, id(m) in adjectival, m.key in cut, m.key not in located,
                -uses[m.key], m.span.start,
            ),
        )
        same = [m for m in long_forms if m.key == best.key]
        spellings = Counter(m.span.text for m in same)
        return max(same, key=lambda m: spellings[m.span.text])

    def kind(self, span: Span, name: str | None = None) -> str:
        if name is not None:        # a body named by a plural head ("Lille" of "the universities of ...")
            return self.lexicon.head_kinds.get(name.split()[0].lower(), "other")
        head = self.names.head_of(span)
        if head is None:
            return "other"
        if head.phrase in self.lexicon.joint_heads:
            words = set(spec_form(span.text).split())
            states = {c.country for c in self._countries_in(span) if c.country}
            if words & self.lexicon.joint_markers or len(states) >= 2:
                return "committee"
        return self.lexicon.kind_from_phrases(span.text) or self.lexicon.head_kinds.get(head.phrase, "other")

    def country(self, group: list[Mention], name: Span, entry: GazetteerEntry | None) -> str | None:
        """The state the text ties to a mention, else the gazetteer's, else the one the name holds,
        else an apposition ("..., India")."""
        stated = self._country_stated(group)
        if stated is not None:
            return stated
        if entry is not None and self._trust_country(group, entry):
            return entry.country
        inside = list(dict.fromkeys(c.country for c in self._countries_in(name) if c.country))
        if len(inside) == 1:
            return inside[0]
        head = self.names.head_of(name)
        if inside and head is not None and head.phrase in self.lexicon.located:
            return inside[0]
        return next((c for c in (self._country_after(m.span.end) for m in group) if c is not None), None)

    def _country_stated(self, group: list[Mention]) -> str | None:
        """A state written just before a mention: "Vietnam's Ministry of Science and Technology (MOST)",
        "the Vietnamese MOST". It beats the gazetteer, whose MOST is China's ministry."""
        before = self.country_ending
        for m in group:
            i = m.span.start
            possessor = before.get(i - 1) if i >= 1 and self.doc[i - 1].lower_ in ("'s", "’s") else None
            if possessor is not None and possessor.is_name:
                return possessor.country
            adjective = before.get(i)
            if adjective is not None and not adjective.is_name:
                return adjective.country
        return None

    def _trust_country(self, group: list[Mention], entry: GazetteerEntry) -> bool:
        """Whether the gazetteer's state is this body's: "Kyoto University" is Japan's wherever it is
        named, while an acronym or a name built from general words ("Department of Science and
        Technology", "National Research Foundation") counts only when the text mentions the state."""
        if entry.country is None or entry.country in self.doc_countries:
            return True
        return any(m.entry is entry and not m.acronym and self._distinctive(m.span) for m in group)

    def _distinctive(self, span: Span) -> bool:
        first = span[0].lower_
        return first not in self.lexicon.generic and first not in self.lexicon.head_kinds

    def _countries_in(self, span: Span):
        first = bisect.bisect_left(self.country_starts, span.start)
        last = bisect.bisect_left(self.country_starts, span.end, lo=first)
        return [c for c in self.country_list[first:last] if c.end <= span.end]

    def _country_after(self, i: int, hops: int = 3) -> str | None:
        """"..., India", "(DST) India", "(NSTC) in Taiwan", "..., Govt. of India", "..., Ministry of ..., Govt. of India"."""
        doc = self.doc
        for _ in range(hops):
            i = skip_spaces(doc, i)
            if i < len(doc) and doc[i].text == "(":
                close = next((j for j in range(i, min(len(doc), i + 12)) if doc[j].text == ")"), None)
                if close is None:
                    return None
                i = skip_spaces(doc, close + 1)
            if i < len(doc) and doc[i].text == ",":
                i = skip_spaces(doc, i + 1)
            government = skip_words(doc, i, ("government", "govt", "."))
            if government > i and government < len(doc) and doc[government].lower_ == "of":
                i = government
            if i < len(doc) and doc[i].lower_ in ("of", "in"):
                i = skip_words(doc, i + 1, ("the",))
            mention = self.countries.get(i)
            if i in self.mention_ends and not (mention is not None and mention.end == self.mention_ends[i]):
                i = self.mention_ends[i]
            elif mention is not None:
                return mention.country if mention.is_name else None
            elif i < len(doc) and doc[i].ent_type_ == "GPE":
                while i < len(doc) and doc[i].ent_type_ == "GPE":
                    i += 1
            else:
                return None
        return None
