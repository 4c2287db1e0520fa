"""Checked elements kept between builds, so a save under `mkdocs serve` re-reads one file.

`load_manual(layout, cache)` asks this cache for each element file. An unchanged file
(same bytes; comparing them is cheap, parsing is not) with unchanged data files gives
back the element and the problems found the first time, without parsing or checking it
again. The link check (which rewrites links in the body) is kept the same way, as long
as the set of pages and elements it checked against is the same.

Every call returns a fresh Element with its own Body: `load_manual` rewrites links in
the body in place, and the kept copy must stay as it was read.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from ..sources.body import Body
from .elements import Element
from ..problems import Problem


@dataclass(eq=False)  # compared by identity: the same entry means the same file
class _Entry:
    key: tuple
    element: Element | None  # as load_element returned it, never handed out
    problems: list[Problem]  # from loading and the safety check
    links_context: object = None  # what the link check below was done against
    linked: tuple[str, list[str]] | None = None  # kern and invulling texts after it
    link_problems: list[Problem] = dataclasses.field(default_factory=list)


def data_signature(data_dir: Path) -> tuple:
    """Changes when any data file (taxonomies, editions, ...) changes."""
    if not data_dir.is_dir():
        return ()
    return tuple((str(p), p.read_bytes()) for p in sorted(data_dir.rglob("*")) if p.is_file())


def fresh_copy(element: Element) -> Element:
    """A copy whose body can be changed without changing `element`."""
    body = element.body
    if body is not None:
        body = Body(body.kern, [dataclasses.replace(i) for i in body.invullingen], list(body.problems))
    return dataclasses.replace(element, body=body)


class ElementCache:
    def __init__(self):
        self._entries: dict[str, _Entry] = {}
        self._links_context: object = None
        # What every kept check depended on besides the file (set by load_manual).
        self.context: object = None

    def entry(self, rel: str) -> _Entry | None:
        return self._entries.get(rel)

    def links_context(self, context: object) -> object:
        """The previous build's context object when equal, so entries compare by identity."""
        if context != self._links_context:
            self._links_context = context
        return self._links_context

    @staticmethod
    def key(path: Path, data_key: tuple) -> tuple:
        """Read before parsing: a save during the parse then only costs a second parse."""
        try:
            return (path.read_bytes(), data_key)
        except OSError:
            return (None, data_key)

    def get(self, rel: str, key: tuple) -> _Entry | None:
        entry = self._entries.get(rel)
        return entry if entry is not None and entry.key == key else None

    def put(self, rel: str, key: tuple, element: Element | None, problems: list[Problem]) -> _Entry:
        entry = _Entry(key, element, list(problems))
        self._entries[rel] = entry
        return entry

    def forget_others(self, rels: set[str]) -> None:
        """Drop the entries of files that no longer exist."""
        for rel in set(self._entries) - rels:
            del self._entries[rel]


def linked_text(element: Element) -> tuple[str, list[str]]:
    return element.body.kern, [i.text for i in element.body.invullingen]


def apply_linked(element: Element, linked: tuple[str, list[str]]) -> None:
    kern, texts = linked
    element.body.kern = kern
    for invulling, text in zip(element.body.invullingen, texts):
        invulling.text = text

