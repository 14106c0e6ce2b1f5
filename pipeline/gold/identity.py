"""Gold for corpus identity: `annotations/identity.yaml` (format: annotations/README.md,
guide: annotations/IDENTITY_GUIDE.md).

    load_identity(path) -> IdentityGold
    identity_problems(identity, golds) -> list[str]      empty when the file is sound
    resolve_identity(identity, golds) -> ResolvedIdentity
        gold clusters of items: (doc_id, index into that gold file's `parties` or
        `agreements`), for the identity scorer (pipeline.evaluation.identity)

The file lists only bodies named in two or more documents and instruments
with two or more events; every gold party or event it does not list is a body
or instrument of its own. A member is a one-entry mapping `doc_id: reference`:
for a party, its gold `name` or one of its aliases; for an event, its gold
`evidence` snippet (white space runs compare equal to one space).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from pipeline.gold.locating import collapse
from pipeline.gold.records import Gold
from pipeline.text import spec_form

IDENTITY_FILE = "identity.yaml"

ItemKey = tuple[str, int]  # (doc_id, index of the party or agreement in its gold file)


class IdentityFormatError(ValueError):
    """An identity file that cannot be read as annotations/README.md describes."""


@dataclass(frozen=True)
class Member:
    doc_id: str
    reference: str  # a party's name or alias; an event's evidence


@dataclass(frozen=True)
class Group:
    label: str  # `name` of a body, `title` of an instrument: for people, not scored
    members: tuple[Member, ...]


@dataclass(frozen=True)
class IdentityGold:
    organisations: tuple[Group, ...]
    instruments: tuple[Group, ...]
    path: Path | None = None
    # The gold subsets the annotators worked through (None: all): items of other subsets are no
    # singletons of the gold, only unannotated.
    subsets: tuple[str, ...] | None = None


@dataclass(frozen=True)
class ResolvedIdentity:
    organisations: list[set[ItemKey]]
    instruments: list[set[ItemKey]]


# Per section: the list's key, its label key, its members' key, other keys allowed.
_SECTIONS = {
    "organisations": ("name", "parties", {"country", "note"}),
    "instruments": ("title", "events", {"note"}),
}


def load_identity(path: str | Path) -> IdentityGold:
    path = Path(path)
    # BaseLoader: every scalar stays a string ("2017" is text, as in the gold files).
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader) or {}  # noqa: S506
    if not isinstance(data, dict) or set(data) - {*_SECTIONS, "subsets"}:
        raise IdentityFormatError(f"{path}: expected a mapping with keys {sorted(_SECTIONS)} and optionally `subsets`")
    subsets = data.get("subsets")
    if subsets is not None and not (isinstance(subsets, list) and all(isinstance(x, str) for x in subsets)):
        raise IdentityFormatError(f"{path}: `subsets` must be a list of gold subsets (seeds, dev, ...)")
    sections = {name: tuple(_groups(data.get(name) or [], name, path)) for name in _SECTIONS}
    return IdentityGold(sections["organisations"], sections["instruments"], path, tuple(subsets) if subsets else None)


def _groups(items: object, section: str, path: Path):
    label_key, members_key, others = _SECTIONS[section]
    if not isinstance(items, list):
        raise IdentityFormatError(f"{path}: `{section}` must be a list")
    for index, item in enumerate(items):
        where = f"{path}: {section}[{index}]"
        if not isinstance(item, dict) or set(item) - {label_key, members_key, *others}:
            raise IdentityFormatError(f"{where}: expected a mapping with `{label_key}`, `{members_key}` and optionally {sorted(others)}")
        members = item.get(members_key)
        if not isinstance(members, list) or not all(isinstance(m, dict) and len(m) == 1 for m in members):
            raise IdentityFormatError(f"{where}: `{members_key}` must be a list of one-entry mappings `doc_id: reference`")
        label = item.get(label_key)
        if not isinstance(label, str) or not label.strip():
            raise IdentityFormatError(f"{where}: `{label_key}` is required")
        yield Group(label.strip(), tuple(Member(str(doc_id).strip(), str(ref).strip()) for m in members for doc_id, ref in m.items()))


def _party_indices(gold: Gold, reference: str) -> list[int]:
    key = spec_form(reference)
    return [i for i, party in enumerate(gold.parties) if key in {spec_form(form) for form in party.forms}]


def _event_indices(gold: Gold, reference: str) -> list[int]:
    snippet = collapse(reference)
    return [i for i, event in enumerate(gold.agreements) if collapse(event.evidence) == snippet]


_FINDERS = {"organisations": ("parties", _party_indices), "instruments": ("events", _event_indices)}


def _resolve(identity: IdentityGold, golds: dict[str, Gold]) -> tuple[ResolvedIdentity, list[str]]:
    problems: list[str] = []
    clusters: dict[str, list[set[ItemKey]]] = {}
    for section, (what, find) in _FINDERS.items():
        clusters[section] = []
        owner: dict[ItemKey, str] = {}
        for group in getattr(identity, section):
            cluster: set[ItemKey] = set()
            for member in group.members:
                where = f"{section} {group.label!r}: {member.doc_id}: {member.reference!r}"
                if member.doc_id not in golds:
                    problems.append(f"{where}: no gold file for this doc_id")
                    continue
                found = find(golds[member.doc_id], member.reference)
                if len(found) != 1:
                    problems.append(f"{where}: names {len(found)} of the document's gold {what}, not one")
                    continue
                item = (member.doc_id, found[0])
                if item in owner:
                    problems.append(f"{where}: already in {owner[item]!r}")
                owner[item] = group.label
                cluster.add(item)
            if len(group.members) < 2:
                problems.append(f"{section} {group.label!r}: fewer than two members (an unlisted item is one of its own)")
            if section == "organisations" and len({doc_id for doc_id, _ in cluster}) < len(cluster):
                problems.append(f"{section} {group.label!r}: two parties of one document (a gold file lists each body once)")
            clusters[section].append(cluster)
    return ResolvedIdentity(clusters["organisations"], clusters["instruments"]), problems


def identity_problems(identity: IdentityGold, golds: dict[str, Gold]) -> list[str]:
    return _resolve(identity, golds)[1]


def resolve_identity(identity: IdentityGold, golds: dict[str, Gold]) -> ResolvedIdentity:
    """The gold clusters; IdentityFormatError listing every problem if the file does not fit the gold files."""
    resolved, problems = _resolve(identity, golds)
    if problems:
        raise IdentityFormatError(f"{identity.path}:\n  " + "\n  ".join(problems))
    return resolved
