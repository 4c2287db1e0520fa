"""`make build` (`werkwijze publiceer site --zonder-edities --zonder-pdf`): a failed build never
replaces a good site, and a folder that is not an earlier publication is never replaced."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

WERKWIJZE = str(Path(sys.executable).parent / "werkwijze")  # the installed console script


def safe_build(root: Path, out: str = "site") -> subprocess.CompletedProcess:
    return subprocess.run([WERKWIJZE, "publiceer", out, "--zonder-edities", "--zonder-pdf"], cwd=root,
                          capture_output=True, text=True, timeout=300)


def test_failed_builds_leave_the_good_site_and_a_good_build_replaces_it(project):
    manual = project()
    assert safe_build(manual.root).returncode == 0
    site = manual.root / "site"
    marker = site / "marker.txt"  # not produced by a build: proves the folder is untouched
    marker.write_text("vorige build", "utf-8")
    before = (site / "elementen" / "goed-overleg" / "index.html").read_text("utf-8")

    # A content error, then a warning that only --strict turns into a failure.
    manual.write({"elements/samenwerking/goed-overleg.md": "---\ntitel: [kapot\n---\n"})
    broken = safe_build(manual.root)
    assert broken.returncode != 0 and "niet veranderd" in broken.stderr
    manual.write({"elements/samenwerking/goed-overleg.md": None,
                  "docs/hoofdstuk.md": "# Hoofdstuk\n\nZie [x](index.md#bestaat-niet).\n"})
    (manual.root / "mkdocs.yml").write_text(
        (manual.root / "mkdocs.yml").read_text("utf-8") + "validation:\n  anchors: warn\n", "utf-8")
    assert safe_build(manual.root).returncode != 0
    assert marker.read_text("utf-8") == "vorige build"
    assert (site / "elementen" / "goed-overleg" / "index.html").read_text("utf-8") == before
    assert not (manual.root / ".site-new").exists() and not (manual.root / ".site-old").exists()

    manual.write({"docs/hoofdstuk.md": "# Hoofdstuk\n\nWeer goed.\n"})
    assert safe_build(manual.root).returncode == 0
    assert not marker.exists() and not (site / "elementen" / "goed-overleg").exists()


def test_a_folder_that_is_no_publication_is_never_replaced(project):
    manual = project()
    notes = manual.root / "aantekeningen"
    notes.mkdir()
    (notes / "eigen.txt").write_text("niet van de bouw", "utf-8")
    for out in ("aantekeningen", ".", "docs", ".."):
        result = safe_build(manual.root, out)
        assert result.returncode == 1, out
        assert "Traceback" not in result.stderr and "Er wordt niets overschreven" in result.stderr \
            or "de map van de handleiding zelf" in result.stderr, result.stderr
    assert (notes / "eigen.txt").read_text("utf-8") == "niet van de bouw"
    assert (manual.root / "docs" / "index.md").is_file()
