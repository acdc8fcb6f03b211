# One command per job; `make test` is exactly what CI runs (.ci/run).
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test lint eval bench serve screenshots clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/storyline analyze examples/demo --out storyline-out --db storyline-out/storyline.duckdb

test: $(STAMP) lint
	$(BIN)/pytest
	$(MAKE) eval

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

eval: $(STAMP)
	$(BIN)/python -m storyline.evaluate examples/demo/gold.json --floors eval/floors.json

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) storyline-out storyline.duckdb .pytest_cache .mypy_cache .ruff_cache
