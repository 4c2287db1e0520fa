"""Keep generated element lists out of the Markdown parser.

Listings (`<ul class="ww-lijst">`, from `Renderer.entry_list`) are finished, escaped
HTML. Left in the Markdown, Python-Markdown's raw-HTML parser (md_in_html) walks every
tag of every list again, which made large manuals several times slower to build. We
swap each list for an empty placeholder <div> (cheap to parse, kept by the HTML cleaner,
no text for search) before Markdown runs, and put
it back in the page's final HTML (`on_post_page`), so search indexing does not parse
the lists either. They only repeat titles and summaries that the search index already
has from the element pages themselves.
"""
from __future__ import annotations

import re
import secrets

LIST_OPEN = '<ul class="ww-lijst">'
_LIST = re.compile(r'^<ul class="ww-lijst">\n.*?\n</ul>$', re.M | re.S)


def _placeholder(prefix: str, index: int) -> str:
    return f'<div data-ww-stash="{prefix}{index}"></div>'


class Stash:
    def __init__(self):
        # A fresh nonce per build: text in an element cannot pose as a placeholder.
        self._prefix = f"wwstash{secrets.token_hex(6)}n"
        self._blocks: dict[str, list[str]] = {}  # page src URI -> stashed HTML

    def put(self, src_uri: str, markdown: str) -> str:
        """Replace top-level listings with placeholders."""
        if LIST_OPEN not in markdown:
            return markdown
        blocks = self._blocks.setdefault(src_uri, [])

        def swap(match: re.Match) -> str:
            blocks.append(match.group(0))
            return _placeholder(self._prefix, len(blocks) - 1)

        return _LIST.sub(swap, markdown)

    def restore(self, src_uri: str, html: str) -> str:
        """Put the listings back into the page's final HTML."""
        for index, block in enumerate(self._blocks.pop(src_uri, ())):
            html = html.replace(_placeholder(self._prefix, index), block, 1)
        return html
