"""Build one tree of a manual into a folder, with settings laid over its mkdocs.yml.

The settings (the published address, the repository, what else is published) go into a
small config file beside mkdocs.yml that `INHERIT`s it: MkDocs resolves every other path
relative to the config file, so the overlay must sit in the manual's folder; it is removed
after the build. The engine runs as `<this Python> -m <engine>`: an absolute path, whatever
the folder the build runs in.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

from ..core.sources.project import CONFIG_NAMES

OVERLAY = ".werkwijze-publiceer.yml"
ENGINES = ("mkdocs", "properdocs")
# Which program builds with which theme, and the extra of this package that installs both
# (pyproject.toml): ProperDocs + mkdocs-materialx, or MkDocs + Material for MkDocs.
THEMES = {"materialx": ("properdocs", "materialx"), "material": ("mkdocs", "material")}


def engine_for(theme: str | None) -> str:
    return THEMES.get(theme or "", THEMES["material"])[0]


def missing_theme(theme: str | None) -> str | None:
    """The package extra to install when the theme of mkdocs.yml is not installed, else None."""
    from importlib.metadata import entry_points
    if theme not in THEMES:
        return None  # another theme: the engine says what is wrong with it
    installed = {entry.name for entry in entry_points(group="mkdocs.themes")}
    return None if theme in installed else THEMES[theme][1]


def config_file(tree: Path) -> Path | None:
    return next((tree / name for name in CONFIG_NAMES if (tree / name).is_file()), None)


def build(tree: Path, dest: Path, settings: dict, strict: bool, engine: str = "mkdocs",
          own_plugin: bool = False) -> subprocess.CompletedProcess:
    """Build the manual in `tree` into `dest`. `own_plugin`: the tree's `plugins/werkwijze`
    comes first on the import path (an edition is built with the plugin of its time)."""
    config = config_file(tree)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    if own_plugin and (tree / "plugins" / "werkwijze" / "__init__.py").is_file():
        env["PYTHONPATH"] = os.pathsep.join([str(tree / "plugins"), *filter(None, [env.get("PYTHONPATH")])])
    overlay = tree / OVERLAY
    if not strict:  # mkdocs.yml may say `strict: true`
        settings = {**settings, "strict": False}
    overlay.write_text(yaml.safe_dump({"INHERIT": config.name, **settings}, allow_unicode=True), "utf-8")
    command = [sys.executable, "-m", engine, "build", "--site-dir", str(dest), "--config-file", str(overlay)]
    if strict:
        command.append("--strict")
    try:
        return subprocess.run(command, cwd=tree, env=env)
    finally:
        overlay.unlink(missing_ok=True)
