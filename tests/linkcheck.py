"""Broken internal links in a built site (test helper): every href and src of every page
that points into the site (relative, or absolute under the site's own path), with its
#anchor. Addresses printed as text (citations) are not links and are not checked here."""
from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

_REF = re.compile(r'\s(?:href|src)="([^"]*)"')
_ID = re.compile(r'\sid="([^"]+)"')
_SKIP = ("mailto:", "tel:", "data:", "javascript:")


def page_urls(site: Path) -> set[str]:
    """Every page's URL relative to the site ('', 'elementen/x/', '404.html')."""
    urls = set()
    for page in site.rglob("*.html"):
        rel = page.relative_to(site).as_posix()
        urls.add(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return urls


def broken_links(site: Path, site_url: str = "https://example.org/") -> list[str]:
    """'page -> address' for each link to a missing file or anchor. `site_url` places the
    site, so that absolute links to it (canonical URLs) are checked too."""
    base = urlsplit(site_url)
    root = base.path if base.path.endswith("/") else base.path + "/"
    anchors: dict[Path, set[str]] = {}
    broken = []
    for page in sorted(site.rglob("*.html")):
        text = page.read_text("utf-8", errors="replace")
        here = urljoin(f"{base.scheme}://{base.netloc}{root}", page.relative_to(site).as_posix())
        for ref in (html.unescape(r) for r in _REF.findall(text)):
            if not ref or ref.startswith(_SKIP):
                continue
            address = urlsplit(urljoin(here, ref))
            if address.netloc != base.netloc:
                continue  # another site
            if not address.path.startswith(root):
                if not urlsplit(ref).netloc:  # a relative link that climbed out of the site
                    broken.append(f"{page.relative_to(site)} -> {ref} (outside the site)")
                continue
            target = site / unquote(address.path[len(root):])
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{page.relative_to(site)} -> {ref}")
                continue
            if address.fragment and target.suffix == ".html":
                if target not in anchors:
                    anchors[target] = set(_ID.findall(target.read_text("utf-8", errors="replace")))
                if unquote(address.fragment) not in anchors[target]:
                    broken.append(f"{page.relative_to(site)} -> {ref} (no such anchor)")
    return broken
