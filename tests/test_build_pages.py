"""Real builds of a small fictional manual (built once for this module), inspected as
HTML and JSON: element pages, overviews, facet pages, chapters, nav, edit links, and the
open data. Also: the same site builds with ProperDocs, and the real manual builds."""
from __future__ import annotations

import json
import os
import re
import textwrap
import subprocess
from html import unescape
from pathlib import Path

import pytest

from sitebuilder import BASE_FILES, BIN, Project

REPO = Path(__file__).resolve().parent.parent

# On top of the base manual of tests/sitebuilder.py (goed-overleg, slecht-overleg, samen-leren).
FILES = {
    # generic, with a Dorp text and an empty Zuid block (which must not become a tab)
    "elements/samenwerking/goed-overleg.md": """\
        ---
        titel: Goed overleg
        soort: werkzaam
        samenvatting: Partners overleggen vaak en open.
        themas: [samenwerking]
        betrokkenen: [gemeente, professional]
        perspectieven: [professionals]
        regios: [generiek]
        bronnen: [testbron]
        gerelateerd: [samen-leren]
        helpt_tegen: [slecht-overleg]
        reflectievragen:
          - Hoe vaak overlegt u?
          - Wie zit er aan tafel?
        status: besproken
        ---
        Overleg werkt als *iedereen* aan tafel zit.

        /// regio | dorp
        In Dorp overleggen partners elke week.
        ///

        /// regio | zuid
        ///
        """,
    # only for Regio Noord, with a text for its child Dorp
    "elements/regio/noord-tafel.md": """\
        ---
        titel: Noordelijke tafel
        soort: werkzaam
        samenvatting: In het noorden schuift het gezin aan.
        themas: [samenwerking, leren]
        betrokkenen: [gezin]
        perspectieven: [gezinnen]
        regios: [noord]
        bronnen: [testbron]
        status: vastgesteld
        ---
        Het gezin schuift aan, net als bij [goed overleg](../samenwerking/goed-overleg.md#kern).
        Lees ook het [hoofdstuk](../hoofdstuk.md).

        /// regio | dorp
        In Dorp gebeurt dat thuis.
        ///
        """,
    "docs/hoofdstuk.md": """\
        # Hoofdstuk

        Lees [Goed overleg](elementen/goed-overleg.md).

        /// elementen
        soort: belemmerend
        ///
        """,
}


def article(html: str) -> str:
    """The page content, without header, nav and footer."""
    return html[html.index("<article"):html.index("</article>")]


def text(html: str) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


def section(html: str, anchor: str) -> str:
    """The HTML from the h2 with this id up to the next h2."""
    start = html.index(f'<h2 id="{anchor}"')
    end = html.find("<h2", start + 1)
    return html[start:end if end != -1 else len(html)]


def hrefs(html: str) -> list[str]:
    return re.findall(r'href="([^"]+)"', html)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    result = Project(tmp_path_factory.mktemp("pages") / "manual", FILES).build()
    assert result.returncode == 0, result.output
    assert "WARNING" not in result.output, result.output
    return result


@pytest.fixture(scope="module")
def goed(site) -> str:
    return article(site.page("elementen/goed-overleg/"))


def test_element_page_shows_title_soort_in_words_summary_and_kern(goed):
    assert re.search(r"<h1[^>]*>Goed overleg", goed)
    assert 'class="ww-soort ww-soort--werkzaam">Werkzaam element<' in goed
    assert "Partners overleggen vaak en open." in goed
    assert "Overleg werkt als <em>iedereen</em> aan tafel zit." in goed


def test_region_section_is_the_kern_then_each_region_with_text_under_its_heading(goed):
    # No tabs (Material's linked tabs showed one region's text to readers of another).
    assert "tabbed-set" not in goed
    headings = re.findall(r'<h([23])[^>]*id="(kern|regionaal|regio-[^"]+)"[^>]*>([^<]*)<', goed)
    assert headings == [("2", "kern", "Kern"), ("2", "regionaal", "Regionale invulling"),
                        ("3", "regio-dorp", "Invulling in Dorp")]  # the empty Zuid block gives none
    assert 'data-regio="dorp"' in goed and 'class="ww-regio-info" data-regios="generiek"' in goed
    assert "In Dorp overleggen partners elke week." in goed
    assert "<p></p>" not in goed


