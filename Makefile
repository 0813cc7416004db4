# Two commands for a fresh machine: `make run` and `make test`. See README.md.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint typecheck pytest bench install chromium clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

## Build .venv, migrate the embedded SQLite database, load reference and demo data, serve.
run: install
	DEBUG=$${DEBUG:-true} $(BIN)/clearinghouse migrate --noinput
	DEBUG=$${DEBUG:-true} $(BIN)/clearinghouse load_reference
	DEBUG=$${DEBUG:-true} $(BIN)/clearinghouse load_demo
	@echo "Serving http://$(HOST):$(PORT)/  (API docs at /api/docs, back-office at /admin/)"
	DEBUG=$${DEBUG:-true} $(BIN)/clearinghouse runserver $(HOST):$(PORT)

## The whole suite: ruff, mypy (strict on the pure cores), then pytest (browser tests in Chromium).
test: install chromium lint typecheck pytest

lint: install
	$(BIN)/ruff check src tests bench

typecheck: install
	$(BIN)/mypy src

pytest: install
	$(BIN)/pytest

chromium:
	scripts/ensure-chromium

bench: install
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
