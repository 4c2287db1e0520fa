"""Write .github/element-sjabloon.md: the empty element file `werkwijze nieuw` would make,
for editors who only use GitHub's web editor (CONTRIBUTING.md, "Alleen in de browser").

    python scripts/element_template.py          # (re)write it
    python scripts/element_template.py --check  # exit 1 when it is out of date

It comes from the schema and data/ (like frontmatter.json), so a test fails when it is stale.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from werkwijze.core.validate.load import load_manual
from werkwijze.core.sources.project import find_project
from werkwijze.core.render.scaffold import initial_values, template

REPO = Path(__file__).resolve().parent.parent
TARGET = REPO / ".github" / "element-sjabloon.md"


def text() -> str:
    manual = load_manual(find_project(REPO))
    values = initial_values(manual.schema, manual.taxonomies, "", "", [])
    return template(manual.schema, manual.taxonomies, values)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    wanted = text()
    if args.check:
        if not TARGET.is_file() or TARGET.read_text("utf-8") != wanted:
            print(f"{TARGET.relative_to(REPO)} is out of date: run python scripts/element_template.py",
                  file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(wanted, "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
