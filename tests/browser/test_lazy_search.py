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


def test_big_overview_loads_summaries_only_for_text_search(corpus_site, browse):
    """Above SUMMARIES_LIMIT the filter's data has no summaries (core/export.py);
    the first text search loads them and then finds words that only a summary has."""
    import json
    import urllib.request
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
    page.fill("#ww-filter-tekst", word)
    page.wait_for_selector(f'.ww-filter__lijst li[data-id="{target["id"]}"] .ww-samenvatting', timeout=30_000)
    assert any(u.endswith("elementen-samenvattingen.json") for u in b.requests)
