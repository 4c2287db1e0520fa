"""Keep the generator's finished HTML out of the Markdown parser.

Listings, property lists, badges and the like are finished, escaped HTML. Left in the
Markdown, Python-Markdown's raw-HTML parser (md_in_html) walks every tag of them again,
which made large manuals several times slower to build. So before Markdown runs we
swap each top-level block `<p|ul|ol|dl|div class="ww-...">...</tag>` for a placeholder
word (a paragraph to Markdown: no raw-HTML parsing at all) and put the HTML back
afterwards, in one pass over the page:
- element listings and parts that repeat other pages (`LATE_CLASSES`: lists, facet
  labels, source citations, 'how to cite', werkkaarten) only in the page's final HTML
  (`restore_late`, from on_post_page), so search indexing does not parse them either:
  the index has that text from the pages it belongs to;
- everything else right after Markdown (`restore_early`, from on_page_content), so
  search and the HTML cleaner see it as before. There the late placeholders become
  empty `<div data-ww-stash>`s: no text for the search index, kept by the cleaner.
"""
from __future__ import annotations

import re
import secrets
from collections.abc import Callable

# A block: a chunk between blank lines that opens with one of our classes and closes
# with the same tag (our blocks have no blank line inside; a blank line may end an HTML
# block). Chunks are found with str.split, not a per-character regex: this runs on every
# page of the site.
_OPENING = re.compile(r'<(p|ul|ol|dl|div) class="(ww-[\w-]*)"[^>\n]*>')
# Listings, and element-page parts that only repeat what other pages hold (facet labels,
# citations of sources, how to cite the page, cards): kept out of the search index.
LATE_CLASSES = {"ww-lijst", "ww-facetten", "ww-kenmerken", "ww-bronnen", "ww-verwijzing",
                "ww-kaarten"}


class Stash:
    def __init__(self):
        # A fresh nonce per build: text in an element cannot pose as a placeholder.
        self._prefix = f"wwstash{secrets.token_hex(6)}"
        self._token = re.compile(f"<p>{self._prefix}([EL])(\\d+)</p>")
        self._late_mark = re.compile(f'<div data-ww-stash="{self._prefix}L(\\d+)"></div>')
        self._early: dict[str, list[str]] = {}  # page src URI -> stashed HTML
        self._late: dict[str, list[str]] = {}

    def put(self, src_uri: str, markdown: str) -> str:
        """Replace top-level generated blocks with placeholders."""
        if 'class="ww-' not in markdown:
            return markdown
        early, late = self._early.setdefault(src_uri, []), self._late.setdefault(src_uri, [])
        chunks = markdown.split("\n\n")
        for index, chunk in enumerate(chunks):
            match = _OPENING.match(chunk)
            if match is None:
                continue
            tag = match.group(1)
            last = index == len(chunks) - 1
            block = chunk[:-1] if last and chunk.endswith("\n") else chunk
            if (not block.endswith(f"</{tag}>") or "markdown=" in match.group(0)
                    or block.count(f"<{tag}") != block.count(f"</{tag}>")):
                continue  # not one whole block, nested same tag, or Markdown inside
            store, mark = (late, "L") if match.group(2) in LATE_CLASSES else (early, "E")
            store.append(block)
            # A bare word: Markdown makes it a paragraph without its raw-HTML parser.
            chunks[index] = f"{self._prefix}{mark}{len(store) - 1}" + chunk[len(block):]
        return "\n\n".join(chunks)

    def restore_early(self, src_uri: str, html: str) -> str:
        """Put back the early blocks; late ones become empty <div>s (no text to index)."""
        early = self._early.pop(src_uri, None)
        if not early and not self._late.get(src_uri):
            return html

        def back(match: re.Match) -> str:
            if match.group(1) == "E":
                return early[int(match.group(2))]
            return f'<div data-ww-stash="{self._prefix}L{match.group(2)}"></div>'
        return self._token.sub(back, html)

    def restore_late(self, src_uri: str, html: str, clean: Callable[[str], str] | None = None) -> str:
        """Put the listings back into the page's final HTML (cleaned like the page was)."""
        late = self._late.pop(src_uri, None)
        if not late:
            return html

        def back(match: re.Match) -> str:
            block = late[int(match.group(1))]
            return clean(block) if clean else block
        return self._late_mark.sub(back, html)
