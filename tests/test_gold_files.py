"""Every gold file in annotations/ loads and is sound against its document's analysed text."""

import glob
from pathlib import Path

import pytest

from pipeline.gold import doc_id_of, gold_files, load_gold, validate_gold
from pipeline.reading import read_document

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT / "annotations"
CORPUS = ROOT / "corpus"


def document_of(doc_id: str) -> Path | None:
    """corpus/<doc_id> with any extension (or with the extension kept in the id)."""
    exact = CORPUS / doc_id
    if exact.is_file():
        return exact
    matches = [Path(path) for path in glob.glob(glob.escape(str(exact)) + ".*") if Path(path).is_file()]
    return matches[0] if len(matches) == 1 else None


@pytest.mark.parametrize("path", gold_files(GOLD_DIR), ids=lambda path: doc_id_of(path, GOLD_DIR))
def test_gold_file_is_valid(path):
    gold = load_gold(path)
    assert gold.doc_id == doc_id_of(path, GOLD_DIR), "doc_id must match the file's place under annotations/"
    source = document_of(gold.doc_id)
    assert source is not None, f"no single corpus/{gold.doc_id}.* for this gold file"
    document = read_document(source, gold.doc_id)
    assert document.status == "ok", document.error
    problems = validate_gold(gold, document.text)
    assert problems == [], "\n".join(map(str, problems))


def test_every_seed_document_has_gold():
    seeds = sorted(CORPUS.glob("0*.txt"))
    assert seeds, "no seed documents corpus/0*.txt"
    missing = [seed.name for seed in seeds if not (GOLD_DIR / f"{seed.stem}.yaml").is_file()]
    assert missing == [], f"seed documents without annotations/<doc_id>.yaml: {missing}"
