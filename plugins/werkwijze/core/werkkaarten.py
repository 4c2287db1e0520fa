"""`/werkkaarten/`: every element as a card to print, several to an A4 sheet, and cut.

Each card: title, soort in words, samenvatting, the kern in brief (its first paragraph
as plain text), the reflection questions and a short URL. Cards carry their themes and
soort as data attributes; `assets/werkkaarten.js` hides the ones that don't match
`?thema=...&soort=...` (comma-separated values). Without JavaScript all cards show.

A big manual (more than WERKKAARTEN_LIMIT elements) would make one page of megabytes
(5 MB at 5,000 elements). Then `/werkkaarten/` is an index of the themes, and each
theme has its own card pages of at most CARDS_PER_PAGE cards: `/werkkaarten/<thema>/`,
`/werkkaarten/<thema>/2/`, ... (page links as on the facet pages). The index forwards
`?thema=x&soort=y` to `<x>/?soort=y`, where the filter works on that page's cards.
"""
from __future__ import annotations

import re

from .citation import absolute_url
from .html import h, md
from .i18n import active, t
from .render import GeneratedPage, element_src, pager

WERKKAARTEN_SRC = "werkkaarten/index.md"
WERKKAARTEN_LIMIT = 60  # up to here: all cards on one page (about 1 KB of HTML per card)
CARDS_PER_PAGE = 50
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"(\*\*|__|\*|`|<[^>]+>)")
_BLOCK_START = re.compile(r"^\s*(#|[-*+] |\d+\. |\||!!!|\?\?\?|===|/{3}|>)")
PDF_DIR = "pdf"  # where `make pdf` output is published beside the site (scripts/pdf.py names)


def print_block(urls, from_src: str, pdf_name: str, label_key: str = "ui.print.pdf") -> str:
    """A link to the page's PDF; assets/print-links.js adds a print button beside it."""
    href = urls.relative(from_src, f"{PDF_DIR}/{pdf_name}")
    return (f'<p class="ww-afdrukken"><a class="md-button ww-pdf" href="{h(href)}" '
            f'type="application/pdf">{h(t(label_key))}</a></p>')


def first_paragraph(markdown: str) -> str:
    """The first plain paragraph of Markdown, as plain text (links keep their words)."""
    for block in re.split(r"\n\s*\n", markdown.strip()):
        if block.strip() and not _BLOCK_START.match(block):
            text = _MARKUP.sub("", _LINK.sub(r"\1", block))
            return " ".join(text.split())
    return ""


def _card(manual, urls, site_url: str | None, element) -> str:
    schema = manual.schema
    soort = schema.soorten.get(element.soort)
    themes = manual.facets.values(element, schema.facets["thema"])
    questions = element.list("reflectievragen")
    kern = first_paragraph(element.body.kern)
    url = absolute_url(site_url, urls.url(element_src(element.id)))
    card = [f'<article class="ww-kaart ww-kaart--{h(element.soort)}" id="{h(element.id)}" '
            f'data-thema="{h(" ".join(themes))}" data-soort="{h(element.soort)}">',
            f'<p class="ww-kaart-soort">{h(soort.label if soort else element.soort)}</p>',
            f'<h2 class="ww-kaart-titel">{h(element.titel)}</h2>',
            f'<p class="ww-kaart-samenvatting">{h(element.samenvatting)}</p>']
    if kern:
        card.append(f'<p class="ww-kaart-kern">{h(kern)}</p>')
    if questions:
        card.append('<p class="ww-kaart-label">Voor de leersessie</p>\n<ul class="ww-kaart-vragen">'
                    + "".join(f"<li>{h(q)}</li>" for q in questions) + "</ul>")
    status = manual.facets.label(schema.facets["status"], element.values.get("status") or "") \
        if "status" in schema.facets else ""
    sources = manual.taxonomies["bronnen"]
    names = [sources.label(s) for s in element.list("bronnen")]
    # Where it comes from and how settled it is, also on paper.
    card.append('<p class="ww-kaart-herkomst">'
                + (f'<span>{h(t("ui.card.status", status=status))}</span> ' if status else "")
                + (f'<span>{h(t("ui.card.source", bronnen=active().join(names)))}</span>' if names else "")
                + "</p>")
    card.append(f'<p class="ww-kaart-url">{h(url)}</p>')
    card.append("</article>")
    return "\n".join(card)


def _cards(cards: list[str]) -> str:
    # Separate blocks (blank line between): core/stash.py keeps them out of Markdown.
    return ('<p class="ww-werkkaarten-filter" hidden></p>\n\n'
            '<div class="ww-kaarten">\n' + "\n".join(cards) + "\n</div>\n")


