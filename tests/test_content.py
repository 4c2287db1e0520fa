"""Checks on the real manual's content (issue: content honesty and completeness)."""
from pathlib import Path

import pytest

from werkwijze.core.manual import Layout, load_manual

REPO = Path(__file__).resolve().parent.parent

CHAPTERS = ["index.md", "inleiding.md", "doelgroep.md", "integrale-hulp.md", "partnerschap.md",
            "samen-optrekken.md", "leren.md", "regios/index.md", "over-het-onderzoek.md",
            "begrippen.md", "bronnen.md"]


@pytest.fixture(scope="module")
def manual():
    return load_manual(Layout(REPO))


def test_real_content_has_no_problems(manual):
    assert manual.problems == []


def test_every_element_cites_a_registered_source(manual):
    sources = manual.taxonomies["bronnen"]
    for element in manual.elements.values():
        cited = element.list("bronnen")
        assert cited, element.path
        assert all(source in sources for source in cited), element.path


def test_every_registered_source_is_cited(manual):
    cited = {s for e in manual.elements.values() for s in e.list("bronnen")}
    assert set(manual.taxonomies["bronnen"].terms) <= cited


def test_every_region_has_a_handwritten_page(manual):
    for region in manual.taxonomies["regios"].terms:
        page = REPO / "docs" / "regios" / f"{region}.md"
        assert page.is_file(), f"regio {region} heeft geen pagina"
        assert "nog niet beschreven" in page.read_text("utf-8").lower()


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_exists_with_a_title(manual, chapter):
    assert chapter in manual.chapters
    assert manual.chapters[chapter].title


def test_every_element_has_kern_and_reflection_questions(manual):
    for element in manual.elements.values():
        assert element.body.kern.strip(), element.path
        assert 2 <= len(element.list("reflectievragen")) <= 3, element.path


def test_glossary_defines_the_terms_the_site_uses():
    text = (REPO / "docs" / "begrippen.md").read_text("utf-8").lower()
    for term in ["integrale hulp", "integraal specialistisch team", "werkzaam element",
                 "belemmerend element", "kern", "regionale invulling", "casuïstiekbespreking",
                 "leersessie", "praktijkorganisatie", "partnerschap"]:
        assert term in text, term
