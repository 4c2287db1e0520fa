"""The element schema: one description of the front matter, owned by the manual.

A manual keeps it in `schema/element.yml` (the path is a plugin option); the package
ships a default (`werkwijze/schema/element.yml`) that `werkwijze init` copies and that is
used when a manual has none. Validation, the JSON Schema, the editor templates, the
exports, the filter and the element pages are all derived from it.

Code that needs a field with a special meaning (the title, the kind, the regions, ...)
asks the schema's `roles` for its name: field names are data, never literals in code.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, fields as dataclass_fields
from importlib import resources
from pathlib import Path

from .fieldkinds import KINDS as FIELD_KINDS  # the registry of field kinds
from .fieldkinds.base import ID_PATTERN
from ..sources import yamltree
from ..sources.contained import named_path_problem
from ..sources.datafile import read_tree
from ..sources.layout import DEFAULT_SCHEMA
from ..i18n import t
from ..paths import DEFAULT_ADDRESSES, Addresses, Anchors
from ..problems import ProblemList

DEFAULT_SCHEMA_LANGUAGE = "nl"  # the package's default schema; others: schema/translations/
# The schema's own keywords are English, but a few began in Dutch: both spellings are
# read (this manual's schema keeps the Dutch ones; `werkwijze init` in another language
# writes the English ones). Dutch keyword -> English keyword.
KEYWORD_ALIASES = {"soorten": "kinds", "leerlijnen": "learning_paths",
                   "only_for_soort": "only_for_kind", "target_soort": "target_kind"}


@dataclass(frozen=True)
class FieldSpec:
    name: str
    kind: str  # a kind of the registry (fieldkinds/): text | choice | list | date
    label: str
    help: str
    required: bool = False
    items: str | None = None  # text | id | taxonomy | element
    taxonomy: str | None = None
    choices: tuple[str, ...] = ()
    max_length: int | None = None
    min_items: int = 0
    max_items: int | None = None
    exclusive: str | None = None
    only_for_soort: str | None = None
    target_soort: str | None = None
    export: bool = True  # in elementen.json / .csv
    derived: bool = False  # its links are derived by the site makers, not said by a source
    explained_in: str | None = None  # a chapter (`page.md` or `page.md#anchor`) that explains it
    sort: str | None = None  # a date field: lists of elements follow it (ascending | descending)


@dataclass(frozen=True)
class KeySpec:
    name: str
    required: bool = False
    ref: str | None = None
    url: bool = False


# experience: a key whose value `nee` says the term does not name whose experience a
# finding is (a perspective such as "the researchers' conclusions").
TERM_ROLES = ("name", "description", "parent", "citation", "link", "type", "experience")


@dataclass(frozen=True)
class TaxonomySpec:
    name: str
    file: str
    keys: dict[str, KeySpec]
    # role (name, description, parent, citation, link, type) -> the key that holds it
    roles: dict[str, str] = field(default_factory=dict)

    def key_for(self, role: str) -> KeySpec | None:
        key = self.roles.get(role)
        return self.keys.get(key) if key else None


@dataclass(frozen=True)
class FacetSpec:
    name: str  # singular: soort, thema, ... (chapter directives, URL queries)
    field: str  # front-matter key
    path: str  # folder of the static facet pages
    title: str
    plural: str
    taxonomy: str | None = None


TONES = ("positive", "negative")  # a kind's colour and marker (+ / −) on the site


@dataclass(frozen=True)
class SoortSpec:
    id: str
    label: str
    plural: str
    short: str
    inverse_heading: str
    tone: str | None = None  # positive | negative | none (render/colours.py kind_css)


@dataclass(frozen=True)
class Roles:
    """Which front-matter field plays which part. The first three are required; a manual
    without e.g. `regions` simply has no regional texts, facets or "Mijn regio"."""
    title: str
    kind: str
    summary: str
    status: str | None = None
    themes: str | None = None  # groups the overview and the work cards; folder of new elements
    regions: str | None = None
    sources: str | None = None
    related: str | None = None
    counters: str | None = None  # working elements -> the hindering ones they counter
    questions: str | None = None
    aliases: str | None = None

    def used(self) -> dict[str, str]:
        return {f.name: getattr(self, f.name) for f in dataclass_fields(self) if getattr(self, f.name)}


REQUIRED_ROLES = ("title", "kind", "summary")

# The field each role needs: (kind, items); the code reads a role's value as one text
# (text, choice) or as a list of the given items.
ROLE_KINDS: dict[str, tuple[str, str | None]] = {
    "title": ("text", None), "kind": ("choice", None), "summary": ("text", None),
    "status": ("choice", None), "themes": ("list", "taxonomy"), "regions": ("list", "taxonomy"),
    "sources": ("list", "taxonomy"), "related": ("list", "element"), "counters": ("list", "element"),
    "questions": ("list", "text"), "aliases": ("list", "id"),
}

# Keys every record of elementen.json / elementen.csv holds besides the schema's fields
# (core/render/export.py): a field with one of these names would overwrite them.
EXPORT_RECORD_KEYS = ("id", "url")


@dataclass(frozen=True)
class DataFileSpec:
    """A trainers' data file: where it is, and which key holds which part (role -> key)."""
    location: str  # a file in the data folder (editie.yml), or a folder of files (leerlijnen)
    keys: dict[str, str]
    item_keys: dict[str, str]  # of each edition / each step

    def key(self, role: str) -> str:
        return self.keys[role]

    def item_key(self, role: str) -> str:
        return self.item_keys[role]

    def placeholders(self) -> dict[str, str]:
        """`{key_<role>}` for messages that name the file's keys."""
        return {f"key_{role}": key for role, key in {**self.keys, **self.item_keys}.items()}


