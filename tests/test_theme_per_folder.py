"""Theme parts the plugin renders once instead of on every page (a big manual's build
time): the footer links' pages are looked up once (theme.py footer_pages), and the nav,
Material's JSON config and the script tags are kept per folder for pages outside the nav
(adapter/templatememo.py). A real build of a small fictional manual shows the pages keep
what each needs: their own relative links, and the active mark in the nav."""
from __future__ import annotations

import re
import textwrap
from types import SimpleNamespace

import pytest

from sitebuilder import BASE_FILES, Project
from werkwijze.adapter.templatememo import TemplateMemo

FILES = {
    "mkdocs.yml": textwrap.dedent(BASE_FILES["mkdocs.yml"]) + textwrap.dedent("""\
        extra:
          werkwijze_voetlinks: [privacy.md]
        not_in_nav: |
          /privacy.md
        """),
    "docs/privacy.md": "# Privacyverklaring\n\nFictieve tekst voor tests.\n",
}

_NAV = re.compile(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>', re.S)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    result = Project(tmp_path_factory.mktemp("memo") / "manual", FILES).build()
    assert result.returncode == 0, result.output[-3000:]
    return result


def _footer_links(html: str) -> list[tuple[str, str]]:
    block = re.search(r'<div class="md-copyright__highlight ww-voetlinks">(.*?)</div>', html, re.S)
    assert block, "no footer links"
    return re.findall(r'<a href="([^"]+)">([^<]+)</a>', block.group(1))


@pytest.mark.parametrize("url, href", [
    ("", "privacy/"),
    ("hoofdstuk/", "../privacy/"),
    ("elementen/goed-overleg/", "../../privacy/"),
    ("themas/samenwerking/", "../../privacy/"),
])
def test_footer_links_on_every_kind_of_page(site, url, href):
    assert _footer_links(site.page(url)) == [(href, "Privacyverklaring")]


def test_nav_of_pages_outside_the_nav_is_theirs(site):
    first = _NAV.search(site.page("elementen/goed-overleg/")).group(0)
    second = _NAV.search(site.page("elementen/slecht-overleg/")).group(0)
    assert first == second  # one folder: the same nav
    assert "md-nav__link--active" not in first
    assert 'href="../../hoofdstuk/"' in first and 'href="../"' in first  # the overview: elementen/
    facet = _NAV.search(site.page("themas/samenwerking/")).group(0)
    assert 'href="../../elementen/"' in facet  # another folder: its own relative links


def test_pages_in_the_nav_are_marked_active(site):
    chapter = _NAV.search(site.page("hoofdstuk/")).group(0)
    overview = _NAV.search(site.page("elementen/")).group(0)
    assert "md-nav__link--active" in chapter
    assert chapter != overview
    assert "md-nav__link--active" in overview


def _page(url: str):
    return SimpleNamespace(url=url)


def test_memo_renders_pages_that_are_in_the_nav_or_prefix_a_target():
    in_nav = _page("hoofdstuk/")
    nav = SimpleNamespace(pages=[in_nav], items=[in_nav, SimpleNamespace(url="regios/noord/", children=None)],
                          homepage=_page(""))
    memo, calls = TemplateMemo(), []

    def render():
        calls.append(1)
        return f"nav {len(calls)}"
    assert memo("nav", _page("elementen/a/"), nav, render) == "nav 1"
    assert memo("nav", _page("elementen/b/"), nav, render) == "nav 1"  # same folder: kept
    assert memo("nav", _page("themas/x/"), nav, render) == "nav 2"  # another folder
    assert memo("nav", in_nav, nav, render) == "nav 3"  # in the nav: its own
    assert memo("nav", in_nav, nav, render) == "nav 4"
    assert memo("nav", _page("regios/"), nav, render) == "nav 5"  # its URL starts a target's
    assert memo("nav", _page("regios/"), nav, render) == "nav 6"
    new_nav = SimpleNamespace(pages=[], items=[], homepage=None)  # the next build (serve)
    assert memo("nav", _page("elementen/a/"), new_nav, render) == "nav 7"
