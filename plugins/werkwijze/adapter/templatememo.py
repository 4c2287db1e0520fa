"""Theme parts rendered once per folder instead of once per page.

Material renders the whole navigation, its JSON config and the script tags into every
page. On a page that is not in the nav (element pages, facet pages, cards: nearly every
page of a big manual) that HTML depends only on where the page lies, through its relative
links: all pages in one folder get the same. `TemplateMemo` keeps it per folder for one
build; the templates call it as `werkwijze_memo(name, page, nav, render)` (`render`: a
macro or `super`), and render as before without the plugin (templates/partials/nav.html).
"""
from __future__ import annotations

from collections.abc import Callable


def _nav_urls(items) -> list[str]:
    urls = []
    for item in items:
        if getattr(item, "url", None) is not None:
            urls.append(item.url)
        urls += _nav_urls(getattr(item, "children", None) or [])
    return urls


class TemplateMemo:
    """Rendered theme parts by (name, folder), for the pages where only the folder counts."""

    def __init__(self):
        self._parts: dict[tuple[str, str], str] = {}
        self._nav = None
        self._in_nav: set[int] = set()
        self._targets: list[str] = []

    def _key(self, page, nav) -> str | None:
        """The page's folder, or None when the part depends on the page itself: a page in
        the nav (it is marked active there), or one whose URL starts a link target's URL
        (its relative links differ from a sibling's)."""
        if page is None or nav is None:
            return None
        if nav is not self._nav:  # a new build (serve): a new nav
            self._nav, self._parts = nav, {}
            self._in_nav = {id(p) for p in nav.pages}
            homepage = getattr(nav, "homepage", None)
            self._targets = _nav_urls(nav.items) + ([homepage.url] if homepage is not None else [])
        url = page.url
        if id(page) in self._in_nav or any(target.startswith(url) for target in self._targets):
            return None
        return url.rstrip("/").rpartition("/")[0]

    def __call__(self, name: str, page, nav, render: Callable[[], str]) -> str:
        key = self._key(page, nav)
        if key is None:
            return render()
        if (name, key) not in self._parts:
            self._parts[name, key] = render()
        return self._parts[name, key]
