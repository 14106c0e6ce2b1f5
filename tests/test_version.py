"""The extraction version: a digest of the modules and data files that make rows, found by walking."""

from pipeline.nlp import CONFIG_PATH
from pipeline.version import PACKAGE_DIR, extraction_version, row_making_modules


def test_the_digest_covers_every_module_that_makes_rows_and_nothing_else():
    modules = {path.relative_to(PACKAGE_DIR).as_posix() for path in row_making_modules()}
    packages = {
        path.relative_to(PACKAGE_DIR).as_posix()
        for folder in ("components", "reading")
        for path in (PACKAGE_DIR / folder).rglob("*.py")
    }
    assert packages <= modules  # a new or renamed module of theirs is in by construction
    assert {"process.py", "tables.py", "nlp.py", "text.py", "data_files.py"} <= modules
    assert not modules & {"report.py", "show.py", "cli.py", "runner.py", "writing.py", "bench.py"}
    assert not any(name.startswith(("evaluation/", "gold/")) for name in modules)
    assert all((PACKAGE_DIR / name).is_file() for name in modules)


def test_the_extraction_version_changes_with_the_config(tmp_path):
    edited = tmp_path / "pipeline.cfg"
    edited.write_text(CONFIG_PATH.read_text().replace("chunk_chars = 20000", "chunk_chars = 30000"))
    assert extraction_version() != extraction_version(edited)
    assert extraction_version().startswith(__import__("pipeline").__version__ + "+")


def test_a_user_gazetteer_outside_the_data_folder_is_in_the_digest(tmp_path):
    gazetteer = tmp_path / "mine.jsonl"
    gazetteer.write_text('{"name": "Kyoto Marine Institute", "aliases": ["KMI"], "kind": "research", "country": "Japan"}\n')
    config = tmp_path / "pipeline.cfg"
    config.write_text(CONFIG_PATH.read_text().replace("user_gazetteer = null", f'user_gazetteer = "{gazetteer}"'))
    before = extraction_version(config)
    extraction_version.cache_clear()
    gazetteer.write_text(gazetteer.read_text().replace("KMI", "KMRI"))
    assert extraction_version(config) != before
