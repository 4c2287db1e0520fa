"""Helpers for the safety and privacy browser tests (the browser itself comes from
conftest.py): serve a built site with extra response headers such as a
Content-Security-Policy, and list a built site's pages."""
from __future__ import annotations

import contextlib
import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class _Handler(SimpleHTTPRequestHandler):
    extra_headers: dict[str, str] = {}

    def end_headers(self):
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, *args):  # keep test output quiet
        pass


@contextlib.contextmanager
def serve(directory: Path, headers: dict[str, str] | None = None):
    """Serve `directory` on a free local port; yields the base URL ('http://127.0.0.1:N/')."""
    handler = type("Handler", (_Handler,), {"extra_headers": dict(headers or {})})
    server = ThreadingHTTPServer(("127.0.0.1", 0),
                                 functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def page_urls(site: Path) -> list[str]:
    """Every page of a built site, as URLs relative to its root ('', 'elementen/x/', ...)."""
    urls = []
    for index in sorted(site.rglob("index.html")):
        rel = index.parent.relative_to(site).as_posix()
        if rel.startswith(("assets", "search")):
            continue
        urls.append("" if rel == "." else rel + "/")
    return urls
