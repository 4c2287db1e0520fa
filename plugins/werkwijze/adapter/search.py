"""Site search with Pagefind: one record per element and per chapter, written at build time.

The records come from the manual's model and the page's HTML as MkDocs rendered it
(`page()`, called from on_page_content), without the parts in `_SKIP_CLASSES`: so the
index holds the text of elements and chapters, never the generated lists that repeat it.

- Element: title, summary, the text of its body (core, regional parts, questions for the
  session); `meta.summary` is the result text (no badge, no heading in the snippet);
  every facet of the schema is a Pagefind filter (the region filter as the site's:
  generic elements and those of a parent or child region count, core/model/facets.py).
- Chapter (a hand-written page): its text. Generated pages add their title and
  introduction only (a search for a theme finds its page), not their lists.

Pagefind's process starts with the build (`begin()`, on_files) and gets each record as
its page is rendered, through Pagefind's Python API on an event loop in a thread: its
indexing runs on the other core while MkDocs renders. Once every page is recorded
(`prepare()`, on_env: MkDocs renders every page's content before it writes any page)
Pagefind writes the bundle while MkDocs writes the pages; `write()` (on_post_build)
waits for it and puts it in `site/pagefind/`, served from the site itself;
`assets/search.js` reads it. Under serve `write()` does it all.
Under serve, records live as long as the plugin (a build keeps none): under
`mkdocs serve --dirty` a rebuild renders only
the changed pages, the others keep their records, and pages that no longer exist drop
out (`begin()`); kept records are sent in `write()`. The whole bundle is rewritten each
build (writing takes about 0.8 s at 1,000 elements, 2.7 s at 5,000, after the records).
"""
from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import logging
import os
import re
import shutil
import threading
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

from mkdocs.exceptions import PluginError

from ..core.i18n import t
from ..core.paths import addresses, element_src
from ..core.render.doors import occupied

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..core.model.manual import Manual

OUTPUT = "pagefind"
BUNDLE = "bundle"  # pagefind/bundle-2/, ...: the bundles after the first
BUNDLES = "bundles.json"  # in pagefind/: the folders of those bundles, for assets/search.js
log = logging.getLogger("mkdocs.plugins.werkwijze")
# Classes whose text stays out of the index: listings, and element-page parts that only
# repeat what other pages hold (facet labels, citations of sources, how to cite the page,
# cards; a chapter's directive list too),
# permalinks, badges, dates, chapter links, counts, tab labels (the regional parts
# have their own heading).
_SKIP_CLASSES = {"ww-lijst", "ww-facetten", "ww-kenmerken", "ww-bronnen", "ww-verwijzing", "ww-kaarten",
                 "ww-naar-filter", "ww-verwijzing-label", "ww-wie", "headerlink", "ww-soort", "ww-bijgewerkt", "ww-hoofdstukken", "ww-aantal",
                 "tabbed-labels", "ww-paginas", "ww-filterlink", "ww-terug", "ww-leeg",
                 "ww-wijzigingen", "ww-wijziging-soort"}
_SKIP_TAGS = {"script", "style", "template", "svg", "button", "nav"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr"}
_BLOCK = {"p", "li", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "div", "td", "th", "tr",
          "blockquote", "pre", "section", "details", "summary", "figcaption", "br"}
# Files of the bundle this site does not use (Pagefind's own UIs): not published.
_UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
           "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")


class _Text(HTMLParser):
    """The readable text of an HTML fragment, without the parts in _SKIP_* (and, for
    pages whose headings are generated, without h2..h6)."""

    def __init__(self, skip_headings: bool):
        super().__init__(convert_charrefs=True)
        self.skip_headings = skip_headings
        self.parts: list[str] = []
        self._stack: list[bool] = []  # per open element: is its text skipped?

    def _skipped(self, tag: str, attrs) -> bool:
        if self._stack and self._stack[-1]:
            return True
        if tag in _SKIP_TAGS or (self.skip_headings and tag in {"h2", "h3", "h4", "h5", "h6"}):
            return True
        values = dict(attrs)
        if "hidden" in values:
            return True
        return bool(_SKIP_CLASSES.intersection((values.get("class") or "").split()))

    def handle_starttag(self, tag, attrs):
        if tag in _BLOCK:
            self.parts.append("\n")
        if tag not in _VOID:
            self._stack.append(self._skipped(tag, attrs))

    def handle_endtag(self, tag):
        if tag in _VOID:
            return
        # Tolerate unclosed elements (<p>, <li>): pop back to the matching level.
        if self._stack:
            self._stack.pop()
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not (self._stack and self._stack[-1]):
            self.parts.append(data)

    def text(self) -> str:
        lines = (" ".join(line.split()) for line in "".join(self.parts).split("\n"))
        return "\n".join(line for line in lines if line)


