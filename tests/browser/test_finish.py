"""A finished site in a real browser: axe (WCAG 2.2 AA and best practices) on every page
type, the phone overview, reflow at 320 px, trainers' print and PDF links, the 404 page,
the identity (short name, logo, no template leftovers)."""
from __future__ import annotations

import csv
import io
import urllib.request
from pathlib import Path

import pytest

from reader_helpers import axe_violations

REPO = Path(__file__).resolve().parents[2]

PHONE = {"width": 390, "height": 844}

# Every page type of the real manual (the search dialog is the search engine's own).
PAGES = {
    "start": "",
    "chapter": "partnerschap/",
    "facet index": "themas/",
    "facet page": "themas/partnerschap/",
    "region page": "regios/katwijk/",
    "element": "elementen/belangen-bespreken/",
    "overview": "elementen/",
    "werkkaarten": "werkkaarten/",
    "leerlijnen": "leerlijnen/",
    "leerlijn": "leerlijnen/eerste-leersessie-partnerschap/",
    "changes": "wijzigingen/",
    "404": "404.html",
}


def serve_404_assets(page) -> None:
    """404.html links its assets under the site's path (/werkwijze/, from site_url), since
    it is served at any address; the test server serves the site at /."""
    page.route("**/werkwijze/**", lambda route: route.continue_(
        url=route.request.url.replace("/werkwijze/", "/", 1)))


def axe(page, axe_source: str) -> list[str]:
    # The search dialog has its own, stricter run (tests/browser/test_search.py).
    return axe_violations(page, axe_source, context={"exclude": [[".md-search"], ["#__search"]]})


@pytest.mark.parametrize("width", ["desktop", "phone"])
@pytest.mark.parametrize("kind", list(PAGES))
def test_axe_wcag22_and_best_practices_on_every_page_type(browse, real_site, axe_source, kind, width):
    b = browse()
    page = b.page
    if width == "phone":
        page.set_viewport_size(PHONE)
    # (The real content has no regional text, so no region choice: the region notices are
    # checked on the corpus below.)
    if kind == "404":
        serve_404_assets(page)
    page.goto(real_site.url(PAGES[kind]))
    if kind == "overview":
        page.wait_for_selector(".ww-filter--actief .ww-filter__lijst", state="attached")
    assert axe(page, axe_source) == []


def test_axe_wcag22_on_an_element_with_regional_texts(browse, corpus_site, axe_source):
    page = browse().page
    page.goto(corpus_site.url(""))
    page.select_option("#ww-mijnregio-keuze", "zuid")
    page.goto(corpus_site.url("elementen/goed-overleg/"))
    page.click(".ww-regio-toggle")
    assert axe(page, axe_source) == []
    page.goto(corpus_site.url("elementen/samen-leren/"))
    assert axe(page, axe_source) == []


def test_on_a_phone_the_first_result_is_one_tap_away_and_facets_are_folded(browse, real_site):
    page = browse().page
    page.set_viewport_size(PHONE)
    page.goto(real_site.url("elementen/"))
    page.wait_for_selector(".ww-filter--actief .ww-filter__lijst", state="attached")
    assert page.eval_on_selector_all(".ww-filter__facet[open]", "d => d.length") == 0
    assert page.eval_on_selector_all(".ww-filter input[type=checkbox]:visible", "b => b.length") == 0
    # The count and the jump are on the first screen, and stay there after a change.
    jump = page.locator(".ww-filter__naar")
    box = jump.bounding_box()
    assert box and box["y"] + box["height"] <= PHONE["height"], box
    page.locator(".ww-filter__facet > summary").first.click()
    page.locator(".ww-filter input[name=soort]").first.check()
    status = page.locator(".ww-filter__status").bounding_box()
    assert 0 <= status["y"] and status["y"] + status["height"] <= PHONE["height"], status
    assert "gekozen" in page.locator(".ww-filter__facet").first.locator("summary").inner_text()
    count = page.eval_on_selector_all(".ww-filter__lijst > li", "l => l.length")
    assert jump.inner_text() == f"Toon {count} resultaten"
    jump.click()
    first = page.locator(".ww-filter__lijst > li").first.bounding_box()
    assert 0 <= first["y"] < PHONE["height"] - first["height"], first
    assert page.evaluate("document.activeElement.id") == "ww-resultaten"


def test_the_menus_table_of_contents_hides_what_the_filter_hides(browse, real_site):
    page = browse().page
    page.set_viewport_size(PHONE)
    page.goto(real_site.url("elementen/"))
    page.wait_for_selector(".ww-filter--actief .ww-filter__lijst", state="attached")
    page.click("label.md-header__button[for=__drawer]")
    links = page.locator(".md-nav--primary .md-nav--secondary a")
    assert links.count() > 0 and all(not links.nth(i).is_visible() for i in range(links.count()))


