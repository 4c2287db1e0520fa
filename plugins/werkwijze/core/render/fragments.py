"""The Jinja environment for generated pages: package fragments a manual can override.

Autoescape is on: every value is HTML-escaped unless it is Markup. `| md` makes text safe
inside Markdown (headings). `t()` gives a catalogue text, `tm()` a catalogue text whose
placeholders may be Markup (links), escaped like everything else.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from ..i18n import active, t
from .html import md

PACKAGE_FRAGMENTS = Path(str(resources.files("werkwijze").joinpath("fragments")))


def _md(value) -> Markup:
    return Markup(md(value))


def _tm(key: str, /, **params) -> Markup:
    # Markup.format escapes every parameter that is not Markup itself.
    return escape(_raw(key, params)).format(**params)


def _raw(key: str, params: dict) -> str:
    """The catalogue text with its placeholders still in it (the count picks the form)."""
    catalogue = active()
    return catalogue.messages[catalogue.plural_key(key, params)]


class Fragments:
    def __init__(self, override_dir: Path | None = None):
        loaders = [jinja2.FileSystemLoader(str(PACKAGE_FRAGMENTS))]
        if override_dir is not None and override_dir.is_dir():
            loaders.insert(0, jinja2.FileSystemLoader(str(override_dir)))
        self.env = jinja2.Environment(
            loader=jinja2.ChoiceLoader(loaders), autoescape=True, undefined=jinja2.StrictUndefined,
            keep_trailing_newline=False, trim_blocks=True,
            # `{#id}` is Markdown (attr_list), so Jinja comments are `{%# ... #%}`.
            comment_start_string="{%#", comment_end_string="#%}")
        self.env.filters["md"] = _md
        self.env.globals.update(t=t, tm=_tm)
        self._templates: dict[str, jinja2.Template] = {}

    def render(self, name: str, **context) -> Markup:
        template = self._templates.get(name)
        if template is None:
            template = self._templates[name] = self.env.get_template(name)
        # The entities Python's html.escape writes (the site's other HTML uses them too).
        return Markup(template.render(**context).replace("&#34;", "&quot;").replace("&#39;", "&#x27;"))
