"""The grammar of st_dates: the patterns of data/dates.yaml compiled into one regular expression.

Placeholders in the patterns ({M1}, {Y1}, {TO}, ...) are described at the
top of dates.yaml; each captured one becomes a field (m1, y1, ...) that
dates.py reads.
"""

from __future__ import annotations

import dataclasses
import re

_PLACEHOLDER = re.compile(r"\{([A-Z]+)([12]?)\}")


@dataclasses.dataclass(frozen=True)
class Pattern:
    kind: str                   # calendar, numeric, fiscal, decade, reference
    groups: dict[str, str]      # field (m1, d2, yy2, ...) -> regex group name
    needs_cue: bool
    standalone_year: bool
    not_after_label: bool = False


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _trie(words) -> str:
    """An alternation of `words` as a prefix tree: the regex engine tries one branch per character
    instead of every word at every position where one may start."""
    tree: dict = {}
    for word in set(words):
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and not ends else "(?:" + "|".join(branches) + ")"
        return body + ("?" if ends else "")

    return pattern(tree)


def foreign_month_numbers(by_language: dict[str, list[str]], english: list[str]) -> dict[str, int]:
    """Lower-case foreign month word -> month number. A word two languages read differently is left
    out, and so are English names ("april"): the English patterns read those."""
    numbers: dict[str, set[int]] = {w.lower(): {0} for w in english}
    for months in by_language.values():
        for number, entry in enumerate(months, start=1):
            for word in entry.split("/"):
                numbers.setdefault(word.lower(), set()).add(number)
    return {word: next(iter(found)) for word, found in numbers.items() if len(found) == 1 and 0 not in found}


def _case_variants(words) -> list[str]:
    return [v for w in words for v in (w, w[0].upper() + w[1:], w.title(), w.upper())]


class Grammar:
    """The compiled patterns (`regex`, one named alternative p<i> per pattern, and `patterns`), and two
    regular expressions for written dates, counted to find a document's convention for numeric ones."""

    def __init__(self, data: dict, references: list[str], ordinal_days: str):
        full_months = _alternation(_case_variants(data["months"]) + [m.lower() for m in data["months"]])
        short_months = _alternation(
            _case_variants(data["month_abbreviations"]) + [m.lower() for m in data["month_abbreviations"]]
        )
        any_month = rf"(?:{full_months})\b|(?:{short_months})\b\.?"
        # Written dates, counted to find the document's convention for numeric ones.
        self.written_month_first = re.compile(rf"\b(?:{any_month})\s+\d\d?(?:st|nd|rd|th)?,?\s+\d{{4}}\b")
        self.written_day_first = re.compile(rf"\b\d\d?(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{any_month})\s*,?\s+\d{{4}}\b")
        weekdays = _alternation(_case_variants(data["weekdays"] + data["weekday_abbreviations"]))
        self.foreign_months = foreign_month_numbers(data["foreign_months"], data["months"] + data["month_abbreviations"])
        foreign_months = _alternation(_case_variants(list(self.foreign_months)))
        foreign_weekdays = _alternation(_case_variants(data["foreign_weekdays"]))
        # A weekday in brackets after a date belongs to it ("October 15 (Tue)").
        self.weekday_after = re.compile(rf"\s*\(\s*(?:{weekdays})\.?\s*\)")
        self.weekday_word = re.compile(rf"\b(?:{weekdays})\b")
        symbols = _alternation(data["range_symbols"])
        fixed = {
            "WD": rf"(?:(?:{weekdays})\.?,?\s+(?:the\s+)?)?",       # "Tuesday, the 26th of September"
            "FY": rf"\b(?:{_alternation(_case_variants(data['fiscal_markers']))})",
            "TO": rf"(?:\s*(?:{symbols})\s*|\s+(?:{_alternation(data['range_words'])})\s+)",
            "FWD": rf"(?:(?:{foreign_weekdays}),?\s+)?",
            "OF": r"(?:,?\s+(?:of\s+)?)",
            "MX": rf"(?:{any_month})",
            "DX": r"\b(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b",
            "AND": r"(?:\s*,\s*|,?\s+(?:and|or|&)\s+)",
        }
        captured = {
            "M": ("m", any_month),
            "MF": ("m", rf"(?:{full_months})\b"),
            "FM": ("m", rf"(?:{foreign_months})(?!\w)"),
            "N": ("m", r"1[0-2]|0?[1-9]"),
            "D": ("d", r"3[01]|[12]\d|0?[1-9]"),
            "DW": ("d", ordinal_days),
            "DT": ("d", r"3[01]|[12]\d|0[1-9]"),
            "X": ("x", r"\d\d?"),
            "S": ("s", r"[./-]"),
            "Y": ("y", r"\d{4}"),
            "YY": ("yy", r"\d\d"),
            "DEC": ("dec", r"\d{3}0"),
            "DD": ("dd", r"\d0"),
            "REF": ("ref", _alternation(_case_variants(references))),
        }
        # What surrounds a captured field: word boundaries, ordinal suffixes.
        frames = {
            "D": (r"\b", r"(?:st|nd|rd|th)?\b"),
            "DW": (r"\b", r"\b"),
            "DT": ("", r"(?=T\d\d:)"),       # an ISO day before a glued time: "2021-05-10T14:22"
            "X": (r"\b", ""),
            "Y": (r"(?<!\d)", r"\b"),       # glued to a marker: "FY2018"
            "DEC": (r"\b", r"['’]?s\b"),
            "REF": (r"\b", r"\b"),
        }

        alternatives, patterns = [], []
        for index, spec in enumerate(data["patterns"]):
            prefix = f"p{index}"
            groups: dict[str, str] = {}

            def fill(placeholder: re.Match) -> str:
                key, number = placeholder.groups()
                if key in fixed:
                    return fixed[key]
                if key == "SAME":
                    return f"(?P={groups['s1']})"
                field = captured[key][0] + number
                groups[field] = f"{prefix}_{field}"
                before, after = frames.get(key, ("", ""))
                return rf"{before}(?P<{groups[field]}>{captured[key][1]}){after}"

            body = _PLACEHOLDER.sub(fill, spec["regex"])
            alternatives.append(f"(?P<{prefix}>{body})")
            patterns.append(
                Pattern(
                    kind=spec.get("kind", "calendar"),
                    groups=groups,
                    needs_cue=spec.get("needs_cue", False),
                    standalone_year=spec.get("standalone_year", False),
                    not_after_label=spec.get("not_after_label", False),
                )
            )
        # Every pattern starts with a digit or a calendar word: checking that
        # first lets the scan skip most positions at the cost of one lookahead.
        starters = _case_variants(
            data["months"] + data["month_abbreviations"] + data["weekdays"] + data["weekday_abbreviations"]
            + data["fiscal_markers"] + references + data["ordinal_days"]
            + list(self.foreign_months) + data["foreign_weekdays"]
        ) + [m.lower() for m in data["months"] + data["month_abbreviations"]]
        first_chars = re.escape("".join(sorted({w[0] for w in starters})))
        # A date the markup glued to a field label ("Date2024/05/21") starts at no word boundary.
        glued = "|".join(f"(?<={re.escape(w)})" for w in _case_variants(data["glued_labels"]))
        gate = rf"(?:(?=[\d{first_chars}])\b(?=\d|{_trie(starters)})|(?=\d)(?:{glued}))"
        self.regex = re.compile(gate + "(?:" + "|".join(alternatives) + ")")
        self.patterns = patterns
