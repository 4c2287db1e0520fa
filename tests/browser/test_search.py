"""The site search (assets/search.js on Pagefind, plugins/werkwijze/adapter/search.py) in Chromium:
Dutch results, stemming, filters, the keyboard and screen readers, no lunr, no JS."""
from __future__ import annotations

import json
import subprocess
import urllib.request

import pytest

from reader_helpers import WCAG22, axe_violations, open_search, vnu_command


# Material fades the results in (0.4 s): they are visible once the fade is done.
FADED_IN = "() => getComputedStyle(document.querySelector('.md-search__output')).opacity === '1'"


def _items(page) -> list[str]:
    return [i.inner_text() for i in page.locator(".ww-zoek__item").all()]


def _axe(page, axe_source: str) -> list[str]:
    """WCAG 2.2 AA on the page, and also the best-practice rules on the search itself."""
    return (axe_violations(page, axe_source, WCAG22)
            + axe_violations(page, axe_source, context="[data-ww-zoek]"))


def _open_filters(page) -> None:
    page.locator(".ww-zoek__filterlijst summary").click()
    page.wait_for_selector(".ww-zoek__filterlijst legend")  # values load when opened


def _summaries(site) -> dict[str, str]:
    with urllib.request.urlopen(site.url("elementen.json")) as response:
        return {r["titel"]: r["samenvatting"] for r in json.load(response)["elementen"]}


def test_dutch_stemming_and_the_summary_as_result_text(browse, real_site):
    b = browse()
    page = b.page
    page.goto(real_site.url("elementen/gezamenlijke-visie/"))
    open_search(page, "belang")  # belang finds belangen
    status = page.locator(".ww-zoek__status").inner_text()
    assert "resultaten voor ‘belang’" in status
    first = page.locator(".ww-zoek__item").first
    title = first.locator("a").inner_text()
    assert "belangen" in title.lower()
    text = first.locator(".ww-zoek__tekst").inner_text()
    assert text == _summaries(real_site)[title]  # the element's summary, not a snippet
    assert not any(t.split("\n")[-1].startswith(("Werkzaam element", "Belemmerend element"))
                   for t in _items(page))
    assert "Alle elementen" not in [a.inner_text() for a in page.locator(".ww-zoek__link").all()]
    # No lunr: Material's index and worker are never requested; Pagefind comes from the site.
    assert not [u for u in b.requests if "search_index.json" in u or "/workers/search" in u]
    assert any(u.endswith("/pagefind/pagefind.js") for u in b.requests)


@pytest.mark.parametrize("query, expected", [
    ("werkkaart", "Werkkaarten"),
    ("monitoring", "Monitoren en evalueren gebeurt nog niet heel stelselmatig"),
])
def test_issue_13_queries_find_their_pages(browse, real_site, query, expected):
    page = browse().page
    page.goto(real_site.url(""))
    open_search(page, query)
    assert expected in [a.inner_text() for a in page.locator(".ww-zoek__link").all()]


def test_no_results_says_so_and_suggests_the_overview(browse, real_site):
    page = browse().page
    page.goto(real_site.url(""))
    open_search(page, "zzgeenwoordzz")
    assert "Geen resultaten voor ‘zzgeenwoordzz’" in page.locator(".ww-zoek__status").inner_text()
    link = page.locator(".ww-zoek__verder a")
    assert link.get_attribute("href").endswith("/elementen/?tekst=zzgeenwoordzz")


def test_filters_narrow_a_search(browse, real_site):
    page = browse().page
    page.goto(real_site.url(""))
    open_search(page, "belangen")
    before = page.locator(".ww-zoek__item").count()
    _open_filters(page)
    legends = [x.inner_text() for x in page.locator(".ww-zoek__filterlijst legend").all()]
    # No region filter: the real content has no region with elements or text of its own
    # (issue 20: no empty rooms).
    assert {"Soort", "Thema", "Betrokkene", "Perspectief", "Status"} <= set(legends)
    assert "Regio" not in legends
    page.locator(".ww-zoek__optie", has_text="Belemmerend").locator("input").check()
    page.wait_for_function("() => document.querySelector('.ww-zoek__status').textContent.includes('resultaten voor') "
                           "&& document.querySelectorAll('.ww-zoek__item').length > 0 "
                           "&& [...document.querySelectorAll('.ww-zoek__item .ww-soort')]"
                           ".every(b => b.textContent === 'Belemmerend element')")
    after = page.locator(".ww-zoek__item").count()
    assert 0 < after < before
    assert "Filters (1 gekozen)" == page.locator(".ww-zoek__filterlijst summary").inner_text()


