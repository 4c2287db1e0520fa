"""Every text a reader or editor sees, from a message catalogue per language.

The catalogue is package data: `werkwijze/messages/<language>/<area>.yml`, one file per
area (cli, validate, pages, ...). A file's nested keys are joined with dots and prefixed
with the file's name, so `pages.yml` -> `element: {bronnen: Bronnen}` is the key
`pages.element.bronnen`. Placeholders are `{name}`; a message with `one` and `other`
under it is chosen by the `count` parameter.

A manual can replace single messages in its own data (`teksten.yml`, see `overrides`),
or bring a whole catalogue of its own for a language (`messages/<language>/` in its root,
see `sources/catalogue`). The language follows `theme.language` in mkdocs.yml; loading a
manual reports a language with neither catalogue (`load_manual`), and English stands in
for it meanwhile.

Like gettext, one catalogue is active at a time (`use`): the loader, the renderer and the
CLI all call `t()` without passing a catalogue through every function.
"""
from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass
from importlib import resources
from string import Formatter

import yaml

FALLBACK = "en"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _flatten(prefix: str, node, out: dict[str, str]) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            _flatten(f"{prefix}.{key}" if prefix else str(key), value, out)
    elif node is not None:
        out[prefix] = str(node)


@functools.cache
def package_messages(language: str) -> dict[str, str]:
    """The package's messages for one language, flat (empty when there is no catalogue)."""
    messages: dict[str, str] = {}
    _read_folder(resources.files("werkwijze").joinpath("messages", language), "", messages)
    return messages


def _read_folder(folder, prefix: str, messages: dict[str, str]) -> None:
    """Files and subfolders add their name to the key: js/filter.yml -> `js.filter.*`."""
    if not folder.is_dir():
        return
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.is_dir():
            _read_folder(entry, f"{prefix}{entry.name}.", messages)
        elif entry.name.endswith(".yml"):
            node = yaml.load(entry.read_text("utf-8"), Loader=_LOADER)
            _flatten(prefix + entry.name[:-4], node, messages)


def normalise_language(language: str | None) -> str:
    """'nl-BE' -> 'nl': catalogues are per language, not per region."""
    return (language or FALLBACK).split("-")[0].split("_")[0].lower()


def dates_known(language: str) -> bool:
    """Whether Babel can write dates in this language."""
    from babel import Locale, UnknownLocaleError
    try:
        Locale.parse(language)
    except (UnknownLocaleError, ValueError, TypeError):
        return False
    return True


def available_languages() -> list[str]:
    folder = resources.files("werkwijze").joinpath("messages")
    return sorted(entry.name for entry in folder.iterdir() if entry.is_dir())


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(text) if name}


@dataclass(frozen=True)
class Catalogue:
    language: str
    messages: dict[str, str]

    @classmethod
    def load(cls, language: str | None, overrides: dict[str, str] | None = None,
             own: dict[str, str] | None = None) -> "Catalogue":
        """`own`: the manual's own catalogue for the language (in place of the package's)."""
        language = normalise_language(language)
        messages = dict(package_messages(FALLBACK))
        messages.update(package_messages(language) if own is None else own)
        messages.update(overrides or {})
        return cls(language, messages)

    def __call__(self, key: str, /, **params) -> str:
        text = self._text(key, params)
        return text.format_map(params) if params else text

    def _text(self, key: str, params: dict) -> str:
        key = self.plural_key(key, params)
        try:
            return self.messages[key]
        except KeyError:
            raise KeyError(f"no message '{key}' in the '{self.language}' catalogue") from None

    def html(self, key: str, /, **markup) -> str:
        """The message as HTML: its own text escaped, the params inserted as they are (they
        must already be HTML, e.g. a link). So a translation or a manual's override can
        never add markup."""
        import html
        out = []
        for literal, name, _, _ in Formatter().parse(self._text(key, markup)):
            out.append(html.escape(literal, quote=True))
            if name is not None:
                out.append(str(markup[name]))
        return "".join(out)

    def plural_key(self, key: str, params: dict) -> str:
        """The form for `count`: `zero` (where the message has one), `one` or `other`."""
        if "count" not in params or f"{key}.other" not in self.messages:
            return key
        count = params["count"]
        if count == 0 and f"{key}.zero" in self.messages:
            return f"{key}.zero"
        return f"{key}.one" if count == 1 else f"{key}.other"

    def __contains__(self, key: str) -> bool:
        return key in self.messages or f"{key}.other" in self.messages

    def subset(self, prefix: str) -> dict[str, str]:
        """Messages under `prefix.`, without it (the texts a script in the browser needs)."""
        start = prefix + "."
        return {k[len(start):]: v for k, v in self.messages.items() if k.startswith(start)}

    def date(self, day: datetime.date, form: str = "long") -> str:
        """A date as readers of this language write it (babel), e.g. '5 maart 2024'."""
        from babel.dates import format_date  # babel comes with Material; import only when used
        return format_date(day, form, locale=self.language)

    def join(self, items: list[str]) -> str:
        """'a, b en c' (the catalogue's word for 'and')."""
        if len(items) < 2:
            return "".join(items)
        return f"{', '.join(items[:-1])} {self('common.and')} {items[-1]}"


_active: Catalogue | None = None


def use(catalogue: Catalogue) -> Catalogue:
    """Make `catalogue` the one `t()` reads from (the plugin and the CLI call this)."""
    global _active
    _active = catalogue
    return catalogue


def active() -> Catalogue:
    global _active
    if _active is None:
        _active = Catalogue.load("nl")
    return _active


def t(key: str, /, **params) -> str:
    return active()(key, **params)


def t_html(key: str, /, **markup) -> str:
    """`t()` for HTML: the message escaped, `markup` params inserted unescaped."""
    return active().html(key, **markup)


def script(catalogue: Catalogue) -> str:
    """assets/werkwijze/messages.js: the `js.*` texts and `werkwijzeText(key, params)`."""
    import json
    texts = json.dumps(catalogue.subset("js"), ensure_ascii=False, sort_keys=True)
    return (f"window.werkwijzeTexts = {texts};\n"
            "window.werkwijzeText = function (key, params) {\n"
            "  var text = window.werkwijzeTexts[key];\n"
            "  if (text === undefined) return key;\n"
            "  return text.replace(/\\{(\\w+)\\}/g, function (all, name) {\n"
            "    return params && name in params ? String(params[name]) : all;\n"
            "  });\n"
            "};\n")
