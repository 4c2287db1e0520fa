"""adapter/stash.py keeps the generator's finished HTML out of Python-Markdown. If a fragment
or Python-Markdown changes so that the stash no longer recognises a block, the build still
works, only slower and with lists in the search index: this test fails instead (issue #19:
no repair layer may stop working silently)."""
from __future__ import annotations

import re

from sitebuilder import Project


def test_generated_blocks_are_stashed_and_restored_in_a_real_build(tmp_path, monkeypatch):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from werkwijze.adapter.stash import Stash
    stashed: dict[str, int] = {}
    put = Stash.put

    def counting_put(self, src_uri, markdown):
        result = put(self, src_uri, markdown)
        stashed[src_uri] = len(self._early.get(src_uri, [])) + len(self._late.get(src_uri, []))
        return result
    monkeypatch.setattr(Stash, "put", counting_put)
    project = Project(tmp_path / "manual", {})
    site = tmp_path / "site"
    config = load_config(str(project.root / "mkdocs.yml"), site_dir=str(site))
    monkeypatch.chdir(project.root)
    build(config)
    # Element pages, the overview and facet pages: their lists and property blocks.
    for src in ("elementen/goed-overleg.md", "elementen/index.md", "themas/samenwerking.md"):
        assert stashed.get(src, 0) >= 1, f"nothing of {src} was kept out of Markdown"
    for page in site.rglob("*.html"):
        text = page.read_text("utf-8")
        assert not re.search(r"wwstash[0-9a-f]{12}", text), page  # every block came back
    element = (site / "elementen" / "goed-overleg" / "index.html").read_text("utf-8")
    assert 'class="ww-' in element