# The parts the code knows (roles) and this manual's default keys for them; a schema
# names its own keys in `editions:` / `leerlijnen:` (e.g. an English manual: title, steps).
EDITIONS_DEFAULT = DataFileSpec(
    "editie.yml", {"organisation": "organisatie", "reference_page": "verwijspagina", "editions": "edities"},
    {"version": "versie", "date": "datum", "note": "toelichting"})
LEERLIJNEN_DEFAULT = DataFileSpec(
    "leerlijnen", {"title": "titel", "audience": "doelgroep", "duration": "duur", "intro": "inleiding",
                   "steps": "stappen"},
    {"element": "element", "chapter": "hoofdstuk", "note": "notitie", "questions": "vragen",
     "minutes": "minuten", "goal": "doel", "materials": "materialen"})


@dataclass(frozen=True)
class Schema:
    fields: dict[str, FieldSpec]
    soorten: dict[str, SoortSpec]
    generic_region_label: str
    taxonomies: dict[str, TaxonomySpec]
    facets: dict[str, FacetSpec]
    roles: Roles
    path: str = DEFAULT_SCHEMA  # where it was read from, relative to the project root
    editions: DataFileSpec = EDITIONS_DEFAULT
    leerlijnen: DataFileSpec = LEERLIJNEN_DEFAULT
    addresses: Addresses = DEFAULT_ADDRESSES  # its generated pages' and files' names

    @property
    def required_fields(self) -> list[str]:
        return [name for name, spec in self.fields.items() if spec.required]

    def role_field(self, role: str) -> FieldSpec | None:
        name = getattr(self.roles, role)
        return self.fields.get(name) if name else None

    @property
    def sort_field(self) -> FieldSpec | None:
        """The date field that orders lists of elements (before their titles), if any."""
        return next((spec for spec in self.fields.values() if spec.sort), None)

    @property
    def region_field(self) -> FieldSpec | None:
        return self.role_field("regions")

    @property
    def counter_field(self) -> FieldSpec | None:
        return self.role_field("counters")

    @property
    def generic_region(self) -> str | None:
        region = self.region_field
        return region.exclusive if region else None

    def facet_of(self, role: str) -> FacetSpec | None:
        """The facet over a role's field (the theme facet, the region facet)."""
        name = getattr(self.roles, role)
        return next((f for f in self.facets.values() if name and f.field == name), None)

    @property
    def theme_facet(self) -> FacetSpec | None:
        return self.facet_of("themes")

    @property
    def kind_facet(self) -> FacetSpec | None:
        return self.facet_of("kind")

    @property
    def listed_facets(self) -> list[FacetSpec]:
        """Facets over fields without a role (who is involved, whose experience): named on
        each element's line in lists, on the pages and in the browser's filter."""
        extra = {spec.name for spec in self.extra_fields}
        return [facet for facet in self.facets.values() if facet.field in extra]

    @property
    def extra_fields(self) -> list[FieldSpec]:
        """Fields without a role: shown on the element page under their label."""
        with_role = set(self.roles.used().values())
        return [spec for name, spec in self.fields.items() if name not in with_role]


