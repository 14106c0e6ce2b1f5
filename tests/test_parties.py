"""st_parties: organisations, their acronyms, aliases, kinds and countries (SPEC 3.1, 3.5)."""

import json
from pathlib import Path

import pytest

from pipeline.components.parties import make_parties
from pipeline.nlp import analyse_text, load_config
from pipeline.text import spec_form

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def parties(nlp, text):
    return analyse_text(nlp, text)._.parties


def by_name(found):
    return {p.name: p for p in found}


def named(found, form):
    """The party whose name, acronym or an alias reads as `form`."""
    matches = [p for p in found if spec_form(form) in {spec_form(f) for f in [p.name, p.acronym or "", *p.aliases]}]
    assert len(matches) <= 1, matches
    return matches[0] if matches else None


# --- long names the model breaks ------------------------------------------------


def test_names_with_commas_and_and_are_whole(nlp):
    text = (
        "Officials of the Ministry of Agriculture, Forestry and Fisheries met the Japan Oil, Gas and Metals "
        "National Corporation (JOGMEC) and the Council for Science, Technology and Innovation in Tokyo."
    )
    names = set(by_name(parties(nlp, text)))
    assert "Ministry of Agriculture, Forestry and Fisheries" in names
    assert "Japan Oil, Gas and Metals National Corporation" in names
    assert "Council for Science, Technology and Innovation" in names


def test_name_reaches_across_a_line_break_after_its_preposition(nlp):
    found = parties(nlp, "Grants come from the Society for the Advancement of\n\nMarine Robotics (SAMR) each year.")
    assert [(p.name, p.acronym) for p in found] == [("Society for the Advancement of Marine Robotics", "SAMR")]


# --- acronyms --------------------------------------------------------------------


def test_acronym_after_the_long_form(nlp):
    found = parties(nlp, "The Northern Ocean Research Institute (NORI) signed the plan. NORI will host the first workshop.")
    [party] = found
    assert (party.name, party.acronym, party.kind) == ("Northern Ocean Research Institute", "NORI", "research")
    assert [m.text for m in party.mentions] == ["Northern Ocean Research Institute", "NORI", "NORI"]


def test_acronym_before_the_long_form(nlp):
    text = "Visitors toured the linac at KEK (The High Energy Accelerator Research Organization) and CBRC (Computational Biology Research Center)."
    found = parties(nlp, text)
    assert named(found, "KEK").name == "High Energy Accelerator Research Organization"
    assert named(found, "CBRC").name == "Computational Biology Research Center"
    assert len(found) == 2


def test_lone_acronym_resolves_to_a_definition_anywhere(nlp):
    text = (
        "PLRA has funded 40 projects since 2010.\n\n"
        "The Polar Logistics and Research Agency (PLRA) was founded in 2004. In 2019 PLRA opened a station office."
    )
    [party] = parties(nlp, text)
    assert (party.name, party.acronym) == ("Polar Logistics and Research Agency", "PLRA")
    assert len(party.mentions) == 4


def test_other_names_in_the_same_brackets_are_aliases(nlp):
    found = parties(nlp, "The Institute of Physical and Chemical Research (Rikagaku Kenkyusho or RIKEN) leads it. RIKEN agreed.")
    [party] = found
    assert party.name == "Institute of Physical and Chemical Research"
    assert party.acronym == "RIKEN"
    assert "Rikagaku Kenkyusho" in party.aliases


def test_heading_prefix_before_a_defined_name_is_dropped(nlp):
    found = parties(nlp, "DST-Japan Society for the Promotion of Science (JSPS)\n\nThe programme began in 1993.")
    assert named(found, "JSPS").name == "Japan Society for the Promotion of Science"


# --- the gazetteer -------------------------------------------------------------------


def test_gazetteer_finds_names_without_a_head_word(nlp):
    found = parties(nlp, "Innovate UK and Vinnova opened a joint call for small firms.")
    innovate, vinnova = named(found, "Innovate UK"), named(found, "Vinnova")
    assert (innovate.kind, innovate.country, innovate.canonical) == ("agency", "United Kingdom", "Innovate UK")
    assert (vinnova.kind, vinnova.country) == ("agency", "Sweden")


