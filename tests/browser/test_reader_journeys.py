"""Readers' journeys of issue 20, in a real browser: each was a dead end or a defect before.

A professional on a phone, a policy officer, a trainer, a parent and a keyboard user:
the search panel's filters readable, the overview printable, nothing under the footer or
the back-to-top pill, no empty rooms, an honest way to respond, the substance first.
"""
from __future__ import annotations

import json
import urllib.request

from reader_helpers import axe_violations, open_search
from truth import select

ELEMENT = "elementen/belangen-bespreken/"


def _data(site) -> dict:
    with urllib.request.urlopen(site.url("elementen.json")) as response:
        return json.load(response)


def _overlap(a: dict, b: dict) -> bool:
    return a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"]


# -- 1. quick defects -------------------------------------------------------------------
def test_search_filters_are_readable_with_the_panel_open(browse, real_site, axe_source):
    page = browse().page
    page.goto(real_site.url(""))
    open_search(page, "ouders")
    page.click(".ww-zoek__filterlijst summary")
    page.wait_for_selector(".ww-zoek__filterlijst fieldset legend")
    legend, panel = page.evaluate("""() => [
        getComputedStyle(document.querySelector('.ww-zoek__filterlijst legend')).color,
        getComputedStyle(document.querySelector('.ww-zoek .md-search__output')).backgroundColor]""")
    assert legend != "rgb(255, 255, 255)", (legend, panel)
    # No empty rooms here either: no region has elements or text of its own yet.
    legends = page.eval_on_selector_all(".ww-zoek__filterlijst legend", "l => l.map(x => x.textContent)")
    assert "Regio" not in legends and "Thema" in legends
    assert axe_violations(page, axe_source) == []


def test_printing_the_overview_prints_the_whole_filtered_list(browse, corpus_site):
    data = _data(corpus_site)
    expected = select(data, {"thema": ["samenwerking"]})
    assert len(expected) > 100, "more than one screenful: the filter shows 100 at first"
    page = browse().page
    page.goto(corpus_site.url("elementen/?thema=samenwerking"))
    page.wait_for_selector(".ww-filter--actief .ww-filter__lijst", state="attached")
    page.emulate_media(media="print")
    page.wait_for_function("n => document.querySelectorAll('.ww-filter__lijst > li').length === n",
                           arg=len(expected))
    assert page.is_visible(".ww-filter__lijst")
    assert page.locator(".ww-filter__lijst > li").last.is_visible()
    assert not page.is_visible(".ww-filter__facetten") and not page.is_visible(".ww-filter__wis")


def test_the_sidebar_ends_above_the_footer_on_a_short_page(browse, corpus_site):
    page = browse().page
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(corpus_site.url(""))
    assert page.is_visible(".ww-mijnregio")  # the bar above the page is part of the layout
    page.wait_for_timeout(300)  # Material sizes the sidebar after load
    wrap = page.locator(".md-sidebar--primary .md-sidebar__scrollwrap").bounding_box()
    footer = page.locator(".md-footer").bounding_box()
    assert wrap["y"] + wrap["height"] <= footer["y"] + 1, (wrap, footer)


def test_a_heading_reached_from_the_table_of_contents_is_not_under_the_back_to_top_pill(browse, real_site):
    page = browse().page
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(real_site.url(ELEMENT))
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_timeout(300)
    page.click(".md-sidebar--secondary a[href='#kern']")  # upwards: the pill shows
    page.wait_for_timeout(800)
    heading = page.locator("#kern").bounding_box()
    assert heading["y"] > 0
    if page.is_visible(".md-top"):
        assert not _overlap(page.locator(".md-top").bounding_box(), heading)


# -- 2. no empty rooms ------------------------------------------------------------------
def test_no_door_leads_to_an_empty_room_but_its_url_still_helps(browse, real_site):
    data = _data(real_site)
    used = {v for r in data["elementen"] for v in r["perspectieven"]}
    empty = [o["id"] for o in data["facetten"]["perspectief"]["opties"] if o["id"] not in used]
    assert empty, "the real content has perspectives without elements"
    page = browse().page
    page.goto(real_site.url("perspectieven/"))
    hrefs = page.eval_on_selector_all("article a", "l => l.map(a => a.getAttribute('href'))")
    assert not [h for h in hrefs if any(h.rstrip("/").endswith(value) for value in empty)]
    page.goto(real_site.url(f"perspectieven/{empty[0]}/"))
    assert "nog geen elementen" in page.inner_text(".ww-lege-kamer")
    page.click(".ww-lege-kamer a[href$='elementen/']")
    page.wait_for_selector(".ww-filter--actief .ww-filter__lijst", state="attached")
    assert not page.is_visible(f".ww-filter input[name=perspectief][value={empty[0]}]")
    # Search does not offer the empty page either.
    open_search(page, "ouders betrekken")
    urls = page.eval_on_selector_all(".ww-zoek__link", "l => l.map(a => a.getAttribute('href'))")
    assert not [u for u in urls if "perspectieven/" in u]


