"""st_parties: the name grammar's newer rules, each from a sentence of our own.

Rule tests run the grammar (org_names.py) on a blank English pipeline: they need tokens only, no model.
Whole-sentence tests use the full pipeline."""

import pytest
import spacy

from pipeline.components.org_lexicon import Countries, CountryList, OrgLexicon
from pipeline.components.org_names import NameGrammar
from pipeline.data_files import load_yaml
from pipeline.nlp import analyse_text, load_config
from pipeline.text import spec_form


@pytest.fixture(scope="module")
def grammar():
    config = load_config()["components"]["st_parties"]
    lexicon = OrgLexicon.from_data(load_yaml(config["kinds"]), load_yaml(config["non_parties"]))
    blank = spacy.blank("en")
    countries = Countries(blank, CountryList.from_data(load_yaml(config["countries"])))
    grammar = NameGrammar(blank, lexicon)

    def names(text, entities=()):
        doc = blank(text)
        doc.ents = [doc.char_span(text.rindex(e), text.rindex(e) + len(e), label=label) for e, label in entities]
        return [(n.span.text, n.is_party) for n in grammar.analyse(doc, countries.find(doc), set()).names]

    return names


def parties(nlp, text):
    return analyse_text(nlp, text)._.parties


def named(found, form):
    matches = [p for p in found if spec_form(form) in {spec_form(f) for f in [p.name, p.acronym or "", *p.aliases]}]
    assert len(matches) <= 1, matches
    return matches[0] if matches else None


# --- a lower-case head after the proper words of a name ----------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Samples went to the Soil Carbon Modelling group for analysis.", [("Soil Carbon Modelling group", True)]),
        ("The grant is run by the Fisheries and Coastal Resources division at the agency.",
         [("Fisheries and Coastal Resources division", True)]),
        ("A delegation from the Peruvian embassy attended.", [("Peruvian embassy", True)]),
    ],
)
def test_a_lower_case_head_after_proper_words_names_a_body(grammar, text, expected):
    assert grammar(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Each research group sent two students.",              # no proper word before the head
        "The Peru group met the Chilean division.",            # only a state, or a state's adjective, for a unit
        "The Peruvian government paid for it.",                # not a head that names a body in lower case
    ],
)
def test_a_lower_case_head_needs_a_proper_word_of_a_name(grammar, text):
    assert [name for name, is_party in grammar(text) if is_party] == []


def test_a_lower_case_unit_is_a_party(nlp):
    text = "The study was designed by the Dryland Crop Systems group of the institute, with the Kenyan embassy."
    found = parties(nlp, text)
    assert named(found, "Dryland Crop Systems group") is not None
    assert named(found, "Kenyan embassy") is not None
    # a city the model tags a place is where a unit sits, not its name
    assert named(parties(nlp, "The Nairobi group of the project met on Monday."), "Nairobi group") is None


# --- an embassy named by the state's adjective is the embassy named in full --------------------------


def test_an_embassy_named_by_its_states_adjective_joins_its_full_name(nlp):
    text = (
        "The Portuguese embassy will host the first workshop. "
        "The Embassy of Portugal in Nairobi announced the call last week."
    )
    embassies = [p for p in parties(nlp, text) if "mbassy" in p.name]
    assert [(p.name, p.aliases) for p in embassies] == [("Embassy of Portugal in Nairobi", ["Portuguese embassy"])]


# --- names in languages written in sentence case -------------------------------------------------


def test_a_sentence_case_name_goes_on_in_lower_case(nlp):
    text = (
        "Funding comes from the Agence nationale de la recherche sur le climat and the "
        "Instituto de investigaciones pesqueras, which said on Monday that it would join."
    )
    found = parties(nlp, text)
    assert named(found, "Agence nationale de la recherche sur le climat") is not None
    assert named(found, "Instituto de investigaciones pesqueras") is not None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name in title case is read as before; English words after it are no part of it
        ("Scientists of the Universidad de los Andes researchers met.", ["Universidad de los Andes"]),
        # the stretch ends at a line, and at an English past tense
        ("the Institut de biologie marine\nannounced a call", ["Institut de biologie marine"]),
        ("the Centro de estudios avanzados announced a call", ["Centro de estudios avanzados"]),
    ],
)
def test_a_sentence_case_stretch_ends_where_the_name_does(nlp, text, expected):
    assert [p.name for p in parties(nlp, text)] == expected