def werkkaarten_pages(manual, urls, site_url: str | None, memo=None) -> dict[str, GeneratedPage]:
    """The werkkaarten page(s), by src URI. `memo` (core/pagememo.py, under `mkdocs serve`)
    keeps the card of an unchanged element."""
    def card(element) -> str:
        if memo is None:
            return _card(manual, urls, site_url, element)
        return memo.get(("kaart", element.id), (site_url, memo.token(element)),
                        lambda: _card(manual, urls, site_url, element))

    elements = manual.sorted(manual.elements.values())
    if len(elements) > WERKKAARTEN_LIMIT:
        return _theme_pages(manual, urls, elements, card)
    schema = manual.schema
    theme_facet = schema.facets["thema"]
    cards = [card(e) for e in elements]
    options = " · ".join(
        f'<a href="?thema={h(value)}">{h(label)}</a>' for value, label in manual.facets.options(theme_facet))
    soorten = " · ".join(f'<a href="?soort={h(s.id)}">{h(s.plural)}</a>' for s in schema.soorten.values())
    intro = (f"# Werkkaarten\n\n"
             '<p class="ww-werkkaarten-uitleg">Elk element op een kaart, om te printen en uit te '
             "knippen voor een leersessie. Er passen meerdere kaarten op een A4. Alleen de kaarten "
             f'van één thema of soort? Kies: {options} · {soorten} · <a href="./">alle kaarten</a>.</p>\n\n'
             + print_block(urls, WERKKAARTEN_SRC, "werkkaarten.pdf", "ui.print.pdf_cards"))
    return {WERKKAARTEN_SRC: GeneratedPage(WERKKAARTEN_SRC, "Werkkaarten", intro, _cards(cards),
                                           searchable=False)}


def theme_src(theme: str, number: int = 1) -> str:
    return f"werkkaarten/{theme}.md" if number == 1 else f"werkkaarten/{theme}/{number}.md"


def _theme_pages(manual, urls, elements, card) -> dict[str, GeneratedPage]:
    schema = manual.schema
    theme_facet = schema.facets["thema"]
    pages: dict[str, GeneratedPage] = {}
    items = []
    # By soort, then title: each soort's cards are on consecutive pages.
    order = {soort: n for n, soort in enumerate(schema.soorten)}
    cards_by_id: dict[str, str] = {}  # an element with two themes is on two pages
    for value, label in manual.facets.options(theme_facet):
        chosen = sorted((e for e in elements if value in manual.facets.values(e, theme_facet)),
                        key=lambda e: order.get(e.soort, len(order)))
        if not chosen:
            continue
        count = -(-len(chosen) // CARDS_PER_PAGE)
        index_href = urls.relative(WERKKAARTEN_SRC, theme_src(value))
        soorten = []
        for soort in schema.soorten.values():
            at = [n for n, e in enumerate(chosen) if e.soort == soort.id]
            if at:
                first, last = at[0] // CARDS_PER_PAGE + 1, at[-1] // CARDS_PER_PAGE + 1
                href = urls.relative(WERKKAARTEN_SRC, theme_src(value, first))
                where = f"pagina {first}" + (f"–{last}" if last > first else "")
                soorten.append(f'<a href="{h(href)}" data-soort="{h(soort.id)}">'
                               f'{h(soort.plural.lower())}</a> ({where})')
        pages_word = "pagina" if count == 1 else "pagina's"
        items.append(f'<li><a href="{h(index_href)}" data-thema="{h(value)}">{h(label)}</a>: '
                     f'{len(chosen)} kaarten op {count} {pages_word}: {" · ".join(soorten)}</li>')
        for number in range(1, count + 1):
            src = theme_src(value, number)
            nav = pager([urls.relative(src, theme_src(value, n)) for n in range(1, count + 1)], number)
            cards = []
            for e in chosen[(number - 1) * CARDS_PER_PAGE:number * CARDS_PER_PAGE]:
                if e.id not in cards_by_id:
                    cards_by_id[e.id] = card(e)
                cards.append(cards_by_id[e.id])
            title = f"Werkkaarten: {label}" + (f" (pagina {number} van {count})" if count > 1 else "")
            back = f'<p class="ww-terug"><a href="{h(urls.relative(src, WERKKAARTEN_SRC))}">Alle werkkaarten</a></p>'
            pages[src] = GeneratedPage(src, title, f"# {md(title)}",
                                       f"{back}\n\n{nav}\n\n{_cards(cards)}\n{nav}\n", searchable=False)
    intro = ("# Werkkaarten\n\n"
             '<p class="ww-werkkaarten-uitleg">Elk element op een kaart, om te printen en uit te '
             "knippen voor een leersessie. Er passen meerdere kaarten op een A4. De kaarten staan "
             f"per thema, op pagina's van hoogstens {CARDS_PER_PAGE} kaarten. Kies een thema:</p>\n\n"
             + print_block(urls, WERKKAARTEN_SRC, "werkkaarten.pdf", "ui.print.pdf_cards"))
    listing = '<ul class="ww-kaarten-index">\n' + "\n".join(items) + "\n</ul>\n"
    pages[WERKKAARTEN_SRC] = GeneratedPage(WERKKAARTEN_SRC, "Werkkaarten", intro, listing, searchable=False)
    return pages
