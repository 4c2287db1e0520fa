# Every target sets itself up: a .venv in the repo root with the project and its test extras.
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
ADDR   ?= 127.0.0.1:8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build check test bench pdf clean publish

$(STAMP): pyproject.toml
	test -x $(BIN)/python || python3 -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

# --dirty: a save rebuilds only the pages it changes (plugins/werkwijze/core/pagecache.py).
serve: $(STAMP)
	$(BIN)/mkdocs serve --dirty --strict -a $(ADDR)

# Build into a temporary folder; replace site/ only when the build succeeded.
build: $(STAMP)
	$(BIN)/python scripts/safe_build.py --site-dir site --engine $(BIN)/mkdocs

# The published site in public/: the current edition at today's URLs, and every tagged
# edition (git tag editie-<versie>) for good under /edities/<versie>/ (scripts/publish.py).
# public/ is replaced only when every build succeeded.
publish: $(STAMP)
	$(BIN)/python scripts/publish.py --out public --engine $(BIN)/mkdocs

check: $(STAMP)
	$(BIN)/werkwijze check

test: $(STAMP)
	$(BIN)/python -m pytest

# Benchmarks on synthetic corpora (scripts/corpus.py); writes BENCHMARKS.md. Takes a while.
BENCH_SIZES ?= 100,1000,5000
BENCH_REPS  ?= 3
bench: $(STAMP)
	$(BIN)/python -m pip install -q -e '.[bench]'
	$(BIN)/python scripts/bench.py --sizes $(BENCH_SIZES) --reps $(BENCH_REPS) \
		--output BENCHMARKS.md --notes scripts/bench-notes.md

# PDFs of the whole manual, each leerlijn and the werkkaarten, from the built site (pdf/).
pdf: build
	$(BIN)/python scripts/pdf.py site --out pdf

clean:
	rm -rf site .site-new .site-old
