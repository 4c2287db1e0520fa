"""The reference graph between elements, and the rules that need all elements.

Built in one linear pass over the references, so it stays cheap at thousands of
elements; every relation is stored in both directions.
"""
from __future__ import annotations


from ..model.elements import Element
from ..model.graph import Graph
from ..i18n import t
from ..problems import ProblemList
from ..model.schema import Schema
from ..suggest import did_you_mean


def index_elements(found: list[Element], problems: ProblemList) -> dict[str, Element]:
    """Elements by id; a second file with the same id is an error."""
    elements: dict[str, Element] = {}
    for element in found:
        first = elements.get(element.id)
        if first is not None:
            problems.add(element.path, 1, t("validate.graph.duplicate_id", id=element.id,
                                            file=first.path))
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
                    problems.add(element.path, line, t("validate.graph.self_reference",
                                                       name=spec.name, target=target))
                    continue
                other = elements.get(target)
                if other is None:
                    problems.add(element.path, line, t("validate.graph.unknown_target",
                                                       target=target, name=spec.name,
                                                       hint=did_you_mean(target, elements)))
                    continue
                if spec.target_soort and other.kind and other.kind != spec.target_soort:
                    problems.add(element.path, line, t("validate.graph.wrong_soort", target=target,
                                                       soort=other.kind, name=spec.name,
                                                       target_soort=spec.target_soort))
                    continue
                if spec.target_soort:
                    _add(graph.helps_against, element.id, target)
                    _add(graph.helped_by, target, element.id)
                else:
                    _add(graph.related, element.id, target)
                    _add(graph.related, target, element.id)
    _collect_aliases(elements, schema.roles.aliases, graph, problems)
    return graph


def _add(relation: dict[str, list[str]], source: str, target: str) -> None:
    if target not in relation[source]:
        relation[source].append(target)


def _collect_aliases(elements: dict[str, Element], field_name: str | None, graph: Graph,
                     problems: ProblemList) -> None:
    """Former ids, from the field with the `aliases` role (none without one)."""
    if not field_name:
        return
    for element in elements.values():
        for index, alias in enumerate(element.list(field_name)):
            line = element.line_of(field_name, index)
            if alias in elements:
                problems.add(element.path, line, t("validate.graph.alias_is_element", alias=alias,
                                                   file=elements[alias].path))
            elif alias in graph.aliases:
                problems.add(element.path, line, t("validate.graph.alias_taken", alias=alias,
                                                   element=graph.aliases[alias]))
            else:
                graph.aliases[alias] = element.id
