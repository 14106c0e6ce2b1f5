"""The currency of a bare "$" (or a bare "dollars"): the dollar of the state a text is written
from or about (SPEC 3.5: an Australian agency's release means AUD), USD when nothing says
otherwise."""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc

from pipeline.components.layout import doc_text
from pipeline.components.org_lexicon import CountryList

USD = "USD"
# The state whose currency a default is: its names outweigh the others like the United States's.
_HOME_OF = {"USD": "United States", "INR": "India"}
# The opening of a page: its dateline and heading, where the place it is written from stands.
_OPENING_CHARS = 400
# What follows the place of a dateline: "SINGAPORE, 14 March 2019 –", "Ottawa (Canada), 3 May –",
# "WELLINGTON – ", "Canberra, Oct. 3".
_AFTER_DATELINE_PLACE = re.compile(r"[^\S\n]*(?:\([^()\n]{1,30}\)[^\S\n]*)?(?:,[^\S\n]*(?:\d|[A-Z][a-z]{2,}\.?[^\S\n]+\d)|[–—])")
# What comes before it on its line: nothing, a byline ("By Ana Souza, São Paulo") or a city
# ("Nairobi, Kenya, 5 May 2020").
_BEFORE_DATELINE_PLACE = re.compile(r"(?:^|\n)[^\S\n]*(?:By [^,\n]{2,40},[^\S\n]*)?(?:[A-Z][^\W\d][^,\n\d]{0,30},[^\S\n]*)?$")


class DollarContext:
    def __init__(self, dollar_states: dict[str, dict], countries: CountryList, default: str = USD, home: str | None = None):
        self.default = default                      # the currency when no state is clear (USD; INR for "Rs")
        self.home = home or _HOME_OF[default]       # its state, whose names can outweigh the others
        self.currency_of = {state: str(entry["currency"]) for state, entry in dollar_states.items()}
        self.sign_only = frozenset(state for state, entry in dollar_states.items() if entry.get("sign_only"))
        # Every name, adjective and city of a state, to the state; the United States too, so it can outweigh others.
        self.state_of: dict[str, str] = {}
        for entry in countries.countries:
            if entry.country in self.currency_of or entry.country == self.home:
                for form in (entry.country, *entry.names, *entry.adjectives):
                    self.state_of[form] = entry.country
        for state, entry in dollar_states.items():
            self.state_of[state] = state
            for city in entry.get("cities", []):
                self.state_of[str(city)] = state
        # The names of every other state: a dateline placed there means a bare "$" is a US dollar.
        self.other_state_of = {
            name: entry.country for entry in countries.countries for name in (entry.country, *entry.names)
            if name not in self.state_of
        }
        self._folded = {form.lower(): state for form, state in {**self.other_state_of, **self.state_of}.items()}
        # Datelines are often in capitals ("WELLINGTON, 3 May 2021 –"): the opening is read in any case.
        self._opening = self._pattern(self.state_of)
        self._dateline = self._pattern(self._folded)

    @staticmethod
    def _pattern(forms) -> re.Pattern:
        ordered = sorted(forms, key=len, reverse=True)
        return re.compile(r"\b(?:%s)\b" % "|".join(map(re.escape, ordered)), re.IGNORECASE)

    def _first_body(self, doc: Doc) -> str | None:
        """The state of the body a page names first in its opening, where no state is named there:
        "The Agency for Science, Technology and Research (A*STAR) will invest $25 million" is
        Singapore's release."""
        first = None
        for party in doc._.parties or []:
            if party.country and party.mentions:
                start = min(span.start_char for span in party.mentions)
                if start < _OPENING_CHARS and (first is None or start < first[0]):
                    first = (start, party.country)
        if first is None:
            return None
        return first[1] if first[1] in self.currency_of or first[1] == self.home else None

    def home_of_dateline(self, text: str) -> str | None:
        """The state of the opening's dateline ("SINGAPORE, 14 March 2019 –", "By Ana Souza,
        São Paulo"), whatever a headline above it names."""
        opening = text[:_OPENING_CHARS]
        for match in self._dateline.finditer(opening):
            if _BEFORE_DATELINE_PLACE.search(opening, 0, match.start()) and _AFTER_DATELINE_PLACE.match(opening, match.end()):
                return self._folded[match.group(0).lower()]
        return None

    def currency(self, doc: Doc, word: bool = False) -> str:
        """The currency a bare "$" of `doc` stands for; with `word`, a bare "dollars"."""
        state = self._home(doc)
        if state is None or (word and state in self.sign_only):
            return self.default
        return self.currency_of.get(state, self.default)

    def _home(self, doc: Doc) -> str | None:
        """The state a page is written from or about, as far as a bare "$" goes."""
        home = self.home_of_dateline(doc_text(doc))
        if home is not None:
            return home
        for match in self._opening.finditer(doc_text(doc)[:_OPENING_CHARS]):
            return self._folded[match.group(0).lower()]  # the default's state too
        publisher = self._first_body(doc)
        if publisher is not None:
            return publisher
        named = Counter(
            self.state_of[form] for _, _, form, _ in (doc._.country_matches or []) if form in self.state_of
        )
        ranked = [(n, state) for state, n in named.items() if state in self.currency_of]
        if ranked:
            n, state = max(ranked)
            if n > named.get(self.home, 0):
                return state
        return None


class SharedCurrencies:
    """Currency words and signs several states share ("Sh", "shillings", "dinars"; data:
    shared_currencies): each is the currency of the state a page is written from or about,
    found as for a bare "$", else the currency of the family's first state."""

    def __init__(self, families: dict[str, dict], countries: CountryList):
        self.family_of: dict[str, str] = {}
        self.contexts: dict[str, DollarContext] = {}
        for name, entry in families.items():
            states = {state: {"currency": code, "cities": entry.get("cities", {}).get(state, [])} for state, code in entry["states"].items()}
            first = next(iter(entry["states"]))
            self.contexts[name] = DollarContext(states, countries, default=entry["states"][first], home=first)
            for word in entry["words"]:
                self.family_of[str(word).lower().replace(" ", "")] = name

    def family(self, written: str) -> str | None:
        """The family of a currency as written ("Sh", "dinars"), if it is shared."""
        return self.family_of.get(written.lower().replace(" ", ""))

    def __contains__(self, name: object) -> bool:
        return name in self.contexts

    def currency(self, doc: Doc, name: str) -> str:
        return self.contexts[name].currency(doc)


def names_a_meeting(doc: Doc, number, start: int, end: int, code_names: frozenset[str], numbers) -> bool:
    """A currency code that also names a series of meetings ("COP"; data: code_names) before a
    small whole number and no scale word names the meeting ("COP26", "COP 26"), not an amount."""
    written = doc[start : number.start].text if start < number.start else doc[start].text
    code = written[: len(written) - len(written.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))]
    small = number.value < 100 and number.value == number.value.to_integral_value() and number.scale == 1
    scaled = end < len(doc) and (doc[end].lower_.rstrip(".") in numbers.money_scales or doc[end].lower_ in numbers.scales)
    return code in code_names and small and not scaled
