# communique — the two commands a fresh machine needs: `make demo` and `make test`.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= communique.duckdb

.PHONY: install demo test bench bench-scale bench-serve bench-identity screenshots serve eval train train-ar train-translit kb clean

$(BIN)/communique: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[serve,test,parquet,postgres,ray,fast,train]'
	touch $@

install: $(BIN)/communique

demo: install
	rm -f $(DB)
	$(BIN)/communique extract examples/ --db $(DB)
	$(BIN)/communique events --db $(DB)

test: install
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python bench/throughput.py --per-language --repeat 3

bench-scale: install
	$(BIN)/python bench/scale.py --max-size 10000

bench-serve: install
	$(BIN)/python bench/serve_bench.py --events 100000

screenshots: install     # needs Debian chromium (apt-get install -y chromium)
	$(BIN)/python scripts/screenshots.py

serve: install
	$(BIN)/communique serve --db $(DB)

eval: install
	$(BIN)/communique eval ../shared/annotated ../shared/devset

train: install
	$(BIN)/python scripts/train_events.py --shared ../shared

bench-identity: install
	$(BIN)/python bench/identity_eval.py

train-ar: install
	$(BIN)/python scripts/train_ar_ner.py --data ../shared/data

train-translit: install      # the foreign-name transliterator: communique/translit/data/foreign_names.json.gz
	$(BIN)/python -m communique.translit.training --data ../shared/data --shared ../shared

kb: install
	$(BIN)/python scripts/build_kb.py --data ../shared/data

clean:
	rm -rf $(VENV) $(DB) .pytest_cache