def _focused(page) -> dict:
    return page.evaluate("""() => {
        const el = document.activeElement, style = getComputedStyle(el), box = el.getBoundingClientRect();
        const output = document.querySelector('.md-search__output');
        return {id: el.id, tag: el.tagName, cls: el.className, href: el.getAttribute('href'),
                outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
                onScreen: box.width > 0 && box.height > 0 && box.top >= 0 && box.bottom <= innerHeight,
                outputVisible: getComputedStyle(output).opacity === '1'};
    }""")


def test_keyboard_only_walk_with_visible_focus(browse, real_site):
    page = browse().page
    page.goto(real_site.url("partnerschap/"))
    for _ in range(40):  # Tab from the top of the page to the search box
        page.keyboard.press("Tab")
        if _focused(page)["id"] == "ww-zoek-invoer":
            break
    else:
        pytest.fail("Tab never reached the search box")
    page.keyboard.type("belangen")
    page.wait_for_function("() => document.querySelector('.ww-zoek__status').textContent.includes('resultaten')")
    assert page.locator(".md-search[role=dialog]").get_attribute("aria-label") == "Zoeken op deze website"
    assert page.locator(".ww-zoek__status").get_attribute("role") == "status"
    page.keyboard.press("Tab")
    page.wait_for_function(FADED_IN)
    focused = _focused(page)
    assert focused["tag"] == "SUMMARY" and focused["outline"] and focused["outputVisible"]
    page.keyboard.press("Tab")  # the results: links, visible, with a visible focus ring
    first = _focused(page)
    assert "ww-zoek__link" in first["cls"] and first["outline"] and first["onScreen"] and first["outputVisible"]
    page.keyboard.press("ArrowDown")
    second = _focused(page)
    assert "ww-zoek__link" in second["cls"] and second["href"] != first["href"]
    page.keyboard.press("Tab")  # Tab also walks the results (not only the arrow keys)
    assert "ww-zoek__link" in _focused(page)["cls"]
    page.keyboard.press("Escape")  # closes the search, back in the box
    assert page.evaluate("document.getElementById('__search').checked") is False
    assert _focused(page)["id"] == "ww-zoek-invoer"
    page.keyboard.press("Tab")  # closed: Tab goes on to the page, not into hidden results
    assert not page.evaluate("document.querySelector('[data-ww-zoek]').contains(document.activeElement)")
    page.keyboard.press("Shift+Tab")
    assert _focused(page)["id"] == "ww-zoek-invoer"
    page.keyboard.press("ArrowDown")  # opens the results again, on the first one
    page.wait_for_function(FADED_IN)
    assert _focused(page)["href"] == first["href"] and _focused(page)["outputVisible"]
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{first['href']}")


