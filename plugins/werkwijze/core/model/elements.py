"""Element files: the model, and loading one file with all per-file checks.

Rules that need the whole set of elements (duplicate ids, references) live in
`graph.py`; rules here only need one file, the schema and the taxonomies.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..sources import yamltree
from ..sources.body import DEFAULT_REGION_BLOCK, Body, split_body
from ..sources.frontmatter import DocumentProblem, decode, split
from ..i18n import t
from ..problems import ProblemList
from .fieldkinds import Reading, kind_of
from .schema import ID_PATTERN, FieldSpec, Roles, Schema
from ..suggest import did_you_mean
from .taxonomy import Taxonomies

_ID = re.compile(ID_PATTERN)


@dataclass
class Element:
    id: str
    path: str  # posix path relative to the project root
    values: dict[str, str | list[str]] = field(default_factory=dict)
    key_lines: dict[str, int] = field(default_factory=dict)
    item_lines: dict[str, list[int]] = field(default_factory=dict)
    body: Body | None = None
    raw_body: str = ""
    body_first_line: int = 1
    roles: Roles | None = None  # the schema's roles: which field is the title, the kind, ...

    def text(self, key: str | None) -> str:
        value = self.values.get(key) if key else None
        return value if isinstance(value, str) else ""

    def list(self, key: str | None) -> list[str]:
        value = self.values.get(key) if key else None
        return value if isinstance(value, list) else []

    def role_text(self, role: str) -> str:
        return self.text(getattr(self.roles, role)) if self.roles else ""

    def role_list(self, role: str) -> list[str]:
        return self.list(getattr(self.roles, role)) if self.roles else []

    @property
    def title(self) -> str:
        return self.role_text("title")

    @property
    def kind(self) -> str:
        return self.role_text("kind")

    @property
    def summary(self) -> str:
        return self.role_text("summary")

    @property
    def status(self) -> str:
        return self.role_text("status")

    def line_of(self, key: str, index: int | None = None) -> int:
        if index is not None and key in self.item_lines and index < len(self.item_lines[key]):
            return self.item_lines[key][index]
        return self.key_lines.get(key, 1)


def element_id_for(path: Path) -> str:
    return path.stem


def load_element(path: Path, rel: str, schema: Schema, taxonomies: Taxonomies,
                 problems: ProblemList) -> Element | None:
    """Read and check one element file. Returns None when nothing usable was read."""
    element_id = element_id_for(path)
    if not _ID.match(element_id):
        problems.add(rel, 1, t("validate.element.bad_file_name", name=path.name))
    try:
        document = split(decode(path.read_bytes()))
    except DocumentProblem as exc:
        problems.add(rel, exc.line, exc.message)
        return None
    except OSError:
        problems.add(rel, 1, t("validate.unreadable"))
        return None

    element = Element(element_id, rel, raw_body=document.body,
                      body_first_line=document.body_first_line, roles=schema.roles)
    meta = document.meta
    for key, (key_line, node) in meta.items.items():
        element.key_lines[key] = key_line
        spec = schema.fields.get(key)
        if spec is None:
            problems.add(rel, key_line, t("validate.element.unknown_field", key=key,
                                          hint=did_you_mean(key, schema.fields),
                                          allowed=", ".join(schema.fields)))
            continue
        value = _read_field(spec, node, key_line, rel, taxonomies, problems, element)
        if value is not None:
            element.values[key] = value
    for name in schema.required_fields:
        if name not in meta.items:
            problems.add(rel, 1, t("validate.element.missing_field", name=name,
                                   help=schema.fields[name].help))

    for spec in schema.fields.values():
        if spec.only_for_soort and element.list(spec.name) and element.kind \
                and element.kind != spec.only_for_soort:
            problems.add(rel, element.line_of(spec.name), t(
                "validate.element.only_for_soort", name=spec.name, soort=spec.only_for_soort,
                actual=element.kind))

    region_facet = schema.facet_of("regions")
    element.body = split_body(document.body, document.body_first_line,
                              region_facet.name if region_facet else DEFAULT_REGION_BLOCK)
    for line, message in element.body.problems:
        problems.add(rel, line, message)
    _check_invullingen(element, schema, taxonomies, problems)
    return element


def _read_field(spec: FieldSpec, node: yamltree.Node, key_line: int, rel: str,
                taxonomies: Taxonomies, problems: ProblemList, element: Element):
    """The field's kind reads and checks it (core/model/fieldkinds/)."""
    return kind_of(spec).read(spec, node, key_line, Reading(rel, taxonomies, problems, element.item_lines))


def _check_invullingen(element: Element, schema: Schema, taxonomies: Taxonomies,
                       problems: ProblemList) -> None:
    if schema.region_field is None:  # a manual without regions has no regional blocks
        for invulling in element.body.invullingen:
            problems.add(element.path, invulling.line, t("model.no_regions"))
        return
    regions = taxonomies[schema.region_field.taxonomy]
    chosen = set(element.list(schema.region_field.name))
    generic = schema.generic_region in chosen
    for invulling in element.body.invullingen:
        region = invulling.region
        if region not in regions:
            problems.add(element.path, invulling.line, t(
                "validate.element.unknown_region", region=region,
                hint=did_you_mean(region, regions.terms), file=regions.path,
                allowed=", ".join(regions.terms)))
            continue
        related = {region, regions.terms[region].role("parent")}
        related |= {term.id for term in regions if term.role("parent") == region}
        if chosen and not generic and not (related & chosen):
            problems.add(element.path, invulling.line,
                         t("validate.element.region_not_chosen", region=region))
