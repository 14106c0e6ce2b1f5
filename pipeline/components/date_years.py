"""Is a bare four-digit number a year? (used by st_dates, pipeline/components/dates.py)

Not inside a name ("Horizon 2020", "the 2030 Roadmap"), not after a label
word ("Figure 2010"), not a duration, amount or count ("2000 years", "2000
researchers"), not a group of a phone number ("+84 24 3823 1888"), not glued
to other digits or symbols ("COVID-2019", "$2019", "2019.5").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

WORD_BEFORE = re.compile(r"([A-Za-z]+)[\s-]*\Z")
LABEL_BEFORE = re.compile(r"([A-Za-z§]+)\.?\s*[:#]?\s*\Z")       # "Figure 3:", "No. ", "Tel: "
DIGIT_GROUP_BEFORE = re.compile(r"(?<!\w)\d+[ \t]\Z")      # "+84 24 3823 1888"


class YearCheck:
    def __init__(self, data: dict):
        self.glued_modifiers = set(data["glued_modifiers"])
        self.label_words = set(data["label_words"])
        self.any_label_words = self.label_words | set(data["numeric_label_words"])
        self.name_determiners = set(data["name_determiners"])
        self.name_pos = set(data["name_pos"])
        self.duration_or_amount_words = set(data["duration_words"]) | set(data["amount_words"])
        self.currency_symbols = data["currency_symbols"]
        self.name_entity_labels = set(data["name_entity_labels"])
        self.count_entity_labels = set(data["count_entity_labels"])
        self.copyright_marks = set(data["copyright_marks"])
        self.event_heads = set(data["event_heads"])
        calendar_words = (
            data["months"] + data["month_abbreviations"] + data["weekdays"] + data["weekday_abbreviations"]
        )
        self.not_name_words = (
            {w.lower() for w in calendar_words + data["fiscal_markers"]}
            | set(data["month_cues"])
            | set(data["not_name_words"])
        )

    def is_year(self, doc: Doc, text: str, span: Span, match: re.Match, party_tokens: set[int]) -> bool:
        start, end = match.start(), match.end()
        before = text[start - 1] if start else ""
        after = text[end : end + 2]
        if before and (before.isalnum() or before in self.currency_symbols or before in "#/.:,"):
            return False
        if DIGIT_GROUP_BEFORE.search(text, max(0, start - 8), start):
            return False                # a group of a phone number
        if before == "-":
            word = WORD_BEFORE.search(text, max(0, start - 24), start)
            if word is None or word.group(1).lower() not in self.glued_modifiers:
                return False            # "COVID-2019", "Figure 3-2010"
        if after[:1] in ("%", "/") or (after[:1] in ".,-:" and after[1:].isdigit()):
            return False                # "2019.5", "2010,000", "2010-3"
        label = LABEL_BEFORE.search(text, max(0, start - 24), start)
        if label is not None and label.group(1).lower() in self.any_label_words:
            return False                # "Agreement No. 2019-45", "fax 2019"
        first, last = span[0], span[-1]
        if first.i > 0 and doc[first.i - 1].lower_ in self.copyright_marks:
            return True                 # "© 2024 Agency Name": a copyright year, even inside a tagged name
        if first.i in party_tokens:
            return False
        if first.ent_iob_ == "I" and first.ent_type_ in self.name_entity_labels:
            return False
        if first.i > 0:
            previous = doc[first.i - 1]
            if previous.lower_.rstrip(".") in self.label_words or self._is_name_word(previous):
                return False
        if last.i + 1 < len(doc):
            following = doc[last.i + 1]
            if following.lower_ in self.duration_or_amount_words:
                return False
            if (
                first.i > 0
                and doc[first.i - 1].lower_ in self.name_determiners
                and self._is_name_word(following)
                and not self._modifies_noun(following)
            ):
                return False            # "the 2030 Roadmap", but "the 2024 State budget"
            if following.tag_ == "NNS" and first.ent_type_ in self.count_entity_labels:
                return False            # "2000 researchers"
            if self._opens_event_name(doc, first, last):
                return False            # "holds 2024 Geoscience Day"
        return True

    def _opens_event_name(self, doc: Doc, first: Token, last: Token) -> bool:
        """A year before capitalised words ending on an event's head word names the event, unless a
        word that introduces a date stands before it ("In 2024 Science Week took place")."""
        if first.i > 0 and doc[first.i - 1].lower_ in self.not_name_words:
            return False
        words = []
        for token in doc[last.i + 1 : last.i + 6]:
            if not (token.is_alpha and (token.is_title or token.is_upper)):
                break
            words.append(token.lower_)
        return any(w in self.event_heads for w in words)

    @staticmethod
    def _modifies_noun(token: Token) -> bool:
        """A capitalised word before a lower-case noun ("State budget"): a modifier, not a name's end."""
        doc = token.doc
        return token.i + 1 < len(doc) and doc[token.i + 1].is_lower and doc[token.i + 1].pos_ == "NOUN"

    def _is_name_word(self, token: Token) -> bool:
        """A capitalised word that makes a following year part of a name ("Horizon 2020")."""
        return (
            token.is_alpha
            and (token.is_title or token.is_upper)
            and token.pos_ in self.name_pos
            and not token.is_stop
            and token.lower_ not in self.not_name_words
        )
