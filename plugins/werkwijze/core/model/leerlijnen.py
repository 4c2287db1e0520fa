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
        minuten: 20                    # optional: the step's time, whole minutes (1-480)
        doel: Wat de deelnemers na deze stap weten of kunnen.   # optional
        materialen: [Flip-over, De werkkaart van dit element]  # optional: a list of texts

The id is the file name. Checked like elements: every problem has a file and a line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..sources import yamltree
from ..sources.datafile import check_keys, read_mapping, text_of
from ..i18n import t
from ..problems import ProblemList
from .schema import ID_PATTERN, LEERLIJNEN_DEFAULT, DataFileSpec
from ..suggest import did_you_mean

_ID = re.compile(ID_PATTERN)
MAX_TEXT = 1000
MAX_MINUTES = 480  # a step of a session plan: at most a (long) working day


@dataclass
class Step:
    line: int
    note: str
    element: str = ""  # element id, or
    chapter: str = ""  # chapter src URI (relative to the docs folder)
    questions: list[str] = field(default_factory=list)
    minutes: int | None = None  # the step's time, if the trainer planned it
    goal: str = ""
    materials: list[str] = field(default_factory=list)


@dataclass
class Leerlijn:
    id: str
    path: str  # posix path relative to the project root
    title: str = ""
    audience: str = ""
    duration: str = ""
    intro: str = ""
    steps: list[Step] = field(default_factory=list)

    @property
    def planned_minutes(self) -> int:
        """The steps' minutes added up (0: no step has a time)."""
        return sum(step.minutes or 0 for step in self.steps)


def load_leerlijnen(data_dir: Path, rel_dir: str, elements: dict, aliases: dict[str, str],
                    chapters: dict, problems: ProblemList,
                    spec: DataFileSpec = LEERLIJNEN_DEFAULT) -> dict[str, Leerlijn]:
    """`spec`: the data folder and the keys of its files, from the manual's schema."""
    folder = data_dir / spec.location
    found: dict[str, Leerlijn] = {}
    if not folder.is_dir():
        return found
    for path in sorted(folder.glob("*.y*ml")):
        rel = f"{rel_dir}/{spec.location}/{path.name}"
        if not _ID.match(path.stem):
            problems.add(rel, 1, t("trainers.leerlijn.bad_file_name", name=path.name))
            continue
        if path.stem in found:
            problems.add(rel, 1, t("trainers.leerlijn.duplicate", id=path.stem,
                                   file=found[path.stem].path))
            continue
        leerlijn = _load_one(path, rel, elements, aliases, chapters, problems, spec)
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
              problems: ProblemList, spec: DataFileSpec) -> Leerlijn | None:
    root = read_mapping(path, rel, list(spec.keys.values()),
                        t("trainers.leerlijn.not_mapping", **spec.placeholders()), problems)
    if root is None:
        return None
    items = root.items

    def text(role: str, required: bool) -> str:
        key = spec.key(role)
        return _text(items.get(key), rel, key, problems, required, root.line)

    leerlijn = Leerlijn(path.stem, rel)
    leerlijn.title = text("title", True)
    leerlijn.audience = text("audience", True)
    leerlijn.duration = text("duration", False)
    leerlijn.intro = text("intro", False)
    if spec.key("steps") not in items:
        problems.add(rel, root.line, t("trainers.leerlijn.missing_steps", **spec.placeholders()))
        return leerlijn
    line, steps = items[spec.key("steps")]
    if not isinstance(steps, yamltree.Seq) or not steps.items:
        problems.add(rel, line, t("trainers.leerlijn.empty_steps", **spec.placeholders()))
        return leerlijn
    for node in steps.items:
        step = _load_step(node, rel, elements, aliases, chapters, problems, spec)
        if step is not None:
            leerlijn.steps.append(step)
    return leerlijn


def _load_step(node, rel: str, elements: dict, aliases: dict[str, str], chapters: dict,
               problems: ProblemList, spec: DataFileSpec) -> Step | None:
    if not isinstance(node, yamltree.Map):
        problems.add(rel, node.line, t("trainers.leerlijn.step_not_mapping", **spec.placeholders()))
        return None
    check_keys(node, list(spec.item_keys.values()), rel, problems)
    items = node.items
    note = spec.item_key("note")
    step = Step(node.line, _text(items.get(note), rel, note, problems, True, node.line))
    element_key, chapter_key = spec.item_key("element"), spec.item_key("chapter")
    targets = [key for key in (element_key, chapter_key) if key in items]
    if len(targets) != 1:
        problems.add(rel, node.line, t("trainers.leerlijn.step_target", **spec.placeholders()))
        return None
    key = targets[0]
    line, value_node = items[key]
    value = text_of(value_node) or ""
    if key == element_key:
        if value in elements:
            step.element = value
        elif value in aliases:
            problems.add(rel, line, t("trainers.leerlijn.renamed_element", **spec.placeholders(), value=value,
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
    if spec.item_key("questions") in items:
        q_line, q_node = items[spec.item_key("questions")]
        if not isinstance(q_node, yamltree.Seq):
            problems.add(rel, q_line, t("trainers.leerlijn.questions_not_list", **spec.placeholders()))
        else:
            for item in q_node.items:
                question = text_of(item)
                if question is None or len(question) > MAX_TEXT:
                    problems.add(rel, item.line, t("trainers.leerlijn.bad_question"))
                else:
                    step.questions.append(question)
    _load_plan(step, items, rel, problems, spec)
    return step


def _load_plan(step: Step, items: dict, rel: str, problems: ProblemList, spec: DataFileSpec) -> None:
    """The optional session plan of a step: its minutes, goal and materials."""
    minutes_key, goal_key, materials_key = (spec.item_key(r) for r in ("minutes", "goal", "materials"))
    if minutes_key in items:
        line, node = items[minutes_key]
        value = text_of(node) or ""
        if value.isdigit() and 1 <= int(value) <= MAX_MINUTES:
            step.minutes = int(value)
        else:
            problems.add(rel, line, t("trainers.leerlijn.bad_minutes", key=minutes_key, limit=MAX_MINUTES))
    if goal_key in items:
        step.goal = _text(items[goal_key], rel, goal_key, problems, False, step.line)
    if materials_key in items:
        line, node = items[materials_key]
        entries = node.items if isinstance(node, yamltree.Seq) else [node]
        for entry in entries:
            material = text_of(entry)
            if material is None or not material.strip() or len(material) > MAX_TEXT:
                problems.add(rel, getattr(entry, "line", line),
                             t("trainers.leerlijn.bad_material", key=materials_key))
            else:
                step.materials.append(material)
