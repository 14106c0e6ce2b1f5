"""st_agreements: agreement events read from sentences (SPEC 3.4, 3.5).

Sides given as states come from st_parties' country list, canonically named; sides
that are organisations come from st_parties, dates from st_dates, so the tests
marked `needs_parties` / `needs_dates` in their names also test those
components' output as the agreements component reads it.
"""

import pytest

from pipeline.nlp import analyse_text

from conftest import agreement_events as events, only_agreement as only


# -- types ---------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, type_",
    [
        ("India and Japan signed an agreement on cooperation in science in 1985.", "agreement"),
        ("Brazil and Argentina signed a treaty on nuclear research in 1991.", "agreement"),
        ("Australia and Chile signed Heads of Agreement on astronomy in 2010.", "agreement"),
        ("India and Japan signed a Memorandum of Understanding on ocean research.", "mou"),
        ("An MoU between India and Japan was signed last year.", "mou"),
        ("A memorandum was signed by France and Egypt to reinforce cooperation.", "mou"),
        ("Canada and Mexico signed a Memorandum of Cooperation on space science.", "moc"),
        ("A Letter of Intent was signed by Norway and Kenya to start a fellowship scheme.", "loi"),
        ("Peru and Spain concluded an Implementing Arrangement on seismology.", "implementation_arrangement"),
        ("Italy and Israel signed an arrangement on the exchange of researchers.", "arrangement"),
        ("Sweden and Vietnam signed an addendum to their memorandum on health research.", "addendum"),
        ("Portugal and Morocco signed a protocol on marine biology.", "protocol"),
        ("Germany and India signed a Joint Declaration of Intent on green hydrogen.", "joint_statement"),
        ("Finland and Chile signed a joint research contract on forestry.", "contract"),
        ("Ghana and Denmark signed an Exchange of Notes on a research station.", "other"),
    ],
)
def test_each_type_is_recognised(nlp, text, type_):
    event = only(nlp, text)
    assert event.type == type_
    assert event.action == "signed"


def test_abbreviation_in_brackets_is_one_mention(nlp):
    doc = analyse_text(nlp, "India and Japan signed an Implementation Arrangement (IA) on lunar exploration.")
    assert [s.text for s in doc.spans["agreement_triggers"]] == ["Implementation Arrangement"]
    assert doc.spans["agreement_triggers"][0].label_ == "implementation_arrangement"
    assert len(doc._.agreements) == 1


def test_lower_case_abbreviation_lookalike_is_no_mention(nlp):
    doc = analyse_text(nlp, "The samples were sent to the lab in Ia, a town in Greece.")
    assert doc._.agreements == []


def test_nested_instrument_is_not_an_event_of_its_own(nlp):
    event = only(nlp, "An addendum to the Memorandum of Understanding between India and Japan was signed.")
    assert event.type == "addendum"
    assert event.parties == ["India", "Japan"]


# -- actions -------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, action",
    [
        ("India and Japan signed an agreement on marine science.", "signed"),
        ("India and Japan concluded an agreement on marine science.", "signed"),
        ("India and Japan entered into an agreement on marine science.", "signed"),
        ("India and Japan inked an agreement on marine science.", "signed"),
        ("The agreement between India and Japan was renewed for a further five years.", "renewed"),
        ("The agreement between India and Japan was extended for two more years.", "extended"),
        ("The agreement between India and Japan was prolonged for two more years.", "extended"),
        ("The ministers of India and Japan adopted a Joint Statement on clean energy.", "adopted"),
        ("The leaders of Canada and Japan agreed on a joint statement on research security.", "adopted"),
    ],
)
def test_each_action_is_recognised(nlp, text, action):
    assert only(nlp, text).action == action


def test_signing_noun_gives_the_action(nlp):
    event = only(nlp, "The ministers welcomed the signing of a Memorandum of Cooperation between Chile and Japan.")
    assert (event.type, event.action, event.parties) == ("moc", "signed", ["Chile", "Japan"])


