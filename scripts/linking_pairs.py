"""The false and missed pairs of instrument linking (or organisation clustering), with their text.

    PYTHONPATH=. .venv/bin/python scripts/linking_pairs.py OUTPUTS [--gold annotations] [--metric organisation_clustering]

One line per wrong pair: FP (same predicted id, different gold groups) or FN (same gold group,
different ids), each side with its document, action, date and evidence. Pairs touching a held-out
subset are only counted, never shown (the held-out rule: totals only).
"""

from __future__ import annotations

import argparse
from itertools import combinations

from pipeline.evaluation.document import score_document
from pipeline.evaluation.identity import IDENTITY_METRICS, _scored_items
from pipeline.evaluation.records import subset_of
from pipeline.gold import load_gold_dir
from pipeline.gold.identity import load_identity, resolve_identity, IDENTITY_FILE
from pipeline.outputs import RunOutputs
from pipeline.schemas import SCORED_TABLES

HIDDEN = ("heldout", "pages_heldout")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("outputs")
    parser.add_argument("--gold", default="annotations")
    parser.add_argument("--metric", default="instrument_linking")
    args = parser.parse_args()
    table, column, section = IDENTITY_METRICS[args.metric]
    identity = load_identity(f"{args.gold}/{IDENTITY_FILE}")
    golds = {d: g for d, g in load_gold_dir(args.gold).items() if subset_of(d) in (identity.subsets or [subset_of(d)])}
    outputs = RunOutputs(args.outputs)
    texts = {r["doc_id"]: r["text"] for r in outputs.rows("documents", columns=["doc_id", "text"])}
    tables = {t: outputs.rows_by_doc(t) for t in SCORED_TABLES}
    paired = {}
    for doc_id, gold in sorted(golds.items()):
        preds = {t: rows.get(doc_id, []) for t, rows in tables.items()}
        scores = score_document(gold, texts.get(doc_id), preds).scores()
        for index, row in scores.paired.get(table, {}).items():
            paired[(doc_id, index)] = row
    clusters = getattr(resolve_identity(identity, golds), section)
    cluster_of = {item: n for n, c in enumerate(clusters) for item in c}
    labels = [g.label for g in getattr(identity, section)]
    items = [i for i in _scored_items(golds, table) if i in paired]
    hidden = {"FP": 0, "FN": 0}
    shown = []
    for a, b in combinations(items, 2):
        same_gold = a in cluster_of and cluster_of.get(a) == cluster_of.get(b)
        same_id = paired[a][column] == paired[b][column]
        if same_gold == same_id:
            continue
        kind = "FP" if same_id else "FN"
        if any(subset_of(i[0]) in HIDDEN for i in (a, b)):
            hidden[kind] += 1
            continue
        shown.append((kind, a, b))
    for kind, a, b in shown:
        print(f"{kind}  gold {labels[cluster_of[a]] if a in cluster_of else '-'} | {labels[cluster_of[b]] if b in cluster_of else '-'}")
        for item in (a, b):
            row = paired[item]
            if table == "agreements":
                print(f"    {item[0]} {row[column]} {row['type']} {row['action']} {row['date_value']} {row['parties']}")
                print(f"        {row['evidence'][:220]!r}")
            else:
                print(f"    {item[0]} {row[column]} {row['name']} ({row.get('country')})")
    print(f"shown FP {sum(k == 'FP' for k, *_ in shown)} FN {sum(k == 'FN' for k, *_ in shown)}; held-out pairs (not shown): {hidden}")


if __name__ == "__main__":
    main()
