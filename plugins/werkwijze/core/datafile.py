"""Read one YAML data file (editie, leerlijnen) as a line-numbered tree.

The same strict YAML as element front matter (`yamltree`), so data files and element
files fail the same way, with a file and a line.
"""
from __future__ import annotations

from pathlib import Path

from . import yamltree
from .frontmatter import DocumentProblem, decode
from .problems import ProblemList
from .suggest import did_you_mean


def read_tree(path: Path, rel: str, problems: ProblemList) -> yamltree.Node | None:
    """The parsed tree, or None (after reporting why) when the file can't be used."""
    try:
        return yamltree.parse(decode(path.read_bytes()))
    except (DocumentProblem, yamltree.YamlProblem) as exc:
        problems.add(rel, exc.line, exc.message.replace("De kopregels zijn", "Dit bestand is"))
    except OSError:
        problems.add(rel, 1, "Dit bestand kan niet worden gelezen.")
    return None


def text_of(node: yamltree.Node | None) -> str | None:
    """A scalar's text with whitespace folded, or None for anything else."""
    if isinstance(node, yamltree.Scalar) and node.value is not None:
        return " ".join(node.value.split()) or None
    return None


def check_keys(node: yamltree.Map, allowed: list[str], rel: str, problems: ProblemList) -> None:
    for key, (line, _) in node.items.items():
        if key not in allowed:
            problems.add(rel, line, f"Onbekend veld '{key}'.{did_you_mean(key, allowed)} "
                         f"Toegestaan: {', '.join(allowed)}.")
