"""The element page's Onderbouwing, the 'afgeleid' label on derived links, and the region
texts that claim nothing the sources do not say (issue 12), on fictional manuals."""
import re

import pytest

from sitebuilder import BASE_FILES, Project
from werkwijze.core.model.schema import default_schema_text

from test_build_pages import article, section, text as _text


def text(html: str) -> str:
    """Text as read: no space before punctuation where a tag ended."""
    return re.sub(r" ([.,)])", r"\1", _text(html))

DERIVED_SCHEMA = (default_schema_text()
                  .replace("    label: Bronnen\n", "    label: Bronnen\n    explained_in: uitleg.md\n", 1)
                  .replace("    label: Helpt tegen\n",
                           "    label: Helpt tegen\n    derived: true\n    explained_in: uitleg.md#afgeleid\n", 1)
                  # a role field is shown under the manual's own label (issue 23)
                  .replace("    label: Status\n", "    label: Sterkte van bewijs\n", 1))
assert DERIVED_SCHEMA != default_schema_text()

GROUNDED = {
    "schema/element.yml": DERIVED_SCHEMA,
    "docs/uitleg.md": "# Uitleg\n\n## Afgeleid {#afgeleid}\n\nFictieve uitleg.\n",
    "data/perspectieven.yml": """\
        - id: professionals
          naam: Professionals
        - id: gezinnen
          naam: Gezinnen
        - id: makers
          naam: Makers
          ervaring: nee
        """,
    "data/statussen.yml": """\
        - id: concept
          naam: Concept
          omschrijving: Een fictieve eerste versie.
        - id: besproken
          naam: Besproken
          omschrijving: Fictief besproken in een test.
        - id: vastgesteld
          naam: Vastgesteld
        """,
    # The base data with a description for the kind of source and for the source itself.
    "data/brontypen.yml": BASE_FILES["data/brontypen.yml"].replace(
        "naam: Factsheet\n", "naam: Factsheet\n          omschrijving: Een fictief kort overzicht.\n"),
    "data/bronnen.yml": BASE_FILES["data/bronnen.yml"].rstrip(" ")
    + "          omschrijving: Wat deze fictieve bron zegt en niet zegt.\n",
    "elements/leren/samen-leren.md": """\
        ---
        titel: Samen leren
        soort: werkzaam
        samenvatting: Teams leren van elkaar.
        themas: [leren]
        betrokkenen: [professional]
        perspectieven: [makers]
        regios: [zuid]
        bronnen: [testbron]
        status: vastgesteld
        ---
        Leren gaat samen beter.
        """,
}


@pytest.fixture(scope="module")
def grounded(tmp_path_factory):
    result = Project(tmp_path_factory.mktemp("grounds") / "manual", GROUNDED).build()
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="module")
def plain(tmp_path_factory):
    """The base manual: the package's default schema (no derived field), no chapter on it."""
    result = Project(tmp_path_factory.mktemp("plain") / "manual").build()
    assert result.returncode == 0, result.output
    return result


ELEMENTS = ["goed-overleg", "slecht-overleg", "samen-leren"]


def headings(html: str) -> list[str]:
    return re.findall(r'<h2 id="([^"]+)"', html)


def grounds_of(html: str) -> str:
    """The short grounds under the sources (fragments/grounds.md)."""
    start = html.index('<div class="ww-onderbouwing" id="onderbouwing">')
    return html[start:html.index("</div>", start)]


@pytest.mark.parametrize("element", ELEMENTS)
def test_every_element_page_puts_its_substance_before_its_sources_and_grounds(grounded, plain, element):
    """Issue 20: the kern, related elements and questions first; the sources once, with the
    grounds in short below them."""
    for site in (grounded, plain):
        html = article(site.page(f"elementen/{element}/"))
        order = headings(html)
        assert order[0] == "kern" and "bronnen" in order, order
        assert not {"kern", "regionaal", "helpt-tegen", "wat-helpt", "gerelateerd",
                    "reflectievragen"} & set(order[order.index("bronnen"):]), order
        assert html.index('id="bronnen"') < html.index('id="onderbouwing"')