def test_entry_into_force_is_not_a_signing(nlp):
    assert all(e.action != "signed" for e in events(nlp, "The agreement entered into force in 1999."))


# -- sides ---------------------------------------------------------------------

def test_sides_between_x_and_y(nlp):
    event = only(nlp, "An agreement between India and Japan on cooperation in science was signed.")
    assert event.parties == ["India", "Japan"]


def test_sides_between_x_y_and_z(nlp):
    event = only(nlp, "A protocol between Brazil, Argentina and Chile was signed.")
    assert event.parties == ["Brazil", "Argentina", "Chile"]


def test_sides_x_and_y_signed(nlp):
    assert only(nlp, "Kenya and Norway signed a Letter of Intent on climate research.").parties == ["Kenya", "Norway"]


def test_sides_x_signed_with_y(nlp):
    event = only(nlp, "Egypt has concluded an agreement on cooperation in science with Japan.")
    assert event.parties == ["Egypt", "Japan"]


def test_sides_passive_by_x_and_y(nlp):
    event = only(nlp, "The treaty was signed by Brazil and Argentina in Buenos Aires.")
    assert event.parties == ["Brazil", "Argentina"]


def test_sides_passive_concluded_with(nlp):
    assert only(nlp, "An agreement on cooperation in science was concluded with Egypt.").parties == ["Egypt"]


@pytest.mark.parametrize(
    "text, sides",
    [
        ("The U.S. and Korea signed an agreement on fusion research in 2012.", ["United States", "South Korea"]),
        ("An MoU between the UK and the People's Republic of China was signed.", ["United Kingdom", "China"]),
        ("A protocol between the united states and Brazil was signed.", ["United States", "Brazil"]),
    ],
)
def test_state_sides_take_canonical_short_names(nlp, text, sides):
    assert only(nlp, text).parties == sides


def test_one_word_country_names_match_in_their_case_only(nlp):
    assert only(nlp, "Peru signed an agreement on soil science with us in 2019.").parties == ["Peru"]


def test_country_that_only_places_a_party_is_no_side_needs_parties(nlp):
    event = only(
        nlp,
        "An MoU between the Department of Science and Technology, India and the "
        "Japan Science and Technology Agency, Japan was signed.",
    )
    assert "India" not in event.parties and "Japan" not in event.parties
    assert {"Department of Science and Technology", "Japan Science and Technology Agency"} <= set(event.parties)


def test_sides_are_organisations_needs_parties(nlp):
    event = only(
        nlp,
        "The Indian Space Research Organisation (ISRO) and the Japan Aerospace Exploration Agency (JAXA) "
        "signed a Memorandum of Understanding on lunar exploration.",
    )
    assert event.parties == ["Indian Space Research Organisation", "Japan Aerospace Exploration Agency"]


def test_two_agencies_stand_for_the_parties_named_before_needs_parties(nlp):
    found = events(
        nlp,
        "The National Science Foundation (NSF) and the Department of Science and Technology (DST) "
        "fund joint projects. Their work builds on an arrangement the two agencies concluded in 2014.",
    )
    assert [e.action for e in found] == ["signed"]
    assert set(found[0].parties) == {"National Science Foundation", "Department of Science and Technology"}


# -- several actions, validity ---------------------------------------------------

def test_several_actions_in_one_sentence_are_several_events_needs_dates(nlp):
    found = events(
        nlp,
        "An MOU was signed between India and Japan in February 2007 for two years and was "
        "extended automatically for one year till February 2010.",
    )
    assert [e.action for e in found] == ["signed", "extended"]
    signed, extended = found
    assert signed.date_value == "2007-02"
    assert extended.valid_until == "2010-02"
    assert extended.date_value is None
    assert extended.parties == signed.parties == ["India", "Japan"]
    assert extended.instrument_id == signed.instrument_id


