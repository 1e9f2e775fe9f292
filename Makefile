# The two commands a newcomer needs: `make run` and `make test`.
# The first Python 3.11 that can make a venv, the distribution's own build first: Debian
# builds it with PGO and LTO, and it runs the portal 1.3-2x faster than a default pyenv
# build (docs/PERFORMANCE.md). PYTHON=... chooses another.
PYTHON ?= $(firstword $(foreach python,/usr/bin/python3.11 python3.11 python3,\
  $(shell command -v $(python) >/dev/null 2>&1 && $(python) -c 'import ensurepip, venv' 2>/dev/null && command -v $(python))))
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# `make run` is for development: DEBUG on unless the environment says otherwise.
RUN_ENV := DJANGO_DEBUG=$${DJANGO_DEBUG:-1}

.PHONY: run test lint format fixtures clean-db messages catalogues node-modules

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@ $(VENV)/.installed

# Translations compile with Babel (a Python package): no gettext tools needed.
messages: $(VENV)/.installed
	$(BIN)/pybabel -q compile --domain django --directory locale

# Collect new strings into both catalogues (then translate the English ones). No source
# locations: they change with every edit and make catalogues conflict on every merge.
catalogues: $(VENV)/.installed
	$(RUN_ENV) $(BIN)/python manage.py makemessages -l cs -l en --no-location --no-obsolete \
	  --ignore node_modules --ignore staticfiles --ignore .venv

run: $(VENV)/.installed messages
	$(RUN_ENV) $(BIN)/python manage.py migrate --noinput
	$(RUN_ENV) $(BIN)/python manage.py loaddata fixtures/nsp.json
	$(RUN_ENV) $(BIN)/python manage.py recompute_careers
	$(RUN_ENV) $(BIN)/python manage.py runserver $(HOST):$(PORT)

# axe-core (package.json) for the accessibility audit in config/tests/browser/. Without npm
# the audit is skipped (with CI=true it fails instead); the rest of the suite runs as usual.
node-modules:
	@if [ -f package-lock.json ] && [ ! -d node_modules/axe-core ]; then \
	  if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund; \
	  else echo "npm not found: the accessibility audit will be skipped."; fi; \
	fi

test: $(VENV)/.installed-dev messages node-modules
	$(BIN)/python -m pytest

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Rebuild fixtures/nsp.json after changing the texts in fixtures/nsp/.
fixtures: $(VENV)/.installed
	$(RUN_ENV) $(BIN)/python manage.py build_fixtures

# Start again from an empty development database.
clean-db:
	rm -f db.sqlite3 db.sqlite3-wal db.sqlite3-shm