def test_grounds_name_the_status_and_what_is_not_known_and_sources_are_cited_once(grounded):
    html = article(grounded.page("elementen/goed-overleg/"))
    words = text(grounds_of(html))
    assert "Sterkte van bewijs: Besproken — Fictief besproken in een test." in words
    assert "Regio: nog niet per regio beschreven." in words
    assert '<a href="../../uitleg/">Meer over de onderbouwing</a>' in grounds_of(html)
    # Professionals is someone's experience: nothing to say about it.
    assert "uit wiens ervaring" not in words
    sources = section(html, "bronnen")
    assert "<em>Een fictieve testbron</em>" in sources
    assert '<a href="../../bronnen/#testbron">Over deze bron</a>' in sources
    assert html.count("Een fictieve testbron") == 1  # provenance once
    # The source's long description is on the sources page, not on every element.
    assert "Wat deze fictieve bron zegt en niet zegt." not in html
    assert "Wat deze fictieve bron zegt en niet zegt." in text(article(grounded.page("bronnen/")))


def test_grounds_say_only_what_the_data_hold(grounded):
    words = text(grounds_of(article(grounded.page("elementen/samen-leren/"))))
    assert "Sterkte van bewijs: Vastgesteld" in words and "Vastgesteld —" not in words  # no description
    assert "nog niet per regio beschreven" not in words  # described for Regio Zuid
    # Its only perspective says it is nobody's experience (`ervaring: nee`).
    assert "De bronnen zeggen niet uit wiens ervaring dit komt." in words
    # No perspectives at all: the same.
    assert "De bronnen zeggen niet uit wiens ervaring dit komt." in text(
        grounds_of(article(grounded.page("elementen/slecht-overleg/"))))


def test_without_a_chapter_the_grounds_link_nowhere(plain):
    grounds = grounds_of(article(plain.page("elementen/goed-overleg/")))
    assert "Meer over de onderbouwing" not in grounds


def test_derived_links_are_labelled_on_both_pages(grounded):
    label = '<a class="ww-afgeleid" href="../../uitleg/#afgeleid"'
    helps = section(article(grounded.page("elementen/goed-overleg/")), "helpt-tegen")
    assert re.search(r'data-id="slecht-overleg"><a href="[^"]+">Slecht overleg</a> ' + re.escape(label), helps)
    helped = section(article(grounded.page("elementen/slecht-overleg/")), "wat-helpt")
    assert re.search(r'data-id="goed-overleg"><a href="[^"]+">Goed overleg</a> ' + re.escape(label), helped)
    assert ">afgeleid</a>" in helped
    # Only the derived field: related elements carry no label.
    assert "ww-afgeleid" not in section(article(grounded.page("elementen/goed-overleg/")), "gerelateerd")


def test_a_manual_without_the_flag_shows_no_label(plain):
    for element in ELEMENTS:
        assert "ww-afgeleid" not in plain.page(f"elementen/{element}/")


def test_a_derived_field_without_its_chapter_is_labelled_without_a_link(tmp_path):
    files = {**GROUNDED, "docs/uitleg.md": None}
    result = Project(tmp_path / "m", files).build()
    assert result.returncode == 0, result.output
    helps = section(article(result.page("elementen/goed-overleg/")), "helpt-tegen")
    assert '<span class="ww-afgeleid"' in helps and ">afgeleid</span>" in helps
    assert "uitleg" not in helps
    assert "Meer over de onderbouwing" not in result.page("elementen/goed-overleg/")


def test_the_region_index_counts_only_what_is_described_for_each_region(plain):
    words = text(article(plain.page("regios/")))
    assert "Regio Zuid (1 element voor deze regio beschreven)" in words
    assert "Regio Noord (nog geen elementen alleen voor deze regio)" in words
    # The themes still count every element.
    assert "Samenwerking (2 elementen)" in text(article(plain.page("themas/")))


def test_a_region_page_claims_nothing_for_the_region(plain):
    page = article(plain.page("regios/zuid/"))
    assert "Alleen voor Regio Zuid beschreven" in text(section(page, "eigen"))
    generic = text(section(page, "generiek"))
    assert "Nog niet per regio beschreven" in generic
    assert "Of ze in Regio Zuid zo werken, zeggen de bronnen niet." in generic
    empty = text(section(article(plain.page("regios/noord/")), "eigen"))
    assert "de bronnen noemen nog geen elementen die alleen voor Regio Noord gelden" in empty


def test_the_overview_sentence_names_each_facet_in_the_singular(plain):
    words = text(article(plain.page("elementen/")))
    assert ("U kunt ze ook bekijken per soort, thema, regio, betrokkene, perspectief of status. "
            "U kunt ze ook downloaden als tabel (CSV) of als JSON-bestand.") in words


def test_the_sources_page_explains_the_kind_of_source(grounded, plain):
    assert "Soort bron: Factsheet — Een fictief kort overzicht." in text(article(grounded.page("bronnen/")))
    words = text(article(plain.page("bronnen/")))
    assert "Soort bron: Factsheet" in words and "Factsheet —" not in words
