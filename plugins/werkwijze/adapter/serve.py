"""What `mkdocs serve` keeps between rebuilds, behind one object.

MkDocs keeps the plugin instance across serve rebuilds, so these live as long:
- `elements` (core/model/elementcache.py): element files re-read and checked only when
  they, the data or the schema changed;
- `memo` (core/site/pagememo.py): rendered pages kept while everything they show is
  unchanged;
- `pages` (pagecache.py), only with `--dirty`: every generated page backed by a cache
  file that changes only with its content, so MkDocs rebuilds only what a save changed;
  its folder also holds the compiled templates;
- `fallback` (serve_fallback.py): the last good site, with a notice, while the content
  has problems;
- `written`: what the last build put in the site folder, so that a page that is gone (a
  renamed element's old address) is removed: `--dirty` does not clean the folder.
A plain `mkdocs build` has none of them.
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import jinja2

from ..core.model.elementcache import ElementCache
from ..core.site.pagememo import PageMemo
from .pagecache import PageCache
from .serve_fallback import KeptLastGood, ServeFallback


class ServeSession:
    def __init__(self, dirty: bool):
        self.elements = ElementCache()
        self.memo = PageMemo(lambda element: self.elements.entry(element.path))
        self.pages = PageCache(Path(tempfile.mkdtemp(prefix="werkwijze-serve-"))) if dirty else None
        self.fallback = ServeFallback()
        self.written: set[str] = set()  # site paths (dest_uri) of the last build's files

    def begin(self, urls) -> None:
        """A rebuild starts: pages kept from the last one are valid only for these inputs."""
        self.memo.begin((self.elements.context, urls))

    def remove_gone(self, dest_uris: set[str], site_dir: Path) -> None:
        """Delete from the site folder what the last build wrote and this one no longer
        has, so the server stops serving it (a renamed element's stale page)."""
        for gone in self.written - dest_uris:
            (site_dir / gone).unlink(missing_ok=True)
        self.written = dest_uris

    def failed(self, error: Exception) -> None:
        if self.pages is not None and not isinstance(error, KeptLastGood):
            self.pages.fingerprint = None  # pages and index may disagree: build all next time

    def bytecode_cache(self) -> jinja2.BytecodeCache | None:
        """MkDocs makes a fresh template environment per rebuild: keep the compiled templates."""
        return jinja2.FileSystemBytecodeCache(str(self.pages.folder)) if self.pages else None

    def close(self) -> None:
        if self.pages is not None:
            shutil.rmtree(self.pages.folder, ignore_errors=True)
