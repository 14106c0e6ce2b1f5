"""Gold files: loading (scalars stay verbatim), text search, SPEC 3.2 values, validation."""

import pytest

from pipeline.gold import (
    DocText,
    GoldFormatError,
    countries,
    date_granularity,
    load_gold,
    load_gold_dir,
    locate_occurrences,
    validate_gold,
)
from pipeline.text import spec_form

from conftest import GOLD_PARTIES, write_gold

TEXT = (
    "The Department of Science & Technology (DST) and the Japan Society for the Promotion of Science\n"
    "(JSPS) signed a Memorandum of\n   Understanding on 30 January 2017 in Tokyo. In 2017, more than 250 joint "
    "projects received USD 1.5 million. Fiscal 2019 saw 3 workshops."
)

GOOD = "doc_id: doc\n" + GOLD_PARTIES + """\
dates:
  - text: 30 January 2017
    value: 2017-01-30
    granularity: day
  - text: "2017"
    value: "2017"
  - text: Fiscal 2019
    value: FY2019
counts:
  - {text: more than 250, value: 250, unit: joint project, kind: count, qualifier: more_than}
  - {text: USD 1.5 million, value: 1500000, unit: USD, kind: money}
  - {text: "3", value: 3, unit: workshop, kind: count}
agreements:
  - evidence: signed a Memorandum of Understanding
    type: mou
    action: signed
    parties: [DST, JSPS]
    parties_optional: [Japan]
    date: 2017-01-30
    place: Tokyo
"""


def test_load_keeps_scalars_verbatim(tmp_path):
    gold = load_gold(write_gold(tmp_path, "doc", GOOD))
    assert gold.doc_id == "doc"
    assert [date.value for date in gold.dates] == ["2017-01-30", "2017", "FY2019"]
    assert gold.dates[1].text == "2017"
    assert gold.counts[0].value == 250.0 and gold.counts[0].qualifier == "more_than"
    assert gold.counts[2].qualifier == "exact"  # the default
    assert gold.agreements[0].date == "2017-01-30"
    assert gold.agreements[0].parties == ("DST", "JSPS")
    assert gold.parties[0].forms == ("Department of Science and Technology", "DST", "Department of Science & Technology")
    trailing_zero = load_gold(write_gold(tmp_path, "x", "doc_id: x\ncounts: [{text: 2.50, value: 2.50, unit: percent, kind: percent}]\n"))
    assert trailing_zero.counts[0].text == "2.50"


@pytest.mark.parametrize(
    "yaml_text, message",
    [
        ("parties: []\n", "`doc_id` is required"),
        ("doc_id: x\ndates: [{text: May 2010, valu: 2010-05}]\n", "unknown key"),
        ("doc_id: x\ndates: [{text: May 2010}]\n", "`value` is required"),
        ("doc_id: x\nparties: [{name: A, kind: other, aliases: B}]\n", "`aliases` must be a list"),
        ("doc_id: x\ndates: {text: May 2010}\n", "`dates` must be a list"),
        ("doc_id: x\ncounts: [{text: two, value: 2, unit: side, kind: count, optional: maybe}]\n", "true or false"),
    ],
)
def test_structural_faults_raise(tmp_path, yaml_text, message):
    with pytest.raises(GoldFormatError, match=message):
        load_gold(write_gold(tmp_path, "doc", yaml_text))


def test_load_gold_dir_checks_doc_id_against_place(tmp_path):
    write_gold(tmp_path, "dev/x", "doc_id: dev/x\n")
    assert list(load_gold_dir(tmp_path)) == ["dev/x"]
    write_gold(tmp_path, "dev/y", "doc_id: y\n")
    with pytest.raises(GoldFormatError, match="does not match"):
        load_gold_dir(tmp_path)


@pytest.mark.parametrize(
    "a, b",
    [
        ("The Department of Science & Technology", "department of science and technology"),
        ("Ministry of Education, Culture, Sports,\nScience and Technology", "ministry of education culture sports science and technology"),
        ("U.S.", "u s"),
        ("Theory Institute", "theory institute"),
    ],
)
def test_spec_form(a, b):
    assert spec_form(a) == b


def test_countries_list_forms_and_not_the_eu():
    assert {spec_form(name) for name in ("U.S.", "US", "United Kingdom", "UK", "Korea", "Türkiye")} <= countries()
    assert spec_form("EU") not in countries() and spec_form("European Union") not in countries()


def test_countries_are_the_states_of_the_one_country_list():
    assert {spec_form(name) for name in ("South Korea", "Chad", "Ivory Coast", "DR Congo", "Macedonia")} <= countries()
    assert spec_form("Asia") not in countries() and spec_form("Korean") not in countries()


