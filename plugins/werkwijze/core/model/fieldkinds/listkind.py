"""The `list` kind: several values, each an `items` kind (text, id, taxonomy, element).

`[]` or nothing after the key is an empty list; `min_items`/`max_items` bound it; an
`exclusive` value (e.g. `generiek`) stands alone. References to other elements (`element`)
are checked against the whole manual in validate/graph.py.
"""
from __future__ import annotations

import re

from ...i18n import t
from ...sources import yamltree
from ...suggest import did_you_mean
from .base import ID_PATTERN, FieldKind, browser_text_box, check_text, options, text_rule

ITEM_KINDS = ("text", "id", "taxonomy", "element")
ID_ITEMS = ("id", "taxonomy", "element")  # each value is an id
_ID = re.compile(ID_PATTERN)


class ListKind(FieldKind):
    name = "list"
    is_list = True
    item_kinds = ITEM_KINDS

    def read(self, spec, node, key_line, reading):
        rel, problems, name = reading.rel, reading.problems, spec.name
        if isinstance(node, yamltree.Scalar) and node.value is None:
            items: list[yamltree.Node] = []
        elif isinstance(node, yamltree.Seq):
            items = node.items
        else:
            problems.add(rel, key_line, t("validate.element.not_a_list", name=name))
            return None
        allowed = options(spec, reading.taxonomies) if spec.items == "taxonomy" else []
        values: list[str] = []
        lines: list[int] = []
        for item in items:
            if not isinstance(item, yamltree.Scalar) or item.value is None or not item.value.strip():
                problems.add(rel, item.line, t("validate.element.bad_item", name=name))
                continue
            value = " ".join(item.value.split())
            if spec.items in ID_ITEMS and not _ID.match(value):
                problems.add(rel, item.line, t("validate.element.bad_id", value=value, name=name))
                continue
            if spec.items == "text" and not check_text(spec, value, item.line, reading):
                continue
            if spec.items == "taxonomy" and value not in allowed:
                problems.add(rel, item.line, t("validate.element.unknown_term", value=value, name=name,
                                               hint=did_you_mean(value, allowed),
                                               file=reading.taxonomies[spec.taxonomy].path,
                                               allowed=", ".join(allowed)))
                continue
            if value in values:
                problems.add(rel, item.line, t("validate.element.duplicate_value", value=value, name=name))
                continue
            values.append(value)
            lines.append(item.line)
        if spec.max_items is not None and len(items) > spec.max_items:
            problems.add(rel, key_line, t("validate.element.too_many", name=name, count=len(items),
                                          limit=spec.max_items))
        if len(values) < spec.min_items and len(items) == len(values):
            if spec.items == "taxonomy":  # name what can be chosen, as the other messages do
                problems.add(rel, key_line, t("validate.element.too_few_choose", name=name,
                                              limit=spec.min_items, help=spec.help,
                                              file=reading.taxonomies[spec.taxonomy].path,
                                              allowed=", ".join(allowed)))
            else:
                problems.add(rel, key_line, t("validate.element.too_few", name=name, limit=spec.min_items,
                                              help=spec.help))
        if spec.exclusive and spec.exclusive in values and len(values) > 1:
            problems.add(rel, key_line, t("validate.element.exclusive", value=spec.exclusive, name=name))
        reading.item_lines[name] = lines
        return values

    def display(self, spec, value, taxonomies):
        taxonomy = taxonomies.get(spec.taxonomy) if spec.taxonomy else None
        return ", ".join(taxonomy.label(v) if taxonomy else v for v in value)

    def json_schema(self, spec, taxonomies):
        if spec.items == "taxonomy":
            item = {"type": "string", "enum": options(spec, taxonomies)}
        elif spec.items in ID_ITEMS:
            item = {"type": "string", "pattern": ID_PATTERN}
        else:
            item = text_rule(spec)
        rule = {"type": "array", "items": item, "uniqueItems": True}
        if spec.max_items is not None:
            rule["maxItems"] = spec.max_items
        if spec.min_items:
            rule["minItems"] = spec.min_items
        else:
            rule["type"] = ["array", "null"]  # `veld:` with nothing after it is an empty list
        if spec.exclusive:
            # e.g. `generiek` holds everywhere and cannot be combined with regions
            rule["not"] = {"contains": {"const": spec.exclusive}, "minItems": 2}
        return rule

    def editor_field(self, spec, choices):
        if spec.items == "taxonomy":
            return {"type": "choice", "multiple": True, "choices": choices}
        return {"type": "list"}

    def browser_field(self, spec, offered):
        if offered:  # terms or elements: a multiple choice
            field: dict = {"widget": "select", "multiple": True, "options": offered}
        else:  # text or ids: one box per item
            item: dict = {"name": spec.name, "label": spec.label, "widget": "string"}
            if spec.items in ID_ITEMS:
                item["pattern"] = [ID_PATTERN, t("beheer.id_pattern")]
            else:
                item.update(browser_text_box(spec, required=True))
            field = {"widget": "list", "field": item}
        if spec.min_items:
            field["min"] = spec.min_items
        if spec.max_items is not None:
            field["max"] = spec.max_items
        return field

    def example(self, spec):
        if spec.items == "taxonomy":
            return [spec.exclusive] if spec.exclusive else [t("starter.example_id")]
        return [t("starter.example_id" if spec.items in ID_ITEMS else "starter.example_text")]
