"""Corpus identity on hand-built rows (no model): one body per org_id, one instrument per instrument_id."""

import datetime
import random

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.corpus import write_corpus_tables
from pipeline.corpus.instruments import in_force_on, link_instruments
from pipeline.corpus.names import name_key, without_state
from pipeline.corpus.organisations import GazetteerEntry, configured_gazetteer, resolve_organisations
from pipeline.schemas import AGREEMENTS, CORPUS_TABLES, PARTIES

GAZETTEER = [
    GazetteerEntry("Deutsche Forschungsgemeinschaft", ("DFG", "German Research Foundation"), "agency", "Germany"),
    GazetteerEntry("Ministry of Science and Technology of the People's Republic of China", ("MOST",), "government", "China"),
    GazetteerEntry("Indian Space Research Organisation", ("ISRO", "Indian Space Research Organization"), "agency", "India"),
]


def party(doc_id, name, acronym=None, country=None, kind="agency", aliases=(), party_id=None, mentions=1):
    return {
        "doc_id": doc_id, "party_id": party_id or f"p-{name}", "name": name, "acronym": acronym, "kind": kind,
        "country": country, "n_mentions": mentions, "aliases": list(aliases), "org_id": None,
    }


def agreement(doc_id, number, type_, action, parties, date=None, valid_until=None, title=None, earlier=False):
    return {
        "doc_id": doc_id, "agreement_id": f"{doc_id}#a{number}", "type": type_, "action": action, "title": title,
        "parties": parties, "date_value": date, "date_text": date, "place": None, "valid_until": valid_until,
        "evidence": "...", "start_char": 0, "end_char": 3, "instrument_id": None, "points_to_earlier": earlier,
    }


def org_ids(rows, gazetteer=GAZETTEER):
    resolved = resolve_organisations(rows, gazetteer)
    return {(row["doc_id"], row["name"], row["country"]): resolved.org_of[(row["doc_id"], row["party_id"])] for row in rows}, resolved


def test_names_fold_spelling_case_articles_and_country_names():
    assert name_key("The Indian Space Research Organization") == name_key("Indian Space Research Organisation")
    assert name_key("UK Space Agency") == name_key("United Kingdom Space Agency")
    assert name_key("Department of Science & Technology") == name_key("department of science and technology")
    assert without_state(name_key("Cabinet Office of Japan")) == (("cabinet office", "Japan"),)
    assert without_state(name_key("Japan-UK Joint Committee on Science")) == ()


def test_one_body_split_across_names_gets_one_id():
    rows = [
        party("a", "Deutsche Forschungsgemeinschaft", "DFG", "Germany"),
        party("b", "German Research Foundation", None, "Germany"),
        party("c", "DFG", "DFG", None),
        party("a", "Indian Space Research Organization", "ISRO", "India"),
        party("b", "Indian Space Research Organisation", None, None),
        party("a", "United Kingdom Space Agency", "UKSA", "United Kingdom"),
        party("b", "UK Space Agency", None, "United Kingdom"),
        party("a", "Government of Japan", kind="government", country="Japan"),
        party("b", "government of Japan", kind="government", country="Japan"),
        party("c", "Cabinet Office", kind="government"),
        party("d", "Cabinet Office of Japan", kind="government", country="Japan"),
    ]
    ids, resolved = org_ids(rows)
    assert len(set(ids.values())) == 5
    dfg = next(row for row in resolved.rows if row["acronym"] == "DFG")
    assert (dfg["name"], dfg["country"], dfg["n_documents"]) == ("Deutsche Forschungsgemeinschaft", "Germany", 3)
    assert "German Research Foundation" in dfg["aliases"]


def test_same_name_in_two_countries_stays_two_bodies_and_an_unplaced_one_joins_neither():
    rows = [
        party("a", "Ministry of Science and Technology", country="India", kind="government"),
        party("b", "Ministry of Science and Technology", "MOST", "Vietnam", kind="government"),
        party("c", "Ministry of Science and Technology", kind="government"),
        party("d", "Ministry of Science and Technology", country="India", kind="government"),
    ]
    ids, _ = org_ids(rows)
    india, vietnam, unplaced = (ids[("a", rows[0]["name"], "India")], ids[("b", rows[1]["name"], "Vietnam")], ids[("c", rows[2]["name"], None)])
    assert len({india, vietnam, unplaced}) == 3
    assert ids[("d", rows[3]["name"], "India")] == india


