"""Read one YAML data file (taxonomies, editie, leerlijnen) as a line-numbered tree.

The same strict YAML as element front matter (`yamltree`), so data files and element
files fail the same way, with a file and a line.
"""
from __future__ import annotations

from pathlib import Path

from . import yamltree
from .frontmatter import DocumentProblem, decode
from ..i18n import t
from ..problems import ProblemList
from ..suggest import did_you_mean


def read_tree(path: Path, rel: str, problems: ProblemList) -> yamltree.Node | None:
    """The parsed tree, or None (after reporting why) when the file can't be used."""
    try:
        return yamltree.parse(decode(path.read_bytes()), subject="file")
    except (DocumentProblem, yamltree.YamlProblem) as exc:
        problems.add(rel, exc.line, exc.message)
    except OSError:
        problems.add(rel, 1, t("validate.unreadable"))
    return None


def text_of(node: yamltree.Node | None) -> str | None:
    """A scalar's text with whitespace folded, or None for anything else."""
    if isinstance(node, yamltree.Scalar) and node.value is not None:
        return " ".join(node.value.split()) or None
    return None


def check_keys(node: yamltree.Map, allowed: list[str], rel: str, problems: ProblemList) -> None:
    for key, (line, _) in node.items.items():
        if key not in allowed:
            problems.add(rel, line, t("validate.data.unknown_field", key=key,
                                      hint=did_you_mean(key, allowed), allowed=", ".join(allowed)))


def read_mapping(path: Path, rel: str, allowed: list[str], shape_hint: str,
                 problems: ProblemList) -> yamltree.Map | None:
    """A data file that must be a mapping of known keys; None (after reporting) otherwise.
    `shape_hint` tells the editor which fields the file should have."""
    root = read_tree(path, rel, problems)
    if root is None:
        return None
    if not isinstance(root, yamltree.Map):
        problems.add(rel, root.line, shape_hint)
        return None
    check_keys(root, allowed, rel, problems)
    return root
