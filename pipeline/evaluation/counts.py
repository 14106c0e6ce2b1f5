"""Scoring counts (SPEC 4): value, then value and unit (the unit's last word).

Counts with equal value pair first where the last word of the unit agrees,
then where the spans overlap, then by distance.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from pipeline.evaluation.matching import distance, greedy, overlaps, span_of, unpaired
from pipeline.gold import locate_occurrences
from pipeline.text import plain_number, spec_form

if TYPE_CHECKING:
    from pipeline.evaluation.document import DocumentScoring


def last_word(unit: str | None) -> str:
    words = spec_form(unit).split()
    return words[-1] if words else ""


def score(scoring: DocumentScoring) -> None:
    golds, predicted = scoring.gold.counts, scoring.predictions["counts"]
    spans = locate_occurrences([count.text for count in golds], scoring.doc)
    candidates = [
        (
            (
                last_word(count.unit) != last_word(row["unit"]),
                not overlaps(spans[i], span_of(row)),
                count.optional,
                distance(spans[i], span_of(row)),
            ),
            i,
            j,
        )
        for i, count in enumerate(golds)
        for j, row in enumerate(predicted)
        if count.value is not None and math.isclose(count.value, row["value"], rel_tol=1e-9, abs_tol=1e-9)
    ]
    pairs = greedy(candidates)
    for index, count in enumerate(golds):
        if count.optional:
            continue
        expected = f"{plain_number(count.value)} {count.unit}" if count.value is not None else count.raw_value
        if index not in pairs:
            scoring.count("counts_value", fn=1)
            scoring.count("counts_value_unit", fn=1)
            scoring.error("counts", "value", "missed", count.text, spans[index], expected=expected)
            continue
        row = predicted[pairs[index]]
        scoring.count("counts_value", tp=1)
        if last_word(count.unit) == last_word(row["unit"]):
            scoring.count("counts_value_unit", tp=1)
        else:
            scoring.count("counts_value_unit", fp=1, fn=1)
            scoring.error("counts", "unit", "wrong", count.text, span_of(row), expected=count.unit, found=row["unit"])
    for j in unpaired(len(predicted), pairs):
        row = predicted[j]
        scoring.count("counts_value", fp=1)
        scoring.count("counts_value_unit", fp=1)
        found = f"{plain_number(row['value'])} {row['unit']}"
        scoring.error("counts", "value", "spurious", row["text"], span_of(row), found=found)
