"""A leerlijn as a session plan (issue 20): per step optional minutes, goal and materials,
checked with file and line, shown and added up; a link to exactly its work cards."""
from __future__ import annotations

import re

import pytest

from sitebuilder import Project
from test_build_pages import article, text
from werkwijze.core.render.leerlijn_pages import duration_text

PLAN = """\
    titel: Sessieplan
    doelgroep: Testers
    stappen:
      - hoofdstuk: hoofdstuk.md
        notitie: Lees eerst.
        minuten: 15
      - element: goed-overleg
        notitie: Bespreek het overleg.
        minuten: 45
        doel: De deelnemers noemen twee <soorten> overleg.
        materialen: [Flip-over, Werkkaart "goed overleg"]
      - element: samen-leren
        notitie: Afsluiten.
    """


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    result = Project(tmp_path_factory.mktemp("plan") / "m", {"data/leerlijnen/plan.yml": PLAN}).build()
    assert result.returncode == 0, result.output
    return result


def test_each_step_shows_its_time_goal_and_materials_and_the_page_adds_them_up(built):
    page = article(built.page("leerlijnen/plan/"))
    words = text(page)
    assert "Tijd van de stappen samen 1 uur (2 van de 3 stappen hebben een tijd)" in words
    step = page[page.index('id="stap-2"'):page.index('id="stap-3"')]
    assert "<dt>Tijd</dt><dd>45 minuten</dd>" in step
    assert "De deelnemers noemen twee &lt;soorten&gt; overleg." in step
    assert "Flip-over en Werkkaart &#34;goed overleg&#34;" in step or "Flip-over en Werkkaart &quot;goed overleg&quot;" in step


def test_the_leerlijn_links_to_exactly_its_cards(built):
    page = article(built.page("leerlijnen/plan/"))
    assert '<a href="../../werkkaarten/?leerlijn=plan">Werkkaarten van deze leerlijn (2 kaarten)</a>' in page
    cards = built.page("werkkaarten/")
    tagged = set(re.findall(r'id="([^"]+)" data-thema="[^"]*" data-soort="[^"]*" data-leerlijn="plan"', cards))
    assert tagged == {"goed-overleg", "samen-leren"}


@pytest.mark.parametrize("line, expected", [
    ("        minuten: twintig\n", "minuten"), ("        minuten: 0\n", "minuten"),
    ("        minuten: 600\n", "minuten"), ("        materialen: [[a]]\n", "materialen"),
])
def test_a_wrong_plan_is_a_problem_with_file_and_line(tmp_path, line, expected):
    text_ = PLAN.replace("        minuten: 15\n", line)
    result = Project(tmp_path / "m", {"data/leerlijnen/plan.yml": text_}).build()
    assert result.returncode != 0
    assert re.search(rf"data/leerlijnen/plan\.yml:6: [^\n]*'{expected}'", result.output), result.output
    assert "Traceback" not in result.output


def test_duration_text():
    assert [duration_text(m) for m in (1, 45, 60, 120, 105)] == [
        "1 minuut", "45 minuten", "1 uur", "2 uur", "1 uur en 45 minuten"]