def test_linked_tabs_feature_is_on(site):
    # Material links tabs with the same label across pages when this feature is set
    assert '"content.tabs.link"' in site.page("elementen/goed-overleg/")


def test_links_in_element_bodies_reach_elements_and_chapters(site):
    page = article(site.page("elementen/noord-tafel/"))
    assert '<a href="../goed-overleg/#kern">goed overleg</a>' in page  # a source-file link, rewritten
    assert '<a href="../../hoofdstuk/">hoofdstuk</a>' in page


def test_element_without_region_text_has_no_tabs(site):
    page = article(site.page("elementen/slecht-overleg/"))
    assert "tabbed-set" not in page
    assert "Zonder overleg loopt het vast." in page


def test_properties_link_to_facet_pages(goed):
    # The summary panel at the top: themes, who is involved, status (issue 20); the rest
    # under Kenmerken.
    panel = goed[goed.index('<div class="ww-paneel">'):goed.index('<h2 id="kern"')]
    properties = section(goed, "kenmerken")
    links = dict(re.findall(r'<a href="([^"]+)">([^<]+)</a>', panel))
    assert links == {
        "../../themas/samenwerking/": "Samenwerking",
        "../../betrokkenen/gemeente/": "Gemeente",
        "../../betrokkenen/professional/": "Professional",
        "../../statussen/besproken/": "Besproken",
    }
    assert dict(re.findall(r'<a href="([^"]+)">([^<]+)</a>', properties)) == {
        "../../perspectieven/professionals/": "Professionals"}
    assert "Nog niet per regio beschreven" in properties


def test_region_properties_link_to_region_pages(site):
    page = section(article(site.page("elementen/noord-tafel/")), "kenmerken")
    assert '<a href="../../regios/noord/">Regio Noord</a>' in page


def test_sources_have_the_full_citation(goed):
    sources = section(goed, "bronnen")
    assert "Testbureau. (2024). <em>Een fictieve testbron</em>." in sources
    assert "../../bronnen/#testbron" in hrefs(sources)


def test_related_elements_in_both_directions(site, goed):
    assert "../samen-leren/" in hrefs(section(goed, "gerelateerd"))
    back = section(article(site.page("elementen/samen-leren/")), "gerelateerd")
    assert "../goed-overleg/" in hrefs(back)
    assert "Partners overleggen vaak en open." in back  # entries carry the summary


def test_helpt_tegen_and_wat_helpt_hiertegen(site, goed):
    helps = section(goed, "helpt-tegen")
    assert ">Helpt tegen<" in helps and "../slecht-overleg/" in hrefs(helps)
    slecht = article(site.page("elementen/slecht-overleg/"))
    counters = section(slecht, "wat-helpt")
    assert ">Wat helpt hiertegen<" in counters and "../goed-overleg/" in hrefs(counters)
    assert 'id="helpt-tegen"' not in slecht
    assert 'id="wat-helpt"' not in goed


def test_reflection_questions(goed):
    questions = section(goed, "reflectievragen")
    assert re.findall(r"<li>([^<]+)</li>", questions) == ["Hoe vaak overlegt u?", "Wie zit er aan tafel?"]


def test_chapters_that_include_the_element(site, goed):
    # linked from the chapter's text
    assert "../../hoofdstuk/" in hrefs(section(goed, "hoofdstukken"))
    # included by the chapter's directive (soort: belemmerend)
    assert "../../hoofdstuk/" in hrefs(section(article(site.page("elementen/slecht-overleg/")), "hoofdstukken"))
    assert 'id="hoofdstukken"' not in article(site.page("elementen/noord-tafel/"))


