"""Mentions into events: the actions told of each instrument, with sides, date, place,
validity and title (reads the index, sides, slots and instruments; nothing reads it)."""

from __future__ import annotations

from spacy.tokenizer import Tokenizer
from spacy.tokens import Span, Token

from pipeline.components.agreements.cues import AgreementCues
from pipeline.components.agreements.index import DocIndex
from pipeline.components.agreements.instruments import Instruments
from pipeline.components.agreements.list_items import read_item
from pipeline.components.agreements.meetings import Meetings
from pipeline.components.agreements.mentions import ANAPHOR
from pipeline.components.agreements.model import Agreement, Instrument, Mention
from pipeline.components.agreements.side_context import listing_verb
from pipeline.components.agreements.sides import Sides
from pipeline.components.agreements.slots import Slots
from pipeline.components.agreements.syntax import Syntax, ends_with
from pipeline.components.agreements.table_rows import read_row
from pipeline.components.org_lexicon import Countries

# A later sentence that tells an event's action again ("The MoU was signed on the
# sidelines of ...") gives the event the date and place it lacks, within this reach.
RETELLING_REACH_CHARS = 800
Dated = Span | tuple[str, str] | None   # a date of st_dates, or a value and text (from the dateline)


class EventReader:
    """Reads one document's mentions into events."""

    def __init__(self, index: DocIndex, cues: AgreementCues, tokenizer: Tokenizer, countries: Countries):
        self.index = index
        self.cues = cues
        self.doc = index.doc
        self.syntax = Syntax(index, cues)
        self.slots = Slots(index, cues, self.syntax)
        self.meetings = Meetings(index, cues, self.syntax, self.slots)
        self.sides = Sides(index, cues, self.syntax, tokenizer, countries)
        self.instruments = Instruments(index, cues, self.slots)
        self.events: list[Agreement] = []
        self.verb_of: dict[int, Token] = {}     # id(event) -> the word giving its action
        self.instrument_at: dict[int, Instrument] = {}   # a mention's root -> its instrument

    def read(self, mentions: list[Mention]) -> list[Agreement]:
        unnamed: list[tuple[Mention, Span, Instrument]] = []   # specific mentions with no action
        discourse = self.index.discourse
        ends = {m.span.end for m in mentions}
        for mention in mentions:
            start = mention.span.start
            if start > 1 and self.doc[start - 1].text == "(" and start - 1 in ends:
                continue   # a gloss of the name before: "a specific agreement (convenio específico)"
            if mention.type == ANAPHOR:
                mention = self.instruments.resolve(mention)
                if mention is None:
                    continue
            unit = self.index.unit(mention.span)
            if discourse.in_quotation(mention.span) and self.instruments.points_back(mention.span):
                continue   # an official quoted on the instrument: "This MoU gives our teams ..."
            if self._read_row(mention, unit) or self._read_item(mention):
                continue
            instrument = self._read(mention, unit)
            if instrument is not None:
                unnamed.append((mention, unit, instrument))
        recorded: dict[tuple[str, str], set[str]] = {}   # (type, party) -> instruments with an event
        for event in self.events:
            for party in event.parties:
                recorded.setdefault((event.type, party), set()).add(event.instrument_id)
        for mention, unit, instrument in unnamed:
            if instrument.events and not self._framed_in(unit, mention.span):
                # a later sentence tells what was done with it ("... was originally signed at Riyadh"),
                # or an earlier one did: a bare re-mention ("- Agreement with Argentina (PDF)")
                continue
            if not any(recorded.get((instrument.type, party), set()) - {instrument.id} for party in instrument.parties):
                self._record(mention, unit, "referenced", None, instrument)
        self._assign_validity()
        events = sorted(self.events, key=lambda e: (e.evidence.start, e.trigger.start))
        _fill_from_retellings(events, self.cues)
        self._fill_from_dateline(events)
        return self._drop_headlines(_drop_echoes(events))

    def _read(self, mention: Mention, unit: Span) -> Instrument | None:
        """Record the events of one mention; give back its instrument if it names a
        specific one with no action (an event only if no other event records it; later
        mentions may point back to it meanwhile)."""
        root = mention.span.root
        verbs = self.syntax.actions(mention, unit) or self._listing_action(mention, unit)
        previous_parties = self.events[-1].parties if self.events else []
        sides = self.sides.sides(mention, [v for v, _ in verbs], unit, previous_parties)
        if mention.plural and (not verbs or len(sides) < 2 or self.syntax.generic_count(root)):
            return None  # generic talk: "bilateral agreements with 53 countries", "signed 23 agreements"
        outer = self.syntax.outer_mention(root, unit)
        if not sides and outer is not None and outer.i in self.instrument_at:
            # "an amendment to their 2013 agreement", "a protocol amending their agreement":
            # the instrument amended is one between the same sides
            sides = list(self.instrument_at[outer.i].parties)
        if not sides and outer is None and verbs and mention.type in self.cues.attached_types:
            sides = self.instruments.amended_before(mention)   # "An addendum signed in Tbilisi ... added"
        if verbs:
            instrument = self._instrument(mention, sides, frozenset(action for _, action in verbs))
            told = len(self.events)
            for verb, action in verbs:
                self._record(mention, unit, action, verb, instrument)
            # "was agreed and signed in Belgrade on 13 December 2023": one signing
            kept: list[Agreement] = []
            for event in sorted(self.events[told:], key=lambda e: e.date_value is None):   # the dated one stays
                same_day = (e.date_value == event.date_value or None in (e.date_value, event.date_value) for e in kept)
                if any(e.action == event.action and same for e, same in zip(kept, same_day)):
                    instrument.events = [e for e in instrument.events if e is not event]
                else:
                    kept.append(event)
            self.events[told:] = kept
            return None
        if self.syntax.nested(root, unit):
            # told, so that "the amended agreement" or "extending the agreement" finds it
            self._instrument(mention, sides)
            return None  # "an Addendum to the MoU": the addendum is the instrument
        before = list(self.doc[unit.start : root.left_edge.i])
        if len(before) >= 3 and before[-1].lower_ == "of" and before[-3].lower_ in self.cues.part_nouns and before[-2].like_num:
            before = before[:-3]   # "established under Article 5 of the Agreement"
        if ends_with(before, self.cues.basis_cues) or self.syntax.frames(root, unit):
            self._record(mention, unit, "referenced", None, self._instrument(mention, sides))
            return None
        if not sides:
            self._extend_validity(mention, unit)
            return None  # a re-mention: "The LoI aims to promote ..."
        return self._instrument(mention, sides)

    def _listing_action(self, mention: Mention, unit: Span) -> list[tuple[Token, str]]:
        """"SQU signed 23 agreements ..., among them a programme with X on 19 February 2018":
        the item is signed by the verb of the list."""
        verb = listing_verb(mention.span.root, unit, self.index, self.cues)
        action = self.cues.action(verb, None, mention.type) if verb is not None else None
        return [(verb, action)] if action else []

    def _instrument(self, mention: Mention, sides: list[str], actions: frozenset[str] = frozenset()) -> Instrument:
        instrument = self.instruments.of(mention, sides, actions)
        self.instrument_at[mention.span.root.i] = instrument
        return instrument

    def _read_row(self, mention: Mention, unit: Span) -> bool:
        """Record the events of a mention in a table row; False if the unit is no table row
        or the row tells no action."""
        row = read_row(self.index, self.cues, self.slots, self.sides, mention, unit)
        if row is None:
            return False
        instrument = self._instrument(mention, row.sides)
        for action, date in row.actions:
            valid_until = row.valid_until if action == "signed" else None
            event = self._event(mention, unit, action, instrument, date, None, valid_until)
            instrument.events.append(event)
            self.events.append(event)
        return True

    def _read_item(self, mention: Mention) -> bool:
        """Record the event of a mention opening a list item under a lead that tells the
        action ("Documents signed at the Meeting included: - Protocol on ..."); False if
        it opens no such item."""
        item = read_item(self.index, self.cues, self.sides, mention)
        if item is None:
            return False
        instrument = self._instrument(mention, item.sides)
        date = self.slots.date(item.verb, item.verb, item.lead) if item.verb.pos_ in ("VERB", "AUX") else None
        place = None
        if date is None:
            date, place = self.meetings.occasion_meeting(item.verb, item.lead)
        event = self._event(mention, item.line, item.action, instrument, date, place, None)
        instrument.events.append(event)
        self.events.append(event)
        return True

    def _record(self, mention: Mention, unit: Span, action: str, verb: Token | None, instrument: Instrument) -> None:
        slots = self.slots
        root = mention.span.root
        if verb is not None:
            date = slots.date(verb, root, unit) or slots.dateline(verb)
        else:   # "under a 2009 agreement", "the Agreement came into force in 2003 and forms the basis of"
            date = next((d for d in self.index.unit_dates(unit) if root.left_edge.i <= d.start < root.i), None)
            in_force = self.syntax.entry_into_force(root)
            if date is None and in_force is not None:
                date = slots.date(in_force, root, unit)
        place = slots.place(verb, mention.span.root, unit, mention.span.end) if verb is not None else None
        if action != "referenced" and (date is None or place is None):
            meeting_date, meeting_place = self.meetings.meeting_of(root, date)   # "the Protocol of the 7th session"
            date, place = date or meeting_date, place or meeting_place
        if action != "referenced" and verb is not None and (date is None or place is None):
            meeting_date, meeting_place = self.meetings.occasion_phrase(verb, unit)   # "during the workshop"
            date, place = date or meeting_date, place or meeting_place
        if action == "adopted" and verb is not None and date is None and place is None:
            date, place = self.meetings.occasion_meeting(verb, unit)
            if date is None and place is None:   # "... approved a programme. The decisions were taken at ..."
                date, place = self.meetings.following_occasion(unit)
        elif action != "referenced" and verb is not None and (date is None or place is None) and not (
            verb.dep_ == "acl" and verb.tag_ == "VBN" and any(c.dep_ == "prep" and c.lower_ == "in" for c in verb.children)
        ):   # not a side remark with a time of its own the date reader missed ("the MoU, signed in May this year")
            meeting_date, meeting_place = self.meetings.nearby_meeting(verb, unit)
            retold = meeting_date is None and meeting_place is None
            if retold:   # "... on May 20 renewed the MoU. The signing took place at ... in Daejeon"
                meeting_date, meeting_place = self.meetings.following_occasion(unit)
            # not where an older signing took place; a day of the page's own ("today signed")
            # is that of a ceremony told without one
            if date is None or _within(date, meeting_date) or ((isinstance(date, tuple) or retold) and meeting_date is None):
                place = place or meeting_place
            date = date or meeting_date
        event = self._event(mention, unit, action, instrument, date, place, None)
        if action != "referenced" and self.events and self.cues.same_occasion.search(unit.text):
            before = self._occasion_before()
            if event.date_value is None:
                event.date_value, event.date_text = before.date_value, before.date_text
            event.place = event.place or before.place
        if verb is not None:
            self.verb_of[id(event)] = verb
        instrument.events.append(event)
        self.events.append(event)
        again = self.syntax.repeated_date(date) if isinstance(date, Span) and action != "referenced" else None
        if again is not None:   # "was renewed in 2015 and again in October 2018": a second renewal
            repeated = self._event(mention, unit, action, instrument, again, None, None)
            instrument.events.append(repeated)
            self.events.append(repeated)

    def _event(
        self, mention: Mention, unit: Span, action: str, instrument: Instrument,
        date: Dated, place: str | None, valid_until: str | None,
    ) -> Agreement:
        if isinstance(date, Span):
            date = (date._.date.value, date.text)
        return Agreement(
            type=instrument.type,
            action=action,
            title=self.slots.title(mention.span, unit),
            parties=list(instrument.parties),
            date_value=date[0] if date is not None else None,
            date_text=date[1] if date is not None else None,
            place=place,
            valid_until=valid_until,
            evidence=unit,
            trigger=mention.span,
            instrument_id=instrument.id,
            points_to_earlier=self.instruments.points_to_earlier(mention, instrument),
        )

    def _fill_from_dateline(self, events: list[Agreement]) -> None:
        """The lead sentence's event ("ABU DHABI, 1 June 2023 – X and Y today signed ...")
        takes the dateline's day and place when nothing closer gives them."""
        discourse = self.index.discourse
        dateline = discourse.dateline
        # an action told in a side remark on the instrument ("was apprised of the MoU signed
        # between India and Russia") is not the news of the day
        news = [e for e in events if e.action != "referenced" and not self._side_remark(e)]
        if dateline is None:
            # a dateline of a place alone ("WASHINGTON: X and Y have extended ..."): the
            # lead's action took place there
            for event in news:
                event.place = event.place or discourse.opens_on_place(event.evidence)
            return
        day = dateline.date._.date.value
        for event in news:
            if not discourse.is_lead(event.evidence):
                # a byline's date far above, a paragraph that opens on its place below the
                # title ("TASHKENT, 22 May (UzA). ..."): that place, for an undated lead
                if event.date_value is None:
                    event.place = event.place or discourse.opens_on_place(event.evidence)
                continue
            if event.date_value is None:
                event.date_value, event.date_text = day, dateline.date.text
            # not where an older signing took place; "on Monday" is a day of the dateline's week
            relative = (event.date_text or "").lower() in self.cues.weekdays
            if event.date_value == day or relative:
                event.place = event.place or dateline.place

    def _side_remark(self, event: Agreement) -> bool:
        verb = self.verb_of.get(id(event))
        return verb is not None and verb.dep_ in ("acl", "relcl") and verb.head.sent.root.i != verb.i and (
            self.cues.action(verb.head.sent.root, None, event.type) is None
        )

    def _drop_headlines(self, events: list[Agreement]) -> list[Agreement]:
        """A headline restates the action its story tells (SPEC 3.5): kept only when the
        page tells no event outside its title lines. A heading that makes an instrument
        the frame of a section ("Joint projects under the NSF–DST arrangement") stays."""
        is_headline = self.index.discourse.is_headline
        headlines = {id(e) for e in events if e.action != "referenced" and is_headline(e.evidence)}
        told = [e for e in events if e.action != "referenced" and not is_headline(e.evidence)]
        for event in events:
            # a title whose verb the parse missed ("Chile and Peru Renew Research Accord") names
            # the instrument its story signs or renews: not a frame of its own
            if event.action == "referenced" and is_headline(event.evidence) and not self._framed(event) and any(
                set(event.parties) & set(e.parties) for e in told
            ):
                headlines.add(id(event))
        if len(headlines) == len(events):
            return events
        return [e for e in events if id(e) not in headlines]

    def _framed(self, event: Agreement) -> bool:
        return self._framed_in(event.evidence, event.trigger)

    def _framed_in(self, unit: Span, mention: Span) -> bool:
        """Whether a title introduces its mention as the frame of something ("Joint projects
        under the NSF–DST arrangement"; titles parse poorly, so any cue before it counts)."""
        words = [t.lower_ for t in self.doc[unit.start : mention.start]]
        return any(tuple(words[n : n + len(cue)]) == cue for cue in self.cues.basis_cues for n in range(len(words)))

    def _occasion_before(self) -> Agreement:
        """The event "the same ceremony" refers to: the last one told in a main clause,
        not in a side remark ("which the two universities concluded in 2008")."""
        told = [e for e in self.events if e.action != "referenced"] or self.events
        informed = [e for e in told if e.date_value or e.place] or told
        main = [e for e in informed if id(e) in self.verb_of and self.verb_of[id(e)].dep_ not in ("relcl", "acl")]
        return (main or informed)[-1]

    def _extend_validity(self, mention: Mention, unit: Span) -> None:
        """"The MoU is valid until 2025": the end of validity of the instrument named before."""
        same_type = self.instruments.recent(mention)
        if not same_type or not same_type[0].events or not self.instruments.points_back(mention.span):
            return
        for date in self.index.unit_dates(unit):
            if self.slots.is_validity(date):
                same_type[0].events[-1].valid_until = date._.date.value

    def _assign_validity(self) -> None:
        """A date after "valid up to", "till", ... ends the validity of the event whose verb
        it hangs from, else of the last event named before it in its sentence."""
        by_unit: dict[tuple[int, int], list[Agreement]] = {}
        for event in self.events:
            by_unit.setdefault((event.evidence.start, event.evidence.end), []).append(event)
        for events in by_unit.values():
            unit = events[0].evidence
            for date in self.index.unit_dates(unit):
                if not self.slots.is_validity(date):
                    continue
                verbs = {self.verb_of[id(e)].i: e for e in events if id(e) in self.verb_of}
                path = self.syntax.reaches(date.root, set(verbs), unit)
                if path is not None:
                    owner = verbs[(path[-1].head if path else date.root).i]
                else:
                    before = [e for e in events if e.trigger.start < date.start and e.action != "referenced"]
                    owner = max(before, key=self._event_position, default=None)
                if owner is not None and owner.valid_until is None:
                    owner.valid_until = date._.date.value

    def _event_position(self, event: Agreement) -> int:
        verb = self.verb_of.get(id(event))
        return verb.i if verb is not None else event.trigger.start


