"""Point messages about generated pages back at the file the editor wrote.

MkDocs reports problems on the page it built (`elementen/<id>.md`); the editor knows
the element file (`elements/<thema>/<id>.md`). We rewrite the page name to
`<source>:<line>`, with the line of the quoted link target when the body has it.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass

_QUOTED = re.compile(r"'([^']+)'")


@dataclass(frozen=True)
class Source:
    path: str  # e.g. "elements/leren/x.md"
    text: str  # the file's body
    first_line: int  # file line of the body's first line

    def line_of(self, needle: str) -> int | None:
        for index, line in enumerate(self.text.split("\n")):
            if needle in line:
                return self.first_line + index
        return None


def map_message(message: str, sources: dict[str, Source]) -> str:
    """Rewrite the first generated page named in a message to its source file:line."""
    quoted = _QUOTED.findall(message)
    page = next((q for q in quoted if q in sources), None)
    if page is None:
        return message
    source = sources[page]
    line = None
    for needle in quoted:
        if needle == page:
            continue
        # Links to other elements were rewritten by us ('x.md#a'); the anchor is as written.
        anchor = "#" + needle.split("#", 1)[1] if "#" in needle else None
        line = source.line_of(needle) or (anchor and source.line_of(anchor))
        if line:
            break
    location = f"{source.path}:{line or source.first_line}"
    return f"{location}: {message.replace(repr(page), repr(source.path), 1)}"


class SourceMapFilter(logging.Filter):
    """Rewrites `elementen/<id>.md` in the engine's page messages to the element file:line
    (`sources`: set by the plugin for each build)."""

    def __init__(self):
        super().__init__()
        self.sources: dict[str, Source] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        if self.sources:
            record.msg = map_message(record.getMessage(), self.sources)
            record.args = ()
        return True
