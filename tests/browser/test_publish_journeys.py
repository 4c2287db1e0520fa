"""What goes online works, as a user makes it (issue #18): every address a published
folder prints exists in it, with PDFs and frozen editions.

1. This manual, from a fresh clone, with two tagged editions, through `make publish` with
   the addresses the deploy workflow passes (SITE_URL, REPO_URL, EDIT_URI).
2. A manual that another study starts with the installed console script (`werkwijze init`),
   published with `werkwijze publiceer` and nothing else.

`werkwijze publiceer` refuses to publish when an address is broken; these tests also check
the promises a trainer relies on themselves (references, PDF links), so a checker that
looks away cannot make them pass. Here because the PDFs need Chromium.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from werkwijze.publish.linkcheck import check_links

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
SITE = "https://example.org/werkwijze/"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def git(root: Path, *args: str) -> str:
    proc = subprocess.run(["git", "-C", str(root), "-c", "user.name=Test", "-c", "user.email=t@example.org",
                           *args], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def references(html: str) -> list[str]:
    return re.findall(r'<p class="ww-verwijzing-tekst">.*?(https?://[^\s<]+)</p>', html)


def opens(public: Path, url: str) -> bool:
    """Whether an absolute address under SITE opens a file in the published folder."""
    assert url.startswith(SITE), url
    target = public / url[len(SITE):].split("#")[0]
    return (target / "index.html").is_file() if url.endswith("/") else target.is_file()


@pytest.fixture(scope="module")
def manual_with_two_editions(tmp_path_factory):
    clone = tmp_path_factory.mktemp("journey") / "werkwijze"
    subprocess.run(["git", "clone", "--quiet", str(REPO), str(clone)], check=True)
    edition_file = clone / "data" / "editie.yml"
    data = yaml.safe_load(edition_file.read_text("utf-8"))
    first = data["edities"][0]["versie"]
    git(clone, "tag", f"editie-{first}")
    second = f"{first}.1"
    text = edition_file.read_text("utf-8").replace(
        "edities:\n", f'edities:\n  - versie: "{second}"\n    datum: "2026-12-01"\n'
                      f"    toelichting: Testeditie (alleen in deze test).\n", 1)
    edition_file.write_text(text, "utf-8")
    git(clone, "commit", "-qam", "Test edition")
    git(clone, "tag", f"editie-{second}")
    venv = BIN.parent
    # Through make, as the deploy workflow runs it; the test's own environment is the venv
    # (-o: it is set up already).
    proc = subprocess.run(["make", "-o", str(venv / ".installed"), "publish", f"VENV={venv}",
                           f"SITE_URL={SITE}", "REPO_URL=https://example.org/repo",
                           "EDIT_URI=edit/main/docs/"], cwd=clone, capture_output=True, text=True,
                          env=ENV, timeout=1200)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-4000:]
    return clone / "public", first, second, proc.stderr


def test_publish_builds_both_editions_pdfs_and_checks_every_address(manual_with_two_editions):
    public, first, second, log = manual_with_two_editions
    assert "Alle adressen gecontroleerd" in log
    for folder in (public, public / "edities" / first, public / "edities" / second):
        assert (folder / "index.html").is_file()
        for name in ("handleiding.pdf", "werkkaarten.pdf"):
            assert (folder / "pdf" / name).stat().st_size > 10_000, folder / "pdf" / name
    assert (public / "csp-header.txt").read_text("utf-8").startswith("default-src 'none'")
    assert not (public / "edities" / first / "sitemap.xml").exists()
    broken, checked = check_links(public, SITE)
    assert broken == [] and checked > 5000


def test_a_copied_reference_opens_the_frozen_page(manual_with_two_editions):
    public, _, second, _ = manual_with_two_editions
    html = (public / "elementen" / "gezamenlijke-visie" / "index.html").read_text("utf-8")
    cited = references(html)
    assert cited == [f"{SITE}edities/{second}/elementen/gezamenlijke-visie/"]
    assert opens(public, cited[0])
    cards = (public / "werkkaarten" / "index.html").read_text("utf-8")
    printed = re.findall(r"example\.org/werkwijze/[^\s<\"]+", cards)
    assert printed and all(opens(public, "https://" + url.rstrip("/") + "/") for url in printed)


def test_pdf_links_lead_to_the_pdfs(manual_with_two_editions, browser):
    public, first, _, _ = manual_with_two_editions
    for folder in (public, public / "edities" / first):
        html = (folder / "werkkaarten" / "index.html").read_text("utf-8")
        href = re.search(r'<a class="md-button ww-pdf" href="([^"]+)"', html).group(1)
        assert (folder / "werkkaarten" / href).resolve().is_file()


def test_an_old_edition_is_marked_and_lists_no_edit_link(manual_with_two_editions):
    public, first, _, _ = manual_with_two_editions
    html = (public / "edities" / first / "elementen" / "gezamenlijke-visie" / "index.html").read_text("utf-8")
    assert "ww-editie-melding" in html and "md-content__button" not in html


@pytest.fixture(scope="module")
def started_manual(tmp_path_factory):
    root = tmp_path_factory.mktemp("init")
    werkwijze = str(BIN / "werkwijze")
    made = subprocess.run([werkwijze, "init", "handboek"], cwd=root, capture_output=True, text=True, env=ENV)
    assert made.returncode == 0, made.stderr
    manual = root / "handboek"
    edition = manual / "data" / "editie.yml"  # the keys of the default schema (`editions`)
    edition.write_text('edities:\n  - versie: "1.0"\n    datum: "2026-01-10"\n', "utf-8")
    git(manual, "init", "-q", "-b", "main")
    git(manual, "add", "-A")
    git(manual, "commit", "-qm", "Start")
    git(manual, "tag", "editie-1.0")
    edition.write_text('edities:\n  - versie: "1.1"\n    datum: "2026-02-10"\n'
                       '  - versie: "1.0"\n    datum: "2026-01-10"\n', "utf-8")
    git(manual, "commit", "-qam", "Next edition, not tagged yet")
    proc = subprocess.run([werkwijze, "publiceer"], cwd=manual, capture_output=True, text=True,
                          env=ENV, timeout=900)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-4000:]
    return manual, manual / "public"


def test_a_new_manual_publishes_pdfs_and_editions_with_the_package_alone(started_manual):
    manual, public = started_manual
    assert not (manual / "scripts").exists()
    assert (public / "pdf" / "werkkaarten.pdf").is_file() and (public / "pdf" / "handleiding.pdf").is_file()
    site_url = yaml.safe_load((manual / "mkdocs.yml").read_text("utf-8")).get("site_url")
    broken, checked = check_links(public, site_url)
    assert broken == [] and checked > 100
    html = (public / "werkkaarten" / "index.html").read_text("utf-8")
    href = re.search(r'<a class="md-button ww-pdf" href="([^"]+)"', html).group(1)
    assert (public / "werkkaarten" / href).resolve().is_file()
    for version in ("1.0", "1.1"):  # the tag, and the untagged current edition's copy
        assert (public / "edities" / version / "pdf" / "werkkaarten.pdf").is_file()
    element = next((public / "elementen").glob("*/index.html")).read_text("utf-8")
    cited = re.findall(r'<p class="ww-verwijzing-tekst">.*?(/edities/1\.1/[^\s<]+)</p>', element)
    assert cited and (public / cited[0].lstrip("/") / "index.html").is_file()