def test_the_state_the_sentence_names_beats_the_gazetteers_acronym(nlp):
    text = (
        "China and Vietnam took part. Vietnam's Ministry of Science and Technology (MOST) signed the programme. "
        "MOST will fund ten projects."
    )
    assert named(parties(nlp, text), "MOST").country == "Vietnam"
    chinese = parties(nlp, "China and Vietnam took part. The Chinese MOST will fund ten projects.")
    assert named(chinese, "MOST").country == "China"


def test_gazetteer_acronym_needs_its_state_when_ambiguous(nlp):
    korea = parties(nlp, "Researchers from Korea applied. The NRF reviews every proposal.")
    assert named(korea, "NRF").country == "South Korea"
    south_africa = parties(nlp, "Researchers from South Africa applied. The NRF reviews every proposal.")
    assert named(south_africa, "NRF").country == "South Africa"


def test_user_gazetteer_from_the_config(nlp, tmp_path):
    gazetteer = tmp_path / "mine.jsonl"
    record = {"name": "Quorvane Materials Nexus", "aliases": ["QMNX"], "kind": "research", "country": "Canada"}
    gazetteer.write_text(json.dumps(record) + "\n", encoding="utf-8")
    settings = dict(load_config()["components"]["st_parties"])
    text = "Scientists at QMNX shared their samples with colleagues in Ottawa, Canada."
    assert named(parties(nlp, text), "QMNX") is None
    settings["user_gazetteer"] = str(gazetteer)
    extractor = make_parties(nlp, "st_parties", **settings)
    doc = extractor(analyse_text(nlp, text))
    party = named(doc._.parties, "QMNX")
    assert (party.name, party.kind, party.country, party.canonical) == ("QMNX", "research", "Canada", "Quorvane Materials Nexus")


# --- what is not a party ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Strategic International Research Cooperative Program started in 2003.",
        "Experiments were run at the Photon Factory and on the Square Kilometre Array.",
        "The Asia Pacific Regional Space Agency Forum met in Bengaluru.",
        "India and Japan agreed to expand cooperation in Asia.",
        "Dr Takahiro Ueyama and Sir Patrick Vallance opened the session.",
        "An MoU and an LoI were signed; the IA follows.",
        "The Science and Technology Research Partnership for Sustainable Development (SATREPS) grew. SATREPS now covers 50 countries.",
        "The East Asia Summit (EAS) discussed it, and EAS leaders agreed.",
        "Three India-Japan Joint Laboratories were established in 2016.",
    ],
)
def test_not_parties(nlp, text):
    assert parties(nlp, text) == []


def test_programme_of_a_body_keeps_the_body(nlp):
    found = parties(nlp, "The Japan Society for the Promotion of Science Postdoctoral Fellowship is open. JSPS pays travel.")
    assert [p.name for p in found] == ["Japan Society for the Promotion of Science"]


# --- kind and country -------------------------------------------------------------------


def test_kind_and_country_from_the_name_and_its_apposition(nlp):
    text = (
        "The Indian Space Research Organisation and the Northern Ocean Research Institute, Norway "
        "met the Department of Marine Engineering (DME), Chile and Hokkaido University."
    )
    found = parties(nlp, text)
    assert (named(found, "Indian Space Research Organisation").kind, named(found, "Indian Space Research Organisation").country) == ("agency", "India")
    assert (named(found, "Northern Ocean Research Institute").kind, named(found, "Northern Ocean Research Institute").country) == ("research", "Norway")
    assert (named(found, "DME").kind, named(found, "DME").country) == ("government", "Chile")
    assert named(found, "Hokkaido University").kind == "university"