def test_an_option_without_results_cannot_lead_into_an_empty_list(browse, real_site):
    page = browse().page
    page.goto(real_site.url("elementen/?tekst=visie"))
    page.wait_for_selector(".ww-filter--actief .ww-filter__lijst", state="attached")
    empty = page.locator(".ww-optie--leeg input")
    assert empty.count() > 0
    assert all(empty.nth(i).is_disabled() for i in range(empty.count()))
    # Words in any order.
    ids = lambda: page.eval_on_selector_all(".ww-filter__lijst > li", "l => l.map(i => i.dataset.id)")  # noqa: E731
    page.fill("#ww-filter-tekst", "gezamenlijke visie")
    forward = ids()
    page.fill("#ww-filter-tekst", "visie gezamenlijke")
    assert ids() == forward and "gezamenlijke-visie" in forward


@pytest.mark.parametrize("path", ["werkkaarten/", "elementen/", "", "leerlijnen/eerste-leersessie-partnerschap/"])
def test_pages_reflow_at_320_px(browse, real_site, path):
    page = browse().page
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(real_site.url(path))
    page.wait_for_load_state("load")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 320, f"{path}: {width} px wide"


def test_trainer_pages_have_a_print_button_and_no_link_to_a_pdf_that_is_not_built(browse, real_site):
    """A plain build publishes no PDFs: the print button, no PDF link (the published folder
    with its PDFs and their links: tests/browser/test_publish_journeys.py)."""
    page = browse().page
    for path in ["werkkaarten/", "leerlijnen/eerste-leersessie-partnerschap/"]:
        page.goto(real_site.url(path))
        button = page.locator(".ww-afdrukken button.ww-print")
        assert button.is_visible() and button.inner_text() == "Print deze pagina"
        assert page.locator("a.ww-pdf").count() == 0
        page.evaluate("window.print = () => { window.wwPrinted = true; }")
        button.click()
        assert page.evaluate("window.wwPrinted === true")


def test_printed_cards_show_source_status_and_a_readable_url(browse, real_site):
    page = browse().page
    page.goto(real_site.url("werkkaarten/"))
    page.emulate_media(media="print")
    card = page.locator(".ww-kaart").first
    origin = card.locator(".ww-kaart-herkomst").inner_text()
    assert "Status: " in origin and "Bron: " in origin
    url = card.locator(".ww-kaart-url")
    style = url.evaluate("u => { const s = getComputedStyle(u); return [parseFloat(s.fontSize), s.color, s.wordBreak]; }")
    assert style[0] >= 11, style  # 8.5 pt = 11.3 px (was 6.5 pt)
    assert style[1] == "rgb(0, 0, 0)" and style[2] != "break-all", style


def test_leerlijnen_index_keeps_title_and_audience_apart(browse, real_site):
    page = browse().page
    page.goto(real_site.url("leerlijnen/"))
    item = page.locator(".ww-leerlijn").first
    title = item.locator("a").inner_text()
    assert f"{title}Voor wie" not in item.inner_text()
    assert f"{title}Voor wie" not in item.text_content()


def test_csv_urls_are_absolute(real_site):
    with urllib.request.urlopen(real_site.url("elementen.csv")) as response:
        rows = list(csv.DictReader(io.StringIO(response.read().decode("utf-8-sig"))))
    # Under the site's address (mkdocs.yml site_url: a local preview address until the deploy
    # workflow passes the real one).
    import yaml
    site_url = yaml.safe_load((REPO / "mkdocs.yml").read_text("utf-8"))["site_url"]
    assert rows and all(r["url"].startswith(site_url) and r["url"].endswith("/") for r in rows)


def test_the_404_page_is_dutch_and_helps_on(browse, real_site):
    page = browse().page
    serve_404_assets(page)
    page.goto(real_site.url("404.html"))
    assert page.locator("h1").inner_text() == "Pagina niet gevonden"
    links = page.locator(".ww-404 a")
    assert [links.nth(i).inner_text() for i in range(links.count())] == [
        "Naar de startpagina", "Bekijk alle elementen"]
    assert page.locator(".ww-404").inner_text().count("vergrootglas") == 1


def test_the_site_has_its_own_identity(browse, real_site):
    page = browse().page
    page.set_viewport_size(PHONE)
    page.goto(real_site.url(""))
    name = page.locator(".md-header__topic").first
    assert name.inner_text() == "De specialist dichterbij"
    assert name.evaluate("n => n.scrollWidth <= n.clientWidth")  # not cut off on a phone
    # Issue 20: the start page names itself once in the page (its heading); the whole
    # name is the tab's title.
    assert page.locator(".ww-sitenaam").count() == 0
    assert page.title().startswith("De specialist dichterbij — werkwijze")
    assert page.get_attribute("link[rel=icon]", "href").endswith("favicon.svg")
    assert page.get_attribute(".md-header .md-logo img", "src").endswith("logo.svg")
    html = page.content()
    assert "Made with" not in html and "md-source__repository" not in html
    header = page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
    assert header == "rgb(29, 79, 115)"  # identity.css --ww-primair
    h1 = page.evaluate("getComputedStyle(document.querySelector('.md-typeset h1'))['font-weight']")
    assert int(h1) >= 600
    assert page.locator("a.md-button", has_text="Bekijk de elementen").is_visible()
    for heading in ["Per thema", "Per regio", "Voor wie"]:
        assert page.locator(".ww-ingang h2", has_text=heading).count() == 1
