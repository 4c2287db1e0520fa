"""The JSON Schema for editors agrees with the validator, is checked in and is published."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from werkwijze.core.sources import yamltree
from werkwijze.core.model.elements import load_element
from werkwijze.core.sources.frontmatter import decode, split
from werkwijze.core.render.jsonschema import dumps, element_json_schema
from werkwijze.core.validate.load import load_manual
from werkwijze.core.problems import ProblemList
from werkwijze.core.sources.project import read_layout

REPO = Path(__file__).resolve().parent.parent


def plain(node):
    """A yamltree node as plain Python (all scalars stay strings, as the validator reads them)."""
    if isinstance(node, yamltree.Map):
        return {key: plain(value) for key, (_, value) in node.items.items()}
    if isinstance(node, yamltree.Seq):
        return [plain(item) for item in node.items]
    return node.value


@pytest.fixture(scope="module")
def real():
    manual = load_manual(read_layout(REPO / "mkdocs.yml"))
    schema = element_json_schema(manual.schema, manual.taxonomies)
    return manual, jsonschema.Draft202012Validator(schema)


def front_matter(path: Path) -> dict:
    return plain(split(decode(path.read_bytes())).meta)


def test_schema_is_valid_draft_2020_12(real):
    _, validator = real
    jsonschema.Draft202012Validator.check_schema(validator.schema)
    assert validator.schema["additionalProperties"] is False
    assert validator.schema["properties"]["regios"]["items"]["enum"][0] == "generiek"
    assert validator.schema["properties"]["titel"]["description"].startswith("Korte")


def test_real_elements_are_valid_for_both(real):
    manual, validator = real
    assert manual.problems == []
    files = sorted((REPO / "elements").rglob("*.md"))
    assert len(files) == len(manual.elements) > 0
    for path in files:
        errors = [e.message for e in validator.iter_errors(front_matter(path))]
        assert errors == [], f"{path}: {errors}"


VALID = """\
titel: Een fictief element
soort: werkzaam
samenvatting: Een korte samenvatting.
themas: [partnerschap]
betrokkenen: [gemeente]
regios: [generiek]
bronnen: [factsheet-tussenresultaten]
status: concept
"""

# name -> (text to replace in VALID, replacement); each makes the front matter invalid.
INVALID = {
    "missing required field": ("titel: Een fictief element\n", ""),
    "unknown key": ("status: concept\n", "status: concept\nthema: [partnerschap]\n"),
    "unknown theme": ("[partnerschap]", "[partnerschapp]"),
    "empty required list": ("[gemeente]", "[]"),
    "null required list": ("betrokkenen: [gemeente]", "betrokkenen:"),
    "generic combined with a region": ("[generiek]", "[generiek, katwijk]"),
    "duplicate item": ("[gemeente]", "[gemeente, gemeente]"),
    "title too long": ("Een fictief element", "x" * 121),
    "blank title": ("titel: Een fictief element", 'titel: "  "'),
    "empty summary": ("samenvatting: Een korte samenvatting.", "samenvatting:"),
    "unknown soort": ("soort: werkzaam", "soort: werkzaamm"),
    "unknown status": ("status: concept", "status: klaar"),
    "title is a list": ("titel: Een fictief element", "titel: [Een, lijst]"),
    "themes is text": ("themas: [partnerschap]", "themas: partnerschap"),
    "helpt_tegen on a hindering element": (
        "soort: werkzaam", "soort: belemmerend\nhelpt_tegen: [verschillende-belangen]"),
    "invalid alias id": ("status: concept\n", "status: concept\naliassen: [Met Hoofdletters]\n"),
    "reflection question too long": ("status: concept\n",
                                     f"status: concept\nreflectievragen: ['{'v' * 301}']\n"),
    "control character": ("Een korte samenvatting.", '"Een \\u0007 samenvatting."'),
    "nested mapping": ("status: concept", "status: {naam: concept}"),
    "too many reflection questions": (
        "status: concept\n",
        "status: concept\nreflectievragen:\n" + "".join(f"  - Vraag {i}?\n" for i in range(11))),
}


def _write(tmp_path: Path, yaml_text: str) -> Path:
    path = tmp_path / "elements" / "fictief.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{yaml_text}---\nTekst.\n", "utf-8")
    return path


def _validator_problems(path: Path, manual) -> list:
    problems = ProblemList()
    load_element(path, "elements/fictief.md", manual.schema, manual.taxonomies, problems)
    return problems


def test_valid_fixture_is_valid_for_both(real, tmp_path):
    manual, validator = real
    path = _write(tmp_path, VALID)
    assert _validator_problems(path, manual) == []
    assert list(validator.iter_errors(front_matter(path))) == []


@pytest.mark.parametrize("name", INVALID)
def test_invalid_fixtures_are_rejected_by_both(real, tmp_path, name):
    manual, validator = real
    old, new = INVALID[name]
    assert VALID.count(old) == 1
    path = _write(tmp_path, VALID.replace(old, new))
    problems = _validator_problems(path, manual)
    assert problems, f"validator accepted: {name}"
    assert all(p.path == "elements/fictief.md" and p.line >= 1 for p in problems)
    assert list(validator.iter_errors(front_matter(path))), f"JSON Schema accepted: {name}"


def test_checked_in_editor_files_are_up_to_date(real):
    manual, validator = real
    checked_in = (REPO / "schema" / "element.schema.json").read_text("utf-8")
    assert checked_in == dumps(validator.schema), \
        "Run: .venv/bin/python scripts/generate_editor_files.py"
    proc = subprocess.run([sys.executable, str(REPO / "scripts" / "generate_editor_files.py"),
                           "--check"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr


def test_front_matter_cms_config_matches_the_schema():
    cms = json.loads((REPO / "frontmatter.json").read_text("utf-8"))
    schema = json.loads((REPO / "schema" / "element.schema.json").read_text("utf-8"))
    fields = {f["name"]: f for f in cms["frontMatter.taxonomy.contentTypes"][0]["fields"]}
    assert list(fields) == list(schema["properties"])
    assert {n for n, f in fields.items() if f.get("required")} == set(schema["required"])
    assert [c["id"] for c in fields["themas"]["choices"]] == \
        schema["properties"]["themas"]["items"]["enum"]


def test_the_built_site_publishes_the_schema(project):
    result = project().build()
    assert result.returncode == 0, result.output
    published = json.loads((result.site / "schema" / "element.schema.json").read_text("utf-8"))
    # The fixture manual's own taxonomies, not the real ones.
    assert published["properties"]["themas"]["items"]["enum"] == ["samenwerking", "leren"]
    assert published["properties"]["regios"]["items"]["enum"] == ["generiek", "noord", "dorp", "zuid"]
