"""Unit tests for the reference graph (both directions, rules that need all elements)
and for facet selection (AND across facets, OR within, the region family)."""
from __future__ import annotations

import pytest

from werkwijze.core.model.elements import Element
from werkwijze.core.model.facets import Facets
from werkwijze.core.validate.graph import build_graph, index_elements
from werkwijze.core.problems import ProblemList
from werkwijze.core.model.schema import load_schema
from werkwijze.core.model.taxonomy import Taxonomies, Taxonomy, Term

SCHEMA = load_schema()


def make(element_id: str, soort: str = "werkzaam", folder: str = "x", **values) -> Element:
    element = Element(element_id, f"elements/{folder}/{element_id}.md", roles=SCHEMA.roles)
    element.values = {"titel": element_id.title(), "soort": soort, "themas": ["t1"],
                      "betrokkenen": ["gemeente"], "regios": ["generiek"], **values}
    # pretend every list item sits on its own line, starting at line 20
    for key, value in element.values.items():
        if isinstance(value, list):
            element.key_lines[key] = 19
            element.item_lines[key] = list(range(20, 20 + len(value)))
    return element


def graph_of(*elements: Element):
    problems = ProblemList()
    indexed = index_elements(list(elements), problems)
    return build_graph(indexed, SCHEMA, problems), sorted(problems)


def test_related_is_stored_in_both_directions_without_duplicates():
    graph, problems = graph_of(make("a", gerelateerd=["b", "c"]), make("b", gerelateerd=["a"]), make("c"))
    assert problems == []
    assert graph.related["a"] == ["b", "c"]
    assert graph.related["b"] == ["a"]
    assert graph.related["c"] == ["a"]


def test_helps_against_and_helped_by():
    graph, problems = graph_of(make("w1", helpt_tegen=["b1"]), make("w2", helpt_tegen=["b1", "b2"]),
                               make("b1", "belemmerend"), make("b2", "belemmerend"))
    assert problems == []
    assert graph.helps_against["w2"] == ["b1", "b2"]
    assert graph.helped_by["b1"] == ["w1", "w2"]
    assert graph.helped_by["b2"] == ["w2"]
    assert "b1" not in graph.related.get("w1", [])


def test_reference_problems_carry_the_item_line():
    graph, problems = graph_of(
        make("a", gerelateerd=["b", "a", "bb"], helpt_tegen=["c"]),
        make("b", "belemmerend"), make("c"))
    assert [(p.path, p.line) for p in problems] == [
        ("elements/x/a.md", 20),  # helpt_tegen: c is werkzaam
        ("elements/x/a.md", 21),  # gerelateerd: a is itself
        ("elements/x/a.md", 22),  # gerelateerd: bb does not exist
    ]
    messages = [p.message for p in problems]
    assert "'c' is werkzaam" in messages[0]
    assert "naar zichzelf" in messages[1]
    assert "'bb' in 'gerelateerd' bestaat niet" in messages[2] and "Bedoelde u 'b'?" in messages[2]
    assert graph.related["a"] == ["b"]


def test_duplicate_ids_keep_the_first_and_report_the_second():
    problems = ProblemList()
    indexed = index_elements([make("a", folder="een"), make("a", folder="twee")], problems)
    assert indexed["a"].path == "elements/een/a.md"
    assert [(p.path, p.line) for p in problems] == [("elements/twee/a.md", 1)]
    assert "elements/een/a.md" in problems[0].message


def test_aliases_map_to_the_current_id_and_clash_is_reported():
    graph, problems = graph_of(make("a", aliassen=["oud-a"]), make("b", aliassen=["oud-a", "a"]))
    assert graph.aliases == {"oud-a": "a"}
    assert [(p.path, p.line) for p in problems] == [("elements/x/b.md", 20), ("elements/x/b.md", 21)]
    assert "staat ook bij element 'a'" in problems[0].message
    assert "bestaand element" in problems[1].message


# -- facets ---------------------------------------------------------------------------------


def taxonomy(name: str, *terms: tuple[str, str | None]) -> Taxonomy:
    result = Taxonomy(name, f"data/{name}.yml")
    for line, (term_id, parent) in enumerate(terms, start=1):
        result.terms[term_id] = Term(term_id, term_id.title(), line, {"ouder": parent} if parent else {},
                                     SCHEMA.taxonomies["regios"].roles)
    return result


@pytest.fixture(scope="module")
def facets() -> Facets:
    taxonomies = Taxonomies()
    for name in SCHEMA.taxonomies:
        taxonomies[name] = taxonomy(name)
    taxonomies["themas"] = taxonomy("themas", ("t1", None), ("t2", None))
    taxonomies["betrokkenen"] = taxonomy("betrokkenen", ("gemeente", None), ("gezin", None))
    taxonomies["regios"] = taxonomy("regios", ("noord", None), ("dorp", "noord"), ("stad", "noord"),
                                    ("zuid", None))
    return Facets(SCHEMA, taxonomies)


ELEMENTS = [
    make("generiek-w", themas=["t1"]),
    make("generiek-b", "belemmerend", themas=["t2"]),
    make("noord-w", themas=["t1", "t2"], regios=["noord"]),
    make("dorp-b", "belemmerend", regios=["dorp"], betrokkenen=["gezin"]),
    make("stad-w", regios=["stad"]),
    make("zuid-w", regios=["zuid"], themas=["t2"]),
]


def ids(facets: Facets, filters) -> set[str]:
    return {e.id for e in facets.select(ELEMENTS, filters)}


@pytest.mark.parametrize("filters, expected", [
    ({}, {e.id for e in ELEMENTS}),
    ({"soort": ["belemmerend"]}, {"generiek-b", "dorp-b"}),
    ({"thema": ["t2"]}, {"generiek-b", "noord-w", "zuid-w"}),
    ({"thema": ["t1", "t2"], "soort": ["werkzaam"]}, {"generiek-w", "noord-w", "stad-w", "zuid-w"}),
    ({"thema": ["t2"], "soort": ["werkzaam"]}, {"noord-w", "zuid-w"}),
    ({"betrokkene": ["gezin"], "soort": ["belemmerend"]}, {"dorp-b"}),
    ({"thema": []}, {e.id for e in ELEMENTS}),  # an empty filter does not filter
])
def test_select_ands_facets_and_ors_values(facets, filters, expected):
    assert ids(facets, filters) == expected


@pytest.mark.parametrize("region, expected", [
    # a child region: generic + its own + its parent's (what holds for the whole parent)
    ("dorp", {"generiek-w", "generiek-b", "dorp-b", "noord-w"}),
    # a parent region: generic + its own + its children's
    ("noord", {"generiek-w", "generiek-b", "noord-w", "dorp-b", "stad-w"}),
    ("zuid", {"generiek-w", "generiek-b", "zuid-w"}),
])
def test_region_family(facets, region, expected):
    assert ids(facets, {"regio": [region]}) == expected


def test_region_or_and_combined_with_soort(facets):
    assert ids(facets, {"regio": ["stad", "zuid"], "soort": ["werkzaam"]}) == {
        "generiek-w", "noord-w", "stad-w", "zuid-w"}