def test_valid_until_goes_to_the_extension_needs_dates(nlp):
    found = events(
        nlp,
        "An agreement between Chile and Peru was signed in 2009. "
        "The agreement has been extended thrice and is valid up to March 2021.",
    )
    assert [e.action for e in found] == ["signed", "extended"]
    assert found[1].valid_until == "2021-03"
    assert found[0].valid_until is None


# -- date and place --------------------------------------------------------------

def test_date_of_the_action_needs_dates(nlp):
    event = only(nlp, "A Memorandum of Understanding between India and Japan was signed on 8th December 2006.")
    assert (event.date_value, event.date_text) == ("2006-12-08", "8th December 2006")


def test_date_of_another_clause_is_not_taken_needs_dates(nlp):
    event = only(
        nlp,
        "India and Japan signed an Implementation Arrangement in December 2017, and completed "
        "the feasibility study in March 2018.",
    )
    assert event.date_value == "2017-12"


def test_place_after_at_needs_dates(nlp):
    event = only(nlp, "An Implementation Arrangement between India and Japan was signed in January 2014 at New Delhi.")
    assert event.place == "New Delhi"
    assert event.date_value == "2014-01"


def test_place_after_in(nlp):
    assert only(nlp, "An MoU between India and Japan was signed in Tokyo to promote nuclear science.").place == "Tokyo"


def test_place_of_a_visit(nlp):
    event = only(nlp, "A new MoU between Japan and India was signed during the visit of Prime Minister Abe to India.")
    assert event.place == "India"


def test_place_inside_a_title_is_not_the_place(nlp):
    event = only(nlp, "A Memorandum of Cooperation on research in Antarctica was signed by Chile and Japan.")
    assert event.place is None


# -- later mentions --------------------------------------------------------------

def test_later_mention_with_action_is_linked_to_the_instrument_needs_dates(nlp):
    found = events(
        nlp,
        "An MoU between Kenya and Norway was signed in 2010. The MoU was extended in 2015.",
    )
    assert [e.action for e in found] == ["signed", "extended"]
    signed, extended = found
    assert extended.parties == ["Kenya", "Norway"]
    assert extended.instrument_id == signed.instrument_id
    assert extended.date_value == "2015"


def test_later_mention_without_action_is_no_event(nlp):
    found = events(
        nlp,
        "An MoU between Kenya and Norway was signed in 2010. The MoU aims to promote joint research.",
    )
    assert [e.action for e in found] == ["signed"]


def test_heading_repeating_the_event_is_no_event(nlp):
    found = events(nlp, "MoU between Kenya and Norway\n\nAn MoU was signed between Kenya and Norway in 2010.")
    assert [e.action for e in found] == ["signed"]
    assert found[0].evidence.text.startswith("An MoU was signed")


def test_new_indefinite_instrument_is_not_linked(nlp):
    found = events(
        nlp,
        "Chile and Japan signed an arrangement on astronomy in 2012. "
        "Chile and Japan signed an arrangement on seismology in 2016.",
    )
    assert len(found) == 2
    assert found[0].instrument_id != found[1].instrument_id


# -- referenced, generic ---------------------------------------------------------

def test_basis_of_something_is_referenced(nlp):
    found = events(
        nlp,
        "A Letter of Intent was signed between Kenya and Norway in 2015. "
        "Three joint laboratories were set up under this LoI.",
    )
    assert [e.action for e in found] == ["signed", "referenced"]
    assert found[1].parties == ["Kenya", "Norway"]
    assert found[1].instrument_id == found[0].instrument_id


def test_bare_memorandum_points_back_to_the_memorandum_of_cooperation(nlp):
    found = events(
        nlp,
        "Chile and Japan signed a Memorandum of Cooperation on astronomy in 2012. "
        "Under the new memorandum, ten students are exchanged each year.",
    )
    assert [(e.type, e.action) for e in found] == [("moc", "signed"), ("moc", "referenced")]
    assert found[1].parties == ["Chile", "Japan"]


