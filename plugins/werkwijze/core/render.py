"""Render the manual's generated pages to Markdown (with escaped HTML for lists).

Every value from front matter or data files is plain text here: it goes through
`h()` (HTML) or `md()` (Markdown) and never reaches a page raw. Element bodies are
Markdown written by editors and are passed on as Markdown.

Size: no page should pass 100 KB, also with thousands of elements. So a big manual's
overview names its themes instead of listing elements (OVERVIEW_LIST_LIMIT), long
facet lists become compact entries over numbered pages (FACET_LIST_LIMIT,
FACET_PAGE_SIZE: `/themas/x/`, `/themas/x/2/`, ...), and chapter directives show at most
one page of them. Small manuals are unchanged. Pages 2.. are kept out of search.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlencode

from .elements import Element
from .gitdates import dutch_date
from .html import h, md
from .regions_view import region_section
from .schema import FacetSpec

ELEMENTS_DIR = "elementen"
SOURCES_PAGE = "bronnen.md"
NOT_DESCRIBED = "Nog niet beschreven."
# Above this many elements the overview lists no elements itself (the filter renders them
# from its JSON; without JavaScript the theme pages list them): it lists every element
# once per theme, about 1 KB each, and no page should pass 100 KB.
OVERVIEW_LIST_LIMIT = 60
FILTER_FILE = "elementen-filter.json"  # the filter's data (core/export.py filter_files)
# Facet pages of a big manual (more than FACET_LIST_LIMIT elements for one value) list
# compact entries (title and soort) in pages of FACET_PAGE_SIZE: `/themas/x/` is page 1,
# `/themas/x/2/` page 2, ..., with page links at top and bottom (no JavaScript needed).
# That keeps every page under 100 KB at 5,000 elements; smaller manuals are unchanged.
FACET_LIST_LIMIT = 120
FACET_PAGE_SIZE = 200
FILTER_LINK = "Filter in het overzicht"
WHO_FACETS = ("betrokkene", "perspectief")  # shown on every entry: who is involved, whose experience
_EMPHASIS = re.compile(r"\*([^*\n]+)\*")


@dataclass
class GeneratedPage:
    src_uri: str
    title: str
    intro: str  # heading and description: dropped when a hand-written page exists
    listing: str  # generated content: appended to a hand-written page if there is one
    searchable: bool = True  # False: a pure list, kept out of the search index

    def markdown(self, handwritten: str | None = None) -> str:
        if handwritten is not None:
            return handwritten.rstrip("\n") + "\n\n" + self.listing
        return self.intro + "\n\n" + self.listing


def element_src(element_id: str) -> str:
    return f"{ELEMENTS_DIR}/{element_id}.md"


def facet_src(facet: FacetSpec, value: str | None = None, number: int = 1) -> str:
    """A facet's index, a value's page, or page `number` of a value's paginated list."""
    if number > 1:
        return f"{facet.path}/{value}/{number}.md"
    return f"{facet.path}/{value or 'index'}.md"


def pager(hrefs: list[str], number: int) -> str:
    """'Pagina 2 van 5' with links to every page and to the previous and next one
    (`hrefs[i]` is page i+1; the current page is not a link)."""
    def link(n: int, text: str, rel: str = "") -> str:
        return f'<a href="{h(hrefs[n - 1])}"{rel}>{text}</a>'
    total = len(hrefs)
    parts = [f'<strong aria-current="page">{n}</strong>' if n == number else link(n, str(n))
             for n in range(1, total + 1)]
    if number > 1:
        parts.append("· " + link(number - 1, "Vorige", ' rel="prev"'))
    if number < total:
        parts.append("· " + link(number + 1, "Volgende", ' rel="next"'))
    return (f'<div class="ww-paginas" role="navigation" aria-label="Pagina\'s van deze lijst">'
            f'<p>Pagina {number} van {total}: {" ".join(parts)}</p></div>')


