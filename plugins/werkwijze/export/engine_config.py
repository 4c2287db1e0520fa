"""The exported project's mkdocs.yml: the manual's own, without the werkwijze plugin.

The manual's config is composed into YAML nodes and never constructed (it may hold
`!!python/name:` tags; the export must not run them, the engine that builds the export
will, as it would for the manual). Changed: the folders, the plugin (gone, and with it
MkDocs' default search plugin: the site has its own search), the theme's overrides, our
stylesheets and scripts, the generated pages kept out of the navigation, and the values
our templates read (under `extra`, see templates.py).
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import yaml

from ..core.i18n import t
from ..core.sources.project import PLUGIN_NAME
from ..theme import scripts, stylesheets
from .problems import ExportProblem

STR = "tag:yaml.org,2002:str"
DOCS_DIR, SITE_DIR, OVERRIDES_DIR = "docs", "site", "overrides"
HEADER = "# {comment}\n"


class ConfigProblem(ExportProblem):
    """The manual's mkdocs.yml cannot be read (the message says so, in the reader's language)."""


def _scalar(value: str) -> yaml.ScalarNode:
    return yaml.ScalarNode(STR, value)


def _node(data) -> yaml.Node:
    """Plain data as a node (only what safe_dump can write)."""
    return yaml.compose(yaml.safe_dump(data, allow_unicode=True), Loader=yaml.SafeLoader)


def _entry(mapping: yaml.MappingNode, key: str) -> yaml.Node | None:
    for k, v in mapping.value:
        if isinstance(k, yaml.ScalarNode) and k.value == key:
            return v
    return None


def _put(mapping: yaml.MappingNode, key: str, value: yaml.Node) -> None:
    for index, (k, _) in enumerate(mapping.value):
        if isinstance(k, yaml.ScalarNode) and k.value == key:
            mapping.value[index] = (k, value)
            return
    mapping.value.append((_scalar(key), value))


def _drop(mapping: yaml.MappingNode, key: str) -> None:
    mapping.value = [(k, v) for k, v in mapping.value
                     if not (isinstance(k, yaml.ScalarNode) and k.value == key)]


def _names(sequence: yaml.Node | None) -> list[str]:
    """The paths in extra_css/extra_javascript (plain strings or `path:` mappings)."""
    if not isinstance(sequence, yaml.SequenceNode):
        return []
    names = []
    for item in sequence.value:
        if isinstance(item, yaml.MappingNode):
            item = _entry(item, "path")
        if isinstance(item, yaml.ScalarNode):
            names.append(item.value)
    return names


def _sequence(node: yaml.Node | None) -> yaml.SequenceNode:
    if isinstance(node, yaml.SequenceNode):
        return node
    return yaml.SequenceNode("tag:yaml.org,2002:seq", [], flow_style=False)


def _without_plugin(plugins: yaml.Node | None) -> yaml.Node:
    """`plugins:` without werkwijze; an empty list rather than none (none means MkDocs'
    default, its search plugin)."""
    if isinstance(plugins, yaml.MappingNode):
        _drop(plugins, PLUGIN_NAME)
        return plugins
    kept = []
    for item in _sequence(plugins).value:
        if isinstance(item, yaml.ScalarNode) and item.value == PLUGIN_NAME:
            continue
        if isinstance(item, yaml.MappingNode) and _entry(item, PLUGIN_NAME) is not None:
            continue
        kept.append(item)
    return yaml.SequenceNode("tag:yaml.org,2002:seq", kept, flow_style=not kept)


def _theme(theme: yaml.Node | None) -> yaml.MappingNode:
    if isinstance(theme, yaml.MappingNode):
        mapping = theme
    else:  # `theme: material`
        mapping = yaml.MappingNode("tag:yaml.org,2002:map", [])
        _put(mapping, "name", theme if isinstance(theme, yaml.ScalarNode) else _scalar("material"))
    _put(mapping, "custom_dir", _scalar(OVERRIDES_DIR))
    return mapping


def _markdown_extensions(node: yaml.Node | None, required: dict[str, dict]) -> yaml.SequenceNode:
    extensions = _sequence(node)
    present = set()
    for item in extensions.value:
        if isinstance(item, yaml.ScalarNode):
            present.add(item.value)
        elif isinstance(item, yaml.MappingNode):
            present |= {k.value for k, _ in item.value if isinstance(k, yaml.ScalarNode)}
    for name, options in required.items():
        if name not in present:
            extensions.value.append(_node({name: options}) if options else _scalar(name))
    return extensions


@dataclass
class ManualConfig:
    """The manual's mkdocs.yml as nodes, and the few values the export needs from it."""
    name: str  # the file's name, for messages
    top: yaml.MappingNode

    @classmethod
    def read(cls, text: str, name: str) -> "ManualConfig":
        try:
            top = yaml.compose(text, Loader=yaml.SafeLoader)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            raise ConfigProblem(f"{name}:{mark.line + 1 if mark else 1}: "
                                + t("cli.export.config_unreadable")) from None
        if not isinstance(top, yaml.MappingNode):
            raise ConfigProblem(f"{name}:1: " + t("cli.export.config_unreadable"))
        return cls(name, top)

    def _value(self, *keys: str):
        """A plain value (no tags that run code) at `keys`, or None."""
        node = self.top
        for key in keys:
            node = _entry(node, key) if isinstance(node, yaml.MappingNode) else None
        if node is None:
            return None
        try:
            return yaml.safe_load(yaml.serialize(node, Dumper=yaml.SafeDumper))
        except yaml.YAMLError:
            return None

    @property
    def custom_dir(self) -> str | None:
        value = self._value("theme", "custom_dir")
        return value if isinstance(value, str) and value else None

    @property
    def use_directory_urls(self) -> bool:
        return self._value("use_directory_urls") is not False

    @property
    def extra(self) -> dict:
        """`extra:` as plain values (values with tags that would run code are left out)."""
        extra = _entry(self.top, "extra")
        if not isinstance(extra, yaml.MappingNode):
            return {}
        return {k.value: self._value("extra", k.value) for k, _ in extra.value if isinstance(k, yaml.ScalarNode)}

    @property
    def colours(self) -> dict | None:
        value = self._value("extra", "werkwijze_kleuren")
        return value if isinstance(value, dict) else None

    def edit_url(self, path: str) -> str | None:
        """The "edit this page" address of a file at `path` (relative to the docs folder,
        may start with ../), made as MkDocs makes it from repo_url and edit_uri or
        edit_uri_template; None when the config does not give one in plain values."""
        repo_url, edit_uri = self._value("repo_url"), self._value("edit_uri")
        template = self._value("edit_uri_template")
        if isinstance(template, str) and template:
            try:
                relative = template.format(path=path, path_noext=posixpath.splitext(path)[0])
            except (KeyError, IndexError, ValueError, AttributeError):
                return None  # MkDocs reports the template when it builds
        elif isinstance(edit_uri, str) and edit_uri:
            relative = edit_uri.rstrip("/") + "/" + path
        else:
            return None
        if not isinstance(repo_url, str) or not repo_url:
            return relative if urlsplit(relative).netloc else None
        return urljoin(repo_url if repo_url.endswith("/") else repo_url + "/", relative)

    def nav_pages(self) -> set[str]:
        """Every Markdown page the nav names."""
        found, todo = set(), [_entry(self.top, "nav")]
        while todo:
            node = todo.pop()
            if isinstance(node, yaml.ScalarNode) and node.value.endswith(".md"):
                found.add(node.value.lstrip("/"))
            elif isinstance(node, yaml.SequenceNode):
                todo += node.value
            elif isinstance(node, yaml.MappingNode):
                todo += [v for _, v in node.value]
        return found


