"""The project's components as spaCy components: factories with defaults, data carried by
to_disk/from_disk, results that survive DocBin and multiprocessing, and error handlers."""

import subprocess
import sys

import pytest
import spacy
from spacy.tokens import DocBin

import pipeline.components  # noqa: F401  (registers the factories)
from pipeline.nlp import DocumentSkipped, analyse, analyse_text
from pipeline.tables import doc_rows

COMPONENTS = ("st_parties", "st_dates", "st_counts", "st_agreements")
TEXTS = [
    "The Japan Science and Technology Agency (JST) and the German Research Foundation (DFG) signed a "
    "Memorandum of Understanding on 8 May 2019 in Tokyo. More than 40 joint projects have been funded since then.",
    "Kenya and Norway signed a Letter of Intent on climate research in March 2018. It was extended again in 2022.",
    "| Instrument | Sides | Signed |\n|---|---|---|\n| MoU on AI | UKRI, DST | 14 Nov 2018 |\n",
]


def rows(doc):
    return doc_rows(doc, "d")


@pytest.mark.parametrize("name", COMPONENTS)
def test_each_factory_works_with_its_defaults_on_blank_english(name):
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")   # the rules read sentences; the blank pipeline has no parser
    nlp.add_pipe(name)
    nlp.initialize()
    doc = nlp("Kenya and Norway signed a Letter of Intent on 3 May 2019. More than 40 projects followed.")
    assert set(rows(doc)) == {"entities", "parties", "dates", "counts", "agreements"}


def test_blank_english_finds_dates_and_numbers_without_a_model():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("st_dates")
    nlp.add_pipe("st_counts")
    doc = nlp("The call closed on 3 May 2019 with 42% of the proposals funded.")
    assert [(s.text, s._.date.value) for s in doc.spans["dates"]] == [("3 May 2019", "2019-05-03")]
    assert [(s.text, s._.count.kind) for s in doc.spans["counts"]] == [("42%", "percent")]


def test_a_saved_pipeline_loads_with_its_own_data_and_gives_the_same_rows(nlp, tmp_path):
    nlp.to_disk(tmp_path / "saved")
    for name in COMPONENTS:
        assert (tmp_path / "saved" / name / "files.json").is_file(), name
    loaded = spacy.load(tmp_path / "saved")
    for text in TEXTS:
        assert rows(analyse_text(loaded, text)) == rows(analyse_text(nlp, text))


def test_a_saved_pipeline_loads_in_a_program_that_never_imports_the_package(nlp, tmp_path):
    nlp.to_disk(tmp_path / "saved")
    program = (
        "import sys, spacy; nlp = spacy.load(sys.argv[1]); doc = nlp(sys.argv[2]);"
        "print([(s.text, s._.date.value) for s in doc.spans['dates']])"
    )
    shown = subprocess.run(
        [sys.executable, "-c", program, str(tmp_path / "saved"), "The MoU was signed on 3 May 2019."],
        capture_output=True, text=True, check=True, cwd=tmp_path,
    ).stdout
    assert shown.strip() == "[('3 May 2019', '2019-05-03')]"


def test_results_survive_a_docbin(nlp):
    docs = [analyse_text(nlp, text) for text in TEXTS]
    stored = DocBin(store_user_data=True, docs=docs).to_bytes()
    restored = list(DocBin(store_user_data=True).from_bytes(stored).get_docs(nlp.vocab))
    assert [rows(doc) for doc in restored] == [rows(doc) for doc in docs]
    assert all(rows(doc)[table] for table in ("parties", "dates", "agreements") for doc in restored[:1])
    assert restored[1]._.agreements[0].trigger.text == "Letter of Intent"


def test_nlp_pipe_with_two_processes_gives_the_rows_of_one(nlp):
    one = [rows(doc) for doc in nlp.pipe(TEXTS)]
    two = [rows(doc) for doc in nlp.pipe(TEXTS, n_process=2)]
    assert two == one and any(r["agreements"] for r in two)


def test_a_failing_component_is_one_documents_error_and_its_handler_decides(nlp, monkeypatch):
    counts = nlp.get_pipe("st_counts")

    def fail(doc):
        raise ValueError("broken lexicon")

    monkeypatch.setattr(counts, "extractor", fail)
    monkeypatch.delattr(counts, "error_handler", raising=False)
    (result, _), = analyse(nlp, [("Some 12 projects.", None)])
    assert isinstance(result, ValueError)
    counts.set_error_handler(lambda name, proc, docs, error: None)   # let failing documents go
    try:
        (result, _), = analyse(nlp, [("Some 12 projects.", None)])
    finally:
        del counts.error_handler
    assert isinstance(result, DocumentSkipped) and "st_counts" in str(result)
