"""Sides that a mention's own phrases give only through the clause around them: the
antecedent of a relative pronoun, the holder of an instrument ("X has an agreement
with Y"), the signer of a list the instrument is one item of ("signed 14 agreements,
among them a programme with Y"), states of a collective body ("the Portuguese and
Spanish ministries") and definite descriptions ("between the Committee and Y")."""

from __future__ import annotations

import bisect

from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span, Token

from pipeline.components.agreements.cues import AgreementCues
from pipeline.components.agreements.index import DocIndex
from pipeline.components.agreements.syntax import NOMINAL, VERBAL
from pipeline.components.org_lexicon import Countries

# Dashes joining the states of a compound ("German-Brazilian", "Australia–Japan").
COMPOUND_DASHES = {"-", "–", "—"}
# A section heading is a short line (at most this many words) within this many lines above.
HEADING_WORDS = 4
SECTION_LINES = 3
# How far up the parse a listed instrument may sit below the verb of its list.
LIST_DEPTH = 5


def _singular(token: Token) -> str:
    """A plural noun's singular, lower case (the lemma of a capitalised "Ministries" is itself)."""
    lemma = token.lemma_.lower()
    if token.tag_ == "NNPS" and lemma == token.lower_:
        return lemma[:-3] + "y" if lemma.endswith("ies") else lemma.rstrip("s")
    return lemma


def antecedent(subject: Token, cues: AgreementCues) -> Token:
    """What a relative pronoun subject stands for ("the Nairobi Institute, which signed ..."):
    the noun its clause hangs from, first of its conjuncts; else the subject itself."""
    verb = subject.head
    if subject.lower_ not in cues.relative_subjects or verb.dep_ != "relcl":
        return subject
    noun = verb.head
    while noun.dep_ == "conj" and noun.head.pos_ in NOMINAL:
        noun = noun.head
    return noun


def holders(root: Token, cues: AgreementCues) -> list[Token]:
    """The subjects of a verb of having whose object the instrument is ("The University of
    Oslo has had an exchange agreement with Kyoto University")."""
    verb = root.head
    if root.dep_ not in ("dobj", "obj") or verb.pos_ not in VERBAL or verb.lemma_.lower() not in cues.holding_verbs:
        return []
    if not any(c.dep_ == "prep" and c.lower_ == "with" for c in (*root.children, *verb.children)):
        return []   # "X has an agreement in place": a re-mention, not one named by its sides
    return [c for c in verb.children if c.dep_ == "nsubj"]


def listing_verb(root: Token, unit: Span, index: DocIndex, cues: AgreementCues) -> Token | None:
    """The verb of a plural instrument that the mention is one item of ("Peru has signed
    research agreements with several countries, including a 2019 agreement with Chile's
    agency"; "... signed 14 agreements, among them a programme with Y on 4 March")."""
    listed = any(t.lower_ in cues.listing_words for t in root.children) or any(
        t.lower_ in cues.listing_words for t in root.ancestors if unit.start <= t.i < unit.end
    )
    if not listed:
        return None
    token = root
    for _ in range(LIST_DEPTH):
        if token.head.i == token.i or not unit.start <= token.head.i < unit.end:
            return None
        token = token.head
        if token.pos_ in VERBAL and token.lower_ not in cues.listing_words:   # "including" is tagged a verb
            break
    else:
        return None
    objects = [c for c in token.children if c.dep_ in ("dobj", "obj") and c.i != root.i]
    if not any(
        (o.i in index.mention_roots or o.lemma_.lower() in cues.anaphor_nouns) and o.tag_ in ("NNS", "NNPS")
        for o in objects
    ):   # "signed 23 agreements", "signed similar cooperation documents"
        return None
    return token


def list_signers(root: Token, unit: Span, index: DocIndex, cues: AgreementCues) -> list[Token]:
    """The subjects of the verb of the plural instrument the mention is one item of."""
    verb = listing_verb(root, unit, index, cues)
    return [c for c in verb.children if c.dep_ == "nsubj"] if verb is not None else []


def collective_states(index: DocIndex, start: int, end: int) -> list[tuple[int, str, int]]:
    """States of a plural body named by them ("the Portuguese and Spanish ministries",
    "the Ministries for Foreign Affairs of Iceland and Norway"): two or more countries
    that modify, or follow "of"/"for" on, a plural noun. With each, that noun's token."""
    doc = index.doc
    found: list[tuple[int, str, int]] = []
    for i in range(start, end):
        mention = index.country_at.get(i)
        if mention is None or not mention.country:
            continue
        token = doc[mention.end - 1]
        counted = False   # "five Tunisian universities": bodies listed, not their states
        while True:   # up to the noun the phrase of countries belongs to
            counted = counted or any(c.dep_ == "nummod" for c in token.children)
            if token.dep_ == "conj" and token.head.i != token.i:
                token = token.head
            elif token.dep_ == "pobj" and token.head.lower_ in ("of", "for"):
                token = token.head.head
            elif token.dep_ in ("amod", "compound") and token.head.pos_ in NOMINAL:
                token = token.head
            else:
                break
        counted = counted or any(c.dep_ == "nummod" for c in token.children)
        if token.i != doc[mention.end - 1].i and token.tag_ in ("NNS", "NNPS") and not counted and start <= token.i < end:
            found.append((i, mention.country, token.i))
    states = {state for _, state, _ in found}
    return found if len(states) >= 2 else []