# The HTML MkDocs renders is well-formed: one regex over its tags gives the same text as
# _Text (an HTMLParser, kept as the reference for odd input) in a third of the time; the
# search text of every page is taken this way. Comments, doctypes and processing
# instructions are dropped; the text of script/style is never indexed (_SKIP_TAGS).
_TOKEN = re.compile(
    r"<!--.*?-->|<![^>]*>|<\?[^>]*>"
    r"|</\s*([a-zA-Z][^\s>/]*)\s*>"
    r"|<([a-zA-Z][^\s>/]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>\"']+))?)*)\s*(/?)>",
    re.S)
_ATTR = re.compile(r"""([^\s=>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?""")
_RAW_TEXT = {"script", "style"}


def html_text(html: str, skip_headings: bool = False) -> str:
    headings = {"h2", "h3", "h4", "h5", "h6"} if skip_headings else set()
    parts: list[str] = []
    stack: list[bool] = []  # per open element: is its text skipped?
    position, size = 0, len(html)
    while position < size:
        match = _TOKEN.search(html, position)
        end = match.start() if match else size
        if end > position and not (stack and stack[-1]):
            text = html[position:end]
            parts.append(unescape(text) if "&" in text else text)
        if match is None:
            break
        position = match.end()
        closing, tag = match.group(1), match.group(2)
        if closing is not None:
            closing = closing.lower()
            if closing in _VOID:
                continue
            if stack:
                stack.pop()
            if closing in _BLOCK:
                parts.append("\n")
            continue
        if tag is None:
            continue  # comment, doctype, processing instruction
        tag = tag.lower()
        if tag in _BLOCK:
            parts.append("\n")
        if tag in _VOID:
            continue
        skipped = bool(stack and stack[-1]) or tag in _SKIP_TAGS or tag in headings
        attrs = match.group(3)
        if not skipped and attrs:
            values = {m.group(1).lower(): m.group(2) if m.group(2) is not None else
                      m.group(3) if m.group(3) is not None else m.group(4) or ""
                      for m in _ATTR.finditer(attrs)}
            skipped = ("hidden" in values or
                       bool(_SKIP_CLASSES.intersection(unescape(values.get("class") or "").split())))
        if match.group(4):  # <tag/>: opened and closed at once
            if tag in _BLOCK:
                parts.append("\n")
            continue
        stack.append(skipped)
        if tag in _RAW_TEXT:  # their content is text up to the closing tag, never markup
            close = re.compile(f"</{tag}\\s*>", re.I).search(html, position)
            if not skipped:
                parts.append(html[position:close.start() if close else size])  # no entities here
            position = close.start() if close else size
    return _lines("".join(parts))


