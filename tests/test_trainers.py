"""Trainers: redirects for old ids, stable anchors, references, edition, published URLs,
CSV, werkkaarten, leerlijnen and the Wijzigingen page (fictional fixture manual)."""
from __future__ import annotations

import csv
import io
import re
import textwrap
from datetime import date

import pytest

from pagefind_helpers import pagefind_records
from sitebuilder import Project
from werkwijze.core.render.changes import Commit, bucket_history
from werkwijze.core.render.citation import reference
from werkwijze.core.model.edition import Edition, Editions
from werkwijze.core.render.werkkaarten import readable_url

GOOD = """\
    ---
    titel: Goed overleg & <samen>
    soort: werkzaam
    samenvatting: Partners overleggen vaak en open.
    themas: [samenwerking]
    betrokkenen: [gemeente, professional]
    regios: [generiek]
    bronnen: [testbron]
    gerelateerd: [samen-leren]
    helpt_tegen: [slecht-overleg]
    aliassen: [oud-overleg, heel-oud-overleg]
    reflectievragen:
      - Hoe vaak overlegt u met "de gemeente"?
    status: besproken
    ---
    Overleg werkt als iedereen aan tafel zit, zie [samen leren](../leren/samen-leren.md).

    Tweede alinea.

    /// regio | dorp
    In Dorp overleggen partners elke week.
    ///
    """

EDITIE = """\
    organisatie: Testorganisatie
    verwijspagina: index.md
    edities:
      - versie: "2.0"
        datum: "2026-03-01"
        toelichting: Tweede fictieve editie.
      - versie: "1.0"
        datum: "2025-01-15"
    """

LEERLIJN = """\
    titel: Fictieve leerlijn <overleg>
    doelgroep: Testers
    duur: "Voorstel: een uur"
    stappen:
      - hoofdstuk: hoofdstuk.md
        notitie: Lees eerst het hoofdstuk.
      - element: goed-overleg
        notitie: Bespreek het overleg & de rollen.
        vragen:
          - Wie zit er aan tafel?
      - element: slecht-overleg
        notitie: Wat gaat er mis?
    """

