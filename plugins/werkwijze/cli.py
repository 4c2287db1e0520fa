"""The `werkwijze` command: check content without building the site."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .core.manual import Layout, load_manual


def _check(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    manual = load_manual(Layout(root, args.elements, args.data, args.docs))
    for problem in manual.problems:
        print(problem)
    if manual.problems:
        count = len(manual.problems)
        print(f"{count} {'fout' if count == 1 else 'fouten'} gevonden.", file=sys.stderr)
        return 1
    print(f"Alles in orde: {len(manual.elements)} elementen, {len(manual.chapters)} hoofdstukken.",
          file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="werkwijze", description="Werkwijzebeschrijving: inhoud controleren.")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="Controleer elementen, gegevens en hoofdstukken.")
    check.add_argument("--root", default=".", help="Map van het project (waar mkdocs.yml staat).")
    check.add_argument("--elements", default="elements", help="Map met elementen.")
    check.add_argument("--data", default="data", help="Map met thema's, regio's en bronnen.")
    check.add_argument("--docs", default="docs", help="Map met hoofdstukken.")
    check.set_defaults(func=_check)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
