"""`werkwijze export`: safe (never deletes what it did not write) and whole (a project that
plain MkDocs + Material builds, without the werkwijze plugin, into the same pages)."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from html import unescape
from pathlib import Path

import pytest
import yaml

from sitebuilder import BIN, BuildResult, Project

from werkwijze.cli import main
from werkwijze.publish.linkcheck import check_links
from werkwijze.export.target import FORMAT_LINE, MARKER
from werkwijze.export.templates import TEMPLATE_TEXT_AREAS
from werkwijze.theme import TEMPLATES_DIR

REPO = Path(__file__).resolve().parent.parent
ENGLISH = Path(__file__).resolve().parent / "manuals" / "english"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
# MkDocs with the werkwijze plugin and core made unimportable: the export builds without
# them (it needs only the package's Markdown extension, werkwijze.finished_html).
WITHOUT_PLUGIN = ("import sys; sys.modules['werkwijze.plugin'] = sys.modules['werkwijze.core'] = None; "
                  "sys.argv[0] = 'mkdocs'; from mkdocs.__main__ import cli; cli()")


def _export(root: Path, folder, capsys, search: bool = False) -> tuple[int, str]:
    """In-process; the search index (a whole build) only when asked."""
    code = main(["export", str(folder), "--root", str(root), *([] if search else ["--zonder-zoekindex"])])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.fixture
def manual(tmp_path) -> Path:
    """A copy of the English test manual (messages in English)."""
    root = tmp_path / "manual"
    shutil.copytree(ENGLISH, root)
    return root


@pytest.fixture
def dutch(project) -> Path:
    return project().root


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


# -- 1. safe ----------------------------------------------------------------------------
@pytest.mark.parametrize("where", [".", "..", "docs", "elements", "data", "docs/sub"])
def test_the_manual_its_parents_and_its_sources_are_refused(dutch, capsys, monkeypatch, where):
    (dutch / "docs" / "sub").mkdir(exist_ok=True)
    before = _snapshot(dutch.parent)
    monkeypatch.chdir(dutch)
    code, output = _export(dutch, where, capsys)
    assert code == 2, output
    assert "handleiding" in output and "Traceback" not in output  # Dutch, for this manual
    assert _snapshot(dutch.parent) == before  # nothing written, nothing deleted


def test_a_folder_with_other_files_is_refused_and_left_alone(dutch, tmp_path, capsys):
    folder = tmp_path / "mine"
    (folder / "deep").mkdir(parents=True)
    (folder / "notes.txt").write_text("mine", "utf-8")
    (folder / "deep" / "index.md").write_text("mine too", "utf-8")
    code, output = _export(dutch, folder, capsys)
    assert code == 2 and "niet leeg" in output and MARKER in output
    assert _snapshot(folder) == {"notes.txt": b"mine", "deep/index.md": b"mine too"}


def test_a_file_is_refused(dutch, tmp_path, capsys):
    (tmp_path / "a-file").write_text("x", "utf-8")
    code, output = _export(dutch, tmp_path / "a-file", capsys)
    assert code == 2 and "bestand" in output
    assert (tmp_path / "a-file").read_text("utf-8") == "x"


def test_an_empty_folder_is_fine(dutch, tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    code, output = _export(dutch, tmp_path / "empty", capsys)
    assert code == 0, output
    assert (tmp_path / "empty" / MARKER).read_text("utf-8").startswith(FORMAT_LINE + "\n")


def test_a_repeated_export_replaces_only_what_it_wrote(manual, tmp_path, capsys):
    folder = tmp_path / "export"
    extra = manual / "elements" / "short-lived.md"
    extra.write_text((manual / "elements" / "open-talks.md").read_text("utf-8")
                     .replace("title: Open talks", "title: Short-lived")
                     .replace("former_ids: [honest-talks]\n", ""), "utf-8")
    assert _export(manual, folder, capsys)[0] == 0
    listed = (folder / MARKER).read_text("utf-8").split("\n")[1:]
    assert "mkdocs.yml" in listed and "docs/elementen/short-lived.md" in listed
    # Someone builds the export and keeps notes in it; the manual loses an element.
    (folder / "site").mkdir()
    (folder / "site" / "index.html").write_text("built", "utf-8")
    (folder / "docs" / "notes.txt").write_text("mine", "utf-8")
    extra.unlink()
    code, output = _export(manual, folder, capsys)
    assert code == 0, output
    assert (folder / "site" / "index.html").read_text("utf-8") == "built"
    assert (folder / "docs" / "notes.txt").read_text("utf-8") == "mine"
    assert not (folder / "docs" / "elementen" / "short-lived.md").exists()  # its own old page
    assert (folder / "docs" / "elementen" / "open-talks.md").is_file()


def test_a_previous_export_never_deletes_outside_itself(manual, tmp_path, capsys):
    folder, outside = tmp_path / "export", tmp_path / "keep.txt"
    outside.write_text("keep", "utf-8")
    assert _export(manual, folder, capsys)[0] == 0
    marker = folder / MARKER
    marker.write_text(marker.read_text("utf-8") + f"../keep.txt\n{outside}\n", "utf-8")
    assert _export(manual, folder, capsys)[0] == 0
    assert outside.read_text("utf-8") == "keep"


def test_a_file_the_export_did_not_write_is_never_overwritten(manual, tmp_path, capsys):
    folder = tmp_path / "export"
    assert _export(manual, folder, capsys)[0] == 0
    marker = folder / MARKER
    lines = marker.read_text("utf-8").split("\n")
    marker.write_text("\n".join(l for l in lines if l != "docs/index.md"), "utf-8")
    (folder / "docs" / "index.md").write_text("my own start page", "utf-8")
    code, output = _export(manual, folder, capsys)
    assert code == 2 and "docs/index.md" in output and "did not come from the previous export" in output
    assert (folder / "docs" / "index.md").read_text("utf-8") == "my own start page"


def test_a_manual_that_does_not_build_gets_no_export(dutch, tmp_path, capsys):
    """The search index needs a build; when it fails, nothing is written."""
    config = dutch / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("name: material", "name: bestaat-niet"), "utf-8")
    code, output = _export(dutch, tmp_path / "export", capsys, search=True)
    assert code == 2 and "zoekindex" in output and "--zonder-zoekindex" in output
    assert not (tmp_path / "export").exists()


# -- 2. whole ---------------------------------------------------------------------------
def _plugin_build(root: Path, site: Path) -> BuildResult:
    proc = subprocess.run([str(BIN / "mkdocs"), "build", "--strict", "-d", str(site)], cwd=root,
                          env=ENV, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return BuildResult(proc.returncode, proc.stderr, site)


def _export_build(root: Path, folder: Path) -> BuildResult:
    proc = subprocess.run([str(BIN / "werkwijze"), "export", str(folder)], cwd=root, env=ENV,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    config = yaml.safe_load((folder / "mkdocs.yml").read_text("utf-8"))
    assert config["plugins"] == [] and "werkwijze" not in str(config.get("plugins"))
    assert "werkwijze.finished_html" in str(config["markdown_extensions"])  # as in the plugin's build
    proc = subprocess.run([sys.executable, "-c", WITHOUT_PLUGIN, "build", "--strict"], cwd=folder,
                          env=ENV, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return BuildResult(proc.returncode, proc.stderr, folder / "site")


def _zensical_build(export: Path, folder: Path) -> BuildResult:
    """The same export, built by Zensical (in a copy: it builds into the config's site/)."""
    shutil.copytree(export, folder, ignore=shutil.ignore_patterns("site"))
    proc = subprocess.run([str(BIN / "zensical"), "build", "--strict"], cwd=folder, env=ENV,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return BuildResult(proc.returncode, proc.stdout + proc.stderr, folder / "site")


def _files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*")
            if p.is_file() and not p.relative_to(site).as_posix().startswith("pagefind/")}


def page_urls(site: Path) -> set[str]:
    """Every page's URL relative to the site ('', 'elementen/x/', '404.html')."""
    urls = set()
    for page in site.rglob("*.html"):
        rel = page.relative_to(site).as_posix()
        urls.add(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return urls


def _pagefind_pages(site: Path) -> int:
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
    return sum(language["page_count"] for language in entry["languages"].values())


def _broken(site: Path, site_url: str) -> list:
    """Every broken link, printed address and anchor (werkwijze.publish.linkcheck)."""
    broken, checked = check_links(site, site_url)
    assert checked > 50
    return broken


def _article(html: str) -> str:
    return html[html.index("<article"):html.index("</article>")]


@pytest.fixture(scope="module")
def this_manual(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("this-manual")
    plugin, export = _plugin_build(REPO, tmp / "plugin-site"), _export_build(REPO, tmp / "export")
    return plugin, export, _zensical_build(export.site.parent, tmp / "zensical")


@pytest.fixture(scope="module")
def english_manual(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("english-manual")
    root = tmp / "manual"
    shutil.copytree(ENGLISH, root)
    plugin, export = _plugin_build(root, tmp / "plugin-site"), _export_build(root, tmp / "export")
    return plugin, export, _zensical_build(export.site.parent, tmp / "zensical")


@pytest.mark.parametrize("which", ["this_manual", "english_manual"])
def test_the_export_builds_the_same_site_with_working_links(request, which):
    plugin, export, _ = request.getfixturevalue(which)
    site_url = yaml.safe_load((export.site.parent / "mkdocs.yml").read_text("utf-8"))["site_url"]
    assert page_urls(export.site) == page_urls(plugin.site)
    assert len(page_urls(export.site)) >= 20
    # Every file of the site (assets, open data, redirects, schema), Pagefind's apart.
    assert _files(export.site) == _files(plugin.site)
    assert _broken(export.site, site_url) == []
    assert _broken(plugin.site, site_url) == []  # the checker agrees with the real build
    # The plugin's search index travels with the export: the same records.
    assert _pagefind_pages(export.site) == _pagefind_pages(plugin.site) > 5


def test_element_pages_of_the_export_are_whole(this_manual):
    plugin, export, _ = this_manual
    element = "elementen/gezamenlijke-visie/"
    html = _article(export.page(element))
    for part in ('id="kern"', 'id="gerelateerd"', 'id="verwijzen"', "ww-bijgewerkt",
                 "Laatst bijgewerkt"):
        assert part in html, part
    assert html.count('class="ww-') == _article(plugin.page(element)).count('class="ww-')
    # The theme's parts: the region choice with its regions, the edition, our assets.
    page = export.page(element)
    # (The region choice shows only where some element has a regional text: not here yet.)
    assert ('id="ww-mijnregio-keuze"' in page) == ('id="ww-mijnregio-keuze"' in plugin.page(element))
    assert "ww-editie" in page and "Versie " in page
    assert "assets/werkwijze/messages.js" in page and "assets/werkwijze/kleuren.css" in page
    assert "window.werkwijzeTexts" in (export.site / "assets/werkwijze/messages.js").read_text("utf-8")


@pytest.fixture(scope="module")
def base_manual(tmp_path_factory):
    """The fictional base manual (tests/sitebuilder.py): regional texts and edit links."""
    tmp = tmp_path_factory.mktemp("base-manual")
    root = Project(tmp / "manual").root
    plugin, export = _plugin_build(root, tmp / "plugin-site"), _export_build(root, tmp / "export")
    return plugin, export, _zensical_build(export.site.parent, tmp / "zensical")


def test_regional_texts_reach_the_export(base_manual):
    """This manual has no regional texts yet: the fictional base manual has one."""
    plugin, export, zensical = base_manual
    html = _article(export.page("elementen/goed-overleg/"))
    assert 'id="regionaal"' in html and 'id="regio-dorp"' in html
    assert "In Dorp overleggen partners elke week." in html
    assert page_urls(export.site) == page_urls(plugin.site)
    # The region choice, with the regions the plugin gives the template, on both engines.
    for result in (export, zensical):
        page = result.page("elementen/goed-overleg/")
        assert 'id="ww-mijnregio-keuze"' in page and ">Regio Noord</option>" in page
    assert _broken(export.site, "https://example.org/handboek/") == []


def test_edit_links_go_where_the_plugins_go(base_manual):
    """An element page's edit link opens its element file, a generated list has none, a
    chapter opens its docs file: as in the plugin's build."""
    edit = re.compile(r'<a href="([^"]*)" title="[^"]*" class="md-content__button md-icon" rel="edit">')
    plugin, export, zensical = base_manual
    for url in ("elementen/goed-overleg/", "elementen/", "themas/samenwerking/", "hoofdstuk/"):
        assert edit.findall(export.page(url)) == edit.findall(plugin.page(url)), url
        assert edit.findall(unescape(zensical.page(url))) == edit.findall(plugin.page(url)), url
    assert edit.findall(export.page("elementen/goed-overleg/")) == [
        "https://example.org/repo/edit/main/elements/samenwerking/goed-overleg.md"]
    assert edit.findall(export.page("elementen/")) == []
    assert edit.findall(export.page("hoofdstuk/")) == ["https://example.org/repo/edit/main/docs/hoofdstuk.md"]


def test_the_templates_texts_travel_with_the_export():
    """Every werkwijze_t(...) key in our templates lies in an area the export writes."""
    keys = set()
    for template in TEMPLATES_DIR.rglob("*.html"):
        keys |= set(re.findall(r"werkwijze_t\(\s*[\"']([\w.]+)[\"']", template.read_text("utf-8")))
    assert keys
    assert {k for k in keys if k.split(".")[0] not in TEMPLATE_TEXT_AREAS} == set()


def test_front_matter_printed_raw_is_escaped(dutch, tmp_path, capsys):
    (dutch / "docs" / "hoofdstuk.md").write_text(
        "---\ntitle: Samen <script>alert(1)</script>\n---\n# Hoofdstuk\n\nTekst.\n", "utf-8")
    assert _export(dutch, tmp_path / "export", capsys)[0] == 0
    page = (tmp_path / "export" / "docs" / "hoofdstuk.md").read_text("utf-8")
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_the_manuals_own_overrides_win_as_in_the_plugins_build(project, tmp_path):
    manual = project()
    config = (manual.root / "mkdocs.yml").read_text("utf-8")
    manual.write({
        "mkdocs.yml": config.replace("  font: false\n", "  font: false\n  custom_dir: eigen\n"),
        "eigen/main.html": '{% extends "base.html" %}{% block content %}<p>eigen-sjabloon</p>'
                           '{{ super() }}{% endblock %}',
        "eigen/partials/werkwijze-footer-links.html": "<p>eigen-voet {{ werkwijze_t('ui.header.home') }}</p>",
    })
    plugin = _plugin_build(manual.root, tmp_path / "plugin-site")
    export = _export_build(manual.root, tmp_path / "export")
    for result in (plugin, export):
        page = result.page("hoofdstuk/")
        assert "eigen-sjabloon" in page and "eigen-voet Naar de startpagina" in page
        assert "data-ww-zoek" in page  # our partials still apply where the manual has none


def test_english_element_pages_of_the_export_are_whole(english_manual):
    _, export, _ = english_manual
    html = _article(export.page("elementen/open-talks/"))
    for part in ('id="kern"', 'id="gerelateerd"', 'id="verwijzen"', "Core", "See also"):
        assert part in html, part
    page = export.page("")
    assert '<html lang="en"' in page and "ww-mijnregio" not in page  # no regions here
    assert export.page("404.html").count("Page not found") >= 1


def test_generated_pages_are_reachable_as_in_the_real_site(this_manual):
    plugin, export, _ = this_manual
    nav = re.compile(r'<a href="([^"]+)" class="md-nav__link')
    for url in ("", "elementen/gezamenlijke-visie/", "themas/partnerschap/"):
        assert nav.findall(export.page(url)) == nav.findall(plugin.page(url)), url
    links = nav.findall(export.page(""))
    assert len(links) > 30
    for generated in ("werkkaarten/", "leerlijnen/", "wijzigingen/", "elementen/"):
        assert generated in links, generated
    assert "elementen/gezamenlijke-visie/" not in links  # element pages stay out of the nav


# -- the same export, built by Zensical ----------------------------------------------------
@pytest.mark.parametrize("which", ["this_manual", "english_manual"])
def test_zensical_builds_the_export_into_the_same_pages_with_working_links(request, which):
    plugin, export, zensical = request.getfixturevalue(which)
    site_url = yaml.safe_load((export.site.parent / "mkdocs.yml").read_text("utf-8"))["site_url"]
    assert page_urls(zensical.site) == page_urls(plugin.site)
    # The site's own files (open data, redirects, schema, our assets): Zensical brings its
    # own theme files and search index, and no gzipped sitemap.
    ours = {f for f in _files(plugin.site)
            if not f.startswith(("assets/javascripts/", "assets/stylesheets/")) and f != "sitemap.xml.gz"}
    assert ours <= _files(zensical.site)
    assert _broken(zensical.site, site_url) == []
    assert _pagefind_pages(zensical.site) == _pagefind_pages(plugin.site)


def test_zensical_element_pages_are_whole(this_manual, english_manual):
    _, _, zensical = this_manual
    page = zensical.page("elementen/gezamenlijke-visie/")
    html = unescape(_article(page))  # Zensical's templates escape "/" in attributes too
    for part in ('id="kern"', 'id="gerelateerd"', 'id="verwijzen"', "Laatst bijgewerkt"):
        assert part in html, part
    # Our templates, with the values the plugin would give them, and our assets.
    assert "ww-editie" in page
    assert "assets/werkwijze/messages.js" in page and "assets/werkwijze/filter.js" in page
    _, _, zensical = english_manual
    html = _article(zensical.page("elementen/open-talks/"))
    assert 'id="kern"' in html and "See also" in html and 'id="verwijzen"' in html