def test_edit_link_points_at_the_element_source(site):
    page = site.page("elementen/noord-tafel/")
    edit = re.search(r'<a href="([^"]+)"[^>]*rel="edit"', page)
    assert edit and edit.group(1) == "https://example.org/repo/edit/main/elements/regio/noord-tafel.md"
    chapter = re.search(r'<a href="([^"]+)"[^>]*rel="edit"', site.page("hoofdstuk/"))
    assert chapter and chapter.group(1) == "https://example.org/repo/edit/main/docs/hoofdstuk.md"


def test_overview_groups_by_theme_then_soort(site):
    page = article(site.page("elementen/"))
    headings = re.findall(r'<h([23]) id="([^"]+)"', page)
    assert headings == [("2", "thema-samenwerking"), ("3", "thema-samenwerking-werkzaam"),
                        ("3", "thema-samenwerking-belemmerend"),
                        ("2", "thema-leren"), ("3", "thema-leren-werkzaam")]
    samenwerking = page[page.index('id="thema-samenwerking-werkzaam"'):page.index('id="thema-leren"')]
    entries = re.findall(r'data-id="([^"]+)"', samenwerking)
    assert entries == ["goed-overleg", "noord-tafel", "slecht-overleg"]
    leren = page[page.index('id="thema-leren"'):]
    assert re.findall(r'data-id="([^"]+)"', leren) == ["noord-tafel", "samen-leren"]


@pytest.mark.parametrize("url, expected", [
    ("themas/leren/", {"noord-tafel", "samen-leren"}),
    ("soorten/belemmerend/", {"slecht-overleg"}),
    ("soorten/werkzaam/", {"goed-overleg", "noord-tafel", "samen-leren"}),
    ("betrokkenen/gezin/", {"noord-tafel"}),
    ("perspectieven/gezinnen/", {"noord-tafel"}),
    ("statussen/concept/", {"slecht-overleg", "samen-leren"}),
    ("regios/zuid/", {"goed-overleg", "slecht-overleg", "samen-leren"}),
])
def test_facet_pages_list_their_elements_without_javascript(site, url, expected):
    page = article(site.page(url))
    assert set(re.findall(r'data-id="([^"]+)"', page)) == expected


def test_region_page_lists_own_and_generic_elements_and_its_invulling(site):
    page = article(site.page("regios/dorp/"))
    own = section(page, "eigen")
    assert set(re.findall(r'data-id="([^"]+)"', own)) == {"noord-tafel"}  # the parent's element holds here
    generic = section(page, "generiek")
    assert set(re.findall(r'data-id="([^"]+)"', generic)) == {"goed-overleg", "slecht-overleg"}
    invulling = text(section(page, "invulling"))
    assert "In Dorp overleggen partners elke week." in invulling
    assert "In Dorp gebeurt dat thuis." not in text(section(page, "generiek"))
    assert "samen-leren" not in page  # only for Zuid


def test_facet_index_pages_count_elements(site):
    page = text(article(site.page("themas/")))
    assert "Samenwerking (3 elementen)" in page and "Leren (2 elementen)" in page


def test_chapter_directive_renders_linked_entries(site):
    page = article(site.page("hoofdstuk/"))
    listing = page[page.index('<ul class="ww-lijst"'):]
    entries = re.findall(r'<li class="ww-entry" data-id="([^"]+)"><a href="([^"]+)">([^<]+)</a>', listing)
    assert entries == [("slecht-overleg", "../elementen/slecht-overleg/", "Slecht overleg")]
    assert "Belemmerend element" in listing
    assert "Partners praten langs elkaar heen." in listing
    assert '<a href="../elementen/goed-overleg/">Goed overleg</a>' in page  # ordinary link


def test_nav_holds_chapters_and_overviews_not_elements(site):
    html = site.page("elementen/goed-overleg/")
    nav = html[html.index('<nav class="md-nav md-nav--primary"'):]
    nav = nav[:nav.index("</nav>")]
    assert "elementen/goed-overleg" not in nav and "samen-leren" not in nav
    assert re.findall(r'md-ellipsis">\s*([^<]+?)\s*<', nav) == ["Start", "Hoofdstuk", "Elementen"]


