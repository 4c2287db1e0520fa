"""The exported project's theme overrides: ours and the manual's, in one folder.

The plugin gives our templates three values from Python (theme.py `template_values` and
the catalogue as `werkwijze_t`). Without the plugin they come from mkdocs.yml: the export
writes them under `extra.werkwijze_thema`, and a small `main.html` (every page and the
404 page extend it) defines them before it extends the real one, renamed
`werkwijze/main.html`. Jinja runs a child template's top-level `set` and `macro` before
its parent, in the same context, so every template and partial sees them.
"""
from __future__ import annotations

from pathlib import Path

from ..core import i18n
from ..theme import TEMPLATES_DIR

EXTRA_KEY = "werkwijze_thema"
TEXTS_KEY = "teksten"
MAIN, REAL_MAIN = "main.html", "werkwijze/main.html"
ACTIONS = "partials/actions.html"
# Front matter of generated pages: their edit link (the plugin sets it on the page's file;
# MkDocs would link the exported copy in docs/, which is not in the manual's repository).
EDIT_URL_KEY = "werkwijze_edit_url"
ACTIONS_TEMPLATE = """\
{#- Written by `werkwijze export`: Material's edit button, with the edit link of generated
    pages from their front matter (KEY: the element file, or none). -#}
{%- set edit_url = page.meta["KEY"] if page.meta and "KEY" in page.meta else page.edit_url -%}
{%- if edit_url and "content.action.edit" in features %}
  <a href="{{ edit_url | e }}" title="{{ lang.t('action.edit') }}" class="md-content__button md-icon" rel="edit">
    {% set icon = config.theme.icon.edit or "material/file-edit-outline" %}
    {% include ".icons/" ~ icon ~ ".svg" %}
  </a>
{%- endif %}
""".replace("KEY", EDIT_URL_KEY)
# The catalogue areas our templates read through werkwijze_t (tests check every call).
TEMPLATE_TEXT_AREAS = ("ui", "search")


def _json_ready(name: str, value):
    """What a template value becomes in mkdocs.yml: the edition as the label it shows."""
    if name == "werkwijze_editie" and value is not None:
        return {"label": value.label}
    return value


def theme_extra(values: dict, catalogue: i18n.Catalogue) -> dict:
    """`extra.werkwijze_thema` of the exported mkdocs.yml."""
    texts = {key: text for key, text in catalogue.messages.items()
             if key.split(".")[0] in TEMPLATE_TEXT_AREAS}
    return {EXTRA_KEY: {**{name: _json_ready(name, v) for name, v in values.items()},
                        TEXTS_KEY: texts}}


def _wrapper(values: dict) -> str:
    lines = ["{#- Written by `werkwijze export`: the values the werkwijze plugin gives these",
             "    templates, read from mkdocs.yml (extra." + EXTRA_KEY + "). -#}"]
    lines += [f"{{%- set {name} = config.extra.{EXTRA_KEY}.{name} -%}}" for name in values]
    lines.append(f"{{%- macro werkwijze_t(key) -%}}{{{{ config.extra.{EXTRA_KEY}.{TEXTS_KEY}[key] }}}}"
                 "{%- endmacro -%}")
    lines.append(f'{{% extends "{REAL_MAIN}" %}}')
    return "\n".join(lines) + "\n"


def _files_under(folder: Path, inside: Path) -> dict[str, Path]:
    """Relative path -> file, for files that really lie inside `inside` (no link out)."""
    if not folder.is_dir():
        return {}
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and inside in path.resolve().parents:
            found[path.relative_to(folder).as_posix()] = path
    return found


def override_files(values: dict, custom_dir: Path | None, root: Path) -> dict[str, bytes]:
    """The overrides folder: our templates, the manual's own on top (they win, as in the
    plugin's build), and main.html defining the values."""
    chosen = _files_under(TEMPLATES_DIR, TEMPLATES_DIR.resolve())
    if custom_dir is not None:
        chosen.update(_files_under(custom_dir, root.resolve()))
    files = {rel: path.read_bytes() for rel, path in chosen.items()}
    files.setdefault(ACTIONS, ACTIONS_TEMPLATE.encode("utf-8"))  # unless the manual has its own
    if MAIN in files:
        files[REAL_MAIN] = files.pop(MAIN)
        files[MAIN] = _wrapper(values).encode("utf-8")
    return files
