"""Trainers in a real browser: the copy button and the werkkaarten filter."""
from __future__ import annotations

from pathlib import Path

import pytest

from sitebuilder import Project
from werkwijze.publish import pdf

REPO = Path(__file__).resolve().parents[2]
LEERLIJN = """\
    titel: Fictieve leerlijn
    doelgroep: Testers
    stappen:
      - element: goed-overleg
        notitie: Bespreek het overleg.
    """


@pytest.fixture(scope="module")
def site(tmp_path_factory, browser):
    result = Project(tmp_path_factory.mktemp("browser") / "manual",
                     {"data/leerlijnen/eerste-sessie.yml": LEERLIJN}).build()
    assert result.returncode == 0, result.output
    httpd = pdf.serve(result.site)
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    yield context.new_page(), f"http://127.0.0.1:{httpd.server_address[1]}/"
    context.close()
    httpd.shutdown()


def test_copy_button_copies_the_reference_as_text(site):
    page, base = site
    page.goto(base + "elementen/goed-overleg/")
    button = page.locator(".ww-verwijzing .ww-kopieer")
    assert button.count() == 1
    button.click()
    page.wait_for_selector("text=Gekopieerd.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("Goed overleg. (z.d.). Testhandboek. https://")  # no organisation: title first
    assert copied.endswith("https://example.org/handboek/elementen/goed-overleg/")
    assert "<em>" not in copied


def test_werkkaarten_filter_by_thema_and_soort(site):
    page, base = site
    page.goto(base + "werkkaarten/")
    assert page.locator(".ww-kaart:visible").count() == 3
    page.goto(base + "werkkaarten/?thema=samenwerking&soort=belemmerend")
    visible = page.locator(".ww-kaart:visible")
    assert visible.count() == 1 and visible.get_attribute("id") == "slecht-overleg"
    assert "1 van de 3 kaarten" in page.locator(".ww-werkkaarten-filter").inner_text()


@pytest.mark.parametrize("url, title", [("leerlijnen/eerste-sessie/", "Fictieve leerlijn"),
                                        ("leerlijnen/", "Leerlijnen"),
                                        ("werkkaarten/", "Werkkaarten")])
def test_leerlijnen_and_werkkaarten_have_the_copy_button(site, url, title):
    page, base = site
    page.goto(base + url)
    assert page.locator("#verwijzen").inner_text().startswith("Zo verwijst u naar deze pagina")
    button = page.locator(".ww-verwijzing .ww-kopieer")
    assert button.count() == 1
    button.click()
    page.wait_for_selector("text=Gekopieerd.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == f"{title}. (z.d.). Testhandboek. https://example.org/handboek/{url}"


def test_a_reference_reached_at_a_step_names_that_step(site):
    """Issue 20: a trainer who arrives at step 1 copies a reference to step 1."""
    page, base = site
    page.goto(base + "leerlijnen/eerste-sessie/#stap-1")
    url = f"{base}leerlijnen/eerste-sessie/"
    published = "https://example.org/handboek/leerlijnen/eerste-sessie/"
    assert page.locator(".ww-verwijzing-tekst").inner_text().endswith(published + "#stap-1")
    page.locator(".ww-verwijzing .ww-kopieer").click()
    page.wait_for_selector("text=Gekopieerd.")
    assert page.evaluate("navigator.clipboard.readText()").endswith(published + "#stap-1")
    # An anchor the page does not have is left out; without one, the page's own address.
    page.goto(url + "#bestaat-niet")
    assert page.locator(".ww-verwijzing-tekst").inner_text().endswith(published)
    page.evaluate("location.hash = 'stap-1'")
    page.wait_for_function("() => document.querySelector('.ww-verwijzing-tekst').textContent.endsWith('#stap-1')")
