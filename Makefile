# Two commands on a fresh machine: `make run` and `make test`; each sets itself up.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: run test lint bench eval clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev,parquet,dask]'
	touch $(STAMP)

run: $(STAMP)  ## process corpus/ into outputs/
	$(PY) -m pipeline run corpus --out outputs

test: $(STAMP)  ## the test suite, doctests included
	$(PY) -m pytest

lint: $(STAMP)
	$(PY) -m ruff check pipeline tests tools

eval: $(STAMP)  ## the figures quoted in README: shared page and 1998 corpus
	$(PY) -m pipeline run $(SHARED)/corpus --out build/shared --reference-date 2023-11-20
	$(PY) -m pipeline eval build/shared --gold $(SHARED)/gold/wic2023-wuzhen.gold.json
	$(PY) -m pipeline eval --gold $(SHARED)/pfr1998/dev.spans.jsonl.gz

bench: $(STAMP)  ## speed, as ratios to bare jieba.lcut measured in the same run; then batch runs (workers, memory, reruns, Dask)
	$(PY) -m pipeline bench
	$(PY) -m pipeline.evaluate.bench_batch

clean:
	rm -rf build .pytest_cache