def test_named_instrument_is_not_taken_for_a_back_reference(nlp):
    found = events(
        nlp,
        "Chile and Japan signed an agreement on astronomy in 2012. Projects run within the "
        "framework of the Indo-German Agreement on Cooperation in Science.",
    )
    assert [e.action for e in found] == ["signed", "referenced"]
    assert found[1].instrument_id != found[0].instrument_id
    assert set(found[1].parties) == {"India", "Germany"}   # the states its compound joins


def test_named_instrument_as_basis_is_referenced(nlp):
    event = only(nlp, "Joint calls are organised based on the memorandum between Japan and Canada.")
    assert (event.type, event.action, event.parties) == ("mou", "referenced", ["Japan", "Canada"])


def test_action_in_the_sentence_wins_over_basis(nlp):
    event = only(nlp, "Joint calls are run under an agreement between Japan and Canada, signed in Ottawa.")
    assert event.action == "signed"
    assert event.place == "Ottawa"


@pytest.mark.parametrize(
    "text",
    [
        "Japan has already concluded international agreements, including bilateral agreements "
        "on cooperation in science, with 53 countries and institutions around the world.",
        "Projects are designated on the basis of intergovernmental agreements, agreements at "
        "ministerial-level meetings, and so forth.",
        "The university has signed memorandums and agreements with related foreign academic institutes.",
        "In 2010 an agreement was reached on looking into the possibility of a joint fund.",
    ],
)
def test_generic_talk_is_no_event(nlp, text):
    assert events(nlp, text) == []


def test_evidence_is_the_sentence_with_exact_offsets(nlp):
    text = "Some context here. An MoU between India and Japan was signed in Tokyo. More text follows."
    doc = analyse_text(nlp, text)
    (event,) = doc._.agreements
    assert event.evidence.text == "An MoU between India and Japan was signed in Tokyo."
    assert text[event.evidence.start_char : event.evidence.end_char] == event.evidence.text
    assert event.trigger.text == "MoU"


def test_text_without_instruments(nlp):
    doc = analyse_text(nlp, "The committee met in Paris to discuss open science.")
    assert doc._.agreements == []
    assert list(doc.spans["agreement_triggers"]) == []


# -- actions the parse hangs elsewhere, framing, tables ------------------------------

def test_participle_after_the_sides_gives_the_action_needs_dates(nlp):
    event = only(nlp, "Joint calls rest on the Agreement between Chile and Peru, signed in Lima on 3 May 1990.")
    assert (event.action, event.parties, event.date_value, event.place) == ("signed", ["Chile", "Peru"], "1990-05-03", "Lima")


def test_reduced_relative_clause_gives_the_action_needs_dates(nlp):
    event = only(nlp, "The centre was set up under an agreement that the two countries signed in Nairobi in 2001.")
    assert (event.action, event.date_value, event.place) == ("signed", "2001", "Nairobi")


def test_relative_clause_after_the_participle_adds_an_event(nlp):
    found = events(nlp, "Projects run under a memorandum concluded in 2009, which has since been extended twice.")
    assert [e.action for e in found] == ["signed", "extended"]
    assert found[0].instrument_id == found[1].instrument_id


def test_clause_after_a_comma_is_not_the_instruments(nlp):
    found = events(nlp, "Under the agreement between Chile and Peru, Chile extended its budget for joint calls.")
    assert [e.action for e in found] == ["referenced"]


def test_frequency_word_does_not_stop_coordination(nlp):
    found = events(nlp, "Both sides work under a Memorandum of Understanding between Chile and Peru first signed in 2008 and renewed thrice.")
    assert [e.action for e in found] == ["signed", "renewed"]


