"""The filter's expected results, computed in Python from elementen.json.

Mirrors core/model/facets.py (region family: the region, its parent and its children; generic
elements hold everywhere) independently of assets/filter.js.
"""
from __future__ import annotations

import unicodedata


def _norm(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).lower()


def _values(record: dict, field: str) -> list[str]:
    value = record.get(field)
    return value if isinstance(value, list) else ([value] if value else [])


def matches(data: dict, record: dict, filters: dict[str, list[str]], text: str = "") -> bool:
    haystack = _norm(record["titel"] + " " + record["samenvatting"])
    if not all(word in haystack for word in _norm(text).split()):
        return False
    for name, wanted in filters.items():
        if not wanted:
            continue
        facet = data["facetten"][name]
        have = set(_values(record, facet["veld"]))
        if "generiek" in facet:
            if facet["generiek"] in have:
                continue
            options = facet["opties"]
            parent = {o["id"]: o.get("ouder") for o in options}
            hit = False
            for w in wanted:
                family = {w, parent.get(w)} | {o["id"] for o in options if o.get("ouder") == w}
                hit = hit or bool(family & have)
            if not hit:
                return False
        elif not set(wanted) & have:
            return False
    return True


def select(data: dict, filters: dict[str, list[str]], text: str = "") -> list[str]:
    return [r["id"] for r in data["elementen"] if matches(data, r, filters, text)]
