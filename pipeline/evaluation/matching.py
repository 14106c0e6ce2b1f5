"""Pairing gold items with predictions one to one."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

Span = tuple[int, int]


def max_matching(left_order: Iterable[int], edges: dict[int, list[int]]) -> dict[int, int]:
    """A maximum one-to-one matching, left -> right (augmenting paths).

    Left items earlier in `left_order` keep their match as later ones are
    added, so putting required gold first lets it choose first.
    """
    owner: dict[int, int] = {}

    def augment(left: int, seen: set[int]) -> bool:
        for right in edges.get(left, ()):
            if right not in seen:
                seen.add(right)
                if right not in owner or augment(owner[right], seen):
                    owner[right] = left
                    return True
        return False

    for left in left_order:
        augment(left, set())
    return {left: right for right, left in owner.items()}


def greedy(candidates: list[tuple[tuple, int, int]]) -> dict[int, int]:
    """One-to-one pairs gold -> prediction, taking (sort key, gold, prediction) best first."""
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for _, gold, predicted in sorted(candidates):
        if gold not in pairs and predicted not in taken:
            pairs[gold] = predicted
            taken.add(predicted)
    return pairs


def pair_by_position(
    gold_ids: list[int], predicted_ids: list[int], gold_spans: Sequence[Span | None], predicted_spans: Sequence[Span]
) -> dict[int, int]:
    """Equal-text items one to one: overlapping spans first, the rest in order of position."""
    pairs: dict[int, int] = {}
    for i in gold_ids:
        for j in predicted_ids:
            if j not in pairs.values() and overlaps(gold_spans[i], predicted_spans[j]):
                pairs[i] = j
                break
    rest_gold = sorted(
        (i for i in gold_ids if i not in pairs),
        key=lambda i: (gold_spans[i] is None, gold_spans[i] or (0, 0), i),
    )
    rest_predicted = sorted((j for j in predicted_ids if j not in pairs.values()), key=lambda j: predicted_spans[j])
    return pairs | dict(zip(rest_gold, rest_predicted))


def required_first(items: Sequence) -> list[int]:
    """Indices of gold items, required ones before optional ones."""
    return sorted(range(len(items)), key=lambda index: items[index].optional)


def unpaired(n_predicted: int, pairs: dict[int, int]) -> list[int]:
    """Indices of the predictions no gold item was paired with, in order."""
    return sorted(set(range(n_predicted)) - set(pairs.values()))


def span_of(row: dict) -> Span:
    return row["start_char"], row["end_char"]


def overlaps(a: Span | None, b: Span | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def distance(a: Span | None, b: Span | None) -> float:
    return abs(a[0] - b[0]) if a is not None and b is not None else math.inf
