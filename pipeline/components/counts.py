"""Numbers that quantify something: counts, money, percentages, measures and
durations (SPEC 3.3).

A Matcher finds the number tokens (digits, number words) and a PhraseMatcher
the phrases that can surround them, all listed in data/counts.yaml:
currencies, scale words, percent signs, units, qualifiers ("more than",
"or more") and label cues ("Figure", "Section"). Each number grows into an
expression from those phrases; the counted noun comes from the dependency
parse. Numbers that label or name rather than count are left out: years and
dates, ordinals, section, figure and list numbers, phone numbers, numbers
inside names (G8, COVID-19, Horizon 2020).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token

from pipeline.data_files import load_yaml


@dataclass(frozen=True)
class CountValue:
    value: float
    qualifier: str              # exact, approx, more_than, at_least, less_than, up_to
    unit: str                   # counted noun, singular lower case; currency code; percent; day/month/year
    kind: str                   # count, money, percent, measure, duration


Span.set_extension("count", default=None, force=True)       # on doc.spans["counts"]


@Language.factory("st_counts")
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
):
    return CountExtractor(
        nlp,
        load_yaml(lexicon),
        name_entity_labels,
        date_entity_labels,
        (min_year, max_year),
        max_unit_distance,
        max_table_rows,
    )


# A token that is a number in digits, possibly with a currency or scale glued on ("Rs.500", "5bn").
_DIGITS = re.compile(
    r"(?P<prefix>[^\d\s]{0,4}?)(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<suffix>[A-Za-z]{0,3})"
)
_ARTICLES = frozenset({"a", "an"})
_NOUNS = frozenset({"NOUN", "PROPN"})
# Tokens that may stand between a number and the noun it counts ("24 participating countries").
_MODIFIERS = frozenset({"ADJ", "NOUN", "PROPN", "VERB", "CCONJ", "PUNCT", "SYM", "ADV", "X"})
# Parts of speech left out of a unit: determiners, numbers, possessives.
_NOT_IN_UNIT = frozenset({"DET", "NUM", "PRON", "PART", "SPACE", "ADV"})
_GLUE = frozenset({"-", "/", "&"})
# Glued text around a number that makes it a label or part of a name.
_LABEL_CHUNKS = (
    re.compile(r"^[(\[]\d{1,3}[)\]]\W*$"),          # (1), [2]
    re.compile(r"\d+(?:[-–./]\d+){2,}"),             # 2-3-22, 03-5214-8401, 2.6.1
    re.compile(r"[<>]"),                               # 3<sup>rd</sup>, <sup>1</sup>
    re.compile(r"\d\+\d"),                              # 2+2
    re.compile(r"[A-Za-z][-–]?\d|\d[-–][A-Za-z]{1,2}\b"),  # COVID-19, Horizon-2020, 3-D
)
# A cell of a plain-text table: words parted by single spaces; and a rule line under a header.
_TABLE_CELL = re.compile(r"[^\s|]+(?: [^\s|]+)*|\|")
_TABLE_RULE = re.compile(r"[-=|:+ ]+")
# Separators of a list of labels: "Section 3, 4", "Figure 2-3-22".
_LABEL_SEPARATORS = frozenset({",", "-", "–", "/", "and", "&"})


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    value: object


class _PhraseIndex:
    """The lexicon phrases found in one doc, by the token where they start or end (longest wins)."""

    def __init__(self, doc: Doc, matches, values: dict[str, dict[tuple[str, ...], object]]):
        self._starting: dict[tuple[str, int], _Hit] = {}
        self._ending: dict[tuple[str, int], _Hit] = {}
        for match_id, start, end in matches:
            category = doc.vocab.strings[match_id]
            hit = _Hit(start, end, values[category][tuple(t.lower_ for t in doc[start:end])])
            if (category, start) not in self._starting or self._starting[category, start].end < end:
                self._starting[category, start] = hit
            if (category, end) not in self._ending or self._ending[category, end].start > start:
                self._ending[category, end] = hit

    def starting(self, category: str, i: int) -> _Hit | None:
        return self._starting.get((category, i))

    def ending(self, category: str, i: int) -> _Hit | None:
        return self._ending.get((category, i))


@dataclass
class _Scan:
    """One doc being scanned: its text, the lexicon phrases in it, the tokens earlier components
    made dates and party names, the tokens found to be labels, and where the last count ended."""

    doc: Doc
    text: str
    phrases: _PhraseIndex
    dates: set[int]
    names: set[int]
    labels: set[int] = field(default_factory=set)
    taken: int = 0


@dataclass
class _Number:
    """The number itself: digits or words with their scale words and any currency symbol."""

    start: int
    end: int
    value: Decimal
    scale: Decimal = Decimal(1)
    approximate: bool = False
    currency: str | None = None
    times: bool = False
    year_like: bool = False


@dataclass
class _Expression:
    start: int                  # the text span, qualifiers included
    end: int
    number: _Number
    value: Decimal
    qualifier: str
    unit: str | None
    kind: str | None
    in_date: bool


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
        self.number_words = {w: Decimal(v) for w, v in data["number_words"].items()}
        self.scales = {w: Decimal(v) for w, v in data["scales"].items()}
        self.approximate_scales = {w: Decimal(v) for w, v in data["approximate_scales"].items()}
        self.money_scales = {w: Decimal(v) for w, v in data["money_scales"].items()}
        self.times = {w: Decimal(v) for w, v in data["times"].items()}
        self.times_unit = data["times_unit"]
        self.fractions = frozenset(data["fractions"])
        self.range_joiners = frozenset(data["range_joiners"])
        self.range_openers = frozenset(data["range_openers"])
        self.line_markers = frozenset(data["line_markers"])
        self.quantity_nouns = frozenset(data["quantity_nouns"])
        self.unit_aliases = data["unit_aliases"]
        self.name_entity_labels = frozenset(name_entity_labels)
        self.date_entity_labels = frozenset(date_entity_labels)
        self.min_year, self.max_year = year_range
        self.max_unit_distance = max_unit_distance
        self.max_table_rows = max_table_rows

        phrases: dict[str, dict[str, object]] = {
            "qualifier_before": _invert(data["qualifiers_before"]),
            "qualifier_after": _invert(data["qualifiers_after"]),
            "currency_before": _invert({code: forms["before"] for code, forms in data["currencies"].items()}),
            "currency_after": _invert({code: forms["after"] for code, forms in data["currencies"].items()}),
            "percent": dict.fromkeys(data["percent"], "percent"),
            "duration": _invert(data["durations"]),
            "measure": _invert(data["measures"]),
            "label_cue": dict.fromkeys(data["label_cues"], True),
        }
        # A currency symbol glued to the digits ("Rs.500", "US$20") is one token.
        self.glued_currency = {p.replace(" ", "").lower(): code for p, code in phrases["currency_before"].items()}
        self.phrase_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.phrase_values: dict[str, dict[tuple[str, ...], object]] = {}
        for category, table in phrases.items():
            docs = {phrase: nlp.make_doc(str(phrase)) for phrase in table}
            self.phrase_values[category] = {tuple(t.lower_ for t in d): table[p] for p, d in docs.items()}
            self.phrase_matcher.add(category, list(docs.values()))

        self.number_matcher = Matcher(nlp.vocab)
        words = [*self.number_words, *self.times]
        self.number_matcher.add(
            "NUMBER",
            [
                [{"TEXT": {"REGEX": r"\d"}}],
                [{"LOWER": {"IN": words}}],
                [{"LOWER": {"IN": sorted(_ARTICLES)}}, {"LOWER": {"IN": [*self.scales, *self.approximate_scales]}}],
            ],
        )
        self._noun_lemmas = _noun_lemmatizer(nlp)

    def __call__(self, doc: Doc) -> Doc:
        scan = _Scan(
            doc,
            doc.text,
            _PhraseIndex(doc, self.phrase_matcher(doc), self.phrase_values),
            _covered(doc, "dates"),
            _covered(doc, "parties"),
        )
        expressions: list[_Expression] = []
        for start in sorted({start for _, start, _ in self.number_matcher(doc)}):
            if start < scan.taken:
                continue
            expression = self._expression(scan, start)
            if expression is not None:
                expressions.append(expression)
                scan.taken = expression.end
        self._link_ranges(doc, expressions)
        spans = []
        for e in expressions:
            if (e.in_date and e.kind != "duration") or e.kind is None:
                continue
            span = Span(doc, e.start, e.end, label=e.kind)
            span._.count = CountValue(float(e.value), e.qualifier, e.unit or "", e.kind)
            spans.append(span)
        doc.spans["counts"] = spans
        return doc

    # --- the number itself -------------------------------------------------

    def _read_number(self, doc: Doc, i: int) -> _Number | None:
        token = doc[i]
        lower = token.lower_
        if lower in self.times:
            return _Number(i, i + 1, self.times[lower], times=True)
        if lower in _ARTICLES:  # "a dozen", "a million"
            number = _Number(i, i + 1, Decimal(1))
        elif lower in self.number_words:
            value, end = self._read_words(doc, i)
            number = _Number(i, end, value)
        else:
            number = self._read_digits(token)
            if number is None:
                return None
        while number.end < len(doc):
            word = doc[number.end].lower_
            if word in self.scales:
                number.scale *= self.scales[word]
            elif word in self.approximate_scales:
                number.scale *= self.approximate_scales[word]
                number.approximate = True
            else:
                break
            number.end += 1
            number.year_like = False
        if lower in _ARTICLES and number.end == i + 1:
            return None
        return number

    def _read_digits(self, token: Token) -> _Number | None:
        match = _DIGITS.fullmatch(token.text)
        if match is None:
            return None
        digits, prefix, suffix = match["number"], match["prefix"].lower(), match["suffix"].lower()
        if len(digits) > 1 and digits[0] == "0" and digits[1] != ".":
            return None  # codes and phone numbers: 03, 007
        currency = None
        if prefix:
            currency = self.glued_currency.get(prefix)
            if currency is None:
                return None  # G8, A3, FY2018
        scale = Decimal(1)
        if suffix:
            if suffix not in self.money_scales:
                return None  # 9th, 1960s, 3D
            scale = self.money_scales[suffix]
        number = _Number(token.i, token.i + 1, Decimal(digits.replace(",", "")), scale=scale, currency=currency)
        number.year_like = (
            not prefix and not suffix and len(digits) == 4 and digits.isdigit()
            and self.min_year <= int(digits) <= self.max_year
        )
        return number

    def _read_words(self, doc: Doc, i: int) -> tuple[Decimal, int]:
        """A number in words: "Eighteen", "twenty-five", "one hundred and twenty"."""
        value, end = self._read_tens(doc, i)
        if end < len(doc) and doc[end].lower_ == "hundred":
            value, end = value * 100, end + 1
            rest = end + 1 if end + 1 < len(doc) and doc[end].lower_ == "and" else end
            if rest < len(doc) and doc[rest].lower_ in self.number_words:
                tens, end = self._read_tens(doc, rest)
                value += tens
        return value, end

    def _read_tens(self, doc: Doc, i: int) -> tuple[Decimal, int]:
        value, end = self.number_words[doc[i].lower_], i + 1
        if value >= 20 and value % 10 == 0 and end < len(doc):
            units = end + 1 if doc[end].text == "-" and _glued(doc, end) else end
            if units < len(doc) and 0 < self.number_words.get(doc[units].lower_, 0) < 10:
                value, end = value + self.number_words[doc[units].lower_], units + 1
        return value, end

    # --- the expression around it ------------------------------------------

    def _expression(self, scan: _Scan, i: int) -> _Expression | None:
        """The count expression around the number at token i, unless it is no count."""
        doc, phrases, taken = scan.doc, scan.phrases, scan.taken
        number = self._read_number(doc, i)
        if number is None or self._followed_by_fraction(doc, number):
            return None
        start, end = number.start, number.end
        if number.currency is None and (hit := phrases.ending("currency_before", start)) and hit.start >= taken:
            number.currency, start = hit.value, hit.start
        if number.currency and end < len(doc) and doc[end].lower_.rstrip(".") in self.money_scales:
            number.scale *= self.money_scales[doc[end].lower_.rstrip(".")]  # "$3.5m"
            end += 1
        unit, kind = number.currency, "money" if number.currency else None
        if hit := phrases.starting("currency_after", end):
            unit, kind, end = hit.value, "money", hit.end
        elif hit := phrases.starting("percent", end):
            unit, kind, end = "percent", "percent", hit.end
        if self._is_label(scan, start, end) or self._in_name(doc, number, scan.names):
            return None

        qualifier, text_start, text_end = "approx" if number.approximate else "exact", start, end
        hit = phrases.ending("qualifier_before", start)
        if hit is None and start > 0 and doc[start - 1].lower_ in _ARTICLES:
            hit = phrases.ending("qualifier_before", start - 1)  # "at least a 50% reduction"
        if hit is not None and hit.start >= taken:
            qualifier, text_start = hit.value, hit.start
        if hit := phrases.starting("qualifier_after", end):
            qualifier, text_end = hit.value, hit.end

        if number.times:
            if text_end < len(doc) and doc[text_end].lower_ == "as":
                return None  # "twice as many" compares, it does not count
            unit, kind = self.times_unit, "count"
        if kind is None:
            unit, kind = self._unit_after(doc, text_end, phrases)
        if kind is None:
            hyphen = text_end < len(doc) and doc[text_end].text == "-" and _glued(doc, text_end)
            unit = self._counted_noun(scan, number, text_end + 1 if hyphen else text_end)  # "10-member": member
            # "more than 73 thousand" is a count even when the counted noun is not found
            kind = "count" if unit is not None or qualifier != "exact" or number.scale > 1 else None
        if number.year_like and kind in (None, "count") and not self._counts_plural(doc, number):
            return None  # "in 2015", "the 2023 joint call"

        in_date = any(
            k in scan.dates or doc[k].ent_type_ in self.date_entity_labels for k in range(number.start, number.end)
        )
        return _Expression(text_start, text_end, number, number.value * number.scale, qualifier, unit, kind, in_date)

    def _unit_after(self, doc: Doc, k: int, phrases: _PhraseIndex) -> tuple[str | None, str | None]:
        """A unit of time or measure right after the number ("389 days", "7000m", "five-year")."""
        if k < len(doc) and doc[k].text == "-" and _glued(doc, k):
            k += 1
        if hit := phrases.starting("duration", k):
            return hit.value, "duration"
        if hit := phrases.starting("measure", k):
            return hit.value, "measure"
        return None, None

    def _counts_plural(self, doc: Doc, number: _Number) -> bool:
        noun = self._noun_of(doc, number, number.end)
        return noun is not None and noun.i == number.end and noun.tag_ in ("NNS", "NNPS")

    # --- what is counted -----------------------------------------------------

    def _counted_noun(self, scan: _Scan, number: _Number, after: int) -> str | None:
        """The counted noun as a unit: "joint project", "country and region", "person"."""
        doc = scan.doc
        noun = self._noun_of(doc, number, after)
        if noun is not None:
            return self._noun_phrase_unit(doc, after, noun)
        token = self._number_head(doc, number)
        if number.value > 1 and (of_noun := _of_object(token)) is not None:
            return self._unit_words(doc, of_noun.left_edge.i, of_noun)  # "two of the projects"
        if (subject := self._quantity_subject(token)) is not None:
            return self._unit_words(doc, subject.left_edge.i, subject)
        return self._line_heading(scan, number)

    def _line_heading(self, scan: _Scan, number: _Number) -> str | None:
        """The noun a number is listed under: "Joint projects funded: 212", or its table column's header."""
        doc = scan.doc
        line_start = number.start
        while line_start > 0 and "\n" not in doc[line_start - 1].text:
            line_start -= 1
        line_end = number.end
        while line_end < len(doc) and "\n" not in doc[line_end].text:
            line_end += 1
        colon = next((t for t in reversed(doc[line_start : number.start]) if t.is_punct and ":" in t.text), None)
        if colon is not None and all(t.is_punct for t in doc[number.end : line_end]):
            label_start = max(line_start, colon.sent.start)
            first_word = next((t for t in doc[label_start : colon.i] if t.is_alpha), None)
            noun = self._noun_after(doc, first_word.i) if first_word is not None else None
            if noun is not None and noun.lemma_.lower() in self.quantity_nouns:
                noun = _of_object(noun)  # "Number of projects: 6"
                first_word = noun.left_edge if noun is not None else None
            if noun is not None:
                return self._noun_phrase_unit(doc, first_word.i, noun)
        header = _column_header(scan.text, doc[number.start].idx, self.max_table_rows)
        if header is None:
            return None
        words = header.lower().split()
        return " ".join([*words[:-1], self.unit_aliases.get(words[-1], self._noun_lemmas(words[-1]))])

    def _noun_of(self, doc: Doc, number: _Number, after: int) -> Token | None:
        """The noun the number modifies in the parse, else the noun phrase right after it."""
        head = self._number_head(doc, number).head
        if (
            head.pos_ in _NOUNS
            and after <= head.i <= after + self.max_unit_distance
            and all(doc[k].pos_ in _MODIFIERS and not doc[k].like_num for k in range(after, head.i))
        ):
            return head
        return self._noun_after(doc, after)

    def _number_head(self, doc: Doc, number: _Number) -> Token:
        """The token of the number that attaches it to the sentence ("thousand" in "73 thousand")."""
        token = doc[number.end - 1]
        while number.start <= token.head.i < number.end and token.head.i != token.i:
            token = token.head
        return token

    def _noun_after(self, doc: Doc, k: int) -> Token | None:
        """The head of the noun phrase starting at k: "joint research projects", "India-Japan Joint Laboratories"."""
        noun = None
        for token in doc[k : k + self.max_unit_distance + 1]:
            if token.like_num or token.pos_ == "SYM" and token.text not in _GLUE:
                break
            if token.pos_ in _NOUNS:
                noun = token
            elif token.text in _GLUE and _glued(doc, token.i):
                continue
            elif noun is not None or not (token.pos_ == "ADJ" or token.tag_ in ("VBG", "VBN")):
                break
        return noun

    def _conjunct(self, doc: Doc, noun: Token) -> Token | None:
        """A noun coordinated with the counted one and counted with it ("53 countries and institutions")."""
        if noun.i + 2 >= len(doc) or doc[noun.i + 1].lower_ not in ("and", "or"):
            return None
        other = self._noun_after(doc, noun.i + 2)
        if other is None or other.head != noun or other.dep_ != "conj" or other.lemma_.lower() in self.scales:
            return None  # not "experts and hundreds (of students)"
        return other

    def _quantity_subject(self, token: Token) -> Token | None:
        """"The number of participating researchers stood at 73 thousand": the researchers."""
        verb = token.head
        while verb.pos_ == "ADP" and verb.head.i != verb.i:
            verb = verb.head
        for subject in verb.children:
            if subject.dep_ in ("nsubj", "nsubjpass") and subject.lemma_.lower() in self.quantity_nouns:
                return _of_object(subject)
        return None

    def _noun_phrase_unit(self, doc: Doc, start: int, noun: Token) -> str:
        """The unit of a noun phrase, with a coordinated noun counted together with it."""
        unit = self._unit_words(doc, start, noun)
        conjunct = self._conjunct(doc, noun)
        if conjunct is not None:
            unit += f" {doc[noun.i + 1].lower_} {self._unit_words(doc, noun.i + 2, conjunct)}"
        return unit

    def _unit_words(self, doc: Doc, start: int, noun: Token) -> str:
        """The noun with its modifiers, singular and lower case, without determiners or numbers."""
        text = ""
        for token in doc[start : noun.i + 1]:
            if token.pos_ in _NOT_IN_UNIT or token.like_num:
                continue
            if token.is_punct or token.pos_ == "SYM":
                if token.text in _GLUE and _glued(doc, token.i):
                    text = text.rstrip() + token.text
                continue
            plural_before_glue = token.i + 1 < len(doc) and doc[token.i + 1].text == "/"
            word = self._singular(token) if token == noun or plural_before_glue else token.lower_
            text += word + (token.whitespace_ or " ")  # a skipped clitic ("Centre's") leaves no space
        words = text.split()
        if words:
            words[-1] = self.unit_aliases.get(words[-1], words[-1])
        return " ".join(words)

    def _singular(self, token: Token) -> str:
        if token.tag_ == "NNPS" or (token.pos_ == "PROPN" and token.lower_.endswith("s")):
            return self._noun_lemmas(token.lower_)
        return token.lemma_.lower() if token.tag_ in ("NNS", "NNPS") else token.lower_

    # --- what is not a count ----------------------------------------------

    def _is_label(self, scan: _Scan, start: int, end: int) -> bool:
        """Section, figure, list and footnote numbers, codes and phone numbers."""
        doc, phrases, labels = scan.doc, scan.phrases, scan.labels
        before = doc[start - 1] if start > 0 else None
        after = doc[end] if end < len(doc) else None
        chunk = _chunk(scan.text, doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))
        is_label = (
            # "Figure 2", "Section 2.6", "No. 5", "Tel: 03 ..."
            phrases.ending("label_cue", start) is not None
            or (before is not None and before.text in (":", ".") and phrases.ending("label_cue", start - 1) is not None)
            # the numbers listed after a label: "Section 3, 4", "Sections 2 and 3"
            or (before is not None and before.lower_ in _LABEL_SEPARATORS and start - 2 in labels)
            # "(1)", "[2]", "2-3-22", "03-5214-8401", "3<sup>rd</sup>", "COVID-19", "Horizon-2020"
            or any(pattern.search(chunk) for pattern in _LABEL_CHUNKS)
            # list and heading numbers: "1)", "2." at the start of a line, "## 3"
            or self._starts_line(doc, start, after)
            # the end of a span of years: "2022-23", "2012/13"
            or (
                start > 1
                and doc[start - 1].text in ("-", "–", "/")
                and _glued(doc, start - 1)
                and (first := self._read_digits(doc[start - 2])) is not None
                and first.year_like
            )
            # digits glued to letters that are no unit: "5G", "4K"
            or (
                after is not None
                and after.is_alpha
                and _glued(doc, end - 1, after=True)
                and not self._unit_starts(phrases, after)
            )
            # phone numbers and table cells: "5214 8401"
            or (after is not None and after.text[:1].isdigit() and self._read_digits(after) is not None)
            or (before is not None and before.text[:1].isdigit() and self._read_digits(before) is not None)
        )
        if is_label:
            labels.update(range(start, end))
        return is_label

    def _unit_starts(self, phrases: _PhraseIndex, token: Token) -> bool:
        """A unit, scale or currency name begins at the token ("7000m", "5bn")."""
        return token.lower_ in self.money_scales or any(
            phrases.starting(category, token.i) for category in ("measure", "duration", "percent", "currency_after")
        )

    def _starts_line(self, doc: Doc, start: int, after: Token | None) -> bool:
        """A number opening a line as a list or heading marker: "1)", "2.", "## 3"."""
        k = start - 1
        while k >= 0 and doc[k].text in self.line_markers:
            k -= 1
        at_line_start = k < 0 or "\n" in doc[k].text
        marked = k < start - 1
        numbered = after is not None and after.text in (")", ".") and not doc[start].whitespace_
        return at_line_start and (marked or numbered)

    def _in_name(self, doc: Doc, number: _Number, names: set[int]) -> bool:
        """Part of a party or named entity ("Group of Eight", "VISION 2020"), or digits right after a
        proper noun, which English writes only in names and labels ("Society 5.0", "Horizon 2020")."""
        first = doc[number.start]
        if number.start in names:
            return True
        if number.currency is None and first.ent_type_ in self.name_entity_labels and first.ent_iob_ == "I":
            entity_start = number.start
            while doc[entity_start].ent_iob_ == "I":
                entity_start -= 1
            if any(t.pos_ not in ("DET", "PUNCT") for t in doc[entity_start : number.start]):
                return True
        if number.start > 0 and number.currency is None and first.text[:1].isdigit():
            before = doc[number.start - 1]
            return before.pos_ == "PROPN" and before.text[:1].isupper()
        return False

    def _followed_by_fraction(self, doc: Doc, number: _Number) -> bool:
        """"one third", "two-thirds": a fraction, not a count."""
        k = number.end + 1 if number.end < len(doc) and doc[number.end].text == "-" else number.end
        return k < len(doc) and doc[k].lower_ in self.fractions

    # --- ranges -------------------------------------------------------------

    def _link_ranges(self, doc: Doc, expressions: list[_Expression]) -> None:
        """"from A$500,000 to A$1 million", "6 to 12 months", "between 10 and 20 researchers"."""
        for first, second in zip(expressions, expressions[1:]):
            if second.start - first.end != 1:
                continue
            joiner = doc[first.end].lower_
            opener = doc[first.start - 1].lower_ if first.start > 0 else ""
            if joiner not in self.range_joiners or (joiner == "and" and opener not in self.range_openers):
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


