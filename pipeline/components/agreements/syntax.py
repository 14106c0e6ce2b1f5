"""Reading the dependency parse around a mention: how far a word reaches up its clause,
the words that act on the mention, and the phrases hanging from them."""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.components.agreements.cues import AgreementCues
from pipeline.components.agreements.index import DocIndex
from pipeline.components.agreements.model import Mention

NOMINAL = {"NOUN", "PROPN", "NUM", "X"}
VERBAL = {"VERB", "AUX"}
# A verb in one of these relations heads its own clause: what hangs below it
# belongs to that clause, not to a verb further up.
CLAUSE_DEPS = {"ROOT", "conj", "advcl", "xcomp", "ccomp", "relcl", "csubj", "pcomp", "parataxis"}
SUBJECT_OBJECT_DEPS = {"nsubj", "nsubjpass", "dobj", "obj"}
# Where a list of sides, or the words after a mention, end.
SIDE_STOP_TEXTS = {".", ";", ":", "–", "—", "which", "that", "who", "whereby"}
# Words that may stand between a nominal action and its "of" phrase ("the signing,
# on 28 November 2019, of a MoC"): commas, a date and its preposition.
GAP_POS = {"PUNCT", "ADP", "DET", "SPACE"}
RELATIVE_PRONOUNS = {"which", "that"}
ASIDE_MAX_TOKENS = 12   # the longest aside between commas a nominal action may stand across
MARKUP = {"*", "**", "_", "__"}   # markdown emphasis around a name


def _relative(verb: Token) -> bool:
    """A clause the parse hung as a bare modifier though it has a subject of its own:
    "the memorandum [that the two institutions first signed in 2014]" (acl, not relcl)."""
    return verb.dep_ == "acl" and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def shared_subject_verbs(verb: Token) -> list[Token]:
    """The verb with those that share its subject: "came into force in 2003 and forms the
    basis of", also where the parse hung the second on a noun before it ("came into force on
    the date of the last notification between the two Governments and forms the basis of")."""
    verbs = [verb] + [c for c in verb.children if c.dep_ == "conj" and c.pos_ in VERBAL]
    return verbs + [
        t for t in verb.sent if t.dep_ == "conj" and t.pos_ == "VERB" and t.head.pos_ not in VERBAL
        and t.i > verb.i and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
    ]


def ends_with(tokens: list[Token], phrases: list[tuple[str, ...]]) -> bool:
    words = tuple(t.lower_ for t in tokens if not t.is_space)
    return any(len(p) <= len(words) and words[-len(p):] == p for p in phrases)


