"""A JSON Schema (draft 2020-12) for element front matter, derived from the schema.

Editors' tools (VS Code, Front Matter CMS, CI scripts) use it; it is published in the
site and checked in. It comes from the same `Schema` and taxonomies as the validator,
so both accept and reject the same files (the test suite proves this on real content).
The validator stays the authority: it also checks what JSON Schema cannot (references
to other elements, regional blocks in the body) and explains every problem in Dutch.
"""
from __future__ import annotations

import json

from ..model import datefield as date_kind
from ..model.schema import ID_PATTERN, FieldSpec, Schema
from ..model.taxonomy import Taxonomies
from ..i18n import t

DRAFT = "https://json-schema.org/draft/2020-12/schema"
# Control characters the validator refuses. Python's str.split() treats \x0b, \x0c and
# \x1c-\x1f as whitespace (the validator folds them to spaces), so they are allowed here.
NO_CONTROL = "^[^\\x00-\\x08\\x0e-\\x1b\\x7f]*$"
NOT_BLANK = "\\S"


def _text(spec: FieldSpec) -> dict:
    rule = {"type": "string", "minLength": 1, "allOf": [{"pattern": NOT_BLANK}, {"pattern": NO_CONTROL}]}
    if spec.max_length:
        rule["maxLength"] = spec.max_length
    return rule


def _options(spec: FieldSpec, schema: Schema, taxonomies: Taxonomies) -> list[str]:
    if spec.taxonomy:
        values = list(taxonomies[spec.taxonomy].terms)
    else:
        values = list(spec.choices)
    if spec.exclusive:
        values = [spec.exclusive, *values]
    return values


def _item(spec: FieldSpec, schema: Schema, taxonomies: Taxonomies) -> dict:
    if spec.items == "taxonomy":
        return {"type": "string", "enum": _options(spec, schema, taxonomies)}
    if spec.items in ("id", "element"):
        return {"type": "string", "pattern": ID_PATTERN}
    return _text(spec)


def _field(spec: FieldSpec, schema: Schema, taxonomies: Taxonomies) -> dict:
    if spec.kind == "text":
        rule = _text(spec)
    elif spec.kind == "choice":
        rule = {"type": "string", "enum": _options(spec, schema, taxonomies)}
    elif spec.kind == date_kind.KIND:
        rule = {"type": "string", "format": "date"}
    else:
        rule = {"type": "array", "items": _item(spec, schema, taxonomies), "uniqueItems": True}
        if spec.max_items is not None:
            rule["maxItems"] = spec.max_items
        if spec.min_items:
            rule["minItems"] = spec.min_items
        else:
            rule["type"] = ["array", "null"]  # `veld:` with nothing after it is an empty list
        if spec.exclusive:
            # e.g. `generiek` holds everywhere and cannot be combined with regions
            rule["not"] = {"contains": {"const": spec.exclusive}, "minItems": 2}
    return {"title": spec.label, "description": spec.help, **rule}


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
        "properties": {name: _field(spec, schema, taxonomies) for name, spec in schema.fields.items()},
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