def test_coordinated_verb_with_a_clause_of_its_own_is_no_event(nlp):
    found = events(
        nlp, "The ministers of Chile and Peru adopted the joint statement and agreed that the next meeting would be held in Lima."
    )
    assert [e.action for e in found] == ["adopted"]


def test_instrument_setting_a_framework_is_referenced(nlp):
    event = only(nlp, "The memorandum between Chile and Peru sets the framework for a new series of joint calls.")
    assert (event.type, event.action, event.parties) == ("mou", "referenced", ["Chile", "Peru"])


def test_sides_of_the_framed_verb_needs_parties(nlp):
    event = only(
        nlp,
        "The National Science Foundation (NSF) works with the Indian Council of Medical Research (ICMR) "
        "under a Memorandum of Understanding signed in 2010.",
    )
    assert event.action == "signed"
    assert set(event.parties) == {"National Science Foundation", "Indian Council of Medical Research"}


def test_two_governments_stand_for_governments_named_before_needs_parties(nlp):
    found = events(
        nlp,
        "Cooperation is led by the Government of India and the Government of Japan. Universities and agencies "
        "such as the Japan Science and Technology Agency (JST) fund projects. In 2015 the two governments "
        "signed a protocol on clean energy.",
    )
    assert [e.action for e in found] == ["signed"]
    assert set(found[0].parties) == {"Government of India", "Government of Japan"}


def test_parents_of_a_side_are_no_sides_needs_parties(nlp):
    event = only(
        nlp,
        "The Department of Biotechnology, Ministry of Science and Technology, Government of India concluded an MoU "
        "with the National Institute of Advanced Industrial Science and Technology (AIST), Japan in 2007.",
    )
    assert set(event.parties) == {
        "Department of Biotechnology",
        "National Institute of Advanced Industrial Science and Technology",
    }


def test_table_row_gives_one_event_per_action_cell_needs_parties(nlp):
    text = (
        "Instrument                    | UK signatory | Indian signatory | Signed   | Status\n"
        "MoU on ocean science          | Met Office   | ISRO             | Apr 2016 | renewed Jan 2021\n"
        "Letter of Intent on chemistry | UKRI         | DST              | 2019     | valid until Nov 2024\n"
    )
    found = events(nlp, "UK Research and Innovation (UKRI) and the Indian Space Research Organisation (ISRO) work together.\n\n" + text)
    rows = [(e.type, e.action, e.date_value, e.valid_until) for e in found]
    assert rows == [
        ("mou", "signed", "2016-04", None),
        ("mou", "renewed", "2021-01", None),
        ("loi", "signed", "2019", "2024-11"),
    ]
    assert "Indian Space Research Organisation" in found[0].parties
    assert found[0].parties == found[1].parties


# -- the meeting as occasion, pronouns, compounds, nominal actions, places ---------

def test_adopted_statement_takes_date_and_place_of_the_meeting_told_before_needs_parties(nlp):
    found = events(
        nlp,
        "The 9th meeting of the Chile–Peru Joint Commission on Marine Science was held in Lima on 4 May 2021. "
        "The two sides reviewed progress since the 8th meeting, held in Santiago in March 2019.\n\n"
        "The Joint Commission adopted a Joint Statement and agreed that its 10th meeting would be held in Chile in 2023.",
    )
    event = found[-1]
    assert (event.type, event.action) == ("joint_statement", "adopted")
    assert (event.date_value, event.place) == ("2021-05-04", "Lima")
    assert set(event.parties) == {"Chile", "Peru"}


def test_adopted_statement_takes_the_meeting_of_its_own_sentence(nlp):
    event = only(
        nlp,
        "At its 4th meeting, held in Nairobi on 2 June 2018, the ministers of Kenya and Norway adopted a joint statement on climate research.",
    )
    assert (event.date_value, event.place) == ("2018-06-02", "Nairobi")