def test_axe_and_nu_on_the_open_search(browse, real_site, axe_source, tmp_path):
    command = vnu_command()
    page = browse().page
    page.goto(real_site.url(""))
    open_search(page, "belangen")
    _open_filters(page)
    # The Nu Html Checker on the page as the search left it (before axe adds its script).
    path = tmp_path / "zoeken.html"
    path.write_text("<!DOCTYPE html>\n" + page.evaluate("document.documentElement.outerHTML"), "utf-8")
    proc = subprocess.run([*command, "--errors-only", str(path)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert _axe(page, axe_source) == []
    open_search(page, "zzgeenwoordzz")
    assert _axe(page, axe_source) == []


def test_without_javascript_the_box_goes_to_the_overview(browse, real_site):
    page = browse(java_script_enabled=False).page
    page.goto(real_site.url("partnerschap/"))
    page.fill("#ww-zoek-invoer", "belangen")
    page.press("#ww-zoek-invoer", "Enter")
    page.wait_for_url("**/elementen/?tekst=belangen")


def test_big_overview_loads_summaries_only_for_text_search(corpus_site, browse):
    """Above SUMMARIES_LIMIT the filter's data has no summaries (core/render/export.py);
    the first text search loads them and then finds words that only a summary has.
    No page loads the search index before the reader goes to the search box."""
    with urllib.request.urlopen(corpus_site.url("elementen.json")) as response:
        records = json.load(response)["elementen"]
    titles = " ".join(r["titel"].lower() for r in records)
    target, word = next((r, w) for r in records for w in r["samenvatting"].lower().split()
                        if len(w) > 6 and w.isalpha() and w not in titles)
    b = browse()
    page = b.page
    page.goto(corpus_site.url("elementen/"), wait_until="networkidle")
    assert any(u.endswith("elementen-filter.json") for u in b.requests)
    assert not any(u.endswith("elementen-samenvattingen.json") for u in b.requests)
    assert not any(u.endswith("/elementen.json") for u in b.requests)
    assert not any("/pagefind/" in u for u in b.requests)
    page.fill("#ww-filter-tekst", word)
    page.wait_for_selector(f'.ww-filter__lijst li[data-id="{target["id"]}"] .ww-samenvatting', timeout=30_000)
    assert any(u.endswith("elementen-samenvattingen.json") for u in b.requests)


@pytest.mark.parametrize("width", [390, 1200], ids=["phone", "wide"])
def test_typing_at_once_after_opening_the_search_loses_no_letter(browse, real_site, width):
    """A reader taps the search icon and types straight away: every letter lands in the box
    (the box takes the focus as the search opens, not after Material's transition)."""
    page = browse().page
    page.set_viewport_size({"width": width, "height": 844})
    page.goto(real_site.url(""))
    icon = page.locator(".md-header label[for=__search]").first
    (icon if icon.is_visible() else page.locator("#ww-zoek-invoer")).click()  # wide: the box itself
    page.keyboard.type("ouders betrekken", delay=20)
    assert page.locator("#ww-zoek-invoer").input_value() == "ouders betrekken"


def test_a_big_index_comes_in_bundles_and_searches_as_one(browse, tmp_path):
    """Above `search_bundle_size` records Pagefind writes several bundles, one after the
    other (adapter/search.py: a Pagefind process's peak grows with what it writes), and
    search.js merges them: the same results and filter counts as one bundle."""
    from reader_helpers import Server
    from sitebuilder import BASE_FILES, Project

    sites = {}
    for name, size in (("one", 2000), ("split", 3)):
        config = BASE_FILES["mkdocs.yml"].replace(
            "          - werkwijze\n",
            f"          - werkwijze:\n              search_bundle_size: {size}\n")
        result = Project(tmp_path / name, {"mkdocs.yml": config}).build("mkdocs", "--strict")
        assert result.returncode == 0, result.output
        sites[name] = result.site
    bundles = json.loads((sites["split"] / "pagefind" / "bundles.json").read_text("utf-8"))
    assert len(bundles) >= 2 and all((sites["split"] / "pagefind" / b / "pagefind-entry.json").is_file()
                                     for b in bundles)
    assert json.loads((sites["one"] / "pagefind" / "bundles.json").read_text("utf-8")) == []

    def results(site, query: str, region: str | None = None) -> tuple[str, list[str]]:
        server = Server(site)
        try:
            b = browse()
            b.page.goto(server.url(""))
            open_search(b.page, query)
            if region:
                _open_filters(b.page)
                b.page.locator(".ww-zoek__filters label", has_text=region).first.click()
                b.page.wait_for_function("() => !document.querySelector('.ww-zoek__status')"
                                         ".textContent.includes('…')")
                b.page.wait_for_timeout(300)
            links = sorted(a.get_attribute("href") for a in b.page.locator(".ww-zoek__link").all())
            status = b.page.locator(".ww-zoek__status").inner_text()
            if bundles and site == sites["split"]:
                assert any(f"/pagefind/{bundles[-1]}" in u for u in b.requests)  # merged
            return status, links
        finally:
            server.close()

    for query, region in (("overleg", None), ("samen", None), ("leren", "Regio Zuid")):
        one, split = results(sites["one"], query, region), results(sites["split"], query, region)
        assert one == split and one[1], (query, one, split)
