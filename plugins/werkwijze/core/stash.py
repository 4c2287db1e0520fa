"""Keep the generator's finished HTML out of the Markdown parser.

Listings, property lists, badges and the like are finished, escaped HTML. Left in the
Markdown, Python-Markdown's raw-HTML parser (md_in_html) walks every tag of them again,
which made large manuals several times slower to build. So before Markdown runs we
swap each top-level block `<p|ul|ol|dl|div class="ww-...">...</tag>` for an empty
placeholder <div> (cheap to parse, kept by the HTML cleaner, no text) and put the HTML
back afterwards:
- element listings (`ww-lijst`, `ww-facetten`) only in the page's final HTML
  (`restore_late`, from on_post_page), so search indexing does not parse them either:
  they repeat titles and summaries the index already has from the element pages;
- everything else right after Markdown (`restore_early`, from on_page_content), so
  search and the HTML cleaner see it as before.
"""
from __future__ import annotations

import re
import secrets
from collections.abc import Callable

# A block at the start of a line, after a blank line, up to its closing tag at a line end,
# with no blank line inside (our blocks have none; a blank line may end an HTML block).
_BLOCK = re.compile(r'(?:\A|(?<=\n\n))<(p|ul|ol|dl|div) class="(ww-[\w-]*)"[^>\n]*>'
                    r'(?:(?!\n\n).)*?</\1>(?=\n\n|\n?\Z)', re.S)
LATE_CLASSES = {"ww-lijst", "ww-facetten"}


def _placeholder(prefix: str, index: int) -> str:
    return f'<div data-ww-stash="{prefix}{index}"></div>'


class Stash:
    def __init__(self):
        # A fresh nonce per build: text in an element cannot pose as a placeholder.
        self._prefix = f"wwstash{secrets.token_hex(6)}n"
        self._early: dict[str, list[str]] = {}  # page src URI -> stashed HTML
        self._late: dict[str, list[str]] = {}

    def put(self, src_uri: str, markdown: str) -> str:
        """Replace top-level generated blocks with placeholders."""
        if 'class="ww-' not in markdown:
            return markdown
        early, late = self._early.setdefault(src_uri, []), self._late.setdefault(src_uri, [])

        def swap(match: re.Match) -> str:
            block, tag = match.group(0), match.group(1)
            opening = block[:block.index(">")]
            if block.count(f"<{tag}") != block.count(f"</{tag}>") or "markdown=" in opening:
                return block  # nested same tag, or Markdown inside: leave it to Markdown
            store, mark = (late, "L") if match.group(2) in LATE_CLASSES else (early, "E")
            store.append(block)
            return _placeholder(self._prefix + mark, len(store) - 1)

        return _BLOCK.sub(swap, markdown)

    def restore_early(self, src_uri: str, html: str) -> str:
        return self._restore(self._early.pop(src_uri, ()), "E", html, None)

    def restore_late(self, src_uri: str, html: str, clean: Callable[[str], str] | None = None) -> str:
        """Put the listings back into the page's final HTML (cleaned like the page was)."""
        return self._restore(self._late.pop(src_uri, ()), "L", html, clean)

    def _restore(self, blocks, mark: str, html: str, clean) -> str:
        for index, block in enumerate(blocks):
            html = html.replace(_placeholder(self._prefix + mark, index),
                                clean(block) if clean else block, 1)
        return html
