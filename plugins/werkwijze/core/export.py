"""Open data: the elements as JSON (for the filter UI and other tools).

Format (documented in docs/open-data.md):
{
  "versie": 1,
  "elementen": [{"id", "titel", "soort", "samenvatting", "themas", "betrokkenen",
                 "perspectieven", "regios", "bronnen", "gerelateerd", "helpt_tegen",
                 "status", "url"}],
  "facetten": {"<facet>": {"veld": key, "titel": label, "meervoud": label,
                          "opties": [{"id", "naam", "ouder"?}], "generiek"?}}
}
`url` is relative to the site root (e.g. "elementen/x/").
"""
from __future__ import annotations

import json

from .render import element_src
from .urls import Urls

EXPORT_VERSION = 1
_FIELDS = ["titel", "soort", "samenvatting", "themas", "betrokkenen", "perspectieven", "regios",
           "bronnen", "gerelateerd", "helpt_tegen", "status"]


def element_records(manual, urls: Urls) -> list[dict]:
    records = []
    for element in manual.sorted(manual.elements.values()):
        record = {"id": element.id}
        for key in _FIELDS:
            spec = manual.schema.fields[key]
            record[key] = element.list(key) if spec.kind == "list" else element.text(key)
        record["url"] = urls.url(element_src(element.id))
        records.append(record)
    return records


def facet_data(manual) -> dict:
    regions = manual.taxonomies[manual.schema.region_field.taxonomy]
    data = {}
    for facet in manual.schema.facets.values():
        options = []
        for value, label in manual.facets.options(facet):
            option = {"id": value, "naam": label}
            if facet is manual.facets.region_facet and regions.terms[value].get("ouder"):
                option["ouder"] = regions.terms[value].get("ouder")
            options.append(option)
        data[facet.name] = {"veld": facet.field, "titel": facet.title, "meervoud": facet.plural,
                            "opties": options}
        if facet is manual.facets.region_facet:
            # elements with this value hold in every region (the filter needs to know)
            data[facet.name]["generiek"] = manual.schema.generic_region
    return data


def to_json(manual, urls: Urls) -> str:
    payload = {"versie": EXPORT_VERSION, "elementen": element_records(manual, urls),
               "facetten": facet_data(manual)}
    return json.dumps(payload, ensure_ascii=False, indent=1)
