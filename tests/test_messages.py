"""The message catalogue: nl and en complete and alike, every key the code uses exists,
English really comes out when the site is English, and a manual's own `teksten.yml`."""
from __future__ import annotations

import re
import textwrap
from datetime import date
from pathlib import Path

import pytest

from sitebuilder import BASE_FILES, Project, element_file
from werkwijze.core import i18n
from werkwijze.core.site.beheer import VENDORED
from werkwijze.core.validate import safety
from werkwijze.core.sources import yamltree
from werkwijze.core.model.edition import Edition
from werkwijze.core.sources.gitdates import dutch_date
from werkwijze.core.model.manual import Layout
from werkwijze.core.validate.load import load_manual
from werkwijze.core.sources.overrides import load_overrides
from werkwijze.core.problems import ProblemList

PLUGIN = Path(__file__).resolve().parent.parent / "plugins" / "werkwijze"
# t("key"), t_html("key"), werkwijze_t("key") (Jinja) and werkwijzeText("key") (JS, without `js.`)
USE = re.compile(r"""(?<![\w.])(t|tm|t_html|werkwijze_t|werkwijzeText)\(\s*["']([\w.-]+)["']""")
# Keys the code builds with f-strings (t(f"validate.yaml.{subject}.invalid"), ...).
DYNAMIC_KEYS = (
    [f"validate.yaml.{subject}.{name}" for subject in ("front_matter", "file")
     for name in ("invalid", "invalid_here", "invalid_plain", "too_deep")]
    + [f"validate.yaml.hint.{name}" for _, name in yamltree._HINTS]
    + [f"validate.safety.{kind}.{where}" for kind in ("event_attribute", "style_attribute")
       for where in ("tag", "attr_list")]
)


def fields(text: str) -> set[str] | None:
    try:
        return i18n.placeholders(text)
    except ValueError:
        return None


@pytest.fixture
def english():
    """English as the active catalogue for one test; the previous one comes back after."""
    before = i18n.active()
    i18n.use(i18n.Catalogue.load("en"))
    yield
    i18n.use(before)


# -- the catalogue itself -----------------------------------------------------------------------
def test_nl_and_en_have_the_same_keys():
    nl, en = i18n.package_messages("nl"), i18n.package_messages("en")
    assert sorted(set(nl) - set(en)) == [], "in nl only"
    assert sorted(set(en) - set(nl)) == [], "in en only"
    assert len(nl) > 150


def test_nl_and_en_have_the_same_placeholders_per_key():
    nl, en = i18n.package_messages("nl"), i18n.package_messages("en")
    differ = {key: (fields(nl[key]), fields(en[key])) for key in nl
              if key in en and fields(nl[key]) != fields(en[key])}
    assert differ == {}


def test_every_message_with_placeholders_can_be_filled_in():
    for language in ("nl", "en"):
        for key, text in i18n.package_messages(language).items():
            names = fields(text)
            if names and not key.startswith("js."):  # js texts are filled in by the browser
                text.format_map({name: "x" for name in names})


def test_english_is_translated_not_copied():
    nl, en = i18n.package_messages("nl"), i18n.package_messages("en")
    mine = [k for k in nl if k.startswith(("validate.", "trainers.", "project."))]
    same = [k for k in mine if nl[k] == en[k]]
    assert same == ["trainers.leerlijn_page.element"]  # "Element: {link}" in both languages


def _used_keys() -> set[tuple[str, str]]:
    found = set()
    for path in PLUGIN.rglob("*"):
        if path.suffix not in (".py", ".html", ".js", ".md") or "messages" in path.parts:
            continue
        if path.is_relative_to(VENDORED):  # the browser editor's vendored CMS is not ours
            continue
        for func, key in USE.findall(path.read_text("utf-8")):
            found.add((str(path.relative_to(PLUGIN)), "js." + key if func == "werkwijzeText" else key))
    return found


def test_the_scanner_finds_calls_of_every_kind():
    sample = ('t("a.b", x=1) t_html("c.d") {{ werkwijze_t("e.f") | e }} '
              'werkwijzeText("g.h", {}) format("no.key") obj.t("no.key2")')
    assert USE.findall(sample) == [("t", "a.b"), ("t_html", "c.d"), ("werkwijze_t", "e.f"),
                                   ("werkwijzeText", "g.h")]


def test_every_key_used_in_the_plugin_exists():
    catalogue = i18n.Catalogue.load("nl")
    used = _used_keys()
    assert any(key == "validate.element.unknown_field" for _, key in used)  # the scan works
    missing = sorted((where, key) for where, key in used if key not in catalogue)
    assert missing == []
    assert [key for key in DYNAMIC_KEYS if key not in catalogue] == []


def test_no_unused_messages_in_the_check_and_trainer_areas():
    used = {key for _, key in _used_keys()} | set(DYNAMIC_KEYS)
    areas = ("validate.", "trainers.", "project.")
    def base(key: str) -> str:  # 'x.minutes.one' is used as t("x.minutes", count=...)
        stem, _, form = key.rpartition(".")
        return stem if form in ("zero", "one", "other") else key
    assert [k for k in i18n.package_messages("nl") if k.startswith(areas) and base(k) not in used] == []


