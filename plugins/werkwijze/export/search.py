"""The export's search index: the plugin's own Pagefind bundle.

The records are made from the rendered pages (adapter/search.py), which only a build has.
So the export builds the manual once with the plugin, the build `werkwijze publiceer`
runs (publish/engine.py, into a temporary folder), and ships its `pagefind/` folder in
docs/: every engine copies it as it is, and the site's search (assets/search.js) finds
the same records at the same URLs as on the plugin's site.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from ..adapter.search import OUTPUT
from ..core.i18n import t
from ..core.sources.project import read_theme
from ..publish.engine import build, engine_for
from .problems import ExportProblem


class SearchIndexProblem(ExportProblem):
    pass


def search_bundle(config_path: Path) -> dict[str, bytes]:
    """The Pagefind bundle of the manual's own build, by path in the site."""
    with tempfile.TemporaryDirectory(prefix="werkwijze-export-") as tmp:
        site = Path(tmp) / "site"
        result = build(config_path.parent, site, {}, strict=False,
                       engine=engine_for(read_theme(config_path)))
        bundle = site / OUTPUT
        if result.returncode != 0 or not (bundle / "pagefind.js").is_file():
            raise SearchIndexProblem(t("cli.export.search_failed", config=config_path.name))
        return {f"{OUTPUT}/{path.relative_to(bundle).as_posix()}": path.read_bytes()
                for path in sorted(bundle.rglob("*")) if path.is_file()}
