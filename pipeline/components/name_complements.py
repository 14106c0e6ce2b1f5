"""What follows a name's head: post-modifiers, complements ("of|for|on|in A, B and C"), a pair of states, a city.

A complement is a list of capitalised words after a preposition; commas
continue it only when an "and" closes it, so "Department of Biotechnology,
Ministry of ..." stays two names. A complement that holds another head
("of the Cabinet Office") is a parent body and starts a name of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc

from pipeline.components.name_words import DASHES, VERB_TAGS, NameWords, acronym_like, capitalised, skip_spaces, skip_words
from pipeline.components.org_lexicon import CountryMention, OrgLexicon

if TYPE_CHECKING:
    from pipeline.components.org_names import Head


_ENGLISH_VERB_FORMS = frozenset({"VBD", "VBN", "VBG", "MD"})
_PROPER_OR_FOREIGN = frozenset({"NNP", "NNPS", "FW"})    # the tagger's reading of words of other languages
_COMMON_NOUNS = frozenset({"NN", "NNS"})                   # "Universidad de los Andes researchers and ..."
_OPENING_QUOTES = frozenset({'"', "“", "„", "«"})
_CLOSING_QUOTES = frozenset({'"', "”", "“", "»"})


class NameComplements:
    def __init__(
        self,
        doc: Doc,
        lexicon: OrgLexicon,
        countries: dict[int, CountryMention],
        known: set[int],
        org_head_tokens: set[int],
        words: NameWords,
    ):
        self.doc = doc
        self.lexicon = lexicon
        self.countries = countries
        self.known = known
        self.org_head_tokens = org_head_tokens
        self.words = words
        self.country_tokens = words.country_tokens

    def post_modifiers(self, head: Head) -> int:
        """Where the capitalised words after a head-first head end ("Agencia Estatal", "Universiti Teknologi Malaysia")."""
        if head.phrase not in self.lexicon.head_first or head.end >= len(self.doc) or head.end in self.known:
            return head.end
        end = self._item_list(head.end, model_splits=True)
        return head.end if end is None or any(i in self.org_head_tokens for i in range(head.end, end)) else end

    def reach(self, head: Head, after_head: int) -> tuple[int, int]:
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
            # "Univerza na Primorskem": after a head written first, a preposition of its language joins the name.
            joins = head.phrase in lexicon.head_first and preposition in lexicon.sentence_case_prepositions
            locative = preposition in lexicon.located_prepositions and not joins
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
            item_end = self._item_list(start, foreign=preposition in lexicon.sentence_case_prepositions)
            # "Office of the Permanent Secretary": an office's complement may be a title.
            if head.phrase in lexicon.title_complement:
                item_end = max(item_end or start, self._title(start)) if start < len(doc) else item_end
            # Where a mission sits may be a body ("... to the United Nations Office at Nairobi"), and so may what a
            # secretariat serves ("Secretariat of the Joint Committee"); another complement may not.
            holds_head = item_end is not None and any(i in self.org_head_tokens for i in range(start, item_end))
            # "Office of Science and Technology Cooperation in Bureau of ...": an office in a body is a unit of it,
            # named apart; only a diplomatic body's seat may be one.
            body_allowed = (locative and head.phrase in lexicon.seat_in_name) or head.phrase in lexicon.serves_body
            if item_end is None or item_end == start or (holds_head and not body_allowed):
                break
            # "... Council of Ministers in September", "... Ministry on Friday": a date is when, not where or what.
            dated = locative or doc[start].ent_type_ in ("DATE", "TIME")
            if dated and any(doc[i].ent_type_ in ("DATE", "TIME") for i in range(start, item_end)):
                break
            # "Scholarships of the Italian Government for Peruvian citizens": a state's adjective before a noun
            # is no complement.
            adjective = self.countries.get(start)
            if adjective is not None and adjective.end == item_end and not adjective.is_name and item_end < len(doc) and doc[item_end].is_lower:
                break
            is_state = self._is_state(start, item_end)
            if locative and not located and self.words.is_place(start, item_end):
                break
            # "Department of Science and Technology of India": the state is said of the department, not named in it.
            # "Ministries for Foreign Affairs of Iceland and Norway": bodies of several states keep them.
            if (preposition == "of" and count and is_state and self.lexicon.head_kinds.get(head.phrase) == "government"
                    and head.phrase not in self.lexicon.collective_heads):
                break
            if is_state and head.phrase in lexicon.collective_heads:
                item_end = self._more_states(item_end)      # "... of Iceland and Norway"
            end, count, after_state = item_end, count + 1, is_state
        return end, count

    def lower_field(self, end: int) -> int:
        """A lower-case complement of research fields after a joint body's lower-case name: "on scientific and
        technical cooperation", "on science and technology"."""
        doc, lexicon = self.doc, self.lexicon
        if end + 1 >= len(doc) or doc[end].lower_ not in ("on", "for", "of"):
            return end
        i, stop = end + 1, end
        while i < len(doc) and doc[i].is_lower and (doc[i].lower_ in lexicon.field_words or doc[i].lower_ in lexicon.conjunctions
                                                    or doc[i].lower_ in ("technical", "scientific", "technological")):
            i += 1
            if doc[i - 1].lower_ not in lexicon.conjunctions:
                stop = i
        return stop

    def _more_states(self, end: int) -> int:
        doc = self.doc
        while end + 1 < len(doc) and (doc[end].text == "," or doc[end].lower_ in self.lexicon.conjunctions):
            state = self.countries.get(end + 1)
            if state is None or state.country is None:
                break
            end = state.end
        return end

    def sentence_case(self, head: Head) -> int | None:
        """Where a name in a language written in sentence case ends: "Centre de recherches pour le développement
        international", "Centre national de la recherche scientifique". Lower-case words (and a few adjectives right
        after the head) follow one of lexicon.sentence_case_prepositions; a name in title case is left to `reach`."""
        doc, lexicon = self.doc, self.lexicon
        i = head.end
        while i < len(doc) and i - head.end < 2 and self._lower_word(i):
            i += 1
        if i >= len(doc) or doc[i].lower_ not in lexicon.sentence_case_prepositions or "\n" in doc[i - 1].whitespace_:
            return None
        end, closed = None, False
        while i < len(doc) and "\n" not in doc[i - 1].whitespace_:
            if closed:                          # only more words of the closing proper name ("Crne Gore")
                if not (end == i and self.words.word(doc[i])):
                    break
                i = end = i + 1
            elif doc[i].lower_ in lexicon.sentence_case_joins:
                i += 1
            elif self._lower_word(i):
                i += 1
                end = i
            elif doc[i].text == "," and end == i and self._sentence_case_list(i):
                i += 1                          # "Ministrstvo za visoko šolstvo, znanost in inovacije"
            elif end is not None and self.words.word(doc[i]) and self._proper_may_follow(end, i):
                i += 1                          # a proper name closing it: "Zavod za geološka istraživanja Crne Gore",
                end, closed = i, True           # "Fonds de recherche du Québec"
            else:
                break
        return end

    def _proper_may_follow(self, end: int, i: int) -> bool:
        """A proper word at i may close a sentence-case name ending at `end`: right after it, or after a preposition
        of the name's language and maybe an article ("du Québec", "de la Rioja"), never after a conjunction."""
        doc, lexicon = self.doc, self.lexicon
        between = [t.lower_ for t in doc[end:i]]
        if not between:
            return True
        if between[-1] in lexicon.articles and len(between) > 1:
            between = between[:-1]
        return len(between) == 1 and between[0] in lexicon.sentence_case_prepositions

    def _sentence_case_list(self, comma: int) -> bool:
        """Lower-case words after `comma` go on to a conjunction and one more lower-case word: "..., znanost in inovacije"."""
        doc, j = self.doc, comma + 1
        while j < len(doc) and (self._lower_word(j) or doc[j].text == ",") and "\n" not in doc[j - 1].whitespace_:
            j += 1
        return (
            j > comma + 1 and j + 1 < len(doc) and doc[j].lower_ in self.lexicon.sentence_case_conjunctions
            and self._lower_word(j + 1)
        )

    def _lower_word(self, i: int) -> bool:
        """A lower-case content word that may stand in a sentence-case name: no English function word, no past
        tense, participle or modal (the tagger reads foreign nouns as present-tense verbs: "recherches")."""
        token = self.doc[i]
        return (
            token.is_alpha and token.is_lower and not token.is_stop and token.tag_ not in _ENGLISH_VERB_FORMS
            and token.lower_ not in self.lexicon.sentence_case_joins and token.ent_type_ not in ("DATE", "TIME")
        )

    def epithet(self, end: int) -> int:
        """A name's patron after it: in quotes ('Sofia University "St. Kliment Ohridski"', 'Institut "Jožef Stefan"')
        or after "named after" ("National University of Uzbekistan named after Mirzo Ulugbek")."""
        doc = self.doc
        if end < len(doc) and doc[end].text in _OPENING_QUOTES and "\n" not in doc[end - 1].whitespace_:
            close = next((j for j in range(end + 1, min(len(doc), end + 8)) if doc[j].text in _CLOSING_QUOTES), None)
            inside = doc[end + 1 : close] if close is not None else []
            if len(inside) and all(capitalised(t) or t.text == "." for t in inside) and capitalised(inside[0]):
                return close + 1
        if end + 2 < len(doc) and doc[end].lower_ == "named" and doc[end + 1].lower_ == "after":
            first = end + 2 + (doc[end + 2].lower_ in self.lexicon.epithet_titles)  # "named after academician X"
            stop = self._title(first) if first < len(doc) else first
            if stop > first:
                return stop
        return end

    def with_city(self, head: Head, end: int) -> int:
        """"University College Dublin (UCD)", "University of Natural Resources and Life Sciences, Vienna (BOKU)":
        a city right after a university's name, closed by a bracket or the sentence, is part of the name."""
        doc = self.doc
        if self.lexicon.head_kinds.get(head.phrase) != "university" or end >= len(doc):
            return end
        # "..., Vienna", "Agricultural University - Plovdiv"
        dash = doc[end].text in DASHES and doc[end - 1].whitespace_ != "" and doc[end].whitespace_ != ""
        # "Slovak University of Technology in Bratislava": a university named after a field names its seat with "in".
        seat = doc[end].lower_ == "in" and self._field_complement(head, end) and end + 1 < len(doc)
        if seat and (end + 1 in self.country_tokens or not (doc[end + 1].ent_type_ == "GPE" or doc[end + 1].ent_type_ == "ORG")):
            return end
        city = end + (doc[end].text == "," or dash or seat)
        stop = city
        while stop < len(doc) and capitalised(doc[stop]) and stop not in self.country_tokens and (
            doc[stop].ent_type_ == "GPE"
            or (dash and self.words.word(doc[stop]) and stop - city < 2 and not doc[stop].is_upper and stop not in self.org_head_tokens)
        ):
            stop += 1
        if stop == city or stop >= len(doc):
            return end
        # closed by a bracket, the sentence's end, a line break or the verb ("COMSATS University Islamabad attended")
        closing = doc[stop].is_punct and doc[stop].text != "," and not self.words.hyphen_join(stop)
        # "Makerere University, Kampala (Uganda)": a bracketed state says where, as the city does.
        closing = closing and not (doc[stop].text == "(" and stop + 1 in self.country_tokens)
        closing = closing or "\n" in doc[stop].text or ((city == end or seat) and doc[stop].tag_ in VERB_TAGS)
        closing = closing or (seat and doc[stop].lower_ in self.lexicon.conjunctions)
        return stop if closing or (dash and not capitalised(doc[stop])) else end

    def _field_complement(self, head: Head, end: int) -> bool:
        """The name's one complement names research fields only ("of Technology", "of Life Sciences")."""
        doc, lexicon = self.doc, self.lexicon
        if head.end + 1 >= end or doc[head.end].lower_ != "of":
            return False
        return all(t.lower_ in lexicon.field_words or t.lower_ in lexicon.conjunctions for t in doc[head.end + 1 : end])

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

    def _item_list(self, start: int, foreign: bool = False, model_splits: bool = False) -> int | None:
        """A, B, C and D: commas continue the list only when an "and" closes it; with `model_splits`, not across an
        "and" where the model ends one name and starts another ("Academia Sinica and Fraunhofer ISE")."""
        doc = self.doc
        last = self._item(start, foreign)
        if last is None:
            return None
        i = last
        while i < len(doc):
            if doc[i].text == ",":
                nxt = i + 1
                closing = nxt < len(doc) and doc[nxt].lower_ in self.lexicon.conjunctions
                item_end = self._list_item(nxt + closing, foreign)
                if item_end is None or (closing and not foreign and self._person(nxt + 1, item_end)):
                    break
                if closing:
                    return item_end
                i = item_end
            elif doc[i].lower_ in self.lexicon.conjunctions:
                if model_splits and i + 1 < len(doc) and doc[i - 1].ent_iob_ != "O" and doc[i].ent_iob_ == "O" and doc[i + 1].ent_iob_ == "B":
                    return last
                item_end = self._list_item(i + 1, foreign)
                if item_end is None:
                    return last
                # "Further and Higher Education, Research, Innovation and Science": items may hold "and" themselves.
                last = i = item_end
                # "Department of Market Development and Science and Technology Enterprises": one more "and" inside
                # the model's name goes on with the list.
                if i + 1 < len(doc) and doc[i].lower_ in self.lexicon.conjunctions and self._inside_model_name(i):
                    continue
                if i >= len(doc) or doc[i].text != ",":
                    return last
            else:
                break
        return last

    def _inside_model_name(self, i: int) -> bool:
        doc = self.doc
        return all(doc[j].ent_iob_ == "I" and doc[j].ent_type_ == "ORG" for j in (i, i + 1))

    def _list_item(self, start: int, foreign: bool = False) -> int | None:
        """A further item of a list: not another body, not a state ("Biotechnology, Ministry of ...", ", India", "and USP");
        it may open with an article ("..., el Desarrollo Tecnológico y la Innovación")."""
        doc = self.doc
        # "..., de la Recherche scientifique et de l'Innovation", "... et du Partenariat": in other languages each
        # item may repeat the preposition.
        if start < len(doc) and doc[start].lower_ in self.lexicon.sentence_case_prepositions:
            start += 1
        if start < len(doc) and doc[start].lower_ in self.lexicon.articles and doc[start].lower_ != "the":
            start += 1
        end = self._item(start, foreign)
        if end is None or start in self.known or any(i in self.org_head_tokens for i in range(start, end)):
            return None
        # "... University of Tarnova and QWE": an acronym alone is another body ("Science and ICT" is a field).
        if end == start + 1 and acronym_like(self.doc[start]) and self.doc[start].text not in self.lexicon.junk:
            return None
        mention = self.countries.get(start)
        if mention is not None and mention.end == end:
            return None
        return end

    def _title(self, start: int) -> int:
        """The end of capitalised words from `start`, titles of people included ("Permanent Secretary")."""
        i = start
        while i < len(self.doc):
            if capitalised(self.doc[i]) and self.doc[i].is_alpha:
                i += 1
            elif i > start and self.words.hyphen_join(i) and capitalised(self.doc[i + 1]):
                i += 2                                  # "Deputy Vice-Chancellor"
            else:
                break
        return i

    def _item(self, start: int, foreign: bool = False) -> int | None:
        """Where the words of one item end; after a foreign preposition a lower-case adjective may follow a
        capitalised word ("de l'Enseignement supérieur", "de la Recherche scientifique")."""
        i = start
        while i < len(self.doc):
            if i in self.countries:
                i = self.countries[i].end      # "People's Republic of China"
            elif (formal := self._formal_state(i)) is not None:
                i = formal                     # "Republic of Cuba", a formal name the list lacks
            elif self.words.word(self.doc[i]):
                i += 1
            elif i > start and self.words.hyphen_join(i):
                i += 2
            elif i > start and self._inside_place(i):
                i += 1                         # "Dar es Salaam": a small word inside a place's name
            elif foreign and i > start and capitalised(self.doc[i - 1]) and self._lower_word(i) and (
                self.doc[i].tag_ in _PROPER_OR_FOREIGN or self._closes_item(i + 1, english_noun=self.doc[i].tag_ in _COMMON_NOUNS)
            ):
                i += 1
            else:
                break
        return i if i > start else None

    def _person(self, start: int, end: int) -> bool:
        """doc[start:end] is a person the model names with two words or more ("..., and Giorgi Vardani")."""
        doc = self.doc
        return end - start >= 2 and all(doc[i].ent_type_ == "PERSON" for i in range(start, end)) and doc[start].ent_iob_ == "B"

    def _inside_place(self, i: int) -> bool:
        """doc[i] is a small word inside a place's name ("Dar es Salaam", "Frankfurt am Main"), between two capitalised
        words inside one of the model's names."""
        doc = self.doc
        return (
            doc[i].lower_ in self.lexicon.place_particles and doc[i].ent_iob_ == "I" and i + 1 < len(doc)
            and doc[i + 1].ent_iob_ == "I" and capitalised(doc[i + 1]) and capitalised(doc[i - 1])
        )

    def _closes_item(self, i: int, english_noun: bool) -> bool:
        """doc[i] may follow the last word of an item: the end, a line, punctuation, a small joining word of another
        language, a capital, or (unless the word before reads as an English noun) "and"."""
        doc = self.doc
        if i >= len(doc) or "\n" in doc[i - 1].whitespace_ or doc[i].is_punct or doc[i].is_space:
            return True
        lower = doc[i].lower_
        if lower in self.lexicon.sentence_case_joins or capitalised(doc[i]):
            return True
        return not english_noun and lower in self.lexicon.conjunctions
