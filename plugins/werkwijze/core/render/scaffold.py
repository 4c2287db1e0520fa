"""`werkwijze new`: a fresh element file with every field and a comment per field.

Values are written in the browser editor's form (core/render/decapyaml.py); the comments
are for editing by hand: the editor at /beheer/ drops them on its first save and shows
the same label and help beside each field.

The template is built from the schema, so a new field shows up here by itself. Values
the editor must still choose are left empty on purpose: `werkwijze check` then names
exactly the required ones ("'samenvatting' is leeg. ..."), at their line; an optional
field left empty passes. Given every required value (`--veld naam=waarde`), the file
passes the check at once.
"""
from __future__ import annotations

import textwrap

from slugify import slugify

from ..model.fieldkinds import kind_of, options
from ..model.schema import FieldSpec, Schema
from ..model.taxonomy import Taxonomies
from ..i18n import t
from .decapyaml import front_matter

# Apostrophes join their word ("zo'n" -> "zon") instead of splitting it.
_APOSTROPHES = [(mark, "") for mark in "'’‘`´"]
COMMENT_WIDTH = 88


def element_id_from_title(title: str) -> str:
    """'Zo'n gezamenlijke visie: één aanpak' -> 'zon-gezamenlijke-visie-een-aanpak'
    (python-slugify: accents and ligatures to plain letters, the rest to hyphens)."""
    return slugify(title, replacements=_APOSTROPHES)


def _comment(spec: FieldSpec, taxonomies: Taxonomies) -> list[str]:
    text = t("editor.template.field", label=spec.label, help=spec.help,
             need=t("editor.template.required" if spec.required else "editor.template.optional"))
    choices = options(spec, taxonomies)
    if choices:
        text += " " + t("editor.template.choices", choices=", ".join(choices))
    return textwrap.wrap(text, COMMENT_WIDTH - 2, initial_indent="# ", subsequent_indent="#   ",
                         break_on_hyphens=False)


def initial_values(schema: Schema, taxonomies: Taxonomies, title: str, kind: str,
                   themes: list[str], given: dict[str, str] | None = None
                   ) -> dict[str, str | list[str] | None]:
    """What we can fill in for the editor (`given`: field -> value from the command line,
    comma-separated for a list); everything else starts empty."""
    roles = schema.roles
    values: dict[str, str | list[str] | None] = {}
    for name, spec in schema.fields.items():
        values[name] = kind_of(spec).empty()
    for name, value in (given or {}).items():
        values[name] = kind_of(schema.fields[name]).from_command_line(value)
    values[roles.title] = title
    values[roles.kind] = kind
    if roles.themes:
        values[roles.themes] = list(themes)
    status = schema.role_field("status")
    if status and status.taxonomy and taxonomies[status.taxonomy].terms and not values[status.name]:
        values[status.name] = next(iter(taxonomies[status.taxonomy].terms))  # the first step, e.g. concept
    return values


def still_to_fill(schema: Schema, values: dict) -> list[str]:
    return [name for name, spec in schema.fields.items() if spec.required and not values.get(name)]


def template(schema: Schema, taxonomies: Taxonomies, values: dict) -> str:
    lines = ["---"]
    for name, spec in schema.fields.items():
        lines += _comment(spec, taxonomies)
        value = values.get(name)
        # As the browser editor writes it (core/render/decapyaml.py); a value still to
        # choose stays empty, `name:`, for the check to point at.
        lines.append(f"{name}:" if value in (None, "") else front_matter({name: value}).rstrip("\n"))
    lines.append("---")
    lines.append("<!--")
    lines += textwrap.wrap(t("editor.template.body"), COMMENT_WIDTH)
    region_field = schema.region_field
    if region_field is not None:
        lines.append("")
        lines += textwrap.wrap(t("editor.template.regions"), COMMENT_WIDTH)
        regions = taxonomies[region_field.taxonomy]
        example = next(iter(regions.terms), "regio-id")
        block = schema.facet_of("regions").name if schema.facet_of("regions") else "regio"
        # Indented, so that this example is not read as a real block.
        lines += [f"    /// {block} | {example}", "    " + t("editor.template.region_example"), "    ///"]
    lines += ["", t("editor.template.remove"), "-->", ""]
    return "\n".join(lines) + "\n"
