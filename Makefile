# The two commands of the README, and a few conveniences. Needs Python >= 3.11.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint bench screenshot system-deps clean help package smoke

help:
	@echo "make run         set up .venv and open Follow-up Desk (demo data when the store is empty)"
	@echo "make test        set up .venv and run the whole test suite"
	@echo "make lint        ruff and mypy"
	@echo "make bench       run the benchmarks in tests/bench"
	@echo "make screenshot  render the README screenshot offscreen"
	@echo "make package     build the Linux app folder, its .tar.gz and .deb in dist/"
	@echo "make smoke       smoke-test the built app, including a start from its menu entry"

system-deps:
	@bash packaging/linux/system-deps.sh

$(STAMP): pyproject.toml
	@bash packaging/linux/system-deps.sh
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
	rm -rf $(VENV)/screenshot-data
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/followup-desktop --data-dir $(VENV)/screenshot-data \
		--demo --screenshot packaging/screenshots/main-window.png
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/followup-desktop --data-dir $(VENV)/screenshot-data \
		--screenshot packaging/screenshots/table.png --view table

PACKAGE_STAMP := $(VENV)/.package-installed

$(PACKAGE_STAMP): $(STAMP)
	@bash packaging/linux/package-deps.sh
	$(PY) -m pip install --quiet -e ".[package]"
	touch $(PACKAGE_STAMP)

package: $(PACKAGE_STAMP)
	PYTHON=$(PY) bash packaging/linux/build.sh
	PYTHON=$(PY) bash packaging/linux/build_deb.sh

smoke: $(PACKAGE_STAMP)
	$(PY) packaging/smoke_test.py dist/followup-desk/followup-desktop --desktop-launch

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache .bench-cache
