"""Organisation names grown around their head words.

The statistical model breaks long names at commas and "and" ("Ministry of
Education", "Culture, Sports", ...). Names of bodies have a simple shape,
so they are rebuilt from the head word out:

    [modifiers] HEAD [of|for|on|in complement]*

    Japan Oil, Gas and Metals National Corporation
    Ministry of Education, Culture, Sports, Science and Technology
    Japan - United Kingdom Joint Committee on Cooperation in Science and Technology

Modifiers are capitalised words to the left, joined by hyphens, by "and"
between two plain words, and by commas when an "and" closes the list. A
complement is a list of capitalised words after a preposition; commas
continue it only when an "and" closes it, so "Department of Biotechnology,
Ministry of ..." stays two names. A complement that holds another head
("of the Cabinet Office") is a parent body and starts a name of its own.

Names whose head is a programme, event, facility or document word (see
non_parties.yaml) are found the same way and marked as not parties, so
"Asia Pacific Regional Space Agency Forum" is one non-party name rather
than an agency.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from pipeline.components.org_lexicon import CountryMention, OrgLexicon

HYPHENS = frozenset({"-", "‐", "‑"})
DASHES = frozenset({"-", "–", "—"})
VERB_TAGS = frozenset({"VB", "VBD", "VBP", "VBZ", "MD"})
PROPER_TAGS = frozenset({"NNP", "NNPS"})
PLACE_LABELS = frozenset({"GPE", "LOC"})
_ORDINAL_NUMBER = re.compile(r"^\d+(st|nd|rd|th)$")


@dataclass(frozen=True)
class Head:
    start: int
    end: int
    phrase: str          # lower case, as in the lexicon
    is_party: bool       # an organisation head (else a programme, event, facility ... head)


@dataclass(frozen=True)
class Name:
    span: Span
    head: Head
    is_party: bool
    generic: bool        # only general modifiers and no complement: "Joint Committee"


class NameGrammar:
    def __init__(self, nlp: Language, lexicon: OrgLexicon):
        self.lexicon = lexicon
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for label, phrases in (("ORG_HEAD", lexicon.head_kinds), ("NON_PARTY_HEAD", lexicon.non_party_heads)):
            # Tokenised as written in text ("Ltd." is one token, "ltd." two).
            self.matcher.add(label, [nlp.make_doc(form) for p in phrases for form in (p, p.title(), p.upper())])

    def analyse(self, doc: Doc, countries: dict[int, CountryMention], known: set[int]) -> DocNames:
        """The names in `doc`; `known` are tokens that start a body named otherwise (an acronym, say)."""
        return DocNames(self, doc, countries, known)


class DocNames:
    """The names found in one Doc, and the head lookup for any other span."""

    def __init__(self, grammar: NameGrammar, doc: Doc, countries: dict[int, CountryMention], known: set[int]):
        self.lexicon = grammar.lexicon
        self.doc = doc
        self.countries = countries
        self.known = known
        self.country_tokens = {i for c in countries.values() for i in range(c.start, c.end)}
        self.heads = self._heads(grammar.matcher(doc))
        self.head_at = {h.start: h for h in self.heads}
        self.head_ending = {h.end: h for h in self.heads}
        self.org_head_tokens = {i for h in self.heads if h.is_party for i in range(h.start, h.end)}
        self.names = self._names()

    # --- heads --------------------------------------------------------------

    def _heads(self, matches) -> list[Head]:
        strings = self.doc.vocab.strings
        heads, covered = [], -1
        for match_id, start, end in sorted(matches, key=lambda m: (m[1], -m[2])):
            if start < covered:
                continue
            phrase = self.doc[start:end].text.lower()
            first = self.doc[start]
            if not (_capitalised(first) or phrase in self.lexicon.needs_complement):
                continue
            if first.lower_ in self.lexicon.stop_words:     # "Visit ITO EN Ltd.", "Chair of ..."
                continue
            heads.append(Head(start, end, phrase, strings[match_id] == "ORG_HEAD"))
            covered = end
        return heads

    def head_of(self, span: Span) -> Head | None:
        """The head word of a name: the last word before its first preposition."""
        end = next((t.i for t in span[1:] if t.lower_ in self.lexicon.prepositions), span.end)
        while end - 1 > span.start and self.doc[end - 1].is_punct:     # "Govt. of India"
            end -= 1
        head = self.head_ending.get(end)
        first = self.head_at.get(span.start)
        if head is None and first is not None and first.phrase in self.lexicon.head_first:   # "Agencia Estatal de ..."
            return first
        return head

    # --- names --------------------------------------------------------------

    def _names(self) -> list[Name]:
        names: list[Name] = []
        floor = 0
        consumed = -1
        for head in self.heads:
            if head.start < consumed:
                continue
            name = self._grow(head, floor)
            consumed = max(head.end, name.span.end if name else head.end)
            if name is not None:
                names.append(name)
                floor = name.span.end
        return names

    def _grow(self, first_head: Head, floor: int) -> Name | None:
        head = self._last_head(first_head)
        start = self._grow_left(first_head, floor)
        after_head = self._post_modifiers(head)
        end, complements = self._complements(head, after_head)
        end = self._with_city(head, end)
        if end == head.end and start == first_head.start and head is first_head:
            return None
        if head.phrase in self.lexicon.needs_complement and not complements:
            return None
        if not _capitalised(self.doc[head.start]) and not complements:
            return None
        span = self.doc[start:end]
        # "three India-Japan Joint Laboratories" counts bodies of a kind; it names none.
        if start > 0 and self.doc[start - 1].tag_ == "CD" and head.phrase in self.lexicon.plural_heads:
            return None
        place = self.countries.get(start)
        is_party = (
            head.is_party
            and not (complements and span[-1].lower_ in self.lexicon.complement_final)
            and not (place is not None and place.end == end)
        )
        modifiers = [t for t in [*self.doc[start : first_head.start], *self.doc[head.end : after_head]] if t.is_alpha]
        generic = not complements and head is first_head and all(t.lower_ in self.lexicon.generic for t in modifiers)
        return Name(span, head, is_party, generic)

    def _last_head(self, head: Head) -> Head:
        """The head that really closes the name: "Agency Forum" is a forum, "Committee Meetings" meetings."""
        last, i = head, head.end
        while i < len(self.doc):
            if i in self.head_at:
                last = self.head_at[i]
                i = last.end
            elif self._word(self.doc[i]):
                i += 1
            elif self._hyphen_join(i):
                i += 2
            else:
                break
        return last

    def _grow_left(self, head: Head, floor: int) -> int:
        doc, start = self.doc, head.start
        closed_by_and = False
        i = start - 1
        while i >= floor:
            token = doc[i]
            if self._modifier(token):
                start = i
            elif self._hyphen_join(i) and i - 1 >= floor and self._modifier(doc[i - 1]):
                start = i - 1
            elif self._between_countries(i):
                start = i - 1
            elif token.lower_ in self.lexicon.conjunctions and self._coordinated_modifier(i, floor, head):
                closed_by_and = True
                start = i - 1
            elif token.text == "," and i - 1 >= floor and self._modifier(doc[i - 1]) and (
                closed_by_and or (i == head.start - 1 and head.phrase in self.lexicon.after_comma)
            ):
                start = i - 1
            else:
                break
            i = start - 1
        return start

    def _coordinated_modifier(self, i: int, floor: int, head: Head) -> bool:
        """"Science and Technology Agency", not "DST & Ministry of ...", "Kolkata and Bhabha ... Center"."""
        doc = self.doc
        if i - 1 < floor or i + 1 == head.start:
            return False
        left = doc[i - 1]
        if not self._modifier(left) or left.i in self.org_head_tokens or left.i in self.known or _acronym_like(left):
            return False
        return left.i not in self.country_tokens and left.ent_type_ not in PLACE_LABELS

    def _between_countries(self, i: int) -> bool:
        """A spaced dash in "Japan – United Kingdom Joint Committee"."""
        doc = self.doc
        return (
            doc[i].text in DASHES
            and i >= 1
            and doc[i - 1].i in self.country_tokens
            and i + 1 < len(doc)
            and (i + 1) in self.countries
        )

    def _post_modifiers(self, head: Head) -> int:
        """Where the capitalised words after a head-first head end ("Agencia Estatal", "Universiti Teknologi Malaysia")."""
        if head.phrase not in self.lexicon.head_first or head.end >= len(self.doc) or head.end in self.known:
            return head.end
        end = self._item_list(head.end)
        return head.end if end is None or any(i in self.org_head_tokens for i in range(head.end, end)) else end

    def _complements(self, head: Head, after_head: int) -> tuple[int, int]:
        """Where the name ends after its head (and its modifiers), and how many complements it has."""
        lexicon = self.lexicon
        doc, end, count = self.doc, after_head, 0
        # "Govt. of India": an abbreviated head keeps its full stop.
        if end + 1 < len(doc) and doc[end].text == "." and not doc[end - 1].whitespace_ and doc[end + 1].lower_ == "of":
            end += 1
        located = head.phrase in lexicon.located
        after_state = False
        while end < len(doc):
            preposition = doc[end].lower_
            if preposition == "between":
                end = self._between_states(head, end) or end
                break
            locative = preposition in lexicon.located_prepositions
            if not (preposition in lexicon.prepositions or (located and locative)):
                break
            # Only a body that sits somewhere goes on with "in <place>" ("Embassy of France in Tokyo"), and only
            # a diplomatic one names its seat right after the head ("Royal Norwegian Embassy in Tokyo",
            # "Permanent Mission of X to the United Nations"); after a state only such a body goes on.
            if (locative and not count and head.phrase not in lexicon.seat_in_name) or (after_state and not (located and locative)):
                break
            # A name never ends on its preposition: go on across a line break ("... Promotion of\n\nScience").
            start = skip_spaces(doc, end + 1)
            if start < len(doc) and doc[start].lower_ in lexicon.articles:
                start = skip_spaces(doc, start + 1)
            item_end = self._item_list(start)
            # "Office of the Permanent Secretary": an office's complement may be a title.
            if head.phrase in lexicon.title_complement:
                item_end = max(item_end or start, self._title(start)) if start < len(doc) else item_end
            # Where a mission sits may be a body ("... to the United Nations Office at Nairobi"), and so may what a
            # secretariat serves ("Secretariat of the Joint Committee"); another complement may not.
            holds_head = item_end is not None and any(i in self.org_head_tokens for i in range(start, item_end))
            body_allowed = (located and locative) or head.phrase in lexicon.serves_body
            if item_end is None or item_end == start or (holds_head and not body_allowed):
                break
            # "... Council of Ministers in September": a date is when, not where.
            if locative and any(doc[i].ent_type_ in ("DATE", "TIME") for i in range(start, item_end)):
                break
            is_state = self._is_state(start, item_end)
            if locative and not located and self._is_place(start, item_end):
                break
            # "Department of Science and Technology of India": the state is said of the department, not named in it.
            if preposition == "of" and count and is_state and self.lexicon.head_kinds.get(head.phrase) == "government":
                break
            end, count, after_state = item_end, count + 1, is_state
        return end, count

    def _between_states(self, head: Head, between: int) -> int | None:
        """"Joint Committee on ... between Japan and the Netherlands": the end of the pair of states."""
        if head.phrase not in self.lexicon.joint_heads:
            return None
        first = self.countries.get(between + 1)
        if first is None or first.end >= len(self.doc) or self.doc[first.end].lower_ not in self.lexicon.conjunctions:
            return None
        second_start = skip_words(self.doc, first.end + 1, ("the",))
        second = self.countries.get(second_start)
        return second.end if second is not None and first.country and second.country else None

    def _is_state(self, start: int, end: int) -> bool:
        mention = self.countries.get(start)
        if mention is None:
            formal = self._formal_state(start)
            return formal is not None and formal == end
        return mention.end == end and mention.country is not None

    def _formal_state(self, start: int) -> int | None:
        """The end of "Republic of Cuba", "Kingdom of the Netherlands" (a state word, "of", a state), else None."""
        doc = self.doc
        if start + 2 >= len(doc) or doc[start].lower_ not in self.lexicon.state_words or doc[start + 1].lower_ != "of":
            return None
        mention = self.countries.get(skip_words(doc, start + 2, ("the",)))
        return mention.end if mention is not None and mention.country is not None else None

    def _item_list(self, start: int) -> int | None:
        """A, B, C and D: commas continue the list only when an "and" closes it."""
        doc = self.doc
        last = self._item(start)
        if last is None:
            return None
        i = last
        while i < len(doc):
            if doc[i].text == ",":
                nxt = i + 1
                closing = nxt < len(doc) and doc[nxt].lower_ in self.lexicon.conjunctions
                item_end = self._list_item(nxt + closing)
                if item_end is None:
                    break
                if closing:
                    return item_end
                i = item_end
            elif doc[i].lower_ in self.lexicon.conjunctions:
                item_end = self._list_item(i + 1)
                if item_end is None:
                    return last
                # "Further and Higher Education, Research, Innovation and Science": items may hold "and" themselves.
                last = i = item_end
                if i >= len(doc) or doc[i].text != ",":
                    return last
            else:
                break
        return last

    def _list_item(self, start: int) -> int | None:
        """A further item of a list: not another body, not a state ("Biotechnology, Ministry of ...", ", India", "and USP");
        it may open with an article ("..., el Desarrollo Tecnológico y la Innovación")."""
        if start < len(self.doc) and self.doc[start].lower_ in self.lexicon.articles and self.doc[start].lower_ != "the":
            start += 1
        end = self._item(start)
        if end is None or start in self.known or any(i in self.org_head_tokens for i in range(start, end)):
            return None
        mention = self.countries.get(start)
        if mention is not None and mention.end == end:
            return None
        return end

    def _title(self, start: int) -> int:
        """The end of capitalised words from `start`, titles of people included ("Permanent Secretary")."""
        i = start
        while i < len(self.doc) and _capitalised(self.doc[i]) and self.doc[i].is_alpha:
            i += 1
        return i

    def _with_city(self, head: Head, end: int) -> int:
        """"University College Dublin (UCD)", "University of Natural Resources and Life Sciences, Vienna (BOKU)":
        a city right after a university's name, closed by a bracket or the sentence, is part of the name."""
        doc = self.doc
        if self.lexicon.head_kinds.get(head.phrase) != "university" or end >= len(doc):
            return end
        city = end + (doc[end].text == ",")
        stop = city
        while stop < len(doc) and doc[stop].ent_type_ == "GPE" and _capitalised(doc[stop]) and stop not in self.country_tokens:
            stop += 1
        if stop == city or stop >= len(doc):
            return end
        # closed by a bracket, the sentence's end, a line break or the verb ("COMSATS University Islamabad attended")
        closing = doc[stop].is_punct and doc[stop].text != ","
        closing = closing or "\n" in doc[stop].text or (city == end and doc[stop].tag_ in VERB_TAGS)
        return stop if closing else end

    def _item(self, start: int) -> int | None:
        i = start
        while i < len(self.doc):
            if i in self.countries:
                i = self.countries[i].end      # "People's Republic of China"
            elif (formal := self._formal_state(i)) is not None:
                i = formal                     # "Republic of Cuba", a formal name the list lacks
            elif self._word(self.doc[i]):
                i += 1
            elif i > start and self._hyphen_join(i):
                i += 2
            else:
                break
        return i if i > start else None

    # --- token tests ----------------------------------------------------------

    def _word(self, token: Token) -> bool:
        """A word that can be part of a name."""
        if token.is_space or token.is_punct or not _capitalised(token):
            return False
        lower = token.lower_
        if token.is_stop and not (token.is_upper and len(token) > 1) and lower not in self.lexicon.name_stop_words:
            return False
        return lower not in self.lexicon.stop_words and lower not in self.lexicon.ordinals and not _ORDINAL_NUMBER.match(lower)

    def _modifier(self, token: Token) -> bool:
        """A word left of a head: no verbs, and a sentence's first word only if it is a proper noun."""
        if not self._word(token) or token.tag_ in VERB_TAGS:
            return False
        first = token.is_sent_start or token.i == 0 or "\n" in self.doc[token.i - 1].text
        return not first or token.tag_ in PROPER_TAGS or token.i in self.country_tokens

    def _hyphen_join(self, i: int) -> bool:
        """doc[i] is a hyphen inside a word ("Marine-Earth", "Co-operation", "DBT-AIST")."""
        doc = self.doc
        return (
            0 < i < len(doc) - 1
            and doc[i].text in HYPHENS
            and not doc[i - 1].whitespace_
            and not doc[i].whitespace_
            and doc[i + 1].is_alpha
        )

    def _is_place(self, start: int, end: int) -> bool:
        return any(self.doc[i].ent_type_ in PLACE_LABELS or i in self.country_tokens for i in range(start, end))


def skip_spaces(doc: Doc, i: int) -> int:
    while i < len(doc) and doc[i].is_space:
        i += 1
    return i


def skip_words(doc: Doc, i: int, words: tuple[str, ...]) -> int:
    while i < len(doc) and doc[i].lower_ in words:
        i += 1
    return i


def _capitalised(token: Token) -> bool:
    text = token.text
    return text[:1].isupper() or (text[:1].isalpha() and any(c.isupper() for c in text[1:]))


def _acronym_like(token: Token) -> bool:
    return token.is_upper and len(token) > 1
