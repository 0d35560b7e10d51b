# Two entry points: `make run` (the main job) and `make test` (every check).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP_RUN := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test

.PHONY: run test lint fuzz bench data clean

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

# The generated sweeps of tests/test_sweep_*.py with many more examples (60 per command and route by default;
# FUZZ_EXAMPLES=300 make fuzz for more). Every command line must end in exit 0 or a one-line error (exit 2).
FUZZ_EXAMPLES ?= 60
fuzz: $(STAMP_TEST)
	BURDEN_SWEEP_PROFILE=fuzz BURDEN_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest -n 2 -q -p no:randomly \
		tests/test_sweep_cli.py tests/test_sweep_web.py

bench: $(STAMP_TEST)
	for f in benchmarks/*.py; do $(BIN)/python $$f || exit 1; done

data: $(STAMP_RUN)
	$(BIN)/python scripts/build_data.py

clean:
	rm -rf $(VENV) build dist *.egg-info
