"""The records st_agreements makes: events (SPEC 3.4), instrument mentions, instruments."""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from spacy.tokens import Doc, Span

from pipeline.components.extensions import plain_extension


@dataclass
class Agreement:
    type: str                   # SPEC 3.4: agreement, mou, moc, loi, implementation_arrangement, ...
    action: str                 # signed, renewed, extended, adopted, referenced
    title: str | None
    parties: list[str]          # party names (Party.name) or country names
    date_value: str | None      # DateValue.value of the action's date
    date_text: str | None
    place: str | None
    valid_until: str | None     # DateValue.value
    evidence: Span              # the sentence stating the event
    trigger: Span               # the instrument's mention
    instrument_id: str = ""     # shared by the events of one instrument: "i1", "i2", ...
    points_to_earlier: bool = False   # the mention sets its instrument before a newer one of its sides


_AGREEMENT_FIELDS = tuple(f.name for f in fields(Agreement))


def agreement_record(agreement: Agreement) -> dict:
    """An event as plain data: its Spans as token offsets."""
    record = {name: getattr(agreement, name) for name in _AGREEMENT_FIELDS}
    record["evidence"] = [agreement.evidence.start, agreement.evidence.end]
    record["trigger"] = [agreement.trigger.start, agreement.trigger.end]
    return record


def _agreement(record: dict, doc: Doc) -> Agreement:
    (evidence_start, evidence_end), (trigger_start, trigger_end) = record["evidence"], record["trigger"]
    return Agreement(**{
        **record,
        "evidence": doc[evidence_start:evidence_end],
        "trigger": Span(doc, trigger_start, trigger_end, label=record["type"]),
    })


plain_extension(
    Doc, "agreements",
    lambda agreements: [agreement_record(a) for a in agreements],
    lambda records, doc: [_agreement(r, doc) for r in records],
)                                                           # list[Agreement]


@dataclass
class Mention:
    """A mention of an instrument: its name ("the MoU"), or a pronoun standing for it."""

    span: Span
    type: str
    plural: bool


@dataclass
class Instrument:
    """One agreement, MoU, ... of the document, with the events told of it so far."""

    id: str
    type: str
    parties: list[str]
    events: list[Agreement] = field(default_factory=list)
    called: set[str] = field(default_factory=set)   # the types of the mentions that named it
    older: bool = False   # first named as older than another ("the previous programme")
