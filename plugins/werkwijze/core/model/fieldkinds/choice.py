"""The `choice` kind: one value out of a taxonomy's terms or the schema's `choices`."""
from __future__ import annotations

from ...i18n import t
from .base import SingleKind, options, unknown_choice


class ChoiceKind(SingleKind):
    name = "choice"

    def check(self, spec, value, line, reading):
        allowed = list(reading.taxonomies[spec.taxonomy].terms) if spec.taxonomy else list(spec.choices)
        if value not in allowed:
            unknown_choice(spec, value, allowed, line, reading)
            return False
        return True

    def json_schema(self, spec, taxonomies):
        return {"type": "string", "enum": options(spec, taxonomies)}

    def editor_field(self, spec, choices):
        return {"type": "choice", "choices": choices}

    def browser_field(self, spec, offered):
        return {"widget": "select", "options": offered}

    def example(self, spec):
        return spec.choices[0] if spec.choices else t("starter.example_id")