def _invert(table: dict[str, list[str]]) -> dict[str, str]:
    """{value: [phrases]} as {phrase: value}."""
    return {str(phrase): value for value, phrases in table.items() for phrase in phrases}


def _glued(doc: Doc, k: int, after: bool = False) -> bool:
    """Token k touches its neighbours (no space before it and, unless `after`, none after it)."""
    if k < 0 or k >= len(doc):
        return False
    if after:
        return not doc[k].whitespace_
    return k > 0 and not doc[k - 1].whitespace_ and not doc[k].whitespace_


def _column_header(text: str, offset: int, max_rows: int) -> str | None:
    """The header of the column of a plain-text table (cells parted by tabs, pipes or runs of spaces)
    that holds the number at `offset`, when it is alone in its cell."""
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    line_end = len(text) if line_end < 0 else line_end
    cells = [(m.start(), m.group()) for m in _TABLE_CELL.finditer(text, line_start, line_end)]
    column = next((i for i, (start, cell) in enumerate(cells) if start <= offset < start + len(cell)), None)
    if len(cells) < 2 or column is None or not cells[column][1][:1].isdigit():
        return None
    end = line_start - 1
    for _ in range(max_rows):
        if end <= 0:
            return None
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].strip()
        end = start - 1
        if not line:
            return None  # a blank line ends the table
        if _TABLE_RULE.fullmatch(line):
            continue  # "----|----" under the header
        header = _TABLE_CELL.findall(line)
        if len(header) != len(cells):
            return None
        if not any(ch.isdigit() for ch in line):
            return header[column] if header[column] != "|" else None
    return None


