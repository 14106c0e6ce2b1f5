# The README's two commands, `make run` and `make test`, set up on first use.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
SETUP_STAMP := $(VENV)/.setup-done
CORPUS ?= corpus
OUT ?= outputs

.PHONY: setup run test eval bench report clean

setup: $(SETUP_STAMP)

$(SETUP_STAMP): pyproject.toml constraints.txt requirements-model.txt
	@echo "Setting up .venv (once; usually 3 to 4 minutes, mostly downloading; about 1 GB once installed):"
	@echo "  1/3 a Python virtual environment in .venv"
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@echo "  2/3 this package and its pinned dependencies: spaCy, pandas, pyarrow, DuckDB, Ray (for --engine ray), pytest"
	$(PY) -m pip install --quiet -c constraints.txt -e '.[dev,ray]'
	@echo "  3/3 the spaCy model en_core_web_sm 3.8.0 (about 13 MB, checked against its sha256)"
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	touch $@
	@echo "Setup done."

run: setup
	$(PY) -m pipeline run $(CORPUS) --out $(OUT)

test: setup
	bash tests/install_chromium.sh
	$(PY) -m pytest

eval: run
	$(PY) -m pipeline eval --gold annotations --outputs $(OUT)

bench: setup
	$(PY) -m pipeline.bench

report: run
	$(PY) -m pipeline report --outputs $(OUT) --gold annotations

clean:
	rm -rf $(OUT)/*.parquet $(OUT)/eval $(OUT)/report
