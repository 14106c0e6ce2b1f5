"""st_parties: the organisations a document names (SPEC 3.1, 3.5).

Mentions come from
  - names grown around organisation head words (org_names.py), which
    rebuilds the long names the model breaks at commas and "and";
  - acronym definitions in either direction (acronyms.py): the long form,
    the acronym and any other name in the brackets become one party;
  - the gazetteer, for names the grammar cannot see ("Innovate UK",
    "RIKEN") and for acronyms the text never spells out;
  - acronyms the model tags ORG, when the text uses them often enough.
Names of programmes, events and facilities, and acronyms defined as such,
are kept out, as are places, people's titles and acronyms like "MoU".

Mentions are merged by their SPEC 4 comparison form (plus spelling and
country-name variants), through acronym definitions and gazetteer entries,
and a name with its state attached ("Department of Science and Technology
of India") joins the same name without it. Each group with a mention that
names a body outright becomes a Party; a bare generic mention ("the Joint
Committee") only joins a party named elsewhere.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field, fields

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.components.acronyms import ACRONYM_PATTERN, Definition, find_definitions
from pipeline.components.extensions import plain_extension
from pipeline.components.model_orgs import ModelOrgs
from pipeline.components.org_lexicon import COUNTRY_FILE, Countries, CountryList, Gazetteer, GazetteerEntry, OrgLexicon
from pipeline.components.org_names import HYPHENS, DocNames, NameGrammar, skip_spaces, skip_words
from pipeline.components.rule_component import RuleComponent
from pipeline.text import spec_form


@dataclass
class Party:
    party_id: str               # stable within the document, e.g. "p1"
    name: str                   # the long form
    acronym: str | None
    aliases: list[str]          # every other surface form used in the text
    kind: str                   # government, agency, research, university, company, international, committee, other
    country: str | None
    mentions: list[Span] = field(default_factory=list)
    canonical: str | None = None  # the gazetteer's name for it, when it is a known body


_RECORD_FIELDS = tuple(f.name for f in fields(Party) if f.name != "mentions")


def _party_record(party: Party) -> dict:
    """A party as plain data; its mentions are the spans of doc.spans["parties"] with its id."""
    return {name: getattr(party, name) for name in _RECORD_FIELDS}


def _parties_from_records(records: list[dict], doc: Doc) -> list[Party]:
    mentions: dict[str, list[Span]] = {}
    for span in doc.spans.get("parties", []):
        mentions.setdefault(span.kb_id_, []).append(span)
    return [Party(**record, mentions=mentions.get(record["party_id"], [])) for record in records]


plain_extension(
    Doc, "parties",
    lambda parties: [_party_record(p) for p in parties],
    lambda records, doc: _parties_from_records(records, doc),
)                                                           # list[Party]
Span.set_extension("party_id", default=None, force=True)    # on doc.spans["parties"] (also its kb_id)

MENTION_LABEL = "ORG"
# Where a body sits, at the end of its name: " in pretoria", " to the united nations" (SPEC 4 form).
_LOCATION_TAIL = re.compile(r" (?:in|at|to|en|em) (?!.* (?:in|at|to|en|em) ).+$")
_ACRONYM = re.compile(ACRONYM_PATTERN)


@functools.lru_cache(maxsize=100_000)
def is_acronym(text: str) -> bool:
    return _ACRONYM.match(text) is not None


@Language.factory(
    "st_parties",
    default_config={
        "gazetteers": ["organisations.jsonl"],
        "user_gazetteer": None,
        "kinds": "org_kinds.yaml",
        "non_parties": "non_parties.yaml",
        "countries": COUNTRY_FILE,
        "min_undefined_acronym_uses": 2,
    },
)
def make_parties(
    nlp: Language,
    name: str,
    gazetteers: list[str],
    user_gazetteer: str | None,
    kinds: str,
    non_parties: str,
    countries: str,
    min_undefined_acronym_uses: int,
) -> RuleComponent:
    files = {
        "gazetteers": [*gazetteers, *([user_gazetteer] if user_gazetteer else [])],
        "kinds": [kinds],
        "non_parties": [non_parties],
        "countries": [countries],
    }

    def build(data: dict) -> PartyExtractor:
        lexicon = OrgLexicon.from_data(data["kinds"][0], data["non_parties"][0])
        countries = Countries(nlp, CountryList.from_data(data["countries"][0]))
        return PartyExtractor(nlp, data["gazetteers"], lexicon, countries, min_undefined_acronym_uses)

    return RuleComponent(name, files, build)


class PartyExtractor:
    def __init__(
        self,
        nlp: Language,
        gazetteers: list[list[dict]],
        lexicon: OrgLexicon,
        countries: Countries,
        min_undefined_acronym_uses: int,
    ):
        self.lexicon = lexicon
        self.countries = countries
        self.gazetteer = Gazetteer(nlp, gazetteers, is_acronym)
        self.grammar = NameGrammar(nlp, self.lexicon)
        self.model_orgs = ModelOrgs(self.lexicon, is_acronym, self.countries.is_place)
        self.min_undefined_acronym_uses = min_undefined_acronym_uses
        # Known names read as the mentions are merged, for names split by a line break or spelled another way.
        self.entries_by_key: dict[str, list[GazetteerEntry]] = {}
        for entry in self.gazetteer.entries:
            for form in entry.forms:
                if not is_acronym(form):
                    self.entries_by_key.setdefault(self.key(form), []).append(entry)
        self.bracket = nlp.vocab.strings.add("(")

    def __call__(self, doc: Doc) -> Doc:
        parties = _DocumentParties(self, doc).parties()
        doc._.parties = parties
        doc.spans["parties"] = sorted((m for p in parties for m in p.mentions), key=lambda s: (s.start, s.end))
        return doc

    def key(self, text: str) -> str:
        """The form mentions are merged on: SPEC 4 comparison, one spelling, canonical country names."""
        return self.lexicon.normalise(self.countries.canonical_names(spec_form(text)))


@dataclass
class _Mention:
    span: Span
    key: str
    strong: bool                # names a body outright (not "the Joint Committee")
    acronym: bool
    entry: GazetteerEntry | None = None
    priority: int = 1           # 0: part of an acronym definition


class _DocumentParties:
    """Finding, merging and describing the parties of one Doc."""

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
        self.model_names, model_spans = extractor.model_orgs.find(doc, self.names, self.countries)
        self.model_spans = {(span.start, span.end) for span in model_spans}
        # Read off the token texts' hashes: far cheaper than a regex Matcher over every token.
        orths, strings = doc.to_array(ORTH).tolist(), doc.vocab.strings
        self.acronym_tokens = [i for i, orth in enumerate(orths) if is_acronym(strings[orth])]
        self.brackets = [i for i, orth in enumerate(orths) if orth == extractor.bracket]
        self.blocked: set[int] = set()              # tokens of names that are not parties
        self.defined: dict[str, bool] = {}          # acronym (upper case) -> defined as a party
        self.links: list[tuple[str, str]] = []
        self.candidates: list[_Mention] = []
        self.mention_ends: dict[int, int] = {}
        self.place_words: set[str] | None = None    # read when first needed

    # --- finding mentions -----------------------------------------------------

    def parties(self) -> list[Party]:
        self._add_definitions()
        self._add_names()
        mentions = self._select(self.candidates)
        mentions += self._lone_acronyms({i for m in mentions for i in range(m.span.start, m.span.end)})
        self._link_translations(mentions)
        return self._build(mentions)

    def _mention(self, span: Span, strong: bool, priority: int = 1, entry: GazetteerEntry | None = None) -> _Mention:
        key = self.extractor.key(span.text)
        acronym = len(span) == 1 and is_acronym(span.text)
        if entry is None and not acronym:
            entry = self._choose(self.extractor.entries_by_key.get(key, []))
        return _Mention(span, key, strong, acronym, entry, priority)

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
                mention = self._mention(span, strong=True, priority=0, entry=self._entry(span))
                self.candidates.append(mention)
                self.links.append((key, mention.key))

    def _long_form(self, definition: Definition) -> Span | None:
        """The name an acronym stands for: the grammar's or gazetteer's name, else the spelled-out one."""
        doc = self.doc
        if not definition.forward:
            content = definition.long
            known = (content.start, content.end) in self.grown or (content.start, content.end) in self.gazetteer_names
            return content if definition.spelled or known else None
        ending = [doc[s:e] for (s, e) in [*self.grown, *self.gazetteer_names] if e == definition.anchor]
        best = max(ending, key=len, default=None)
        spelled = definition.long
        if best is None:
            return spelled or (definition.alternatives[0] if definition.alternatives else None)
        # A heading's "DST-Japan Society for the Promotion of Science (JSPS)": JSPS is the part after the hyphen.
        if spelled is not None and spelled.start > best.start and doc[spelled.start - 1].text in HYPHENS:
            return spelled
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
        inside = [h for h in self.names.heads if long.start <= h.start and h.end <= long.end]
        if inside:
            return inside[-1].is_party
        # A name the model tags ORG and the text defines an acronym for ("Thailand Science Research and Innovation (TSRI)").
        if any(end == long.end and long.start <= start < end for start, end in self.model_spans):
            return True
        return acronym.start in self.gazetteer_acronyms

    def _add_names(self) -> None:
        for name in self.names.names:
            if name.is_party:
                entry = self._entry(name.span)
                self.candidates.append(self._mention(name.span, strong=not name.generic or entry is not None, entry=entry))
            else:
                self.blocked.update(range(name.span.start, name.span.end))
        for (start, end), entries in self.gazetteer_names.items():
            entry = self._choose(entries)
            if entry is not None:
                self.candidates.append(self._mention(self.doc[start:end], strong=True, entry=entry))
        # The model's names fill what the grammar, acronyms and gazetteer left: they come last in `_select`,
        # unless they only add proper words to the left of a grown name ("Can Tho University").
        grown_ends = {n.span.end: n.span.start for n in self.names.names if n.is_party}
        for name in self.model_names:
            span = name.span
            if any(i in self.blocked for i in range(span.start, span.end)):
                continue
            grown_start = grown_ends.get(span.end)
            widens = grown_start is not None and span.start < grown_start and self._proper_words(span.start, grown_start)
            self.candidates.append(self._mention(span, strong=name.strong, priority=1 if widens else 2))

    def _link_translations(self, mentions: list[_Mention]) -> None:
        """"Tempus Közalapítvány (Tempus Public Foundation)": a name in brackets right after a name is the same
        body in another language."""
        doc = self.doc
        by_start = {m.span.start: m for m in mentions if not m.acronym and len(m.span) > 1}
        for m in list(by_start.values()):
            opening = skip_spaces(doc, m.span.end)
            other = by_start.get(opening + 1) if opening < len(doc) and doc[opening].text == "(" else None
            if other is not None and other.span.end < len(doc) and doc[other.span.end].text == ")":
                self.links.append((m.key, other.key))

    def _places(self, start: int, end: int) -> bool:
        """doc[start:end] names places: countries, or words the model tags a place somewhere in the text."""
        doc = self.doc
        if self.place_words is None:
            self.place_words = {t.text for ent in doc.ents if ent.label_ in ("GPE", "LOC") for t in ent}
        return all(i in self.countries or doc[i].text in self.place_words for i in range(start, end))

    def _proper_words(self, start: int, end: int) -> bool:
        """doc[start:end] are capitalised words that no grammar rule would leave out of a name for a reason."""
        lexicon = self.lexicon
        return all(
            t.is_alpha and t.text[:1].isupper() and not t.is_upper and t.i not in self.countries
            and t.lower_ not in lexicon.stop_words and t.lower_ not in lexicon.generic and t.lower_ not in lexicon.articles
            for t in self.doc[start:end]
        )

    def _select(self, candidates: list[_Mention]) -> list[_Mention]:
        """Non-overlapping mentions: definitions first, then the longest."""
        taken: set[int] = set()
        selected = []
        for mention in sorted(candidates, key=lambda m: (m.priority, -len(m.span), m.span.start)):
            tokens = range(mention.span.start, mention.span.end)
            if not any(i in taken for i in tokens):
                taken.update(tokens)
                selected.append(mention)
        return selected

    def _lone_acronyms(self, taken: set[int]) -> list[_Mention]:
        """Acronyms used on their own: defined in the text, known to the gazetteer, or tagged ORG often enough."""
        doc = self.doc
        uses = Counter(doc[i].text for i in self.acronym_tokens)
        found = []
        for i in self.acronym_tokens:
            text = doc[i].text
            if i in taken or text in self.lexicon.junk or self.extractor.countries.is_place(text):
                continue
            span = self._with_campus(i)
            defined = self.defined.get(text.upper())
            if defined is not None:
                if defined:
                    found.append(self._mention(span, strong=True))
                continue
            entry = self._choose(self.gazetteer_acronyms.get(i, []))
            if entry is not None:
                found.append(self._mention(span, strong=True, entry=entry if len(span) == 1 else None))
            elif _tagged_org(doc, i) and i not in self.blocked and uses[text] >= self.extractor.min_undefined_acronym_uses:
                found.append(self._mention(span, strong=True))
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
            return self._choose(self.gazetteer_acronyms[span.start])
        return self._choose(self.gazetteer_names.get((span.start, span.end), []))

    def _choose(self, entries: list[GazetteerEntry]) -> GazetteerEntry | None:
        """The entry meant: the only one, or the first whose state the text mentions."""
        if len(entries) == 1:
            return entries[0]
        return next((e for e in entries if e.country is None or e.country in self.doc_countries), None)

    # --- merging and describing ---------------------------------------------------

    def _build(self, mentions: list[_Mention]) -> list[Party]:
        self.mention_ends = {m.span.start: m.span.end for m in mentions}
        groups = self._group(mentions)
        ordered = sorted(groups, key=lambda g: min(m.span.start for m in g))
        parties = []
        named = [m.key for g in groups for m in g if m.strong]
        for group in ordered:
            if not any(m.strong for m in group) and not self._only_body_of_its_kind(group, named):
                continue
            party_id = f"p{len(parties) + 1}"
            parties.append(self._party(party_id, sorted(group, key=lambda m: m.span.start)))
        return parties

    def _only_body_of_its_kind(self, group: list[_Mention], named: list[str]) -> bool:
        """"The Joint Committee", when no committee is named otherwise, is the document's name for it."""
        heads = [self.names.head_of(m.span) for m in group]
        phrases = {h.phrase for h in heads if h is not None}
        if None in heads or len(phrases) != 1:
            return False
        head = phrases.pop()
        if head not in self.lexicon.joint_heads:
            return False
        return not any(key.split()[-1:] == [head] or f" {head} " in key for key in named)

    def _group(self, mentions: list[_Mention]) -> list[list[_Mention]]:
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
        for a, b in self.links:
            union(a, b)
        for m in mentions:
            if m.entry is not None:
                union(m.key, f"gazetteer:{m.entry.name}")
            for variant in self.extractor.countries.without_country(m.key):
                if variant in keys:
                    union(m.key, variant)
        # "Embassy of Finland" is the "Embassy of Finland in Pretoria" of the same text.
        for key in keys:
            shorter = _LOCATION_TAIL.sub("", key)
            if shorter != key and shorter in keys:
                union(shorter, key)
        # "Ben-Gurion University" is the "Ben-Gurion University of the Negev" of the same text.
        for key in keys:
            if " " in key and key.split()[0] not in self.lexicon.generic:
                longer = {find(k) for k in keys if k.startswith(key + " of ")}
                if len(longer) == 1:
                    union(key, longer.pop())
        # "IOCB Prague": a body's acronym with its city is the body; "the MOST Department of International
        # Cooperation" is the "Department of International Cooperation" of the same text.
        for m in mentions:
            first = m.span[0]
            if len(m.span) > 1 and is_acronym(first.text) and first.text not in self.lexicon.junk:
                acronym_key, rest_key = self.extractor.key(first.text), self.extractor.key(m.span[1:].text)
                if acronym_key in keys and self._places(m.span.start + 1, m.span.end):
                    union(m.key, acronym_key)
                elif rest_key in keys and " " in rest_key:
                    union(m.key, rest_key)
        # A one-word short form ("Wageningen") joins the one body whose name starts with it.
        for m in mentions:
            if not m.strong and not m.acronym and " " not in m.key:
                roots = {find(k) for k in keys if k.startswith(m.key + " ")}
                if len(roots) == 1:
                    union(m.key, roots.pop())
        groups: dict[str, list[_Mention]] = {}
        for m in mentions:
            groups.setdefault(find(m.key), []).append(m)
        return list(groups.values())

    def _party(self, party_id: str, group: list[_Mention]) -> Party:
        entry = next((m.entry for m in group if m.entry is not None), None)
        surfaces = [" ".join(m.span.text.split()) for m in group]
        name_mention = self._name_mention(group, entry)
        name = " ".join(name_mention.span.text.split())
        acronyms = Counter(s for m, s in zip(group, surfaces) if m.acronym)
        acronym = acronyms.most_common(1)[0][0] if acronyms else None
        aliases = list(dict.fromkeys(s for s in surfaces if s not in (name, acronym)))
        spans = []
        for m in group:
            span = Span(self.doc, m.span.start, m.span.end, label=MENTION_LABEL, kb_id=party_id)
            span._.party_id = party_id
            spans.append(span)
        return Party(
            party_id=party_id,
            name=name,
            acronym=acronym,
            aliases=aliases,
            kind=entry.kind if entry is not None else self._kind(name_mention.span),
            country=self._country(group, name_mention.span, entry),
            mentions=spans,
            canonical=entry.name if entry is not None else None,
        )

    def _name_mention(self, group: list[_Mention], entry: GazetteerEntry | None) -> _Mention:
        """The long form: a name the gazetteer knows, else the most used, else the first."""
        long_forms = [m for m in group if not m.acronym] or group
        known = {self.extractor.key(form) for form in entry.forms} if entry is not None else set()
        uses = Counter(m.key for m in long_forms)
        # A name with where the body sits beats the same name without it ("Embassy of Finland in Pretoria").
        keys = {m.key for m in long_forms}
        located = {m.key for m in long_forms if _LOCATION_TAIL.sub("", m.key) in keys - {m.key}}
        best = min(
            long_forms, key=lambda m: (m.key not in known, not m.strong, m.key not in located, -uses[m.key], m.span.start)
        )
        same = [m for m in long_forms if m.key == best.key]
        spellings = Counter(m.span.text for m in same)
        return max(same, key=lambda m: spellings[m.span.text])

    def _kind(self, span: Span) -> str:
        head = self.names.head_of(span)
        if head is None:
            return "other"
        if head.phrase in self.lexicon.joint_heads:
            words = set(spec_form(span.text).split())
            states = {c.country for c in self._countries_in(span) if c.country}
            if words & self.lexicon.joint_markers or len(states) >= 2:
                return "committee"
        return self.lexicon.kind_from_phrases(span.text) or self.lexicon.head_kinds.get(head.phrase, "other")

    def _country(self, group: list[_Mention], name: Span, entry: GazetteerEntry | None) -> str | None:
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

    def _country_stated(self, group: list[_Mention]) -> str | None:
        """A state written just before a mention: "Vietnam's Ministry of Science and Technology (MOST)",
        "the Vietnamese MOST". It beats the gazetteer, whose MOST is China's ministry."""
        before = {c.end: c for c in self.countries.values() if c.country}
        for m in group:
            i = m.span.start
            possessor = before.get(i - 1) if i >= 1 and self.doc[i - 1].lower_ in ("'s", "’s") else None
            if possessor is not None and possessor.is_name:
                return possessor.country
            adjective = before.get(i)
            if adjective is not None and not adjective.is_name:
                return adjective.country
        return None

    def _trust_country(self, group: list[_Mention], entry: GazetteerEntry) -> bool:
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
        return [c for c in self.countries.values() if span.start <= c.start and c.end <= span.end]

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


def _tagged_org(doc: Doc, i: int) -> bool:
    """The model tagged doc[i] alone as an ORG."""
    token = doc[i]
    return token.ent_type_ == "ORG" and token.ent_iob_ == "B" and (i + 1 == len(doc) or doc[i + 1].ent_iob_ != "I")
