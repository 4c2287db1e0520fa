"""Front matter in the form the browser editor writes it, so that a save there changes only
what the editor changed.

Decap CMS (core/site/beheer.py) rewrites the whole front matter on every save: it parses
it, orders the keys as the fields in its config.yml (the schema's order) and writes it
with the `yaml` package (1.10, Decap's bundled version) and its defaults: strings plain
where YAML 1.2 reads them back as the same string, else double-quoted (single-quoted
when the text holds a `"` and no `'`), lines folded at 80 characters, every list as a
block list indented by two spaces, an empty list as `[]`, nothing as `null`. Comments
and flow lists (`[a, b]`) are lost. The body stays as it was.

`front_matter()` writes values in exactly that form (a port of the parts of `yaml` 1.10
that our values reach; tests/browser/test_decapyaml_node.py compares it with the package
itself), so a file written here comes back from the editor unchanged but for the edit.
Lengths are counted in characters; `yaml` counts UTF-16 units, so a line with characters
outside the Basic Multilingual Plane (emoji) may fold elsewhere.
"""
from __future__ import annotations

import json
import re

from ..sources import frontmatter, yamltree

LINE_WIDTH = 80
MIN_CONTENT_WIDTH = 20
MIN_MULTILINE_LENGTH = 40  # a double-quoted text shorter than this keeps its \n escapes
INDENT = "  "
_DOCUMENT_MARKER = re.compile(r"^(%|---|\.\.\.)", re.M)
_NOT_PLAIN = re.compile(r"^[\n\t ,\[\]{}#&*!|>'\"%@`]|^[?-]\Z|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]\Z")
# What YAML 1.2's core schema reads as something other than a string.
_CORE_NOT_STRING = re.compile(
    r"~|null|Null|NULL|true|True|TRUE|false|False|FALSE"
    r"|0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+|(?i:[-+]?\.inf|\.nan)"
    r"|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_SHORT_ESCAPES = {"0000": "\\0", "0007": "\\a", "000b": "\\v", "001b": "\\e", "0085": "\\N",
                  "00a0": "\\_", "2028": "\\L", "2029": "\\P"}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _fold(text: str, indent: str, mode: str, indent_at_start: int | None = None) -> str:
    """yaml's foldFlowLines: break at single spaces so lines stay within LINE_WIDTH."""
    end_step = max(1 + MIN_CONTENT_WIDTH, 1 + LINE_WIDTH - len(indent))
    if len(text) <= end_step:
        return text
    folds: list[int] = []
    escaped: set[int] = set()
    end = LINE_WIDTH - len(indent)
    if indent_at_start is not None:
        if indent_at_start > LINE_WIDTH - max(2, MIN_CONTENT_WIDTH):
            folds.append(0)
        else:
            end = LINE_WIDTH - indent_at_start
    split = None
    prev = None
    i = -1
    esc_start = esc_end = -1
    if mode == "block":
        i = _more_indented(text, i)
        if i != -1:
            end = i + end_step
    while True:
        i += 1
        if i >= len(text):
            break
        ch = text[i]
        if mode == "quoted" and ch == "\\":
            esc_start = i
            i += {"x": 3, "u": 5, "U": 9}.get(text[i + 1] if i + 1 < len(text) else "", 1)
            esc_end = i
        if ch == "\n":
            if mode == "block":
                i = _more_indented(text, i)
            end = i + end_step
            split = None
        else:
            if ch == " " and prev and prev not in " \n\t":
                following = text[i + 1] if i + 1 < len(text) else ""
                if following and following not in " \n\t":
                    split = i
            if i >= end:
                if split:
                    folds.append(split)
                    end = split + end_step
                    split = None
                elif mode == "quoted":
                    while prev in (" ", "\t"):
                        prev = ch
                        i += 1
                        ch = text[i] if i < len(text) else ""
                    j = i - 2 if i > esc_end + 1 else esc_start - 1
                    if j in escaped:
                        return text
                    folds.append(j)
                    escaped.add(j)
                    end = j + end_step
                    split = None
        prev = ch
    if not folds:
        return text
    result = text[:folds[0]]
    for n, fold in enumerate(folds):
        stop = folds[n + 1] if n + 1 < len(folds) else len(text)
        if fold == 0:
            result = f"\n{indent}{text[:stop]}"
        else:
            if mode == "quoted" and fold in escaped:
                result += f"{text[fold]}\\"
            result += f"\n{indent}{text[fold + 1:stop]}"
    return result


