# One command per job; `make test` is exactly what CI runs (.ci/run).
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: install demo test lint eval bench bench-scale hostile serve screenshots clean

# `make demo` needs only the light default install; tests add the dev tools and Ray (the Ray
# engine's equality test runs in CI), so a demo never downloads them.
$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e .
	touch $(STAMP)

$(DEV_STAMP): $(STAMP)
	$(BIN)/pip install -q -e '.[dev,ray]'
	touch $(DEV_STAMP)

install: $(DEV_STAMP)

DEMO_OUT := storyline-out
DEMO_DB := $(DEMO_OUT)/storyline.duckdb

demo: $(STAMP)
	mkdir -p $(DEMO_OUT)
	$(BIN)/storyline analyze examples/demo --out $(DEMO_OUT) --db $(DEMO_DB)
	@echo "report: $(abspath $(DEMO_OUT))/report.html"

serve: $(STAMP)
	test -f $(DEMO_DB) || $(MAKE) demo
	$(BIN)/storyline serve --db $(DEMO_DB)

screenshots: $(DEV_STAMP)
	test -f $(DEMO_DB) || $(MAKE) demo
	$(BIN)/python bench/screenshots.py $(DEMO_OUT)/report.html --out screenshots --db $(DEMO_DB)

test: $(DEV_STAMP) lint
	$(BIN)/pytest
	$(MAKE) eval

lint: $(DEV_STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

eval: $(DEV_STAMP)
	$(BIN)/python -m storyline.evaluate examples/demo/gold.json --floors eval/floors.json
	$(BIN)/python -m storyline.evaluate examples/conflicts/gold.json --floors eval/floors_conflicts.json

bench: $(DEV_STAMP)
	$(BIN)/python bench/run.py
	$(BIN)/python bench/bench_ingest.py
	$(BIN)/python bench/bench_extraction.py
	$(BIN)/python bench/bench_fusion.py
	$(BIN)/python bench/bench_summary.py

# 10,000 generated hostile files through `storyline analyze` (minutes; CI runs 300 in tests/test_hostile.py)
hostile: $(DEV_STAMP)
	$(BIN)/python bench/hostile_run.py 10000

bench-scale: $(DEV_STAMP)
	$(BIN)/python bench/bench_scale.py 2000

clean:
	rm -rf $(VENV) storyline-out storyline.duckdb .pytest_cache .mypy_cache .ruff_cache
