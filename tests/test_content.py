"""Checks on the real manual's content (issue: content honesty and completeness).

These tests read the hand-written texts (docs/, element bodies, data/). They assert what
a test can check of the rules in the issue: no claim of regional validity, every
helpt_tegen link carries its 'afgeleid' note, the reader is 'u', Begrippen defines the
terms the site uses, every element says its source first. None of them fails because an
empty page (a region, a theme) is filled in later.
"""
import re
from pathlib import Path

import pytest

from werkwijze.core.model.manual import Layout
from werkwijze.core.validate.load import load_manual

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"

CHAPTERS = ["index.md", "inleiding.md", "doel.md", "doelgroep.md", "aanpak.md",
            "integrale-hulp.md", "partnerschap.md", "samen-optrekken.md", "leren.md",
            "randvoorwaarden.md", "onderbouwing.md", "regios/index.md",
            "over-het-onderzoek.md", "begrippen.md", "bronnen.md",
            "voor-ouders-en-jongeren.md", "reageren.md"]

# Phrases that turn "not yet described per region" into "holds everywhere".
REGIONAL_CLAIMS = re.compile(
    r"(gelden|geldt|werken|werkt)\s+(overal|in\s+alle\s+regio'?s|voor\s+alle\s+regio'?s|in\s+elke\s+regio)"
    r"|generiek\s*\(alle regio"
    r"|generiek:\s*ze\s+gelden", re.IGNORECASE)
# Informal address; the site says 'u'.
INFORMAL = re.compile(r"\b(je|jij|jou|jouw|jullie)\b", re.IGNORECASE)
# Text between Dutch single quotes or double quotes is quoted, not the site speaking.
QUOTED = re.compile(r"‘[^’\n]*’|“[^”\n]*”|\"[^\"\n]*\"")
CODE = re.compile(r"`[^`\n]*`")
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


@pytest.fixture(scope="module")
def manual():
    return load_manual(Layout(REPO))


ATTRIBUTES = re.compile(r"\{:?\s*#[^}]*\}")


def _prose(text: str) -> str:
    """Text as a reader sees it: no front matter, no code, no quotations, no `{#id}`s
    (an old id kept on a renamed heading is an address, not text)."""
    text = ATTRIBUTES.sub("", FRONT_MATTER.sub("", text))
    return QUOTED.sub("", CODE.sub("", text))


def _data_texts():
    """(file, text) of every text value in data/ that a reader sees."""
    for path in sorted((REPO / "data").rglob("*.yml")):
        lines = [line for line in path.read_text("utf-8").splitlines() if not line.lstrip().startswith("#")]
        yield path.relative_to(REPO).as_posix(), "\n".join(lines)


def _reader_texts(manual):
    """(name, prose) of every hand-written text a reader sees."""
    for path in sorted(DOCS.rglob("*.md")):
        yield path.relative_to(REPO).as_posix(), _prose(path.read_text("utf-8"))
    for element in manual.elements.values():
        yield element.path, _prose(element.body.kern + "\n" + element.summary + "\n"
                                   + "\n".join(element.list("reflectievragen")))
    for name, text in _data_texts():
        yield name, _prose(text)


def _paragraphs(markdown: str) -> list[str]:
    return [p for p in re.split(r"\n\s*\n", markdown) if p.strip()]


def _links_to(paragraph: str, element_id: str) -> bool:
    return re.search(r"\]\((?:[^)]*/)?" + re.escape(element_id) + r"\.md(?:#[^)]*)?\)", paragraph) is not None


def test_real_content_has_no_problems(manual):
    assert manual.problems == []


def test_every_element_cites_a_registered_source(manual):
    sources = manual.taxonomies["bronnen"]
    for element in manual.elements.values():
        cited = element.list("bronnen")
        assert cited, element.path
        assert all(source in sources for source in cited), element.path


def test_every_registered_source_is_cited(manual):
    cited = {s for e in manual.elements.values() for s in e.list("bronnen")}
    assert set(manual.taxonomies["bronnen"].terms) <= cited


