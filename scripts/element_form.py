"""Write a manual's element files in the form the browser editor (/beheer/) writes them.

    python scripts/element_form.py                  # this manual (mkdocs.yml here)
    python scripts/element_form.py path/mkdocs.yml  # another one

Decap CMS rewrites the whole front matter of an element on every save
(core/render/decapyaml.py says how). A file already in that form comes back from the editor
changed only where the editor changed it. This keeps every value and the body as they are
and changes only the form: keys in the schema's order, lists as block lists, quoting and
line breaks as Decap writes them; comments in the front matter go. Run it after editing
element files by hand; `werkwijze nieuw` and `init` already write this form.
"""
from __future__ import annotations

import sys
from pathlib import Path

from werkwijze.core.render.decapyaml import element_text
from werkwijze.core.sources.project import read_layout
from werkwijze.core.validate.load import load_manual


def main(argv: list[str]) -> int:
    config = Path(argv[0] if argv else "mkdocs.yml").resolve()
    manual = load_manual(read_layout(config))
    if manual.problems:  # only a manual the check accepts: its values must be right first
        for problem in manual.problems:
            print(problem, file=sys.stderr)
        return 1
    order = list(manual.schema.fields)
    changed = 0
    for element in manual.elements.values():
        path = config.parent / element.path
        text = path.read_text("utf-8")
        written = element_text(text, order)
        if written != text:
            path.write_text(written, "utf-8")
            changed += 1
            print(element.path)
    print(f"{changed} of {len(manual.elements)} element files rewritten")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