def test_parent_chain_gives_each_named_body(nlp):
    text = "The Department of Biotechnology, Ministry of Science and Technology, Govt. of India has signed it."
    found = parties(nlp, text)
    assert [p.name for p in found] == ["Department of Biotechnology", "Ministry of Science and Technology", "Govt. of India"]
    assert {p.country for p in found} == {"India"}
    assert {p.kind for p in found} == {"government"}


def test_coordinated_bodies_stay_apart(nlp):
    found = parties(nlp, "An arrangement between DST & Ministry of Science and Technology and the Ministry of Earth Sciences (MoES) was signed.")
    assert [p.name for p in found] == ["DST", "Ministry of Science and Technology", "Ministry of Earth Sciences"]


def test_state_after_a_government_body_is_not_part_of_its_name(nlp):
    found = parties(nlp, "It was co-chaired by the Department of Industry, Innovation and Science of Australia.")
    [party] = found
    assert (party.name, party.country) == ("Department of Industry, Innovation and Science", "Australia")


def test_government_of_a_state_is_a_party(nlp):
    text = "The Agreement between the Government of Japan and the Government of the People's Republic of China on Cooperation in Science was signed."
    found = parties(nlp, text)
    assert [(p.name, p.country) for p in found] == [
        ("Government of Japan", "Japan"),
        ("Government of the People's Republic of China", "China"),
    ]


# --- committees and merging -----------------------------------------------------------


def test_ordinal_committee_is_named_without_its_ordinal(nlp):
    text = (
        "The 11th meeting of the Japan – United Kingdom Joint Committee on Cooperation in Science and Technology "
        "took place online. The Japan-UK Joint Committee on Cooperation in Science and Technology will meet again. "
        "The Third Korea-Chile Science Committee was held in May."
    )
    found = parties(nlp, text)
    committee = named(found, "Japan-United Kingdom Joint Committee on Cooperation in Science and Technology")
    assert committee.kind == "committee"
    assert len(committee.mentions) == 2
    assert named(found, "Korea-Chile Science Committee").kind == "committee"
    assert all("11th" not in p.name and "Third" not in p.name for p in found)


def test_committee_between_two_states(nlp):
    found = parties(nlp, "In May the Joint Committee on Science and Technology Cooperation between Japan and the Netherlands met.")
    assert [p.name for p in found] == ["Joint Committee on Science and Technology Cooperation between Japan and the Netherlands"]


def test_ampersand_case_and_spelling_variants_merge(nlp):
    text = (
        "The Department of Science & Technology funds it. The Department of Science and Technology reviews it. "
        "The Norwegian Polar Organisation and the Norwegian Polar Organization agreed."
    )
    found = parties(nlp, text)
    assert len(found) == 2
    dst = named(found, "Department of Science and Technology")
    assert {dst.name, *dst.aliases} == {"Department of Science & Technology", "Department of Science and Technology"}
    assert len(named(found, "Norwegian Polar Organisation").mentions) == 2


def test_name_with_its_state_merges_with_the_bare_name(nlp):
    found = parties(nlp, "The Cabinet Office of Japan hosted it. Later the Cabinet Office published a report.")
    [party] = found
    assert (party.name, party.country) == ("Cabinet Office of Japan", "Japan")
    assert party.aliases == ["Cabinet Office"]


# --- the contract with st_agreements ------------------------------------------------------


