"""Python-Markdown extension `werkwijze.finished_html`: the generator's finished HTML passes
through Markdown untouched and unparsed.

Listings, property lists, badges and the like are finished, escaped HTML (from the
fragments). Left to Python-Markdown, its raw-HTML parser (md_in_html) walks every tag of
them again, which made large manuals several times slower to build. This preprocessor
hands each top-level block `<p|ul|ol|dl|div class="ww-...">...</tag>` to Python-Markdown's
own store for raw HTML (`md.htmlStash`), as its raw-HTML preprocessor does, only without
parsing it: the block becomes a placeholder paragraph and Python-Markdown puts it back at
the end of `convert()`.

It is a plain Python-Markdown extension, registered in `markdown_extensions` (the plugin
adds it, `werkwijze export` writes it into the exported mkdocs.yml), so every engine that
runs Python-Markdown (MkDocs, ProperDocs, Zensical) treats the pages alike. It imports
nothing from an engine or from the rest of werkwijze. Without it the pages come out the
same, only slower: Python-Markdown's raw-HTML handling keeps the same blocks as they are.
"""
from __future__ import annotations

import re

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

# A block: a chunk between blank lines that opens with one of our classes and closes with
# the same tag (our blocks have no blank line inside). Chunks are found with str.split,
# not a per-character regex: this runs on every page of the site.
_OPENING = re.compile(r'<(p|ul|ol|dl|div) class="ww-[\w -]*"[^>\n]*>')
# After normalize_whitespace (30) and the fenced-code preprocessors (fenced_code and
# superfences, 25: code is stashed before we look), before the raw-HTML parser (20).
PRIORITY = 22


class FinishedHtmlPreprocessor(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if 'class="ww-' not in text:
            return lines
        chunks = text.split("\n\n")
        for index, chunk in enumerate(chunks):
            match = _OPENING.match(chunk)
            if match is None:
                continue
            tag = match.group(1)
            block = chunk.rstrip("\n")
            if (not block.endswith(f"</{tag}>") or "markdown=" in match.group(0)
                    or block.count(f"<{tag}") != block.count(f"</{tag}>")):
                continue  # not one whole block, nested same tag, or Markdown inside
            # A placeholder on its own: a paragraph to Markdown, the block again after.
            chunks[index] = self.md.htmlStash.store(block) + chunk[len(block):]
        return "\n\n".join(chunks).split("\n")


class FinishedHtmlExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(FinishedHtmlPreprocessor(md), "werkwijze_finished_html", PRIORITY)


def makeExtension(**kwargs) -> FinishedHtmlExtension:
    return FinishedHtmlExtension(**kwargs)
