"""The registry of field kinds (core/model/fieldkinds/): each kind in one module, and every
part of the generator asks the registry. Proof: a kind that exists only in this test is
validated, shown, exported, described in the JSON Schema and the editor form, and offered
by `werkwijze nieuw`, without a change anywhere else."""
from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from werkwijze.core.i18n import Catalogue, active, use
from werkwijze.core.model.elements import load_element
from werkwijze.core.model.fieldkinds import KINDS, kind_of
from werkwijze.core.model.fieldkinds.base import SingleKind
from werkwijze.core.model.schema import parse_schema_text
from werkwijze.core.model.taxonomy import load_taxonomies
from werkwijze.core.problems import ProblemList
from werkwijze.core.render.editorfiles import front_matter_cms
from werkwijze.core.render.jsonschema import element_json_schema
from werkwijze.core.render.scaffold import initial_values

FIXTURE = Path(__file__).resolve().parent / "manuals" / "english"


class YesNo(SingleKind):
    """A kind only this test knows: `yes` or `no`."""
    name = "yesno"

    def check(self, spec, value, line, reading):
        if value not in ("yes", "no"):
            reading.problems.add(reading.rel, line, f"'{value}' is not yes or no")
            return False
        return True

    def display(self, spec, value, taxonomies):
        return value.upper()

    def json_schema(self, spec, taxonomies):
        return {"type": "string", "enum": ["yes", "no"]}

    def editor_field(self, spec, choices):
        return {"type": "boolean"}

    def example(self, spec):
        return "yes"


@pytest.fixture
def with_yesno(monkeypatch):
    monkeypatch.setitem(KINDS, "yesno", YesNo())
    text = (FIXTURE / "schema" / "element.yml").read_text("utf-8").replace(
        "  seen:", "  tested: {kind: yesno, label: Tested, help: yes or no.}\n  seen:")
    schema = parse_schema_text(text)
    problems = ProblemList()
    taxonomies = load_taxonomies(schema, FIXTURE / "data", "data", problems)
    assert not problems
    return schema, taxonomies


def _element(tmp_path, schema, taxonomies, tested: str):
    source = (FIXTURE / "elements" / "open-talks.md").read_text("utf-8")
    path = tmp_path / "open-talks.md"
    path.write_text(source.replace("seen: 2025-03-05", f"seen: 2025-03-05\ntested: {tested}"), "utf-8")
    problems = ProblemList()
    element = load_element(path, "elements/open-talks.md", schema, taxonomies, problems)
    return element, problems


def test_a_kind_added_to_the_registry_is_used_everywhere(with_yesno, tmp_path):
    schema, taxonomies = with_yesno
    assert kind_of(schema.fields["tested"]).name == "yesno"
    element, problems = _element(tmp_path, schema, taxonomies, "yes")
    assert not problems and element.values["tested"] == "yes"
    _, problems = _element(tmp_path, schema, taxonomies, "maybe")
    assert [(p.path, p.message) for p in problems] == [("elements/open-talks.md", "'maybe' is not yes or no")]
    rule = element_json_schema(schema, taxonomies)["properties"]["tested"]
    assert rule == {"title": "Tested", "description": "yes or no.", "type": "string", "enum": ["yes", "no"]}
    cms = front_matter_cms(schema, taxonomies, "elements", "Elements")
    field = next(f for f in cms["frontMatter.taxonomy.contentTypes"][0]["fields"] if f["name"] == "tested")
    assert field["type"] == "boolean"
    assert initial_values(schema, taxonomies, "T", "enabler", [], {"tested": "no"})["tested"] == "no"
    assert kind_of(schema.fields["tested"]).display(schema.fields["tested"], "yes", taxonomies) == "YES"


def test_an_unknown_kind_names_the_registrys_kinds():
    from werkwijze.core.model.schema import _SchemaError
    text = (FIXTURE / "schema" / "element.yml").read_text("utf-8").replace("{kind: date,", "{kind: day,")
    with pytest.raises(_SchemaError) as raised:
        parse_schema_text(text)
    assert ", ".join(KINDS) in raised.value.message and "date" in raised.value.message


@pytest.mark.parametrize("kind, value, shown", [
    ("text", "Een tekst", "Een tekst"), ("date", "2026-03-05", "5 maart 2026"),
])
def test_each_kind_shows_its_value_in_the_ui_language(kind, value, shown):
    spec = parse_schema_text((FIXTURE / "schema" / "element.yml").read_text("utf-8")).fields[
        {"text": "setting", "date": "seen"}[kind]]
    before = active()
    try:
        use(Catalogue.load("nl"))
        assert KINDS[kind].display(spec, value, {}) == shown
        use(Catalogue.load("en"))
        assert KINDS[kind].display(spec, value, {}) == (shown if kind == "text" else "March 5, 2026")
    finally:
        use(before)


def test_list_kinds_export_lists_and_join_them_in_csv():
    assert KINDS["list"].export(None) == [] and KINDS["text"].export(None) == ""
    assert KINDS["list"].csv(["a", "b"]) == "a; b" and KINDS["date"].csv("2026-01-02") == "2026-01-02"
    assert [k.name for k in KINDS.values() if k.sort_orders] == ["date"]
    assert datetime.date.fromisoformat(KINDS["date"].example(None))  # the starter's example is a day
