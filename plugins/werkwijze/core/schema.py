"""The element schema, read from `schema/element.yml` (package data).

This is the one description of the front matter; validation, the JSON Schema and
the editor templates are all derived from it.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

import yaml

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


@dataclass(frozen=True)
class FieldSpec:
    name: str
    kind: str  # text | choice | list
    label: str
    help: str
    required: bool = False
    items: str | None = None  # text | id | taxonomy | element
    taxonomy: str | None = None
    choices: tuple[str, ...] = ()
    max_length: int | None = None
    min_items: int = 0
    max_items: int | None = None
    exclusive: str | None = None
    only_for_soort: str | None = None
    target_soort: str | None = None


@dataclass(frozen=True)
class KeySpec:
    name: str
    required: bool = False
    ref: str | None = None
    url: bool = False


@dataclass(frozen=True)
class TaxonomySpec:
    name: str
    file: str
    keys: dict[str, KeySpec]


@dataclass(frozen=True)
class FacetSpec:
    name: str  # singular: soort, thema, ...
    field: str  # front-matter key
    path: str  # folder of the static facet pages
    title: str
    plural: str
    taxonomy: str | None = None


@dataclass(frozen=True)
class SoortSpec:
    id: str
    label: str
    plural: str
    short: str
    inverse_heading: str


@dataclass(frozen=True)
class Schema:
    fields: dict[str, FieldSpec]
    soorten: dict[str, SoortSpec]
    generic_region_label: str
    taxonomies: dict[str, TaxonomySpec]
    facets: dict[str, FacetSpec]

    @property
    def required_fields(self) -> list[str]:
        return [name for name, spec in self.fields.items() if spec.required]

    @property
    def region_field(self) -> FieldSpec:
        """The field whose `exclusive` value means "holds everywhere" (regios)."""
        return next(spec for spec in self.fields.values() if spec.exclusive)

    @property
    def counter_field(self) -> FieldSpec:
        """The field linking working elements to the hindering ones they counter."""
        return next(spec for spec in self.fields.values() if spec.target_soort)

    @property
    def generic_region(self) -> str:
        return self.region_field.exclusive


def _key_spec(name: str, raw) -> KeySpec:
    if raw == "required":
        return KeySpec(name, required=True)
    if raw == "optional" or raw is None:
        return KeySpec(name)
    return KeySpec(name, required=bool(raw.get("required")), ref=raw.get("ref"),
                   url=bool(raw.get("url")))


def parse_schema(raw: dict) -> Schema:
    soorten = {sid: SoortSpec(id=sid, **spec) for sid, spec in raw["soorten"].items()}
    fields = {}
    for name, spec in raw["fields"].items():
        spec = dict(spec)
        if spec.get("choices") == "soorten":
            spec["choices"] = tuple(soorten)
        fields[name] = FieldSpec(name=name, **spec)
    taxonomies = {
        name: TaxonomySpec(name, spec["file"],
                           {k: _key_spec(k, v) for k, v in spec["keys"].items()})
        for name, spec in raw["taxonomies"].items()
    }
    facets = {name: FacetSpec(name=name, **spec) for name, spec in raw["facets"].items()}
    return Schema(fields, soorten, raw["generic_region_label"],
                  taxonomies, facets)


@functools.cache
def load_schema() -> Schema:
    text = resources.files("werkwijze").joinpath("schema/element.yml").read_text("utf-8")
    return parse_schema(yaml.safe_load(text))
