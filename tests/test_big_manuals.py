"""Big manuals stay light: paginated facet pages, werkkaarten per theme, lists kept out
of the search index (core/render/render.py, core/render/werkkaarten.py, adapter/search.py).

One real build of a synthetic corpus (scripts/corpus.py, fictional) just above the limits.
"""
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))

from pagefind_helpers import pagefind_records  # noqa: E402
from werkwijze.core.render.render import FACET_LIST_LIMIT, FACET_PAGE_SIZE  # noqa: E402
from werkwijze.core.render.werkkaarten import CARDS_PER_PAGE, WERKKAARTEN_LIMIT  # noqa: E402

SIZE = 300
assert SIZE > FACET_LIST_LIMIT and SIZE > WERKKAARTEN_LIMIT


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    import corpus
    root, _, specs = corpus.write(SIZE, tmp_path_factory.mktemp("big") / "c")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run([str(Path(sys.executable).parent / "mkdocs"), "build", "--strict"],
                          cwd=root, capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return root / "site", specs


def _ids(html: str) -> list[str]:
    return re.findall(r'data-id="([^"]+)"', html)


def test_no_page_over_100_kb(big):
    site, _ = big
    sizes = {p: p.stat().st_size for p in site.rglob("*.html")}
    largest = max(sizes, key=sizes.get)
    assert sizes[largest] < 100_000, largest


def test_long_region_list_is_paginated_and_complete(big):
    site, specs = big
    from werkwijze.core.model.manual import Layout
    from werkwijze.core.validate.load import load_manual
    manual = load_manual(Layout(site.parent))
    facet = manual.facets.region_facet
    expected = {e.id for e in manual.facets.select(manual.elements.values(), {facet.name: ["holland-rijnland"]})}
    assert len(expected) > FACET_PAGE_SIZE  # else this corpus does not test pagination
    folder = site / facet.path / "holland-rijnland"
    first = (folder / "index.html").read_text("utf-8")
    pages = [first] + [p.read_text("utf-8") for p in sorted(folder.glob("*/index.html"))]
    assert len(pages) == -(-len(expected) // FACET_PAGE_SIZE)
    seen = [i for html in pages for i in _ids(html)]
    assert sorted(seen) == sorted(expected)  # every element once, on one of the pages
    assert f"Pagina 1 van {len(pages)}" in first
    assert 'href="2/" rel="next">Volgende</a>' in first
    second = pages[1]
    assert 'href="../" rel="prev">Vorige</a>' in second and 'aria-current="page">2<' in second
    # Compact entries: title and soort, no summary.
    content = first.split("<article", 1)[1]
    assert 'class="ww-entry ww-entry--kort"' in content and "ww-samenvatting" not in content


def test_region_page_links_generic_elements_to_their_regional_text(big):
    site, specs = big
    with_text = [s for s in specs if "holland-rijnland" in s.body and "generiek" in s.values["regios"]]
    html = "".join(p.read_text("utf-8") for p in (site / "regios" / "holland-rijnland").rglob("index.html"))
    assert with_text and "#regio-holland-rijnland\">Invulling in Holland Rijnland</a>" in html


def test_werkkaarten_become_theme_pages_with_every_card(big):
    site, specs = big
    index = (site / "werkkaarten" / "index.html").read_text("utf-8")
    assert 'class="ww-kaart ' not in index
    assert 'href="leren/" data-thema="leren"' in index
    expected = {s.id for s in specs if "leren" in s.values["themas"]}
    pages = sorted((site / "werkkaarten" / "leren").rglob("index.html"))
    cards = [i for p in pages for i in re.findall(r'<article class="ww-kaart[^"]*" id="([^"]+)"', p.read_text("utf-8"))]
    assert sorted(cards) == sorted(expected)
    assert len(pages) == -(-len(expected) // CARDS_PER_PAGE)


def test_search_index_holds_elements_not_lists(big):
    site, _ = big
    records = pagefind_records(site)
    urls = list(records)
    assert not [url for url in urls if url.startswith("/werkkaarten/") and url != "/werkkaarten/"]
    assert not [url for url in urls if re.match(r"/regios/holland-rijnland/\d+/", url)]  # page 2..
    assert "/regios/holland-rijnland/" in urls  # page 1: title and description
    assert sum(1 for url in urls if url.startswith("/elementen/synthetisch-element-")) >= SIZE
    text = json.dumps(records)
    assert "wzxhzdk" not in text  # no Markdown placeholder (werkwijze.finished_html) leaks into search
    page = records["/regios/holland-rijnland/"]["content"]
    assert not any(r["meta"]["title"] in page for url, r in records.items() if url.startswith("/elementen/synth"))
