"""The default schema in the language of a new manual (`werkwijze init --taal`).

The package's default schema (`werkwijze/schema/element.yml`) is written once, in
Dutch. For another language `schema/translations/<language>.yml` gives only its words
(and the schema's keywords are written in their English spelling, `kinds:`):
`names` renames every identifier (fields, kinds, taxonomies, files, keys, facets,
paths) and `texts` every label and help; `addresses` names the generated pages and
files. The structure (kinds, limits, roles, which taxonomy a field uses) is never
repeated, so the languages cannot drift apart.
"""
from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

import yaml

from ..model.schema import DEFAULT_SCHEMA_LANGUAGE, KEYWORD_ALIASES, default_schema_text


class MissingTranslation(KeyError):
    """A word of the default schema that a translation lacks (a package bug: the tests
    build the starter in every catalogue language)."""


@dataclass(frozen=True)
class Words:
    language: str
    names: dict[str, str]
    texts: dict
    addresses: dict  # `addresses:` of the new manual's schema (names, and `anchors:` a mapping)

    def name(self, identifier: str | None) -> str | None:
        if identifier is None:
            return None
        try:
            return self.names[identifier]
        except KeyError:
            raise MissingTranslation(f"schema/translations/{self.language}.yml: names.{identifier}") from None

    def text(self, *path: str) -> str:
        node = self.texts
        for part in path:
            if not isinstance(node, dict) or part not in node:
                raise MissingTranslation(f"schema/translations/{self.language}.yml: texts.{'.'.join(path)}")
            node = node[part]
        return str(node)


def translations_available() -> list[str]:
    folder = resources.files("werkwijze").joinpath("schema", "translations")
    return sorted([DEFAULT_SCHEMA_LANGUAGE] + [entry.name[:-4] for entry in folder.iterdir()
                                                if entry.name.endswith(".yml")])


def _words(language: str) -> Words:
    path = resources.files("werkwijze").joinpath("schema", "translations", f"{language}.yml")
    if not path.is_file():
        raise MissingTranslation(f"schema/translations/{language}.yml")
    raw = yaml.safe_load(path.read_text("utf-8"))
    if "addresses" not in raw:  # a new manual's addresses in its own language
        raise MissingTranslation(f"schema/translations/{language}.yml: addresses")
    return Words(language, {str(k): str(v) for k, v in raw["names"].items()}, raw["texts"],
                 dict(raw["addresses"]))


def _renamed(mapping: dict | None, words: Words) -> dict:
    """role -> key maps: the keys are the code's roles, the values are names."""
    return {role: words.name(value) for role, value in (mapping or {}).items()}


def _field(name: str, spec: dict, words: Words) -> dict:
    out = {KEYWORD_ALIASES.get(key, key): value for key, value in spec.items()}
    if out.get("choices") == "soorten":
        out["choices"] = KEYWORD_ALIASES["soorten"]
    out["label"], out["help"] = words.text("fields", name, "label"), words.text("fields", name, "help")
    for key in ("taxonomy", "exclusive", "only_for_kind", "target_kind"):
        if key in out:
            out[key] = words.name(out[key])
    if "explained_in" in out:  # a chapter of this manual that a new manual does not have
        del out["explained_in"]
    return out


def _key(spec, words: Words):
    if isinstance(spec, dict) and "ref" in spec:
        return {**spec, "ref": words.name(spec["ref"])}
    return spec


def _taxonomy(spec: dict, words: Words) -> dict:
    out = {"file": words.name(spec["file"])}
    if "roles" in spec:
        out["roles"] = _renamed(spec["roles"], words)
    out["keys"] = {words.name(key): _key(value, words) for key, value in spec["keys"].items()}
    return out


def _facet(name: str, spec: dict, words: Words) -> dict:
    out = {"field": words.name(spec["field"]), "path": words.name(spec["path"]),
           "title": words.text("facets", name, "title"), "plural": words.text("facets", name, "plural")}
    if spec.get("taxonomy"):
        out["taxonomy"] = words.name(spec["taxonomy"])
    return out


def _data_file(spec: dict, location: str, item_keys: str, words: Words) -> dict:
    return {location: words.name(spec[location]), "keys": _renamed(spec["keys"], words),
            item_keys: _renamed(spec[item_keys], words)}


def translate(schema: dict, words: Words) -> dict:
    """The default schema (as plain data) with every identifier and text translated."""
    sections = {
        "fields": lambda s: {words.name(n): _field(n, f, words) for n, f in s.items()},
        "roles": lambda s: _renamed(s, words),
        "soorten": lambda s: {words.name(k): {part: value if part == "tone" else words.text("soorten", k, part)
                                              for part, value in v.items()}
                              for k, v in s.items()},
        "generic_region_label": lambda s: words.text("generic_region_label"),
        "term_roles": lambda s: _renamed(s, words),
        "taxonomies": lambda s: {words.name(n): _taxonomy(t, words) for n, t in s.items()},
        "facets": lambda s: {words.name(n): _facet(n, f, words) for n, f in s.items()},
        "editions": lambda s: _data_file(s, "file", "edition_keys", words),
        "leerlijnen": lambda s: _data_file(s, "folder", "step_keys", words),
    }
    unknown = set(schema) - set(sections)
    if unknown:
        raise MissingTranslation(f"default schema section(s) {sorted(unknown)} have no translation rule")
    translated = {KEYWORD_ALIASES.get(section, section): sections[section](value)
                  for section, value in schema.items()}
    return {**translated, "addresses": dict(words.addresses)}


def starter_schema_text(language: str, header: str) -> str:
    """The default schema for a new manual in `language` (its own text in Dutch)."""
    text = default_schema_text()
    if language == DEFAULT_SCHEMA_LANGUAGE:
        return text
    translated = translate(yaml.safe_load(text), _words(language))
    body = yaml.safe_dump(translated, allow_unicode=True, sort_keys=False, width=100)
    return "".join(f"# {line}\n".replace("# \n", "#\n") for line in header.strip().splitlines()) + "\n" + body
