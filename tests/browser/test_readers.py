"""'Mijn regio', perspectives on entries, and Dutch search, in a real browser."""
from __future__ import annotations

from urllib.parse import parse_qs

from reader_helpers import open_search

ELEMENT_WITH_TABS = "elementen/goed-overleg/"  # base fixture: has a text for Dorp


def own_region(page) -> str:
    """What the element page shows as the reader's own region ('' when nothing)."""
    box = page.locator(".ww-eigen-regio")
    return box.inner_text() if box.is_visible() else ""


def test_region_choice_persists_shows_the_own_text_and_the_region_facet(browse, corpus_site):
    page = browse().page
    page.goto(corpus_site.url(""))
    control = page.locator(".ww-mijnregio")
    assert control.is_visible()
    assert page.locator("label[for=ww-mijnregio-keuze]").inner_text() == "Mijn regio"
    page.select_option("#ww-mijnregio-keuze", "dorp")
    assert page.inner_text(".ww-mijnregio__melding") == "Uw regio is nu Dorp."

    page.goto(corpus_site.url(ELEMENT_WITH_TABS))
    assert page.input_value("#ww-mijnregio-keuze") == "dorp"
    assert own_region(page).startswith("Uw regio: Dorp")
    assert page.is_visible("#regio-dorp") and page.is_visible("#kern")

    page.goto(corpus_site.url("elementen/"))
    page.wait_for_selector(".ww-filter--actief .ww-filter__lijst", state="attached")
    assert page.is_checked('.ww-filter input[name=regio][value=dorp]')
    assert parse_qs(page.evaluate("location.search.slice(1)")) == {"regio": ["dorp"]}
    # An explicit region in the URL wins over the reader's own region.
    page.goto(corpus_site.url("elementen/?regio=zuid"))
    page.wait_for_selector(".ww-filter--actief .ww-filter__lijst", state="attached")
    assert page.is_checked('.ww-filter input[name=regio][value=zuid]')
    assert not page.is_checked('.ww-filter input[name=regio][value=dorp]')

    # Clearing the choice: no own region, every text under its heading, no region facet.
    page.select_option("#ww-mijnregio-keuze", "")
    assert page.inner_text(".ww-mijnregio__melding") == "Geen regio gekozen."
    page.goto(corpus_site.url(ELEMENT_WITH_TABS))
    assert page.input_value("#ww-mijnregio-keuze") == ""
    assert own_region(page) == "" and page.is_visible("#regio-dorp")
    page.goto(corpus_site.url("elementen/"))
    page.wait_for_selector(".ww-filter--actief .ww-filter__lijst", state="attached")
    assert page.eval_on_selector_all(".ww-filter input:checked", "b => b.length") == 0


def test_changing_the_region_on_an_element_page_rearranges_it(browse, corpus_site):
    page = browse().page
    page.goto(corpus_site.url(ELEMENT_WITH_TABS))
    assert own_region(page) == ""
    page.focus("#ww-mijnregio-keuze")
    page.select_option("#ww-mijnregio-keuze", "dorp")
    assert own_region(page).startswith("Uw regio: Dorp")
    page.select_option("#ww-mijnregio-keuze", "zuid")
    assert own_region(page).startswith("Uw regio: Regio Zuid")
    assert "Voor Regio Zuid is hier nog niets beschreven." in own_region(page)
    assert not page.is_visible("#regio-dorp")  # another region's text: behind its button


def test_entries_show_who_is_involved_and_whose_experience(browse, real_site):
    page = browse().page
    page.goto(real_site.url("elementen/"))
    page.wait_for_selector(".ww-filter--actief .ww-filter__lijst", state="attached")
    first = page.locator(".ww-filter__lijst .ww-entry").first.locator(".ww-wie").inner_text()
    assert first.startswith("Betrokkenen: ") and "Perspectieven: " in first
    page.goto(real_site.url("themas/partnerschap/"))
    assert "Betrokkenen: " in page.locator(".ww-entry .ww-wie").first.inner_text()
    page.goto(real_site.url("elementen/belangen-bespreken/"))
    assert page.locator(".ww-kenmerken dt", has_text="Perspectieven").count() == 1


def test_search_finds_elements_by_title_and_summary_and_shows_their_soort(browse, real_site):
    page = browse().page
    page.goto(real_site.url(""))
    open_search(page, "belangen boven tafel")
    first = page.locator(".ww-zoek__item").first
    assert "Verschillende belangen boven tafel krijgen" in first.inner_text()
    assert "Werkzaam element" in first.inner_text()
    # by a word that appears only in the samenvatting
    open_search(page, "voorwaarde partnerschap")
    assert "belangen" in page.locator(".ww-zoek__item").first.inner_text().lower()


def test_a_new_reader_finds_what_hinders_work_with_the_municipality_in_their_region(browse, real_site):
    """The issue's 'done when': a few clicks from the start page. (The real content has no
    regional text yet, so it offers no region choice: every element holds in Katwijk.)"""
    import json
    import urllib.request

    from truth import select
    with urllib.request.urlopen(real_site.url("elementen.json")) as response:
        data = json.load(response)
    page = browse().page
    page.goto(real_site.url(""))
    page.click(".md-nav a[href$='elementen/']")                            # 1, 2
    page.wait_for_selector(".ww-filter--actief .ww-filter__lijst", state="attached")
    page.check(".ww-filter input[name=soort][value=belemmerend]")          # 3
    page.check(".ww-filter input[name=betrokkene][value=gemeente]")        # 4
    expected = select(data, {"soort": ["belemmerend"], "betrokkene": ["gemeente"], "regio": ["katwijk"]})
    assert expected, "the real content has such elements"
    shown = page.eval_on_selector_all(".ww-filter__lijst > li", "l => l.map(i => i.dataset.id)")
    assert shown == expected