def _more_indented(text: str, i: int) -> int:
    """yaml's consumeMoreIndentedLines."""
    ch = text[i + 1] if i + 1 < len(text) else ""
    while ch in (" ", "\t"):
        while True:
            i += 1
            ch = text[i] if i < len(text) else ""
            if not ch or ch == "\n":
                break
        ch = text[i + 1] if i + 1 < len(text) else ""
    return i


def _double_quoted(value: str, indent: str, indent_at_start: int | None) -> str:
    encoded = json.dumps(value, ensure_ascii=False)
    indent = indent or ("  " if _DOCUMENT_MARKER.search(value) else "")
    out = ""
    start = 0
    i = 0
    while i < len(encoded):
        ch = encoded[i]
        if ch == " " and encoded[i + 1:i + 3] == "\\n":
            out += encoded[start:i] + "\\ "
            i += 1
            start = i
            ch = "\\"
        if ch == "\\":
            following = encoded[i + 1] if i + 1 < len(encoded) else ""
            if following == "u":
                out += encoded[start:i]
                code = encoded[i + 2:i + 6]
                out += _SHORT_ESCAPES.get(code) or ("\\x" + code[2:] if code.startswith("00") else encoded[i:i + 6])
                i += 5
                start = i + 1
            elif following == "n":
                if encoded[i + 2:i + 3] == '"' or len(encoded) < MIN_MULTILINE_LENGTH:
                    i += 1
                else:
                    out += encoded[start:i] + "\n\n"
                    while encoded[i + 2:i + 4] == "\\n" and encoded[i + 4:i + 5] != '"':
                        out += "\n"
                        i += 2
                    out += indent
                    if encoded[i + 2:i + 3] == " ":
                        out += "\\"
                    i += 1
                    start = i + 1
            else:
                i += 1
        i += 1
    out = out + encoded[start:] if start else encoded
    return _fold(out, indent, "quoted", indent_at_start)


def _single_quoted(value: str, indent: str, indent_at_start: int | None) -> str:
    if re.search(r"[ \t]\n|\n[ \t]", value):
        return _double_quoted(value, indent, indent_at_start)
    indent = indent or ("  " if _DOCUMENT_MARKER.search(value) else "")
    text = "'" + re.sub(r"\n+", lambda m: m.group(0) + "\n" + indent, value.replace("'", "''")) + "'"
    return _fold(text, indent, "flow", indent_at_start)


