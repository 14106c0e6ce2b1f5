"""How much of the gold parties the model's own ORG spans reach, beside how much the pipeline keeps.

The gap between the two figures is what st_parties throws away (or never
repairs); a kept share above the model's says the rules find what the model
misses. Read from the run's `entities` (source model, label ORG) and
`parties` tables.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline.evaluation.records import subset_of
from pipeline.gold import load_gold_dir
from pipeline.outputs import RunOutputs
from pipeline.text import spec_form


@dataclass
class Coverage:
    gold: int = 0
    by_model: int = 0       # gold parties whose name or an alias is a model ORG span's text
    kept: int = 0           # gold parties a predicted party's name or acronym matches

    def line(self, subset: str) -> str:
        share = lambda n: n / self.gold if self.gold else 1.0  # noqa: E731
        return f"  {subset:12} model ORG spans cover {share(self.by_model):.3f}, pipeline keeps {share(self.kept):.3f} of {self.gold} gold parties"


def _forms_by_doc(outputs: RunOutputs, table: str, names: list[str], filters: list | None = None) -> dict[str, set[str]]:
    """The `names` columns of a table's rows (those passing `filters`), in SPEC 4 form, by doc_id."""
    forms: dict[str, set[str]] = {}
    for row in outputs.rows(table, columns=["doc_id", *names], filters=filters):
        forms.setdefault(row["doc_id"], set()).update(spec_form(row[c]) for c in names if row.get(c))
    return forms


def party_coverage(gold_dir: str | Path, outputs_dir: str | Path) -> dict[str, Coverage]:
    """Coverage per subset (the evaluation's subsets) over the non-optional gold parties."""
    outputs = RunOutputs(outputs_dir)
    model = _forms_by_doc(outputs, "entities", ["text"], [("label", "=", "ORG"), ("source", "=", "model")])
    kept = _forms_by_doc(outputs, "parties", ["name", "acronym"])
    result: dict[str, Coverage] = {}
    for doc_id, gold in sorted(load_gold_dir(gold_dir).items()):
        coverage = result.setdefault(subset_of(doc_id), Coverage())
        for party in gold.parties:
            if party.optional:
                continue
            forms = {spec_form(form) for form in party.forms}
            coverage.gold += 1
            coverage.by_model += bool(forms & model.get(doc_id, set()))
            coverage.kept += bool(forms & kept.get(doc_id, set()))
    return result


def format_coverage(coverage: dict[str, Coverage]) -> str:
    return "\n".join(["parties found by the model vs kept:", *(c.line(name) for name, c in coverage.items())])
