"""Every address a published folder prints exists in that folder.

Checked: every `href` and `src` in every HTML page (relative, root-relative and absolute
under the site's address), every address under the site's address printed as text (the
"Zo verwijst u naar deze pagina" references, the addresses on werkkaarten, with or without
`https://`), the `url` fields of the JSON files, the addresses in the CSV files and the
sitemap, each with its `#anchor`. Addresses on other hosts are not followed.

A link to a page that is a redirect (an element renamed with `aliassen`) is followed to the
page it leads to; its anchor must be on that page. Works on files only.
"""
from __future__ import annotations

import html
import json
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..core.validate.published import redirect_target

_ATTRIBUTE = re.compile(r"""\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
_ID = re.compile(r"""\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
_SKIP_SCHEMES = ("mailto:", "tel:", "data:", "javascript:", "blob:")
_TRAILING = ".,;:)"
_TEXT_FILES = (".html", ".xml", ".csv", ".txt", ".json")
_FOLLOW_LIMIT = 5  # redirects in a row


@dataclass(frozen=True)
class BrokenLink:
    file: str  # relative to the published folder
    line: int
    address: str
    anchor_missing: bool  # the page exists, the anchor does not


class LinkChecker:
    def __init__(self, folder: Path, site_url: str | None):
        self.folder = folder.resolve()
        parts = urlsplit(site_url or "")
        self.host = parts.netloc
        self.prefix = (parts.path or "/") if parts.path.endswith("/") else (parts.path or "") + "/"
        # An address under the site's address, with or without its scheme.
        self._printed = (re.compile(r"(?:https?://)?" + re.escape(self.host + self.prefix)
                                    + r"""[^\s<>"'`]*""") if self.host else None)
        self._ids: dict[Path, set[str]] = {}
        self._texts: dict[Path, str] = {}

    # -- what a file prints ----------------------------------------------------------
    def addresses(self, path: Path) -> list[tuple[int, str]]:
        """(line, address) pairs of one file, as written."""
        text = self._text(path)
        found: list[tuple[int, str]] = []
        if path.suffix == ".html":
            for match in _ATTRIBUTE.finditer(text):
                found.append((match.start(), html.unescape(match.group(1) if match.group(1) is not None
                                                          else match.group(2))))
        if self._printed is not None:
            plain = html.unescape(text) if path.suffix == ".html" else text
            for match in self._printed.finditer(plain):
                address = match.group(0).rstrip(_TRAILING)
                if not address.startswith("http"):
                    address = "https://" + address
                found.append((match.start() if plain is text else text.find(match.group(0)), address))
        if path.suffix == ".json":
            found += [(0, url) for url in _json_urls(text) if "://" not in url]
        return [(text.count("\n", 0, max(at, 0)) + 1, address) for at, address in found]

    # -- where an address leads ------------------------------------------------------
    def target(self, page: Path, address: str) -> tuple[Path | None, str] | None:
        """The file an address opens and its anchor; None for addresses outside the site."""
        if not address or address.startswith(_SKIP_SCHEMES) or address.startswith("#") and page.suffix != ".html":
            return None
        parts = urlsplit(address)
        if parts.scheme or parts.netloc:
            if parts.scheme not in ("http", "https", "") or parts.netloc != self.host or not self.host:
                return None
            path = parts.path
            if not (path + "/").startswith(self.prefix):
                return None
            rel = path[len(self.prefix):]
        elif parts.path.startswith("/"):
            if not (parts.path + "/").startswith(self.prefix):
                return (None, parts.fragment)  # root-relative, outside the site's path
            rel = parts.path[len(self.prefix):]
        else:
            here = page.relative_to(self.folder).parent.as_posix()
            # (`url` fields of a JSON file are relative to its site's root, where it lies.)
            base = "" if here == "." else here
            rel = posixpath.normpath(posixpath.join(base, parts.path)) if parts.path else \
                page.relative_to(self.folder).as_posix()
            if rel == ".":
                rel = ""
            if rel.startswith("../") or rel == "..":
                return (None, parts.fragment)
        return self._file(unquote(rel), keep_slash=parts.path.endswith("/")), unquote(parts.fragment)

    def _file(self, rel: str, keep_slash: bool) -> Path | None:
        candidate = (self.folder / rel) if rel else self.folder
        try:
            candidate.resolve().relative_to(self.folder)
        except ValueError:
            return None
        if candidate.is_dir():
            candidate = candidate / "index.html"
        elif keep_slash:
            return None
        return candidate if candidate.is_file() else None

    def _has_anchor(self, page: Path, anchor: str) -> bool:
        for _ in range(_FOLLOW_LIMIT):
            if anchor in self._anchors(page):
                return True
            # A redirect page (an old id) sends the reader, anchor and all, to its target.
            rel = "/" + page.relative_to(self.folder).as_posix()
            url = rel[: -len("index.html")] if rel.endswith("/index.html") else rel
            target = redirect_target(self._text(page)[:4000], url)
            if target is None:
                return False
            page = self._file(target.lstrip("/"), keep_slash=target.endswith("/"))
            if page is None:
                return False
        return False

    def _anchors(self, page: Path) -> set[str]:
        if page not in self._ids:
            self._ids[page] = {html.unescape(a or b) for a, b in _ID.findall(self._text(page))}
        return self._ids[page]

    def _text(self, path: Path) -> str:
        if path not in self._texts:
            self._texts[path] = path.read_text("utf-8", errors="replace")
        return self._texts[path]

    # -- the whole folder ------------------------------------------------------------
    def check(self) -> tuple[list[BrokenLink], int]:
        """Broken addresses, and how many addresses were checked."""
        broken: list[BrokenLink] = []
        checked = 0
        for path in sorted(self.folder.rglob("*")):
            if path.suffix not in _TEXT_FILES or not path.is_file() or "pagefind" in path.parts[-2:-1]:
                continue
            for line, address in self.addresses(path):
                found = self.target(path, address)
                if found is None:
                    continue
                checked += 1
                page, anchor = found
                rel = path.relative_to(self.folder).as_posix()
                if page is None:
                    broken.append(BrokenLink(rel, line, address, False))
                elif anchor and page.suffix == ".html" and not self._has_anchor(page, anchor):
                    broken.append(BrokenLink(rel, line, address, True))
            self._texts.pop(path, None)  # keep memory flat: only link targets stay
        return broken, checked


def _json_urls(text: str) -> list[str]:
    try:
        data = json.loads(text)
    except ValueError:
        return []
    urls: list[str] = []
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("url", "href") and isinstance(value, str):
                    urls.append(value)
                elif isinstance(value, (dict, list)):
                    stack.append(value)
        elif isinstance(node, list):
            stack.extend(v for v in node if isinstance(v, (dict, list)))
    return urls


def check_links(folder: Path, site_url: str | None) -> tuple[list[BrokenLink], int]:
    return LinkChecker(folder, site_url).check()
