# EcoTown: `make run` sets everything up and serves the app with demo data; `make test` runs the whole suite.
SHELL := /bin/bash
PYTHON_VERSION := $(shell cat .python-version)
PYTHON ?= $(or $(wildcard $(HOME)/.pyenv/versions/$(PYTHON_VERSION)/bin/python3),$(shell command -v python3.12),$(shell command -v python3.13))
VENV := .venv
BIN := $(VENV)/bin
ECOTOWN := $(BIN)/ecotown
PORT ?= 8000
STAMP := var/.stamps
MESSAGES := ecotown/locale/th/LC_MESSAGES/django.mo

.PHONY: run setup serve test test-fast lint format system-packages demo clean help check-translations

help:
	@echo "make run    - set up (venv, packages, assets, database, demo data) and serve on http://127.0.0.1:$(PORT)"
	@echo "make setup  - everything but serving"
	@echo "make test   - the whole test suite (DATABASE_URL=postgres://... to run it on PostgreSQL;"
	@echo "              PYTEST_ARGS='-m \"not fuzz\"' leaves out the few-minute API fuzz run)"
	@echo "make lint   - ruff check, ruff format --check, makemigrations --check"
	@echo "make check-translations - refresh the Thai catalogue; fail on untranslated or fuzzy messages"

run: setup serve

# Static files are served by WhiteNoise straight from the app folders and node_modules (no collectstatic needed
# to run; production runs `ecotown collectstatic`, see docs/configuration.md).
setup: $(STAMP)/system $(STAMP)/python $(STAMP)/assets $(MESSAGES)
	@mkdir -p var/static
	@$(ECOTOWN) bootstrap --demo

serve:
	@echo "EcoTown: http://127.0.0.1:$(PORT)  (demo accounts: see README.md; Ctrl-C stops the server and the worker)"
	@trap 'trap - EXIT INT TERM; kill 0' EXIT INT TERM; \
	$(ECOTOWN) db_worker --queue-name "*" & \
	$(ECOTOWN) runserver --skip-checks 127.0.0.1:$(PORT)

# Debian packages the app and the tests need: Thai fonts (PDFs), chromium (browser tests), poppler (PDF checks),
# gettext (compiling translations), and what PyICU needs to build from source on a bare machine (ICU headers,
# pkg-config, a C++ compiler, Python headers). Installed once; skipped when present.
PYICU_BUILD_PACKAGES := libicu-dev pkg-config g++ python3-dev
SYSTEM_PACKAGES := chromium fonts-thai-tlwg poppler-utils gettext $(PYICU_BUILD_PACKAGES)
$(STAMP)/system:
	@mkdir -p $(STAMP)
	@missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages: $$missing"; \
	  SUDO=$$( [ $$(id -u) -eq 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi
	@touch $@

$(STAMP)/python: pyproject.toml .python-version
	@mkdir -p $(STAMP)
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install -q --disable-pip-version-check -e ".[dev]"
	@touch $@

$(STAMP)/assets: package.json
	@mkdir -p $(STAMP)
	@npm install --no-audit --no-fund --silent
	@touch $@

$(MESSAGES): ecotown/locale/th/LC_MESSAGES/django.po $(STAMP)/system
	@msgfmt --check -o $@ $<

test: $(STAMP)/system $(STAMP)/python $(STAMP)/assets $(MESSAGES)
	@mkdir -p var/static
	@DB_CONN_MAX_AGE=0 $(BIN)/pytest -q $(PYTEST_ARGS)

lint: $(STAMP)/python
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(ECOTOWN) makemigrations --check --dry-run

check-translations: $(STAMP)/system $(STAMP)/python
	@PYTHON=$(BIN)/python scripts/check_translations.sh

format: $(STAMP)/python
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) var node_modules
