"""The `werkwijze` command: check content without building the site, scaffold elements.

Exit codes: 0 clean, 1 content problems (or the new element would clash), 2 usage errors.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .core.manual import Layout, Manual, load_manual
from .core.problems import Problem
from .core.project import ProjectNotFound, find_project, read_layout, CONFIG_NAMES
from .core.scaffold import element_id_from_title, initial_values, still_to_fill, template
from .core.suggest import did_you_mean

OK, CONTENT_ERRORS, USAGE_ERRORS = 0, 1, 2


class UsageError(Exception):
    pass


# -- shared ---------------------------------------------------------------------------
def _layout(args: argparse.Namespace) -> Layout:
    if args.root:
        root = Path(args.root).resolve()
        if not root.is_dir():
            raise UsageError(f"De map '{args.root}' bestaat niet.")
        config = next((root / n for n in CONFIG_NAMES if (root / n).is_file()), None)
        layout = read_layout(config) if config else Layout(root)
    else:
        try:
            layout = find_project(Path.cwd())
        except ProjectNotFound as exc:
            raise UsageError(str(exc)) from None
    for option in ("elements_dir", "data_dir", "docs_dir"):
        if getattr(args, option, None):
            setattr(layout, option, getattr(args, option))
    if not layout.path(layout.elements_dir).is_dir():
        raise UsageError(f"De map met elementen '{layout.elements_dir}' bestaat niet in "
                         f"{layout.root}. Start het commando in de map van het handboek.")
    return layout


def _count(count: int) -> str:
    return f"{count} {'fout' if count == 1 else 'fouten'}"


# -- check ----------------------------------------------------------------------------
def _scopes(paths: list[str], root: Path) -> list[str] | None:
    """PATH arguments as posix paths relative to the project root ('' = everything)."""
    if not paths:
        return None
    scopes = []
    for raw in paths:
        path = Path(raw).resolve()
        if not path.exists():
            raise UsageError(f"'{raw}' bestaat niet. Geef een bestand of map van het handboek.")
        try:
            rel = path.relative_to(root).as_posix()
        except ValueError:
            raise UsageError(f"'{raw}' ligt niet in het handboek ({root}).") from None
        scopes.append("" if rel == "." else rel)
    return scopes


def _in_scope(problem: Problem, scopes: list[str] | None) -> bool:
    if scopes is None:
        return True
    return any(s == "" or problem.path == s or problem.path.startswith(s + "/") for s in scopes)


def _escape(text: str, property_value: bool = False) -> str:
    """GitHub workflow-command escaping."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def _github(problem: Problem, root: Path) -> str:
    # Annotations need the path from the workspace (the current folder in Actions).
    file = os.path.relpath(root / problem.path).replace(os.sep, "/")
    return f"::error file={_escape(file, True)},line={problem.line}::{_escape(problem.message)}"


def _check(args: argparse.Namespace) -> int:
    layout = _layout(args)
    scopes = _scopes(args.paths, layout.root)
    manual = load_manual(layout)  # always everything, so references between files resolve
    problems = [p for p in manual.problems if _in_scope(p, scopes)]
    for problem in problems:
        print(_github(problem, layout.root) if args.format == "github" else str(problem))
    if problems:
        print(f"{_count(len(problems))} gevonden. Elke regel hierboven zegt waar de fout staat "
              "en hoe u hem oplost.", file=sys.stderr)
        return CONTENT_ERRORS
    print(f"Alles in orde: {len(manual.elements)} elementen, {len(manual.chapters)} hoofdstukken.",
          file=sys.stderr)
    return OK


# -- new ------------------------------------------------------------------------------
def _ask(label: str, current: str | None) -> str | None:
    if current or not sys.stdin.isatty():
        return current
    try:
        return input(label).strip() or None
    except EOFError:
        return None


def _taken_ids(manual: Manual, elements_root: Path) -> dict[str, str]:
    """Every id in use (file names and aliases), with where it is used."""
    taken = {p.stem: p.relative_to(manual.layout.root).as_posix() for p in elements_root.rglob("*.md")}
    for element in manual.elements.values():
        for alias in element.list("aliassen"):
            taken.setdefault(alias, f"{element.path} (als eerdere id)")
    return taken