def test_statement_with_its_own_date_keeps_it(nlp):
    found = events(
        nlp,
        "The meeting was held in Lima on 4 May 2021. The ministers of Chile and Peru adopted a joint statement in Cusco in 2022.",
    )
    assert found[-1].date_value == "2022"
    assert found[-1].place != "Lima"


def test_pronoun_continues_the_instrument_named_before_needs_dates(nlp):
    found = events(
        nlp,
        "Chile and Peru signed an agreement on seismology in 2009. The agreement was renewed in 2014. "
        "It was extended again in 2019 and is now valid until 31 December 2024.",
    )
    assert [e.action for e in found] == ["signed", "renewed", "extended"]
    extended = found[-1]
    assert extended.parties == ["Chile", "Peru"]
    assert extended.instrument_id == found[0].instrument_id
    assert (extended.date_value, extended.valid_until) == ("2019", "2024-12-31")


def test_pronoun_far_from_any_instrument_is_no_event(nlp):
    found = events(
        nlp,
        "Chile and Peru signed an agreement on seismology in 2009. The network grew quickly. "
        "Many stations were built. The budget rose. It was extended again in 2019.",
    )
    assert [e.action for e in found] == ["signed"]


def test_pronoun_does_not_report_a_signing(nlp):
    found = events(nlp, "The agreement between Chile and Peru entered into force in 2010. It was signed in Lima.")
    assert all(e.action != "signed" or e.trigger.text != "It" for e in found)


@pytest.mark.parametrize(
    "text, sides",
    [
        ("Projects run within the framework of the German-Brazilian Agreement on Cooperation in Science.", {"Germany", "Brazil"}),
        ("Projects run under the Sino-French Agreement on Cooperation in Science.", {"China", "France"}),
        ("Projects run under the US-India Agreement on Cooperation in Science.", {"United States", "India"}),
    ],
)
def test_states_joined_in_a_compound_are_the_sides(nlp, text, sides):
    assert set(only(nlp, text).parties) == sides


def test_single_country_adjective_gives_no_side(nlp):
    assert only(nlp, "Projects run under the German Agreement on Cooperation in Science.").parties == []


def test_signing_across_a_date_gives_action_and_date_needs_dates(nlp):
    event = only(
        nlp,
        "The commission welcomed the signing, on 3 March 2020, of a Memorandum of Cooperation between Chile and Peru on seismology.",
    )
    assert (event.type, event.action, event.date_value) == ("moc", "signed", "2020-03-03")
    assert event.parties == ["Chile", "Peru"]


def test_signing_by_parties_in_place_on_date_needs_dates(nlp):
    event = only(nlp, "The ministers attended the signing of an MoU by Chile and Peru on 3 March 2020.")
    assert (event.action, event.parties, event.date_value) == ("signed", ["Chile", "Peru"], "2020-03-03")


@pytest.mark.parametrize(
    "text, place",
    [
        ("An MoU between India and Chile was signed in Washington, D.C. on 3 May 2015.", "Washington, D.C."),
        ("An MoU between India and Chile was signed in Bonn, Germany, in 2015.", "Bonn"),   # gold writes the city
        ("An MoU between India and Chile was signed in Tokyo, Kyoto and Osaka.", "Tokyo"),
        ("An MoU between India and Chile was signed in Surabaya, East Java, on 3 May 2015.", "Surabaya"),   # a province too
    ],
)
def test_place_keeps_the_region_written_after_a_comma_not_a_country(nlp, text, place):
    assert only(nlp, text).place == place


# -- real-page habits: datelines, headlines, quotes, adverbs, coordination ---------

def test_states_with_an_adverb_before_their_verb_are_the_sides(nlp):
    event = only(nlp, "Norway and Peru today renewed the Agreement on Cooperation in Polar Research.")
    assert event.action == "renewed" and event.parties == ["Norway", "Peru"]


