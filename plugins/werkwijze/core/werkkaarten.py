"""`/werkkaarten/`: every element as a card to print, several to an A4 sheet, and cut.

Each card: title, soort in words, samenvatting, the kern in brief (its first paragraph
as plain text), the reflection questions and a short URL. Cards carry their themes and
soort as data attributes; `assets/werkkaarten.js` hides the ones that don't match
`?thema=...&soort=...` (comma-separated values). Without JavaScript all cards show.
"""
from __future__ import annotations

import re

from .citation import absolute_url
from .html import h
from .render import GeneratedPage, element_src

WERKKAARTEN_SRC = "werkkaarten/index.md"
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"(\*\*|__|\*|`|<[^>]+>)")
_BLOCK_START = re.compile(r"^\s*(#|[-*+] |\d+\. |\||!!!|\?\?\?|===|/{3}|>)")


def first_paragraph(markdown: str) -> str:
    """The first plain paragraph of Markdown, as plain text (links keep their words)."""
    for block in re.split(r"\n\s*\n", markdown.strip()):
        if block.strip() and not _BLOCK_START.match(block):
            text = _MARKUP.sub("", _LINK.sub(r"\1", block))
            return " ".join(text.split())
    return ""


def werkkaarten_page(manual, urls, site_url: str | None) -> GeneratedPage:
    schema = manual.schema
    theme_facet = schema.facets["thema"]
    cards = []
    for element in manual.sorted(manual.elements.values()):
        soort = schema.soorten.get(element.soort)
        themes = manual.facets.values(element, theme_facet)
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
        card.append(f'<p class="ww-kaart-url">{h(url)}</p>')
        card.append("</article>")
        cards.append("\n".join(card))
    options = " · ".join(
        f'<a href="?thema={h(value)}">{h(label)}</a>' for value, label in manual.facets.options(theme_facet))
    soorten = " · ".join(f'<a href="?soort={h(s.id)}">{h(s.plural)}</a>' for s in schema.soorten.values())
    intro = (f"# Werkkaarten\n\n"
             '<p class="ww-werkkaarten-uitleg">Elk element op een kaart, om te printen en uit te '
             "knippen voor een leersessie. Er passen meerdere kaarten op een A4. Alleen de kaarten "
             f'van één thema of soort? Kies: {options} · {soorten} · <a href="./">alle kaarten</a>.</p>')
    listing = ('<p class="ww-werkkaarten-filter" hidden></p>\n'
               '<div class="ww-kaarten">\n' + "\n".join(cards) + "\n</div>\n")
    return GeneratedPage(WERKKAARTEN_SRC, "Werkkaarten", intro, listing)
