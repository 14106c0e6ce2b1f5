"""st_agreements: which events a page tells (SPEC 3.4, 3.5): actions told of a pronoun
through a coordinated verb, re-mentions that tell nothing new, the meeting a committee's
decision belongs to."""

from conftest import agreement_events as events


def test_pronoun_takes_the_action_of_a_verb_coordinated_with_its_own(nlp):
    found = events(
        nlp,
        "The Agreement on Marine Research between Chile and Norway was signed in Oslo on 4 May 1992. "
        "After the two states revised their fisheries law it was amended and extended in 2003 by an exchange of notes.",
    )
    assert [(e.action, e.date_value, e.instrument_id) for e in found] == [
        ("signed", "1992-05-04", found[0].instrument_id), ("extended", "2003", found[0].instrument_id),
    ]


def test_bare_re_mention_in_a_download_list_is_no_event(nlp):
    found = events(
        nlp,
        "The Agreement on Scientific Cooperation between Poland and Uruguay was signed in Warsaw on 3 June 1999.\n\n"
        "Files\n"
        "- Agreement with Uruguay (PDF, 180 kB)\n"
        "- Call text 2024 (PDF, 95 kB)\n",
    )
    assert [(e.action, e.date_value) for e in found] == [("signed", "1999-06-03")]


def test_heading_that_frames_a_section_by_an_instrument_told_before_stays(nlp):
    found = events(
        nlp,
        "The Agreement on Scientific Cooperation between Poland and Uruguay was signed in Warsaw on 3 June 1999.\n\n"
        "Joint projects under the Poland-Uruguay agreement\n\n"
        "Eleven projects were funded in 2023.",
    )
    assert [e.action for e in found] == ["signed", "referenced"]


def test_committee_decision_takes_the_latest_meeting_told_not_an_older_one(nlp):
    found = events(
        nlp,
        "The fourth meeting of the Joint Committee between Kenya and Peru took place in Nairobi on 10-11 March 2022. "
        "The first meeting of the Joint Committee was held in Lima in October 2008.\n\n"
        "The Joint Committee agreed on a work programme for the years 2022-2024.",
    )
    adopted = [e for e in found if e.action == "adopted"]
    assert [(e.date_value, e.place) for e in adopted] == [("2022-03-10/2022-03-11", "Nairobi")]


def test_extending_the_validity_of_an_instrument_extends_it(nlp):
    found = events(
        nlp,
        "The memorandum of understanding between Estonia and Peru on marine research was signed in May 2010.\n\n"
        "In March 2024 the two sides agreed to extend the validity of the memorandum until 31 December 2027.",
    )
    assert [(e.type, e.action, e.valid_until) for e in found] == [
        ("mou", "signed", None), ("mou", "extended", "2027-12-31"),
    ]


def test_agreement_an_amendment_is_added_to_is_the_one_extended_not_the_amendment(nlp):
    found = events(
        nlp,
        "The Chilean and Peruvian space agencies on Tuesday signed an amendment to the 2019 cooperation agreement "
        "that links their ground stations, adding two stations and extending the agreement until 2030.",
    )
    assert [(e.type, e.action) for e in found] == [("addendum", "signed"), ("agreement", "extended")]


# -- the meeting an action took place at, named in a phrase on its word ---------------

def test_action_during_the_workshop_takes_the_latest_meeting_told(nlp):
    found = events(
        nlp,
        "Some forty researchers met at the embassy residence in Lima on 12 March 2024 to review cooperation. "
        "An earlier meeting was held in Tallinn on 3 May 2022.\n\n"
        "During the workshop, the University of Tartu and the National University of San Marcos signed a letter "
        "of intent on seismology.",
    )
    assert [(e.type, e.date_value, e.place) for e in found] == [("loi", "2024-03-12", "Lima")]


def test_signing_on_the_margins_of_the_meeting_takes_its_date_and_place(nlp):
    found = events(
        nlp,
        "The 4th Meeting of the Estonian-Peruvian Joint Commission was held in Lima, Peru, on 12-13 March 2024.\n\n"
        "The Estonian delegation was led by the Deputy Secretary General for research.\n\n"
        "The Peruvian delegation was led by the Vice Minister of Education.\n\n"
        "The two sides welcomed the signing, on the margins of the Meeting, of the Memorandum of Understanding "
        "on Seismology between the University of Tartu and the National University of San Marcos.",
    )
    assert [(e.type, e.date_value, e.place) for e in found] == [("mou", "2024-03-12/2024-03-13", "Lima")]


