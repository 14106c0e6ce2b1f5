"""Reading a counted noun phrase from the dependency parse: the noun a number modifies ("24
participating countries"), the head of the phrase after it, and the phrase as a unit, singular
and lower case ("participating country", "memorandum of understanding")."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from spacy.language import Language
from spacy.tokens import Doc, Token

from pipeline.components.counts.numbers import Number, glued
from pipeline.components.layout import TABLE_BAR

NOUNS = frozenset({"NOUN", "PROPN"})
# Tokens that may stand between a number and the noun it counts ("24 participating countries").
_MODIFIERS = frozenset({"ADJ", "NOUN", "PROPN", "VERB", "CCONJ", "PUNCT", "SYM", "ADV", "X"})
# Parts of speech left out of a unit: determiners, numbers, possessives.
_NOT_IN_UNIT = frozenset({"DET", "NUM", "PRON", "PART", "SPACE", "ADV"})
GLUE = frozenset({"-", "/", "&"})
# Endings of plural nouns for people, read singular when the lemma tables lack the word.
_PERSON_PLURALS = ("ers", "ors", "ists", "ians", "ees", "ants", "ents")
# The plural of an acronym: "MoUs", "MOUs", "LoIs", "PhDs", "SMEs", "NGOs".
_ACRONYM_PLURAL = re.compile(r"(?=\w*[A-Z]\w*[A-Z])[A-Za-z]+[A-Z]s")


class NounPhrases:
    """The parse reading shared by the unit readers of prose (units.py) and of tables and lists (listed_units.py)."""

    def __init__(
        self,
        nlp: Language,
        quantity_nouns: frozenset[str],
        unit_aliases: dict[str, str],
        scales: dict[str, Decimal],
        max_unit_distance: int,
        not_units: frozenset[str],
        units_with_of: frozenset[str],
        change_verbs: frozenset[str],
        of_names: frozenset[str] = frozenset(),
    ):
        self.of_names = of_names                    # "excellence": "laboratories of excellence" name one unit
        self.quantity_nouns = quantity_nouns        # "number", "total": "the number of X stood at 73"
        self.unit_aliases = unit_aliases            # a unit's last word -> the word written instead
        self.scales = scales
        self.max_unit_distance = max_unit_distance
        self.not_units = not_units                  # states and words like "total": column headers that count nothing
        self.units_with_of = units_with_of          # "memorandum" (of understanding), "head" (of delegation)
        self.change_verbs = change_verbs            # "rise", "grow": "X rose from 1,100 to 1,900"
        self._noun_lemmas = noun_lemmatizer(nlp)

    def noun_of(self, doc: Doc, number: Number, after: int) -> Token | None:
        """The noun the number modifies in the parse, else the noun phrase right after it. A name
        that modifies a common noun is not what is counted: "six Gulf Cooperation Council (GCC)
        states" counts states."""
        head = self.number_head(doc, number).head
        while head.head.i > head.i and head.head.pos_ == "NOUN" and (
            (head.pos_ == "PROPN" and head.dep_ in ("compound", "nmod") and head.head.i <= after + self.max_unit_distance)
            # "3 mobility grants": the parse may hang the number on a compound's first noun
            or (
                head.dep_ == "compound" and head.pos_ == "NOUN" and doc[after - 1].text != "-"  # not "10-member delegation"
                and _words(doc, after, head.head.i) <= self.max_unit_distance
            )
            or (
                _in_compound(doc, head.i) and doc[after - 1].text != "-"  # not "10-member delegation"
                and _words(doc, after, head.head.i) <= self.max_unit_distance
            )
        ):
            head = head.head  # "multi-million-dollar ... centers": a noun in a hyphenated modifier
        if (
            head.pos_ in NOUNS
            and after <= head.i
            and _words(doc, after, head.i) <= self.max_unit_distance
            and all(
                _in_word_compound(doc, k) or (doc[k].pos_ in _MODIFIERS and not doc[k].like_num) for k in range(after, head.i)
            )
        ):
            return head
        return self.noun_after(doc, after)

    def number_head(self, doc: Doc, number: Number) -> Token:
        """The token of the number that attaches it to the sentence ("thousand" in "73 thousand")."""
        token = doc[number.end - 1]
        while number.start <= token.head.i < number.end and token.head.i != token.i:
            token = token.head
        return token

    def noun_after(self, doc: Doc, k: int) -> Token | None:
        """The head of the noun phrase starting at k: "joint research projects", "India-Japan Joint Laboratories"."""
        noun = None
        for token in doc[k : k + self.max_unit_distance + 1]:
            if token.like_num or token.pos_ == "SYM" and token.text not in GLUE or token.text == TABLE_BAR:
                break
            if token.pos_ in NOUNS or self._plural_taken_for_verb(doc, token, k):
                noun = token
            elif token.text in GLUE and glued(doc, token.i):
                continue
            elif _in_compound(doc, token.i) and (token.pos_ == "ADP" if noun is None else token.pos_ == "ADJ"):
                continue  # a preposition in a hyphenated modifier ("on-going"), an adjective after a noun ("Indo-Kenyan")
            elif noun is not None or not (token.pos_ == "ADJ" or token.tag_ in ("VBG", "VBN")):
                break
        return noun

    def _plural_taken_for_verb(self, doc: Doc, token: Token, k: int) -> bool:
        """"(ii) 10 fellowships for ...": right after a number, a word in -s tagged as a verb is a
        plural noun when the lemma tables know its singular as a noun."""
        return (
            token.i == k and k > 0 and doc[k - 1].text[:1].isdigit() and token.tag_ == "VBZ"  # not "the new one goes"
            and self._noun_lemmas(token.lower_) != token.lower_
        )

    def _conjunct(self, doc: Doc, noun: Token, serial: bool = False) -> Token | None:
        """A noun coordinated with the counted one and counted with it ("53 countries and institutions")."""
        k = _coordinator(doc, noun, serial)
        if k is None:
            return None
        other = self.noun_after(doc, k + 1)
        if other is None or not self._joined(other, noun) or other.lemma_.lower() in self.scales:
            return None  # not "experts and hundreds (of students)"
        if other.i + 1 < len(doc) and (doc[other.i + 1].like_num or doc[other.i + 1].lower_ in ("a", "an", "the")):
            return None  # a verb taking an object: "12 FTEs and awards 30 credits"
        return other

    def quantity_subject(self, token: Token) -> Token | None:
        """"The number of participating researchers stood at 73 thousand": the researchers; so
        with an object: "to double the number of scholarships to 200"."""
        verb = token.head
        while verb.pos_ == "ADP" and verb.head.i != verb.i:
            verb = verb.head
        for subject in verb.children:
            if subject.dep_ in ("nsubj", "nsubjpass", "dobj") and subject.lemma_.lower() in self.quantity_nouns:
                return of_object(subject)
        if token.head.pos_ == "ADP" and verb.lemma_.lower() in self.change_verbs:
            # "Co-authored publications rose from about 1,100 to more than 1,900"
            for subject in verb.children:
                if subject.dep_ in ("nsubj", "nsubjpass") and subject.pos_ == "NOUN" and subject.tag_ == "NNS":
                    return self.noun_after(subject.doc, subject.i) or subject  # "Co-publications": to the compound's noun
                # "The network of partner universities grew from 14 to 31": a whole whose parts are counted
                if subject.dep_ in ("nsubj", "nsubjpass") and subject.pos_ == "NOUN" and subject.tag_ == "NN":
                    parts = of_object(subject)
                    if parts is not None and parts.pos_ == "NOUN" and parts.tag_ == "NNS":
                        return parts
        return None

    def noun_phrase_unit(self, doc: Doc, start: int, noun: Token) -> str:
        """The unit of a noun phrase, with a coordinated noun counted together with it."""
        unit = self.unit_words(doc, start, noun)
        named = self._of_name(doc, noun)
        if named is not None:
            return f"{unit} of {self.unit_words(doc, noun.i + 2, named)}"  # "memorandum of understanding"
        last, listed = noun, []
        while last.i + 2 < len(doc) and doc[last.i + 1].text == ",":  # "teachers, researchers and ..."
            other = self.noun_after(doc, last.i + 2)
            if other is None or other.dep_ != "conj" or other.pos_ != "NOUN":
                break
            # the parse may hang a listed plural on the verb ("backed 380 projects, fellowships and
            # workshops"): a plural after a plural, closed below by a coordinated noun, is listed
            if not (self._joined(other, noun) or other.tag_ == noun.tag_ == "NNS"):
                break
            listed.append((last.i + 2, other))
            last = other
        conjunct = self._conjunct(doc, last, serial=bool(listed))
        if conjunct is not None and (not listed or self._joined(conjunct, noun) or self._joined(conjunct, listed[0][1])):
            for start, other in listed:
                unit += f", {self.unit_words(doc, start, other)}"
            k = _coordinator(doc, last, serial=bool(listed))
            unit += f" {doc[k].lower_} {self.unit_words(doc, k + 1, conjunct)}"
        return unit

    @staticmethod
    def _joined(other: Token, noun: Token) -> bool:
        """`other` hangs on `noun` through a chain of conjuncts."""
        while other.dep_ == "conj" and other.head != other:
            other = other.head
            if other == noun:
                return True
        return False

    def _of_name(self, doc: Doc, noun: Token) -> Token | None:
        """The noun after "of" in a unit named with it: "Memoranda of Understanding", "Letters of
        Intent", "heads of delegation" (data: units_with_of)."""
        if noun.i + 2 >= len(doc) or doc[noun.i + 1].lower_ != "of":
            return None
        named = doc[noun.i + 2]
        if self.singular(noun) not in self.units_with_of and named.lower_ not in self.of_names:
            return None
        return named if named.pos_ in NOUNS else None

    def unit_words(self, doc: Doc, start: int, noun: Token) -> str:
        """The noun with its modifiers, singular and lower case, without determiners or numbers."""
        text = ""
        for token in doc[start : noun.i + 1]:
            if (token.pos_ in _NOT_IN_UNIT or token.like_num) and not (token.like_num and _in_word_compound(doc, token.i)):
                continue  # but "multi-million-dollar" keeps its number
            if token.is_punct or token.pos_ == "SYM":
                if token.text in GLUE and glued(doc, token.i):
                    text = text.rstrip() + token.text
                continue
            plural_before_glue = token.i + 1 < len(doc) and doc[token.i + 1].text == "/"
            word = self.singular(token) if token == noun or plural_before_glue else token.lower_
            text += word + (token.whitespace_ or " ")  # a skipped clitic ("Centre's") leaves no space
        words = text.split()
        if words:
            words[-1] = self.unit_aliases.get(words[-1], words[-1])
        return " ".join(words)

    def singular(self, token: Token) -> str:
        if token.lower_ in self.unit_aliases:
            return self.unit_aliases[token.lower_]  # "people", and plurals the lemma tables misread
        if _ACRONYM_PLURAL.fullmatch(token.text):
            return token.lower_[:-1]  # "MoUs", "LoIs", "PhDs", "SMEs"
        if token.tag_ == "VBZ":
            return self._noun_lemmas(token.lower_)  # "fellowships" the tagger took for a verb
        if token.tag_ == "NNPS" or token.pos_ == "PROPN":
            singular = self._noun_lemmas(token.lower_)  # "Laboratories", "Memoranda"
            if singular == token.lower_ and token.lower_.endswith(_PERSON_PLURALS):
                return singular[:-1]  # a word the tables lack: "Fulbrighters", "Humboldtians"
            return singular
        return token.lemma_.lower() if token.tag_ in ("NNS", "NNPS") else token.lower_


