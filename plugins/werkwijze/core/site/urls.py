"""Page URLs the way MkDocs makes them, and relative links between pages.

Generated lists are raw HTML (fast, escaped by us), which MkDocs does not rewrite,
so we compute relative URLs ourselves.
"""
from __future__ import annotations

import functools
import posixpath
from dataclasses import dataclass


@dataclass(frozen=True)
class Urls:
    use_directory_urls: bool = True

    def url(self, src_uri: str) -> str:
        """Site-relative URL of a page, e.g. 'elementen/x/' (directory URLs)."""
        if not src_uri.endswith(".md"):
            return src_uri
        stem = src_uri[:-3]
        if not self.use_directory_urls:
            return stem + ".html"
        if stem == "index":
            return ""
        if stem.endswith("/index"):
            return stem[: -len("index")]
        return stem + "/"

    def relative(self, from_src: str, to_src: str, anchor: str = "") -> str:
        """A link from the page at from_src to the page (or file) at to_src."""
        return _relative(self, from_src, to_src) + (f"#{anchor}" if anchor else "")


# Listings link the same pages from the same folders thousands of times: remember the
# answers (Urls is frozen, hence hashable), and compute them by splitting the paths
# instead of posixpath.relpath (which makes both paths absolute first).
@functools.lru_cache(maxsize=1 << 16)
def _relative(urls: Urls, from_src: str, to_src: str) -> str:
    from_url, to_url = urls.url(from_src), urls.url(to_src)
    base = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url)
    base_parts = [p for p in base.split("/") if p and p != "."]
    target_parts = [p for p in (to_url or ".").split("/") if p and p != "."]
    common = 0
    for a, b in zip(base_parts, target_parts):
        if a != b:
            break
        common += 1
    rel = "/".join([".."] * (len(base_parts) - common) + target_parts[common:]) or "."
    if to_url.endswith("/") or not to_url:
        rel = rel.rstrip("/") + "/"
    return rel
