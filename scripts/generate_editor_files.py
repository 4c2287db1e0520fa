#!/usr/bin/env python3
"""Write the editor files derived from the element schema and the manual's taxonomies:

- schema/element.schema.json: the JSON Schema for element front matter (also in the site);
- frontmatter.json: the Front Matter CMS configuration (a form for the front matter in VS Code).

Both are checked in; run this after changing schema/element.yml or a data/*.yml file.
`--check` only compares and exits 1 when a file is out of date (the tests use it).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from werkwijze.core.jsonschema import dumps, element_json_schema
from werkwijze.core.manual import load_manual
from werkwijze.core.project import read_layout
from werkwijze.core.schema import FieldSpec, Schema
from werkwijze.core.taxonomy import Taxonomies

REPO = Path(__file__).resolve().parent.parent
SINGLE_LINE_LIMIT = 120  # longer text fields get a multi-line box


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
    if spec.kind == "text":
        field.update(type="string", single=(spec.max_length or 0) <= SINGLE_LINE_LIMIT)
    elif spec.kind == "choice":
        field.update(type="choice", choices=_choices(spec, schema, taxonomies))
    elif spec.items == "taxonomy":
        field.update(type="choice", multiple=True, choices=_choices(spec, schema, taxonomies))
    else:
        field.update(type="list")
    if spec.required:
        field["required"] = True
    return field


def front_matter_cms(schema: Schema, taxonomies: Taxonomies, elements_dir: str) -> dict:
    return {
        "$schema": "https://frontmatter.codes/frontmatter.schema.json",
        "frontMatter.content.pageFolders": [
            {"title": "Elementen", "path": f"[[workspace]]/{elements_dir}"}],
        "frontMatter.content.autoUpdateDate": False,
        "frontMatter.preview.host": "http://127.0.0.1:8000",
        "frontMatter.taxonomy.contentTypes": [{
            # "default": Front Matter CMS uses it for every file without a `type` field.
            "name": "default",
            "pageBundle": False,
            "previewPath": "elementen",
            "fields": [_cms_field(s, schema, taxonomies) for s in schema.fields.values()],
        }],
    }


def outputs(root: Path) -> dict[Path, str]:
    layout = read_layout(root / "mkdocs.yml")
    manual = load_manual(layout)
    if manual.problems:
        raise SystemExit("De inhoud heeft fouten; los ze eerst op (make check).")
    cms = front_matter_cms(manual.schema, manual.taxonomies, layout.elements_dir)
    return {
        root / "schema" / "element.schema.json": dumps(element_json_schema(manual.schema, manual.taxonomies)),
        root / "frontmatter.json": json.dumps(cms, ensure_ascii=False, indent=2) + "\n",
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report files that are out of date")
    parser.add_argument("--root", type=Path, default=REPO)
    args = parser.parse_args(argv)
    stale = []
    for path, text in outputs(args.root.resolve()).items():
        current = path.read_text("utf-8") if path.exists() else None
        if current == text:
            continue
        stale.append(path)
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, "utf-8")
            print(f"bijgewerkt: {path.relative_to(args.root.resolve())}")
    if args.check and stale:
        for path in stale:
            print(f"verouderd: {path.relative_to(args.root.resolve())} "
                  "(draai: python scripts/generate_editor_files.py)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