def _chunk(text: str, left: int, right: int) -> str:
    """text[left:right] widened to the nearest white space on either side."""
    while left > 0 and not text[left - 1].isspace():
        left -= 1
    while right < len(text) and not text[right].isspace():
        right += 1
    return text[left:right]


def _covered(doc: Doc, group: str) -> set[int]:
    """Token indices covered by the spans of an earlier component's group."""
    if group not in doc.spans:
        return set()
    return {k for span in doc.spans[group] for k in range(span.start, span.end)}


def _of_object(token: Token) -> Token | None:
    """X in "<token> of X"."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.pos_ in _NOUNS:
                    return obj
    return None


def _noun_lemmatizer(nlp: Language):
    """Singular of a plural noun by the model's own lemma tables (spaCy leaves proper nouns as they are)."""
    if "lemmatizer" not in nlp.pipe_names:
        return lambda word: word
    lookups = nlp.get_pipe("lemmatizer").lookups
    index = set(lookups.get_table("lemma_index", {}).get("noun", []))
    exceptions = lookups.get_table("lemma_exc", {}).get("noun", {})
    rules = lookups.get_table("lemma_rules", {}).get("noun", [])

    def singular(word: str) -> str:
        if word in exceptions:
            return exceptions[word][0]
        for old, new in rules:
            if word.endswith(old) and (form := word[: len(word) - len(old)] + new) in index:
                return form
        return word

    return singular