def test_a_meeting_of_its_own_name_is_not_the_one_told_before(nlp):
    found = events(
        nlp,
        "In May 2009 the ministers met at the Trilateral Science Summit held in Tokyo. "
        "On the same day, at the Japan-Peru Ministerial Meeting on Science, a memorandum was signed on seismology.",
    )
    assert [e.place for e in found if e.type == "mou"] == [None]


# -- instruments that take the action of another phrase ----------------------------------

def test_instrument_coordinated_after_the_sides_of_another_shares_its_verb(nlp):
    found = events(
        nlp,
        "Last year the Estonian Research Council also signed an MoU with the National Research Foundation (NRF) "
        "of Peru and a letter of intent with the Chilean National Research Agency.",
    )
    assert [(e.type, e.action) for e in found] == [("mou", "signed"), ("loi", "signed")]


def test_instrument_included_among_documents_signed_takes_their_action(nlp):
    found = events(
        nlp,
        "Peru has signed similar research cooperation documents with several countries over the past decade, "
        "including a 2019 agreement with the Estonian Research Council.",
    )
    assert [(e.type, e.action, e.date_value) for e in found] == [("agreement", "signed", "2019")]


def test_object_of_included_takes_the_action_of_the_instruments_subject(nlp):
    found = events(
        nlp,
        "Other agreements signed during the visit included a memorandum between the University of Tartu "
        "and the University of Lima on seismology.",
    )
    assert [(e.type, e.action) for e in found] == [("mou", "signed")]


def test_second_object_parsed_as_coordinated_with_the_verb_takes_its_action(nlp):
    found = events(
        nlp,
        "Last year COSTECH also signed an MoU with South Africa's National Research Foundation (NRF) "
        "and a letter of intent with the Kenya National Research Fund.",
    )
    assert [(e.type, e.action) for e in found] == [("mou", "signed"), ("loi", "signed")]


def test_past_form_right_after_the_instruments_phrase_is_its_participle(nlp):
    found = events(
        nlp,
        "To support joint research, and under the Agreement between the Government of the Republic of Estonia "
        "and the Government of the Republic of Peru on Scientific Cooperation, concluded in Lima on 28 May 2014, "
        "the two ministries announced on 15 March 2023 a joint call for proposals.",
    )
    assert [(e.action, e.date_value, e.place) for e in found] == [("signed", "2014-05-28", "Lima")]


def test_programme_approved_takes_the_meeting_the_next_sentence_reports(nlp):
    found = events(
        nlp,
        "Estonia and Peru have approved a programme of scientific and technical cooperation for 2025–2027, "
        "the ministry reported.\n\n"
        "The decisions were taken at the sixth meeting of the Estonian-Peruvian Commission on Scientific "
        "Cooperation, held in Tartu on 20–21 May 2025.",
    )
    assert [(e.action, e.date_value, e.place) for e in found] == [("adopted", "2025-05-20/2025-05-21", "Tartu")]


def test_it_forming_the_basis_of_cooperation_is_a_reference_to_the_instrument_before(nlp):
    found = events(
        nlp,
        "The Agreement between Estonia and Peru was signed in Lima on 31 October 1998 and amended in 2004. "
        "It came into force on the date of the last notification between the two Governments and forms the "
        "basis of all government-level cooperation in science between the two countries.",
    )
    assert [(e.action, e.instrument_id) for e in found] == [
        ("signed", found[0].instrument_id), ("referenced", found[0].instrument_id),
    ]


def test_committee_established_under_an_article_of_the_agreement_references_it(nlp):
    found = events(
        nlp,
        "The Agreement between Estonia and Peru was signed in Lima on 31 October 1998. The Joint Committee, "
        "established under Article 5 of the Agreement, met for the first time in Tallinn in 2016.",
    )
    assert [(e.action, e.instrument_id) for e in found] == [
        ("signed", found[0].instrument_id), ("referenced", found[0].instrument_id),
    ]


def test_dated_action_takes_the_place_of_the_signing_told_next(nlp):
    found = events(
        nlp,
        "On 20 May 2024 the University of Tartu and the University of Lima renewed the memorandum of "
        "understanding on seismology that they first signed in 2014.\n\n"
        "The signing took place at the university's main building in Tartu and was attended by the two rectors.",
    )
    assert [(e.action, e.date_value, e.place) for e in found][0] == ("renewed", "2024-05-20", "Tartu")
