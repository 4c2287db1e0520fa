"""The reference graph between elements, and the rules that need all elements.

Built in one linear pass over the references, so it stays cheap at thousands of
elements; every relation is stored in both directions.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .elements import Element
from .problems import ProblemList
from .schema import Schema
from .suggest import did_you_mean


@dataclass
class Graph:
    # element id -> ids, in a stable order
    related: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    helps_against: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    helped_by: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    # alias (former id) -> current id
    aliases: dict[str, str] = field(default_factory=dict)


def index_elements(found: list[Element], problems: ProblemList) -> dict[str, Element]:
    """Elements by id; a second file with the same id is an error."""
    elements: dict[str, Element] = {}
    for element in found:
        first = elements.get(element.id)
        if first is not None:
            problems.add(element.path, 1, f"De id '{element.id}' bestaat al ({first.path}). "
                         "Elke bestandsnaam moet uniek zijn: geef dit bestand een andere naam.")
            continue
        elements[element.id] = element
    return elements


def build_graph(elements: dict[str, Element], schema: Schema, problems: ProblemList) -> Graph:
    graph = Graph()
    element_fields = [spec for spec in schema.fields.values() if spec.items == "element"]
    for element in elements.values():
        for spec in element_fields:
            for index, target in enumerate(element.list(spec.name)):
                line = element.line_of(spec.name, index)
                if target == element.id:
                    problems.add(element.path, line, f"Een element kan niet naar zichzelf verwijzen "
                                 f"in '{spec.name}'. Haal '{target}' weg.")
                    continue
                other = elements.get(target)
                if other is None:
                    problems.add(element.path, line, f"'{target}' in '{spec.name}' bestaat niet."
                                 f"{did_you_mean(target, elements)} Gebruik de bestandsnaam (zonder .md) "
                                 "van een ander element.")
                    continue
                if spec.target_soort and other.soort and other.soort != spec.target_soort:
                    problems.add(element.path, line, f"'{target}' is {other.soort}; '{spec.name}' "
                                 f"mag alleen naar {spec.target_soort}e elementen verwijzen.")
                    continue
                if spec.target_soort:
                    _add(graph.helps_against, element.id, target)
                    _add(graph.helped_by, target, element.id)
                else:
                    _add(graph.related, element.id, target)
                    _add(graph.related, target, element.id)
    _collect_aliases(elements, graph, problems)
    return graph


def _add(relation: dict[str, list[str]], source: str, target: str) -> None:
    if target not in relation[source]:
        relation[source].append(target)


def _collect_aliases(elements: dict[str, Element], graph: Graph, problems: ProblemList) -> None:
    for element in elements.values():
        for index, alias in enumerate(element.list("aliassen")):
            line = element.line_of("aliassen", index)
            if alias in elements:
                problems.add(element.path, line, f"De oude id '{alias}' is ook de id van een "
                             f"bestaand element ({elements[alias].path}). Een oude id mag niet "
                             "opnieuw gebruikt worden.")
            elif alias in graph.aliases:
                problems.add(element.path, line, f"De oude id '{alias}' staat ook bij element "
                             f"'{graph.aliases[alias]}'. Een oude id hoort bij één element.")
            else:
                graph.aliases[alias] = element.id