def _block(value: str, indent: str, indent_at_start: int | None) -> str:
    if re.search(r"\n[\t ]+\Z", value) or re.fullmatch(r"\s*", value):
        return _double_quoted(value, indent, indent_at_start)
    indent = indent or ("  " if _DOCUMENT_MARKER.search(value) else "")
    size = "2" if indent else "1"
    literal = not _over_limit(value, len(indent))
    header = "|" if literal else ">"
    ws_start = ws_end = ""
    trailing = re.search(r"[\n\t ]*\Z", value).group(0)
    n = trailing.find("\n")
    if n == -1:
        header += "-"
    elif value == trailing or n != len(trailing) - 1:
        header += "+"
    ws_end = re.sub(r"\n\Z", "", trailing)
    value = value[:len(value) - len(trailing)]
    leading = re.match(r"^[\n ]*", value).group(0)
    if " " in leading:
        header += size
    spaces = re.search(r" +\Z", leading)
    if spaces:
        ws_start = leading[:-len(spaces.group(0))]
        value = spaces.group(0) + value[len(leading):]
    else:
        ws_start = leading
        value = value[len(leading):]
    if ws_end:
        ws_end = re.sub(r"\n+(?!\n|$)", lambda m: m.group(0) + indent, ws_end)
    if ws_start:
        ws_start = re.sub(r"\n+", lambda m: m.group(0) + indent, ws_start)
    if not value:
        return f"{header}{size}\n{indent}{ws_end}"
    if literal:
        value = re.sub(r"\n+", lambda m: m.group(0) + indent, value)
        return f"{header}\n{indent}{ws_start}{value}{ws_end}"
    value = re.sub(r"\n+", lambda m: "\n" + m.group(0), value)
    value = re.sub(r"(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?",
                   lambda m: m.group(1) + (m.group(2) or ""), value)
    value = re.sub(r"\n+", lambda m: m.group(0) + indent, value)
    return f"{header}\n{indent}" + _fold(f"{ws_start}{value}{ws_end}", indent, "block")


def _over_limit(text: str, indent_length: int) -> bool:
    """yaml's lineLengthOverLimit."""
    limit = LINE_WIDTH - indent_length
    if len(text) <= limit:
        return False
    start = 0
    for i, ch in enumerate(text):
        if ch == "\n":
            if i - start > limit:
                return True
            start = i + 1
            if len(text) - start <= limit:
                return False
    return True


def scalar(value: str, indent: str, indent_at_start: int | None = None) -> str:
    """One string as `yaml` 1.10 writes it (its stringifyString with default options)."""
    if _CONTROL.search(value):
        return _double_quoted(value, indent, indent_at_start)
    if not value or _NOT_PLAIN.search(value):
        if "\n" not in value:
            if '"' in value and "'" not in value:
                return _single_quoted(value, indent, indent_at_start)
            return _double_quoted(value, indent, indent_at_start)
        return _block(value, indent, indent_at_start)
    if "\n" in value:
        return _block(value, indent, indent_at_start)
    if _CORE_NOT_STRING.fullmatch(value):
        return _double_quoted(value, indent, indent_at_start)
    return _fold(value, indent, "flow", indent_at_start)



def front_matter(values: dict[str, str | list[str] | None]) -> str:
    """The YAML between the `---` lines (without them, ending in a newline), keys in the
    order given (give them in the schema's order, as the editor sorts them)."""
    lines = []
    for key, value in values.items():
        head = f"{key}:"
        if value is None:
            lines.append(f"{head} null")
        elif isinstance(value, list):
            if not value:
                lines.append(f"{head} []")
                continue
            lines.append(head)
            for item in value:
                lines.append(f"{INDENT}- " + (scalar(item, INDENT * 2) if item is not None else "null"))
        else:
            text = scalar(value, INDENT, len(head) + 1)
            lines.append(head + ("" if text.startswith("\n") else " ") + text)
    return "\n".join(lines) + "\n"


def _plain_values(node) -> str | list[str] | None:
    if isinstance(node, yamltree.Seq):
        return [_plain_values(item) for item in node.items]
    if isinstance(node, yamltree.Scalar):
        return node.value
    return None  # a nested mapping: not in an element's front matter (the check says so)


def element_text(text: str, field_order: list[str]) -> str:
    """An element file (its text) with its front matter in the editor's form: the same
    values, keys in `field_order` (the schema's; others after them, as they were), the
    body byte for byte. Raises frontmatter.DocumentProblem for a file the check refuses."""
    document = frontmatter.split(text)
    meta = document.meta.items
    keys = [k for k in field_order if k in meta] + [k for k in meta if k not in field_order]
    values = {key: _plain_values(meta[key][1]) for key in keys}
    body = text.split("\n", document.body_first_line - 1)[-1]
    return "---\n" + front_matter(values) + "---\n" + body
