"""MkDocs adapter: hands MkDocs the pages the core renders, and fails on problems.

All work lives in `werkwijze.core`; this module only maps MkDocs events onto it.
"""
from __future__ import annotations

import functools
import logging
import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from .adapter.dirtybuild import page_file, plan_dirty_build, quiet_dirty_warning, rebuild_nav_pages
from .adapter.navplace import NavPlace
from .adapter.search import SiteSearch
from .adapter.serve import ServeSession
from .adapter.siteassets import add_asset_files, add_theme
from .adapter.sourcemap import Source, SourceMapFilter
from .adapter.templatememo import TemplateMemo
from .adapter.themefix import fix_theme_markup
from .config import WerkwijzeConfig
from .core import i18n
from .core.model.manual import Layout, Manual
from .core.validate.load import load_manual
from .core.problems import Problem, ProblemList
from .core.render.contact import contact_line, fallback_contact, manual_contact
from .core.render.fragments import FragmentError, check_fragments
from .core.paths import element_src
from .core.site.siteplan import plan_site
from .core.urls import Publication, Urls
from .core.sources.catalogue import MESSAGES_DIR
from .core.sources.project import option_lines
from .core.validate.published import check_published
from .core.validate.safety import clean_html, escape_meta, mark_external_links
from .theme import footer_pages, template_values

log = logging.getLogger("mkdocs.plugins.werkwijze")


def _fragment_errors_as_content_errors(event):
    """A manual's fragment that fails while rendering is a content error with its file and
    line (core/render/fragments.py), never a traceback."""
    @functools.wraps(event)
    def guarded(self, *args, **kwargs):
        try:
            return event(self, *args, **kwargs)
        except FragmentError as exc:
            log.error(str(exc.problem))
            raise PluginError(i18n.t("build.content_errors", count=1)) from None
    return guarded


def _relative(path: str, root: Path) -> str:
    """A folder MkDocs made absolute, relative to the manual's root again (`../x` when it
    lies outside: core/sources/contained.py refuses that)."""
    return os.path.relpath(path, root).replace(os.sep, "/")


