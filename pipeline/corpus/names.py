"""When two spellings name the same body: the forms corpus identity compares.

    name_key(form) -> str          SPEC 4 comparison form, one spelling per variant
                                   ("Organization"/"Organisation"), country names
                                   spelled the canonical way ("UK" = "United Kingdom")
    is_acronym(form) -> bool       "DFG", "CiRA", "SISTERs"; not "RIKEN Institute"
    without_state(key) -> ((key, country), ...)  the key with a state named at its start
                                   or end taken off ("cabinet office of japan" ->
                                   ("cabinet office", "Japan"))
    country_of_name(text) -> str | None      "India", "Republic of India" -> "India"
    is_generic(key) -> bool        a name many states give a body ("ministry of science and
                                   technology"): it starts with a head or general word
    is_joint(key) -> bool          a body of two states ("joint committee", "bilateral commission")
    acronym_signature(acronym) -> str        "MoST" = "MOST", "IITs" = "IIT"
    singular_words(key) -> str     "indian institutes of technologies" -> "indian institute of technology"
    word_overlap(a, b) -> float    shared words over all words of two keys

Reads the project's data files (the spelling variants of org_kinds.yaml and
the country list) without spaCy, so corpus tables are built without a model.
"""

from __future__ import annotations

import functools
import re

from pipeline.components.org_lexicon import load_countries
from pipeline.data_files import load_yaml
from pipeline.text import spec_form

SPELLING_FILE = "org_kinds.yaml"  # also the head words of organisation names
NON_PARTIES_FILE = "non_parties.yaml"  # general modifiers ("national", "federal", ...)


# Read once: three lookups below take parts of the same file.
_data_file = functools.cache(load_yaml)


def _alternation(forms) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + r")\b")


@functools.cache
def _spelling() -> tuple[re.Pattern, dict[str, str]]:
    variants = {spec_form(str(k)): spec_form(str(v)) for k, v in _data_file(SPELLING_FILE)["spelling_variants"].items()}
    return _alternation(variants), variants


@functools.cache
def _country_forms() -> tuple[dict[str, str], dict[str, str]]:
    """(name form -> canonical name form, any cue form -> country) in spec_form."""
    canonical: dict[str, str] = {}
    country_of: dict[str, str] = {}
    for entry in load_countries().countries:
        for form in (entry.country, *entry.names):
            canonical[spec_form(form)] = spec_form(entry.country)
            country_of[spec_form(form)] = entry.country
        for form in entry.adjectives:
            country_of[spec_form(form)] = entry.country
    return canonical, country_of


@functools.cache
def _state_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    canonical, country_of = _country_forms()
    cues = _alternation(country_of).pattern
    return (
        _alternation(canonical),
        _alternation(country_of),
        re.compile(rf"^(?P<state>{cues}) (?P<rest>.+)$"),  # "indian space research organisation"
        re.compile(rf"^(?P<rest>.+?)(?: of(?: the)?)? (?P<state>{cues})$"),  # "science council of japan"
    )


# Cached: a corpus repeats the same few thousand names in every document.
@functools.lru_cache(maxsize=1 << 16)
def name_key(form: str | None) -> str:
    key = spec_form(form)
    pattern, variants = _spelling()
    key = pattern.sub(lambda m: variants[m.group(0)], key)
    names, _, _, _ = _state_patterns()
    canonical, _ = _country_forms()
    return names.sub(lambda m: canonical[m.group(0)], key)


@functools.cache
def _general_words() -> frozenset[str]:
    heads = _data_file(SPELLING_FILE)["heads"]
    words = {spec_form(str(word)) for group in heads.values() for word in group}
    return frozenset(words | {spec_form(str(word)) for word in _data_file(NON_PARTIES_FILE)["generic_modifiers"]})


def is_generic(key: str) -> bool:
    return key.split(" ", 1)[0] in _general_words()


@functools.cache
def _joint_markers() -> frozenset[str]:
    return frozenset(spec_form(str(word)) for word in _data_file(SPELLING_FILE)["joint_markers"])


def is_joint(key: str) -> bool:
    return key.split(" ", 1)[0] in _joint_markers()


def acronym_signature(acronym: str) -> str:
    upper = acronym.upper()
    return upper[:-1] if acronym.endswith("s") and len(upper) > 3 else upper


_PLURAL = re.compile(r"\b(\w{3,}?)(ies|s)\b")


@functools.lru_cache(maxsize=1 << 16)
def singular_words(key: str) -> str:
    """Every word of a key without a plural ending, so that a name's number does not part two
    spellings ("Institutes"/"Institute", "Technologies"/"Technology"); "ss", "us", "is" stay."""

    def singular(match: re.Match) -> str:
        stem, ending = match.groups()
        if ending == "ies":
            return stem + "y"
        return match.group(0) if stem.endswith(("s", "u", "i")) else stem

    return _PLURAL.sub(singular, key)


def word_overlap(a: str, b: str) -> float:
    first, second = set(a.split()), set(b.split())
    return len(first & second) / len(first | second) if first | second else 0.0


@functools.lru_cache(maxsize=1 << 16)
def is_acronym(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    return " " not in form.strip() and capitals >= 2 and capitals * 2 >= len(letters)


@functools.lru_cache(maxsize=1 << 16)
def without_state(key: str) -> tuple[tuple[str, str], ...]:
    """`key` (a name_key) without a state at its start or end, with that state; two words must
    remain, and no other state ("japan united kingdom joint committee" belongs to neither)."""
    _, country_of = _country_forms()
    _, any_state, leading, trailing = _state_patterns()
    found = []
    for pattern in (leading, trailing):
        match = pattern.fullmatch(key)
        if match and " " in match["rest"] and not any_state.search(match["rest"]):
            found.append((match["rest"], country_of[match["state"]]))
    return tuple(found)


def country_of_name(text: str | None) -> str | None:
    """The state a country name names ("Republic of India" -> "India"); None for anything else."""
    canonical, country_of = _country_forms()
    key = spec_form(text)
    return country_of[key] if key in canonical else None
