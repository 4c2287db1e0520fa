"""Where the manual's generated pages and files live in the site: one table.

These are public addresses (trainers and other sites link to them): a manual names its
own in its schema (`addresses:`), and once published they are its contract; every module
asks this one for them (`addresses()`). Functions give the source URI of a page
(`elementen/<id>.md`); core/urls.py turns that into its URL.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model.manual import Manual
    from .model.schema import FacetSpec

SCHEMA_URI = "schema/element.schema.json"  # also checked in beside the manual's schema
PDF_DIR = "pdf"  # where `make pdf` output is published beside the site (werkwijze publiceer, publish/pdf.py)
# Names in the elements folder that the site uses itself: no element may take them.
RESERVED_ELEMENT_IDS = frozenset({"index"})


@dataclass(frozen=True)
class Anchors:
    """The manual's own names for the sections the generator writes (`addresses: anchors:`
    in its schema): the part after `#` in an address such as `/elementen/<id>/#kern`.
    Trainers link to them, so once published they are part of the contract. The defaults
    are this manual's. Names marked "prefix" start longer anchors (`#regio-katwijk`)."""
    core: str = "kern"  # an element's kern
    regional: str = "regionaal"  # an element's regional texts
    region: str = "regio"  # prefix: one region's text on an element page
    properties: str = "kenmerken"  # an element's properties
    questions: str = "reflectievragen"  # an element's questions for a session
    sources: str = "bronnen"  # the sources an element or a page cites
    cite: str = "verwijzen"  # "how to refer to this page", on every page
    related: str = "gerelateerd"  # related elements (and a prefix: per kind)
    chapters: str = "hoofdstukken"  # the chapters an element appears in
    region_texts: str = "invulling"  # a region's page: generic elements with text for it
    own_region: str = "eigen"  # a region's page: elements of that region only
    generic: str = "generiek"  # a region's page: elements that hold everywhere
    theme: str = "thema"  # prefix: one theme's elements on the overview
    all_elements: str = "alle"  # the overview of a manual without themes: every element
    step: str = "stap"  # prefix: a leerlijn's step, `#stap-3`
    earlier_ids: str = "eerdere-ids"  # the changes page: ids that now lead elsewhere


@dataclass(frozen=True)
class Addresses:
    """The manual's own addresses (`addresses:` in its schema, core/model/schema.py): each a
    folder or page name in the site root. The defaults are this manual's published ones;
    `werkwijze init` writes them in the new manual's language (schema/translations/)."""
    elements: str = "elementen"  # the overview and one page per element: /elementen/<id>/
    sources: str = "bronnen"  # the sources page
    changes: str = "wijzigingen"  # what changed, per edition
    work_cards: str = "werkkaarten"  # the printable work cards
    learning_paths: str = "leerlijnen"  # the leerlijnen's index and pages
    open_data: str = "elementen"  # <open_data>.json, .csv and -filter.json
    summaries: str = "elementen-samenvattingen"  # <summaries>.json: a big manual's summaries
    editor: str = "beheer"  # the browser editor (core/site/beheer.py); not in nav, sitemap or search
    manual_pdf: str = "handleiding"  # pdf/<manual_pdf>.pdf: the whole manual (publish/pdf.py)
    learning_path_pdf: str = "leerlijn"  # pdf/<learning_path_pdf>-<id>.pdf: one leerlijn
    text_query: str = "tekst"  # the overview's search words: /elementen/?tekst=... (not `q`: Material's)
    learning_path_query: str = "leerlijn"  # one leerlijn's work cards: /werkkaarten/?leerlijn=<id>
    anchors: Anchors = Anchors()  # `addresses: anchors:`, see Anchors

    @property
    def overview(self) -> str:
        return f"{self.elements}/index.md"

    @property
    def sources_page(self) -> str:
        return f"{self.sources}.md"

    @property
    def changes_src(self) -> str:
        return f"{self.changes}.md"

    @property
    def work_cards_src(self) -> str:
        return f"{self.work_cards}/index.md"

    @property
    def learning_paths_index(self) -> str:
        return f"{self.learning_paths}/index.md"

    @property
    def json_file(self) -> str:
        return f"{self.open_data}.json"

    @property
    def csv_file(self) -> str:
        return f"{self.open_data}.csv"

    @property
    def filter_file(self) -> str:
        """The overview filter's data (render/export.py)."""
        return f"{self.open_data}-filter.json"

    @property
    def summaries_file(self) -> str:
        return f"{self.summaries}.json"

    @property
    def editor_page(self) -> str:
        return f"{self.editor}/index.html"

    @property
    def editor_config(self) -> str:
        return f"{self.editor}/config.yml"

    # The PDFs' file names in PDF_DIR (publish/pdf.py prints them, the pages link to them).
    @property
    def work_cards_pdf(self) -> str:
        return f"{self.work_cards}.pdf"

    @property
    def whole_manual_pdf(self) -> str:
        return f"{self.manual_pdf}.pdf"

    def leerlijn_pdf(self, leerlijn_id: str) -> str:
        return f"{self.learning_path_pdf}-{leerlijn_id}.pdf"


DEFAULT_ADDRESSES = Addresses()
_active = [DEFAULT_ADDRESSES]


def use_addresses(table: Addresses) -> Addresses:
    """Make `table` the addresses of the manual being built (as i18n.use for its texts);
    validate/load.py calls it when it has read the manual's schema."""
    _active[0] = table
    return table


def addresses() -> Addresses:
    return _active[0]


def element_src(element_id: str) -> str:
    return f"{addresses().elements}/{element_id}.md"


def element_id_of(src_uri: str) -> str | None:
    """The element id of an element page's source URI, else None."""
    folder, _, name = src_uri.rpartition("/")
    return name[:-3] if folder == addresses().elements and name.endswith(".md") and name != "index.md" else None


def facet_src(facet: FacetSpec, value: str | None = None, number: int = 1) -> str:
    """A facet's index, a value's page, or page `number` of a value's paginated list."""
    if number > 1:
        return f"{facet.path}/{value}/{number}.md"
    return f"{facet.path}/{value or 'index'}.md"


def card_page_src(theme: str, number: int = 1) -> str:
    folder = addresses().work_cards
    return f"{folder}/{theme}.md" if number == 1 else f"{folder}/{theme}/{number}.md"


def leerlijn_src(leerlijn_id: str) -> str:
    return f"{addresses().learning_paths}/{leerlijn_id}.md"


def generated_uris(manual: Manual) -> set[str]:
    """Every page and file the site plan adds besides the chapters (for link checks),
    known without rendering anything."""
    table = addresses()
    uris = {element_src(i) for i in manual.elements} | {table.overview, table.sources_page}
    for facet in manual.schema.facets.values():
        uris.add(facet_src(facet))
        uris |= {facet_src(facet, value) for value, _ in manual.facets.options(facet)}
    uris |= {table.work_cards_src, table.changes_src, table.csv_file, table.json_file}
    if manual.leerlijnen:
        uris |= {table.learning_paths_index} | {leerlijn_src(i) for i in manual.leerlijnen}
    return uris