# -- messages in use ----------------------------------------------------------------------------
def _broken_manual(tmp_path: Path, language: str = "nl") -> Layout:
    Project(tmp_path / "m", {
        "elements/leren/kapot.md": element_file(titl="Typfout", themas=["lerenn"]),
        "data/leerlijnen/sessie.yml": "titel: Sessie\ndoelgroep: Testers\n",
    })
    return Layout(tmp_path / "m", language=language)  # theme.language, as read from mkdocs.yml


def test_a_broken_element_is_explained_in_dutch_by_default(tmp_path):
    messages = [str(p) for p in load_manual(_broken_manual(tmp_path)).problems]
    assert any(m.startswith("elements/leren/kapot.md:") and "Onbekend veld 'titl'. Bedoelde u "
               "'titel'? Toegestane velden: titel, " in m for m in messages), messages
    assert any("Onbekende waarde 'lerenn' in 'themas'. Bedoelde u 'leren'? Kies uit "
               "data/themas.yml: samenwerking, leren." in m for m in messages), messages


def test_a_broken_element_is_explained_in_english(tmp_path, english):
    messages = [str(p) for p in load_manual(_broken_manual(tmp_path, "en")).problems]
    assert any(m.startswith("elements/leren/kapot.md:") and "Unknown field 'titl'. Did you mean "
               "'titel'? Allowed fields: titel, " in m for m in messages), messages
    assert any("Unknown value 'lerenn' in 'themas'. Did you mean 'leren'? Choose from "
               "data/themas.yml: samenwerking, leren." in m for m in messages), messages
    assert "data/leerlijnen/sessie.yml:1: The required field 'stappen' is missing" in "\n".join(messages)
    assert not any("Onbekend" in m or "Bedoelde" in m for m in messages)


def test_yaml_problems_in_english_name_front_matter_or_file(english):
    with pytest.raises(yamltree.YamlProblem) as front:
        yamltree.parse("a: [1, 2\nb: 3\n")
    with pytest.raises(yamltree.YamlProblem) as data:
        yamltree.parse("a: {x: 1\n", subject="file")
    assert front.value.message.startswith("The front matter is not valid YAML: ")
    assert data.value.message == "This file is not valid YAML: A block between { } is not closed with }."


def test_yaml_problems_in_dutch_are_unchanged():
    with pytest.raises(yamltree.YamlProblem) as data:
        yamltree.parse("a: {x: 1\n", subject="file")
    assert data.value.message == "Dit bestand is geen geldige YAML: Een blok tussen { } wordt niet gesloten met }."


def test_safety_message_with_braces_in_both_languages(english):
    assert safety.attribute_problems(None, "onclick", "x") == [
        "The HTML attribute 'onclick' in the block {: ...} is not allowed: it runs code. Remove it."]
    i18n.use(i18n.Catalogue.load("nl"))
    assert safety.attribute_problems(None, "style", "x") == [
        "Het HTML-attribuut 'style' in het blok {: ...} is niet toegestaan. De opmaak komt uit "
        "het handboek zelf; haal het attribuut weg."]


def test_dates_follow_the_language(english):
    assert dutch_date("2024-03-05") == "March 5, 2024"
    assert Edition("0.1", date(2026, 11, 22)).label == "Version 0.1 · November 22, 2026"
    i18n.use(i18n.Catalogue.load("nl"))
    assert dutch_date("2024-03-05") == "5 maart 2024"
    assert Edition("0.1", date(2026, 11, 22)).label == "Versie 0.1 · 22 november 2026"


def test_html_messages_escape_their_text_but_not_their_markup():
    catalogue = i18n.Catalogue("nl", {"k": "<b>{old}</b> & {new}", "n.one": "{count} <x>",
                                      "n.other": "{count} <y>"})
    assert catalogue.html("k", old="<code>a</code>", new='<a href="#">b</a>') == \
        '&lt;b&gt;<code>a</code>&lt;/b&gt; &amp; <a href="#">b</a>'
    assert catalogue.html("n", count=2) == "2 &lt;y&gt;"


def test_an_english_site_shows_english_trainer_pages(tmp_path):
    config = textwrap.dedent(BASE_FILES["mkdocs.yml"]).replace("language: nl", "language: en")
    leerlijn = """\
        titel: Fictieve sessie
        doelgroep: Testers
        duur: Een uur
        stappen:
          - hoofdstuk: hoofdstuk.md
            notitie: Lees samen.
          - element: goed-overleg
            notitie: Bespreek.
            vragen: [Wie doet mee?]
        """
    result = Project(tmp_path / "m", {"mkdocs.yml": config,
                                      "data/leerlijnen/sessie.yml": leerlijn}).build()
    assert result.returncode == 0, result.output
    page = result.page("leerlijnen/sessie/")
    assert "Step 1: Hoofdstuk" in page and "For the trainer" in page
    assert "Questions for this step" in page and "Questions from the element" in page
    assert "<dt>For whom</dt><dd>Testers</dd>" in page and "Chapter: <a" in page
    index = result.page("leerlijnen/")
    assert "For whom: Testers · Een uur" in index and "Learning paths" in index
    changes = result.page("wijzigingen/")
    assert "What has changed in the elements?" in changes
    assert "Voor wie" not in page + index and "Wat is er veranderd" not in changes


