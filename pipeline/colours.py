"""Every colour the analysts' views use, fixed here so that a kind keeps its colour from one report to the next.

Colours used to follow the order of the kinds present in a run (a palette
index), so a kind changed colour between reports; now each value of a SPEC
list has its own.
"""

from __future__ import annotations

from pipeline.vocabulary import AGREEMENT_ACTIONS, PARTY_KINDS

# Party kinds (vocabulary.PARTY_KINDS), plus states that are parties themselves (graph nodes).
KIND_COLOURS = {
    "government": "#1f77b4",
    "agency": "#ff7f0e",
    "research": "#2ca02c",
    "university": "#9467bd",
    "company": "#8c564b",
    "international": "#e377c2",
    "committee": "#bcbd22",
    "other": "#7f7f7f",
    "country": "#17becf",
}
# Agreement actions (vocabulary.AGREEMENT_ACTIONS) on the timeline.
ACTION_COLOURS = {
    "signed": "#1f77b4",
    "renewed": "#2ca02c",
    "extended": "#ff7f0e",
    "adopted": "#9467bd",
    "referenced": "#aaaaaa",
}
UNKNOWN = "#444444"

# displaCy marks in a document's text: one per table.
ENTITY_COLOURS = {"PARTY": "#7aecec", "DATE": "#feca74", "COUNT": "#bfeeb7"}
MISSED_COLOUR = "#ffc4c4"
FALSE_ALARM_STRIPE = "#ff9f9f"

assert set(PARTY_KINDS) <= set(KIND_COLOURS) and set(AGREEMENT_ACTIONS) <= set(ACTION_COLOURS), "a SPEC value without its colour"


def kind_colour(kind: str | None) -> str:
    return KIND_COLOURS.get(kind or "other", UNKNOWN)


def action_colour(action: str) -> str:
    return ACTION_COLOURS.get(action, UNKNOWN)
