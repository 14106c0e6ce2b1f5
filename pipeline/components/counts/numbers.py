"""Reading numbers written in digits ("1,200", "Rs.500", "5bn") or words ("twenty-five",
"one hundred and twenty", "a dozen"), with the scale words after them ("3 million").

Needs tokens only (text, lower case, white space): no model, so it can be tested on a
tokenizer's Doc.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from spacy.attrs import LOWER, ORTH
from spacy.tokens import Doc, Token

# A token that is a number in digits, possibly with a currency or scale glued on ("Rs.500", "5bn").
_DIGITS = re.compile(
    r"(?P<prefix>[^\d\s]{0,4}?)(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<suffix>[A-Za-z]{0,3}|[A-Za-z]{4,8})"  # "2,50,000": lakhs grouped the Indian way
    r"(?P<hyphen>-?)"  # "8- to 16-metre": the first number of a range of compound adjectives
    r"(?:(?<=[A-Za-z])\.)?"  # a sentence's full stop the tokenizer left on a scale letter ("$2.1T.")
)
# Digits grouped by spaces ("10 000", "1 250 000"): a token of exactly three digits continues a number.
_THREE_DIGITS = re.compile(r"\d{3}")
# A fraction written in digits after a whole number ("2 1/2").
_DIGIT_FRACTION = re.compile(r"(?P<num>[1-9])/(?P<den>[2-9]|1[0-2])")
ARTICLES = frozenset({"a", "an"})
# Thousands grouped by full stops ("210.000", "8.400") and a decimal comma ("2,1").
_DOT_GROUPS = re.compile(r"\d{1,3}(?:\.\d{3})+")
_DECIMAL_COMMA = re.compile(r"(?P<prefix>[^\d\s]{0,4}?)(?P<number>\d{1,3},\d{1,2})")
_ZERO_PADDED = re.compile(r"0[1-9]")
# Marks glued before digits that make the number approximate: "~15".
_APPROXIMATE_MARKS = frozenset({"~", "≈", "c."})
# A minus sign glued before digits after a space: a negative measure ("-80 °C").
_MINUS_SIGNS = frozenset({"-", "−"})


def glued(doc: Doc, k: int, after: bool = False) -> bool:
    """Token k touches its neighbours (no space before it and, unless `after`, none after it)."""
    if k < 0 or k >= len(doc):
        return False
    if after:
        return not doc[k].whitespace_
    return k > 0 and not doc[k - 1].whitespace_ and not doc[k].whitespace_


@dataclass
class Number:
    """The number itself: digits or words with their scale words and any currency symbol."""

    start: int
    end: int
    value: Decimal
    scale: Decimal = Decimal(1)
    approximate: bool = False
    currency: str | None = None
    times: bool = False
    year_like: bool = False


def _decimals(table: dict) -> dict[str, Decimal]:
    return {word: Decimal(value) for word, value in table.items()}


class NumberReader:
    def __init__(
        self,
        number_words: dict[str, Decimal],
        scales: dict[str, Decimal],
        approximate_scales: dict[str, Decimal],
        money_scales: dict[str, Decimal],
        times: dict[str, Decimal],
        fractions: frozenset[str],
        added_fractions: dict[str, Decimal],
        glued_currency: dict[str, str],
        year_range: tuple[int, int],
        ordinal_words: frozenset[str] = frozenset(),
        glued_scaled: dict[str, tuple[str, Decimal]] | None = None,
    ):
        self.number_words = number_words
        self.scales = scales                            # "million", "thousand"
        self.approximate_scales = approximate_scales    # "dozens", "hundreds"
        self.money_scales = money_scales                # "bn", "m", "crore"
        self.times = times                              # "twice", "thrice"
        self.fractions = fractions
        self.added_fractions = added_fractions          # "half" in "two and a half", "½"
        self.glued_currency = glued_currency            # "rs.", "us$" -> currency code
        self.min_year, self.max_year = year_range
        self.ordinal_words = ordinal_words              # "first" in "twenty-first"
        self.glued_scaled = glued_scaled or {}          # "meur", "k€" -> (currency code, scale)

    @classmethod
    def from_lexicon(
        cls, data: dict, glued_currency: dict[str, str], year_range: tuple[int, int],
        glued_scaled: dict[str, tuple[str, Decimal]] | None = None,
    ) -> NumberReader:
        """From the tables of data/counts.yaml."""
        return cls(
            _decimals(data["number_words"]),
            _decimals(data["scales"]),
            _decimals(data["approximate_scales"]),
            _decimals(data["money_scales"]),
            _decimals(data["times"]),
            frozenset(data["fractions"]),
            _decimals(data["added_fractions"]),
            glued_currency,
            year_range,
            frozenset(data.get("ordinal_words", ())),
            glued_scaled,
        )

    @property
    def words(self) -> list[str]:
        """Words that start a number."""
        return [*self.number_words, *self.times]

    def read(self, doc: Doc, i: int) -> Number | None:
        """The number starting at token i, with its scale words; None if there is none."""
        token = doc[i]
        lower = token.lower_
        if lower in self.times:
            return Number(i, i + 1, self.times[lower], times=True)
        if lower.endswith("fold") and lower[:-4].rstrip("-") in self.number_words:
            return Number(i, i + 1, self.number_words[lower[:-4].rstrip("-")], times=True)  # "fourfold"
        if lower in ARTICLES:  # "a dozen", "a million"
            number = Number(i, i + 1, Decimal(1))
        elif lower == "half" and i + 2 < len(doc) and doc[i + 1].lower_ in ARTICLES and (
            doc[i + 2].lower_ in self.scales or doc[i + 2].lower_ in self.approximate_scales
        ):
            number = Number(i, i + 2, Decimal("0.5"))  # "half a million", "half a dozen"
        elif lower in self.number_words:
            value, end = self._read_words(doc, i)
            number = Number(i, end, value)
        else:
            number = self.read_digits(token)
            if number is None:
                number = self._read_decimal_comma(doc, i)
            if number is None and _DOT_GROUPS.fullmatch(token.text) and token.text.count(".") > 1:
                number = Number(i, i + 1, Decimal(token.text.replace(".", "")))  # "1.000.000 €": no decimal
            if number is None and _ZERO_PADDED.fullmatch(token.text) and 0 < i < len(doc) - 1:
                if doc[i - 1].text == "(" and doc[i + 1].text == ")":
                    number = Number(i, i + 1, Decimal(token.text))  # "(03)": a count written in two digits
            if number is None:
                return None
        self._read_fraction(doc, number)
        while number.end < len(doc):
            word = doc[number.end].lower_
            if word == "-" and glued(doc, number.end) and number.end + 1 < len(doc) and doc[number.end + 1].lower_ in self.scales:
                number.end += 1  # "$2.5-million"
                continue
            if word in self.scales:
                number.scale *= self.scales[word]
            elif word in self.approximate_scales:
                number.scale *= self.approximate_scales[word]
                number.approximate = True
            else:
                break
            number.end += 1
            number.year_like = False
            if word == "hundred" and self._hundred_and(doc, number):
                break
        if (lower in ARTICLES and number.end == i + 1) or (lower == "half" and number.end == i + 2):
            return None
        if lower in self.number_words:
            self._read_word_tail(doc, number)
        k = number.end
        if k + 1 < len(doc) and doc[k].text == "-" and doc[k + 1].lower_ == "fold" and glued(doc, k):
            number.end, number.times, number.year_like = k + 2, True, False  # "10-fold"
        elif (
            k + 2 < len(doc) and doc[k].text == "(" and doc[k + 2].text == ")"
            and doc[k + 1].is_digit and Decimal(doc[k + 1].text) == number.value
        ):
            number.end = k + 3  # "five (05) years": the figure restated in brackets
        return number

    def read_grouped_by_dots(self, doc: Doc, number: Number) -> None:
        """An amount of money whose thousands are grouped by full stops, as much of Europe and Latin
        America writes them: "EUR 210.000", "COP 8.400 millones" (never three decimals of money)."""
        token = doc[number.start]
        if number.end - number.start == 1 or doc[number.start + 1].lower_ in self.scales:
            if _DOT_GROUPS.fullmatch(token.text):
                number.value = Decimal(token.text.replace(".", ""))

    def _read_word_tail(self, doc: Doc, number: Number) -> None:
        """"one thousand two hundred", "two million three hundred thousand": words after a scale of
        a thousand or more add a smaller number to it (one number, not two)."""
        while number.scale >= 1000 and number.end < len(doc) and doc[number.end].lower_ in self.number_words:
            tail, end = self._read_words(doc, number.end)
            tail_scale = Decimal(1)
            if end < len(doc) and doc[end].lower_ in self.scales:
                tail_scale, end = self.scales[doc[end].lower_], end + 1
            if tail * tail_scale >= number.scale or (end < len(doc) and doc[end].text == "-"):
                return  # "ten thousand three-day visits" is no 10,003
                return
            number.value, number.scale, number.end = number.value * number.scale + tail * tail_scale, Decimal(1), end

    def _hundred_and(self, doc: Doc, number: Number) -> bool:
        """"a hundred and two": the tens after "hundred and" join the number (102, not 100)."""
        k = number.end
        if k + 1 < len(doc) and doc[k].lower_ == "and" and self.number_words.get(doc[k + 1].lower_, 100) < 100:
            tens, end = self._read_tens(doc, k + 1)
            number.value, number.scale, number.end = number.value * number.scale + tens, Decimal(1), end
            return True
        return False

    def _read_fraction(self, doc: Doc, number: Number) -> None:
        """A fraction added to a whole number: "two and a half", "2 1/2", "2½"."""
        k = number.end
        if k + 2 < len(doc) and doc[k].lower_ == "and" and doc[k + 1].lower_ in ARTICLES:
            if (fraction := self.added_fractions.get(doc[k + 2].lower_)) is not None:
                number.value, number.end, number.year_like = number.value + fraction, k + 3, False
        elif k < len(doc) and number.value == number.value.to_integral_value():
            if (fraction := self.added_fractions.get(doc[k].text)) is not None and not doc[k - 1].whitespace_:
                number.value, number.end = number.value + fraction, k + 1  # "2½"
            elif (match := _DIGIT_FRACTION.fullmatch(doc[k].text)) and int(match["num"]) < int(match["den"]):
                number.value += Decimal(match["num"]) / Decimal(match["den"])
                number.end, number.year_like = k + 1, False

    def _read_decimal_comma(self, doc: Doc, i: int) -> Number | None:
        """"S/ 2,1 millones", "R1,3 million", "EUR 2,5 Mio.": a decimal comma, read only before a
        scale word, with a currency glued on or none."""
        match = _DECIMAL_COMMA.fullmatch(doc[i].text)
        if match is None or i + 1 >= len(doc):
            return None
        scale = doc[i + 1].lower_.rstrip(".")
        if scale not in self.scales and not (len(scale) > 1 and scale in self.money_scales):
            return None  # "EUR 2,5 Mio." reads; "2,5 m" may be metres
        currency = self.glued_currency.get(match["prefix"].lower()) if match["prefix"] else None
        if match["prefix"] and currency is None:
            return None
        return Number(i, i + 1, Decimal(match["number"].replace(",", ".")), currency=currency)

    def read_digits(self, token: Token) -> Number | None:
        """A number in digits in one token, with a currency or money scale glued on."""
        match = _DIGITS.fullmatch(token.text)
        if match is None:
            return None
        digits, prefix, suffix = match["number"], match["prefix"].lower(), match["suffix"].lower()
        if len(digits) > 1 and digits[0] == "0" and digits[1] != ".":
            return None  # codes and phone numbers: 03, 007
        currency, approximate, scale = None, False, Decimal(1)
        if prefix in _APPROXIMATE_MARKS:
            prefix, approximate = "", True  # "~15"
        elif prefix in _MINUS_SIGNS and (token.i == 0 or token.doc[token.i - 1].whitespace_):
            digits, prefix = "-" + digits, ""  # "-80 °C": kept only as a measure (st_counts)
        elif prefix in self.glued_scaled:
            currency, scale = self.glued_scaled[prefix]  # "k€400", "MEUR3.5"
        elif prefix:
            currency = self.glued_currency.get(prefix) or (
                self.glued_currency.get(prefix[:-1]) if prefix.endswith("$") else None
            )
            if currency is None:
                return None  # G8, A3, FY2018
        if suffix and scale == 1:
            # "5bn", "€12million": a scale word may be glued on too
            scale = self.money_scales.get(suffix) or self.scales.get(suffix)
            if scale is None:
                return None  # 9th, 1960s, 3D
        number = Number(
            token.i, token.i + 1, Decimal(digits.replace(",", "")), scale=scale, approximate=approximate, currency=currency
        )
        number.year_like = (
            not prefix and not suffix and len(digits) == 4 and digits.isdigit()
            and self.min_year <= int(digits) <= self.max_year
        )
        if (not prefix or currency) and not suffix and not match["hyphen"] and len(digits) <= 3 and digits.isdigit():
            self._read_digit_groups(token.doc, number)  # "10 000", "R750 000"
        return number

    def _read_digit_groups(self, doc: Doc, number: Number) -> None:
        """Thousands grouped by a space: "10 000", "1 250 000" (one space, three digits a group)."""
        k = number.end
        while (
            k < len(doc) and doc[k - 1].whitespace_ == " " and _THREE_DIGITS.fullmatch(doc[k].text)
            and not (k + 1 < len(doc) and doc[k].whitespace_ and doc[k + 1].text[:1].isdigit()
                     and not _THREE_DIGITS.fullmatch(doc[k + 1].text))
        ):
            number.value, k = number.value * 1000 + Decimal(doc[k].text), k + 1
        number.end = k

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
            units = end + 1 if doc[end].text == "-" and glued(doc, end) else end
            if units < len(doc) and 0 < self.number_words.get(doc[units].lower_, 0) < 10:
                value, end = value + self.number_words[doc[units].lower_], units + 1
        return value, end

    def followed_by_fraction(self, doc: Doc, number: Number) -> bool:
        """"one third", "two-thirds": a fraction, not a count; nor "twenty-first", an ordinal."""
        hyphen = number.end < len(doc) and doc[number.end].text == "-"
        k = number.end + 1 if hyphen else number.end
        if hyphen and k < len(doc) and doc[k].lower_ in self.ordinal_words and glued(doc, number.end):
            return True
        return k < len(doc) and doc[k].lower_ in self.fractions


# What a token's text makes it for NumberStarts (bits).
_STARTS, _ARTICLE, _SCALE, _HALF = 1, 2, 4, 8
_ANY_DIGIT = re.compile(r"\d")


class NumberStarts:
    """The tokens a number may start at, in order: any token with a digit, a number word,
    "fourfold", "a" before a scale word ("a million", "a dozen"), "half a" before one.

    Each distinct token text is judged once and remembered by its hash: a Matcher with
    regular-expression patterns called back into Python on every token of every document."""

    _MEMO_SIZE = 1 << 16

    def __init__(self, numbers: NumberReader):
        self.words = frozenset(numbers.words)
        self.scales = frozenset([*numbers.scales, *numbers.approximate_scales])
        self.fold = re.compile(r"^(?:%s)-?fold$" % "|".join(numbers.number_words))  # "fourfold", "ten-fold"
        self._kinds: dict[int, int] = {}

    def __call__(self, doc: Doc) -> list[int]:
        if not len(doc):
            return []
        kinds = [self._kind(orth, lower, doc) for orth, lower in doc.to_array([ORTH, LOWER]).tolist()]
        last = len(kinds) - 1
        return [
            i for i, kind in enumerate(kinds)
            if kind & _STARTS
            or (kind & _ARTICLE and i < last and kinds[i + 1] & _SCALE)
            or (kind & _HALF and i + 1 < last and kinds[i + 1] & _ARTICLE and kinds[i + 2] & _SCALE)
        ]

    def _kind(self, orth: int, lower_id: int, doc: Doc) -> int:
        kind = self._kinds.get(orth)
        if kind is None:
            text, lower = doc.vocab.strings[orth], doc.vocab.strings[lower_id]
            kind = (
                (_STARTS if _ANY_DIGIT.search(text) or lower in self.words or self.fold.search(lower) else 0)
                | (_ARTICLE if lower in ARTICLES else 0)
                | (_SCALE if lower in self.scales else 0)
                | (_HALF if lower == "half" else 0)
            )
            if len(self._kinds) >= self._MEMO_SIZE:
                self._kinds.clear()  # a long text of many distinct words: memory stays bounded
            self._kinds[orth] = kind
        return kind
