"""What a table's headers say its figures count: a column header ("Projects funded", "Funding
(€ million)", a participle like "Funded" read from the prose or the column left of it), a
caption's closing bracket ("(number of projects)", "(CAD thousands)") and whether a table's
first column lists kinds of things ("Instrument") or a column numbers its rows ("No.")."""

from __future__ import annotations

import re
from decimal import Decimal

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.components.counts.noun_phrases import NounPhrases
from pipeline.components.counts.numbers import Number
from pipeline.components.layout import TABLE_BAR, bar_table_header, column_header, line_at, line_start, line_token_bounds

# Bracketed notes of a header ("Scholarships (2022)") and the words that end its noun phrase
# ("Proposals received", "Projects by field", "Grants per call").
_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
PARTICIPLE = re.compile(r"[a-z]{3,}ed")
_HEADER_STOPS = frozenset({"by", "per", "in", "from", "for", "under", "at", "to", "with", "since", "of", "as"})
# A header that is an acronym: "NSF", "DST-JSPS".
_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,9}(?:[-/][A-Z][A-Z&]{1,9})*")
# How many tokens of prose before a table are read for the verb of a participle header.
_PROSE_REACH = 400
# The closing bracket of a table's caption: "(number of projects)", "(CAD thousands)".
_CAPTION_NOTE = re.compile(r"\(([^()]{1,40})\)\W*$")


