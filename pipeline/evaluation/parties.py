"""Scoring parties (SPEC 4): a prediction matches a gold party when its name or
acronym equals, in SPEC form, the gold name or an alias."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipeline.evaluation.matching import max_matching, required_first, unpaired
from pipeline.text import spec_form

if TYPE_CHECKING:
    from pipeline.evaluation.document import DocumentScoring


def score(scoring: DocumentScoring) -> None:
    golds, predicted = scoring.gold.parties, scoring.predictions["parties"]
    predicted_keys = [{spec_form(row["name"]), spec_form(row.get("acronym"))} - {""} for row in predicted]
    edges = {
        index: [j for j, keys in enumerate(predicted_keys) if keys & {spec_form(form) for form in party.forms}]
        for index, party in enumerate(golds)
    }
    pairs = max_matching(required_first(golds), edges)
    scoring.paired["parties"] = {index: predicted[j] for index, j in pairs.items()}
    for index, party in enumerate(golds):
        if party.optional:
            continue
        if index in pairs:
            scoring.count("parties", tp=1)
        else:
            scoring.count("parties", fn=1)
            scoring.error("parties", "party", "missed", party.name, expected=" | ".join(party.forms))
    for j in unpaired(len(predicted), pairs):
        row = predicted[j]
        scoring.count("parties", fp=1)
        found = f"{row['name']} ({row['acronym']})" if row.get("acronym") else row["name"]
        scoring.error("parties", "party", "spurious", row["name"], found=found, row_id=row["party_id"])
