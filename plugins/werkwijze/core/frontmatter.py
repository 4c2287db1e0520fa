"""Split a Markdown file into front matter and body, strictly.

MkDocs silently treats broken front matter as body text, so we do it ourselves.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import yamltree
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
        raise DocumentProblem(1, f"Het bestand is te groot ({len(data) // 1024} kB). Houd een "
                              f"element onder {MAX_FILE_BYTES // 1024} kB.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DocumentProblem(line, "Het bestand is niet in UTF-8 opgeslagen. Sla het op als "
                              "UTF-8 (in de meeste editors: 'Opslaan als', codering UTF-8).") from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise DocumentProblem(line, "Het bestand bevat een ongeldig teken (NUL). Is het wel een "
                              "tekstbestand?")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split(text: str) -> Document:
    """Front matter between a first line `---` and the next `---` (or `...`) line."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != _FENCE:
        raise DocumentProblem(1, "Het bestand moet beginnen met kopregels: een regel '---', "
                              "dan de velden (zoals 'titel:'), dan weer een regel '---'.")
    end = None
    for index in range(1, len(lines)):
        if lines[index].rstrip() in (_FENCE, "..."):
            end = index
            break
    if end is None:
        raise DocumentProblem(1, "De kopregels worden niet afgesloten. Zet na het laatste veld "
                              "een regel met alleen '---'.")
    yaml_text = "\n".join(lines[1:end])
    if len(yaml_text) > MAX_FRONT_MATTER_CHARS:
        raise DocumentProblem(2, "De kopregels zijn te lang. Zet lange tekst in de inhoud onder "
                              "de kopregels.")
    try:
        root = yamltree.parse(yaml_text, first_line=2)
    except YamlProblem as exc:
        raise DocumentProblem(exc.line, exc.message) from None
    if root is None:
        raise DocumentProblem(1, "De kopregels zijn leeg. Vul ten minste titel, soort, "
                              "samenvatting, themas, betrokkenen, regios, bronnen en status in.")
    if not isinstance(root, yamltree.Map):
        raise DocumentProblem(root.line, "De kopregels moeten velden zijn in de vorm "
                              "'sleutel: waarde', geen losse tekst of lijst.")
    body = "\n".join(lines[end + 1:])
    return Document(meta=root, body=body, body_first_line=end + 2)
