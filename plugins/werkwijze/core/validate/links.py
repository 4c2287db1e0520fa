"""Markdown links: find them (outside code), check their targets, rewrite element links.

Pages live at "src URIs" (paths relative to the docs folder, as MkDocs uses them):
chapters at their own path, element pages at `elementen/<id>.md`. An element body is
checked as if it lived at its page; a link to another element's *source file*
(`../thema/ander-element.md`) is accepted too and rewritten to that element's page.
"""
from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterator
from urllib.parse import unquote

from ..i18n import t
from ..paths import element_src
from ..sources.markdown import code_lines

_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
# [text](target "title") and ![alt](target); target may be wrapped in <>.
_INLINE = re.compile(r"(!?\[(?:[^\]\\\n]|\\.)*\]\(\s*)(<[^>\n]*>|[^\s)]+)((?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\))")
_REFDEF = re.compile(r"^(\s{0,3}\[[^\]]+\]:\s*)(<[^>\n]*>|\S+)(.*)$")
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>]*)>")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
ALLOWED_SCHEMES = {"http", "https", "mailto"}

Rewrite = Callable[[str, int], str | None]


def _map_segments(line: str, func: Callable[[str], str]) -> str:
    """Apply func to the parts of a line outside inline code spans."""
    out, last = [], 0
    for match in _CODE_SPAN.finditer(line):
        out.append(func(line[last:match.start()]))
        out.append(match.group(0))
        last = match.end()
    out.append(func(line[last:]))
    return "".join(out)


def transform(text: str, first_line: int, visit: Rewrite) -> str:
    """Call visit(target, line) for every link target outside code; a non-None result
    replaces the target. Returns the (possibly) rewritten text."""
    lines = text.split("\n")
    for index, (line, code) in enumerate(zip(lines, code_lines(lines))):
        # Every link form needs "](" (inline), "]:" (a definition) or "<" (autolink): most
        # lines of prose hold none of them and are passed by.
        if code or ("](" not in line and "]:" not in line and "<" not in line):
            continue
        number = first_line + index

        def replace_target(m: re.Match, group: int = 2) -> str:
            raw = m.group(group)
            target = raw[1:-1] if raw.startswith("<") else raw
            new = visit(target, number)
            if new is None:
                return m.group(0)
            if raw.startswith("<"):  # keep the brackets: they allow spaces in the target
                new = f"<{new}>"
            return m.group(0)[: m.start(group) - m.start(0)] + new + m.group(0)[m.end(group) - m.start(0):]

        def on_segment(segment: str) -> str:
            segment = _INLINE.sub(replace_target, segment)
            segment = _AUTOLINK.sub(lambda m: replace_target(m, 1), segment)
            return segment

        refdef = _REFDEF.match(line)
        if refdef:
            lines[index] = replace_target(refdef)
        else:
            lines[index] = _map_segments(line, on_segment)
    return "\n".join(lines)


def iter_links(text: str, first_line: int) -> Iterator[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    transform(text, first_line, lambda target, line: found.append((line, target)))
    return iter(found)


def scheme_of(target: str) -> str | None:
    match = _SCHEME.match(target.strip())
    return match.group(1).lower() if match else None


def resolve_relative(target: str, page_src: str) -> str:
    """The src URI a relative link points at (query and fragment removed)."""
    path = unquote(target.split("#", 1)[0].split("?", 1)[0])
    return posixpath.normpath(posixpath.join(posixpath.dirname(page_src), path))


def check_target(target: str, page_src: str, known: Callable[[str], bool]) -> str | None:
    """None if the link is fine, else a message for the editor. `known(src_uri)` says
    whether a page or file exists."""
    scheme = scheme_of(target)
    if scheme is not None:
        if scheme in ALLOWED_SCHEMES:
            return None
        return t("validate.links.bad_scheme", target=target, scheme=scheme)
    if target.startswith("#") or not target.split("#", 1)[0].split("?", 1)[0]:
        return None
    if target.startswith("/"):
        # the link as it should be: to the file, relative (an element page as the example)
        return t("validate.links.absolute", target=target, example=element_src(t("starter.example_element.file")))
    resolved = resolve_relative(target, page_src)
    candidates = [resolved]
    if target.split("#", 1)[0].endswith("/"):
        candidates += [resolved + "/index.md", resolved + ".md"]
    if resolved.startswith("..") or not any(known(c) for c in candidates):
        return t("validate.links.broken", target=target, resolved=resolved)
    return None
