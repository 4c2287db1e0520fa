"""WCAG 2.2 AA and best practices with axe-core on every page type of the test manuals,
and the Nu Html Checker on the built site."""
from __future__ import annotations

import subprocess

import pytest

from reader_helpers import axe_violations, open_search, vnu_command


REAL_PAGES = {
    "start": "",
    "chapter": "partnerschap/",
    "facet page": "themas/partnerschap/",
    "region page": "regios/katwijk/",
    "element": "elementen/belangen-bespreken/",
}


@pytest.mark.parametrize("kind", list(REAL_PAGES))
def test_axe_reports_no_violations(browse, real_site, axe_source, kind):
    page = browse().page
    page.goto(real_site.url(REAL_PAGES[kind]))
    assert axe_violations(page, axe_source) == []


def test_axe_overview_with_filters_set(browse, real_site, axe_source):
    page = browse().page
    page.goto(real_site.url("elementen/?soort=belemmerend&regio=katwijk&tekst=rol"))
    page.wait_for_selector(".ww-filter--actief .ww-filter__lijst", state="attached")
    assert axe_violations(page, axe_source) == []
    page.goto(real_site.url("elementen/?soort=belemmerend&tekst=geen-zulk-element"))
    page.wait_for_selector(".ww-filter__leeg:not([hidden])")
    assert axe_violations(page, axe_source) == []


def test_axe_element_with_regional_texts(browse, corpus_site, axe_source):
    page = browse().page
    page.goto(corpus_site.url(""))
    page.select_option("#ww-mijnregio-keuze", "dorp")
    page.goto(corpus_site.url("elementen/goed-overleg/"))
    assert page.is_visible("#regio-dorp")
    assert axe_violations(page, axe_source) == []


def test_axe_search_open(browse, real_site, axe_source):
    page = browse().page
    page.goto(real_site.url(""))
    open_search(page, "belangen")
    assert axe_violations(page, axe_source) == []


def test_nu_html_checker_finds_no_errors(real_site, corpus_site):
    command = vnu_command()
    # The whole real site, and the corpus pages of each kind (checking 1,000 alike pages adds nothing).
    corpus = corpus_site.root
    sample = [corpus / p / "index.html" for p in ["", "elementen", "elementen/goed-overleg",
                                                   "elementen/test-0001", "regios/dorp", "hoofdstuk"]]
    proc = subprocess.run([*command, "--errors-only", "--skip-non-html", str(real_site.root),
                           *map(str, sample)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
