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


def vnu_command() -> list[str] | None:
    jar = HERE / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    java = shutil.which("java")
    return [java, "-jar", str(jar)] if jar.exists() and java else None


def open_search(page, query: str) -> None:
    """Type a query into Material's search and wait until results for *this* query show.

    Keystrokes typed before the search worker has loaded its index are lost, a busy
    machine loads it slowly, and the previous query's results may still be on screen:
    retry, and wait until the first result mentions the query's last word."""
    page.wait_for_load_state("load")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    last_word = query.split()[-1].lower()
    for wait in (500, 2_000, 5_000):
        page.wait_for_timeout(wait)
        box.fill("")
        box.press_sequentially(query, delay=20)
        try:
            page.wait_for_function(
                """word => {
                    const first = document.querySelector('.md-search-result__item');
                    return first && first.innerText.toLowerCase().includes(word);
                }""", arg=last_word, timeout=wait * 3)
            return
        except Exception:
            continue
    page.wait_for_selector(".md-search-result__item", timeout=1)  # fails with Playwright's message