def test_every_source_says_what_kind_it_is_and_what_it_rests_on(manual):
    """The data an Onderbouwing is made of: per source its kind and a description."""
    types = manual.taxonomies["brontypen"]
    for term in manual.taxonomies["bronnen"]:
        assert term.get("type") in types, term.id
        assert types.terms[term.get("type")].get("omschrijving").strip(), term.get("type")
        assert len(term.get("omschrijving").split()) >= 20, f"bron {term.id}: omschrijving te kort"
    for term in manual.taxonomies["statussen"]:
        assert term.get("omschrijving").strip(), term.id


def test_every_region_page_exists_and_says_what_is_not_yet_described(manual):
    """A region page says 'nog niet beschreven' while nothing is described for it. Once an
    element is specific to the region or has a text for it, the page may drop it."""
    regions = manual.taxonomies["regios"]
    generic = manual.schema.generic_region
    for region in regions.terms:
        page = DOCS / "regios" / f"{region}.md"
        assert page.is_file(), f"regio {region} heeft geen pagina"
        described = any(region in e.list("regios") and generic not in e.list("regios")
                        or any(i.region == region and i.text.strip() for i in e.body.invullingen)
                        for e in manual.elements.values())
        if not described:
            assert "nog niet beschreven" in page.read_text("utf-8").lower(), region


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_exists_with_a_title(manual, chapter):
    assert chapter in manual.chapters
    assert manual.chapters[chapter].title


def test_every_element_has_kern_and_reflection_questions(manual):
    for element in manual.elements.values():
        assert element.body.kern.strip(), element.path
        assert 2 <= len(element.list("reflectievragen")) <= 3, element.path


def test_every_element_starts_with_its_source(manual):
    """The first paragraph is the core statement, and it says where it comes from (the work
    card and search show it). A derived element says so instead."""
    for element in manual.elements.values():
        first = _paragraphs(element.body.kern)[0].lower()
        assert ("volgens de factsheet" in first or "volgens de projectbeschrijving" in first
                or "afgeleid" in first), f"{element.path}: de eerste alinea noemt geen bron"


def test_a_derived_element_says_so_in_its_summary(manual):
    for element in manual.elements.values():
        if "afgeleid" in _paragraphs(element.body.kern)[0].lower():
            assert "afgeleid" in element.summary.lower(), element.path
            assert element.status == "concept", element.path


def test_every_helpt_tegen_link_is_labelled_on_both_pages(manual):
    """No source says that a werkzaam element helps against a belemmerend one. So each
    helpt_tegen link needs, on both element pages, a paragraph that links the other element
    and says 'afgeleid' (or quotes the supporting source sentence between ‘ ’)."""
    pairs = [(e, target) for e in manual.elements.values() for target in e.list("helpt_tegen")]
    assert pairs, "geen helpt_tegen-verbanden: pas deze test aan"
    for element, target_id in pairs:
        target = manual.elements[target_id]
        for page, other in ((element, target_id), (target, element.id)):
            notes = [p for p in _paragraphs(page.body.kern) if _links_to(p, other)]
            assert any("afgeleid" in p.lower() or "‘" in p for p in notes), \
                f"{page.path}: geen bronzin of 'afgeleid' bij het verband met {other}"


def test_no_hand_written_text_claims_regional_validity(manual):
    for name, text in _reader_texts(manual):
        match = REGIONAL_CLAIMS.search(text)
        assert match is None, f"{name}: '{match.group(0)}' (de bronnen zeggen niets over alle regio's)"


def test_every_text_addresses_the_reader_as_u(manual):
    for name, text in _reader_texts(manual):
        match = INFORMAL.search(text)
        assert match is None, f"{name}: '{match.group(0)}' (spreek de lezer aan met u)"


def test_one_spelling_per_term(manual):
    for name, text in _reader_texts(manual):
        lower = text.lower()
        assert "integrale specialistische" not in lower, f"{name}: schrijf 'integraal specialistische'"
        assert "regio-specifiek" not in lower, f"{name}: schrijf 'regiospecifiek'"


