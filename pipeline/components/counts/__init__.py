"""st_counts: numbers that quantify something: counts, money, percentages, measures and
durations (SPEC 3.3).

The number tokens (digits, number words) are found by their texts (numbers.py) and a
PhraseMatcher finds the phrases that can surround them, all listed in data/counts.yaml:
currencies, scale words, percent signs, units, qualifiers ("more than",
"or more") and label cues ("Figure", "Section"). Each number (numbers.py) grows
into an expression from those phrases (phrases.py); what it counts comes from
the units after it or the dependency parse (units.py). Numbers that label or
name rather than count are left out (filters.py): years and dates, ordinals,
section, figure and list numbers, phone numbers, numbers inside names (G8,
COVID-19, Horizon 2020).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from decimal import Decimal

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.components.counts.currency import USD, DollarContext, SharedCurrencies, names_a_meeting
from pipeline.components.counts.filters import NumberFilters
from pipeline.components.counts.numbers import ARTICLES, Number, NumberReader, NumberStarts, glued
from pipeline.components.counts.phrases import CountPhrases, PhraseIndex, named_currency_after, phrase_tables
from pipeline.components.counts.sharing import NounSharing
from pipeline.components.counts.units import UnitReader
from pipeline.components.extensions import plain_extension
from pipeline.components.layout import doc_text
from pipeline.components.org_lexicon import load_countries
from pipeline.components.rule_component import RuleComponent


@dataclass(frozen=True)
class CountValue:
    value: float
    qualifier: str              # exact, approx, more_than, at_least, less_than, up_to
    unit: str                   # counted noun, singular lower case; currency code; percent; day/month/year
    kind: str                   # count, money, percent, measure, duration


plain_extension(Span, "count", asdict, lambda record, span: CountValue(**record))   # on doc.spans["counts"]


@Language.factory(
    "st_counts",
    default_config={
        "lexicon": "counts.yaml",
        "name_entity_labels": ["ORG", "PRODUCT", "EVENT", "LAW", "WORK_OF_ART", "FAC", "PERSON", "GPE", "LOC"],
        "date_entity_labels": ["DATE", "TIME"],
        "min_year": 1800,
        "max_year": 2100,
        "max_unit_distance": 6,
        "max_table_rows": 30,
    },
)
def make_counts(
    nlp: Language,
    name: str,
    lexicon: str,
    name_entity_labels: list[str],
    date_entity_labels: list[str],
    min_year: int,
    max_year: int,
    max_unit_distance: int,
    max_table_rows: int,
) -> RuleComponent:
    def build(data: dict) -> CountExtractor:
        return CountExtractor(
            nlp,
            data["lexicon"][0],
            name_entity_labels,
            date_entity_labels,
            (min_year, max_year),
            max_unit_distance,
            max_table_rows,
        )

    return RuleComponent(name, {"lexicon": [lexicon]}, build)


# How near the number an economy cue stands ("Türkiye's economy, at roughly $2.1T").
_ECONOMY_WINDOW = 4


@dataclass
class _Scan:
    """One doc being scanned: its text, the lexicon phrases in it, the tokens earlier components
    made dates and party names, the tokens found to be labels, and where the last count ended."""

    doc: Doc
    text: str
    phrases: PhraseIndex
    dates: set[int]
    names: set[int]
    labels: set[int] = field(default_factory=set)
    taken: int = 0


@dataclass
class _Expression:
    start: int                  # the text span, qualifiers included
    end: int
    number: Number
    value: Decimal
    qualifier: str
    unit: str | None
    kind: str | None
    in_date: bool
    bare_dollar: str | None = None   # "sign" for a bare "$", "word" for a bare "dollars", "rupee" for "Rs"


class CountExtractor:
    def __init__(
        self,
        nlp: Language,
        data: dict,
        name_entity_labels: list[str],
        date_entity_labels: list[str],
        year_range: tuple[int, int],
        max_unit_distance: int,
        max_table_rows: int,
    ):
        tables = phrase_tables(data)
        self.phrases = CountPhrases(nlp, tables)
        # A currency symbol glued to the digits ("Rs.500", "US$20") is one token.
        glued_currency = {p.replace(" ", "").lower(): code for p, code in tables["currency_before"].items()}
        self.numbers = NumberReader.from_lexicon(data, glued_currency, year_range, tables["scaled_currency"])
        self.filters = NumberFilters(
            self.numbers, frozenset(data["line_markers"]), frozenset(name_entity_labels),
            tuple(tuple(t.lower_ for t in nlp.make_doc(cue)) for cue in data["furniture_after"]),
            frozenset(data["time_markers"]),
            frozenset(data["foreign_months"]),
            frozenset(data["label_cue_identifiers"]),
            frozenset(data["street_words"]), frozenset(data["hyphen_idioms"]),
        )
        countries = load_countries()
        not_units = {form.lower() for entry in countries.countries for form in (entry.country, *entry.names, *entry.adjectives)}
        self.units = UnitReader(
            nlp, frozenset(data["quantity_nouns"]), data["unit_aliases"], self.numbers.scales,
            max_unit_distance, max_table_rows,
            {form.lower(): code for form, code in tables["currency_before"].items() if " " not in form},
            frozenset(not_units | set(data["column_headers_without_unit"])),
            frozenset(data["units_with_of"]),
            self.numbers.money_scales,
            frozenset(data["label_column_headers"]),
            frozenset(data["change_verbs"]),
            frozenset(data["duration_fillers"]),
            frozenset(data["lead_cues"]),
            frozenset(data["kind_columns"]), frozenset(data["of_names"]), frozenset(data["people_groups"]),
            frozenset(data["column_modifiers"]),
        )
        self.dollars = DollarContext(data["dollar_states"], countries)
        # "Rs" is the rupee of the state a text is from: India's unless the text is Sri Lanka's, Pakistan's, ...
        self.rupees = DollarContext(data["rupee_states"], countries, default="INR")
        self.rupee_signs = frozenset(data["rupee_signs"])
        self.shared = SharedCurrencies(data["shared_currencies"], countries)
        self.code_names = frozenset(data["code_names"])
        self.rupee_scales = frozenset(data["rupee_scales"])
        self.shared_currency_words = frozenset(data["shared_currency_words"])
        self.bare_dollar = str(data["bare_dollar"])
        self.bare_dollar_words = frozenset(data["bare_dollar_words"])
        self.world_cues = frozenset(data["world_cues"])
        self.economy_cues = frozenset(data["economy_cues"])
        self.times_unit = data["times_unit"]
        self.range_joiners = frozenset(data["range_joiners"])
        self.coordinators = frozenset(data["coordinators"])
        self.range_openers = frozenset(data["range_openers"])
        self.sharing = NounSharing(nlp, data)
        self.date_entity_labels = frozenset(date_entity_labels)

        self.number_starts = NumberStarts(self.numbers)

    def __call__(self, doc: Doc) -> Doc:
        scan = _Scan(doc, doc_text(doc), self.phrases(doc), _covered(doc, "dates"), _covered(doc, "parties"))
        expressions: list[_Expression] = []
        for start in self.number_starts(doc):
            if start < scan.taken:
                continue
            expression = self._expression(scan, start)
            if expression is not None:
                expressions.append(expression)
                scan.taken = expression.end
        self._link_ranges(doc, expressions)
        self.sharing.share_whole(doc, expressions)
        self.sharing.share_elided(doc, expressions)
        self.sharing.share_context(doc, expressions)
        # what a bare sign stands for is the page's: found once per document, not once per sign
        # (each a walk over every party and every country the page names)
        found: dict[tuple, str] = {}

        def currency(context, *how) -> str:
            if (id(context), *how) not in found:
                found[(id(context), *how)] = context.currency(doc, *how)
            return found[(id(context), *how)]

        for e in expressions:
            if e.bare_dollar == "rupee":
                e.unit = currency(self.rupees)
            elif e.bare_dollar in self.shared:
                e.unit = currency(self.shared, e.bare_dollar)
        for before, e in zip([None, *expressions], expressions):
            if e.bare_dollar in ("sign", "word") and not self._about_the_world(doc, e) and not _converted(doc, before, e):
                e.unit = currency(self.dollars, e.bare_dollar == "word")
        spans = []
        for e in expressions:
            if (e.in_date and e.kind != "duration") or e.kind is None:
                continue
            span = Span(doc, e.start, e.end, label=e.kind)
            span._.count = CountValue(float(e.value), e.qualifier, e.unit or "", e.kind)
            spans.append(span)
        doc.spans["counts"] = spans
        return doc

    def _expression(self, scan: _Scan, i: int) -> _Expression | None:
        """The count expression around the number at token i, unless it is no count."""
        doc, phrases, taken = scan.doc, scan.phrases, scan.taken
        money_scales = self.numbers.money_scales
        number = self.numbers.read(doc, i)
        if number is None or self.numbers.followed_by_fraction(doc, number):
            return None
        start, end = number.start, number.end
        bare_dollar = None
        if number.currency is None and (hit := phrases.ending("currency_before", start)) and hit.start >= taken:
            number.currency, start = hit.value, hit.start
            bare_dollar = "sign" if hit.value == USD and doc[hit.start : hit.end].text == self.bare_dollar else None
            if doc[hit.start : hit.end].text.lower().replace(" ", "") in self.rupee_signs:
                bare_dollar = "rupee"
            bare_dollar = self.shared.family(doc[hit.start : hit.end].text) or bare_dollar  # "Sh 510 million"
        elif number.currency is None and (hit := phrases.ending("scaled_currency", start)) and hit.start >= taken:
            (number.currency, scale), start = hit.value, hit.start  # "MNOK 20", "k€ 400"
            number.scale *= scale
        elif number.currency is None and (before_scale := self._scale_before(doc, start)) is not None:
            # "Rs. Mn. 32": a scale between the currency and the number
            k, scale = before_scale
            if (hit := phrases.ending("currency_before", k)) and hit.start >= taken:
                number.currency, number.scale, start = hit.value, number.scale * scale, hit.start
                if doc[hit.start : hit.end].text.lower().replace(" ", "") in self.rupee_signs:
                    bare_dollar = "rupee"
        if number.currency and names_a_meeting(doc, number, start, end, self.code_names, self.numbers):
            return None  # "COP26", "COP 26": a conference, not Colombian pesos
        if number.currency and end < len(doc) and doc[end].lower_.rstrip(".") in money_scales:
            number.scale *= money_scales[doc[end].lower_.rstrip(".")]  # "$3.5m"
            end += 1
        elif end + 1 < len(doc) and doc[end].lower_.rstrip(".") in money_scales and (
            phrases.starting("currency_after", end + 1) or doc[end + 1].tag_ in ("NNS", "NNPS")
        ):
            number.scale *= money_scales[doc[end].lower_.rstrip(".")]  # "5K euros", "1.5m people"
            end += 1
        unit, kind = number.currency, "money" if number.currency else None
        if number.currency is None and (hit := phrases.starting("scaled_currency", end)):
            (unit, scale), kind, end = hit.value, "money", hit.end  # "3 M€", "250 TEUR"
            number.scale *= scale
        elif hit := phrases.starting("currency_after", end) or named_currency_after(doc, phrases, end, self.shared_currency_words):
            if doc[hit.start : hit.end].text.lower() in self.bare_dollar_words and number.currency is None:
                bare_dollar = "word"  # "10 000 dollars"
            bare_dollar = self.shared.family(doc[hit.start : hit.end].text) or bare_dollar  # "60,000 dinars"
            unit, kind, end = hit.value, "money", hit.end
            if end < len(doc) and doc[end].lower_ in self.numbers.scales and number.scale == 1:
                number.scale, end = self.numbers.scales[doc[end].lower_], end + 1  # "1€ billion"
        elif (hit := phrases.starting("percent", end)) and not (doc[hit.start].is_upper and len(doc[hit.start]) > 1):
            unit, kind, end = "percent", "percent", hit.end  # not "7 PCT applications"
        if kind == "money":
            self.numbers.read_grouped_by_dots(doc, number)  # "EUR 210.000", "COP 8.400 millones"
        if kind is None and self.filters.is_time(doc, start, end):
            return None  # "9.00 - 17.00", even in a list after a colon
        series = None
        if kind is None:  # "NSF 104, JSPS 40", "University of X (03), Institute of Y (02)"
            series = self.units.series_unit(doc, number) or self.units.bracket_series_unit(doc, number)
        if series is None and self.filters.is_label(doc, scan.text, phrases, scan.labels, start, end, money=kind == "money"):
            return None
        if kind is None and self.units.labels_rows(scan.text, doc[number.start].idx):
            return None  # "No. | Partner" over "1 | University of Split"
        if series is None and kind is None and self.filters.in_name(doc, number, scan.names):
            return None
        if series is not None:
            unit, kind = series, "count"

        qualifier, text_start, text_end = "approx" if number.approximate else "exact", start, end
        hit = phrases.ending("qualifier_before", start)
        if hit is None and start > 0 and doc[start - 1].lower_ in ARTICLES:
            hit = phrases.ending("qualifier_before", start - 1)  # "at least a 50% reduction"
        if hit is not None and hit.start >= taken and not (doc[hit.start].text in self.range_joiners and glued(doc, hit.start)):  # "2~3"
            qualifier, text_start = hit.value, hit.start
        if hit := phrases.starting("qualifier_after", end):
            qualifier, text_end = hit.value, hit.end

        if number.times:
            if text_end < len(doc) and doc[text_end].lower_ == "as":
                return None  # "twice as many" compares, it does not count
            unit, kind = self.times_unit, "count"
        if kind is None:
            unit, kind = self.units.unit_after(doc, text_end, phrases)
        if kind is None:
            hyphen = text_end < len(doc) and doc[text_end].text == "-" and glued(doc, text_end)
            after = text_end + 1 if hyphen else text_end  # "10-member": member
            listed = None if number.year_like else self.units.table_unit(doc, scan.text, number)
            if listed is not None:
                unit, kind, multiplier = listed
                number.scale *= multiplier
            else:
                if qualifier == "exact" and self.units.names_a_single_proper_noun(doc, number, after):
                    return None
                unit = self.units.counted_noun(doc, scan.text, number, after)
                # "more than 73 thousand" is a count even when the counted noun is not found
                kind = "count" if unit is not None or qualifier != "exact" or number.scale > 1 else None
                if unit is None and doc[number.end - 1].lower_ in self.rupee_scales:
                    unit, kind, bare_dollar = self.rupees.default, "money", "rupee"  # "allocated 47.14 crore"
        if number.value < 0 and kind != "measure":
            return None  # a minus sign makes sense before a measure ("-80 °C") only
        if number.year_like and kind in (None, "count") and not self.units.counts_plural(doc, number):
            return None  # "in 2015", "the 2023 joint call"

        # The model tags many plain numbers DATE ("hosts 45 and 50 researchers"): its word
        # counts only for what looks like a year; the dates component's spans always do.
        in_date = any(
            k in scan.dates or (number.year_like and doc[k].ent_type_ in self.date_entity_labels)
            for k in range(number.start, number.end)
        )
        return _Expression(
            text_start, text_end, number, number.value * number.scale, qualifier, unit, kind, in_date,
            bare_dollar=bare_dollar if unit == USD or bare_dollar == "rupee" or bare_dollar in self.shared else None,
        )

    def _scale_before(self, doc: Doc, start: int) -> tuple[int, Decimal] | None:
        """The start of a money scale written right before the number ("Mn." in "Rs. Mn. 32"), and the scale."""
        k = start - 1
        if k > 0 and doc[k].text == "." and glued(doc, k, after=False) is False and not doc[k - 1].whitespace_:
            k -= 1
        if k < 1 or doc[k].is_digit:
            return None
        scale = self.numbers.money_scales.get(doc[k].lower_.rstrip("."))
        return (k, scale) if scale is not None and doc[k].text[:1].isupper() else None

    def _share_coordinated_noun(self, doc: Doc, first: _Expression, second: _Expression) -> bool:
        """"45 and 50 researchers", "every four or five years", "ten Kenyan and twelve Ghanaian
        scientists": a number coordinated with the next one, with at most adjectives of its own
        between, counts the same noun (two counts)."""
        gap = doc[first.end : second.start]
        if len(gap) == 0 or gap[-1].lower_ not in self.coordinators:
            return False
        if len(gap) == 1 and first.start > 0 and doc[first.start - 1].lower_ in self.range_openers:
            return False  # "between 10 and 20": a range
        adjectives = gap[:-1]
        if any(not (t.pos_ == "ADJ" or t.ent_type_ == "NORP") or t.is_punct for t in adjectives):
            return False
        words = [t.lower_ for t in adjectives]
        only_adjectives = first.kind == "count" and words and first.unit == " ".join(words)  # "ten Kenyan"
        if (first.kind is None or not first.unit or only_adjectives) and second.kind in ("count", "duration", "measure", "percent") and second.unit:
            first.unit = " ".join([*words, second.unit.split()[-1]]) if words else second.unit
            first.kind = second.kind
        return True

    def _about_the_world(self, doc: Doc, e: _Expression) -> bool:
        """"The global market is worth $2.1T", "Brazil, a $2.1T economy": world figures and the
        size of economies are given in US dollars."""
        sent = doc[e.start].sent
        near = doc[max(sent.start, e.start - _ECONOMY_WINDOW) : min(sent.end, e.end + _ECONOMY_WINDOW)]
        return any(t.lower_ in self.world_cues for t in sent) or any(t.lower_ in self.economy_cues for t in near)

    def _link_ranges(self, doc: Doc, expressions: list[_Expression]) -> None:
        """"from A$500,000 to A$1 million", "6 to 12 months", "between 10 and 20 researchers"."""
        for first, second in zip(expressions, expressions[1:]):
            if self._share_coordinated_noun(doc, first, second):
                continue
            if second.start - first.end != 1:
                continue
            joiner = doc[first.end].lower_
            opener = doc[first.start - 1].lower_ if first.start > 0 else ""
            if joiner in self.coordinators and opener not in self.range_openers:
                continue
            if joiner not in self.range_joiners:
                continue
            if first.unit is not None and (first.kind, first.unit) != (second.kind, second.unit):
                continue  # "grew by 12% to 1.5 billion euros"
            if first.unit is None:
                first.unit, first.kind = second.unit, second.kind
                if first.number.scale == 1 and second.number.scale > 1 and first.number.value < 1000:
                    first.value *= second.number.scale  # "between 2 and 3 million"
            if first.qualifier == "exact":
                first.qualifier = "at_least"
            if second.qualifier == "exact":
                second.qualifier = "up_to"


def _converted(doc: Doc, before: _Expression | None, e: _Expression) -> bool:
    """"S$19 billion ($13 billion)": a bare dollar amount in brackets right after an amount in
    another currency is its conversion to US dollars."""
    return (
        before is not None and before.kind == "money" and before.unit != USD
        and e.start - before.end == 1 and doc[before.end].text == "("
    )


def _covered(doc: Doc, group: str) -> set[int]:
    """Token indices covered by the spans of an earlier component's group."""
    if group not in doc.spans:
        return set()
    return {k for span in doc.spans[group] for k in range(span.start, span.end)}
