"""Big manuals in a real browser: paginated facet pages and werkkaarten per theme are
accessible and valid, `/werkkaarten/?thema=&soort=` still leads to those cards, and a
leerlijn's link to its cards shows exactly those."""
from __future__ import annotations

import subprocess

from reader_helpers import vnu_command
from test_accessibility import axe_violations


def _paged_pages(site) -> list[str]:
    """Page 2 of a long facet list and of a theme's cards, and the werkkaarten index."""
    root = site.root
    facet = next(p for p in sorted(root.glob("*/*/2/index.html")) if not p.parts[-4] == "werkkaarten")
    cards = next(iter(sorted(root.glob("werkkaarten/*/2/index.html"))))
    return [str(p.parent.relative_to(root)) + "/" for p in (facet, cards)] + ["werkkaarten/"]


def test_paginated_pages_pass_axe_and_link_both_ways(browse, corpus_site, axe_source):
    page = browse().page
    for path in _paged_pages(corpus_site):
        page.goto(corpus_site.url(path))
        assert axe_violations(page, axe_source) == [], path
    facet_page_2 = _paged_pages(corpus_site)[0]
    page.goto(corpus_site.url(facet_page_2))
    page.locator(".ww-paginas a[rel=prev]").first.click()
    page.wait_for_load_state()
    assert page.url.rstrip("/").endswith(facet_page_2.rstrip("/").rsplit("/", 1)[0])
    assert page.locator('.ww-paginas [aria-current="page"]').first.inner_text() == "1"


def test_paginated_pages_are_valid_html(corpus_site):
    command = vnu_command()
    files = [str(corpus_site.root / p / "index.html") for p in _paged_pages(corpus_site)]
    proc = subprocess.run([*command, "--errors-only", *files], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_werkkaarten_query_forwards_to_the_theme_pages(browse, corpus_site):
    page = browse().page
    page.goto(corpus_site.url("werkkaarten/"))
    link = page.locator(".ww-kaarten-index a[data-thema]").first
    thema = link.get_attribute("data-thema")
    soort = page.locator(".ww-kaarten-index li").first.locator("a[data-soort]").last.get_attribute("data-soort")
    page.goto(corpus_site.url(f"werkkaarten/?thema={thema}&soort={soort}"))
    page.wait_for_url(f"**/werkkaarten/{thema}/**")
    assert f"soort={soort}" in page.url and "thema=" not in page.url
    page.wait_for_selector(".ww-werkkaarten-filter:not([hidden])")
    shown = page.locator(".ww-kaart:not([hidden])")
    assert shown.count() > 0
    assert all(s == soort for s in shown.evaluate_all("cards => cards.map(c => c.dataset.soort)"))


def test_a_leerlijns_cards_link_shows_exactly_its_cards(browse, corpus_site):
    """In a big manual the cards are on the themes' pages; the leerlijn's link still
    arrives at exactly its cards (conftest CORPUS_LEERLIJN: three steps)."""
    page = browse().page
    page.goto(corpus_site.url("leerlijnen/grote-sessie/"))
    page.locator(".ww-leerlijn-kaarten a").click()
    page.wait_for_url("**/werkkaarten/?leerlijn=grote-sessie")
    page.wait_for_selector(".ww-werkkaarten-filter:not([hidden])")
    shown = page.locator(".ww-kaart:not([hidden])")
    assert sorted(shown.evaluate_all("cards => cards.map(c => c.id)")) == ["test-0001", "test-0002", "test-0003"]
    assert "Fictieve grote leerlijn" in page.locator(".ww-werkkaarten-filter").inner_text()
    assert page.locator(".ww-kaarten-index a[data-thema]").count() > 0  # the themes' index stays
