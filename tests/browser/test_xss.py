"""XSS corpus (issue 6): script payloads in every front-matter field, data file, chapter
front matter, element body, link target, regional block and leerlijn of a fictional
manual. The manual must build, and in Chromium no payload may run on any page, in the
overview filter or in the search results.

A payload that runs sets `window.__xss` or opens a dialog (alert); both are detected. A
control page with a live payload proves the detection itself works.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader_helpers import open_search  # noqa: E402
from safety_helpers import page_urls, serve  # noqa: E402

pytestmark = pytest.mark.browser


def payloads(tag: str) -> str:
    """Short payloads for one field; each would set window.__xss or alert if it ran."""
    return (f"</title><script>window.__xss='{tag}'</script>"
            f"\"'><img src=x onerror=alert('{tag}')>")


def q(text: str) -> str:
    """A YAML double-quoted string."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


P = payloads
BRON_LINK = "https://example.org/bron?q=%22%3E%3Cscript%3Ewindow.__xss=1%3C/script%3E"
# Body payloads that pass `werkwijze check` (which refuses raw script and handlers).
TAB = "Tab &lt;script&gt;window.__xss='tab'&lt;/script&gt;"
CORPUS = {
    "mkdocs.yml": None,  # use the base config
    "data/themas.yml": f"""\
        - id: samenwerking
          naam: {q("Samenwerking " + P("thema-naam"))}
          omschrijving: {q(P("thema-omschrijving"))}
        - id: leren
          naam: Leren
        """,
    "data/regios.yml": f"""\
        - id: noord
          naam: {q("Noord " + P("regio-naam"))}
          omschrijving: {q(P("regio-omschrijving"))}
        - id: dorp
          naam: {q("Dorp " + P("regio-kind"))}
          ouder: noord
        - id: zuid
          naam: Regio Zuid
        """,
    "data/betrokkenen.yml": f"""\
        - id: gemeente
          naam: {q("Gemeente " + P("betrokkene"))}
        - id: praktijkorganisatie
          naam: Praktijkorganisatie
        - id: professional
          naam: Professional
        - id: gezin
          naam: Gezin
        """,
    "data/perspectieven.yml": f"""\
        - id: professionals
          naam: {q("Professionals " + P("perspectief"))}
        - id: gezinnen
          naam: Gezinnen
        """,
    "data/statussen.yml": f"""\
        - id: concept
          naam: {q("Concept " + P("status"))}
        - id: besproken
          naam: Besproken
        - id: vastgesteld
          naam: Vastgesteld
        """,
    "data/brontypen.yml": f"""\
        - id: factsheet
          naam: {q("Factsheet " + P("brontype"))}
        - id: interview
          naam: Interview
        """,
    "data/bronnen.yml": f"""\
        - id: testbron
          titel: {q("Bron " + P("bron-titel"))}
          citaat: {q("Testbureau. (2024). *Bron " + P("bron-citaat") + "*.")}
          jaar: {q("2024" + P("bron-jaar"))}
          type: factsheet
          uitgever: {q(P("bron-uitgever"))}
          link: {q(BRON_LINK)}
          omschrijving: {q(P("bron-omschrijving"))}
        """,
    "data/leerlijnen/xss-leerlijn.yml": f"""\
        titel: {q("Leerlijn " + P("leerlijn-titel"))}
        doelgroep: {q(P("leerlijn-doelgroep"))}
        duur: {q(P("leerlijn-duur"))}
        inleiding: {q(P("leerlijn-inleiding"))}
        stappen:
          - element: goed-overleg
            notitie: {q(P("leerlijn-notitie"))}
            vragen:
              - {q(P("leerlijn-vraag"))}
          - hoofdstuk: hoofdstuk.md
            notitie: Lees het hoofdstuk.
        """,
    "docs/hoofdstuk.md": f"""\
        ---
        title: {q("Hoofdstuk " + P("hoofdstuk-title"))}
        description: {q(P("hoofdstuk-description"))}
        author: {q(P("hoofdstuk-author"))}
        ---
        # Hoofdstuk

        Lees [Goed overleg](elementen/goed-overleg.md).

        /// elementen
        thema: samenwerking
        ///
        """,
    "elements/samenwerking/goed-overleg.md": f"""\
        ---
        titel: {q("Goed overleg " + P("titel"))}
        soort: werkzaam
        samenvatting: {q("Xssgoedoverleg partners " + P("samenvatting"))}
        themas: [samenwerking]
        betrokkenen: [gemeente, professional]
        perspectieven: [professionals]
        regios: [generiek]
        bronnen: [testbron]
        gerelateerd: [samen-leren]
        helpt_tegen: [slecht-overleg]
        reflectievragen:
          - {q(P("reflectievraag"))}
        status: besproken
        aliassen: [oud-overleg]
        ---
        Xssgoedoverleg in de kern. &lt;script&gt;window.__xss='entity'&lt;/script&gt;

        Een [link](https://example.org/"onmouseover="window.__xss='href-quote') en
        [titel](https://example.org "t\\" onmouseover=\\"window.__xss='title-quote'").

        === "{TAB}"

            Tekst in een tab.

        /// regio | dorp
        In Dorp: &lt;img src=x onerror=alert('regio-entity')&gt; en
        [regiolink](https://example.org/'onclick='window.__xss=1').
        ///
        """,
}


