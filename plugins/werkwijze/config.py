"""The plugin's typed configuration (the `werkwijze:` entry under `plugins:`)."""
from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class WerkwijzeConfig(base.Config):
    elements_dir = c.Type(str, default="elements")
    """Folder with the element files, relative to mkdocs.yml."""

    data_dir = c.Type(str, default="data")
    """Folder with the taxonomies and the sources registry, relative to mkdocs.yml."""

    schema = c.Type(str, default="schema/element.yml")
    """The manual's element schema, relative to mkdocs.yml. Without the file the package's
    default schema applies (`werkwijze init` copies it into a new manual); a schema named
    here must exist. Like every path here, it must lie inside the manual
    (core/sources/contained.py)."""

    published_urls = c.Type(str, default="tests/published-urls.txt")
    """The committed list of published URLs, relative to mkdocs.yml. When the file exists,
    a build fails if one of them is no longer served (as a page or a redirect). Empty: off."""

    search_bundle_size = c.Type(int, default=0)
    """Records per Pagefind bundle; 0 (the default): one bundle. With a number, a manual
    with more records gets several bundles, written one after the other and merged in the
    browser (assets/search.js): a Pagefind process's peak is in writing and grows with the
    words indexed (BENCHMARKS.md: 720 MB for one bundle of 5,000 corpus elements, 268 MB
    with 1,800 per bundle), at the price of a somewhat larger and slower first search and
    an order of results that can differ slightly."""