class WerkwijzePlugin(BasePlugin[WerkwijzeConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.manual: Manual | None = None
        self.urls = Urls()
        self.pages: dict = {}  # src URI -> GeneratedPage
        self.merged: set[str] = set()  # hand-written pages that get a generated listing
        self.source_map = SourceMapFilter()
        self.nav_place = NavPlace()  # a page outside the nav opens the menu at its folder
        self.serve: ServeSession | None = None  # what `mkdocs serve` keeps (adapter/serve.py)
        self.search = SiteSearch()  # Pagefind records; kept across serve rebuilds
        self.loaded: Manual | None = None  # loaded in on_pre_build under serve

    # Under `mkdocs serve` the caches of the session (adapter/serve.py); else None.
    @property
    def element_cache(self):
        return self.serve.elements if self.serve else None

    @property
    def page_memo(self):
        return self.serve.memo if self.serve else None

    @property
    def page_cache(self):
        return self.serve.pages if self.serve else None

    @property
    def fallback(self):
        return self.serve.fallback if self.serve else None

    def on_startup(self, *, command, dirty):
        # MkDocs keeps plugin instances across serve rebuilds: the session lives as long.
        if command == "serve" and self.serve is None:
            self.serve = ServeSession(dirty)
            if dirty:
                quiet_dirty_warning()

    def on_shutdown(self):
        if self.serve is not None:
            self.serve.close()

    def on_build_error(self, error):
        if self.serve is not None:
            self.serve.failed(error)

    def on_config(self, config):
        add_theme(config)  # extensions, templates, stylesheets, scripts (adapter/siteassets.py)
        # The catalogue of theme.language; load_manual() adds the manual's own wording.
        self.catalogue = i18n.use(i18n.Catalogue.load(config.theme.get("language")))
        # What `werkwijze publiceer` publishes beside the pages (PDFs, editions).
        self.urls = Urls(config.use_directory_urls, Publication.from_extra(config.extra))
        # MkDocs (or ProperDocs) logs link and anchor problems from its pages module.
        engine = type(config).__module__.split(".")[0]
        pages_log = logging.getLogger(f"{engine}.structure.pages")
        if self.source_map not in pages_log.filters:
            pages_log.addFilter(self.source_map)
        config_file = Path(config.config_file_path or "mkdocs.yml").resolve()
        root = config_file.parent
        custom_dir = config.theme.custom_dir
        self.layout = Layout(root, self.config.elements_dir, self.config.data_dir,
                             _relative(config.docs_dir, root), self.config.schema,
                             self.catalogue.language, published_urls=self.config.published_urls,
                             custom_dir=_relative(custom_dir, root) if custom_dir else None,
                             config_name=config_file.name, option_lines=option_lines(config_file))
        return config

    def _load(self) -> Manual:
        """The manual, checked; its own fragments are checked with it."""
        manual = load_manual(self.layout, self.element_cache)
        if not manual.problems:
            manual.problems = sorted(check_fragments(self.layout).problems)
        return manual

    def on_serve(self, server, config, builder):
        for folder in (self.layout.elements_dir, self.layout.data_dir, self.layout.schema_file,
                       self.layout.fragments_dir, MESSAGES_DIR):  # MESSAGES_DIR: the manual's own catalogue
            if self.layout.path(folder).exists():
                server.watch(str(self.layout.path(folder)))
        if self.fallback is not None:
            self.fallback.attach(server)
        return server

    def on_pre_build(self, config):
        # Under serve: a manual with problems keeps the last good site (serve_fallback.py);
        # only here, before MkDocs cleans the site folder.
        if self.fallback is not None:
            self.loaded = self.fallback.check(self._load(), self.manual is not None)

    # Run early, so that other plugins (search, tags, ...) see the generated pages.
    @event_priority(50)
    @_fragment_errors_as_content_errors
    def on_files(self, files: Files, config) -> Files:
        manual, self.loaded = self.loaded or self._load(), None
        self.catalogue = i18n.active()  # with the manual's teksten.yml
        if manual.problems:
            for problem in manual.problems:
                log.error(str(problem))
            raise PluginError(i18n.t("build.content_errors", count=len(manual.problems)))
        self.manual = manual
        manual.read_dates()
        if self.serve is not None:
            self.serve.begin(self.urls)
        self.plan = plan_site(manual, self.urls, config.site_name, config.site_url, self.page_memo,
                              repo_url=config.repo_url, edit_uri=config.edit_uri,
                              login_url=config.extra.get("werkwijze_beheer_login"))
        self.pages = self.plan.pages
        self.source_map.sources = {
            element_src(e.id): Source(e.path, e.raw_body, e.body_first_line)
            for e in manual.elements.values()}
        self.merged = set()
        docs_root = Path(config.docs_dir)
        for src_uri, page in self.pages.items():
            if files.get_file_from_path(src_uri) is not None:
                self.merged.add(src_uri)
                continue
            files.append(page_file(config, src_uri, page, self.page_cache))
        for element in manual.elements.values():
            file = files.get_file_from_path(element_src(element.id))
            source = self.layout.path(element.path)
            file.edit_uri = os.path.relpath(source, docs_root).replace(os.sep, "/")
        for path, content in self.plan.files.items():
            files.append(File.generated(config, path, content=content))
        add_asset_files(files, config, self.catalogue, manual.schema.soorten.values())
        for path, source in self.plan.assets.items():  # files the site plan copies (the browser editor)
            files.append(File.generated(config, path, abs_src_path=str(source)))
        if self.page_cache is not None:  # hand-written pages can hold generated listings
            plan_dirty_build(files, config, self.page_cache, self.layout, manual, self.pages,
                             {*self.merged, *manual.chapters})
        if self.serve is not None:
            self.serve.remove_gone({f.dest_uri for f in files}, Path(config.site_dir))
        # Pagefind indexes while pages render.
        self.search.begin(files, config.theme.get("language"), keep=self.serve is not None,
                          site_dir=Path(config.site_dir), bundle_size=self.config.search_bundle_size)
        return files

    def on_nav(self, nav, config, files):
        if self.page_cache is not None:
            rebuild_nav_pages(nav)
        return nav

    @_fragment_errors_as_content_errors
    def on_page_markdown(self, markdown: str, page, config, files) -> str:
        src_uri = page.file.src_uri
        if src_uri in self.pages and self.pages[src_uri].description and not page.meta.get("description"):
            page.meta["description"] = self.pages[src_uri].description  # e.g. an element's summary
        escape_meta(page.meta)  # Material prints title/description raw
        generated = src_uri in self.pages and src_uri not in self.merged
        markdown = self.plan.page_markdown(src_uri, None if generated else markdown)
        if self.serve is None:
            self.plan.release(src_uri)
        # Its finished HTML passes Markdown unparsed (werkwijze.finished_html, an extension).
        return markdown

    # After the search plugin wrote its index.
    @event_priority(-100)
    def on_post_build(self, config):
        if self.fallback is not None:
            self.fallback.written = True  # every page is in the site folder now
        # Under serve the search bundle follows the pages (search.py SiteSearch.write).
        self.search.write(Path(config.site_dir), config.theme.get("language"),
                          background=self.fallback is not None)
        # Links in last year's reader must still work: every published URL is served.
        if not self.layout.published_urls:
            return
        list_path = self.layout.path(self.layout.published_urls)
        if not list_path.is_file():
            return
        problems = ProblemList()
        count = check_published(list_path, self.layout.published_urls, Path(config.site_dir), problems)
        for problem in problems:
            log.error(str(problem))
        if problems:
            raise PluginError(i18n.t("build.published_missing", count=len(problems), total=count))

    # Run last, after other plugins changed the content, and before search indexes it.
    @event_priority(-100)
    def on_page_content(self, html: str, page, config, files) -> str:
        if page.file.src_uri in self.source_map.sources:  # an element page
            # Defence in depth: the check already refused unsafe Markdown in element files.
            html = clean_html(html)
        self.search.page(page, html, self.manual, self.pages)
        if self.serve is None:
            # MkDocs renders every page before it writes any, and keeps each page's
            # Markdown besides its HTML until the end (about 95 MB at 5,000 elements).
            # Converted, it is no longer needed; "" and not None: Page.title reads None
            # as "no page" (the title came from the render or the meta).
            page.markdown = ""
        return mark_external_links(html)

    # -- reader features (assets/filter.js, assets/regio.js) ---------------------------
    def on_env(self, env, config, files):
        if self.serve is not None and self.serve.pages is not None:
            env.bytecode_cache = self.serve.bytecode_cache()
        env.globals["werkwijze_t"] = self.catalogue
        env.globals.update(template_values(self.manual, self._contact(config)))
        env.globals["werkwijze_voetpaginas"] = footer_pages(files, config.extra.get("werkwijze_voetlinks"))
        env.globals["werkwijze_memo"] = TemplateMemo()  # nav, config, scripts once per folder
        if self.serve is None:  # every page is recorded now: the bundle is written meanwhile
            self.search.prepare(Path(config.site_dir), config.theme.get("language"))
        return env

    def _contact(self, config):
        """How readers respond (core/render/contact.py); a contact that is not an e-mail
        address or an https address fails the build with the line in mkdocs.yml."""
        value = config.extra.get("werkwijze_contact")
        if value in (None, ""):
            return fallback_contact(config.repo_url)
        contact = manual_contact(value)
        if contact is None:
            path = Path(config.config_file_path or "mkdocs.yml")
            text = path.read_text("utf-8") if path.is_file() else ""
            problem = Problem(path.name, contact_line(text), i18n.t("build.contact_invalid"))
            log.error(str(problem))
            raise PluginError(i18n.t("build.content_errors", count=1))
        return contact

    def on_page_context(self, context, page, config, nav):
        # A page outside the nav: its folder's nav page shows active in the menu
        # (adapter/navplace.py); on_post_page unmarks it.
        self.nav_place.mark(page, nav)
        return context

    def on_post_page(self, output: str, page, config) -> str:
        self.nav_place.unmark()
        return fix_theme_markup(output)

    def on_post_template(self, output_content: str, template_name: str, config) -> str:
        # Static templates (404.html) carry Material's markup too.
        return fix_theme_markup(output_content) if template_name.endswith(".html") else output_content
