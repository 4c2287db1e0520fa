"""Screenshots of every page type at phone and desktop width, and of a printed card.

A reviewer sees a change without building it:

    .venv/bin/python scripts/screenshots.py [SITE_DIR] [--out screenshots]

SITE_DIR is a built site (`make build` writes site/). The site is served on 127.0.0.1;
Debian's Chromium (/usr/bin/chromium) takes the pictures: <kind>-phone.png (390x844),
<kind>-desktop.png (1280x800), werkkaart-print.pdf and werkkaart-print.png (a card page
as printed, A4). Pages with "Mijn regio" are shot with a region chosen as well.

States beyond a page as it loads (`states`), at both widths: the search panel open with
results (zoeken), the phone menu open on an element page (menu), a leerlijn and the
filtered overview as printed (leerlijn-print, overzicht-print, the whole page), the work
cards of one leerlijn (werkkaarten-leerlijn) and a facet page without elements
(lege-kamer). Each is taken from the built site's own data, when the site has it.
"""
from __future__ import annotations

import argparse
import functools
import http.server
import json
import re
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
SIZES = {"phone": (390, 844), "desktop": (1280, 800)}


def page_kinds(site: Path) -> dict[str, str]:
    """kind -> path, for the pages the built site has (the first of each kind)."""
    def first(folder: str) -> str | None:
        base = site / folder
        if not base.is_dir():
            return None
        for child in sorted(base.iterdir()):
            if (child / "index.html").is_file() and "Verplaatst" not in (child / "index.html").read_text("utf-8")[:400]:
                return f"{folder}/{child.name}/"
        return None

    kinds = {"start": "", "overzicht": "elementen/", "element": first("elementen"),
             "thema": first("themas"), "regio": first("regios"), "werkkaarten": "werkkaarten/",
             "leerlijnen": "leerlijnen/", "leerlijn": first("leerlijnen"),
             "hoofdstuk": None, "404": "404.html"}
    for chapter in ("partnerschap", "inleiding", "hoofdstuk"):
        if (site / chapter / "index.html").is_file():
            kinds["hoofdstuk"] = f"{chapter}/"
            break
    return {kind: path for kind, path in kinds.items()
            if path is not None and (site / path / "index.html" if not path.endswith(".html") else site / path).exists()}


def _search_word(site: Path) -> str | None:
    """The longest word of the first element page's heading, to search for."""
    element = page_kinds(site).get("element")
    if not element:
        return None
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", (site / element / "index.html").read_text("utf-8"), re.S)
    words = re.findall(r"\w+", re.sub(r"<[^>]+>", " ", heading.group(1))) if heading else []
    return max(words, key=len, default=None)


def _data(site: Path) -> dict:
    path = site / "elementen.json"
    return json.loads(path.read_text("utf-8")) if path.is_file() else {}


def states(site: Path) -> dict[str, tuple[str, str]]:
    """state -> (path, what to do there: 'search:<word>', 'menu', 'print' or 'load')."""
    found: dict[str, tuple[str, str]] = {}
    word = _search_word(site)
    if word:
        found["zoeken"] = ("", f"search:{word}")
    element = page_kinds(site).get("element")
    if element:
        found["menu"] = (element, "menu")
    leerlijn = page_kinds(site).get("leerlijn")
    if leerlijn:
        found["leerlijn-print"] = (leerlijn, "print")
        if (site / "werkkaarten" / "index.html").is_file():
            found["werkkaarten-leerlijn"] = (f"werkkaarten/?leerlijn={leerlijn.strip('/').rsplit('/', 1)[-1]}", "load")
    facets = _data(site).get("facetten", {})
    for name, facet in facets.items():
        options = [o for o in facet.get("opties", []) if not o.get("leeg")]
        if options:
            found["overzicht-print"] = (f"elementen/?{name}={options[0]['id']}", "print")
            break
    for html in sorted(site.glob("*/*/index.html")):
        if 'class="ww-lege-kamer' in html.read_text("utf-8"):
            found["lege-kamer"] = (f"{html.parent.relative_to(site).as_posix()}/", "load")
            break
    return found


def _act(page, action: str) -> None:
    if action.startswith("search:"):
        box = page.locator("#ww-zoek-invoer")
        if not box.is_visible():  # a phone: the header's search button opens it
            page.locator("label.md-header__button[for=__search]").click()
        box.fill(action.split(":", 1)[1])
        page.wait_for_selector(".ww-zoek__item", timeout=30_000)
    elif action == "menu":
        button = page.locator("label.md-header__button[for=__drawer]")
        if button.is_visible():  # a phone (the desktop shows the menu beside the page)
            button.click()
            page.wait_for_timeout(400)
    elif action == "print":
        page.emulate_media(media="print")


def serve(site: Path) -> http.server.ThreadingHTTPServer:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def take(site: Path, out: Path, region: str | None = None, only: list[str] | None = None) -> list[Path]:
    from playwright.sync_api import sync_playwright
    out.mkdir(parents=True, exist_ok=True)
    httpd = serve(site)
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    written = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for size, (width, height) in SIZES.items():
                context = browser.new_context(viewport={"width": width, "height": height})
                page = context.new_page()
                variants = [("", None)] + ([("-regio", region)] if region else [])
                for suffix, chosen in variants:
                    if chosen:
                        page.goto(base)
                        page.select_option("#ww-mijnregio-keuze", chosen)
                    for kind, path in page_kinds(site).items():
                        if only and kind not in only:
                            continue
                        if suffix and kind not in ("element", "overzicht", "regio"):
                            continue
                        page.goto(base + path)
                        page.wait_for_load_state("networkidle")
                        target = out / f"{kind}{suffix}-{size}.png"
                        page.screenshot(path=str(target))
                        written.append(target)
                for state, (path, action) in states(site).items():
                    if only and state not in only:
                        continue
                    page.goto(base + path)
                    page.wait_for_load_state("networkidle")
                    _act(page, action)
                    target = out / f"{state}-{size}.png"
                    page.screenshot(path=str(target), full_page=action == "print")
                    page.emulate_media(media="screen")
                    written.append(target)
                context.close()
            if not only or "werkkaarten" in only:
                page = browser.new_page()
                page.goto(base + "werkkaarten/")
                page.emulate_media(media="print")
                pdf = out / "werkkaart-print.pdf"
                page.pdf(path=str(pdf), format="A4", print_background=True)
                written.append(pdf)
                # The same as a picture: the printed page at A4 size (96 dpi).
                page.set_viewport_size({"width": 794, "height": 1123})
                target = out / "werkkaart-print.png"
                page.screenshot(path=str(target))
                written.append(target)
            browser.close()
    finally:
        httpd.shutdown()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default=str(ROOT / "site"))
    parser.add_argument("--out", default=str(ROOT / "screenshots"))
    parser.add_argument("--regio", default=None, help="also shoot with this region chosen (an id)")
    parser.add_argument("--alleen", nargs="*", default=None, help="only these kinds or states (start, element, zoeken, ...)")
    args = parser.parse_args(argv)
    site = Path(args.site)
    if not (site / "index.html").is_file():
        print(f"{site} is not a built site; run `make build` first.", file=sys.stderr)
        return 2
    for path in take(site, Path(args.out), args.regio, args.alleen):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
