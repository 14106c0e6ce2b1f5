"""st_agreements: sides named through the clause around the instrument (SPEC 3.4, 3.5):
relative pronouns, holders, items of a list, collective bodies, descriptions, officers,
parents named with "of", and lists that stop at the next instrument."""

from conftest import agreement_events as events, only_agreement as only


def test_relative_pronoun_subject_stands_for_its_antecedent(nlp):
    event = only(nlp, "The delegation met the board of the Nairobi Technology Institute, which signed a "
                      "letter of intent with the Uganda National Research Fund on 3 May 2021.")
    assert event.parties == ["Nairobi Technology Institute", "Uganda National Research Fund"]


def test_holder_of_an_agreement_is_a_side(nlp):
    event = only(nlp, "The University of Oslo has had an exchange agreement with Kyoto University since 2015.")
    assert event.parties == ["University of Oslo", "Kyoto University"]


def test_item_of_a_list_takes_the_signer_and_action_of_the_list(nlp):
    event = only(nlp, "Last year Makerere University signed 14 agreements with foreign partners, among them "
                      "a research cooperation programme with the University of Nairobi on 4 March 2020.")
    assert event.parties == ["Makerere University", "University of Nairobi"]
    assert event.action == "signed"
    assert event.date_value == "2020-03-04"


def test_including_item_takes_the_subject_of_the_list(nlp):
    event = only(nlp, "Peru has signed similar research agreements with several countries, including a 2019 "
                      "agreement with Chile's National Research Agency.")
    assert event.parties == ["Peru", "National Research Agency"]


def test_collective_body_of_two_states_gives_the_states(nlp):
    event = only(nlp, "The Portuguese and Spanish ministries of science on Tuesday signed an amendment to the "
                      "2019 cooperation agreement.")
    assert event.parties == ["Portugal", "Spain"]


def test_collective_body_after_of_gives_the_states(nlp):
    event = only(nlp, "The programme is funded by the Ministries for Foreign Affairs of Finland and Sweden under "
                      "a memorandum of understanding signed in Turku in 2012.")
    assert event.parties == ["Finland", "Sweden"]


def test_counted_bodies_of_two_states_are_not_the_states(nlp):
    found = events(nlp, "The agreement was signed by the rectors of three Kenyan universities and two Ugandan "
                        "universities.")
    assert all(e.parties == [] for e in found)


def test_parent_after_of_and_its_state_are_no_sides(nlp):
    event = only(nlp, "The Institute of Botany of the Ministry of Science of the Republic of Armenia and the "
                      "National Botanical Garden of Georgia have signed a memorandum of cooperation.")
    assert event.parties == ["Institute of Botany", "National Botanical Garden of Georgia"]


def test_capitalised_description_is_the_body_named_first(nlp):
    found = events(nlp, "The Higher Research Committee of Oman funds mobility. The State Committee for Science "
                        "of Kenya funds travel. A memorandum of understanding between the Committee and the "
                        "National Academy of Sciences of Tanzania was signed in Arusha in May 2022.")
    assert [e.parties for e in found] == [["Higher Research Committee of Oman", "National Academy of Sciences of Tanzania"]]


def test_officers_before_the_verb_give_their_bodies(nlp):
    found = events(nlp, "The Higher Research Committee of Oman funds mobility. In Tehran, the Chairman of the "
                        "Committee and the President of the Iran Science Foundation signed a memorandum of cooperation.")
    assert [e.parties for e in found] == [["Higher Research Committee of Oman", "Iran Science Foundation"]]


def test_list_of_sides_stops_at_the_next_instrument(nlp):
    found = events(nlp, "Last month the Kenya Science Council also signed an MoU with Ghana's National Research "
                        "Agency and a letter of intent with the Uganda National Research Fund.")
    assert [(e.type, e.parties) for e in found] == [
        ("mou", ["Kenya Science Council", "National Research Agency"]),
        ("loi", ["Kenya Science Council", "Uganda National Research Fund"]),
    ]


def test_memorandum_with_another_body_is_not_the_one_told_before(nlp):
    found = events(nlp, "In May the Chairman of the Oman Research Council and the President of the Iran Science "
                        "Foundation signed a memorandum of cooperation. The memorandum with the Georgia Science "
                        "Foundation, first signed in 2019, was extended in 2022.")
    assert [e.parties for e in found][1:] == [["Georgia Science Foundation"]] * 2


def test_item_of_a_list_of_documents_takes_the_signer(nlp):
    event = only(nlp, "Ethiopia has signed similar cooperation documents with several countries, including a "
                      "2021 agreement with South Africa's Department of Science and Innovation.")
    assert event.parties == ["Ethiopia", "Department of Science and Innovation"]


def test_heads_of_counted_delegations_are_the_states_named_last(nlp):
    found = events(nlp, "The joint committee of Estonia, Finland and Latvia met in Riga. The minutes of the "
                        "meeting were signed by the heads of the three delegations.")
    assert [e.parties for e in found] == [["Estonia", "Finland", "Latvia"]]


def test_two_ministries_in_a_list_item_are_the_two_states(nlp):
    found = events(nlp, "Kenya and Uganda met in Kampala. Documents signed included:\n"
                        "- Agreement on Cooperation in Health between the two Ministries of Health;")
    assert [e.parties for e in found] == [["Kenya", "Uganda"]]


def test_intergovernmental_agreement_is_between_the_states_named_last(nlp):
    event = only(nlp, "The Ghanaian minister praised the partnership with Togo, recalling that 40 projects had "
                      "been funded under the intergovernmental agreement on research signed in Accra in 2009.")
    assert event.parties == ["Ghana", "Togo"]