def _new(args: argparse.Namespace) -> int:
    layout = _layout(args)
    manual = load_manual(layout)
    schema, taxonomies = manual.schema, manual.taxonomies
    soorten = list(schema.soorten)
    themes = taxonomies[schema.facets["thema"].taxonomy]

    titel = _ask("Titel van het nieuwe element: ", args.titel)
    if not titel or not titel.strip():
        raise UsageError("Geef een titel, bijvoorbeeld: werkwijze new --titel \"Samen de visie "
                         "bespreken\" --soort werkzaam")
    titel = " ".join(titel.split())
    limit = schema.fields["titel"].max_length
    if limit and len(titel) > limit:
        raise UsageError(f"De titel is te lang: {len(titel)} tekens, hoogstens {limit}.")
    soort = _ask(f"Soort ({' of '.join(soorten)}): ", args.soort)
    if soort not in soorten:
        hint = did_you_mean(soort, soorten) if soort else ""
        raise UsageError(f"Geef de soort met --soort: {' of '.join(soorten)}.{hint}")
    themas = [t.strip() for t in ",".join(args.thema or []).split(",") if t.strip()]
    for thema in themas:
        if thema not in themes:
            raise UsageError(f"Onbekend thema '{thema}'.{did_you_mean(thema, themes.terms)} "
                             f"Kies uit {themes.path}: {', '.join(themes.terms)}.")

    element_id = element_id_from_title(titel)
    if not element_id:
        raise UsageError("Van deze titel kan geen id worden gemaakt. Gebruik letters of cijfers.")
    elements_root = layout.path(layout.elements_dir)
    taken = _taken_ids(manual, elements_root)
    if element_id in taken:
        print(f"Er is al een element met de id '{element_id}': {taken[element_id]}. Kies een "
              "andere titel, of pas het bestaande element aan.", file=sys.stderr)
        return CONTENT_ERRORS

    folder = elements_root / themas[0] if themas else elements_root
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{element_id}.md"
    values = initial_values(schema, taxonomies, titel, soort, themas)
    path.write_text(template(schema, taxonomies, values), "utf-8")
    rel = path.relative_to(layout.root).as_posix()
    todo = still_to_fill(schema, values)
    print(f"Nieuw element gemaakt: {rel}")
    if todo:
        print(f"Vul nog in: {', '.join(todo)}. Bij elk veld staat uitleg en waaruit u kiest.")
    print("Schrijf daarna de tekst onder de tweede regel '---'.")
    print(f"Controleer het bestand met: werkwijze check {rel}")
    return OK


# -- entry point ------------------------------------------------------------------------
def _project_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--root", help="Map van het handboek (waar mkdocs.yml staat). "
                        "Standaard: gezocht vanaf de huidige map.")
    parser.add_argument("--elements", dest="elements_dir", help="Map met elementen "
                        "(standaard uit mkdocs.yml, anders 'elements').")
    parser.add_argument("--data", dest="data_dir", help="Map met thema's, regio's en bronnen.")
    parser.add_argument("--docs", dest="docs_dir", help="Map met hoofdstukken.")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="werkwijze",
                                     description="Werkwijzebeschrijving: inhoud controleren en "
                                                 "nieuwe elementen maken.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="{check,new}")
    check = sub.add_parser("check", aliases=["controleer"],
                           help="Controleer elementen, gegevens en hoofdstukken (zonder de site te bouwen).")
    check.add_argument("paths", nargs="*", metavar="PAD",
                       help="Toon alleen fouten in deze bestanden of mappen.")
    check.add_argument("--format", choices=["text", "github"], default="text",
                       help="'github': meldingen voor GitHub Actions, zichtbaar in de pull request.")
    _project_options(check)
    check.set_defaults(func=_check)

    new = sub.add_parser("new", aliases=["nieuw"], help="Maak een nieuw element.")
    new.add_argument("--titel", help="Titel van het element; de id (bestandsnaam) volgt daaruit.")
    new.add_argument("--soort", help="Soort element, bijvoorbeeld werkzaam of belemmerend.")
    new.add_argument("--thema", action="append", help="Thema-id; het eerste thema bepaalt de map. "
                     "Mag vaker, of met komma's.")
    _project_options(new)
    new.set_defaults(func=_new)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except UsageError as exc:
        print(f"werkwijze: {exc}", file=sys.stderr)
        return USAGE_ERRORS


if __name__ == "__main__":
    sys.exit(main())