@pytest.fixture(scope="module")
def xss_site(tmp_path_factory):
    from sitebuilder import Project
    manual = Project(tmp_path_factory.mktemp("xss") / "manual",
                     {k: v for k, v in CORPUS.items() if v is not None})
    result = manual.build("mkdocs", "--strict")
    assert result.returncode == 0, result.output
    return result.site


def test_payloads_reach_the_site_as_text(xss_site):
    page = (xss_site / "elementen" / "goed-overleg" / "index.html").read_text("utf-8")
    assert "&lt;/title&gt;&lt;script&gt;window.__xss=&#x27;titel&#x27;" in page \
        or "&lt;/title&gt;&lt;script&gt;window.__xss='titel'" in page
    for html in (xss_site.rglob("*.html")):
        text = html.read_text("utf-8")
        assert "<script>window.__xss" not in text, html
        assert "onerror=alert(" not in text.replace("&lt;img src=x onerror=alert(", ""), html


# window.__xss survives navigation (redirect pages move on at once): keep it in sessionStorage.
TRAP = """
Object.defineProperty(window, '__xss', {configurable: true,
  set(v) { sessionStorage.setItem('__xss', String(v)); },
  get() { return sessionStorage.getItem('__xss') ?? undefined; }});
"""


def _assert_no_payload_ran(page, dialogs, where):
    for _ in range(5):
        try:
            ran = page.evaluate("() => sessionStorage.getItem('__xss')")
            break
        except Exception:  # the page navigated (a redirect): ask the new page
            page.wait_for_load_state("load")
    assert ran is None and not dialogs, f"payload ran on {where}: {ran or dialogs}"


def test_no_payload_runs_on_any_page_filter_or_search(xss_site, browser):
    urls = page_urls(xss_site)
    assert {"", "elementen/", "elementen/goed-overleg/", "hoofdstuk/", "bronnen/",
            "regios/dorp/", "themas/samenwerking/"} <= set(urls)
    assert any(u.startswith("leerlijnen/xss-leerlijn") for u in urls), urls
    assert "elementen/oud-overleg/" in urls  # a redirect page
    with serve(xss_site) as base:
        context = browser.new_context()
        page = context.new_page()
        page.add_init_script(TRAP)
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for url in urls:
            page.goto(base + url, wait_until="load")
            # Hover and click over every link and image: handler payloads need an event.
            try:
                page.evaluate("""() => document.querySelectorAll('article a, article img, article label')
                    .forEach(n => ['mouseover', 'focus'].forEach(t => n.dispatchEvent(new Event(t))))""")
            except Exception:  # a redirect page moved on; checked below on the new page
                pass
            _assert_no_payload_ran(page, dialogs, url)

        # The overview filter, with a payload in the query string and in the text box.
        page.goto(base + "elementen/?q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&thema=samenwerking",
                  wait_until="load")
        page.wait_for_timeout(300)
        box = page.locator("#ww-filter-tekst, .ww-filter input[type=search], .ww-filter input[type=text]").first
        if box.count():
            box.fill("<img src=x onerror=alert('filter')> xssgoedoverleg")
            page.wait_for_timeout(300)
        _assert_no_payload_ran(page, dialogs, "the overview filter")

        # The site search: the payload text is in the index; results must stay text.
        page.goto(base + "elementen/goed-overleg/", wait_until="load")
        search = page.locator("#ww-zoek-invoer")
        # Results prove the payload-carrying pages were searched and rendered.
        open_search(page, "xssgoedoverleg")
        _assert_no_payload_ran(page, dialogs, "search results for 'xssgoedoverleg'")
        for query in ("onerror", "script", "title", "dorp"):
            search.fill(query)
            page.wait_for_timeout(500)
            _assert_no_payload_ran(page, dialogs, f"search results for {query!r}")


def test_detection_works_on_a_page_with_a_live_payload(browser, tmp_path):
    (tmp_path / "index.html").write_text(
        "<!doctype html><title>x</title><script>window.__xss='control'</script>"
        "<img src=x onerror=\"alert('control')\">", "utf-8")
    with serve(tmp_path) as base:
        context = browser.new_context()
        page = context.new_page()
        page.add_init_script(TRAP)
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(base, wait_until="load")
        page.wait_for_timeout(200)
        with pytest.raises(AssertionError):
            _assert_no_payload_ran(page, dialogs, "control")
        assert dialogs == ["control"]
