# Two entry points: `make run` (the main job) and `make test` (every check).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP_RUN := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test

.PHONY: run test lint bench data clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_RUN): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(STAMP_TEST): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[test,bench]"
	touch $@ $(STAMP_RUN)

run: $(STAMP_RUN)
	$(BIN)/burden overview
	$(BIN)/burden report --out report.html

lint: $(STAMP_TEST)
	$(BIN)/ruff check src tests scripts benchmarks

test: $(STAMP_TEST) lint
	$(BIN)/mypy
	$(BIN)/python -m pytest -n 2 -q

bench: $(STAMP_TEST)
	for f in benchmarks/*.py; do $(BIN)/python $$f || exit 1; done

data: $(STAMP_RUN)
	$(BIN)/python scripts/build_data.py

clean:
	rm -rf $(VENV) build dist *.egg-info
