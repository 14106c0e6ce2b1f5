"""st_agreements: sides, dates and types an event takes from the page around its sentence
(SPEC 3.4, 3.5): the dateline, the instruments and events told before."""

from conftest import agreement_events as events, only_agreement as only


# -- dates from the dateline ---------------------------------------------------

def test_weekday_is_the_last_such_day_up_to_the_dateline_needs_dates(nlp):
    text = (
        "Thursday, 14 March 2024\n\n"
        "The Norwegian Polar Institute and the Peruvian Antarctic Institute signed a letter of intent "
        "on ice cores on Tuesday."
    )
    event = only(nlp, text)
    assert (event.date_value, event.date_text) == ("2024-03-12", "Tuesday")


def test_participle_takes_the_dateline_word_of_its_carrier_needs_dates(nlp):
    text = (
        "Helsinki, 6 May 2022\n\n"
        "Finland and Chile yesterday renewed their cooperation in forestry science, "
        "signing a new memorandum on seed banks."
    )
    event = only(nlp, text)
    assert (event.action, event.date_value) == ("signed", "2022-05-05")


def test_weekday_of_the_ceremony_dates_the_action_needs_dates(nlp):
    text = (
        "Friday, 8 March 2024\n\n"
        "Chile and Finland concluded a new agreement on forest genetics at a ceremony in Valdivia on Wednesday."
    )
    assert only(nlp, text).date_value == "2024-03-06"


# -- sides that point back -------------------------------------------------------

def test_two_institutions_are_the_sides_of_the_event_before_needs_parties(nlp):
    found = events(
        nlp,
        "The University of Tartu and Makerere University have signed a memorandum on malaria research. "
        "Staff of the Estonian Research Council and of the Uganda National Council for Science and Technology "
        "attended the ceremony. It replaces an arrangement that the two institutions concluded in 2012.",
    )
    assert [(e.type, set(e.parties)) for e in found] == [
        ("mou", {"University of Tartu", "Makerere University"}),
        ("arrangement", {"University of Tartu", "Makerere University"}),
    ]


def test_two_bodies_named_together_are_the_sides_needs_parties(nlp):
    found = events(
        nlp,
        "The University of Tartu and Makerere University signed a memorandum on malaria research in 2019. "
        "The Estonian Research Council and the Uganda National Council for Science and Technology fund the work. "
        "In 2021 the two councils concluded an arrangement on fellowships.",
    )
    assert set(found[-1].parties) == {
        "Estonian Research Council", "Uganda National Council for Science and Technology",
    }


def test_between_the_two_universities_stands_for_the_sides_before_needs_parties(nlp):
    found = events(
        nlp,
        "The University of Tartu and Makerere University renewed their agreement on malaria research in 2022. "
        "The first memorandum between the two universities was signed in 2009.",
    )
    assert [(e.type, e.date_value, set(e.parties)) for e in found][-1] == (
        "mou", "2009", {"University of Tartu", "Makerere University"},
    )


def test_definite_description_stands_for_the_party_named_before_needs_parties(nlp):
    event = only(
        nlp,
        "The Rwanda Biomedical Centre works closely with Maastricht University. "
        "In 2023 the centre signed a new five-year agreement with the Dutch university.",
    )
    assert set(event.parties) == {"Rwanda Biomedical Centre", "Maastricht University"}


def test_first_agreement_dates_from_a_year_and_is_another_instrument_needs_dates(nlp):
    found = events(
        nlp,
        "The University of Tartu and Makerere University signed a new agreement on malaria research on 4 May 2022. "
        "The first agreement between the two universities dates from 2015.",
    )
    assert [(e.action, e.date_value) for e in found] == [("signed", "2022-05-04"), ("signed", "2015")]
    assert found[0].instrument_id != found[1].instrument_id
    assert set(found[1].parties) == {"University of Tartu", "Makerere University"}


def test_previous_programme_has_the_sides_of_the_one_told_needs_parties(nlp):
    found = events(
        nlp,
        "The Executive Programme between Chile and Finland for 2024-2027 was signed in Santiago in May 2024. "
        "The previous Executive Programme, signed in 2019, funded twelve projects.",
    )
    assert [(e.date_value, e.parties) for e in found] == [("2024-05", ["Chile", "Finland"]), ("2019", ["Chile", "Finland"])]
    assert found[0].instrument_id != found[1].instrument_id


def test_mention_of_an_older_instrument_says_so_for_the_corpus_linker_needs_parties(nlp):
    # "under that programme" points back to the previous one; "the new programme" never does.
    found = events(
        nlp,
        "The Executive Programme between Chile and Finland for 2024-2027 was signed in Santiago in May 2024. "
        "The previous Executive Programme, signed in 2019, funded twelve projects. "
        "Forty proposals were submitted under that programme. "
        "The first call under the new programme opens in June.",
    )
    assert [(e.action, e.date_value, e.points_to_earlier) for e in found] == [
        ("signed", "2024-05", False), ("signed", "2019", True), ("referenced", None, True), ("referenced", None, False),
    ]


