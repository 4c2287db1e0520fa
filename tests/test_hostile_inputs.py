"""Hostile and broken input from a manual (issue #18): every case is a Dutch
`file:line: message`, the build and `werkwijze check` fail, and nothing prints a traceback.

A manual is untrusted input: a fork's pull request is built in CI. Each case builds a real,
small fictional manual (tests/sitebuilder.py) with one bad file, a bad path or a symbolic
link out of the manual (to `buiten/`, a folder beside it holding a fictional secret).
"""
from __future__ import annotations

import json
import os
import shutil
import textwrap
from dataclasses import dataclass, field

import pytest

from sitebuilder import BASE_FILES, Project, element_file
from werkwijze.core.model.schema import EXPORT_RECORD_KEYS, default_schema_text, parse_schema_text

SECRET = "GEHEIM-3f9a1c"  # in every file outside the manual: it may never reach the site
OUT = "@buiten/"  # a link target starting with this lies outside the manual
MKDOCS = textwrap.dedent(BASE_FILES["mkdocs.yml"])
SCHEMA = default_schema_text()
SCHEMA_FIELDS = parse_schema_text(SCHEMA).fields


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def with_options(**options: str) -> tuple[str, int]:
    """mkdocs.yml with werkwijze plugin options; the line of the first option."""
    lines = "".join(f"      {key}: {value}\n" for key, value in options.items())
    text = MKDOCS.replace("  - werkwijze\n", "  - werkwijze:\n" + lines)
    return text, line_of(text, lines)


def schema_with(old: str, new: str) -> tuple[str, int]:
    """The default schema with `old` replaced by `new`; the line of `new`."""
    assert old in SCHEMA
    text = SCHEMA.replace(old, new, 1)
    return text, line_of(text, new)


@dataclass(frozen=True)
class Case:
    id: str
    files: dict = field(default_factory=dict)
    where: str = ""  # the expected `file:line`
    words: str = ""  # Dutch words of the expected message
    links: dict = field(default_factory=dict)  # link -> target (OUT... = outside the manual)
    check: bool = True  # also reported by `werkwijze check` (render-time errors: build only)


def _schema_case(id: str, old: str, new: str, words: str, offset: int = 0) -> Case:
    """The default schema with `old` replaced by `new`, reported `offset` lines into `new`."""
    text, line = schema_with(old, new)
    return Case(id, {"schema/element.yml": text}, f"schema/element.yml:{line + offset}", words)


def _options_case(id: str, words: str = "buiten de handleiding", **options: str) -> Case:
    text, line = with_options(**options)
    return Case(id, {"mkdocs.yml": text}, f"mkdocs.yml:{line}", words)


def _fragment_case(id: str, text: str, line: int, words: str, check: bool = True,
                   name: str = "reference.md") -> Case:
    return Case(id, {f"fragments/{name}": text}, f"fragments/{name}:{line}", words, check=check)


def _texts_case(id: str, text: str, words: str = "invulplek") -> Case:
    return Case(id, {"data/teksten.yml": text}, "data/teksten.yml:1", words)


