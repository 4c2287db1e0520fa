"""PDFs of a built site, printed with headless Chromium (Playwright).

Writes, into the site's `pdf/` folder (where the pages link when PDFs are published):
- handleiding.pdf: the whole manual: the pages of the navigation in order, then every
  element page (redirect pages for old ids are skipped);
- leerlijn-<id>.pdf: one per leerlijn;
- werkkaarten.pdf: all werkkaarten, to cut out
(this manual's names: a manual names its own, core/paths.py Addresses).
The site is served on 127.0.0.1 so that its CSS (print.css) and scripts run as in a browser.
Chromium is Debian's (`/usr/bin/chromium`, or the path in WERKWIJZE_CHROMIUM).
"""
from __future__ import annotations

import functools
import os
import http.server
import re
import tempfile
import threading
from html.parser import HTMLParser
from pathlib import Path

from pypdf import PdfWriter

from ..core.paths import PDF_DIR, addresses

CHROMIUM = os.environ.get("WERKWIJZE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
FOOTER = ('<div style="width:100%;font-size:8px;padding:0 16mm;display:flex;'
          'justify-content:space-between"><span class="title"></span>'
          '<span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>')


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _NavLinks(HTMLParser):
    """The page links of Material's primary navigation, in order."""

    def __init__(self):
        super().__init__()
        self.depth = 0  # > 0 while inside the primary nav
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "nav" and "md-nav--primary" in (attrs.get("class") or ""):
            self.depth = 1
        elif tag == "nav" and self.depth:
            self.depth += 1
        elif tag == "a" and self.depth and "md-nav__link" in (attrs.get("class") or ""):
            href = attrs.get("href") or ""
            if href and not href.startswith("#"):
                self.links.append(href)

    def handle_endtag(self, tag):
        if tag == "nav" and self.depth:
            self.depth -= 1


def _is_redirect(page: Path) -> bool:
    return 'http-equiv="refresh"' in page.read_text("utf-8", errors="replace")[:2000]


def manual_pages(site: Path) -> list[str]:
    """Site-relative URLs for the whole-manual PDF: the nav in order, then the elements."""
    parser = _NavLinks()
    parser.feed((site / "index.html").read_text("utf-8"))
    urls: list[str] = []
    for href in parser.links:
        url = re.sub(r"^(\./)+", "", href.split("#")[0])
        url = "" if url in (".", "./") else url
        if url not in urls and (site / url / "index.html").is_file():
            urls.append(url)
    folder_name = addresses().elements
    elements = sorted(p.parent for p in (site / folder_name).glob("*/index.html") if not _is_redirect(p))
    urls += [f"{folder_name}/{folder.name}/" for folder in elements if f"{folder_name}/{folder.name}/" not in urls]
    return urls


def werkkaarten_pages(site: Path) -> list[str]:
    """The card pages: /werkkaarten/ itself, or (in big manuals, where it is an index of
    themes) every theme's card pages, in page order."""
    nested = [p.parent.relative_to(site).as_posix() + "/"
              for p in (site / addresses().work_cards).glob("*/**/index.html")]
    if not nested:
        return [f"{addresses().work_cards}/"]

    def order(url: str):
        parts = url.strip("/").split("/")[1:]  # theme, optional page number
        return parts[0], int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 1
    return sorted(nested, key=order)


def leerlijnen(site: Path) -> list[str]:
    return sorted(p.parent.name for p in (site / addresses().learning_paths).glob("*/index.html"))


def serve(site: Path) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(_Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def print_sites(sites: list[Path]) -> list[Path]:
    """Each built site's PDFs into its own `pdf/` folder, with one browser."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            return [path for site in sites for path in make_pdfs(site, site / PDF_DIR, browser)]
        finally:
            browser.close()


def make_pdfs(site: Path, out: Path, browser=None) -> list[Path]:
    """Print the PDFs; uses `browser` (a Playwright Chromium) if given, else starts one."""
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            own = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                return make_pdfs(site, out, own)
            finally:
                own.close()

    out.mkdir(parents=True, exist_ok=True)
    httpd = serve(site)
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    written: list[Path] = []
    page = browser.new_page()
    try:
        def print_page(url: str, target: Path) -> Path:
            page.goto(base + url, wait_until="load")
            page.emulate_media(media="print")
            page.pdf(path=str(target), format="A4", print_background=True,
                     display_header_footer=True, header_template="<span></span>",
                     footer_template=FOOTER, margin={"top": "16mm", "bottom": "18mm",
                                                     "left": "0", "right": "0"})
            return target

        def print_pages(urls: list[str], target: Path) -> Path:
            """Print several pages into one PDF, in order."""
            with tempfile.TemporaryDirectory() as tmp:
                merged = PdfWriter()
                for number, url in enumerate(urls):
                    merged.append(str(print_page(url, Path(tmp) / f"{number:04d}.pdf")))
                with target.open("wb") as handle:
                    merged.write(handle)
            return target

        table = addresses()
        written.append(print_pages(werkkaarten_pages(site), out / table.work_cards_pdf))
        for leerlijn_id in leerlijnen(site):
            url = f"{table.learning_paths}/{leerlijn_id}/"
            written.append(print_page(url, out / table.leerlijn_pdf(leerlijn_id)))
        written.append(print_pages(manual_pages(site), out / table.whole_manual_pdf))
    finally:
        page.close()
        httpd.shutdown()
    return written
