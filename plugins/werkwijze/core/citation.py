"""References in APA 7 style with Dutch conventions, and the block that shows them.

A reference to a page of the manual (a web page with a version):

    Organisatie. (2026). *Titel van de pagina* (versie 0.1). Naam van de site. URL

APA: no full stop after an author that already ends in punctuation ("dichterbij?!"), and
the site name is left out when it is the same as the author. The reference is plain text
with `*...*` around the italic part; `citation_html()` turns that into escaped HTML.
"""
from __future__ import annotations

import re

from .edition import Editions
from .html import h
from .render import citation_html

_ENDS_WITH_PUNCTUATION = re.compile(r"[.!?]$")


def _sentence(text: str) -> str:
    text = text.strip()
    return text if _ENDS_WITH_PUNCTUATION.search(text) else text + "."


def reference(editions: Editions, site_name: str, title: str, url: str) -> str:
    """The reference to one page (or, with title == site_name, the whole manual)."""
    edition = editions.current
    author = editions.organisation or site_name
    parts = [_sentence(author), f"({edition.year if edition else 'z.d.'})."]
    version = f" (versie {edition.version})" if edition else ""
    parts.append(_sentence(f"*{title.strip()}*{version}"))
    if site_name.strip() and site_name.strip() != author.strip() and title.strip() != site_name.strip():
        parts.append(_sentence(site_name))
    parts.append(url)
    return " ".join(parts)


def absolute_url(site_url: str | None, page_url: str) -> str:
    """The stable address of a page: under site_url when the site has one, else its path."""
    if site_url:
        return site_url.rstrip("/") + "/" + page_url
    return "/" + page_url


def block(references: list[tuple[str, str]], anchor: str = "verwijzen") -> str:
    """'Zo verwijs je naar deze pagina': (heading, reference) pairs. `copy.js` adds a copy
    button to each reference; without JavaScript the text can still be selected."""
    items = []
    for label, text in references:
        items.append(f'<div class="ww-verwijzing">\n<p class="ww-verwijzing-label">{h(label)}</p>\n'
                     f'<p class="ww-verwijzing-tekst">{citation_html(text)}</p>\n</div>')
    return (f'## Zo verwijs je naar deze pagina {{#{anchor}}}\n\n'
            + "\n".join(items) + "\n")
