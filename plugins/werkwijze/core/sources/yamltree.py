"""Strict YAML: parse events into a small tree that keeps line numbers.

We build the tree from parser events ourselves instead of letting PyYAML construct
Python objects, because that gives us, in one pass with the C parser:
- every scalar as the text the editor wrote (no YAML 1.1 surprises: `NO`, `2024-01-05`
  and `1.0` stay text); only an empty plain value or `~`/`null` means "nothing";
- the line of every key and value, for error messages;
- a refusal of anchors, aliases, explicit tags, duplicate keys and deep nesting
  (PyYAML itself has no limit on alias expansion).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from ..i18n import t

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_NULLS = {"", "~", "null", "Null", "NULL"}
MAX_DEPTH = 8


@dataclass
class Scalar:
    value: str | None
    line: int


@dataclass
class Seq:
    items: list["Node"]
    line: int


@dataclass
class Map:
    # key -> (line of the key, value node)
    items: dict[str, tuple[int, "Node"]] = field(default_factory=dict)
    line: int = 1


Node = Scalar | Seq | Map


class YamlProblem(Exception):
    def __init__(self, line: int, message: str):
        self.line = line
        self.message = message
        super().__init__(f"{line}: {message}")


# For these complaints libyaml's problem mark is where it gave up (often the next
# line); the context mark is where the editor's mistake starts.
_CONTEXT_FIRST = ("while scanning a simple key", "while scanning a quoted scalar",
                  "while parsing a flow")


def _error_line(exc: yaml.MarkedYAMLError) -> int:
    """0-based line of the editor's mistake."""
    marks = [exc.problem_mark, exc.context_mark]
    if (exc.context or "").startswith(_CONTEXT_FIRST):
        marks.reverse()
    mark = next((m for m in marks if m is not None), None)
    return mark.line if mark else 0


# libyaml's complaint -> the catalogue's hint (validate.yaml.hint.*)
_HINTS = [
    ("mapping values are not allowed", "colon"),
    ("found character '\\t'", "tab"),
    ("found a tab character", "tab"),
    ("could not find expected ':'", "missing_colon"),
    ("found unexpected end of stream", "unclosed"),
    ("while scanning a quoted scalar", "unclosed_quote"),
    ("did not find expected ',' or ']'", "unclosed_list"),
    ("did not find expected ',' or '}'", "unclosed_block"),
    ("expected <block end>", "indentation"),
    ("did not find expected '-'", "list_indentation"),
    ("did not find expected key", "key_indentation"),
    ("found undefined alias", "alias"),
    ("special characters are not allowed", "special_characters"),
    ("found unknown escape character", "escape"),
    ("expected the node content", "missing_value"),
    ("found character that cannot start any token", "bad_start"),
]


def _hint(name: str) -> str:
    return t(f"validate.yaml.hint.{name}", open="{", close="}")


def _translate(exc: yaml.MarkedYAMLError, tab_on_line: bool = False,
               subject: str = "front_matter") -> str:
    """An explanation in the editor's language for PyYAML's most common complaints."""
    problem = (exc.problem or "") + " " + (exc.context or "")
    if tab_on_line:
        return t(f"validate.yaml.{subject}.invalid", hint=_hint("tab"))
    for needle, name in _HINTS:
        if needle in problem:
            return t(f"validate.yaml.{subject}.invalid", hint=_hint(name))
    return t(f"validate.yaml.{subject}.invalid_here")


def parse(text: str, first_line: int = 1, subject: str = "front_matter") -> Node | None:
    """Parse one YAML document; `first_line` is the file line of the text's first line.
    `subject` names the text in messages: "front_matter" (of an element) or "file" (a
    data file).

    Returns None for an empty document. Raises YamlProblem with a file line.
    """
    offset = first_line - 1
    stack: list[list] = []  # frames: [node, pending_key, pending_key_line]
    root: Node | None = None
    documents = 0

    def attach(node: Node, line: int) -> None:
        nonlocal root
        if not stack:
            root = node
            return
        frame = stack[-1]
        parent = frame[0]
        if isinstance(parent, Seq):
            parent.items.append(node)
            return
        if frame[1] is None:  # this node is a key
            if not isinstance(node, Scalar):
                raise YamlProblem(line, t("validate.yaml.key_not_text"))
            key = node.value or ""
            if key in parent.items:
                raise YamlProblem(line, t("validate.yaml.duplicate_key", key=key))
            frame[1], frame[2] = key, line
        else:
            parent.items[frame[1]] = (frame[2], node)
            frame[1] = None

    try:
        for event in yaml.parse(text, Loader=_Loader):
            line = event.start_mark.line + 1 + offset if event.start_mark else first_line
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise YamlProblem(line, t("validate.yaml.anchors"))
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise YamlProblem(line, t("validate.yaml.documents"))
            elif isinstance(event, yaml.ScalarEvent):
                if event.tag is not None and event.tag != "!":
                    raise YamlProblem(line, t("validate.yaml.tags"))
                value: str | None = event.value
                # plain style is None in PyYAML's parser but '' in libyaml's
                if not event.style and value in _NULLS:
                    value = None
                attach(Scalar(value, line), line)
            elif isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                if event.tag is not None and event.tag != "!" and not event.implicit:
                    raise YamlProblem(line, t("validate.yaml.tags"))
                if len(stack) >= MAX_DEPTH:
                    raise YamlProblem(line, t(f"validate.yaml.{subject}.too_deep"))
                node = Seq([], line) if isinstance(event, yaml.SequenceStartEvent) else Map({}, line)
                attach(node, line)
                stack.append([node, None, 0])
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                stack.pop()
    except yaml.MarkedYAMLError as exc:
        index = _error_line(exc)
        source_lines = text.split("\n")
        bad = source_lines[index] if index < len(source_lines) else ""
        tab = "\t" in bad[: len(bad) - len(bad.lstrip())]  # a tab used to indent
        raise YamlProblem(index + 1 + offset, _translate(exc, tab, subject)) from None
    except yaml.reader.ReaderError as exc:  # a control character somewhere in the text
        line = text[: exc.position].count("\n") + first_line
        raise YamlProblem(line, t("validate.yaml.control_character")) from None
    except yaml.YAMLError:
        raise YamlProblem(first_line, t(f"validate.yaml.{subject}.invalid_plain")) from None
    return root
