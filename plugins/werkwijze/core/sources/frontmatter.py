"""Split a Markdown file into front matter and body, strictly.

MkDocs silently treats broken front matter as body text, so we do it ourselves.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import yamltree
from ..i18n import t
from .yamltree import YamlProblem

MAX_FILE_BYTES = 256 * 1024
MAX_FRONT_MATTER_CHARS = 32 * 1024
_FENCE = "---"


@dataclass
class Document:
    meta: yamltree.Map
    body: str
    body_first_line: int  # file line of the body's first line


class DocumentProblem(Exception):
    def __init__(self, line: int, message: str):
        self.line = line
        self.message = message
        super().__init__(f"{line}: {message}")


def decode(data: bytes) -> str:
    """UTF-8 (a BOM is fine), CRLF/CR normalised to LF."""
    if len(data) > MAX_FILE_BYTES:
        raise DocumentProblem(1, t("validate.front_matter.too_big", size=len(data) // 1024,
                                   limit=MAX_FILE_BYTES // 1024))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DocumentProblem(line, t("validate.front_matter.not_utf8")) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise DocumentProblem(line, t("validate.front_matter.nul"))
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split(text: str) -> Document:
    """Front matter between a first line `---` and the next `---` (or `...`) line."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != _FENCE:
        raise DocumentProblem(1, t("validate.front_matter.missing"))
    end = None
    for index in range(1, len(lines)):
        if lines[index].rstrip() in (_FENCE, "..."):
            end = index
            break
    if end is None:
        raise DocumentProblem(1, t("validate.front_matter.not_closed"))
    yaml_text = "\n".join(lines[1:end])
    if len(yaml_text) > MAX_FRONT_MATTER_CHARS:
        raise DocumentProblem(2, t("validate.front_matter.too_long"))
    try:
        root = yamltree.parse(yaml_text, first_line=2)
    except YamlProblem as exc:
        raise DocumentProblem(exc.line, exc.message) from None
    if root is None:
        raise DocumentProblem(1, t("validate.front_matter.empty"))
    if not isinstance(root, yamltree.Map):
        raise DocumentProblem(root.line, t("validate.front_matter.not_mapping"))
    body = "\n".join(lines[end + 1:])
    return Document(meta=root, body=body, body_first_line=end + 2)
