# Civica: two commands. `make run` sets everything up and serves the demo; `make test` runs every check.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PG_URL ?= postgres://postgres@127.0.0.1:5432/civica
export CHROMIUM_PATH ?= /usr/bin/chromium

.PHONY: run test setup assets lint catalogues messages pytest-sqlite pytest-postgres pytest-browser worker clean bench

$(BIN)/civica: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	@touch $@

node_modules/.package-lock.json: package.json
	npm install --no-audit --no-fund --loglevel=error
	@touch $@

src/civica/web/static/civica/civica.css: node_modules/.package-lock.json scripts/build-assets.mjs $(wildcard src/civica/web/static_src/*.scss)
	npm run --silent build

assets: src/civica/web/static/civica/civica.css

setup: $(BIN)/civica assets messages

messages: $(BIN)/civica
	$(BIN)/python scripts/catalogues.py compile

run: setup
	$(BIN)/civica migrate --no-input
	$(BIN)/civica demo
	$(BIN)/civica collectstatic --no-input --verbosity 0
	@echo ""
	@echo "Civica is starting at http://$${CIVICA_BIND:-127.0.0.1:8000}/  (Ctrl+C stops it; a task worker runs alongside)"
	@scripts/serve.sh

worker: setup
	$(BIN)/civica worker

lint: $(BIN)/civica
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/civica makemigrations --check --dry-run --no-input

catalogues: $(BIN)/civica
	$(BIN)/python scripts/catalogues.py check

pytest-sqlite: setup
	$(BIN)/pytest -m "not browser" -q -n auto

pytest-postgres: setup
	@if $(BIN)/python scripts/wait_for_postgres.py "$(PG_URL)"; then \
	  DATABASE_URL="$(PG_URL)" $(BIN)/pytest -m "not browser" -q -n auto; \
	elif [ "$$CI" = "true" ]; then echo "PostgreSQL is required in CI but did not answer at $(PG_URL)"; exit 1; \
	else echo "PostgreSQL not reachable at $(PG_URL): suite skipped (CI requires it)"; fi

pytest-browser: setup
	$(BIN)/pytest -m browser -q

test: lint catalogues pytest-sqlite pytest-postgres pytest-browser

bench: setup
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) node_modules var src/civica/web/static/civica
