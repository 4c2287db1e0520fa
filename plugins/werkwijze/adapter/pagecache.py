"""Fast previews: under `mkdocs serve --dirty` rebuild only the pages a save changed.

MkDocs' dirty mode skips every page whose File is not modified; generated pages held
in memory always count as modified. So each generated page's Markdown is written to a
cache folder, and rewritten only when its content changed. An edited element then
changes its own page's Markdown and that of every page that shows something of it
(lists that name its title, summary or facets; neighbours that link to it), and only
those are built again.

What the Markdown does not hold, the plugin handles (plugin.py):
- `fingerprint()` of what every page depends on (mkdocs.yml, the data files, which docs
  pages and elements exist): when it changes, every page is built again;
- pages in the nav and hand-written pages (chapters with directives, pages with a
  generated listing) are always built: other pages show their titles in the nav;
- the Pagefind index keeps the records of pages a dirty build did not build
  (search.py).
"""
from __future__ import annotations

import hashlib
from pathlib import Path


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


class PageCache:
    def __init__(self, folder: Path):
        self.folder = folder
        self._digests: dict[str, str] = {}  # src URI -> digest of the Markdown on disk
        self._sources: dict[str, object] = {}  # src URI -> what that Markdown was made from
        self.fingerprint: str | None = None

    def write(self, src_uri: str, markdown: str, source: object = None) -> str:
        """The cache file of a page; rewritten (newer mtime) only if its content changed.
        `source`: the (unchanging) object the Markdown was made from; the same one as last
        time (a page kept by core/site/pagememo.py) means the same Markdown, not hashed again."""
        path = self.folder / src_uri
        if source is not None and self._sources.get(src_uri) is source and path.is_file():
            return str(path)
        digest = _digest(markdown)
        if self._digests.get(src_uri) != digest or not path.is_file():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(markdown, "utf-8")
            self._digests[src_uri] = digest
        self._sources[src_uri] = source
        return str(path)


def fingerprint(root: Path, config_file: str | None, data_dir: Path, docs_uris, element_ids) -> str:
    """Changes when anything every page depends on changes (see the module docstring)."""
    parts = [Path(config_file).read_text("utf-8") if config_file and Path(config_file).is_file() else ""]
    for path in sorted(data_dir.rglob("*")) if data_dir.is_dir() else []:
        if path.is_file():
            parts.append(f"{path.relative_to(root)}\n{path.read_text('utf-8', errors='replace')}")
    parts.append("\n".join(sorted(docs_uris)))
    parts.append("\n".join(sorted(element_ids)))
    return _digest("\n\x00".join(parts))
