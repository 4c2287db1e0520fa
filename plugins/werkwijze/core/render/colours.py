"""The manual's own colours: `extra: werkwijze_kleuren:` in mkdocs.yml, e.g.

    extra:
      werkwijze_kleuren: {primair: "#1d4f73", link: "#0b5f8a", accent: "#a34a00"}

become `assets/werkwijze/kleuren.css`, loaded after assets/identity.css (whose defaults
they replace). Only plain hex colours are taken over; choose them with AA contrast
(text on white 4.5:1, white text on the primary colour 4.5:1).

The kinds of element get their colour and marker here too, from their `tone` in the
schema (`kind_css`): the stylesheets name no kind of any manual.
"""
from __future__ import annotations

import re

# name in mkdocs.yml -> the CSS variable of assets/identity.css
VARIABLES = {"primair": "--ww-primair", "link": "--ww-link", "accent": "--ww-accent",
             "vlak": "--ww-vlak", "rand": "--ww-rand"}
_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")


def colours_css(colours: dict | None) -> str:
    rules = [f"  {VARIABLES[name]}: {value};" for name, value in (colours or {}).items()
             if name in VARIABLES and isinstance(value, str) and _HEX.match(value)]
    if not rules:
        return "/* werkwijze: no colours of this manual's own (extra.werkwijze_kleuren) */\n"
    return ":root {\n" + "\n".join(rules) + "\n}\n"


# tone -> (marker before the badge, CSS variable of assets/werkwijze.css, dark-scheme colour,
# card border). The marker says it in a sign as well as in colour.
_TONES = {"positive": ("+ ", "--ww-positief", "#81c784", "#1e8449"),
          "negative": ("− ", "--ww-negatief", "#ffab91", "#c0392b")}
_CSS_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")  # the schema checks kind ids; never inject


def kind_css(kinds) -> str:
    """Badge and card colours for each kind (a SoortSpec) with a tone."""
    rules = []
    for kind in kinds:
        if kind.tone not in _TONES or not _CSS_ID.match(kind.id):
            continue
        marker, variable, dark, border = _TONES[kind.tone]
        rules += [f'.ww-soort--{kind.id} {{ color: var({variable}); }}',
                  f'.ww-soort--{kind.id}::before {{ content: "{marker}"; }}',
                  f'[data-md-color-scheme="slate"] .ww-soort--{kind.id} {{ color: {dark}; }}',
                  f'.md-typeset .ww-kaart--{kind.id} {{ border-top: .25rem solid {border}; }}']
    return "\n".join(rules) + "\n" if rules else ""