LINK = "snelkoppeling"
CASES = [
    # -- A. nothing a manual owns reaches outside it ---------------------------------------
    Case("element-link-out", where="elements/samenwerking/geheim.md:1", words=LINK,
         links={"elements/samenwerking/geheim.md": OUT + "geheim.md"}),
    Case("element-folder-link-out", where="elements/extern:1", words=LINK,
         links={"elements/extern": OUT}),
    Case("data-file-link-out", files={"data/themas.yml": None}, where="data/themas.yml:1", words=LINK,
         links={"data/themas.yml": OUT + "themas.yml"}),
    Case("data-folder-link-out", where="data:1", words=LINK, links={"data": OUT + "data"}),
    Case("teksten-link-out", where="data/teksten.yml:1", words=LINK,
         links={"data/teksten.yml": OUT + "teksten.yml"}),
    Case("leerlijnen-folder-link-out", where="data/leerlijnen:1", words=LINK,
         links={"data/leerlijnen": OUT + "leerlijnen"}),
    Case("fragment-link-out", where="fragments/reference.md:1", words=LINK,
         links={"fragments/reference.md": OUT + "geheim.md"}),
    Case("schema-link-out", where="schema/element.yml:1", words=LINK,
         links={"schema/element.yml": OUT + "element.yml"}),
    Case("fragments-folder-link-out", where="fragments:1", words=LINK, links={"fragments": OUT + "data"}),
    Case("docs-folder-link-out", where="docs:1", words=LINK, links={"docs": OUT + "data"}),
    Case("chapter-file-link-out", where="docs/geheim.txt:1", words=LINK,
         links={"docs/geheim.txt": OUT + "geheim.md"}),
    _schema_case("taxonomy-file-dotdot", "file: themas.yml", "file: ../../buiten/themas.yml",
                 "buiten de handleiding"),
    _schema_case("taxonomy-file-absolute", "file: themas.yml", "file: /etc/hostname", "buiten de handleiding"),
    _schema_case("editions-file-dotdot", "  file: editie.yml", "  file: ../buiten/editie.yml",
                 "buiten de handleiding"),
    _schema_case("leerlijnen-folder-absolute", "  folder: leerlijnen", "  folder: /etc", "buiten de handleiding"),
    _options_case("option-elements-dir-dotdot", elements_dir="../buiten"),
    _options_case("option-data-dir-absolute", data_dir="/etc"),
    _options_case("option-schema-dotdot", schema="../buiten/element.yml"),
    _options_case("option-published-urls-absolute", published_urls="/etc/hostname"),
    Case("theme-custom-dir-outside", {"mkdocs.yml": MKDOCS.replace("  font: false\n",
                                                                   "  font: false\n  custom_dir: ../buiten\n")},
         f"mkdocs.yml:{line_of(MKDOCS, '  font: false') + 1}", "buiten de handleiding"),
    Case("mkdocs-yml-runs-code", {"mkdocs.yml": MKDOCS + "extra:\n  x: !!python/object/apply:os.getcwd []\n"},
         f"mkdocs.yml:{MKDOCS.count(chr(10)) + 2}", "Python-code"),
    # -- B/C. fragments: the sandbox, and every error at the fragment's own line ----------
    _fragment_case("fragment-reaches-globals", "Kop\n{{ lipsum.__globals__ }}\n", 2, "niet mag"),
    _fragment_case("fragment-reaches-function-internals", "{{ t.__globals__['os'] }}\n", 1, "niet mag"),
    _fragment_case("fragment-syntax-error", "Kop\n{% for %}\n", 2, "geen geldige Jinja"),
    _fragment_case("fragment-unknown-name", "Kop\n\n{{ onbekend }}\n", 3, "onbekend"),
    _fragment_case("fragment-runtime-error", "{{ 1 // 0 }}\n", 1, "loopt vast", check=False),
    _fragment_case("fragment-huge-text", "\n{{ 'x' * 100000000 }}\n", 2, "niet mag", check=False),
    _fragment_case("fragment-huge-power", "{{ 10 ** 100000000 }}\n", 1, "niet mag", check=False),
    _fragment_case("fragment-includes-itself", 'Kop\n{% include "reference.md" %}\n', 2, "zichzelf"),
    _fragment_case("fragment-includes-missing", '{% include "bestaat-niet.html" %}\n', 1, "bestaat niet"),
    _fragment_case("fragment-includes-parent-path", '{% include "../mkdocs.yml" %}\n', 1, "bestaat niet"),
    # -- D. bad input, said in Dutch with file and line -----------------------------------
    Case("schema-empty", {"schema/element.yml": ""}, "schema/element.yml:1", "leeg"),
    _schema_case("role-on-wrong-kind", "  title: titel\n", "  title: themas\n", "past niet bij de rol"),
    _schema_case("role-list-on-text", "  themes: themas\n", "  themes: titel\n", "past niet bij de rol"),
    _schema_case("field-named-id", "fields:\n", "fields:\n  id:\n    kind: text\n    label: Id\n",
                 "export zelf schrijft", offset=1),
    _schema_case("field-named-url", "fields:\n", "fields:\n  url:\n    kind: text\n    label: Adres\n",
                 "export zelf schrijft", offset=1),
    _texts_case("texts-format-spec", 'reference.version: "versie {version:d}"\n'),
    _texts_case("texts-conversion", 'reference.version: "versie {version!x}"\n'),
    _texts_case("texts-width", 'reference.version: "versie {version:>300000}"\n'),
    _texts_case("texts-attribute", 'reference.version: "versie {version.__class__}"\n', "invulplek"),
    _texts_case("texts-positional", 'reference.heading: "Zo verwijst u {}"\n'),
    _texts_case("texts-js-format-spec", 'js.filter.status: "{shown:d} van {total}"\n'),
    _texts_case("texts-unknown-key", 'reference.bestaat_niet: "Tekst"\n', "Onbekende tekst"),
    _texts_case("texts-single-brace", 'reference.version: "versie {version"\n', "accolade"),
    Case("taxonomy-own-parent", {"data/regios.yml": "- id: noord\n  naam: Noord\n  ouder: noord\n"
                                                    "- id: zuid\n  naam: Zuid\n"},
         "data/regios.yml:1", "eigen bovenliggende"),
    Case("taxonomy-parent-cycle", {"data/regios.yml": "- id: zuid\n  naam: Zuid\n- id: noord\n  naam: Noord\n"
                                                      "  ouder: dorp\n- id: dorp\n  naam: Dorp\n  ouder: noord\n"},
         "data/regios.yml:3", "eigen bovenliggende"),
    _options_case("option-schema-missing", "bestaat niet", schema="schema/bestaat-niet.yml"),
    Case("element-id-index", {"elements/samenwerking/index.md": element_file(titel="Index")},
         "elements/samenwerking/index.md:1", "pagina die de site zelf maakt"),
    Case("alias-index", {"elements/leren/samen-leren.md": element_file(titel="Samen leren", regios=["zuid"],
                                                                        aliassen=["index"])},
         "elements/leren/samen-leren.md:10", "pagina die de site zelf maakt"),
    Case("data-file-is-folder", {"data/themas.yml": None, "data/themas.yml/x.yml": "- id: a\n"},
         "data/themas.yml:1", "kan niet worden gelezen"),
    Case("schema-is-folder", {"schema/element.yml/x.yml": "a: b\n"}, "schema/element.yml:1",
         "kan niet worden gelezen"),
    Case("element-not-utf8", {"elements/leren/latin.md": element_file(titel="Caf\u00e9").encode("latin-1")},
         "elements/leren/latin.md:2", "UTF-8"),
    Case("data-not-utf8", {"data/themas.yml": "- id: a\n  naam: Caf\u00e9\n".encode("latin-1")},
         "data/themas.yml:2", "UTF-8"),
    Case("data-duplicate-key", {"data/themas.yml": "- id: a\n  naam: A\n  naam: B\n"},
         "data/themas.yml:3", "naam"),
    Case("data-yaml-bomb", {"data/themas.yml": "- &a {id: a, naam: A}\n- *a\n"}, "data/themas.yml:1",
         "niet toegestaan"),
    Case("leerlijn-missing-chapter", {"data/leerlijnen/sessie.yml": "titel: Sessie\ndoelgroep: Teams\n"
                                      "duur: Een uur\nstappen:\n  - hoofdstuk: bestaat-niet.md\n"
                                      "    notitie: Lees.\n"},
         "data/leerlijnen/sessie.yml:5", "bestaat niet"),
]


