"""st_agreements: instruments a joint committee's delegations sign or adopt take the two
states the committee joins (SPEC 3.4, 3.5)."""

from conftest import agreement_events as events


def _by_type(found, type_):
    return [e for e in found if e.type == type_]


def test_co_chairs_sign_the_protocol_for_the_committees_states_needs_parties(nlp):
    found = events(
        nlp,
        "The 4th session of the Latvian–Moroccan Joint Commission for Scientific and Technological Cooperation "
        "was held in Riga on 3 May 2023. At the end of the session the two co-chairs signed the Protocol of "
        "the 4th session.",
    )
    (protocol,) = _by_type(found, "protocol")
    assert set(protocol.parties) == {"Latvia", "Morocco"}


def test_a_national_committee_named_since_does_not_replace_the_joint_one_needs_parties(nlp):
    found = events(
        nlp,
        "The 4th session of the Latvian–Moroccan Joint Commission for Scientific and Technological Cooperation "
        "was held in Riga on 3 May 2023. The Moroccan delegation included staff of the National Committee for "
        "Research Evaluation. The parties also signed the protocol of the 4th session.",
    )
    (protocol,) = _by_type(found, "protocol")
    assert set(protocol.parties) == {"Latvia", "Morocco"}


def test_a_committee_whose_name_joins_no_states_has_those_of_the_two_governments_needs_parties(nlp):
    found = events(
        nlp,
        "The second meeting of the Joint Committee under the Agreement on Scientific Cooperation between the "
        "Government of the Republic of Ghana and the Government of the Republic of Chile took place in Accra. "
        "On the last day, the heads of delegation signed the Executive Programme of Scientific Cooperation "
        "for 2024–2026.",
    )
    (programme,) = _by_type(found, "other")
    assert set(programme.parties) == {"Ghana", "Chile"}


def test_protocol_of_a_session_of_a_named_joint_commission_needs_parties(nlp):
    found = events(
        nlp,
        "After the evaluation, the Protocol of the Third Session of the Joint Latvian-Moroccan Commission for "
        "Scientific and Technological Cooperation was agreed and signed in Riga on 5 May 2023.",
    )
    assert [(e.action, set(e.parties), e.date_value) for e in found] == [
        ("signed", {"Latvia", "Morocco"}, "2023-05-05")
    ]


def test_an_instrument_that_adopts_something_is_not_adopted(nlp):
    found = events(
        nlp,
        "The Protocol of the Third Session of the Joint Latvian-Moroccan Commission was signed in Riga on "
        "5 May 2023. The Protocol adopted a list of 14 joint projects.",
    )
    assert [e.action for e in found] == ["signed"]


def test_two_governments_on_a_page_naming_no_government_are_its_states_needs_parties(nlp):
    found = events(
        nlp,
        "Peru and Finland have signed a memorandum of understanding on forest science. The Peruvian National "
        "Forest Service and the Natural Resources Institute Finland will carry it out. It builds on the "
        "agreement on technical cooperation that the two governments concluded in Lima in 1995.",
    )
    assert set(found[-1].parties) == {"Peru", "Finland"}


def test_a_counted_plural_is_talk_of_many_needs_parties(nlp):
    found = events(
        nlp,
        "Last year the University of Tartu signed 14 agreements and memoranda with partners abroad, "
        "among them a research programme with Makerere University on 3 May 2018.",
    )
    assert found == []


def test_an_untranslated_title_names_an_agreement_needs_parties(nlp):
    found = events(
        nlp,
        "The University of Chile and the University of Oslo renewed their Convenio Marco de Cooperación "
        "Académica in 2023.",
    )
    assert [(e.type, e.action) for e in found] == [("agreement", "renewed")]


def test_minutes_of_a_meeting_signed_by_the_delegations_needs_parties(nlp):
    found = events(
        nlp,
        "The 5th meeting of the Latvian–Moroccan Joint Commission was held in Rabat on 3 May 2023. "
        "The minutes of the meeting were signed by the heads of the two delegations.",
    )
    assert [(e.type, e.action) for e in found] == [("other", "signed")]


def test_a_gloss_in_brackets_is_the_instrument_before_it_needs_parties(nlp):
    found = events(
        nlp,
        "The University of Chile and the University of Oslo signed a specific cooperation agreement "
        "(convenio específico) on polar research in 2023.",
    )
    assert [(e.type, e.action) for e in found] == [("agreement", "signed")]
