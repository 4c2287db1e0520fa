"""A fast smoke run of the benchmark harness: tiny corpus, one repetition, no browser.

Benchmarks are not timed tests; this only checks that the harness still runs against
the current schema, taxonomies and plugin, and prints its table.
"""
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_bench_harness_prints_table(tmp_path):
    report = tmp_path / "BENCH.md"
    proc = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "bench.py"), "--sizes", "12", "--reps", "1",
         "--skip", "serve,browser", "--output", str(report), "--workdir", str(tmp_path / "work")],
        capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "| Overhead ratio plugin / plain |" in proc.stdout
    assert "| Validation in-process load_manual (s) |" in proc.stdout
    assert "| Plugin build / plain build, worst of 1,000 and 5,000 |" in proc.stdout
    # Zensical (installed with the test extra) builds the plain bodies and the exported manual.
    assert "| Zensical: whole manual / plain bodies |" in proc.stdout
    # The synthetic corpus is valid: every element got a page.
    pages = list((tmp_path / "work" / "12" / "plugin" / "site" / "elementen").glob("synthetisch-element-*/index.html"))
    assert len(pages) == 12
    assert "# Benchmarks" in report.read_text("utf-8")
    # The figures come from the build: the search bundle holds the 12 elements and the chapters.
    records = next(line for line in proc.stdout.splitlines() if line.startswith("| Pagefind records"))
    assert int(records.split("|")[2]) >= 12, records


def test_big_overview_links_to_theme_pages_instead_of_listing(tmp_path):
    """Above OVERVIEW_LIST_LIMIT the overview names each theme with a count and a link;
    the theme pages (and the filter, from elementen.json) hold the elements."""
    sys.path.insert(0, str(REPO / "scripts"))
    import corpus
    from werkwijze.core.model.manual import Layout
    from werkwijze.core.validate.load import load_manual
    from werkwijze.core.render.render import OVERVIEW_LIST_LIMIT, Renderer
    from werkwijze.core.urls import Urls

    plugin_root, _, specs = corpus.write(OVERVIEW_LIST_LIMIT + 1, tmp_path / "c")
    manual = load_manual(Layout(plugin_root))
    assert not manual.problems
    overview = Renderer(manual, Urls()).overview_page().markdown()
    assert 'class="ww-entry"' not in overview
    leren = sum(1 for s in specs if "leren" in s.values["themas"])
    assert f'{leren} elementen: <a href="../themas/leren/">' in overview
    assert 'id="ww-filter"' in overview  # the filter still mounts
