"""Who the sides of an instrument are: parties of st_parties, or states under their
canonical names, read from the phrases around the mention and its verbs."""

from __future__ import annotations

import bisect

from spacy.tokenizer import Tokenizer
from spacy.tokens import Span, Token

from pipeline.components.agreements.cues import AgreementCues
from pipeline.components.agreements.index import DocIndex
from pipeline.components.agreements.model import Mention
from pipeline.components.agreements.side_context import (
    PartyForms, antecedent, collective_states, counted_state_bodies, described, holders, home_side, joined_states,
    list_signers, section_state, states_before,
)
from pipeline.components.agreements.syntax import NOMINAL, RELATIVE_PRONOUNS, SIDE_STOP_TEXTS, VERBAL, Syntax
from pipeline.components.org_lexicon import Countries

# Tokens that may sit inside a list of sides ("between A (AA), B, India and with C").
SIDE_LIST_PREPOSITIONS = {"of", "with", "&"}

# What may stand between the sides and their verb: "today", "on Monday", "formally".
TIME_GAP_POS = {"ADV", "ADP", "PUNCT", "SPACE"}
TIME_ENTITIES = {"DATE", "TIME"}
# Words inside a list of sides named before their verb ("Chile and Finland", "the U.S.").
SIDE_LIST_WORDS = {"and", ",", "the", "&"}

# How long a phrase inside a side's name may be ("under the ministry") for the list to go on.
INNER_PHRASE_TOKENS = 6
Region = tuple[int, int, bool]   # start, end, whether countries modify there


def _coordinated(token: Token, root: Token) -> bool:
    """Whether `token` is a conjunct of `root` ("the protocol ... and a memorandum")."""
    while token.dep_ == "conj" and token.i != root.i:
        token = token.head
        if token.i == root.i:
            return True
    return False


def _subjects(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ == "nsubj"]


