"""Pairwise scoring of corpus identity against annotations/identity.yaml.

    pairwise(gold_clusters, items, predicted) -> PairCounts
        `items`: the gold items scored (non-optional parties or agreement events of
        every gold document, as (doc_id, index)); `gold_clusters`: the identity
        file's groups of them (an unlisted item is a cluster of its own);
        `predicted`: item -> the id (org_id, instrument_id) of the prediction the
        per-document scorer paired with it.

A pair of items counts once. TP: same gold cluster and same predicted id; FP:
same predicted id, different gold clusters; FN: same gold cluster, different
predicted ids. Only items with a paired prediction take part: an item the
run missed is already a miss of the per-document scores, and has no identity
to judge; `n_items` and `n_scored` say how many were left out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.identity_gold import ItemKey


@dataclass(frozen=True)
class PairCounts:
    tp: int
    fp: int
    fn: int
    n_items: int
    n_scored: int


def _pairs(sizes: Iterable[int]) -> int:
    return sum(n * (n - 1) // 2 for n in sizes)


def pairwise(gold_clusters: list[set[ItemKey]], items: Iterable[ItemKey], predicted: dict[ItemKey, str]) -> PairCounts:
    items = list(items)
    cluster_of = {item: number for number, cluster in enumerate(gold_clusters) for item in cluster}
    scored = [item for item in items if item in predicted]
    # An item no group lists is a cluster of its own.
    gold_label = {item: cluster_of.get(item, ("alone", item)) for item in scored}
    both = _pairs(Counter((gold_label[item], predicted[item]) for item in scored).values())
    gold_pairs = _pairs(Counter(gold_label.values()).values())
    predicted_pairs = _pairs(Counter(predicted[item] for item in scored).values())
    return PairCounts(both, predicted_pairs - both, gold_pairs - both, len(items), len(scored))
