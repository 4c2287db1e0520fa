"""`make pdf` (werkwijze publiceer, werkwijze.publish.pdf): PDFs of the manual, each leerlijn and the werkkaarten,
printed by headless Chromium from a built fixture site."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitebuilder import Project
from werkwijze.publish import pdf

REPO = Path(__file__).resolve().parents[2]

FILES = {
    "data/leerlijnen/eerste-sessie.yml": """\
        titel: Fictieve leerlijn over overleg
        doelgroep: Testers
        stappen:
          - hoofdstuk: hoofdstuk.md
            notitie: Lees eerst het hoofdstuk.
          - element: goed-overleg
            notitie: Bespreek het overleg.
        """,
}


def _text(path: Path) -> str:
    from pypdf import PdfReader
    reader = PdfReader(str(path))
    assert len(reader.pages) > 0
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory, browser):
    root = tmp_path_factory.mktemp("pdf")
    result = Project(root / "manual", FILES).build()
    assert result.returncode == 0, result.output
    written = pdf.make_pdfs(result.site, root / "pdf", browser)
    return {path.name: path for path in written}


def test_every_pdf_is_written(pdfs):
    assert sorted(pdfs) == ["handleiding.pdf", "leerlijn-eerste-sessie.pdf", "werkkaarten.pdf"]


def test_werkkaarten_pdf_has_every_card(pdfs):
    text = _text(pdfs["werkkaarten.pdf"])
    for title in ["Werkkaarten", "Goed overleg", "Slecht overleg", "Samen leren", "Hoe vaak overlegt u?"]:
        assert title in text


def test_leerlijn_pdf_has_its_steps(pdfs):
    text = _text(pdfs["leerlijn-eerste-sessie.pdf"])
    assert "Fictieve leerlijn over overleg" in text
    assert "Stap 2: Goed overleg" in text and "Bespreek het overleg." in text


def test_manual_pdf_has_chapters_elements_and_hidden_tabs(pdfs):
    text = _text(pdfs["handleiding.pdf"])
    for title in ["Start", "Hoofdstuk", "Alle elementen", "Goed overleg", "Slecht overleg", "Samen leren"]:
        assert title in text
    # Print shows every regional tab panel, which the screen hides behind a tab.
    assert "In Dorp overleggen partners elke week." in text
    # Internal links print as their text only (issue 20); the line at the top names the
    # site and the page's address (no local test address).
    assert "(/handboek/elementen/samen-leren/)" not in text
    assert "(https://example.org/handboek/elementen/samen-leren/)" not in text
    assert "Testhandboek · https://example.org/handboek/" in text
    assert "127.0.0.1" not in text
