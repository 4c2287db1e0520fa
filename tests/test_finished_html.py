"""werkwijze.finished_html, the Python-Markdown extension that passes the generator's finished
HTML through Markdown unparsed (the speed of large manuals depends on it). If a fragment
or Python-Markdown changes so that the extension no longer recognises a block, the pages
still come out the same, only slower: the real-build test fails instead (issue #19: no
layer may stop working silently)."""
from __future__ import annotations

import re

import markdown

from sitebuilder import Project

from werkwijze import finished_html
from werkwijze.theme import REQUIRED_EXTENSIONS

BLOCK = '<ul class="ww-lijst"><li><a href="../x/">*Geen* nadruk</a></li></ul>'


def _render(text: str, extensions=("werkwijze.finished_html", "md_in_html")) -> tuple[str, markdown.Markdown]:
    md = markdown.Markdown(extensions=list(extensions))
    return md.convert(text), md


def test_a_finished_block_is_stored_whole_and_comes_back_as_it_was():
    html, md = _render(f"# Kop\n\nTekst met *nadruk*.\n\n{BLOCK}\n\nNa de lijst.\n")
    assert BLOCK in html and "<em>nadruk</em>" in html and "<p>Na de lijst.</p>" in html
    assert md.htmlStash.rawHtmlBlocks == [BLOCK]  # stored unparsed, as one block


def test_other_markup_is_left_to_markdown():
    text = ('<div class="ander">x</div>\n\n<div class="ww-x" markdown>*a*</div>\n\n'
            '<div class="ww-x"><div>open\n\n</div></div>\n\n```\n<ul class="ww-lijst"><li>code</li></ul>\n```\n')
    _, md = _render(text, ("werkwijze.finished_html", "md_in_html", "fenced_code"))
    assert not any(b.startswith('<ul class="ww-lijst">') for b in md.htmlStash.rawHtmlBlocks)
    assert all('class="ww-x"' not in b or "markdown" in b or b.count("<div") != 1
               for b in md.htmlStash.rawHtmlBlocks)


def test_the_same_html_without_the_extension():
    text = f"Tekst.\n\n{BLOCK}\n\n<dl class=\"ww-kenmerken\"><dt>Soort</dt><dd>x &amp; y</dd></dl>\n"
    def tags(html: str) -> str:  # blank lines between blocks differ, nothing else
        return re.sub(r">\s+<", "><", html)
    assert tags(_render(text)[0]) == tags(_render(text, ("md_in_html",))[0])


def test_every_engine_gets_it():
    assert "werkwijze.finished_html" in REQUIRED_EXTENSIONS  # the plugin's build and the export


def test_generated_blocks_pass_unparsed_in_a_real_build(tmp_path, monkeypatch):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    stored: list[int] = []
    run = finished_html.FinishedHtmlPreprocessor.run

    def counting_run(self, lines):
        before = self.md.htmlStash.html_counter
        result = run(self, lines)
        stored.append(self.md.htmlStash.html_counter - before)
        return result
    monkeypatch.setattr(finished_html.FinishedHtmlPreprocessor, "run", counting_run)
    project = Project(tmp_path / "manual", {})
    site = tmp_path / "site"
    config = load_config(str(project.root / "mkdocs.yml"), site_dir=str(site))
    monkeypatch.chdir(project.root)
    build(config)
    # Element pages, the overview and facet pages hold lists and property blocks.
    assert len([n for n in stored if n >= 1]) >= 5, "the extension kept nothing out of Markdown"
    element = (site / "elementen" / "goed-overleg" / "index.html").read_text("utf-8")
    assert 'class="ww-lijst"' in element and "\x02" not in element and "wzxhzdk" not in element


def test_its_placeholders_skip_the_inline_patterns_and_nothing_else(monkeypatch):
    # The placeholder paragraph comes out as Python-Markdown's own would; no inline pattern
    # looks at it (they find nothing in it), while the text around it is still processed.
    from markdown.treeprocessors import InlineProcessor
    seen: list[str] = []
    handle = InlineProcessor._InlineProcessor__handleInline

    def recording(self, data, patternIndex=0):
        seen.append(data)
        return handle(self, data, patternIndex)
    monkeypatch.setattr(InlineProcessor, "_InlineProcessor__handleInline", recording)
    text = f"Tekst met *nadruk*.\n\n{BLOCK}\n\n<p class=\"ww-x\">en *dit*</p>\n\nNa de lijst.\n"
    html, md = _render(text)
    assert not any("wzxhzdk" in data for data in seen), seen
    assert any("nadruk" in data for data in seen) and any("Na de lijst" in data for data in seen)
    monkeypatch.setattr(InlineProcessor, "_InlineProcessor__handleInline", handle)
    without = markdown.Markdown(extensions=["md_in_html"]).convert(text)
    assert re.sub(r">\s+<", "><", html) == re.sub(r">\s+<", "><", without)
