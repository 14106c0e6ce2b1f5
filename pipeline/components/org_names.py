"""Organisation names grown around their head words.

The statistical model breaks long names at commas and "and" ("Ministry of
Education", "Culture, Sports", ...). Names of bodies have a simple shape,
so they are rebuilt from the head word out:

    [modifiers] HEAD [of|for|on|in complement]*

    Japan Oil, Gas and Metals National Corporation
    Ministry of Education, Culture, Sports, Science and Technology
    Japan - United Kingdom Joint Committee on Cooperation in Science and Technology

Modifiers are capitalised words to the left, joined by hyphens, by "and"
between two plain words, and by commas when an "and" closes the list. What
follows the head is read by name_complements.py; the token tests are in
name_words.py.

Names whose head is a programme, event, facility or document word (see
non_parties.yaml) are found the same way and marked as not parties, so
"Asia Pacific Regional Space Agency Forum" is one non-party name rather
than an agency.
"""

from __future__ import annotations

from bisect import bisect_left

from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from pipeline.components.name_complements import NameComplements
from pipeline.components.name_words import DASHES, PLACE_LABELS, NameWords, acronym_like, capitalised
from pipeline.components.org_lexicon import CountryMention, OrgLexicon


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
        self.words = NameWords(doc, self.lexicon, self.country_tokens)
        self.heads = self._heads(grammar.matcher(doc))
        self.head_at = {h.start: h for h in self.heads}
        self._head_starts = [h.start for h in self.heads]     # sorted: heads do not overlap
        self.head_ending = {h.end: h for h in self.heads}
        self.org_head_tokens = {i for h in self.heads if h.is_party for i in range(h.start, h.end)}
        self.complements = NameComplements(doc, self.lexicon, countries, known, self.org_head_tokens, self.words)
        self.one_word_entities: frozenset[str] | None = None     # read when first needed
        self.names = self._names()

    # --- heads --------------------------------------------------------------

    def heads_within(self, start: int, end: int) -> list[Head]:
        """The heads inside tokens start..end, in order (a binary search, not a walk over all heads)."""
        inside = []
        for head in self.heads[bisect_left(self._head_starts, start) :]:
            if head.start >= end:
                break
            if head.end <= end:
                inside.append(head)
        return inside

    def _heads(self, matches) -> list[Head]:
        strings = self.doc.vocab.strings
        found = [(start, end, self.doc[start:end].text.lower(), strings[match_id] == "ORG_HEAD") for match_id, start, end in matches]
        found += self._compound_heads()
        heads, covered = [], -1
        for start, end, phrase, is_party in sorted(found, key=lambda m: (m[0], -m[1])):
            if start < covered:
                continue
            first = self.doc[start]
            # "the Plant Production Systems group": a lower-case head after a word of a name.
            lower_case = phrase in self.lexicon.lower_case_heads and start > 0 and (
                self.words.word(self.doc[start - 1]) or (start > 2 and self.words.hyphen_join(start - 2))
            )
            if not (capitalised(first) or phrase in self.lexicon.needs_complement or lower_case):
                continue
            if first.lower_ in self.lexicon.stop_words:     # "Visit ITO EN Ltd.", "Chair of ..."
                continue
            heads.append(Head(start, end, phrase, is_party))
            covered = end
        return heads

    def _compound_heads(self) -> list[tuple[int, int, str, bool]]:
        """Heads at the end of a compound word ("Bundesministerium", "Forschungszentrum Jülich", "Vetenskapsrådet"):
        the head is the suffix, the word a name on its own."""
        suffixes = self.lexicon.compound_heads
        return [
            (t.i, t.i + 1, next(x for x in suffixes if t.lower_.endswith(x)), True)
            for t in self.doc
            if t.is_alpha and t.lower_.endswith(suffixes) and t.text[:1].isupper() and t.lower_ not in suffixes
            and len(t) > 7
        ]

    def head_of(self, span: Span) -> Head | None:
        """The head word of a name: the last word before its first preposition."""
        # "Prince of Songkla University": the "of" after a patron's title is not the name's complement.
        after_title = 2 if len(span) > 2 and span[0].lower_ in self.lexicon.patron_titles and span[1].lower_ == "of" else 1
        end = next((t.i for t in span[after_title:] if t.lower_ in self.lexicon.prepositions), span.end)
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
        start = self._grow_left(first_head, floor, modifier_head=head is not first_head and not first_head.is_party)
        after_head = self.complements.post_modifiers(head)
        end, complements = self.complements.reach(head, after_head)
        sentence_case = self.complements.sentence_case(head) if head.is_party else None
        if sentence_case is not None and sentence_case > end:
            end, complements = sentence_case, max(complements, 1)
        with_patron = self.complements.epithet(end)
        if with_patron > end:
            end, complements = with_patron, max(complements, 1)
        end = self.complements.with_city(head, end)
        if head.phrase in self.lexicon.joint_lower_heads and not capitalised(self.doc[head.start]) and not complements:
            end = self.complements.lower_field(end)     # "... working group on science and technology"
        compound = head.phrase != self.doc[head.start : head.end].text.lower()
        if end == head.end and start == first_head.start and head is first_head and not compound:
            return None
        # Words after a head written first name it too ("Geološki zavod Slovenije", "Ambasciata d'Italia").
        named_by_modifiers = not complements and (after_head > head.end or self._named_by_modifiers(start, first_head, head))
        if head.phrase in self.lexicon.needs_complement and not complements and not named_by_modifiers:
            return None
        if not capitalised(self.doc[head.start]) and not complements and not named_by_modifiers:
            return None
        span = self.doc[start:end]
        # "three India-Japan Joint Laboratories" counts bodies of a kind; it names none.
        if start > 0 and self.doc[start - 1].tag_ == "CD" and head.phrase in self.lexicon.plural_heads:
            return None
        place = self.countries.get(start)
        modifiers = [t for t in [*self.doc[start : first_head.start], *self.doc[head.end : after_head]] if t.is_alpha]
        funding = self._funding_body(head, modifiers)
        # "Hosts Korean Delegation": a delegation named by its state alone is a group of visitors, not a body.
        visitors = head.phrase in self.lexicon.visiting_heads and not complements and all(
            t.i in self.country_tokens for t in modifiers)
        is_party = (
            (head.is_party or funding) and not visitors
            and not (complements and span[-1].lower_ in self.lexicon.complement_final)
            and not (place is not None and place.end == end)
        )
        if funding:
            return Name(span, head, is_party, False)
        # "Science and Technology Ministry", "the Foreign Ministry": a ministry's field names it as its complement would.
        general = self.lexicon.generic
        if head.phrase in self.lexicon.named_by_field:
            general = general - self.lexicon.field_words - self.lexicon.named_by_field
        generic = not complements and not compound and head is first_head and all(t.lower_ in general for t in modifiers)
        return Name(span, head, is_party, generic)

    def _funding_body(self, head: Head, modifiers: list) -> bool:
        """"Icelandic Research Fund", "Kenya National Research Fund": a fund a state (or "National") and a research
        field name is a funding agency; "Newton Fund", "Joint Research Fund" are programmes."""
        lexicon = self.lexicon
        if head.phrase not in lexicon.funding_heads:
            return False
        state = any(t.i in self.country_tokens or t.lower_ == "national" for t in modifiers)
        return state and any(t.lower_ in lexicon.funding_fields for t in modifiers)

    def _last_head(self, head: Head) -> Head:
        """The head that really closes the name: "Agency Forum" is a forum, "Committee Meetings" meetings."""
        last, i = head, head.end
        while i < len(self.doc):
            if i in self.head_at:
                last = self.head_at[i]
                i = last.end
            elif self.words.word(self.doc[i]):
                i += 1
            elif self.words.hyphen_join(i):
                i += 2
            elif self.doc[i].text == "," and i + 1 in self.head_at and self.head_at[i + 1].phrase in self.lexicon.after_comma:
                last = self.head_at[i + 1]      # "Co., Ltd."
                i = last.end
            else:
                break
        return last

    def _named_by_modifiers(self, start: int, first_head: Head, head: Head) -> bool:
        """A lower-case head named by the proper words before it ("Agriculture and Food Security division"); for an
        embassy or consulate, a state's adjective is enough ("the Austrian embassy")."""
        if head is not first_head or head.phrase not in self.lexicon.lower_case_heads or capitalised(self.doc[head.start]):
            return False
        modifiers = [t for t in self.doc[start : head.start] if t.is_alpha]
        if not modifiers:
            return False
        # "the Armenian-Belarusian working group": a joint body in lower case is named by the two states only.
        if head.phrase in self.lexicon.joint_lower_heads:
            return len({self.countries[t.i].country for t in modifiers if t.i in self.countries}) >= 2
        if head.phrase in self.lexicon.seat_in_name and any(t.i in self.country_tokens for t in modifiers):
            return True
        # The model's place labels count for English heads only ("the Nairobi office"); it takes words of other
        # languages for places ("Prirodno-matematički fakultet").
        foreign = head.phrase in self.lexicon.head_first
        return any(
            t.i not in self.country_tokens and (foreign or t.ent_type_ not in PLACE_LABELS) and t.lower_ not in self.lexicon.generic
            for t in modifiers
        )

    def _grow_left(self, head: Head, floor: int, modifier_head: bool = False) -> int:
        doc, start = self.doc, head.start
        closed_by_and = False
        commas, item_words = 0, 0        # commas crossed, words since the last one
        i = start - 1
        while i >= floor:
            token = doc[i]
            if self.words.modifier(token):
                start = i
                item_words += 1
            elif self.words.hyphen_join(i) and i - 1 >= floor and self.words.modifier(doc[i - 1]):
                start = i - 1
            elif self._between_countries(i):
                start = i - 1
            elif token.lower_ in self.lexicon.conjunctions and self._coordinated_modifier(i, floor, head, modifier_head):
                closed_by_and = True
                start = i - 1
            elif token.text == "," and i - 1 >= floor and self.words.modifier(doc[i - 1]) and (
                closed_by_and or (i == head.start - 1 and head.phrase in self.lexicon.after_comma)
            ) and (commas == 0 or item_words <= 1):
                # Items between two commas are single words ("Japan Oil, Gas and Metals ..."); a longer one is
                # a person's title ("Mr X, Joint Technical Adviser, Science and Technology Ministry").
                start = i - 1
                commas, item_words = commas + 1, 1
            elif self._bracketed_seat(i, floor, head):
                start = i - 3           # "Lihero Technology (Hunan) Co., Ltd.": the company's seat in brackets
            elif self._patron_joint(i, floor):
                start = i - 1
            elif self._foreign_compound(i, floor, head):
                start = i - 2
            else:
                return self._patron_title(start, floor)
            i = start - 1
        return start

    def _bracketed_seat(self, i: int, floor: int, head: Head) -> bool:
        doc = self.doc
        return (
            i == head.start - 1 and head.phrase in self.lexicon.after_comma and doc[i].text == ")" and i - 3 >= floor
            and doc[i - 2].text == "(" and capitalised(doc[i - 1]) and doc[i - 1].is_alpha and self.words.modifier(doc[i - 3])
        )

    def _foreign_compound(self, i: int, floor: int, head: Head) -> bool:
        """"Prirodno-matematički fakultet": before a lower-case head of another language, a compound adjective whose
        first part is capitalised (never in English: "the Tokyo-based Japan Society")."""
        doc = self.doc
        return (
            head.phrase in self.lexicon.head_first and not capitalised(doc[head.start]) and i - 2 >= floor
            and doc[i].is_alpha and doc[i].is_lower and self.words.hyphen_join(i - 1) and self.words.modifier(doc[i - 2])
        )

    # A body named after a person keeps the patron's whole name: "Prince Mohammad bin Fahd University",
    # "King Mongkut's University of Technology", "Prince of Songkla University". Elsewhere these titles and
    # small words end a name on its left.

    def _patron_joint(self, i: int, floor: int) -> bool:
        """doc[i] joins two words of a patron's name: "bin", "ibn", or the possessive of a patron ("King Mongkut's",
        "Queen's", "St John's"), never a state's or a body's ("Japan's Ministry", "MIT's Media Lab")."""
        doc, lexicon = self.doc, self.lexicon
        if i - 1 < floor or not capitalised(doc[i - 1]) or doc[i - 1].is_punct or doc[i - 1].i in self.country_tokens:
            return False
        if doc[i].lower_ in lexicon.patron_particles:
            return True
        if doc[i].text not in ("'s", "’s") or doc[i - 1].whitespace_:
            return False
        possessor = doc[i - 1].lower_
        before = doc[i - 2].lower_.rstrip(".") if i - 2 >= floor else ""
        return possessor in lexicon.patron_titles or before in lexicon.patron_titles

    def _patron_title(self, start: int, floor: int) -> int:
        """A royal, religious or saint's title right before a name opens it ("King Saud University"), also with
        "of" ("Prince of Songkla University")."""
        doc, lexicon, i = self.doc, self.lexicon, start - 1
        if i >= floor + 1 and doc[i].lower_ == "of" and start < len(doc) and capitalised(doc[start]):
            i -= 1
        if i >= floor and capitalised(doc[i]) and doc[i].lower_.rstrip(".") in lexicon.patron_titles:
            return i
        return start

    def _coordinated_modifier(self, i: int, floor: int, head: Head, modifier_head: bool = False) -> bool:
        """"Science and Technology Agency", not "DST & Ministry of ...", "Kolkata and Bhabha ... Center"."""
        doc = self.doc
        # "University and Institute" coordinates heads; "Research Contracts and Agreements Section" coordinates a
        # programme word that only modifies the head after it.
        if i - 1 < floor or (i + 1 == head.start and not modifier_head):
            return False
        left = doc[i - 1]
        if not self.words.modifier(left) or left.i in self.org_head_tokens or left.i in self.known or acronym_like(left):
            return False
        # "Wageningen and Egerton University": the model ends a name before the "and" and starts one after it, or
        # tags the word before the "and" as a name of its own elsewhere in the text.
        # A field before the "and" joins its name whatever the model says ("Wildlife Research and Training Institute").
        if left.lower_ in self.lexicon.field_words:
            return left.i not in self.country_tokens and not self._ends_other_name(i)
        # Sub-units are named after fields, not coordinated seats: "Coastal and Air Pollution Division" whatever the model.
        split = left.ent_iob_ in ("B", "I") and doc[i].ent_iob_ != "I" and doc[i + 1].ent_iob_ == "B"
        if (split or left.text in self._one_word_entities()) and head.phrase not in self.lexicon.lower_case_heads:
            return False
        return left.i not in self.country_tokens and left.ent_type_ not in PLACE_LABELS

    def _ends_other_name(self, i: int) -> bool:
        """"Wageningen University & Research and Texas A&M University": the model ends a name holding a head of its
        own right before the "and" and starts another after it."""
        doc = self.doc
        if not (doc[i - 1].ent_iob_ == "I" and doc[i].ent_iob_ == "O" and i + 1 < len(doc) and doc[i + 1].ent_iob_ == "B"):
            return False
        start = i - 1           # back to the name's start or a possessor ("the Ministry's Cultural Affairs and ...")
        while start > 0 and doc[start].ent_iob_ == "I" and doc[start - 1].text not in ("'s", "’s"):
            start -= 1
        return any(j in self.org_head_tokens for j in range(start, i - 1))

    def _one_word_entities(self) -> frozenset[str]:
        """Words the model tags as a name on their own (an organisation, place or person) somewhere in the text."""
        if self.one_word_entities is None:
            labels = ("ORG", "GPE", "LOC", "PERSON", "NORP", "FAC")
            self.one_word_entities = frozenset(e.text for e in self.doc.ents if len(e) == 1 and e.label_ in labels)
        return self.one_word_entities

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