GLOSSARY_TERMS = [
    "aanpak", "afgeleid", "belang", "belemmerend element", "beleid", "betrokkene",
    "casuïstiekbespreking", "contra-indicatie", "deeldoel", "deskundigheid", "element", "factsheet",
    "generiek element", "indicatie", "integraal initiatief", "integraal specialistisch team",
    "integrale hulp", "interview", "kern", "kwalitatief actieonderzoek", "kwaliteitsbewaking",
    "leerlijn", "leersessie", "levensgebied", "monitoren en evalueren", "onderbouwing",
    "onderling begrip", "oudervertegenwoordiger", "partner", "partnerschap", "perspectief",
    "praktijkorganisatie", "professional", "randvoorwaarde", "regio", "regiospecifiek element",
    "regionale invulling", "rol", "samen optrekken", "status", "stelselmatig", "thema",
    "tussentijds resultaat", "visie", "vragen om samen te bespreken", "website", "werkkaart",
    "werkwijzebeschrijving", "werkzaam element", "wijkteam",
]


def test_glossary_defines_the_terms_the_site_uses():
    text = (DOCS / "begrippen.md").read_text("utf-8")
    defined = {m.lower() for m in re.findall(r"^\*\*([^*]+)\*\*\s*$", text, re.MULTILINE)}
    missing = [term for term in GLOSSARY_TERMS if term not in defined]
    assert not missing, f"niet in de begrippenlijst: {missing}"


def test_glossary_terms_are_used_on_the_site(manual):
    """A glossary entry for a word the site does not use is noise for the reader."""
    text = (DOCS / "begrippen.md").read_text("utf-8")
    elsewhere = " ".join(t.lower() for name, t in _reader_texts(manual) if name != "docs/begrippen.md")
    for term in re.findall(r"^\*\*([^*]+)\*\*\s*$", text, re.MULTILINE):
        stem = term.lower().split()[0][:6]
        assert stem in elsewhere, f"begrip '{term}' komt verder niet op de site voor"


def test_parents_page_is_reachable_and_links_the_elements_that_involve_families(manual):
    page = (DOCS / "voor-ouders-en-jongeren.md").read_text("utf-8")
    assert "(voor-ouders-en-jongeren.md)" in (DOCS / "index.md").read_text("utf-8")
    for element in manual.elements.values():
        if "gezin" in element.list("betrokkenen"):
            assert f"(elementen/{element.id}.md)" in page, element.id
    assert "(reageren.md)" in page


def test_the_way_to_respond_does_not_need_github():
    page = (DOCS / "reageren.md").read_text("utf-8")
    without = page.split("{#zonder-github}", 1)  # the section without a GitHub account
    assert len(without) == 2, "Reageren heeft geen deel zonder GitHub (anker #zonder-github)"
    section = without[1].split("\n## ", 1)[0]
    assert "github" not in section.lower()


# -- generated texts (issue 12) -----------------------------------------------------
def _generated_texts(manual):
    """(name, text) of every generated page of the real manual, the reader texts of the
    package catalogue (also the browser's) and the schema's labels and help."""
    from werkwijze.core.i18n import package_messages
    from werkwijze.core.site.siteplan import generated_pages
    from werkwijze.core.site.trainers import trainer_pages
    from werkwijze.core.urls import Urls

    urls = Urls()
    pages = {**generated_pages(manual, urls), **trainer_pages(manual, urls, "https://example.org/")}
    for src, page in sorted(pages.items()):
        yield src, page.markdown()
    for key, message in sorted(package_messages("nl").items()):
        yield f"catalogue {key}", message
    schema = manual.schema
    yield "schema generic_region_label", schema.generic_region_label
    for spec in schema.fields.values():
        yield f"schema fields.{spec.name}", f"{spec.label}\n{spec.help}"
    for soort in schema.soorten.values():
        yield f"schema soorten.{soort.id}", soort.inverse_heading


def test_every_element_page_has_an_onderbouwing(manual):
    from werkwijze.core.render.render import Renderer
    from werkwijze.core.urls import Urls

    renderer = Renderer(manual, Urls())
    for element in manual.elements.values():
        page = renderer.element_page(element).listing
        # Issue 20: the sources once, with the grounds in short below them.
        assert '<div class="ww-onderbouwing" id="onderbouwing">' in page, element.path
        grounds = page[page.index("## Bronnen {#bronnen}"):]
        grounds = grounds[:grounds.index("\n## ")]
        for source in element.list("bronnen"):
            assert f"bronnen/#{source}" in grounds, f"{element.path}: {source}"
        assert "Status: " in grounds and "onderbouwing/" in grounds, element.path
        if element.list("regios") == ["generiek"]:
            assert "Regio: nog niet per regio beschreven." in grounds, element.path
        if set(element.list("perspectieven")) <= {"onderzoekers"}:
            assert "De bronnen zeggen niet uit wiens ervaring dit komt." in grounds, element.path


