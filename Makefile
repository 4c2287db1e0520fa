# Every target sets itself up: a .venv in the repo root with the project and its test extras.
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
ADDR   ?= 127.0.0.1:8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build check nieuw changes test test-tools bench pdf clean publish

$(STAMP): pyproject.toml
	test -x $(BIN)/python || python3 -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

# --dirty: a save rebuilds only the pages it changes (plugins/werkwijze/adapter/pagecache.py).
serve: $(STAMP)
	$(BIN)/mkdocs serve --dirty --strict -a $(ADDR)

# Build into a temporary folder; replace site/ only when the build succeeded. Then the
# Content-Security-Policy goes into every page as a <meta> (for hosts without headers).
build: $(STAMP)
	$(BIN)/python scripts/safe_build.py --site-dir site --engine $(BIN)/mkdocs
	$(BIN)/python scripts/csp.py site --meta

# The published site in public/: the current edition at today's URLs, and every tagged
# edition (git tag editie-<versie>) for good under /edities/<versie>/ (scripts/publish.py).
# public/ is replaced only when every build succeeded.
publish: $(STAMP)
	$(BIN)/python scripts/publish.py --out public --engine $(BIN)/mkdocs

# make check                                   everything
# make check BESTAND=elements/thema/x.md       only the messages for this file (or folder)
# make check FORMAT=github                     as annotations in a pull request (CI)
check: $(STAMP)
	$(BIN)/werkwijze check $(if $(FORMAT),--format $(FORMAT)) $(BESTAND)

# make nieuw TITEL="Samen de visie bespreken" SOORT=werkzaam THEMA=partnerschap
# (without TITEL or SOORT the command asks for them)
nieuw: $(STAMP)
	$(BIN)/werkwijze nieuw $(if $(TITEL),--titel "$(TITEL)") $(if $(SOORT),--soort "$(SOORT)") \
		$(if $(THEMA),--thema "$(THEMA)")

# What the built site/ changes against BASIS (a git revision): pages added, removed or
# changed, and the check (scripts/site_changes.py). In CI it becomes the job summary.
BASIS ?= origin/main
changes: $(STAMP)
	$(BIN)/python scripts/site_changes.py --site site --base $(BASIS) \
		$(if $(GITHUB_STEP_SUMMARY),--output "$(GITHUB_STEP_SUMMARY)")

# All tests, browser tests included: test-tools installs what they need (or names the command).
test: $(STAMP) test-tools
	$(BIN)/python -m pytest

test-tools: $(STAMP)
	$(BIN)/python scripts/test_tools.py --install

# Benchmarks on synthetic corpora (scripts/corpus.py); writes BENCHMARKS.md. Takes a while.
BENCH_SIZES ?= 100,1000,5000
BENCH_REPS  ?= 3
bench: $(STAMP)
	$(BIN)/python -m pip install -q -e '.[bench]'
	$(BIN)/python scripts/bench.py --sizes $(BENCH_SIZES) --reps $(BENCH_REPS) \
		--output BENCHMARKS.md --notes scripts/bench-notes.md

# PDFs of the whole manual, each leerlijn and the werkkaarten, from the built site, into
# site/pdf/: published with the site, where the print buttons' PDF links point.
pdf: build
	$(BIN)/python scripts/pdf.py site --out site/pdf

clean:
	rm -rf site .site-new .site-old
