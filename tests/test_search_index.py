"""The site search's index (plugins/werkwijze/adapter/search.py): Pagefind, built with the site,
holding the text of elements and chapters, not generated lists; every facet a filter."""
from __future__ import annotations

import pytest

from pagefind_helpers import pagefind_records
from sitebuilder import Project, element_file


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    files = {"elements/leren/in-dorp.md": element_file(
        "Alleen in Dorp gebeurt dit.", titel="Dorpse aanpak", samenvatting="Alleen in Dorp.",
        themas=["leren"], regios=["dorp"])}
    result = Project(tmp_path_factory.mktemp("search") / "manual", files).build()
    assert result.returncode == 0, result.output
    return result.site, pagefind_records(result.site)


def test_the_bundle_is_pagefind_and_no_lunr_index(built):
    site, records = built
    assert (site / "pagefind" / "pagefind.js").is_file()
    assert list((site / "pagefind").glob("wasm.nl.pagefind"))  # Dutch (stemming) from theme.language
    assert not (site / "search" / "search_index.json").exists()
    assert not (site / "pagefind" / "pagefind-ui.js").exists()  # Pagefind's own UI: unused, not published
    page = (site / "index.html").read_text("utf-8")
    assert "data-ww-zoek" in page and 'data-md-component="search"' not in page
    assert "assets/werkwijze/search.js" in page
    assert records


def test_an_element_record_has_its_text_summary_and_every_facet_as_filter(built):
    _, records = built
    goed = records["/elementen/goed-overleg/"]
    assert goed["meta"]["title"] == "Goed overleg"
    assert goed["meta"]["summary"] == "Partners overleggen vaak en open."
    assert goed["meta"]["badge"] and goed["meta"]["soort"] == "werkzaam"
    assert goed["content"].startswith("Goed overleg Partners overleggen vaak en open.")  # no badge first
    assert goed["meta"]["badge"] not in goed["content"]
    for text in ("Overleg werkt als iedereen aan tafel zit.", "In Dorp overleggen partners elke week.",
                 "Hoe vaak overlegt u?"):
        assert text in goed["content"]
    # Generated parts stay out: headings of lists, facet labels, related titles, sources.
    for text in ("Kenmerken", "Gerelateerde elementen", "Slecht overleg", "Samen leren", "Testbron"):
        assert text not in goed["content"], text
    assert goed["filters"]["Soort"] == ["Werkzaam"]
    assert goed["filters"]["Thema"] == ["Samenwerking"]
    assert set(goed["filters"]) >= {"Soort", "Thema", "Regio", "Betrokkene", "Perspectief", "Status"}


def test_the_region_filter_counts_as_the_site_does(built):
    _, records = built
    # Generic: holds in every region. Dorp lies in Noord: found under both, not under Zuid.
    assert sorted(records["/elementen/goed-overleg/"]["filters"]["Regio"]) == ["Dorp", "Regio Noord", "Regio Zuid"]
    assert sorted(records["/elementen/in-dorp/"]["filters"]["Regio"]) == ["Dorp", "Regio Noord"]


def test_chapters_are_indexed_and_generated_lists_are_not(built):
    _, records = built
    chapter = records["/hoofdstuk/"]
    assert chapter["meta"]["title"] == "Hoofdstuk" and "Lees Goed overleg." in chapter["content"]
    assert "Partners overleggen vaak" not in chapter["content"]  # the directive's list
    theme = records["/themas/samenwerking/"]  # a facet page: title and description only
    assert "Samenwerking" in theme["content"] and "Goed overleg" not in theme["content"]
    assert "Goed overleg" not in records["/elementen/"]["content"]  # the overview lists, search finds
    assert "/werkkaarten/" in records and "Goed overleg" not in records["/werkkaarten/"]["content"]
    assert all(not r["filters"] for url, r in records.items() if not url.startswith("/elementen/")
               or url == "/elementen/")  # filters narrow to elements


def test_without_pagefind_the_build_fails_in_dutch_with_the_fix(project, monkeypatch, tmp_path):
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "geen-pagefind"))
    result = project().build()
    assert result.returncode != 0
    assert "Pagefind, het programma dat de zoekfunctie maakt, ontbreekt" in result.output
    assert "pip install -e ." in result.output
