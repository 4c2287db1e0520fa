"""Where a page outside the nav sits in it: the phone menu opens there.

An element page, a facet value's page or a leerlijn is not in the nav; Material's menu
then marks nothing, and on a phone the reader sees the top of the menu with no hint of
where the page belongs. Such a page sits under the nav page of its folder (`elementen/x/`
under `elementen/`), as the trail says (templates/partials/werkwijze-pad.html): that nav
page is marked active while the page renders, so Material opens its section and marks it.
"""
from __future__ import annotations


def folder_page(page, nav):
    """The nav page of the folder of `page`, when `page` itself is not in the nav."""
    if page.is_homepage or page in nav.pages or not page.url:
        return None
    folder = page.url.split("/")[0] + "/"
    return next((item for item in nav.pages if item.url == folder and item is not page), None)


class NavPlace:
    """Marks the folder's nav page active for one page's rendering, and unmarks it after."""

    def __init__(self):
        self._marked = None

    def mark(self, page, nav) -> None:
        self.unmark()
        found = folder_page(page, nav)
        if found is not None and not found.active:
            found.active = True  # MkDocs marks its sections active as well
            self._marked = found

    def unmark(self) -> None:
        if self._marked is not None:
            self._marked.active = False
            self._marked = None
