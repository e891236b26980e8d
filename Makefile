# The two commands of the README, and a few conveniences. Needs Python >= 3.11 with venv.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint bench screenshot clean help

help:
	@echo "make run         set up .venv and open Follow-up Desk (demo data on first start)"
	@echo "make test        set up .venv and run the whole test suite"
	@echo "make lint        ruff and mypy"
	@echo "make bench       run the benchmarks in tests/bench"
	@echo "make screenshot  render docs/screenshot.png offscreen"

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test,dev]"
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/followup-desktop --demo-if-empty

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) tests/bench/run.py

screenshot: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/followup-desktop --data-dir .venv/screenshot-data --demo --screenshot docs/screenshot.png

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