def test_no_element_page_in_the_sitemap_is_missing(site):
    sitemap = (site.site / "sitemap.xml").read_text("utf-8")
    for element_id in ["goed-overleg", "slecht-overleg", "samen-leren", "noord-tafel"]:
        assert f"elementen/{element_id}/</loc>" in sitemap


DOCUMENTED_FIELDS = ["id", "titel", "soort", "samenvatting", "themas", "betrokkenen", "perspectieven",
                     "regios", "bronnen", "gerelateerd", "helpt_tegen", "status", "url"]


def test_open_data_page_documents_every_field():
    doc = (REPO / "docs" / "open-data.md").read_text("utf-8")
    documented = re.findall(r"^\| `([a-z_]+)` \|", doc, re.M)
    assert documented == DOCUMENTED_FIELDS


def test_elementen_json_has_every_documented_field(site):
    data = json.loads((site.site / "elementen.json").read_text("utf-8"))
    records = {e["id"]: e for e in data["elementen"]}
    assert set(records) == {"goed-overleg", "slecht-overleg", "samen-leren", "noord-tafel"}
    for record in records.values():
        assert set(DOCUMENTED_FIELDS) <= set(record), record
        assert (site.site / record["url"] / "index.html").is_file()
    goed = records["goed-overleg"]
    assert {k: goed[k] for k in DOCUMENTED_FIELDS} == {
        "id": "goed-overleg", "titel": "Goed overleg", "soort": "werkzaam",
        "samenvatting": "Partners overleggen vaak en open.", "themas": ["samenwerking"],
        "betrokkenen": ["gemeente", "professional"], "perspectieven": ["professionals"],
        "regios": ["generiek"], "bronnen": ["testbron"], "gerelateerd": ["samen-leren"],
        "helpt_tegen": ["slecht-overleg"], "status": "besproken", "url": "elementen/goed-overleg/"}
    assert records["slecht-overleg"]["perspectieven"] == []
    regions = {o["id"]: o for o in data["facetten"]["regio"]["opties"]}
    assert regions["dorp"]["ouder"] == "noord" and "ouder" not in regions["zuid"]


def test_properdocs_builds_the_same_site(tmp_path):
    if not (BIN / "properdocs").exists():
        pytest.fail("properdocs is not installed; it is a test dependency (pip install -e '.[material,test]')")
    result = Project(tmp_path / "manual", FILES).build("properdocs")
    assert result.returncode == 0, result.output
    assert "WARNING" not in result.output, result.output
    page = article(result.page("elementen/goed-overleg/"))
    assert re.findall(r'<h3[^>]*id="(regio-[^"]+)"', page) == ["regio-dorp"]
    assert json.loads((result.site / "elementen.json").read_text("utf-8"))["elementen"]


def test_the_real_manual_builds_without_warnings(tmp_path):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    site_dir = tmp_path / "site"
    proc = subprocess.run([str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(site_dir)],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output
    assert "WARNING" not in output and "ERROR" not in output, output
    assert (site_dir / "elementen" / "index.html").is_file()
    assert json.loads((site_dir / "elementen.json").read_text("utf-8"))["elementen"]


def test_a_manual_sets_its_own_colours_in_mkdocs_yml(tmp_path):
    config = textwrap.dedent(BASE_FILES["mkdocs.yml"]) + (
        "extra:\n  werkwijze_kleuren: {primair: '#123456', link: '#0a0b0c', accent: 'rood; x: y'}\n")
    result = Project(tmp_path / "m", {"mkdocs.yml": config}).build()
    assert result.returncode == 0, result.output
    css = (result.site / "assets" / "werkwijze" / "kleuren.css").read_text("utf-8")
    assert "--ww-primair: #123456;" in css and "--ww-link: #0a0b0c;" in css
    assert "accent" not in css and "rood" not in css  # only plain hex colours are taken over
    page = result.page("")
    assert page.index("assets/werkwijze/identity.css") < page.index("assets/werkwijze/kleuren.css")