def test_mention_of_the_agreement_after_the_first_one_is_the_newest_needs_parties(nlp):
    found = events(
        nlp,
        "The University of Tartu and Makerere University signed a new agreement on malaria research on 4 May 2022. "
        "The first agreement between the two universities dates from 2015. "
        "Under the earlier text they exchanged six students. "
        "The first call under the agreement opens next year.",
    )
    assert [(e.action, e.points_to_earlier) for e in found] == [
        ("signed", False), ("signed", True), ("referenced", True), ("referenced", False),
    ]


# -- retellings of an instrument told before -------------------------------------

def test_signatory_body_of_a_retelling_is_no_side_needs_parties(nlp):
    found = events(
        nlp,
        "A protocol between the Government of Ghana and the Government of Norway was signed in Accra on 2 May 2018. "
        "The protocol was signed by the Director of the Ministry of Environment, Science and Technology. "
        "Under the protocol each side funds its own researchers.",
    )
    assert {e.instrument_id for e in found} == {found[0].instrument_id}
    assert all(set(e.parties) == {"Government of Ghana", "Government of Norway"} for e in found)


def test_instrument_whose_signing_is_told_later_is_no_reference_needs_dates(nlp):
    found = events(
        nlp,
        "A protocol amending the Agreement between Ghana and Norway was signed in Accra in 2018. "
        "The Agreement was originally signed in Oslo on 4 June 1999.",
    )
    assert [(e.type, e.action) for e in found] == [("protocol", "signed"), ("agreement", "signed")]


# -- types ------------------------------------------------------------------------

def test_memorandum_of_arrangement_is_an_arrangement_and_its_abbreviation_too(nlp):
    found = events(
        nlp,
        "Iceland and Kenya signed a Memorandum of Arrangement (MoA) on geothermal training in 2021. "
        "Twelve fellowships were funded under the MoA.",
    )
    assert [(e.type, e.action) for e in found] == [("arrangement", "signed"), ("arrangement", "referenced")]


def test_instrument_told_as_an_agreement_takes_the_type_of_its_precise_name_needs_parties(nlp):
    found = events(
        nlp,
        "The Icelandic Centre for Research and the Kenya Electricity Generating Company have entered into "
        "a new agreement on geothermal training. The Memorandum of Arrangement was signed in Nairobi on 3 May 2021. "
        "Under the agreement, each side funds six fellowships.",
    )
    assert [e.type for e in found] == ["arrangement"] * len(found)
    assert {e.instrument_id for e in found} == {found[0].instrument_id}
    assert (found[0].date_value, found[0].place) == ("2021-05-03", "Nairobi")


def test_two_instruments_signed_in_one_sentence_keep_their_types(nlp):
    found = events(
        nlp,
        "Iceland and Kenya signed an agreement on geothermal energy and a memorandum of understanding "
        "on fellowships in Nairobi in 2021.",
    )
    assert sorted(e.type for e in found) == ["agreement", "mou"]


# -- an instrument named inside another -------------------------------------------

def test_agreement_an_amendment_amends_has_the_amendment_sides_needs_parties(nlp):
    found = events(
        nlp,
        "The Icelandic Centre for Research and the Kenya Electricity Generating Company signed an amendment "
        "to their 2015 agreement in Nairobi on 3 May 2021. Under the amended agreement, each side funds six fellowships.",
    )
    assert [(e.type, e.action) for e in found] == [("addendum", "signed"), ("agreement", "referenced")]
    assert set(found[1].parties) == {"Icelandic Centre for Research", "Kenya Electricity Generating Company"}


def test_agreement_a_protocol_amends_has_the_protocol_sides(nlp):
    found = events(
        nlp,
        "Iceland and Kenya signed a protocol amending their agreement on geothermal research. "
        "The original agreement, concluded in 2009, covered training only.",
    )
    assert [(e.type, e.action, e.parties) for e in found] == [
        ("protocol", "signed", ["Iceland", "Kenya"]), ("agreement", "signed", ["Iceland", "Kenya"]),
    ]


# -- nouns that only refer back ------------------------------------------------------

def test_programme_of_cooperation_is_an_instrument_and_the_programme_points_back(nlp):
    found = events(
        nlp,
        "Iceland and Kenya signed a Programme of Cooperation in Geothermal Research for 2025-2027 in Nairobi. "
        "Under the new programme, each side funds six fellowships.",
    )
    assert [(e.type, e.action, e.parties) for e in found] == [
        ("other", "signed", ["Iceland", "Kenya"]), ("other", "referenced", ["Iceland", "Kenya"]),
    ]


