"""Frozen editions in the published folder: what `werkwijze publiceer` does to built pages.

`public/` holds the current edition at the site root (the contract URLs) and every
tagged edition at `edities/<versie>/` (`citation.edition_path`). After the builds:

- each page of an earlier edition gets a notice at the top (plain HTML, Material's
  admonition markup, so it needs no JavaScript and no CSS of ours) with a link to the
  same page in the current edition, or to the current start page when the page is gone;
  its `rel="canonical"` points to the current page;
- the pages under `edities/<current>/` get a notice that this is the permanent address
  of the current edition, and the same canonical;
- each page of the current edition lists the earlier editions it appears in;
- only the root has a sitemap (the current edition).

A page "is the same" in another edition when it has the same URL there, or when that
URL is now a redirect (an element renamed with `aliassen`) to it.

Works on files only; imports nothing from MkDocs.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from ..core.i18n import t
from ..core.render.citation import absolute_url, edition_path
from ..core.render.fragments import Fragments, fragments_for
from ..core.render.html import h
from ..core.sources.layout import Layout
from ..core.validate.published import redirect_target

TAG_PREFIX = "editie-"
EDITIONS_DIR = edition_path("x").split("/")[0]  # 'edities'
_VERSION = re.compile(r"^\d+(\.\d+)*$")
_ARTICLE = re.compile(r'<article\b[^>]*\bclass="[^"]*\bmd-content__inner\b[^"]*"[^>]*>')
_BODY = re.compile(r"<body\b[^>]*>")
_ARTICLE_TAG = re.compile(r"<(/?)article\b[^>]*>")
_CANONICAL = re.compile(r"""<link\b[^>]*\brel=["']?canonical["']?[^>]*>""")
_SKIP = ("assets/", "search/")
SITEMAPS = ("sitemap.xml", "sitemap.xml.gz")


def tag_version(tag: str) -> str | None:
    """'editie-0.1' -> '0.1'; None when the rest is not a version (digits and dots)."""
    version = tag[len(TAG_PREFIX):] if tag.startswith(TAG_PREFIX) else ""
    return version if _VERSION.match(version) else None


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


# -- pages of a built site -----------------------------------------------------------
def pages(site: Path, skip_editions: bool = False) -> dict[str, Path]:
    """Site URL ('/', '/elementen/x/', '/x.html') -> its HTML file: every page and redirect
    page, without assets, search and 404.html (and without edities/ for the root)."""
    found = {}
    for path in site.rglob("*.html"):
        rel = path.relative_to(site).as_posix()
        if rel.startswith(_SKIP) or rel == "404.html":
            continue
        if skip_editions and rel.startswith(EDITIONS_DIR + "/"):
            continue
        if path.name == "index.html":
            folder = rel[: -len("index.html")]
            found["/" + folder] = path
        else:
            found["/" + rel] = path
    return found


def page_in(site_pages: dict[str, Path], url: str) -> str | None:
    """The URL of the same page in a site: `url` itself, or where its redirect leads."""
    if url not in site_pages:
        return None
    target = redirect_target(site_pages[url].read_text("utf-8", errors="replace"), url)
    if target is None:
        return url
    return target if target in site_pages else None


def relative_href(from_url: str, to_url: str) -> str:
    """A link from one site URL to another that works at any host and path."""
    from_dir = from_url if from_url.endswith("/") else posixpath.dirname(from_url) + "/"
    rel = posixpath.relpath(to_url, from_dir)
    if to_url.endswith("/"):
        return "./" if rel == "." else rel + "/"
    return rel


# -- changing a page -----------------------------------------------------------------
def insert_notice(page_html: str, notice: str) -> str:
    """`notice` at the top of the page's text (after Material's `<article>`)."""
    match = _ARTICLE.search(page_html) or _BODY.search(page_html)
    if match is None:
        return notice + page_html
    return page_html[:match.end()] + "\n" + notice + page_html[match.end():]


def append_to_article(page_html: str, block: str) -> str:
    """`block` at the end of the page's text (before the main `</article>`; nested
    articles such as werkkaarten cards are skipped)."""
    match = _ARTICLE.search(page_html)
    if match is None:
        return page_html
    depth = 1
    for tag in _ARTICLE_TAG.finditer(page_html, match.end()):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return page_html[:tag.start()] + block + "\n" + page_html[tag.start():]
    return page_html


def set_canonical(page_html: str, href: str) -> str:
    link = f'<link rel="canonical" href="{h(href)}">'
    if _CANONICAL.search(page_html):
        return _CANONICAL.sub(lambda _: link, page_html, count=1)
    return page_html.replace("</head>", f"{link}\n</head>", 1)


def _notice(fragments: Fragments, kind: str, title: str, sentences: list[str], href: str,
            link: str) -> str:
    return str(fragments.render("edition_notice.html", kind=kind, title=title,
                                          sentences=sentences, href=href, link=link)) + "\n"


def old_edition_notice(fragments: Fragments, version: str, current: str, href: str, gone: bool) -> str:
    sentences = [t("editions.old_edition.notice", version=version)]
    if gone:
        sentences.append(t("editions.old_edition.gone", current=current))
        link = t("editions.old_edition.to_overview")
    else:
        link = t("editions.old_edition.to_current", current=current)
    return _notice(fragments, "warning", t("editions.old_edition.label"), sentences, href, link)


def current_edition_notice(fragments: Fragments, version: str, href: str) -> str:
    return _notice(fragments, "info", t("editions.current_edition.label"),
                   [t("editions.current_edition.notice", version=version)], href,
                   t("editions.current_edition.to_current"))


def earlier_editions(fragments: Fragments, links: list[tuple[str, str]]) -> str:
    """'Deze pagina in eerdere edities: versie 0.2 · versie 0.1' (version, href pairs)."""
    return str(fragments.render("earlier_editions.html", links=links))


# -- the whole published folder ------------------------------------------------------
@dataclass
class Published:
    """A published folder: the current edition at its root, editions under edities/."""
    root: Path
    current: str  # the current edition's version
    site_url: str | None
    layout: Layout | None = None  # the manual, for its own fragments (None: the package's)

    def edition_dir(self, version: str) -> Path:
        return self.root / edition_path(version)

    def finish(self, versions: list[str]) -> None:
        """Notices, canonicals, edition lists and sitemaps for the editions in `versions`
        (each built under edities/<versie>/)."""
        fragments = fragments_for(self.layout)
        current_pages = pages(self.root, skip_editions=True)
        appears_in: dict[str, dict[str, str]] = {}  # current URL -> version -> URL there
        for version in sorted(versions, key=version_key, reverse=True):
            folder = self.edition_dir(version)
            for name in SITEMAPS:
                (folder / name).unlink(missing_ok=True)
            prefix = "/" + edition_path(version)
            for url, path in pages(folder).items():
                text = path.read_text("utf-8")
                if redirect_target(text, url) is not None:
                    continue  # a redirect inside the edition leads to a page with the notice
                now = page_in(current_pages, url)
                here = prefix + url.lstrip("/")
                if version == self.current:
                    notice = current_edition_notice(fragments, version, relative_href(here, now or "/"))
                else:
                    notice = old_edition_notice(fragments, version, self.current,
                                                relative_href(here, now or "/"), gone=now is None)
                    if now is not None:
                        there = appears_in.setdefault(now, {})
                        if version not in there or url == now:  # prefer the same URL
                            there[version] = here
                text = insert_notice(text, notice)
                if now is not None:
                    canonical = (absolute_url(self.site_url, now.lstrip("/")) if self.site_url
                                 else relative_href(here, now))
                    text = set_canonical(text, canonical)
                path.write_text(text, "utf-8")
        for url, there in appears_in.items():
            links = [(v, relative_href(url, there[v])) for v in there]  # newest first
            path = current_pages[url]
            path.write_text(append_to_article(path.read_text("utf-8"), earlier_editions(fragments, links)), "utf-8")
