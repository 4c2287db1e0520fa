"""Which facet values are worth offering as a door: no empty rooms.

A value without elements (a perspective no element names) is not listed on facet index
pages, in the overview's filter or in search; its own page still exists (its URL keeps
working) and says what there is instead. A region counts only with elements of its own
or regional text: generic elements hold everywhere, so choosing such a region would
filter nothing and show "nothing described yet" on every page.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..model.schema import FacetSpec

if TYPE_CHECKING:
    from ..model.manual import Manual


def has_regional_text(manual: Manual) -> bool:
    """Whether any element has a text for a region (`/// regio | x`)."""
    return any(i.text.strip() for e in manual.elements.values() for i in e.body.invullingen)


def occupied(manual: Manual, facet: FacetSpec) -> set[str]:
    """The facet's values with something to show (see the module docstring)."""
    facets = manual.facets
    found: set[str] = set()
    if facet is facets.region_facet:
        generic = manual.schema.generic_region
        families = {value: facets._region_family.get(value, {value}) for value, _ in facets.options(facet)}
        own = set()
        for element in manual.elements.values():
            own.update(v for v in facets.values(element, facet) if v != generic)
            own.update(i.region for i in element.body.invullingen if i.text.strip())
        return {value for value, family in families.items() if family & own}
    for element in manual.elements.values():
        found.update(facets.values(element, facet))
    return found


def door_facet_data(manual: Manual, data: dict) -> dict:
    """`data` (render/export.py facet_data) with every value without something to show
    marked `"leeg": true`: the overview's filter offers those only while an old link has
    chosen them (assets/filter.js)."""
    out = {}
    for name, entry in data.items():
        facet = manual.schema.facets.get(name)
        doors = occupied(manual, facet) if facet else {o["id"] for o in entry["opties"]}
        out[name] = {**entry, "opties": [o if o["id"] in doors else {**o, "leeg": True}
                                         for o in entry["opties"]]}
    return out


def doors_only(options: list[dict]) -> list[dict]:
    """The options offered as doors (without those marked `leeg`)."""
    return [o for o in options if not o.get("leeg")]
