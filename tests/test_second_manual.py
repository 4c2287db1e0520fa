"""Proof of reuse: a second fictional manual with its own schema, English UI, other
taxonomies and no regions (tests/manuals/english), built for real; and `werkwijze init`."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from dutch_words import dutch_in_addresses, dutch_in_files, dutch_in_site
from sitebuilder import BIN, BuildResult
from werkwijze.core.i18n import Catalogue, available_languages

REPO = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).resolve().parent / "manuals" / "english"
ENV = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", "PATH": str(BIN)}


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=300,
                          env={**ENV, "HOME": str(cwd)})


def _build(root: Path) -> BuildResult:
    proc = _run([str(BIN / "mkdocs"), "build", "--strict"], root)
    return BuildResult(proc.returncode, proc.stdout + proc.stderr, root / "site")


def _text(html: str) -> str:
    article = html[html.index("<article"):html.index("</article>")]
    return " ".join(re.sub(r"<[^>]+>", " ", article).split())


@pytest.fixture(scope="module")
def english(tmp_path_factory) -> tuple[Path, BuildResult]:
    root = tmp_path_factory.mktemp("second") / "manual"
    shutil.copytree(FIXTURE, root)
    result = _build(root)
    assert result.returncode == 0, result.output
    return root, result


def test_element_page_follows_the_manuals_schema_and_language(english):
    _, site = english
    html = site.page("elementen/open-talks/")
    assert '<html lang="en"' in site.page("")
    text = _text(html)
    assert "Success factor" in text  # the kind's own label
    assert "Core" in text and "Properties" in text
    # role fields under the manual's own labels, not the catalogue's headings
    assert "See also" in text and "Related elements" not in text
    assert "Questions ¶ How often do you talk openly?" in text and "Sources ¶" in text
    # the extra text field and the extra taxonomy list, under their labels
    assert "Setting A fictional school in a fictional town." in text
    assert "First seen March 5, 2025" in text  # a date field, in the site's language (Babel)
    assert "Audiences Teachers , Coaches" in text
    assert "Nobody. (2025). A fictional report" in text  # citation from the term's own key
    # no regions: no regional section, no region choice, no Dutch
    assert "ww-mijnregio" not in html and "regio" not in text.lower()
    assert "Kern" not in text and "Bronnen" not in text


def test_extra_taxonomy_list_is_a_facet_with_pages_and_a_filter(english):
    _, site = english
    teachers = _text(site.page("audiences/teachers/"))
    assert "Teachers" in teachers and "Open talks" in teachers and "Empty wallet" not in teachers
    assert "Audiences" in _text(site.page("audiences/"))
    data = json.loads((site.site / "elementen-filter.json").read_text("utf-8"))
    assert set(data["facetten"]) == {"kind", "topic", "audience"}
    assert data["facetten"]["audience"]["veld"] == "audiences"
    assert data["rollen"] == {"titel": "title", "soort": "kind", "samenvatting": "summary"}
    assert "generiek" not in json.dumps(data["facetten"])


def test_open_data_and_json_schema_have_the_manuals_fields(english):
    root, site = english
    records = json.loads((site.site / "elementen.json").read_text("utf-8"))["elementen"]
    talks = next(r for r in records if r["id"] == "open-talks")
    assert list(talks) == ["id", "title", "kind", "summary", "topics", "audiences", "setting", "seen",
                           "sources", "related", "url"]  # `questions` has export: false
    header = (site.site / "elementen.csv").read_text("utf-8-sig").splitlines()[0]
    assert header == "id,title,kind,summary,topics,audiences,setting,seen,sources,related,url"
    schema = json.loads((site.site / "schema" / "element.schema.json").read_text("utf-8"))
    assert schema["title"] == "Front matter of an element"
    assert schema["properties"]["setting"]["maxLength"] == 200
    assert schema["properties"]["audiences"]["items"]["enum"] == ["teachers", "coaches"]
    assert set(schema["required"]) == {"title", "kind", "summary", "topics", "sources"}


def test_a_leerlijn_with_the_manuals_own_keys(english):
    _, site = english
    text = _text(site.page("leerlijnen/first-meeting/"))
    assert "A first meeting about trust" in text and "Fictional coaches" in text
    assert "Talk about open talks." in text and "What would you try?" in text


def test_browser_texts_are_english(english):
    _, site = english
    script = (site.site / "assets" / "werkwijze" / "messages.js").read_text("utf-8")
    texts = json.loads(script[script.index("{"):script.index(";\n")])
    assert texts and all("elementen" not in v.lower() for v in texts.values())


def test_check_and_a_broken_element_speak_english(english, tmp_path):
    root = tmp_path / "manual"
    shutil.copytree(FIXTURE, root)
    proc = _run([str(BIN / "werkwijze"), "check"], root)
    assert proc.returncode == 0 and "All fine: 2 elements, 2 chapters." in proc.stderr
    (root / "elements" / "broken.md").write_text(
        "---\ntitle: Broken\nkind: enabler\nsummary: x\ntopics: [trust]\nsources: [fictional-report]\n"
        "colour: blue\n---\nText.\n\n/// regio | north\nNo regions here.\n///\n", "utf-8")
    proc = _run([str(BIN / "werkwijze"), "check"], root)
    assert proc.returncode == 1
    assert "elements/broken.md:7: Unknown field 'colour'." in proc.stdout
    assert "elements/broken.md:11: This manual has no regions" in proc.stdout
    result = _build(root)
    assert result.returncode != 0 and "elements/broken.md:7: Unknown field 'colour'." in result.output


@pytest.mark.parametrize("language", available_languages())
def test_init_creates_a_manual_that_builds_and_checks_at_once(tmp_path, language):
    """Every catalogue language, from the installed command."""
    proc = _run([str(BIN / "werkwijze"), "init", "nieuw", "--taal", language], tmp_path)
    assert proc.returncode == 0, proc.stderr
    root = tmp_path / "nieuw"
    for rel in ("mkdocs.yml", "schema/element.yml", "schema/element.schema.json", "docs/index.md",
                ".gitignore", "README.md", "frontmatter.json"):
        assert (root / rel).is_file(), rel
    default = (REPO / "plugins" / "werkwijze" / "schema" / "element.yml").read_text("utf-8")
    # Dutch copies the default schema as it is (with its comments); others get its translation
    assert ((root / "schema" / "element.yml").read_text("utf-8") == default) == (language == "nl")
    check = _run([str(BIN / "werkwijze"), "check"], root)
    ok = Catalogue.load(language)("cli.check.ok", elements=Catalogue.load(language)(
        "cli.check.elements", count=1), chapters=Catalogue.load(language)("cli.check.chapters", count=1))
    assert check.returncode == 0 and ok in check.stderr, check.stdout + check.stderr
    result = _build(root)
    assert result.returncode == 0, result.output
    # no Dutch word in another language (and the search finds them in a Dutch site)
    assert bool(dutch_in_site(result.site)) == (language == "nl")
    element = next((root / "elements").glob("*.md")).read_text("utf-8")
    assert Catalogue.load(language)("starter.example_term").split()[0] in element or \
        Catalogue.load(language)("starter.example_element.title").split(":")[0] in element  # an example


@pytest.fixture(scope="module")
def english_starter(tmp_path_factory) -> tuple[Path, BuildResult]:
    """`werkwijze init --taal en`, built with `mkdocs build --strict`."""
    cwd = tmp_path_factory.mktemp("starter")
    proc = _run([str(BIN / "werkwijze"), "init", "study", "--taal", "en"], cwd)
    assert proc.returncode == 0, proc.stderr
    result = _build(cwd / "study")
    assert result.returncode == 0, result.output
    return cwd / "study", result


def test_an_english_starter_has_no_dutch_word(english_starter):
    root, site = english_starter
    sources = [p.relative_to(root).as_posix() for p in root.rglob("*")
               if p.is_file() and p.suffix in (".yml", ".md", ".json") and "site" not in p.parts]
    assert {"schema/element.yml", "data/themes.yml", "data/sources.yml", "docs/index.md",
            "README.md", "mkdocs.yml"} <= set(sources)
    assert dutch_in_files(root, sources) == {}
    assert dutch_in_site(site.site) == {}
    assert dutch_in_addresses(site.site) == {}  # its own addresses (schema `addresses:`)
    for rel in ("elements/index.html", "elements/example-element/index.html", "elements.json",
                "elements.csv", "elements-filter.json", "work-cards/index.html", "changes/index.html",
                "sources/index.html"):
        assert (site.site / rel).is_file(), rel
    assert 'action="elements/"' in site.page("")  # the search box opens the overview


def test_an_english_starter_speaks_its_schema_and_lists_generated_pages(english_starter):
    root, site = english_starter
    readme = (root / "README.md").read_text("utf-8")
    # no `pip install werkwijze`: there is no such package on an index; the source is installed
    assert '.venv/bin/pip install "<werkwijze>[material]"' in readme and "is not on a package index" in readme
    assert "--kind working" in readme  # the starter's own first kind
    assert "werkwijze reference" in readme  # the authors' reference (plugins/werkwijze/reference/)
    schema = (root / "schema" / "element.yml").read_text("utf-8")
    assert "label: Working element" in schema and "exclusive: general" in schema
    assert "file: sources.yml" in schema and "folder: curricula" in schema
    element = _text(site.page("elements/example-element/"))
    assert "Working element" in element and "Not yet described per region" in element
    home = site.page("")
    for title, href in (("Elements", "elements/"), ("Work cards", "work-cards/"),
                        ("Changes", "changes/")):
        assert re.search(rf'href="{href}"[^>]*>\s*<span class="md-ellipsis">\s*{title}', home), title


def test_init_never_overwrites(tmp_path):
    (tmp_path / "bestaand").mkdir()
    (tmp_path / "bestaand" / "notities.txt").write_text("van mij", "utf-8")
    proc = _run([str(BIN / "werkwijze"), "init", "bestaand"], tmp_path)
    assert proc.returncode == 2 and "niet leeg" in proc.stderr
    assert (tmp_path / "bestaand" / "notities.txt").read_text("utf-8") == "van mij"


def test_export_writes_the_site_plan_as_files(english, tmp_path):
    root, _ = english
    proc = _run([str(BIN / "werkwijze"), "export", str(tmp_path / "plan")], root)
    assert proc.returncode == 0, proc.stderr
    plan = tmp_path / "plan" / "docs"
    page = (plan / "elementen" / "open-talks.md").read_text("utf-8")
    assert "\n# Open talks\n" in page and "Talking openly builds *trust*" in page
    chapter = (plan / "chapter.md").read_text("utf-8")
    assert "/// elementen" not in chapter and 'data-id="open-talks"' in chapter  # expanded
    assert json.loads((plan / "elementen.json").read_text("utf-8"))["elementen"]
    assert (plan / "audiences" / "teachers.md").is_file()


def test_the_wheel_carries_everything_another_study_needs(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps",
                           "-q", "-w", str(tmp_path), str(REPO)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    names = zipfile.ZipFile(next(tmp_path.glob("werkwijze-*.whl"))).namelist()
    for needed in ("werkwijze/schema/element.yml", "werkwijze/messages/nl/pages.yml",
                   "werkwijze/messages/en/pages.yml", "werkwijze/messages/en/js/filter.yml",
                   "werkwijze/fragments/element.md", "werkwijze/templates/main.html",
                   "werkwijze/assets/filter.js", "werkwijze/fragments/beheer.html",
                   "werkwijze/assets/beheer/decap-cms.js", "werkwijze/assets/beheer/vendor.json"):
        assert needed in names, needed


def test_a_non_editable_install_is_all_another_study_needs(tmp_path):
    """The wheel installed into a folder of its own (not this checkout) starts and builds a
    manual: templates, assets, fragments, the default schema and both catalogues ship."""
    wheels, target = tmp_path / "wheels", tmp_path / "installed"
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels),
                            str(REPO)], capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr
    installed = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
                                str(target), *map(str, wheels.glob("*.whl"))],
                               capture_output=True, text=True, timeout=300)
    assert installed.returncode == 0, installed.stderr
    env = {**ENV, "PYTHONPATH": str(target), "HOME": str(tmp_path)}
    check = subprocess.run([sys.executable, "-c", "import werkwijze, sys; print(werkwijze.__file__)"],
                           capture_output=True, text=True, env=env)
    assert check.stdout.startswith(str(target)), check.stdout + check.stderr  # not this checkout
    init = subprocess.run([sys.executable, "-m", "werkwijze.cli", "init", "studie", "--taal", "en"],
                          cwd=tmp_path, capture_output=True, text=True, env=env, timeout=120)
    assert init.returncode == 0, init.stderr
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=tmp_path / "studie",
                           capture_output=True, text=True, env=env, timeout=300)
    assert build.returncode == 0, build.stdout + build.stderr
    assert (tmp_path / "studie" / "site" / "elements" / "example-element" / "index.html").is_file()


def test_schema_keywords_read_in_english_or_dutch_but_not_both():
    from werkwijze.core.model.schema import _SchemaError, default_schema_text, parse_schema_text
    dutch = default_schema_text()
    english = (dutch.replace("\nsoorten:", "\nkinds:").replace("only_for_soort:", "only_for_kind:")
               .replace("choices: soorten", "choices: kinds"))
    assert parse_schema_text(english) == parse_schema_text(dutch)
    both = english + "\nsoorten:\n  x: {label: X, plural: Xs, short: X, inverse_heading: X}\n"
    with pytest.raises(_SchemaError) as raised:
        parse_schema_text(both)
    assert raised.value.line == english.splitlines().index("kinds:") + 1
    assert "'soorten'" in raised.value.message and "'kinds'" in raised.value.message


# -- any UI language: a manual's own catalogue -------------------------------------------

PACKAGE_EN = REPO / "plugins" / "werkwijze" / "messages" / "en"


def _in_language(tmp_path: Path, language: str, catalogue: bool) -> Path:
    """The English fixture with theme.language set to `language`, with (a copy of the
    package's English catalogue as) its own catalogue for it or none."""
    root = tmp_path / "manual"
    shutil.copytree(FIXTURE, root)
    config = root / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("language: en", f"language: {language}"), "utf-8")
    if catalogue:
        shutil.copytree(PACKAGE_EN, root / "messages" / language, ignore=shutil.ignore_patterns("*.md"))
    return root


