"""What the manual adds for trainers, in one place for the plugin to call.

Editions and leerlijnen (loaded and checked with the rest of the manual), the pages
for leerlijnen, werkkaarten and changes, the files beside the pages (elementen.csv,
redirects for renamed elements) and the reference block on every page.
"""
from __future__ import annotations

from ..render import citation
from ..render.changes import CHANGES_SRC, changes_page
from ..render.csvexport import to_csv
from ..model.edition import Editions, load_editions
from ..i18n import t
from ..render.leerlijn_pages import INDEX as LEERLIJNEN_INDEX, LeerlijnRenderer, leerlijn_src
from ..model.leerlijnen import load_leerlijnen
from ..problems import ProblemList
from .redirects import redirect_files
from ..render.render import ELEMENTS_DIR, GeneratedPage
from ..validate.suggest import did_you_mean
from .urls import Urls
from ..render.werkkaarten import WERKKAARTEN_SRC, werkkaarten_pages

CSV_FILE = "elementen.csv"
JSON_FILE = "elementen.json"  # written by the plugin (export.to_json)


def load_trainer_data(manual, problems: ProblemList) -> None:
    """Load editie.yml and the leerlijnen into the manual, reporting problems."""
    layout = manual.layout
    data_dir = layout.path(layout.data_dir)
    manual.editions = load_editions(data_dir, layout.data_dir, problems, manual.schema.editions)
    editions = manual.editions
    if editions and editions.reference_page and editions.reference_page not in manual.chapters:
        problems.add(editions.path, editions.reference_page_line,
                     t("reference.errors.reference_page_missing", page=editions.reference_page)
                     + f"{did_you_mean(editions.reference_page, manual.chapters)} "
                     + t("reference.errors.reference_page_hint"))
    manual.leerlijnen = load_leerlijnen(data_dir, layout.data_dir, manual.elements,
                                        manual.graph.aliases, manual.chapters, problems,
                                        manual.schema.leerlijnen)


def trainer_uris(manual) -> set[str]:
    """The src URIs of the pages `trainer_pages()` makes (for link checks)."""
    uris = {WERKKAARTEN_SRC, CHANGES_SRC}
    uris |= {CSV_FILE, JSON_FILE}  # open data beside the pages, so chapters can link to it
    if getattr(manual, "leerlijnen", None):
        uris |= {LEERLIJNEN_INDEX} | {leerlijn_src(i) for i in manual.leerlijnen}
    return uris


def trainer_pages(manual, urls: Urls, site_url: str | None, memo=None) -> dict[str, GeneratedPage]:
    """`memo`: a core/pagememo.py PageMemo under `mkdocs serve` (keeps unchanged cards)."""
    pages = LeerlijnRenderer(manual, urls).pages()
    pages.update(werkkaarten_pages(manual, urls, site_url, memo))
    # Leerlijnen and werkkaarten are cited like chapters (`reference_block`).
    manual.cited_pages = {src: page.title for src, page in pages.items()}
    changes = changes_page(manual, urls)
    pages[changes.src_uri] = changes
    return pages


def trainer_files(manual, urls: Urls, site_url: str | None) -> dict[str, str]:
    """Site path -> content of the non-page files (open data, redirects)."""
    files = {CSV_FILE: to_csv(manual, urls, site_url)}
    files.update(redirect_files(manual, urls, site_url))
    return files


def reference_block(manual, src_uri: str, urls: Urls, site_name: str,
                    site_url: str | None) -> str:
    """'Zo verwijst u naar deze pagina' for an element page, chapter, leerlijn or werkkaarten
    page ('' otherwise). The URL is the page's permanent address in this edition
    (`citation.permanent_url`, kept for good by scripts/publish.py)."""
    # Without editie.yml: no version, year "z.d." and, without an organisation, the title first (APA).
    editions = manual.editions or Editions("")
    if src_uri in manual.chapters:
        title = manual.chapters[src_uri].title
    elif _is_element_page(manual, src_uri):
        title = manual.elements[src_uri.rpartition("/")[2][:-3]].titel
    elif src_uri in getattr(manual, "cited_pages", {}):
        title = manual.cited_pages[src_uri]
    else:
        return ""
    version = editions.current.version if editions.current else None
    url = citation.permanent_url(site_url, version, urls.url(src_uri))
    references = [(t("reference.this_page"), citation.reference(editions, site_name, title, url))]
    if src_uri == editions.reference_page:
        home = citation.permanent_url(site_url, version, "")
        references.append((t("reference.whole_manual"),
                           citation.reference(editions, site_name, site_name, home)))
    return citation.block(references)


def _is_element_page(manual, src_uri: str) -> bool:
    folder, _, name = src_uri.rpartition("/")
    return folder == ELEMENTS_DIR and name.endswith(".md") and name[:-3] in manual.elements
