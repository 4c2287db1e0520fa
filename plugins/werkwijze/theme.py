"""What the werkwijze theme adds to a Material site, whichever engine builds it.

The MkDocs plugin (plugin.py) and `werkwijze export` (export/) both take from here: the
template overrides, the asset files and the order in which pages load them, the two
generated assets (the catalogue's browser texts, the manual's colours) and the values the
templates read. Imports nothing from MkDocs.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .core import i18n
from .core.render.colours import colours_css, kind_css
from .core.render.doors import door_facet_data, doors_only, has_regional_text
from .core.paths import addresses
from .core.render.export import facet_data

if TYPE_CHECKING:
    from .core.model.manual import Manual

PACKAGE_DIR = Path(__file__).parent
TEMPLATES_DIR = PACKAGE_DIR / "templates"
ASSETS_DIR = PACKAGE_DIR / "assets"
ASSETS_URI = "assets/werkwijze"  # where our CSS/JS land in the site
MESSAGES_JS = f"{ASSETS_URI}/messages.js"  # the catalogue's `js.*` texts, for assets/*.js
COLOURS_CSS = f"{ASSETS_URI}/kleuren.css"  # the manual's colours (extra.werkwijze_kleuren)
# Extensions the generated Markdown relies on: heading ids and classes (attr_list); our
# finished HTML kept out of Markdown's parsers (finished_html.py: speed, same pages).
REQUIRED_EXTENSIONS: dict[str, dict] = {
    "attr_list": {},
    "werkwijze.finished_html": {},
}


def asset_files() -> dict[str, Path]:
    """Site path -> the package's asset file (CSS, JS, logo, favicon)."""
    return {f"{ASSETS_URI}/{p.name}": p for p in sorted(ASSETS_DIR.iterdir()) if p.is_file()}


def stylesheets() -> list[str]:
    """Our stylesheets in load order, after the manual's own: kleuren.css comes after
    identity.css, whose defaults it replaces."""
    return [uri for uri in asset_files() if uri.endswith(".css")] + [COLOURS_CSS]


def scripts() -> tuple[list[str], list[str]]:
    """(scripts loaded before every other script, scripts loaded after the manual's own):
    messages.js first, since our scripts read it."""
    return [MESSAGES_JS], [uri for uri in asset_files() if uri.endswith(".js")]


# Scripts that act on one kind of page only, with the HTML they act on (in the page's
# content): a page without any of it does not load them (templates/main.html, block scripts). The rest load everywhere.
PAGE_SCRIPTS = {"filter.js": ['id="ww-filter"'],
                "werkkaarten.js": ['class="ww-werkkaarten-filter"', 'class="ww-kaarten-index"']}
REGION_SCRIPT = "regio.js"  # "Mijn regio": only where the region choice shows


def page_scripts(regions: bool) -> dict[str, list[str]]:
    """Site path -> what a page's content needs (any of it) to load the script; an empty
    list: load it nowhere (the region script in a manual without a region choice)."""
    found = {f"{ASSETS_URI}/{name}": markers for name, markers in PAGE_SCRIPTS.items()}
    if not regions:
        found[f"{ASSETS_URI}/{REGION_SCRIPT}"] = []
    return found


def generated_assets(catalogue: i18n.Catalogue, colours: dict | None, kinds=()) -> dict[str, str]:
    """The assets made per manual: its browser texts and its colours (`kinds`: the
    schema's kinds, coloured by their tone), by site path."""
    return {MESSAGES_JS: i18n.script(catalogue), COLOURS_CSS: colours_css(colours) + kind_css(kinds)}


def footer_pages(files, wanted: list[str] | None) -> list:
    """The files of the footer links (`extra: werkwijze_voetlinks`), looked up once per
    build: templates/partials/werkwijze-footer-links.html shows them on every page."""
    found = (files.get_file_from_path(src) for src in wanted or [])
    return [file for file in found if file is not None and file.page is not None]


def template_values(manual: Manual, contact: dict | None = None) -> dict:
    """The values our templates read besides MkDocs' own (werkwijze_t, the catalogue, is
    added by whoever renders them). `contact`: how readers respond (core/render/contact.py)."""
    region_facet = manual.facets.region_facet  # None: a manual without regions
    # "Mijn regio" (templates/partials/werkwijze-regio.html) lists the regions with
    # something of their own; only in a manual with regional text (render/doors.py).
    regions = door_facet_data(manual, facet_data(manual)).get(region_facet.name) if region_facet else None
    if regions is not None:
        regions = {**regions, "opties": doors_only(regions["opties"])}
    editions = manual.editions
    regions = regions if regions and regions["opties"] and has_regional_text(manual) else None
    return {
        "werkwijze_regios": regions,
        "werkwijze_page_scripts": page_scripts(regions is not None),
        # The footer shows the edition (partials/copyright.html), also outside pages (404).
        "werkwijze_editie": editions.current if editions else None,
        "werkwijze_contact": contact,
        # The overview's address (partials/search.html, 404.html): the manual's own.
        "werkwijze_overzicht": addresses().elements + "/",
        # Its query for the words typed (assets/filter.js and search.js read it from the page).
        "werkwijze_zoekparameter": addresses().text_query,
    }