# -- reading -------------------------------------------------------------------------
class _SchemaError(Exception):
    def __init__(self, line: int, message: str):
        self.line, self.message = line, message


def _plain(node: yamltree.Node | None):
    """The tree as plain Python (text stays text)."""
    if isinstance(node, yamltree.Map):
        return {k: _plain(v) for k, (_, v) in node.items.items()}
    if isinstance(node, yamltree.Seq):
        return [_plain(i) for i in node.items]
    return node.value if node is not None else None


def _canonical(tree: yamltree.Map) -> yamltree.Map:
    """The English spelling of a keyword read as its Dutch one (KEYWORD_ALIASES)."""
    items = dict(tree.items)
    for dutch, english in KEYWORD_ALIASES.items():
        if english in items:
            if dutch in items:
                raise _SchemaError(items[english][0], t("schema.alias_twice", key=dutch, alias=english))
            items[dutch] = items.pop(english)
    return yamltree.Map(items, tree.line)


def _map(node, where: str, line: int) -> yamltree.Map:
    if not isinstance(node, yamltree.Map):
        raise _SchemaError(getattr(node, "line", line), t("schema.not_a_mapping", where=where))
    return node


def _number(value, line: int, where: str) -> int | None:
    if value is None:
        return None
    if not str(value).isdigit():
        raise _SchemaError(line, t("schema.not_a_number", where=where, value=value))
    return int(value)


def _flag(value) -> bool:
    return str(value).lower() in ("true", "yes", "ja", "1")


_FIELD_KEYS = {f.name for f in dataclass_fields(FieldSpec)} - {"name"}


def _field(name: str, node, line: int, soorten: dict[str, SoortSpec]) -> FieldSpec:
    spec = _canonical(_map(node, f"fields.{name}", line))
    raw = {}
    for key, (key_line, value) in spec.items.items():
        if key not in _FIELD_KEYS:
            raise _SchemaError(key_line, t("schema.unknown_key", key=key, where=f"fields.{name}",
                                           allowed=", ".join(sorted(_FIELD_KEYS))))
        raw[key] = (key_line, _plain(value))
    get = lambda key, default=None: raw.get(key, (line, default))[1]  # noqa: E731
    kind = get("kind")
    if kind not in FIELD_KINDS:
        raise _SchemaError(raw.get("kind", (line,))[0], t("schema.bad_kind", field=name,
                                                           allowed=", ".join(FIELD_KINDS)))
    items = get("items")
    item_kinds = FIELD_KINDS[kind].item_kinds
    if item_kinds and items not in item_kinds:
        raise _SchemaError(raw.get("items", (line,))[0], t("schema.bad_items", field=name,
                                                            allowed=", ".join(item_kinds)))
    sort = get("sort")
    if sort is not None and sort not in FIELD_KINDS[kind].sort_orders:
        sortable = [k for k in FIELD_KINDS.values() if k.sort_orders]
        raise _SchemaError(raw["sort"][0], t("schema.bad_sort", field=name, kind=sortable[0].name,
                                             allowed=", ".join(sortable[0].sort_orders)))
    choices = get("choices")
    if choices in ("soorten", KEYWORD_ALIASES["soorten"]):
        choices = tuple(soorten)
    elif isinstance(choices, list):
        choices = tuple(str(c) for c in choices)
    else:
        choices = ()
    return FieldSpec(
        name=name, kind=kind, label=str(get("label") or name), help=str(get("help") or ""),
        required=_flag(get("required", False)), items=items, taxonomy=get("taxonomy"),
        choices=choices,
        max_length=_number(get("max_length"), raw.get("max_length", (line,))[0], f"{name}.max_length"),
        min_items=_number(get("min_items"), raw.get("min_items", (line,))[0], f"{name}.min_items") or 0,
        max_items=_number(get("max_items"), raw.get("max_items", (line,))[0], f"{name}.max_items"),
        exclusive=get("exclusive"), only_for_soort=get("only_for_soort"),
        target_soort=get("target_soort"), export=_flag(get("export", True)),
        derived=_flag(get("derived", False)), explained_in=get("explained_in"), sort=sort)


def _key_spec(name: str, raw) -> KeySpec:
    if raw == "required":
        return KeySpec(name, required=True)
    if raw == "optional" or raw is None or not isinstance(raw, dict):
        return KeySpec(name)
    return KeySpec(name, required=_flag(raw.get("required", False)), ref=raw.get("ref"),
                   url=_flag(raw.get("url", False)))


