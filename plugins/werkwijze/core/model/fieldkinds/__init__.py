"""The registry of field kinds: one module per kind, each with everything the generator
does with such a field (see base.py). A new kind is a new module here and one line below;
the schema, the validator, the element page, the exports, the JSON Schema, the editor
forms (Front Matter CMS, the browser editor), `nieuw` and `init` all ask the registry (`kind_of(spec)`)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .base import FieldKind, Reading, options
from .choice import ChoiceKind
from .date import DateKind
from .listkind import ITEM_KINDS, ListKind
from .text import TextKind

if TYPE_CHECKING:
    from ..schema import FieldSpec

KINDS: dict[str, FieldKind] = {kind.name: kind for kind in (TextKind(), ChoiceKind(), ListKind(), DateKind())}


def kind_of(spec: FieldSpec) -> FieldKind:
    """The kind of a field the schema accepted (its `kind:` is one of KINDS)."""
    return KINDS[spec.kind]


__all__ = ["FieldKind", "ITEM_KINDS", "KINDS", "Reading", "kind_of", "options"]
