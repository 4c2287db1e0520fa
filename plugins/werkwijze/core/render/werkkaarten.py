"""`/werkkaarten/`: every element as a card to print, several to an A4 sheet, and cut.

Each card (fragments/card.html): title, kind in words, the summary (the element's core
statement), the reflection questions, status and sources, and a readable address. Cards
carry their themes and kind as data attributes; `assets/werkkaarten.js` hides the ones
that don't match `?<theme facet>=...&<kind facet>=...` (comma-separated values; `query_names`). Without JavaScript all
cards show.

A big manual (more than WERKKAARTEN_LIMIT elements) would make one page of megabytes
(5 MB at 5,000 elements). Then `/werkkaarten/` is an index of the themes, and each
theme has its own card pages of at most CARDS_PER_PAGE cards: `/werkkaarten/<thema>/`,
`/werkkaarten/<thema>/2/`, ... (page links as on the facet pages). The index forwards
`?<theme facet>=x&<kind facet>=y` to `<x>/?<kind facet>=y`, where the filter works on that page's cards.
It also holds the cards of the leerlijnen's steps, so that `?leerlijn=<id>` (the link on a
leerlijn's page) shows exactly that leerlijn's cards there as on a small manual's page.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from markupsafe import Markup

from .citation import absolute_url
from ..i18n import active, t
from ..paths import PDF_DIR, addresses, card_page_src, element_src
from .fragments import Fragments, fragments_for
from .render import GeneratedPage, pager

if TYPE_CHECKING:
    from ..model.manual import Manual
    from ..urls import Urls

WERKKAARTEN_LIMIT = 60  # up to here: all cards on one page (about 1 KB of HTML per card)
CARDS_PER_PAGE = 50
ALL_THEMES = "alle"  # the one card group of a manual without themes


def print_block(fragments: Fragments, urls: Urls, from_src: str, pdf_name: str,
                label_key: str = "ui.print.pdf") -> Markup:
    """A link to the page's PDF; assets/print-links.js adds a print button beside it.
    Only the button where no PDFs are published (a plain build, a preview): no link to a
    PDF that does not exist."""
    if not urls.publication.pdf:
        return fragments.render("print_block.html", label=t(label_key), href=None)
    return fragments.render("print_block.html", label=t(label_key),
                                      href=urls.relative(from_src, f"{PDF_DIR}/{pdf_name}"))


def readable_url(url: str) -> str:
    """'https://example.org/x/elementen/a/' -> 'example.org/x/elementen/a': what fits on paper."""
    return url.split("://", 1)[-1].rstrip("/")


def leerlijnen_of(manual: Manual, element_id: str) -> str:
    """The ids of the leerlijnen with a step on this element, space-separated (a card's
    `data-leerlijn`, read by assets/werkkaarten.js)."""
    return " ".join(sorted(l.id for l in manual.leerlijnen.values()
                           if any(s.element == element_id for s in l.steps)))


def _card(manual: Manual, urls: Urls, site_url: str | None, element) -> Markup:
    schema = manual.schema
    kind = schema.soorten.get(element.kind)
    theme_facet = schema.theme_facet
    status_facet = schema.facet_of("status")
    sources_field = schema.role_field("sources")
    sources = manual.taxonomies[sources_field.taxonomy] if sources_field else None
    return manual_fragments(manual).render(
        "card.html", id=element.id, kind=element.kind, kind_label=kind.label if kind else element.kind,
        themes=" ".join(manual.facets.values(element, theme_facet)) if theme_facet else "",
        leerlijnen=leerlijnen_of(manual, element.id),
        title=element.title, summary=element.summary, questions=element.role_list("questions"),
        status=manual.facets.label(status_facet, element.status) if status_facet and element.status else "",
        sources=active().join([sources.label(s) for s in element.role_list("sources")]) if sources else "",
        url=readable_url(absolute_url(site_url, urls.url(element_src(element.id)))))


def query_names(schema) -> tuple[str, str, str]:
    """The query parameters that choose cards (`?<theme facet>=x&<kind facet>=y`, or
    `?<learning_path_query>=<id>`: exactly one leerlijn's cards): the manual's own names,
    which the links write and werkkaarten.js reads from the page."""
    theme = schema.theme_facet.name if schema.theme_facet else schema.roles.themes or ""
    kind = schema.kind_facet.name if schema.kind_facet else schema.roles.kind
    return theme, kind, addresses().learning_path_query


def leerlijn_choices(manual: Manual) -> list[Markup]:
    """A link per leerlijn that shows exactly its cards (`?<learning_path_query>=<id>`)."""
    param = addresses().learning_path_query
    return [Markup('<a href="?{}={}" data-leerlijn="{}">{}</a>').format(param, l.id, l.id,
                                                                      t("cards.leerlijn", title=l.title))
            for l in sorted(manual.leerlijnen.values(), key=lambda l: l.title.casefold())]


def manual_fragments(manual: Manual):
    return fragments_for(manual.layout)


def werkkaarten_pages(manual: Manual, urls: Urls, site_url: str | None, memo=None) -> dict[str, GeneratedPage]:
    """The werkkaarten page(s), by src URI. `memo` (core/site/pagememo.py, under `mkdocs serve`)
    keeps the card of an unchanged element."""
    cards_src = addresses().work_cards_src

    def card(element) -> Markup:
        if memo is None:
            return _card(manual, urls, site_url, element)
        return memo.get(("kaart", element.id), (site_url, memo.token(element), leerlijnen_of(manual, element.id)),
                        lambda: _card(manual, urls, site_url, element))

    elements = manual.sorted(manual.elements.values())
    fragments = manual_fragments(manual)
    title = t("cards.title")
    if len(elements) > WERKKAARTEN_LIMIT:
        return _theme_pages(manual, urls, elements, card)
    schema = manual.schema
    theme_param, kind_param, _ = query_names(schema)
    choices = [Markup('<a href="?{}={}">{}</a>').format(theme_param, value, label)
               for value, label in manual.facets.options(schema.theme_facet)] if schema.theme_facet else []
    choices += [Markup('<a href="?{}={}">{}</a>').format(kind_param, s.id, s.plural) for s in schema.soorten.values()]
    choices += leerlijn_choices(manual)
    choices.append(Markup('<a href="./">{}</a>').format(t("cards.all_cards")))
    intro = fragments.render("cards_intro.md", title=title, choices=Markup(" · ").join(choices),
                             print_block=print_block(fragments, urls, cards_src, addresses().work_cards_pdf, "ui.print.pdf_cards"))
    listing = fragments.render("cards.html", cards=[card(e) for e in elements], params=query_names(schema))
    return {cards_src: GeneratedPage(cards_src, title, intro, listing + "\n", searchable=False)}


def _theme_pages(manual: Manual, urls: Urls, elements, card) -> dict[str, GeneratedPage]:
    cards_src = addresses().work_cards_src
    schema = manual.schema
    fragments = manual_fragments(manual)
    theme_facet = schema.theme_facet
    groups = ([(value, label, [e for e in elements if value in manual.facets.values(e, theme_facet)])
               for value, label in manual.facets.options(theme_facet)] if theme_facet
              else [(ALL_THEMES, t("cards.title"), list(elements))])
    pages: dict[str, GeneratedPage] = {}
    themes = []
    # By kind, then title: each kind's cards are on consecutive pages.
    order = {kind: n for n, kind in enumerate(schema.soorten)}
    cards_by_id: dict[str, Markup] = {}  # an element with two themes is on two pages
    for value, label, chosen in groups:
        chosen = sorted(chosen, key=lambda e: order.get(e.kind, len(order)))
        if not chosen:
            continue
        count = -(-len(chosen) // CARDS_PER_PAGE)
        kinds = []
        for kind in schema.soorten.values():
            at = [n for n, e in enumerate(chosen) if e.kind == kind.id]
            if at:
                first, last = at[0] // CARDS_PER_PAGE + 1, at[-1] // CARDS_PER_PAGE + 1
                kinds.append({"id": kind.id, "label": kind.plural, "first": first, "last": last,
                              "href": urls.relative(cards_src, card_page_src(value, first))})
        themes.append({"id": value, "label": label, "count": len(chosen), "pages": count, "kinds": kinds,
                       "href": urls.relative(cards_src, card_page_src(value))})
        for number in range(1, count + 1):
            src = card_page_src(value, number)
            nav_top, nav_bottom = pager(fragments, [urls.relative(src, card_page_src(value, n))
                                         for n in range(1, count + 1)], number)
            cards = []
            for e in chosen[(number - 1) * CARDS_PER_PAGE:number * CARDS_PER_PAGE]:
                if e.id not in cards_by_id:
                    cards_by_id[e.id] = card(e)
                cards.append(cards_by_id[e.id])
            title = t("cards.theme_title", theme=label)
            if count > 1:
                title = t("pages.pager.title", label=title, number=number, total=count)
            back = fragments.render("back_link.html", href=urls.relative(src, cards_src), text=t("cards.back"))
            listing = fragments.render("cards.html", cards=cards, params=query_names(schema))
            pages[src] = GeneratedPage(src, title, f"# {fragments.env.filters['md'](title)}",
                                       f"{back}\n\n{nav_top}\n\n{listing}\n{nav_bottom}\n", searchable=False)
    intro = fragments.render("cards_intro.md", title=t("cards.title"), choices="", size=CARDS_PER_PAGE,
                             print_block=print_block(fragments, urls, cards_src, addresses().work_cards_pdf, "ui.print.pdf_cards"))
    listing = fragments.render("cards_index.html", themes=themes, params=query_names(schema))
    in_leerlijnen = {s.element for l in manual.leerlijnen.values() for s in l.steps}
    chosen = [e for e in elements if e.id in in_leerlijnen]
    if chosen:  # the index is where a leerlijn's link to its cards arrives
        listing += "\n\n" + fragments.render(
            "cards_by_leerlijn.md", choices=Markup(" · ").join(leerlijn_choices(manual)),
            cards=fragments.render("cards.html", params=query_names(schema),
                                   cards=[cards_by_id.get(e.id) or card(e) for e in chosen]))
    pages[cards_src] = GeneratedPage(cards_src, t("cards.title"), intro, listing + "\n",
                                     searchable=False)
    return pages