# --- two bodies written "X and Y University" ------------------------------------------------------


def test_a_word_named_on_its_own_elsewhere_is_no_modifier_of_the_next_name(grammar):
    text = "As planned, Tilburg and Egerton University sign a letter. Tilburg hosted the visit."
    # the model tags "Tilburg" as a name of its own further on: two bodies, the second one grown
    assert grammar(text, [("Tilburg", "ORG")]) == [("Egerton University", True)]
    # without that evidence the words stay one name, as in "Science and Technology University"
    assert grammar(text) == [("Tilburg and Egerton University", True)]


def test_a_name_that_goes_on_with_and_is_the_longer_name(nlp):
    text = (
        "Breda University & Research (BUR) hosted the talks. "
        "Students of Breda University will spend a term in Nairobi."
    )
    found = [p for p in parties(nlp, text) if "Breda" in p.name]
    assert [(p.name, p.acronym) for p in found] == [("Breda University & Research", "BUR")]


# --- names of other languages: lists that repeat their preposition, adjectives after nouns, heads -----


def test_a_foreign_list_repeats_its_preposition_and_puts_adjectives_after_nouns(nlp):
    text = (
        "The call is run by the Ministère de l'Agriculture, de la Pêche maritime et du Développement rural "
        "and its Direction de la Coopération et de la Communication."
    )
    found = parties(nlp, text)
    assert named(found, "Ministère de l'Agriculture, de la Pêche maritime et du Développement rural") is not None
    assert named(found, "Direction de la Coopération et de la Communication") is not None
    # an English noun after a name in title case is no adjective of it
    text = "The Universidad de los Andes researchers and students met."
    assert [p.name for p in parties(nlp, text)] == ["Universidad de los Andes"]


def test_a_sentence_case_name_lists_with_a_comma_and_closes_on_a_proper_name(nlp):
    text = (
        "Funding: Ministrstvo za kmetijstvo, gozdarstvo in prehrano; partner: Zavod za ribištvo Slovenije. "
        "Other partners are listed below."
    )
    found = parties(nlp, text)
    assert named(found, "Ministrstvo za kmetijstvo, gozdarstvo in prehrano") is not None
    assert named(found, "Zavod za ribištvo Slovenije") is not None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Partners: Univerza v Novi Gorici, Fakulteta za naravoslovje | Morski inštitut Piran", 
         ["Univerza v Novi Gorici", "Fakulteta za naravoslovje", "Morski inštitut Piran"]),
        ("The Ambasciata d'Italia in Quito hosted the meeting.", ["Ambasciata d'Italia in Quito"]),
    ],
)
def test_heads_of_other_languages(nlp, text, expected):
    assert [p.name for p in parties(nlp, text)] == expected


# --- what may follow a name: a patron, a city after a dash; what may not: a state's adjective --------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('Students of Plovdiv University "Paisii Hilendarski" joined the call.', 'Plovdiv University "Paisii Hilendarski"'),
        ("It was hosted by the Samarkand State University named after Sharof Rashidov last year.",
         "Samarkand State University named after Sharof Rashidov"),
        ("Teams from the Forestry University - Varna and the Indian partners met.", "Forestry University - Varna"),
    ],
)
def test_a_name_keeps_its_patron_and_a_city_after_a_dash(nlp, text, name):
    assert named(parties(nlp, text), name) is not None


def test_a_dash_before_another_body_is_no_city(nlp):
    text = "Pairs of partners: Lusaka Technical University – KTH and Politecnico di Torino – Universidad de Cuenca."
    names = [p.name for p in parties(nlp, text)]
    assert "Lusaka Technical University" in names and "Politecnico di Torino" in names


