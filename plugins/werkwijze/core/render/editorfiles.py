"""The editor files derived from the manual's schema and taxonomies (checked in):

- schema/element.schema.json: the JSON Schema for element front matter (also in the site);
- frontmatter.json: the Front Matter CMS configuration (a form for the front matter in VS Code).

`werkwijze editor-files` (`editorbestanden`) writes them; `--check` only compares.
"""
from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ..paths import SCHEMA_URI, addresses
from .jsonschema import dumps, element_json_schema
from ..model.fieldkinds import kind_of
from ..model.schema import FieldSpec, Schema
from ..model.taxonomy import Taxonomies

if TYPE_CHECKING:
    from pathlib import Path

    from ..model.manual import Manual

FRONT_MATTER_CMS = "frontmatter.json"


def _choices(spec: FieldSpec, schema: Schema, taxonomies: Taxonomies) -> list[dict]:
    if spec.taxonomy:
        taxonomy = taxonomies[spec.taxonomy]
        choices = [{"id": t.id, "title": t.name} for t in taxonomy]
        if spec.exclusive:
            choices.insert(0, {"id": spec.exclusive, "title": schema.generic_region_label})
        return choices
    return [{"id": s.id, "title": s.label} for s in schema.soorten.values() if s.id in spec.choices]


def _cms_field(spec: FieldSpec, schema: Schema, taxonomies: Taxonomies) -> dict:
    field = {"title": spec.label, "name": spec.name, "description": spec.help}
    field.update(kind_of(spec).editor_field(spec, _choices(spec, schema, taxonomies)))
    if spec.required:
        field["required"] = True
    return field


def front_matter_cms(schema: Schema, taxonomies: Taxonomies, elements_dir: str, folder_title: str) -> dict:
    return {
        "$schema": "https://frontmatter.codes/frontmatter.schema.json",
        "frontMatter.content.pageFolders": [
            {"title": folder_title, "path": f"[[workspace]]/{elements_dir}"}],
        "frontMatter.content.autoUpdateDate": False,
        "frontMatter.preview.host": "http://127.0.0.1:8000",
        "frontMatter.taxonomy.contentTypes": [{
            # "default": Front Matter CMS uses it for every file without a `type` field.
            "name": "default",
            "pageBundle": False,
            "previewPath": addresses().elements,
            "fields": [_cms_field(s, schema, taxonomies) for s in schema.fields.values()],
        }],
    }


def editor_files(manual: Manual) -> dict[Path, str]:
    """Path -> content of every editor file of this manual."""
    from ..i18n import t
    layout = manual.layout
    cms = front_matter_cms(manual.schema, manual.taxonomies, layout.elements_dir,
                           t("editor.elements_folder"))
    return {
        layout.root / SCHEMA_URI: dumps(element_json_schema(manual.schema, manual.taxonomies)),
        layout.root / FRONT_MATTER_CMS: json.dumps(cms, ensure_ascii=False, indent=2) + "\n",
    }
