"""The browser editor at /beheer/: its config.yml agrees with the schema, the vendored CMS is
the recorded one, and the page stays out of the nav, the sitemap and the search."""
from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from werkwijze.core.validate.load import load_manual
from werkwijze.core.model.fieldkinds import KINDS
from werkwijze.core.render.decapconfig import decap_config, repository
from werkwijze.core.site.beheer import VENDOR_RECORD, VENDORED, vendored_files
from werkwijze.core.sources.project import read_layout
from werkwijze.publish import csp

from sitebuilder import BIN

REPO = Path(__file__).resolve().parent.parent
ENGLISH = REPO / "tests" / "manuals" / "english"
GITHUB = repository("https://github.com/voorbeeld/werkwijze", "edit/main/docs/")


def build_english(folder: Path, extra_config: str = "") -> Path:
    """The English test manual, copied to `folder` (with `extra_config` in mkdocs.yml), built."""
    shutil.copytree(ENGLISH, folder)
    with (folder / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write(extra_config)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run([str(BIN / "mkdocs"), "build", "--strict"], cwd=folder, env=env,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return folder / "site"


@pytest.fixture(scope="module", params=[REPO, ENGLISH], ids=["nl", "en"])
def generated(request):
    manual = load_manual(read_layout(request.param / "mkdocs.yml"))
    assert not manual.problems
    config = decap_config(manual.schema, manual.taxonomies, list(manual.elements.values()),
                          elements_dir=manual.layout.elements_dir,
                          language=manual.layout.language, repo=GITHUB)
    return manual, config


def test_every_schema_field_in_schema_order_with_its_rules(generated):
    manual, config = generated
    fields = config["collections"][0]["fields"]
    assert all(c["fields"] == fields for c in config["collections"])
    assert [f["name"] for f in fields] == [*manual.schema.fields, "body"]
    widgets = {"text": {"string", "text"}, "choice": {"select"}, "date": {"datetime"},
               "list": {"select", "list"}}
    assert set(widgets) == set(KINDS)  # a new field kind needs its widget here and its browser_field
    for field in fields[:-1]:
        spec = manual.schema.fields[field["name"]]
        assert (field["label"], field["hint"], field["required"]) == (spec.label, spec.help, spec.required)
        assert field["widget"] in widgets[spec.kind], spec.name
        if spec.kind == "date":
            assert field["format"] == field["date_format"] == "YYYY-MM-DD" and field["time_format"] is False
        if spec.kind == "list":
            assert field.get("min", 0) == spec.min_items and field.get("max") == spec.max_items
        if spec.kind == "text" and spec.max_length:
            rule = re.compile(field["pattern"][0])
            assert rule.match("x" * spec.max_length) and not rule.match("x" * (spec.max_length + 1))
            assert bool(rule.match("   ")) is not spec.required


def test_taxonomy_fields_offer_exactly_the_taxonomy_by_name(generated):
    manual, config = generated
    fields = {f["name"]: f for f in config["collections"][0]["fields"]}
    checked = 0
    for name, spec in manual.schema.fields.items():
        if not spec.taxonomy:
            continue
        terms = manual.taxonomies[spec.taxonomy]
        expected = [(t.name, t.id) for t in terms]
        if spec.exclusive:
            expected.insert(0, (manual.schema.generic_region_label or spec.exclusive, spec.exclusive))
        assert [(o["label"], o["value"]) for o in fields[name]["options"]] == expected
        assert fields[name]["widget"] == "select"
        assert fields[name].get("multiple", False) is (spec.kind == "list")
        checked += 1
    assert checked >= 3


def test_related_elements_are_a_choice_of_existing_elements(generated):
    manual, config = generated
    fields = {f["name"]: f for f in config["collections"][0]["fields"]}
    element_fields = [s for s in manual.schema.fields.values() if s.items == "element"]
    assert element_fields
    for spec in element_fields:
        offered = {o["value"] for o in fields[spec.name]["options"]}
        expected = {e.id for e in manual.elements.values()
                    if not spec.target_soort or e.kind == spec.target_soort}
        assert offered == expected and fields[spec.name]["multiple"] is True


def test_one_collection_per_folder_of_elements(generated):
    manual, config = generated
    folders = {str(Path(e.path).parent) for e in manual.elements.values()}
    assert {c["folder"] for c in config["collections"]} == folders
    assert len({c["name"] for c in config["collections"]}) == len(folders)
    themes = manual.taxonomies[manual.schema.role_field("themes").taxonomy]
    for collection in config["collections"]:
        folder = Path(collection["folder"]).name
        if folder in themes:
            assert collection["label"] == themes.label(folder)
        assert collection["identifier_field"] == manual.schema.roles.title
        assert collection["slug"] == "{{slug}}" and collection["create"] is True


def test_collection_backend_and_language(generated):
    manual, config = generated
    collection = config["collections"][0]
    assert config["locale"] == manual.layout.language
    assert config["backend"] == {**config["backend"], "name": "github", "repo": "voorbeeld/werkwijze",
                                 "branch": "main", "open_authoring": True}
    assert config["publish_mode"] == "editorial_workflow"
    body = collection["fields"][-1]
    assert body["widget"] == "markdown"
    assert ("/// regio" in body["hint"]) is (manual.schema.region_field is not None)


@pytest.mark.parametrize("url, edit_uri, expected", [
    ("https://github.com/org/manual", None, ("github", "org/manual", "main")),
    ("https://github.com/org/manual.git/", "edit/develop/docs/", ("github", "org/manual", "develop")),
    ("https://gitlab.com/org/manual", "-/edit/main/docs/", ("gitlab", "org/manual", "main")),
    ("https://example.org/org/manual", None, None),
    ("http://github.com/org/manual", None, None),
    ("https://github.com/org", None, None),
    (None, None, None),
])
def test_repository_from_repo_url(url, edit_uri, expected):
    repo = repository(url, edit_uri)
    assert (repo and (repo.backend, repo.repo, repo.branch)) == expected


def test_sign_in_service_only_over_https(generated):
    manual, _ = generated
    make = lambda url: decap_config(manual.schema, manual.taxonomies, [], elements_dir="elements",  # noqa: E731
                                    language="nl", repo=GITHUB, login_url=url)["backend"]
    assert make("https://login.example.org")["base_url"] == "https://login.example.org"
    assert "base_url" not in make("http://login.example.org") and "base_url" not in make(None)


def test_vendored_cms_is_the_recorded_version():
    record = json.loads(VENDOR_RECORD.read_text("utf-8"))
    assert record["package"] == "decap-cms" and re.fullmatch(r"\d+\.\d+\.\d+", record["version"])
    assert record["license"] == "MIT"
    on_disk = {p.name for p in VENDORED.iterdir()} - {VENDOR_RECORD.name}
    assert on_disk == set(record["files"])
    for name, digest in record["files"].items():
        assert hashlib.sha256((VENDORED / name).read_bytes()).hexdigest() == digest, name
    assert "beheer/decap-cms.js" in vendored_files()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build_english(tmp_path_factory.mktemp("beheer") / "manual",
                         "repo_url: https://github.com/voorbeeld/practice\nedit_uri: edit/main/docs/\n"
                         "extra:\n  werkwijze_beheer_login: https://login.example.org\n")


def test_the_page_is_published_but_not_listed(built):
    page = (built / "beheer" / "index.html").read_text("utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert '<html lang="en">' in page and '<script src="decap-cms.js"></script>' in page
    assert "<script>" not in page  # no inline script: its policy needs no hash
    assert (built / "beheer" / "decap-cms.js").stat().st_size > 1_000_000
    config = yaml.safe_load((built / "beheer" / "config.yml").read_text("utf-8"))
    assert config["locale"] == "en" and config["backend"]["repo"] == "voorbeeld/practice"
    assert config["backend"]["base_url"] == "https://login.example.org"
    assert "beheer" not in (built / "sitemap.xml").read_text("utf-8")
    assert "beheer" not in (built / "index.html").read_text("utf-8")
    fragments = [gzip.decompress(p.read_bytes()) for p in (built / "pagefind" / "fragment").iterdir()]
    assert any(b"\"url\":\"/" in f for f in fragments)
    assert not [f for f in fragments if b"/beheer/" in f]  # not in the search


def test_the_page_has_its_own_policy(built, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(built, site)
    csp.write_meta(site)
    own = csp.cms_policy(site, meta=True)
    assert "connect-src 'self' https://api.github.com;" in own and "frame-ancestors" not in own
    assert "'unsafe-eval'" not in csp.policy(site)  # the reader pages stay strict
    page = (site / "beheer" / "index.html").read_text("utf-8")
    assert page.count("Content-Security-Policy") == 1 and csp.meta_element(own) in page
    assert csp.meta_element(own) not in (site / "index.html").read_text("utf-8")


def test_no_editor_where_pages_have_no_edit_links(tmp_path):
    site = build_english(tmp_path / "manual", "repo_url: https://github.com/voorbeeld/practice\nedit_uri: ''\n"
                                              "extra:\n  werkwijze_beheer_login: https://login.example.org\n")
    assert not (site / "beheer").exists()


def test_without_its_own_sign_in_service_the_page_says_where_to_edit_meanwhile(tmp_path):
    """Decap would sign editors in through Netlify's service (a third party): no editor,
    but the address an editor was given explains, and links the elements on the host."""
    site = build_english(tmp_path / "manual", "repo_url: https://github.com/voorbeeld/practice\n"
                                              "edit_uri: edit/work/docs/\n")
    page = (site / "beheer" / "index.html").read_text("utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in page and '<html lang="en">' in page
    assert "<script" not in page and not (site / "beheer" / "config.yml").exists()
    assert "not switched on yet" in page and "extra.werkwijze_beheer_login" in page
    assert '<a href="https://github.com/voorbeeld/practice/tree/work/elements">' in page
    assert '<a href="../">' in page  # back to the site
    assert csp.cms_policy(site) is None  # the reader pages' strict policy is enough
    assert "beheer" not in (site / "sitemap.xml").read_text("utf-8")


def test_no_editor_without_a_repository(tmp_path):
    site = build_english(tmp_path / "manual")
    assert not (site / "beheer").exists()
    assert csp.cms_policy(site) is None
