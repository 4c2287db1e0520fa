"""Open data: the elements as JSON (for the filter UI and other tools).

Format (documented in docs/open-data.md):
{
  "versie": 1,
  "elementen": [{"id", <every schema field with `export` (this manual: titel, soort,
                 samenvatting, themas, betrokkenen, perspectieven, regios, bronnen,
                 gerelateerd, helpt_tegen, status)>, "url"}],
  "facetten": {"<facet>": {"veld": key, "titel": label, "meervoud": label,
                          "opties": [{"id", "naam", "ouder"?}], "generiek"?, "in_lijst"?}}
}
`url` is relative to the site root (e.g. "elementen/x/").

The overview's filter reads a lighter file of the same shape, `elementen-filter.json`
(`filter_json`): only the fields it shows or filters on, without indentation. For a big
manual (more than `SUMMARIES_LIMIT` elements) it also leaves out the summaries
(about two thirds of its size) and names `elementen-samenvattingen.json` ({id: summary})
under "samenvattingen"; the filter loads that only when the reader searches text. Its
"facetten" mark values without elements `"leeg": true` (render/doors.py: no empty rooms).
"""
from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ..model.fieldkinds import kind_of
from ..paths import addresses, element_src
from .doors import door_facet_data
from ..urls import Urls

if TYPE_CHECKING:
    from ..model.manual import Manual

EXPORT_VERSION = 1
SUMMARIES_LIMIT = 250  # above: summaries in a file of their own


def exported_fields(schema) -> list[str]:
    """The schema's fields that go into the open data, in schema order."""
    return [name for name, spec in schema.fields.items() if spec.export]


def filter_fields(schema) -> set[str]:
    """What the overview's filter shows or filters on: title, kind, summary and facets."""
    roles = schema.roles
    return {roles.title, roles.kind, roles.summary} | {f.field for f in schema.facets.values()}


def element_records(manual: Manual, urls: Urls) -> list[dict]:
    schema = manual.schema
    fields = [(name, kind_of(schema.fields[name])) for name in exported_fields(schema)]
    records = []
    for element in manual.sorted(manual.elements.values()):
        record = {"id": element.id}
        for key, kind in fields:
            record[key] = kind.export(element.values.get(key))
        record["url"] = urls.url(element_src(element.id))
        records.append(record)
    return records


def facet_data(manual: Manual) -> dict:
    region_field = manual.schema.region_field
    regions = manual.taxonomies.get(region_field.taxonomy) if region_field else None
    data = {}
    listed = manual.schema.listed_facets
    for facet in manual.schema.facets.values():
        options = []
        for value, label in manual.facets.options(facet):
            option = {"id": value, "naam": label}
            if facet is manual.facets.region_facet and regions.terms[value].role("parent"):
                option["ouder"] = regions.terms[value].role("parent")
            options.append(option)
        data[facet.name] = {"veld": facet.field, "titel": facet.title, "meervoud": facet.plural,
                            "opties": options}
        if facet in listed:  # named on each element's line in the list (Renderer.involved)
            data[facet.name]["in_lijst"] = True
        if facet is manual.facets.region_facet:
            # elements with this value hold in every region (the filter needs to know)
            data[facet.name]["generiek"] = manual.schema.generic_region
    return data


def to_json(manual: Manual, urls: Urls) -> str:
    payload = {"versie": EXPORT_VERSION, "elementen": element_records(manual, urls),
               "facetten": facet_data(manual)}
    return json.dumps(payload, ensure_ascii=False, indent=1)


def _compact(payload) -> str:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))


def filter_files(manual: Manual, urls: Urls) -> dict[str, str]:
    """Site path -> content of the overview filter's data (see the module docstring)."""
    big = len(manual.elements) > SUMMARIES_LIMIT
    roles = manual.schema.roles
    keep = {"id", "url"} | filter_fields(manual.schema)
    if big:
        keep.discard(roles.summary)
    records = [{k: v for k, v in r.items() if k in keep} for r in element_records(manual, urls)]
    # Which field is the title, the kind and the summary (the filter shows them).
    payload = {"versie": EXPORT_VERSION, "rollen": {"titel": roles.title, "soort": roles.kind,
                                                   "samenvatting": roles.summary},
               "elementen": records, "facetten": door_facet_data(manual, facet_data(manual))}
    files = {}
    if big:
        payload["samenvattingen"] = addresses().summaries_file
        files[addresses().summaries_file] = _compact({e.id: e.summary for e in manual.sorted(manual.elements.values())})
    files[addresses().filter_file] = _compact(payload)
    return files