def test_the_text_is_the_instrument_last_mentioned_needs_dates(nlp):
    found = events(
        nlp,
        "Iceland and Kenya have concluded a memorandum on geothermal training. "
        "The text was signed in Nairobi on 3 May 2021 by the two ministers.",
    )
    assert {e.type for e in found} == {"mou"}
    assert (found[0].date_value, found[0].place) == ("2021-05-03", "Nairobi")


def test_the_text_with_no_instrument_before_is_no_event(nlp):
    assert events(nlp, "The text was signed in Nairobi on 3 May 2021 by the two ministers.") == []


def test_generic_agreement_points_back_to_the_instrument_of_its_participle_needs_parties(nlp):
    found = events(
        nlp,
        "The University of Tartu and Makerere University have renewed their memorandum of understanding. "
        "At the same ceremony the two universities signed a letter of intent on a joint doctorate. "
        "Under the renewed agreement, staff exchanges continue.",
    )
    assert [(e.type, e.action) for e in found] == [("mou", "renewed"), ("loi", "signed"), ("mou", "referenced")]
    assert set(found[-1].parties) == {"University of Tartu", "Makerere University"}


# -- the record of a meeting -------------------------------------------------------

def test_protocol_of_a_session_takes_the_date_and_place_of_that_session_needs_dates(nlp):
    event = only(
        nlp,
        "The 4th session of the Joint Commission was held in Reykjavik on 3 June 2021. "
        "The 5th session took place in Nairobi on 8 May 2023. The delegations discussed twelve projects. "
        "At the close, the co-chairs signed the Protocol of the 5th session.",
    )
    assert (event.type, event.date_value, event.place) == ("protocol", "2023-05-08", "Nairobi")


def test_minutes_of_the_meeting_take_the_place_of_the_meeting_of_their_day_needs_dates(nlp):
    event = only(
        nlp,
        "The 2nd meeting of the Joint Committee took place in Oslo on 2-3 June 2021. "
        "The first meeting was held in Nairobi in May 2019. "
        "The Record of Discussions of the meeting was signed by the two co-chairs on 3 June 2021.",
    )
    assert (event.date_value, event.place) == ("2021-06-03", "Oslo")


# -- sides of coordinated verbs, possibilities -----------------------------------------

def test_coordinated_verb_shares_the_subject_of_the_first_needs_parties(nlp):
    found = events(
        nlp,
        "The Icelandic Centre for Research has concluded an agreement with the Kenya Electricity Generating "
        "Company, and has signed a letter of intent with Makerere University.",
    )
    assert [(e.type, set(e.parties)) for e in found] == [
        ("agreement", {"Icelandic Centre for Research", "Kenya Electricity Generating Company"}),
        ("loi", {"Icelandic Centre for Research", "Makerere University"}),
    ]


def test_what_may_be_done_is_no_event(nlp):
    found = events(nlp, "Iceland and Kenya signed an agreement on geothermal training in 2021. It may be extended by mutual consent.")
    assert [e.action for e in found] == ["signed"]


def test_signing_of_the_renewed_instrument_dates_the_renewal_needs_dates(nlp):
    text = (
        "Friday, 15 September 2023\n\n"
        "The University of Tartu and Makerere University have renewed their memorandum of understanding "
        "for five years. The renewed memorandum was signed in Kampala on 14 September 2023."
    )
    first = events(nlp, text)[0]
    assert (first.action, first.date_value, first.place) == ("renewed", "2023-09-14", "Kampala")


def test_list_of_sides_goes_on_after_a_phrase_inside_a_name_needs_parties(nlp):
    event = only(
        nlp,
        "In 2022 a memorandum was signed between the Icelandic Centre for Research under the ministry "
        "and Makerere University on geothermal training.",
    )
    assert event.parties == ["Icelandic Centre for Research", "Makerere University"]


def test_sides_after_the_second_of_two_instruments_are_not_the_first_ones_needs_parties(nlp):
    found = events(
        nlp,
        "The delegations signed the protocol of the meeting and a memorandum between the Icelandic Centre "
        "for Research and Makerere University.",
    )
    assert [(e.type, e.parties) for e in found] == [
        ("protocol", []), ("mou", ["Icelandic Centre for Research", "Makerere University"]),
    ]


def test_in_agreement_with_names_no_instrument(nlp):
    assert events(nlp, "Grants are paid by the Ministry of Foreign Affairs in agreement with the Ministry of Research.") == []


def test_dateline_followed_by_a_middle_dot_byline_dates_the_lead_needs_dates(nlp):
    text = (
        "# Tartu and Lima universities sign letter of intent\n\n"
        "*Tuesday, Sept. 26, 2023 · By University Relations*\n\n"
        "The University of Tartu has signed a letter of intent with the University of Lima on seismology."
    )
    assert only(nlp, text).date_value == "2023-09-26"