def test_mentions_carry_party_ids(nlp):
    doc = analyse_text(nlp, "The Kyoto Marine Institute (KMI) and Osaka University signed an MoU. KMI will host students.")
    ids = {p.party_id: p for p in doc._.parties}
    assert list(ids) == ["p1", "p2"]
    for span in doc.spans["parties"]:
        assert span._.party_id in ids and span.kb_id_ == span._.party_id
    assert [m.text for m in ids["p1"].mentions] == ["Kyoto Marine Institute", "KMI", "KMI"]
    assert [m.text for m in ids["p2"].mentions] == ["Osaka University"]


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.stem)
def test_corpus_parties_are_distinct_and_offsets_exact(nlp, path):
    text = path.read_text(encoding="utf-8")
    doc = analyse_text(nlp, text)
    found = doc._.parties
    assert found, "every seed document names organisations"
    assert [p.party_id for p in found] == [f"p{i}" for i in range(1, len(found) + 1)]
    assert len({spec_form(p.name) for p in found}) == len(found)
    firsts = [p.mentions[0].start_char for p in found]
    assert firsts == sorted(firsts)
    spans = list(doc.spans["parties"])
    assert len(spans) == sum(len(p.mentions) for p in found)
    for span in spans:
        assert text[span.start_char : span.end_char] == span.text
        assert span._.party_id is not None
    for before, after in zip(spans, spans[1:]):
        assert before.end <= after.start
    again = analyse_text(nlp, text)._.parties
    assert [(p.party_id, p.name, p.acronym, p.aliases) for p in again] == [(p.party_id, p.name, p.acronym, p.aliases) for p in found]


# --- the model's ORG spans as mentions (model_orgs.py): rule-only repairs -----------------


@pytest.fixture(scope="module")
def model_orgs():
    """ModelOrgs on a blank English pipeline: the repairs need only tokens and ents."""
    import spacy

    from pipeline.components.model_orgs import ModelOrgs
    from pipeline.components.org_lexicon import OrgLexicon
    from pipeline.data_files import load_yaml

    config = load_config()["components"]["st_parties"]
    lexicon = OrgLexicon.from_data(load_yaml(config["kinds"]), load_yaml(config["non_parties"]))
    return spacy.blank("en"), ModelOrgs(lexicon, lambda text: text.isupper() and len(text) > 1, lambda text: text == "Kenya")


def _repaired(model_orgs, text, org):
    from spacy.tokens import Span

    blank, orgs = model_orgs
    doc = blank(text)
    start = text.index(org)
    doc.ents = [Span(doc, doc.char_span(start, start + len(org), alignment_mode="expand").start,
                     doc.char_span(start, start + len(org), alignment_mode="expand").end, label="ORG")]
    country_tokens = {t.i for t in doc if t.text == "Kenya"}
    return [r.text for piece in orgs._pieces(doc.ents[0]) if (r := orgs._repair(piece, country_tokens)) is not None]


@pytest.mark.parametrize(
    ("text", "org", "expected"),
    [
        # a leading article and a possessor go; trailing punctuation goes
        ("We thank the Agencia Estatal de Investigación.", "the Agencia Estatal de Investigación.", ["Agencia Estatal de Investigación"]),
        ("It is the ministry's Cultural Affairs Sector.", "ministry's Cultural Affairs Sector", ["Cultural Affairs Sector"]),
        # a bracket and a line break end a name
        ("the Servicio Geológico Nacional (SGN) said", "Servicio Geológico Nacional (SGN", ["Servicio Geológico Nacional", "SGN"]),
        ("Contact\n\nOficina Regional de Ciencia", "Contact\n\nOficina Regional de Ciencia", ["Contact", "Oficina Regional de Ciencia"]),
        # a person glued to the name
        ("the University of Ghana and Dr. Kwame Mensah spoke", "University of Ghana and Dr. Kwame Mensah", ["University of Ghana"]),
        # a place run on after a complement is where the body sits
        ("at the University of Eldoret Kenya campus", "University of Eldoret Kenya", ["University of Eldoret"]),
        # a title opens an office held by a person, not a body
        ("The President of Ghana Airways spoke", "President of Ghana Airways", []),
    ],
)
def test_model_spans_are_repaired_at_their_edges(model_orgs, text, org, expected):
    assert _repaired(model_orgs, text, org) == expected


# --- the model's ORG spans as mentions: whole sentences --------------------------------------


def test_a_non_english_name_is_a_party(nlp):
    found = parties(nlp, "The call is funded by the Agencia Estatal de Investigación (AEI) and the Consejo Superior de Estudios Marinos.")
    assert named(found, "Agencia Estatal de Investigación").acronym == "AEI"
    assert named(found, "Consejo Superior de Estudios Marinos") is not None