def test_a_states_adjective_before_a_noun_is_no_complement(nlp):
    text = "Grants of the Japanese Government for Kenyan students open in May."
    assert [p.name for p in parties(nlp, text)] == ["Japanese Government"]


# --- page furniture, acronyms without brackets, currency codes ------------------------------------


def test_breadcrumb_sections_are_the_items_after_the_first():
    from pipeline.components.page_furniture import breadcrumb_sections

    doc = spacy.blank("en")("Harbour Institute > Press Room > Announcements\n\nThe Harbour Institute / the port signed.")
    assert [doc[i].text for i in sorted(breadcrumb_sections(doc, frozenset({">", "/"})))] == [
        "Press", "Room", ">", "Announcements",
    ]


def test_a_section_of_a_breadcrumb_is_no_party(nlp):
    text = "Home > Partnerships Office > Releases\n\nThe Coastal Research Institute signed an agreement with Chile."
    names = [p.name for p in parties(nlp, text)]
    assert "Partnerships Office" not in names and "Coastal Research Institute" in names


def test_an_acronym_right_after_a_name_without_brackets_is_its_acronym(nlp):
    text = (
        "Contact: Federal Office for Polar and Marine Research FOPMR, Bern. "
        "FOPMR will publish the call; the Federal Office for Polar and Marine Research FOPMR funds it."
    )
    found = [p for p in parties(nlp, text) if "FOPMR" in (p.acronym or "") or "Polar" in p.name]
    assert [(p.name, p.acronym) for p in found] == [("Federal Office for Polar and Marine Research", "FOPMR")]


def test_a_currency_code_is_no_party(nlp):
    text = "The agency pays CHF 1.2 million; the ministry adds CHF 0.4 million and SGD 200,000."
    assert parties(nlp, text) == []


def test_a_unit_named_with_its_parent_joins_the_unit_named_alone(nlp):
    text = (
        "The International Relations Division of the NRF handles the call. "
        "Questions go to the International Relations Division."
    )
    found = [p for p in parties(nlp, text) if "Division" in p.name]
    assert len(found) == 1


# --- a head named only by its patron or the words after it; a gloss set off by commas ------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('Partners: Institut "Ruđer Bošković" and two universities.', 'Institut "Ruđer Bošković"'),
        ("Partners: Univerza na Štajerskem and two institutes.", "Univerza na Štajerskem"),
        ("Partners: Hidrografski zavod Hrvatske and two universities.", "Hidrografski zavod Hrvatske"),
        ("Contact: Biro Hukum dan Humas, Jakarta.", "Biro Hukum dan Humas"),
    ],
)
def test_a_head_of_another_language_named_by_what_follows_it(nlp, text, name):
    assert named(parties(nlp, text), name) is not None


def test_a_gloss_set_off_by_commas_is_the_same_body(nlp):
    text = (
        "The call is run by Lembaga Ilmu Kelautan Nasional (LIKN), the National Marine Science Institute of "
        "Indonesia, with support from the Ministry of Water (MOW), the Ministry of Energy, and the Ministry of Land."
    )
    found = parties(nlp, text)
    assert named(found, "LIKN").aliases == ["National Marine Science Institute of Indonesia"]
    # a list of bodies is no gloss
    assert named(found, "Ministry of Energy") is not named(found, "MOW")


def test_the_models_name_may_go_on_past_a_grown_name(nlp):
    """A unit named after its body ("... University Communications"): the model's span reaches further than the
    grammar, which stops at the head, and only adds proper words."""
    found = parties(nlp, "*By Limerick University Communications*")
    assert [p.name for p in found] == ["Limerick University Communications"]


# --- what the text calls a vessel, satellite or programme is no party -------------------------------------


