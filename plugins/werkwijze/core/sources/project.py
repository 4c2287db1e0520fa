"""Find a manual's project folder and read its layout from mkdocs.yml, safely.

mkdocs.yml may hold `!!python/name:` tags that MkDocs' own loader executes. The CLI
must never run them, so we only compose the YAML into nodes and read the few plain
values we need (the werkwijze plugin's folders and `docs_dir`).
"""
from __future__ import annotations

from pathlib import Path

import yaml

from ..i18n import t
from .layout import Layout

CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml")
PLUGIN_NAME = "werkwijze"


class ProjectNotFound(Exception):
    pass


def find_config(start: Path) -> Path | None:
    """The nearest mkdocs.yml in `start` or one of its parents."""
    for folder in [start, *start.parents]:
        for name in CONFIG_NAMES:
            if (folder / name).is_file():
                return folder / name
    return None


def _scalar(node) -> str | None:
    if isinstance(node, yaml.ScalarNode) and isinstance(node.value, str) and node.value:
        return node.value
    return None


def _mapping(node) -> dict[str, yaml.Node]:
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {k.value: v for k, v in node.value if isinstance(k, yaml.ScalarNode)}


def _plugin_options(plugins) -> dict[str, yaml.Node]:
    """Options of the werkwijze entry in `plugins:` (a list of names/mappings, or a mapping)."""
    if isinstance(plugins, yaml.MappingNode):
        return _mapping(_mapping(plugins).get(PLUGIN_NAME))
    if isinstance(plugins, yaml.SequenceNode):
        for item in plugins.value:
            entry = _mapping(item)
            if PLUGIN_NAME in entry:
                return _mapping(entry[PLUGIN_NAME])
    return {}


def read_layout(config_path: Path) -> Layout:
    """The Layout described by a mkdocs.yml; defaults where a value is missing or odd."""
    layout = Layout(config_path.parent)
    try:
        root = yaml.compose(config_path.read_text("utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return layout  # the build reports a broken config; the check still runs
    top = _mapping(root)
    options = _plugin_options(top.get("plugins"))
    layout.docs_dir = _scalar(top.get("docs_dir")) or layout.docs_dir
    layout.elements_dir = _scalar(options.get("elements_dir")) or layout.elements_dir
    layout.data_dir = _scalar(options.get("data_dir")) or layout.data_dir
    layout.schema_file = _scalar(options.get("schema")) or layout.schema_file
    layout.language = _scalar(_mapping(top.get("theme")).get("language")) or layout.language
    return layout


def language_position(root: Path) -> tuple[str, int]:
    """Where a manual's mkdocs.yml sets theme.language: (file name, line); line 1 when
    it does not (or cannot be read)."""
    config = next((root / n for n in CONFIG_NAMES if (root / n).is_file()), None)
    if config is None:
        return CONFIG_NAMES[0], 1
    try:
        top = _mapping(yaml.compose(config.read_text("utf-8"), Loader=yaml.SafeLoader))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return config.name, 1
    node = _mapping(top.get("theme")).get("language")
    return config.name, (node.start_mark.line + 1 if node is not None else 1)


def find_project(start: Path) -> Layout:
    config = find_config(start.resolve())
    if config is None:
        raise ProjectNotFound(t("project.not_found", folder=start))
    return read_layout(config)


def read_site(config_path: Path | None) -> tuple[str, str | None]:
    """`site_name` and `site_url` of a mkdocs.yml (for exports outside MkDocs)."""
    if config_path is None:
        return "", None
    try:
        top = _mapping(yaml.compose(config_path.read_text("utf-8"), Loader=yaml.SafeLoader))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return "", None
    return _scalar(top.get("site_name")) or "", _scalar(top.get("site_url"))
