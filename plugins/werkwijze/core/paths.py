"""Where the manual's generated pages and files live in the site: one table.

These are public addresses (trainers and other sites link to them), so they are fixed;
every module asks this one for them. Functions give the source URI of a page
(`elementen/<id>.md`); core/urls.py turns that into its URL.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model.manual import Manual
    from .model.schema import FacetSpec

ELEMENTS_DIR = "elementen"
OVERVIEW = f"{ELEMENTS_DIR}/index.md"
SOURCES_PAGE = "bronnen.md"
CHANGES_SRC = "wijzigingen.md"
WERKKAARTEN_DIR = "werkkaarten"
WERKKAARTEN_SRC = f"{WERKKAARTEN_DIR}/index.md"
LEERLIJNEN_DIR = "leerlijnen"
LEERLIJNEN_INDEX = f"{LEERLIJNEN_DIR}/index.md"
JSON_FILE = "elementen.json"
CSV_FILE = "elementen.csv"
FILTER_FILE = "elementen-filter.json"  # the overview filter's data (render/export.py)
SUMMARIES_FILE = "elementen-samenvattingen.json"  # its summaries, for a big manual
SCHEMA_URI = "schema/element.schema.json"
PDF_DIR = "pdf"  # where `make pdf` output is published beside the site (werkwijze publiceer, publish/pdf.py)
# Names in the elements folder that the site uses itself: no element may take them.
RESERVED_ELEMENT_IDS = frozenset({OVERVIEW.rpartition("/")[2].removesuffix(".md")})
BEHEER_DIR = "beheer"  # the browser editor (core/site/beheer.py); not in nav, sitemap or search


def element_src(element_id: str) -> str:
    return f"{ELEMENTS_DIR}/{element_id}.md"


def element_id_of(src_uri: str) -> str | None:
    """The element id of an element page's source URI, else None."""
    folder, _, name = src_uri.rpartition("/")
    return name[:-3] if folder == ELEMENTS_DIR and name.endswith(".md") and name != "index.md" else None


def facet_src(facet: FacetSpec, value: str | None = None, number: int = 1) -> str:
    """A facet's index, a value's page, or page `number` of a value's paginated list."""
    if number > 1:
        return f"{facet.path}/{value}/{number}.md"
    return f"{facet.path}/{value or 'index'}.md"


def card_page_src(theme: str, number: int = 1) -> str:
    return f"{WERKKAARTEN_DIR}/{theme}.md" if number == 1 else f"{WERKKAARTEN_DIR}/{theme}/{number}.md"


def leerlijn_src(leerlijn_id: str) -> str:
    return f"{LEERLIJNEN_DIR}/{leerlijn_id}.md"


def generated_uris(manual: Manual) -> set[str]:
    """Every page and file the site plan adds besides the chapters (for link checks),
    known without rendering anything."""
    uris = {element_src(i) for i in manual.elements} | {OVERVIEW, SOURCES_PAGE}
    for facet in manual.schema.facets.values():
        uris.add(facet_src(facet))
        uris |= {facet_src(facet, value) for value, _ in manual.facets.options(facet)}
    uris |= {WERKKAARTEN_SRC, CHANGES_SRC, CSV_FILE, JSON_FILE}
    if manual.leerlijnen:
        uris |= {LEERLIJNEN_INDEX} | {leerlijn_src(i) for i in manual.leerlijnen}
    return uris
