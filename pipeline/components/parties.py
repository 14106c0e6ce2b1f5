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

Rooms: party_mentions.py (finding mentions), party_groups.py (merging them),
party_description.py (name, kind and state of a party), this module (the
component and the Party it stores).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, fields

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.components.acronyms import is_acronym
from pipeline.components.extensions import plain_extension
from pipeline.components.model_orgs import ModelOrgs
from pipeline.components.org_lexicon import COUNTRY_FILE, Countries, CountryList, Gazetteer, GazetteerEntry, OrgLexicon
from pipeline.components.org_names import NameGrammar
from pipeline.components.party_description import PartyDescription
from pipeline.components.party_groups import group_mentions, only_body_of_its_kind
from pipeline.components.party_links import link_names
from pipeline.components.party_mentions import DocumentMentions, Mention
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
        found = DocumentMentions(self, doc)
        mentions = found.collect()
        link_names(found, mentions)
        parties = _parties(found, mentions)
        doc._.parties = parties
        doc.spans["parties"] = sorted((m for p in parties for m in p.mentions), key=lambda s: (s.start, s.end))
        return doc

    def key(self, text: str) -> str:
        """The form mentions are merged on: SPEC 4 comparison, one spelling, canonical country names."""
        return self.lexicon.normalise(self.countries.canonical_names(spec_form(text)))


def _parties(found: DocumentMentions, mentions: list[Mention]) -> list[Party]:
    """One Party per group with a mention that names a body outright (or the only committee of its kind)."""
    groups = group_mentions(found, mentions)
    ordered = sorted(groups, key=lambda g: min(m.span.start for m in g))
    description = PartyDescription(found, mentions)
    parties = []
    named = [m.key for g in groups for m in g if m.strong]
    for group in ordered:
        if not any(m.strong for m in group) and (
            all(m.furniture for m in group) or not only_body_of_its_kind(found, group, named)
        ):
            continue
        party_id = f"p{len(parties) + 1}"
        parties.append(_party(found.doc, description, party_id, sorted(group, key=lambda m: m.span.start)))
    return parties


def _party(doc: Doc, description: PartyDescription, party_id: str, group: list[Mention]) -> Party:
    entry = next((m.entry for m in group if m.entry is not None), None)
    surfaces = [" ".join(m.span.text.split()) for m in group]
    name_mention = description.name_mention(group, entry)
    name = name_mention.name or " ".join(name_mention.span.text.split())
    acronyms = Counter(s for m, s in zip(group, surfaces) if m.acronym)
    acronym = acronyms.most_common(1)[0][0] if acronyms else None
    aliases = list(dict.fromkeys(s for s in surfaces if s not in (name, acronym)))
    spans = []
    for m in group:
        span = Span(doc, m.span.start, m.span.end, label=MENTION_LABEL, kb_id=party_id)
        span._.party_id = party_id
        spans.append(span)
    return Party(
        party_id=party_id,
        name=name,
        acronym=acronym,
        aliases=aliases,
        kind=entry.kind if entry is not None else description.kind(name_mention.span, name_mention.name),
        country=description.country(group, name_mention.span, entry),
        mentions=spans,
        canonical=entry.name if entry is not None else None,
    )