def _language_line(root: Path) -> int:
    return next(i for i, line in enumerate((root / "mkdocs.yml").read_text("utf-8").splitlines(), 1)
                if line.strip().startswith("language:"))


def test_a_manuals_own_catalogue_gives_every_text_in_its_language(tmp_path):
    root = _in_language(tmp_path, "de", catalogue=True)
    for area in ("pages.yml", "ui.yml"):  # "Core": the element page's heading
        path = root / "messages" / "de" / area
        path.write_text(path.read_text("utf-8").replace("  kern: Core\n", "  kern: Kernaussage\n"), "utf-8")
    filter_texts = root / "messages" / "de" / "js" / "filter.yml"
    filter_texts.write_text(filter_texts.read_text("utf-8").replace(
        "form_label: Filter elements", "form_label: Elemente filtern"), "utf-8")
    check = _run([str(BIN / "werkwijze"), "check"], root)
    assert check.returncode == 0, check.stdout + check.stderr
    result = _build(root)
    assert result.returncode == 0, result.output
    assert "Kernaussage" in _text(result.page("elementen/open-talks/"))
    assert '<html lang="de"' in result.page("")
    script = (result.site / "assets" / "werkwijze" / "messages.js").read_text("utf-8")
    assert '"filter.form_label": "Elemente filtern"' in script


