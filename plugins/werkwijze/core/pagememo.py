"""Generated pages kept between `mkdocs serve` rebuilds, reused while what they show is unchanged.

A save changes one element; rendering the Markdown of all element and facet pages again
to find the few that changed took a third of a rebuild at 1,000 elements. A page is kept
under a key that names everything it shows: for each element on it, the element cache's
entry (core/elementcache.py: the same object while its file is unchanged), and any other
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

    def begin(self, context: object) -> None:
        if context != self._context:
            self._context, self._kept = context, {}

    def get(self, name: object, key: object, make: Callable[[], T]) -> T:
        kept = self._kept.get(name)
        if kept is not None and kept[0] == key:
            return kept[1]
        value = make()
        self._kept[name] = (key, value)
        return value
