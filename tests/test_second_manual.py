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

from sitebuilder import BIN, BuildResult

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
    assert "Core" in text and "Related elements" in text and "Properties" in text
    # the extra text field and the extra taxonomy list, under their labels
    assert "Setting A fictional school in a fictional town." in text
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
    assert list(talks) == ["id", "title", "kind", "summary", "topics", "audiences", "setting",
                           "sources", "related", "url"]  # `questions` has export: false
    header = (site.site / "elementen.csv").read_text("utf-8-sig").splitlines()[0]
    assert header == "id,title,kind,summary,topics,audiences,setting,sources,related,url"
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


@pytest.mark.parametrize("language, ok", [("nl", "Alles in orde: 1 element, 1 hoofdstuk."),
                                          ("en", "All fine: 1 element, 1 chapter.")])
def test_init_creates_a_manual_that_builds_and_checks_at_once(tmp_path, language, ok):
    proc = _run([str(BIN / "werkwijze"), "init", "nieuw", "--taal", language], tmp_path)
    assert proc.returncode == 0, proc.stderr
    root = tmp_path / "nieuw"
    for rel in ("mkdocs.yml", "schema/element.yml", "schema/element.schema.json", "docs/index.md",
                ".gitignore", "README.md", "frontmatter.json"):
        assert (root / rel).is_file(), rel
    assert (root / "schema" / "element.yml").read_text("utf-8") == \
        (REPO / "plugins" / "werkwijze" / "schema" / "element.yml").read_text("utf-8")
    check = _run([str(BIN / "werkwijze"), "check"], root)
    assert check.returncode == 0 and ok in check.stderr, check.stdout + check.stderr
    result = _build(root)
    assert result.returncode == 0, result.output
    element = next((root / "elements").glob("*.md")).read_text("utf-8")
    assert ("Voorbeeld" if language == "nl" else "Example") in element  # marked as an example


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
    plan = tmp_path / "plan"
    page = (plan / "elementen" / "open-talks.md").read_text("utf-8")
    assert page.startswith("# Open talks") and "Talking openly builds *trust*" in page
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
    assert (tmp_path / "studie" / "site" / "elementen" / "example-element" / "index.html").is_file()
