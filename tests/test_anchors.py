"""Published anchors stay: tests/published-urls.txt lists the sections trainers link to
(`/hoofdstuk/#oude-kop`), and a build fails when one disappears (fictional manual)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from sitebuilder import Project
from werkwijze.core.i18n import placeholders
from werkwijze.core.validate.published import heading_anchors, ids, read_list, redirect_target

REPO = Path(__file__).resolve().parent.parent
CHAPTER = "# Hoofdstuk\n\n## Oude kop\n\nTekst.\n\n## Tweede kop\n\nMeer tekst.\n"
GOOD = Path("elements/samenwerking/goed-overleg.md")


def test_list_lines_can_name_anchors_and_keep_comments():
    text = ("# a comment\n/\n\n/hoofdstuk/#oude-kop\n  /elementen/x/#kern   # why it stays\n"
            "/elementen.json #not an anchor\n")
    assert read_list(text) == [(2, "/"), (4, "/hoofdstuk/#oude-kop"), (5, "/elementen/x/#kern"),
                               (6, "/elementen.json")]


def test_anchors_are_read_from_the_page():
    html = ('<nav><h2 id="__nav">x</h2></nav><article class="md-content__inner">'
            '<h1 id="titel">T</h1><h2 id="a&amp;b">A</h2><h3 class="x" id=\'c\'>C</h3><p id="d"></p>'
            '</article>')
    assert heading_anchors(html) == ["a&b", "c"]
    assert {"__nav", "titel", "a&b", "c", "d"} <= ids(html)
    refresh = '<meta http-equiv="refresh" content="0; url=../nieuw/">'
    assert redirect_target(refresh, "/elementen/oud/") == "/elementen/nieuw/"
    assert redirect_target("<p>page</p>", "/elementen/oud/") is None


@pytest.fixture
def manual(tmp_path):
    project = Project(tmp_path / "m", {"docs/hoofdstuk.md": CHAPTER})
    first = project.build()
    assert first.returncode == 0, first.output
    # Written where the plugin option `published_urls` says (its default here).
    listing = project.root / "tests" / "published-urls.txt"
    result = subprocess.run([str(Path(sys.executable).parent / "werkwijze"), "adressen", str(first.site)],
                            cwd=project.root, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "adressen geschreven in tests/published-urls.txt" in result.stdout
    text = listing.read_text("utf-8")
    listing.unlink()  # each test decides whether the build checks it
    return project, text


def test_published_list_records_the_sections_of_chapters_and_element_pages(manual):
    _, listing = manual
    lines = listing.split("\n")
    assert "/hoofdstuk/" in lines
    assert "/hoofdstuk/#oude-kop" in lines and "/hoofdstuk/#tweede-kop" in lines
    for anchor in ("kern", "kenmerken", "bronnen", "verwijzen"):
        assert f"/elementen/goed-overleg/#{anchor}" in lines, anchor
    # Sections only some elements have come and go with the content; generated
    # overviews, the page title and Material's own ids are not sections.
    assert "/elementen/goed-overleg/#gerelateerd" not in lines
    assert "/elementen/goed-overleg/#regio-dorp" not in lines
    assert not [line for line in lines if line.startswith("/themas/") and "#" in line]
    assert "/hoofdstuk/#hoofdstuk" not in lines
    assert "#__" not in listing
    assert lines.index("/hoofdstuk/") < lines.index("/hoofdstuk/#oude-kop")  # page, then its sections


def test_a_renamed_heading_fails_the_build_until_it_keeps_its_anchor(manual):
    project, listing = manual
    project.write({"tests/published-urls.txt": listing})
    assert project.build().returncode == 0
    line = listing.split("\n").index("/hoofdstuk/#oude-kop") + 1

    project.write({"docs/hoofdstuk.md": CHAPTER.replace("## Oude kop", "## Nieuwe kop")})
    result = project.build()
    assert result.returncode != 0
    assert (f"tests/published-urls.txt:{line}: /hoofdstuk/#oude-kop bestaat niet meer: op de pagina "
            "staat geen anker '#oude-kop' meer") in result.output
    assert "'## Nieuwe kop {#oude-kop}'" in result.output
    assert "#tweede-kop" not in result.output  # only what is gone

    project.write({"docs/hoofdstuk.md": CHAPTER.replace("## Oude kop", "## Nieuwe kop {#oude-kop}")})
    result = project.build()
    assert result.returncode == 0, result.output


def test_anchor_of_a_renamed_element_is_looked_up_on_its_new_page(tmp_path):
    listing = "/elementen/oud-overleg/#kern\n/elementen/oud-overleg/#bestaat-niet\n"
    project = Project(tmp_path / "m", {"tests/published-urls.txt": listing})
    text = (project.root / GOOD).read_text("utf-8")
    project.write({str(GOOD): text.replace("status: besproken", "status: besproken\naliassen: [oud-overleg]")})
    result = project.build()
    assert result.returncode != 0
    assert "tests/published-urls.txt:1:" not in result.output
    assert "tests/published-urls.txt:2: /elementen/oud-overleg/#bestaat-niet bestaat niet meer" in result.output


@pytest.mark.parametrize("area", ["editions", "reference"])
def test_catalogue_files_have_the_same_keys_and_placeholders_in_dutch_and_english(area):
    def flat(language: str) -> dict[str, str]:
        out: dict[str, str] = {}

        def walk(prefix: str, node) -> None:
            if isinstance(node, dict):
                for key, value in node.items():
                    walk(f"{prefix}.{key}" if prefix else key, value)
            else:
                out[prefix] = str(node)
        path = REPO / "plugins" / "werkwijze" / "messages" / language / f"{area}.yml"
        walk("", yaml.safe_load(path.read_text("utf-8")))
        return out
    dutch, english = flat("nl"), flat("en")
    assert dutch.keys() == english.keys()
    for key in dutch:
        assert placeholders(dutch[key]) == placeholders(english[key]), key