def test_a_manuals_own_catalogue_is_checked_with_file_and_line(tmp_path):
    root = _in_language(tmp_path, "de", catalogue=True)
    folder = root / "messages" / "de"
    (folder / "common.yml").unlink()  # common.and, common.or
    cards = folder / "cards.yml"
    lines = cards.read_text("utf-8").splitlines()
    theme_line = next(i for i, line in enumerate(lines, 1) if line.startswith("theme_title:"))
    lines[theme_line - 1] = 'theme_title: "Arbeitskarten: {thema}"'  # the package says {theme}
    lines.append("kolour: blau")
    cards.write_text("\n".join(lines) + "\n", "utf-8")
    proc = _run([str(BIN / "werkwijze"), "check"], root)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    out = proc.stdout
    assert "messages/de/common.yml:1: Missing texts (2): common.and, common.or." in out
    assert f"messages/de/cards.yml:{theme_line}: The text of 'cards.theme_title' must have the same " \
           "placeholders as the standard text: {theme}. This text has: {thema}." in out
    assert f"messages/de/cards.yml:{len(lines)}: Unknown text 'cards.kolour'." in out
    result = _build(root)
    assert result.returncode != 0 and "messages/de/common.yml:1:" in result.output


@pytest.mark.parametrize("language", ["xx", "de"])
def test_a_language_without_texts_stops_at_theme_language(tmp_path, language):
    """`xx` crashed the build; `de` mixed English, German and Dutch on one page."""
    root = _in_language(tmp_path, language, catalogue=False)
    where = f"mkdocs.yml:{_language_line(root)}: There are no texts in the language '{language}'"
    expected = f"{where} (theme.language). Choose one of: en, nl. Or give the manual its own " \
               f"texts in messages/{language}/"
    proc = _run([str(BIN / "werkwijze"), "check"], root)
    assert proc.returncode == 1 and expected in proc.stdout, proc.stdout + proc.stderr
    result = _build(root)
    assert result.returncode == 1 and expected in result.output
    assert "Traceback" not in result.output and not (root / "site" / "index.html").exists()


