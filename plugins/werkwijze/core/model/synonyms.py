"""Search words of the manual's own: `<data>/zoekwoorden.yml` (optional).

    jeugdhulp: [hulp, zorg]      # a reader's word: the words the manual uses for it

A page whose text holds one of the words is also found by the reader's word
(adapter/search.py adds it to the page's search record). Checked like every data file:
each problem has the file and the line.
"""
from __future__ import annotations

from pathlib import Path

from ..i18n import t
from ..problems import ProblemList
from ..sources import yamltree
from ..sources.datafile import read_tree, text_of

FILE = "zoekwoorden.yml"


def load_synonyms(data_dir: Path, rel_dir: str, problems: ProblemList) -> dict[str, list[str]]:
    """Reader's word -> the manual's words (lower case); {} without the file."""
    path = data_dir / FILE
    if not path.is_file():
        return {}
    rel = f"{rel_dir}/{FILE}"
    root = read_tree(path, rel, problems)
    if root is None:
        return {}
    if not isinstance(root, yamltree.Map):
        problems.add(rel, getattr(root, "line", 1), t("validate.synonyms.not_mapping"))
        return {}
    found: dict[str, list[str]] = {}
    for word, (line, node) in root.items.items():
        entries = node.items if isinstance(node, yamltree.Seq) else [node]
        words = [text_of(entry) for entry in entries]
        if not word.strip() or not words or any(w is None or len(w) > 100 for w in words):
            problems.add(rel, line, t("validate.synonyms.bad_entry", word=word))
            continue
        found[word.strip().lower()] = [w.lower() for w in words]
    return found
