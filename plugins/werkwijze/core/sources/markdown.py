"""One scanner for the Markdown the generator reads itself: which lines are fenced code.

Element bodies and chapters are read for `/// regio` and `/// elementen` blocks, links and
unsafe HTML; none of that counts inside fenced code (``` or ~~~, as Python-Markdown's
superfences reads them). Every reader uses `code_lines()` so they agree on what is code.
"""
from __future__ import annotations

import re

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")


def code_lines(lines: list[str]) -> list[bool]:
    """For each line: True when it opens, closes or lies inside a fenced code block."""
    result = []
    fence: str | None = None
    for line in lines:
        match = _FENCE.match(line)
        if fence is not None:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
            result.append(True)
        elif match:
            fence = match.group(1)
            result.append(True)
        else:
            result.append(False)
    return result
