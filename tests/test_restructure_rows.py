"""Restructures that promised identical rows keep that promise.

Each entry pins the commit that restructured code and the commit it was landed on, and
the test runs both (scripts/compare_runs.py: `git archive` + PYTHONPATH) over the
seeds and the first dev set of corpus/, requiring every table to be equal row for row.

The pair is pinned rather than "base vs. the current tree" on purpose: once accuracy
work changes rows, a comparison with the current tree would fail for good reasons, while
the pinned pair keeps proving what it proved. Runs of a commit are cached (by commit,
model and corpus), so after the first run the check costs a table comparison. Skipped
when the git history is not there (an exported tree, a shallow clone).
"""

import importlib.util
import shutil

import pytest

from conftest import CORPUS, REPO

RESTRUCTURES = {
    # issue 14: agreements and counts as packages, one layout module, one country pass
    "components-layout": ("7f97498", "ea917cb"),
    # issue 14: spaCy-native components (data in initialize/to_disk, plain extensions)
    "components-spacy-native": ("dc12d26", "6833530"),
    # issue 14: parties.py and org_names.py split by concern (mentions, groups, description; heads, complements, words)
    "parties-split": ("e4c03ac", "b8ce111"),
    # issue 14 cost: month names read from a table, not by dateparser
    "perf-dates-month-table": ("7f2f6ed", "d06905f"),
    # issue 14 cost: one process sends many documents through the model at a time
    "perf-batched-model": ("70ec3d3", "8ff3b39"),
    # issue 14: counts/units.py split by concern (noun phrases, listed units, prose units)
    "counts-units-split": ("60cff9c", "bf45e99"),
    # issue 14 cost: data files parsed by libyaml; number tokens found by their texts, not a regex Matcher
    "perf-yaml-number-starts": ("674fd9d", "d124008"),
    # issue 14 cost: a document's text joined once for all components
    "perf-doc-text-once": ("68ea636", "a233add"),
    # issue 13: one long line linear (instruments by id and by type, bar rows once per line, currency once per page)
    "linear-long-line": ("0c7105c", "18d90d4"),
    # issue 14 cost: the model's rule lemmatizer through sets and one cache (same lemmas)
    "perf-cached-lemmatizer": ("36d4f96", "82c43fd"),
    # issue 10: date value reading moved out of dates.py (date_values.py)
    "dates-value-reader": ("96e8e93", "e891961"),
}


def _compare_runs():
    spec = importlib.util.spec_from_file_location("compare_runs", REPO / "scripts" / "compare_runs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", sorted(RESTRUCTURES))
def test_restructure_keeps_every_row(name):
    base, restructured = RESTRUCTURES[name]
    compare_runs = _compare_runs()
    if shutil.which("git") is None or not all(compare_runs.has_commit(c) for c in (base, restructured)):
        pytest.skip("git history with the pinned commits is not available")
    # The seeds and the first dev set: enough text to exercise every component, small enough to run
    # each pinned revision in a few seconds.
    documents = [*sorted(CORPUS.glob("0*.txt")), CORPUS / "dev"]
    assert compare_runs.compare_revisions(base, restructured, documents)
