"""Which pages a `mkdocs serve --dirty` rebuild builds again (the cache itself:
pagecache.py). MkDocs skips every page whose File says it is not modified; we decide:
- a generated page is a cache file that changes only with its Markdown (`page_file`);
- everything every page depends on changed (the fingerprint), or a first build: all;
- hand-written pages that hold generated listings (merged pages, chapters with
  directives): always;
- pages in the nav: always, since every page shows their titles (`rebuild_nav_pages`).
Without `--dirty` (cache None) generated pages are empty files whose Markdown the plugin
takes from the site plan in on_page_markdown.
"""
from __future__ import annotations

import logging

from mkdocs.structure.files import File, Files, InclusionLevel

from ..core.render.render import GeneratedPage
from .pagecache import PageCache, fingerprint


def _always() -> bool:
    return True


class _DropDirtyWarning(logging.Filter):
    """We keep pages, nav and search current, so MkDocs' warning about stale pages under
    `--dirty` does not apply (and would fail --strict)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("A 'dirty' build is being performed")


def quiet_dirty_warning() -> None:
    logging.getLogger("mkdocs.commands.build").addFilter(_DropDirtyWarning())


def page_file(config, src_uri: str, page: GeneratedPage, cache: PageCache | None) -> File:
    """A generated page's File, kept off the nav: reached from overviews, facet pages and
    search (a nav with every element is rendered into every page: quadratic build time)."""
    if cache is None:
        # Empty: the plugin takes the page's Markdown from the plan (a copy here held
        # every generated page twice, 80 MB at 5,000 elements).
        return File.generated(config, src_uri, content="", inclusion=InclusionLevel.NOT_IN_NAV)
    path = cache.write(src_uri, page.markdown(), source=page)
    return File.generated(config, src_uri, abs_src_path=path, inclusion=InclusionLevel.NOT_IN_NAV)


def plan_dirty_build(files: Files, config, cache: PageCache, layout, manual, generated: dict,
                     always: set[str]) -> None:
    """Mark the pages this rebuild must build besides those whose Markdown changed
    (`always`: hand-written pages with generated listings)."""
    docs = [f.src_uri for f in files.documentation_pages() if f.src_uri not in generated]
    current = fingerprint(layout.root, config.config_file_path, layout.path(layout.data_dir),
                          docs, manual.elements)
    if current != cache.fingerprint:  # first build, or something every page depends on
        cache.fingerprint = current
        for file in files:
            file.is_modified = _always
    for src_uri in always:
        file = files.get_file_from_path(src_uri)
        if file is not None:
            file.is_modified = _always


def rebuild_nav_pages(nav) -> None:
    for page in nav.pages:  # every page shows these titles in its nav
        page.file.is_modified = _always
