"""One identity per body across the corpus: the `organisations` table and `parties.org_id`.

    resolve_organisations(parties, gazetteer) -> Organisations
        .rows          one ORGANISATIONS row per distinct body, sorted by org_id
        .org_of        (doc_id, party_id) -> org_id for every parties row

How parties rows of different documents become one body (union-find over rows):
- a gazetteer entry they both name (its aliases: DFG = German Research Foundation),
  in a compatible country and with a compatible acronym;
- an equal long name (`name_key`: case, "the", &/and, Organisation/Organization,
  UK/United Kingdom, plural endings) in the same country, unless the two define
  different acronyms (India's DST, the Philippines' DOST); a state at the start or
  end of a name counts as its country ("Cabinet Office of Japan" = Japan's
  "Cabinet Office");
- a row without a country joins the body of that name in a country its document
  deals with, or, for a distinctive name ("Mohammed Bin Rashid Space Centre"), the
  only body of that name; unplaced rows of a generic name are one body only across
  documents that share a country (two, for a joint body), so India's, Vietnam's and
  Pakistan's "Ministry of Science and Technology" stay three;
- a row that names a body only by its acronym joins the one body that defines that
  acronym in the corpus (in a compatible country), and stays apart when two bodies
  share it (CSTP: the OECD committee and Japan's council).
Long names are never merged on a shared acronym alone, for the same reason. The
country a row carries (the text's, where the text states it) decides which
gazetteer entry an acronym links to, never the other way round. An embassy
or consulate named without its host ("Embassy of India") is a body per document:
India has one in every capital.
"""

from __future__ import annotations

import hashlib
import itertools
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.corpus.names import (
    acronym_signature,
    is_acronym,
    is_generic,
    is_joint,
    name_key,
    singular_words,
    without_state,
    word_overlap,
)
from pipeline.components.org_lexicon import GazetteerEntry
from pipeline.data_files import data_path

Row = dict
PartyRef = tuple[str, str]  # (doc_id, party_id)

# Heads of bodies a sending state has in many places; their name says which only with "in <place>".
_POSTED_HEADS = ("embassy", "consulate", "consulate general", "high commission", "permanent mission")


def load_gazetteer(paths: Iterable[str | Path]) -> list[GazetteerEntry]:
    """The JSONL gazetteer files st_parties reads (pipeline.cfg `gazetteers`, `user_gazetteer`)."""
    entries = []
    for path in paths:
        for line in data_path(path).read_text(encoding="utf-8").splitlines():
            if line.strip():
                entries.append(GazetteerEntry.from_record(json.loads(line)))
    return entries


def configured_gazetteer() -> list[GazetteerEntry]:
    from pipeline.nlp import load_config

    settings = load_config()["components"]["st_parties"]
    return load_gazetteer([*settings["gazetteers"], *([settings["user_gazetteer"]] if settings.get("user_gazetteer") else [])])


class _GazetteerIndex:
    """Gazetteer entries by long-name key (with their country) and by acronym."""

    def __init__(self, entries: list[GazetteerEntry]):
        self.entries = entries
        self.by_name: dict[str, list[int]] = {}
        self.by_stripped_name: dict[tuple[str, str], list[int]] = {}
        self.by_acronym: dict[str, list[int]] = {}
        self.signatures: list[set[str]] = []
        for index, entry in enumerate(entries):
            self.signatures.append({acronym_signature(form) for form in (entry.name, *entry.aliases) if is_acronym(form)})
            for form in (entry.name, *entry.aliases):
                if is_acronym(form):
                    self.by_acronym.setdefault(form, []).append(index)
                    continue
                key = name_key(form)
                self.by_name.setdefault(singular_words(key), []).append(index)
                for stripped, country in without_state(key):
                    if country == entry.country:
                        self.by_stripped_name.setdefault((singular_words(stripped), country), []).append(index)

    def find(self, long_keys: list[str], acronyms: list[str], country: str | None, signature: str | None) -> int | None:
        """The entry a row names: by a long name in a compatible country and with a compatible
        acronym; by acronym and country when the row's long name is mostly the entry's ("Japan
        Science and Technology (JST)"); by acronym alone only for a row that has no long name
        (an acronym alone says too little against the row's own name)."""

        def compatible(indices: list[int]) -> list[int]:
            fits = [
                i for i in dict.fromkeys(indices)
                if (country is None or self.entries[i].country in (None, country))
                and (signature is None or not self.signatures[i] or signature in self.signatures[i])
            ]
            return fits if len(fits) == 1 else []

        for key in long_keys:
            found = compatible(self.by_name.get(key, []))
            if not found and country is not None:
                found = compatible(self.by_stripped_name.get((key, country), []))
            if found:
                return found[0]
        if country is not None and long_keys:
            for acronym in acronyms:
                found = [
                    i for i in self.by_acronym.get(acronym, [])
                    if self.entries[i].country == country and any(
                        word_overlap(key, singular_words(name_key(form))) >= 0.5
                        for key in long_keys for form in (self.entries[i].name, *self.entries[i].aliases)
                    )
                ]
                if len(found) == 1:
                    return found[0]
        if not long_keys:
            for acronym in acronyms:
                found = compatible(self.by_acronym.get(acronym, []))
                if found:
                    return found[0]
        return None


