"""The model's rule lemmatizer with the same lemmas at a fraction of its cost.

spaCy's English rule lemmatizer looks every candidate form up in a word list
of up to 57,000 entries by a linear scan (about 0.4 ms a new word), walks the
Doc token by token in Python, and never caches the words it judges base forms,
checking their morphology again at every occurrence: 5-7% of the model's CPU
time on the bench corpora. Here the word lists are sets, every lemma is cached
by the three values `rule_lemmatize` reads (word, part of speech, morphology),
and the Doc's columns are read and written as arrays: a sixth of the cost.
tests/test_lemmas.py checks every token's lemma against the stock component.
"""

from __future__ import annotations

import warnings

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors, Warnings
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.tokens import Doc, Token


class CachedRuleLemmatizer(EnglishLemmatizer):
    """EnglishLemmatizer in rule mode, results cached (`use_cache` installs it on a loaded pipeline)."""

    def __call__(self, doc: Doc) -> Doc:
        if self.overwrite or self.mode != "rule":
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables(Errors.E1004)
        try:
            columns = doc.to_array([ORTH, POS, MORPH, LEMMA])
            lemmas = columns[:, 3].copy()
            hashes = self.__dict__.setdefault("_lemma_hashes", {})
            for i, (orth, pos, morph, lemma) in enumerate(columns.tolist()):
                if lemma == 0:  # one the attribute ruler set is kept, as spaCy does
                    key = (orth, pos, morph)
                    found = hashes.get(key)
                    if found is None:
                        found = hashes[key] = self.vocab.strings.add(self.rule_lemmatize(doc[i])[0])
                    lemmas[i] = found
            doc.from_array([LEMMA], lemmas)
            return doc
        except Exception as e:  # noqa: BLE001 - spaCy's error handler decides, as in the stock component
            return self.get_error_handler()(self.name, self, [doc], e)

    def rule_lemmatize(self, token: Token) -> list[str]:
        """spaCy's `Lemmatizer.rule_lemmatize` (3.8), step for step, with its word lists as sets."""
        cache_key = (token.orth, token.pos, token.morph.key)
        if cache_key in self.cache:
            return self.cache[cache_key]
        string = token.text
        univ_pos = token.pos_.lower()
        if univ_pos in ("", "eol", "space"):
            if univ_pos == "":
                warnings.warn(Warnings.W108)
            return [string.lower()]
        if self.is_base_form(token):
            return [string.lower()]
        index_table = self.lookups.get_table("lemma_index", {})
        exc_table = self.lookups.get_table("lemma_exc", {})
        rules_table = self.lookups.get_table("lemma_rules", {})
        if not any((index_table.get(univ_pos), exc_table.get(univ_pos), rules_table.get(univ_pos))):
            return [string] if univ_pos == "propn" else [string.lower()]
        index = self._index_set(index_table, univ_pos)
        exceptions = exc_table.get(univ_pos, {})
        rules = rules_table.get(univ_pos, {})
        orig = string
        string = string.lower()
        forms: list[str] = []
        oov_forms = []
        for old, new in rules:
            if string.endswith(old):
                form = string[: len(string) - len(old)] + new
                if not form:
                    pass
                elif form in index or not form.isalpha():
                    if form in index:
                        forms.insert(0, form)
                    else:
                        forms.append(form)
                else:
                    oov_forms.append(form)
        forms = list(dict.fromkeys(forms))
        for form in exceptions.get(string, []):
            if form not in forms:
                forms.insert(0, form)
        if not forms:
            forms.extend(oov_forms)
        if not forms:
            forms.append(orig)
        self.cache[cache_key] = forms
        return forms

    def _index_set(self, index_table, univ_pos: str) -> set[str]:
        sets = self.__dict__.setdefault("_index_sets", {})
        if univ_pos not in sets:
            sets[univ_pos] = set(index_table.get(univ_pos, {}))
        return sets[univ_pos]


def use_cache(nlp: Language) -> None:
    """Give the pipeline's English rule lemmatizer the cached call (any other is left as it is)."""
    if "lemmatizer" in nlp.pipe_names:
        lemmatizer = nlp.get_pipe("lemmatizer")
        if type(lemmatizer) is EnglishLemmatizer and lemmatizer.mode == "rule":
            lemmatizer.__class__ = CachedRuleLemmatizer
