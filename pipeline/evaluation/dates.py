"""Scoring dates (SPEC 4): text, then text and value.

A gold date's position is where its quote occurs (the k-th entry with a
given text is its k-th occurrence); dates with equal text pair first where
the spans overlap, then in order of position.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipeline.evaluation.matching import pair_by_position, span_of, unpaired
from pipeline.gold import locate_occurrences
from pipeline.text import spec_form

if TYPE_CHECKING:
    from pipeline.evaluation.document import DocumentScoring


def score(scoring: DocumentScoring) -> None:
    golds, predicted = scoring.gold.dates, scoring.predictions["dates"]
    spans = locate_occurrences([date.text for date in golds], scoring.doc)
    pairs: dict[int, int] = {}
    for key in {spec_form(date.text) for date in golds}:
        gold_ids = [i for i, date in enumerate(golds) if spec_form(date.text) == key]
        predicted_ids = [j for j, row in enumerate(predicted) if spec_form(row["text"]) == key]
        pairs |= pair_by_position(gold_ids, predicted_ids, spans, [span_of(row) for row in predicted])
    for index, date in enumerate(golds):
        if date.optional:
            continue
        if index not in pairs:
            scoring.count("dates_text", fn=1)
            scoring.count("dates_text_value", fn=1)
            scoring.error("dates", "text", "missed", date.text, spans[index], expected=date.value)
            continue
        row = predicted[pairs[index]]
        scoring.count("dates_text", tp=1)
        if row["value"] == date.value:
            scoring.count("dates_text_value", tp=1)
        else:
            scoring.count("dates_text_value", fp=1, fn=1)
            scoring.error("dates", "value", "wrong", date.text, span_of(row), expected=date.value, found=row["value"])
    for j in unpaired(len(predicted), pairs):
        row = predicted[j]
        scoring.count("dates_text", fp=1)
        scoring.count("dates_text_value", fp=1)
        scoring.error("dates", "text", "spurious", row["text"], span_of(row), found=row["value"])