def test_a_catalogue_for_a_language_babel_does_not_know_stops_too(tmp_path):
    root = _in_language(tmp_path, "xx", catalogue=True)
    result = _build(root)
    assert result.returncode == 1 and "Traceback" not in result.output
    assert f"mkdocs.yml:{_language_line(root)}: Dates cannot be written in the language 'xx'" in result.output


def test_a_catalogue_outside_the_manual_is_not_read(tmp_path):
    root = _in_language(tmp_path, "de", catalogue=False)
    outside = tmp_path / "elsewhere"
    shutil.copytree(PACKAGE_EN, outside, ignore=shutil.ignore_patterns("*.md"))
    (root / "messages").mkdir()
    (root / "messages" / "de").symlink_to(outside, target_is_directory=True)
    proc = _run([str(BIN / "werkwijze"), "check"], root)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "messages/de:1: This file lies outside the manual (a link); it is not read." in proc.stdout


# -- the date field kind ---------------------------------------------------------------

def test_a_date_field_is_exported_as_iso_and_orders_the_lists(english):
    _, site = english
    records = json.loads((site.site / "elementen.json").read_text("utf-8"))["elementen"]
    assert {r["id"]: r["seen"] for r in records} == {"open-talks": "2025-03-05", "empty-wallet": "2024-11-20"}
    assert [r["id"] for r in records] == ["open-talks", "empty-wallet"]  # newest first, not by title
    rows = (site.site / "elementen.csv").read_text("utf-8-sig").splitlines()
    assert ",2025-03-05," in rows[1] and ",2024-11-20," in rows[2]
    schema = json.loads((site.site / "schema" / "element.schema.json").read_text("utf-8"))
    assert schema["properties"]["seen"] == {"title": "First seen", "description":
                                            "The day it was first seen (YYYY-MM-DD).",
                                            "type": "string", "format": "date"}
    overview = site.page("elementen/")
    assert overview.index("open-talks/") < overview.index("empty-wallet/")


