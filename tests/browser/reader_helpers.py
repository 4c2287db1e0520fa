"""Helpers for the browser tests: a local static server, search, the Nu Html Checker.

A module of its own (not conftest) so that test modules can import it by a unique name.
"""
from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path

HERE = Path(__file__).resolve().parent


class Server:
    """A threaded static server for a built site on a free port of 127.0.0.1."""

    def __init__(self, root: Path):
        self.root = root
        handler = functools.partial(_QuietHandler, directory=str(root))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str = "") -> str:
        return self.base + path.lstrip("/")

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def vnu_command() -> list[str]:
    """The Nu Html Checker's command; without Java or the npm test tools the test fails
    with the command that installs them (never a skip)."""
    import pytest
    jar = HERE / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    java = shutil.which("java")
    if not (jar.exists() and java):
        pytest.fail("The Nu Html Checker needs Java and the npm test tools. Run: make test-tools",
                    pytrace=False)
    return [java, "-jar", str(jar)]


def open_search(page, query: str) -> None:
    """Type a query into the site search (assets/search.js, Pagefind) and wait until the
    live region reports the results (or none) for *this* query."""
    page.wait_for_load_state("load")
    box = page.locator("#ww-zoek-invoer")
    if not box.is_visible():  # narrow screens: the header's search button opens it
        page.locator("label.md-header__button[for=__search]").click()
    box.focus()
    box.fill(query)
    page.wait_for_function(
        """query => {
            const status = document.querySelector('.ww-zoek__status');
            return status && status.textContent.includes('‘' + query + '’');
        }""", arg=query, timeout=30_000)


# WCAG 2.0-2.2 A and AA (the Dutch standard is moving to 2.2), and axe's best practices
# (landmarks, heading order, ...).
WCAG22 = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
WCAG22_AND_BEST = [*WCAG22, "best-practice"]


def axe_violations(page, axe_source: str, tags: list[str] = WCAG22_AND_BEST,
                   context: object = "document") -> list[str]:
    """axe-core's violations on the page (or in `context`, an axe context: a selector or
    {exclude: [...]}), one readable line each; [] is the aim."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(content=axe_source)
    violations = page.evaluate("""([tags, context]) => axe.run(context === 'document' ? document : context,
                                      {runOnly: {type: 'tag', values: tags}}).then(r => r.violations)""",
                               [tags, context])
    return [f"{v['id']}: {v['help']} — {[n['target'] for n in v['nodes']][:3]}" for v in violations]
