"""One identity per instrument across the corpus: the `instruments` table and `agreements.instrument_id`.

    link_instruments(agreements, parties, organisations) -> Instruments
        .rows            one INSTRUMENTS row per distinct instrument, sorted by instrument_id
        .instrument_of   agreement_id -> instrument_id for every agreements row
    in_force_on(instruments, day) -> the rows in force on `day`

Agreement events (of any document) are one instrument's when they have the
same type family (an MoU and an MoC are both memoranda; an implementation
arrangement is an arrangement), the same sides (org_ids, or states: a
"Government of X" is the state X) and compatible titles, and their dates fit
one timeline:
- each signing or adoption on a different date starts an instrument of its own
  (a joint committee adopts a new statement at every meeting; "the MoU for the
  next period was signed" is a new MoU), and so does an instrument referred to
  by its own date ("a 2009 agreement");
- a renewal, extension or reference belongs to the latest instrument signed
  on or before it; an undated one to the latest instrument of its sides, or,
  when its mention sets it before a newer one (`points_to_earlier`: "under the
  earlier text"), to the one before the newest its document tells of;
- an event with fewer than two sides joins the one instrument of its family in
  its document whose sides include its own; across documents it links only
  through an equal title.
"""

from __future__ import annotations

import datetime
import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from pipeline.corpus.names import country_of_name, name_key
from pipeline.corpus.organisations import Organisations
from pipeline.corpus.periods import overlap, period

Row = dict

TYPE_FAMILY = {"mou": "memorandum", "moc": "memorandum", "implementation_arrangement": "arrangement"}
ORIGIN_ACTIONS = ("signed", "adopted")
# Later in a timeline on the same day: signed/adopted, then renewed, then extended.
ACTION_RANK = {"signed": 0, "adopted": 0, "renewed": 1, "extended": 2}


@dataclass
class _Event:
    row: Row
    family: str
    sides: tuple[str, ...]
    title: str  # name_key of the title, "" when none

    @property
    def dated_anchor(self) -> bool:
        """Dates the instrument itself: a dated signing or adoption, or a dated reference."""
        return self.row["date_value"] is not None and self.row["action"] in (*ORIGIN_ACTIONS, "referenced")

    @property
    def order(self) -> tuple:
        first = period(self.row["date_value"])
        return (first[0] if first else datetime.date.max, self.row["doc_id"], self.row["agreement_id"])


@dataclass
class _Instrument:
    anchor: str | None  # date_value of the event that started it
    events: list[_Event] = field(default_factory=list)

    @property
    def start(self) -> datetime.date:
        first = period(self.anchor)
        return first[0] if first else datetime.date.min

    def fits_title(self, event: _Event) -> bool:
        titles = {e.title for e in self.events if e.title}
        return not event.title or not titles or event.title in titles


@dataclass
class Instruments:
    rows: list[Row]
    instrument_of: dict[str, str]


def _side_resolver(parties: Iterable[Row], organisations: Organisations):
    """A document's party string -> org_id (through its parties row), a state's name, or the string.
    A government is its state as a side: "Government of the Islamic Republic of Pakistan" and
    "Pakistan" sign the same agreements."""
    states = {
        row["org_id"]: row["country"]
        for row in organisations.rows
        if row["country"] and name_key(row["name"]).startswith("government of")
    }
    forms: dict[str, dict[str, str]] = {}
    for row in parties:
        org_id = organisations.org_of[(row["doc_id"], row["party_id"])]
        for form in (row["name"], row.get("acronym"), *(row.get("aliases") or [])):
            if form:
                forms.setdefault(row["doc_id"], {}).setdefault(name_key(form), states.get(org_id, org_id))

    def side(doc_id: str, named: str) -> str:
        return forms.get(doc_id, {}).get(name_key(named)) or country_of_name(named) or named

    return side


