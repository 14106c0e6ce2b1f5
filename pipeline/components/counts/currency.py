"""The currency of a bare "$": the dollar of the state a text is written from or about
(SPEC 3.5: an Australian agency's release means AUD), USD when nothing says otherwise."""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc

from pipeline.components.org_lexicon import CountryList

USD = "USD"
# The opening of a page: its dateline and heading, where the place it is written from stands.
_OPENING_CHARS = 400


class DollarContext:
    def __init__(self, dollar_states: dict[str, dict], countries: CountryList):
        self.currency_of = {state: str(entry["currency"]) for state, entry in dollar_states.items()}
        # Every name, adjective and city of a state, to the state; the United States too, so it can outweigh others.
        self.state_of: dict[str, str] = {}
        for entry in countries.countries:
            if entry.country in self.currency_of or entry.country == "United States":
                for form in (entry.country, *entry.names, *entry.adjectives):
                    self.state_of[form] = entry.country
        for state, entry in dollar_states.items():
            self.state_of[state] = state
            for city in entry.get("cities", []):
                self.state_of[str(city)] = state
        forms = sorted(self.state_of, key=len, reverse=True)
        # Datelines are often in capitals ("WELLINGTON, 3 May 2021 –"): the opening is read in any case.
        self._opening = re.compile(r"\b(?:%s)\b" % "|".join(map(re.escape, forms)), re.IGNORECASE)
        self._folded = {form.lower(): state for form, state in self.state_of.items()}

    def currency(self, doc: Doc) -> str:
        """The currency a bare "$" of `doc` stands for."""
        for match in self._opening.finditer(doc.text[:_OPENING_CHARS]):
            state = self._folded[match.group(0).lower()]
            if state in self.currency_of:
                return self.currency_of[state]
            break  # the page is written from the United States
        named = Counter(
            self.state_of[form] for _, _, form, _ in (doc._.country_matches or []) if form in self.state_of
        )
        ranked = [(n, state) for state, n in named.items() if state in self.currency_of]
        if ranked:
            n, state = max(ranked)
            if n > named.get("United States", 0):
                return self.currency_of[state]
        return USD
