"""The country matching pass (org_lexicon.Countries): one pass per document, shared by
st_parties and st_agreements through `doc._.country_matches`. No model needed."""

import pytest
import spacy

from pipeline.components.org_lexicon import Countries, load_countries


@pytest.fixture(scope="module")
def english():
    return spacy.blank("en")


@pytest.fixture(scope="module")
def countries(english):
    return Countries(english, load_countries())


def test_mentions_by_start_take_the_longest_name(english, countries):
    doc = english("The Republic of Korea and Japan met in Indian waters.")
    found = countries.find(doc)
    korea = found[1]
    assert (doc[korea.start : korea.end].text, korea.country, korea.is_name) == ("Republic of Korea", "South Korea", True)
    assert found[5].country == "Japan"


def test_states_leave_out_adjectives_and_names_inside_longer_ones(english, countries):
    doc = english("The Republic of Korea, Indian and japanese teams and the united states.")
    states = [(span.text, name) for span, name in countries.scan(doc).states(doc[:])]
    assert states == [("Republic of Korea", "South Korea"), ("united states", "United States")]


def test_the_matchers_run_once_per_document(english, countries, monkeypatch):
    doc = english("Kenya and Norway signed an agreement.")
    first = countries.scan(doc).by_start
    assert doc._.country_matches
    monkeypatch.setattr(countries, "matcher", None)   # a second pass would fail
    monkeypatch.setattr(countries, "_long_names", None)
    assert countries.scan(doc).by_start == first


def test_parties_leave_the_pass_for_agreements(nlp):
    from pipeline.nlp import analyse_text

    doc = analyse_text(nlp, "Kenya and Norway signed a Letter of Intent on climate research.")
    assert {(start, end) for start, end, _, _ in doc._.country_matches} >= {(0, 1), (2, 3)}
