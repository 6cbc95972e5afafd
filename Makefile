# Two commands on a fresh machine: `make run` and `make test`; each sets itself up.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: run test lint bench eval eval-ocr clean browser

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev,parquet,dask]'
	$(PY) -m pipeline.posseg_aot || echo "posseg's kernel not built ahead of time (no C compiler?): numba compiles it when used"
	touch $(STAMP)

run: $(STAMP)  ## process corpus/ into outputs/
	$(PY) -m pipeline run corpus --out outputs

test: $(STAMP) browser  ## the test suite, doctests included
	$(PY) -m pytest

# Debian's chromium for the HTML report's browser test; where it cannot be installed
# (no apt-get, not root) that test skips and says why.
browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >/dev/null 2>&1 \
		|| echo "chromium could not be installed: the report's browser test will skip" >&2

lint: $(STAMP)
	$(PY) -m ruff check pipeline tests tools

eval: $(STAMP)  ## the figures quoted in README: shared page and 1998 corpus
	$(PY) -m pipeline run $(SHARED)/corpus --out build/shared --reference-date 2023-11-20
	$(PY) -m pipeline eval build/shared --gold $(SHARED)/gold/wic2023-wuzhen.gold.json
	$(PY) -m pipeline eval --gold $(SHARED)/pfr1998/dev.spans.jsonl.gz

eval-ocr: $(STAMP)  ## repair on 1998 pages drawn and read by tesseract (apt: tesseract-ocr tesseract-ocr-chi-sim fonts-noto-cjk)
	$(PY) -m pipeline eval --ocr-pages 60

bench: $(STAMP)  ## speed, as ratios to bare jieba.lcut measured in the same run; then batch runs (workers, memory, reruns, Dask)
	$(PY) -m pipeline bench
	$(PY) -m pipeline.evaluate.bench_batch

clean:
	rm -rf build .pytest_cache
