"""st_agreements: where and when an event took place, read from the page around its
sentence (SPEC 3.4, 3.5): datelines, venues, the ceremony told next."""

from conftest import agreement_events as events, only_agreement as only


# -- datelines -----------------------------------------------------------------

def test_placed_dateline_below_a_byline_date_gives_the_place_needs_dates(nlp):
    text = (
        "Peru and Norway sign ocean science memorandum\n\n"
        "Published: 9 May 2021, 11:05 | Updated: 10 May 2021\n\n"
        "LIMA, May 8 - Peru and Norway on Saturday signed a memorandum of understanding on ocean observation "
        "and fisheries science."
    )
    event = only(nlp, text)
    assert (event.place, event.date_value) == ("Lima", "2021-05-08")


def test_dateline_of_a_place_alone_gives_the_lead_its_place_needs_parties(nlp):
    text = (
        "SANTIAGO: Chile and New Zealand have renewed their arrangement on earthquake engineering research "
        "for a further four years."
    )
    assert only(nlp, text).place == "Santiago"


def test_capitals_that_are_no_place_give_none(nlp):
    text = "UPDATE: Chile and New Zealand have renewed their arrangement on earthquake engineering research."
    assert only(nlp, text).place is None


def test_dateline_place_in_title_case_where_the_model_reads_a_place_needs_parties(nlp):
    text = "Kenya renews accord\n\nNairobi – Kenya and Finland have renewed their arrangement on forestry research."
    assert only(nlp, text).place == "Nairobi"


def test_dateline_place_does_not_reach_an_older_dated_signing(nlp):
    text = (
        "Santiago – Chile and New Zealand first signed an arrangement on earthquake engineering research in 2009."
    )
    assert only(nlp, text).place is None


# -- dates ---------------------------------------------------------------------

def test_date_of_a_relative_clause_parsed_as_modifier_stays_there_needs_dates(nlp):
    text = (
        "The Danish Meteorological Institute and the Icelandic Met Office renewed the memorandum of understanding "
        "on polar forecasting that the two institutes first signed in 2012, extending it for five years."
    )
    found = {e.action: e.date_value for e in events(nlp, text)}
    assert found.get("renewed") is None and found.get("signed") == "2012"


# -- headlines -----------------------------------------------------------------

def test_headline_whose_verb_the_parse_missed_is_no_event_of_its_own_needs_parties(nlp):
    text = (
        "Chile And New Zealand Renew Seismic Research Accord\n\n"
        "Chile and New Zealand have renewed their agreement on earthquake engineering research "
        "for a further four years."
    )
    assert only(nlp, text).action == "renewed"


def test_headline_framing_a_section_stays_needs_parties(nlp):
    text = (
        "Projects under the Chile-New Zealand Research Accord\n\n"
        "Chile and New Zealand have renewed their agreement on earthquake engineering research "
        "for a further four years."
    )
    assert [e.action for e in events(nlp, text)] == ["referenced", "renewed"]


# -- venues and the ceremony told next ---------------------------------------------

def test_place_of_a_venue_that_is_a_party_needs_parties(nlp):
    text = (
        "The Marine Research Institute of Iceland and the Norwegian Polar Institute signed a memorandum of "
        "understanding on sea ice at a ceremony at the Embassy of Iceland in Oslo."
    )
    assert only(nlp, text).place == "Oslo"


def test_where_a_party_merely_is_gives_no_place_needs_parties(nlp):
    text = (
        "The Marine Research Institute of Iceland and the University of Tromsø in Norway signed a memorandum "
        "of understanding on sea ice."
    )
    assert only(nlp, text).place is None


def test_the_signing_told_in_the_next_sentence_gives_the_place_needs_parties(nlp):
    text = (
        "The Marine Research Institute of Iceland and the Norwegian Polar Institute have renewed their "
        "memorandum of understanding on sea ice research. The signing took place at the institute's "
        "headquarters in Tromsø and was attended by the two directors."
    )
    assert only(nlp, text).place == "Tromsø"


def test_the_next_sentence_does_not_place_an_older_dated_signing_needs_parties(nlp):
    text = (
        "The Marine Research Institute of Iceland and the Norwegian Polar Institute first signed a memorandum "
        "of understanding on sea ice research in 2009. The ceremony was held in Tromsø."
    )
    assert only(nlp, text).place is None


# -- a nominal action carried by a verb ---------------------------------------------

def test_nominal_action_takes_the_sides_and_weekday_of_its_verb_needs_dates(nlp):
    text = (
        "Thursday, 12 October 2023\n\n"
        "Ghana and Sweden on Tuesday signed a three-year extension of their research cooperation agreement."
    )
    event = only(nlp, text)
    assert (event.action, set(event.parties), event.date_value) == ("extended", {"Ghana", "Sweden"}, "2023-10-10")


def test_dateline_place_with_its_country_after_a_slash_needs_parties(nlp):
    text = (
        "Kenya: Universities Network Widened\n\n"
        "Kisumu/Kenya - Kenya and Uganda have renewed their arrangement on lake fisheries research."
    )
    assert only(nlp, text).place == "Kisumu"


