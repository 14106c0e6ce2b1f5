"""What a number listed in a table, a figures list or a series counts: its row's label
("Partner universities ..... 31"), its column's header ("Projects funded"), the caption over
its block ("(number of projects)", "(CAD thousands)"), the label of its line ("Joint projects
funded: 212") or a series' lead ("Joint projects with partners: NSF 104, JSPS 40")."""

from __future__ import annotations

from decimal import Decimal

from spacy.tokens import Doc, Span, Token

from pipeline.components.counts.headers import PARTICIPLE, HeaderUnits
from pipeline.components.counts.noun_phrases import GLUE, of_object
from pipeline.components.counts.numbers import Number
from pipeline.components.layout import (
    TABLE_BAR, block_heading, column_header, is_list_line, line_at, line_token_bounds, prose_above,
)


class ListedUnits(HeaderUnits):
    """Units read from a number's place in a table, a figures list or a series."""

    column_modifiers: frozenset[str] = frozenset()  # "incoming", "outgoing": headers that only modify

    def table_unit(self, doc: Doc, text: str, number: Number) -> tuple[str, str, Decimal] | None:
        """(unit, kind, multiplier) of a number in a table row or a figures list: from the row's own
        label when it names what is counted ("Students | approx. 38,000", "Partner universities
        ..... 31"), else its column's header or, where that names a state or a year, the caption
        above the block: "(number of projects)", "(persons)", "(CAD thousands)", "Joint research
        projects funded"."""
        offset = doc[number.start].idx
        if not is_list_line(line_at(text, offset)):
            return None
        if self.noun_after(doc, number.end) is not None:
            return None  # "Senescyt entrega 200 becas | 09 de mayo": the cell names its own noun
        header = column_header(text, offset, self.max_table_rows)
        if header is not None and (unit := self.header_unit(header)) is not None:
            if PARTICIPLE.fullmatch(unit[0]):  # "Applications | Funded": funded applications
                unit = self._participle_unit(doc, text, number, unit[0]) or unit
            elif unit[0] in self.column_modifiers:  # "Outgoing | Incoming" under "Mobility grants by year"
                unit = self._caption_unit(doc, text, offset) or unit
            label = self.row_label(doc, number)
            if (
                unit[1] == "count" and label is not None and label[1].tag_ in ("NNS", "NNPS")
                and (self.singular(label[1]) in unit[0].split() or self._rows_are_kinds(text, offset))
            ):
                # "Joint research projects | 9" under "Projects / grants", "Mobility grants | 61" in
                # an "Instrument" column: the row says which; a topic ("Medical sciences | 11" under
                # "Proposals received") does not
                return self._label_phrase_unit(doc, *label), "count", Decimal(1)
            return unit
        label = self.row_label(doc, number)
        if label is not None:
            start, noun = label
            # "Marine biology: 4", "Health sciences: 3" under "Projects approved in 2022:": topics
            # listed under a lead that names what is counted
            caption = self._caption_unit(doc, text, offset, lead=True)
            if caption is not None and (noun.tag_ not in ("NNS", "NNPS") or caption[3]):
                return caption[:3]
            return self._label_phrase_unit(doc, start, noun), "count", Decimal(1)
        return self._caption_unit(doc, text, offset)

    def _caption_unit(self, doc: Doc, text: str, offset: int, lead: bool = False):
        """What the caption above a table or figures list says is counted: (unit, kind,
        multiplier), with `lead` a fourth item: whether the caption is a lead ending in a colon
        whose noun is plural ("Projects approved in 2022:"). Only counts, with `lead`."""
        caption = block_heading(text, offset, self.max_table_rows)
        if caption is None:
            return self._prose_lead_unit(doc, text, offset, lead)
        start, words = caption
        if (note := self.caption_note(words)) is not None:
            return None if lead and note[1] != "count" else ((*note, False) if lead else note)
        first = doc.char_span(start, start + len(words), alignment_mode="expand")
        if first is None:
            return None
        phrase = self._caption_noun(doc, first)
        if phrase is None:
            return None  # "Key figures", "Facts at a glance"
        phrase_start, noun = phrase
        unit = self.unit_words(doc, phrase_start, noun), "count", Decimal(1)
        if lead:
            return (*unit, words.rstrip().endswith(":") and noun.tag_ in ("NNS", "NNPS"))
        return unit

    def _prose_lead_unit(self, doc: Doc, text: str, offset: int, lead: bool):
        """What the sentence leading a table or list counts, when no caption stands between and
        the sentence says it leads ("The table shows the number of joint projects funded in each
        field.", "Proposals came from the following countries:"): its first plural noun; for rows
        of topics (`lead`), the plural noun it counts will do ("The council funded 41 new joint
        projects."). With `lead`, a fourth item True: the sentence names what the topics count."""
        above = prose_above(text, offset, self.max_table_rows)
        if above is None or not self.lead_cues:
            return None
        line = doc.char_span(*above, alignment_mode="expand")
        if line is None or not len(line):
            return None
        sentence = doc[max(line.start, doc[line.end - 1].sent.start) : line.end]
        if any(t.lower_ in self.lead_cues for t in sentence):
            phrase = self._caption_noun(doc, sentence)
        elif lead:  # topics under a sentence that counts: "The council funded 41 new joint projects."
            phrase = next(((t.i + 1, n) for t in sentence if t.like_num and (n := self.noun_after(doc, t.i + 1)) is not None), None)
        else:
            return None
        if phrase is None or phrase[1].tag_ not in ("NNS", "NNPS") or phrase[1].i >= sentence.end:
            return None
        unit = self.unit_words(doc, *phrase), "count", Decimal(1)
        return (*unit, True) if lead else unit

    def _caption_noun(self, doc: Doc, caption) -> tuple[int, Token] | None:
        """The start and head of the noun phrase a caption counts: its first plural noun ("The
        number of joint projects under each programme:", "Break-up of ongoing projects by
        partner"), else the noun phrase it opens with ("Pilot plant output")."""
        plural = next((t for t in caption if t.pos_ == "NOUN" and t.tag_ == "NNS"), None)
        if plural is not None and plural.lemma_.lower() in self.quantity_nouns:
            plural = next((t for t in caption[plural.i - caption.start + 1 :] if t.pos_ == "NOUN" and t.tag_ == "NNS"), None)
        if plural is not None:
            start = plural.i
            while start > caption.start and (doc[start - 1].pos_ in ("ADJ", "NOUN", "PROPN") or doc[start - 1].tag_ == "VBG"):
                start -= 1  # "ongoing projects", "joint research projects"
            noun = plural
        else:
            start = caption.start
            noun = self.noun_after(doc, start)
            if noun is not None and noun.lemma_.lower() in self.quantity_nouns:
                noun = of_object(noun)  # "Number of fellowships awarded"
                start = noun.i if noun is not None else start
        if noun is None or noun.i >= caption.end or noun.lemma_.lower() in self.not_units:
            return None
        return start, noun

    def row_label(self, doc: Doc, number: Number) -> tuple[int, Token] | None:
        """The start and head noun of the label a table row or list line gives its number, when it
        is a common noun: "Indian students in the United States (2022-23): about 269,000",
        "Students | approx. 38,000", "Partner universities ........ 31". "Hungary to Vietnam:
        2014 – 9" and "NSF | 12" name only where or who."""
        line_start, _ = line_token_bounds(doc, number.start, number.end)
        while line_start < number.start and doc[line_start].is_space:
            line_start += 1  # the line's indent
        separator = next((t for t in doc[line_start + 1 : number.start] if _separates_label(t)), None)
        if separator is None:
            return None
        label = [t for t in doc[line_start : separator.i] if not t.is_space]
        first_word = self._after_number_sign(doc, next((t for t in label if t.is_alpha), None), separator.i)
        if first_word is None or any(t.like_num for t in label[: label.index(first_word)]):
            return None
        noun = self.noun_after(doc, first_word.i)
        if noun is None or noun.i >= separator.i or noun.lemma_.lower() in self.not_units:
            return None
        # "Staff | ..." opening a line is tagged a proper noun; a name is an entity or an acronym
        if self._names_a_body(noun):
            return None
        return first_word.i, noun

    def _names_a_body(self, noun: Token) -> bool:
        """A label's head that names who or where ("NSF", "Kenya"), not a plural common noun the
        model took for a name ("Applications received | 31")."""
        if noun.pos_ != "PROPN" or (noun.tag_ == "NNPS" and not noun.is_upper and self._noun_lemmas(noun.lower_) != noun.lower_):
            return False
        return bool(noun.ent_type_) or noun.is_upper or noun.lower_ in self.not_units

    def _after_number_sign(self, doc: Doc, word: Token | None, end: int) -> Token | None:
        """The first word after "No. of" opening a label ("No. of projects: 12"), else `word`."""
        if word is None or word.lower_ not in self.label_columns:
            return word
        of = next((t for t in doc[word.i + 1 : min(end, word.i + 3)] if t.lower_ == "of"), None)
        return doc[of.i + 1] if of is not None and of.i + 1 < end else word

    def series_unit(self, doc: Doc, number: Number) -> str | None:
        """"Joint projects under way with partners: NSF 104, JSPS 40 and CNRS 22": names each
        followed by its number, listed after a colon, count the plural noun of the lead before it."""
        line_start, _ = line_token_bounds(doc, number.start, number.end)
        start = max(line_start, doc[number.start].sent.start)
        colon = next((t for t in reversed(doc[start : number.start]) if t.text == ":"), None)
        if colon is None or colon.i + 1 >= number.start:
            return None
        numbers, named = 0, False
        for token in doc[colon.i + 1 : number.start]:
            if token.like_num:
                if not named:
                    return None
                numbers, named = numbers + 1, False
            elif token.text in (",", ";") or token.lower_ in ("and", "&"):
                if named:
                    return None
            elif token.text in GLUE or token.text[:1].isupper():
                named = True
            else:
                return None
        if not named:
            return None
        if numbers == 0:  # the first item: another must follow
            rest = doc[number.end : number.end + 4]
            if len(rest) < 3 or rest[0].text not in (",", ";", "and") or not any(t.like_num for t in rest[1:]):
                return None
        lead = [t for t in doc[start : colon.i] if t.pos_ == "NOUN" and t.tag_ == "NNS"]
        if not lead:
            return None
        noun = lead[0]
        if noun.lemma_.lower() in self.quantity_nouns and (counted := of_object(noun)) is not None:
            noun = counted  # "the following numbers of applications: ..."
        return self.unit_words(doc, max(noun.left_edge.i, start), noun)

    def bracket_series_unit(self, doc: Doc, number: Number) -> str | None:
        """"The selected proposals were submitted by the University of X (03), the Institute of Y
        (02) and ...": names each followed by a bracketed number count the sentence's first
        plural noun before them."""
        if not _bracketed_after_name(doc, number.start):
            return None
        sent = doc[number.start].sent
        items = [t for t in sent if t.like_num and _bracketed_after_name(doc, t.i)]
        if len(items) < 2:
            return None
        lead = [t for t in doc[sent.start : items[0].i] if t.pos_ == "NOUN" and t.tag_ == "NNS"]
        if not lead:
            return None
        return self.unit_words(doc, max(lead[0].left_edge.i, sent.start), lead[0])

    def _label_phrase_unit(self, doc: Doc, start: int, noun: Token) -> str:
        """"Number of projects: 6" counts projects."""
        if noun.lemma_.lower() in self.quantity_nouns and (counted := of_object(noun)) is not None:
            return self.noun_phrase_unit(doc, counted.left_edge.i, counted)
        return self.noun_phrase_unit(doc, start, noun)

    def line_heading(self, doc: Doc, text: str, number: Number) -> str | None:
        """The noun a number is listed under: "Joint projects funded: 212", or its table column's header."""
        line_start, line_end = line_token_bounds(doc, number.start, number.end)
        rest = doc[number.end : line_end]
        if len(rest) and rest[0].text == "(" and rest[-1].text in (")", ").", ");"):
            rest = rest[:0]  # "Researchers: 45 (of whom 20 women)"
        # The line must end with the number before its label is looked for: checked first, it
        # stops at the first word, so that a page on one long line is not read once per number.
        ends_line = all(t.is_punct for t in rest)
        colon = next((t for t in reversed(doc[line_start : number.start]) if t.is_punct and ":" in t.text), None) if ends_line else None
        if colon is not None:
            label_start = max(line_start, colon.sent.start)
            first_word = self._after_number_sign(doc, next((t for t in doc[label_start : colon.i] if t.is_alpha), None), colon.i)
            noun = self.noun_after(doc, first_word.i) if first_word is not None else None
            if noun is not None and noun.lemma_.lower() in self.quantity_nouns:
                noun = of_object(noun)  # "Number of projects: 6"
                first_word = noun.left_edge if noun is not None else None
            if noun is not None and self._names_a_body(noun):
                # "- DST-NSF: 104" under "The number of joint projects under each programme:"
                caption = self._caption_unit(doc, text, doc[number.start].idx)
                if caption is not None and caption[1] == "count":
                    return caption[0]
            if noun is not None:
                return self.noun_phrase_unit(doc, first_word.i, noun)
        header = column_header(text, doc[number.start].idx, self.max_table_rows)
        if header is None:
            return self._callout_label(doc, number)
        unit = self.header_unit(header, plain=True)
        if unit is not None and PARTICIPLE.fullmatch(unit[0]):
            unit = self._participle_unit(doc, text, number, unit[0]) or unit
        return unit[0] if unit is not None else None

    def _callout_label(self, doc: Doc, number: Number) -> str | None:
        """A figure standing alone on its line, labelled by a plural noun on the line under it or
        over it: "212\njoint projects funded since 2001", "Partner institutions\n38"."""
        line_start, line_end = line_token_bounds(doc, number.start, number.end)
        if any(t.is_alpha for t in doc[number.end : line_end]) or _more_words_than(doc[line_start : number.end], 2):
            return None  # not alone: "about 212" may stand so, "212 of them" not
        below = self._line_noun(doc, line_end + 1) if line_end < len(doc) else None
        if below is not None and below[1].text[:1].islower():
            return self.noun_phrase_unit(doc, *below)
        above_end = line_start - 1
        while above_end > 0 and doc[above_end].is_space:
            above_end -= 1
        if above_end > 0:
            above_start, _ = line_token_bounds(doc, above_end, above_end + 1)
            above = self._line_noun(doc, above_start)
            if above is not None and not doc[above_end].is_punct:
                return self.noun_phrase_unit(doc, *above)
        return self.noun_phrase_unit(doc, *below) if below is not None else None

    def _line_noun(self, doc: Doc, k: int) -> tuple[int, Token] | None:
        """The plural noun a line opens with (after its indent and adjectives)."""
        while k < len(doc) and doc[k].is_space:
            k += 1
        if k >= len(doc) or not doc[k].is_alpha:
            return None
        noun = self.noun_after(doc, k)
        if noun is None or noun.tag_ not in ("NNS", "NNPS") or "\n" in doc[k : noun.i].text:
            return None
        return k, noun


def _bracketed_after_name(doc: Doc, k: int) -> bool:
    """Token k is a number alone in brackets right after a name: "University of Ruhuna (01)"."""
    return (
        2 <= k < len(doc) - 1 and doc[k - 1].text == "(" and doc[k + 1].text == ")"
        and doc[k - 2].text[:1].isupper() and doc[k - 2].is_alpha
    )


_DASHES = frozenset({"-", "–", "—"})


def _separates_label(token: Token) -> bool:
    """A colon, a bar, a dot leader, a dash set off by spaces ("Kenya – 4") or a run of spaces
    between a row's label and its number."""
    text = token.text
    return text == TABLE_BAR or (token.is_punct and (":" in text or text.startswith("..."))) or (
        token.is_space and "\n" not in text
    ) or (text in _DASHES and token.i > 0 and token.doc[token.i - 1].whitespace_ != "" and token.whitespace_ != "")


def _more_words_than(tokens: Span, n: int) -> bool:
    """Whether `tokens` hold more than n words; stops counting there."""
    words = 0
    for token in tokens:
        words += token.is_alpha
        if words > n:
            return True
    return False
