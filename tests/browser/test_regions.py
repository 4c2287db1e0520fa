"""Regions in a real browser: the kern always, the reader's own text beside it, other
regions' texts labelled as such, notices for regions without text and region-only
elements, the overview's region pre-filter, and redirects that keep query and anchor.

Fictional manual (tests/sitebuilder.py): Regio Noord with its part Dorp, and Regio Zuid.
`goed-overleg` is generic with a text for Dorp; `samen-leren` is only for Regio Zuid.
"""
from __future__ import annotations

import pytest

from sitebuilder import Project, with_body
from reader_helpers import Server

GOOD = "elements/samenwerking/goed-overleg.md"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    good = with_body(GOOD, """\
        Overleg werkt als iedereen aan tafel zit.

        /// regio | dorp
        In Dorp overleggen partners elke week.
        ///

        /// regio | zuid
        In Regio Zuid overleggen partners per maand.
        ///
        """).replace("status: besproken", "status: besproken\naliassen: [oud-overleg]")
    project = Project(tmp_path_factory.mktemp("regions") / "manual", {GOOD: good})
    result = project.build("mkdocs", "--strict")
    assert result.returncode == 0, result.output
    server = Server(result.site)
    yield server
    server.close()


def choose(page, site, region: str) -> None:
    page.goto(site.url(""))
    page.select_option("#ww-mijnregio-keuze", region)


def own_box(page) -> str:
    box = page.locator(".ww-eigen-regio")
    return box.inner_text() if box.is_visible() else ""


def test_the_kern_always_shows_and_the_readers_own_text_beside_it(browse, site):
    page = browse().page
    choose(page, site, "dorp")
    page.goto(site.url("elementen/goed-overleg/"))
    assert page.is_visible("text=Overleg werkt als iedereen aan tafel zit.")  # the kern
    own = own_box(page)
    assert own.startswith("Uw regio: Dorp")
    assert "In Dorp overleggen partners elke week." in own
    assert "Regio Zuid" not in own
    # The other region's text: one click away, and labelled as another region.
    zuid = page.locator("section.ww-invulling[data-regio=zuid]")
    assert not zuid.is_visible()
    toggle = page.locator(".ww-regio-toggle")
    assert toggle.inner_text() == "Toon de invulling in andere regio's (1)"
    toggle.click()
    assert zuid.is_visible()
    assert zuid.locator(".ww-regio-label").inner_text().lower() == "andere regio"
    assert "Invulling in Regio Zuid" in zuid.inner_text()
    # A reload keeps the arrangement.
    page.reload()
    assert "In Dorp overleggen partners elke week." in own_box(page)
    assert not page.locator("section.ww-invulling[data-regio=zuid]").is_visible()


def test_a_region_without_text_is_told_so_and_never_sees_another_regions_text(browse, site):
    page = browse().page
    # The old bug: Material's linked tabs remembered the last label clicked ("Dorp").
    choose(page, site, "zuid")
    page.evaluate("__md_set('__tabs', ['Dorp'])")
    page.goto(site.url("elementen/slecht-overleg/"))
    notice = page.locator(".ww-eigen-regio .ww-regio-niets")
    assert notice.inner_text().startswith("Voor Regio Zuid is hier nog niets beschreven.")
    propose = notice.locator("a")
    assert propose.inner_text() == "Stel een tekst voor uw regio voor"
    assert "elements/samenwerking/slecht-overleg.md" in propose.get_attribute("href")
    assert page.is_visible("text=Zonder overleg loopt het vast.")  # the kern stays
    page.reload()
    assert page.locator(".ww-regio-niets").is_visible()
    # Regio Noord: Dorp is part of it; its text is not shown as Noord's own.
    choose(page, site, "noord")
    page.goto(site.url("elementen/goed-overleg/"))
    assert "Voor Regio Noord is hier nog niets beschreven." in own_box(page)
    assert "In Dorp" not in own_box(page)
    page.click(".ww-regio-toggle")
    label = page.locator("section.ww-invulling[data-regio=dorp] .ww-regio-label").inner_text()
    assert label.lower() == "deel van uw regio"


def test_a_region_only_element_says_whose_it_is(browse, site):
    page = browse().page
    page.goto(site.url("elementen/samen-leren/"))
    static = page.locator(".ww-alleen-regio").inner_text()
    assert static == "Dit element is alleen beschreven voor Regio Zuid."
    choose(page, site, "dorp")
    page.goto(site.url("elementen/samen-leren/"))
    warning = page.locator(".ww-regio-waarschuwing").inner_text()
    assert warning == "Let op: dit element gaat over Regio Zuid, niet over uw regio Dorp."
    assert not page.locator(".ww-regio-niets").count()
    choose(page, site, "zuid")
    page.goto(site.url("elementen/samen-leren/"))
    assert page.locator(".ww-regio-waarschuwing").inner_text() == "Dit element gaat over uw regio."