def project_config(config: ManualConfig, *, not_in_nav: list[str], extra_values: dict,
                   required_extensions: dict[str, dict]) -> str:
    """The export's mkdocs.yml, from the manual's (changed in place)."""
    top, config_name = config.top, config.name
    _put(top, "docs_dir", _scalar(DOCS_DIR))
    _put(top, "site_dir", _scalar(SITE_DIR))
    _put(top, "plugins", _without_plugin(_entry(top, "plugins")))
    _put(top, "theme", _theme(_entry(top, "theme")))
    _put(top, "markdown_extensions",
         _markdown_extensions(_entry(top, "markdown_extensions"), required_extensions))

    css = _sequence(_entry(top, "extra_css"))
    css.value += [_scalar(uri) for uri in stylesheets() if uri not in _names(css)]
    _put(top, "extra_css", css)
    js = _sequence(_entry(top, "extra_javascript"))
    first, last = scripts()
    present = _names(js)
    js.value = ([_scalar(uri) for uri in first if uri not in present] + js.value
                + [_scalar(uri) for uri in last if uri not in present])
    _put(top, "extra_javascript", js)

    if not_in_nav:
        current = _entry(top, "not_in_nav")
        lines = [current.value.rstrip("\n")] if isinstance(current, yaml.ScalarNode) and current.value else []
        _put(top, "not_in_nav", yaml.ScalarNode(STR, "\n".join(lines + not_in_nav) + "\n", style="|"))

    extra = _entry(top, "extra")
    if not isinstance(extra, yaml.MappingNode):
        extra = yaml.MappingNode("tag:yaml.org,2002:map", [])
        _put(top, "extra", extra)
    for key, value in extra_values.items():
        _put(extra, key, _node(value))

    header = HEADER.format(comment=t("cli.export.config_comment", config=config_name))
    return header + yaml.serialize(top, Dumper=yaml.SafeDumper, allow_unicode=True)
