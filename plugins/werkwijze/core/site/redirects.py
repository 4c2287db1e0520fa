"""Redirect pages for renamed elements: `/elementen/<old-id>/` leads to the new page.

Plain HTML files (not Markdown pages): they stay out of the navigation, search and the
sitemap, and work without JavaScript (meta refresh) and without a server rewrite rule.
With JavaScript the query and the anchor come along
(`/elementen/oud/?regio=katwijk#kern` -> `/elementen/nieuw/?regio=katwijk#kern`); a meta
refresh alone would drop both.

Why not mkdocs-redirects: its map lives in mkdocs.yml, while ours comes from the elements'
own `aliassen` (editors rename an element in its file, and the build checks that no old id
clashes with a current one); the pages also need the manual's language and a link back,
and the same code serves `werkwijze export`, which runs without MkDocs.
"""
from __future__ import annotations

import json

from markupsafe import Markup

from ..render.fragments import Fragments, fragments_for
from ..i18n import active
from ..paths import element_src
from ..urls import Urls

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model.manual import Manual


def redirect_path(urls: Urls, alias: str) -> str:
    """Where the redirect file lands in the site, e.g. 'elementen/oud/index.html'."""
    url = urls.url(element_src(alias))
    return url + "index.html" if url.endswith("/") else url


def redirect_html(fragments: Fragments, urls: Urls, alias: str, target_id: str, title: str,
                  site_url: str | None) -> str:
    relative = urls.relative(element_src(alias), element_src(target_id))
    canonical = (site_url.rstrip("/") + "/" + urls.url(element_src(target_id))) if site_url else relative
    # JSON in a script: "</" is escaped so the value can never close the script element.
    target = json.dumps(relative).replace("</", "<\\/")
    return str(fragments.render(
        "redirect.html", language=active().language, title=title, canonical=canonical,
        target=Markup(target), relative=relative)) + "\n"


def redirect_files(manual: Manual, urls: Urls, site_url: str | None) -> dict[str, str]:
    """Site path -> HTML, one per alias in the elements' `aliassen`."""
    files = {}
    fragments = fragments_for(manual.layout)
    for alias, target_id in sorted(manual.graph.aliases.items()):
        element = manual.elements[target_id]
        files[redirect_path(urls, alias)] = redirect_html(fragments, urls, alias, target_id, element.title, site_url)
    return files
