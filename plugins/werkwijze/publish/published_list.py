"""The list of published URLs (`tests/published-urls.txt` here; the plugin option
`published_urls`): every URL and anchor of a built site, written by `werkwijze adressen`
(English alias `published-urls`) when an edition is published. The plugin then fails every
later build that no longer serves one of these URLs (as a page or a redirect), or no longer
has one of the listed anchors on its page (core/validate/published.py).

Anchors (`/partnerschap/#wat-de-factsheet-zegt`) are the sections trainers link to:
- a hand-written chapter (a Markdown file in docs/): the id of every h2-h6 heading;
  an editor keeps one with an explicit id when the heading changes;
- element pages: the sections the plugin writes on every element page (element_anchors(),
  such as `#kern`); sections that only some elements have (`#gerelateerd`, a region's
  text) come and go with the content, so they are not listed;
- other generated pages (overviews, leerlijnen, werkkaarten): none.

URLs come from the site's sitemap.xml. Without `site_url` MkDocs writes an empty sitemap;
then the pages are taken from the built folder (every index.html except redirect pages),
which is the same set.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlparse

from ..core.paths import SCHEMA_URI, addresses
from ..core.validate.published import format_list, heading_anchors, page_file, redirect_target

_SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def element_anchors() -> set[str]:
    """The sections of every element page (the fragments write them with these ids)."""
    table = addresses().anchors
    return {table.core, table.properties, table.sources, table.cite}


def from_sitemap(site: Path) -> list[str]:
    sitemap = site / "sitemap.xml"
    if not sitemap.is_file():
        return []
    urls = []
    for loc in ET.parse(sitemap).iter(f"{_SITEMAP_NS}loc"):
        path = urlparse((loc.text or "").strip()).path
        if path:
            urls.append(path)
    if not urls:
        return []
    # The sitemap has absolute URLs under site_url; keep the part below the site root.
    prefix = min(urls, key=len)
    prefix = prefix if prefix.endswith("/") else prefix.rsplit("/", 1)[0] + "/"
    return ["/" + url[len(prefix):] for url in urls]


def from_folder(site: Path) -> list[str]:
    urls = []
    for page in site.rglob("index.html"):
        rel = page.relative_to(site).parent.as_posix()
        if rel.startswith(("assets", "search")):
            continue
        if 'http-equiv="refresh"' in page.read_text("utf-8", errors="replace")[:2000]:
            continue  # a redirect page: not a page of its own
        urls.append("/" if rel == "." else f"/{rel}/")
    return urls


def source_of(docs: Path, url: str) -> Path | None:
    """The hand-written Markdown file of a page URL, or None for a generated page."""
    rel = url.strip("/")
    if rel.endswith(".html"):
        candidates = [rel[:-5] + ".md"]
    else:
        candidates = [f"{rel}/index.md", f"{rel}/README.md"] + ([f"{rel}.md"] if rel else [])
    return next((docs / c for c in candidates if (docs / c).is_file()), None)


def anchors(site: Path, docs: Path | None, urls: list[str]) -> list[str]:
    """'/page/#anchor' entries: see the module docstring for which sections are listed."""
    entries: list[str] = []
    kept = element_anchors()
    for url in urls:
        path = page_file(site, url)
        if not url.endswith(("/", ".html")) or not path.is_file():
            continue
        text = path.read_text("utf-8", errors="replace")
        if redirect_target(text, url) is not None:
            continue
        if docs is not None and source_of(docs, url) is not None:
            entries += [f"{url}#{anchor}" for anchor in heading_anchors(text)]
        elif url.startswith(f"/{addresses().elements}/") and url.count("/") == 3:
            entries += [f"{url}#{anchor}" for anchor in heading_anchors(text)
                        if anchor in kept]
    return entries


def published_urls(site: Path, docs: Path | None = None) -> list[str]:
    urls = from_sitemap(site) or from_folder(site)
    urls += anchors(site, docs, urls)
    # contract files beside the pages (open data, JSON Schema)
    data_files = [addresses().json_file, addresses().csv_file, SCHEMA_URI]
    urls += [f"/{name}" for name in data_files if (site / name).is_file()]
    return urls


def write_list(site: Path, docs: Path | None, output: Path) -> int:
    """Write the list; returns how many entries it has."""
    urls = published_urls(site, docs)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(format_list(urls), "utf-8")
    return len(set(urls))
