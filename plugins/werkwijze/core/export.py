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

The overview's filter reads a lighter file of the same shape, `elementen-filter.json`
(`filter_json`): only the fields it shows or filters on, without indentation. For a big
manual (more than `SUMMARIES_LIMIT` elements) it also leaves out the summaries
(about two thirds of its size) and names `elementen-samenvattingen.json` ({id: summary})
under "samenvattingen"; the filter loads that only when the reader searches text.
"""
from __future__ import annotations

import json

from .render import FILTER_FILE, element_src
from .urls import Urls

EXPORT_VERSION = 1
SUMMARIES_FILE = "elementen-samenvattingen.json"
_NOT_FILTERED = ("bronnen", "gerelateerd", "helpt_tegen")  # not shown by the filter
SUMMARIES_LIMIT = 250  # above: summaries in a file of their own
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


def _compact(payload) -> str:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))


def filter_files(manual, urls: Urls) -> dict[str, str]:
    """Site path -> content of the overview filter's data (see the module docstring)."""
    big = len(manual.elements) > SUMMARIES_LIMIT
    drop = _NOT_FILTERED + (("samenvatting",) if big else ())
    records = [{k: v for k, v in r.items() if k not in drop} for r in element_records(manual, urls)]
    payload = {"versie": EXPORT_VERSION, "elementen": records, "facetten": facet_data(manual)}
    files = {}
    if big:
        payload["samenvattingen"] = SUMMARIES_FILE
        files[SUMMARIES_FILE] = _compact({e.id: e.text("samenvatting") for e in manual.sorted(manual.elements.values())})
    files[FILTER_FILE] = _compact(payload)
    return files