class HeaderUnits(NounPhrases):
    """Units read from a table's headers and captions (the listed readings build on them)."""

    def __init__(
        self,
        nlp: Language,
        quantity_nouns: frozenset[str],
        unit_aliases: dict[str, str],
        scales: dict[str, Decimal],
        max_unit_distance: int,
        max_table_rows: int,
        currency_forms: dict[str, str],
        not_units: frozenset[str],
        units_with_of: frozenset[str],
        money_scales: dict[str, Decimal],
        label_columns: frozenset[str],
        change_verbs: frozenset[str],
        lead_cues: frozenset[str] = frozenset(),
        kind_columns: frozenset[str] = frozenset(),
        of_names: frozenset[str] = frozenset(),
    ):
        super().__init__(
            nlp, quantity_nouns, unit_aliases, scales, max_unit_distance, not_units, units_with_of, change_verbs, of_names,
        )
        self.lead_cues = lead_cues                  # "following", "below", "table": a sentence that leads a table
        self.kind_columns = kind_columns            # "instrument", "type": a first column of kinds of things counted
        self.max_table_rows = max_table_rows
        self.currency_forms = currency_forms        # "€", "cad", "usd" (lower case) -> currency code
        self.money_scales = money_scales            # "m", "bn" after a currency: "(US$ m)", "(€m)"
        self.label_columns = label_columns          # "no", "#": headers of columns of row numbers

    def _participle_unit(self, doc: Doc, text: str, number: Number, participle: str) -> tuple[str, str, Decimal] | None:
        """What a column headed by a participle counts ("Funded"): the object of that verb in the
        prose just before the table ("... and funded 58 new bilateral projects"), else what the
        column left of it counts ("Proposals | Funded")."""
        line_start_token, _ = line_token_bounds(doc, number.start, number.end)
        for token in doc[max(0, line_start_token - _PROSE_REACH) : line_start_token]:
            if token.pos_ == "VERB" and participle in (token.lower_, token.lemma_.lower() + "ed", token.lemma_.lower() + "d"):
                counted = next((c for c in token.children if c.dep_ == "dobj" and c.pos_ == "NOUN" and c.tag_ == "NNS"), None)
                if counted is not None:
                    return self.unit_words(doc, counted.left_edge.i, counted), "count", Decimal(1)
        return self._left_column_unit(doc, text, number)

    def _left_column_unit(self, doc: Doc, text: str, number: Number) -> tuple[str, str, Decimal] | None:
        """The count unit of the column left of a number's, read from the figure in that column."""
        line_start, _ = line_token_bounds(doc, number.start, number.end)
        left = next((t for t in reversed(doc[line_start : number.start]) if t.like_num), None)
        header = column_header(text, left.idx, self.max_table_rows) if left is not None else None
        unit = self.header_unit(header) if header is not None else None
        return unit if unit is not None and unit[1] == "count" and not PARTICIPLE.fullmatch(unit[0]) else None

    def _rows_are_kinds(self, text: str, offset: int) -> bool:
        """The first column of the bar table holding `offset` lists kinds of things counted
        ("Instrument", "Type"; data: kind_columns), not topics, places or times ("Field")."""
        row = line_start(text, offset)
        cells = line_at(text, offset).split(TABLE_BAR)
        header = [cell for cell in bar_table_header(text, row, len(cells)) if cell]
        return bool(header) and header[0] in self.kind_columns

    def caption_note(self, caption: str) -> tuple[str, str, Decimal] | None:
        """What a caption's closing bracket says is counted: "(number of projects)", "(places)",
        or money with its scale: "(CAD thousands)", "(€ thousand)", "(USD million)"."""
        note = _CAPTION_NOTE.search(caption)
        if note is None:
            return None
        words = note.group(1).strip().lower()
        scale = next((self.scales[w.rstrip("s")] for w in words.split() if w.rstrip("s") in self.scales), None)
        currency = next((code for form, code in self.currency_forms.items() if form in words.split()), None)
        for word in words.split():  # "(US$ m)", "(€m)", "(EUR bn)"
            if word in self.money_scales and currency is not None:
                scale = scale or self.money_scales[word]
            for suffix, multiplier in self.money_scales.items():
                if currency is None and word.endswith(suffix) and word[: -len(suffix)] in self.currency_forms:
                    currency, scale = self.currency_forms[word[: -len(suffix)]], scale or multiplier
        if currency is not None:
            return currency, "money", scale or Decimal(1)
        if scale is not None or any(ch.isdigit() for ch in words):
            return None  # "(2023)", "(2019-2022)": when, not what
        words = words.removeprefix("number of ").strip()
        return (self._words_unit(words), "count", Decimal(1)) if words else None

    def header_unit(self, header: str, plain: bool = False) -> tuple[str, str, Decimal] | None:
        """What a column header says its numbers are: "Projects funded" (project), "Number of
        projects" (project), "Scholarships (2022)" (scholarship), "Funding (€ million)" (EUR,
        times a million), "Budget (USD)". None for a header naming a state, a year or a total;
        with `plain`, whatever its words are."""
        if (note := self.caption_note(header)) is not None and note[1] == "money":
            return note
        if not plain and _ACRONYM.fullmatch(_BRACKETS.sub(" ", header).strip()):
            return None  # "NSF", "DST": a column of a body names who, not what
        words = _BRACKETS.sub(" ", header).lower().replace("-", " ").replace(" / ", " and ").split()
        words = [w.strip(",;:") for w in words if w.strip(",;:")]
        if len(words) >= 2 and " ".join(words[:2]) in ("number of", "no. of"):
            words = words[2:]
        cut = next((i for i, w in enumerate(words) if i > 0 and (w in _HEADER_STOPS or PARTICIPLE.fullmatch(w))), len(words))
        words = words[:cut]
        if not words:
            return None
        if "and" in words[:-1]:  # "projects and grants": each word singular
            words = [w if w == "and" else self._singular_word(w) for w in words]
        if not plain and self._names_no_unit(" ".join(words)):
            return None
        return " ".join([*words[:-1], self._singular_word(words[-1])]), "count", Decimal(1)

    def _singular_word(self, word: str) -> str:
        """A header's plural word singular, each part of a slashed pair too ("countries/regions")."""
        return "/".join(self.unit_aliases.get(part, self._noun_lemmas(part)) for part in word.split("/"))

    def labels_rows(self, text: str, offset: int) -> bool:
        """The number stands in a column of row numbers: "No.", "#", "S. No." (data: label_column_headers)."""
        header = column_header(text, offset, self.max_table_rows)
        return header is not None and header.lower().rstrip(".:").strip() in self.label_columns

    def _names_no_unit(self, header: str) -> bool:
        """A column headed by a state, a year or a total says where or when, not what."""
        return header.lower() in self.not_units or any(ch.isdigit() for ch in header)

    def _words_unit(self, words: str) -> str:
        """"Person-months", "Projects" as a unit: lower case, the last word singular."""
        parts = words.lower().replace("-", " ").split()
        return " ".join([*parts[:-1], self._singular_word(parts[-1])])
