"""Agreement events (SPEC 3.4): an instrument signed, renewed, extended, adopted or referred to.

Instrument mentions come from PhraseMatchers built from agreement_triggers.yaml.
Each mention is read in its sentence (cut at blank lines, so that a heading
stays apart from the paragraph under it) through the dependency parse:

- the verbs that govern it give the actions, one event each ("was signed in
  2007 and was extended till 2010" gives two);
- phrases attached to it or to its verbs give the sides: "between X and Y",
  the active subject ("X and Y signed"), "with Y", the passive agent ("by X")
  and modifiers before it ("the India-Japan MoU"); a side is a party of
  st_parties, or a state itself, under its canonical name from the country
  list st_parties uses ("the U.S." gives "United States");
- dates of st_dates and places ("at"/"in" + GPE, "the visit of X to GPE")
  attached to an action's verb give when and where;
- a mention with no action is an event only as the basis of something
  ("under this LoI": referenced), or when it names a specific instrument (by
  its sides or a quoted title) that no other event records.
A mention without sides of its own that points back ("The MoU was extended", or
a pronoun: "It was extended again in 2022") continues the nearest earlier
instrument of its type and takes its parties. States joined in a compound ("the
German-Brazilian Agreement") are sides when nothing else names them; a statement
adopted by a joint committee has the committee's states as sides, and one adopted
with no date or place takes those of the meeting told in its sentence or before.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from pipeline.components.org_lexicon import Countries
from pipeline.data_files import load_yaml

NOMINAL = {"NOUN", "PROPN", "NUM", "X"}
VERBAL = {"VERB", "AUX"}
# A verb in one of these relations heads its own clause: what hangs below it
# belongs to that clause, not to a verb further up.
CLAUSE_DEPS = {"ROOT", "conj", "advcl", "xcomp", "ccomp", "relcl", "csubj", "pcomp", "parataxis"}
SUBJECT_OBJECT_DEPS = {"nsubj", "nsubjpass", "dobj", "obj"}
# Tokens that may sit inside a list of sides ("between A (AA), B, India and with C").
SIDE_LIST_PREPOSITIONS = {"of", "with", "&"}
SIDE_STOP_TEXTS = {".", ";", ":", "–", "—", "which", "that", "who", "whereby"}
# Where a date is introduced like this it dates the action ("signed in 2007").
DATING_WORDS = {"in", "on", "during", "dated", "at", "since", "from"}
TABLE_BAR = "|"
# An anaphor ("the MoU") refers to one of the last few instruments of its type.
RECENT_INSTRUMENTS = 20
# A pronoun points back to an instrument named in its sentence or the one before.
PRONOUN_REACH_SENTENCES = 1
COMMITTEE_KIND = "committee"
# Dashes joining the states of a compound ("German-Brazilian", "Australia–Japan").
COMPOUND_DASHES = {"-", "–", "—"}
# Words that may stand between a nominal action and its "of" phrase ("the signing,
# on 28 November 2019, of a MoC"): commas, a date and its preposition.
GAP_POS = {"PUNCT", "ADP", "DET", "SPACE"}
RELATIVE_PRONOUNS = {"which", "that"}
MARKUP = {"*", "**", "_", "__"}   # markdown emphasis around a name
QUOTES = {'"': '"', "“": "”"}   # not single quotes: they are also apostrophes


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


Doc.set_extension("agreements", default=None, force=True)   # list[Agreement]


@Language.factory("st_agreements")
def make_agreements(nlp: Language, name: str, triggers: str, cues: str, countries: str):
    return AgreementExtractor(nlp, load_yaml(triggers), load_yaml(cues), Countries(nlp, countries))


@dataclass
class _Mention:
    span: Span
    type: str
    plural: bool


@dataclass
class _Instrument:
    id: str
    type: str
    parties: list[str]
    events: list[Agreement] = field(default_factory=list)


class AgreementExtractor:
    def __init__(self, nlp: Language, lexicon: dict, cues: dict, countries: Countries):
        self.by_case = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.by_orth = PhraseMatcher(nlp.vocab)
        for type_, forms in lexicon.items():
            for key, matcher, number in (
                ("terms", self.by_case, "single"),
                ("abbreviations", self.by_orth, "single"),
                ("plural_terms", self.by_case, "plural"),
                ("plural_abbreviations", self.by_orth, "plural"),
            ):
                if forms.get(key):
                    matcher.add(f"{type_}|{number}", list(nlp.tokenizer.pipe(forms[key])))
                if forms.get(key) and matcher is self.by_orth:
                    # the tokenizer keeps a sentence's full stop on mixed-case words ("this LoI.")
                    with_stop = [d for d in nlp.tokenizer.pipe(f"{form}." for form in forms[key]) if len(d) == 1]
                    if with_stop:
                        matcher.add(f"{type_}|{number}", with_stop)

        self.actions: dict[str, str] = cues["actions"]
        self.actions_by_type: dict[str, dict[str, str]] = cues["actions_by_type"]
        self.basis_cues = _phrases(cues["basis_cues"])
        self.validity_cues = _phrases(cues["validity_cues"])
        self.same_occasion = re.compile(r"\b(?:" + "|".join(map(re.escape, cues["same_occasion_cues"])) + r")\b", re.I)
        self.back_references: dict[str, int] = cues["back_references"]
        self.naming_back_references = set(cues["naming_back_references"])
        self.table_actions: dict[str, str] = cues["table_actions"]
        self.frame_nouns = set(cues["frame_nouns"])
        self.parent_heads = set(cues["parent_heads"])
        self.frequency_words = set(cues["frequency_words"])
        self.dateline_words = set(cues["dateline_words"])
        self.generic_types: dict[str, list[str]] = cues["generic_types"]
        self.anaphoric_determiners = set(cues["anaphoric_determiners"])
        self.place_prepositions = set(cues["place_prepositions"])
        self.visit_nouns = set(cues["visit_nouns"])
        self.title_prepositions = set(cues["title_prepositions"])
        self.side_prepositions = set(cues["side_prepositions"])
        self.meeting_verbs = {tuple(v.split()) for v in cues["meeting_verbs"]}
        self.pronoun_subjects = set(cues["pronoun_subjects"])
        self.pronoun_actions = set(cues["pronoun_actions"])
        self.countries = countries
        self.tokenizer = nlp.tokenizer

    def __call__(self, doc: Doc) -> Doc:
        mentions = self._mentions(doc)
        doc.spans["agreement_triggers"] = [m.span for m in mentions]
        doc._.agreements = _DocReader(self, doc).read(mentions) if mentions else []
        return doc

    def _mentions(self, doc: Doc) -> list[_Mention]:
        vocab = doc.vocab.strings
        spans = [
            Span(doc, start, end, label=vocab[match_id])
            for matcher in (self.by_case, self.by_orth)
            for match_id, start, end in matcher(doc)
        ]
        name_end = {i: s.end for s in doc.spans.get("parties", []) for i in range(s.start, s.end)}
        mentions: list[_Mention] = []
        for span in filter_spans(spans):
            type_, number = span.label_.split("|")
            last = span[-1]
            if span.root.pos_ in VERBAL:
                continue  # a verb ("to contract")
            if name_end.get(span.start, 0) > span.end and doc[span.end].is_alpha:
                continue  # part of an organisation's name that goes on ("Convention Center")
            if last.dep_ == "compound" and last.head.pos_ == "NOUN" and last.head.i >= span.end:
                continue  # a modifier ("agreement partners")
            if mentions and _repeats_in_brackets(mentions[-1].span, span):
                continue  # "Memorandum of Understanding (MoU)": one mention
            mentions.append(_Mention(Span(doc, span.start, span.end, label=type_), type_, number == "plural"))
        return self._with_pronouns(doc, mentions) if mentions else mentions

    def _with_pronouns(self, doc: Doc, mentions: list[_Mention]) -> list[_Mention]:
        """`mentions` with the pronouns that stand for the instrument named last before
        them ("The agreement was renewed in 2017. It was extended again in 2022.")."""
        starts = [m.span.start for m in mentions]
        pronouns: list[_Mention] = []
        for token in doc:
            if token.lower_ not in self.pronoun_subjects or token.dep_ != "nsubjpass":
                continue
            n = bisect.bisect_left(starts, token.i) - 1
            while n >= 0 and mentions[n].plural:
                n -= 1
            if n < 0:
                continue
            before = mentions[n]
            reach = token.sent.start
            for _ in range(PRONOUN_REACH_SENTENCES):
                reach = doc[max(reach - 1, 0)].sent.start
            if before.span.start < reach or self.action(token.head, None, before.type) not in self.pronoun_actions:
                continue
            pronouns.append(_Mention(Span(doc, token.i, token.i + 1, label=before.type), before.type, False))
        return sorted(mentions + pronouns, key=lambda m: m.span.start) if pronouns else mentions

    def action(self, head: Token, preposition: str | None, type_: str) -> str | None:
        """The action a governing word gives ("signed", "the signing of"); None if it gives none."""
        key = f"{head.lemma_.lower()} {preposition}" if preposition else head.lemma_.lower()
        return self.actions_by_type.get(type_, {}).get(key) or self.actions.get(key)


def _phrases(items: list[str]) -> list[tuple[str, ...]]:
    return [tuple(item.lower().split()) for item in items]


def _repeats_in_brackets(previous: Span, span: Span) -> bool:
    doc = span.doc
    return (
        span.start >= 1
        and doc[span.start - 1].text == "("
        and span.end < len(doc)
        and doc[span.end].text == ")"
        and previous.end == span.start - 1
    )


def _ends_with(tokens: list[Token], phrases: list[tuple[str, ...]]) -> bool:
    words = tuple(t.lower_ for t in tokens if not t.is_space)
    return any(len(p) <= len(words) and words[-len(p):] == p for p in phrases)


class _DocReader:
    """Reads one document's mentions into events."""

    def __init__(self, extractor: AgreementExtractor, doc: Doc):
        self.x = extractor
        self.doc = doc
        self.text = doc.text  # Doc.text joins every token anew on each access
        names = {p.party_id: p.name for p in (doc._.parties or [])}
        committees = {p.party_id for p in (doc._.parties or []) if p.kind == COMMITTEE_KIND}
        self.committee_spans: list[tuple[int, str]] = []   # (start, name), in order
        self.party_at: dict[int, tuple[str, Span]] = {}
        for span in doc.spans.get("parties", []):
            name = names.get(span._.party_id)
            if name:
                for i in range(span.start, span.end):
                    self.party_at[i] = (name, span)
                if span._.party_id in committees:
                    self.committee_spans.append((span.start, name))
        self.committee_spans.sort()
        self.dates = sorted(
            (s for s in doc.spans.get("dates", []) if s._.date is not None), key=lambda s: s.start
        )
        self.date_starts = [s.start for s in self.dates]
        self.date_at = {i: s for s in self.dates for i in range(s.start, s.end)}
        self.mention_roots: set[int] = set()
        self.instruments: list[_Instrument] = []
        self.events: list[Agreement] = []
        self.verb_of: dict[int, Token] = {}     # id(event) -> the word giving its action
        self.units: dict[int, Span] = {}        # mention start -> its unit
        self.name_states: dict[str, list[str]] = {}

    @cached_property
    def gpes(self) -> list[Span]:
        return [e for e in self.doc.ents if e.label_ == "GPE"]

    @cached_property
    def gpe_starting(self) -> dict[int, Span]:
        return {g.start: g for g in self.gpes}

    @cached_property
    def meetings(self) -> list[tuple[Token, Span | None, str | None]]:
        """Meetings the text reports as having taken place, in order: the verb ("was
        held"), with the date and place hanging from it in its sentence."""
        found = []
        for token in self.doc:
            if token.pos_ not in VERBAL or not self._is_meeting_verb(token):
                continue
            if any(c.tag_ == "MD" for c in token.children):
                continue   # "would be held in Japan in 2021": not yet
            sent = token.sent
            date = next(
                (d for d in self._unit_dates(sent)
                 if not self._is_validity(d) and self._reaches(d.root, {token.i}, sent) is not None),
                None,
            )
            found.append((token, date, self._place(token, token, sent)))
        return found

    def _is_meeting_verb(self, token: Token) -> bool:
        lemma = token.lemma_.lower()
        return (lemma,) in self.x.meeting_verbs or any(
            (lemma, c.lower_) in self.x.meeting_verbs for c in token.children if c.dep_ == "dobj"
        )

    def _occasion_meeting(self, verb: Token, unit: Span) -> tuple[Span | None, str | None]:
        """Date and place of the meeting at which a statement was adopted: a meeting told
        in its own sentence, else the last one told before in a main clause (not "since
        the 15th meeting, held in Tokyo")."""
        starts = [m[0].i for m in self.meetings]
        within = [m for m in self.meetings[bisect.bisect_left(starts, unit.start) : bisect.bisect_left(starts, unit.end)]
                  if m[0].i != verb.i and (m[1] or m[2])]
        if within:
            return within[0][1], within[0][2]
        for token, date, place in reversed(self.meetings[: bisect.bisect_left(starts, unit.start)]):
            if token.dep_ in ("ROOT", "conj") and date is not None and place is not None:
                return date, place
        return None, None

    # -- the document ---------------------------------------------------------

    def read(self, mentions: list[_Mention]) -> list[Agreement]:
        self.mention_roots = {m.span.root.i for m in mentions}
        unnamed: list[tuple[_Mention, Span, _Instrument]] = []   # specific mentions with no action
        for mention in mentions:
            unit = self._unit(mention.span)
            if self._row_cells(unit) is not None and self._read_row(mention, unit):
                continue
            instrument = self._read(mention, unit)
            if instrument is not None:
                unnamed.append((mention, unit, instrument))
        recorded: dict[tuple[str, str], set[str]] = {}   # (type, party) -> instruments with an event
        for event in self.events:
            for party in event.parties:
                recorded.setdefault((event.type, party), set()).add(event.instrument_id)
        for mention, unit, instrument in unnamed:
            if not any(recorded.get((instrument.type, party), set()) - {instrument.id} for party in instrument.parties):
                self._record(mention, unit, "referenced", None, instrument)
        self._assign_validity()
        return _drop_echoes(sorted(self.events, key=lambda e: (e.evidence.start, e.trigger.start)))

    def _read(self, mention: _Mention, unit: Span) -> _Instrument | None:
        """Record the events of one mention; give back its instrument if it names a
        specific one with no action (an event only if no other event records it; later
        mentions may point back to it meanwhile)."""
        root = mention.span.root
        verbs = self._actions(mention, unit)
        sides = self._sides(mention, [v for v, _ in verbs], unit)
        if mention.plural and (not verbs or len(sides) < 2):
            return None  # generic talk: "bilateral agreements with 53 countries"
        if verbs:
            instrument = self._instrument(mention, sides)
            for verb, action in verbs:
                self._record(mention, unit, action, verb, instrument)
            return None
        if self._nested(root, unit):
            return None  # "an Addendum to the MoU": the addendum is the instrument
        if _ends_with(list(self.doc[unit.start : root.left_edge.i]), self.x.basis_cues) or self._frames(root, unit):
            self._record(mention, unit, "referenced", None, self._instrument(mention, sides))
            return None
        if not sides:
            self._extend_validity(mention, unit)
            return None  # a re-mention: "The LoI aims to promote ..."
        return self._instrument(mention, sides)

    def _record(
        self, mention: _Mention, unit: Span, action: str, verb: Token | None, instrument: _Instrument
    ) -> None:
        root = mention.span.root
        if verb is not None:
            date = self._date(verb, root, unit) or self._dateline(verb)
        else:   # "under a 2009 agreement"
            date = next((d for d in self._unit_dates(unit) if root.left_edge.i <= d.start < root.i), None)
        place = self._place(verb, mention.span.root, unit) if verb is not None else None
        if action == "adopted" and verb is not None and date is None and place is None:
            date, place = self._occasion_meeting(verb, unit)
        event = self._event(mention, unit, action, instrument, date, place, None)
        if action != "referenced" and self.events and self.x.same_occasion.search(unit.text):
            before = self._occasion_before()
            if event.date_value is None:
                event.date_value, event.date_text = before.date_value, before.date_text
            event.place = event.place or before.place
        if verb is not None:
            self.verb_of[id(event)] = verb
        instrument.events.append(event)
        self.events.append(event)

    def _event(self, mention: _Mention, unit: Span, action: str, instrument: _Instrument, date: Span | None, place: str | None, valid_until: str | None) -> Agreement:
        return Agreement(
            type=instrument.type,
            action=action,
            title=self._title(mention.span, unit),
            parties=list(instrument.parties),
            date_value=date._.date.value if date is not None else None,
            date_text=date.text if date is not None else None,
            place=place,
            valid_until=valid_until,
            evidence=unit,
            trigger=mention.span,
            instrument_id=instrument.id,
        )

    def _occasion_before(self) -> Agreement:
        """The event "the same ceremony" refers to: the last one told in a main clause,
        not in a side remark ("which the two universities concluded in 2008")."""
        told = [e for e in self.events if e.action != "referenced"] or self.events
        informed = [e for e in told if e.date_value or e.place] or told
        main = [e for e in informed if id(e) in self.verb_of and self.verb_of[id(e)].dep_ not in ("relcl", "acl")]
        return (main or informed)[-1]

    def _dateline(self, verb: Token) -> Span | None:
        """"today signed": the document's own date, its first date (a dateline)."""
        if self.dates and any(c.lower_ in self.x.dateline_words for c in verb.children):
            return self.dates[0]
        return None

    def _instrument(self, mention: _Mention, sides: list[str]) -> _Instrument:
        """The instrument an event is about: one named before, or a new one."""
        same_type = self._recent_instruments(mention)
        if same_type and self._points_back(mention.span):
            if not sides and not self._named(mention.span):
                return same_type[0]
            for instrument in same_type if sides else []:   # "the NSF-DST arrangement"
                if set(sides) <= set(instrument.parties):
                    return instrument
        instrument = _Instrument(f"i{len(self.instruments) + 1}", mention.type, sides)
        self.instruments.append(instrument)
        return instrument

    def _recent_instruments(self, mention: _Mention) -> list[_Instrument]:
        """Instruments a mention of this type may refer back to, latest first. Only the
        last few count: an anaphor points to a recent one, and a bound keeps long
        documents linear."""
        types = {mention.type, *self.x.generic_types.get(mention.type, [])}
        recent = []
        for instrument in reversed(self.instruments):
            if instrument.type in types:
                recent.append(instrument)
                if len(recent) == RECENT_INSTRUMENTS:
                    break
        return recent

    def _points_back(self, span: Span) -> bool:
        determiners = [c.lower_ for c in span.root.children if c.dep_ in ("det", "poss")]
        return not determiners or determiners[0] in self.x.anaphoric_determiners

    def _named(self, span: Span) -> bool:
        """Whether the mention names an instrument of its own: a title, or a capitalised
        modifier ("the German-Brazilian Agreement on Cooperation ...")."""
        unit = self._unit(span)
        modifiers = [t for t in self.doc[max(span.root.left_edge.i, unit.start) : span.start] if t.dep_ != "det"]
        return self._title(span, unit) is not None or any(t.is_title or t.is_upper for t in modifiers)

    def _extend_validity(self, mention: _Mention, unit: Span) -> None:
        """"The MoU is valid until 2025": the end of validity of the instrument named before."""
        same_type = self._recent_instruments(mention)
        if not same_type or not same_type[0].events or not self._points_back(mention.span):
            return
        for date in self._unit_dates(unit):
            if self._is_validity(date):
                same_type[0].events[-1].valid_until = date._.date.value

    # -- the sentence ---------------------------------------------------------

    def _unit(self, span: Span) -> Span:
        """The mention's sentence, cut at blank lines (headings run into sentences)."""
        if span.start not in self.units:
            self.units[span.start] = self._cut_unit(span)
        return self.units[span.start]

    def _cut_unit(self, span: Span) -> Span:
        row = self._line(span.start_char)
        if row.count(TABLE_BAR) >= 2:   # a table row is a unit of its own
            start = self.text.rfind("\n", 0, span.start_char) + 1
            line = self.doc.char_span(start, start + len(row), alignment_mode="contract")
            if line is not None:
                return line
        sent = span.sent
        start, end = sent.start, sent.end
        for token in sent:
            if token.is_space and token.text.count("\n") >= 2:
                if token.i < span.start:
                    start = token.i + 1
                elif token.i >= span.end:
                    end = token.i
                    break
        while start < end and self.doc[start].is_space:
            start += 1
        while end > start and self.doc[end - 1].is_space:
            end -= 1
        return self.doc[start:end]

    def _line(self, char: int) -> str:
        text = self.text
        start = text.rfind("\n", 0, char) + 1
        end = text.find("\n", char)
        return text[start : end if end != -1 else len(text)]

    # -- tables ---------------------------------------------------------------

    def _row_cells(self, unit: Span) -> list[Span] | None:
        """The cells of a table row ("MoU on X | UKRI | DST | 14 Nov 2018 | valid until
        Nov 2023"), or None if the unit is no table row."""
        bars = [t.i for t in unit if t.text == TABLE_BAR]
        if len(bars) < 2 or unit.text.count(TABLE_BAR) != len(bars):
            return None
        edges = [unit.start - 1, *bars, unit.end]
        return [self.doc[a + 1 : b] for a, b in zip(edges, edges[1:])]

    def _header(self, unit: Span) -> list[str]:
        """The cells of the first row of the table the unit is a row of (its header)."""
        text = self.text
        start = unit.start_char
        header = self._line(start)
        while start > 0:
            above = self._line(start - 1)
            if above.count(TABLE_BAR) < 2:
                break
            start = text.rfind("\n", 0, start - 1) + 1
            if above.strip(" |-:"):
                header = above
        if header == self._line(unit.start_char):
            return []
        cells = header.split(TABLE_BAR)
        return [c.strip().lower() for c in cells] if len(cells) == len(self._row_cells(unit) or []) else []

    def _read_row(self, mention: _Mention, unit: Span) -> bool:
        """Events of an instrument in a table row: one per cell with an action, read from
        the cell ("renewed Jan 2023") or its column's header ("Signed"); the sides are
        the parties in the other cells. False if the row tells no action."""
        cells = self._row_cells(unit)
        header = self._header(unit)
        names: list[tuple[int, str]] = []
        acts: list[tuple[str, Span | None]] = []   # action, date
        valid_until: str | None = None
        for n, cell in enumerate(cells):
            if cell.start <= mention.span.start < cell.end:
                continue
            dates = self._unit_dates(cell)
            words = [self.x.table_actions[t.lower_] for t in cell if t.lower_ in self.x.table_actions]
            column = [a for w, a in self.x.table_actions.items() if header and w in header[n].split()]
            if dates and self._is_validity(dates[0]):
                valid_until = dates[0]._.date.value
            elif words or column:
                acts.append(((words or column)[0], dates[0] if dates else None))
            elif not dates:
                names.extend(self._names_in(cell.start, cell.end, True))
        if not acts:
            return False
        sides = list(dict.fromkeys(name for _, name in names))
        instrument = self._instrument(mention, sides)
        for action, date in acts:
            event = self._event(mention, unit, action, instrument, date, None, valid_until if action == "signed" else None)
            instrument.events.append(event)
            self.events.append(event)
        return True

    def _reaches(
        self, token: Token, targets: set[int], unit: Span, through: frozenset[int] = frozenset(), infinitives: bool = False
    ) -> list[Token] | None:
        """The path up from `token` to one of `targets` within the clause; None if the
        way up leaves the unit, meets another clause's verb or a mention other than
        those in `through`. With `infinitives`, the way may pass through a purpose clause
        ("signed an MoU to pursue ... on 11 November 2016")."""
        path: list[Token] = []
        while token.i not in targets:
            if token.head.i == token.i or not unit.start <= token.head.i < unit.end:
                return None
            if path and token.pos_ in VERBAL and token.dep_ in CLAUSE_DEPS:
                if not (infinitives and any(c.lower_ == "to" and c.dep_ == "aux" for c in token.children)):
                    return None
            if path and token.i in self.mention_roots and token.i not in through:
                return None
            path.append(token)
            token = token.head
        return path

    def _actions(self, mention: _Mention, unit: Span) -> list[tuple[Token, str]]:
        """The verbs (or nouns like "signing") that act on the mention, with their actions."""
        root = mention.span.root
        anchor = root  # in "the X and the Y were adopted" Y takes X's verb
        while anchor.dep_ in ("conj", "appos") and anchor.head.pos_ in NOMINAL and anchor.head in unit:
            anchor = anchor.head
        found: list[tuple[Token, str]] = []
        head = anchor.head
        if anchor.dep_ in SUBJECT_OBJECT_DEPS and head.pos_ in VERBAL:
            found.append((head, self.x.action(head, None, mention.type)))
        elif anchor.dep_ == "pobj" and head.dep_ == "prep":
            found.append((head.head, self.x.action(head.head, head.lower_, mention.type)))
            if found[-1][1] is None:
                found.append(self._nominal_across_gap(head, mention.type, unit))
        # "the Agreement signed in 1985", "the Joint Statement towards ..., signed by"
        for token in mention.span.root.subtree:
            if token.dep_ in ("acl", "relcl") and token.pos_ in VERBAL and token in unit:
                if self._reaches(token.head, {root.i}, unit, through=frozenset({root.i})) is not None:
                    found.append((token, self.x.action(token, None, mention.type)))
        if not unit.start <= head.i < unit.end:
            # parsed as hanging from a heading above: take the verb of its own clause
            found.extend(
                (t, self.x.action(t, None, mention.type))
                for t in unit
                if t.i > root.i and t.pos_ == "VERB" and (t.head.i == t.i or not unit.start <= t.head.i < unit.end)
            )
        acting = [(v, a) for v, a in found if a and v in unit]
        acting += [(v, a) for v, a in self._participles_after(mention, unit) if v not in {w for w, _ in acting}]
        for verb, _ in list(acting):
            acting.extend(self._coordinated_actions(verb, mention.type))
        return list(dict((v.i, (v, a)) for v, a in reversed(acting)).values())[::-1]

    def _nominal_across_gap(self, preposition: Token, type_: str, unit: Span) -> tuple[Token, str | None]:
        """The nominal action before the mention's preposition that the parse hung
        elsewhere, across commas and a date: "the signing, on 28 November 2019, of a MoC"."""
        for i in range(preposition.i - 1, unit.start - 1, -1):
            token = self.doc[i]
            action = self.x.action(token, preposition.lower_, type_) if token.pos_ in NOMINAL else None
            if action:
                return token, action
            if token.pos_ not in GAP_POS and i not in self.date_at:
                break
        return preposition, None

    def _participles_after(self, mention: _Mention, unit: Span) -> list[tuple[Token, str]]:
        """Action participles the parse may have hung elsewhere, read from the words after
        the mention: "the Agreement between X and Y, signed in 1974", "an agreement the two
        governments signed in 2000", "a letter of intent concluded in 2013, which has since
        been extended". The way to them may cross the mention's own phrases and a relative
        clause's subject, but no other verb or mention; after a comma only the participle
        (or "which"/"that") may follow, since "..., X and Y agreed" opens a clause of its own."""
        doc = self.doc
        found: list[tuple[Token, str]] = []
        after_comma: list[Token] = []
        for token in doc[mention.span.end : unit.end]:
            if token.is_space or token.text in MARKUP:
                continue
            if token.i in self.mention_roots or token.text in SIDE_STOP_TEXTS - {"which", "that"}:
                return found
            if token.text == ",":
                after_comma = [token]
                continue
            if after_comma:
                after_comma.append(token)
            if token.pos_ not in VERBAL or token.dep_ in ("aux", "auxpass"):
                continue
            action = self.x.action(token, None, mention.type)
            opens_clause = len(after_comma) > 2 or (len(after_comma) == 2 and token.tag_ != "VBN")
            if len(after_comma) > 2 and after_comma[1].lower_ in RELATIVE_PRONOUNS:
                opens_clause = False
            if (
                action is None
                or opens_clause
                or token.tag_ not in ("VBN", "VBD")
                or any(c.dep_ in ("nsubjpass", "dobj", "ccomp", "xcomp") and c.lower_ not in RELATIVE_PRONOUNS
                       and c.lower_ not in self.x.frequency_words for c in token.children)
            ):
                return found
            found.append((token, action))
            after_comma = []
        return found

    def _coordinated_actions(self, verb: Token, type_: str) -> list[tuple[Token, str]]:
        """Verbs coordinated with `verb` that share its subject: "was signed ... and was extended"."""
        found = []
        for conj in verb.children:
            if conj.dep_ != "conj" or conj.pos_ not in VERBAL:
                continue
            own = [
                c for c in conj.children
                if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.pos_ != "PRON" and c.lower_ not in self.x.frequency_words
                or c.dep_ in ("ccomp", "xcomp")
            ]
            action = self.x.action(conj, None, type_)
            if action and not own:
                found.append((conj, action))
                found.extend(self._coordinated_actions(conj, type_))
        return found

    def _frames(self, root: Token, unit: Span) -> bool:
        """Whether the mention is the subject of a verb that makes it the frame of
        something: "The MoC sets the framework for ...", "X and the Y form the basis of"."""
        anchor = root
        while anchor.dep_ == "conj" and anchor.head.pos_ in NOMINAL and anchor.head in unit:
            anchor = anchor.head
        verb = anchor.head
        if anchor.dep_ != "nsubj" or verb.pos_ not in VERBAL:
            return False
        return any(c.dep_ in ("dobj", "attr") and c.lemma_.lower() in self.x.frame_nouns for c in verb.children)

    def _nested(self, root: Token, unit: Span) -> bool:
        token = root
        while token.head.i != token.i and token.head in unit:
            token = token.head
            if token.pos_ in VERBAL:
                return False
            if token.i in self.mention_roots:
                return True
        return False

    # -- sides ----------------------------------------------------------------

    def _sides(self, mention: _Mention, verbs: list[Token], unit: Span) -> list[str]:
        """Party or country names of the sides."""
        span, root = mention.span, mention.span.root
        regions: list[tuple[int, int, bool]] = []   # start, end, whether countries modify there
        if max(root.left_edge.i, unit.start) < span.start:
            regions.append((max(root.left_edge.i, unit.start), span.start, True))   # "the India-Japan MoU"
        targets = {root.i} | {v.i for v in verbs}
        # sides may hang from an instrument named inside this one ("an addendum to the MoU between ...")
        inner = frozenset(i for i in range(root.left_edge.i, root.right_edge.i + 1) if i in self.mention_roots)
        for token in unit:
            if token.lower_ in self.x.side_prepositions and self._reaches(token, targets, unit, through=inner) is not None:
                regions.append(self._list_after(token, unit))
            elif (
                token.lower_ == "with"
                and token.head.pos_ in NOMINAL | VERBAL   # not "along with"
                and self._reaches(token, targets, unit) is not None
            ):
                regions.append(self._list_after(token, unit))   # "concluded an agreement ... with Japan"
        subjects = [c for v in verbs for c in v.children if c.dep_ == "nsubj"]
        # "an agreement that the two organisations signed" is often parsed with the verb
        # hanging from its subject
        subjects += [v.head for v in verbs if v.dep_ == "acl" and v.head.pos_ in NOMINAL and v.head.i != root.i]
        names: list[tuple[int, str]] = []
        for subject in subjects:
            if span.start <= subject.i < span.end:
                continue
            phrase = self._noun_phrase(subject, unit)
            committee = self._committee(phrase) if mention.type == "joint_statement" else None
            states = self._states_of_name(committee) if committee else []
            if len(states) >= 2:   # "The Joint Committee adopted this Joint Statement": its two states
                names.extend((subject.i, state) for state in states)
                continue
            names.extend(self._back_reference(phrase) or self._names_in(phrase.start, phrase.end, False))
        for verb in verbs:
            for child in verb.children:
                if child.dep_ == "agent":
                    regions.append(self._list_after(child, unit))
            if verb.pos_ in NOMINAL:   # "the signing of an MoU by X and Y"
                regions.extend(self._list_after(c, unit) for c in root.children if c.dep_ == "prep" and c.lower_ == "by")
        for start, end, countries_modify in regions:
            names.extend(self._names_in(start, end, countries_modify))
        if verbs and not names:
            framing_subjects, framing_regions = self._framing_sides(root, unit)
            for subject in framing_subjects:
                phrase = self._noun_phrase(subject, unit)
                names.extend(self._names_in(phrase.start, phrase.end, False))
            for start, end, countries_modify in framing_regions:
                names.extend(self._names_in(start, end, countries_modify))
        if not names and max(root.left_edge.i, unit.start) < span.start:
            # "the German-Brazilian Agreement": states joined in a compound before the mention
            joined = self._joined_states(self.doc, self.country_at, max(root.left_edge.i, unit.start), span.start)
            names.extend((root.i, state) for state in joined)
        return list(dict.fromkeys(name for _, name in sorted(names)))

    @cached_property
    def country_at(self) -> dict:
        return self.x.countries.find(self.doc)

    @staticmethod
    def _joined_states(tokens, country_at: dict, start: int, end: int) -> list[str]:
        """States named in a run of country names or adjectives joined by dashes
        ("Indo-German", "US-India", "Australia–Japan"), from `start` to `end`."""
        states: list[str] = []
        i = start
        while i < end:
            run = []
            while i in country_at and country_at[i].country and country_at[i].end <= end:
                run.append(country_at[i].country)
                i = country_at[i].end
                if i + 1 < end and tokens[i].text in COMPOUND_DASHES and i + 1 in country_at:
                    i += 1
                else:
                    break
            if len(set(run)) >= 2:
                states.extend(state for state in run if state not in states)
            if not run:
                i += 1
        return states

    def _committee(self, phrase: Span) -> str | None:
        """The joint committee a subject names: its party, or the committee named last
        before whose name has the subject's head word ("the Joint Committee")."""
        for i in range(phrase.start, phrase.end):
            if i in self.party_at and any(name == self.party_at[i][0] for _, name in self.committee_spans):
                return self.party_at[i][0]
        if any(t.pos_ == "PROPN" and t.i in self.party_at for t in phrase):
            return None
        n = bisect.bisect_left(self.committee_spans, (phrase.start, "")) - 1
        if n >= 0 and phrase.root.lower_ in self.committee_spans[n][1].lower().split():
            return self.committee_spans[n][1]
        return None

    def _states_of_name(self, name: str) -> list[str]:
        """The states a body's name joins ("Australia–Japan Joint ... Committee")."""
        if name not in self.name_states:
            tokens = self.x.tokenizer(name)
            found = self.x.countries.find(tokens)
            self.name_states[name] = self._joined_states(tokens, found, 0, len(tokens))
        return self.name_states[name]

    def _framing_sides(self, root: Token, unit: Span) -> tuple[list[Token], list[tuple[int, int, bool]]]:
        """Sides of an instrument whose own clause names none, taken from the verb it
        frames: "X, which cooperates with Y under an agreement signed in 2006" gives X
        and Y. Subjects (a relative pronoun stands for what it refers to) and "with" lists."""
        head = root.head
        if root.dep_ != "pobj" or head.dep_ != "prep" or head.head.pos_ not in VERBAL:
            return [], []
        verb = head.head
        subjects = []
        for child in verb.children:
            if child.dep_ == "nsubj":
                if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                    child = verb.head
                    while child.dep_ == "conj" and child.head.pos_ in NOMINAL:
                        child = child.head
                subjects.append(child)
        regions = [self._list_after(c, unit) for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"]
        return subjects, regions

    def _noun_phrase(self, head: Token, unit: Span) -> Span:
        """`head` with its modifiers and conjuncts, without clauses hanging from it
        ("the two organisations [signed in Beijing]"), within the unit."""
        end = head.i + 1
        for child in head.rights:
            if child.dep_ in ("acl", "relcl"):
                break
            if child.dep_ in ("conj", "prep", "appos", "compound", "amod", "nummod"):
                end = child.right_edge.i + 1
        return self.doc[max(head.left_edge.i, unit.start) : min(end, unit.end)]

    def _back_reference(self, subject: Span) -> list[tuple[int, str]]:
        """The sides a subject like "the two agencies" or "they" stands for: as many
        parties as it counts, named last before it, else those of the event before.
        "the two governments" stands for parties named as governments, however far back."""
        if any(t.pos_ == "PROPN" or t.i in self.party_at for t in subject):
            return []
        counts = [self.x.back_references[t.lower_] for t in subject if t.lower_ in self.x.back_references]
        if not counts:
            return []
        wanted = counts[0]
        if wanted:
            noun = subject.root.lemma_.lower()
            if noun in self.x.naming_back_references:
                named = self._named_before(subject.start, 0, wanted, lambda name: noun in name.lower().split())
                if len(named) == wanted:
                    return [(subject.start, name) for name in reversed(named)]
            window_start = self.doc[max(subject.sent.start - 1, 0)].sent.start
            named = self._named_before(subject.start, window_start, wanted, lambda name: True)
            if len(named) == wanted:
                return [(subject.start, name) for name in reversed(named)]
        if self.events:
            return [(subject.start, name) for name in self.events[-1].parties]
        return []

    def _named_before(self, end: int, start: int, wanted: int, fits) -> list[str]:
        """Up to `wanted` distinct parties that `fits`, named last before token `end`."""
        named: list[str] = []
        for i in range(end - 1, start - 1, -1):
            if i in self.party_at and self.party_at[i][0] not in named and fits(self.party_at[i][0]):
                named.append(self.party_at[i][0])
                if len(named) == wanted:
                    break
        return named

    def _list_after(self, cue: Token, unit: Span) -> tuple[int, int, bool]:
        """The list of sides after a cue word, up to where the clause moves on."""
        end = cue.i + 1
        while end < unit.end:
            token = self.doc[end]
            if end not in self.party_at:
                if token.is_space and "\n" in token.text:
                    break
                if end in self.date_at or token.lower_ in SIDE_STOP_TEXTS:
                    break
                if token.pos_ in {"VERB", "AUX", "SCONJ", "PRON"} or (token.pos_ == "PART" and token.tag_ != "POS"):
                    break
                if token.pos_ == "ADP" and token.lower_ not in SIDE_LIST_PREPOSITIONS:
                    break
            end += 1
        return cue.i + 1, end, False

    def _names_in(self, start: int, end: int, countries_modify: bool) -> list[tuple[int, str]]:
        names = [
            (i, self.party_at[i][0]) for i in range(start, end) if i in self.party_at and not self._is_parent(i)
        ]
        for country, name in self.x.countries.states(self.doc[start:end]):
            if country.start in self.party_at:
                continue
            if countries_modify or self._is_state_side(country):
                names.append((country.start, name))
        return names

    def _is_parent(self, i: int) -> bool:
        """Whether the party at token i names the parent of the party before it
        ("Department of Biotechnology, Ministry of Science and Technology, Govt. of
        India"): as a side, the named unit is the party (SPEC 3.5)."""
        name, span = self.party_at[i]
        before = self._before(span.start)
        return (
            before is not None
            and before.text == ","
            and self._before(before.i) is not None
            and self._before(before.i).i in self.party_at
            and span.text.split()[0].lower().rstrip(".") in self.x.parent_heads
        )

    def _before(self, i: int) -> Token | None:
        """The token before token i, over white space and a closing bracket's group."""
        i -= 1
        while i >= 0 and self.doc[i].is_space:
            i -= 1
        if i >= 1 and self.doc[i].text == ")":
            i -= 1
        return self.doc[i] if i >= 0 else None

    def _is_state_side(self, country: Span) -> bool:
        """False where the country only places a party: "AIST, Japan", "DST of India",
        "France's ANR"."""
        doc = self.doc
        before = [t for t in doc[max(0, country.start - 3) : country.start] if not t.is_space]
        if len(before) >= 2 and before[-1].text in {",", "(", "of"} and self._before(before[-1].i).i in self.party_at:
            return False   # also "(AIST), Japan"
        if country.start >= 1 and doc[country.start - 1].lower_ == "the" and len(before) >= 3:
            if before[-2].text in {",", "(", "of"} and before[-3].i in self.party_at:
                return False
        after = doc[country.end] if country.end < len(doc) else None
        if after is not None and after.tag_ == "POS" and country.end + 1 in self.party_at:
            return False
        return country.root.dep_ not in ("compound", "amod")

    # -- date, place, validity, title -----------------------------------------

    def _unit_dates(self, unit: Span) -> list[Span]:
        # bisect: a scan of every date per mention would make long documents quadratic
        first = bisect.bisect_left(self.date_starts, unit.start)
        last = bisect.bisect_left(self.date_starts, unit.end)
        return [d for d in self.dates[first:last] if d.end <= unit.end]

    def _is_validity(self, date: Span) -> bool:
        return _ends_with(list(self.doc[max(0, date.start - 4) : date.start]), self.x.validity_cues)

    def _date(self, verb: Token, root: Token, unit: Span) -> Span | None:
        """The date of the action of `verb` on the mention at `root`: one hanging from the
        verb, introduced as a date of something done ("in", "on", ...); failing that, one
        at the end of a purpose clause below it, or one dating the clause the verb is
        coordinated with."""
        for infinitives in (False, True):
            candidates = []
            for date in self._unit_dates(unit):
                if self._is_validity(date) or self._in_brackets(date):
                    continue
                path = self._reaches(date.root, {verb.i}, unit, through=frozenset({root.i}), infinitives=infinitives)
                if path is None:
                    continue
                previous = self.doc[date.start - 1].lower_ if date.start else ""
                dated = previous in DATING_WORDS or date.root.dep_ in ("npadvmod", "tmod")
                candidates.append((not dated, len(path), date))
            if candidates:
                return min(candidates, key=lambda c: c[:2])[2]
        if verb.pos_ in NOMINAL:
            # "the signing, on 28 November 2019, of"; "attended the signing of ... on 3 March 2020"
            gap = next((d for d in self._unit_dates(unit) if verb.i < d.start and d.end <= root.i), None)
            if gap is None and verb.dep_ in SUBJECT_OBJECT_DEPS and verb.head.pos_ in VERBAL and verb.head in unit:
                return self._date(verb.head, root, unit)
            return gap
        head = verb.head
        if verb.dep_ == "conj" and head.pos_ in VERBAL and self.x.action(head, None, "") is None:
            return self._date(head, root, unit)
        return None

    def _in_brackets(self, date: Span) -> bool:
        doc = self.doc
        return date.start >= 1 and doc[date.start - 1].text == "(" and date.end < len(doc) and doc[date.end].text == ")"

    def _place(self, verb: Token, root: Token, unit: Span) -> str | None:
        """Where the action of `verb` took place: "at/in <GPE>", or "the visit of X to <GPE>"."""
        places = self._places(unit)
        for place in places:
            preposition = place.root.head
            if place.root.dep_ != "pobj" or preposition.lower_ not in self.x.place_prepositions:
                continue
            path = self._reaches(preposition, {verb.i}, unit)   # not within the instrument's phrase
            if path is not None and not any(t.lower_ in self.x.side_prepositions or t.dep_ == "agent" for t in path):
                return _strip_article(self._with_region(place, unit).text)
        for token in unit:
            if token.lemma_.lower() in self.x.visit_nouns and self._visit_of(token, verb, root, unit):
                for place in places:
                    if place.root.dep_ == "pobj" and place.root.head.lower_ == "to" and place.root.head.head.i == token.i:
                        return _strip_article(place.text)
        return None

    def _with_region(self, place: Span, unit: Span) -> Span:
        """The place with the larger one the text adds after a comma, as written:
        "Washington, D.C.", "Bonn, Germany" (not a list: "Tokyo, Kyoto and Osaka")."""
        after = place.end + 1
        if after >= unit.end or self.doc[place.end].text != ",":
            return place
        region = self.gpe_starting.get(after)
        if region is None and after in self.country_at and self.country_at[after].is_name:
            region = self.doc[after : self.country_at[after].end]
        if region is None or region.end > unit.end:
            return place
        if region.root.dep_ == "conj" or (region.end < unit.end and self.doc[region.end].lower_ in ("and", "or")):
            return place
        return self.doc[place.start : region.end]

    def _visit_of(self, visit: Token, verb: Token, root: Token, unit: Span) -> bool:
        """Whether a visit is the occasion of the action of `verb`: it hangs from the
        verb, or from no other action's verb (the parse often misreads such phrases)."""
        if self._reaches(visit, {verb.i}, unit, through=frozenset({root.i})) is not None:
            return True
        token = visit.head
        while token.head.i != token.i and token.pos_ not in VERBAL and token in unit:
            token = token.head
        return self.x.action(token, None, "") is None

    def _places(self, unit: Span) -> list[Span]:
        gpes = [g for g in self.gpes if unit.start <= g.start and g.end <= unit.end]
        known = {(g.start, g.end) for g in gpes}
        countries = [c for c, _ in self.x.countries.states(unit) if (c.start, c.end) not in known]
        return [p for p in gpes + countries if p.start not in self.party_at]

    def _assign_validity(self) -> None:
        """A date after "valid up to", "till", ... ends the validity of the event whose verb
        it hangs from, else of the last event named before it in its sentence."""
        by_unit: dict[tuple[int, int], list[Agreement]] = {}
        for event in self.events:
            by_unit.setdefault((event.evidence.start, event.evidence.end), []).append(event)
        for events in by_unit.values():
            unit = events[0].evidence
            for date in self._unit_dates(unit):
                if not self._is_validity(date):
                    continue
                verbs = {self.verb_of[id(e)].i: e for e in events if id(e) in self.verb_of}
                path = self._reaches(date.root, set(verbs), unit)
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

    def _title(self, span: Span, unit: Span) -> str | None:
        """A quoted title around or after the mention, else its "on ..."/"concerning ..." phrase."""
        text = unit.text
        start, end = span.start_char - unit.start_char, span.end_char - unit.start_char
        for i, char in enumerate(text):
            if char in QUOTES:
                close = text.find(QUOTES[char], i + 1)
                if close == -1:
                    continue
                if i < start and end <= close or 0 <= i - end <= 3:
                    return text[i + 1 : close].strip() or None
        doc = self.doc
        after = span.end
        if after + 2 < unit.end and doc[after].text == "(" and doc[after + 2].text == ")":
            after += 3
        if after >= unit.end or doc[after].lower_ not in self.x.title_prepositions:
            return None
        stop = min(doc[after].right_edge.i + 1, unit.end)
        for token in doc[after + 1 : stop]:
            if (
                token.i in self.date_at
                or token.lower_ in self.x.side_prepositions
                or (token.pos_ in VERBAL and token.dep_ in CLAUSE_DEPS | {"acl"})
            ):
                stop = token.i
                break
        while stop > after + 1 and doc[stop - 1].pos_ in {"ADP", "CCONJ", "PUNCT", "DET", "SPACE"}:
            stop -= 1
        return doc[after:stop].text if stop > after + 1 else None


def _strip_article(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text


def _drop_echoes(events: list[Agreement]) -> list[Agreement]:
    """A headline repeats the event its story tells with date or place ("JST and ANR sign
    MoC" over "... today signed a MoC at ... in Tokyo"): keep the informative one."""
    def key(e: Agreement):
        return (e.type, e.action, frozenset(e.parties))

    informed = {key(e) for e in events if e.parties and (e.date_value or e.place)}
    return [e for e in events if e.date_value or e.place or not e.parties or key(e) not in informed]