def test_an_unplaced_name_joins_the_only_country_that_uses_it_among_its_documents_countries():
    rows = [
        party("a", "Ministry of Earth Sciences", "MoES", "India", kind="government"),
        party("b", "Ministry of Earth Sciences", kind="government"),
        party("b", "Indian Space Research Organisation", "ISRO", "India"),
        party("c", "Ministry of Earth Sciences", kind="government"),  # a document about Vietnam and Denmark
        party("c", "Vietnam National University", country="Vietnam", kind="university"),
        party("c", "University of Copenhagen", country="Denmark", kind="university"),
        party("d", "Ministry of Earth Sciences", kind="government"),  # Vietnam too: one body with c's
        party("d", "Embassy of Vietnam in Budapest", country="Vietnam", kind="government"),
        party("c", "Joint Committee", kind="committee"),  # Vietnam and Denmark's
        party("d", "Joint Committee", kind="committee"),  # Vietnam and Hungary's: another one
        party("d", "Embassy of Hungary in Hanoi", country="Hungary", kind="government"),
        party("e", "Mohammed Bin Rashid Space Centre", "MBRSC"),
        party("f", "Mohammed Bin Rashid Space Centre", "MBRSC"),
    ]
    ids, resolved = org_ids(rows)
    name = "Ministry of Earth Sciences"
    assert ids[("a", name, "India")] == ids[("b", name, None)] != ids[("c", name, None)] == ids[("d", name, None)]
    assert ids[("e", "Mohammed Bin Rashid Space Centre", None)] == ids[("f", "Mohammed Bin Rashid Space Centre", None)]
    assert ids[("c", "Joint Committee", None)] != ids[("d", "Joint Committee", None)]


def test_two_acronyms_for_one_name_and_country_are_two_bodies():
    rows = [
        party("a", "Department of Science and Technology", "DST", "India", kind="government"),
        party("b", "Department of Science and Technology", "DOST", "India", kind="government"),  # misplaced
        party("c", "Department of Science and Technology", "DST", "India", kind="government"),
    ]
    ids, _ = org_ids(rows)
    assert ids[("a", rows[0]["name"], "India")] == ids[("c", rows[0]["name"], "India")] != ids[("b", rows[0]["name"], "India")]


def test_the_country_the_text_states_beats_the_gazetteers_acronym():
    rows = [
        party("a", "Ministry of Science and Technology", "MOST", "Vietnam", kind="government"),
        party("b", "MOST", "MOST", None, kind="government"),
        party("c", "Ministry of Science and Technology of the People's Republic of China", "MOST", "China", kind="government"),
    ]
    ids, resolved = org_ids(rows)
    vietnam = next(row for row in resolved.rows if row["country"] == "Vietnam")
    assert vietnam["name"] == "Ministry of Science and Technology"
    assert ids[("a", rows[0]["name"], "Vietnam")] != ids[("c", rows[2]["name"], "China")]
    # A bare acronym without a stated country takes the gazetteer's body.
    assert ids[("b", "MOST", None)] == ids[("c", rows[2]["name"], "China")]


def test_an_acronym_two_bodies_define_is_never_a_reason_to_merge():
    rows = [
        party("a", "Committee for Scientific and Technological Policy", "CSTP", kind="committee"),
        party("b", "Council for Science and Technology Policy", "CSTP", "Japan", kind="government"),
        party("c", "CSTP", "CSTP"),
        party("d", "Japan Science and Technology Agency", "JST", "Japan"),
        party("e", "JST", "JST"),
    ]
    ids, _ = org_ids(rows)
    assert len({ids[("a", rows[0]["name"], None)], ids[("b", rows[1]["name"], "Japan")], ids[("c", "CSTP", None)]}) == 3
    assert ids[("e", "JST", None)] == ids[("d", rows[3]["name"], "Japan")]


def test_an_embassy_without_its_host_is_a_body_per_document():
    rows = [
        party("a", "Embassy of India", country="India", kind="government"),
        party("b", "Embassy of India", country="India", kind="government"),
        party("a", "Embassy of France in Japan", country="France", kind="government"),
        party("b", "Embassy of France in Japan", country="France", kind="government"),
    ]
    ids, _ = org_ids(rows)
    assert ids[("a", "Embassy of India", "India")] != ids[("b", "Embassy of India", "India")]
    assert ids[("a", "Embassy of France in Japan", "France")] == ids[("b", "Embassy of France in Japan", "France")]


def test_ids_are_stable_across_runs_row_orders_and_unrelated_documents():
    rows = [
        party("a", "Deutsche Forschungsgemeinschaft", "DFG", "Germany"),
        party("b", "German Research Foundation", None, "Germany"),
        party("b", "Japan Society for the Promotion of Science", "JSPS", "Japan"),
    ]
    first = resolve_organisations(rows, GAZETTEER)
    shuffled = rows[::-1]
    random.Random(1).shuffle(shuffled)
    again = resolve_organisations(shuffled + [party("z", "Kyoto University", country="Japan")], GAZETTEER)
    assert all(again.org_of[ref] == org_id for ref, org_id in first.org_of.items())
    assert resolve_organisations(rows, GAZETTEER).rows == first.rows


