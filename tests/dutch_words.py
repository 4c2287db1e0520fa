"""Dutch words in what a reader of a built site sees (for manuals in another language).

What is searched: the text and the reader-facing attributes (title, aria-label, alt,
placeholder, meta content) of every HTML page; every string value of every JSON file
(not the keys: the JSON envelope keys are the same for every manual); the CSV files;
the browser texts in messages.js (their values, without `{placeholder}` names). Not
searched: addresses and file names (`/elementen/`, `elementen.json`: the same for every
manual), and the code of the package's scripts (identifiers, not texts; the names of
this manual's fields in them are checked by tests/test_second_manual.py).

The words are Dutch only (no English word spelled the same), so a hit is a real trace.
"""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

DUTCH = frozenset("""
werkzaam werkzame belemmerend belemmerende thema themas regio regios betrokkenen betrokkene
perspectief perspectieven bronnen brontypen brontype samenvatting soort soorten statussen
voorbeeld vervang vervangen nog niet het een voor wat deze dit zijn naar ook alle
elementen leerlijn leerlijnen werkkaart werkkaarten wijzigingen hoofdstuk hoofdstukken
onderbouwing gerelateerd helpt tegen reflectievragen eerdere aliassen titel omschrijving ouder
citaat jaar uitgever organisatie edities editie versie datum toelichting verwijspagina
doelgroep inleiding stappen notitie vragen generiek afgeleid zoeken pagina terug bekijk
overzicht handleiding besproken vastgesteld uw welke waar wanneer verwijst kopieer gewijzigd
bijgewerkt laatst sluiten openen werkwijzebeschrijving nieuwe startpagina
kern kenmerken verwijzen regionaal invulling eigen stap tekst
""".split())

_ATTRIBUTES = re.compile(r'\s(?:title|aria-label|alt|placeholder|content)="([^"]*)"')
_ADDRESSES = re.compile(r"https?://\S+|\S*/\S*|\S+\.(?:json|csv|yml|md|html|js|css|pdf)\b")
_PLACEHOLDERS = re.compile(r"\{\w+\}")
_SKIPPED = ("assets/javascripts/", "assets/stylesheets/", "search/", "pagefind/")


def words(text: str) -> set[str]:
    text = _PLACEHOLDERS.sub(" ", _ADDRESSES.sub(" ", text))
    return {w.lower().strip("'’") for w in re.findall(r"[A-Za-zÀ-ÿ'’]+", text)}


def _html_text(page: str) -> str:
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page) + " " + " ".join(_ATTRIBUTES.findall(page)))


def _strings(node) -> list[str]:
    if isinstance(node, dict):  # values under ...path/...url keys are addresses
        return [s for key, value in node.items() if not key.lower().endswith(("path", "url"))
                for s in _strings(value)]
    if isinstance(node, list):
        return [s for value in node for s in _strings(value)]
    return [node] if isinstance(node, str) else []


def _browser_texts(script: str) -> str:
    return " ".join(json.loads(script[script.index("{"):script.index(";\n")]).values())


def reader_text(path: Path) -> str | None:
    """What a reader can see of one file of the built site (None: nothing to search)."""
    if path.suffix == ".html":
        return _html_text(path.read_text("utf-8"))
    if path.suffix == ".json":
        return " ".join(_strings(json.loads(path.read_text("utf-8"))))
    if path.suffix == ".csv":
        return path.read_text("utf-8-sig")
    if path.name == "messages.js":
        return _browser_texts(path.read_text("utf-8"))
    return None


def dutch_in_site(site: Path) -> dict[str, list[str]]:
    """file -> the Dutch words in it; empty when there are none."""
    found = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        rel = path.relative_to(site).as_posix()
        text = None if rel.startswith(_SKIPPED) else reader_text(path)
        hits = sorted(words(text) & DUTCH) if text else []
        if hits:
            found[rel] = hits
    return found


def dutch_in_files(root: Path, rels: list[str]) -> dict[str, list[str]]:
    """The same for source files of a manual (all their text counts)."""
    found = {}
    for rel in rels:
        path = root / rel
        text = reader_text(path) if path.suffix == ".json" else path.read_text("utf-8")
        hits = sorted(words(text) & DUTCH)
        if hits:
            found[rel] = hits
    return found


_LINKS = re.compile(r'\s(?:href|src|action)="([^"]*)"')
_HEADING_IDS = re.compile(r'<h[1-6]\b[^>]*\sid="([^"]+)"')
_QUERY_NAMES = re.compile(r'<input\b[^>]*\sname="([^"]+)"')
_DATA_NAMES = re.compile(r'\sdata-(?:kern|regionaal|tekst)="([^"]+)"')  # anchors and queries scripts read


def _page_addresses(page: str) -> list[str]:
    """The site addresses a page links to (path, query names and anchor), its section
    anchors and the query names of its forms and scripts."""
    found = []
    for link in _LINKS.findall(html.unescape(page)):
        if "://" in link or "assets/" in link:
            continue
        path, _, anchor = link.partition("#")
        path, _, query = path.partition("?")
        found += [path, anchor, *(pair.partition("=")[0] for pair in query.split("&"))]
    return found + _HEADING_IDS.findall(page) + _QUERY_NAMES.findall(page) + _DATA_NAMES.findall(page)


def dutch_in_addresses(site: Path) -> dict[str, list[str]]:
    """file -> the Dutch words in its own address and in the site addresses its pages link
    to, with their anchors and query names (the manual's `addresses:` and `anchors:`,
    core/paths.py). Not counted: links to other sites, the package's scripts and styles
    (their file names are the package's identifiers, as its code)."""
    found = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        rel = path.relative_to(site).as_posix()
        if rel.startswith((*_SKIPPED, "assets/")):
            continue
        addresses = [rel]
        if path.suffix == ".html":
            addresses += _page_addresses(path.read_text("utf-8"))
        hits = sorted({w for a in addresses for w in re.split(r"[^a-z]+", a.lower())} & DUTCH)
        if hits:
            found[rel] = hits
    return found
