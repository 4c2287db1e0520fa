"""The pull request's change summary (scripts/site_changes.py) for a real edit of a real
small manual in git: its base revision is built in a worktree and compared."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sitebuilder import element_file, with_body

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "site_changes.py"
NEW = "elements/leren/nieuw-element.md"


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
                   cwd=root, check=True, capture_output=True)


def _summary(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *args], cwd=root, capture_output=True,
                          text=True, timeout=600)


def test_summary_names_the_pages_an_edit_adds_changes_and_removes(project, tmp_path):
    p = project()
    _git(p.root, "init", "-q", "-b", "main")
    _git(p.root, "add", ".")
    _git(p.root, "commit", "-q", "-m", "Basis")
    # The edit: a new text for one element, a new element, one removed, a chapter changed.
    p.write({
        "elements/samenwerking/goed-overleg.md": with_body(
            "elements/samenwerking/goed-overleg.md",
            "Een nieuwe kerntekst over overleg.\n\n/// regio | dorp\nIn Dorp overleggen partners elke week.\n///\n"),
        NEW: element_file(titel="Nieuw element", themas=["leren"], regios=["zuid"]),
        "elements/leren/samen-leren.md": None,
        "docs/index.md": "# Start\n\nWelkom. Een nieuwe zin op de startpagina.\n",
    })
    # samen-leren was related to goed-overleg: drop the reference too.
    path = p.root / "elements/samenwerking/goed-overleg.md"
    path.write_text(path.read_text("utf-8").replace("gerelateerd: [samen-leren]", "gerelateerd: []"), "utf-8")
    built = p.build("mkdocs", "--strict")
    assert built.returncode == 0, built.output

    summary_file = tmp_path / "summary.md"
    result = _summary(p.root, "--site", "site", "--base", "HEAD", "--output", str(summary_file))
    assert result.returncode == 0, result.stderr
    text = summary_file.read_text("utf-8")
    assert text == result.stdout
    assert text.startswith("## Wat verandert er op de site?")
    elements = text.split("### Elementen", 1)[1].split("###", 1)[0]
    assert "- Toegevoegd: Nieuw element (`/elementen/nieuw-element/`)" in elements
    assert "- Gewijzigd: Goed overleg (`/elementen/goed-overleg/`)" in elements
    assert "- Verwijderd: Samen leren (`/elementen/samen-leren/`)" in elements
    # Slecht overleg links to Goed overleg by title only: unchanged.
    assert "slecht-overleg" not in elements
    chapters = text.split("### Hoofdstukken", 1)[1].split("###", 1)[0]
    assert "- Gewijzigd: Start (`/`)" in chapters and "hoofdstuk" not in chapters
    lists = text.split("### Lijsten en overzichten", 1)[1].split("###", 1)[0]
    assert "`/themas/leren/`" in lists and "`/elementen/`" in lists
    assert "`/regios/zuid/`" in lists  # the new and the removed element are from Zuid
    assert "`/regios/noord/`" not in lists  # shows neither; the kern is not on region pages
    assert "Alles in orde: de controle vond geen fouten." in text
    # The base worktree is gone again.
    listed = subprocess.run(["git", "worktree", "list"], cwd=p.root, capture_output=True, text=True)
    assert len(listed.stdout.strip().splitlines()) == 1


def test_summary_of_a_change_that_does_not_build_shows_the_check(project, tmp_path):
    p = project({"elements/samenwerking/slecht-overleg.md": element_file(
        titel="Slecht overleg", soort="belemmerend", themas=["samenwerkin"])})
    (tmp_path / "empty").mkdir()
    result = _summary(p.root, "--site", "site", "--base-site", str(tmp_path / "empty"))
    assert result.returncode == 0, result.stderr
    assert "De site van deze wijziging kon niet worden gebouwd" in result.stdout
    assert "De controle vond 1 fout." in result.stdout
    assert "elements/samenwerking/slecht-overleg.md:5: Onbekende waarde 'samenwerkin'" in result.stdout


def test_no_change_says_so(project, tmp_path):
    p = project()
    assert p.build("mkdocs", "--strict").returncode == 0
    copy = tmp_path / "copy"
    subprocess.run(["cp", "-r", str(p.root / "site"), str(copy)], check=True)
    result = _summary(p.root, "--site", "site", "--base-site", str(copy))
    assert "Er verandert geen pagina." in result.stdout, result.stdout + result.stderr
