"""What a number counts or measures: a unit of time or measure after it, else the counted
noun from the dependency parse ("24 participating countries": participating country),
a line's label ("Joint projects funded: 212") or its table column's header."""

from __future__ import annotations

from decimal import Decimal

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.components.counts.listed_units import ListedUnits
from pipeline.components.counts.noun_phrases import of_object
from pipeline.components.counts.numbers import Number, glued
from pipeline.components.counts.phrases import PhraseIndex


class UnitReader(ListedUnits):
    """The unit of a number in prose, after its table, list and series readings (ListedUnits)."""

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
        units_with_of: frozenset[str] = frozenset(),
        money_scales: dict[str, Decimal] | None = None,
        label_columns: frozenset[str] = frozenset(),
        change_verbs: frozenset[str] = frozenset(),
        duration_fillers: frozenset[str] = frozenset(),
        lead_cues: frozenset[str] = frozenset(),
        kind_columns: frozenset[str] = frozenset(),
        of_names: frozenset[str] = frozenset(),
        people_groups: frozenset[str] = frozenset(),
        column_modifiers: frozenset[str] = frozenset(),
    ):
        super().__init__(
            nlp, quantity_nouns, unit_aliases, scales, max_unit_distance, max_table_rows, currency_forms,
            not_units, units_with_of, money_scales or {}, label_columns, change_verbs, lead_cues, kind_columns, of_names,
        )
        self.duration_fillers = duration_fillers    # "more" in "five more years"
        self.people_groups = people_groups          # "delegation" in "a delegation of 15": people
        self.column_modifiers = column_modifiers    # "outgoing": a column header naming no noun

    def unit_after(self, doc: Doc, k: int, phrases: PhraseIndex) -> tuple[str | None, str | None]:
        """A unit of time or measure right after the number ("389 days", "7000m", "five-year")."""
        if k < len(doc) and doc[k].text == "-" and glued(doc, k):
            k += 1
        if hit := phrases.starting("duration", k):
            return hit.value, "duration"
        if k + 1 < len(doc) and doc[k].lower_ in self.duration_fillers and (hit := phrases.starting("duration", k + 1)):
            return hit.value, "duration"  # "five more years"
        if hit := phrases.starting("measure", k):
            return hit.value, "measure"
        return None, None

    def counts_plural(self, doc: Doc, number: Number) -> bool:
        noun = self.noun_of(doc, number, number.end)
        return noun is not None and noun.i == number.end and noun.tag_ in ("NNS", "NNPS")

    def names_a_single_proper_noun(self, doc: Doc, number: Number, after: int) -> bool:
        """"628 Leyds Street", "1055 Budapest", "| 1,000 | Mexico": a number before one proper name
        is a house number, postcode or table cell; what is counted is common or plural
        ("30 Filipino engineers", "26 Member States")."""
        noun = self.noun_of(doc, number, after)
        if noun is None or noun.tag_ != "NNP" or not noun.is_title:
            return False
        if self._noun_lemmas(noun.lower_) != noun.lower_:
            return False  # a plural the model took for a name: "Nine Memoranda of Understanding"
        # "ten Kenyan and twelve Ghanaian scientists": a nationality before a coordinated count
        coordinated = noun.i + 2 < len(doc) and doc[noun.i + 1].lower_ in ("and", "or") and doc[noun.i + 2].like_num
        return not coordinated

    def counted_noun(self, doc: Doc, text: str, number: Number, after: int) -> str | None:
        """The counted noun as a unit: "joint project", "country and region", "person"."""
        noun = self.noun_of(doc, number, after)
        if noun is not None:
            return self.noun_phrase_unit(doc, after, noun)
        token = self.number_head(doc, number)
        if number.value > 1 and (of_noun := of_object(token)) is not None:
            return self.unit_words(doc, of_noun.left_edge.i, of_noun)  # "two of the projects"
        if (subject := self.quantity_subject(token)) is not None:
            start = subject.left_edge.i
            while start < subject.i and (doc[start].like_num or doc[start].pos_ in ("CCONJ", "DET") or doc[start].text == "-"):
                start += 1  # the number of "a total of one hundred and twenty-five scholarships"
            return self.unit_words(doc, start, subject)
        k = number.start
        ranged = number.end + 1 < len(doc) and doc[number.end].lower_ in ("to", "-", "–", "and", "or") and doc[number.end + 1].like_num
        if k >= 2 and doc[k - 1].lower_ == "of" and self.singular(doc[k - 2]) in self.people_groups and not ranged:
            return self.unit_aliases.get("people", "person")  # "a delegation of 15", "a team of 12"
        return self.line_heading(doc, text, number)