def link_instruments(agreements: Iterable[Row], parties: Iterable[Row], organisations: Organisations) -> Instruments:
    side = _side_resolver(parties, organisations)
    whole: dict[tuple, list[_Event]] = {}
    partial: dict[tuple, list[_Event]] = {}
    for row in agreements:
        sides = tuple(sorted({side(row["doc_id"], named) for named in row["parties"] or []}))
        event = _Event(row, TYPE_FAMILY.get(row["type"], row["type"]), sides, name_key(row["title"]))
        if len(sides) > 1:
            whole.setdefault((event.family, sides), []).append(event)
        else:
            # With fewer than two sides the text (or its reading) left a side out: "an agreement
            # with Egypt" in two documents may be two agreements. Then only the document, or an
            # equal title, says two events are one instrument.
            partial.setdefault((event.family, sides, event.title or row["doc_id"]), []).append(event)
    built = {key: _timelines(events) for key, events in whole.items()}
    of_document: dict[tuple[str, str], list[tuple[tuple, _Instrument]]] = {}
    for key, instruments in built.items():
        for instrument in instruments:
            for doc_id in dict.fromkeys(e.row["doc_id"] for e in instrument.events):
                of_document.setdefault((doc_id, key[0]), []).append((key, instrument))
    for key in sorted(partial):
        rest = [e for e in sorted(partial[key], key=lambda e: e.order) if not _joined_in_document(e, of_document)]
        if rest:
            built[key] = _timelines(rest)
    names = {row["org_id"]: row["name"] for row in organisations.rows}
    rows, instrument_of, taken = [], {}, set()
    for key in sorted(built):
        for instrument in built[key]:
            row = _describe(instrument, key, names, taken)
            rows.append(row)
            for event in instrument.events:
                instrument_of[event.row["agreement_id"]] = row["instrument_id"]
    return Instruments(sorted(rows, key=lambda r: r["instrument_id"]), instrument_of)


def _joined_in_document(event: _Event, of_document: dict) -> bool:
    """An event missing a side ("under the 2019 agreement") joins the one instrument of its family
    in its document whose sides include its own and whose dates it fits ("an agreement with
    Egypt" does not join the document's agreement between Japan and the United States)."""
    if event.title:
        return False
    candidates = of_document.get((event.row["doc_id"], event.family), [])
    chosen = {id(instrument): instrument for key, instrument in candidates if set(event.sides) <= set(key[1])}
    if len(chosen) != 1:
        return False
    instrument = next(iter(chosen.values()))
    if event.dated_anchor and instrument.anchor is not None and not overlap(instrument.anchor, event.row["date_value"]):
        return False
    instrument.events.append(event)
    return True


def _timelines(events: list[_Event]) -> list[_Instrument]:
    """The instruments of one family and set of sides, each with its events."""
    instruments: list[_Instrument] = []
    anchors = sorted((e for e in events if e.dated_anchor), key=lambda e: e.order)
    for event in anchors:
        same = [i for i in instruments if i.fits_title(event) and overlap(i.anchor, event.row["date_value"])]
        if same:
            same[0].events.append(event)
        else:
            instruments.append(_Instrument(event.row["date_value"], [event]))
    undated_origins = [e for e in events if not e.dated_anchor and e.row["action"] in ORIGIN_ACTIONS]
    continuations = [e for e in events if not e.dated_anchor and e.row["action"] not in ORIGIN_ACTIONS]
    for event in sorted(undated_origins, key=lambda e: e.order) + sorted(continuations, key=lambda e: e.order):
        _continued(instruments, event).events.append(event)
    return instruments


