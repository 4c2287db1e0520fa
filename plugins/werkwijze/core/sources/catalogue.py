"""A manual's own message catalogue: every text of the site in a language the package
does not ship (or the manual's own translation of one it does).

    messages/de/pages.yml        same files, nested keys and placeholders as the
    messages/de/js/filter.yml    package's werkwijze/messages/en/

The folder sits in the manual's root, beside mkdocs.yml; `theme.language: de` chooses it.
It must be complete: a text it lacks would show up in another language, so a missing
key is a problem (at the file where it belongs), and so are an unknown key and a text
whose placeholders differ from the package's. Read with the same line-numbered YAML as
every data file; nothing outside the manual's root is read.
"""
from __future__ import annotations

from pathlib import Path

from . import yamltree
from .datafile import read_tree
from .overrides import placeholder_problem
from ..i18n import FALLBACK, package_messages, t
from ..problems import ProblemList
from ..suggest import did_you_mean

MESSAGES_DIR = "messages"
_SHOWN_MISSING = 5  # keys named in one problem; the count says how many more


def manual_languages(root: Path) -> list[str]:
    """The languages the manual has its own catalogue for."""
    folder = root / MESSAGES_DIR
    return sorted(p.name for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []


def _inside(path: Path, root: Path) -> bool:
    return path.resolve().is_relative_to(root.resolve())


def _area_file(key: str) -> str:
    """The catalogue file a key belongs in: `pages.x.y` -> pages.yml, `js.filter.x` -> js/filter.yml."""
    parts = key.split(".")
    return f"js/{parts[1]}.yml" if parts[0] == "js" and len(parts) > 2 else f"{parts[0]}.yml"


def _leaves(node: yamltree.Node, prefix: str, rel: str, out: dict, problems: ProblemList) -> None:
    """Nested keys joined with dots (as the package reads its own catalogue)."""
    if isinstance(node, yamltree.Map):
        for key, (line, child) in node.items.items():
            name = f"{prefix}.{key}"
            if isinstance(child, yamltree.Scalar) and child.value:
                out[name] = (rel, line, child.value)
            elif isinstance(child, yamltree.Map):
                _leaves(child, name, rel, out, problems)
            else:
                problems.add(rel, line, t("validate.catalogue.not_text", key=name))


def load_manual_catalogue(root: Path, language: str, problems: ProblemList) -> dict[str, str] | None:
    """key -> text from `messages/<language>/`, checked against the package catalogue;
    None when the manual has no catalogue for `language`."""
    folder = root / MESSAGES_DIR / language
    if not folder.is_dir():
        return None
    base = f"{MESSAGES_DIR}/{language}"
    if not _inside(folder, root):
        problems.add(base, 1, t("validate.catalogue.outside"))
        return {}
    found: dict[str, tuple[str, int, str]] = {}
    for path in sorted(folder.rglob("*.yml")):
        rel = f"{base}/{path.relative_to(folder).as_posix()}"
        if not _inside(path, root):
            problems.add(rel, 1, t("validate.catalogue.outside"))
            continue
        tree = read_tree(path, rel, problems)
        if tree is None:
            continue
        if not isinstance(tree, yamltree.Map):
            problems.add(rel, tree.line, t("validate.catalogue.not_mapping", file=path.name))
            continue
        prefix = ".".join(path.relative_to(folder).with_suffix("").parts)
        _leaves(tree, prefix, rel, found, problems)

    known = package_messages(FALLBACK)  # every package language has the same keys
    messages = {}
    for key, (rel, line, text) in found.items():
        if key not in known:
            problems.add(rel, line, t("validate.catalogue.unknown_key", key=key, hint=did_you_mean(key, known)))
            continue
        wrong = placeholder_problem(key, text, known[key])
        if wrong:
            problems.add(rel, line, wrong)
            continue
        messages[key] = text
    missing: dict[str, list[str]] = {}
    for key in known:
        if key not in found:
            missing.setdefault(_area_file(key), []).append(key)
    for area, keys in sorted(missing.items()):
        shown = ", ".join(keys[:_SHOWN_MISSING]) + (" …" if len(keys) > _SHOWN_MISSING else "")
        problems.add(f"{base}/{area}", 1, t("validate.catalogue.missing", count=len(keys), keys=shown,
                                             file=f"messages/{FALLBACK}/{area}"))
    return messages
