"""Unit tests for the core's loading layer: strict YAML, front matter, body, one element."""
from __future__ import annotations


import pytest

from werkwijze.core.sources import yamltree
from werkwijze.core.sources.body import split_body
from werkwijze.core.model.elements import load_element
from werkwijze.core.sources.frontmatter import DocumentProblem, decode, split
from werkwijze.core.problems import ProblemList
from werkwijze.core.model.schema import load_schema
from werkwijze.core.model.taxonomy import load_taxonomies

# -- yamltree --------------------------------------------------------------------------


@pytest.mark.parametrize("raw", ["NO", "yes", "on", "2024-01-05", "1.0", "0o17", "12:30", ".inf"])
def test_plain_scalars_stay_the_text_the_editor_wrote(raw):
    tree = yamltree.parse(f"titel: {raw}\n")
    assert tree.items["titel"][1].value == raw


@pytest.mark.parametrize("raw", ["", "~", "null", "NULL"])
def test_only_empty_or_null_means_nothing(raw):
    assert yamltree.parse(f"titel: {raw}\n").items["titel"][1].value is None


def test_quoted_null_is_text():
    assert yamltree.parse('titel: "null"\n').items["titel"][1].value == "null"


def test_tree_keeps_key_and_item_lines_with_offset():
    tree = yamltree.parse("titel: A\nthemas:\n  - x\n  - y\nsamenvatting: >\n  lang\n  verhaal\n",
                          first_line=2)
    assert tree.items["titel"][0] == 2
    key_line, seq = tree.items["themas"]
    assert key_line == 3
    assert [(i.value, i.line) for i in seq.items] == [("x", 4), ("y", 5)]
    assert tree.items["samenvatting"] == (6, yamltree.Scalar("lang verhaal\n", 6))


def test_empty_document_is_none():
    assert yamltree.parse("") is None
    assert yamltree.parse("# alleen commentaar\n") is None


@pytest.mark.parametrize("text, line, phrase", [
    ("a: &x 1\nb: *x\n", 1, "Ankers"),
    ("a: 1\nb: *x\n", 2, "verwijzingen"),
    ("a: !!str 1\n", 1, "YAML-tags"),
    ("a: 1\na: 2\n", 2, "twee keer"),
    ("a: 1\n---\nb: 2\n", 2, "meer dan één"),
    ("a: b: c\n", 1, "dubbele punt"),
    ("a: 1\nb\nc: 2\n", 2, "dubbele punt"),
    ("a:\n\t- x\n", 2, "tabs"),
    ("a: [x, y\nb: 1\n", 1, "niet gesloten"),
    ('a: "x\nb: 1\n', 1, "aanhalingsteken"),
    ("? [a]\n: 1\n", 1, "gewoon woord"),
])
def test_refused_yaml_names_the_line(text, line, phrase):
    with pytest.raises(yamltree.YamlProblem) as info:
        yamltree.parse(text, first_line=1)
    assert info.value.line == line
    assert phrase in info.value.message


def test_nesting_is_limited():
    deep = "a: " + "[" * (yamltree.MAX_DEPTH + 1) + "]" * (yamltree.MAX_DEPTH + 1) + "\n"
    with pytest.raises(yamltree.YamlProblem, match="te diep"):
        yamltree.parse(deep)


# -- front matter ------------------------------------------------------------------------


def test_decode_accepts_bom_and_normalises_line_endings():
    assert decode("\ufeff---\r\na: 1\r\n---\rX".encode("utf-8")) == "---\na: 1\n---\nX"


def test_decode_refuses_non_utf8_with_the_line():
    with pytest.raises(DocumentProblem) as info:
        decode(b"---\na: 1\nb: caf\xe9\n")
    assert info.value.line == 3 and "UTF-8" in info.value.message


def test_decode_refuses_nul_and_huge_files():
    with pytest.raises(DocumentProblem, match="NUL"):
        decode(b"a\n\x00")
    with pytest.raises(DocumentProblem, match="te groot"):
        decode(b"a" * (256 * 1024 + 1))


def test_split_returns_meta_and_body_with_its_first_line():
    document = split("---\ntitel: A\n---\nKern\n")
    assert document.meta.items["titel"] == (2, yamltree.Scalar("A", 2))
    assert document.body == "Kern\n"
    assert document.body_first_line == 4


@pytest.mark.parametrize("text, line, phrase", [
    ("Kern\n", 1, "moet beginnen met kopregels"),
    ("---\ntitel: A\nKern\n", 1, "niet afgesloten"),
    ("---\n---\nKern\n", 1, "leeg"),
    ("---\n- a\n---\n", 2, "sleutel: waarde"),
    ("---\ngewoon tekst\n---\n", 2, "sleutel: waarde"),
    ("---\na: 1\n  b: 2\n---\n", 3, "geen geldige YAML"),
])
def test_split_problems(text, line, phrase):
    with pytest.raises(DocumentProblem) as info:
        split(text)
    assert (info.value.line, phrase in info.value.message) == (line, True), info.value.message


# -- body: kern and regional blocks ----------------------------------------------------------