@pytest.mark.parametrize("written", ["2026-13-45", "2026-02-30", "5 March 2026", "2026-3-5"])
def test_a_date_that_is_no_calendar_day_fails_with_file_and_line(tmp_path, written):
    root = tmp_path / "manual"
    shutil.copytree(FIXTURE, root)
    path = root / "elements" / "open-talks.md"
    text = path.read_text("utf-8").replace("seen: 2025-03-05", f"seen: {written}")
    path.write_text(text, "utf-8")
    line = text.splitlines().index(f"seen: {written}") + 1
    proc = _run([str(BIN / "werkwijze"), "check"], root)
    assert proc.returncode == 1
    assert f"elements/open-talks.md:{line}: '{written}' in 'seen' is not a date. Write a real day as " \
           "YYYY-MM-DD" in proc.stdout


def test_sort_belongs_on_one_date_field(tmp_path):
    from werkwijze.core import i18n
    from werkwijze.core.model.schema import _SchemaError, parse_schema_text
    text = (FIXTURE / "schema" / "element.yml").read_text("utf-8")
    before = i18n.active()  # whatever an earlier test left active
    i18n.use(Catalogue.load("nl"))
    try:
        with pytest.raises(_SchemaError) as raised:
            parse_schema_text(text.replace("label: Setting,", "sort: ascending, label: Setting,"))
        assert "hoort bij een veld van de soort 'date'" in raised.value.message
        two = text.replace("  seen:", "  until: {kind: date, sort: ascending, label: U, help: U}\n  seen:")
        with pytest.raises(_SchemaError) as raised:
            parse_schema_text(two)
        assert "'seen' en 'until' hebben allebei 'sort'" in raised.value.message
    finally:
        i18n.use(before)


