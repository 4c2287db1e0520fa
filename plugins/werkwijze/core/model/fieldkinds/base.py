"""What every field kind does, and the parts the kinds share.

A kind (`text`, `choice`, `date`, `list`) is one class: how a value is read and checked
from the front matter, shown on the element page, exported (JSON, CSV), described in the
JSON Schema, the Front Matter CMS form and the browser editor's widget, offered by
`werkwijze nieuw` and `init`, and whether it orders lists or holds several values for the filter. Code elsewhere asks the
field's kind (`kind_of(spec)`) instead of comparing kind names.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

from ...i18n import t
from ...problems import ProblemList
from ...sources import yamltree
from ...suggest import did_you_mean

if TYPE_CHECKING:
    from ..schema import FieldSpec
    from ..taxonomy import Taxonomies

Value = str | list[str]
LIST_SEPARATOR = "; "  # between a list's values in a CSV cell
ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"  # element ids, term ids, kind ids
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# Control characters the validator refuses, as a JSON Schema pattern. Python's str.split()
# treats \x0b, \x0c and \x1c-\x1f as whitespace (the validator folds them to spaces), so
# they are allowed here.
NO_CONTROL = "^[^\\x00-\\x08\\x0e-\\x1b\\x7f]*$"
NOT_BLANK = "\\S"


@dataclass
class Reading:
    """What reading one element file's field needs: where, the terms, the problems."""
    rel: str
    taxonomies: Taxonomies
    problems: ProblemList
    item_lines: dict[str, list[int]] = field(default_factory=dict)


def options(spec: FieldSpec, taxonomies: Taxonomies) -> list[str]:
    """The values a field may hold (its taxonomy's terms or its choices; the exclusive
    value, e.g. `generiek`, first)."""
    values = list(taxonomies[spec.taxonomy].terms) if spec.taxonomy else list(spec.choices)
    return [spec.exclusive, *values] if spec.exclusive else values


def check_text(spec: FieldSpec, value: str, line: int, reading: Reading) -> bool:
    """No control characters, not longer than `max_length`."""
    if _CONTROL.search(value):
        reading.problems.add(reading.rel, line, t("validate.element.control_character", name=spec.name))
        return False
    if spec.max_length and len(value) > spec.max_length:
        reading.problems.add(reading.rel, line, t("validate.element.too_long", name=spec.name,
                                                  length=len(value), limit=spec.max_length))
        return False
    return True


def text_rule(spec: FieldSpec) -> dict:
    """The JSON Schema of one text: not blank, no control characters, `max_length`."""
    rule = {"type": "string", "minLength": 1, "allOf": [{"pattern": NOT_BLANK}, {"pattern": NO_CONTROL}]}
    if spec.max_length:
        rule["maxLength"] = spec.max_length
    return rule


SINGLE_LINE_LIMIT = 120  # longer texts get a multi-line box in the editors


def browser_text_box(spec: FieldSpec, required: bool) -> dict:
    """A text box for the browser editor: one line or several, and a pattern that holds
    `max_length` (Decap has no length limit of its own; when required it also refuses
    text of only spaces, as the check does)."""
    box: dict = {"widget": "text" if (spec.max_length or SINGLE_LINE_LIMIT + 1) > SINGLE_LINE_LIMIT else "string"}
    if spec.max_length:
        lookahead = "(?=[\\s\\S]*\\S)" if required else ""
        box["pattern"] = [f"^{lookahead}[\\s\\S]{{{1 if required else 0},{spec.max_length}}}$",
                          t("beheer.too_long", label=spec.label, max=spec.max_length)]
    return box