def _lines(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def html_text_reference(html: str, skip_headings: bool = False) -> str:
    """The same with Python's HTMLParser (slower; for tests and odd input)."""
    parser = _Text(skip_headings)
    parser.feed(html)
    parser.close()
    return parser.text()


@dataclass
class Record:
    url: str  # from the site root, with a leading "/" (search.js prefixes the site's path)
    content: str
    meta: dict[str, str]
    filters: dict[str, list[str]] = field(default_factory=dict)


def element_filters(manual: Manual, element, region_doors: set[str]) -> dict[str, list[str]]:
    """Facet title -> the labels of the element's values (regions as the site counts them,
    only those offered as doors: `region_doors`, core/render/doors.py)."""
    facets = manual.facets
    filters = {}
    for facet in manual.schema.facets.values():
        if facet is facets.region_facet:
            values = [v for v, _ in facets.options(facet)
                      if v in region_doors and facets.matches(element, facet, [v])]
        else:
            values = facets.values(element, facet)
        labels = [facets.label(facet, v) for v in values]
        if labels:
            filters[facet.title] = labels
    return filters


def with_synonyms(manual: Manual, content: str) -> str:
    """The content, plus each reader's word (data/zoekwoorden.yml) whose words it holds."""
    if not manual.synonyms:
        return content
    words = set(re.findall(r"\w+", content.lower()))
    extra = [word for word, own in manual.synonyms.items() if word not in words and words & set(own)]
    return content + ("\n" + " ".join(extra) if extra else "")


def element_record(manual: Manual, element, url: str, html: str, region_doors: set[str]) -> Record:
    soort = manual.schema.soorten.get(element.kind)
    # The page's HTML without its generated headings: the core and regional text, and
    # the questions for the session (the title and summary come first, from the model).
    body = html_text(html, skip_headings=True).split("\n")
    body = [line for line in body if line not in (element.title, element.summary)]
    content = with_synonyms(manual, "\n".join([element.title, element.summary, *body]))
    meta = {"title": element.title, "summary": element.summary, "soort": element.kind,
            "badge": soort.label if soort else element.kind}
    return Record(url, content, meta, element_filters(manual, element, region_doors))


def _url(page) -> str:
    return "/" + page.url.lstrip("/")


class SiteSearch:
    """The records of this build (and, under serve, of earlier builds) and the bundle.

    With `bundle_size` (the plugin option `search_bundle_size`; 0, the default: one
    bundle), a manual with more records gets several bundles: when one is full,
    Pagefind writes it while the next one fills, each in a process of its own (the peak
    of a Pagefind process is in writing, and it grows with the words indexed). The first
    bundle is `pagefind/`, the others `pagefind/bundle-<n>/`, listed in
    `pagefind/bundles.json`; assets/search.js merges them (Pagefind's `mergeIndex`)."""

    def __init__(self):
        self.records: dict[str, Record] = {}  # by src URI; kept only under serve (`begin`)
        self._keep = False
        self._session: _Session | None = None  # the bundle being filled
        self._full: list[tuple[_Session, Path]] = []  # this build's earlier bundles, being written, and where
        self._sent: set[str] = set()  # src URIs handed to this build's sessions
        self._site_dir: Path | None = None
        self._language = "nl"
        self._bundle_size = 0  # records per bundle; 0: one bundle
        self._writer: threading.Thread | None = None  # a bundle being written (serve)
        self._doors: tuple[Manual | None, set[str]] = (None, set())  # this build's regions offered as doors
        self._prepared: list[tuple[_Session, Path]] | None = None  # bundles being written (prepare)

    def begin(self, files, language: str | None = None, keep: bool = False,
              site_dir: Path | None = None, bundle_size: int = 0) -> None:
        """Forget pages that no longer exist (a rebuild under serve keeps the others), and
        start this build's Pagefind: records go to it while MkDocs renders the pages, so
        its indexing runs on the other core instead of after the build. `keep` (serve):
        keep the records for the next, partial build; a single build hands each record
        to Pagefind and forgets it (about 20 MB at 5,000 elements). `site_dir` and
        `bundle_size`: where a full bundle is written while the build goes on."""
        self.wait()  # the previous build's bundle (serve) first
        self._keep, self._site_dir, self._bundle_size = keep, site_dir, max(0, bundle_size)
        existing = {f.src_uri for f in files.documentation_pages()}
        self.records = {src: r for src, r in self.records.items() if src in existing}
        self._close_all()  # a build that failed before its bundles were in place
        self._language = _language(language)
        self._session, self._sent = _Session(self._language), set()

    def _close_all(self) -> None:
        for session, _ in [*self._full, *(self._prepared or [])]:
            session.close()
        if self._session is not None:
            self._session.close()
        self._full, self._session, self._prepared = [], None, None

    def page(self, page, html: str, manual: Manual, generated: dict) -> None:
        """Record the page (on_page_content), or forget it when it is no longer searched."""
        src = page.file.src_uri
        record = self._record(page, html, manual, generated.get(src))
        if record is None:
            self.records.pop(src, None)
            return
        if self._keep or self._session is None:
            self.records[src] = record
        if self._session is not None and src not in self._sent:
            self._sent.add(src)
            self._add(record)

    def _add(self, record: Record) -> None:
        """To the bundle being filled; a full one is written while the next one fills."""
        if (self._bundle_size and self._session.count >= self._bundle_size
                and self._site_dir is not None):
            fresh = self._fresh(len(self._full))
            self._session.start_writing(fresh)
            self._full.append((self._session, fresh))
            self._session = _Session(self._language)
        self._session.add(record)

    def _fresh(self, number: int) -> Path:
        """The folder bundle `number` (from 0) is written into before it is put in place."""
        fresh = Path(self._site_dir) / (f".{OUTPUT}-new" if number == 0 else f".{OUTPUT}-new-{number + 1}")
        shutil.rmtree(fresh, ignore_errors=True)
        return fresh

    def _region_doors(self, manual: Manual) -> set[str]:
        """The regions with elements or text of their own, worked out once per build (a
        new build, under serve too, brings a new manual)."""
        if self._doors[0] is not manual:
            facet = manual.facets.region_facet  # None in a manual without regions
            self._doors = (manual, occupied(manual, facet) if facet else set())
        return self._doors[1]

    def _record(self, page, html: str, manual: Manual, generated) -> Record | None:
        src = page.file.src_uri
        folder, _, name = src.rpartition("/")
        if folder == addresses().elements and name[:-3] in manual.elements and src == element_src(name[:-3]):
            return element_record(manual, manual.elements[name[:-3]], _url(page), html, self._region_doors(manual))
        excluded = isinstance(page.meta.get("search"), dict) and page.meta["search"].get("exclude")
        if generated is not None and src != addresses().work_cards_src and (excluded or not generated.searchable):
            return None  # a pure list (page 2.. of a facet list, card pages)
        if generated is None and excluded:
            return None  # a chapter that asks to stay out of search
        title = page.title or ""
        # Generated pages: title and introduction (their headings head lists).
        text = html_text(html, skip_headings=generated is not None and src not in manual.chapters)
        lines = [line for line in text.split("\n") if line != title]
        # What kind of page it is, beside the result (an element shows its kind's badge).
        if src in manual.chapters or generated is None:
            label = t("search.kind.chapter")
        elif src.startswith(f"{addresses().learning_paths}/"):
            label = t("search.kind.leerlijn")
        else:
            label = t("search.kind.list")
        return Record(_url(page), with_synonyms(manual, "\n".join([title, *lines])), {"title": title, "label": label})

    def prepare(self, site_dir: Path, language: str | None) -> None:
        """Let Pagefind write the bundle now, while the build goes on (on_env, outside
        serve): MkDocs renders every page's content, and so records it, before it writes
        any page, so the bundle is written on the other core while MkDocs writes the pages
        (at 5,000 elements that took 4-5 s after the last page). `write()` waits for it."""
        self._prepared = self._hand_over(site_dir, language)

    def write(self, site_dir: Path, language: str | None, background: bool = False) -> None:
        """Write the bundle to site/pagefind/ (replacing the previous one).

        `background` (under `mkdocs serve`): when a bundle is already there, return at once
        and swap the new one in when Pagefind is done (about a second at 1,000 elements),
        so that an edited page is served without waiting for the search; the next build
        waits for it first (`begin()`). The first bundle is written in the foreground, so
        a missing Pagefind fails the first build as it fails `mkdocs build`."""
        bundles = self._prepared or self._hand_over(site_dir, language)
        self._prepared = None
        target = Path(site_dir) / OUTPUT

        def complete() -> None:
            try:
                for session, _ in bundles:
                    session.finish()
            except FileNotFoundError as error:  # no Pagefind binary
                raise PluginError(t("search.missing", error=str(error))) from error
            finally:
                for session, _ in bundles:
                    session.close()
            first = bundles[0][1]
            extra = []
            for number, (_, fresh) in enumerate(bundles):
                for name in _UNUSED:
                    (fresh / name).unlink(missing_ok=True)
                if number:
                    name = f"{BUNDLE}-{number + 1}"
                    fresh.rename(first / name)
                    extra.append(f"{name}/")
            (first / BUNDLES).write_text(json.dumps(extra), "utf-8")
            shutil.rmtree(target, ignore_errors=True)
            first.rename(target)

        if not (background and target.is_dir()):
            complete()
            return

        def in_background() -> None:
            try:
                complete()
            except Exception as error:  # noqa: BLE001 - reported, the next build tries again
                log.error(str(error))
        self._writer = threading.Thread(target=in_background, name="werkwijze-pagefind-write", daemon=True)
        self._writer.start()

    def _hand_over(self, site_dir: Path, language: str | None) -> list[tuple["_Session", Path]]:
        """Every bundle of this build with its folder, the last one being written now too."""
        self._site_dir = site_dir
        language = _language(language)
        if self._session is None or self._session.language != language:
            self._close_all()
            self._language, self._sent = language, set()
            self._session = _Session(language)
        # Records kept from earlier builds (serve) were not sent during this one.
        for src, record in self.records.items():
            if src not in self._sent:
                self._add(record)
        self._sent = set()
        fresh = self._fresh(len(self._full))
        self._session.start_writing(fresh)
        bundles = [*self._full, (self._session, fresh)]
        self._full, self._session = [], None
        return bundles

    def wait(self) -> None:
        """Until a bundle being written in the background is in place."""
        if self._writer is not None:
            self._writer.join()
            self._writer = None


_BATCH = 50  # records handed to Pagefind's thread at once


class _Session:
    """One build's Pagefind index, fed from the build while it renders: an event loop in
    a thread talks to the Pagefind process (which does the indexing, on the other core);
    `start_writing()` hands over the last records and writes the bundle, `finish()` waits
    for it; errors (no binary) surface in `finish()`."""

    def __init__(self, language: str):
        self.language = language
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="werkwijze-pagefind",
                                        daemon=True)
        self._thread.start()
        self._started = asyncio.run_coroutine_threadsafe(self._start(), self._loop)
        self._pending: list = []
        self._batch: list[Record] = []
        self._written = None  # the bundle being written (start_writing)
        self.count = 0  # records added

    async def _start(self):
        self._service = await _service_class()().launch()
        # Pagefind runs beside the build and is waited for only at its end: it yields the
        # processor to the build (with several bundles, two Pagefind processes can be busy).
        with contextlib.suppress(AttributeError, OSError):  # not on every system
            os.setpriority(os.PRIO_PROCESS, self._service._backend.pid, 10)
        from pagefind.index import IndexConfig
        return await self._service.create_index(IndexConfig(force_language=self.language))

    async def _add(self, record: Record):
        index = await asyncio.wrap_future(self._started)
        await index.add_custom_record(url=record.url, content=record.content, language=self.language,
                                      meta=record.meta, filters=record.filters or None)

    async def _add_batch(self, records: list[Record]):
        await asyncio.gather(*(self._add(record) for record in records))

    def add(self, record: Record) -> None:
        # In batches: each hand-over wakes the loop's thread, which then takes the GIL
        # from the rendering (one hand-over per page: about 1 ms each under cProfile).
        self.count += 1
        self._batch.append(record)
        if len(self._batch) >= _BATCH:
            self._send()

    def _send(self) -> None:
        if self._batch:
            batch, self._batch = self._batch, []
            self._pending.append(asyncio.run_coroutine_threadsafe(self._add_batch(batch), self._loop))

    def start_writing(self, output: Path) -> None:
        """Hand over the last records and let Pagefind write the bundle into `output`."""
        self._send()
        pending, started = self._pending, self._started

        async def write():
            index = await asyncio.wrap_future(started)
            for future in pending:
                await asyncio.wrap_future(future)
            await index.write_files(output_path=str(output.resolve()))
            # Written: its process ends now, not with the build (with several bundles,
            # each would stay at a third of its peak until the last one is written).
            service, self._service = self._service, None
            await service.close()
        self._written = asyncio.run_coroutine_threadsafe(write(), self._loop)

    def finish(self) -> None:
        """Wait until the bundle is written (`start_writing`); errors (no binary) surface here."""
        self._written.result()

    def close(self) -> None:
        async def stop():
            if getattr(self, "_service", None) is not None:
                await self._service.close()
        if self._loop.is_running():
            with contextlib.suppress(Exception):
                asyncio.run_coroutine_threadsafe(stop(), self._loop).result(timeout=30)
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=30)


def _language(language: str | None) -> str:
    return (language or "nl").split("-")[0].lower()


def _service_class():
    from pagefind.service import PagefindService

    class Service(PagefindService):
        """Pagefind's service client, reading responses as they arrive.

        PagefindService (pagefind 1.x) sleeps 0.1 s before reading each response, so
        5,000 records took over eight minutes; this reads them without the pause (the
        protocol is unchanged: base64 JSON messages ending in ",")."""

        async def _wait_for_responses(self) -> None:
            while True:
                output = await self._backend.stdout.readuntil(b",")
                response = json.loads(base64.b64decode(output[:-1]))
                if not response:
                    continue
                future = self._responses.get(response.get("message_id"))
                if future is None or future.done():
                    continue
                payload = response["payload"]
                if payload.get("type") == "Error":
                    future.set_exception(RuntimeError(payload.get("message")))
                else:
                    future.set_result(payload)

    return Service
