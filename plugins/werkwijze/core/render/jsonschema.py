"""A JSON Schema (draft 2020-12) for element front matter, derived from the schema.

Editors' tools (VS Code, Front Matter CMS, CI scripts) use it; it is published in the
site and checked in. It comes from the same `Schema` and taxonomies as the validator,
so both accept and reject the same files (the test suite proves this on real content).
The validator stays the authority: it also checks what JSON Schema cannot (references
to other elements, regional blocks in the body) and explains every problem in Dutch.
"""
from __future__ import annotations

import json

from ..model.fieldkinds import kind_of
from ..model.schema import FieldSpec, Schema
from ..model.taxonomy import Taxonomies
from ..i18n import t

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def _field(spec: FieldSpec, taxonomies: Taxonomies) -> dict:
    """The field's kind gives its rule (core/model/fieldkinds/)."""
    return {"title": spec.label, "description": spec.help, **kind_of(spec).json_schema(spec, taxonomies)}


def _soort_rules(schema: Schema) -> list[dict]:
    """Fields only allowed for one soort (helpt_tegen) must be empty for the others."""
    rules = []
    soort = schema.roles.kind
    for spec in schema.fields.values():
        if spec.only_for_soort:
            rules.append({
                "if": {"required": [soort],
                       "properties": {soort: {"not": {"const": spec.only_for_soort}}}},
                "then": {"properties": {spec.name: {"maxItems": 0}}},
            })
    return rules


def element_json_schema(schema: Schema, taxonomies: Taxonomies) -> dict:
    result = {
        "$schema": DRAFT,
        "title": t("editor.json_schema.title"),
        "description": t("editor.json_schema.description"),
        "type": "object",
        "properties": {name: _field(spec, taxonomies) for name, spec in schema.fields.items()},
        "required": schema.required_fields,
        "additionalProperties": False,
    }
    rules = _soort_rules(schema)
    if rules:
        result["allOf"] = rules
    return result


def dumps(data: dict) -> str:
    """Stable text, so the checked-in copy only changes when the schema does."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
