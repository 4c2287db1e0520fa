"""Generated pages kept between `mkdocs serve` rebuilds, reused while what they show is unchanged.

A save changes one element; rendering the Markdown of all element and facet pages again
to find the few that changed took a third of a rebuild at 1,000 elements. A page is kept
under a key that names everything it shows: for each element on it, the element cache's
entry (core/elementcache.py: the same object while its file is unchanged), or, on pages
that only list it, `listed()` (what lists show: front matter and regional texts, not the
kern, so the common edit of a text does not render every list again), and any other
value the page prints (`Renderer.element_page_inputs`). Everything the keys leave out
(data files, the sets of pages and elements, URLs) is the context: when it changes, the
memo starts empty.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class PageMemo:
    def __init__(self, token: Callable[[object], object]):
        self.token = token  # element -> an object that is the same while the element is
        self._context: object = None
        self._kept: dict[object, tuple[object, object]] = {}
        self._listed: dict[str, tuple] = {}  # element path -> what lists showed of it

    def listed(self, element) -> tuple:
        """What lists show of an element; the same object while that is unchanged."""
        shown = (element.id, element.values,
                 tuple((i.region, i.text) for i in element.body.invullingen) if element.body else ())
        previous = self._listed.get(element.path)
        if previous == shown:  # cheap: unchanged elements share their values and texts
            return previous
        self._listed[element.path] = shown
        return shown

    def begin(self, context: object) -> None:
        if context != self._context:
            self._context, self._kept, self._listed = context, {}, {}

    def get(self, name: object, key: object, make: Callable[[], T]) -> T:
        kept = self._kept.get(name)
        if kept is not None and kept[0] == key:
            return kept[1]
        value = make()
        self._kept[name] = (key, value)
        return value