def test_states_after_a_glued_dateline_are_the_sides(nlp):
    event = only(nlp, "LIMA, 4 May 2021: Norway and Peru on Tuesday formally signed a protocol on fisheries science.")
    assert event.type == "protocol" and event.parties == ["Norway", "Peru"]


def test_action_after_a_verb_giving_none_is_an_event_needs_dates(nlp):
    found = events(nlp, "The Agreement was signed in Lima on 2 March 1981, was revised and extended in 1999.")
    assert [(e.action, e.date_value) for e in found] == [("signed", "1981-03-02"), ("extended", "1999")]


def test_participle_takes_the_sides_of_the_verb_it_hangs_from_needs_parties(nlp):
    event = only(
        nlp,
        "The University of Bergen has renewed its partnership with the University of Cusco, "
        "signing a memorandum on glacier research.",
    )
    assert event.action == "signed" and set(event.parties) == {"University of Bergen", "University of Cusco"}


def test_today_takes_the_day_of_a_dateline_on_its_own_line_needs_dates(nlp):
    text = (
        "Norway and Peru extend polar research agreement to 2030\n\n"
        "14.09.21\n\n"
        "Norway and Peru today extended the Agreement on Cooperation in Polar Research for five years."
    )
    event = only(nlp, text)
    assert (event.action, event.date_value) == ("extended", "2021-09-14")


def test_yesterday_takes_the_day_before_the_dateline_needs_dates(nlp):
    text = "Tuesday, March 9, 2021\n\nThe two institutes yesterday renewed the Memorandum of Understanding on soil science."
    event = only(nlp, text)
    assert (event.action, event.date_value) == ("renewed", "2021-03-08")


def test_lead_sentence_takes_day_and_place_of_its_dateline_needs_parties(nlp):
    text = (
        "OSLO, 14 September 2021 – The Norwegian Polar Institute and the Peruvian Antarctic Institute "
        "have signed a letter of intent on ice-core research."
    )
    event = only(nlp, text)
    assert (event.date_value, event.place) == ("2021-09-14", "Oslo")


def test_later_retelling_gives_date_and_place_needs_dates(nlp):
    text = (
        "The Norwegian Polar Institute and the Peruvian Antarctic Institute have signed a letter of intent on ice cores. "
        "The letter of intent was signed in Bergen on 3 June 2021 by the two directors."
    )
    first = events(nlp, text)[0]
    assert (first.action, first.date_value, first.place) == ("signed", "2021-06-03", "Bergen")


def test_headline_restating_the_body_is_no_event(nlp):
    text = (
        "Norway and Peru sign polar research protocol\n\n"
        "Norway and Peru signed a protocol on polar research in Lima on 4 May 2021."
    )
    found = events(nlp, text)
    assert len(found) == 1 and found[0].evidence.text.startswith("Norway and Peru signed")


def test_heading_framing_a_section_stays_referenced(nlp):
    text = "Projects under the Norway-Peru protocol\n\nTwelve projects were funded in 2022."
    assert [e.action for e in events(nlp, text)] == ["referenced"]


def test_quoted_words_on_the_instrument_are_no_event(nlp):
    text = (
        "Norway and Peru signed a protocol on polar research in 2021. "
        '"This protocol gives our teams a clear framework for the next decade," the minister said.'
    )
    assert [e.action for e in events(nlp, text)] == ["signed"]


def test_quoted_title_is_still_an_instrument(nlp):
    event = only(nlp, 'Both ministers adopted the "Joint Statement on Polar Science" in Oslo.')
    assert event.type == "joint_statement" and event.action == "adopted"


def test_joint_committee_instruments_are_events(nlp):
    found = events(
        nlp,
        "The heads of delegation signed the Executive Programme of Cooperation for 2024-2027 in Accra on 9 May 2023. "
        "The Joint Committee agreed on a work plan for the next two years.",
    )
    assert [(e.type, e.action) for e in found] == [("other", "signed"), ("other", "adopted")]
    assert found[0].date_value == "2023-05-09"


