# Recueil — `make run` serves the demo site, `make test` runs the whole suite.
SHELL := /bin/bash
PORT ?= 8000
# pytest-xdist workers (one per core here); TEST_WORKERS=0 runs in one process.
TEST_WORKERS ?= 2
# Every absolute address (emails, sitemap, API, booklet) follows the port served.
SITE_URL ?= http://127.0.0.1:$(PORT)
export SITE_URL
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
# The first interpreter that really runs (pyenv shims may exist but refuse to start).
PYTHON ?= $(shell for p in python3.12 python3.13 python3.14 python3.15 \
	$$(ls -d $${PYENV_ROOT:-$$HOME/.pyenv}/versions/3.1[2-9]*/bin/python3 2>/dev/null); do \
	$$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1 && { command -v $$p; break; }; done)

.DEFAULT_GOAL := help
.PHONY: help run test test-fast lint format migrate demo worker clean

help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements/lock.txt requirements/lock-dev.txt
	@if [ -z "$(PYTHON)" ]; then echo "Python 3.12 ou plus récent est introuvable : installez python3.12 (ou python3.13…) puis relancez." >&2; exit 1; fi
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements/lock-dev.txt
	@touch $@

var:
	@mkdir -p var/media var/private var/static

run: $(VENV)/.installed var  ## Install, migrate, load the demo content and serve on 127.0.0.1:$(PORT)
	$(MANAGE) migrate --no-input
	$(MANAGE) setup_site
	$(MANAGE) load_demo
	$(MANAGE) runserver 127.0.0.1:$(PORT)

test: $(VENV)/.installed var  ## Run the whole suite (SQLite, or PostgreSQL when DATABASE_URL is set)
	$(VENV)/bin/pytest --create-db -n $(TEST_WORKERS) $(PYTEST_ARGS)

test-fast: $(VENV)/.installed var  ## Run the suite without the browser tests
	$(VENV)/bin/pytest --create-db -n $(TEST_WORKERS) -m "not browser" $(PYTEST_ARGS)

lint: $(VENV)/.installed  ## ruff check and ruff format --check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed  ## Format the Python code and the templates
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	find templates -name '*.html' -print0 | xargs -0 $(VENV)/bin/djhtml

migrate: $(VENV)/.installed var  ## Apply the migrations and set the site up
	$(MANAGE) migrate --no-input
	$(MANAGE) setup_site

worker: $(VENV)/.installed  ## Run the task worker (emails, booklet PDFs) when TASKS_BACKEND=database
	$(MANAGE) db_worker

clean:  ## Remove the virtualenv and the local database
	rm -rf $(VENV) var
