"""The party mentions of one Doc: where each comes from and which of them overlap.

Sources, in the order `_select` prefers them when they overlap:
  0. acronym definitions: the long form, the acronym and any other name in
     the brackets (a definition of a programme or event blocks its tokens);
  1. names grown around head words (org_names.py) and gazetteer names, and
     the model's names that only add proper words left of a grown name;
  2. the model's other ORG spans (model_orgs.py), filling what is left.
Acronyms used on their own come after the selection; names that are one body
under other words are linked in party_links.py.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span

from pipeline.components.acronym_evidence import acts_as_body
from pipeline.components.acronyms import Definition, find_definitions, is_acronym, long_form_start
from pipeline.components.coordinated_names import coordinated_bodies, lower_case_state_bodies
from pipeline.components.name_words import HYPHENS
from pipeline.components.org_lexicon import GazetteerEntry
from pipeline.components.org_names import DocNames
from pipeline.components.page_furniture import breadcrumb_sections, labelled_lines

if TYPE_CHECKING:
    from pipeline.components.parties import PartyExtractor


@dataclass
class Mention:
    span: Span
    key: str
    strong: bool                # names a body outright (not "the Joint Committee")
    acronym: bool
    entry: GazetteerEntry | None = None
    priority: int = 1           # 0: part of an acronym definition
    furniture: bool = False     # in a breadcrumb or tags line: never a party on its own
    name: str | None = None     # the body's name when the span holds only part of it ("Lille" of "universities of ...")


class DocumentMentions:
    """The per-document lookups (countries, gazetteer hits, grown names, the model's names) and the mentions found."""

    def __init__(self, extractor: PartyExtractor, doc: Doc):
        self.extractor = extractor
        self.lexicon = extractor.lexicon
        self.doc = doc
        self.countries = extractor.countries.find(doc)
        self.doc_countries = {c.country for c in self.countries.values() if c.country}
        self.gazetteer_names: dict[tuple[int, int], list[GazetteerEntry]] = {}
        self.gazetteer_acronyms: dict[int, list[GazetteerEntry]] = {}
        for (start, end), entries in extractor.gazetteer.find(doc).items():
            if end - start == 1 and is_acronym(doc[start].text):
                self.gazetteer_acronyms[start] = entries
            else:
                self.gazetteer_names[(start, end)] = entries
        self.names: DocNames = extractor.grammar.analyse(doc, self.countries, set(self.gazetteer_acronyms))
        self.grown = {(n.span.start, n.span.end): n for n in self.names.names}
        self._names_ending: dict[int, list[tuple[int, int]]] = {}     # end token -> grown and gazetteer names
        for start, end in [*self.grown, *self.gazetteer_names]:
            self._names_ending.setdefault(end, []).append((start, end))
        self.model_names, model_spans = extractor.model_orgs.find(doc, self.names, self.countries)
        # Spans by their end token: one look-up per acronym definition, not a scan (a long document holds thousands).
        self.model_starts_by_end: dict[int, list[int]] = {}
        for span in model_spans:
            self.model_starts_by_end.setdefault(span.end, []).append(span.start)
        # Read off the token texts' hashes: far cheaper than a regex Matcher over every token.
        orths, strings = doc.to_array(ORTH).tolist(), doc.vocab.strings
        acronyms = {orth for orth in set(orths) if is_acronym(strings[orth])}  # each distinct text once
        self.acronym_tokens = [i for i, orth in enumerate(orths) if orth in acronyms]
        self.brackets = [i for i, orth in enumerate(orths) if orth == extractor.bracket]
        self.blocked: set[int] = set()              # tokens of names that are not parties
        self.defined: dict[str, bool] = {}          # acronym (upper case) -> defined as a party
        self.links: list[tuple[str, str]] = []      # keys of mentions that are one body
        self.candidates: list[Mention] = []

    def collect(self) -> list[Mention]:
        """The document's mentions, none overlapping another."""
        self._add_definitions()
        self._add_acronyms_after_names()
        self._add_names()
        self.candidates += coordinated_bodies(self) + lower_case_state_bodies(self)
        mentions = self._select(self.candidates)
        self.named_bounds = ({m.span.start for m in mentions if m.strong}, {m.span.end for m in mentions if m.strong})
        mentions += self._lone_acronyms({i for m in mentions for i in range(m.span.start, m.span.end)})
        # A breadcrumb's sections ("Home > Media Center > News") and a name after "a" ("founded as a School of
        # Agriculture") only join a body named elsewhere.
        sections = breadcrumb_sections(self.doc, self.lexicon.breadcrumb_separators)
        sections |= labelled_lines(self.doc, self.lexicon.index_labels)
        for m in mentions:
            if not m.acronym and (m.span.start in sections or self._described(m.span)):
                m.strong = False
                m.furniture = m.span.start in sections
        self._units_of_named_bodies(mentions)
        return mentions

    def _units_of_named_bodies(self, mentions: list[Mention]) -> None:
        """"Science Committee of the Ministry of Science and Higher Education": a name of general words is named by
        the body it is a unit of, when that body follows it ("of (the) <named body>")."""
        doc, starts = self.doc, {m.span.start for m in mentions if m.strong}
        for m in mentions:
            i = m.span.end
            if m.strong or m.furniture or m.acronym or i + 1 >= len(doc) or doc[i].lower_ != "of":
                continue
            if i + 1 in starts or (doc[i + 1].lower_ == "the" and i + 2 in starts):
                m.strong = True

    def _described(self, span: Span) -> bool:
        """"a School of Agriculture": a name after "a" describes a body of a kind, unless "a" goes with a noun after
        it ("a University of Tokyo team")."""
        doc = self.doc
        if span.start == 0 or doc[span.start - 1].lower_ not in ("a", "an") or (span.end - span.start) < 2:
            return False
        return span.end >= len(doc) or not (doc[span.end].is_lower and doc[span.end].is_alpha)

    def mention(self, span: Span, strong: bool, priority: int = 1, entry: GazetteerEntry | None = None) -> Mention:
        key = self.extractor.key(span.text)
        acronym = len(span) == 1 and is_acronym(span.text)
        if entry is None and not acronym:
            entry = self.choose(self.extractor.entries_by_key.get(key, []))
        return Mention(span, key, strong, acronym, entry, priority)

    def choose(self, entries: list[GazetteerEntry]) -> GazetteerEntry | None:
        """The entry meant: the only one, or the first whose state the text mentions."""
        if len(entries) == 1:
            return entries[0]
        return next((e for e in entries if e.country is None or e.country in self.doc_countries), None)

    # --- acronym definitions ------------------------------------------------------

    def _add_definitions(self) -> None:
        for definition in find_definitions(self.doc, self.brackets, is_acronym):
            acronym = definition.acronym
            if acronym.text in self.lexicon.junk or self.extractor.countries.is_place(acronym.text):
                continue
            long = self._long_form(definition)
            is_party = long is not None and self._names_party(long, acronym)
            upper = acronym.text.upper()
            self.defined[upper] = self.defined.get(upper, False) or is_party
            if not is_party:
                self.blocked.update(range(acronym.start, acronym.end))
                if long is not None:
                    self.blocked.update(range(long.start, long.end))
                continue
            key = self.extractor.key(long.text)
            for span in (long, acronym, *definition.alternatives):
                mention = self.mention(span, strong=True, priority=0, entry=self._entry(span))
                self.candidates.append(mention)
                self.links.append((key, mention.key))

    def _add_acronyms_after_names(self) -> None:
        """"State Secretariat for Education, Research and Innovation SERI": an acronym right after a name, without
        brackets, whose letters spell the name, is defined by it."""
        doc, acronyms = self.doc, set(self.acronym_tokens)
        for name in self.names.names:
            span, i = name.span, name.span.end
            if not name.is_party:
                continue
            if len(span) > 2 and span.end - 1 in acronyms and span.end - 2 not in acronyms:
                long, acronym = span[:-1], span[-1:]         # the grammar took the acronym as a word of the name
            elif i in acronyms:
                long, acronym = span, doc[i : i + 1]
            elif self._apposed_acronym(i, acronyms):
                long, acronym = span, doc[i + 1 : i + 2]    # "The Hamdan bin Mohammed Smart University, HBMSU, and ..."
            else:
                continue
            if "\n" in doc[acronym.start - 1].whitespace_ or not doc[acronym.start - 1].whitespace_:
                continue
            upper = acronym.text.upper()
            if acronym.text in self.lexicon.junk or self.defined.get(upper) is False or self.extractor.countries.is_place(acronym.text):
                continue
            if long_form_start(acronym.text, long.text) is None:
                continue
            self.defined[upper] = True
            key = self.extractor.key(long.text)
            for part in (long, acronym):
                mention = self.mention(part, strong=True, priority=0, entry=self._entry(part))
                self.candidates.append(mention)
                self.links.append((key, mention.key))

    def _apposed_acronym(self, i: int, acronyms: set[int]) -> bool:
        """An acronym set off by commas right after a name (", HBMSU,"), closing a clause or the sentence."""
        doc = self.doc
        return (
            i + 2 < len(doc) and doc[i].text == "," and i + 1 in acronyms
            and doc[i + 2].text in (",", ".", ";", ")") and "\n" not in doc[i + 1].whitespace_
        )

    def _long_form(self, definition: Definition) -> Span | None:
        """The name an acronym stands for: the grammar's or gazetteer's name, else the spelled-out one."""
        doc = self.doc
        if not definition.forward:
            content = definition.long
            known = (content.start, content.end) in self.grown or (content.start, content.end) in self.gazetteer_names
            return content if definition.spelled or known else None
        ending = [doc[s:e] for s, e in self._names_ending.get(definition.anchor, [])]
        best = max(ending, key=len, default=None)
        spelled = definition.long
        if best is None:
            return spelled or (definition.alternatives[0] if definition.alternatives else None)
        # A heading's "DST-Japan Society for the Promotion of Science (JSPS)": JSPS is the part after the hyphen.
        if spelled is not None and spelled.start > best.start and doc[spelled.start - 1].text in HYPHENS:
            return spelled
        # "East and Southern Africa Centre of International Parasite Control (ESACIPAC)": the acronym's letters reach
        # proper words left of the grown name that the grammar stopped short of; they are words of the name.
        if spelled is not None and spelled.start < best.start and self._proper_words(spelled.start, best.start, joined=True):
            return doc[spelled.start : best.end]
        return best

    def _names_party(self, long: Span, acronym: Span) -> bool:
        """Whether a defined acronym names a body (not a programme, event, facility, place ...)."""
        if (long.start, long.end) in self.gazetteer_names:
            return True
        grown = self.grown.get((long.start, long.end))
        if grown is not None:
            return grown.is_party
        head = self.names.head_of(long)
        if head is not None:
            return head.is_party
        # "University College Dublin (UCD)": the last head word inside the name decides.
        inside = self.names.heads_within(long.start, long.end)
        if inside:
            return inside[-1].is_party
        # A name the model tags ORG and the text defines an acronym for ("Thailand Science Research and Innovation (TSRI)").
        if any(long.start <= start < long.end for start in self.model_starts_by_end.get(long.end, [])):
            return True
        return acronym.start in self.gazetteer_acronyms

    # --- names: grown, known, the model's ------------------------------------------

    def _add_names(self) -> None:
        # A name of general words the model also tags as a whole names a body ("the Central Botanical Garden", "the
        # Science & Technology Wing"); a short one or a committee's may only refer to one named elsewhere.
        tagged = {(n.span.start, n.span.end) for n in self.model_names if n.has_head}
        for name in self.names.names:
            if name.is_party:
                entry = self._entry(name.span)
                strong = not name.generic or entry is not None or self._tagged_general_name(name, tagged)
                self.candidates.append(self.mention(name.span, strong=strong, entry=entry))
            else:
                self.blocked.update(range(name.span.start, name.span.end))
        for (start, end), entries in self.gazetteer_names.items():
            entry = self.choose(entries)
            if entry is not None:
                self.candidates.append(self.mention(self.doc[start:end], strong=True, entry=entry))
        # The model's names fill what the grammar, acronyms and gazetteer left: they come last in `_select`,
        # unless they only add proper words to the left of a grown name ("Can Tho University").
        grown_ends = {n.span.end: n.span.start for n in self.names.names if n.is_party}
        grown_starts = {n.span.start: n.span.end for n in self.names.names if n.is_party}
        for name in self.model_names:
            span = name.span
            if any(i in self.blocked for i in range(span.start, span.end)):
                continue
            grown_start, grown_end = grown_ends.get(span.end), grown_starts.get(span.start)
            widens = grown_start is not None and span.start < grown_start and self._proper_words(span.start, grown_start)
            # ... or to its right ("UCD University Relations", a unit the grammar stops short of).
            widens = widens or (grown_end is not None and grown_end < span.end and (
                self._proper_words(grown_end, span.end) or self._field_tail(grown_end, span.end)))
            self.candidates.append(self.mention(span, strong=name.strong, priority=1 if widens else 2))

    def _tagged_general_name(self, name, tagged: set[tuple[int, int]]) -> bool:
        span = name.span
        words = [t for t in span if t.is_alpha]
        kind = self.lexicon.head_kinds.get(name.head.phrase)
        return (span.start, span.end) in tagged and len(words) >= 3 and kind != "committee"

    def _field_tail(self, start: int, end: int) -> bool:
        """"Wageningen University & Research": the model's name goes on with "&" or "and" and capitalised fields."""
        doc, lexicon = self.doc, self.lexicon
        return end - start >= 2 and doc[start].lower_ in ("&", "and") and all(
            t.text[:1].isupper() and t.lower_ in lexicon.field_words for t in doc[start + 1 : end]
        )

    def _proper_words(self, start: int, end: int, joined: bool = False) -> bool:
        """doc[start:end] are capitalised words that no grammar rule would leave out of a name for a reason (with
        `joined`, "and" may stand between them)."""
        lexicon = self.lexicon
        if joined and self.doc[start].lower_ in lexicon.conjunctions:
            return False
        return all(
            (joined and t.lower_ in lexicon.conjunctions) or t.is_alpha and t.text[:1].isupper() and not t.is_upper and t.i not in self.countries
            and t.lower_ not in lexicon.stop_words and t.lower_ not in lexicon.generic and t.lower_ not in lexicon.articles
            for t in self.doc[start:end]
        )

    def _select(self, candidates: list[Mention]) -> list[Mention]:
        """Non-overlapping mentions: definitions first, then the longest."""
        taken: set[int] = set()
        selected = []
        for mention in sorted(candidates, key=lambda m: (m.priority, -len(m.span), m.span.start)):
            tokens = range(mention.span.start, mention.span.end)
            if not any(i in taken for i in tokens):
                taken.update(tokens)
                selected.append(mention)
        return selected

    # --- acronyms on their own, translations -----------------------------------------

    def _lone_acronyms(self, taken: set[int]) -> list[Mention]:
        """Acronyms used on their own: defined in the text, known to the gazetteer, or tagged ORG often enough."""
        doc = self.doc
        uses = Counter(doc[i].text for i in self.acronym_tokens)
        # "MBRSC's KhalifaSat ... KhalifaSat, the first satellite built ...": a word the text calls a thing.
        called = self.extractor.model_orgs.called_a_thing
        things = {doc[i].text for i in self.acronym_tokens if called(doc[i : i + 1])}
        found = []
        for i in self.acronym_tokens:
            text = doc[i].text
            # A bloc the country list reads as a region ("EU") is still the body the gazetteer knows.
            place = self.extractor.countries.is_place(text) and i not in self.gazetteer_acronyms
            if i in taken or text in self.lexicon.junk or place:
                continue
            span = self._with_campus(i)
            defined = self.defined.get(text.upper())
            if defined is not None:
                if defined:
                    found.append(self.mention(span, strong=True))
                continue
            entry = self.choose(self.gazetteer_acronyms.get(i, []))
            if entry is not None:
                found.append(self.mention(span, strong=True, entry=entry if len(span) == 1 else None))
            elif i in self.blocked or text in things:
                continue
            elif (_tagged_org(doc, i) and uses[text] >= self.extractor.min_undefined_acronym_uses) or acts_as_body(self, span):
                found.append(self.mention(span, strong=True))
        return found

    def _with_campus(self, i: int) -> Span:
        """"IIT-Delhi": an acronym joined to a place names a campus, a body of its own."""
        doc = self.doc
        joined = i + 2 < len(doc) and doc[i + 1].text in HYPHENS and not doc[i].whitespace_ and not doc[i + 1].whitespace_
        if joined and doc[i + 2].is_title and doc[i + 2].tag_ == "NNP" and i + 2 not in self.countries:
            # Not the start of a longer name ("DST-Japan Society for ...").
            if i + 3 >= len(doc) or not (doc[i + 3].is_title or doc[i + 3].is_upper):
                return doc[i : i + 3]
        return doc[i : i + 1]

    def _entry(self, span: Span) -> GazetteerEntry | None:
        if len(span) == 1 and span.start in self.gazetteer_acronyms:
            return self.choose(self.gazetteer_acronyms[span.start])
        return self.choose(self.gazetteer_names.get((span.start, span.end), []))

def _tagged_org(doc: Doc, i: int) -> bool:
    """The model tagged doc[i] alone as an ORG."""
    token = doc[i]
    return token.ent_type_ == "ORG" and token.ent_iob_ == "B" and (i + 1 == len(doc) or doc[i + 1].ent_iob_ != "I")