class Syntax:
    def __init__(self, index: DocIndex, cues: AgreementCues):
        self.index = index
        self.cues = cues
        self.doc = index.doc

    def reaches(
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
            if path and token.pos_ in VERBAL and (token.dep_ in CLAUSE_DEPS or _relative(token)):
                if not (infinitives and any(c.lower_ == "to" and c.dep_ == "aux" for c in token.children)):
                    return None
            if path and token.i in self.index.mention_roots and token.i not in through:
                return None
            path.append(token)
            token = token.head
        return path

    def actions(self, mention: Mention, unit: Span) -> list[tuple[Token, str]]:
        """The verbs (or nouns like "signing") that act on the mention, with their actions."""
        action = self.cues.action
        root = mention.span.root
        anchor = self._anchor(root, unit)
        found: list[tuple[Token, str]] = []
        head = anchor.head
        if anchor.dep_ in ("dobj", "obj") and head.lemma_.lower() in self.cues.inclusion_verbs:
            # "Other agreements signed during the visit included a memorandum between ...":
            # the action told of the instruments it is one of
            found.extend(
                (c, action(c, None, mention.type))
                for subject in head.children if subject.dep_ == "nsubj"
                for c in subject.children if c.dep_ == "acl" and c.pos_ in VERBAL
            )
        if anchor.dep_ in SUBJECT_OBJECT_DEPS and head.pos_ in VERBAL and not self._acts(anchor, head):
            found.append((head, action(head, None, mention.type)))
        elif anchor.dep_ == "conj" and head.pos_ == "VERB" and any(c.dep_ in ("dobj", "obj") for c in head.children):
            # "signed an MoU with X and a letter of intent with Y", parsed with the second
            # object coordinated with the verb
            found.append((head, action(head, None, mention.type)))
        elif anchor.dep_ == "pobj" and head.dep_ == "prep":
            found.append((head.head, action(head.head, head.lower_, mention.type)))
            if found[-1][1] is None:
                found.append(self._nominal_across_gap(head, mention.type, unit))
        # "the Agreement signed in 1985", "the Joint Statement towards ..., signed by"
        for token in mention.span.root.subtree:
            if token.dep_ in ("acl", "relcl") and token.pos_ in VERBAL and token in unit:
                if self.reaches(token.head, {root.i}, unit, through=frozenset({root.i})) is not None:
                    found.append((token, action(token, None, mention.type)))
        if not unit.start <= head.i < unit.end:
            # parsed as hanging from a heading above: take the verb of its own clause
            found.extend(
                (t, action(t, None, mention.type))
                for t in unit
                if t.i > root.i and t.pos_ == "VERB" and (t.head.i == t.i or not unit.start <= t.head.i < unit.end)
            )
        acting = [(v, a) for v, a in found if a and v in unit and not self._intended(v)]
        acting += [(v, a) for v, a in self._participles_after(mention, unit) if v not in {w for w, _ in acting}]
        # "it was amended and extended in 1994": an action may follow a verb that gives none
        silent = [v for v, a in found if not a and anchor.dep_ == "nsubjpass" and v.i == head.i and v in unit]
        for verb in [v for v, _ in acting] + silent:
            acting.extend(self._coordinated_actions(verb, mention.type))
        return list(dict((v.i, (v, a)) for v, a in reversed(acting)).values())[::-1]

    def _anchor(self, root: Token, unit: Span) -> Token:
        """The word whose place in the clause tells the action on the mention at `root`."""
        anchor = root  # in "the X and the Y were adopted" Y takes X's verb
        # a title whose head word comes first ("their Convenio Marco de Cooperación Académica")
        # is parsed with its last word as head
        while anchor.dep_ == "compound" and anchor.head.pos_ == "PROPN" and anchor.head.i > anchor.i and anchor.head in unit:
            anchor = anchor.head
        while anchor.dep_ in ("conj", "appos") and anchor.head.pos_ in NOMINAL and anchor.head in unit:
            anchor = anchor.head
            if anchor.dep_ == "pobj" and anchor.i not in self.index.mention_roots:
                # "signed an MoU with the NRF and a letter of intent with ...": a conjunct hung on
                # the last name of the instrument before is that instrument's conjunct
                outer = self._mention_above(anchor, unit)
                anchor = outer if outer is not None else anchor
        # "extend the validity of the Guidelines": the action on an attribute of the instrument is on it
        of = anchor.head
        if anchor.dep_ == "pobj" and of.lower_ == "of" and of.head.lemma_.lower() in self.cues.attribute_nouns and of.head in unit:
            anchor = of.head
        # "signed similar documents with several countries, including a 2019 agreement with X"
        of = anchor.head
        if anchor.dep_ == "pobj" and of.lower_ in self.cues.inclusion_prepositions and of.head.pos_ in NOMINAL and of.head in unit:
            anchor = of.head
        return anchor

    def _mention_above(self, token: Token, unit: Span) -> Token | None:
        """The root of the mention whose phrase holds `token` with no verb between."""
        while token.head.i != token.i and token.head in unit:
            token = token.head
            if token.pos_ in VERBAL:
                return None
            if token.i in self.index.mention_roots:
                return token
        return None

    def _acts(self, anchor: Token, verb: Token) -> bool:
        """Whether the instrument is the doer of an active verb with an object of its own:
        "The Protocol adopted a list of 26 projects" adopts the list, not the Protocol."""
        return anchor.dep_ == "nsubj" and any(
            c.dep_ in ("dobj", "obj") and c.lower_ not in self.cues.frequency_words for c in verb.children
        )

    def generic_count(self, root: Token) -> bool:
        """Whether a plural mention is counted as a number of instruments: "SQU signed 23
        agreements and memoranda with partners" is talk of many (SPEC 3.4), the 23 a count."""
        anchor = root
        while anchor.dep_ == "conj" and anchor.head.pos_ in NOMINAL:
            anchor = anchor.head
        return any(
            c.dep_ == "nummod" and c.like_num and c.lower_ not in ("two", "2", "both")
            and not any(d.lower_ in self.cues.anaphoric_determiners for d in anchor.children if d.dep_ == "det")
            for c in anchor.children
        )

    def _intended(self, verb: Token) -> bool:
        """Whether the action is only intended or to come: "hoped to conclude similar
        protocols", "will sign", "will meet within three months to agree a work plan"."""
        if self._future(verb):
            return True
        if not any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children):
            return False
        head = verb.head
        # the lemmatiser misreads some forms ("hopes" -> "hop"): the inflected form counts too
        forms = {head.lemma_.lower(), head.lower_, head.lower_[:-1], head.lower_[:-2]}
        return (verb.dep_ == "xcomp" and bool(forms & self.cues.intention_verbs)) or self._future(head)

    def _future(self, verb: Token) -> bool:
        return any(c.tag_ == "MD" and c.lower_ in self.cues.future_modals for c in verb.children)

    def _nominal_across_gap(self, preposition: Token, type_: str, unit: Span) -> tuple[Token, str | None]:
        """The nominal action before the mention's preposition that the parse hung
        elsewhere, across commas and a date: "the signing, on 28 November 2019, of a MoC"."""
        i = preposition.i - 1
        while i >= unit.start:
            token = self.doc[i]
            action = self.cues.action(token, preposition.lower_, type_) if token.pos_ in NOMINAL else None
            if action:
                return token, action
            if token.text == ",":
                # an aside between commas: "the signing, on the margins of the Meeting, of the MoU"
                aside = next((j for j in range(i - 1, max(unit.start, i - ASIDE_MAX_TOKENS) - 1, -1)
                              if self.doc[j].text == ","), None)
                if aside is not None and not any(t.pos_ in VERBAL for t in self.doc[aside + 1 : i]):
                    i = aside - 1
                    continue
            if token.pos_ not in GAP_POS and i not in self.index.date_at:
                break
            i -= 1
        return preposition, None

    def _participles_after(self, mention: Mention, unit: Span) -> list[tuple[Token, str]]:
        """Action participles the parse may have hung elsewhere, read from the words after
        the mention: "the Agreement between X and Y, signed in 1974", "an agreement the two
        governments signed in 2000", "a letter of intent concluded in 2013, which has since
        been extended". The way to them may cross the mention's own phrases and a relative
        clause's subject, but no other verb or mention; after a comma only the participle
        (or "which"/"that") may follow, since "..., X and Y agreed" opens a clause of its own."""
        found: list[tuple[Token, str]] = []
        after_comma: list[Token] = []
        for token in self.doc[mention.span.end : unit.end]:
            if token.is_space or token.text in MARKUP:
                continue
            if token.i in self.index.mention_roots or token.text in SIDE_STOP_TEXTS - {"which", "that"}:
                return found
            if token.text == ",":
                after_comma = [token]
                continue
            if after_comma:
                after_comma.append(token)
            if token.pos_ not in VERBAL or token.dep_ in ("aux", "auxpass"):
                continue
            action = self.cues.action(token, None, mention.type)
            # right after the comma a past form with no subject of its own is the participle misread
            # ("the Agreement ..., concluded in Bratislava on 28 May 2014, the Ministry ... announced")
            opens_clause = len(after_comma) > 2 or (len(after_comma) == 2 and token.tag_ != "VBN" and (
                token.tag_ != "VBD" or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in token.children)
            ))
            if len(after_comma) > 2 and after_comma[1].lower_ in RELATIVE_PRONOUNS:
                opens_clause = False
            if (
                action is None
                or opens_clause
                or token.tag_ not in ("VBN", "VBD")
                or any(c.dep_ in ("nsubjpass", "dobj", "ccomp", "xcomp") and c.lower_ not in RELATIVE_PRONOUNS
                       and c.lower_ not in self.cues.frequency_words for c in token.children)
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
                if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.pos_ != "PRON" and c.lower_ not in self.cues.frequency_words
                or c.dep_ in ("ccomp", "xcomp")
            ]
            if own:
                continue
            action = self.cues.action(conj, None, type_)
            if action:
                found.append((conj, action))
            # "was signed in 1974, was amended and extended in 1994": an action may
            # follow a verb that gives none
            found.extend(self._coordinated_actions(conj, type_))
        return found

    def repeated_date(self, date: Span) -> Span | None:
        """The date of the same action done again: "renewed in 2015 and again in October
        2018" (a phrase coordinated with the date's, marked "again")."""
        preposition = date.root.head
        if date.root.dep_ != "pobj" or preposition.pos_ != "ADP":
            return None
        for conj in preposition.children:
            if conj.dep_ != "conj" or not any(c.lower_ in self.cues.again_words for c in conj.children):
                continue
            second = next((c for c in conj.children if c.dep_ == "pobj" and c.i in self.index.date_at), None)
            if second is not None:
                return self.index.date_at[second.i]
        return None

    def frames(self, root: Token, unit: Span) -> bool:
        """Whether the mention is the subject of a verb that makes it the frame of
        something: "The MoC sets the framework for ...", "X and the Y form the basis of"."""
        anchor = root
        while anchor.dep_ == "conj" and anchor.head.pos_ in NOMINAL and anchor.head in unit:
            anchor = anchor.head
        verb = anchor.head
        if anchor.dep_ != "nsubj" or verb.pos_ not in VERBAL:
            return False
        verbs = shared_subject_verbs(verb)
        return any(
            c.dep_ in ("dobj", "attr") and c.lemma_.lower() in self.cues.frame_nouns for v in verbs for c in v.children
        )

    def entry_into_force(self, root: Token) -> Token | None:
        """The verb of "the Agreement came into force in 2003", whose date dates the
        instrument itself (a referenced event's date)."""
        verb = root.head
        if root.dep_ != "nsubj" or verb.lemma_.lower() not in self.cues.force_verbs:
            return None
        into = [c for c in verb.children if c.dep_ == "prep" and any(g.lower_ == "force" for g in c.children)]
        return verb if into else None

    def nested(self, root: Token, unit: Span) -> bool:
        """Whether the mention hangs from another mention with no verb between
        ("an Addendum to the MoU": the addendum is the instrument)."""
        return self._mention_above(root, unit) is not None

    def outer_mention(self, root: Token, unit: Span) -> Token | None:
        """The root of the mention this one hangs from, directly ("an Addendum to the MoU")
        or as the object of a participle of it ("a protocol amending the Agreement")."""
        token, verbs = root, 0
        while token.head.i != token.i and token.head in unit:
            token = token.head
            if token.pos_ in VERBAL:
                verbs += 1
                if verbs > 1 or token.dep_ != "acl" or token.tag_ not in ("VBG", "VBN"):
                    return None
            elif token.i in self.index.mention_roots:
                return token
        return None

    def noun_phrase(self, head: Token, unit: Span) -> Span:
        """`head` with its modifiers and conjuncts, without clauses hanging from it
        ("the two organisations [signed in Beijing]"), within the unit."""
        end = head.i + 1
        for child in head.rights:
            if child.dep_ in ("acl", "relcl"):
                break
            if child.dep_ in ("conj", "prep", "appos", "compound", "amod", "nummod"):
                end = child.right_edge.i + 1
        return self.doc[max(head.left_edge.i, unit.start) : min(end, unit.end)]