# --- instruments ---------------------------------------------------------------------


def corpus_two_documents():
    parties = [
        party("a", "Department of Science and Technology", "DST", "India", kind="government"),
        party("a", "Japan Society for the Promotion of Science", "JSPS", "Japan"),
        party("b", "Department of Science & Technology", None, "India", kind="government"),
        party("b", "JSPS", "JSPS", "Japan"),
    ]
    agreements = [
        agreement("a", 1, "mou", "signed", ["DST", "JSPS"], "2006-12-08"),
        agreement("b", 1, "mou", "renewed", ["Department of Science & Technology", "JSPS"], "2012", valid_until="2017"),
        agreement("b", 2, "moc", "referenced", ["JSPS", "Department of Science & Technology"]),
        agreement("b", 3, "mou", "signed", ["JSPS", "Department of Science & Technology"], "2018-05"),
        agreement("b", 4, "agreement", "signed", ["India", "Japan"], "1985"),
        agreement("a", 2, "agreement", "extended", ["Republic of India", "Japan"], "2016-06", valid_until="2026"),
        agreement("a", 3, "agreement", "signed", ["Egypt"], "2010-06"),
        agreement("b", 5, "agreement", "referenced", ["Egypt"]),  # one side only: maybe another agreement
    ]
    return parties, agreements


def test_events_of_one_instrument_in_two_documents_share_its_id_and_form_its_timeline():
    parties, agreements = corpus_two_documents()
    organisations = resolve_organisations(parties, GAZETTEER)
    linked = link_instruments(agreements, parties, organisations)
    of = linked.instrument_of
    assert of["a#a1"] == of["b#a1"] != of["b#a3"]  # renewed in 2012; a new MoU signed in 2018
    assert of["b#a2"] == of["b#a3"]  # an undated reference: the latest MoU of those sides
    assert of["b#a4"] == of["a#a2"]  # the 1985 agreement, extended in 2016
    assert of["a#a3"] != of["b#a5"]
    rows = {row["instrument_id"]: row for row in linked.rows}
    first_mou = rows[of["a#a1"]]
    assert (first_mou["first_signed"], first_mou["latest_action"], first_mou["latest_action_date"]) == ("2006-12-08", "renewed", "2012")
    assert (first_mou["valid_until"], first_mou["n_events"], first_mou["n_documents"]) == ("2017", 2, 2)
    assert set(first_mou["side_names"]) == {"Department of Science and Technology", "Japan Society for the Promotion of Science"}
    assert rows[of["b#a4"]]["sides"] == ["India", "Japan"]


def test_instruments_in_force_on_a_day():
    parties, agreements = corpus_two_documents()
    linked = link_instruments(agreements, parties, resolve_organisations(parties, GAZETTEER))
    in_force = in_force_on(linked.rows, datetime.date(2024, 1, 1))
    assert {(row["type"], row["first_signed"]) for row in in_force} == {("mou", "2018-05"), ("agreement", "1985"), ("agreement", "2010-06")}
    # Signed "in May 2018": in force once the whole month is past; the 2006 MoU lapsed in 2017.
    assert {row["first_signed"] for row in in_force_on(linked.rows, datetime.date(2018, 5, 15))} == {"1985", "2010-06"}
    assert {row["first_signed"] for row in in_force_on(linked.rows, datetime.date(2018, 6, 1))} == {"1985", "2010-06", "2018-05"}


def test_corpus_tables_are_written_beside_the_rows_with_ids_filled(tmp_path):
    parties, agreements = corpus_two_documents()
    pq.write_table(pa.Table.from_pylist(parties, schema=PARTIES), tmp_path / "parties.parquet")
    pq.write_table(pa.Table.from_pylist(agreements, schema=AGREEMENTS), tmp_path / "agreements.parquet")
    counts = write_corpus_tables(tmp_path)
    assert counts == {"organisations": 2, "instruments": 5}
    for name, schema in CORPUS_TABLES.items():
        assert pq.read_table(tmp_path / f"{name}.parquet").schema.equals(schema)
    assert None not in pq.read_table(tmp_path / "parties.parquet").column("org_id").to_pylist()
    assert None not in pq.read_table(tmp_path / "agreements.parquet").column("instrument_id").to_pylist()


def test_the_configured_gazetteer_is_the_one_the_parties_component_reads():
    assert any(entry.name == "Deutsche Forschungsgemeinschaft" for entry in configured_gazetteer())


