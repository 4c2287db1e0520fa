"""core/render/decapyaml.py writes front matter exactly as the browser editor does: compared
with the `yaml` package (1.10.2, the version Decap CMS 3 bundles) called the way Decap's
frontmatter format calls it (parseDocument -> toJSON, createNode, keys sorted by the
config's fields, Document.toString), on every element file of both manuals and on texts
that need quoting, escaping and folding. Needs node and tests/browser/node_modules
(scripts/test_tools.py), like the other browser tests."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import yaml

from werkwijze.core.render.decapyaml import element_text, front_matter

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
MANUALS = [REPO, REPO / "tests" / "manuals" / "english"]

# Decap CMS 3.16 (decap-cms-core src/formats/yaml.ts and frontmatter.ts), as in its bundle.
DECAP_FORMAT = r"""
const YAML = require('yaml');
const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const sortKeys = (keys) => (a, b) => {
  const i = keys.indexOf(a.key && a.key.toString()), j = keys.indexOf(b.key && b.key.toString());
  return i === -1 || j === -1 ? 0 : i > j ? 1 : i < j ? -1 : 0;
};
const toFile = (data, order) => {
  const node = YAML.createNode(data);
  node.items.sort(sortKeys(order));
  const doc = new YAML.Document();
  doc.contents = node;
  return doc.toString().trim() + '\n';
};
const out = input.map(({text, data, order}) => {
  if (text === undefined) return toFile(data, order);
  const m = text.match(/^---\n([\s\S]*?)\n---\n([\s\S]*)$/);
  const parsed = YAML.parseDocument(m[1], {prettyErrors: true});
  if (parsed.errors.length) throw new Error(parsed.errors.map(e => e.message).join('\n'));
  return '---\n' + toFile(parsed.toJSON(), order) + '---\n' + m[2];
});
process.stdout.write(JSON.stringify(out));
"""

TEXTS = [
    "Een gewone zin.", "", " begint met een spatie", "eindigt met een spatie ", "a: b", "a:b",
    "# geen commentaar", "tekst # met hekje", "- streepje", "-streepje", "?", "? vraag", "@thuis",
    "'enkel'", '"dubbel"', "zo'n \"mix\"", 'met "aanhalingstekens" erin', "zo'n dag",
    "true", "True", "yes", "no", "null", "~", "12", "-3", "1.0", "1e3", ".inf", ".NaN", "0x1F",
    "0o17", "2026-03-05", "2026-03-05T10:00:00Z", "[lijst]", "{kaart}", "a, b", "%procent",
    "--- streep", "...", "tab\there", "regel\nnog een regel", "regel\n\nalinea", "eind\n",
    "x" * 100, "één " * 30, "Volgens de factsheet: " + "woord " * 25 + "einde.",
    "lang" + "-" * 90 + " en meer", "een \"citaat\" dat " + "heel " * 20 + "lang is",
    "controle\x07teken", "nbsp\u00a0hier", " ".join(["lang: woord"] * 12),
    "'" + "quote " * 20 + "'", "\\ backslash " * 8, "a  twee  spaties " * 6,
]


def decap(items: list[dict]) -> list[str]:
    proc = subprocess.run(["node", "-e", DECAP_FORMAT], input=json.dumps(items), text=True,
                          capture_output=True, timeout=60, cwd=HERE)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def _order(manual: Path) -> list[str]:
    return list(yaml.safe_load((manual / "schema" / "element.yml").read_text("utf-8"))["fields"])


def test_element_files_come_out_as_decap_writes_them():
    items, ours = [], []
    for manual in MANUALS:
        order = _order(manual)
        for path in sorted((manual / "elements").rglob("*.md")):
            text = path.read_text("utf-8")
            items.append({"text": text, "order": order})
            ours.append(element_text(text, order))
    assert len(items) > 10
    assert ours == decap(items)


@pytest.mark.parametrize("field", ["samenvatting", "een_veld_met_een_lange_naam_erbij"])
def test_texts_come_out_as_decap_writes_them(field):
    data = [{field: text, "lijst": [text, "gewoon"]} for text in TEXTS]
    expected = decap([{"data": values, "order": [field, "lijst"]} for values in data])
    for values, written in zip(data, expected):
        assert front_matter(values) == written, values[field]