def test_start_page_doors_lead_to_pages_that_answer_the_reader(browse, real_site):
    page = browse().page
    page.goto(real_site.url(""))
    page.locator(".ww-ingang a", has_text="Gemeenten").click()
    assert page.locator("h2#voor-gemeenten").is_visible()
    page.goto(real_site.url(""))
    page.locator(".ww-ingang a", has_text="Professionals").click()
    assert page.locator("article .ww-lijst li").count() > 0
    page.goto(real_site.url(""))
    for href in page.eval_on_selector_all(".ww-ingang a", "l => l.map(a => a.href)"):
        other = browse().page
        other.goto(href)
        assert not other.locator(".ww-lege-kamer").count(), href


def test_the_region_choice_appears_only_with_regional_text_and_is_compact_on_a_phone(browse, real_site, corpus_site):
    page = browse().page
    page.goto(real_site.url(""))  # every element generic, no regional text
    assert page.locator(".ww-mijnregio").count() == 0
    page.goto(real_site.url("elementen/"))
    page.wait_for_selector(".ww-filter--actief .ww-filter__lijst", state="attached")
    assert page.locator(".ww-filter input[name=regio]").count() > 0  # old links keep working
    assert not page.locator(".ww-filter input[name=regio]").first.is_visible()
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(corpus_site.url(""))
    assert page.is_visible("#ww-mijnregio-keuze")
    assert page.locator(".ww-mijnregio-balk").bounding_box()["height"] <= 48


# -- 3. a way to respond ----------------------------------------------------------------
def test_a_parent_sees_no_edit_pencil_and_an_honest_way_to_respond(browse, real_site):
    page = browse().page
    page.set_viewport_size({"width": 390, "height": 844})
    for path in ["voor-ouders-en-jongeren/", ELEMENT]:
        page.goto(real_site.url(path))
        assert page.locator(".md-content__button").count() == 0, path
        # The manual names no contact, and mkdocs.yml names no repository (the deploy
        # workflow passes the real one): no line promises a reply (tests/test_contact.py
        # covers the GitHub line a published build gets).
        assert page.locator(".ww-reageren").count() == 0, path
    page.goto(real_site.url("reageren/"))
    assert "Nog geen adres" in page.inner_text("article")


# -- 4. substance first; 5. found and shared -----------------------------------------------
def test_on_a_phone_an_element_shows_its_kern_on_the_first_screen_and_questions_before_sources(browse, real_site):
    page = browse().page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(real_site.url(ELEMENT))
    assert page.locator(".ww-paneel").is_visible()
    assert page.locator("#kern").bounding_box()["y"] < 844
    questions = page.locator(".ww-vragenkaart").bounding_box()["y"]
    assert questions < page.locator("#bronnen").bounding_box()["y"]
    assert page.locator(".ww-onderbouwing-bron").count() == 0  # no long source note per element
    # Where am I? The trail leads to the overview.
    page.locator(".ww-pad a", has_text="Alle elementen").click()
    page.wait_for_selector(".ww-filter--actief .ww-filter__lijst", state="attached")
    # The phone menu shows the current page.
    page.click("label.md-header__button[for=__drawer]")
    page.wait_for_timeout(500)
    current = page.locator(".md-nav--primary a.md-nav__link--active", has_text="Alle elementen")
    assert current.is_visible()


# -- 6. a leerlijn a trainer can run -------------------------------------------------------
def test_a_trainer_prints_exactly_the_cards_of_the_leerlijn_and_a_clean_handout(browse, real_site):
    page = browse().page
    page.goto(real_site.url("leerlijnen/"))
    page.locator("article .ww-leerlijn a").first.click()
    steps = set(page.eval_on_selector_all(
        ".ww-stap-doel a[href*='elementen/']", "l => l.map(a => a.getAttribute('href').split('/').slice(-2)[0])"))
    page.emulate_media(media="print")
    assert page.is_visible(".ww-printregel")
    assert "Versie" in page.inner_text(".ww-printregel")
    internal = page.locator(".ww-stap-doel a[href*='elementen/']").first
    assert internal.evaluate("a => getComputedStyle(a, '::after').content") in ("none", "normal")
    page.emulate_media(media="screen")
    page.locator(".ww-leerlijn-kaarten a").click()
    page.wait_for_selector(".ww-werkkaarten-filter:not([hidden])")
    shown = set(page.eval_on_selector_all(".ww-kaart:not([hidden])", "l => l.map(c => c.id)"))
    assert shown == steps
    assert "Leerlijn:" in page.inner_text(".ww-werkkaarten-filter")