_SECTIONS = ("fields", "soorten", "generic_region_label", "taxonomies", "facets", "roles",
             "term_roles", "editions", "leerlijnen", "addresses")
_ADDRESS_KEYS = tuple(f.name for f in dataclass_fields(Addresses))
_ANCHOR_KEYS = tuple(f.name for f in dataclass_fields(Anchors))
# Addresses of pages and folders (one namespace with the facets' folders) and of files.
_FOLDER_ADDRESSES = ("elements", "sources", "changes", "work_cards", "learning_paths", "editor")


def _data_file(node, where: str, line: int, default: DataFileSpec, location_key: str,
               item_section: str) -> DataFileSpec:
    """`editions:` / `leerlijnen:`: the file or folder and the keys, over the defaults."""
    tree = _map(node, where, line)
    spec = _plain(tree)
    keys, items = dict(default.keys), dict(default.item_keys)
    for section, target, known in (("keys", keys, default.keys), (item_section, items, default.item_keys)):
        for role, value in (spec.get(section) or {}).items():
            if role not in known:
                raise _SchemaError(tree.items[section][0], t("schema.unknown_key", key=role,
                                   where=f"{where}.{section}", allowed=", ".join(known)))
            target[role] = str(value)
    unknown = set(spec) - {location_key, "keys", item_section}
    if unknown:
        key = sorted(unknown)[0]
        raise _SchemaError(tree.items[key][0], t("schema.unknown_key", key=key, where=where,
                           allowed=", ".join((location_key, "keys", item_section))))
    location = str(spec.get(location_key) or default.location)
    if location_key in tree.items:
        _inside(location, tree.items[location_key][0])
    return DataFileSpec(location, keys, items)


def _addresses(node, line: int, facets: dict[str, FacetSpec]) -> Addresses:
    """`addresses:`: the manual's own names for its generated pages and files (core/paths.py)."""
    tree = _map(node, "addresses", line)
    chosen: dict = {}
    for key, (kline, value) in tree.items.items():
        if key not in _ADDRESS_KEYS:
            raise _SchemaError(kline, t("schema.unknown_key", key=key, where="addresses",
                                        allowed=", ".join(_ADDRESS_KEYS)))
        if key == "anchors":
            chosen[key] = _anchors(value, kline)
            continue
        chosen[key] = _address_name(key, _plain(value), kline)
    table = Addresses(**chosen)
    taken = {f"facets.{f.name}": f.path for f in facets.values()}
    for key in (*_FOLDER_ADDRESSES, "summaries"):
        value = getattr(table, key)
        other = next((k for k, v in taken.items() if v == value), None)
        if key == "summaries":
            other = "open_data" if value == table.open_data else None
        if other:
            raise _SchemaError(tree.items[key][0] if key in tree.items else line,
                               t("schema.address_twice", value=value, key=key, other=other))
        taken[key] = value
    return table


def _address_name(key: str, value, line: int) -> str:
    if not isinstance(value, str) or not re.match(ID_PATTERN, value):
        raise _SchemaError(line, t("schema.bad_address", key=key, value=value))
    return value


def _anchors(node, line: int) -> Anchors:
    """`addresses: anchors:`: the manual's own names for the generated sections (core/paths.py)."""
    tree = _map(node, "addresses.anchors", line)
    chosen: dict[str, str] = {}
    for key, (kline, value) in tree.items.items():
        if key not in _ANCHOR_KEYS:
            raise _SchemaError(kline, t("schema.unknown_key", key=key, where="addresses.anchors",
                                        allowed=", ".join(_ANCHOR_KEYS)))
        chosen[key] = _address_name(f"anchors.{key}", _plain(value), kline)
    table = Anchors(**chosen)
    seen: dict[str, str] = {}
    for key in _ANCHOR_KEYS:
        value = getattr(table, key)
        if value in seen:
            # Name first the key the manual wrote (the other may be a default).
            written, other = (key, seen[value]) if key in tree.items else (seen[value], key)
            raise _SchemaError(tree.items[written][0] if written in tree.items else line,
                               t("schema.anchor_twice", value=value, key=f"anchors.{written}",
                                 other=f"anchors.{other}"))
        seen[value] = key
    return table