class Sides:
    def __init__(self, index: DocIndex, cues: AgreementCues, syntax: Syntax, tokenizer: Tokenizer, countries: Countries):
        self.index = index
        self.cues = cues
        self.syntax = syntax
        self.tokenizer = tokenizer
        self.countries = countries
        self.doc = index.doc
        self._name_states: dict[str, list[str]] = {}
        self._unmarked = PartyForms(index.doc, tokenizer)

    def sides(self, mention: Mention, verbs: list[Token], unit: Span, previous_parties: list[str]) -> list[str]:
        """Party or country names of the sides. `previous_parties`: those of the event told
        last, which "the two sides" may stand for."""
        index, syntax = self.index, self.syntax
        span, root = mention.span, mention.span.root
        regions: list[Region] = []
        if max(root.left_edge.i, unit.start) < span.start:
            regions.append((max(root.left_edge.i, unit.start), span.start, True))   # "the India-Japan MoU"
        # "X has renewed its cooperation with Y, signing a memorandum": the participle's
        # sides are its carrier's subject and "with" list
        carriers = [
            v.head for v in verbs
            if v.dep_ == "advcl" and v.tag_ == "VBG" and v.head.pos_ == "VERB" and not _subjects(v)
        ]
        # "X and Y signed a five-year extension of the Agreement": a nominal action's sides are
        # those of the verb whose object it is
        carriers += [v.head for v in verbs if v.pos_ in NOMINAL and v.dep_ in ("dobj", "obj") and v.head.pos_ == "VERB"]
        # "X and Y have strengthened their cooperation with the signing of a renewed MoU"
        for v in verbs:
            if v.pos_ in NOMINAL and v.dep_ == "pobj" and v.head.lower_ in ("with", "through", "by"):
                carrier = v.head.head   # the verb, or its object ("strengthened their cooperation with")
                carrier = carrier.head if carrier.dep_ in ("dobj", "obj") else carrier
                carriers += [carrier] if carrier.pos_ == "VERB" else []
        targets = {root.i} | {v.i for v in verbs} | {c.i for c in carriers}
        # sides may hang from an instrument named inside this one ("an addendum to the MoU between ...")
        # (not one coordinated with it: "the protocol of the meeting and a memorandum between X and Y")
        inner = frozenset(
            i for i in range(root.left_edge.i, root.right_edge.i + 1)
            if i in index.mention_roots and not _coordinated(self.doc[i], root)
        )
        with_cue = False
        for token in unit:
            if token.lower_ in self.cues.side_prepositions and syntax.reaches(token, targets, unit, through=inner) is not None:
                regions.append(self._list_after(token, unit))
            elif (
                token.lower_ == "with"
                and token.head.pos_ in NOMINAL | VERBAL   # not "along with"
                and syntax.reaches(token, targets, unit) is not None
            ):
                regions.append(self._list_after(token, unit))   # "concluded an agreement ... with Japan"
                with_cue = True
        subjects = [c for v in verbs + carriers for c in _subjects(v)]
        # "X has concluded an agreement with A and has signed a letter of intent with B":
        # a coordinated verb without a subject of its own shares that of the first
        subjects += [
            c for v in verbs if v.dep_ == "conj" and v.head.pos_ in VERBAL and not _subjects(v)
            and not any(c.dep_ == "nsubjpass" for c in v.children) for c in _subjects(v.head)
        ]
        # "an agreement that the two organisations signed" is often parsed with the verb
        # hanging from its subject
        subjects += [v.head for v in verbs if v.dep_ == "acl" and v.head.pos_ in NOMINAL and v.head.i != root.i]
        if root.dep_ == "conj" and root.head.pos_ == "VERB":   # "signed an MoU with X and a letter with Y", misparsed
            subjects += _subjects(root.head)
        if not verbs and not mention.plural:   # "X has had an agreement with Y"
            subjects += holders(root, self.cues)
        if not subjects:   # "signed agreements with ..., including one with Y"
            subjects += list_signers(root, unit, index, self.cues)
        subjects = [antecedent(s, self.cues) for s in subjects if not span.start <= s.i < span.end]
        # "The Joint Committee adopted this Joint Statement", "the two co-chairs signed the
        # Protocol": the committee's two states (one subject the parse may split at a hyphen)
        names: list[tuple[int, str]] = next(
            ([(subject.i, state) for state in states] for subject in subjects
             for states in [self._subject_committee_states(subject, mention, unit)] if len(states) >= 2),
            [],
        )
        for subject in subjects if not names else []:
            phrase = syntax.noun_phrase(subject, unit)
            names.extend(
                self._back_reference(phrase, previous_parties) or self.names_in(phrase.start, phrase.end, False)
            )
        if not names:
            for verb in verbs:
                names.extend(self._names_before_verb(verb, unit))
        for verb in verbs:
            for child in verb.children:
                if child.dep_ == "agent":
                    regions.append(self._list_after(child, unit))
            if verb.pos_ in NOMINAL:   # "the signing of an MoU by X and Y"
                regions.extend(self._list_after(c, unit) for c in root.children if c.dep_ == "prep" and c.lower_ == "by")
        for start, end, countries_modify in regions:
            found = self.names_in(start, end, countries_modify)
            if not found and start < end:   # "between the two universities"
                found = self._back_reference(self.doc[start:end], previous_parties)
            names.extend(found)
        if verbs and not names:
            framing_subjects, framing_regions = self._framing_sides(root, unit)
            for subject in framing_subjects:
                phrase = syntax.noun_phrase(subject, unit)
                names.extend(self.names_in(phrase.start, phrase.end, False))
            for start, end, countries_modify in framing_regions:
                names.extend(self.names_in(start, end, countries_modify))
        if not names and mention.type in self.cues.committee_types:
            # "the Protocol of the Sixth Session of the Joint Serbian-Slovak Commission was signed"
            names.extend((root.i, state) for state in self._named_committee_states(root, unit))
        if not names and max(root.left_edge.i, unit.start) < span.start:
            # "the German-Brazilian Agreement": states joined in a compound before the mention
            joined = joined_states(self.doc, index.country_at, max(root.left_edge.i, unit.start), span.start)
            names.extend((root.i, state) for state in joined)
        if not names and verbs:
            # "at the Japan-China Ministerial Meeting, a memorandum was signed": the states of
            # the one compound of states its sentence names
            joined = joined_states(self.doc, index.country_at, unit.start, unit.end)
            names.extend((root.i, state) for state in joined)
        if not names and verbs and root.pos_ != "PRON":   # "it" is the instrument told before
            # a section under a state's heading ("CHILE" over "The Memorandum ... was signed in
            # Santiago") on a page of one state: those two
            heading = section_state(index, self.countries, unit)
            home = home_side(index, heading, state=True) if heading else None
            names.extend((root.i, state) for state in (home, heading) if home)
        if not names and any(t.lower_ in self.cues.state_instrument_words for t in self.doc[root.left_edge.i : root.i]):
            # "the intergovernmental agreement": between the two states named last
            states = states_before(self.index, span.start, 2)
            names.extend((root.i, state) for state in states if len(states) == 2)
        found = list(dict.fromkeys(name for _, name in sorted(names)))
        if len(found) == 1 and with_cue and not subjects and not mention.plural:
            # "an agreement was concluded with Egypt" on a page of one state or body: that one
            home = home_side(index, found[0])
            found = [home, *found] if home else found
        return found

    def names_in(self, start: int, end: int, countries_modify: bool) -> list[tuple[int, str]]:
        """Parties (not parent bodies) and states between tokens start and end, by position.
        Where `countries_modify`, a state is a side even as a modifier ("the India-Japan MoU")."""
        party_at = self.index.party_at
        names = [(i, party_at[i][0]) for i in range(start, end) if i in party_at and not self.index.is_parent(i)]
        unmarked = self._unmarked.find(self.doc, start, end, party_at)   # a name the parties left unmarked here
        names += [(i, name) for i, _, name in unmarked]
        covered = {j for i, stop, _ in unmarked for j in range(i, stop)}
        for country, name in self.index.states(self.doc[start:end]):
            if country.start in party_at or country.start in covered:
                continue
            if countries_modify or self.index.is_state_side(country):
                names.append((country.start, name))
        for i in range(start, end):   # an official's state: "Korean Ambassador Kim", "his Japanese counterpart"
            adjective = self.index.country_at.get(i)
            if adjective is not None and adjective.country and not adjective.is_name and i not in party_at:
                if self.doc[adjective.end - 1].head.lower_ in self.cues.signatory_titles:
                    names.append((i, adjective.country))
        collective = collective_states(self.index, start, end)
        if collective:   # the plural body's states, not a party named by the whole phrase
            bodies = {body for _, _, body in collective}
            names = [
                (i, name) for i, name in names
                if i not in party_at or not any(party_at[i][1].start <= b < party_at[i][1].end for b in bodies)
            ]
            names += [(i, state) for i, state, _ in collective if state not in {name for _, name in names}]
        for i, wanted in counted_state_bodies(self.index, self.cues, start, end):
            # "between the two Ministries of Health": the two states named last, not a party
            # the whole phrase may have been taken for
            states = states_before(self.index, start, wanted)
            if len(states) == wanted and not any(state for _, state in names if state in states):
                names = [(j, name) for j, name in names if j not in party_at or not party_at[j][1].start <= i < party_at[j][1].end]
                names += [(i, state) for state in states]
        named = {name for _, name in names}
        names += [(i, name) for i, name in described(self.index, self.cues, start, end) if name not in named]
        return names

    def _names_before_verb(self, verb: Token, unit: Span) -> list[tuple[int, str]]:
        """The sides named right before an active verb, across adverbs and time phrases
        ("Japan and India on Monday formally signed"), where the parse gave the verb no
        subject that names them (a dateline glued to the sentence: "ISLAMABAD, Oct. 3:
        Pakistan and Austria on Monday signed")."""
        if verb.pos_ != "VERB" or any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
            return []
        i = verb.i - 1
        while i >= unit.start and (self.doc[i].pos_ in TIME_GAP_POS or self.doc[i].ent_type_ in TIME_ENTITIES):
            i -= 1
        end = i + 1
        index = self.index
        while i >= unit.start and (i in index.party_at or i in index.country_tokens or self._in_side_list(self.doc[i])):
            i -= 1
        return self.names_in(i + 1, end, False) if i + 1 < end else []

    def _in_side_list(self, token: Token) -> bool:
        """A word of a list of sides before its verb: "and", commas, or the officers of the
        bodies named ("the Chairman of the Committee and the President of X")."""
        lower = token.lower_
        if lower in SIDE_LIST_WORDS or lower in self.cues.signatory_titles:
            return True
        return lower == "of" or (token.pos_ == "PROPN" and token.lemma_.lower() in self.cues.description_nouns)

    def _list_after(self, cue: Token, unit: Span) -> Region:
        """The list of sides after a cue word, up to where the clause moves on."""
        end = cue.i + 1
        while end < unit.end:
            token = self.doc[end]
            if end not in self.index.party_at:
                if token.is_space and "\n" in token.text or end in self.index.mention_roots:
                    break   # a new line, another instrument ("an MoU with X and a letter of intent with Y")
                if end in self.index.date_at or token.lower_ in SIDE_STOP_TEXTS:
                    break
                if token.pos_ in {"VERB", "AUX", "SCONJ", "PRON"} and token.dep_ != "amod":   # not "visiting"
                    break
                if token.pos_ == "PART" and token.tag_ != "POS":
                    break
                if token.pos_ == "ADP" and token.lower_ not in SIDE_LIST_PREPOSITIONS:
                    after = self._after_inner_phrase(cue, token, unit)
                    if after is None:
                        break
                    end = after
                    continue
            end += 1
        return cue.i + 1, end, False

    def _after_inner_phrase(self, cue: Token, preposition: Token, unit: Span) -> int | None:
        """Where a list of sides goes on after a phrase inside one of its names ("between
        the Agency for Innovative Development under the ministry and the Belarusian
        Innovation Fund"): at the "and" before the next party; None if it does not."""
        if cue.lower_ not in self.cues.side_prepositions:
            return None
        for after in range(preposition.i + 1, min(unit.end - 1, preposition.i + INNER_PHRASE_TOKENS)):
            token = self.doc[after]
            if after in self.index.party_at or token.pos_ in VERBAL or token.text in SIDE_STOP_TEXTS:
                return None
            if token.lower_ in ("and", ","):
                following = after + 2 if self.doc[after + 1].lower_ == "the" else after + 1
                return after if following in self.index.party_at else None
        return None

    def _back_reference(self, subject: Span, previous_parties: list[str]) -> list[tuple[int, str]]:
        """The sides a subject like "the two agencies" or "they" stands for: as many
        parties as it counts, named last before it, else those of the event before.
        "the two governments" stands for parties named as governments, however far back."""
        index = self.index
        if any(t.pos_ == "PROPN" or t.i in index.party_at for t in subject):
            return []
        counts = [self.cues.back_references[t.lower_] for t in subject if t.lower_ in self.cues.back_references]
        if not counts:
            return self._description(subject)
        wanted = counts[0]
        window_start = self.doc[max(subject.sent.start - 1, 0)].sent.start
        if wanted:
            noun = subject.root.lemma_.lower()
            if noun in self.cues.naming_back_references:
                named = index.named_before(subject.start, 0, wanted, lambda name: noun in name.lower().split())
                if len(named) == wanted:
                    return [(subject.start, name) for name in reversed(named)]
            if noun in self.cues.state_back_references:
                # "the two governments concluded" on a page that names no "Government of ...":
                # the states named last
                states = states_before(self.index, subject.start, wanted)
                if len(states) == wanted:
                    return [(subject.start, state) for state in states]
            # the pair named together just before ("X and Y fund ... the two agencies"); else
            # the sides of the event told last, when it has as many; else the last named
            named, together = index.named_together_before(subject.start, window_start, wanted)
            if len(named) == wanted and (together or len(previous_parties) != wanted):
                return [(subject.start, name) for name in named]
        else:   # "they": the sides named together just before, else those of the event before
            named, together = index.named_together_before(subject.start, window_start, 2)
            if together:
                return [(subject.start, name) for name in named]
        return [(subject.start, name) for name in previous_parties]

    def _description(self, phrase: Span) -> list[tuple[int, str]]:
        """The party a definite description stands for ("with the Dutch university"): the
        last one named before whose name has the description's head noun."""
        words = [t for t in phrase if not t.is_punct and not t.is_space]
        if not words or words[0].lower_ != "the" or phrase.root.tag_ not in ("NN", "NNP") or phrase.root.i != words[-1].i:
            return []
        noun = phrase.root.lemma_.lower()
        if noun not in self.cues.description_nouns:
            return []
        named = self.index.named_before(phrase.start, 0, 1, lambda name: noun in name.lower().split())
        return [(phrase.start, named[0])] if named else []

    def _committee(self, phrase: Span) -> str | None:
        """The joint committee a subject names: its party, or the committee named last
        before whose name has the subject's head word ("the Joint Committee"), or whose
        delegations the subject names ("the two sides", "the heads of delegation")."""
        party_at, committee_spans = self.index.party_at, self.index.committee_spans
        for i in range(phrase.start, phrase.end):
            if i in party_at and any(name == party_at[i][0] for _, name in committee_spans):
                return party_at[i][0]
        if any(t.pos_ == "PROPN" and t.i in party_at for t in phrase):
            return None
        n = bisect.bisect_left(committee_spans, (phrase.start, "")) - 1
        if n >= 0 and phrase.root.lower_ in committee_spans[n][1].lower().split():
            return committee_spans[n][1]
        if n >= 0 and any(t.lemma_.lower() in self.cues.delegation_nouns for t in phrase):
            # the delegations of a joint body: the last one before that joins two states (not a
            # national "State Committee on Science" named since), else the last one
            joint = (name for _, name in reversed(committee_spans[: n + 1]) if len(self._states_of_name(name)) >= 2)
            return next(joint, committee_spans[n][1])
        return None

    def _subject_committee_states(self, subject: Token, mention: Mention, unit: Span) -> list[str]:
        if mention.type not in self.cues.committee_types:
            return []
        committee = self._committee(self.syntax.noun_phrase(subject, unit))
        return self._committee_states(committee) if committee else []

    def _named_committee_states(self, root: Token, unit: Span) -> list[str]:
        """The states of a committee the instrument's own phrase names (its session's record)."""
        committees = {name for _, name in self.index.committee_spans}
        for i in range(root.i + 1, min(root.right_edge.i + 1, unit.end)):
            if i in self.index.party_at and self.index.party_at[i][0] in committees:
                states = self._committee_states(self.index.party_at[i][0])
                if len(states) >= 2:
                    return states
        return []

    def _committee_states(self, name: str) -> list[str]:
        """The states a joint committee joins: those its name joins ("Slovenian–Montenegrin
        Joint Committee"), else, for a name that joins none ("the Joint Committee"), the
        two states whose governments the page names."""
        states = self._states_of_name(name)
        if len(states) >= 2:
            return states
        governments = list(dict.fromkeys(self.index.government_state.values()))
        return governments if len(governments) == 2 else states

    def _states_of_name(self, name: str) -> list[str]:
        """The states a body's name joins ("Australia–Japan Joint ... Committee")."""
        if name not in self._name_states:
            tokens = self.tokenizer(name)
            found = self.countries.find(tokens)
            self._name_states[name] = joined_states(tokens, found, 0, len(tokens))
        return self._name_states[name]

    def _framing_sides(self, root: Token, unit: Span) -> tuple[list[Token], list[Region]]:
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
        regions = [  # "X cooperates with Y under ...", "is funded by X and Y under ..."
            self._list_after(c, unit) for c in verb.children
            if (c.dep_ == "prep" and c.lower_ == "with") or c.dep_ == "agent"
        ]
        return subjects, regions