def test_every_helpt_tegen_entry_carries_the_afgeleid_label(manual):
    from werkwijze.core.render.render import Renderer
    from werkwijze.core.urls import Urls

    renderer = Renderer(manual, Urls())
    pairs = [(e.id, target) for e in manual.elements.values() for target in e.list("helpt_tegen")]
    assert pairs
    for page_id, other, anchor in [(a, b, "helpt-tegen") for a, b in pairs] + [(b, a, "wat-helpt") for a, b in pairs]:
        page = renderer.element_page(manual.elements[page_id]).listing
        listed = page[page.index(f"{{#{anchor}}}"):]
        entry = re.search(rf'<li class="ww-entry" data-id="{re.escape(other)}">.*?</li>', listed).group(0)
        assert re.search(r'<a class="ww-afgeleid" href="[^"]*onderbouwing/#afgeleid"[^>]*>afgeleid</a>', entry), \
            f"{page_id}: {other}"


def test_no_generated_text_claims_regional_validity(manual):
    # "Alle regio's" alone is the link back to the list of regions, not a claim.
    claims = re.compile(REGIONAL_CLAIMS.pattern + r"|(in|voor|van)\s+alle\s+regio'?s|geldt\s+overal"
                        r"|gelden\s+in\s+alle|in\s+elke\s+regio|overal\s+(zo|hetzelfde)", re.IGNORECASE)
    for name, text in _generated_texts(manual):
        text = text.replace("&#x27;", "'")
        for match in claims.finditer(text):
            window = text[max(0, match.start() - 60):match.end() + 20]
            # Only a negation of the claim may name it ("... niet of het in alle regio's ...").
            assert re.search(r"\bniet\b|\bzeggen\b", window), f"{name}: '{match.group(0)}' in …{window}…"


def test_every_chapter_the_schema_names_exists_with_its_heading(manual):
    """explained_in in schema/element.yml: a missing chapter would silently drop the links."""
    named = [spec.explained_in for spec in manual.schema.fields.values() if spec.explained_in]
    assert named, "geen explained_in in schema/element.yml: pas deze test aan"
    for target in named:
        page, _, anchor = target.partition("#")
        assert page in manual.chapters, target
        if anchor:
            headings = re.findall(r"^#+\s+(.*)$", (DOCS / page).read_text("utf-8"), re.MULTILINE)
            assert any(h.strip().lower() == anchor or f"{{#{anchor}}}" in h for h in headings), target


def test_open_data_states_a_licence_and_no_rights_holder_it_cannot_know():
    text = (REPO / "docs" / "open-data.md").read_text("utf-8")
    assert "CC BY 4.0" in text and "{#licentie}" in text
    assert "Wie de rechten op deze teksten heeft, staat niet in de bronnen" in text


# -- issue 22: time frame, derived labels, method-description parts, plain reader pages ---
def _reader_and_generated_texts(manual):
    yield from _reader_texts(manual)
    for name, text in _generated_texts(manual):
        if not name.startswith("catalogue "):
            yield name, text
    from werkwijze.core.i18n import package_messages
    for key in ("pages", "cards", "ui", "reference", "search", "trainers.changes",
                "trainers.leerlijn_page", "editions.old_edition", "editions.current_edition"):
        for full, message in package_messages("nl").items():
            if full.startswith(key + "."):
                yield f"catalogue {full}", message


# The sources date from June 2021 or later (the news item) or give no date (the project
# description): the research is written about in the past tense; a source's own words
# ("volgens de factsheet vraagt ...") may stay in the present.
PRESENT_RESEARCH = re.compile(
    r"onderzoek is nog niet klaar|\bzijn (nog )?geen eindresultaten"
    r"|\bonderzoekers (volgen|houden|observeren|spreken|organiseren|werken|doen|onderzoeken|verbinden)\b"
    r"|\bhet project (heeft|wil|werkt|bekijkt|zoekt|brengt)\b|\bheeft vier leersessies\b", re.IGNORECASE)


