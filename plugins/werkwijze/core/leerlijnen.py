"""Leerlijnen (curricula for trainers): data files `<data>/leerlijnen/<id>.yml`.

    titel: Eerste leersessie over partnerschap
    doelgroep: Professionals, managers en beleidsmakers in een integraal initiatief
    duur: "Voorstel: twee uur"        # optional, free text
    inleiding: Waar deze leerlijn over gaat.   # optional
    stappen:
      - hoofdstuk: partnerschap.md     # a chapter (path in the docs folder) ...
        notitie: Wat de trainer hier doet.
      - element: gezamenlijke-visie    # ... or an element id
        notitie: Wat de trainer hier doet.
        vragen:                        # optional, extra questions for this step
          - Een vraag?

The id is the file name. Checked like elements: every problem has a file and a line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from . import yamltree
from .datafile import check_keys, read_mapping, text_of
from .i18n import t
from .problems import ProblemList
from .schema import ID_PATTERN
from .suggest import did_you_mean

LEERLIJNEN_DIR = "leerlijnen"
_ID = re.compile(ID_PATTERN)
_KEYS = ["titel", "doelgroep", "duur", "inleiding", "stappen"]
_STEP_KEYS = ["element", "hoofdstuk", "notitie", "vragen"]
MAX_TEXT = 1000


@dataclass
class Step:
    line: int
    note: str
    element: str = ""  # element id, or
    chapter: str = ""  # chapter src URI (relative to the docs folder)
    questions: list[str] = field(default_factory=list)


@dataclass
class Leerlijn:
    id: str
    path: str  # posix path relative to the project root
    title: str = ""
    audience: str = ""
    duration: str = ""
    intro: str = ""
    steps: list[Step] = field(default_factory=list)


def load_leerlijnen(data_dir: Path, rel_dir: str, elements: dict, aliases: dict[str, str],
                    chapters: dict, problems: ProblemList) -> dict[str, Leerlijn]:
    folder = data_dir / LEERLIJNEN_DIR
    found: dict[str, Leerlijn] = {}
    if not folder.is_dir():
        return found
    for path in sorted(folder.glob("*.y*ml")):
        rel = f"{rel_dir}/{LEERLIJNEN_DIR}/{path.name}"
        if not _ID.match(path.stem):
            problems.add(rel, 1, t("trainers.leerlijn.bad_file_name", name=path.name))
            continue
        if path.stem in found:
            problems.add(rel, 1, t("trainers.leerlijn.duplicate", id=path.stem,
                                   file=found[path.stem].path))
            continue
        leerlijn = _load_one(path, rel, elements, aliases, chapters, problems)
        if leerlijn is not None:
            found[leerlijn.id] = leerlijn
    return found


def _text(node_entry, rel: str, key: str, problems: ProblemList, required: bool, line: int) -> str:
    if node_entry is None:
        if required:
            problems.add(rel, line, t("trainers.leerlijn.missing_field", key=key))
        return ""
    key_line, node = node_entry
    value = text_of(node)
    if value is None:
        problems.add(rel, key_line, t("trainers.leerlijn.not_text", key=key))
        return ""
    if len(value) > MAX_TEXT:
        problems.add(rel, key_line, t("trainers.leerlijn.too_long", key=key, limit=MAX_TEXT))
        return ""
    return value


def _load_one(path: Path, rel: str, elements: dict, aliases: dict[str, str], chapters: dict,
              problems: ProblemList) -> Leerlijn | None:
    root = read_mapping(path, rel, _KEYS, t("trainers.leerlijn.not_mapping"), problems)
    if root is None:
        return None
    items = root.items
    leerlijn = Leerlijn(path.stem, rel)
    leerlijn.title = _text(items.get("titel"), rel, "titel", problems, True, root.line)
    leerlijn.audience = _text(items.get("doelgroep"), rel, "doelgroep", problems, True, root.line)
    leerlijn.duration = _text(items.get("duur"), rel, "duur", problems, False, root.line)
    leerlijn.intro = _text(items.get("inleiding"), rel, "inleiding", problems, False, root.line)
    if "stappen" not in items:
        problems.add(rel, root.line, t("trainers.leerlijn.missing_steps"))
        return leerlijn
    line, steps = items["stappen"]
    if not isinstance(steps, yamltree.Seq) or not steps.items:
        problems.add(rel, line, t("trainers.leerlijn.empty_steps"))
        return leerlijn
    for node in steps.items:
        step = _load_step(node, rel, elements, aliases, chapters, problems)
        if step is not None:
            leerlijn.steps.append(step)
    return leerlijn


def _load_step(node, rel: str, elements: dict, aliases: dict[str, str], chapters: dict,
               problems: ProblemList) -> Step | None:
    if not isinstance(node, yamltree.Map):
        problems.add(rel, node.line, t("trainers.leerlijn.step_not_mapping"))
        return None
    check_keys(node, _STEP_KEYS, rel, problems)
    items = node.items
    step = Step(node.line, _text(items.get("notitie"), rel, "notitie", problems, True, node.line))
    targets = [key for key in ("element", "hoofdstuk") if key in items]
    if len(targets) != 1:
        problems.add(rel, node.line, t("trainers.leerlijn.step_target"))
        return None
    key = targets[0]
    line, value_node = items[key]
    value = text_of(value_node) or ""
    if key == "element":
        if value in elements:
            step.element = value
        elif value in aliases:
            problems.add(rel, line, t("trainers.leerlijn.renamed_element", value=value,
                                      current=aliases[value]))
            return None
        else:
            problems.add(rel, line, t("trainers.leerlijn.unknown_element", value=value,
                                      hint=did_you_mean(value, elements)))
            return None
    else:
        if value in chapters:
            step.chapter = value
        else:
            problems.add(rel, line, t("trainers.leerlijn.unknown_chapter", value=value,
                                      hint=did_you_mean(value, chapters)))
            return None
    if "vragen" in items:
        q_line, q_node = items["vragen"]
        if not isinstance(q_node, yamltree.Seq):
            problems.add(rel, q_line, t("trainers.leerlijn.questions_not_list"))
        else:
            for item in q_node.items:
                question = text_of(item)
                if question is None or len(question) > MAX_TEXT:
                    problems.add(rel, item.line, t("trainers.leerlijn.bad_question"))
                else:
                    step.questions.append(question)
    return step