def test_a_name_the_text_calls_a_thing_is_no_party(nlp):
    text = (
        "Scientists sailed on the research vessel Ocean Pioneer in May. The Ocean Pioneer returned to Cork. "
        "The agency built NanoBird, the first satellite made in the country. NanoBird carries a camera."
    )
    names = [p.name for p in parties(nlp, text)]
    assert "Ocean Pioneer" not in names and "NanoBird" not in names


def test_called_a_thing_reads_the_word_before_and_the_apposition_after():
    from spacy.tokens import Span

    from pipeline.components.model_orgs import ModelOrgs
    from pipeline.components.org_lexicon import OrgLexicon

    config = load_config()["components"]["st_parties"]
    lexicon = OrgLexicon.from_data(load_yaml(config["kinds"]), load_yaml(config["non_parties"]))
    orgs = ModelOrgs(lexicon, lambda text: False, lambda text: False)
    doc = spacy.blank("en")("the telescope Star Eye, and Blue Desk, the first platform of its kind, and Red Hall, the agency")
    assert orgs.called_a_thing(Span(doc, 2, 4))          # "telescope Star Eye"
    assert orgs.called_a_thing(Span(doc, 6, 8))          # "Blue Desk, the first platform"
    assert not orgs.called_a_thing(Span(doc, 17, 19))    # "Red Hall, the agency"


def test_a_name_after_a_describes_a_body_of_a_kind(nlp):
    text = "Harbourside College began in 1921 as a School of Navigation. A Harbourside College team sailed."
    names = [p.name for p in parties(nlp, text)]
    assert names == ["Harbourside College"]
    # "a" that goes with a noun after the name leaves the name a name
    assert [p.name for p in parties(nlp, "She led a Tallinn Marine Institute survey.")] == ["Tallinn Marine Institute"]


def test_a_bilingual_masthead_names_one_body(nlp):
    text = (
        "Northern Fisheries Institute | Institut des pêches du Nord\n"
        "Ministry of Health | Ministry of Education\n\n"
        "The institute funds ten projects."
    )
    found = parties(nlp, text)
    assert named(found, "Northern Fisheries Institute").aliases == ["Institut des pêches du Nord"]
    # two names in one language on a bar-parted line stay two bodies
    assert named(found, "Ministry of Health") is not named(found, "Ministry of Education")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Grants from the Fondation de recherche du Manitoba help.", ["Fondation de recherche du Manitoba"]),
        ("Work at the Instituto de investigaciones marinas in Vigo began.", ["Instituto de investigaciones marinas"]),
    ],
)
def test_a_proper_name_closes_a_sentence_case_name_after_its_preposition(nlp, text, expected):
    assert [p.name for p in parties(nlp, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Delegates from Prince of Kolvana University arrived.", ["Prince of Kolvana University"]),
        ("Queen Halima University for Science hosted them.", ["Queen Halima University for Science"]),
        ("The Sheikh Rashid bin Omar Institute of Water signed.", ["Sheikh Rashid bin Omar Institute of Water"]),
        ("Staff of King Taram's College of Engineering met.", ["King Taram's College of Engineering"]),
    ],
)
def test_a_body_named_after_a_patron_keeps_the_title_and_whole_name(grammar, text, expected):
    assert [name for name, _ in grammar(text)] == expected


def test_a_title_or_possessive_outside_a_patron_stays_out_of_the_name(grammar):
    # a state's or a body's possessive, a title of office: not part of the name
    assert [n for n, _ in grammar("Then Norland's Ministry of Fisheries agreed.")] == ["Ministry of Fisheries"]
    assert [n for n, _ in grammar("The President of Kolvana University spoke.")] == ["Kolvana University"]


def test_a_patron_title_with_of_is_not_the_complement_that_names_the_head(nlp):
    [party] = parties(nlp, "The rector of Prince of Kolvana University opened the summer school.")
    assert (party.name, party.kind) == ("Prince of Kolvana University", "university")


