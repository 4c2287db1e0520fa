"""`make publish` (`werkwijze publiceer`, plugins/werkwijze/publish/): the current edition at today's URLs plus every
tagged edition under /edities/<versie>/, built for real in a temporary git repository.

The story of the fixture (fictional manual, test-only):
1. Edition 0.1 is written and published before it is tagged: a trainer copies the
   reference of 'Goed overleg'. Edition 0.1 ships its own copy of the plugin, with one
   text changed, to prove that a tag is built with its own code.
2. The tag editie-0.1 is set. Edition 0.2 changes 'Goed overleg', removes 'Samen leren',
   renames 'Slecht overleg' to 'Moeizaam overleg' (old id in aliassen), drops the
   plugin copy and is tagged editie-0.2. Then everything is published again.
"""
from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sitebuilder import Project, element_file

REPO = Path(__file__).resolve().parent.parent
WERKWIJZE = str(Path(sys.executable).parent / "werkwijze")  # the installed console script
SITE = "https://example.org/handboek/"
OLD_HEADING = "Zo verwees u destijds naar deze pagina"  # only in edition 0.1's plugin copy

EDITIE_01 = """\
    organisatie: Testorganisatie
    verwijspagina: index.md
    edities:
      - versie: "0.1"
        datum: "2025-01-15"
    """
EDITIE_02 = """\
    organisatie: Testorganisatie
    verwijspagina: index.md
    edities:
      - versie: "0.2"
        datum: "2026-03-01"
      - versie: "0.1"
        datum: "2025-01-15"
    """
CHAPTER_01 = "# Hoofdstuk\n\n## Oude kop\n\nLees [Goed overleg](elementen/goed-overleg.md).\n"
GOOD_01 = element_file("Overleg uit editie nul punt een.", titel="Goed overleg",
                       helpt_tegen=["slecht-overleg"], soort="werkzaam")
GOOD_02 = element_file("Overleg zoals editie nul punt twee het beschrijft.", titel="Goed overleg",
                       helpt_tegen=["moeizaam-overleg"])
RENAMED = element_file("Zonder overleg loopt het vast.", titel="Moeizaam overleg", soort="belemmerend",
                       aliassen=["slecht-overleg"])


