"""st_agreements: instruments listed under a lead that tells what was done with them
(SPEC 3.4): "The following documents were signed: - ...; - ...". Sentences of our own."""

from conftest import agreement_events as events


TEXT = (
    "The 3rd meeting of the Latvian–Moroccan Joint Commission was held in Rabat on 3 May 2023.\n\n"
    "5. Other documents signed on the occasion of the meeting included:\n"
    "   - Protocol on Cooperation in Higher Education for 2023-2026, between the University of Latvia and "
    "Mohammed V University;\n"
    "   - Memorandum of Understanding between the University of Latvia and Mohammed V University on water research;\n"
    "   - Letter of Intent between the Latvian Council of Science and the National Centre for Scientific and "
    "Technical Research.\n"
)


def test_each_listed_instrument_is_an_event_of_the_leads_action_needs_parties(nlp):
    found = [(e.type, e.action, set(e.parties)) for e in events(nlp, TEXT)]
    assert ("mou", "signed", {"University of Latvia", "Mohammed V University"}) in found
    assert ("loi", "signed", {"Latvian Council of Science", "National Centre for Scientific and Technical Research"}) in found


def test_listed_instruments_take_the_meetings_date_needs_dates(nlp):
    dated = {e.type: e.date_value for e in events(nlp, TEXT)}
    assert dated["mou"] == dated["loi"] == "2023-05-03"


def test_a_list_under_a_lead_with_no_action_gives_no_signing_needs_parties(nlp):
    text = (
        "Priority areas of the cooperation include:\n"
        "- Memorandum of Understanding between the University of Latvia and Mohammed V University on water research.\n"
    )
    assert all(e.action != "signed" for e in events(nlp, text))


def test_signing_told_across_an_aside_between_commas_needs_parties(nlp):
    found = events(
        nlp,
        "The two sides welcomed the signing, on the margins of the Meeting, of the Memorandum of Understanding "
        "between the University of Latvia and Mohammed V University.",
    )
    assert [(e.type, e.action) for e in found] == [("mou", "signed")]


def test_an_action_done_again_on_a_second_date_is_a_second_event_needs_dates(nlp):
    found = events(
        nlp,
        "Uganda and Kenya signed a memorandum on fisheries in 2011. "
        "The memorandum was renewed in 2015 and again in October 2018.",
    )
    assert [(e.action, e.date_value) for e in found] == [("signed", "2011"), ("renewed", "2015"), ("renewed", "2018-10")]


def test_two_dates_of_one_action_without_again_stay_one_event_needs_dates(nlp):
    found = events(nlp, "Uganda and Kenya signed a memorandum on fisheries in Kampala in March 2011.")
    assert len(found) == 1
