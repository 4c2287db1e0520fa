"""The core imports nothing from MkDocs (nor ProperDocs, nor Material): it must stay
usable by the CLI and other tools without a site generator."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parent.parent / "plugins" / "werkwijze" / "core"
FORBIDDEN = {"mkdocs", "properdocs", "material"}  # material: the MkDocs theme package
# The adapter may import the core, never the other way round.
ADAPTER_MODULES = {"plugin", "config"}


def imported_modules(path: Path) -> list[tuple[int, str, int]]:
    """(line, module name, relative level) of every import in a module."""
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name, 0) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            found.append((node.lineno, node.module or "", node.level))
            if node.level == 2 and not node.module:  # from .. import plugin
                found += [(node.lineno, alias.name, 2) for alias in node.names]
    return found


MODULES = sorted(CORE.rglob("*.py"))


def test_import_scanner_sees_every_form(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("import os, mkdocs.plugins\nfrom mkdocs.structure import files\n"
                      "def f():\n    from ..plugin import WerkwijzePlugin\n", "utf-8")
    assert imported_modules(sample) == [(1, "os", 0), (1, "mkdocs.plugins", 0),
                                        (2, "mkdocs.structure", 0), (4, "plugin", 2)]


def test_core_has_modules():
    assert len(MODULES) > 5


@pytest.mark.parametrize("path", MODULES, ids=[p.name for p in MODULES])
def test_core_module_imports_no_site_generator(path):
    for line, module, level in imported_modules(path):
        top = module.split(".")[0]
        where = f"{path.name}:{line}"
        if level == 0:
            assert top not in FORBIDDEN, f"{where} imports {module}"
            assert top != "werkwijze" or not module.startswith(("werkwijze.plugin", "werkwijze.config")), where
        elif level >= 2:  # from ..x import y: out of the core, into the adapter
            assert top not in ADAPTER_MODULES, f"{where} imports the MkDocs adapter ({module})"