@dataclass
class _Party:
    """One parties row as resolution sees it."""

    ref: PartyRef
    row: Row
    long_forms: list[str]
    acronyms: list[str]
    country: str | None
    entry: int | None = None
    signature: str | None = None  # acronym_signature of the acronym the row defines
    keys: list[str] = field(default_factory=list)  # name_key of each long form, and of it without its state

    @property
    def scope(self) -> str:
        """The document, for a body named without what tells it from its namesakes (an embassy without its host)."""
        posted = any(key.startswith(_POSTED_HEADS) and " in " not in key for key in self.keys)
        return self.ref[0] if posted else ""


class _UnionFind:
    def __init__(self):
        self.parent: dict[object, object] = {}

    def find(self, item):
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a, b) -> None:
        self.parent[self.find(a)] = self.find(b)


@dataclass
class Organisations:
    rows: list[Row]
    org_of: dict[PartyRef, str]


def _party(row: Row, gazetteer: _GazetteerIndex) -> _Party:
    forms = [f for f in dict.fromkeys((row["name"], *(row.get("aliases") or []))) if f]
    long_forms = [f for f in forms if not is_acronym(f)]
    acronyms = list(dict.fromkeys(f for f in (row.get("acronym"), *forms) if f and is_acronym(f)))
    party = _Party((row["doc_id"], row["party_id"]), row, long_forms, acronyms, row.get("country"))
    party.signature = acronym_signature(row["acronym"]) if row.get("acronym") else None
    keys = [name_key(f) for f in long_forms]
    party.entry = gazetteer.find([singular_words(k) for k in keys], acronyms, party.country, party.signature)
    if party.country is None and party.entry is not None:
        party.country = gazetteer.entries[party.entry].country
    for key in list(keys):
        for stripped, country in without_state(key):
            if party.country is None:
                party.country = country
            if country == party.country:
                keys.append(stripped)
    party.keys = list(dict.fromkeys(singular_words(k) for k in keys))
    return party


def resolve_organisations(parties: Iterable[Row], gazetteer: list[GazetteerEntry]) -> Organisations:
    index = _GazetteerIndex(gazetteer)
    rows = sorted(parties, key=lambda r: (r["doc_id"], r["party_id"]))
    members = [_party(row, index) for row in rows]
    sets = _UnionFind()
    for p in members:
        sets.find(p.ref)
        if p.entry is not None:
            sets.union(p.ref, ("gazetteer", p.entry))
    _join_placed_names(members, sets)
    _place_unplaced(members, sets)
    _place_bare_acronyms(members, sets)
    clusters: dict[object, list[_Party]] = {}
    for p in members:
        clusters.setdefault(sets.find(p.ref), []).append(p)
    return _describe(list(clusters.values()), index)


def _join_placed_names(members: list[_Party], sets: _UnionFind) -> None:
    """Rows with a country are one body with every row of an equal name in that country, unless
    both define different acronyms (India's DST and the Philippines' DOST when a row misplaces
    DOST); a row without an acronym joins the only acronym its name has in that country."""
    signatures: dict[tuple, set[str | None]] = {}
    for p in members:
        if p.country is not None:
            for key in p.keys:
                node = (key, p.country, p.scope)
                sets.union(p.ref, ("name", *node, p.signature))
                signatures.setdefault(node, set()).add(p.signature)
    for node, found in signatures.items():
        defined = found - {None}
        if None in found and len(defined) == 1:
            sets.union(("name", *node, None), ("name", *node, defined.pop()))


