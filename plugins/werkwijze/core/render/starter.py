"""`werkwijze init`: the files of a new, working manual, from the package's default schema.

Every taxonomy gets one entry and the manual one element, all marked as examples, so that
`mkdocs build --strict` and `werkwijze check` pass at once. What the entries hold follows
the schema (required keys, references between taxonomies, the region field's
`exclusive` value), so a changed default schema still gives a valid start.
"""
from __future__ import annotations

import yaml

from ..i18n import t
from ..model.fieldkinds import kind_of
from ..model.schema import DEFAULT_SCHEMA, Schema, parse_schema_text
from ..paths import Addresses
from .decapyaml import front_matter
from .starter_schema import starter_schema_text


def _mkdocs_yml(language: str, table: Addresses) -> str:
    config = {
        "site_name": t("starter.site_name"),
        "site_description": t("starter.site_description"),
        "docs_dir": "docs",
        "theme": {"name": "material", "language": language, "font": False,
                  "features": ["content.tabs.link", "navigation.sections"]},
        "plugins": [{"werkwijze": {"elements_dir": "elements", "data_dir": "data",
                                             "schema": DEFAULT_SCHEMA}}],
        "markdown_extensions": ["admonition", "attr_list", "def_list", "md_in_html", "tables",
                                {"toc": {"permalink": True}}, "pymdownx.superfences",
                                {"pymdownx.tabbed": {"alternate_style": True}}],
        "validation": {"omitted_files": "warn", "absolute_links": "warn",
                       "unrecognized_links": "warn", "anchors": "warn"},
        # The generated pages too: without them in the nav, nothing links to them.
        "nav": [{t("starter.nav_start"): "index.md"}, {t("starter.nav_elements"): table.overview},
                {t("cards.title"): table.work_cards_src}, {t("trainers.changes.title"): table.changes_src}],
    }
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False)


def _taxonomy_files(schema: Schema) -> dict[str, list[dict]]:
    """One example term per taxonomy; references point at the referenced example."""
    files = {}
    example_id = t("starter.example_id")
    for spec in schema.taxonomies.values():
        term = {"id": example_id}
        for key in spec.keys.values():
            if key.ref:
                term[key.name] = example_id
            elif key.required:
                term[key.name] = t("starter.example_term")
        # A parent reference to itself would be a cycle: examples have no parent.
        for key in spec.keys.values():
            if key.ref == spec.name:
                term.pop(key.name, None)
        files[spec.file] = [term]
    return files


def _example_element(schema: Schema) -> str:
    roles = schema.roles
    values: dict[str, str | list[str]] = {}
    for name, spec in schema.fields.items():
        if name == roles.title:
            value = t("starter.example_element.title")
        elif name == roles.summary:
            value = t("starter.example_element.summary")
        elif name == roles.kind:
            value = next(iter(schema.soorten))
        elif spec.taxonomy and not kind_of(spec).is_list:  # e.g. the status: its first step
            value = kind_of(spec).example(spec)
        elif not spec.required:
            continue
        else:
            value = kind_of(spec).example(spec)
        values[name] = value
    # In the browser editor's form (core/render/decapyaml.py): its first save there changes nothing else.
    return "---\n" + front_matter(values) + "---\n" + t("starter.example_element.body").rstrip("\n") + "\n"


def starter_files(language: str) -> dict[str, str]:
    """Relative path -> content of a new manual (the active catalogue's language)."""
    schema_text = starter_schema_text(language, t("starter.schema_header"))
    schema = parse_schema_text(schema_text)
    files = {
        "mkdocs.yml": _mkdocs_yml(language, schema.addresses),
        DEFAULT_SCHEMA: schema_text,
        "docs/index.md": t("starter.index", overview=schema.addresses.overview),
        f"elements/{t('starter.example_element.file')}.md": _example_element(schema),
        ".gitignore": "site/\npublic/\n.site-*/\n.public-*/\n.werkwijze-publiceer.yml\n.venv/\n__pycache__/\n",
        "README.md": t("starter.readme", site_name=t("starter.site_name"), kind=next(iter(schema.soorten))),
    }
    for name, terms in _taxonomy_files(schema).items():
        files[f"data/{name}"] = yaml.safe_dump(terms, allow_unicode=True, sort_keys=False)
    return files
