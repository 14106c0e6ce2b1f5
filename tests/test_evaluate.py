"""Scoring (SPEC 4) on hand-built gold files and tiny Parquet outputs, with exact figures."""

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.evaluation import METRICS, Tally, evaluate, format_table, write_eval
from pipeline.schemas import EVAL_ERRORS, EVAL_SCORES, PUBLISHED_TABLES, TABLES

from conftest import GOLD_PARTIES, write_gold

TEXT = (
    "The Department of Science & Technology (DST) and the Japan Society for the Promotion of "
    "Science (JSPS) signed a Memorandum of Understanding on 30 January 2017 in Tokyo. "
    "Since January 2014, more than 250 joint projects were funded and 40 scientists visited Japan."
)
EVIDENCE = "signed a Memorandum of Understanding on 30 January 2017"
SENTENCE_END = TEXT.index(" Since")

GOLD = "doc_id: {doc_id}\n" + GOLD_PARTIES + """\
dates:
  - text: 30 January 2017
    value: 2017-01-30
  - text: January 2014
    value: 2014-01
counts:
  - text: more than 250
    value: 250
    unit: joint project
    kind: count
    qualifier: more_than
  - text: "40"
    value: 40
    unit: scientist
    kind: count
agreements:
  - evidence: {evidence}
    type: mou
    action: signed
    parties: [DST, JSPS]
    date: 2017-01-30
    place: Tokyo
"""


