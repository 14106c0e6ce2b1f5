"""Number reading of st_counts (counts/numbers.py) on a tokenizer alone: no model."""

from decimal import Decimal

import pytest
import spacy

from pipeline.components.counts.numbers import NumberReader
from pipeline.components.counts.phrases import phrase_tables
from pipeline.data_files import load_yaml


@pytest.fixture(scope="module")
def tokenizer():
    return spacy.blank("en")


@pytest.fixture(scope="module")
def reader():
    data = load_yaml("counts.yaml")
    currencies = phrase_tables(data)["currency_before"]
    return NumberReader.from_lexicon(data, {p.replace(" ", "").lower(): c for p, c in currencies.items()}, (1800, 2100))


def read(tokenizer, reader, text, at=0):
    doc = tokenizer(text)
    number = reader.read(doc, at)
    return None if number is None else (doc[number.start : number.end].text, number.value * number.scale)


@pytest.mark.parametrize(
    "text, words, value",
    [
        ("212 projects", "212", 212),
        ("1,200 researchers", "1,200", 1200),
        ("3.5 million", "3.5 million", 3_500_000),
        ("Eighteen universities", "Eighteen", 18),
        ("twenty-five partners", "twenty-five", 25),
        ("one hundred and twenty fellows", "one hundred and twenty", 120),
        ("a dozen labs", "a dozen", 12),
        ("73 thousand researchers", "73 thousand", 73_000),
    ],
)
def test_numbers_in_digits_and_words(tokenizer, reader, text, words, value):
    assert read(tokenizer, reader, text) == (words, Decimal(value))


def test_glued_currency_and_money_scale(tokenizer, reader):
    doc = tokenizer("Rs.500 and 5bn")
    rupees, billions = reader.read_digits(doc[0]), reader.read_digits(doc[2])
    assert (rupees.currency, rupees.value) == ("INR", 500)
    assert billions.value * billions.scale == 5_000_000_000


@pytest.mark.parametrize("text", ["007", "G8", "9th", "1960s", "a"])
def test_codes_labels_and_lone_articles_are_no_numbers(tokenizer, reader, text):
    assert read(tokenizer, reader, text) is None


def test_four_digits_in_the_year_range_look_like_a_year(tokenizer, reader):
    doc = tokenizer("2015 1500 2015 million")
    assert reader.read(doc, 0).year_like
    assert not reader.read(doc, 1).year_like
    assert not reader.read(doc, 2).year_like   # a scale word makes it an amount


def test_times_and_fractions(tokenizer, reader):
    doc = tokenizer("twice two-thirds")
    assert reader.read(doc, 0).times
    assert reader.followed_by_fraction(doc, reader.read(doc, 1))


@pytest.mark.parametrize(
    "text, words, value",
    [
        ("10 000 dollars", "10 000", 10_000),
        ("1 250 000 euros", "1 250 000", 1_250_000),
        ("two and a half years", "two and a half", 2.5),
        ("one and a half days", "one and a half", 1.5),
        ("2 1/2 years", "2 1/2", 2.5),
        ("a hundred and two partners", "a hundred and two", 102),
        ("a hundred and twenty-one partners", "a hundred and twenty-one", 121),
        ("8- to 16-metre", "8-", 8),
    ],
)
def test_grouped_digits_fractions_and_hundreds(tokenizer, reader, text, words, value):
    assert read(tokenizer, reader, text) == (words, Decimal(str(value)))


def test_space_grouped_digits_stop_before_a_phone_number(tokenizer, reader):
    # "5214 8401" is no grouped number; a three-digit group before four digits is a phone number's part
    assert read(tokenizer, reader, "call 03 5214 8401", at=1) is None
    assert read(tokenizer, reader, "12 345 6789", at=0) == ("12", Decimal(12))


def test_number_starts_are_where_the_token_patterns_matched(tokenizer, reader):
    # NumberStarts replaced a Matcher with these patterns (commit bf45e99 and before): the same
    # tokens must start a number, on the seeds' and the dev set's texts and on edge cases.
    from spacy.matcher import Matcher

    from conftest import CORPUS
    from pipeline.components.counts.numbers import ARTICLES, NumberStarts

    matcher = Matcher(tokenizer.vocab)
    scales = [*reader.scales, *reader.approximate_scales]
    matcher.add("NUMBER", [
        [{"TEXT": {"REGEX": r"\d"}}],
        [{"LOWER": {"IN": reader.words}}],
        [{"LOWER": {"IN": sorted(ARTICLES)}}, {"LOWER": {"IN": scales}}],
        [{"LOWER": "half"}, {"LOWER": {"IN": sorted(ARTICLES)}}, {"LOWER": {"IN": scales}}],
        [{"LOWER": {"REGEX": r"^(?:%s)-?fold$" % "|".join(reader.number_words)}}],
    ])
    starts = NumberStarts(reader)
    texts = [
        "Half a million, half A Dozen, a thousand, an hundred, a dozens? A fourfold and ten-fold rise; 3rd, COVID-19.",
        "twice thrice Twenty-five 1,200 ½ a", "half a", "half", "a", "", "x² ٣ people",
        *(path.read_text(encoding="utf-8") for path in sorted([*CORPUS.glob("0*.txt"), *(CORPUS / "dev").glob("*.txt")])),
    ]
    assert len(texts) > 10
    for text in texts:
        doc = tokenizer(text)
        assert starts(doc) == sorted({start for _, start, _ in matcher(doc)}), text[:60]