def test_the_research_is_written_about_in_the_past_tense(manual):
    for name, text in _reader_and_generated_texts(manual):
        match = PRESENT_RESEARCH.search(text)
        assert match is None, f"{name}: '{match.group(0)}' (de bronnen zijn van 2021 of later: schrijf de verleden tijd)"


def test_start_page_onderbouwing_and_every_source_say_when_the_sources_were_written(manual):
    for page in ("index.md", "onderbouwing.md"):
        text = (DOCS / page).read_text("utf-8")
        assert "juni 2021 of later" in text and "noemt geen datum" in text, page
    for term in manual.taxonomies["bronnen"]:
        description = term.get("omschrijving")
        assert "geschreven" in description or "geen datum" in description, term.id


def _section(markdown: str, anchor: str) -> str:
    """The text under the heading with this anchor (explicit or from its words), up to the
    next heading of the same or a higher level."""
    lines = markdown.splitlines()
    for index, line in enumerate(lines):
        heading = re.match(r"^(#+)\s+(.*?)\s*(\{#([^}]+)\})?\s*$", line)
        if heading and (heading.group(4) == anchor or _slug(heading.group(2)) == anchor):
            level = len(heading.group(1))
            body = []
            for rest in lines[index + 1:]:
                if re.match(rf"^#{{1,{level}}}\s", rest):
                    break
                body.append(rest)
            return "\n".join(body)
    raise AssertionError(f"geen kop met anker #{anchor}")


def _slug(heading: str) -> str:
    import unicodedata
    plain = unicodedata.normalize("NFKD", heading).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


# The parts of a method description in the Dutch databanks (NJi, Movisie) and the chapter
# section that holds each; every part is described or says it is not yet described.
METHOD_PARTS = {
    "Doel van de werkwijze": "doel.md#doel-van-de-werkwijze",
    "Selectie en indicatie": "doelgroep.md#selectie-en-indicatie",
    "Contra-indicaties": "doelgroep.md#contra-indicaties",
    "Aanpak": "aanpak.md",
    "Samenstelling van het team": "randvoorwaarden.md#samenstelling-van-het-team",
    "Opleiding en vaardigheden": "randvoorwaarden.md#opleiding-en-vaardigheden",
    "Kosten": "randvoorwaarden.md#kosten",
    "Kwaliteitsbewaking": "randvoorwaarden.md#kwaliteitsbewaking",
    "Waarom de werkwijze zou werken": "onderbouwing.md#waarom-zou-de-werkwijze-werken",
    "Onderzoek naar de effecten": "onderbouwing.md#onderzoek-naar-de-effecten",
}


@pytest.mark.parametrize("part", METHOD_PARTS)
def test_every_method_description_part_is_present_or_named_as_not_described(part):
    page, _, anchor = METHOD_PARTS[part].partition("#")
    text = (DOCS / page).read_text("utf-8")
    section = _section(text, anchor) if anchor else text
    assert "nog niet beschreven" in section.lower(), f"{METHOD_PARTS[part]}: zeg wat er (nog) niet beschreven is"
    overview = _section((DOCS / "inleiding.md").read_text("utf-8"), "onderdelen")
    assert f"({METHOD_PARTS[part]})" in overview, f"inleiding.md#onderdelen noemt {part} niet"


def _derived_elements() -> list[str]:
    section = _section((DOCS / "onderbouwing.md").read_text("utf-8"), "afgeleid")
    return re.findall(r"\(elementen/([a-z0-9-]+)\.md\)", section)


def test_every_derived_element_says_so_wherever_its_summary_is_shown(manual):
    """Lists, cards, search and the filter show the kind ('Werkzaam element') and the
    summary only: a derived element says so at the start of its summary."""
    derived = _derived_elements()
    assert len(derived) >= 4, derived
    for element_id in derived:
        element = manual.elements[element_id]
        assert element.summary.startswith("Afgeleid element"), element.path
        assert element.status == "concept", element.path
        assert "afgeleid" in _paragraphs(element.body.kern)[0].lower(), element.path
    for element in manual.elements.values():
        if element.summary.startswith("Afgeleid"):
            assert element.id in derived, f"{element.path}: niet genoemd in onderbouwing.md#afgeleid"


