"""The filter and 'mijn regio' with Material's instant navigation switched on."""
from __future__ import annotations

import pytest

from reader_helpers import Server
from sitebuilder import BASE_FILES, Project


@pytest.fixture(scope="module")
def instant_site(tmp_path_factory):
    # Material's instant navigation only follows URLs listed in sitemap.xml, which come
    # from site_url: so the server starts first and the site is built for its address.
    root = tmp_path_factory.mktemp("instant") / "manual"
    (root / "site").mkdir(parents=True)
    server = Server(root / "site")
    config = BASE_FILES["mkdocs.yml"].replace(
        "features: [content.tabs.link, content.action.edit]",
        "features: [content.tabs.link, content.action.edit, navigation.instant]").replace(
        "site_url: https://example.org/handboek/", f"site_url: {server.base}")
    assert "navigation.instant" in config and server.base in config
    result = Project(root, {"mkdocs.yml": config}).build("mkdocs", "--strict")
    assert result.returncode == 0, result.output
    yield server
    server.close()


def test_filter_and_region_work_across_instant_navigation(browse, instant_site):
    page = browse().page
    page.goto(instant_site.url(""))
    page.evaluate("window.__sameDocument = true")
    page.select_option("#ww-mijnregio-keuze", "dorp")
    page.click("article a[href$='elementen/']")
    page.wait_for_selector(".ww-filter--actief .ww-filter__lijst", state="attached")
    assert page.evaluate("window.__sameDocument === true"), "navigation was not instant"
    assert page.is_checked(".ww-filter input[name=regio][value=dorp]")
    ids = page.eval_on_selector_all(".ww-filter__lijst > li:not([hidden])", "l => l.map(i => i.dataset.id)")
    assert ids == ["goed-overleg", "slecht-overleg"]
    page.click(".ww-filter__lijst a[href$='goed-overleg/']")
    page.wait_for_selector("#regio-dorp", state="attached")
    assert page.evaluate("window.__sameDocument === true")
    assert page.is_visible("#regio-dorp")
    assert page.input_value("#ww-mijnregio-keuze") == "dorp"
    page.go_back()
    page.wait_for_selector(".ww-filter--actief .ww-filter__lijst", state="attached")
    assert page.is_checked(".ww-filter input[name=regio][value=dorp]")


def test_filter_history_with_instant_navigation(browse, instant_site):
    page = browse().page
    page.goto(instant_site.url("elementen/"))
    page.wait_for_selector(".ww-filter--actief .ww-filter__lijst", state="attached")
    page.check(".ww-filter input[name=soort][value=belemmerend]")
    page.check(".ww-filter input[name=regio][value=zuid]")
    page.go_back()
    page.wait_for_function("!document.querySelector('.ww-filter input[name=regio][value=zuid]').checked")
    assert page.is_checked(".ww-filter input[name=soort][value=belemmerend]")
    ids = page.eval_on_selector_all(".ww-filter__lijst > li:not([hidden])", "l => l.map(i => i.dataset.id)")
    assert ids == ["slecht-overleg"]
    assert page.inner_text(".ww-filter__status") == "1 van 3 elementen"