class FieldKind:
    """A kind of front-matter field (one instance per kind, in the registry)."""
    name: ClassVar[str]
    is_list: ClassVar[bool] = False  # several values (a facet over it: "Themes", not "Theme")
    sort_orders: ClassVar[tuple[str, ...]] = ()  # `sort:` allowed with these values
    item_kinds: ClassVar[tuple[str, ...]] = ()  # `items:` required, one of these

    def read(self, spec: FieldSpec, node: yamltree.Node, key_line: int, reading: Reading) -> Value | None:
        """The checked value of `node`, or None after adding problems (file and line)."""
        raise NotImplementedError

    def display(self, spec: FieldSpec, value: Value, taxonomies: Taxonomies) -> str:
        """The value as readers see it on the element page (plain text, escaped later)."""
        raise NotImplementedError

    def export(self, value: Value | None) -> Value:
        """The value in elementen.json ("" or [] when absent)."""
        if self.is_list:
            return value if isinstance(value, list) else []
        return value if isinstance(value, str) else ""

    def csv(self, value: Value) -> str:
        """The value in a CSV cell (lists joined with "; ")."""
        return LIST_SEPARATOR.join(value) if isinstance(value, list) else value

    def json_schema(self, spec: FieldSpec, taxonomies: Taxonomies) -> dict:
        """The JSON Schema rule (without title and description)."""
        raise NotImplementedError

    def editor_field(self, spec: FieldSpec, choices: list[dict]) -> dict:
        """The Front Matter CMS field's type and settings (`choices`: id and title)."""
        raise NotImplementedError

    def browser_field(self, spec: FieldSpec, offered: list[dict]) -> dict:
        """The Decap CMS widget and its settings for the browser editor (render/decapconfig.py);
        `offered`: the values to choose from, each `{"label", "value"}` (empty when free)."""
        raise NotImplementedError

    def empty(self) -> Value | None:
        """What `werkwijze nieuw` starts with (written as `field:`, which reads as absent)."""
        return [] if self.is_list else None

    def from_command_line(self, text: str) -> Value:
        """A value given as `--veld naam=waarde` (lists: comma-separated)."""
        if self.is_list:
            return [v.strip() for v in text.split(",") if v.strip()]
        return text

    def example(self, spec: FieldSpec) -> Value:
        """A value for the starter's example element (`werkwijze init`)."""
        raise NotImplementedError

    def sort_key(self, value: str) -> str:
        """How values of a field with `sort:` order lists."""
        return value


class SingleKind(FieldKind):
    """A kind with one text value (`field: value`)."""

    def normalise(self, text: str) -> str:
        return text.strip()

    def check(self, spec: FieldSpec, value: str, line: int, reading: Reading) -> bool:
        """The kind's own rule, after the text rules (add a problem and return False)."""
        return True

    def read(self, spec, node, key_line, reading):
        rel, problems = reading.rel, reading.problems
        if isinstance(node, yamltree.Scalar) and node.value is None:
            # `veld:` with nothing after it: absent, which an optional field may be (as
            # `veld: []` for a list); `werkwijze nieuw` writes optional fields that way.
            if spec.required:
                problems.add(rel, key_line, t("validate.element.empty", name=spec.name, help=spec.help))
            return None
        if not isinstance(node, yamltree.Scalar):
            problems.add(rel, key_line, t("validate.element.not_one_text", name=spec.name, help=spec.help))
            return None
        value = self.normalise(node.value)
        if not value:  # e.g. `titel: " "`: quoted, but nothing in it; as absent for an
            # optional field (a form that empties a field, the browser editor's, writes `''`)
            if spec.required:
                problems.add(rel, node.line, t("validate.element.empty", name=spec.name, help=spec.help))
            return None
        if not check_text(spec, value, node.line, reading) or not self.check(spec, value, node.line, reading):
            return None
        return value

    def display(self, spec, value, taxonomies):
        if value and spec.taxonomy and spec.taxonomy in taxonomies:
            return taxonomies[spec.taxonomy].label(value)
        return value


def unknown_choice(spec: FieldSpec, value: str, allowed: list[str], line: int, reading: Reading) -> None:
    reading.problems.add(reading.rel, line, t("validate.element.unknown_choice", value=value, name=spec.name,
                                              hint=did_you_mean(value, allowed), allowed=", ".join(allowed)))