def _place_unplaced(members: list[_Party], sets: _UnionFind) -> None:
    """A row without a country joins the one placed body using its name: for a name many states
    give a body (`is_generic`), only one of a country its document deals with. Unplaced rows of
    one name are one body when the name is distinctive, or when their documents share a country
    (two, for a joint body: Spain and Egypt's "Joint Committee" is not Egypt and Kenya's)."""
    doc_countries: dict[str, set[str]] = {}
    placed_by_key: dict[str, dict[object, str]] = {}
    for p in members:
        if p.country is not None:
            doc_countries.setdefault(p.ref[0], set()).add(p.country)
            for key in p.keys:
                placed_by_key.setdefault(key, {})[sets.find(p.ref)] = p.country
    for p in members:
        if p.country is not None or p.scope:
            continue
        here = doc_countries.get(p.ref[0], set())
        for key in p.keys:
            bodies = {root for root, country in placed_by_key.get(key, {}).items() if not is_generic(key) or country in here}
            if len(bodies) == 1:
                sets.union(p.ref, bodies.pop())
            elif not is_generic(key):
                sets.union(p.ref, ("unplaced name", key))
            else:  # one node per country (pair): rows whose documents share one meet there, in linear time
                shared = itertools.combinations(sorted(here), 2) if is_joint(key) else ((c,) for c in here)
                for countries in shared:
                    sets.union(p.ref, ("unplaced name", key, *countries))


def _place_bare_acronyms(members: list[_Party], sets: _UnionFind) -> None:
    """A row named only by an acronym joins the one body that defines it, in a compatible country."""
    defined: dict[str, list[_Party]] = {}
    for p in members:
        if p.long_forms:
            for acronym in p.acronyms:
                defined.setdefault(acronym_signature(acronym), []).append(p)
    for p in members:
        if p.long_forms:
            continue
        for acronym in p.acronyms:
            bodies = {
                sets.find(q.ref)
                for q in defined.get(acronym_signature(acronym), [])
                if p.country is None or q.country in (None, p.country)
            }
            if len(bodies) == 1:
                sets.union(p.ref, bodies.pop())
            else:
                sets.union(p.ref, ("bare acronym", acronym_signature(acronym), p.country))


def _most_common(values: Iterable[str | None]) -> str | None:
    """The most frequent value; ties go to the alphabetically first. None when there is none."""
    counts = Counter(v for v in values if v)
    return min(counts, key=lambda v: (-counts[v], v)) if counts else None


def _usual_name(names: list[str]) -> str | None:
    """The name most documents use; of equally used ones the fullest ("and" over "&", "of Japan" kept)."""
    counts = Counter(names)
    return min(counts, key=lambda v: (-counts[v], -len(v), v)) if counts else None


def _describe(clusters: list[list[_Party]], index: _GazetteerIndex) -> Organisations:
    org_of: dict[PartyRef, str] = {}
    rows: list[Row] = []
    taken: set[str] = set()
    for cluster in sorted(clusters, key=lambda c: min(p.ref for p in c)):
        entry = next((index.entries[p.entry] for p in cluster if p.entry is not None), None)
        country = _most_common(p.country for p in cluster) or (entry.country if entry else None)
        name = entry.name if entry else _usual_name([f for p in cluster for f in p.long_forms[:1]])
        acronym = _most_common(a for p in cluster for a in p.acronyms)
        name = name or acronym
        forms = {f for p in cluster for f in (*p.long_forms, *p.acronyms)}
        org_id = _org_id(name, country, cluster[0].scope)
        if org_id in taken:  # two bodies that keep the same name and country apart (bare acronyms)
            org_id = _org_id(name, country, repr(min(p.ref for p in cluster)))
        taken.add(org_id)
        for p in cluster:
            org_of[p.ref] = org_id
        rows.append({
            "org_id": org_id,
            "name": name,
            "acronym": acronym,
            "aliases": sorted(forms - {name, acronym}),
            "kind": entry.kind if entry else _most_common(p.row["kind"] for p in cluster) or "other",
            "country": country,
            "n_documents": len({p.ref[0] for p in cluster}),
            "n_mentions": sum(p.row["n_mentions"] for p in cluster),
        })
    return Organisations(sorted(rows, key=lambda r: r["org_id"]), org_of)


def _org_id(name: str, country: str | None, scope: str) -> str:
    """A short, stable id from what identifies the body: its canonical name and country."""
    digest = hashlib.sha1(f"{name_key(name)}|{country or ''}|{scope}".encode()).hexdigest()
    return f"org-{digest[:10]}"
