"""What st_agreements looks up in one document, built once per Doc and only read after.

Parties and dates by token (from st_parties and st_dates), joint committees,
GPEs and countries, the mentions' roots, and each mention's evidence unit: its
sentence cut at blank lines, or its table row.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from pipeline.components.agreements.cues import AgreementCues
from pipeline.components.agreements.discourse import Discourse
from pipeline.components.agreements.model import Mention
from pipeline.components.layout import doc_text, in_bar_row, line_at, line_start
from pipeline.components.org_lexicon import CountryMention, CountryScan

COMMITTEE_KIND = "committee"
# What may stand between two names of one list: "X (XX) and Argentina's Y", "X, Y and Z".
LIST_JOINERS = {"and", "&", ",", "(", ")", "the", "'s", "’s"}
LIST_GAP_TOKENS = 8


class DocIndex:
    def __init__(self, doc: Doc, cues: AgreementCues, countries: CountryScan, mentions: list[Mention]):
        self.doc = doc
        self.cues = cues
        self.countries = countries
        self.text = doc_text(doc)
        self.mention_roots = {m.span.root.i for m in mentions}
        names = {p.party_id: p.name for p in (doc._.parties or [])}
        self.party_names = frozenset(names.values())
        committees = {p.party_id for p in (doc._.parties or []) if p.kind == COMMITTEE_KIND}
        # "Government of the Kingdom of Saudi Arabia" -> Saudi Arabia: a government stands for its state
        self.government_state = {
            p.name: p.country for p in (doc._.parties or [])
            if p.country and p.name.split()[0].lower() in cues.government_heads
        }
        self.committee_spans: list[tuple[int, str]] = []   # (start, name), in order
        self.party_at: dict[int, tuple[str, Span]] = {}
        for span in doc.spans.get("parties", []):
            name = names.get(span._.party_id)
            if name:
                for i in range(span.start, span.end):
                    self.party_at[i] = (name, span)
                if span._.party_id in committees:
                    self.committee_spans.append((span.start, name))
        self.committee_spans.sort()
        self.dates = sorted(
            (s for s in doc.spans.get("dates", []) if s._.date is not None), key=lambda s: s.start
        )
        self.date_starts = [s.start for s in self.dates]
        self.date_at = {i: s for s in self.dates for i in range(s.start, s.end)}
        self._units: dict[int, Span] = {}        # mention start -> its unit

    @cached_property
    def discourse(self) -> Discourse:
        places = {g.start_char: g.end_char for g in self.gpes}
        people = frozenset(e.start_char for e in self.doc.ents if e.label_ == "PERSON")
        return Discourse(self.text, self.dates, places, self.cues.dateline_non_places, people)

    @cached_property
    def gpes(self) -> list[Span]:
        return [e for e in self.doc.ents if e.label_ == "GPE"]

    @cached_property
    def gpe_starts(self) -> list[int]:
        return [g.start for g in self.gpes]

    def unit_gpes(self, unit: Span) -> list[Span]:
        # bisect, as for dates: a scan of every place per mention made long documents quadratic
        first = bisect.bisect_left(self.gpe_starts, unit.start)
        last = bisect.bisect_left(self.gpe_starts, unit.end)
        return [g for g in self.gpes[first:last] if g.end <= unit.end]

    @cached_property
    def gpe_starting(self) -> dict[int, Span]:
        return {g.start: g for g in self.gpes}

    @property
    def country_at(self) -> dict[int, CountryMention]:
        return self.countries.by_start

    @cached_property
    def country_starts(self) -> list[int]:
        """Starts of the country mentions, in order, to bisect."""
        return sorted(self.country_at)

    @cached_property
    def country_tokens(self) -> set[int]:
        """Tokens inside a country or region mention."""
        return {i for mention in self.country_at.values() for i in range(mention.start, mention.end)}

    @cached_property
    def side_counts(self) -> dict[str, dict[str, int]]:
        """How often the page names each state (names and adjectives) and each party."""
        states: dict[str, int] = {}
        for mention in self.country_at.values():
            if mention.country and mention.start not in self.party_at:
                states[mention.country] = states.get(mention.country, 0) + 1
        parties: dict[str, int] = {}
        first_with: dict[str, str] = {}   # a word -> the first party named whose name has it
        for span in sorted({id(span): span for _, span in self.party_at.values()}.values(), key=lambda s: s.start):
            name = self.party_at[span.start][0]
            parties[name] = parties.get(name, 0) + 1
            for word in name.lower().split():
                first_with.setdefault(word, name)
        for token in self.doc:   # "the Committee" on the Committee's own page names it too
            noun = token.lemma_.lower()
            if token.i in self.party_at or not token.text[:1].isupper() or noun not in self.cues.description_nouns:
                continue
            if token.i and self.doc[token.i - 1].lower_ == "the" and noun in first_with:
                parties[first_with[noun]] += 1
        return {"states": states, "parties": parties}

    def states(self, span: Span) -> list[tuple[Span, str]]:
        return self.countries.states(span)

    # -- units ------------------------------------------------------------------

    def unit(self, span: Span) -> Span:
        """The mention's sentence, cut at blank lines (headings run into sentences)."""
        if span.start not in self._units:
            self._units[span.start] = self._cut_unit(span)
        return self._units[span.start]

    def _cut_unit(self, span: Span) -> Span:
        if in_bar_row(self.text, span.start_char):   # a table row is a unit of its own
            row = line_at(self.text, span.start_char)
            start = line_start(self.text, span.start_char)
            line = self.doc.char_span(start, start + len(row), alignment_mode="contract")
            if line is not None:
                return line
        sent = span.sent
        start, end = sent.start, sent.end
        for token in sent:
            if token.is_space and token.text.count("\n") >= 2:
                if token.i < span.start:
                    start = token.i + 1
                elif token.i >= span.end:
                    end = token.i
                    break
        while start < end and self.doc[start].is_space:
            start += 1
        while end > start and self.doc[end - 1].is_space:
            end -= 1
        return self.doc[start:end]

    def unit_dates(self, unit: Span) -> list[Span]:
        # bisect: a scan of every date per mention would make long documents quadratic
        first = bisect.bisect_left(self.date_starts, unit.start)
        last = bisect.bisect_left(self.date_starts, unit.end)
        return [d for d in self.dates[first:last] if d.end <= unit.end]

    # -- tokens -----------------------------------------------------------------

    def before(self, i: int) -> Token | None:
        """The token before token i, over white space and a closing bracket's group."""
        i -= 1
        while i >= 0 and self.doc[i].is_space:
            i -= 1
        if i >= 1 and self.doc[i].text == ")":
            i -= 1
        return self.doc[i] if i >= 0 else None

    def in_brackets(self, span: Span) -> bool:
        doc = self.doc
        return span.start >= 1 and doc[span.start - 1].text == "(" and span.end < len(doc) and doc[span.end].text == ")"

    def named_before(self, end: int, start: int, wanted: int, fits: Callable[[str], bool]) -> list[str]:
        """Up to `wanted` distinct parties that `fits`, named last before token `end`."""
        named: list[str] = []
        for i in range(end - 1, start - 1, -1):
            if i in self.party_at and self.party_at[i][0] not in named and fits(self.party_at[i][0]):
                named.append(self.party_at[i][0])
                if len(named) == wanted:
                    break
        return named

    def named_together_before(self, end: int, start: int, wanted: int) -> tuple[list[str], bool]:
        """The last `wanted` distinct parties named before token `end` (from `start`), in
        the order named, and whether they are named together, as one list ("X (XX) and
        Y's Z", "X, Y and Z") rather than in separate phrases."""
        found: list[tuple[str, Span]] = []
        for i in range(end - 1, start - 1, -1):
            if i in self.party_at and self.party_at[i][0] not in (name for name, _ in found):
                found.append(self.party_at[i])
                if len(found) == wanted:
                    break
        found.reverse()
        together = len(found) == wanted and all(
            self._listed(a.end, b.start) for (_, a), (_, b) in zip(found, found[1:])
        )
        return [name for name, _ in found], together

    def _listed(self, start: int, end: int) -> bool:
        """Whether tokens start..end only join two names of a list ("and", commas, a
        bracketed acronym, "the", a country's possessive)."""
        if end - start > LIST_GAP_TOKENS:
            return False
        for token in self.doc[start:end]:
            if token.i in self.party_at or token.i in self.country_tokens or token.is_space:
                continue
            if token.lower_ not in LIST_JOINERS:
                return False
        return True

    def is_parent(self, i: int) -> bool:
        """Whether the party at token i names the parent of the party before it
        ("Department of Biotechnology, Ministry of Science and Technology, Govt. of
        India"): as a side, the named unit is the party (SPEC 3.5)."""
        name, span = self.party_at[i]
        if span.text.split()[0].lower().rstrip(".") not in self.cues.parent_heads:
            return False
        before = self.before(span.start)
        if before is not None and before.lower_ == "the":   # "the Institute of Botany of the Ministry of ..."
            before = self.before(before.i)
        if before is None or before.text not in (",", "of"):
            return False
        owner = self.before(before.i)
        return owner is not None and owner.i in self.party_at and self.party_at[owner.i][1] != span

    def is_state_side(self, country: Span) -> bool:
        """False where the country only places a party: "AIST, Japan", "DST of India",
        "France's ANR"."""
        doc = self.doc
        before = [t for t in doc[max(0, country.start - 3) : country.start] if not t.is_space]
        listed = self._in_state_list(country)   # "the EU, the USA, Japan and Russia": not a place
        if len(before) >= 2 and before[-1].text in {",", "(", "of"} and self.before(before[-1].i).i in self.party_at:
            if not listed:
                return False   # also "(AIST), Japan"
        if country.start >= 1 and doc[country.start - 1].lower_ == "the" and len(before) >= 3:
            if before[-2].text in {",", "(", "of"} and before[-3].i in self.party_at and not listed:
                return False
        if before and (before[-1].i in self.party_at or (before[-1].text == ")" and self.before(country.start).i in self.party_at)):
            return False   # "the National Research Foundation (NRF) South Africa"
        owner = country.root
        while owner.dep_ == "pobj" and owner.head.lower_ == "of" and owner.head.head.i != owner.head.i:
            owner = owner.head.head   # "the Ministry of Science of the Republic of Armenia"
        if owner.i != country.root.i and owner.i in self.party_at:
            return False
        governing = next((t for t in country.root.ancestors if t.pos_ == "ADP" and t.lower_ != "of"), None)
        if governing is not None and governing.lower_ in self.cues.place_prepositions:
            return False   # it places something: "Egerton University in Njoro, Kenya"
        after = doc[country.end] if country.end < len(doc) else None
        if after is not None and after.tag_ == "POS" and country.end + 1 in self.party_at:
            return False
        if country.root.head.lower_ in self.cues.signatory_titles:
            return True   # an official's state: "Korean Ambassador Kim", "his Japanese counterpart"
        return country.root.dep_ not in ("compound", "amod")

    def _in_state_list(self, country: Span) -> bool:
        """Whether another state follows the country in a list ("the USA, Japan and ...")."""
        doc, i = self.doc, country.end
        while i < len(doc) and (doc[i].lower_ in (",", "and", "&", "the") or doc[i].is_space):
            i += 1
        return i > country.end and i in self.country_at and self.country_at[i].country is not None and i not in self.party_at