def test_without_a_region_every_text_shows_under_its_own_heading(browse, site):
    page = browse().page
    choose(page, site, "dorp")
    page.goto(site.url("elementen/goed-overleg/"))
    page.select_option("#ww-mijnregio-keuze", "")  # cleared on the element page itself
    assert not page.locator(".ww-eigen-regio").is_visible()
    for region, heading in [("dorp", "Invulling in Dorp"), ("zuid", "Invulling in Regio Zuid")]:
        section = page.locator(f"section.ww-invulling[data-regio={region}]")
        assert section.is_visible() and heading in section.inner_text()
        assert not section.locator(".ww-regio-label").is_visible()
    assert page.locator(".ww-regio-hint").is_visible()
    page.reload()
    assert page.input_value("#ww-mijnregio-keuze") == ""
    assert page.locator("section.ww-invulling[data-regio=zuid]").is_visible()


def test_a_link_to_another_regions_text_opens_it(browse, site):
    page = browse().page
    choose(page, site, "dorp")
    page.goto(site.url("elementen/goed-overleg/#regio-zuid"))
    assert page.locator("#regio-zuid").is_visible()


def test_the_overview_says_when_it_is_filtered_for_the_readers_region(browse, site):
    page = browse().page
    choose(page, site, "dorp")
    page.goto(site.url("elementen/"))
    page.wait_for_selector(".ww-filter--actief .ww-filter__lijst", state="attached")
    note = page.locator(".ww-filter__regio")
    assert note.inner_text().startswith("Gefilterd op uw regio Dorp (Mijn regio).")
    assert page.is_checked(".ww-filter input[name=regio][value=dorp]")
    # Clearing the filters: the header still says Dorp, and the overview says it does not
    # filter on it now, with the way back.
    page.click(".ww-filter__wis")
    assert page.input_value("#ww-mijnregio-keuze") == "dorp"
    assert note.inner_text().startswith("Uw regio is Dorp. Het overzicht toont nu alle regio")
    page.reload()
    page.wait_for_selector(".ww-filter--actief .ww-filter__lijst", state="attached")
    checked = page.eval_on_selector_all(".ww-filter input:checked", "b => b.length")
    assert checked == 0 and page.locator(".ww-filter__regio").inner_text().startswith("Uw regio is Dorp.")
    page.click(".ww-filter__regioknop")
    assert page.is_checked(".ww-filter input[name=regio][value=dorp]")
    assert page.locator(".ww-filter__regio").inner_text().startswith("Gefilterd op uw regio Dorp")
    # "Mijn regio" cleared: no note, no region filter.
    page.select_option("#ww-mijnregio-keuze", "")
    assert not page.locator(".ww-filter__regio").is_visible()
    assert not page.is_checked(".ww-filter input[name=regio][value=dorp]")


def test_the_region_choice_is_a_labelled_landmark_that_explains_itself(browse, site):
    page = browse().page
    page.goto(site.url(""))
    landmark = page.locator("section.ww-mijnregio-balk")
    assert landmark.get_attribute("aria-label") == "Uw regio kiezen"
    assert landmark.locator("#ww-mijnregio-keuze").count() == 1
    described = page.get_attribute("#ww-mijnregio-keuze", "aria-describedby")
    assert page.inner_text(f"#{described}").startswith("Kies uw regio. Is er een tekst voor uw regio?")


def test_an_alias_redirect_keeps_the_query_and_the_anchor(browse, site):
    page = browse().page
    page.goto(site.url("elementen/oud-overleg/?regio=dorp#kern"))
    page.wait_for_url("**/elementen/goed-overleg/**")
    assert page.evaluate("location.pathname").endswith("/elementen/goed-overleg/")
    assert page.evaluate("location.search") == "?regio=dorp"
    assert page.evaluate("location.hash") == "#kern"


def test_region_choice_and_filter_work_with_the_keyboard_alone_with_visible_focus(browse, site):
    page = browse().page
    page.goto(site.url("elementen/"))
    page.wait_for_selector(".ww-filter--actief .ww-filter__lijst", state="attached")

    def tab_to(selector: str, limit: int = 80) -> None:
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate("s => document.activeElement.matches(s)", selector):
                assert page.evaluate("document.activeElement.matches(':focus-visible')"), selector
                style = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
                assert style != "none", selector
                return
        raise AssertionError(f"{selector} not reachable with Tab")

    tab_to("#ww-mijnregio-keuze")
    page.keyboard.press("ArrowDown")  # the first region
    assert page.input_value("#ww-mijnregio-keuze") == "noord"
    assert page.is_checked(".ww-filter input[name=regio][value=noord]")
    tab_to("#ww-filter-tekst")
    tab_to(".ww-filter__facet > summary")
    tab_to(".ww-filter input[name=soort]")
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.checked")
    assert "gekozen" in page.locator(".ww-filter__facet").first.locator("summary").inner_text()
    tab_to(".ww-filter__wis")
    page.keyboard.press("Enter")
    assert page.eval_on_selector_all(".ww-filter input:checked", "b => b.length") == 0
