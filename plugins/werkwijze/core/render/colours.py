"""The manual's own colours: `extra: werkwijze_kleuren:` in mkdocs.yml, e.g.

    extra:
      werkwijze_kleuren: {primair: "#1d4f73", link: "#0b5f8a", accent: "#a34a00"}

become `assets/werkwijze/kleuren.css`, loaded after assets/identity.css (whose defaults
they replace). Only plain hex colours are taken over; choose them with AA contrast
(text on white 4.5:1, white text on the primary colour 4.5:1).
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
