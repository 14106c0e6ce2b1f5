"""The SPEC's closed value lists, written once (SPEC sections 1-3).

Gold validation, the output schemas' allowed values, the data-file checks and
the tests all take them from here. Tuples keep the SPEC's order, which the
report follows (actions on the timeline, qualifiers' signs).
"""

from __future__ import annotations

from collections.abc import Iterable

DOCUMENT_STATUSES = ("ok", "empty", "error")
ENTITY_SOURCES = ("model", "rules")
PARTY_KINDS = ("government", "agency", "research", "university", "company", "international", "committee", "other")
DATE_GRANULARITIES = ("day", "month", "year", "fiscal_year", "decade", "interval")
COUNT_QUALIFIERS = ("exact", "approx", "more_than", "at_least", "less_than", "up_to")
COUNT_KINDS = ("count", "money", "percent", "measure", "duration")
# The words a duration's unit may end in (SPEC 3.3: "durations day/month/year").
DURATION_UNITS = ("second", "minute", "hour", "day", "week", "month", "year", "decade", "century")
AGREEMENT_TYPES = (
    "agreement", "mou", "moc", "loi", "implementation_arrangement", "arrangement",
    "addendum", "protocol", "joint_statement", "contract", "other",
)
AGREEMENT_ACTIONS = ("signed", "renewed", "extended", "adopted", "referenced")


def unknown_values(values: Iterable[str], allowed: Iterable[str]) -> list[str]:
    """The values not in `allowed`, sorted: what a data file or gold file got wrong."""
    return sorted(set(values) - set(allowed))
