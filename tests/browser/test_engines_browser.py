"""Engine (b), ProperDocs + mkdocs-materialx, in Chromium (issue #19): the overview filter,
the region choice and the Pagefind search work as on Material (their full journeys run on
Material in test_filter.py, test_regions.py and test_search.py). Fictional manual
(tests/sitebuilder.py) with a regional text for Dorp."""
from __future__ import annotations

import json
import urllib.request

import pytest

from engines import MATERIALX_BIN, publish, require_materialx, use_materialx
from reader_helpers import Server, open_search
from sitebuilder import Project, with_body

GOOD = "elements/samenwerking/goed-overleg.md"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    require_materialx()
    good = with_body(GOOD, "Overleg werkt als iedereen aan tafel zit.\n\n/// regio | dorp\n"
                           "In Dorp overleggen partners elke week.\n///\n")
    manual = Project(tmp_path_factory.mktemp("materialx") / "manual", {GOOD: good}).root
    use_materialx(manual)
    server = Server(publish(manual, MATERIALX_BIN))
    yield server
    server.close()


def test_filter_works_on_materialx(browse, site):
    page = browse().page
    with urllib.request.urlopen(site.url("elementen.json")) as response:
        records = json.load(response)["elementen"]
    expected = sorted(r["id"] for r in records if r["soort"] == "belemmerend")
    page.goto(site.url("elementen/?soort=belemmerend"))
    page.wait_for_selector(".ww-filter--actief .ww-filter__lijst", state="attached")
    shown = page.eval_on_selector_all(".ww-filter__lijst:not([hidden]) > li:not([hidden])",
                                      "items => items.map(i => i.dataset.id)")
    assert expected and sorted(shown) == expected


def test_region_choice_works_on_materialx(browse, site):
    page = browse().page
    page.goto(site.url(""))
    page.select_option("#ww-mijnregio-keuze", "dorp")
    page.goto(site.url("elementen/goed-overleg/"))
    own = page.locator(".ww-eigen-regio")
    assert own.is_visible() and "In Dorp overleggen partners elke week." in own.inner_text()


def test_search_works_on_materialx(browse, site):
    page = browse().page
    page.goto(site.url(""))
    open_search(page, "overleg")
    titles = [i.locator("a").first.inner_text() for i in page.locator(".ww-zoek__item").all()]
    assert "Goed overleg" in titles
