"""Escaping for the two places our strings go: HTML and Markdown text."""
from __future__ import annotations

import html
import re

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


def h(value: object) -> str:
    """Escape for HTML text and double-quoted attributes."""
    return html.escape(str(value), quote=True)


def md(value: object) -> str:
    """Plain text safe inside Markdown: HTML-escaped, Markdown punctuation neutralised."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(str(value), quote=False))