def _inside(path: str, line: int) -> None:
    """A file or folder the schema names stays inside the manual (core/sources/contained.py)."""
    message = named_path_problem(path)
    if message:
        raise _SchemaError(line, message)


def _check_role_kind(role: str, spec: FieldSpec, line: int) -> None:
    kind, items = ROLE_KINDS[role]
    if spec.kind != kind or (items and spec.items != items):
        expected = f"kind: {kind}" + (f", items: {items}" if items else "")
        raise _SchemaError(line, t("schema.role_kind", field=spec.name, role=role, expected=expected))


def _term_roles(node, where: str, line: int) -> dict[str, str]:
    roles = {}
    for role, (rline, value) in _map(node, where, line).items.items():
        if role not in TERM_ROLES:
            raise _SchemaError(rline, t("schema.unknown_key", key=role, where=where,
                                        allowed=", ".join(TERM_ROLES)))
        roles[role] = _plain(value)
    return roles


def _parse(root: yamltree.Node | None, rel: str) -> Schema:
    top = _canonical(_map(root, rel, 1))
    for key, (key_line, _) in top.items.items():
        if key not in _SECTIONS:
            raise _SchemaError(key_line, t("schema.unknown_key", key=key, where=rel,
                                           allowed=", ".join(_SECTIONS)))
    for section in ("fields", "soorten", "taxonomies", "roles"):
        if section not in top.items:
            raise _SchemaError(1, t("schema.missing_section", section=section))
    line_of = lambda section: top.items[section][0]  # noqa: E731

    soorten = {}
    for sid, (sline, node) in _map(top.items["soorten"][1], "soorten", line_of("soorten")).items.items():
        spec = _plain(_map(node, f"soorten.{sid}", sline))
        missing = [k for k in ("label", "plural", "short", "inverse_heading") if not spec.get(k)]
        if missing:
            raise _SchemaError(sline, t("schema.missing_keys", where=f"soorten.{sid}",
                                        keys=", ".join(missing)))
        if not re.match(ID_PATTERN, sid):
            raise _SchemaError(sline, t("schema.bad_soort_id", id=sid))
        unknown = set(spec) - {"label", "plural", "short", "inverse_heading", "tone"}
        if unknown:
            raise _SchemaError(sline, t("schema.unknown_key", key=sorted(unknown)[0], where=f"soorten.{sid}",
                                        allowed="label, plural, short, inverse_heading, tone"))
        tone = spec.get("tone")
        if tone is not None and tone not in TONES:
            raise _SchemaError(sline, t("schema.bad_tone", id=sid, allowed=", ".join(TONES)))
        soorten[sid] = SoortSpec(sid, spec["label"], spec["plural"], spec["short"], spec["inverse_heading"],
                                 tone)

    fields = {name: _field(name, node, fline, soorten) for name, (fline, node)
              in _map(top.items["fields"][1], "fields", line_of("fields")).items.items()}
    for name, (fline, _) in top.items["fields"][1].items.items():
        if name in EXPORT_RECORD_KEYS:
            raise _SchemaError(fline, t("schema.reserved_field", field=name,
                                        reserved=", ".join(EXPORT_RECORD_KEYS)))

    # Which key of a term holds its name, description, ...: defaults for every taxonomy
    # (`term_roles`), changed per taxonomy by its own `roles`.
    default_roles = (_term_roles(top.items["term_roles"][1], "term_roles", line_of("term_roles"))
                     if "term_roles" in top.items else {})
    taxonomies = {}
    for name, (tline, node) in _map(top.items["taxonomies"][1], "taxonomies", line_of("taxonomies")).items.items():
        tree = _map(node, f"taxonomies.{name}", tline)
        spec = _plain(tree)
        if not spec.get("file"):
            raise _SchemaError(tline, t("schema.missing_keys", where=f"taxonomies.{name}", keys="file"))
        _inside(str(spec["file"]), tree.items["file"][0])
        keys = {k: _key_spec(k, v) for k, v in (spec.get("keys") or {}).items()}
        roles = dict(default_roles)
        if "roles" in tree.items:
            roles.update(_term_roles(tree.items["roles"][1], f"taxonomies.{name}.roles", tline))
        # A role only counts where the taxonomy has that key.
        roles = {role: key for role, key in roles.items() if key in keys}
        taxonomies[name] = TaxonomySpec(name, spec["file"], keys, roles)

    facets = {}
    if "facets" in top.items:
        for name, (fline, node) in _map(top.items["facets"][1], "facets", line_of("facets")).items.items():
            spec = _plain(_map(node, f"facets.{name}", fline))
            missing = [k for k in ("field", "path", "title", "plural") if not spec.get(k)]
            if missing:
                raise _SchemaError(fline, t("schema.missing_keys", where=f"facets.{name}",
                                            keys=", ".join(missing)))
            if spec["field"] not in fields:
                raise _SchemaError(fline, t("schema.unknown_field", where=f"facets.{name}",
                                            field=spec["field"]))
            facets[name] = FacetSpec(name, spec["field"], spec["path"], spec["title"],
                                     spec["plural"], spec.get("taxonomy"))

    roles_node = _map(top.items["roles"][1], "roles", line_of("roles"))
    known_roles = {f.name for f in dataclass_fields(Roles)}
    roles = {}
    for role, (rline, node) in roles_node.items.items():
        if role not in known_roles:
            raise _SchemaError(rline, t("schema.unknown_key", key=role, where="roles",
                                        allowed=", ".join(sorted(known_roles))))
        value = _plain(node)
        if value is not None and value not in fields:
            raise _SchemaError(rline, t("schema.unknown_field", where=f"roles.{role}", field=value))
        if value is not None:
            _check_role_kind(role, fields[value], rline)
        roles[role] = value
    missing = [r for r in REQUIRED_ROLES if not roles.get(r)]
    if missing:
        raise _SchemaError(line_of("roles"), t("schema.missing_keys", where="roles",
                                               keys=", ".join(missing)))

    sorting = [name for name, spec in fields.items() if spec.sort]
    if len(sorting) > 1:
        raise _SchemaError(top.items["fields"][1].items[sorting[1]][0],
                           t("schema.two_sorts", field=sorting[1], other=sorting[0]))
    for spec in fields.values():
        if spec.taxonomy and spec.taxonomy not in taxonomies:
            raise _SchemaError(top.items["fields"][1].items[spec.name][0],
                               t("schema.unknown_taxonomy", field=spec.name, taxonomy=spec.taxonomy))
    generic = _plain(top.items["generic_region_label"][1]) if "generic_region_label" in top.items else ""
    editions = (_data_file(top.items["editions"][1], "editions", line_of("editions"), EDITIONS_DEFAULT,
                           "file", "edition_keys") if "editions" in top.items else EDITIONS_DEFAULT)
    leerlijnen = (_data_file(top.items["leerlijnen"][1], "leerlijnen", line_of("leerlijnen"),
                             LEERLIJNEN_DEFAULT, "folder", "step_keys")
                  if "leerlijnen" in top.items else LEERLIJNEN_DEFAULT)
    addresses = (_addresses(top.items["addresses"][1], line_of("addresses"), facets)
                 if "addresses" in top.items else DEFAULT_ADDRESSES)
    return Schema(fields, soorten, generic or "", taxonomies, facets, Roles(**roles), rel,
                  editions, leerlijnen, addresses)