def _indent(text: str) -> str:
    return "\n".join(("    " + line) if line.strip() else "" for line in text.split("\n"))


def citation_html(text: str) -> str:
    """A citation is plain text; `*title*` becomes italics (APA)."""
    return _EMPHASIS.sub(r"<em>\1</em>", h(text))


class Renderer:
    def __init__(self, manual, urls):
        self.m = manual
        self.urls = urls
        self.facets = manual.facets
        self.schema = manual.schema
        self._entry_rest: dict[str, str] = {}

    # -- small pieces -------------------------------------------------------------
    def link(self, from_src: str, to_src: str, text: str, anchor: str = "") -> str:
        return f'<a href="{h(self.urls.relative(from_src, to_src, anchor))}">{h(text)}</a>'

    def soort_badge(self, soort: str) -> str:
        spec = self.schema.soorten.get(soort)
        label = spec.label if spec else soort
        return f'<span class="ww-soort ww-soort--{h(soort)}">{h(label)}</span>'

    def entry(self, from_src: str, element: Element, extra: str = "") -> str:
        # Everything after the link is the same on every page that lists the element.
        rest = self._entry_rest.get(element.id)
        if rest is None:
            rest = self._entry_rest[element.id] = (
                f' {self.soort_badge(element.soort)}'
                f'<span class="ww-samenvatting">{h(element.samenvatting)}</span>'
                f'{self.involved(element)}')
        return (f'<li class="ww-entry" data-id="{h(element.id)}">'
                f'{self.link(from_src, element_src(element.id), element.titel)}{rest}{extra}</li>')

    def involved(self, element: Element) -> str:
        """Who is involved and whose experience it is, as one compact line."""
        parts = []
        for name in WHO_FACETS:
            facet = self.schema.facets.get(name)
            values = self.facets.values(element, facet) if facet else []
            if values:
                parts.append(f"{facet.plural}: " + ", ".join(self.facets.label(facet, v) for v in values))
        return f'<span class="ww-wie">{h(" · ".join(parts))}</span>' if parts else ""

    def entry_list(self, from_src: str, elements: list[Element], empty: str = "Geen elementen.") -> str:
        if not elements:
            return f'<p class="ww-leeg">{h(empty)}</p>'
        items = "\n".join(self.entry(from_src, e) for e in self.m.sorted(elements))
        return f'<ul class="ww-lijst">\n{items}\n</ul>'

    def by_soort(self, from_src: str, elements: list[Element], level: int = 2, anchor: str = "") -> str:
        parts = []
        for soort in self.schema.soorten.values():
            chosen = [e for e in elements if e.soort == soort.id]
            if chosen:
                parts.append(f"{'#' * level} {md(soort.plural)} {{#{anchor}{soort.id}}}\n\n"
                             + self.entry_list(from_src, chosen))
        return "\n\n".join(parts) or f'<p class="ww-leeg">{h("Nog geen elementen.")}</p>'

    def filter_link(self, from_src: str, filters: dict[str, list[str]], text: str = FILTER_LINK) -> str:
        """A link into the overview with these filters set (read by assets/filter.js)."""
        query = urlencode([(name, value) for name, values in filters.items() for value in values])
        href = self.urls.relative(from_src, f"{ELEMENTS_DIR}/index.md") + (f"?{query}" if query else "")
        return f'<a class="ww-filterlink" href="{h(href)}">{h(text)}</a>'

    def facet_links(self, from_src: str, facet: FacetSpec, values: list[str]) -> str:
        links = []
        for value in values:
            if facet is self.facets.region_facet and value == self.schema.generic_region:
                links.append(h(self.schema.generic_region_label))
            else:
                links.append(self.link(from_src, facet_src(facet, value), self.facets.label(facet, value)))
        return ", ".join(links) if links else h(NOT_DESCRIBED)

    # -- element page ---------------------------------------------------------------
    def element_page(self, element: Element) -> GeneratedPage:
        src = element_src(element.id)
        graph = self.m.graph
        parts = [
            f"# {md(element.titel)}",
            # One paragraph: Material's search shows only the matching paragraph, and the
            # soort belongs in every result for this page.
            f'<p class="ww-samenvatting ww-samenvatting--groot">{self.soort_badge(element.soort)} '
            f'{h(element.samenvatting)}</p>',
            region_section(self, element, NOT_DESCRIBED),  # core/regions_view.py
        ]
        counter = self.schema.counter_field
        if element.soort == counter.only_for_soort:
            parts.append(self._section(src, counter.label, "helpt-tegen",
                                       graph.helps_against.get(element.id, [])))
        elif element.soort == counter.target_soort:
            parts.append(self._section(src, self.schema.soorten[element.soort].inverse_heading,
                                       "wat-helpt", graph.helped_by.get(element.id, [])))
        # An element already shown under "Helpt tegen" / "Wat helpt hiertegen" is not
        # repeated under the related elements.
        countered = set(graph.helps_against.get(element.id, [])) | set(graph.helped_by.get(element.id, []))
        related = [i for i in graph.related.get(element.id, []) if i not in countered]
        parts.append(self._section(src, "Gerelateerde elementen", "gerelateerd", related))
        parts.append(self._questions(element))
        parts.append(self._properties(src, element))
        parts.append(self._sources(src, element))
        parts.append(self._chapters(src, element))
        parts.append(self._updated(element))
        return GeneratedPage(src, element.titel, "", "\n\n".join(p for p in parts if p) + "\n")

    def element_page_inputs(self, element: Element, token, listed) -> tuple:
        """What element_page shows besides data files and URLs (core/pagememo.py): the
        element (`token`), what it shows of the elements it lists (`listed`), its chapters
        and date. Keep in step with it."""
        graph = self.m.graph
        lists = tuple(tuple(edges.get(element.id, ())) for edges in
                      (graph.helps_against, graph.helped_by, graph.related))
        shown = tuple(listed(self.m.elements[i]) for ids in lists for i in ids if i in self.m.elements)
        chapters = tuple((c.src_uri, c.title) for c in self.m.chapters_including.get(element.id, []))
        return token(element), lists, shown, chapters, self.m.updated.get(element.path)

    def _kern(self, element: Element) -> str:
        kern = element.body.kern.strip() or NOT_DESCRIBED
        regions = self.m.taxonomies[self.schema.region_field.taxonomy]
        invullingen = [i for i in element.body.invullingen if i.text.strip() and i.region in regions]
        if not invullingen:
            return f"## Kern {{#kern}}\n\n{kern}"
        tabs = [f'=== "Kern"\n\n{_indent(kern)}']
        for invulling in invullingen:
            name = regions.label(invulling.region).replace('"', "'")
            tabs.append(f'=== "{h(name)}"\n\n'
                        # Markdown + attr_list: raw HTML inside a tab gets wrapped in <p>
                        f'    Invulling in {md(name)}\n'
                        f'    {{: .ww-regio-kop #regio-{invulling.region} }}\n\n'
                        f'{_indent(invulling.text)}')
        return "## Kern en regionale invulling {#kern}\n\n" + "\n\n".join(tabs)

    def _section(self, src: str, title: str, anchor: str, ids: list[str]) -> str:
        elements = [self.m.elements[i] for i in ids if i in self.m.elements]
        body = self.entry_list(src, elements, empty=NOT_DESCRIBED)
        return f"## {md(title)} {{#{anchor}}}\n\n{body}"

    def _questions(self, element: Element) -> str:
        questions = element.list("reflectievragen")
        if not questions:
            return ""
        items = "\n".join(f"<li>{h(q)}</li>" for q in questions)
        return f'## Voor de leersessie {{#reflectievragen}}\n\n<ul class="ww-vragen">\n{items}\n</ul>'

    def _properties(self, src: str, element: Element) -> str:
        rows = []
        for facet in self.schema.facets.values():
            if facet.name == "soort":
                continue
            rows.append(f"<dt>{h(facet.plural if facet.name != 'status' else facet.title)}</dt>"
                        f"<dd>{self.facet_links(src, facet, self.facets.values(element, facet))}</dd>")
        return f'## Kenmerken {{#kenmerken}}\n\n<dl class="ww-kenmerken">\n' + "\n".join(rows) + "\n</dl>"

    def _sources(self, src: str, element: Element) -> str:
        sources = self.m.taxonomies["bronnen"]
        items = []
        for source_id in element.list("bronnen"):
            term = sources.terms.get(source_id)
            if term:
                items.append(f'<li>{citation_html(term.get("citaat", term.name))} '
                             f'{self.link(src, SOURCES_PAGE, "Over deze bron", source_id)}</li>')
        return f'## Bronnen {{#bronnen}}\n\n<ul class="ww-bronnen">\n' + "\n".join(items) + "\n</ul>"

    def _chapters(self, src: str, element: Element) -> str:
        chapters = self.m.chapters_including.get(element.id, [])
        if not chapters:
            return ""
        items = "\n".join(f"<li>{self.link(src, c.src_uri, c.title)}</li>" for c in chapters)
        return f'## In de hoofdstukken {{#hoofdstukken}}\n\n<ul class="ww-hoofdstukken">\n{items}\n</ul>'

    def _updated(self, element: Element) -> str:
        iso = self.m.updated.get(element.path)
        if not iso:
            return ""
        return (f'<p class="ww-bijgewerkt">Laatst bijgewerkt: '
                f'<time datetime="{h(iso)}">{h(dutch_date(iso))}</time></p>')

    # -- overviews and facet pages -----------------------------------------------
    def overview_page(self) -> GeneratedPage:
        src = f"{ELEMENTS_DIR}/index.md"
        theme_facet = self.schema.facets["thema"]
        parts = [f'<p class="ww-aantal">{len(self.m.elements)} elementen. Bekijk ze ook per '
                 + ", ".join(self.link(src, facet_src(f), f.plural.lower()) for f in self.schema.facets.values())
                 + ". Download ze als " + self.link(src, "elementen.csv", "tabel (CSV)") + " of "
                 + self.link(src, "elementen.json", "JSON") + ".</p>",
                 # assets/filter.js builds the filter here; without JavaScript the list below stays
                 f'<div class="ww-filter" id="ww-filter" data-root="{h(self.urls.relative(src, "index.md"))}"'
                 f' data-bron="{h(self.urls.relative(src, FILTER_FILE))}"></div>']
        full = len(self.m.elements) <= OVERVIEW_LIST_LIMIT
        for value, label in self.facets.options(theme_facet):
            chosen = [e for e in self.m.elements.values() if value in self.facets.values(e, theme_facet)]
            if chosen and full:
                parts.append(f"## {md(label)} {{#thema-{value}}}\n\n"
                             + self.by_soort(src, chosen, level=3, anchor=f"thema-{value}-"))
            elif chosen:  # a big manual: the theme pages hold the lists
                parts.append(f"## {md(label)} {{#thema-{value}}}\n\n"
                             f'<p class="ww-naar-thema">{len(chosen)} elementen: '
                             f'{self.link(src, facet_src(theme_facet, value), "bekijk ze op de pagina van dit thema")}.</p>')
        return GeneratedPage(src, "Alle elementen", "# Alle elementen", "\n\n".join(parts) + "\n")

    def facet_index(self, facet: FacetSpec) -> GeneratedPage:
        src = facet_src(facet)
        items = []
        for value, label in self.facets.options(facet):
            count = len(self.facets.select(self.m.elements.values(), {facet.name: [value]}))
            items.append(f"<li>{self.link(src, facet_src(facet, value), label)} "
                         f'<span class="ww-telling">({count} elementen)</span></li>')
        listing = f'<ul class="ww-facetten">\n' + "\n".join(items) + "\n</ul>\n"
        return GeneratedPage(src, facet.plural, f"# {md(facet.plural)}", listing)

    def facet_pages(self, facet: FacetSpec, value: str) -> list[GeneratedPage]:
        """A value's page; above FACET_LIST_LIMIT elements, its compact pages."""
        src = facet_src(facet, value)
        label = self.facets.label(facet, value)
        term = self.m.taxonomies[facet.taxonomy].terms.get(value) if facet.taxonomy else None
        intro = f"# {md(label)}"
        if term and term.get("omschrijving"):
            intro += f'\n\n<p class="ww-omschrijving">{h(term.get("omschrijving"))}</p>'
        chosen = self.facets.select(self.m.elements.values(), {facet.name: [value]})
        if len(chosen) > FACET_LIST_LIMIT:
            return self._facet_pages_compact(facet, value, label, intro, chosen)
        if facet is self.facets.region_facet:
            listing = self._region_listing(src, value, label, chosen)
        else:
            listing = self.by_soort(src, chosen)
        return [GeneratedPage(src, label, intro, f"{self._back(src, facet, value)}\n\n{listing}\n")]

    def _back(self, src: str, facet: FacetSpec, value: str) -> str:
        return (f'<p class="ww-terug">{self.link(src, facet_src(facet), "Alle " + facet.plural.lower())}'
                f' · {self.filter_link(src, {facet.name: [value]})}</p>')

    def _facet_pages_compact(self, facet: FacetSpec, value: str, label: str, intro: str,
                             chosen: list[Element]) -> list[GeneratedPage]:
        # (heading, anchor, element, extra link target) in display order, then cut in pages.
        rows: list[tuple[str, str, Element, str | None]] = []
        if facet is self.facets.region_facet:
            generic = self.schema.generic_region
            family = self.facets._region_family.get(value, {value})
            common = [e for e in chosen if generic in self.facets.values(e, facet)]
            common_ids = {e.id for e in common}
            for e in self.m.sorted(e for e in chosen if e.id not in common_ids):
                rows.append((f"Elementen van {label}", "eigen", e, None))
            for e in self.m.sorted(common):
                # A generic element with text for this region: link straight to that text.
                own = next((i.region for i in e.body.invullingen if i.region in family and i.text.strip()), None)
                rows.append(("Generieke elementen", "generiek", e, own))
        else:
            for soort in self.schema.soorten.values():
                rows += [(soort.plural, soort.id, e, None)
                         for e in self.m.sorted(e for e in chosen if e.soort == soort.id)]
        count = -(-len(rows) // FACET_PAGE_SIZE)
        pages = []
        for number in range(1, count + 1):
            src = facet_src(facet, value, number)
            nav = pager([self.urls.relative(src, facet_src(facet, value, n)) for n in range(1, count + 1)],
                        number)
            parts, heading, items = [self._back(src, facet, value), nav], None, []
            for row_heading, anchor, element, region in rows[(number - 1) * FACET_PAGE_SIZE:number * FACET_PAGE_SIZE]:
                if row_heading != heading:
                    if items:
                        parts.append('<ul class="ww-lijst">\n' + "\n".join(items) + "\n</ul>")
                    parts.append(f"## {md(row_heading)} {{#{anchor}}}")
                    heading, items = row_heading, []
                items.append(self._compact_entry(src, element, region))
            parts.append('<ul class="ww-lijst">\n' + "\n".join(items) + "\n</ul>")
            parts.append(nav)
            title = label if number == 1 else f"{label} (pagina {number} van {count})"
            page_intro = intro if number == 1 else f"# {md(title)}"
            pages.append(GeneratedPage(src, title, page_intro, "\n\n".join(parts) + "\n",
                                       searchable=number == 1))
        return pages

    def _compact_entry(self, from_src: str, element: Element, region: str | None) -> str:
        extra = ""
        if region:
            regions = self.m.taxonomies[self.schema.region_field.taxonomy]
            extra = " " + self.link(from_src, element_src(element.id),
                                    f"Invulling in {regions.label(region)}", f"regio-{region}")
        return (f'<li class="ww-entry ww-entry--kort" data-id="{h(element.id)}">'
                f'{self.link(from_src, element_src(element.id), element.titel)} '
                f'{self.soort_badge(element.soort)}{extra}</li>')

    def _region_listing(self, src: str, region: str, label: str, chosen: list[Element]) -> str:
        generic = self.schema.generic_region
        own = [e for e in chosen if generic not in self.facets.values(e, self.facets.region_facet)]
        own_ids = {e.id for e in own}  # a set: list membership here was quadratic
        common = [e for e in chosen if e.id not in own_ids]
        parts = [f"## Elementen van {md(label)} {{#eigen}}\n\n"
                 + self.entry_list(src, own, empty=f"Nog geen elementen die alleen voor {label} gelden.")]
        family = self.facets._region_family.get(region, {region})
        with_text = []
        for element in self.m.sorted(common):
            texts = [i for i in element.body.invullingen if i.region in family and i.text.strip()]
            if texts:
                with_text.append((element, texts))
        if with_text:
            section = [f"## Invulling in {md(label)} {{#invulling}}"]
            regions = self.m.taxonomies[self.schema.region_field.taxonomy]
            for element, texts in with_text:
                section.append(f"### {md(element.titel)}\n\n"
                               f'<p>{self.link(src, element_src(element.id), "Naar het element")} '
                               f"{self.soort_badge(element.soort)}</p>")
                for invulling in texts:
                    section.append(f'<p class="ww-regio-kop">Invulling in '
                                   f'{h(regions.label(invulling.region))}</p>\n\n{invulling.text}')
            parts.append("\n\n".join(section))
        parts.append("## Generieke elementen {#generiek}\n\n<p>Deze elementen gelden in alle regio's.</p>\n\n"
                     + self.entry_list(src, common))
        return "\n\n".join(parts)

    def sources_page(self) -> GeneratedPage:
        src = SOURCES_PAGE
        sources = self.m.taxonomies["bronnen"]
        types = self.m.taxonomies["brontypen"]
        blocks = []
        for term in sources:
            citing = [e for e in self.m.elements.values() if term.id in e.list("bronnen")]
            block = [f'<div class="ww-bron" id="{h(term.id)}">',
                     f'<p class="ww-citaat">{citation_html(term.get("citaat", term.name))}</p>',
                     f'<p class="ww-bron-meta">Soort bron: {h(types.label(term.get("type")))}'
                     + (f' · <a href="{h(term.get("link"))}">Naar de bron</a>' if term.get("link") else "")
                     + "</p>"]
            if term.get("omschrijving"):
                block.append(f"<p>{h(term.get('omschrijving'))}</p>")
            block.append(f"<p>Genoemd bij {len(citing)} elementen.</p>")
            block.append("</div>")
            blocks.append("\n".join(block))
        return GeneratedPage(src, "Bronnen", "# Bronnen", "\n\n".join(blocks) + "\n")

    def directive(self, from_src: str, filters: dict[str, list[str]]) -> str:
        chosen = self.facets.select(self.m.elements.values(), filters)
        if len(chosen) > FACET_LIST_LIMIT:  # a big manual: the first ones, compact; the filter has all
            shown = self.m.sorted(chosen)[:FACET_PAGE_SIZE]
            items = "\n".join(self._compact_entry(from_src, e, None) for e in shown)
            return (f'<ul class="ww-lijst">\n{items}\n</ul>\n\n'
                    f'<p class="ww-naar-filter">Nog {len(chosen) - len(shown)} elementen bij deze keuze. '
                    f'{self.filter_link(from_src, filters, "Bekijk ze allemaal in het overzicht")}</p>')
        return (self.entry_list(from_src, chosen, empty="Nog geen elementen bij deze keuze.")
                + f'\n\n<p class="ww-naar-filter">{self.filter_link(from_src, filters)}</p>')
