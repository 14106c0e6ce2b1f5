"""st_parties: bodies named together under a plural head ("the universities of X and Y"), and the lower-level
fixes of session 4, each from a sentence of our own."""

import pytest

from pipeline.nlp import analyse_text
from pipeline.text import spec_form


def parties(nlp, text):
    return analyse_text(nlp, text)._.parties


def names(nlp, text):
    return {spec_form(p.name) for p in parties(nlp, text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The presidents of four Moroccan universities (Fez, Meknes, Oujda and Agadir) met in Rabat.",
         {"university of fez", "university of meknes", "university of oujda", "university of agadir"}),
        ("The universities of Leipzig and Halle will host the fellows.",
         {"university of leipzig", "university of halle"}),
        ("Staff from the universities of Souk Ahras, Lille and Nantes took part.",
         {"university of souk ahras", "university of lille", "university of nantes"}),
        ("Rectors of the Oran, Tlemcen and Batna universities signed the charter on Monday.",
         {"university of oran", "university of tlemcen", "university of batna"}),
    ],
)
def test_a_plural_head_with_a_list_of_seats_names_one_body_per_seat(nlp, text, expected):
    found = parties(nlp, text)
    assert {spec_form(p.name) for p in found} >= expected
    assert all(p.kind == "university" for p in found if spec_form(p.name) in expected)


def test_the_seat_alone_is_an_alias_and_joins_the_full_name(nlp):
    found = parties(nlp, "The universities of Lyon and Lille signed. The University of Lille will lead the work.")
    lille = [p for p in found if spec_form(p.name) == "university of lille"]
    assert len(lille) == 1 and "Lille" in lille[0].aliases


@pytest.mark.parametrize(
    "text",
    [
        "The universities of Japan and Korea signed a joint statement.",
        "Three universities (two public, one private) joined the network.",
        "Two universities (UNAM and IPN) joined the network.",
        "Tunisian and Algerian universities signed the charter on Monday.",
    ],
)
def test_lists_of_states_acronyms_or_common_words_are_no_seats(nlp, text):
    assert not any(spec_form(p.name).startswith("university of") for p in parties(nlp, text))


# --- names the grammar cut short or the model's tags kept from being bodies ---------------------------------


def test_a_sub_unit_named_after_coordinated_fields_keeps_its_first_field(nlp):
    found = names(nlp, "Samples were shared with the Coastal and Marine Ecology Division of NIWA last year.")
    assert "coastal and marine ecology division of niwa" in found
    assert "marine ecology division of niwa" not in found


def test_coordinated_seats_before_a_university_stay_apart(nlp):
    found = names(nlp, "Students of Wageningen and Egerton University met in Nairobi.")
    assert "wageningen and egerton university" not in found


def test_a_place_name_read_as_a_modal_opens_a_name(nlp):
    found = names(nlp, "Projects:\n- Can Tho University and Aarhus University - rice farming under floods")
    assert {"can tho university", "aarhus university"} <= found and "tho university" not in found


def test_a_general_name_the_model_tags_whole_is_a_body(nlp):
    assert "central botanical garden" in names(nlp, "Seeds were exchanged with the Central Botanical Garden in Minsk.")


def test_a_short_general_name_still_only_refers(nlp):
    assert "national institute" not in names(nlp, "Experts from the National Institute attended the talks in Minsk.")


def test_an_embassy_named_in_indonesian_is_a_body(nlp):
    found = parties(nlp, "The Kedutaan Besar Republik Indonesia (KBRI) in Canberra hosted twenty students.")
    assert any(p.acronym == "KBRI" and p.name.startswith("Kedutaan Besar") for p in found)


def test_a_second_and_inside_the_models_name_goes_on_with_the_complement(nlp):
    found = names(nlp, "The Department of Market Development and Science and Technology Enterprises organised the forum.")
    assert "department of market development and science and technology enterprises" in found


def test_a_state_after_and_stays_out_of_the_complement(nlp):
    found = names(nlp, "The Department of Science and Technology and Japan signed the accord.")
    assert "department of science and technology" in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A delegation from the Agència Estatal de Recerca visited Montevideo last week.", "agència estatal de recerca"),
        ("Researchers of the Universitat de Barcelona signed the letter.", "universitat de barcelona"),
    ],
)
def test_catalan_heads_name_bodies(nlp, text, expected):
    assert spec_form(expected) in names(nlp, text)


def test_an_acronym_after_a_states_possessive_beside_a_named_body_is_a_body(nlp):
    found = parties(nlp, "The Ethiopian Ministry of Innovation and Technology and Cuba's CITMA signed the programme.")
    assert any(p.name == "CITMA" for p in found)


def test_the_eu_alone_is_the_european_union(nlp):
    found = parties(nlp, "Armenia has taken part in the EU research framework programme since 2016.")
    assert any(p.acronym == "EU" and p.canonical == "European Union" for p in found)


def test_a_national_research_council_named_by_acronym_takes_its_long_form(nlp):
    found = parties(nlp, "Related: Uganda's UNCST opens a new innovation call")
    assert any(p.acronym == "UNCST" and p.canonical == "Uganda National Council for Science and Technology" for p in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Professor Sadallah, of Algiers' Ecole Normale Supérieure, welcomed the plan.", "ecole normale supérieure"),
        ("Students of the Universiteit Utrecht joined the school.", "universiteit utrecht"),
        ("The Universitatea din București signed a letter of intent.", "universitatea din bucurești"),
        ("The Sveučilište u Zagrebu signed a letter of intent.", "sveučilište u zagrebu"),
        ("A team from Politechnika Warszawska visited Quebec.", "politechnika warszawska"),
    ],
)
def test_universities_named_in_other_languages_or_without_accents(nlp, text, expected):
    assert spec_form(expected) in names(nlp, text)


