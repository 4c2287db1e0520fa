"""The whole manual: its schema, data, elements, chapters and the graph between them.

Loading and checking it is one function in the next stage, `validate/load.py`
(`load_manual`), so that the model imports no rule.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..sources.chapters import Chapter
from .edition import Editions
from .elements import Element
from .fieldkinds import kind_of
from .facets import Facets
from ..sources.gitdates import last_updated
from ..sources.gitlog import Commit, read_history
from .graph import Graph
from .leerlijnen import Leerlijn
from ..problems import Problem
from ..sources.layout import Layout
from .schema import Schema
from .taxonomy import Taxonomies


_UNREAD = object()  # git history not read yet


@dataclass
class Manual:
    layout: Layout
    schema: Schema
    taxonomies: Taxonomies
    facets: Facets
    elements: dict[str, Element]
    graph: Graph
    chapters: dict[str, Chapter]
    docs_files: set[str]
    problems: list[Problem] = field(default_factory=list)
    chapters_including: dict[str, list[Chapter]] = field(default_factory=dict)
    editions: Editions | None = None  # from editie.yml (optional)
    leerlijnen: dict[str, Leerlijn] = field(default_factory=dict)
    synonyms: dict[str, list[str]] = field(default_factory=dict)  # data/zoekwoorden.yml
    # element path -> ISO date it last changed; filled by the site build (see gitdates.py)
    updated: dict[str, str] = field(default_factory=dict)
    _history: object = field(default=None, repr=False)

    def __post_init__(self):
        self._history = _UNREAD

    def git_history(self) -> list[Commit] | None:
        """The elements folder's git history (gitlog.py), read once per loaded manual."""
        if self._history is _UNREAD:
            self._history = read_history(self.layout.root, self.layout.elements_dir)
        return self._history

    def read_dates(self) -> None:
        """Fill `updated` (the "last updated" date of element pages) from git or the files."""
        self.updated = last_updated(self.layout.root, self.layout.elements_dir,
                                    [e.path for e in self.elements.values()], self.git_history())

    def sorted(self, elements) -> list[Element]:
        """By title; with a sorting date field (`sort:`), by that date first (elements
        without one last). ISO dates sort as text."""
        ordered = sorted(elements, key=lambda e: (e.title.casefold(), e.id))
        field = self.schema.sort_field
        if field is None:
            return ordered
        dated = [e for e in ordered if e.values.get(field.name)]
        key = kind_of(field).sort_key
        dated.sort(key=lambda e: key(e.values[field.name]), reverse=field.sort == "descending")
        return dated + [e for e in ordered if not e.values.get(field.name)]