def test_the_aliases_role_makes_redirects_whatever_the_field_is_called(english):
    _, site = english
    redirect = site.page("elementen/thin-wallet/")
    assert 'http-equiv="refresh"' in redirect and "../empty-wallet/" in redirect


# -- no names of this manual in the package's scripts and stylesheets -------------------

def test_assets_name_no_field_facet_or_kind_of_this_manual():
    """JS and CSS are driven by the manual's schema (facet names, kinds, the generic region
    value come from the page or the data), so they work for every manual."""
    from werkwijze.core.model.schema import parse_schema_text
    schema = parse_schema_text((REPO / "schema" / "element.yml").read_text("utf-8"))
    names = ({*schema.fields, *schema.soorten, *schema.taxonomies, schema.generic_region}
             | {f.name for f in schema.facets.values()} | {f.path for f in schema.facets.values()})
    assert {"werkzaam", "generiek", "betrokkenen", "thema"} <= names  # the list is this manual's
    names.discard("status")  # also an ARIA role (role="status") and a catalogue key
    found = []
    for path in sorted((REPO / "plugins" / "werkwijze" / "assets").glob("*.*")):
        if path.suffix not in (".js", ".css"):
            continue
        text = path.read_text("utf-8")
        for name in names:
            # a string literal, a query parameter, or a CSS class or variable suffix
            pattern = rf"""["']{re.escape(name)}["']|[?&]{re.escape(name)}=|--{re.escape(name)}\b"""
            found += [f"{path.name}: {m.group(0)}" for m in re.finditer(pattern, text)]
    assert found == []


def test_new_names_the_manuals_kinds_and_its_file_passes_at_once(tmp_path):
    root = tmp_path / "manual"
    shutil.copytree(FIXTURE, root)
    help_text = _run([str(BIN / "werkwijze"), "new", "--help"], root).stdout
    assert "for example enabler, barrier" in " ".join(help_text.split()) and "werkzaam" not in help_text
    proc = _run([str(BIN / "werkwijze"), "new", "--title", "Shared notes", "--kind", "enabler",
                 "--theme", "trust", "--field", "summary=Fictional notes.", "--field", "sources=fictional-report"],
                root)
    assert proc.returncode == 0 and "Still to fill in" not in proc.stdout, proc.stdout + proc.stderr
    text = (root / "elements" / "trust" / "shared-notes.md").read_text("utf-8")
    assert "\nsetting:\n" in text and "\nseen:\n" in text  # optional, left empty
    check = _run([str(BIN / "werkwijze"), "check"], root)
    assert check.returncode == 0, check.stdout + check.stderr


# -- the manual's own addresses (schema `addresses:`, core/paths.py) ---------------------

@pytest.mark.parametrize("section, message", [
    ("addresses: {elements: Elements}", "The address 'Elements' of 'elements' must be lowercase letters"),
    ("addresses: {work_cards: topics}", "The address 'topics' is used twice: by 'work_cards' and by 'facets.topic'"),
    ("addresses: {summaries: data, open_data: data}", "The address 'data' is used twice: by 'summaries' and by 'open_data'"),
    ("addresses: {pages: x}", "Unknown key 'pages' in 'addresses'"),
    ("addresses: {anchors: {core: bronnen}}", "The anchor 'bronnen' is used twice: by 'anchors.core' and by 'anchors.sources'"),
    ("addresses: {anchors: {kern: core}}", "Unknown key 'kern' in 'addresses.anchors'"),
    ("addresses: {anchors: {core: Core}}", "The address 'Core' of 'anchors.core' must be lowercase letters"),
    ("addresses: {text_query: words}", None),  # a query name is any id
])
def test_addresses_are_checked_with_file_and_line(tmp_path, section, message):
    root = tmp_path / "manual"
    shutil.copytree(FIXTURE, root)
    schema = root / "schema" / "element.yml"
    text = schema.read_text("utf-8")
    schema.write_text(text + section + "\n", "utf-8")
    proc = _run([str(BIN / "werkwijze"), "check"], root)
    if message is None:
        assert proc.returncode == 0, proc.stdout + proc.stderr
        return
    assert proc.returncode == 1
    assert f"schema/element.yml:{len(text.splitlines()) + 1}: {message}" in proc.stdout, proc.stdout