def _continued(instruments: list[_Instrument], event: _Event) -> _Instrument:
    """The instrument an event continues: the latest of its title begun by the event's date;
    for a mention of an older one ("under the earlier text"), the latest begun before the
    newest its document tells of (or, when it tells of none, before the newest of all)."""
    fitting = [i for i in instruments if i.fits_title(event)]
    when = period(event.row["date_value"])
    begun = begun_all = [i for i in fitting if when is None or i.start <= when[1]]
    if event.row.get("points_to_earlier"):
        doc_id = event.row["doc_id"]
        own = [i for i in begun if any(e.row["doc_id"] == doc_id and not e.row.get("points_to_earlier") for e in i.events)]
        newest = max((i.start for i in own or begun), default=None)
        # A year earlier at least: two signings of the same sides days apart in one document
        # are more likely one signing read twice (a dateline and "signed on April 9").
        begun = [i for i in begun if newest is not None and i.start.year < newest.year] or begun_all
    chosen = max(begun or fitting, key=lambda i: i.start, default=None)
    if chosen is None:
        chosen = _Instrument(None)
        instruments.append(chosen)
    return chosen


def _most_common(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    return min(counts, key=lambda v: (-counts[v], v)) if counts else None


def _latest(events: list[_Event], column: str, order) -> _Event | None:
    dated = [e for e in events if period(e.row[column]) is not None]
    return max(dated, key=order, default=None)


def _describe(instrument: _Instrument, key: tuple, names: dict[str, str], taken: set[str]) -> Row:
    events = sorted(instrument.events, key=lambda e: e.order)
    family, sides = key[0], key[1]
    origins = [e for e in events if e.row["action"] in ORIGIN_ACTIONS] or [e for e in events if e.dated_anchor]
    first = min((e for e in origins if period(e.row["date_value"])), key=lambda e: period(e.row["date_value"])[0], default=None)
    actions = [e for e in events if e.row["action"] in ACTION_RANK]
    latest = _latest(actions, "date_value", lambda e: (period(e.row["date_value"])[0], ACTION_RANK[e.row["action"]]))
    # An undated renewal or extension still comes after the signing it continues.
    undated = max((e for e in actions if period(e.row["date_value"]) is None), key=lambda e: ACTION_RANK[e.row["action"]], default=None)
    if undated is not None and (latest is None or ACTION_RANK[undated.row["action"]] > ACTION_RANK[latest.row["action"]]):
        latest = undated
    validity = _latest(events, "valid_until", lambda e: period(e.row["valid_until"])[1])
    valid_until = validity.row["valid_until"] if validity else None
    latest_date = latest.row["date_value"] if latest else None
    # Renewed after the last end of validity the text gives: the new end is unknown.
    if valid_until and latest_date and period(latest_date)[0] > period(valid_until)[1]:
        valid_until = None
    identity = f"{family}|{'|'.join(sides) or key[2]}|{instrument.anchor or ''}|{_most_common(e.title for e in events) or ''}"
    instrument_id = _instrument_id(identity)
    if instrument_id in taken:  # two undated instruments of the same sides, told apart by title only
        instrument_id = _instrument_id(identity + min(e.row["agreement_id"] for e in events))
    taken.add(instrument_id)
    return {
        "instrument_id": instrument_id,
        "type": _most_common(e.row["type"] for e in (origins or events)),
        "title": _most_common(e.row["title"] for e in events),
        "sides": list(sides),
        "side_names": [names.get(s, s) for s in sides],
        "first_signed": first.row["date_value"] if first else None,
        "latest_action": latest.row["action"] if latest else None,
        "latest_action_date": latest_date,
        "valid_until": valid_until,
        "n_events": len(events),
        "n_documents": len({e.row["doc_id"] for e in events}),
    }


def _instrument_id(identity: str) -> str:
    return f"ins-{hashlib.sha1(identity.encode()).hexdigest()[:10]}"


def in_force_on(instruments: Iterable[Row], day: datetime.date) -> list[Row]:
    """Instruments signed by `day` (the whole period of a year or month signed) and not past
    their validity on it. An instrument with no end of validity in the corpus counts as in force."""
    found = []
    for row in instruments:
        signed = period(row["first_signed"])
        valid = period(row["valid_until"])
        if signed is not None and signed[1] <= day and (valid is None or valid[1] >= day):
            found.append(row)
    return found
