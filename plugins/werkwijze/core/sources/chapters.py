"""Hand-written chapters: the `/// elementen` directive, links, and what they include.

The directive embeds a filtered list of elements in a chapter (its name is the manual's
`addresses.elements`: `/// elements` in a manual whose elements live at /elements/):

    /// elementen
    thema: partnerschap
    soort: werkzaam, belemmerend
    ///

Each line is `<facet>: <value>[, <value>...]` with a facet from the schema (soort,
thema, regio, betrokkene, perspectief, status). Within a facet values are OR-ed,
facets are AND-ed; no lines means all elements.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from .frontmatter import DocumentProblem, decode
from ..i18n import t
from ..paths import addresses
from ..problems import ProblemList
from ..suggest import did_you_mean
from .markdown import code_lines



@functools.lru_cache(maxsize=8)
def _opening(name: str) -> re.Pattern:
    return re.compile(rf"^(/{{3,}})\s*{re.escape(name)}\s*$")

_TITLE = re.compile(r"^#\s+(.+?)\s*#*\s*$")


@dataclass
class Directive:
    line: int  # file line of the opening `/// elementen`
    start: int  # index of the opening line in the text's lines
    end: int  # index of the closing line
    filters: dict[str, list[str]] = field(default_factory=dict)
    problems: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class Chapter:
    src_uri: str  # path relative to the docs folder
    path: str  # path relative to the project root, for messages
    title: str
    markdown: str  # without front matter
    first_line: int  # file line of the markdown's first line
    directives: list[Directive] = field(default_factory=list)


def strip_front_matter(text: str) -> tuple[str, int]:
    """MkDocs-style front matter is the chapter's own business; skip it for scanning."""
    lines = text.split("\n")
    if lines and lines[0].rstrip() == "---":
        for index in range(1, len(lines)):
            if lines[index].rstrip() in ("---", "..."):
                return "\n".join(lines[index + 1:]), index + 2
    return text, 1


def find_directives(markdown: str, first_line: int, facets: dict[str, set[str] | None]) -> list[Directive]:
    """Find and parse directives. `facets` maps facet name -> allowed values."""
    lines = markdown.split("\n")
    code = code_lines(lines)
    found: list[Directive] = []
    name = addresses().elements
    opening = _opening(name)
    index = 0
    while index < len(lines):
        line = lines[index]
        if code[index]:
            index += 1
            continue
        opened = opening.match(line)
        if not opened:
            index += 1
            continue
        closing = opened.group(1)
        end = index + 1
        while end < len(lines) and lines[end].strip() != closing:
            end += 1
        directive = Directive(first_line + index, index, min(end, len(lines) - 1))
        if end >= len(lines):
            directive.problems.append((directive.line, t("validate.chapters.directive_not_closed",
                                                         closing=closing, name=name)))
        for offset, raw in enumerate(lines[index + 1:end], start=index + 1):
            _parse_filter(raw, first_line + offset, facets, directive, name)
        found.append(directive)
        index = end + 1
    return found


def _example(facets: dict[str, set[str] | None]) -> str:
    """A filter line that works: the first facet and its first value (`soort: belemmerend`)."""
    name = next(iter(facets), "")
    values = sorted(facets.get(name) or ())
    return f"{name}: {values[0] if values else '<id>'}"


def _parse_filter(raw: str, line: int, facets: dict[str, set[str] | None], directive: Directive,
                  name: str) -> None:
    if not raw.strip():
        return
    key, sep, value = raw.partition(":")
    key = key.strip()
    if not sep or key not in facets:
        directive.problems.append((line, t("validate.chapters.unknown_filter", key=key, name=name,
                                           hint=did_you_mean(key, facets),
                                           allowed=", ".join(facets),
                                           example=_example(facets))))
        return
    values = [v.strip() for v in value.split(",") if v.strip()]
    if not values:
        directive.problems.append((line, t("validate.chapters.filter_empty", key=key)))
        return
    allowed = facets[key]
    for v in values:
        if allowed is not None and v not in allowed:
            directive.problems.append((line, t("validate.chapters.unknown_filter_value", value=v,
                                               key=key, hint=did_you_mean(v, allowed),
                                               allowed=", ".join(sorted(allowed)))))
    directive.filters[key] = values


def load_chapters(docs_dir: Path, rel_dir: str, facets: dict[str, set[str] | None],
                  problems: ProblemList) -> tuple[dict[str, Chapter], set[str]]:
    """All Markdown chapters and the set of every file's src URI in the docs folder."""
    chapters: dict[str, Chapter] = {}
    files: set[str] = set()
    if not docs_dir.is_dir():
        return chapters, files
    for path in sorted(docs_dir.rglob("*")):
        rel_parts = path.relative_to(docs_dir).parts
        if not path.is_file() or any(part.startswith(".") for part in rel_parts):
            continue
        src_uri = "/".join(rel_parts)
        files.add(src_uri)
        if path.suffix != ".md":
            continue
        rel = f"{rel_dir}/{src_uri}"
        try:
            text = decode(path.read_bytes())
        except DocumentProblem as exc:
            problems.add(rel, exc.line, exc.message)
            continue
        markdown, first_line = strip_front_matter(text)
        title = next((m.group(1) for m in map(_TITLE.match, markdown.split("\n")) if m), "")
        chapter = Chapter(src_uri, rel, title or path.stem, markdown, first_line)
        chapter.directives = find_directives(markdown, first_line, facets)
        for directive in chapter.directives:
            for line, message in directive.problems:
                problems.add(rel, line, message)
        chapters[src_uri] = chapter
    return chapters, files