def test_a_manual_names_its_own_anchors_query_pdfs_and_directive(tmp_path):
    """With the English starter's `addresses:` (anchors, query name and PDF names included),
    the English manual's pages, links, anchors and query names hold no Dutch word, the
    chapter directive is `/// elements`, and the scripts read the names from the page."""
    import yaml
    root = tmp_path / "manual"
    shutil.copytree(FIXTURE, root)
    english = yaml.safe_load((REPO / "plugins/werkwijze/schema/translations/en.yml").read_text("utf-8"))
    table = english["addresses"]
    schema = root / "schema" / "element.yml"
    schema.write_text(schema.read_text("utf-8") + yaml.safe_dump({"addresses": table}), "utf-8")
    for page in (root / "docs").glob("*.md"):
        page.write_text(page.read_text("utf-8").replace("/// elementen", "/// elements")
                        .replace("elementen/", "elements/"), "utf-8")
    chapter = root / "docs" / "chapter.md"
    config = root / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("elementen/index.md", "elements/index.md"), "utf-8")
    result = _build(root)
    assert result.returncode == 0, result.output
    anchors = table["anchors"]
    element = result.page("elements/open-talks/")
    for key in ("core", "properties", "cite"):
        assert f'id="{anchors[key]}"' in element, key
    assert 'id="kern"' not in element and 'id="verwijzen"' not in element
    assert f'data-tekst="{table["text_query"]}"' in result.page("elements/")
    assert f'name="{table["text_query"]}"' in result.page("")  # the search box's query
    assert "open-talks/" in result.page("chapter/").split('class="md-content"')[1]  # the directive's list
    assert dutch_in_addresses(result.site) == {}
    # `werkwijze adressen` lists the manual's own element anchors and data files.
    config.write_text(config.read_text("utf-8").replace('published_urls: ""', "published_urls: urls.txt"), "utf-8")
    proc = _run([str(BIN / "werkwijze"), "adressen"], root)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    listed = (root / "urls.txt").read_text("utf-8")
    assert f"/elements/open-talks/#{anchors['core']}" in listed and "/elements.json" in listed, listed
    # The old name is now an unknown block: the check names it with file and line.
    chapter.write_text(chapter.read_text("utf-8").replace("/// elements", "/// elements\ntopix: trust"), "utf-8")
    proc = _run([str(BIN / "werkwijze"), "check"], root)
    assert "docs/chapter.md:" in proc.stdout and "'/// elements'" in proc.stdout, proc.stdout


def test_this_manual_keeps_its_published_addresses():
    """No `addresses:` in this manual's schema: the defaults are its contract."""
    from werkwijze.core.model.schema import parse_schema_text
    from werkwijze.core.paths import DEFAULT_ADDRESSES
    schema = parse_schema_text((REPO / "schema" / "element.yml").read_text("utf-8"))
    assert schema.addresses == DEFAULT_ADDRESSES
    published = (REPO / "tests" / "published-urls.txt").read_text("utf-8")
    for url in ("/elementen/", "/elementen.json", "/elementen.csv", "/werkkaarten/", "/bronnen/",
                "/wijzigingen/", "/leerlijnen/"):
        assert f"\n{url}" in published or published.startswith(url), url
    assert (DEFAULT_ADDRESSES.overview, DEFAULT_ADDRESSES.json_file, DEFAULT_ADDRESSES.work_cards_src) == (
        "elementen/index.md", "elementen.json", "werkkaarten/index.md")


def test_an_emptied_optional_field_counts_as_not_filled_in(tmp_path):
    """The browser editor writes `field: ""` when an editor empties a field: for an optional
    field that is not an error (shown as not yet described); for a required one it is."""
    root = tmp_path / "manual"
    shutil.copytree(FIXTURE, root)
    element = root / "elements" / "open-talks.md"
    text = element.read_text("utf-8")
    element.write_text(re.sub(r"(?m)^(setting|seen): .*$", r'\1: ""', text), "utf-8")
    proc = _run([str(BIN / "werkwijze"), "check"], root)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    element.write_text(text.replace("title: Open talks", 'title: ""'), "utf-8")
    proc = _run([str(BIN / "werkwijze"), "check"], root)
    assert proc.returncode == 1 and "elements/open-talks.md:2: 'title' is empty." in proc.stdout, proc.stdout