def test_a_faculty_is_a_unit_of_its_university(nlp):
    text = "The Faculty of Marine Sciences of Kolvana University signed with the Faculty of Agro-Industry of Tarno University."
    names = {p.name for p in parties(nlp, text)}
    assert {"Faculty of Marine Sciences", "Kolvana University", "Faculty of Agro-Industry"} <= names
    # a faculty exchange names no body
    assert parties(nlp, "A faculty exchange was agreed.") == []


def test_a_title_case_headline_verb_ends_the_name(nlp):
    found = parties(nlp, "Norland's Ministry of Fisheries and Oceans Signs Research Agreement With Partners\n\nThe text.")
    assert [p.name for p in found] == ["Ministry of Fisheries and Oceans"]


def test_a_date_after_on_is_when_a_body_acted_not_its_complement(nlp):
    found = parties(nlp, "The note was issued by the Kolvana Research Ministry on Tuesday 14 March 2023.")
    assert [p.name for p in found] == ["Kolvana Research Ministry"]
    # a committee on a subject keeps its complement
    found = parties(nlp, "The Committee on Marine Research met on Tuesday.")
    assert [p.name for p in found] == ["Committee on Marine Research"]


def test_an_acronym_in_a_bracket_glued_to_the_name_is_defined(nlp):
    found = parties(nlp, "Staff of Tarnova Polytechnic University(TPU) came. TPU hosts the lab.")
    [party] = found
    assert (party.name, party.acronym, len(party.mentions)) == ("Tarnova Polytechnic University", "TPU", 3)


def test_a_ranking_is_no_body(nlp):
    assert parties(nlp, "It rose to fifth place in the Global Research University Rankings.") == []


def test_a_ministry_named_by_its_field_before_the_head_is_a_body(nlp):
    text = "The Fisheries and Oceans Ministry and the Foreign Ministry of Norland agreed. The Ministry will report."
    names = {p.name for p in parties(nlp, text)}
    assert names == {"Fisheries and Oceans Ministry", "Foreign Ministry of Norland"}
    # general words alone still name no body
    assert parties(nlp, "The National Ministry met twice.") == []


def test_a_person_and_title_before_a_comma_list_stay_out_of_the_name(nlp):
    text = "It was chaired by Engr. Tomas Varga, Senior Technical Adviser, Fisheries and Oceans Ministry, in May."
    assert [p.name for p in parties(nlp, text)] == ["Fisheries and Oceans Ministry"]
    text = "Officials of the Government of Norland, and Ms. Ana Vell of the Kolvana Institute met."
    assert [p.name for p in parties(nlp, text)] == ["Government of Norland", "Kolvana Institute"]


def test_an_office_in_a_bureau_is_named_apart_from_it(nlp):
    text = "Lia Moss, Director, Office of Marine Cooperation in Bureau of Oceans Affairs, attended."
    assert [p.name for p in parties(nlp, text)] == ["Office of Marine Cooperation", "Bureau of Oceans Affairs"]


def test_an_acronym_s_letters_reach_words_the_grammar_left_out(nlp):
    text = "Staff of the North and Central Basin Centre of Applied Hydrology (NCBCAH) met the minister."
    [party] = parties(nlp, text)
    assert (party.name, party.acronym) == ("North and Central Basin Centre of Applied Hydrology", "NCBCAH")


def test_a_field_before_and_joins_the_name_whatever_the_model_bounds(nlp):
    found = parties(nlp, "Partners include Tarnova Forest Services and the Wildlife Research and Training Institute.")
    assert "Wildlife Research and Training Institute" in {p.name for p in found}


def test_an_acronym_used_once_names_a_body_when_its_officers_are_named(nlp):
    text = "It was signed by KMRI director Dr. Ana Vell and the Rector of UNTB. The SOLAR programme helps."
    assert {p.name for p in parties(nlp, text)} == {"KMRI", "UNTB"}
    # without officers an acronym used once is left out
    assert parties(nlp, "Work with KMRI and SOLAR goes on.") == []