def _make(tmp_path, case: Case) -> Project:
    outside = tmp_path / "buiten"
    for rel in ("geheim.md", "themas.yml", "teksten.yml", "element.yml", "data/themas.yml",
                "leerlijnen/geheim.yml"):
        (outside / rel).parent.mkdir(parents=True, exist_ok=True)
        (outside / rel).write_text(f"# {SECRET}\n", "utf-8")
    project = Project(tmp_path / "handboek", case.files)
    for link, target in case.links.items():
        path = project.root / link
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        path.unlink(missing_ok=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(tmp_path / "buiten" / target[len(OUT):] if target.startswith(OUT) else target, path)
    return project


def _assert_reported(output: str, case: Case) -> None:
    assert f"{case.where}: " in output, output
    line = next(text for text in output.splitlines() if f"{case.where}: " in text)
    assert case.words in line, line
    assert "Traceback" not in output
    assert SECRET not in output


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input_fails_the_build_with_file_and_line(tmp_path, case):
    project = _make(tmp_path, case)
    result = project.build()
    assert result.returncode != 0, result.output
    _assert_reported(result.output, case)
    site = project.root / "site"
    assert not any(SECRET in p.read_text("utf-8", "replace") for p in site.rglob("*") if p.is_file())


@pytest.mark.parametrize("case", [c for c in CASES if c.check], ids=[c.id for c in CASES if c.check])
def test_bad_input_fails_the_check_with_file_and_line(tmp_path, case):
    project = _make(tmp_path, case)
    result = project.check()
    assert result.returncode == 1, result.stdout + result.stderr
    _assert_reported(result.stdout + result.stderr, case)


def test_the_export_writes_no_key_of_its_own_besides_the_reserved_ones(tmp_path):
    """The schema refuses fields named like EXPORT_RECORD_KEYS: those must be every key an
    export record holds that is not a schema field."""
    result = Project(tmp_path / "handboek").build()
    assert result.returncode == 0, result.output
    records = json.loads((result.site / "elementen.json").read_text("utf-8"))["elementen"]
    fields = set(SCHEMA_FIELDS)
    assert {key for record in records for key in record} - fields == set(EXPORT_RECORD_KEYS)