def test_term_in_the_instruments_name_is_not_the_day_of_the_action(nlp):
    event = only(nlp, "Ghana and Chile signed the Executive Programme for the period 2024-2027 in Accra.")
    assert event.date_value is None and event.place == "Accra"


@pytest.mark.parametrize(
    "text",
    [
        "The ministry hopes to conclude similar protocols with Ghana and Chile next year.",
        "Ghana and Chile will sign a memorandum on seismology in June.",
        "A working group will meet in May to agree a detailed work plan.",
    ],
)
def test_intended_or_future_action_is_no_event(nlp, text):
    assert events(nlp, text) == []


def test_committee_delegations_stand_for_its_states_needs_parties(nlp):
    found = events(
        nlp,
        "The 3rd meeting of the Ghana-Chile Joint Committee on Science was held in Accra on 9 May 2023. "
        "The two sides agreed on a work plan for 2024-2026.",
    )
    assert found[-1].type == "other" and found[-1].action == "adopted"
    assert set(found[-1].parties) == {"Ghana", "Chile"}


def test_where_a_party_is_gives_neither_place_nor_side_needs_parties(nlp):
    event = only(
        nlp, "Wageningen University and Egerton University in Njoro, Kenya, have signed a letter of intent on dairy research."
    )
    assert event.place is None and "Kenya" not in event.parties


def test_states_named_for_their_governments_point_back_to_the_instrument_needs_parties(nlp):
    found = events(
        nlp,
        "The Agreement on Scientific Cooperation between the Government of the Republic of Ghana and the Government "
        "of the Republic of Chile was signed in Accra in 1998. The 4th meeting of the Joint Committee under the "
        "Agreement between Ghana and Chile took place in 2023.",
    )
    assert [e.action for e in found] == ["signed", "referenced"]
    assert found[1].parties == found[0].parties and found[1].instrument_id == found[0].instrument_id


def test_dateline_place_is_not_where_an_older_signing_took_place_needs_dates(nlp):
    text = (
        "Brussels, 6 February 2003\n\n"
        "The Council adopted a decision approving the Agreement on research, signed on 4 July 2002, between Norway and Peru."
    )
    event = only(nlp, text)
    assert (event.date_value, event.place) == ("2002-07-04", None)


def test_retelling_in_the_next_paragraph_is_not_the_lead_needs_dates(nlp):
    text = (
        "OSLO, 14 September 2021 – Norway and Peru have signed a letter of intent on ice cores.\n\n"
        "Norway and Peru also signed a memorandum on fisheries research."
    )
    assert [(e.date_value, e.place) for e in events(nlp, text)] == [("2021-09-14", "Oslo"), (None, None)]


def test_place_the_parse_hung_on_the_instrument(nlp):
    event = only(nlp, "Norway and Peru officially renewed their polar research agreement in Lima on Friday.")
    assert (event.action, event.place, event.parties) == ("renewed", "Lima", ["Norway", "Peru"])


def test_instrument_in_force_that_forms_the_basis_is_referenced_with_its_date_needs_dates(nlp):
    event = only(nlp, "The Agreement came into force in 2003 and forms the basis of most bilateral activities.")
    assert (event.action, event.date_value) == ("referenced", "2003")


def test_signing_takes_the_place_of_the_ceremony_told_before_needs_dates(nlp):
    text = (
        "The ceremony took place in Lima on 4 May 2021. "
        "The protocol was signed by the Norwegian ambassador and the Peruvian minister."
    )
    event = only(nlp, text)
    assert (event.action, event.date_value, event.place) == ("signed", "2021-05-04", "Lima")


def test_older_signing_keeps_no_place_of_the_meeting_needs_dates(nlp):
    text = "The meeting was held in Lima on 4 May 2021. The Agreement between Norway and Peru was signed in 1998."
    event = only(nlp, text)
    assert (event.date_value, event.place) == ("1998", None)
