"""Engines (b), ProperDocs + mkdocs-materialx, and (c), Zensical from `werkwijze export`,
in Chromium (issue #19): the overview filter, the region choice and the Pagefind search
work as on Material (their full journeys run on Material in test_filter.py,
test_regions.py and test_search.py). Fictional manual (tests/sitebuilder.py) with a
regional text for Dorp."""
from __future__ import annotations

import json
import urllib.request

import pytest

from engines import (MATERIALX_BIN, publish, require_materialx, served_at_site_path, use_materialx,
                     zensical)
from reader_helpers import Server, open_search
from sitebuilder import Project, with_body

GOOD = "elements/samenwerking/goed-overleg.md"


def _manual(folder):
    good = with_body(GOOD, "Overleg werkt als iedereen aan tafel zit.\n\n/// regio | dorp\n"
                           "In Dorp overleggen partners elke week.\n///\n")
    return Project(folder / "manual", {GOOD: good}).root


class Site:
    """A served site and the path it lives under (Zensical's: the path of site_url)."""

    def __init__(self, server: Server, path: str = ""):
        self.server, self.path = server, path

    def url(self, address: str = "") -> str:
        return self.server.url(self.path + address)


@pytest.fixture(scope="module", params=["materialx", "zensical"])
def site(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp(request.param)
    manual = _manual(folder)
    if request.param == "materialx":
        require_materialx()
        use_materialx(manual)
        served = Site(Server(publish(manual, MATERIALX_BIN)))
    else:
        root, path = served_at_site_path(zensical(manual, folder / "export"), manual, folder / "served")
        served = Site(Server(root), path)
    yield served
    served.server.close()


def test_filter_works(browse, site):
    page = browse().page
    with urllib.request.urlopen(site.url("elementen.json")) as response:
        records = json.load(response)["elementen"]
    expected = sorted(r["id"] for r in records if r["soort"] == "belemmerend")
    page.goto(site.url("elementen/?soort=belemmerend"))
    page.wait_for_selector(".ww-filter--actief .ww-filter__lijst", state="attached")
    shown = page.eval_on_selector_all(".ww-filter__lijst:not([hidden]) > li:not([hidden])",
                                      "items => items.map(i => i.dataset.id)")
    assert expected and sorted(shown) == expected


def test_region_choice_works(browse, site):
    page = browse().page
    page.goto(site.url(""))
    page.select_option("#ww-mijnregio-keuze", "dorp")
    page.goto(site.url("elementen/goed-overleg/"))
    own = page.locator(".ww-eigen-regio")
    assert own.is_visible() and "In Dorp overleggen partners elke week." in own.inner_text()


def test_search_works(browse, site):
    page = browse().page
    page.goto(site.url(""))
    open_search(page, "overleg")
    titles = [i.locator("a").first.inner_text() for i in page.locator(".ww-zoek__item").all()]
    assert "Goed overleg" in titles
    page.locator(".ww-zoek__item a", has_text="Goed overleg").first.click()
    page.wait_for_url("**/elementen/goed-overleg/")
    assert page.locator("#kern").count() == 1  # the result leads to the page itself