FILES = {
    "elements/samenwerking/goed-overleg.md": GOOD,
    "data/editie.yml": EDITIE,
    "data/leerlijnen/eerste-sessie.yml": LEERLIJN,
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = Project(tmp_path_factory.mktemp("trainers") / "manual", FILES)
    result = project.build()
    assert result.returncode == 0, result.output
    return result


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


# -- links that never break -----------------------------------------------------------
@pytest.mark.parametrize("alias", ["oud-overleg", "heel-oud-overleg"])
def test_old_id_redirects_to_the_renamed_element(built, alias):
    html = built.page(f"elementen/{alias}/")
    assert '<meta http-equiv="refresh" content="0; url=../goed-overleg/">' in html
    assert '<link rel="canonical" href="https://example.org/handboek/elementen/goed-overleg/">' in html
    assert '<a href="../goed-overleg/">Goed overleg &amp; &lt;samen&gt;</a>' in html
    assert "<samen>" not in html


def test_redirect_pages_stay_out_of_the_sitemap_and_search(built):
    assert "oud-overleg" not in (built.site / "sitemap.xml").read_text("utf-8")
    assert "/elementen/oud-overleg/" not in pagefind_records(built.site)


def test_element_page_has_stable_anchors(built):
    html = built.page("elementen/goed-overleg/")
    for anchor in ["kern", "regio-dorp", "reflectievragen", "bronnen", "verwijzen"]:
        assert f'id="{anchor}"' in html, anchor


def test_alias_that_is_a_live_id_is_an_error(tmp_path):
    files = dict(FILES)
    files["elements/samenwerking/goed-overleg.md"] = GOOD.replace("[oud-overleg,", "[slecht-overleg,")
    result = Project(tmp_path / "m", files).check()
    assert result.returncode == 1
    assert re.search(r"elements/samenwerking/goed-overleg\.md:11: De oude id 'slecht-overleg'",
                     result.stdout + result.stderr)


def test_published_url_that_disappears_fails_the_build(tmp_path):
    listing = "# test\n/\n/elementen/goed-overleg/\n/elementen/oud-overleg/\n/elementen.csv\n"
    project = Project(tmp_path / "m", {**FILES, "tests/published-urls.txt": listing})
    assert project.build().returncode == 0
    project.write({"tests/published-urls.txt": listing + "/elementen/verdwenen/\n"})
    result = project.build()
    assert result.returncode != 0
    assert ("tests/published-urls.txt:6: /elementen/verdwenen/ bestaat niet meer in de site"
            in result.output)


# -- citation and editions --------------------------------------------------------------
def test_element_page_has_an_escaped_apa_reference(built):
    html = built.page("elementen/goed-overleg/")
    assert ('<p class="ww-verwijzing-tekst">Testorganisatie. (2026). <em>Goed overleg &amp; '
            '&lt;samen&gt;</em> (versie 2.0). Testhandboek. '
            'https://example.org/handboek/elementen/goed-overleg/</p>') in html
    assert "Zo verwijst u naar deze pagina" in html
    assert "assets/werkwijze/copy.js" in html


def test_chapter_has_a_reference_and_the_reference_page_cites_the_manual(built):
    chapter = built.page("hoofdstuk/")
    assert ("<em>Hoofdstuk</em> (versie 2.0). Testhandboek. "
            "https://example.org/handboek/hoofdstuk/") in chapter
    assert "De hele website" not in chapter
    start = built.page("")
    assert ("Testorganisatie. (2026). <em>Testhandboek</em> (versie 2.0). "
            "https://example.org/handboek/</p>") in start


def test_generated_overviews_have_no_reference(built):
    assert 'id="verwijzen"' not in built.page("elementen/")


def test_footer_shows_the_current_edition(built):
    assert "Versie 2.0 · 1 maart 2026" in built.page("hoofdstuk/")
    assert "Versie 2.0 · 1 maart 2026" in (built.site / "404.html").read_text("utf-8")


def test_reference_without_site_url_uses_the_path_and_apa_punctuation():
    editions = Editions("data/editie.yml", "Project Iets?!", editions=[Edition("0.1", date(2026, 11, 22))])
    assert (reference(editions, "Site", "Titel", "/titel/")
            == "Project Iets?! (2026). *Titel* (versie 0.1). Site. /titel/")


def test_reference_without_an_organisation_puts_the_title_first():
    """APA 7 for a web page without author: nobody is named as the publisher (R4)."""
    editions = Editions("data/editie.yml", "", editions=[Edition("0.1", date(2026, 11, 22))])
    assert (reference(editions, "Site", "Titel", "/titel/")
            == "*Titel* (versie 0.1). (2026). Site. /titel/")
    assert reference(Editions(""), "Site", "Site", "/") == "*Site*. (z.d.). /"


def test_wijzigingen_page_lists_renames_without_git(built):
    html = built.page("wijzigingen/")
    assert "niet beschikbaar" in html
    assert "<code>oud-overleg</code> heet nu" in html


def test_history_is_bucketed_per_edition():
    editions = [Edition("2.0", date(2026, 3, 1)), Edition("1.0", date(2025, 1, 15))]
    commits = [
        Commit(date(2025, 1, 10), [("A", ["elements/a/x.md"]), ("A", ["elements/a/y.md"])]),
        Commit(date(2025, 1, 12), [("M", ["elements/a/x.md"])]),
        Commit(date(2025, 6, 1), [("M", ["elements/a/x.md"]), ("A", ["elements/b/z.md"])]),
        Commit(date(2026, 2, 1), [("R", ["elements/a/y.md", "elements/a/w.md"])]),
        Commit(date(2026, 5, 1), [("M", ["elements/b/z.md"])]),
    ]
    since, second, first = bucket_history(commits, editions, {"y": "w"})
    assert since.title == "Sinds versie 2.0" and since.changed == ["z"]
    assert second.added == ["z"] and second.changed == ["x"] and second.renamed == [("y", "w")]
    assert first.added == ["x", "y"] and first.changed == []


def test_edition_errors_have_file_and_line(tmp_path):
    editie = EDITIE.replace('"2025-01-15"', '"15-01-2025"').replace("index.md", "bestaat-niet.md")
    result = Project(tmp_path / "m", {**FILES, "data/editie.yml": editie}).check()
    out = result.stdout + result.stderr
    assert result.returncode == 1
    assert "data/editie.yml:2: 'verwijspagina' bestaat-niet.md bestaat niet." in out
    assert "data/editie.yml:8: Geef de editie een 'datum' als \"JJJJ-MM-DD\"" in out


# -- open data ------------------------------------------------------------------------------
def test_csv_has_one_row_per_element_with_facets_as_columns(built):
    raw = (built.site / "elementen.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert sorted(r["id"] for r in rows) == ["goed-overleg", "samen-leren", "slecht-overleg"]
    good = next(r for r in rows if r["id"] == "goed-overleg")
    assert good["titel"] == "Goed overleg & <samen>"
    assert good["betrokkenen"] == "gemeente; professional"
    assert good["themas"] == "samenwerking"
    assert good["url"] == "https://example.org/handboek/elementen/goed-overleg/"  # absolute
    assert 'href="../elementen.csv"' in built.page("elementen/")


# -- werkkaarten ------------------------------------------------------------------------------
def test_werkkaarten_show_every_element_as_a_card(built):
    html = built.page("werkkaarten/")
    cards = re.findall(r'<article class="ww-kaart[^"]*" id="([^"]+)" data-thema="([^"]*)" '
                       r'data-soort="([^"]*)"', html)
    assert sorted(cards) == [("goed-overleg", "samenwerking", "werkzaam"),
                             ("samen-leren", "leren", "werkzaam"),
                             ("slecht-overleg", "samenwerking", "belemmerend")]
    card = html[html.index('id="goed-overleg"'):]
    card = card[:card.index("</article>")]
    assert "Werkzaam element" in card
    assert "Goed overleg &amp; &lt;samen&gt;" in card
    # The core statement is the summary; the kern's first paragraph (often context) is not on it.
    assert '<p class="ww-kaart-samenvatting">Partners overleggen vaak en open.</p>' in card
    assert "Overleg werkt als iedereen aan tafel zit" not in card
    assert "Hoe vaak overlegt u met &quot;de gemeente&quot;?" in card
    assert "Bron: Een fictieve testbron" in card and "Status: Besproken" in card
    assert '<p class="ww-kaart-url">example.org/handboek/elementen/goed-overleg</p>' in card
    assert "assets/werkwijze/werkkaarten.js" in html


def test_a_card_address_is_readable_on_paper():
    assert readable_url("https://example.org/handboek/elementen/goed-overleg/") == \
        "example.org/handboek/elementen/goed-overleg"


# -- leerlijnen -------------------------------------------------------------------------------
def test_leerlijn_page_has_numbered_steps_notes_and_questions(built):
    html = built.page("leerlijnen/eerste-sessie/")
    text = text_of(html)
    assert "Fictieve leerlijn &lt;overleg&gt;" in html
    assert "Voorstel: een uur" in text
    assert re.search(r'id="stap-1"[^>]*>Stap 1: Hoofdstuk', html)
    assert 'id="stap-3"' in html
    assert '<a href="../../elementen/goed-overleg/">' in html
    assert '<a href="../../hoofdstuk/">' in html
    assert "Bespreek het overleg &amp; de rollen." in html
    assert "Hoe vaak overlegt u met &quot;de gemeente&quot;?" in html  # the element's question
    assert "Wie zit er aan tafel?" in html  # the step's own question
    index = built.page("leerlijnen/")
    assert '<a href="eerste-sessie/">Fictieve leerlijn &lt;overleg&gt;</a>' in index


def test_leerlijn_errors_name_file_and_line(tmp_path):
    broken = textwrap.dedent("""\
        titel: Kapot
        doelgroep: Testers
        stappen:
          - element: goed-overlegg
            notitie: Typfout.
          - element: oud-overleg
            notitie: Oude id.
          - hoofdstuk: hoofdstukk.md
            notitie: Typfout.
          - element: samen-leren
          - element: samen-leren
            hoofdstuk: hoofdstuk.md
            notitie: Twee doelen.
        onbekend: x
        """)
    result = Project(tmp_path / "m", {**FILES, "data/leerlijnen/kapot.yml": broken}).check()
    out = result.stdout + result.stderr
    assert result.returncode == 1
    rel = "data/leerlijnen/kapot.yml"
    assert f"{rel}:4: Het element 'goed-overlegg' bestaat niet. Bedoelde u 'goed-overleg'?" in out
    assert f"{rel}:6: Het element 'oud-overleg' heet nu 'goed-overleg'." in out
    assert f"{rel}:8: Het hoofdstuk 'hoofdstukk.md' bestaat niet. Bedoelde u 'hoofdstuk.md'?" in out
    assert f"{rel}:10: Het verplichte veld 'notitie' ontbreekt." in out
    assert f"{rel}:11: Een stap wijst naar één ding" in out
    assert f"{rel}:14: Onbekend veld 'onbekend'." in out


def test_leerlijn_with_broken_yaml_reports_the_line(tmp_path):
    result = Project(tmp_path / "m", {**FILES, "data/leerlijnen/x.yml": "titel: a\n\tdoelgroep: b\n"}).check()
    assert result.returncode == 1
    assert "data/leerlijnen/x.yml:2:" in result.stdout + result.stderr
