"""The search text of a page (plugins/werkwijze/adapter/search.py html_text): the fast tokenizer
gives exactly the text of the HTMLParser reference, on every page of a real build and
on markup MkDocs does not write itself."""
from __future__ import annotations

import re

import pytest

from sitebuilder import Project
from werkwijze.adapter.search import html_text, html_text_reference

ODD = [
    '<p class="x ww-wie">Wie</p><p>Tekst &amp; meer &lt;b&gt;</p>',
    "<div><p>Open<p>zonder sluiten</div><br/>na<br>regel",
    '<script>if (a < b) { x = "<p>" }</script><p>na het script</p>',
    "<!-- <p>commentaar</p> --><p>zichtbaar</p><?pi ?><!DOCTYPE html>",
    '<span hidden>verborgen</span><SPAN CLASS="headerlink">¶</SPAN><em data-x=\'a>b\'>ja</em>',
    '<div data-ww-stash="wwstashL0"></div><h2>Kop</h2><h3 id=a>Sub</h3><p>tekst</p>',
    "a < b en c > d, &eacute;&#233;&#xe9; 1 &amp",
    '<ul class="ww-lijst"><li><a href="x">Lijst</a></li></ul><details><summary>S</summary>D</details>',
]


@pytest.mark.parametrize("html", ODD)
@pytest.mark.parametrize("skip_headings", [False, True])
def test_odd_markup_gives_the_reference_text(html, skip_headings):
    assert html_text(html, skip_headings) == html_text_reference(html, skip_headings)


def test_every_page_of_a_build_gives_the_reference_text(tmp_path):
    result = Project(tmp_path / "manual").build()
    assert result.returncode == 0, result.output
    pages = sorted(result.site.rglob("*.html"))
    assert len(pages) > 10
    for path in pages:
        html = path.read_text("utf-8")
        article = re.search(r"<article[^>]*>(.*)</article>", html, re.S)
        for chunk in (html, article.group(1) if article else ""):
            for skip in (False, True):
                assert html_text(chunk, skip) == html_text_reference(chunk, skip), path