def test_body_splits_kern_and_region_blocks_with_lines():
    body = split_body("Kern.\n\n/// regio | noord\nNoord.\n///\n\nMeer kern.\n/// regio | zuid\nZuid.\n///\n", 11)
    assert body.kern == "Kern.\n\n\nMeer kern."
    assert [(i.region, i.text, i.line) for i in body.invullingen] == [("noord", "Noord.", 13),
                                                                      ("zuid", "Zuid.", 18)]
    assert body.problems == []


def test_body_leaves_code_fences_and_other_blocks_alone():
    text = ("```\n/// regio | noord\n///\n```\n"
            "/// details | Meer\nIn details.\n///\n"
            "/// regio | zuid\n/// note\nGenest.\n///\n~~~~\n///\n~~~~\n///\n")
    body = split_body(text, 1)
    assert "/// regio | noord" in body.kern and "/// details | Meer" in body.kern
    assert len(body.invullingen) == 1
    assert body.invullingen[0].region == "zuid"
    assert body.invullingen[0].text == "/// note\nGenest.\n///\n~~~~\n///\n~~~~"
    assert body.problems == []


def test_body_reports_unclosed_nested_unnamed_and_double_blocks():
    assert split_body("a\n/// regio | noord\ntekst\n", 5).problems[0][0] == 6
    nested = split_body("/// details | x\n/// regio | noord\ny\n///\n///\n", 1)
    assert [line for line, _ in nested.problems] == [2]
    unnamed = split_body("/// regio\ny\n///\n", 1)
    assert unnamed.problems[0][0] == 1 and "Noem de regio" in unnamed.problems[0][1]
    double = split_body("/// regio | noord\na\n///\n/// regio | noord\nb\n///\n", 1)
    assert [line for line, _ in double.problems] == [4]
    assert [i.text for i in double.invullingen] == ["a"]


# -- one element file -------------------------------------------------------------------------

DATA = {
    "themas.yml": "- id: samenwerking\n  naam: Samenwerking\n",
    "regios.yml": "- id: noord\n  naam: Noord\n- id: dorp\n  naam: Dorp\n  ouder: noord\n"
                  "- id: zuid\n  naam: Zuid\n",
    "betrokkenen.yml": "- id: gemeente\n  naam: Gemeente\n",
    "perspectieven.yml": "- id: professionals\n  naam: Professionals\n",
    "statussen.yml": "- id: concept\n  naam: Concept\n",
    "brontypen.yml": "- id: factsheet\n  naam: Factsheet\n",
    "bronnen.yml": "- id: bron\n  titel: Bron\n  citaat: Bron.\n  jaar: '2024'\n  type: factsheet\n",
}
VALID = ("---\ntitel: '  Een   titel '\nsoort: werkzaam\nsamenvatting: Kort.\nthemas: [samenwerking]\n"
         "betrokkenen: [gemeente]\nregios: [noord]\nbronnen: [bron]\nstatus: concept\n---\n"
         "Kern.\n\n/// regio | dorp\nIn het dorp.\n///\n")


@pytest.fixture
def load(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    for name, text in DATA.items():
        (data / name).write_text(text, "utf-8")
    problems = ProblemList()
    taxonomies = load_taxonomies(load_schema(), data, "data", problems)
    assert problems == []

    def load_text(text: str, name: str = "een-element.md"):
        path = tmp_path / name
        path.write_text(text, "utf-8")
        found = ProblemList()
        element = load_element(path, f"elements/{name}", load_schema(), taxonomies, found)
        return element, [(p.line, p.message) for p in found]
    return load_text


def test_valid_element_loads_with_normalised_values(load):
    element, problems = load(VALID)
    assert problems == []
    assert element.id == "een-element"
    assert element.title == "Een titel"
    assert element.list("regios") == ["noord"]
    assert element.line_of("regios", 0) == 7
    assert element.body.kern == "Kern."
    assert element.body.invullingen[0].region == "dorp"  # child of a chosen region: fine


@pytest.mark.parametrize("change, line, phrase", [
    (("titel: '  Een   titel '", "titel:"), 2, "'titel' is leeg"),
    (("themas: [samenwerking]", "themas: []"), 5, "ten minste 1"),
    (("themas: [samenwerking]", "themas: [samenwerking, samenwerking]"), 5, "twee keer"),
    (("themas: [samenwerking]", "themas: [Samen Werking]"), 5, "geen geldige id"),
    (("themas: [samenwerking]", "themas:\n  - [a]"), 6, "korte tekst"),
    (("status: concept", "status: klaar"), 9, "Kies uit: concept"),
    (("status: concept", "status: concept\nreflectievragen: ['a\x07']"), 10, "stuurteken"),
    (("/// regio | dorp", "/// regio | zuid"), 13, "geldt niet voor regio 'zuid'"),
])
def test_per_file_rules(load, change, line, phrase):
    element, problems = load(VALID.replace(*change))
    assert len(problems) == 1, problems
    assert problems[0][0] == line and phrase in problems[0][1], problems


def test_missing_keys_are_all_reported(load):
    _, problems = load("---\ntitel: A\n---\n")
    missing = {m.split("'")[1] for _, m in problems}
    assert missing == {"soort", "samenvatting", "themas", "betrokkenen", "regios", "bronnen", "status"}


def test_bad_file_name_is_reported_and_file_still_checked(load):
    element, problems = load(VALID.replace("soort: werkzaam", "soort: goed"), name="Mijn Element.md")
    assert [line for line, _ in problems] == [1, 3]
    assert element is not None
