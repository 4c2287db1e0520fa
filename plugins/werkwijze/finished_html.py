"""Python-Markdown extension `werkwijze.finished_html`: the generator's finished HTML passes
through Markdown untouched and unparsed.

Listings, property lists, badges and the like are finished, escaped HTML (from the
fragments). Left to Python-Markdown, its raw-HTML parser (md_in_html) walks every tag of
them again, which made large manuals several times slower to build. This preprocessor
hands each top-level block `<p|ul|ol|dl|div class="ww-...">...</tag>` to Python-Markdown's
own store for raw HTML (`md.htmlStash`), as its raw-HTML preprocessor does, only without
parsing it: the block becomes a placeholder paragraph and Python-Markdown puts it back at
the end of `convert()`.

The placeholder paragraph is made by a block processor of its own, its text marked atomic:
Python-Markdown's inline patterns (twenty regexes) then pass it by, as they would find
nothing in it (a dozen such blocks per element page).

It is a plain Python-Markdown extension, registered in `markdown_extensions` (the plugin
adds it, `werkwijze export` writes it into the exported mkdocs.yml), so every engine that
runs Python-Markdown (MkDocs, ProperDocs, Zensical) treats the pages alike. It imports
nothing from an engine or from the rest of werkwijze. Without it the pages come out the
same, only slower: Python-Markdown's raw-HTML handling keeps the same blocks as they are.
"""
from __future__ import annotations

import re

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.preprocessors import Preprocessor
from markdown.util import AtomicString

# A block: a chunk between blank lines that opens with one of our classes and closes with
# the same tag (our blocks have no blank line inside). Chunks are found with str.split,
# not a per-character regex: this runs on every page of the site.
_OPENING = re.compile(r'<(p|ul|ol|dl|div) class="ww-[\w -]*"[^>\n]*>')
# After normalize_whitespace (30) and the fenced-code preprocessors (fenced_code and
# superfences, 25: code is stashed before we look), before the raw-HTML parser (20).
PRIORITY = 22
# Right after the empty-block processor (100): a placeholder is never indented or empty.
BLOCK_PRIORITY = 99


class FinishedHtmlPreprocessor(Preprocessor):
    def __init__(self, md: Markdown, placeholders: set[str]):
        super().__init__(md)
        self.placeholders = placeholders

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
            placeholder = self.md.htmlStash.store(block)
            self.placeholders.add(placeholder)
            chunks[index] = placeholder + chunk[len(block):]
        return "\n\n".join(chunks).split("\n")


class FinishedHtmlBlockProcessor(BlockProcessor):
    """The paragraph that holds one of our placeholders, as ParagraphProcessor would make
    it (`<p>placeholder</p>`, which RawHtmlPostprocessor replaces by the block), with its
    text atomic so that no inline pattern runs over it."""

    def __init__(self, parser, placeholders: set[str]):
        super().__init__(parser)
        self.placeholders = placeholders

    def test(self, parent: etree.Element, block: str) -> bool:
        return block in self.placeholders

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        etree.SubElement(parent, "p").text = AtomicString(blocks.pop(0))


class FinishedHtmlExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        placeholders: set[str] = set()  # this document's, emptied by reset()
        self.placeholders = placeholders
        md.registerExtension(self)
        md.preprocessors.register(FinishedHtmlPreprocessor(md, placeholders), "werkwijze_finished_html", PRIORITY)
        md.parser.blockprocessors.register(FinishedHtmlBlockProcessor(md.parser, placeholders),
                                           "werkwijze_finished_html", BLOCK_PRIORITY)

    def reset(self) -> None:
        self.placeholders.clear()


def makeExtension(**kwargs) -> FinishedHtmlExtension:
    return FinishedHtmlExtension(**kwargs)
