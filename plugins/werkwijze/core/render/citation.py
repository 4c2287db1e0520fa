"""References in APA 7 style with Dutch conventions, and the block that shows them.

A reference to a page of the manual (a web page with a version):

    Organisatie. (2026). *Titel van de pagina* (versie 0.1). Naam van de site. URL

APA: no full stop after an author that already ends in punctuation ("dichterbij?!"), and
the site name is left out when it is the same as the author. Without an organisation
(nobody is named as the publisher) the title takes the author's place (APA 7, no author):

    *Titel van de pagina* (versie 0.1). (2026). Naam van de site. URL

The reference is plain text
with `*...*` around the italic part; `citation_html()` turns that into escaped HTML.
"""
from __future__ import annotations

import re

from ..model.edition import Editions
from ..i18n import t
from ..paths import addresses
from .fragments import Fragments
from .render import citation_html

_ENDS_WITH_PUNCTUATION = re.compile(r"[.!?]$")


def _sentence(text: str) -> str:
    text = text.strip()
    return text if _ENDS_WITH_PUNCTUATION.search(text) else text + "."


def reference(editions: Editions, site_name: str, title: str, url: str) -> str:
    """The reference to one page (or, with title == site_name, the whole manual)."""
    edition = editions.current
    author = (editions.organisation or "").strip()
    year = f"({edition.year if edition else t('reference.no_date')})."
    version = f" ({t('reference.version', version=edition.version)})" if edition else ""
    work = _sentence(f"*{title.strip()}*{version}")
    parts = [_sentence(author), year, work] if author else [work, year]
    if site_name.strip() and site_name.strip() != author and title.strip() != site_name.strip():
        parts.append(_sentence(site_name))
    parts.append(url)
    return " ".join(parts)


def absolute_url(site_url: str | None, page_url: str) -> str:
    """The stable address of a page: under site_url when the site has one, else its path."""
    if site_url:
        return site_url.rstrip("/") + "/" + page_url
    return "/" + page_url


def edition_path(version: str) -> str:
    """Where an edition stays readable for good, below the site root: 'edities/0.1/'
    (`werkwijze publiceer` puts every tagged edition there)."""
    return f"edities/{version}/"


def permanent_url(site_url: str | None, version: str | None, page_url: str) -> str:
    """The address of a page in one edition, which never changes: `<site_url>edities/
    <versie>/<page>`. A build of that edition itself (site_url already ends in
    `edities/<versie>/`, as `werkwijze publiceer` builds it) gives the same address."""
    if not version:
        return absolute_url(site_url, page_url)
    folder = edition_path(version)
    base = (site_url or "/").rstrip("/") + "/"
    if not base.endswith("/" + folder):
        base += folder
    return absolute_url(base, page_url)


def block(fragments: Fragments, references: list[tuple[str, str]]) -> str:
    """'Zo verwijst u naar deze pagina': (heading, reference) pairs (fragments/reference.md)."""
    return str(fragments.render(
        "reference.md", anchor=addresses().anchors.cite, references=[(label, citation_html(text)) for label, text in references]))
