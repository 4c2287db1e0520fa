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


_TAB_HINT = "Gebruik spaties om in te springen, geen tabs."
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


def _translate(exc: yaml.MarkedYAMLError, tab_on_line: bool = False) -> str:
    """A Dutch explanation for PyYAML's most common complaints."""
    problem = (exc.problem or "") + " " + (exc.context or "")
    hints = [
        ("mapping values are not allowed", "Er staat een dubbele punt op een plek waar dat niet mag. "
         "Zet tekst met een dubbele punt tussen aanhalingstekens."),
        ("found character '\\t'", _TAB_HINT),
        ("found a tab character", _TAB_HINT),
        ("could not find expected ':'", "Er ontbreekt een dubbele punt na een sleutel, "
         "of een tekst loopt door over meer regels zonder juiste inspringing."),
        ("found unexpected end of stream", "Een aanhalingsteken of haakje wordt niet gesloten."),
        ("while scanning a quoted scalar", "Een aanhalingsteken wordt niet gesloten."),
        ("did not find expected ',' or ']'", "Een lijst tussen [ ] wordt niet gesloten met ]."),
        ("did not find expected ',' or '}'", "Een blok tussen { } wordt niet gesloten met }."),
        ("expected <block end>", "De inspringing klopt niet. Gebruik steeds evenveel spaties."),
        ("did not find expected '-'", "Een lijst is niet goed ingesprongen. Zet elk item op een "
         "eigen regel met '- ' ervoor."),
        ("did not find expected key", "De inspringing klopt niet: een regel staat verder of minder "
         "ver ingesprongen dan de sleutels eromheen."),
        ("found undefined alias", "Verwijzingen met * (aliassen) zijn niet toegestaan."),
        ("special characters are not allowed", "Deze tekens zijn niet toegestaan in de kopregels."),
        ("found unknown escape character", "Een \\ in tekst tussen dubbele aanhalingstekens wordt "
         "niet begrepen. Gebruik enkele aanhalingstekens."),
        ("expected the node content", "Hier ontbreekt een waarde."),
        ("found character that cannot start any token", "Een tekst begint met een teken dat daar "
         "niet mag (zoals @ of `). Zet de tekst tussen aanhalingstekens."),
    ]
    if tab_on_line:
        return f"De kopregels zijn geen geldige YAML: {_TAB_HINT}"
    for needle, dutch in hints:
        if needle in problem:
            return f"De kopregels zijn geen geldige YAML: {dutch}"
    return ("De kopregels zijn geen geldige YAML. Controleer de inspringing, de dubbele punten "
            "en de aanhalingstekens op deze regel.")


def parse(text: str, first_line: int = 1) -> Node | None:
    """Parse one YAML document; `first_line` is the file line of the text's first line.

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
                raise YamlProblem(line, "Een sleutel moet een gewoon woord zijn, geen lijst of blok.")
            key = node.value or ""
            if key in parent.items:
                raise YamlProblem(line, f"De sleutel '{key}' staat er twee keer in. Houd er één over.")
            frame[1], frame[2] = key, line
        else:
            parent.items[frame[1]] = (frame[2], node)
            frame[1] = None

    try:
        for event in yaml.parse(text, Loader=_Loader):
            line = event.start_mark.line + 1 + offset if event.start_mark else first_line
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise YamlProblem(line, "Ankers (&) en verwijzingen (*) zijn niet toegestaan in de "
                                  "kopregels. Schrijf de waarde voluit.")
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise YamlProblem(line, "De kopregels bevatten meer dan één YAML-document (---). "
                                      "Gebruik er één.")
            elif isinstance(event, yaml.ScalarEvent):
                if event.tag is not None and event.tag != "!":
                    raise YamlProblem(line, "Labels met ! (YAML-tags) zijn niet toegestaan in de "
                                      "kopregels.")
                value: str | None = event.value
                # plain style is None in PyYAML's parser but '' in libyaml's
                if not event.style and value in _NULLS:
                    value = None
                attach(Scalar(value, line), line)
            elif isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                if event.tag is not None and event.tag != "!" and not event.implicit:
                    raise YamlProblem(line, "Labels met ! (YAML-tags) zijn niet toegestaan in de "
                                      "kopregels.")
                if len(stack) >= MAX_DEPTH:
                    raise YamlProblem(line, "De kopregels zijn te diep genest. Gebruik gewone "
                                      "sleutels met tekst of een lijst.")
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
        raise YamlProblem(index + 1 + offset, _translate(exc, tab)) from None
    except yaml.reader.ReaderError as exc:  # a control character somewhere in the text
        line = text[: exc.position].count("\n") + first_line
        raise YamlProblem(line, "Deze regel bevat een onzichtbaar stuurteken. Typ de regel "
                          "opnieuw.") from None
    except yaml.YAMLError:
        raise YamlProblem(first_line, "De kopregels zijn geen geldige YAML.") from None
    return root
