"""The reference for manual authors (plugins/werkwijze/reference/: en.md, nl.md) cannot
drift from the code: every table marked `<!-- reference: NAME -->` lists exactly the
names the code knows (schema sections and keys, field kinds from the registry, roles and
the field each needs, term roles, facets, editions, leerlijnen, addresses, anchors, fragments and
their variables, the open data's envelope keys), and its complete example schema is
accepted by the schema reader. tests/test_second_manual.py builds a manual from it.""" 
from __future__ import annotations

import json
import re
from dataclasses import fields as dataclass_fields
from pathlib import Path

import pytest

from werkwijze.core.model import schema as schema_module
from werkwijze.core.model.fieldkinds import ITEM_KINDS, KINDS
from werkwijze.core.paths import Addresses, Anchors
from werkwijze.core.render.fragments import Fragments, package_fragment_names
from werkwijze.core.sources.layout import Layout
from werkwijze.core.validate.load import load_manual

REFERENCE = Path(__file__).resolve().parent.parent / "plugins" / "werkwijze" / "reference"
LANGUAGES = ("en", "nl")
FIXTURE = Path(__file__).resolve().parent / "manuals" / "english"
_MARKER = re.compile(r"<!-- reference: ([a-z_ ]+) -->\n+((?:\|.*\n)+)")
_NAME = re.compile(r"`([^`]+)`")


def tables(language: str) -> dict[str, dict[str, list[str]]]:
    """marker -> {name in the first column: the other cells}."""
    text = (REFERENCE / f"{language}.md").read_text("utf-8")
    found = {}
    for marker, table in _MARKER.findall(text):
        rows = {}
        for line in table.strip().splitlines()[2:]:  # past the header and its rule
            cells = [c.strip() for c in line.strip("|").split("|")]
            name = _NAME.search(cells[0])
            assert name, f"{language}.md, table {marker}: {line}"
            rows[name.group(1)] = cells[1:]
        found[marker] = rows
    return found


def _roles_of(spec) -> set[str]:
    return set(spec.keys) | set(spec.item_keys)


def _envelope() -> dict[str, set[str]]:
    """The open data's keys, read from what the generator writes for the English fixture."""
    from werkwijze.core.render.export import filter_files, to_json
    from werkwijze.core.urls import Urls
    manual = load_manual(Layout(FIXTURE))
    assert not manual.problems
    urls = Urls()
    full = json.loads(to_json(manual, urls))
    filtered = json.loads(next(v for k, v in filter_files(manual, urls).items() if k.endswith("-filter.json")))
    facet = next(iter(full["facetten"].values()))
    return {"envelope": set(full) | set(filtered) | {"samenvattingen"},
            "facet_data": set().union(*(f.keys() for f in full["facetten"].values()))
            | {"generiek", "in_lijst"},
            "facet_option": set(facet["opties"][0]) | {"ouder", "leeg"}}


def expected() -> dict[str, set[str]]:
    s = schema_module
    return {
        "sections": {s.KEYWORD_ALIASES.get(k, k) for k in s._SECTIONS},
        "field_keys": {s.KEYWORD_ALIASES.get(k, k) for k in s._FIELD_KEYS},
        "field_kinds": set(KINDS),
        "list_items": set(ITEM_KINDS),
        "roles": {f.name for f in dataclass_fields(s.Roles)},
        "kinds": {f.name for f in dataclass_fields(s.SoortSpec)} - {"id"},
        "term_roles": set(s.TERM_ROLES),
        "taxonomy_keys": {"file", "keys", "roles"},
        "term_keys": {"required", "optional", "ref", "url"},
        "facets": {f.name for f in dataclass_fields(s.FacetSpec)} - {"name"},
        "editions": {"file", "keys", "edition_keys"} | _roles_of(s.EDITIONS_DEFAULT),
        "learning_paths": {"folder", "keys", "step_keys"} | _roles_of(s.LEERLIJNEN_DEFAULT),
        "addresses": {f.name for f in dataclass_fields(Addresses)},
        "anchors": {f.name for f in dataclass_fields(Anchors)},
        "fragments": set(package_fragment_names(Fragments().env)),
        **_envelope(),
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_table_lists_exactly_what_the_code_knows(language):
    found = tables(language)
    for marker, names in expected().items():
        assert marker in found, f"{language}.md has no table '<!-- reference: {marker} -->'"
        assert set(found[marker]) == names, (
            f"{language}.md, {marker}: missing {sorted(names - set(found[marker]))}, "
            f"not in the code {sorted(set(found[marker]) - names)}")
    assert set(found) == set(expected()), f"{language}.md: tables the test does not know"


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_fragment_row_names_its_variables(language):
    variables = package_fragment_names(Fragments().env)
    for name, cells in tables(language)["fragments"].items():
        assert set(_NAME.findall(cells[0])) == variables[name] - {"t", "tm", "anchors"}, f"{language}.md: {name}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_role_names_the_field_it_needs(language):
    for role, cells in tables(language)["roles"].items():
        kind, items = schema_module.ROLE_KINDS[role]
        assert f"`{kind}`" in cells[0] and (items is None or f"`{items}`" in cells[0]), f"{language}.md: {role}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_key_has_an_example(language):
    for marker, rows in tables(language).items():
        for name, cells in rows.items():
            assert cells and cells[-1].strip(), f"{language}.md, {marker}: `{name}` has no example"


def _example_schema(language: str) -> str:
    text = (REFERENCE / f"{language}.md").read_text("utf-8")
    blocks = re.findall(r"<!-- reference example: schema -->\n```yaml\n(.*?)```", text, re.S)
    assert len(blocks) == 1, f"{language}.md: one example schema"
    return blocks[0]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_example_schema_uses_every_section_and_kind(language):
    schema = schema_module.parse_schema_text(_example_schema(language))
    text = _example_schema(language)
    for section in expected()["sections"]:
        assert re.search(rf"^{section}:", text, re.M), section
    assert {spec.kind for spec in schema.fields.values()} == set(KINDS)
    assert {spec.items for spec in schema.fields.values() if spec.items} == set(ITEM_KINDS)
    assert set(schema.roles.used()) == expected()["roles"]
