"""The `text` kind: one line of text (whitespace folded), at most `max_length` long."""
from __future__ import annotations

from ...i18n import t
from .base import SINGLE_LINE_LIMIT, SingleKind, browser_text_box, text_rule


class TextKind(SingleKind):
    name = "text"

    def normalise(self, text):
        return " ".join(text.split())

    def json_schema(self, spec, taxonomies):
        return text_rule(spec)

    def editor_field(self, spec, choices):
        return {"type": "string", "single": (spec.max_length or 0) <= SINGLE_LINE_LIMIT}

    def browser_field(self, spec, offered):
        return browser_text_box(spec, spec.required)

    def example(self, spec):
        return t("starter.example_text")