def test_non_english_list_inside_a_name(nlp):
    found = parties(nlp, "Delegates of the Ministerio de Agricultura, Pesca y Alimentación visited Lisbon in May.")
    assert named(found, "Ministerio de Agricultura, Pesca y Alimentación") is not None


def test_head_first_name_with_a_state_in_it(nlp):
    found = parties(nlp, "Students from Universiti Sains Malaysia joined the summer course in Penang.")
    assert named(found, "Universiti Sains Malaysia").kind == "university"


def test_embassies_and_missions_keep_where_they_sit(nlp):
    text = (
        "The Royal Danish Embassy in Nairobi and the Permanent Mission of the Republic of Kenya to the United Nations "
        "Office at Geneva co-hosted the reception."
    )
    found = parties(nlp, text)
    assert named(found, "Royal Danish Embassy in Nairobi") is not None
    assert named(found, "Permanent Mission of the Republic of Kenya to the United Nations Office at Geneva") is not None


def test_embassy_without_its_city_joins_the_embassy_with_it(nlp):
    text = "The Embassy of Norway in Hanoi opened the fair. Visitors were welcomed by the Embassy of Norway's staff."
    found = [p for p in parties(nlp, text) if "Embassy" in p.name]
    assert [p.name for p in found] == ["Embassy of Norway in Hanoi"]


def test_government_of_a_formal_state_name_is_whole(nlp):
    found = parties(nlp, "The Government of the Republic of Ghana signed the arrangement.")
    assert named(found, "Government of the Republic of Ghana") is not None


def test_sub_units_are_parties(nlp):
    text = "The International Relations Division of the Ministry of Higher Education prepared the draft with the Research Grants Section."
    found = parties(nlp, text)
    assert named(found, "International Relations Division") is not None
    assert named(found, "Ministry of Higher Education") is not None


def test_the_joint_committee_named_only_so_is_a_party(nlp):
    found = parties(nlp, "Peru and Norway convened the Joint Committee in Lima. The Joint Committee adopted a work plan.")
    assert named(found, "Joint Committee").kind == "committee"


def test_the_joint_committee_of_a_named_committee_is_no_second_party(nlp):
    text = "The Peru-Norway Joint Committee on Research met in Lima. The Joint Committee adopted a work plan."
    assert [p.name for p in parties(nlp, text) if "Committee" in p.name] == ["Peru-Norway Joint Committee on Research"]


def test_headless_name_with_an_acronym_is_a_party(nlp):
    text = "The memorandum was prepared by NTU Global, the university's international office, with NTU."
    assert named(parties(nlp, text), "NTU Global") is not None


@pytest.mark.parametrize(
    "text",
    [
        "The Ocean Science and Innovation Partnership will run until 2030.",       # a programme
        "Mr. Tomas Berg thanked the hosts for the visit.",                         # a person
        "NATIONAL SCIENCE NEWS | TECHNOLOGY",                                      # a heading in capitals
        "Progress in Science, Research and Innovation was reviewed.",              # fields of research
    ],
)
def test_model_spans_without_evidence_are_not_parties(nlp, text):
    assert parties(nlp, text) == []


def test_a_university_keeps_the_city_of_its_name(nlp):
    text = "Researchers of the University of Applied Sciences, Munich (HM) and of University College Cork (UCC) met."
    found = parties(nlp, text)
    assert named(found, "HM").name == "University of Applied Sciences, Munich"
    assert named(found, "UCC").name == "University College Cork"


def test_a_date_after_a_body_is_not_where_it_sits(nlp):
    found = parties(nlp, "The plan was approved by the Council of Ministers in October and published.")
    assert named(found, "Council of Ministers") is not None


def test_an_office_of_a_title_and_a_secretariat_of_a_body(nlp):
    text = "The Office of the Chief Scientist and the Secretariat of the Joint Commission prepared the minutes."
    found = parties(nlp, text)
    assert named(found, "Office of the Chief Scientist") is not None
    assert named(found, "Secretariat of the Joint Commission") is not None


