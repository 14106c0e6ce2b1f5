"""Scoring corpus identity against annotations/identity.yaml (pipeline.gold.identity):
pairwise precision, recall and F1 of organisation clustering and of instrument linking.

    score_identity(gold_dir, golds, documents) -> ({metric: IdentityScore}, [EvalError])
        nothing without an identity file; the errors (table organisations or
        instruments, field identity, kind split or merged) go to eval/errors.parquet
    identity_agreement(gold_dir, reference, other) -> {metric: IdentityScore}
        two annotators' identity files over the same gold files: `other` scored against `reference`
    pairwise(gold_clusters, items, predicted) -> IdentityScore

Each gold party and event takes the id (`org_id`, `instrument_id`) of the
prediction the per-document scorer paired it with (DocumentScores.paired:
the SPEC 4 matching, nothing of its own). Over all pairs of such items: TP =
same gold group and same id; FP = same id, different groups; FN = same
group, different ids. An item without a paired prediction is a miss of the
per-document scores and has no identity to judge: it is left out, and
`n_scored` of `n_items` says how many took part. Optional gold items are left
out too. An item the identity file does not list is a group of its own.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pipeline.evaluation.records import DocumentScores, EvalError, Tally, subset_of
from pipeline.gold import Gold, load_gold_dir
from pipeline.gold.identity import IDENTITY_FILE, ItemKey, load_identity, resolve_identity

# metric -> (gold and predicted table, id column, the identity file's section), in the order shown.
IDENTITY_METRICS = {
    "organisation_clustering": ("parties", "org_id", "organisations"),
    "instrument_linking": ("agreements", "instrument_id", "instruments"),
}
_ROW_ID = {"parties": "party_id", "agreements": "agreement_id"}
IDENTITY_LABELS = {"organisation_clustering": "organisation clusters", "instrument_linking": "instrument linking"}


@dataclass(frozen=True)
class IdentityScore:
    tally: Tally
    n_items: int
    n_scored: int


def _pairs(sizes: Iterable[int]) -> int:
    return sum(n * (n - 1) // 2 for n in sizes)


def pairwise(gold_clusters: list[set[ItemKey]], items: Iterable[ItemKey], predicted: dict[ItemKey, object]) -> IdentityScore:
    items = list(items)
    cluster_of = {item: number for number, cluster in enumerate(gold_clusters) for item in cluster}
    scored = [item for item in items if item in predicted]
    gold_label = {item: cluster_of.get(item, ("alone", item)) for item in scored}
    both = _pairs(Counter((gold_label[item], predicted[item]) for item in scored).values())
    gold_pairs = _pairs(Counter(gold_label.values()).values())
    predicted_pairs = _pairs(Counter(predicted[item] for item in scored).values())
    return IdentityScore(Tally(both, predicted_pairs - both, gold_pairs - both), len(items), len(scored))


def _scored_items(golds: dict[str, Gold], table: str) -> list[ItemKey]:
    return [(doc_id, index) for doc_id, gold in golds.items() for index, item in enumerate(getattr(gold, table)) if not item.optional]


def identity_agreement(gold_dir: str | Path, reference: str | Path, other: str | Path) -> dict[str, IdentityScore]:
    golds = load_gold_dir(gold_dir)
    expected, found = (resolve_identity(load_identity(path), golds) for path in (reference, other))
    scores = {}
    for metric, (table, _, section) in IDENTITY_METRICS.items():
        items = _scored_items(golds, table)
        # Every item has an identity in the other file too: its group's number, or itself alone.
        group_of = {item: number for number, group in enumerate(getattr(found, section)) for item in group}
        scores[metric] = pairwise(getattr(expected, section), items, {item: group_of.get(item, item) for item in items})
    return scores


def score_identity(
    gold_dir: str | Path, golds: dict[str, Gold], documents: list[DocumentScores]
) -> tuple[dict[str, IdentityScore], list[EvalError]]:
    path = Path(gold_dir) / IDENTITY_FILE
    if not path.exists():
        return {}, []
    identity = load_identity(path)
    if identity.subsets is not None:
        golds = {doc_id: gold for doc_id, gold in golds.items() if subset_of(doc_id) in identity.subsets}
    resolved = resolve_identity(identity, golds)
    scores, errors = {}, []
    for metric, (table, column, section) in IDENTITY_METRICS.items():
        items = _scored_items(golds, table)
        paired = {(document.doc_id, index): row for document in documents for index, row in document.paired.get(table, {}).items()}
        scored = {item: paired[item] for item in items if item in paired}
        clusters = getattr(resolved, section)
        scores[metric] = pairwise(clusters, items, {item: row[column] for item, row in scored.items()})
        labels = [group.label for group in getattr(identity, section)]
        errors += _identity_errors(section, table, column, clusters, labels, golds, scored)
    return scores, errors


def _identity_errors(section, table, column, clusters, labels, golds, scored: dict[ItemKey, dict]) -> list[EvalError]:
    """The items that break with the majority: of their gold group's ids (`split`: the gold group
    is expected, the item's id found) and of their id's gold groups (`merged`)."""
    cluster_of = {item: number for number, cluster in enumerate(clusters) for item in cluster}

    def group(item):
        return cluster_of.get(item, ("alone", item))

    def predicted(item):
        return scored[item][column]

    errors = []
    for kind, key, other in (("split", group, predicted), ("merged", predicted, group)):
        members: dict[object, list[ItemKey]] = {}
        for item in scored:
            members.setdefault(key(item), []).append(item)
        for together in members.values():
            counts = Counter(other(item) for item in together)
            majority = min(counts, key=lambda value: (-counts[value], repr(value)))
            for item in sorted(i for i in together if other(i) != majority):
                entry = getattr(golds[item[0]], table)[item[1]]
                errors.append(EvalError(
                    item[0], subset_of(item[0]), section, "identity", kind,
                    entry.name if table == "parties" else entry.evidence,
                    expected=labels[cluster_of[item]] if item in cluster_of else None,
                    found=predicted(item), row_id=scored[item][_ROW_ID[table]],
                ))
    return errors
