"""Render the manual's generated pages to Markdown, from the fragments in `fragments/`.

Every value from front matter or data files is plain text here: the fragments escape
it (Jinja autoescape for HTML, `| md` for Markdown). Element bodies are Markdown written
by editors and are passed on as Markdown. Every text comes from the catalogue.

Size: no page should pass 100 KB, also with thousands of elements. So a big manual's
overview names its themes instead of listing elements (OVERVIEW_LIST_LIMIT), long
facet lists become compact entries over numbered pages (FACET_LIST_LIMIT,
FACET_PAGE_SIZE: `/themas/x/`, `/themas/x/2/`, ...), and chapter directives show at most
one page of them. Small manuals are unchanged. Pages 2.. are kept out of search.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from markupsafe import Markup, escape

from ..model.elements import Element
from .fragments import Fragments, fragments_for
from .html import md
from ..i18n import active, t
from .doors import occupied
from .regions_view import region_section
from ..model.fieldkinds import kind_of
from ..model.schema import FacetSpec
from ..paths import addresses, element_src, facet_src

if TYPE_CHECKING:
    from ..model.manual import Manual
    from ..urls import Urls

# Above this many elements the overview lists no elements itself (the filter renders them
# from its JSON; without JavaScript the theme pages list them): it lists every element
# once per theme, about 1 KB each, and no page should pass 100 KB.
OVERVIEW_LIST_LIMIT = 60
# Facet pages of a big manual (more than FACET_LIST_LIMIT elements for one value) list
# compact entries (title and soort) in pages of FACET_PAGE_SIZE: `/themas/x/` is page 1,
# `/themas/x/2/` page 2, ..., with page links at top and bottom (no JavaScript needed).
# That keeps every page under 100 KB at 5,000 elements; smaller manuals are unchanged.
FACET_LIST_LIMIT = 120
FACET_PAGE_SIZE = 200
_EMPHASIS = re.compile(r"\*([^*\n]+)\*")
_NO = {"nee", "no", "false", "0"}  # the value of a term's `experience` key that says "no"


@dataclass
class GeneratedPage:
    src_uri: str
    title: str
    intro: str  # heading and description: dropped when a hand-written page exists
    listing: str  # generated content: appended to a hand-written page if there is one
    searchable: bool = True  # False: a pure list, kept out of the search index
    description: str = ""  # plain text: the page's meta description and link preview

    def __post_init__(self):
        # Plain text from here on: Markup would escape whatever is added to it.
        self.title, self.intro, self.listing = str(self.title), str(self.intro), str(self.listing)
        self.description = str(self.description)

    def markdown(self, handwritten: str | None = None) -> str:
        if handwritten is not None:
            return handwritten.rstrip("\n") + "\n\n" + self.listing
        return f"{self.intro}\n\n{self.listing}" if self.intro else self.listing


def pager(fragments: Fragments, hrefs: list[str], number: int) -> tuple[Markup, Markup]:
    """'Pagina 2 van 5' with links to every page and to the previous and next one
    (`hrefs[i]` is page i+1; the current page is not a link): for above and below the list,
    each a navigation landmark with a name of its own."""
    render = fragments.render
    return tuple(render("pager.html", hrefs=hrefs, number=number, total=len(hrefs), place=place)
                 for place in ("top", "bottom"))


def citation_html(text: str) -> Markup:
    """A citation is plain text; `*title*` becomes italics (APA)."""
    return Markup(_EMPHASIS.sub(r"<em>\1</em>", str(escape(text))))


class Renderer:
    def __init__(self, manual: Manual, urls: Urls):
        self.m = manual
        self.urls = urls
        self.facets = manual.facets
        self.schema = manual.schema
        self.f = fragments_for(manual.layout)  # the manual's own fragments first
        self._entry_rest: dict[str, Markup] = {}
        # Rendered entries by (element, link, extra): element pages share a folder, so a
        # neighbour's entry is the same on every page that lists it.
        self._entries: dict[tuple[str, str, str], Markup] = {}
        self._compact: dict[tuple[str, str, str | None], Markup] = {}
        self._badges: dict[str, Markup] = {}
        self._occupied: dict[str, set[str]] = {}

    def occupied(self, facet: FacetSpec) -> set[str]:
        """The facet's values offered as doors (render/doors.py), computed once per facet."""
        if facet.name not in self._occupied:
            self._occupied[facet.name] = occupied(self.m, facet)
        return self._occupied[facet.name]

    # -- small pieces -------------------------------------------------------------
    def href(self, from_src: str, to_src: str, anchor: str = "") -> str:
        return self.urls.relative(from_src, to_src, anchor)

    def link(self, from_src: str, to_src: str, text: str, anchor: str = "") -> Markup:
        return Markup('<a href="{}">{}</a>').format(self.href(from_src, to_src, anchor), text)

    def soort_badge(self, soort: str) -> Markup:
        badge = self._badges.get(soort)
        if badge is None:
            spec = self.schema.soorten.get(soort)
            badge = self._badges[soort] = self.f.render(
                "badge.html", soort=soort, label=spec.label if spec else soort)
        return badge

    def entry(self, from_src: str, element: Element, extra: str = "", label: str = "",
              who: bool = True) -> Markup:
        # Everything after the link is the same on every page that lists the element.
        rest_key = element.id if who else f"{element.id}\0kort"
        rest = self._entry_rest.get(rest_key)
        if rest is None:
            rest = self._entry_rest[rest_key] = self.f.render(
                "entry_rest.html", badge=self.soort_badge(element.kind), summary=element.summary,
                who=self.involved(element) if who else "")
        href = self.href(from_src, element_src(element.id))
        key = (element.id, href, extra, label, who)
        entry = self._entries.get(key)
        if entry is None:
            entry = self._entries[key] = self.f.render("entry.html", id=element.id, title=element.title,
                                                       rest=rest, href=href, extra=extra, label=label)
        return entry

    def involved(self, element: Element) -> str:
        """Who is involved and whose experience it is: the facets without a role, one line."""
        parts = []
        for facet in self.schema.listed_facets:
            values = self.facets.values(element, facet)
            if values:
                parts.append(f"{facet.plural}: " + ", ".join(self.facets.label(facet, v) for v in values))
        return " · ".join(parts)

    def entry_list(self, from_src: str, elements: list[Element], empty: str | None = None) -> Markup:
        entries = [self.entry(from_src, e) for e in self.m.sorted(elements)]
        return self.f.render("entry_list.html", entries=entries,
                             empty=t("pages.no_elements") if empty is None else empty)

    def by_soort(self, from_src: str, elements: list[Element], level: int = 2, anchor: str = "") -> Markup:
        groups = []
        for soort in self.schema.soorten.values():
            chosen = [e for e in elements if e.kind == soort.id]
            if chosen:
                groups.append(self.f.render("by_kind.md", heading=soort.plural, anchor=f"{anchor}{soort.id}",
                                            level=level, list=self.entry_list(from_src, chosen)))
        if not groups:
            return Markup('<p class="ww-leeg">{}</p>').format(t("pages.none_yet"))
        return Markup("\n\n").join(groups)

    def filter_link(self, from_src: str, filters: dict[str, list[str]], text: str | None = None) -> Markup:
        """A link into the overview with these filters set (read by assets/filter.js)."""
        query = urlencode([(name, value) for name, values in filters.items() for value in values])
        href = self.href(from_src, addresses().overview) + (f"?{query}" if query else "")
        return self.f.render("filter_link.html", href=href, text=text or t("pages.filter_link"))

    def facet_links(self, from_src: str, facet: FacetSpec, values: list[str]) -> Markup:
        links = []
        for value in values:
            if facet is self.facets.region_facet and value == self.schema.generic_region:
                links.append(escape(self.schema.generic_region_label))
            else:
                links.append(self.link(from_src, facet_src(facet, value), self.facets.label(facet, value)))
        return Markup(", ").join(links) if links else escape(t("pages.not_described"))

    def section(self, title: str, anchor: str, body: Markup) -> Markup:
        return self.f.render("section.md", title=title, anchor=anchor, body=body)

    # -- element page ---------------------------------------------------------------
    def element_page(self, element: Element) -> GeneratedPage:
        """Substance first: the summary panel, the kern and regional texts, what it helps
        against, the related elements by kind, the questions; then the remaining properties,
        the sources with the grounds in short, the chapters."""
        src = element_src(element.id)
        graph = self.m.graph
        sections = []
        counter = self.schema.counter_field
        derived = self._derived_badge(src, counter)
        if counter and element.kind == counter.only_for_soort:
            sections.append(self._section(src, counter.label, "helpt-tegen",
                                          graph.helps_against.get(element.id, []), derived))
        elif counter and element.kind == counter.target_soort:
            sections.append(self._section(src, self.schema.soorten[element.kind].inverse_heading,
                                          "wat-helpt", graph.helped_by.get(element.id, []), derived))
        # An element already shown under "Helpt tegen" / "Wat helpt hiertegen" is not
        # repeated under the related elements.
        countered = set(graph.helps_against.get(element.id, [])) | set(graph.helped_by.get(element.id, []))
        if self.schema.roles.related:
            related = [i for i in graph.related.get(element.id, []) if i not in countered]
            sections.append(self._related(src, self.schema.role_field("related").label, related))
        panel_facets = self._panel_facets()
        sections += [self._questions(element), self._properties(src, element, panel_facets),
                     self._sources(src, element), self._chapters(src, element)]
        kern = region_section(self, element, t("pages.not_described"))
        body = self.f.render("element.md", element=element, panel=self._panel(src, element, panel_facets),
                             kern=Markup(kern), sections=sections)
        return GeneratedPage(src, element.title, "", body + "\n", description=element.summary)

    def _panel_facets(self) -> list[FacetSpec]:
        """The facets in the summary panel besides the kind: the themes, who is involved (a
        facet of a field without a role whose terms are not someone's experience) and the
        status."""
        status = self.schema.role_field("status")
        extra = {f.name for f in self.schema.extra_fields}
        chosen = []
        for facet in self.schema.facets.values():
            if facet is self.schema.kind_facet or facet is self.facets.region_facet:
                continue
            taxonomy = self.schema.taxonomies.get(facet.taxonomy) if facet.taxonomy else None
            experience = bool(taxonomy and taxonomy.key_for("experience"))
            if (facet is self.schema.theme_facet or (status and facet.field == status.name)
                    or (facet.field in extra and not experience)):
                chosen.append(facet)
        return chosen

    def _panel(self, src: str, element: Element, facets: list[FacetSpec]) -> Markup:
        rows = []  # the kind is the badge
        for facet in facets:
            values = self.facets.values(element, facet)
            if values:
                single = not kind_of(self.schema.fields[facet.field]).is_list or len(values) == 1
                rows.append((facet.title if single else facet.plural, self.facet_links(src, facet, values)))
        updated = self._updated(element)
        if updated:
            rows.append((t("pages.element.updated"), updated))
        lead = "" if _same_sentence(element.summary, element.body.kern) else element.summary
        return self.f.render("summary_panel.html", badge=self.soort_badge(element.kind), lead=lead, rows=rows)

    def _related(self, src: str, title: str, ids: list[str]) -> Markup:
        """The related elements grouped by kind, without the line on who is involved (the
        reader is on the element already; the entries stay short)."""
        elements = [self.m.elements[i] for i in ids if i in self.m.elements]
        if not elements:
            return Markup("")
        groups = []
        for soort in self.schema.soorten.values():
            chosen = [self.entry(src, e, who=False) for e in self.m.sorted(elements) if e.kind == soort.id]
            if chosen:
                groups.append(self.f.render("by_kind.md", heading=soort.plural, anchor=f"{addresses().anchors.related}-{soort.id}",
                                            level=3, list=self.f.render("entry_list.html", entries=chosen, empty="")))
        return self.section(title, addresses().anchors.related, Markup("\n\n").join(groups))

    def element_page_inputs(self, element: Element, token, listed) -> tuple:
        """What element_page shows besides data files and URLs (core/site/pagememo.py): the
        element (`token`), what it shows of the elements it lists (`listed`), its chapters
        and date. Keep in step with it."""
        graph = self.m.graph
        lists = tuple(tuple(edges.get(element.id, ())) for edges in
                      (graph.helps_against, graph.helped_by, graph.related))
        shown = tuple(listed(self.m.elements[i]) for ids in lists for i in ids if i in self.m.elements)
        chapters = tuple((c.src_uri, c.title) for c in self.m.chapters_including.get(element.id, []))
        return token(element), lists, shown, chapters, self.m.updated.get(element.path)

    def _section(self, src: str, title: str, anchor: str, ids: list[str], extra: Markup = Markup("")) -> Markup:
        elements = [self.m.elements[i] for i in ids if i in self.m.elements]
        if not elements:  # a heading over "not described" says nothing: leave it out
            return Markup("")
        entries = [self.entry(src, e, label=extra, who=False) for e in self.m.sorted(elements)]
        return self.section(title, anchor, self.f.render("entry_list.html", entries=entries,
                                                         empty=t("pages.not_described")))

    def _explained_href(self, src: str, field) -> str | None:
        """The link to the chapter a schema field names in `explained_in`, if that chapter exists."""
        target = field.explained_in if field else None
        page, _, anchor = (target or "").partition("#")
        if not page or page not in self.m.chapters:
            return None
        return self.href(src, page, anchor)

    def _derived_badge(self, src: str, field) -> Markup:
        """'afgeleid' after each link of a field the schema marks `derived` ('' otherwise)."""
        if field is None or not field.derived:
            return Markup("")
        return self.f.render("derived_badge.html", href=self._explained_href(src, field))

    def _grounds(self, src: str, element: Element) -> Markup:
        """The grounds in short, from the data only: the status, whether the element is
        described per region and whether the data say whose experience it is. (Each
        source's own description is on the sources page, linked from the sources.)"""
        field = self.schema.role_field("sources")
        status = None
        status_field = self.schema.role_field("status")
        value = element.text(status_field.name) if status_field else ""
        if value:
            terms = self.m.taxonomies.get(status_field.taxonomy) if status_field.taxonomy else None
            term = terms.terms.get(value) if terms else None
            status = (term.name if term else value, term.role("description") if term else "")
        region_facet = self.facets.region_facet
        generic_only = bool(region_facet) and self.facets.values(element, region_facet) == [self.schema.generic_region]
        return self.f.render("grounds.md", status=status,
                             status_label=status_field.label if status_field else "",
                             region_facet=region_facet.title if generic_only else None,
                             experience_unknown=self._experience_unknown(element),
                             more_href=self._explained_href(src, field))

    def _experience_unknown(self, element: Element) -> bool:
        """True when the fields over a taxonomy with an `experience` key (the perspectives)
        hold no term that names whose experience the element comes from. A manual whose
        data have no such key says nothing about it."""
        fields = [spec for spec in self.schema.fields.values() if spec.taxonomy
                  and self.schema.taxonomies.get(spec.taxonomy)
                  and self.schema.taxonomies[spec.taxonomy].key_for("experience")]
        if not fields:
            return False
        for spec in fields:
            terms = self.m.taxonomies.get(spec.taxonomy)
            values = element.list(spec.name) if kind_of(spec).is_list else [element.text(spec.name)]
            for value in filter(None, values):
                term = terms.terms.get(value) if terms else None
                if term is None or term.role("experience").strip().lower() not in _NO:
                    return False
        return True

    def _questions(self, element: Element) -> Markup:
        questions = element.role_list("questions")
        if not questions:
            return Markup("")
        return self.f.render("questions.md", title=self.schema.role_field("questions").label, questions=questions)

    def _properties(self, src: str, element: Element, shown: list[FacetSpec] = ()) -> Markup:
        """The properties the summary panel (`shown`) does not show already."""
        rows = []
        kind_facet = self.schema.kind_facet
        for facet in self.schema.facets.values():
            if facet is kind_facet or facet in shown:
                continue
            single = not kind_of(self.schema.fields[facet.field]).is_list
            rows.append((facet.title if single else facet.plural,
                         self.facet_links(src, facet, self.facets.values(element, facet))))
        # Fields without a role or facet: shown under their label, with nothing hidden.
        faceted = {f.field for f in self.schema.facets.values()}
        for spec in self.schema.extra_fields:
            if spec.name in faceted:
                continue
            value = element.values.get(spec.name)
            if value:  # the field's kind shows it (core/model/fieldkinds/)
                value = kind_of(spec).display(spec, value, self.m.taxonomies)
            rows.append((spec.label, value or t("pages.not_described")))
        return self.f.render("properties.md", rows=rows)

    def _sources(self, src: str, element: Element) -> Markup:
        field = self.schema.role_field("sources")
        if field is None:
            return self._grounds(src, element)
        registry = self.m.taxonomies[field.taxonomy]
        sources = [(citation_html(term.role("citation", term.name)), self.href(src, addresses().sources_page, term.id))
                   for term in (registry.terms.get(i) for i in element.list(field.name)) if term]
        return self.f.render("sources.md", title=field.label,
                             sources=sources, grounds=self._grounds(src, element))

    def _chapters(self, src: str, element: Element) -> Markup:
        chapters = self.m.chapters_including.get(element.id, [])
        if not chapters:
            return Markup("")
        return self.f.render("chapters.md", chapters=[(c.title, self.href(src, c.src_uri)) for c in chapters])

    def _updated(self, element: Element) -> Markup:
        iso = self.m.updated.get(element.path)
        if not iso:
            return Markup("")
        return self.f.render("updated.html", iso=iso, day=active().date(date.fromisoformat(iso)))

    # -- overviews and facet pages -----------------------------------------------
    def overview_page(self) -> GeneratedPage:
        src = addresses().overview
        theme_facet = self.schema.theme_facet
        links = [self.link(src, facet_src(f), f.title.lower()) for f in self.schema.facets.values()]
        facet_links = (Markup(", ").join(links[:-1]) + Markup(" {} ").format(t("common.or")) + links[-1]
                       if len(links) > 1 else Markup("").join(links))
        full = len(self.m.elements) <= OVERVIEW_LIST_LIMIT
        groups = []
        theme_anchor = addresses().anchors.theme
        if theme_facet is None:  # no themes: one list by kind
            groups = [(t("pages.overview.title"), addresses().anchors.all_elements, self.by_soort(src, list(self.m.elements.values()), level=3))]
        for value, label in self.facets.options(theme_facet) if theme_facet else ():
            chosen = [e for e in self.m.elements.values() if value in self.facets.values(e, theme_facet)]
            if chosen and full:
                groups.append((label, f"{theme_anchor}-{value}",
                               self.by_soort(src, chosen, level=3, anchor=f"{theme_anchor}-{value}-")))
            elif chosen:  # a big manual: the theme pages hold the lists
                link = self.link(src, facet_src(theme_facet, value), t("pages.overview.to_theme_link"))
                groups.append((label, f"{theme_anchor}-{value}", Markup('<p class="ww-naar-thema">{}</p>').format(
                    self.f.env.globals["tm"]("pages.overview.to_theme", count=len(chosen), link=link))))
        listing = self.f.render(
            "overview.md", count=len(self.m.elements), facet_links=facet_links,
            csv_link=self.link(src, addresses().csv_file, t("pages.overview.csv")),
            json_link=self.link(src, addresses().json_file, t("pages.overview.json")),
            root=self.href(src, "index.md"), data=self.href(src, addresses().filter_file),
            text_query=addresses().text_query, groups=groups)
        title = t("pages.overview.title")
        return GeneratedPage(src, title, f"# {_md(title)}", listing + "\n")

    def facet_index(self, facet: FacetSpec) -> GeneratedPage:
        src = facet_src(facet)
        # Only values with something to show (render/doors.py); their pages stay reachable.
        doors = self.occupied(facet)
        options = [(value, label) for value, label in self.facets.options(facet) if value in doors]
        values = [(label, self.href(src, facet_src(facet, value)),
                   len(self.facets.select(self.m.elements.values(), {facet.name: [value]})))
                  for value, label in options]
        count_key = "pages.count_elements"
        if facet is self.facets.region_facet:
            # A region selects the elements not yet described per region too; counting them
            # would suggest findings for the region. Count only its own.
            generic = self.schema.generic_region
            count_key = "pages.region.count"
            values = [(label, href, len([e for e in self.facets.select(self.m.elements.values(), {facet.name: [value]})
                                         if generic not in self.facets.values(e, facet)]))
                      for (label, href, _), (value, _) in zip(values, options)]
        listing = self.f.render("facet_index.html", values=values, count_key=count_key,
                                empty=t("pages.facet.none", plural=facet.plural.lower())) + "\n"
        return GeneratedPage(src, facet.plural, f"# {_md(facet.plural)}", listing)

    def facet_pages(self, facet: FacetSpec, value: str) -> list[GeneratedPage]:
        """A value's page; above FACET_LIST_LIMIT elements, its compact pages."""
        src = facet_src(facet, value)
        label = self.facets.label(facet, value)
        term = self.m.taxonomies[facet.taxonomy].terms.get(value) if facet.taxonomy else None
        intro = self.f.render("term_intro.md", label=label,
                              description=term.role("description") if term else "")
        chosen = self.facets.select(self.m.elements.values(), {facet.name: [value]})
        if len(chosen) > FACET_LIST_LIMIT:
            return self._facet_pages_compact(facet, value, label, intro, chosen)
        if not chosen:  # an empty room: its URL works and says where to go instead
            listing = self.f.render("facet_empty.html", label=label, plural=facet.plural.lower(),
                                    index_href=self.href(src, facet_src(facet)),
                                    overview_href=self.href(src, addresses().overview))
            return [GeneratedPage(src, label, intro, f"{listing}\n", searchable=False)]
        if facet is self.facets.region_facet:
            listing = self._region_listing(src, value, label, chosen)
        else:
            listing = self.by_soort(src, chosen)
        return [GeneratedPage(src, label, intro, f"{self._back(src, facet, value)}\n\n{listing}\n",
                              description=term.role("description") if term else "")]

    def _back(self, src: str, facet: FacetSpec, value: str) -> Markup:
        return self.f.render("back.html", index_href=self.href(src, facet_src(facet)), plural=facet.plural,
                             filter_link=self.filter_link(src, {facet.name: [value]}))

    def _region_family(self, value: str) -> set[str]:
        return self.facets._region_family.get(value, {value})

    def _facet_pages_compact(self, facet: FacetSpec, value: str, label: str, intro: str,
                             chosen: list[Element]) -> list[GeneratedPage]:
        # Sections (heading, anchor, rows) in display order; the rows are cut in pages.
        sections = self._compact_sections(facet, value, label, chosen)
        rows = [(index, row) for index, (_, _, section_rows) in enumerate(sections) for row in section_rows]
        count = max(1, -(-len(rows) // FACET_PAGE_SIZE))
        # Which pages each section's rows fall on: page 1 links to them.
        spans: dict[int, list[int]] = {}
        for at, (index, _) in enumerate(rows):
            number = at // FACET_PAGE_SIZE + 1
            if number not in spans.setdefault(index, []):
                spans[index].append(number)
        pages = []
        for number in range(1, count + 1):
            src = facet_src(facet, value, number)
            hrefs = [self.href(src, facet_src(facet, value, n)) for n in range(1, count + 1)]
            nav_top, nav_bottom = pager(self.f, hrefs, number)
            on_page = rows[(number - 1) * FACET_PAGE_SIZE:number * FACET_PAGE_SIZE]
            parts = [self._back(src, facet, value), nav_top]
            for index, (heading, anchor, section_rows) in enumerate(sections):
                items = [self._compact_entry(src, *row) for i, row in on_page if i == index]
                if number == 1:
                    # Every section's heading and anchor stay on page 1, however long the
                    # lists grow: published links to `/<facet>/<value>/#<anchor>` keep working.
                    parts.append(f"## {_md(heading)} {{#{anchor}}}")
                    if items:
                        parts.append(self.f.render("entry_list.html", entries=items, empty=""))
                    later = [n for n in spans.get(index, []) if n > 1]
                    if later:
                        parts.append(self.f.render("pager_more.html", continued=bool(items),
                                                   pages=[(n, hrefs[n - 1]) for n in later]))
                    elif not section_rows:
                        parts.append(self.f.render("entry_list.html", entries=[],
                                                   empty=self._empty_section(anchor, label)))
                elif items:
                    parts.append(f"## {_md(heading)}")
                    parts.append(self.f.render("entry_list.html", entries=items, empty=""))
            parts.append(nav_bottom)
            title = label if number == 1 else t("pages.pager.title", label=label, number=number, total=count)
            page_intro = intro if number == 1 else f"# {_md(title)}"
            pages.append(GeneratedPage(src, title, page_intro, "\n\n".join(parts) + "\n",
                                       searchable=number == 1))
        return pages

    def _compact_sections(self, facet: FacetSpec, value: str, label: str,
                          chosen: list[Element]) -> list[tuple[str, str, list[tuple[Element, str | None]]]]:
        """The sections of a long facet list, with the same anchors as the short page
        (`_region_listing`, `by_soort`): rows are (element, region whose text to link)."""
        if facet is not self.facets.region_facet:
            return [(soort.plural, soort.id, [(e, None) for e in self.m.sorted(e for e in chosen if e.kind == soort.id)])
                    for soort in self.schema.soorten.values() if any(e.kind == soort.id for e in chosen)]
        generic = self.schema.generic_region
        family = self._region_family(value)
        common = self.m.sorted(e for e in chosen if generic in self.facets.values(e, facet))
        common_ids = {e.id for e in common}
        own = [(e, None) for e in self.m.sorted(e for e in chosen if e.id not in common_ids)]
        # A generic element with text for this region links straight to that text.
        texts = [(e, next((i.region for i in e.body.invullingen if i.region in family and i.text.strip()), None))
                 for e in common]
        anchors = addresses().anchors
        sections = [(t("pages.region.own", region=label), anchors.own_region, own)]
        with_text = [(e, region) for e, region in texts if region]
        if with_text:  # listed once: under their text for this region
            sections.append((t("pages.region.invulling", region=label), anchors.region_texts, with_text))
        sections.append((t("pages.region.generic"), anchors.generic, [(e, None) for e, region in texts if not region]))
        return sections

    def _empty_section(self, anchor: str, label: str) -> str:
        return t("pages.region.own_empty", region=label) if anchor == addresses().anchors.own_region else t("pages.none_yet")

    def _compact_entry(self, from_src: str, element: Element, region: str | None) -> Markup:
        href = self.href(from_src, element_src(element.id))
        key = (element.id, href, region)
        entry = self._compact.get(key)
        if entry is None:
            entry = self._compact[key] = self._render_compact_entry(from_src, element, region, href)
        return entry

    def _render_compact_entry(self, from_src: str, element: Element, region: str | None, href: str) -> Markup:
        region_href = region_label = None
        if region:
            regions = self.m.taxonomies[self.schema.region_field.taxonomy]
            region_href = self.href(from_src, element_src(element.id), f"{addresses().anchors.region}-{region}")
            region_label = regions.label(region)
        return self.f.render("entry_compact.html", id=element.id, title=element.title, href=href,
                             badge=self.soort_badge(element.kind), region_href=region_href,
                             region_label=region_label)

    def _region_listing(self, src: str, region: str, label: str, chosen: list[Element]) -> str:
        generic = self.schema.generic_region
        own = [e for e in chosen if generic not in self.facets.values(e, self.facets.region_facet)]
        own_ids = {e.id for e in own}  # a set: list membership here was quadratic
        common = [e for e in chosen if e.id not in own_ids]
        anchors = addresses().anchors
        parts = [self.section(t("pages.region.own", region=label), anchors.own_region,
                              self.entry_list(src, own, empty=t("pages.region.own_empty", region=label)))]
        family = self._region_family(region)
        regions = self.m.taxonomies[self.schema.region_field.taxonomy]
        with_text = []
        for element in self.m.sorted(common):
            texts = [(regions.label(i.region), Markup(i.text)) for i in element.body.invullingen
                     if i.region in family and i.text.strip()]
            if texts:
                with_text.append((element.title, self.href(src, element_src(element.id)),
                                  self.soort_badge(element.kind), texts))
        if with_text:
            parts.append(self.f.render("region_texts.md", region=label, elements=with_text))
        parts.append(self.section(t("pages.region.generic"), anchors.generic,
                                  Markup("<p>{}</p>\n\n{}").format(t("pages.region.generic_intro", region=label),
                                                                   self.entry_list(src, common))))
        return "\n\n".join(parts)

    def sources_page(self) -> GeneratedPage:
        src = addresses().sources_page
        field = self.schema.role_field("sources")
        registry = self.m.taxonomies[field.taxonomy] if field else None
        type_key = self.schema.taxonomies[field.taxonomy].key_for("type") if field else None
        types = self.m.taxonomies.get(type_key.ref) if type_key and type_key.ref else None
        cited: dict[str, int] = {}
        for element in self.m.elements.values():
            for source_id in element.list(field.name) if field else ():
                cited[source_id] = cited.get(source_id, 0) + 1
        sources = [{"id": term.id, "citation": citation_html(term.role("citation", term.name)),
                    "type": types.label(term.role("type")) if types else term.role("type"),
                    "type_description": (types.terms[term.role("type")].role("description")
                                         if types and term.role("type") in types else ""),
                    "link": term.role("link"), "description": term.role("description"),
                    "cited": cited.get(term.id, 0)} for term in (registry or ())]
        title = t("pages.sources.title")
        return GeneratedPage(src, title, f"# {_md(title)}",
                             self.f.render("sources_page.html", sources=sources) + "\n")

    def directive(self, from_src: str, filters: dict[str, list[str]]) -> str:
        chosen = self.facets.select(self.m.elements.values(), filters)
        if len(chosen) > FACET_LIST_LIMIT:  # a big manual: the first ones, compact; the filter has all
            shown = self.m.sorted(chosen)[:FACET_PAGE_SIZE]
            entries = [self._compact_entry(from_src, e, None) for e in shown]
            return self.f.render("directive.html", list=self.f.render("entry_list.html", entries=entries, empty=""),
                                 rest=len(chosen) - len(shown),
                                 filter_link=self.filter_link(from_src, filters, t("pages.directive.all")))
        return self.f.render("directive.html", rest=0, filter_link=self.filter_link(from_src, filters),
                             list=self.entry_list(from_src, chosen, empty=t("pages.directive.empty")))


def _same_sentence(summary: str, kern: str) -> bool:
    """Whether the kern begins with the summary (then the page does not say it twice)."""
    def words(text: str) -> str:
        return " ".join(re.sub(r"[*_`\[\]]|\([^)]*\)", "", text).split()).rstrip(".").casefold()
    first = re.split(r"(?<=[.!?])\s", kern.strip(), maxsplit=1)[0] if kern.strip() else ""
    return bool(first) and words(first) == words(summary)


def _md(text: str) -> Markup:
    return Markup(md(text))
