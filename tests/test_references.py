"""'Zo verwijst u naar deze pagina' on leerlijn pages, the leerlijnen list and the
werkkaarten, as on element pages (fictional manual)."""
from __future__ import annotations

import pytest

from sitebuilder import Project

EDITIE = """\
    organisatie: Testorganisatie
    edities:
      - versie: "0.3"
        datum: "2026-03-01"
    """
LEERLIJN = """\
    titel: Fictieve leerlijn & meer
    doelgroep: Testers
    stappen:
      - element: goed-overleg
        notitie: Bespreek het overleg.
    """


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = Project(tmp_path_factory.mktemp("references") / "manual",
                      {"data/editie.yml": EDITIE, "data/leerlijnen/eerste-sessie.yml": LEERLIJN})
    result = project.build()
    assert result.returncode == 0, result.output
    return result


@pytest.mark.parametrize("url, title", [
    ("leerlijnen/eerste-sessie/", "Fictieve leerlijn &amp; meer"),
    ("leerlijnen/", "Leerlijnen"),
    ("werkkaarten/", "Werkkaarten"),
    ("elementen/goed-overleg/", "Goed overleg"),
])
def test_trainer_pages_have_the_reference_block_and_copy_button(built, url, title):
    html = built.page(url)
    assert '<h2 id="verwijzen">Zo verwijst u naar deze pagina' in html
    assert (f'<p class="ww-verwijzing-tekst">Testorganisatie. (2026). <em>{title}</em> (versie 0.3). '
            f'Testhandboek. https://example.org/handboek/{url}</p>') in html
    assert "assets/werkwijze/copy.js" in html
    assert "Zo verwijs je" not in html


def test_overviews_and_the_changes_page_have_no_reference(built):
    for url in ("elementen/", "themas/samenwerking/", "wijzigingen/"):
        assert 'id="verwijzen"' not in built.page(url), url
