"""The phrases of data/counts.yaml that surround a number (currencies, percent signs,
units, qualifiers, label cues), found in a Doc by one PhraseMatcher."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc


def invert(table: dict[str, list[str]]) -> dict[str, str]:
    """{value: [phrases]} as {phrase: value}."""
    return {str(phrase): value for value, phrases in table.items() for phrase in phrases}


def phrase_tables(data: dict) -> dict[str, dict[str, object]]:
    """Phrase -> value, by category, from the tables of data/counts.yaml."""
    return {
        "qualifier_before": invert(data["qualifiers_before"]),
        "qualifier_after": invert(data["qualifiers_after"]),
        # A code may carry a dollar sign ("AUD$", "CAD$"), as real pages often write it.
        "currency_before": invert({code: [*forms["before"], f"{code}$"] for code, forms in data["currencies"].items()}),
        "currency_after": invert({code: forms["after"] for code, forms in data["currencies"].items()}),
        "scaled_currency": scaled_currencies(data),
        "percent": dict.fromkeys(data["percent"], "percent"),
        "duration": invert(data["durations"]),
        "measure": invert(data["measures"]),
        "label_cue": dict.fromkeys(data["label_cues"], True),
    }


def scaled_currencies(data: dict) -> dict[str, tuple[str, Decimal]]:
    """"MNOK", "KEUR", "k€": a scale letter and a currency code or sign, as one word -> (code, scale)."""
    table = {}
    for prefix, scale in data["currency_scale_prefixes"].items():
        for code in data["currency_scale_codes"]:
            signs = [code, *(form for form in data["currencies"][code]["before"] if form in data["currency_scale_signs"])]
            for sign in signs:
                table[f"{prefix}{sign}".lower()] = (code, Decimal(scale))
    return table


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    value: object


class PhraseIndex:
    """The lexicon phrases found in one doc, by the token where they start or end (longest wins)."""

    def __init__(self, doc: Doc, matches, values: dict[str, dict[tuple[str, ...], object]]):
        self._starting: dict[tuple[str, int], Hit] = {}
        self._ending: dict[tuple[str, int], Hit] = {}
        for match_id, start, end in matches:
            category = doc.vocab.strings[match_id]
            hit = Hit(start, end, values[category][tuple(t.lower_ for t in doc[start:end])])
            if (category, start) not in self._starting or self._starting[category, start].end < end:
                self._starting[category, start] = hit
            if (category, end) not in self._ending or self._ending[category, end].start > start:
                self._ending[category, end] = hit

    def starting(self, category: str, i: int) -> Hit | None:
        return self._starting.get((category, i))

    def ending(self, category: str, i: int) -> Hit | None:
        return self._ending.get((category, i))


class CountPhrases:
    def __init__(self, nlp: Language, tables: dict[str, dict[str, object]]):
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.values: dict[str, dict[tuple[str, ...], object]] = {}
        for category, table in tables.items():
            docs = {phrase: nlp.make_doc(str(phrase)) for phrase in table}
            self.values[category] = {tuple(t.lower_ for t in d): table[p] for p, d in docs.items()}
            self.matcher.add(category, list(docs.values()))

    def __call__(self, doc: Doc) -> PhraseIndex:
        return PhraseIndex(doc, self.matcher(doc), self.values)


def named_currency_after(doc: Doc, phrases: PhraseIndex, k: int, shared: frozenset[str]) -> Hit | None:
    """"2.4 million Georgian lari": a currency named after the number with a state's adjective the
    lexicon does not list, when the currency's own word belongs to one state. A word many states
    share ("dollars", "pesos", "francs": `shared`) says nothing without its listed adjective."""
    if k + 1 >= len(doc) or not (doc[k].ent_type_ == "NORP" or (doc[k].pos_ in ("ADJ", "PROPN") and doc[k].is_title)):
        return None
    hit = phrases.starting("currency_after", k + 1)
    if hit is None or doc[hit.start : hit.end].text.lower() in shared:
        return None
    return Hit(k, hit.end, hit.value)
