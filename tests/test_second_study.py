"""Done when (issue #23): a second study in another language is built from the installed
package and the reference alone. The wheel is installed into a fresh virtual environment
outside this repository (its dependencies from the package index, as a new user's `pip
install` gets them); `werkwijze init --taal en` starts the manual and the install command
its README gives is run as written; a taxonomy, a field over
it with a facet, and a kind of element are added exactly as the installed package's
`werkwijze reference` says (its snippets are read from its output, not written here); the
manual checks and builds, with no Dutch word in what readers see or in its addresses."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from dutch_words import dutch_in_addresses, dutch_in_site

REPO = Path(__file__).resolve().parent.parent


def _run(args: list[str], cwd: Path, env: dict) -> subprocess.CompletedProcess:
    proc = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=900, env=env)
    assert proc.returncode == 0, f"{' '.join(args)}\n{proc.stdout}\n{proc.stderr}"
    return proc


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, dict]:
    """A fresh venv outside the repository with the wheel installed; then `init`, and the
    install command of the README that `init` writes (with the wheel for `<werkwijze>`)."""
    place = tmp_path_factory.mktemp("newuser")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(place), "NO_MKDOCS_2_WARNING": "1",
           "DISABLE_MKDOCS_2_WARNING": "true"}
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(place / "wheels"), str(REPO)],
         place, env)
    _run([sys.executable, "-m", "venv", str(place / ".venv")], place, env)
    bin_dir = place / ".venv" / "bin"
    wheel = next((place / "wheels").glob("werkwijze-*.whl"))
    _run([str(bin_dir / "pip"), "install", "-q", str(wheel)], place, env)
    found = _run([str(bin_dir / "python"), "-c", "import werkwijze; print(werkwijze.__file__)"], place, env)
    assert found.stdout.startswith(str(place)), found.stdout  # not this checkout
    _run([str(bin_dir / "werkwijze"), "init", "study", "--taal", "en"], place, env)
    readme = (place / "study" / "README.md").read_text("utf-8")
    command = re.search(r"^(\.venv/bin/pip install .*<werkwijze>.*)$", readme, re.M).group(1)
    _run(["sh", "-c", command.replace("<werkwijze>", str(wheel)) + " -q"], place, env)
    return bin_dir, {**env, "PATH": f"{bin_dir}:/usr/bin:/bin"}


def _recipe(reference: str) -> dict:
    """The snippets of "Adding a field, a kind and a taxonomy", as the reference gives them."""
    section = reference.split("### Adding a field, a kind and a taxonomy", 1)[1].split("\n## ", 1)[0]
    data_file, first, second = re.search(r"a file `data/([^`]+)` with terms \(`([^`]+)` / `([^`]+)`\)",
                                         section).groups()
    under = re.findall(r"under `(\w+):`\s+`([^`]+)`", section)
    return {"data_file": data_file, "terms": f"{first}\n{second}\n",
            "additions": [(where, yaml.safe_load(snippet)) for where, snippet in under]}


def test_a_second_study_from_the_installed_package_and_the_reference(installed):
    bin_dir, env = installed
    root = bin_dir.parent.parent / "study"
    reference = _run([str(bin_dir / "werkwijze"), "reference"], root, env).stdout
    assert reference.startswith("# werkwijze: reference for manual authors")

    recipe = _recipe(reference)
    assert [where for where, _ in recipe["additions"]] == ["taxonomies", "fields", "facets", "kinds"]
    (root / "data" / recipe["data_file"]).write_text(recipe["terms"], "utf-8")
    schema_path = root / "schema" / "element.yml"
    schema = yaml.safe_load(schema_path.read_text("utf-8"))
    for where, addition in recipe["additions"]:
        schema[where].update(addition)
    schema_path.write_text(yaml.safe_dump(schema, allow_unicode=True, sort_keys=False), "utf-8")
    (field, spec), = next(a for w, a in recipe["additions"] if w == "fields").items()
    (kind, kind_spec), = next(a for w, a in recipe["additions"] if w == "kinds").items()
    term = yaml.safe_load(recipe["terms"])[0]["id"]

    _run([str(bin_dir / "werkwijze"), "editor-files"], root, env)
    _run([str(bin_dir / "werkwijze"), "new", "--title", "Shared meals", "--kind", kind, "--theme", "example",
          "--field", "summary=Fictional: eating together.", "--field", f"{field}={term}",
          # the starter's other required fields, with its example terms
          "--field", "involved=example", "--field", "regions=general", "--field", "sources=example"], root, env)
    _run([str(bin_dir / "werkwijze"), "check"], root, env)
    _run([str(bin_dir / "mkdocs"), "build", "--strict"], root, env)

    site = root / "site"
    facet = next(a for w, a in recipe["additions"] if w == "facets")
    (facet_spec,) = facet.values()
    value_page = (site / facet_spec["path"] / term / "index.html").read_text("utf-8")
    assert "Shared meals" in value_page
    page = next(site.glob("elements/shared-meals/index.html")).read_text("utf-8")
    assert kind_spec["label"] in page and spec["label"] in page
    assert dutch_in_site(site) == {} and dutch_in_addresses(site) == {}