def span(text: str, quote: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(quote, start + 1)
    return start, start + len(quote)


def party(doc_id, name, acronym=None):
    return {"doc_id": doc_id, "party_id": name, "name": name, "acronym": acronym, "kind": "other",
            "country": None, "n_mentions": 1, "aliases": []}


def date(doc_id, text, quote, value, nth=0):
    start, end = span(text, quote, nth)
    return {"doc_id": doc_id, "start_char": start, "end_char": end, "text": quote, "value": value,
            "granularity": "day", "start_date": None, "end_date": None, "from_context": False}


def count(doc_id, text, quote, value, unit, nth=0):
    start, end = span(text, quote, nth)
    return {"doc_id": doc_id, "start_char": start, "end_char": end, "text": quote, "value": value,
            "qualifier": "exact", "unit": unit, "kind": "count"}


def agreement(doc_id, type_, action, parties, start, end, date_value=None, place=None):
    return {"doc_id": doc_id, "agreement_id": f"{start}-{type_}-{action}", "type": type_, "action": action,
            "title": None, "parties": parties, "date_value": date_value, "date_text": None, "place": place,
            "valid_until": None, "evidence": "...", "start_char": start, "end_char": end}


def write_outputs(out: Path, texts: dict[str, str], **rows):
    """Every table a run publishes, `rows` by table name, documents made from `texts`."""
    rows["documents"] = [
        {"doc_id": doc_id, "source_path": f"{doc_id}.txt", "sha256": "0" * 64, "status": "ok", "error": None,
         "n_chars": len(text), "language": "en", "text": text, "pipeline_version": "test", "model": "test",
         "format": "txt"}
        for doc_id, text in texts.items()
    ]
    out.mkdir(parents=True, exist_ok=True)
    for table, schema in PUBLISHED_TABLES.items():
        pq.write_table(pa.Table.from_pylist(rows.get(table, []), schema=schema), out / f"{table}.parquet")
    return out


def perfect_rows(doc_id: str, text: str = TEXT) -> dict:
    return {
        "parties": [party(doc_id, "Department of Science and Technology", "DST"),
                    party(doc_id, "Japan Society for the Promotion of Science", "JSPS")],
        "dates": [date(doc_id, text, "30 January 2017", "2017-01-30"),
                  date(doc_id, text, "January 2014", "2014-01")],
        "counts": [count(doc_id, text, "more than 250", 250.0, "joint project"),
                   count(doc_id, text, "40", 40.0, "scientist")],
        "agreements": [agreement(doc_id, "mou", "signed",
                                 ["Department of Science and Technology", "Japan Society for the Promotion of Science"],
                                 0, SENTENCE_END, "2017-01-30", "Tokyo")],
    }


@pytest.fixture
def gold_dir(tmp_path):
    directory = tmp_path / "annotations"
    write_gold(directory, "doc", GOLD.format(doc_id="doc", evidence=EVIDENCE))
    return directory


def tallies(result, doc_index=0):
    return result.documents[doc_index].tallies


def test_perfect_prediction(tmp_path, gold_dir):
    outputs = write_outputs(tmp_path / "out", {"doc": TEXT}, **perfect_rows("doc"))
    result = evaluate(gold_dir, outputs)
    assert result.totals == {
        "parties": Tally(2, 0, 0),
        "dates_text": Tally(2, 0, 0),
        "dates_text_value": Tally(2, 0, 0),
        "counts_value": Tally(2, 0, 0),
        "counts_value_unit": Tally(2, 0, 0),
        "agreements_detection": Tally(1, 0, 0),
        "agreement_slots": Tally(6, 0, 0),  # type, action, two parties, date, place
    }
    assert all(tally.f1 == 1.0 for tally in result.totals.values())
    assert result.errors == []


def test_empty_prediction_misses_everything(tmp_path, gold_dir):
    outputs = write_outputs(tmp_path / "out", {"doc": TEXT})
    result = evaluate(gold_dir, outputs)
    assert result.totals["parties"] == Tally(0, 0, 2)
    assert result.totals["dates_text_value"] == Tally(0, 0, 2)
    assert result.totals["counts_value_unit"] == Tally(0, 0, 2)
    assert result.totals["agreements_detection"] == Tally(0, 0, 1)
    assert result.totals["agreement_slots"] == Tally(0, 0, 6)
    assert all((t.precision, t.recall, t.f1) == (0.0, 0.0, 0.0) for t in result.totals.values())
    assert len(result.errors) == 7 and {error.kind for error in result.errors} == {"missed"}
    missed_date = next(error for error in result.errors if error.table == "dates" and error.text == "January 2014")
    assert (missed_date.start_char, missed_date.end_char) == span(TEXT, "January 2014")


def test_document_without_outputs_counts_all_gold_missed(tmp_path, gold_dir):
    # Rows for "doc" without its documents row are ignored; other documents' rows too.
    rows = perfect_rows("doc")
    outputs = write_outputs(tmp_path / "out", {"other": TEXT}, **rows)
    result = evaluate(gold_dir, outputs)
    assert [d.doc_id for d in result.documents] == ["doc"]
    assert not result.documents[0].has_outputs
    assert result.totals["parties"] == Tally(0, 0, 2)
    assert result.totals["agreement_slots"] == Tally(0, 0, 6)
    assert "without outputs (all gold missed): doc" in format_table(result)


def test_partial_match(tmp_path, gold_dir):
    rows = {
        # name with "and" for "&", leading "The": matches the gold name; a second party is spurious.
        "parties": [party("doc", "The Department of Science and Technology"), party("doc", "Tokyo University")],
        "dates": [date("doc", TEXT, "30 January 2017", "2017-01-30"),
                  date("doc", TEXT, "January 2014", "2014")],  # right text, wrong value
        "counts": [count("doc", TEXT, "more than 250", 250.0, "project"),  # last word of the unit agrees
                   count("doc", TEXT, "40", 40.0, "visit")],  # wrong unit
        "agreements": [agreement("doc", "mou", "renewed", ["DST", "Tokyo"], *span(TEXT, "Memorandum"))],
    }
    result = evaluate(gold_dir, write_outputs(tmp_path / "out", {"doc": TEXT}, **rows))
    totals = result.totals
    assert totals["parties"] == Tally(1, 1, 1)
    assert (totals["parties"].precision, totals["parties"].recall, totals["parties"].f1) == (0.5, 0.5, 0.5)
    assert totals["dates_text"] == Tally(2, 0, 0)
    assert totals["dates_text_value"] == Tally(1, 1, 1)
    assert totals["counts_value"] == Tally(2, 0, 0)
    assert totals["counts_value_unit"] == Tally(1, 1, 1)
    assert totals["agreements_detection"] == Tally(1, 0, 0)
    # possible 6 (type action DST JSPS date place), actual 4 (type action DST Tokyo), correct 2 (type DST)
    assert totals["agreement_slots"] == Tally(2, 2, 4)
    assert totals["agreement_slots"].precision == 0.5
    assert totals["agreement_slots"].recall == pytest.approx(2 / 6)
    kinds = {(e.table, e.field, e.kind, e.expected, e.found) for e in result.errors}
    assert kinds == {
        ("parties", "party", "missed", "Japan Society for the Promotion of Science | JSPS", None),
        ("parties", "party", "spurious", None, "Tokyo University"),
        ("dates", "value", "wrong", "2014-01", "2014"),
        ("counts", "unit", "wrong", "scientist", "visit"),
        ("agreements", "action", "wrong", "signed", "renewed"),
        ("agreements", "party", "missed", "JSPS", None),
        ("agreements", "party", "spurious", None, "Tokyo"),
        ("agreements", "date", "missed", "2017-01-30", None),
        ("agreements", "place", "missed", "Tokyo", None),
    }


def test_duplicated_predictions_are_spurious(tmp_path, gold_dir):
    rows = perfect_rows("doc")
    rows["parties"].append(party("doc", "DST"))  # the same party again, under its acronym
    rows["dates"].append(date("doc", TEXT, "30 January 2017", "2017-01-30"))
    rows["counts"].append(count("doc", TEXT, "40", 40.0, "scientist"))
    rows["agreements"].append(dict(rows["agreements"][0], agreement_id="again"))
    result = evaluate(gold_dir, write_outputs(tmp_path / "out", {"doc": TEXT}, **rows))
    assert result.totals["parties"] == Tally(2, 1, 0)
    assert result.totals["dates_text"] == Tally(2, 1, 0)
    assert result.totals["dates_text_value"] == Tally(2, 1, 0)
    assert result.totals["counts_value_unit"] == Tally(2, 1, 0)
    assert result.totals["agreements_detection"] == Tally(1, 1, 0)
    assert result.totals["agreement_slots"] == Tally(6, 6, 0)
    assert result.totals["parties"].precision == pytest.approx(2 / 3)


def test_optional_items_neither_rewarded_nor_punished(tmp_path):
    text = "The two sides met in 2015 and 2016 at the Indo-Japan Science Council (IJSC), with 3 experts."
    gold = """\
    doc_id: doc
    parties:
      - name: Indo-Japan Science Council
        aliases: [IJSC]
        kind: committee
        optional: true
    dates:
      - {text: "2015", value: "2015"}
      - {text: "2016", value: "2016", optional: true}
    counts:
      - {text: two, value: 2, unit: side, kind: count, optional: true}
      - {text: "3", value: 3, unit: expert, kind: count, optional: true}
    agreements:
      - {evidence: met in 2015, type: other, action: referenced, optional: true}
    """
    write_gold(tmp_path / "gold", "doc", gold)
    found = {
        "parties": [party("doc", "IJSC")],
        "dates": [date("doc", text, "2015", "2015"), date("doc", text, "2016", "2016")],
        "counts": [count("doc", text, "two", 2.0, "side")],  # the optional "3" is not predicted
        "agreements": [agreement("doc", "other", "referenced", [], *span(text, "met in 2015"))],
    }
    result = evaluate(tmp_path / "gold", write_outputs(tmp_path / "out", {"doc": text}, **found))
    assert result.totals["parties"] == Tally(0, 0, 0)
    assert result.totals["parties"].f1 == 1.0  # nothing expected, nothing found
    assert result.totals["dates_text_value"] == Tally(1, 0, 0)
    assert result.totals["counts_value_unit"] == Tally(0, 0, 0)
    assert result.totals["agreements_detection"] == Tally(0, 0, 0)
    assert result.totals["agreement_slots"] == Tally(0, 0, 0)
    assert result.errors == []


def test_agreement_needs_equal_type_and_overlapping_span(tmp_path):
    text = "Japan and India signed an MoU in 2006. The MoU was renewed in 2011. Talks followed."
    gold = """\
    doc_id: doc
    agreements:
      - {evidence: signed an MoU in 2006, type: mou, action: signed, parties: [Japan, India], date: "2006"}
      - {evidence: was renewed in 2011, type: mou, action: renewed, date: "2011"}
    """
    write_gold(tmp_path / "gold", "doc", gold)
    first, second = span(text, "Japan and India signed an MoU in 2006."), span(text, "The MoU was renewed in 2011.")
    third = span(text, "Talks followed.")
    found = {
        "agreements": [
            agreement("doc", "mou", "signed", ["India", "Japan"], *first, date_value="2006"),  # matches
            agreement("doc", "agreement", "renewed", [], *second, date_value="2011"),  # wrong type
            agreement("doc", "mou", "renewed", [], *third, date_value="2011"),  # no overlap
        ]
    }
    result = evaluate(tmp_path / "gold", write_outputs(tmp_path / "out", {"doc": text}, **found))
    assert result.totals["agreements_detection"] == Tally(1, 2, 1)
    # matched: 5 of 5 (type action Japan India date); missed gold: 3 (type action date);
    # the two spurious events: 3 fills each.
    assert result.totals["agreement_slots"] == Tally(5, 6, 3)
    events = sorted((e.kind, e.found or e.expected) for e in result.errors if e.field == "event")
    assert events == [
        ("missed", "mou renewed [] 2011"),
        ("spurious", "agreement renewed [] 2011"),
        ("spurious", "mou renewed [] 2011"),
    ]


def test_agreements_pair_with_most_correct_slots_first(tmp_path):
    text = "The MoU, signed in 2007 and extended in 2010, ends in 2019."
    gold = """\
    doc_id: doc
    agreements:
      - {evidence: signed in 2007, type: mou, action: signed, date: "2007"}
      - {evidence: extended in 2010, type: mou, action: extended, date: "2010"}
    """
    write_gold(tmp_path / "gold", "doc", gold)
    whole = (0, len(text))
    found = {  # both overlap both snippets; listed in the opposite order
        "agreements": [agreement("doc", "mou", "extended", [], *whole, date_value="2010"),
                       agreement("doc", "mou", "signed", [], *whole, date_value="2007")]
    }
    result = evaluate(tmp_path / "gold", write_outputs(tmp_path / "out", {"doc": text}, **found))
    assert result.totals["agreements_detection"] == Tally(2, 0, 0)
    assert result.totals["agreement_slots"] == Tally(6, 0, 0)


def test_slot_scoring_with_parties_optional(tmp_path):
    text = ("The Department of Biotechnology (DBT), Ministry of Science and Technology, and Tokyo Tech "
            "signed an agreement on 8 December 2006.")
    gold = """\
    doc_id: doc
    parties:
      - {name: Department of Biotechnology, aliases: [DBT], kind: government, country: India}
      - {name: Ministry of Science and Technology, kind: government, country: India}
      - {name: Tokyo Institute of Technology, aliases: [Tokyo Tech], kind: university, country: Japan}
    agreements:
      - evidence: signed an agreement on 8 December 2006
        type: agreement
        action: signed
        parties: [Department of Biotechnology, Tokyo Tech]
        parties_optional: [Ministry of Science and Technology]
        date: 2006-12-08
        place: null
    """
    write_gold(tmp_path / "gold", "doc", gold)
    found = {
        "agreements": [
            agreement("doc", "agreement", "signed",
                      ["DBT", "Ministry of Science & Technology", "Tokyo Institute of Technology", "Japan"],
                      0, len(text), date_value="2006-12", place="Tokyo")
        ]
    }
    result = evaluate(tmp_path / "gold", write_outputs(tmp_path / "out", {"doc": text}, **found))
    # possible: type action 2 parties date = 5
    # actual: type action DBT TokyoTech Japan date place = 7 (the optional ministry is not counted)
    # correct: type action DBT TokyoTech = 4
    assert result.totals["agreement_slots"] == Tally(4, 3, 1)
    slot_errors = sorted((e.field, e.kind, e.expected, e.found) for e in result.errors if e.table == "agreements")
    assert slot_errors == [
        ("date", "wrong", "2006-12-08", "2006-12"),
        ("party", "spurious", None, "Japan"),
        ("place", "spurious", None, "Tokyo"),
    ]


def test_null_gold_date_and_null_prediction_are_no_fill(tmp_path):
    text = "India and Japan signed a protocol."
    gold = """\
    doc_id: doc
    agreements:
      - {evidence: signed a protocol, type: protocol, action: signed, parties: [India, Japan], date: null}
    """
    write_gold(tmp_path / "gold", "doc", gold)
    found = {"agreements": [agreement("doc", "protocol", "signed", ["japan", "INDIA"], 0, len(text))]}
    result = evaluate(tmp_path / "gold", write_outputs(tmp_path / "out", {"doc": text}, **found))
    assert result.totals["agreement_slots"] == Tally(4, 0, 0)


def test_counts_with_repeated_values_pair_on_unit_then_position(tmp_path):
    text = "It sent 2 researchers and 2 students for 2 years; 2 students stayed."
    gold = """\
    doc_id: doc
    counts:
      - {text: "2", value: 2, unit: researcher, kind: count}
      - {text: "2", value: 2, unit: student, kind: count}
      - {text: "2", value: 2, unit: year, kind: duration}
      - {text: "2", value: 2, unit: student, kind: count}
    """
    write_gold(tmp_path / "gold", "doc", gold)
    found = {
        "counts": [
            count("doc", text, "2", 2.0, "year", nth=2),
            count("doc", text, "2", 2.0, "student", nth=3),
            count("doc", text, "2", 2.0, "Indian researcher", nth=0),
        ]
    }
    result = evaluate(tmp_path / "gold", write_outputs(tmp_path / "out", {"doc": text}, **found))
    assert result.totals["counts_value"] == Tally(3, 0, 1)
    assert result.totals["counts_value_unit"] == Tally(3, 0, 1)
    (missed,) = result.errors
    # The student prediction took the student at its own place: the first student is the one missed.
    assert (missed.kind, missed.expected) == ("missed", "2 student")
    assert (missed.start_char, missed.end_char) == span(text, "2", nth=1)


def test_counts_with_repeated_values_and_a_wrong_unit(tmp_path):
    text = "It sent 2 researchers and 2 students."
    gold = """\
    doc_id: doc
    counts:
      - {text: "2", value: 2, unit: researcher, kind: count}
      - {text: "2", value: 2, unit: student, kind: count}
    """
    write_gold(tmp_path / "gold", "doc", gold)
    found = {"counts": [count("doc", text, "2", 2.0, "student", nth=0), count("doc", text, "2", 2.0, "student", nth=1)]}
    result = evaluate(tmp_path / "gold", write_outputs(tmp_path / "out", {"doc": text}, **found))
    assert result.totals["counts_value"] == Tally(2, 0, 0)
    assert result.totals["counts_value_unit"] == Tally(1, 1, 1)
    (wrong,) = result.errors
    assert (wrong.field, wrong.expected, wrong.found) == ("unit", "researcher", "student")


def test_dates_with_equal_text_pair_by_position(tmp_path):
    text = "Talks began in November 2016. In November, a visit followed. Since 2017, every November the two meet."
    gold = """\
    doc_id: doc
    dates:
      - {text: November 2016, value: 2016-11}
      - {text: November, value: 2016-11, from_context: true}
      - {text: "2017", value: "2017"}
      - {text: November, value: 2017-11, from_context: true}
    """
    write_gold(tmp_path / "gold", "doc", gold)
    # Only the second bare "November" is found: it pairs with the gold entry at its place.
    found = {"dates": [date("doc", text, "November", "2017-11", nth=2)]}
    result = evaluate(tmp_path / "gold", write_outputs(tmp_path / "out", {"doc": text}, **found))
    assert result.totals["dates_text"] == Tally(1, 0, 3)
    assert result.totals["dates_text_value"] == Tally(1, 0, 3)


def test_micro_average_subsets_and_written_tables(tmp_path):
    gold_dir = tmp_path / "annotations"
    write_gold(gold_dir, "seed", GOLD.format(doc_id="seed", evidence=EVIDENCE))
    write_gold(gold_dir, "dev/one", GOLD.format(doc_id="dev/one", evidence=EVIDENCE))
    rows = perfect_rows("seed")
    rows["parties"].append(party("dev/one", "JSPS"))
    rows["parties"].append(party("not-gold", "Ignored Institute"))  # no gold file: not scored
    outputs = write_outputs(tmp_path / "out", {"seed": TEXT, "dev/one": TEXT, "not-gold": TEXT}, **rows)
    result = evaluate(gold_dir, outputs)
    assert [d.doc_id for d in result.documents] == ["dev/one", "seed"]
    assert result.totals["parties"] == Tally(3, 0, 1)  # summed over documents
    assert result.subsets["seeds"]["parties"] == Tally(2, 0, 0)
    assert result.subsets["dev"]["parties"] == Tally(1, 0, 1)
    assert result.subsets["dev"]["agreement_slots"] == Tally(0, 0, 6)

    table = format_table(result)
    lines = table.splitlines()
    assert "F1 dev" in lines[0] and "F1 seeds" in lines[0]
    assert [line[2:24].strip() for line in lines[1:8]] == list(METRICS.values())
    parties_line = lines[1].split()
    assert parties_line[:5] == ["*", "parties", "1.000", "0.750", "0.857"]
    assert parties_line[-2:] == ["0.667", "1.000"]  # dev, seeds

    scores_path, errors_path = write_eval(result, tmp_path / "out")
    assert scores_path == tmp_path / "out" / "eval" / "scores.parquet"
    scores = pq.read_table(scores_path)
    assert scores.schema == EVAL_SCORES
    assert scores.num_rows == len(METRICS) * (1 + 2 + 2)  # total, two subsets, two documents
    total_parties = [r for r in scores.to_pylist() if r["level"] == "total" and r["metric"] == "parties"]
    assert total_parties == [{"level": "total", "subset": None, "doc_id": None, "metric": "parties", "tp": 3,
                              "fp": 0, "fn": 1, "precision": 1.0, "recall": 0.75, "f1": pytest.approx(6 / 7)}]
    errors = pq.read_table(errors_path)
    assert errors.schema == EVAL_ERRORS
    assert errors.num_rows == len(result.errors)
    assert set(errors.column("doc_id").to_pylist()) == {"dev/one"}


def test_table_without_folders_has_no_subset_columns(tmp_path, gold_dir):
    result = evaluate(gold_dir, write_outputs(tmp_path / "out", {"doc": TEXT}, **perfect_rows("doc")))
    assert "F1 seeds" not in format_table(result)


# --- inter-annotator agreement ---------------------------------------------------------


def test_gold_as_rows_gives_the_rows_a_run_would_write(gold_dir):
    from pipeline.evaluation import gold_as_rows
    from pipeline.gold import load_gold_dir

    rows = gold_as_rows(load_gold_dir(gold_dir)["doc"], TEXT)
    assert rows["parties"] == [
        {"doc_id": "doc", "party_id": "p1", "name": "Department of Science and Technology", "acronym": "DST",
         "kind": "government", "country": "India", "n_mentions": 1, "aliases": ["DST", "Department of Science & Technology"]},
        {"doc_id": "doc", "party_id": "p2", "name": "Japan Society for the Promotion of Science", "acronym": "JSPS",
         "kind": "agency", "country": "Japan", "n_mentions": 1, "aliases": ["JSPS"]},
    ]
    assert [(r["text"], (r["start_char"], r["end_char"]), r["value"], r["granularity"]) for r in rows["dates"]] == [
        ("30 January 2017", span(TEXT, "30 January 2017"), "2017-01-30", "day"),
        ("January 2014", span(TEXT, "January 2014"), "2014-01", "month"),
    ]
    assert [(r["text"], r["value"], r["qualifier"], r["unit"], r["kind"]) for r in rows["counts"]] == [
        ("more than 250", 250.0, "more_than", "joint project", "count"),
        ("40", 40.0, "exact", "scientist", "count"),
    ]
    [event] = rows["agreements"]
    assert (event["start_char"], event["end_char"]) == span(TEXT, EVIDENCE) and event["evidence"] == EVIDENCE
    assert (event["type"], event["action"], event["parties"], event["date_value"], event["place"]) == (
        "mou", "signed", ["DST", "JSPS"], "2017-01-30", "Tokyo")
    for table, table_rows in rows.items():
        pa.Table.from_pylist(table_rows, schema=TABLES[table])  # fits the table's schema


@pytest.fixture
def two_annotators(tmp_path):
    """A document, its reference gold, and a second annotator who left out a date and named another unit."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "doc.txt").write_text(TEXT, encoding="utf-8")
    reference = GOLD.format(doc_id="doc", evidence=EVIDENCE)
    other = reference.replace("  - text: January 2014\n    value: 2014-01\n", "").replace("unit: scientist", "unit: researcher")
    assert other.count("\n") == reference.count("\n") - 2
    write_gold(tmp_path / "reference", "doc", reference)
    write_gold(tmp_path / "other", "doc", other)
    return tmp_path / "reference", tmp_path / "other", corpus


EXPECTED_AGREEMENT = {
    "parties": Tally(2, 0, 0),
    "dates_text": Tally(1, 0, 1),
    "dates_text_value": Tally(1, 0, 1),
    "counts_value": Tally(2, 0, 0),
    "counts_value_unit": Tally(1, 1, 1),
    "agreements_detection": Tally(1, 0, 0),
    "agreement_slots": Tally(6, 0, 0),
}


def test_evaluate_annotators_scores_one_annotator_against_the_other(two_annotators, tmp_path):
    from pipeline.evaluation import evaluate_annotators

    reference, other, corpus = two_annotators
    result = evaluate_annotators(reference, other, corpus, tmp_path / "work")
    assert result.totals == EXPECTED_AGREEMENT
    assert sorted((e.table, e.field, e.kind, e.text, e.expected, e.found) for e in result.errors) == [
        ("counts", "unit", "wrong", "40", "scientist", "researcher"),
        ("dates", "text", "missed", "January 2014", "2014-01", None),
    ]


def test_the_agreement_command_prints_the_scores(two_annotators):
    from typer.testing import CliRunner

    from pipeline.cli import app

    reference, other, corpus = two_annotators
    result = CliRunner().invoke(app, ["agreement", str(reference), str(other), "--corpus", str(corpus)])
    assert result.exit_code == 0, result.output
    lines = {line[2:24].strip(): line[24:].split() for line in result.output.splitlines()[1:8]}
    assert lines["dates text+value"] == ["1.000", "0.500", "0.667", "1", "0", "1"]
    assert lines["counts value+unit"] == ["0.500", "0.500", "0.500", "1", "1", "1"]
    assert lines["agreement slots"] == ["1.000", "1.000", "1.000", "6", "0", "0"]
    assert "1 gold documents" in result.output


def test_identity_scores_pairs_of_gold_items_through_the_documents_matching(tmp_path):
    gold_dir = tmp_path / "annotations"
    for doc_id in ("a", "b"):
        write_gold(gold_dir, doc_id, GOLD.format(doc_id=doc_id, evidence=EVIDENCE))
    (gold_dir / "identity.yaml").write_text(
        "organisations:\n"
        "  - {name: DST, parties: [{a: DST}, {b: Department of Science and Technology}]}\n"
        "  - {name: JSPS, parties: [{a: JSPS}, {b: JSPS}]}\n"
        "instruments:\n"
        f"  - {{title: DST-JSPS MoU, events: [{{a: {EVIDENCE}}}, {{b: {EVIDENCE}}}]}}\n",
        encoding="utf-8",
    )
    rows = {table: perfect_rows("a")[table] + perfect_rows("b")[table] for table in perfect_rows("a")}
    for row in rows["parties"]:  # DST is one body; JSPS is split in two
        row["org_id"] = "org-dst" if row["acronym"] == "DST" else f"org-jsps-{row['doc_id']}"
    for row in rows["agreements"]:
        row["instrument_id"] = "ins-mou"
    result = evaluate(gold_dir, write_outputs(tmp_path / "out", {"a": TEXT, "b": TEXT}, **rows))
    clustering, linking = result.identity["organisation_clustering"], result.identity["instrument_linking"]
    assert (clustering.tally, clustering.n_items, clustering.n_scored) == (Tally(1, 0, 1), 4, 4)
    assert linking.tally == Tally(1, 0, 0)
    [split] = [error for error in result.errors if error.field == "identity"]
    assert (split.table, split.kind, split.expected) == ("organisations", "split", "JSPS")
    assert "organisation clusters   1.000  0.500  0.667" in format_table(result)
    scores = pq.read_table(write_eval(result, tmp_path / "out")[0]).to_pylist()
    assert {row["metric"] for row in scores if row["level"] == "total"} >= {"organisation_clustering", "instrument_linking"}