def _within(date: Span, other: Span | None) -> bool:
    """Whether the day(s) of `date` fall within those of `other`."""
    if other is None or isinstance(date, tuple):
        return False
    inner, outer = date._.date, other._.date
    if None in (inner.start_date, inner.end_date, outer.start_date, outer.end_date):
        return False
    return outer.start_date <= inner.start_date and inner.end_date <= outer.end_date


def _fill_from_retellings(events: list[Agreement], cues: AgreementCues) -> None:
    """An event takes the date and place it lacks from a later sentence close by that
    tells the same action of the same instrument again ("... have signed a letter of
    intent. The letter was signed on 25 June at Wageningen ...", "... have renewed their
    MoU. The renewed MoU was signed on 14 September")."""
    for n, event in enumerate(events):
        if event.action == "referenced":
            continue
        for later in events[n + 1 :]:
            if later.evidence.start_char - event.evidence.end_char > RETELLING_REACH_CHARS:
                break
            if later.instrument_id != event.instrument_id or not _retells(later, event, cues):
                continue
            if event.date_value is None and later.date_value is not None:
                event.date_value, event.date_text = later.date_value, later.date_text
            event.place = event.place or later.place


def _retells(later: Agreement, event: Agreement, cues: AgreementCues) -> bool:
    """Whether `later` tells the action of `event` again: the same action, or the signing
    of the instrument named by that action ("The renewed MoU was signed")."""
    if later.action == event.action:
        return True
    return later.action == "signed" and any(
        c.dep_ == "amod" and c.tag_ == "VBN" and cues.action(c, None, later.type) == event.action
        for c in later.trigger.root.children
    )


def _drop_echoes(events: list[Agreement]) -> list[Agreement]:
    """A headline repeats the event its story tells with date or place ("JST and ANR sign
    MoC" over "... today signed a MoC at ... in Tokyo"): keep the informative one."""
    def key(e: Agreement):
        return (e.type, e.action, frozenset(e.parties))

    informed = {key(e) for e in events if e.parties and (e.date_value or e.place)}
    return [e for e in events if e.date_value or e.place or not e.parties or key(e) not in informed]
