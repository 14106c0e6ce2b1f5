"""The cached rule lemmatizer gives spaCy's own lemma for every token (pipeline/lemmas.py)."""

from pathlib import Path

from spacy.lang.en.lemmatizer import EnglishLemmatizer

from pipeline.lemmas import CachedRuleLemmatizer
from pipeline.nlp import project_component_names

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def test_build_nlp_installs_the_cached_lemmatizer(nlp):
    assert type(nlp.get_pipe("lemmatizer")) is CachedRuleLemmatizer


def test_every_lemma_equals_the_stock_lemmatizers(nlp):
    texts = [path.read_text(encoding="utf-8") for path in [*sorted(CORPUS.glob("0*.txt")), *sorted((CORPUS / "dev").glob("*.txt"))]]
    # words the attribute ruler lemmatises, base forms, unknown and glued words, no part of speech for a space;
    # one word and part of speech whose lemma follows its number ('species' singular, 'specie' plural)
    texts.append("He's been signing MoUs; the universities' co-operation agreements were re-signed in 2019.  \n\n Rs.5 crore")
    texts.append("The species is rare; many species are rare. The data are clear.")
    lemmatizer = nlp.get_pipe("lemmatizer")
    with nlp.select_pipes(disable=[*project_component_names(nlp), "lemmatizer"]):
        docs = list(nlp.pipe(texts))
    cached = [lemmatizer(doc.copy()) for doc in docs]
    stock = EnglishLemmatizer(nlp.vocab, lemmatizer.model, lemmatizer.name, mode="rule")
    stock.lookups = lemmatizer.lookups
    expected = [stock(doc.copy()) for doc in docs]
    assert sum(len(doc) for doc in docs) > 5000
    for ours, theirs in zip(cached, expected):
        assert [t.lemma_ for t in ours] == [t.lemma_ for t in theirs]
    # twice over: lemmas out of the cache are the same
    assert [[t.lemma_ for t in lemmatizer(doc.copy())] for doc in docs] == [[t.lemma_ for t in doc] for doc in expected]
