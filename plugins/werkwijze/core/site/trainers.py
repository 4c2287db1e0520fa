"""What the manual adds for trainers, in one place for the plugin to call.

Editions and leerlijnen (loaded and checked with the rest of the manual), the pages
for leerlijnen, werkkaarten and changes, the files beside the pages (elementen.csv,
redirects for renamed elements) and the reference block on every page.
"""
from __future__ import annotations

from ..render import citation
from ..render.changes import changes_page
from ..render.csvexport import to_csv
from ..model.edition import Editions
from ..i18n import t
from ..render.leerlijn_pages import LeerlijnRenderer
from .redirects import redirect_files
from ..render.fragments import Fragments, fragments_for
from ..render.render import GeneratedPage
from ..paths import addresses, element_id_of
from ..urls import Urls
from ..render.werkkaarten import werkkaarten_pages

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model.manual import Manual

def trainer_pages(manual: Manual, urls: Urls, site_url: str | None, memo=None) -> dict[str, GeneratedPage]:
    """`memo`: a core/pagememo.py PageMemo under `mkdocs serve` (keeps unchanged cards)."""
    pages = LeerlijnRenderer(manual, urls).pages()
    pages.update(werkkaarten_pages(manual, urls, site_url, memo))
    changes = changes_page(manual, urls)
    pages[changes.src_uri] = changes
    return pages


def trainer_files(manual: Manual, urls: Urls, site_url: str | None) -> dict[str, str]:
    """Site path -> content of the non-page files (open data, redirects)."""
    files = {addresses().csv_file: to_csv(manual, urls, site_url)}
    files.update(redirect_files(manual, urls, site_url))
    return files


def cited_pages(pages: dict[str, GeneratedPage]) -> dict[str, str]:
    """The trainers' pages that are cited like chapters (leerlijnen, werkkaarten): src -> title."""
    return {src: page.title for src, page in pages.items() if src != addresses().changes_src}


def reference_block(manual: Manual, src_uri: str, urls: Urls, site_name: str,
                    site_url: str | None, cited: dict[str, str] | None = None,
                    fragments: Fragments | None = None) -> str:
    """'Zo verwijst u naar deze pagina' for an element page, chapter, leerlijn or werkkaarten
    page ('' otherwise). The URL is the page's permanent address in this edition
    (`citation.permanent_url`, kept for good by `werkwijze publiceer`) when the
    editions are published, else its current address."""
    # Without editie.yml: no version, year "z.d." and, without an organisation, the title first (APA).
    editions = manual.editions or Editions("")
    if src_uri in manual.chapters:
        title = manual.chapters[src_uri].title
    elif element_id_of(src_uri) in manual.elements:
        title = manual.elements[element_id_of(src_uri)].title
    elif cited and src_uri in cited:
        title = cited[src_uri]
    else:
        return ""
    # The permanent address only where the editions are published with the site
    # (`werkwijze publiceer`); else the page's own address, which exists.
    version = editions.current.version if editions.current and urls.publication.editions else None
    url = citation.permanent_url(site_url, version, urls.url(src_uri))
    references = [(t("reference.this_page"), citation.reference(editions, site_name, title, url))]
    if src_uri == editions.reference_page:
        home = citation.permanent_url(site_url, version, "")
        references.append((t("reference.whole_manual"),
                           citation.reference(editions, site_name, site_name, home)))
    return citation.block(fragments or fragments_for(manual.layout), references)
