"""Engines (issue #19): a manual builds with the same URLs and pages on (a) MkDocs +
Material for MkDocs and (b) ProperDocs + mkdocs-materialx, with no broken address
(`werkwijze publiceer` checks every one). The browser side (filter, region choice, search on
(b)): tests/browser/test_engines_browser.py. Zensical: see README (not yet an engine here).
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from engines import (MATERIAL_BIN, MATERIALX_BIN, REPO, copy_this_manual, page_urls, publish,
                     require_materialx, use_materialx)
from sitebuilder import Project, with_body

GOOD = "elements/samenwerking/goed-overleg.md"


def _fixture_manual(root: Path) -> Path:
    """The fictional test manual with a regional text (tests/sitebuilder.py)."""
    good = with_body(GOOD, "Overleg werkt als iedereen aan tafel zit.\n\n/// regio | dorp\n"
                           "In Dorp overleggen partners elke week.\n///\n")
    return Project(root, {GOOD: good}).root


MANUALS = {
    "this manual": lambda root: copy_this_manual(root),
    "English test manual": lambda root: shutil.copytree(REPO / "tests" / "manuals" / "english", root),
    "fictional manual with regions": _fixture_manual,
}


@pytest.fixture(scope="module", params=list(MANUALS))
def both(request, tmp_path_factory):
    require_materialx()
    folder = tmp_path_factory.mktemp("engines")
    a = MANUALS[request.param](folder / "a")
    b = MANUALS[request.param](folder / "b")
    b = Path(b)
    use_materialx(b)
    return request.param, publish(Path(a), MATERIAL_BIN), publish(b, MATERIALX_BIN)


def test_same_pages_on_both_engines(both):
    _, a, b = both
    assert page_urls(a) == page_urls(b)
    assert {p.name for p in a.iterdir()} == {p.name for p in b.iterdir()}  # data files too


def test_b_is_built_by_materialx(both):
    _, a, b = both
    assert "materialx" not in (a / "index.html").read_text("utf-8").lower()
    assert re.search(r"materialx", (b / "index.html").read_text("utf-8"), re.I)


def test_element_pages_have_kern_related_and_citation_on_both(both):
    name, a, b = both
    for site in (a, b):
        pages = [p for p in (site / "elementen").glob("*/index.html")
                 if 'http-equiv="refresh"' not in p.read_text("utf-8")[:3000]]
        assert pages
        for page in pages:
            html = page.read_text("utf-8")
            assert 'id="kern"' in html or 'id="core"' in html, page
            assert 'class="ww-verwijzing-tekst"' in html, page
        if name == "fictional manual with regions":
            html = (site / "elementen" / "goed-overleg" / "index.html").read_text("utf-8")
            assert "In Dorp overleggen partners elke week." in html
            assert 'href="../slecht-overleg/"' in html  # a related element
