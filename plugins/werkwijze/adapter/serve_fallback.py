"""Under `mkdocs serve`: a save with content errors keeps the last good site served.

MkDocs' livereload server holds every page request while a rebuild fails: it waits for a
build that succeeded, and the browser shows nothing. So, once a build has succeeded:

- the plugin loads the manual in `on_pre_build`, before MkDocs cleans the site folder;
  with problems, `check()` logs them (the same `file:line: message` lines as
  `werkwijze check`) and raises `KeptLastGood`, so nothing in the site folder changes;
- `attach()` wraps the server's builder: it catches `KeptLastGood` and returns normally,
  so the server serves the folder at once (the last good site) and reloads the browsers;
- it also wraps the server's WSGI app: while problems are known, every HTML page it sends
  gets a notice at the top of its body (file, line and message, from the catalogue).
  The files on disk never change, so the `--dirty` page cache (adapter/pagecache.py) is not
  affected; the next good build removes the notice with the normal reload.

A rebuild that fails after every page was written (the plugin's `on_post_build` sets
`written`) is served as well, with the logged warnings and errors as the notice: MkDocs'
`--strict` abort for its own warnings (a nav entry to a missing page, ...), or the
published-URL check (an element renamed without an alias).

`mkdocs build` never gets here: without `serve`, the plugin fails the build as before.
"""
from __future__ import annotations

import functools
import html
import logging
import re
from collections.abc import Callable, Iterable

from ..core.i18n import t
from ..core.problems import Problem

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..core.model.manual import Manual

log = logging.getLogger("mkdocs.plugins.werkwijze")

SHOWN = 10  # problems listed on the page; the terminal has all of them
_BODY = re.compile(rb"<body\b[^>]*>", re.I)
_STYLE = ("position:relative;z-index:1000;margin:0;padding:.8rem 1.2rem;"
          "background:#fff3cd;color:#1a1a1a;border-bottom:.2rem solid #b00020;"
          "font:1rem/1.5 system-ui,sans-serif")


class KeptLastGood(Exception):
    """A rebuild stopped before it changed anything: the content has problems."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(f"{len(self.problems)} content problems")


def notice_html(problems: list[Problem], area: str = "serve.notice") -> str:
    """The notice every served page shows while the content has problems (`area`: the
    catalogue keys of its title and intro)."""
    items = "".join(
        (f'<li><code>{html.escape(f"{p.path}:{p.line}")}</code>: ' if p.path else "<li>")
        + f"{html.escape(p.message)}</li>" for p in problems[:SHOWN])
    more = (f"<p>{html.escape(t('serve.notice.more', count=len(problems) - SHOWN))}</p>"
            if len(problems) > SHOWN else "")
    return (f'<div class="werkwijze-serve-notice" role="alert" style="{_STYLE}">'
            f"<p><strong>{html.escape(t(f'{area}.title'))}</strong> "
            f"{html.escape(t(f'{area}.intro'))}</p>"
            f'<ul style="margin:.4rem 0 0 1.2rem;padding:0">{items}</ul>{more}</div>')


class _Warnings(logging.Handler):
    """Collects what MkDocs (or ProperDocs) logs as a warning or error during one build."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def insert_notice(page: bytes, notice: bytes) -> bytes:
    """`page` with `notice` right after its <body> tag (at the start if it has none)."""
    match = _BODY.search(page)
    at = match.end() if match else 0
    return page[:at] + notice + page[at:]


class ServeFallback:
    def __init__(self):
        self.problems: list[Problem] = []
        self._notice: bytes | None = None  # read by the server thread, set by the build thread
        self.written = False  # this build has written every page (set in on_post_build)

    def check(self, manual: Manual, have_last_good: bool):
        """The manual, or `KeptLastGood` when it has problems and a last good site exists."""
        if manual.problems and have_last_good:
            for problem in sorted(set(manual.problems)):
                log.error(str(problem))
            raise KeptLastGood(manual.problems)
        return manual

    def attach(self, server) -> None:
        """Wrap the livereload server's builder and WSGI app (see the module docstring)."""
        server.builder = self._builder(server.builder)
        server.set_app(self._app(server.get_app()))

    def _builder(self, build: Callable) -> Callable:
        @functools.wraps(build)
        def builder(*args, **kwargs):
            warnings = _Warnings()
            engines = [logging.getLogger(name) for name in ("mkdocs", "properdocs")]
            for engine in engines:
                engine.addHandler(warnings)
            self.written = False
            try:
                build(*args, **kwargs)
            except KeptLastGood as kept:
                self.problems = kept.problems
                self._notice = notice_html(kept.problems).encode("utf-8")
                log.error(t("serve.kept", count=len(kept.problems)))
                return  # the server now serves the folder as it is: the last good site
            except SystemExit:  # MkDocs' Abort
                if not (self.written and warnings.messages):
                    raise  # a half-written site: MkDocs holds requests until a build succeeds
                # Every page was written before the build failed: serve them, with a notice.
                self.problems = [Problem("", 0, message) for message in warnings.messages]
                self._notice = notice_html(self.problems, "serve.warnings").encode("utf-8")
                log.error(t("serve.warnings.log", count=len(warnings.messages)))
                return
            finally:
                for engine in engines:
                    engine.removeHandler(warnings)
            if self._notice is not None:
                log.info(t("serve.recovered"))
            self.problems, self._notice = [], None
        return builder

    def _app(self, app: Callable) -> Callable:
        def serve(environ, start_response) -> Iterable[bytes]:
            notice = self._notice
            if notice is None:
                return app(environ, start_response)
            sent: list = []

            def remember(status, headers, exc_info=None):
                sent[:] = [status, headers, exc_info]

            body = app(environ, remember)
            status, headers, exc_info = sent
            kind = next((v for k, v in headers if k.lower() == "content-type"), "")
            if not kind.startswith("text/html"):
                start_response(status, headers, exc_info)
                return body
            try:
                page = insert_notice(b"".join(body), notice)
            finally:
                if hasattr(body, "close"):
                    body.close()
            headers = [(k, v) for k, v in headers if k.lower() != "content-length"]
            start_response(status, [*headers, ("Content-Length", str(len(page)))], exc_info)
            return [page]
        return serve