def _coordinator(doc: Doc, noun: Token, serial: bool = False) -> int | None:
    """The "and" or "or" after a noun; after a comma too closing a `serial` list ("projects,
    fellowships, and workshops"), not after two nouns ("40 countries, and joint committees are")."""
    k = noun.i + 1
    if serial and k + 1 < len(doc) and doc[k].text == "," and doc[k + 1].lower_ in ("and", "or"):
        k += 1
    return k if k + 1 < len(doc) and doc[k].lower_ in ("and", "or") else None


def _words(doc: Doc, start: int, end: int) -> int:
    """The words of doc[start:end], a hyphenated modifier one word ("multi-million-dollar")."""
    return sum(1 for k in range(start, end) if not (k > start and (doc[k].text == "-" or doc[k - 1].text == "-") and glued(doc, k - 1, after=True)))


def _in_compound(doc: Doc, k: int) -> bool:
    """Token k is a word of a hyphenated modifier ("on-going", "state-of-the-art")."""
    return any(0 <= j < len(doc) and doc[j].text == "-" and glued(doc, j) for j in (k - 1, k + 1))


def _in_word_compound(doc: Doc, k: int) -> bool:
    """Token k is a word of a hyphenated modifier, a number word too ("multi-million-dollar"), not
    digits: "10-15 researchers" is a range."""
    return _in_compound(doc, k) and not doc[k].text[:1].isdigit()


def of_object(token: Token) -> Token | None:
    """X in "<token> of X"."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.pos_ in NOUNS:
                    return obj
    return None


def noun_lemmatizer(nlp: Language) -> Callable[[str], str]:
    """Singular of a plural noun by the model's own lemma tables (spaCy leaves proper nouns as they are)."""
    if "lemmatizer" not in nlp.pipe_names:
        return lambda word: word
    lookups = nlp.get_pipe("lemmatizer").lookups
    index = set(lookups.get_table("lemma_index", {}).get("noun", []))
    exceptions = lookups.get_table("lemma_exc", {}).get("noun", {})
    rules = lookups.get_table("lemma_rules", {}).get("noun", [])

    def singular(word: str) -> str:
        if word in exceptions:
            return exceptions[word][0]
        for old, new in rules:
            if word.endswith(old) and (form := word[: len(word) - len(old)] + new) in index:
                return form
        return word

    return singular