def counted_state_bodies(index: DocIndex, cues: AgreementCues, start: int, end: int) -> list[tuple[int, int]]:
    """Counted plural bodies that stand for states ("between the two Ministries of Health",
    "by the heads of the three delegations"): (token, how many) each."""
    doc = index.doc
    found = []
    for i in range(start, end):
        token = doc[i]
        if token.tag_ not in ("NNS", "NNPS") or _singular(token) not in cues.state_bodies:
            continue
        counts = [cues.back_references.get(c.lower_, 0) for c in token.children if c.dep_ in ("nummod", "det", "predet")]
        if any(counts):
            found.append((i, max(counts)))
    return found


def described(index: DocIndex, cues: AgreementCues, start: int, end: int) -> list[tuple[int, str]]:
    """Parties named by a definite description among the words start..end ("between the
    Committee and the Academy of X"): for "the" + a body noun that no party covers, the
    last party named before whose name has that noun."""
    doc = index.doc
    found: list[tuple[int, str]] = []
    for i in range(start + 1, end):
        token = doc[i]
        if i in index.party_at or doc[i - 1].lower_ != "the" or token.lemma_.lower() not in cues.description_nouns:
            continue
        after = doc[i + 1] if i + 1 < len(doc) else None
        if after is not None and (after.lower_ == "of" or after.pos_ == "PROPN" or after.i in index.party_at):
            continue   # "the Council of Europe", a name the parties left out
        noun = token.lemma_.lower()
        named = index.named_before(i - 1, 0, 0, lambda name: noun in name.lower().split())
        if named:
            # a capitalised short name ("the Committee") is the page's own body, named first;
            # "the institute" the one named last
            found.append((i, named[-1] if token.text[0].isupper() else named[0]))
    return found


def joined_states(tokens, country_at: dict, start: int, end: int) -> list[str]:
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


# The page's own state or body must be named at least this often, and more than any other.
HOME_MIN_MENTIONS = 3


def home_side(index: DocIndex, side: str, state: bool = False) -> str | None:
    """The other side of an instrument told only "with" one side ("an agreement was concluded
    with Egypt", "the memorandum with SRNSF"): the state, or body, the page names most often,
    when one stands out; states for a state, bodies for a body."""
    counts = index.side_counts
    states = counts["states"]
    pool = states if state or side in states else counts["parties"]
    ranked = sorted(((n, name) for name, n in pool.items() if name != side), reverse=True)
    if not ranked or ranked[0][0] < HOME_MIN_MENTIONS or (len(ranked) > 1 and ranked[1][0] == ranked[0][0]):
        return None
    return ranked[0][1]


class PartyForms:
    """The names, acronyms and aliases of the page's parties, to find where the parties left
    one unmarked (a mention the model read as a person: "by KARI and Portugal Space").
    Only forms of two words or more, or acronyms: one common word names nothing."""

    def __init__(self, doc: Doc, tokenizer: Tokenizer):
        self.doc = doc
        self.tokenizer = tokenizer
        self._forms: dict[str, list[tuple[tuple[str, ...], str]]] | None = None

    def _build(self) -> dict[str, list[tuple[tuple[str, ...], str]]]:
        forms: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for party in self.doc._.parties or []:
            for form in {party.name, party.acronym, *party.aliases} - {None, ""}:
                words = tuple(t.lower_ for t in self.tokenizer(form))
                words = words[1:] if words[:1] == ("the",) else words
                if len(words) >= 2 or (form.isupper() and len(form) >= 3):
                    forms.setdefault(words[0], []).append((words, party.name))
        for candidates in forms.values():
            candidates.sort(key=lambda c: -len(c[0]))   # the longest form first
        return forms

    def find(self, doc: Doc, start: int, end: int, party_at: dict) -> list[tuple[int, int, str]]:
        """(start, end, party name) of the forms found between tokens start and end on
        tokens no party span covers."""
        if self._forms is None:
            self._forms = self._build()
        found: list[tuple[int, int, str]] = []
        i = start
        while i < end:
            match = None
            if i not in party_at:
                for words, name in self._forms.get(doc[i].lower_, []):
                    stop = i + len(words)
                    if stop <= end and not any(j in party_at for j in range(i, stop)) and tuple(
                        t.lower_ for t in doc[i:stop]
                    ) == words:
                        match = (i, stop, name)
                        break
            if match:
                found.append(match)
                i = match[1]
            else:
                i += 1
        return found


def section_state(index: DocIndex, countries: Countries, unit: Span) -> str | None:
    """The state a section's heading names alone ("CHILE", "## Chile"): the first short
    line above the unit's paragraph, if it is a state's name."""
    text = index.text
    end = text.rfind("\n\n", 0, unit.start_char)
    for _ in range(SECTION_LINES):
        if end <= 0:
            return None
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].strip().strip("#*_:.").strip()
        end = start - 1
        if not line:
            continue
        if len(line.split()) > HEADING_WORDS or line.endswith((".", ",", ";")):
            return None   # a paragraph: no heading right above
        country = countries.country_of(line) or countries.country_of(line.title())
        return country or None
    return None


def states_before(index: DocIndex, end: int, wanted: int) -> list[str]:
    """Up to `wanted` distinct states named before token `end`, in the order named."""
    found: list[str] = []
    starts = index.country_starts
    for k in range(bisect.bisect_left(starts, end) - 1, -1, -1):
        state = index.country_at[starts[k]].country
        if state and state not in found:
            found.append(state)
            if len(found) == wanted:
                break
    return found[::-1]
