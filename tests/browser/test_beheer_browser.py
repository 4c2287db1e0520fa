"""The browser editor at /beheer/ in Chromium, with no network: Decap CMS from the published
site (with its own Content-Security-Policy) against `decap-server`, Decap's local backend, on
this test's own port and a temporary copy of a manual. An editor lists every element, opens
one, sees every schema field with its label and the schema's help, is refused an empty
required field, chooses from exactly the taxonomy's values, saves a changed summary (only
that value changes; `werkwijze check` passes) and creates a new element in the right folder.

Test-only changes to the published files: `local_backend` in config.yml (Decap uses it only
on 127.0.0.1/localhost) and the decap-server port in the page's `connect-src`.
"""
from __future__ import annotations

import difflib
import os
import re
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
import yaml

from werkwijze.core.validate.load import load_manual
from werkwijze.core.model.schema import ID_PATTERN
from werkwijze.core.render.decapyaml import element_text, front_matter
from werkwijze.core.sources.frontmatter import decode, split
from werkwijze.core.sources.yamltree import Seq
from werkwijze.core.sources.project import read_layout

from reader_helpers import Server
from sitebuilder import BIN

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
ENGLISH = REPO / "tests" / "manuals" / "english"
DECAP_SERVER = HERE / "node_modules" / "decap-server" / "dist" / "index.js"
REPO_URL = "https://github.com/voorbeeld/handboek"  # fictional: the local backend replaces it
LOGIN_URL = "https://inloggen.voorbeeld.invalid"  # fictional, never contacted
SCREENSHOTS = REPO / ".github" / "beheer"  # for CONTRIBUTING (WERKWIJZE_SCREENSHOTS=1)
# Decap rejects its save promise with `undefined` when the form is invalid (it shows the
# errors in the form): Chromium reports that as a page error "undefined".
INVALID_SAVE_ERROR = "undefined"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Editor:
    """A manual copied to `root`, published, served, with decap-server on its own port."""

    def __init__(self, source: Path, root: Path):
        shutil.copytree(source, root, ignore=shutil.ignore_patterns("site", "public", ".*"))
        config = root / "mkdocs.yml"  # a sign-in service (fictional: the local backend needs none)
        text = config.read_text("utf-8")
        config.write_text(text.replace("\nextra:\n", f"\nextra:\n  werkwijze_beheer_login: {LOGIN_URL}\n")
                          if "\nextra:\n" in text else text + f"extra:\n  werkwijze_beheer_login: {LOGIN_URL}\n",
                          "utf-8")
        self.root = root
        self.out = root.parent / "published"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        proc = subprocess.run(
            [str(BIN / "werkwijze"), "publiceer", str(self.out), "--zonder-edities", "--zonder-pdf",
             "--repo-url", REPO_URL, "--edit-uri", "edit/main/docs/"],
            cwd=root, env=env, capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stdout + proc.stderr  # with its check of every address
        # The editor's own policy, for a web server's header on /beheer/ (publish/publisher.py).
        assert "'unsafe-eval'" in (self.out / "csp-header-beheer.txt").read_text("utf-8")
        self.port = _free_port()
        self.backend = subprocess.Popen(
            ["node", str(DECAP_SERVER)], cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            env={**os.environ, "PORT": str(self.port), "BIND_HOST": "127.0.0.1", "MODE": "fs",
                 "GIT_REPO_DIRECTORY": str(root), "LOG_LEVEL": "error"})
        api = f"http://127.0.0.1:{self.port}/api/v1"
        config = self.out / "beheer" / "config.yml"
        config.write_text(config.read_text("utf-8") + f"local_backend:\n  url: {api}\n", "utf-8")
        page = self.out / "beheer" / "index.html"
        text = page.read_text("utf-8")
        assert "connect-src 'self' https://api.github.com;" in text  # the published policy
        page.write_text(text.replace("connect-src 'self'", f"connect-src 'self' http://127.0.0.1:{self.port}"),
                        "utf-8")
        self._wait_for(api)
        self.server = Server(self.out)
        self.manual = load_manual(read_layout(root / "mkdocs.yml"))

    def _wait_for(self, api: str) -> None:
        deadline = time.monotonic() + 30
        while True:
            try:
                request = urllib.request.Request(api, data=b'{"action":"info","params":{}}',
                                                 headers={"Content-Type": "application/json"})
                urllib.request.urlopen(request, timeout=2).read()
                return
            except OSError:
                assert self.backend.poll() is None, "decap-server stopped"
                assert time.monotonic() < deadline, "decap-server did not start"
                time.sleep(0.2)

    def close(self) -> None:
        self.server.close()
        self.backend.terminate()
        self.backend.wait(timeout=10)

    def check(self) -> subprocess.CompletedProcess:
        return subprocess.run([str(BIN / "werkwijze"), "check"], cwd=self.root,
                              capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def dutch(tmp_path_factory):
    source = tmp_path_factory.mktemp("bron") / "handboek"
    source.mkdir()
    for name in ("elements", "data", "schema", "docs", "mkdocs.yml"):
        (shutil.copytree if (REPO / name).is_dir() else shutil.copyfile)(REPO / name, source / name)
    editor = Editor(source, tmp_path_factory.mktemp("beheer-nl") / "handboek")
    yield editor
    editor.close()


@pytest.fixture(scope="module")
def english(tmp_path_factory):
    editor = Editor(ENGLISH, tmp_path_factory.mktemp("beheer-en") / "manual")
    yield editor
    editor.close()


def open_editor(page, editor: Editor, sign_in: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(editor.server.url("beheer/"))
    page.get_by_role("button", name=sign_in).click()
    page.wait_for_url(re.compile(r"#/collections/"))


def shot(page, name: str) -> None:
    if os.environ.get("WERKWIJZE_SCREENSHOTS"):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def open_new_element(page, editor: Editor, collection: str) -> None:
    """The form for a new element, in a fresh document (the sign-in is kept in localStorage)."""
    page.goto("about:blank")
    page.goto(editor.server.url(f"beheer/#/collections/{collection}/new"))


def assert_lists_every_element(page, editor: Editor) -> None:
    """Each folder of elements is a collection in the side bar; together they list every element."""
    config = yaml.safe_load((editor.out / "beheer" / "config.yml").read_text("utf-8"))
    listed = set()
    for collection in config["collections"]:
        page.get_by_role("link", name=collection["label"], exact=True).click()
        page.wait_for_url(re.compile(f"#/collections/{collection['name']}$"))
        for element in editor.manual.elements.values():
            if Path(element.path).parent.as_posix() == collection["folder"]:
                page.get_by_text(element.title, exact=True).wait_for()
                listed.add(element.id)
    assert listed == set(editor.manual.elements)


def field(page, label: str):
    """The form control around the field labelled `label` (label, input, errors, hint)."""
    return page.locator("label", has_text=re.compile("^" + re.escape(label))).first.locator("xpath=../..")


def input_id(page, label: str) -> str:
    return page.locator("label", has_text=re.compile("^" + re.escape(label))).first.get_attribute("for")


def open_choices(page, label: str) -> list[str]:
    page.locator("#" + input_id(page, label)).click()
    options = page.get_by_role("option")
    options.first.wait_for()
    texts = options.all_inner_texts()
    page.keyboard.press("Escape")
    return texts


def choose(page, label: str, option: str) -> None:
    page.locator("#" + input_id(page, label)).click()
    page.get_by_role("option", name=option, exact=True).click()
    page.keyboard.press("Escape")


def publish(page, publish: str, now: str) -> None:
    page.get_by_role("button", name=publish, exact=True).click()
    page.get_by_role("menuitem", name=now, exact=True).click()


def front_matter_and_body(path: Path) -> tuple[dict, str]:
    """The front matter as plain values (key order kept) and the body, as the check reads them."""
    from test_jsonschema import plain
    document = split(decode(path.read_bytes()))
    return plain(document.meta), document.body


def wait_until_changed(path: Path, before: bytes, timeout: float = 15) -> bytes:
    """The file once saved: changed, and the same on two reads in a row (decap-server
    truncates the file before it writes it: a read in between sees it empty)."""
    deadline = time.monotonic() + timeout
    previous = before
    while True:
        assert time.monotonic() < deadline, f"{path} was not saved"
        time.sleep(0.2)
        current = path.read_bytes()
        if current != before and current == previous:
            return current
        previous = current


def assert_every_field_labelled(page, schema) -> None:
    """Every schema field is in the form with its label and its help text."""
    labels = page.locator("label").all_text_contents()
    for spec in schema.fields.values():
        assert any(text == spec.label or text.startswith(spec.label + " (") for text in labels), spec.label
        assert spec.help in field(page, spec.label).inner_text(), spec.name


def assert_empty_summary_refused(b, page, schema, path: Path, original: bytes, words: tuple[str, str],
                                 required: str, screenshot: str | None = None) -> None:
    """An emptied required field is refused next to the schema's help text; nothing is written."""
    summary_label = schema.fields[schema.roles.summary].label
    page.locator("#" + input_id(page, summary_label)).fill("")
    publish(page, *words)
    summary = field(page, summary_label)
    summary.get_by_text(f"{summary_label} {required}").wait_for()
    assert schema.fields[schema.roles.summary].help in summary.inner_text()
    if screenshot:
        shot(page, screenshot)
    time.sleep(1)
    assert path.read_bytes() == original
    assert b.errors.count(INVALID_SAVE_ERROR) == 1
    b.errors.remove(INVALID_SAVE_ERROR)


def assert_summary_saved_alone(page, editor: Editor, path: Path, original: bytes, new_summary: str,
                               words: tuple[str, str]) -> None:
    """A changed summary is saved: the file differs only in that value's lines (every other
    line, the order, the quoting and the body stay byte for byte); the check passes."""
    schema = editor.manual.schema
    page.locator("#" + input_id(page, schema.fields[schema.roles.summary].label)).fill(new_summary)
    publish(page, *words)
    saved = wait_until_changed(path, original)
    assert_only_changed(original, saved, schema.roles.summary, new_summary, list(schema.fields))
    checked = editor.check()
    assert checked.returncode == 0, checked.stdout + checked.stderr


def assert_optional_field_emptied(page, editor: Editor, path: Path, name: str, words: tuple[str, str]) -> None:
    """Emptying an optional field changes only its line (Decap writes it empty or leaves it
    out), and the check passes: an empty optional value counts as not filled in."""
    spec = editor.manual.schema.fields[name]
    assert not spec.required
    before = path.read_bytes()
    page.locator("#" + input_id(page, spec.label)).fill("")
    publish(page, *words)
    saved = wait_until_changed(path, before)
    changed = [line for line in difflib.unified_diff(before.decode("utf-8").split("\n"),
                                                     saved.decode("utf-8").split("\n"), lineterm="", n=0)
               if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert changed and all(line[1:].startswith(f"{name}:") for line in changed), changed
    checked = editor.check()
    assert checked.returncode == 0, checked.stdout + checked.stderr
    values, _ = front_matter_and_body(path)
    assert not values.get(name), values


def assert_taxonomies_offered_by_name(page, manual) -> None:
    """Every taxonomy field offers exactly its taxonomy's values, by name (the exclusive
    value, e.g. generic, first)."""
    schema = manual.schema
    for spec in schema.fields.values():
        if spec.taxonomy:
            names = [t.name for t in manual.taxonomies[spec.taxonomy]]
            if spec.exclusive:
                names.insert(0, schema.generic_region_label)
            assert open_choices(page, spec.label) == names, spec.name


def test_dutch_editor_edits_and_creates_elements(dutch, browse):
    b = browse()
    page = b.page
    manual = dutch.manual
    schema = manual.schema
    open_editor(page, dutch, "Inloggen")
    assert_lists_every_element(page, dutch)
    page.get_by_role("link", name=manual.taxonomies["themas"].label("partnerschap"), exact=True).click()
    shot(page, "lijst")

    # One element: every schema field with its Dutch label and help text.
    element = manual.elements["gezamenlijke-visie"]
    path = dutch.root / element.path
    original = path.read_bytes()
    page.get_by_text(element.title, exact=True).click()
    summary_label = schema.fields[schema.roles.summary].label
    field(page, summary_label).wait_for()
    assert_every_field_labelled(page, schema)
    shot(page, "element")

    words = ("Publiceer", "Publiceer nu")
    assert_empty_summary_refused(b, page, schema, path, original, words, "is vereist.", "verplicht")
    assert_summary_saved_alone(page, dutch, path, original,
                               "Gemeenten, praktijkorganisaties en professionals werken vanuit een gezamenlijke "
                               "visie: zo'n visie \"helpt\" volgens de factsheet.", words)

    # A new element: every taxonomy offers exactly its values, by name; the file lands in
    # the folder of its first theme, named by its title (a valid id); the check passes.
    open_new_element(page, dutch, "elementen-partnerschap")
    title_label = schema.fields[schema.roles.title].label
    field(page, title_label).wait_for()
    assert_taxonomies_offered_by_name(page, manual)
    page.locator("#" + input_id(page, title_label)).fill("Samen de visie bespreken")
    soort = schema.soorten["werkzaam"].label
    choose(page, schema.fields[schema.roles.kind].label, soort)
    page.locator("#" + input_id(page, summary_label)).fill("Partners bespreken samen hun visie.")
    choose(page, schema.fields[schema.roles.themes].label, manual.taxonomies["themas"].label("partnerschap"))
    choose(page, "Betrokkenen", manual.taxonomies["betrokkenen"].label("gemeente"))
    choose(page, schema.fields[schema.roles.regions].label, schema.generic_region_label)
    choose(page, schema.fields[schema.roles.sources].label,
           manual.taxonomies["bronnen"].label("factsheet-tussenresultaten"))
    choose(page, schema.fields[schema.roles.status].label, manual.taxonomies["statussen"].label("concept"))
    shot(page, "nieuw")
    publish(page, "Publiceer", "Publiceer nu")
    created = dutch.root / "elements" / "partnerschap" / "samen-de-visie-bespreken.md"
    deadline = time.monotonic() + 15
    while not created.exists():
        assert time.monotonic() < deadline, sorted(p.relative_to(dutch.root).as_posix() for p in (dutch.root / "elements").rglob("*.md"))
        time.sleep(0.2)
    assert re.fullmatch(ID_PATTERN, created.stem)
    values, _ = front_matter_and_body(created)
    assert values[schema.roles.title] == "Samen de visie bespreken"
    assert values[schema.roles.themes] == ["partnerschap"]
    checked = dutch.check()
    assert checked.returncode == 0, checked.stdout + checked.stderr


def assert_only_changed(before: bytes, after: bytes, name: str, value: str, order: list[str]) -> None:
    """`after` is `before` with only the lines of field `name` changed, to `value`: the
    file was in the editor's form (core/render/decapyaml.py), and so is the saved one."""
    old, new = before.decode("utf-8"), after.decode("utf-8")
    assert element_text(old, order) == old, "the element file was not in the editor's form"
    document = split(old)
    values = {key: _plain(node) for key, (_, node) in document.meta.items.items()}
    values[name] = value
    body = old.split("\n", document.body_first_line - 1)[-1]
    assert new == "---\n" + front_matter(values) + "---\n" + body
    changed = [line for line in difflib.unified_diff(old.split("\n"), new.split("\n"), lineterm="", n=0)
               if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert changed and all(line[1:].startswith((f"{name}:", "  ")) for line in changed), changed


def _plain(node):
    return [item.value for item in node.items] if isinstance(node, Seq) else node.value


def test_english_editor_speaks_english_and_knows_its_own_fields(english, browse):
    b = browse()
    page = b.page
    manual = english.manual
    schema = manual.schema
    open_editor(page, english, "Login")
    assert_lists_every_element(page, english)
    element = manual.elements["open-talks"]
    path = english.root / element.path
    original = path.read_bytes()
    page.get_by_text(element.title, exact=True).click()
    summary_label = schema.fields[schema.roles.summary].label
    field(page, summary_label).wait_for()
    assert_every_field_labelled(page, schema)
    page.get_by_role("button", name="Published", exact=True).wait_for()  # Decap speaks English

    words = ("Publish", "Publish now")
    assert_empty_summary_refused(b, page, schema, path, original, words, "is required.")
    assert_summary_saved_alone(page, english, path, original, "Coaches and teachers talk openly every week, "
                               "and: \"often\" more than that, as the report says.", words)
    assert_optional_field_emptied(page, english, path, "setting", words)

    # A new element: exactly each taxonomy's values by name; the required fields filled; it
    # lands in the elements folder as <slug of the title>.md, and the check passes.
    open_new_element(page, english, "elementen")
    title_label = schema.fields[schema.roles.title].label
    field(page, title_label).wait_for()
    assert_taxonomies_offered_by_name(page, manual)
    page.locator("#" + input_id(page, title_label)).fill("Shared lunch")
    choose(page, schema.fields[schema.roles.kind].label, schema.soorten["enabler"].label)
    page.locator("#" + input_id(page, summary_label)).fill("Teams eat together once a week.")
    for spec in schema.fields.values():
        if spec.required and spec.taxonomy and spec.kind == "list":
            choose(page, spec.label, next(iter(manual.taxonomies[spec.taxonomy])).name)
    publish(page, "Publish", "Publish now")
    created = english.root / "elements" / "shared-lunch.md"
    deadline = time.monotonic() + 15
    while not created.exists():
        assert time.monotonic() < deadline, sorted(p.name for p in (english.root / "elements").rglob("*.md"))
        time.sleep(0.2)
    assert re.fullmatch(ID_PATTERN, created.stem)
    values, _ = front_matter_and_body(created)
    assert values[schema.roles.title] == "Shared lunch"
    days = [name for name, spec in schema.fields.items() if spec.kind == "date"]
    assert days and not set(days) & set(values)  # a day left empty is left out, not today's
    checked = english.check()
    assert checked.returncode == 0, checked.stdout + checked.stderr
