"""Instrument mentions (data/agreement_triggers.yaml) and the pronouns that stand for them."""

from __future__ import annotations

import bisect

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from pipeline.components.agreements.cues import AgreementCues
from pipeline.components.agreements.model import Mention
from pipeline.components.agreements.syntax import VERBAL, shared_subject_verbs

# A pronoun points back to an instrument named in its sentence or the one before.
PRONOUN_REACH_SENTENCES = 1
# The type of a noun that only refers back to an instrument ("the text", "the programme").
ANAPHOR = "anaphor"


class MentionFinder:
    """PhraseMatchers for the names of instruments by type: terms in any case,
    abbreviations in their own ("MoU", not "mou")."""

    def __init__(self, nlp: Language, triggers: dict, cues: AgreementCues):
        self.cues = cues
        self.by_case = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.by_orth = PhraseMatcher(nlp.vocab)
        for type_, forms in triggers.items():
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

    def __call__(self, doc: Doc) -> list[Mention]:
        vocab = doc.vocab.strings
        spans = [
            Span(doc, start, end, label=vocab[match_id])
            for matcher in (self.by_case, self.by_orth)
            for match_id, start, end in matcher(doc)
        ]
        name_end = {i: s.end for s in doc.spans.get("parties", []) for i in range(s.start, s.end)}
        mentions: list[Mention] = []
        defined: dict[str, str] = {}   # "MoA" defined after "Memorandum of Arrangement" -> arrangement
        for span in filter_spans(spans):
            type_, number = span.label_.split("|")
            type_ = defined.get(span.text.rstrip("."), type_)
            last = span[-1]
            if span.root.pos_ in VERBAL:
                continue  # a verb ("to contract")
            if name_end.get(span.start, 0) > span.end and doc[span.end].is_alpha:
                continue  # part of an organisation's name that goes on ("Convention Center")
            if last.dep_ == "compound" and last.head.pos_ == "NOUN" and last.head.i >= span.end:
                continue  # a modifier ("agreement partners")
            if self._in_idiom(span):
                continue  # "in agreement with the Ministry": no instrument
            if mentions and _repeats_in_brackets(mentions[-1].span, span):
                defined[span.text.rstrip(".")] = mentions[-1].type   # the abbreviation names that type from here on
                continue  # "Memorandum of Understanding (MoU)": one mention
            mentions.append(Mention(Span(doc, span.start, span.end, label=type_), type_, number == "plural"))
        return self._with_pronouns(doc, mentions) if mentions else mentions

    def _in_idiom(self, span: Span) -> bool:
        """Whether the mention is the noun of a phrase that names no instrument
        (data: idioms, "in agreement with", "by mutual agreement")."""
        doc = span.doc
        for words in self.cues.idioms:
            for n, word in enumerate(words):
                if word != span[0].lower_ or len(span) != 1:
                    continue
                start = span.start - n
                if start >= 0 and start + len(words) <= len(doc) and tuple(t.lower_ for t in doc[start : start + len(words)]) == words:
                    return True
        return False

    def with_anaphors(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """`mentions` with the nouns that only refer back to an instrument ("the text was
        signed by ...", "under the new programme"), typed ANAPHOR: the reader gives them the
        type of the instrument they point to, or drops them."""
        taken = {i for m in mentions for i in range(m.span.start, m.span.end)}
        parties = {i for s in doc.spans.get("parties", []) for i in range(s.start, s.end)}
        anaphors = [
            Mention(Span(doc, t.i, t.i + 1, label=ANAPHOR), ANAPHOR, False)
            for t in doc
            if t.lower_ in self.cues.anaphor_nouns and t.pos_ == "NOUN" and t.i not in taken and t.i not in parties
            and any(c.dep_ in ("det", "poss") and c.lower_ in self.cues.anaphoric_determiners for c in t.children)
        ]
        return sorted(mentions + anaphors, key=lambda m: m.span.start) if anaphors else mentions

    def _with_pronouns(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """`mentions` with the pronouns that stand for the instrument named last before
        them ("The agreement was renewed in 2017. It was extended again in 2022.")."""
        starts = [m.span.start for m in mentions]
        pronouns: list[Mention] = []
        for token in doc:
            if token.lower_ not in self.cues.pronoun_subjects or token.dep_ not in ("nsubjpass", "nsubj"):
                continue
            if token.dep_ == "nsubj" and not self._frames(token.head):
                continue   # an active verb only as "It ... forms the basis of all cooperation"
            n = bisect.bisect_left(starts, token.i) - 1
            while n >= 0 and mentions[n].plural:
                n -= 1
            if n < 0:
                continue
            before = mentions[n]
            reach = token.sent.start
            for _ in range(PRONOUN_REACH_SENTENCES):
                reach = doc[max(reach - 1, 0)].sent.start
            # "it was amended and extended in 1994": the action may be a verb coordinated with the head
            verbs = [token.head] + [c for c in token.head.children if c.dep_ == "conj" and c.pos_ in VERBAL]
            if before.span.start < reach or not (token.dep_ == "nsubj" or any(
                self.cues.action(verb, None, before.type) in self.cues.pronoun_actions for verb in verbs
            )):
                continue
            pronouns.append(Mention(Span(doc, token.i, token.i + 1, label=before.type), before.type, False))
        return sorted(mentions + pronouns, key=lambda m: m.span.start) if pronouns else mentions


    def _frames(self, verb: Token) -> bool:
        """Whether the verb, or one sharing its subject, makes it the frame of something
        ("forms the basis of", "sets the framework for")."""
        return any(
            c.dep_ in ("dobj", "attr") and c.lemma_.lower() in self.cues.frame_nouns
            for v in shared_subject_verbs(verb) for c in v.children
        )


def _repeats_in_brackets(previous: Span, span: Span) -> bool:
    doc = span.doc
    return (
        span.start >= 1
        and doc[span.start - 1].text == "("
        and span.end < len(doc)
        and doc[span.end].text == ")"
        and previous.end == span.start - 1
    )
