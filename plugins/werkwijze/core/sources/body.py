"""Split an element body into its kern and its regional invulling blocks.

Regional text is written as pymdown-extensions Blocks:

    /// regio | katwijk
    Hoe het in Katwijk gaat.
    ///

Other Blocks (`/// details | ...`) and fenced code are left alone.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..i18n import t
from .markdown import code_lines

_OPEN = re.compile(r"^(/{3,})\s*([A-Za-z][\w-]*)\s*(?:\|\s*(.*?))?\s*$")
_CLOSE = re.compile(r"^(/{3,})\s*$")
DEFAULT_REGION_BLOCK = "regio"  # the block name when the schema has no region facet


@dataclass
class Invulling:
    region: str
    text: str
    line: int  # file line of the `/// regio` line


@dataclass
class Body:
    kern: str
    invullingen: list[Invulling] = field(default_factory=list)
    # (line, message) pairs; paths are added by the caller
    problems: list[tuple[int, str]] = field(default_factory=list)


def split_body(text: str, first_line: int, region_block: str = DEFAULT_REGION_BLOCK) -> Body:
    """`region_block`: the block name of regional texts (the region facet's name)."""
    lines = text.split("\n")
    kern: list[str] = []
    invullingen: list[Invulling] = []
    problems: list[tuple[int, str]] = []
    code = code_lines(lines)
    stack: list[tuple[str, str, int]] = []  # (slashes, block name, line)
    current: tuple[Invulling, list[str], str] | None = None  # invulling, its lines, slashes

    for index, line in enumerate(lines):
        number = first_line + index
        target = current[1] if current else kern
        if code[index]:  # fenced code: kept as it is, never read for blocks
            target.append(line)
            continue
        opened = _OPEN.match(line)
        if opened and opened.group(2) == region_block:
            region = (opened.group(3) or "").strip()
            if current or stack:
                problems.append((number, t("validate.body.nested_region")))
            elif not region:
                problems.append((number, t("validate.body.region_missing", block=region_block)))
            current = (Invulling(region, "", number), [], opened.group(1))
            continue
        if opened:
            stack.append((opened.group(1), opened.group(2), number))
            target.append(line)
            continue
        closed = _CLOSE.match(line)
        if closed:
            if stack and stack[-1][0] == closed.group(1):
                stack.pop()
                target.append(line)
                continue
            if current and current[2] == closed.group(1):
                invulling, block_lines, _ = current
                invulling.text = "\n".join(block_lines).strip("\n")
                if invulling.region:
                    invullingen.append(invulling)
                current = None
                continue
        target.append(line)

    if current:
        problems.append((current[0].line, t("validate.body.region_not_closed", block=region_block,
                                            region=current[0].region)))
    seen: dict[str, int] = {}
    for invulling in invullingen:
        if invulling.region in seen:
            problems.append((invulling.line, t("validate.body.duplicate_region",
                                               region=invulling.region,
                                               line=seen[invulling.region])))
        seen.setdefault(invulling.region, invulling.line)
    unique = [i for i in invullingen if seen[i.region] == i.line]
    return Body("\n".join(kern).strip("\n"), unique, problems)
