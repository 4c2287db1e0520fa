"""Material's search index loads only when the reader goes to the search box
(templates/partials/werkwijze-lazysearch.html), and search still finds elements."""
from __future__ import annotations


def _index_requests(b) -> list[str]:
    return [u for u in b.requests if u.endswith("search/search_index.json")]


def test_page_load_does_not_fetch_the_search_index(real_site, browse):
    b = browse()
    b.page.goto(real_site.url("elementen/"), wait_until="networkidle")
    b.page.wait_for_timeout(300)
    assert _index_requests(b) == []


def test_focusing_search_loads_the_index_and_finds_an_element(real_site, browse):
    b = browse()
    page = b.page
    page.goto(real_site.url(""), wait_until="networkidle")
    title = page.evaluate("""async () => {
        const r = await fetch('elementen.json'); const d = await r.json();
        return d.elementen[0].titel; }""")
    word = max(title.split(), key=len)
    page.locator("input.md-search__input").focus()
    page.keyboard.type(word)
    page.wait_for_selector(".md-search-result__item", timeout=60_000)
    assert len(_index_requests(b)) == 1
    assert word.lower() in page.locator(".md-search-result").inner_text().lower()


def test_arriving_from_a_search_result_highlights_without_focus(real_site, browse):
    b = browse()
    b.page.goto(real_site.url("elementen/?h=overleg"), wait_until="networkidle")
    b.page.wait_for_timeout(300)
    assert len(_index_requests(b)) == 1
