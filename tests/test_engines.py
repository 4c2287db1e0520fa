"""Engines (issue #19): a manual builds with the same URLs and pages on (a) MkDocs +
Material for MkDocs, (b) ProperDocs + mkdocs-materialx and (c) Zensical (from
`werkwijze export`), with no broken address (`werkwijze publiceer` checks (a) and (b);
the link checker checks (c)). The browser side (filter, region choice, search on (b) and
(c)): tests/browser/test_engines_browser.py.
"""
from __future__ import annotations

import re
import shutil
from html import unescape
from pathlib import Path

import pytest
import yaml

from engines import (MATERIAL_BIN, MATERIALX_BIN, REPO, copy_this_manual, page_urls, publish,
                     require_materialx, use_materialx, zensical)
from sitebuilder import Project, with_body

from werkwijze.publish.linkcheck import check_links

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
def engines(request, tmp_path_factory):
    """The manual's site on (a), (b) and (c), and its site_url."""
    require_materialx()
    folder = tmp_path_factory.mktemp("engines")
    a = Path(MANUALS[request.param](folder / "a"))
    b = Path(MANUALS[request.param](folder / "b"))
    use_materialx(b)
    site_url = yaml.safe_load((a / "mkdocs.yml").read_text("utf-8"))["site_url"]
    c = zensical(a, folder / "c")
    return request.param, site_url, publish(a, MATERIAL_BIN), publish(b, MATERIALX_BIN), c


def _article(html: str) -> str:
    return html[html.index("<article"):html.index("</article>")]


def test_same_pages_on_every_engine(engines):
    _, _, a, b, c = engines
    assert page_urls(a) == page_urls(b) == page_urls(c)
    assert {p.name for p in a.iterdir()} == {p.name for p in b.iterdir()}  # data files too
    # Zensical: the site's own files too (publiceer adds its CSP and marker files, Zensical
    # writes no gzipped sitemap and adds its own assets).
    published = {"csp-header.txt", ".werkwijze-publicatie", "sitemap.xml.gz"}
    assert {p.name for p in a.iterdir()} - published <= {p.name for p in c.iterdir()}


def test_each_engine_is_the_one_it_claims(engines):
    _, _, a, b, c = engines
    assert "materialx" not in (a / "index.html").read_text("utf-8").lower()
    assert re.search(r"materialx", (b / "index.html").read_text("utf-8"), re.I)
    assert re.search(r'name="generator" content="zensical', (c / "index.html").read_text("utf-8"), re.I)


def test_no_broken_link_or_anchor_on_zensical(engines):
    _, site_url, _, _, c = engines
    broken, checked = check_links(c, site_url)
    assert checked > 50 and broken == []


def test_element_pages_have_kern_related_and_citation_on_every_engine(engines):
    name, _, a, b, c = engines
    for site in (a, b, c):
        pages = [p for p in (site / "elementen").glob("*/index.html")
                 if 'http-equiv="refresh"' not in p.read_text("utf-8")[:3000]]
        assert pages
        for page in pages:
            html = unescape(page.read_text("utf-8"))  # Zensical escapes "/" in attributes
            assert 'id="kern"' in html or 'id="core"' in html, page
            assert 'class="ww-verwijzing-tekst"' in html, page
            # Every generated part (related elements, facets, sources) as on (a).
            mine = _article(html).count('class="ww-')
            assert mine == _article(unescape((a / page.relative_to(site)).read_text("utf-8"))).count('class="ww-'), page
        if name == "fictional manual with regions":
            html = unescape((site / "elementen" / "goed-overleg" / "index.html").read_text("utf-8"))
            assert "In Dorp overleggen partners elke week." in html
            assert re.search(r'href="(\.\./|/handboek/elementen/)slecht-overleg/"', html)  # a related element
