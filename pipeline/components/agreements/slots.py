"""The date, place, end of validity and title of an event, read around its mention."""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.components.agreements.cues import AgreementCues
from pipeline.components.agreements.index import DocIndex
from pipeline.components.agreements.syntax import CLAUSE_DEPS, NOMINAL, SUBJECT_OBJECT_DEPS, VERBAL, Syntax, ends_with

# Where a date is introduced like this it dates the action ("signed in 2007").
DATING_WORDS = {"in", "on", "during", "dated", "at", "since", "from"}
# Words before an interval that make it a term: "for the period 2019–2023".
TERM_WORDS = {"for", "from"}
QUOTES = {'"': '"', "“": "”"}   # not single quotes: they are also apostrophes


def strip_article(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text


class Slots:
    def __init__(self, index: DocIndex, cues: AgreementCues, syntax: Syntax):
        self.index = index
        self.cues = cues
        self.syntax = syntax
        self.doc = index.doc

    # -- date -------------------------------------------------------------------

    def is_validity(self, date: Span) -> bool:
        return ends_with(list(self.doc[max(0, date.start - 4) : date.start]), self.cues.validity_cues)

    def date(self, verb: Token, root: Token, unit: Span) -> Span | None:
        """The date of the action of `verb` on the mention at `root`: one hanging from the
        verb, introduced as a date of something done ("in", "on", ...); failing that, one
        at the end of a purpose clause below it, or one dating the clause the verb is
        coordinated with."""
        for infinitives in (False, True):
            candidates = []
            for date in self.index.unit_dates(unit):
                if self.is_validity(date) or self.index.in_brackets(date) or self._term(date, root):
                    continue
                path = self.syntax.reaches(date.root, {verb.i}, unit, through=frozenset({root.i}), infinitives=infinitives)
                if path is None:
                    continue
                previous = self.doc[date.start - 1].lower_ if date.start else ""
                dated = previous in DATING_WORDS or date.root.dep_ in ("npadvmod", "tmod")
                candidates.append((not dated, len(path), date))
            if candidates:
                return min(candidates, key=lambda c: c[:2])[2]
        if verb.pos_ in NOMINAL:
            # "the signing, on 28 November 2019, of"; "attended the signing of ... on 3 March 2020"
            gap = next((d for d in self.index.unit_dates(unit) if verb.i < d.start and d.end <= root.i), None)
            if gap is None and verb.dep_ in SUBJECT_OBJECT_DEPS and verb.head.pos_ in VERBAL and verb.head in unit:
                return self.date(verb.head, root, unit)
            return gap
        head = verb.head
        if verb.dep_ == "conj" and head.pos_ in VERBAL and self.cues.action(head, None, "") is None:
            return self.date(head, root, unit)
        return None

    def _term(self, date: Span, root: Token) -> bool:
        """Whether the date is the instrument's term ("the Work Plan 2024–2026", "signed
        the Executive Programme for the years 2016-2018"), not the day of the action."""
        if date._.date.granularity != "interval":
            return False
        in_name = root.left_edge.i <= date.start and date.end <= root.right_edge.i + 1
        return in_name or any(t.lower_ in TERM_WORDS for t in self.doc[max(0, date.start - 3) : date.start])

    def dateline(self, verb: Token) -> tuple[str, str] | None:
        """"today signed", "renewed yesterday", "signed on Tuesday": the day of the page's
        dateline, shifted (a weekday is the last one on or before the dateline). A
        participle's carrier lends its words: "X yesterday renewed ..., signing an MoU"."""
        dateline = self.index.discourse.dateline
        if dateline is None:
            return None
        verbs = [verb]
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.pos_ == "VERB":
            verbs.append(verb.head)
        if verb.pos_ in NOMINAL and verb.dep_ in ("dobj", "obj") and verb.head.pos_ == "VERB":
            verbs.append(verb.head)   # "X and Y Tuesday signed an extension of ..."
        for governing in verbs:
            for child in governing.children:
                if child.lower_ in self.cues.dateline_words:
                    return dateline.shifted(self.cues.dateline_words[child.lower_])
        sent = verb.sent
        through = frozenset(self.index.mention_roots)
        for token in sent:
            if token.lower_ not in self.cues.weekdays or not self._weekday(token):
                continue
            if any(self.syntax.reaches(token, {v.i}, sent, through=through) is not None for v in verbs):
                return dateline.last_weekday(self.cues.weekdays[token.lower_], token.text)
        return None

    def _weekday(self, token: Token) -> bool:
        """Whether a weekday's name dates something: "on Tuesday", or a bare "Tuesday"."""
        return token.dep_ in ("npadvmod", "tmod", "obl") or (token.dep_ == "pobj" and token.head.lower_ == "on")

    # -- place ------------------------------------------------------------------

    def place(self, verb: Token, root: Token, unit: Span, mention_end: int = -1) -> str | None:
        """Where the action of `verb` took place: "at/in <GPE>", or "the visit of X to <GPE>"."""
        places = self._places(unit)
        for place in places:
            preposition = place.root.head
            if place.root.dep_ != "pobj" or preposition.lower_ not in self.cues.place_prepositions:
                continue
            if preposition.head.i in self.index.party_at and not self._venue(preposition.head):
                continue   # where a party is: "Egerton University in Njoro, Kenya"
            # not within the instrument's phrase ("an MoU on research in Japan"), unless the parse
            # hung the place on the instrument itself ("renewed the agreement in Beijing on Friday",
            # "signed a Memorandum of Understanding in Nuuk on Thursday")
            through = frozenset({root.i}) if preposition.head.i == root.i or preposition.i == mention_end else frozenset()
            path = self.syntax.reaches(preposition, {verb.i}, unit, through=through)
            # not a place of the sides: "signed by the University of X in Y" (but "signed by the two
            # institutions in Kuwait City" names no party there)
            if path is not None and not any(
                t.lower_ in self.cues.side_prepositions or (t.dep_ == "agent" and self._agent_names_party(t)) for t in path
            ):
                return strip_article(self._with_region(place, unit).text)
        named = self._named_place(verb)
        if named is not None:
            return named
        for token in unit:
            if token.lemma_.lower() in self.cues.visit_nouns and self._visit_of(token, verb, root, unit):
                for place in places:
                    if place.root.dep_ == "pobj" and place.root.head.lower_ == "to" and place.root.head.head.i == token.i:
                        return strip_article(place.text)
        return None

    def _agent_names_party(self, agent: Token) -> bool:
        """Whether the agent is other than the sides told before ("by the two institutions")."""
        back = self.cues.back_references
        return not any(
            c.lower_ in back or any(g.lower_ in back for g in c.children) for c in agent.children if c.dep_ == "pobj"
        )

    def _named_place(self, verb: Token) -> str | None:
        """"signed in Bratislava on 28 May 2014", "inked in Tunis": a proper name after "in"
        hanging from the action's verb is where it took place, whatever the model took the
        name for (it often misreads smaller cities as people or nationalities)."""
        for preposition in verb.children:
            if preposition.dep_ != "prep" or preposition.lower_ != "in":
                continue
            name = next((c for c in preposition.children if c.dep_ == "pobj"), None)
            if name is None or name.pos_ != "PROPN" or not name.is_title or name.i in self.index.party_at:
                continue
            if name.i in self.index.date_at or name.ent_type_ in ("DATE", "EVENT", "WORK_OF_ART", "FAC"):
                continue
            if name.ent_type_ == "ORG" and (name.is_upper or _entity_length(name) > 1):
                continue   # an organisation; a lone title-case word is often a city misread ("in Dushanbe")
            if any(c.dep_ in ("prep", "acl", "relcl") for c in name.children):
                continue   # "in Science and Technology of ...": a field or a title, not a place
            start = min([c.i for c in name.children if c.dep_ == "compound" and c.pos_ == "PROPN"] + [name.i])
            return self.doc[start : name.i + 1].text
        return None

    def _venue(self, token: Token) -> bool:
        """Whether the party holding `token` is where something took place: "signed at the
        Ministry of Science and Technology in Hanoi", "a ceremony at the Canadian Embassy in
        Dublin"; its place is then the action's."""
        head = self.index.party_at[token.i][1].root
        while head.dep_ == "appos" and head.head.i in self.index.party_at:
            head = head.head
        return head.dep_ == "pobj" and head.head.lower_ == "at"

    def _with_region(self, place: Span, unit: Span) -> Span:
        """The place with the abbreviated region the text adds after a comma, as written:
        "Washington, D.C." (not a list: "Tokyo, Kyoto and Osaka"); a country or a province
        after a city is left out, as annotators write the city ("Vientiane, Lao PDR" gives
        Vientiane)."""
        doc, country_at = self.doc, self.index.country_at
        after = place.end + 1
        if after >= unit.end or doc[place.end].text != "," or after in country_at:
            return place
        region = self.index.gpe_starting.get(after)
        if region is None or region.end > unit.end:
            return place
        if region.root.dep_ == "conj" or (region.end < unit.end and doc[region.end].lower_ in ("and", "or")):
            return place
        if not all("." in t.text or (t.is_upper and len(t) <= 4) for t in region):
            return place   # a province is left out too ("Bandung, West Java"); an abbreviation stays ("D.C.")
        return doc[place.start : region.end]

    def _visit_of(self, visit: Token, verb: Token, root: Token, unit: Span) -> bool:
        """Whether a visit is the occasion of the action of `verb`: it hangs from the
        verb, or from no other action's verb (the parse often misreads such phrases)."""
        if self.syntax.reaches(visit, {verb.i}, unit, through=frozenset({root.i})) is not None:
            return True
        token = visit.head
        while token.head.i != token.i and token.pos_ not in VERBAL and token in unit:
            token = token.head
        return self.cues.action(token, None, "") is None

    def _places(self, unit: Span) -> list[Span]:
        gpes = self.index.unit_gpes(unit)
        known = {(g.start, g.end) for g in gpes}
        countries = [c for c, _ in self.index.states(unit) if (c.start, c.end) not in known]
        party_at, doc = self.index.party_at, self.doc
        # a venue's own name may hold its place: "at the Embassy of Iceland in Oslo"
        return [
            p for p in gpes + countries
            if p.start not in party_at or (p.start and doc[p.start - 1].lower_ == "in" and self._venue(doc[p.start]))
        ]

    # -- title ------------------------------------------------------------------

    def title(self, span: Span, unit: Span) -> str | None:
        """A quoted title around or after the mention, else its "on ..."/"concerning ..." phrase."""
        text = unit.text
        start, end = span.start_char - unit.start_char, span.end_char - unit.start_char
        for i, char in enumerate(text):
            if char in QUOTES:
                close = text.find(QUOTES[char], i + 1)
                if close == -1:
                    continue
                if i < start and end <= close or 0 <= i - end <= 3:
                    return text[i + 1 : close].strip() or None
        doc = self.doc
        after = span.end
        if after + 2 < unit.end and doc[after].text == "(" and doc[after + 2].text == ")":
            after += 3
        if after >= unit.end or doc[after].lower_ not in self.cues.title_prepositions:
            return None
        stop = min(doc[after].right_edge.i + 1, unit.end)
        for token in doc[after + 1 : stop]:
            if (
                token.i in self.index.date_at
                or token.lower_ in self.cues.side_prepositions
                or (token.pos_ in VERBAL and token.dep_ in CLAUSE_DEPS | {"acl"})
            ):
                stop = token.i
                break
        while stop > after + 1 and doc[stop - 1].pos_ in {"ADP", "CCONJ", "PUNCT", "DET", "SPACE"}:
            stop -= 1
        return doc[after:stop].text if stop > after + 1 else None


def _entity_length(token: Token) -> int:
    """The number of words of the model's entity that holds `token`."""
    doc, start, end = token.doc, token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return end - start
