# Two commands do all the set-up: `make run` and `make test` (see README.md).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
PY_STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
PORT ?= 8000

.PHONY: install run test lint typecheck pytest migrations-check messages messages-check bench clean

$(PY_STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(PY_STAMP) $(NODE_STAMP)

run: install
	DJANGO_DEBUG=1 $(PY) manage.py migrate --no-input
	DJANGO_DEBUG=1 $(PY) manage.py demo_data
	DJANGO_DEBUG=1 $(PY) manage.py runserver 127.0.0.1:$(PORT)

lint: install
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

typecheck: install
	SIKEJAR_TESTING=1 $(BIN)/mypy sikejar tests bench

migrations-check: install
	SIKEJAR_TESTING=1 $(PY) manage.py makemigrations --check --dry-run

# Two workers: the machines this runs on have two cores.
pytest: install
	$(BIN)/pytest -n 2 $(PYTEST_ARGS)

test: lint typecheck migrations-check pytest

# Regenerating translations needs GNU gettext (Debian: gettext); the
# compiled .mo files are committed so that a fresh machine does not.
# compilemessages reads the settings, which need debug mode outside production.
messages: install
	cd sikejar && ../$(PY) ../manage.py makemessages --locale id --locale en --no-obsolete
	cd sikejar && DJANGO_DEBUG=1 ../$(PY) ../manage.py compilemessages

# Re-extracts the strings and checks that every one is translated and
# compiled; CI runs it, so a string added without its translation fails.
messages-check: install
	cd sikejar && ../$(PY) ../manage.py makemessages --locale id --locale en --no-obsolete
	$(BIN)/pytest tests/core/test_i18n.py

bench: install
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) node_modules var .mypy_cache .ruff_cache .pytest_cache