# -- 7. search that answers ----------------------------------------------------------------
def test_search_puts_elements_first_labels_every_result_and_knows_the_readers_words(browse, real_site):
    page = browse().page
    page.goto(real_site.url(""))
    open_search(page, "wat werkt niet")
    items = page.locator(".ww-zoek__item")
    assert items.count() > 1
    assert items.first.locator(".ww-soort").count() == 1  # an element first
    kinds = items.evaluate_all("l => l.map(i => !!i.querySelector('.ww-soort'))")
    assert kinds == sorted(kinds, reverse=True), kinds  # elements, then the rest
    assert all(items.nth(i).locator(".ww-soort, .ww-zoek__soort").count() == 1 for i in range(items.count()))
    open_search(page, "jeugdhulp")  # data/zoekwoorden.yml: jeugdhulp -> hulp
    assert page.locator(".ww-zoek__item").count() > 0


# -- 8. the smaller items ------------------------------------------------------------------
def test_the_start_page_names_itself_once_and_opens_with_its_doors(browse, real_site):
    for width in (390, 1280):
        page = browse().page
        page.set_viewport_size({"width": width, "height": 844})
        page.goto(real_site.url(""))
        article = page.locator("article")
        # One name in the page (its heading); the header has the short name.
        assert article.locator(".ww-sitenaam").count() == 0
        above_doors = article.inner_text().split("Bekijk de elementen")[0]
        assert "De specialist dichterbij —" not in above_doors
        # The first door on the first screen, before the provenance.
        door = page.locator(".ww-ingangen__hoofd").bounding_box()
        assert door["y"] + door["height"] <= 844, (width, door)
        provenance = page.get_by_text("De website is gebaseerd op twee openbare teksten").bounding_box()
        assert provenance["y"] > door["y"]
        # No section that only repeats the navigation.
        assert page.locator("article h2", has_text="Waar begint u?").count() == 0
    # Parents: a door of their own, and a callout with an information icon, not a flame.
    assert page.locator(".admonition.tip").count() == 0
    assert page.locator(".admonition.info", has_text="Bent u ouder of jongere?").count() == 1
    page.locator(".ww-ingang a", has_text="Ouders en jongeren").click()
    assert page.url.endswith("voor-ouders-en-jongeren/")


def test_the_overview_has_one_table_of_contents_landmark_and_few_landmarks(browse, real_site):
    page = browse().page
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(real_site.url("elementen/"))
    page.wait_for_selector(".ww-filter--actief .ww-filter__lijst", state="attached")
    landmarks = page.eval_on_selector_all("nav, [role=navigation]", "l => l.map(n => n.getAttribute('aria-label'))")
    assert landmarks.count("Inhoudsopgave") == 1, landmarks
    assert len(landmarks) <= 10, landmarks
    # Elsewhere the table of contents still shows, its sub-entries too.
    page.goto(real_site.url(ELEMENT))
    assert page.locator(".md-sidebar--secondary nav.md-nav--secondary a[href='#kern']").is_visible()


def test_page_specific_scripts_load_only_where_they_act(browse, real_site):
    page = browse().page

    def scripts(path: str) -> set[str]:
        page.goto(real_site.url(path))
        return {src.rsplit("/", 1)[-1] for src in
                page.eval_on_selector_all("script[src]", "l => l.map(s => s.getAttribute('src'))")}

    start, element = scripts(""), scripts(ELEMENT)
    for other in (start, element):
        assert not {"filter.js", "werkkaarten.js", "regio.js"} & other, other
        assert {"search.js", "messages.js"} <= other
    assert "filter.js" in scripts("elementen/")
    assert "werkkaarten.js" in scripts("werkkaarten/")


def test_search_results_mark_the_words_found(browse, real_site):
    page = browse().page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(real_site.url(""))
    open_search(page, "belangen")
    first = page.locator(".ww-zoek__item").first
    assert first.locator(".ww-soort").count() == 1  # an element: its summary, marked
    marks = first.locator(".ww-zoek__tekst mark").all_inner_texts()
    assert marks and all("belang" in m.lower() for m in marks), marks
    # Words found only further down an element's page: the place shows beside the summary.
    open_search(page, "leersessie")
    texts = page.locator(".ww-zoek__item").evaluate_all(
        "l => l.map(i => i.querySelectorAll('.ww-zoek__tekst mark').length)")
    assert texts and all(count > 0 for count in texts), texts


def test_on_a_phone_the_menu_of_an_element_page_opens_where_it_sits(browse, real_site):
    page = browse().page
    page.set_viewport_size({"width": 390, "height": 844})
    for path, current in [(ELEMENT, "Alle elementen"), ("themas/partnerschap/", "Per thema")]:
        page.goto(real_site.url(path))
        page.click("label.md-header__button[for=__drawer]")
        page.wait_for_timeout(500)
        active = page.locator(".md-nav--primary li.md-nav__item--active > a", has_text=current)
        assert active.is_visible(), path
        colour = active.evaluate("a => getComputedStyle(a).color")
        other = page.locator(".md-nav--primary li:not(.md-nav__item--active) > a:visible").first
        assert colour != other.evaluate("a => getComputedStyle(a).color"), path  # marked
        page.keyboard.press("Escape")
    # The page itself stays the page: the overview's own entry is not marked current.
    assert page.locator(".md-nav--primary [aria-current=page]").count() == 0