def test_a_perspective_says_what_it_rests_on_for_every_source_it_is_used_with(manual):
    """A perspective defined as 'conclusions' must not sit on an element that rests on a plan."""
    perspectives = manual.taxonomies["perspectieven"]
    for element in manual.elements.values():
        if "projectbeschrijving" in element.list("bronnen"):
            for perspective in element.list("perspectieven"):
                assert "projectbeschrijving" in perspectives.terms[perspective].get("omschrijving"), \
                    f"{element.path}: perspectief {perspective} zegt niet dat het ook op het plan rust"


def test_no_text_says_between_whom_the_factsheet_places_mutual_understanding(manual):
    for name, text in _reader_texts(manual):
        assert "onderling begrip tussen" not in text.lower(), f"{name}: de factsheet zegt niet tussen wie"


TECHNICAL = re.compile(r"\b(wcag|axe-core|javascript|utf-8|bom|pandas|ids?|facet\w*|github|html|markdown|yaml)\b",
                       re.IGNORECASE)
TAGS = re.compile(r"<!--.*?-->|<[^>]+>", re.DOTALL)
FOR_MANAGERS = re.compile(r"\((voor beheerders|voor redacteuren)\)", re.IGNORECASE)
# open-data.md says at the top that it is for people who work with data files; reageren.md
# belongs to the respond route (its editors' way must name GitHub, see above).
TECHNICAL_PAGES = {"open-data.md", "reageren.md"}


def _without_sections_for_managers(markdown: str) -> str:
    kept, skipping = [], None
    for line in markdown.splitlines():
        heading = re.match(r"^(#+)\s", line)
        if heading and skipping and len(heading.group(1)) <= skipping:
            skipping = None
        if heading and FOR_MANAGERS.search(line):
            skipping = len(heading.group(1))
        if not skipping:
            kept.append(line)
    return "\n".join(kept)


def test_reader_pages_have_no_technical_terms(manual):
    for path in sorted(DOCS.rglob("*.md")):
        name = path.relative_to(DOCS).as_posix()
        if name in TECHNICAL_PAGES:
            continue
        text = TAGS.sub(" ", _prose(_without_sections_for_managers(path.read_text("utf-8"))))
        match = TECHNICAL.search(text)
        assert match is None, f"docs/{name}: '{match.group(0)}' (technische woorden horen op een pagina voor beheerders of bij Open data)"
    for element in manual.elements.values():
        match = TECHNICAL.search(element.body.kern + element.summary)
        assert match is None, f"{element.path}: '{match.group(0)}'"
    assert "Deze pagina is voor onderzoekers" in (DOCS / "open-data.md").read_text("utf-8")


def test_the_parents_page_is_useful_plain_and_honest():
    raw = (DOCS / "voor-ouders-en-jongeren.md").read_text("utf-8")
    page = _prose(raw)
    assert "twee teksten" in page, "zeg wat de bronnen zijn"
    assert "geen hulp en geen advies voor uw eigen gezin" in page
    pointer = _section(raw, "waar-vindt-u-hulp")
    assert "Dit staat niet in de bronnen" in pointer, "de verwijzing naar hulp komt niet uit de bronnen: zeg dat"
    assert "(reageren.md)" in raw
    assert "github" not in page.lower()
    # A2: short sentences (list items and headings count as sentences too).
    sentences = [s for s in re.split(r"[.?!:;]\s+|\n", TAGS.sub(" ", page)) if s.strip()]
    long = [s for s in sentences if len(re.findall(r"[\w’'-]+", s)) > 18]
    assert not long, f"te lange zinnen voor A2: {long}"


def test_the_list_of_content_decisions_names_every_derived_element_and_link(manual):
    decisions = (REPO / "CONTENT-DECISIONS.md").read_text("utf-8")
    assert "(CONTENT-DECISIONS.md)" in (REPO / "CONTRIBUTING.md").read_text("utf-8")
    for element_id in _derived_elements():
        assert f"`{element_id}`" in decisions, f"CONTENT-DECISIONS.md noemt het afgeleide element {element_id} niet"
    for element in manual.elements.values():
        for target in element.list("helpt_tegen"):
            assert f"`{element.id}`" in decisions and f"`{target}`" in decisions, (element.id, target)
