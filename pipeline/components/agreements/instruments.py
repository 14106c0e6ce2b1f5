"""The instruments a document has told of so far, and which one a mention points back to."""

from __future__ import annotations

import heapq
from bisect import insort
from itertools import islice

from spacy.tokens import Span

from pipeline.components.agreements.cues import AgreementCues
from pipeline.components.agreements.index import DocIndex
from pipeline.components.agreements.model import Instrument, Mention
from pipeline.components.agreements.slots import Slots

# An anaphor ("the MoU") refers to one of the last few instruments of its type.
RECENT_INSTRUMENTS = 20


class Instruments:
    def __init__(self, index: DocIndex, cues: AgreementCues, slots: Slots):
        self.index = index
        self.cues = cues
        self.slots = slots
        self.told: list[Instrument] = []
        # by the last mention of each, latest last; keyed by id, so that moving one to the end
        # costs no scan (a list's `in` and `remove` compared every instrument of a long page)
        self.mentioned: dict[str, Instrument] = {}
        # positions in `told` of the instruments of each type (or once of it), and of those a
        # mention of each type named: `recent` walks these, not every instrument told
        self._by_type: dict[str, list[int]] = {}
        self._by_called: dict[str, list[int]] = {}

    def of(self, mention: Mention, sides: list[str], actions: frozenset[str] = frozenset()) -> Instrument:
        """The instrument an event is about: one named before, or a new one. `actions`:
        those the mention's sentence tells of it."""
        instrument = self._told_of(mention, sides, actions)
        if instrument is None:
            if not sides and self._older(mention.span):
                same_type = self.recent(mention)
                sides = same_type[0].parties if same_type else []   # "the previous programme": the same sides
            instrument = Instrument(f"i{len(self.told) + 1}", mention.type, list(sides), older=self._older(mention.span))
            self.told.append(instrument)
            self._by_type.setdefault(instrument.type, []).append(len(self.told) - 1)
        if mention.type not in instrument.called:
            instrument.called.add(mention.type)
            insort(self._by_called.setdefault(mention.type, []), self._position(instrument))
        self.mentioned.pop(instrument.id, None)
        self.mentioned[instrument.id] = instrument
        return instrument

    @staticmethod
    def _position(instrument: Instrument) -> int:
        return int(instrument.id[1:]) - 1   # "i3" is the third told

    def _told_of(self, mention: Mention, sides: list[str], actions: frozenset[str]) -> Instrument | None:
        """The instrument told before that the mention points back to, if any."""
        if not self.points_back(mention.span) or self._older(mention.span):
            return None
        same_type = self.recent(mention)
        if same_type:
            if not sides and not self._named(mention.span):
                return same_type[0]
            for instrument in same_type if sides else []:   # "the NSF-DST arrangement"
                if set(sides) <= set(instrument.parties) | self._states_of(instrument):
                    return instrument
            if self._signatory(sides, same_type[0]) and not self._named(mention.span):
                return same_type[0]   # "The protocol was signed by the Secretary, Ministry of ..."
            return None
        return self._named_precisely(mention, sides, actions) or self._generic(mention, sides)

    def _generic(self, mention: Mention, sides: list[str]) -> Instrument | None:
        """The instrument a generic word ("the renewed agreement") points back to when no
        instrument of its own type was told: the last one mentioned, or the last one of
        which the action its participle names was told ("renewed": the MoU renewed)."""
        if mention.type not in self.cues.generic_instrument_types or sides or self._named(mention.span) or not self.mentioned:
            return None
        done = {
            self.cues.action(c, None, mention.type)
            for c in mention.span.root.children if c.dep_ == "amod" and c.tag_ == "VBN"
        } - {None}
        # not an amendment or protocol: "an amendment to the 2022 agreement ..., extending the
        # agreement" extends the agreement the amendment is added to
        mentioned = [i for i in reversed(self.mentioned.values()) if i.type not in self.cues.attached_types]
        for instrument in mentioned if done else ():
            if done & {e.action for e in instrument.events}:
                return instrument
        return mentioned[0] if mentioned else None

    def _named_precisely(self, mention: Mention, sides: list[str], actions: frozenset[str]) -> Instrument | None:
        """The instrument told just before under a generic word ("have entered into a new
        agreement. The Memorandum of Arrangement was signed this morning ..."), which the
        mention names by its kind as it tells the same action again: the instrument takes
        the mention's type, and its events too."""
        if not self.told or mention.type in self.told[-1].called:
            return None
        last = self.told[-1]
        if mention.type in self.cues.attached_types:
            return None   # "signed an agreement ... The protocol was signed": a protocol to it
        if last.type not in self.cues.generic_instrument_types or not last.events or last.events[-1].action not in actions:
            return None
        if sides or not self._close(last.events[-1].evidence, mention.span):
            return None
        last.type = mention.type
        insort(self._by_type.setdefault(last.type, []), self._position(last))
        for event in last.events:
            event.type = mention.type
        return last

    def amended_before(self, mention: Mention) -> list[str]:
        """The sides of the instrument an addendum or protocol with no sides of its own adds to:
        one of another kind told in the sentence before ("The memorandum with X was extended.
        An addendum signed in Tbilisi added ...")."""
        last = next(reversed(self.mentioned.values()), None)
        if last is None or last.type in self.cues.attached_types or not last.events or len(last.parties) < 2:
            return []
        return list(last.parties) if self._close(last.events[-1].evidence, mention.span) else []

    def _close(self, told: Span, span: Span) -> bool:
        """Whether `told` lies in the sentence before that of `span` (two instruments named
        in one sentence are two: "signed an agreement and a memorandum")."""
        doc = span.doc
        sent = span.sent
        previous = doc[max(sent.start - 1, 0)].sent.start
        return previous <= told.start and told.end <= sent.start

    def resolve(self, anaphor: Mention) -> Mention | None:
        """An anaphor ("the text") as a mention of the instrument last mentioned of a type
        it may refer to; None if there is none."""
        types = self.cues.anaphor_nouns.get(anaphor.span.root.lower_, [])
        for instrument in islice(reversed(self.mentioned.values()), RECENT_INSTRUMENTS):
            if not types or instrument.type in types:
                span = Span(anaphor.span.doc, anaphor.span.start, anaphor.span.end, label=instrument.type)
                return Mention(span, instrument.type, False)
        return None

    def _signatory(self, sides: list[str], instrument: Instrument) -> bool:
        """Whether the one body a retelling names beside "the protocol" is where a signatory
        comes from, not a side of another instrument: the instrument told has two sides or
        more, and the body is no state (the protocol with Brazil is not the one with Chile)."""
        return len(sides) == 1 and len(instrument.parties) >= 2 and sides[0] in self.index.party_names

    def _states_of(self, instrument: Instrument) -> set[str]:
        """The states whose governments are the instrument's sides."""
        states = self.index.government_state
        return {states[party] for party in instrument.parties if party in states}

    def recent(self, mention: Mention) -> list[Instrument]:
        """Instruments a mention of this type may refer back to, latest first. Only the
        last few count: an anaphor points to a recent one, and a bound keeps long
        documents linear."""
        types = {mention.type, *self.cues.generic_types.get(mention.type, [])}
        # the candidates' positions, latest first: those of the types (a type it no longer has
        # is checked below) and those a mention of this type named
        indexes = [self._by_type.get(t, []) for t in types] + [self._by_called.get(mention.type, [])]
        recent: list[Instrument] = []
        last = None
        for position in heapq.merge(*(reversed(i) for i in indexes), reverse=True):
            if position == last:
                continue
            last = position
            instrument = self.told[position]
            if instrument.type in types or mention.type in instrument.called:
                recent.append(instrument)
                if len(recent) == RECENT_INSTRUMENTS:
                    break
        return recent

    def points_back(self, span: Span) -> bool:
        determiners = [c.lower_ for c in span.root.children if c.dep_ in ("det", "poss")]
        return not determiners or determiners[0] in self.cues.anaphoric_determiners

    def _older(self, span: Span) -> bool:
        """Whether the mention sets its instrument before the one told ("the first
        agreement between the two institutions", "the original MoU"): another instrument."""
        return any(c.dep_ == "amod" and c.lower_ in self.cues.older_words for c in span.root.children)

    def points_to_earlier(self, mention: Mention, instrument: Instrument) -> bool:
        """Whether an event's mention refers to an instrument older than another of its sides:
        it says so ("the earlier text", "the first agreement"), or points back with "that" to
        one first named so ("the previous programme ... under that programme"). A mention
        calling it new never does ("the first call under the new programme"). The corpus
        linker reads this for events whose date does not place them (pipeline/corpus/instruments.py)."""
        span = mention.span
        modifiers = [c.lower_ for c in span.root.children if c.dep_ == "amod"]
        if any(word in self.cues.newer_words for word in modifiers):
            return False
        determiners = [c.lower_ for c in span.root.children if c.dep_ == "det"]
        pointed = instrument.older and determiners[:1] != [] and determiners[0] in self.cues.earlier_determiners
        return pointed or any(word in self.cues.older_words for word in modifiers)

    def _named(self, span: Span) -> bool:
        """Whether the mention names an instrument of its own: a title, or a capitalised
        modifier ("the German-Brazilian Agreement on Cooperation ...")."""
        unit = self.index.unit(span)
        modifiers = [t for t in self.index.doc[max(span.root.left_edge.i, unit.start) : span.start] if t.dep_ != "det"]
        if any(t.is_title or t.is_upper for t in modifiers) or self.slots.title(span, unit) is not None:
            return True
        # "The memorandum with SRNSF": the other side names it, not a signatory's body
        return any(
            c.dep_ == "prep" and c.lower_ == "with" and any(t.i in self.index.party_at for t in c.subtree)
            for c in span.root.children
        )