def test_a_head_first_name_stops_where_the_model_starts_another_after_and(nlp):
    found = names(nlp, "Researchers from Academia Sinica and Fraunhofer ISE will share data.")
    assert "academia sinica" in found and "academia sinica and fraunhofer ise" not in found


def test_a_long_acronym_written_as_a_word_is_the_known_body(nlp):
    found = parties(nlp, "The grant was awarded by the Swiss National Science Foundation (SNSF) and Peru's Concytec.")
    assert any(p.name == "Concytec" and p.canonical is not None for p in found)


def test_a_common_word_is_no_acronym_written_as_a_word(nlp):
    assert not parties(nlp, "They might sign the letter next week.")


def test_numbered_seats_in_a_list_under_a_plural_head(nlp):
    found = names(nlp, "Two Brazilian universities cooperate with the Cameroonian Universities of Dschang, Yaounde I and Yaounde II.")
    assert {"university of dschang", "university of yaounde i", "university of yaounde ii"} <= found


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("The Tunisian ministry of higher education and scientific research signed an amendment.", "Tunisia"),
        ("The Tunisian and Algerian ministries of higher education and scientific research signed an amendment.", None),
    ],
)
def test_a_states_ministry_in_lower_case_is_named_in_title_case(nlp, text, country):
    found = [p for p in parties(nlp, text) if p.name == "Ministry of Higher Education and Scientific Research"]
    assert len(found) == 1 and (country is None or found[0].country == country)


def test_a_lower_case_ministry_without_a_state_is_no_body(nlp):
    assert not parties(nlp, "The two ministries of science and technology will meet again in 2025.")


def test_a_field_after_and_stays_with_the_name_the_model_ends_there(nlp):
    found = names(nlp, "Researchers from Wageningen University & Research and Texas A&M University met in Delft.")
    assert {spec_form("Texas A&M University"), spec_form("Wageningen University & Research")} <= found
    assert not any(n.startswith("research and") for n in found)


def test_a_unit_after_a_possessor_keeps_its_coordinated_fields(nlp):
    found = names(nlp, "It was signed by the head of the Ministry's Cultural Affairs and Missions Sector.")
    assert "missions sector" not in found


@pytest.mark.parametrize(
    ("text", "expected", "not_expected"),
    [
        ("The Slovak University of Technology in Bratislava and the Technical University of Košice signed.",
         "slovak university of technology in bratislava", "slovak university of technology"),
        ("Researchers at the University of Nairobi in Kenya met the delegation.",
         "university of nairobi", "university of nairobi in kenya"),
        ("A workshop at Kyoto University in Kyoto was held.", "kyoto university", "kyoto university in kyoto"),
    ],
)
def test_a_university_named_after_a_field_keeps_its_seat(nlp, text, expected, not_expected):
    found = names(nlp, text)
    assert expected in found and not_expected not in found


def test_a_headline_verb_ends_a_title_case_name(nlp):
    found = names(nlp, "New Center For Quantum Research Opens At University Of Tokyo")
    assert "new center for quantum research opens" not in found


def test_an_acronym_listed_with_its_seat_is_a_body(nlp):
    found = parties(nlp, "Training centres were set up at two places: KMRC, Mombasa, Kenya; and TBRI, Dodoma, Tanzania.")
    assert {"KMRC", "TBRI"} <= {p.name for p in found}


def test_an_acronym_inside_a_sentence_before_a_place_is_no_body(nlp):
    assert not any(p.name == "NGS" for p in parties(nlp, "They ran NGS, Nairobi being the only site with a sequencer."))


def test_plural_embassies_of_listed_states_are_one_embassy_each(nlp):
    found = names(nlp, "Staff of the embassies of Chile, Peru and Colombia attended the fair.")
    assert {"embassy of chile", "embassy of peru", "embassy of colombia"} <= found


def test_a_delegation_named_by_its_state_alone_is_no_body(nlp):
    found = names(nlp, "Ministry Of Science Hosts Korean Delegation Ahead Of Joint Committee Talks")
    assert "korean delegation" not in found


def test_a_delegation_with_its_seat_is_a_body(nlp):
    assert "eu delegation to japan" in names(nlp, "The EU Delegation to Japan co-hosted the forum in Tokyo.")


def test_a_city_before_a_bracketed_state_is_no_part_of_the_name(nlp):
    found = names(nlp, "Partners:\n- Makerere University, Kampala (Uganda)\n- University of Natural Resources and Life Sciences, Vienna (BOKU)\n")
    assert "makerere university" in found and "makerere university, kampala" not in found
    assert spec_form("University of Natural Resources and Life Sciences, Vienna") in found


@pytest.mark.parametrize(
    "text",
    [
        "Representatives of Lihero Technology Co., Ltd. joined the talks.",
        "Representatives of Lihero Technology (Hunan) Co., Ltd. joined the talks.",
    ],
)
def test_a_company_name_keeps_its_bracketed_seat_and_both_company_words(nlp, text):
    found = [p.name for p in parties(nlp, text)]
    assert len(found) == 1 and found[0].startswith("Lihero Technology") and found[0].endswith("Co., Ltd.")
