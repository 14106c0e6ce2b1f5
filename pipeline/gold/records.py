"""The gold annotations of one document (SPEC section 2), as loaded."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline.text import spec_form


@dataclass(frozen=True)
class GoldParty:
    name: str
    aliases: tuple[str, ...]
    kind: str
    country: str | None
    optional: bool = False

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class GoldDate:
    text: str
    value: str
    granularity: str | None = None  # optional in the file; checked against the value
    from_context: bool | None = None
    optional: bool = False


@dataclass(frozen=True)
class GoldCount:
    text: str
    value: float | None  # None when the file's value is not a number (a validation problem)
    raw_value: str
    unit: str
    kind: str
    qualifier: str = "exact"
    optional: bool = False


@dataclass(frozen=True)
class GoldAgreement:
    evidence: str
    type: str
    action: str
    parties: tuple[str, ...] = ()
    parties_optional: tuple[str, ...] = ()
    date: str | None = None
    place: str | None = None
    valid_until: str | None = None
    title: str | None = None
    optional: bool = False


@dataclass(frozen=True)
class Gold:
    doc_id: str
    parties: tuple[GoldParty, ...] = ()
    dates: tuple[GoldDate, ...] = ()
    counts: tuple[GoldCount, ...] = ()
    agreements: tuple[GoldAgreement, ...] = ()
    path: Path | None = None

    def party_forms(self, party: str) -> frozenset[str]:
        """Normalised forms that name the same body as an agreement's `party` string.

        The string itself plus the name and aliases of every `parties` entry
        it names; a country matches only itself.
        """
        key = spec_form(party)
        forms = {key}
        for entry in self.parties:
            entry_forms = {spec_form(form) for form in entry.forms}
            if key in entry_forms:
                forms |= entry_forms
        return frozenset(forms)