def test_a_venue_is_no_body_even_with_a_head_word_in_its_name(nlp):
    text = "The deal was signed at the Tarnova International Convention Centre and in the Council Chamber of KMU."
    assert [p.name for p in parties(nlp, text)] == []
    # a chamber of commerce is a body
    assert [p.name for p in parties(nlp, "The Tarnova Chamber of Commerce joined.")] == ["Tarnova Chamber of Commerce"]


def test_a_one_word_short_name_in_brackets_is_the_same_body(nlp):
    text = "The Ministerio de Ciencia, Tecnología e Innovación (Minciencias) and SERI agreed. Minciencias pays."
    found = parties(nlp, text)
    ministry = named(found, "Ministerio de Ciencia, Tecnología e Innovación")
    assert ministry is not None and named(found, "Minciencias") is ministry


def test_well_known_agencies_are_known_by_their_short_forms(nlp):
    found = parties(nlp, "Malaysia's MYSA and NATO met the OIC delegation.")
    assert {p.canonical for p in found} == {"Malaysian Space Agency", "North Atlantic Treaty Organization",
                                            "Organisation of Islamic Cooperation"}


def test_a_compound_adjective_names_a_lower_case_head_of_another_language(nlp):
    found = parties(nlp, "Partners: Univerzitet Tarnova, Hemijsko-tehnološki fakultet | soils")
    assert "Hemijsko-tehnološki fakultet" in {p.name for p in found}
    # an English "X-based" before a lower-case head names nothing
    assert parties(nlp, "The Kolvana-based laboratory tested it.") == []


def test_foreign_ministries_with_unusual_names_are_known_whole(nlp):
    found = parties(nlp, "The Ministry of Foreign Affairs, European Union and Cooperation funds the call with DFAT.")
    assert {p.canonical for p in found} == {"Ministry of Foreign Affairs, European Union and Cooperation",
                                            "Department of Foreign Affairs and Trade"}


def test_an_undefined_acronym_joins_the_one_name_whose_initials_spell_it(nlp):
    text = "TKPU signs with KMRI\n\nTarnova Kolvana Polytechnic University signed the deal. TKPU will host staff."
    tkpu = named(parties(nlp, text), "Tarnova Kolvana Polytechnic University")
    assert tkpu is not None and tkpu.acronym == "TKPU"
    # two names with the same initials: the acronym stays apart
    text = "TKPU will host staff. TKPU and Tarnova Kolvana Polytechnic University and Tarn Kolv Pine Union met."
    assert named(parties(nlp, text), "TKPU").name == "TKPU"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a fund a state and a research field name is a funding agency; a fund named otherwise is a programme
        ("Grants come from the Maltese Research Fund and the Halley Fund.", ["Maltese Research Fund"]),
        ("The Fonds de recherche du Manitoba pays.", ["Fonds de recherche du Manitoba"]),
        # a programme word before "and" may only modify the head after it
        ("Write to the Research Contracts and Agreements Section.", ["Research Contracts and Agreements Section"]),
        # a hyphenated title in an office's complement
        ("The Office of the Deputy Vice-Chancellor for Research approved it.",
         ["Office of the Deputy Vice-Chancellor for Research"]),
        ("The Institute of Soils named after academician Ivo Varga signed.", ["Institute of Soils named after academician Ivo Varga"]),
        ("The Escuela Superior de Minas del Norte signed.", ["Escuela Superior de Minas del Norte"]),
        ("The Tarnova Botanical Garden and the Energy Sector of the Ministry met.",
         ["Tarnova Botanical Garden", "Energy Sector"]),
    ],
)
def test_more_heads_and_complements_of_real_pages(nlp, text, expected):
    assert [p.name for p in parties(nlp, text)] == expected


def test_a_small_word_inside_a_place_stays_in_the_complement(nlp):
    found = parties(nlp, "Researchers at the University of Dar es Salaam took part.")
    assert [p.name for p in found] == ["University of Dar es Salaam"]


def test_a_name_known_by_an_acronym_is_one_body(nlp):
    text = ("The deal joins the Ministry of Fisheries of the Republic of Malta, known by its Maltese acronym MFR, "
            "and KMU. MFR will pay for it and MFR will host it.")
    found = parties(nlp, text)
    assert named(found, "MFR") is named(found, "Ministry of Fisheries")