def test_a_regional_office_is_named_without_its_city(nlp):
    found = parties(nlp, "The Africa Regional Office in Nairobi manages the grants.")
    assert named(found, "Africa Regional Office") is not None


def test_company_suffixes_of_other_countries(nlp):
    found = parties(nlp, "The testing is done by Petrovia Berhad, a Malaysian firm.")
    assert named(found, "Petrovia Berhad").kind == "company"


def test_a_formal_state_name_ends_a_ministry_as_its_state(nlp):
    found = parties(nlp, "The Ministry of Energy and Mines of the Republic of Cuba hosted the talks.")
    assert named(found, "Ministry of Energy and Mines") is not None


def test_a_typographic_apostrophe_in_a_state_name(nlp):
    found = parties(nlp, "He met the Ministry of Education of the People’s Republic of China in Beijing.")
    party = named(found, "Ministry of Education")
    assert party is not None and party.country == "China"


def test_a_group_is_a_body(nlp):
    found = parties(nlp, "The Andean Industry-Academia Group for Clean Energy joined as an observer.")
    assert named(found, "Andean Industry-Academia Group for Clean Energy") is not None


def test_a_list_whose_items_hold_and(nlp):
    text = "Officials of the Ministry of Primary and Secondary Education, Sport, Culture and Heritage attended."
    assert named(parties(nlp, text), "Ministry of Primary and Secondary Education, Sport, Culture and Heritage") is not None


def test_a_defined_name_without_a_head_word(nlp):
    text = "Funding comes from Bhutan Science Research and Innovation (BSRI). BSRI will review the proposals."
    party = named(parties(nlp, text), "BSRI")
    assert party is not None and party.name == "Bhutan Science Research and Innovation"


def test_a_short_form_is_known_by_its_long_form(nlp):
    """Named only by its acronym, a body keeps the acronym as its name (SPEC 3.5) and carries the long form."""
    text = "Testing was done by SIRIM in Malaysia; SIRIM also trained the staff."
    party = named(parties(nlp, text), "SIRIM")
    assert (party.name, party.canonical, party.country) == ("SIRIM", "SIRIM Berhad", "Malaysia")


def test_a_name_without_its_complement_joins_the_whole_name(nlp):
    text = "Karoo Valley University of the Highlands signed first. Karoo Valley University will host the students."
    assert [p.name for p in parties(nlp, text)] == ["Karoo Valley University of the Highlands"]


def test_an_acronym_with_its_city_is_the_body(nlp):
    text = "The Institute of Marine Biotechnology (IMBT) in Lisbon leads the work. IMBT Lisbon will host the first school."
    assert [p.acronym for p in parties(nlp, text)] == ["IMBT"]


def test_an_address_is_not_a_body(nlp):
    assert parties(nlp, "Visit us at the Harbour Trust Complex, Marine Drive, Colombo.") == []


def test_a_unit_named_with_its_parents_acronym_is_the_same_unit(nlp):
    text = (
        "The Ministry of Water (MOW) acts through its Department of Planning. "
        "The MOW Department of Planning drafted the report."
    )
    found = [p for p in parties(nlp, text) if "Planning" in p.name]
    assert len(found) == 1


def test_a_name_with_its_translation_in_brackets_is_one_body(nlp):
    text = "Grants are paid by the Fundação Nacional de Pesca (National Fisheries Foundation) in Maputo."
    assert len(parties(nlp, text)) == 1


def test_a_government_named_with_and_without_the_formal_state_name(nlp):
    text = "The Government of the Republic of Ghana and the Government of Ghana's partners met."
    assert [p.name for p in parties(nlp, text) if "Government" in p.name] == ["Government of the Republic of Ghana"]


def test_a_stop_word_that_is_a_word_of_the_name(nlp):
    text = "Officials from the Department of Further and Higher Education, Training and Skills attended."
    assert named(parties(nlp, text), "Department of Further and Higher Education, Training and Skills") is not None
