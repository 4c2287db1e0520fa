"""Builds of a manual on each engine, for tests/test_engines.py and the browser tests.

(a) MkDocs + Material for MkDocs (this environment), (b) ProperDocs + mkdocs-materialx
(`.venv-materialx`, which `make test-tools` sets up: the two themes cannot share an
environment). Each build runs the installed `werkwijze publiceer` of its environment,
so it is strict and checks every address the site prints. (c) Zensical (the extra
`.[zensical]`, in this environment) builds what `werkwijze export` writes: the site plan
as a project, with the plugin's search index and our Markdown extension, templates and
assets.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))

import test_tools  # noqa: E402

MATERIAL_BIN = Path(sys.executable).parent
MATERIALX_BIN = test_tools.MATERIALX_VENV / "bin"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def require_materialx() -> None:
    """Fail (never skip) with the command that sets the second engine up."""
    if not test_tools.materialx_current():
        pytest.fail("De tweede sitebouwer (ProperDocs + mkdocs-materialx) ontbreekt. Voer uit: make test-tools\n"
                    "The second engine (ProperDocs + mkdocs-materialx) is missing. Run: make test-tools",
                    pytrace=False)


def copy_this_manual(target: Path) -> Path:
    for name in ("docs", "elements", "data", "schema"):
        shutil.copytree(REPO / name, target / name)
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    (target / "tests").mkdir()
    shutil.copy(REPO / "tests" / "published-urls.txt", target / "tests" / "published-urls.txt")
    return target


def use_materialx(manual: Path) -> None:
    """Switch a manual to (b), as README says: `theme: name: materialx` in mkdocs.yml."""
    config = manual / "mkdocs.yml"
    text, count = re.subn(r"(?m)^(\s+name:\s*)material\s*$", r"\1materialx", config.read_text("utf-8"))
    assert count == 1, "no theme name in mkdocs.yml"
    config.write_text(text, "utf-8")


def publish(manual: Path, engine_bin: Path, out: str = "site") -> Path:
    proc = subprocess.run([str(engine_bin / "werkwijze"), "publiceer", out, "--zonder-edities", "--zonder-pdf"],
                          cwd=manual, capture_output=True, text=True, env=ENV, timeout=900)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-4000:]
    return manual / out


def zensical(manual: Path, folder: Path) -> Path:
    """Engine (c): `werkwijze export` (with the search index), then `zensical build --strict`."""
    for command, cwd in (([str(MATERIAL_BIN / "werkwijze"), "export", str(folder)], manual),
                         ([str(MATERIAL_BIN / "zensical"), "build", "--strict"], folder)):
        proc = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=ENV, timeout=900)
        assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-4000:]
    return folder / "site"


def site_path(manual: Path) -> str:
    """The path of site_url ('handboek/'): the export's links start there, so a Zensical
    site is served under it."""
    config = yaml.safe_load((manual / "mkdocs.yml").read_text("utf-8"))
    path = urlsplit(config.get("site_url") or "").path.strip("/")
    return f"{path}/" if path else ""


def served_at_site_path(site: Path, manual: Path, folder: Path) -> tuple[Path, str]:
    """A folder that holds the site at the path of site_url (a symbolic link), and that path."""
    path = site_path(manual)
    if not path:
        return site, ""
    link = folder / path.rstrip("/")
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(site, target_is_directory=True)
    return folder, path


def page_urls(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}
