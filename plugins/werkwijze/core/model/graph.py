"""The reference graph between elements: every relation in both directions (built and
checked by validate/graph.py)."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field


@dataclass
class Graph:
    # element id -> ids, in a stable order
    related: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    helps_against: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    helped_by: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    # alias (former id) -> current id
    aliases: dict[str, str] = field(default_factory=dict)
