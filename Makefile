# Every target sets itself up: a .venv in the repo root with the project and its test extras.
# The theme follows mkdocs.yml: `theme: name: materialx` builds with ProperDocs +
# mkdocs-materialx (in .venv-materialx), anything else with MkDocs + Material (in .venv).
MATERIALX := $(shell grep -qE '^[[:space:]]+name:[[:space:]]*materialx[[:space:]]*$$' mkdocs.yml && echo 1)
THEME  := $(if $(MATERIALX),materialx,material)
VENV   ?= $(if $(MATERIALX),.venv-materialx,.venv)
BUILDER := $(if $(MATERIALX),properdocs,mkdocs)
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
ADDR   ?= 127.0.0.1:8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build check nieuw changes test test-tools bench pdf clean publish

$(STAMP): pyproject.toml
	test -x $(BIN)/python || python3 -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[$(THEME),test]'
	touch $(STAMP)

# --dirty: a save rebuilds only the pages it changes (plugins/werkwijze/adapter/pagecache.py).
serve: $(STAMP)
	$(BIN)/$(BUILDER) serve --dirty --strict -a $(ADDR)

# Every site is made by `werkwijze publiceer` (plugins/werkwijze/publish/): a strict build in
# a temporary folder, the Content-Security-Policy as a <meta> in every page, and a check that
# every address the site prints exists in it; the output folder is replaced only when all of
# that succeeded. SITE_URL / REPO_URL / EDIT_URI: where the site is published and edited (the
# deploy workflow sets them; default: site_url / repo_url / edit_uri in mkdocs.yml).
PUBLISH := $(BIN)/werkwijze publiceer $(if $(SITE_URL),--site-url "$(SITE_URL)") \
	$(if $(REPO_URL),--repo-url "$(REPO_URL)") $(if $(EDIT_URI),--edit-uri "$(EDIT_URI)")

# The site in site/: the current pages, without PDFs or frozen editions (so no page links to them).
build: $(STAMP)
	$(PUBLISH) site --zonder-edities --zonder-pdf

# What goes online, in public/: the current edition at today's URLs, every tagged edition
# (git tag editie-<versie>) for good under /edities/<versie>/, and the PDFs of each.
publish: $(STAMP)
	$(PUBLISH) public

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
# BENCH_SEARCH_SIZE: the first search is also measured on a corpus this big (0: not).
BENCH_SIZES ?= 100,1000,5000
BENCH_REPS  ?= 3
BENCH_SEARCH_SIZE ?= 10000
bench: $(STAMP)
	$(BIN)/python -m pip install -q -e '.[bench]'
	$(BIN)/python scripts/bench.py --sizes $(BENCH_SIZES) --reps $(BENCH_REPS) \
		--search-size $(BENCH_SEARCH_SIZE) --output BENCHMARKS.md --notes scripts/bench-notes.md

# The site in site/ with the PDFs of the whole manual, each leerlijn and the werkkaarten (in
# site/pdf/, where the print buttons link); no frozen editions. Needs Chromium.
pdf: $(STAMP)
	$(PUBLISH) site --zonder-edities

clean:
	rm -rf site .site-new .site-old
