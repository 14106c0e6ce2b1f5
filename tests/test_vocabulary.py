"""The SPEC's value lists, defined once (pipeline.vocabulary), are the ones the data files use."""

import json

from pipeline.data_files import DATA_DIR, load_yaml
from pipeline.vocabulary import (
    AGREEMENT_ACTIONS,
    AGREEMENT_TYPES,
    COUNT_QUALIFIERS,
    PARTY_KINDS,
    unknown_values,
)


def test_counts_lexicon_qualifiers_are_spec_qualifiers():
    lexicon = load_yaml("counts.yaml")
    assert unknown_values([*lexicon["qualifiers_before"], *lexicon["qualifiers_after"]], COUNT_QUALIFIERS) == []


def test_agreement_lexicons_use_spec_types_and_actions():
    triggers, cues = load_yaml("agreement_triggers.yaml"), load_yaml("agreement_cues.yaml")
    assert unknown_values(triggers, AGREEMENT_TYPES) == []
    assert unknown_values([*cues["actions"].values(), *cues["table_actions"].values()], AGREEMENT_ACTIONS) == []
    assert unknown_values(cues["actions_by_type"], AGREEMENT_TYPES) == []


def test_party_kinds_of_the_lexicon_and_gazetteer_are_spec_kinds():
    heads = load_yaml("org_kinds.yaml")
    gazetteer = [json.loads(line) for line in (DATA_DIR / "organisations.jsonl").read_text().splitlines() if line.strip()]
    kinds = [*heads["heads"], *(kind for _, kind in heads["kind_phrases"]), *(entry["kind"] for entry in gazetteer)]
    assert unknown_values(kinds, PARTY_KINDS) == []


def test_data_files_read_the_same_with_either_yaml_parser():
    # load_yaml takes libyaml's parser when PyYAML has it; the pure-Python one must give the same values.
    import yaml

    from pipeline.data_files import SAFE_LOADER

    for path in sorted(DATA_DIR.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert yaml.load(text, Loader=SAFE_LOADER) == yaml.load(text, Loader=yaml.SafeLoader), path.name  # noqa: S506
