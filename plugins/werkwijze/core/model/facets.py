"""Facets: which values an element has for a facet, and which elements match a filter.

One implementation for the static facet pages, the chapter directive and (mirrored
in `assets/filter.js`, fed by the same data in elementen.json) the filter UI.
"""
from __future__ import annotations

from collections.abc import Iterable

from .elements import Element
from .schema import FacetSpec, Schema
from .taxonomy import Taxonomies


class Facets:
    def __init__(self, schema: Schema, taxonomies: Taxonomies):
        self.schema = schema
        self.taxonomies = taxonomies
        self.specs = schema.facets
        # None in a manual without regions (no `regions` role, or no facet over it)
        self.region_facet = schema.facet_of("regions")
        region_field = schema.region_field
        regions = taxonomies.get(region_field.taxonomy) if region_field else None
        # region -> the regions whose elements also hold there (itself, parent, children)
        self._region_family: dict[str, set[str]] = {}
        self._labels: dict[str, dict[str, str]] = {}
        for term in regions or ():
            family = {term.id}
            if term.role("parent"):
                family.add(term.role("parent"))
            family |= {child.id for child in regions if child.role("parent") == term.id}
            self._region_family[term.id] = family

    def options(self, facet: FacetSpec) -> list[tuple[str, str]]:
        """(value, label) pairs in display order."""
        if facet.taxonomy:
            return [(t.id, t.name) for t in self.taxonomies.get(facet.taxonomy, ())]
        return [(s.id, s.short) for s in self.schema.soorten.values()]

    def allowed(self) -> dict[str, set[str]]:
        return {name: {value for value, _ in self.options(spec)} for name, spec in self.specs.items()}

    def label(self, facet: FacetSpec, value: str) -> str:
        # Called for every value of every listed element: build each facet's labels once.
        labels = self._labels.get(facet.name)
        if labels is None:
            labels = self._labels[facet.name] = dict(self.options(facet))
        return labels.get(value, value)

    @staticmethod
    def values(element: Element, facet: FacetSpec) -> list[str]:
        value = element.values.get(facet.field)
        if isinstance(value, list):
            return value
        return [value] if value else []

    def matches(self, element: Element, facet: FacetSpec, wanted: Iterable[str]) -> bool:
        have = self.values(element, facet)
        if facet is self.region_facet:
            if self.schema.generic_region in have:
                return True
            return any(self._region_family.get(w, {w}) & set(have) for w in wanted)
        return any(w in have for w in wanted)

    def select(self, elements: Iterable[Element], filters: dict[str, list[str]]) -> list[Element]:
        """The elements that match every filter (as `matches`, one set test per element:
        this runs for every facet value on every build)."""
        selected = list(elements)
        for name, values in filters.items():
            if not values:
                continue
            spec = self.specs[name]
            accepted = set(values)
            if spec is self.region_facet:
                accepted = {self.schema.generic_region}.union(
                    *(self._region_family.get(w, {w}) for w in values))
            selected = [e for e in selected if not accepted.isdisjoint(self.values(e, spec))]
        return selected
