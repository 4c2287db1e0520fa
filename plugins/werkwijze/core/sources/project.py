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


def _compose(config_path: Path) -> dict[str, yaml.Node]:
    """The top-level keys of a mkdocs.yml as nodes; {} when it can't be read."""
    try:
        return _mapping(yaml.compose(config_path.read_text("utf-8"), Loader=yaml.SafeLoader))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}  # the build reports a broken config; the check still runs


# YAML tags with which MkDocs' own loader builds Python objects, i.e. runs code, while it
# reads mkdocs.yml (`!!python/name:` only names a function, as Material's emoji need).
_CODE_TAGS = ("tag:yaml.org,2002:python/object", "tag:yaml.org,2002:python/module")


def code_tag_lines(config_path: Path) -> list[int]:
    """Lines of mkdocs.yml that would run code when MkDocs loads it (`!!python/object/apply`
    and the like): `werkwijze check` refuses them before a build of a fork's pull request."""
    try:
        root = yaml.compose(config_path.read_text("utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return []
    lines, stack = [], [root] if root is not None else []
    while stack:
        node = stack.pop()
        if (node.tag or "").startswith(_CODE_TAGS):
            lines.append(node.start_mark.line + 1)
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            stack.extend(n for pair in node.value for n in pair)
    return sorted(lines)


def _line(node: yaml.Node | None) -> int | None:
    return node.start_mark.line + 1 if node is not None else None


def option_lines(config_path: Path) -> dict[str, int]:
    """Line in mkdocs.yml of each path a manual names: the plugin's options, `docs_dir`
    and `theme.custom_dir` (for messages about those paths)."""
    return _option_lines(_compose(config_path))


def _option_lines(top: dict[str, yaml.Node]) -> dict[str, int]:
    nodes = {**_plugin_options(top.get("plugins")), "docs_dir": top.get("docs_dir"),
             "custom_dir": _mapping(top.get("theme")).get("custom_dir")}
    return {name: _line(node) for name, node in nodes.items() if node is not None}


def read_layout(config_path: Path) -> Layout:
    """The Layout described by a mkdocs.yml; defaults where a value is missing or odd."""
    layout = Layout(config_path.parent, config_name=config_path.name)
    top = _compose(config_path)
    if not top:
        return layout
    options = _plugin_options(top.get("plugins"))
    theme = _mapping(top.get("theme"))
    layout.docs_dir = _scalar(top.get("docs_dir")) or layout.docs_dir
    layout.elements_dir = _scalar(options.get("elements_dir")) or layout.elements_dir
    layout.data_dir = _scalar(options.get("data_dir")) or layout.data_dir
    layout.schema_file = _scalar(options.get("schema")) or layout.schema_file
    if "published_urls" in options:
        layout.published_urls = _scalar(options["published_urls"]) or ""
    layout.custom_dir = _scalar(theme.get("custom_dir"))
    layout.language = _scalar(theme.get("language")) or layout.language
    layout.option_lines = _option_lines(top)
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


def read_plugin_option(config_path: Path, name: str) -> str | None:
    """One option of the werkwijze plugin in a mkdocs.yml (None when it is not set)."""
    try:
        top = _mapping(yaml.compose(config_path.read_text("utf-8"), Loader=yaml.SafeLoader))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    node = _plugin_options(top.get("plugins")).get(name)
    return node.value if isinstance(node, yaml.ScalarNode) and isinstance(node.value, str) else None


def read_theme(config_path: Path) -> str | None:
    """`theme.name` (or `theme: name`) of a mkdocs.yml."""
    try:
        top = _mapping(yaml.compose(config_path.read_text("utf-8"), Loader=yaml.SafeLoader))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    theme = top.get("theme")
    return _scalar(theme) or _scalar(_mapping(theme).get("name"))


def read_site(config_path: Path | None) -> tuple[str, str | None]:
    """`site_name` and `site_url` of a mkdocs.yml (for exports outside MkDocs)."""
    if config_path is None:
        return "", None
    try:
        top = _mapping(yaml.compose(config_path.read_text("utf-8"), Loader=yaml.SafeLoader))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return "", None
    return _scalar(top.get("site_name")) or "", _scalar(top.get("site_url"))
