"""The token tests of the name grammar: which words can be part of a name, which can stand left of its head."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from pipeline.components.org_lexicon import OrgLexicon

HYPHENS = frozenset({"-", "‐", "‑"})
DASHES = frozenset({"-", "–", "—"})
VERB_TAGS = frozenset({"VB", "VBD", "VBP", "VBZ", "MD"})
PROPER_TAGS = frozenset({"NNP", "NNPS"})
PLACE_LABELS = frozenset({"GPE", "LOC"})
_ORDINAL_NUMBER = re.compile(r"^\d+(st|nd|rd|th)$")


class NameWords:
    """Token tests over one Doc; `country_tokens` are the tokens of country mentions."""

    def __init__(self, doc: Doc, lexicon: OrgLexicon, country_tokens: set[int]):
        self.doc = doc
        self.lexicon = lexicon
        self.country_tokens = country_tokens

    def word(self, token: Token) -> bool:
        """A word that can be part of a name."""
        if token.is_space or token.is_punct or not capitalised(token):
            return False
        lower = token.lower_
        if lower.endswith(".") and lower.rstrip(".") in self.lexicon.honorifics:    # "Ms.", "Dr."
            return False
        if token.is_stop and not (token.is_upper and len(token) > 1) and lower not in self.lexicon.name_stop_words:
            return False
        return (
            lower not in self.lexicon.stop_words and lower not in self.lexicon.ordinals and not _ORDINAL_NUMBER.match(lower)
            and lower not in self.lexicon.headline_verbs
        )

    def modifier(self, token: Token) -> bool:
        """A word left of a head: no verbs, and a sentence's first word only if it is a proper noun."""
        if not self.word(token) or (token.tag_ in VERB_TAGS and not self._modal_in_name(token)):
            return False
        first = token.is_sent_start or token.i == 0 or "\n" in self.doc[token.i - 1].text
        return not first or token.tag_ in PROPER_TAGS or token.i in self.country_tokens

    def _modal_in_name(self, token: Token) -> bool:
        """"Can Tho University": a capitalised word read as a modal verb before a proper noun is a word of a name."""
        doc, i = self.doc, token.i
        opens = i == 0 or not (doc[i - 1].is_alpha and capitalised(doc[i - 1]))     # not in a title-case headline
        return token.tag_ == "MD" and opens and i + 1 < len(doc) and doc[i + 1].tag_ in PROPER_TAGS and capitalised(doc[i + 1])

    def hyphen_join(self, i: int) -> bool:
        """doc[i] is a hyphen inside a word ("Marine-Earth", "Co-operation", "DBT-AIST")."""
        doc = self.doc
        return (
            0 < i < len(doc) - 1
            and doc[i].text in HYPHENS
            and not doc[i - 1].whitespace_
            and not doc[i].whitespace_
            and doc[i + 1].is_alpha
        )

    def is_place(self, start: int, end: int) -> bool:
        return any(self.doc[i].ent_type_ in PLACE_LABELS or i in self.country_tokens for i in range(start, end))


def skip_spaces(doc: Doc, i: int) -> int:
    while i < len(doc) and doc[i].is_space:
        i += 1
    return i


def skip_words(doc: Doc, i: int, words: tuple[str, ...]) -> int:
    while i < len(doc) and doc[i].lower_ in words:
        i += 1
    return i


def capitalised(token: Token) -> bool:
    text = token.text
    return text[:1].isupper() or (text[:1].isalpha() and any(c.isupper() for c in text[1:]))


def acronym_like(token: Token) -> bool:
    return token.is_upper and len(token) > 1
