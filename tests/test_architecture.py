"""The core imports nothing from MkDocs (nor ProperDocs, nor Material): it must stay
usable by the CLI and other tools without a site generator. And its stages depend only
on earlier ones: sources -> model -> validate -> render -> site (the site plan); the
address tables (paths, urls) and the shared helpers (i18n, problems, suggest) are leaves
that import no stage; publishing and the adapters sit outside the core."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parent.parent / "plugins" / "werkwijze" / "core"
FORBIDDEN = {"mkdocs", "properdocs", "material"}  # material: the MkDocs theme package
# Everything outside the core may import it, never the other way round: the MkDocs
# adapter, the theme's additions, publishing (and its HTML post-processing) and the export.
ADAPTER_MODULES = {"plugin", "config", "adapter", "cli", "theme", "publish", "export"}
PACKAGE = CORE.parent
STAGES = ["sources", "model", "validate", "render", "site"]  # in pipeline order
# What each stage may import besides the core's root modules: itself and every earlier stage.
ALLOWED = {stage: set(STAGES[:index + 1]) for index, stage in enumerate(STAGES)}
SHARED = {"__init__.py", "i18n.py", "problems.py", "suggest.py", "paths.py", "urls.py"}
EXCEPTIONS: dict[tuple[str, str], set[str]] = {}


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
            assert top != "werkwijze" or module.split(".")[1:2] == ["core"], f"{where} imports {module}"
        elif level >= 2:  # from ..x import y: out of the core, into the adapter
            assert top not in ADAPTER_MODULES, f"{where} imports the MkDocs adapter ({module})"


def _core_target(path: Path, module: str, level: int) -> str | None:
    """The core-relative dotted name an import points to ('model.schema'), if in the core."""
    if level == 0:
        prefix = "werkwijze.core."
        return module[len(prefix):] if module.startswith(prefix) else None
    parts = list(path.relative_to(CORE).parent.parts)
    up = level - 1
    if up > len(parts):
        return None  # out of the core (the adapter or the package root)
    base = parts[:len(parts) - up] if up else parts
    return ".".join([*base, *([module] if module else [])])


STAGED = [p for p in MODULES if p.relative_to(CORE).parts[0] in ALLOWED]


@pytest.mark.parametrize("path", STAGED, ids=[str(p.relative_to(CORE)) for p in STAGED])
def test_early_stages_import_no_later_stage(path):
    stage = path.relative_to(CORE).parts[0]
    extra = EXCEPTIONS.get((stage, path.name), set())
    for line, module, level in imported_modules(path):
        target = _core_target(path, module, level)
        if not target or target.split(".")[0] not in STAGES:
            continue  # the standard library, a package, or a core root module
        allowed = ALLOWED[stage] | extra
        assert target.split(".")[0] in allowed or target in allowed, \
            f"{path.relative_to(CORE)}:{line} ({stage}) imports {target}"


def test_every_core_module_sits_in_a_stage_or_is_shared():
    for path in MODULES:
        rel = path.relative_to(CORE)
        assert rel.parts[0] in STAGES or (len(rel.parts) == 1 and rel.name in SHARED), rel


def _runtime_imports(path: Path) -> list[tuple[int, str, int]]:
    """Imports outside `if TYPE_CHECKING:` blocks (those only name types)."""
    tree = ast.parse(path.read_text("utf-8"))
    typing_only = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            typing_only |= {id(child) for child in ast.walk(node)}
    found = []
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.ImportFrom):
            found.append((node.lineno, node.module or "", node.level))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, alias.name, 0) for alias in node.names]
    return found


@pytest.mark.parametrize("name", sorted(SHARED - {"__init__.py"}))
def test_shared_modules_are_leaves(name):
    """The address tables and the shared helpers import no stage (types excepted)."""
    path = CORE / name
    for line, module, level in _runtime_imports(path):
        target = _core_target(path, module, level)
        assert not target or target.split(".")[0] not in STAGES, f"{name}:{line} imports {target}"


def test_the_core_package_loads_nothing():
    assert not [m for m in imported_modules(CORE / "__init__.py")], "core/__init__.py imports"


ADAPTER = sorted((PACKAGE / "adapter").rglob("*.py"))


@pytest.mark.parametrize("path", ADAPTER, ids=[p.name for p in ADAPTER])
def test_the_mkdocs_adapter_imports_neither_publishing_nor_the_export(path):
    """sources -> model -> validate -> render -> site plan -> adapters -> publishing/export:
    the adapter's internals serve the plugin; publishing and the export build on them."""
    for line, module, level in imported_modules(path):
        top = module.split(".")[0] if level else (module.split(".")[1] if module.startswith("werkwijze.") else "")
        if level == 1:
            continue  # inside the adapter
        assert top not in {"publish", "export", "plugin", "cli"}, f"adapter/{path.name}:{line} imports {module}"


def test_every_field_kind_lives_in_the_registry():
    """One field kind = one module: no code outside core/model/fieldkinds/ compares a field's
    kind with a kind's name (`spec.kind == "date"`); it asks `kind_of(spec)`."""
    switch = re.compile(r"""\.kind\s*(==|!=|in)\s*[("']|\b(kind|items)\s*==\s*["'](text|choice|list|date)["']""")
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "fieldkinds" in path.parts:
            continue
        for number, text in enumerate(path.read_text("utf-8").splitlines(), 1):
            if switch.search(text):
                found.append(f"{path.relative_to(PACKAGE)}:{number}: {text.strip()}")
    assert found == []