def test_signing_at_a_meeting_of_two_states_takes_its_states(nlp):
    event = only(nlp, "On the same day, at the Chile-Peru Ministerial Meeting on Science, a memorandum was signed "
                      "to reinforce cooperation in seismology.")
    assert event.parties == ["Chile", "Peru"]


def test_instrument_misparsed_as_a_verb_conjunct_keeps_the_subject(nlp):
    found = events(nlp, "The Kenya Science Council (KSC) funds research. Last year KSC also signed an MoU with "
                        "South Africa's National Research Foundation (NRF) and a letter of intent with the Uganda "
                        "National Research Fund.")
    assert all("Kenya Science Council" in e.parties for e in found), [(e.type, e.parties) for e in found]


def test_officials_named_by_their_states_give_the_states(nlp):
    event = only(nlp, "The memorandum was signed by Peru's Minister of Production Ana Ruiz and Korean Ambassador "
                      "to Peru Kim Min-su.")
    assert event.parties == ["Peru", "South Korea"]


def test_signing_as_the_means_of_a_verb_takes_its_subject(nlp):
    event = only(nlp, "The Kenya National Research Fund (NRF) and the Uganda Council for Science (UCS) have "
                      "strengthened their cooperation with the signing of a renewed memorandum of understanding.")
    assert event.parties == ["Kenya National Research Fund", "Uganda Council for Science"]


def test_state_after_a_bracketed_acronym_only_places_the_body(nlp):
    event = only(nlp, "The National Commission on Research and Innovation (NCRI) Botswana and the National "
                      "Research Foundation (NRF) South Africa have signed a five-year Memorandum of Understanding.")
    assert event.parties == ["National Commission on Research and Innovation", "National Research Foundation"]


def test_listed_states_after_a_body_are_sides(nlp):
    event = only(nlp, "An Agreement on the creation of the Centre was signed by the European Union, the USA, "
                      "Japan and the Russian Federation (Moscow, 27 November 1992).")
    assert event.parties == ["European Union", "United States", "Japan", "Russia"]


def test_participle_inside_a_list_of_sides_does_not_end_it(nlp):
    event = only(nlp, "A memorandum of understanding was signed during the meeting between Kenya's visiting "
                      "Science Minister Jane Doe and the head of Ghana's Science Academy, John Roe.")
    assert event.parties == ["Kenya", "Ghana"]


def test_instrument_with_one_side_takes_the_state_the_page_is_about(nlp):
    found = events(nlp, "Japan funds research with many partners. Japan and Korea met in Seoul; Japan hosted the "
                        "next round. In June, an agreement on cooperation in science was concluded with Egypt.")
    assert [e.parties for e in found] == [["Japan", "Egypt"]]


def test_no_page_side_when_no_state_stands_out(nlp):
    found = events(nlp, "Chile and Peru met in Lima. In June, an agreement on cooperation in science was "
                        "concluded with Egypt.")
    assert [e.parties for e in found] == [["Egypt"]]


def test_party_name_left_unmarked_in_a_list_of_sides_is_found(nlp):
    from pipeline.components.agreements.side_context import PartyForms
    from pipeline.components.parties import Party

    doc = nlp.make_doc("The memorandum was signed by KARI and Portugal Space in Lisbon; Space is vast.")
    doc._.parties = [
        Party("p1", "Portugal Space", None, [], "agency", "Portugal"),
        Party("p2", "Korea Aerospace Research Institute", "KARI", [], "research", "South Korea"),
        Party("p3", "Space", None, [], "other", None),   # one common word names nothing
    ]
    found = PartyForms(doc, nlp.tokenizer).find(doc, 0, len(doc), {})
    assert [(doc[i:j].text, name) for i, j, name in found] == [
        ("KARI", "Korea Aerospace Research Institute"), ("Portugal Space", "Portugal Space"),
    ]
    marked = {5: ("Korea Aerospace Research Institute", None)}   # KARI marked already
    assert [name for _, _, name in PartyForms(doc, nlp.tokenizer).find(doc, 0, len(doc), marked)] == ["Portugal Space"]


def test_capitalised_description_counts_toward_the_page_body(nlp):
    found = events(nlp, "The Higher Research Committee of Oman (HRC) reports each year. The Committee funds calls; "
                        "the Committee also trains staff. The Iran Science Foundation and the Kenya Science "
                        "Council hosted visits, and the Iran Science Foundation paid travel. The memorandum with "
                        "the Kenya Science Council, first signed on 12 April 2019, was extended in 2022.")
    assert {tuple(e.parties) for e in found} == {("Higher Research Committee of Oman", "Kenya Science Council")}


def test_addendum_with_no_sides_adds_to_the_instrument_told_just_before(nlp):
    found = events(nlp, "The memorandum between the University of Ghana and Kyoto University, first signed in "
                        "2019, was extended in 2022. An addendum signed in Accra on 2 March 2023 added a mobility "
                        "scheme.")
    addendum = [e for e in found if e.type == "addendum"]
    assert [e.parties for e in addendum] == [["University of Ghana", "Kyoto University"]]


def test_section_under_a_state_heading_takes_that_state_and_the_page_state(nlp):
    found = events(nlp, "The Czech Republic cooperates with Latin America. The Czech Republic funds teams; the "
                        "Czech Republic pays travel.\n\nCHILE\n\nThe Memorandum of Understanding on Cooperation "
                        "in Science was signed in Santiago on 27/11/2013.")
    assert [set(e.parties) for e in found] == [{"Czech Republic", "Chile"}]
