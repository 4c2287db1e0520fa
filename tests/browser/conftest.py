"""Browser test fixtures: one build per corpus, one local server each, one Chromium.

Every test gets a fresh browser context that records all requests and console errors;
the `browse` fixture fails the test if any request leaves 127.0.0.1 or the page logs
an error.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO / "scripts"))

from generate import corpus_files  # noqa: E402
from reader_helpers import Server  # noqa: E402
from sitebuilder import BIN, Project  # noqa: E402
from test_tools import advice, message  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
CORPUS_SIZE = 1000
# A leerlijn in the big corpus: its cards are on several theme pages (fictional).
CORPUS_LEERLIJN = ("titel: Fictieve grote leerlijn\ndoelgroep: Testers\nstappen:\n"
                   + "".join(f"  - element: test-000{n}\n    notitie: Bespreek kaart {n}.\n" for n in (1, 2, 3)))


def pytest_collection_modifyitems(items):
    for item in items:
        if str(HERE) in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session", autouse=True)
def _test_tools():
    """Every browser test fails (never skips) while Chromium, Java or the npm test tools are
    missing, naming the one command that fixes it (scripts/test_tools.py; `make test` runs it)."""
    command = advice()
    if command:
        pytest.fail(message(command), pytrace=False)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _serve(site: Path):
    server = Server(site)
    try:
        yield server
    finally:
        server.close()


@pytest.fixture(scope="session")
def real_site(tmp_path_factory):
    """The manual in this repository, built once."""
    out = tmp_path_factory.mktemp("real") / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run([str(BIN / "mkdocs"), "build", "--strict", "-d", str(out)], cwd=REPO,
                          env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    yield from _serve(out)


@pytest.fixture(scope="session")
def corpus_site(tmp_path_factory):
    """The fictional test manual plus CORPUS_SIZE generated elements, built once."""
    project = Project(tmp_path_factory.mktemp("corpus") / "manual",
                      {**corpus_files(CORPUS_SIZE), "data/leerlijnen/grote-sessie.yml": CORPUS_LEERLIJN})
    result = project.build("mkdocs", "--strict")
    assert result.returncode == 0, result.output
    yield from _serve(result.site)


class Browse:
    """A page in a fresh context, recording requests and console errors."""

    def __init__(self, browser, java_script_enabled=True):
        self.context = browser.new_context(java_script_enabled=java_script_enabled)
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def new_page(self):
        page = self.context.new_page()
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        return page

    def third_party(self) -> list[str]:
        return [u for u in self.requests
                if urlparse(u).scheme not in ("data", "blob", "about")
                and urlparse(u).hostname != "127.0.0.1"]


@pytest.fixture
def browse(browser):
    """browse() -> Browse; after the test: no third-party request, no console error."""
    opened: list[Browse] = []

    def make(java_script_enabled=True) -> Browse:
        b = Browse(browser, java_script_enabled)
        opened.append(b)
        return b

    yield make
    for b in opened:
        b.context.close()
    for b in opened:
        assert b.third_party() == [], f"requests left the site: {b.third_party()}"
        assert b.errors == [], f"console errors: {b.errors}"


@pytest.fixture(scope="session")
def axe_source() -> str:
    path = HERE / "node_modules" / "axe-core" / "axe.min.js"
    return path.read_text("utf-8")