def git(root: Path, *args: str) -> str:
    proc = subprocess.run(["git", "-C", str(root), "-c", "user.name=Test", "-c", "user.email=t@example.org",
                           *args], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def publish(root: Path) -> subprocess.CompletedProcess:
    # PDFs: tests/browser/test_publish_journeys.py (they need Chromium).
    return subprocess.run([WERKWIJZE, "publiceer", "public", "--zonder-pdf"], cwd=root,
                          capture_output=True, text=True, timeout=600)


def page(public: Path, url: str) -> str:
    return (public / url / "index.html").read_text("utf-8")


def reference_url(html: str) -> str:
    match = re.search(r'<p class="ww-verwijzing-tekst">[^<]*<em>[^<]*</em>[^<]*?(https://\S+?)</p>', html)
    assert match, "no reference on the page"
    return match.group(1)


def notice(html: str) -> str:
    match = re.search(r'<div class="admonition \w+ ww-editie-melding" role="note">.*?</div>', html, re.S)
    assert match, "no edition notice on the page"
    return match.group(0)


def resolve(public: Path, from_url: str, href: str) -> Path:
    """The file a relative link on the page at `from_url` opens in public/."""
    target = (public / from_url / href).resolve()
    return target / "index.html" if href.endswith("/") else target


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    root = tmp_path_factory.mktemp("editions") / "manual"
    Project(root, {"data/editie.yml": EDITIE_01, "docs/hoofdstuk.md": CHAPTER_01,
                   "elements/samenwerking/goed-overleg.md": GOOD_01})
    plugin = root / "plugins" / "werkwijze"
    shutil.copytree(REPO / "plugins" / "werkwijze", plugin,
                    ignore=shutil.ignore_patterns("__pycache__"))
    heading = plugin / "messages" / "nl" / "reference.yml"
    heading.write_text(heading.read_text("utf-8").replace(
        "heading: Zo verwijst u naar deze pagina", f"heading: {OLD_HEADING}"), "utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "Edition 0.1")

    first = publish(root)  # 0.1 is current and not tagged yet
    assert first.returncode == 0, first.stdout + first.stderr
    cited = reference_url(page(root / "public", "elementen/goed-overleg/"))

    git(root, "tag", "editie-0.1")
    shutil.rmtree(root / "plugins")
    Project(root, {}).write({
        "data/editie.yml": EDITIE_02,
        "docs/hoofdstuk.md": CHAPTER_01.replace("## Oude kop", "## Nieuwe kop {#oude-kop}"),
        "elements/samenwerking/goed-overleg.md": GOOD_02,
        "elements/samenwerking/slecht-overleg.md": None,
        "elements/samenwerking/moeizaam-overleg.md": RENAMED,
        "elements/leren/samen-leren.md": None,
    })
    git(root, "add", "-A")
    git(root, "commit", "-qm", "Edition 0.2")
    git(root, "tag", "editie-0.2")
    second = publish(root)
    assert second.returncode == 0, second.stdout + second.stderr
    return root, root / "public", cited, first.stderr


def test_a_reference_to_edition_01_still_opens_what_it_cited_after_02(published):
    root, public, cited, _ = published
    assert cited == f"{SITE}edities/0.1/elementen/goed-overleg/"
    html = page(public, cited[len(SITE):])
    assert "Overleg uit editie nul punt een." in html
    assert "Overleg zoals editie nul punt twee" not in html


def test_untagged_current_edition_is_published_at_its_permanent_address_with_a_warning(published):
    _, _, _, first_log = published
    assert "Versie 0.1 heeft nog geen tag." in first_log


def test_both_editions_and_the_current_one_are_in_public(published):
    _, public, _, _ = published
    for version in ("0.1", "0.2"):
        assert (public / "edities" / version / "index.html").is_file(), version
    assert "Overleg zoals editie nul punt twee" in page(public, "elementen/goed-overleg/")
    assert "Overleg zoals editie nul punt twee" in page(public, "edities/0.2/elementen/goed-overleg/")


def test_current_urls_are_unchanged(published):
    _, public, _, _ = published
    for path in ["index.html", "elementen/index.html", "elementen/goed-overleg/index.html",
                 "elementen.json", "elementen.csv", "schema/element.schema.json",
                 "werkkaarten/index.html", "hoofdstuk/index.html"]:
        assert (public / path).is_file(), path
    assert "Moeizaam overleg" in (public / "elementen.json").read_text("utf-8")
    assert "Versie 0.2 · 1 maart 2026" in page(public, "hoofdstuk/")
    assert "ww-editie-melding" not in page(public, "elementen/goed-overleg/")


def test_old_page_says_it_is_older_and_links_to_the_same_current_page(published):
    _, public, _, _ = published
    html = page(public, "edities/0.1/elementen/goed-overleg/")
    box = notice(html)
    assert "U bekijkt een oudere editie van deze website (versie 0.1)." in box
    href = re.search(r'<a href="([^"]+)">Bekijk deze pagina in de huidige editie \(versie 0\.2\)\.</a>', box)
    assert href, box
    assert resolve(public, "edities/0.1/elementen/goed-overleg/", href.group(1)) == \
        (public / "elementen" / "goed-overleg" / "index.html").resolve()
    # At the top of the text, before the page's own heading; no script involved.
    assert html.index("ww-editie-melding") < html.index('<h1 id="goed-overleg"')
    assert "<script" not in box


def test_old_page_of_a_renamed_element_links_to_its_new_name(published):
    _, public, _, _ = published
    box = notice(page(public, "edities/0.1/elementen/slecht-overleg/"))
    href = re.search(r'<a href="([^"]+)">Bekijk deze pagina in de huidige editie', box).group(1)
    assert resolve(public, "edities/0.1/elementen/slecht-overleg/", href) == \
        (public / "elementen" / "moeizaam-overleg" / "index.html").resolve()


def test_old_page_that_is_gone_links_to_the_current_start(published):
    _, public, _, _ = published
    assert not (public / "elementen" / "samen-leren").exists()
    box = notice(page(public, "edities/0.1/elementen/samen-leren/"))
    assert "Deze pagina staat niet meer in de huidige editie (versie 0.2)." in box
    href = re.search(r'<a href="([^"]+)">Ga naar de start van de huidige editie\.</a>', box).group(1)
    assert resolve(public, "edities/0.1/elementen/samen-leren/", href) == (public / "index.html").resolve()


def test_current_editions_permanent_copy_says_so(published):
    _, public, _, _ = published
    box = notice(page(public, "edities/0.2/elementen/goed-overleg/"))
    assert "Dit is het vaste adres van versie 0.2. Dit is ook de huidige editie." in box


def test_sitemap_lists_the_current_edition_only(published):
    _, public, _, _ = published
    sitemap = (public / "sitemap.xml").read_text("utf-8")
    assert f"<loc>{SITE}elementen/goed-overleg/</loc>" in sitemap
    assert "edities/" not in sitemap
    assert not list((public / "edities").rglob("sitemap.xml*"))


def test_old_pages_are_canonical_to_the_current_page(published):
    _, public, _, _ = published
    for old, current in [("edities/0.1/elementen/goed-overleg/", "elementen/goed-overleg/"),
                         ("edities/0.1/elementen/slecht-overleg/", "elementen/moeizaam-overleg/"),
                         ("edities/0.2/hoofdstuk/", "hoofdstuk/")]:
        canonicals = re.findall(r'<link rel="canonical" href="([^"]+)">', page(public, old))
        assert canonicals == [SITE + current], old
    # A page that is gone keeps its own address.
    assert (f'<link rel="canonical" href="{SITE}edities/0.1/elementen/samen-leren/">'
            in page(public, "edities/0.1/elementen/samen-leren/"))


def test_current_page_lists_the_earlier_editions_it_appears_in(published):
    _, public, _, _ = published
    html = page(public, "elementen/moeizaam-overleg/")
    listing = re.search(r'<p class="ww-eerdere-edities">.*?</p>', html).group(0)
    assert "Deze pagina in eerdere edities" in listing
    href = re.search(r'<a href="([^"]+)">versie 0\.1</a>', listing).group(1)
    assert resolve(public, "elementen/moeizaam-overleg/", href) == \
        (public / "edities" / "0.1" / "elementen" / "slecht-overleg" / "index.html").resolve()
    assert "versie 0.2" not in listing  # the current edition is not an earlier one
    assert "ww-eerdere-edities" not in page(public, "edities/0.1/elementen/goed-overleg/")


def test_reference_names_the_edition_and_its_permanent_url(published):
    _, public, _, _ = published
    html = page(public, "elementen/goed-overleg/")
    assert ("Testorganisatie. (2026). <em>Goed overleg</em> (versie 0.2). Testhandboek. "
            f"{SITE}edities/0.2/elementen/goed-overleg/</p>") in html
    assert (public / "edities" / "0.2" / "elementen" / "goed-overleg" / "index.html").is_file()
    # A build of an edition names its own address once (not edities/0.1/edities/0.1/).
    old = page(public, "edities/0.1/elementen/goed-overleg/")
    assert reference_url(old) == f"{SITE}edities/0.1/elementen/goed-overleg/"


def test_each_edition_is_built_with_its_own_plugin(published):
    _, public, _, _ = published
    assert OLD_HEADING in page(public, "edities/0.1/elementen/goed-overleg/")
    assert "Zo verwijst u naar deze pagina" in page(public, "elementen/goed-overleg/")
    assert OLD_HEADING not in page(public, "edities/0.2/elementen/goed-overleg/")


def test_old_editions_have_no_edit_links(published):
    _, public, _, _ = published
    assert "md-content__button" not in page(public, "edities/0.1/hoofdstuk/")
    assert "md-content__button" in page(public, "hoofdstuk/")


def _digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()


def test_wrong_tags_are_refused_before_anything_is_built(published):
    root, public, _, _ = published
    before = _digest(public)
    git(root, "tag", "editie-0.3")  # on a commit whose editie.yml says 0.2
    try:
        result = publish(root)
    finally:
        git(root, "tag", "-d", "editie-0.3")
    assert result.returncode == 1
    assert ("De tag 'editie-0.3' staat op een commit waarin data/editie.yml versie 0.2 als "
            "huidige editie noemt.") in result.stderr
    assert "Bouwt" not in result.stderr
    git(root, "tag", "editie-nieuw")
    try:
        result = publish(root)
    finally:
        git(root, "tag", "-d", "editie-nieuw")
    assert result.returncode == 1 and "De tag 'editie-nieuw' heeft geen geldige versie." in result.stderr
    assert _digest(public) == before


def test_a_failed_build_leaves_public_untouched(published):
    root, public, _, _ = published
    before = _digest(public)
    good = root / "elements" / "samenwerking" / "goed-overleg.md"
    original = good.read_text("utf-8")
    good.write_text(original.replace("soort: werkzaam", "soort: werkzam"), "utf-8")
    try:
        result = publish(root)
    finally:
        good.write_text(original, "utf-8")
    assert result.returncode == 1
    assert "elements/samenwerking/goed-overleg.md:3:" in result.stderr
    assert "public is niet veranderd" in result.stderr
    assert _digest(public) == before
    assert not (root / ".public-new").exists()
    assert "manual" in git(root, "worktree", "list")  # no worktree left behind
    assert len(git(root, "worktree", "list").strip().split("\n")) == 1
