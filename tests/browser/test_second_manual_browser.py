"""The scripts in a real browser on a manual with other names (tests/manuals/english):
its facet names in the work cards' query, its own facets on the filter's lines, its
kinds' colours from the schema."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from sitebuilder import BIN, BuildResult
from werkwijze.publish import pdf

FIXTURE = Path(__file__).resolve().parents[1] / "manuals" / "english"


@pytest.fixture(scope="module")
def english(tmp_path_factory, browser):
    root = tmp_path_factory.mktemp("english-browser") / "manual"
    shutil.copytree(FIXTURE, root)
    proc = subprocess.run([str(BIN / "mkdocs"), "build", "--strict"], cwd=root, capture_output=True,
                          text=True, timeout=300, env={"NO_MKDOCS_2_WARNING": "1", "PATH": str(BIN)})
    result = BuildResult(proc.returncode, proc.stdout + proc.stderr, root / "site")
    assert result.returncode == 0, result.output
    httpd = pdf.serve(result.site)
    context = browser.new_context()
    yield context.new_page(), f"http://127.0.0.1:{httpd.server_address[1]}/"
    context.close()
    httpd.shutdown()


def test_work_cards_follow_the_manuals_facet_names(english):
    page, base = english
    page.goto(base + "werkkaarten/")
    assert page.locator(".ww-kaart:visible").count() == 2
    assert page.locator('a[href="?topic=trust"]').count() == 1  # the links write the facet's name
    page.goto(base + "werkkaarten/?topic=money&kind=barrier")
    visible = page.locator(".ww-kaart:visible")
    assert visible.count() == 1 and visible.get_attribute("id") == "empty-wallet"
    page.goto(base + "werkkaarten/?topic=trust&kind=barrier")
    assert page.locator(".ww-kaart:visible").count() == 0


def test_the_filter_names_the_manuals_own_facets_on_each_line(english):
    page, base = english
    page.goto(base + "elementen/?kind=enabler")
    page.wait_for_selector("#ww-filter.ww-filter--actief")
    line = page.locator('#ww-filter li.ww-entry[data-id="open-talks"] .ww-wie')
    assert line.inner_text() == "Audiences: Teachers, Coaches"


def test_kinds_are_coloured_from_their_tone_in_the_schema(english):
    page, base = english
    page.goto(base + "elementen/open-talks/")
    badge = page.locator("article .ww-soort").first
    assert "ww-soort--enabler" in badge.get_attribute("class")
    marker = page.evaluate("getComputedStyle(document.querySelector('article .ww-soort'), '::before').content")
    assert marker == '"+ "'
    assert badge.evaluate("b => getComputedStyle(b).color") == "rgb(27, 94, 32)"  # --ww-positief
