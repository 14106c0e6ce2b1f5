"""annotations/identity.yaml: loading, checking against the gold files, pairwise scoring."""

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.evaluation.identity import pairwise
from pipeline.gold import load_gold_dir
from pipeline.gold.identity import IdentityFormatError, identity_problems, load_identity, resolve_identity

from conftest import write_gold

DOC_A = """\
doc_id: a
parties:
  - {name: Deutsche Forschungsgemeinschaft, aliases: [DFG], kind: agency, country: Germany}
  - {name: Japan Science and Technology Agency, aliases: [JST], kind: agency, country: Japan}
agreements:
  - {evidence: DFG and JST signed an MoU in 2010, type: mou, action: signed, parties: [DFG, JST], date: "2010"}
"""
DOC_B = """\
doc_id: dev/b
parties:
  - {name: German Research Foundation, aliases: [DFG], kind: agency, country: Germany}
  - {name: JST, kind: agency, country: Japan}
  - {name: Ministry of Science and Technology, kind: government, country: Vietnam}
agreements:
  - {evidence: The MoU was renewed in 2015, type: mou, action: renewed, parties: [DFG, JST], date: "2015"}
  - {evidence: "a second   MoU", type: mou, action: signed, parties: [DFG, JST], date: "2019"}
"""
IDENTITY = """\
organisations:
  - name: Deutsche Forschungsgemeinschaft
    country: Germany
    parties:
      - a: DFG
      - dev/b: German Research Foundation
  - name: Japan Science and Technology Agency
    parties:
      - a: Japan Science and Technology Agency
      - dev/b: JST
instruments:
  - title: DFG-JST MoU of 2010
    note: renewed once
    events:
      - a: DFG and JST signed an MoU in 2010
      - dev/b: The MoU was renewed in 2015
"""


@pytest.fixture
def gold_dir(tmp_path):
    write_gold(tmp_path, "a", DOC_A)
    write_gold(tmp_path, "dev/b", DOC_B)
    (tmp_path / "identity.yaml").write_text(IDENTITY, encoding="utf-8")
    return tmp_path


def test_the_identity_file_is_not_read_as_a_documents_gold(gold_dir):
    assert set(load_gold_dir(gold_dir)) == {"a", "dev/b"}


def test_groups_resolve_to_gold_items(gold_dir):
    resolved = resolve_identity(load_identity(gold_dir / "identity.yaml"), load_gold_dir(gold_dir))
    assert resolved.organisations == [{("a", 0), ("dev/b", 0)}, {("a", 1), ("dev/b", 1)}]
    assert resolved.instruments == [{("a", 0), ("dev/b", 0)}]


def test_problems_name_the_group_and_the_member(gold_dir):
    (gold_dir / "identity.yaml").write_text(
        IDENTITY.replace("dev/b: JST", "dev/c: JST").replace("a: DFG and JST", "a: DFG and CNRS")
        + "  - title: lonely\n    events:\n      - dev/b: a second MoU\n",
        encoding="utf-8",
    )
    problems = identity_problems(load_identity(gold_dir / "identity.yaml"), load_gold_dir(gold_dir))
    assert any("dev/c" in p and "no gold file" in p for p in problems)
    assert any("DFG and CNRS" in p and "names 0 of the document's gold events" in p for p in problems)
    assert any("'lonely'" in p and "fewer than two" in p for p in problems)
    with pytest.raises(IdentityFormatError):
        resolve_identity(load_identity(gold_dir / "identity.yaml"), load_gold_dir(gold_dir))


def test_a_malformed_file_is_refused(tmp_path):
    (tmp_path / "identity.yaml").write_text("organisations:\n  - name: X\n    parties: [a, b]\n", encoding="utf-8")
    with pytest.raises(IdentityFormatError, match="one-entry mappings"):
        load_identity(tmp_path / "identity.yaml")


def test_pairwise_counts_pairs_of_paired_items_only():
    gold = [{"a1", "b1", "c1"}, {"a2", "b2"}]
    items = ["a1", "b1", "c1", "a2", "b2", "d1"]
    predicted = {"a1": "x", "b1": "x", "c1": "y", "a2": "z", "b2": "z", "d1": "z"}
    score = pairwise(gold, items, predicted)
    # Gold pairs: a1-b1, a1-c1, b1-c1, a2-b2. Predicted: a1-b1, a2-b2, a2-d1, b2-d1.
    assert (score.tally.tp, score.tally.fp, score.tally.fn) == (2, 2, 2)
    missed = pairwise(gold, items, {k: v for k, v in predicted.items() if k != "c1"})
    assert (missed.tally.tp, missed.tally.fp, missed.tally.fn, missed.n_items, missed.n_scored) == (2, 2, 0, 6, 5)


def test_two_annotators_identity_files_are_compared_pairwise(gold_dir, tmp_path_factory):
    other = tmp_path_factory.mktemp("annotator_b") / "identity.yaml"
    # The other annotator leaves JST's group out: one pair of the reference's three organisation pairs is missed.
    other.write_text(IDENTITY.split("  - name: Japan Science")[0] + "instruments:" + IDENTITY.split("instruments:")[1], encoding="utf-8")
    result = CliRunner().invoke(app, ["identity-agreement", str(gold_dir / "identity.yaml"), str(other), "--gold", str(gold_dir)])
    assert result.exit_code == 0, result.output
    assert "organisation clusters   P 1.000  R 0.500  F1 0.667  (2 pairs in the reference)" in result.output
    assert "instrument linking      P 1.000  R 1.000  F1 1.000" in result.output


def test_items_of_subsets_the_annotators_did_not_work_through_are_not_scored(gold_dir):
    from pipeline.evaluation.identity import score_identity
    from pipeline.evaluation.records import DocumentScores

    write_gold(gold_dir, "pages_heldout/c", "doc_id: pages_heldout/c\nparties:\n  - {name: DFG, kind: agency, country: Germany}\n")
    (gold_dir / "identity.yaml").write_text("subsets: [seeds, dev]\n" + IDENTITY, encoding="utf-8")
    golds = load_gold_dir(gold_dir)
    same_body = {"org_id": "org-dfg", "party_id": "p1"}
    documents = [
        DocumentScores("a", "seeds", True, {}, {"parties": {0: same_body}}),
        DocumentScores("dev/b", "dev", True, {}, {"parties": {0: same_body}}),
        DocumentScores("pages_heldout/c", "pages_heldout", True, {}, {"parties": {0: same_body}}),
    ]
    scores, _ = score_identity(gold_dir, golds, documents)
    tally = scores["organisation_clustering"].tally
    # Only a/DFG and dev/b/DFG are scored: one true pair, no false merge with the unannotated document.
    assert (tally.tp, tally.fp, tally.fn) == (1, 0, 0)


def test_subsets_must_be_a_list_of_names(tmp_path):
    (tmp_path / "identity.yaml").write_text("subsets: dev\norganisations: []\n", encoding="utf-8")
    with pytest.raises(IdentityFormatError, match="subsets"):
        load_identity(tmp_path / "identity.yaml")
