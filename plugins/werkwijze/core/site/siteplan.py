"""The site plan: every page and file the manual adds to a site, in one place.

`plan_site()` renders the generated pages (element pages, overviews, facet pages, the
sources page, the trainers' pages) and the files beside them (open data, redirects, the
JSON Schema). `SitePlan.page_markdown()` gives the final Markdown of any page: a
hand-written chapter with its `/// elementen` lists expanded and a generated listing
merged in, plus the "how to cite" block. The MkDocs plugin serves the plan page by page;
`werkwijze export` (plugins/werkwijze/export/) writes it out as a project of its own.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..sources.chapters import find_directives
from ..render.export import filter_files, to_json
from ..render.jsonschema import dumps, element_json_schema
from ..render.fragments import Fragments, fragments_for
from ..render.render import GeneratedPage, Renderer
from ..paths import SCHEMA_URI, addresses, element_src
from .beheer import beheer_files
from .trainers import cited_pages, reference_block, trainer_files, trainer_pages
from ..urls import Urls

if TYPE_CHECKING:
    from ..model.manual import Manual
    from .pagememo import PageMemo


@dataclass
class SitePlan:
    manual: Manual
    urls: Urls
    site_name: str
    site_url: str | None
    pages: dict[str, GeneratedPage] = field(default_factory=dict)  # by src URI
    cited: dict[str, str] = field(default_factory=dict)  # trainers' pages cited like chapters
    files: dict[str, str] = field(default_factory=dict)  # site path -> content
    fragments: Fragments | None = None  # the manual's fragments (set by plan_site)
    assets: dict[str, Path] = field(default_factory=dict)  # site path -> file copied as it is

    def page_markdown(self, src_uri: str, handwritten: str | None) -> str:
        """The Markdown MkDocs renders for a page: `handwritten` is the docs file's text
        (None for a purely generated page)."""
        page = self.pages.get(src_uri)
        if page is not None:
            markdown = page.markdown(handwritten=handwritten)
        else:
            markdown = handwritten or ""
        if src_uri in self.manual.chapters:
            markdown = self._expand_directives(markdown, src_uri)
        citation = reference_block(self.manual, src_uri, self.urls, self.site_name, self.site_url,
                                   self.cited, self.fragments)
        if citation:
            markdown = markdown.rstrip("\n") + "\n\n" + citation
        return markdown

    def release(self, src_uri: str) -> None:
        """Drop a generated page's Markdown once the engine has it, in a build that reads
        each page once (not under serve): the engine holds its own copy until the page is
        written (50 MB of Markdown at 5,000 elements, held twice). Title and `searchable` stay."""
        page = self.pages.get(src_uri)
        if page is not None:
            page.intro = page.listing = ""

    def _expand_directives(self, markdown: str, src_uri: str) -> str:
        directives = find_directives(markdown, 1, self.manual.facets.allowed())
        if not directives:
            return markdown
        renderer = Renderer(self.manual, self.urls)
        lines = markdown.split("\n")
        for directive in reversed(directives):
            html = renderer.directive(src_uri, directive.filters)
            lines[directive.start:directive.end + 1] = ["", html, ""]
        return "\n".join(lines)

    def element_sources(self) -> dict[str, str]:
        """Element page src URI -> the element file (for edit links and messages)."""
        return {element_src(e.id): e.path for e in self.manual.elements.values()}


def generated_pages(manual: Manual, urls: Urls, memo: PageMemo | None = None) -> dict[str, GeneratedPage]:
    """Every page the manual adds to the site, by src URI. With a `memo` (under
    `mkdocs serve`) element and facet pages whose content is unchanged are kept."""
    renderer = Renderer(manual, urls)
    if memo is None:
        keep = lambda name, key, make: make()  # noqa: E731
        token = listed = None
    else:
        keep, token, listed = memo.get, memo.token, memo.listed
    pages = {}
    for e in manual.elements.values():
        key = token and renderer.element_page_inputs(e, token, listed)
        pages[element_src(e.id)] = keep(element_src(e.id), key, lambda e=e: renderer.element_page(e))
    overview = renderer.overview_page()
    pages[overview.src_uri] = overview
    for facet in manual.schema.facets.values():
        index = renderer.facet_index(facet)
        pages[index.src_uri] = index
        for value, _ in manual.facets.options(facet):
            # A facet page only lists its elements (and data, in the memo's context).
            key = listed and tuple(map(listed, manual.facets.select(manual.elements.values(),
                                                                  {facet.name: [value]})))
            for page in keep((facet.name, value), key, lambda: renderer.facet_pages(facet, value)):
                pages[page.src_uri] = page
    sources = renderer.sources_page()
    pages[sources.src_uri] = sources
    return pages


def plan_site(manual: Manual, urls: Urls, site_name: str, site_url: str | None,
              memo: PageMemo | None = None, repo_url: str | None = None,
              edit_uri: str | None = None, login_url: str | None = None) -> SitePlan:
    """Render everything. With a `memo` (under `mkdocs serve`) unchanged pages are kept.
    `repo_url` (and the branch in `edit_uri`): where the browser editor proposes changes;
    `login_url`: where its editors sign in (site/beheer.py)."""
    plan = SitePlan(manual, urls, site_name, site_url, fragments=fragments_for(manual.layout))
    plan.pages = generated_pages(manual, urls, memo)
    trainers = trainer_pages(manual, urls, site_url, memo)
    plan.pages.update(trainers)
    plan.cited = cited_pages(trainers)
    plan.files = _open_data(manual, urls, site_url, memo)
    plan.files[SCHEMA_URI] = dumps(element_json_schema(manual.schema, manual.taxonomies))
    editor_files, plan.assets = beheer_files(manual, site_name, site_url, repo_url, edit_uri,
                                               login_url)
    plan.files.update(editor_files)
    return plan


def _open_data(manual: Manual, urls: Urls, site_url: str | None, memo: PageMemo | None) -> dict[str, str]:
    """The open data (elementen.json), the filter's data, the CSV and alias redirects, by site path."""
    def make():
        files = {addresses().json_file: to_json(manual, urls), **filter_files(manual, urls)}
        files.update(trainer_files(manual, urls, site_url))
        return files
    if memo is None:
        return make()
    # They show only front matter: kept under serve while no element's front matter changed.
    key = (site_url, tuple(map(memo.listed, manual.elements.values())))
    return memo.get("open data", key, make)