def test_doc_text_search_ignores_whitespace_and_maps_offsets_back():
    doc = DocText(TEXT)
    start, end = doc.first("Memorandum of Understanding on")
    assert TEXT[start:end] == "Memorandum of\n   Understanding on"
    assert list(doc.find_all("201")) == []  # only whole words
    assert len(list(doc.find_all("201", whole_words=False))) == 3


def test_locate_occurrences_places_longer_quotes_first():
    doc = DocText("Signed on 30 January 2017; in 2017 and again in 2017.")
    spans = locate_occurrences(["2017", "30 January 2017", "2017", "2017"], doc)
    text = doc.text
    assert [text[s:e] if s is not None else None for s, e in [span or (None, None) for span in spans]] == [
        "2017", "30 January 2017", "2017", None
    ]
    assert spans[0][0] == text.index("in 2017") + 3


@pytest.mark.parametrize(
    "value, granularity",
    [
        ("2006-12-08", "day"), ("2014-01", "month"), ("1985", "year"), ("FY2009", "fiscal_year"),
        ("196X", "decade"), ("2012/2017", "interval"), ("2011-03-24/2011-03-25", "interval"),
        ("2017-13", None), ("2017-02-30", None), ("2017/2012", None), ("2012-2017", None), ("FY09", None),
        ("2017/2017", None), ("Jan 2017", None),
    ],
)
def test_date_granularity(value, granularity):
    assert date_granularity(value) == granularity


def test_good_gold_has_no_problems(tmp_path):
    assert validate_gold(load_gold(write_gold(tmp_path, "doc", GOOD)), TEXT) == []


def bad(tmp_path, old, new):
    assert old in GOOD
    return validate_gold(load_gold(write_gold(tmp_path, "doc", GOOD.replace(old, new))), TEXT)


@pytest.mark.parametrize(
    "old, new, problem",
    [
        ("text: 30 January 2017", "text: 31 January 2017", "not found in the document"),
        ('  - text: "2017"\n    value: "2017"', '  - text: "2017"\n    value: "2017"\n  - text: "2017"\n    value: "2017"',
         "more entries than occurrences"),
        ("value: 2017-01-30\n    granularity: day", "value: 2017-01\n    granularity: day", "granularity 'day'"),
        ("value: 2017-01-30\n    granularity", "value: 2017-02-30\n    granularity", "not a SPEC 3.2 date value"),
        ("value: 2017-01-30\n    granularity: day", "value: 2017-02-01\n    granularity: day", "month(s) named"),
        ("value: 2017-01-30\n    granularity: day", "value: 2016-01-30\n    granularity: day", "year(s) ['2017']"),
        ("value: FY2019", "value: \"2019\"", "fiscal year"),
        ("value: 250,", "value: 300,", "not a number written in the text"),
        ("value: 250,", "value: 2.5e2x,", "not a plain number"),
        ("qualifier: more_than", "qualifier: over", "qualifier 'over'"),
        ("kind: count, qualifier", "kind: counts, qualifier", "kind 'counts'"),
        ("unit: USD", "unit: dollar", "currency code"),
        ("unit: workshop", "unit: Workshop", "lower-case noun"),
        ("kind: agency", "kind: funder", "kind 'funder'"),
        ("country: India", "country: Indya", "country_cues.yaml"),
        ("aliases: [JSPS]", "aliases: [JSPS, Nihon Gakujutsu]", "alias 'Nihon Gakujutsu' not found"),
        ("aliases: [JSPS]", "aliases: [JSPS, DST]", "also names party"),
        ("evidence: signed a Memorandum of Understanding", "evidence: signed a memorandum", "occurs 0 times"),
        ("evidence: signed a Memorandum of Understanding", "evidence: an", "occurs"),
        ("type: mou", "type: memorandum", "type 'memorandum'"),
        ("action: signed", "action: inked", "action 'inked'"),
        ("parties: [DST, JSPS]", "parties: [DST, Tokyo University]", "party 'Tokyo University' is neither"),
        ("parties: [DST, JSPS]", "parties: [DST, EU]", "party 'EU' is neither"),
        ("parties: [DST, JSPS]", "parties: [DST, Department of Science & Technology]", "listed twice"),
        ("date: 2017-01-30\n    place", "date: 30 January 2017\n    place", "date '30 January 2017' is not"),
    ],
)
def test_each_fault_is_reported(tmp_path, old, new, problem):
    problems = bad(tmp_path, old, new)
    assert len(problems) == 1 and problem in str(problems[0]), problems


def test_countries_and_aliases_are_accepted_as_agreement_parties(tmp_path):
    problems = bad(tmp_path, "parties: [DST, JSPS]", "parties: [Department of Science & Technology, U.S., India]")
    assert problems == []