def test_dateline_place_before_a_date_the_reader_may_miss_needs_parties(nlp):
    text = (
        "Kisumu, March 4/2024 (KNA) - Kenya and Uganda have renewed their arrangement on lake fisheries research."
    )
    assert only(nlp, text).place == "Kisumu"


def test_line_of_a_place_and_a_date_places_the_paragraph_under_it_needs_parties(nlp):
    text = (
        "KISUMU, 4 de marzo de 2024\n\n"
        "Kenya and Uganda have renewed their arrangement on lake fisheries research."
    )
    assert only(nlp, text).place == "Kisumu"


def test_byline_of_a_name_and_a_date_is_no_place_needs_parties(nlp):
    text = (
        "Achieng Odhiambo, 4 de marzo de 2024\n\n"
        "Kenya and Uganda have renewed their arrangement on lake fisheries research."
    )
    assert only(nlp, text).place is None


def test_weekday_dated_lead_takes_the_place_of_a_dateline_over_it_needs_dates(nlp):
    text = (
        "9 April 2024\n\n"
        "KISUMU - Kenya and Uganda on Monday signed an amendment to their arrangement on lake fisheries research."
    )
    event = only(nlp, text)
    assert (event.place, event.date_value) == ("Kisumu", "2024-04-08")


def test_dateline_place_before_an_agency_in_brackets_needs_parties(nlp):
    text = "Kisumu (KNA) Kenya and Uganda have renewed their arrangement on lake fisheries research."
    assert only(nlp, text).place == "Kisumu"


def test_signing_told_as_a_side_remark_is_not_the_news_of_the_day_needs_dates(nlp):
    text = (
        "12 March 2024\n\n"
        "The Cabinet was briefed on the memorandum of understanding signed between Kenya and Uganda "
        "on lake fisheries research."
    )
    assert only(nlp, text).date_value is None


def test_period_after_from_is_a_term_not_the_day_of_signing_needs_dates(nlp):
    text = (
        "Kenya and Uganda signed an agreement to co-finance research projects from 2024 – 2026."
    )
    assert only(nlp, text).date_value is None


# -- places the model does not read as places -------------------------------------------

def test_city_the_model_misreads_after_in_on_the_verb_needs_dates(nlp):
    event = only(nlp, "The agreement on fisheries research was concluded in Bratislava on 28 May 2014.")
    assert event.place == "Bratislava"


def test_place_right_after_the_instrument_names_where_it_was_signed_needs_dates(nlp):
    text = "The two councils signed a Memorandum of Understanding in Nuuk on Thursday, 25 August 2022."
    assert only(nlp, text).place == "Nuuk"


def test_a_field_after_in_is_no_place(nlp):
    assert only(nlp, "Kenya and Uganda signed an agreement in Science and Technology.").place is None


def test_both_documents_signed_somewhere_place_the_two_events_before_needs_parties(nlp):
    text = (
        "The Kenya Space Agency has concluded a cooperation agreement with the Portuguese Space Agency and has "
        "signed a letter of intent with the Luxembourg Space Agency. Both documents were signed in Nairobi "
        "during the week of the space conference."
    )
    assert {e.type: e.place for e in events(nlp, text)} == {"agreement": "Nairobi", "loi": "Nairobi"}


def test_place_of_a_dateline_closed_by_an_agency_and_a_full_stop_under_a_title_needs_parties(nlp):
    text = (
        "15 May 2025, 10:20\n\n"
        "Kenya and Uganda approve fisheries research programme\n\n"
        "KISUMU, 14 May (KNA). Kenya and Uganda have approved a programme of cooperation in fisheries research "
        "for 2025–2027."
    )
    assert only(nlp, text).place == "Kisumu"


def test_side_remark_with_a_time_of_its_own_takes_no_meetings_date_needs_dates(nlp):
    found = events(
        nlp,
        "The agreement was signed during the Space Congress held in Nairobi on 21-25 October 2019. "
        "It continues the Memorandum of Understanding between Kenya and Ghana, signed in May this year.",
    )
    mou = [e for e in found if e.type == "mou"]
    assert mou and (mou[0].date_value, mou[0].place) != ("2019-10-21/2019-10-25", "Nairobi")


def test_lone_city_name_the_model_reads_as_an_organisation_is_still_the_place(nlp):
    event = only(
        nlp,
        "A memorandum of understanding between the Estonian Research Council and the National Academy of "
        "Sciences of Tajikistan was signed in Dushanbe in October 2023; no call has yet been announced under it.",
    )
    assert (event.place, event.date_value) == ("Dushanbe", "2023-10")


def test_place_after_an_agent_that_stands_for_the_sides_is_the_place(nlp):
    found = events(
        nlp,
        "The University of Tartu and the University of Lima began a joint programme in 2019. "
        "It is the first implementing document under the memorandum of understanding signed by the two "
        "institutions in Kuwait City on 3 April 2016, which was valid for three years.",
    )
    assert [(e.type, e.place) for e in found if e.action == "signed"] == [("mou", "Kuwait City")]