def test_index_terms_and_a_home_breadcrumb_name_no_body(nlp):
    text = "Home > Announcement Board\n\nKMU signs with the Tarnova Institute.\n\nTags: Tarnova  KMU Robotics  Innovation"
    names = {p.name for p in parties(nlp, text)}
    assert "Announcement Board" not in names and "KMU Robotics" not in names
    assert "Tarnova Institute" in names


def test_a_byline_correspondent_is_no_body(nlp):
    assert parties(nlp, "By XNA Correspondent\n\nThe talks went well.") == []


def test_an_acronym_used_once_beside_a_named_body_or_with_its_units_is_a_body(nlp):
    text = "Staff of QWR's Soil Research Unit and of the University of Tarnova and KLM met. UCD and the Halley Institute signed."
    names = {p.name for p in parties(nlp, text)}
    assert {"QWR", "KLM", "UCD", "University of Tarnova", "Halley Institute"} <= names
    assert "University of Tarnova and KLM" not in names
    # an acronym used once with nothing that makes it a body is left out
    assert parties(nlp, "The ABC scheme was discussed.") == []


def test_a_general_name_is_named_by_the_body_it_is_a_unit_of(nlp):
    found = parties(nlp, "The Science Committee of the Ministry of Fisheries of Malta signed. The Joint Committee of the two sides met.")
    names = {p.name for p in found}
    assert "Science Committee" in names and "Ministry of Fisheries" in names


def test_a_person_closing_a_comma_list_is_not_in_the_name(nlp):
    found = parties(nlp, "It was signed by the head of the Institute of Soils, and Maria Lopez, the rector.")
    assert [p.name for p in found] == ["Institute of Soils"]


def test_ministries_of_several_states_are_named(nlp):
    found = parties(nlp, "The programme is funded by the Ministries for Foreign Affairs of Malta and Cyprus.")
    assert [p.name for p in found] == ["Ministries for Foreign Affairs of Malta and Cyprus"]


def test_a_pair_of_states_or_an_acronym_with_a_general_word_is_no_body(nlp):
    assert parties(nlp, "The Indo-US forum met, and so did the Sino-German panel of experts.") == []
    found = parties(nlp, "Ms. Ana Vell (Director, KMRI Headquarters) and the KMRI Management met. KMRI staff agreed.")
    assert [p.name for p in found] == ["KMRI"]


def test_an_acronym_set_off_by_commas_after_the_name_it_spells_is_defined(nlp):
    found = parties(nlp, "The Tarnova Kolvana Smart University, TKSU, and the Halley Institute signed. TKSU will host.")
    tksu = named(found, "Tarnova Kolvana Smart University")
    assert tksu is not None and tksu.acronym == "TKSU"


def test_an_acronym_before_a_colon_in_brackets_belongs_to_the_name_before(nlp):
    text = "The Maltese Commission for Marine Research (MCMR: Kummissjoni Maltija) signed. MCMR will pay."
    found = parties(nlp, text)
    assert named(found, "Maltese Commission for Marine Research") is named(found, "MCMR")


def test_a_joint_body_named_in_lower_case_after_two_states(nlp):
    text = "It was decided by the Maltese-Cypriot commission on scientific and technical cooperation in May."
    assert [p.name for p in parties(nlp, text)] == ["Maltese-Cypriot commission on scientific and technical cooperation"]
    # one state's adjective, or another word, names no lower-case committee
    assert parties(nlp, "The Maltese committee and the ethics committee met.") == []


def test_a_head_ending_a_compound_word_names_a_body(nlp):
    text = "The Landesministerium für Meeresforschung and the Forschungszentrum Tarnow signed with Havsforskningsrådet."
    assert [p.name for p in parties(nlp, text)] == [
        "Landesministerium für Meeresforschung", "Forschungszentrum Tarnow", "Havsforskningsrådet"]