def parse_schema_text(text: str, rel: str = DEFAULT_SCHEMA) -> Schema:
    """Parse schema text; raises _SchemaError / yamltree.YamlProblem (line, message)."""
    return _parse(yamltree.parse(text), rel)


@functools.cache
def load_schema() -> Schema:
    """The package's default schema (what `werkwijze init` copies)."""
    return parse_schema_text(default_schema_text())


def default_schema_text() -> str:
    return resources.files("werkwijze").joinpath(DEFAULT_SCHEMA).read_text("utf-8")


def read_schema(root: Path, rel: str, problems: ProblemList,
                named_at: tuple[str, int] | None = None) -> Schema | None:
    """The manual's schema at `root/rel`, or the package default when the file is absent
    and the manual does not name it (`named_at`: the file and line that name it). None
    (after reporting, with file and line) when the manual's schema is broken or missing."""
    path = root / rel
    if not path.exists():
        if named_at is None:
            return load_schema()
        problems.add(*named_at, t("schema.named_missing", file=rel))
        return None
    reported = len(problems)
    tree = read_tree(path, rel, problems)
    if len(problems) > reported:
        return None
    if tree is None:  # an empty file
        problems.add(rel, 1, t("schema.empty"))
        return None
    try:
        return _parse(tree, rel)
    except _SchemaError as exc:
        problems.add(rel, exc.line, exc.message)
        return None