def test_an_event_missing_a_side_joins_its_documents_instrument_and_a_government_is_its_state():
    parties = [
        party("a", "Lincoln University", country="New Zealand", kind="university"),
        party("a", "Kasetsart University", country="Thailand", kind="university"),
        party("a", "Government of the Islamic Republic of Pakistan", country="Pakistan", kind="government"),
        party("a", "Government of the Kingdom of Saudi Arabia", country="Saudi Arabia", kind="government"),
    ]
    agreements = [
        agreement("a", 1, "agreement", "signed", ["Lincoln University", "Kasetsart University"], "2019-10-01"),
        agreement("a", 2, "agreement", "referenced", [], "2019"),  # "under the 2019 agreement"
        agreement("a", 3, "agreement", "referenced", ["Egypt"]),  # another agreement, whose other side is not named
        agreement("a", 4, "protocol", "signed", ["Government of the Islamic Republic of Pakistan", "Government of the Kingdom of Saudi Arabia"], "2022-11-14"),
        agreement("a", 5, "protocol", "referenced", ["Pakistan", "Saudi Arabia"]),
    ]
    linked = link_instruments(agreements, parties, resolve_organisations(parties, GAZETTEER))
    of = linked.instrument_of
    assert of["a#a1"] == of["a#a2"] != of["a#a3"]
    assert of["a#a4"] == of["a#a5"]
    assert next(row for row in linked.rows if row["instrument_id"] == of["a#a4"])["sides"] == ["Pakistan", "Saudi Arabia"]


def fapesp_conicet_parties(*doc_ids):
    return [
        p for doc_id in doc_ids for p in (
            party(doc_id, "São Paulo Research Foundation", "FAPESP", "Brazil"),
            party(doc_id, "National Scientific and Technical Research Council", "CONICET", "Argentina"),
        )
    ]


def test_an_event_pointing_to_the_older_of_two_instruments_of_its_sides_in_its_document():
    parties = fapesp_conicet_parties("a")
    agreements = [
        agreement("a", 1, "agreement", "signed", ["FAPESP", "CONICET"], "2021-04-12"),
        agreement("a", 2, "agreement", "signed", ["FAPESP", "CONICET"], "2015-06-25"),
        agreement("a", 3, "agreement", "referenced", ["FAPESP", "CONICET"], earlier=True),  # "under the earlier text"
        agreement("a", 4, "agreement", "referenced", ["FAPESP", "CONICET"]),  # "the first call under the new agreement"
    ]
    of = link_instruments(agreements, parties, resolve_organisations(parties, GAZETTEER)).instrument_of
    assert of["a#a3"] == of["a#a2"] != of["a#a1"] == of["a#a4"]


def test_an_event_pointing_to_an_older_instrument_finds_it_in_another_document():
    # Document b tells of the 2021 agreement only; "the earlier agreement" is the 2015 one of
    # document a, not a 2024 one a later document tells of.
    parties = fapesp_conicet_parties("a", "b", "c")
    agreements = [
        agreement("a", 1, "agreement", "signed", ["FAPESP", "CONICET"], "2015-06-25"),
        agreement("b", 1, "agreement", "signed", ["FAPESP", "CONICET"], "2021-04-12"),
        agreement("b", 2, "agreement", "renewed", ["FAPESP", "CONICET"], earlier=True),  # "the earlier agreement was renewed once"
        agreement("c", 1, "agreement", "signed", ["FAPESP", "CONICET"], "2024-03"),
        agreement("c", 2, "agreement", "referenced", ["FAPESP", "CONICET"], earlier=True),  # "under the previous agreement"
    ]
    linked = link_instruments(agreements, parties, resolve_organisations(parties, GAZETTEER))
    of = linked.instrument_of
    assert of["b#a2"] == of["a#a1"]
    assert of["c#a2"] == of["b#a1"]
    assert len({of["a#a1"], of["b#a1"], of["c#a1"]}) == 3
    renewed = next(row for row in linked.rows if row["instrument_id"] == of["a#a1"])
    assert (renewed["first_signed"], renewed["latest_action"], renewed["n_documents"]) == ("2015-06-25", "renewed", 2)


def test_a_mention_of_an_older_instrument_where_its_sides_have_one_takes_that_one():
    parties = fapesp_conicet_parties("a")
    agreements = [
        agreement("a", 1, "agreement", "signed", ["FAPESP", "CONICET"], "2021-04-12"),
        agreement("a", 2, "agreement", "referenced", ["FAPESP", "CONICET"], earlier=True),  # its date is in no text
    ]
    of = link_instruments(agreements, parties, resolve_organisations(parties, GAZETTEER)).instrument_of
    assert of["a#a2"] == of["a#a1"]