def test_an_english_site_fails_with_english_messages(tmp_path):
    config = textwrap.dedent(BASE_FILES["mkdocs.yml"]).replace("language: nl", "language: en")
    result = Project(tmp_path / "m", {"mkdocs.yml": config,
                                      "elements/leren/kapot.md": element_file(status="klaar")}).build()
    assert result.returncode != 0
    assert "elements/leren/kapot.md:" in result.output
    assert "Unknown value 'klaar' for 'status'." in result.output, result.output


# -- a manual's own texts (teksten.yml) ---------------------------------------------------------
def _overrides(tmp_path: Path, text: str | None) -> tuple[dict[str, str], list[str]]:
    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    if text is not None:
        (data / "teksten.yml").write_text(textwrap.dedent(text), "utf-8")
    problems = ProblemList()
    return load_overrides(data, "data", problems), [str(p) for p in problems]


def test_no_teksten_file_means_no_overrides(tmp_path):
    assert _overrides(tmp_path, None) == ({}, [])


def test_overrides_replace_single_messages(tmp_path):
    found, problems = _overrides(tmp_path, """\
        trainers.changes.title: Wat is er nieuw
        validate.element.empty: "'{name}' is nog leeg. {help}"
        """)
    assert problems == []
    assert found == {"trainers.changes.title": "Wat is er nieuw",
                     "validate.element.empty": "'{name}' is nog leeg. {help}"}
    catalogue = i18n.Catalogue.load("nl", found)
    assert catalogue("trainers.changes.title") == "Wat is er nieuw"
    assert catalogue("validate.element.empty", name="titel", help="Vul in.") == "'titel' is nog leeg. Vul in."
    assert catalogue("trainers.changes.added") == "Nieuw"  # the rest stays


def test_wrong_overrides_are_problems_with_file_and_line(tmp_path):
    found, problems = _overrides(tmp_path, """\
        trainers.changes.titel: Typfout in de sleutel
        trainers.changes.added: [Nieuw, Anders]
        trainers.changes.changed:
        validate.element.empty: "'{naam}' is leeg."
        validate.element.too_long: "'{name}' is te {lang"
        trainers.changes.renamed: Andere naam
        """)
    assert found == {"trainers.changes.renamed": "Andere naam"}
    assert problems == [
        "data/teksten.yml:1: Onbekende tekst 'trainers.changes.titel'. Bedoelde u "
        "'trainers.changes.title'? Gebruik een sleutel uit de berichtencatalogus van het pakket.",
        "data/teksten.yml:2: De waarde van 'trainers.changes.added' moet één tekst zijn, niet leeg "
        "en geen lijst of blok.",
        "data/teksten.yml:3: De waarde van 'trainers.changes.changed' moet één tekst zijn, niet "
        "leeg en geen lijst of blok.",
        "data/teksten.yml:4: De tekst van 'validate.element.empty' moet dezelfde invulplekken "
        "hebben als de standaardtekst: {help}, {name}. Deze tekst heeft: {naam}.",
        "data/teksten.yml:5: De tekst van 'validate.element.too_long' heeft een accolade { of } "
        "die niet klopt. Gebruik accolades alleen om een invulplek te schrijven, zoals {length}.",
    ]


def test_a_placeholder_in_a_message_without_placeholders_is_a_problem(tmp_path):
    found, problems = _overrides(tmp_path, "trainers.changes.title: 'Wijzigingen {versie}'\n")
    assert found == {}
    assert problems == ["data/teksten.yml:1: De tekst van 'trainers.changes.title' moet dezelfde "
                        "invulplekken hebben als de standaardtekst: geen. Deze tekst heeft: {versie}."]


def test_teksten_file_must_be_a_mapping_of_strict_yaml(tmp_path):
    assert _overrides(tmp_path, "- a\n- b\n") == ({}, [
        "data/teksten.yml:1: Dit bestand moet teksten bevatten in de vorm 'sleutel: tekst', elk "
        "op een eigen regel, zoals 'common.and: en'."])
    found, problems = _overrides(tmp_path, "trainers.changes.title: a\ntrainers.changes.title: b\n")
    assert found == {}
    assert problems == ["data/teksten.yml:2: De sleutel 'trainers.changes.title' staat er twee keer "
                        "in. Houd er één over."]
    found, problems = _overrides(tmp_path, "a: &x b\n")
    assert problems[0].startswith("data/teksten.yml:1: Ankers (&)")


def test_override_problems_in_english(tmp_path, english):
    _, problems = _overrides(tmp_path, "trainers.changes.titel: x\n")
    assert problems == ["data/teksten.yml:1: Unknown text 'trainers.changes.titel'. Did you mean "
                        "'trainers.changes.title'? Use a key from the package's message catalogue."]
