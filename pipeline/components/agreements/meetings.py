"""Meetings, ceremonies and visits a page reports, whose date and place an event told
without its own takes (a statement adopted at a meeting, a signing on its margins)."""

from __future__ import annotations

import bisect
from functools import cached_property

from spacy.tokens import Span, Token

from pipeline.components.agreements.cues import AgreementCues
from pipeline.components.agreements.index import DocIndex
from pipeline.components.agreements.slots import Slots, strip_article
from pipeline.components.agreements.syntax import NOMINAL, SUBJECT_OBJECT_DEPS, VERBAL, Syntax


class Meetings:
    def __init__(self, index: DocIndex, cues: AgreementCues, syntax: Syntax, slots: Slots):
        self.index = index
        self.cues = cues
        self.syntax = syntax
        self.slots = slots
        self.doc = index.doc

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
                (d for d in self.index.unit_dates(sent)
                 if not self.slots.is_validity(d) and self.syntax.reaches(d.root, {token.i}, sent) is not None),
                None,
            )
            found.append((token, date, self.slots.place(token, token, sent)))
        return found

    def _is_meeting_verb(self, token: Token) -> bool:
        lemma = token.lemma_.lower()
        return (lemma,) in self.cues.meeting_verbs or any(
            (lemma, c.lower_) in self.cues.meeting_verbs for c in token.children if c.dep_ == "dobj"
        )

    @cached_property
    def _meeting_starts(self) -> list[int]:
        return [m[0].i for m in self.meetings]

    def nearby_meeting(self, verb: Token, unit: Span) -> tuple[Span | None, str | None]:
        """Date and place of a meeting, ceremony or visit told in the action's sentence or
        the one before ("The ceremony took place during a visit to Prague. The memorandum
        was signed by ...")."""
        starts = self._meeting_starts
        before = self.doc[max(unit.start - 1, 0)].sent.start
        near = self.meetings[bisect.bisect_left(starts, before) : bisect.bisect_left(starts, unit.end)]
        near = [m for m in near if m[0].i != verb.i and (m[1] or m[2])]
        return (near[-1][1], near[-1][2]) if near else (None, None)

    def occasion_phrase(self, verb: Token, unit: Span) -> tuple[Span | None, str | None]:
        """Date and place of a meeting named in a phrase on the action's word ("During the
        workshop, X and Y signed ...", "the signing, on the margins of the Meeting, of",
        "At the 9th meeting of the group (Minsk, 23-24 November 2023) the sides adopted"):
        those the phrase gives, else those of the meeting it points back to (the one told
        before with its ordinal, else the latest told)."""
        words = [verb]
        if verb.pos_ in NOMINAL and verb.dep_ in SUBJECT_OBJECT_DEPS and verb.head in unit:
            words.append(verb.head)   # "welcomed the signing, on the margins of the Meeting, of"
        for preposition in [c for word in words for c in word.children if c.dep_ == "prep"]:
            noun = _object(preposition)
            if noun is not None and noun.lemma_.lower() in self.cues.margin_nouns:
                noun = next((_object(c) for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            if noun is None or noun.lemma_.lower() not in self.cues.occasion_nouns_of_meetings:
                continue
            phrase = self.doc[preposition.i : min(noun.right_edge.i + 1, unit.end)]
            # a date the parse hung elsewhere still opens within the phrase ("held in Tartu on 20–21 May")
            date = next((d for d in self.index.unit_dates(unit) if phrase.start <= d.start < phrase.end), None)
            gpe = next((g for g in self.index.unit_gpes(unit) if phrase.start <= g.start and g.end <= phrase.end), None)
            if date is not None or gpe is not None:
                return date, strip_article(gpe.text) if gpe is not None else None
            if not any(c.dep_ in ("det", "poss") and c.lower_ in self.cues.anaphoric_determiners for c in noun.children):
                return None, None   # "during a visit": no meeting told before
            if any(c.dep_ in ("compound", "amod") and c.is_title and _ordinal_word(c) is None for c in noun.children):
                return None, None   # a meeting of its own name ("the Japan-China Ministerial Meeting")
            told = [m for m in self.meetings[: bisect.bisect_left(self._meeting_starts, unit.start)] if m[1] or m[2]]
            ordinal = _ordinal(noun)
            if ordinal is not None:
                told = [m for m in told if _ordinal(self._meeting_noun(m[0])) == ordinal]
            if told:
                _, date, place = max(enumerate(told), key=lambda m: (_end(m[1][1]), m[0]))[1]
                return date, place
        return None, None

    def following_occasion(self, unit: Span) -> tuple[Span | None, str | None]:
        """Date and place told in the sentence right after the action's, whose subject is
        that action or its ceremony: "... renewed their MoU. The signing took place at the
        institute's headquarters in Daejeon", "The extension was signed at the Ministry ...
        in Hanoi", "The signing ceremony was held in Washington"."""
        doc, after = self.doc, unit.end
        while after < len(doc) and doc[after].is_space:
            after += 1
        if after >= len(doc):
            return None, None
        sent = doc[after].sent
        for token in sent:
            if token.pos_ not in VERBAL:
                continue
            subject = _subject(token)
            if subject is None or not {subject.lower_, subject.lemma_.lower()} & self.cues.occasion_nouns:
                continue
            if not (self._is_meeting_verb(token) or self.cues.action(token, None, "")):
                # "The decisions were taken at the sixth meeting ..., held in Tashkent on 20–21 May"
                date, place = self.occasion_phrase(token, sent)
                within = [m for m in self.meetings if sent.start <= m[0].i < sent.end and (m[1] or m[2])]
                if date is None and place is None and within:
                    _, date, place = within[0]   # the meeting its sentence reports
                if date is not None or place is not None:
                    return date, place
                continue
            date = next(
                (d for d in self.index.unit_dates(sent)
                 if not self.slots.is_validity(d) and self.syntax.reaches(d.root, {token.i}, sent) is not None),
                None,
            )
            place = self.slots.place(token, token, sent)
            if date is not None or place is not None:
                return date, place
        return None, None

    def occasion_meeting(self, verb: Token, unit: Span) -> tuple[Span | None, str | None]:
        """Date and place of the meeting at which a statement was adopted: a meeting told
        in its own sentence, else the last one told before in a main clause (not "since
        the 15th meeting, held in Tokyo")."""
        starts = self._meeting_starts
        within = [m for m in self.meetings[bisect.bisect_left(starts, unit.start) : bisect.bisect_left(starts, unit.end)]
                  if m[0].i != verb.i and (m[1] or m[2])]
        if within:
            return within[0][1], within[0][2]
        told = [
            (n, date, place) for n, (token, date, place) in enumerate(self.meetings[: bisect.bisect_left(starts, unit.start)])
            if token.dep_ in ("ROOT", "conj") and date is not None and place is not None
        ]
        if not told:
            return None, None
        # the page's own meeting is the latest told ("The 2nd meeting took place in Budapest on
        # 23-24 June 2015 ... The first meeting was held in Hanoi in October 2014")
        _, date, place = max(told, key=lambda m: (_end(m[1]), m[0]))
        return date, place

    def meeting_of(self, root: Token, date: Span | None) -> tuple[Span | None, str | None]:
        """Date and place of the meeting an instrument records ("signed the Protocol of the
        7th session", "the agreed minutes of the meeting"): the last meeting told before
        with the same ordinal, else the last one whose days hold the event's `date`, else
        the last one told before."""
        meeting = next(
            (t for t in root.subtree
             if t.i > root.i and t.dep_ == "pobj" and t.head.lower_ == "of" and t.lemma_.lower() in self.cues.meeting_nouns
             and not any(a.pos_ in VERBAL for a in t.ancestors if a.i > root.i and a.i < t.i)),
            None,
        )
        if meeting is None:
            return None, None
        told = [m for m in self.meetings[: bisect.bisect_left(self._meeting_starts, root.i)] if m[1] or m[2]]
        ordinal = _ordinal(meeting)
        same = [m for m in told if ordinal is not None and _ordinal(self._meeting_noun(m[0])) == ordinal]
        if ordinal is None and isinstance(date, Span):
            told = [m for m in told if m[1] is not None and _holds(m[1], date)] or told
        chosen = (same or ([] if ordinal is not None else told))[-1:]
        return (chosen[0][1], chosen[0][2]) if chosen else (None, None)

    def _meeting_noun(self, verb: Token) -> Token | None:
        """The meeting a verb reports: its subject ("the fifth meeting took place"), else the
        last meeting noun before it in its sentence ("the 7th session of the ... Committee,
        held in Ljubljana")."""
        nouns = self.cues.meeting_nouns
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.lemma_.lower() in nouns:
            return subject
        return next((t for t in reversed(self.doc[verb.sent.start : verb.i]) if t.lemma_.lower() in nouns), None)


def _object(preposition: Token) -> Token | None:
    return next((c for c in preposition.children if c.dep_ == "pobj"), None)


def _end(date: Span | None) -> tuple:
    """A sort key: the last day of a date, undated and unknown days first."""
    end = date._.date.end_date if date is not None else None
    return (end is not None, end or 0)


def _subject(verb: Token) -> Token | None:
    """The subject of a verb, or of the verb it is coordinated with ("was witnessed by ...
    and took place at ...")."""
    for token in (verb, verb.head if verb.dep_ == "conj" else None):
        if token is not None:
            subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None:
                return subject
    return None


def _ordinal_word(token: Token) -> str | None:
    if token.lower_.endswith(("st", "nd", "rd", "th")) and (token.like_num or token.lower_[:-2].isdigit()):
        return token.lower_
    return ORDINAL_WORDS.get(token.lower_)


def _ordinal(noun: Token | None) -> str | None:
    """The ordinal of a meeting's noun ("sixth", "7th"), lower-cased."""
    if noun is None:
        return None
    for child in noun.children:
        if child.dep_ in ("amod", "nummod") and (child.tag_ == "JJ" or child.like_num) and (
            child.lower_.endswith(("st", "nd", "rd", "th")) or child.lower_ in ORDINAL_WORDS
        ):
            return ORDINAL_WORDS.get(child.lower_, child.lower_)
    return None


# Ordinal words as their numeric forms, so that "the sixth meeting" is "the 6th meeting".
ORDINAL_WORDS = {
    "first": "1st", "second": "2nd", "third": "3rd", "fourth": "4th", "fifth": "5th", "sixth": "6th",
    "seventh": "7th", "eighth": "8th", "ninth": "9th", "tenth": "10th", "eleventh": "11th", "twelfth": "12th",
}


def _holds(outer: Span, inner: Span) -> bool:
    """Whether the days of date `outer` hold those of `inner`."""
    a, b = outer._.date, inner._.date
    if None in (a.start_date, a.end_date, b.start_date, b.end_date):
        return False
    return a.start_date <= b.start_date and b.end_date <= a.end_date
