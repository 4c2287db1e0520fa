"""Taxonomies and the sources registry: the manual's data files, validated."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..sources import yamltree
from ..sources.datafile import check_keys, read_tree
from ..i18n import t
from ..problems import ProblemList
from .schema import ID_PATTERN, Schema, TaxonomySpec
from ..suggest import did_you_mean

_ID = re.compile(ID_PATTERN)
_URL = re.compile(r"^https?://[^\s<>\"']+$")


@dataclass
class Term:
    id: str
    name: str  # the value of the taxonomy's `name` key (see the schema's term_roles)
    line: int
    values: dict[str, str] = field(default_factory=dict)
    roles: dict[str, str] = field(default_factory=dict, repr=False)  # role -> key

    def get(self, key: str, default: str = "") -> str:
        return self.values.get(key) or default

    def role(self, role: str, default: str = "") -> str:
        """The value the schema names for this role (description, parent, citation, ...)."""
        key = self.roles.get(role)
        return (self.values.get(key) if key else None) or default


@dataclass
class Taxonomy:
    name: str
    path: str  # posix path relative to the project root
    terms: dict[str, Term] = field(default_factory=dict)

    def __contains__(self, term_id: str) -> bool:
        return term_id in self.terms

    def __iter__(self):
        return iter(self.terms.values())

    def label(self, term_id: str) -> str:
        term = self.terms.get(term_id)
        return term.name if term else term_id


class Taxonomies(dict[str, Taxonomy]):
    pass


def _load_one(spec: TaxonomySpec, data_dir: Path, rel_dir: str, problems: ProblemList) -> Taxonomy:
    rel = f"{rel_dir}/{spec.file}"
    taxonomy = Taxonomy(spec.name, rel)
    path = data_dir / spec.file
    if not path.exists():
        problems.add(rel, 1, t("validate.data.missing_file", file=rel))
        return taxonomy
    root = read_tree(path, rel, problems)
    if root is None:
        return taxonomy
    if not isinstance(root, yamltree.Seq):
        problems.add(rel, root.line, t("validate.data.not_a_list"))
        return taxonomy
    name_key = spec.roles.get("name")
    for item in root.items:
        if not isinstance(item, yamltree.Map):
            problems.add(rel, item.line, t("validate.data.item_not_mapping"))
            continue
        values: dict[str, str] = {}
        allowed = ["id", *spec.keys]
        check_keys(item, allowed, rel, problems)
        for key, (key_line, node) in item.items.items():
            if key not in allowed:
                continue
            if not isinstance(node, yamltree.Scalar):
                problems.add(rel, node.line, t("validate.data.value_not_text", key=key))
                continue
            if node.value is not None:
                values[key] = node.value.strip()
        term_id = values.pop("id", None)
        if not term_id:
            problems.add(rel, item.line, t("validate.data.missing_id"))
            continue
        if not _ID.match(term_id):
            problems.add(rel, item.line, t("validate.data.bad_id", id=term_id))
            continue
        if term_id in taxonomy.terms:
            problems.add(rel, item.line, t("validate.data.duplicate_id", id=term_id,
                                           line=taxonomy.terms[term_id].line))
            continue
        for key_spec in spec.keys.values():
            if key_spec.required and not values.get(key_spec.name):
                problems.add(rel, item.line, t("validate.data.missing_field", id=term_id,
                                               key=key_spec.name))
            if key_spec.url and values.get(key_spec.name) and not _URL.match(values[key_spec.name]):
                problems.add(rel, _key_line(item, key_spec.name),
                             t("validate.data.not_a_url", key=key_spec.name))
        name = values.get(name_key) if name_key else None
        taxonomy.terms[term_id] = Term(term_id, name or term_id, item.line, values, spec.roles)
    return taxonomy


def _key_line(item: yamltree.Map, key: str) -> int:
    return item.items[key][0] if key in item.items else item.line


def _check_refs(schema: Schema, taxonomies: Taxonomies, problems: ProblemList) -> None:
    for spec in schema.taxonomies.values():
        taxonomy = taxonomies[spec.name]
        for key_spec in spec.keys.values():
            if not key_spec.ref:
                continue
            target = taxonomies[key_spec.ref]
            for term in taxonomy:
                value = term.values.get(key_spec.name)
                if value and value not in target:
                    problems.add(taxonomy.path, term.line, t(
                        "validate.data.unknown_ref", id=term.id, value=value, key=key_spec.name,
                        hint=did_you_mean(value, target.terms), file=target.path))


def _check_cycles(taxonomies: Taxonomies, problems: ProblemList) -> None:
    """A term may not be its own parent, directly or through others (regions)."""
    for taxonomy in taxonomies.values():
        for term in taxonomy:
            chain = [term.id]
            parent = term.role("parent")
            while parent and parent in taxonomy and parent not in chain:
                chain.append(parent)
                parent = taxonomy.terms[parent].role("parent")
            if parent == term.id:
                problems.add(taxonomy.path, term.line, t("validate.data.parent_cycle", id=term.id,
                                                         chain=" → ".join([*chain, term.id])))


def load_taxonomies(schema: Schema, data_dir: Path, rel_dir: str, problems: ProblemList) -> Taxonomies:
    taxonomies = Taxonomies()
    for spec in schema.taxonomies.values():
        taxonomies[spec.name] = _load_one(spec, data_dir, rel_dir, problems)
    _check_refs(schema, taxonomies, problems)
    _check_cycles(taxonomies, problems)
    region_field = schema.region_field
    regions = taxonomies.get(region_field.taxonomy) if region_field else None
    if regions is not None and region_field.exclusive in regions:
        problems.add(regions.path, regions.terms[region_field.exclusive].line,
                     t("validate.data.reserved_region", value=region_field.exclusive))
    return taxonomies
