"""Page URLs the way MkDocs makes them, relative links between pages, and which optional
addresses a build publishes.

Generated lists are raw HTML (fast, escaped by us), which MkDocs does not rewrite,
so we compute relative URLs ourselves.
"""
from __future__ import annotations

from collections.abc import Mapping
import posixpath
from dataclasses import dataclass


@dataclass(frozen=True)
class Publication:
    """What the published folder holds beyond the pages of one build, so that the site
    prints only addresses that exist there. `werkwijze publiceer` sets both (through
    `extra.werkwijze_publicatie` in the config it builds with); a plain build or a preview
    publishes neither.

    - `pdf`: the PDFs are printed into `pdf/` beside the pages: the pages link to them.
    - `editions`: every edition is kept under `edities/<versie>/`: references name that
      permanent address instead of the page's current one.
    """
    pdf: bool = False
    editions: bool = False

    CONFIG_KEY = "werkwijze_publicatie"  # in `extra:` of the config a build runs with

    @classmethod
    def from_extra(cls, extra) -> "Publication":
        settings = extra.get(cls.CONFIG_KEY) if isinstance(extra, Mapping) else None
        if not isinstance(settings, Mapping):
            return cls()
        return cls(pdf=settings.get("pdf") is True, editions=settings.get("edities") is True)

    def to_extra(self) -> dict:
        return {self.CONFIG_KEY: {"pdf": self.pdf, "edities": self.editions}}


@dataclass(frozen=True)
class Urls:
    use_directory_urls: bool = True
    publication: Publication = Publication()

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


# Relative links are computed by splitting the paths instead of posixpath.relpath (which
# makes both paths absolute first). Not cached: with directory URLs every element page is a
# folder of its own, so almost no pair of pages repeats (1% at 2,000 elements), and a cache
# of every pair held 20 MB at the build's peak.
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
