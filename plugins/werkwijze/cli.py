"""The `werkwijze` command: check content, scaffold elements, start and export a manual.

Its help and messages follow the manual's language (`theme.language` in mkdocs.yml), and
so do the subcommands' names: `controleer`/`nieuw` for a Dutch manual, `check`/`new` for
an English one; the other names always work as aliases.

Exit codes: 0 clean, 1 content problems (or the new element would clash), 2 usage errors.
"""
from __future__ import annotations

import argparse
from importlib import resources
import os
import sys
from pathlib import Path

from .core import i18n
from .core.render.editorfiles import editor_files
from .core.render.fragments import FragmentCheck, FragmentError, check_fragments
from .core.i18n import t
from .core.model.manual import Layout, Manual
from .core.model.schema import load_schema, read_schema
from .core.problems import Problem, ProblemList
from .core.validate.load import load_manual
from .core.sources.project import (CONFIG_NAMES, ProjectNotFound, find_config, find_project,
                                   read_layout, read_plugin_option)
from .core.render.scaffold import element_id_from_title, initial_values, still_to_fill, template
from .core.render.starter import starter_files
from .core.suggest import did_you_mean
from .export import ExportProblem, export_manual
from .export.target import check_target
from .publish.engine import ENGINES

OK, CONTENT_ERRORS, USAGE_ERRORS = 0, 1, 2
# Subcommand -> (catalogue key of its name, names that always work).
COMMANDS = {"check": ("cli.commands.check", ("check", "controleer")),
            "new": ("cli.commands.new", ("new", "nieuw")),
            "init": (None, ("init",)),
            "export": ("cli.commands.export", ("export", "exporteer")),
            "editor_files": ("cli.commands.editor_files", ("editor-files", "editorbestanden")),
            "publish": ("cli.commands.publish", ("publish", "publiceer")),
            "published_urls": ("cli.commands.published_urls", ("published-urls", "adressen")),
            "reference": ("cli.commands.reference", ("reference", "naslag"))}


class UsageError(Exception):
    pass


# -- shared ---------------------------------------------------------------------------
def _config_in(root: Path) -> Path | None:
    return next((root / n for n in CONFIG_NAMES if (root / n).is_file()), None)


def _layout(args: argparse.Namespace) -> Layout:
    if args.root:
        root = Path(args.root).resolve()
        if not root.is_dir():
            raise UsageError(t("cli.usage.folder_missing", folder=args.root))
        config = _config_in(root)
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
        raise UsageError(t("cli.usage.elements_missing", folder=layout.elements_dir, root=layout.root))
    return layout


def _check_command(layout: Layout, rel: str | None = None) -> str:
    """The command an editor runs to check (a file): what works in this project."""
    if _has_make_target(layout, "check"):
        return "make check" + (f" BESTAND={rel}" if rel else "")
    return f"werkwijze {t('cli.commands.check')}" + (f" {rel}" if rel else "")


def _new_command(layout: Layout, kind: str) -> str:
    """How an editor makes a new element in this project (make, where there is a Makefile)."""
    example = t("starter.example_element.title")
    if _has_make_target(layout, "nieuw"):
        return f'make nieuw TITEL="{example}" SOORT={kind}'
    return f'werkwijze {t("cli.commands.new")} --titel "{example}" --soort {kind}'


def _has_make_target(layout: Layout, target: str) -> bool:
    makefile = layout.root / "Makefile"
    return makefile.is_file() and f"\n{target}:" in "\n" + makefile.read_text("utf-8", errors="replace")


def _loaded(layout: Layout) -> Manual:
    """The manual, or a usage error when its content has problems."""
    manual = load_manual(layout)
    if manual.problems:
        for problem in manual.problems:
            print(problem, file=sys.stderr)
        raise UsageError(t("cli.check.content_errors", count=len(manual.problems),
                           command=_check_command(layout)))
    return manual


# -- check ----------------------------------------------------------------------------
def _scopes(paths: list[str], root: Path) -> list[str] | None:
    """PATH arguments as posix paths relative to the project root ('' = everything)."""
    if not paths:
        return None
    scopes = []
    for raw in paths:
        path = Path(raw).resolve()
        if not path.exists():
            raise UsageError(t("cli.usage.path_missing", path=raw))
        try:
            rel = path.relative_to(root).as_posix()
        except ValueError:
            raise UsageError(t("cli.usage.path_outside", path=raw, root=root)) from None
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


def _github(problem: Problem, root: Path, level: str = "error") -> str:
    # Annotations need the path from the workspace (the current folder in Actions).
    file = os.path.relpath(root / problem.path).replace(os.sep, "/")
    return f"::{level} file={_escape(file, True)},line={problem.line}::{_escape(problem.message)}"


def _check(args: argparse.Namespace) -> int:
    layout = _layout(args)
    scopes = _scopes(args.paths, layout.root)
    manual = load_manual(layout)  # always everything, so references between files resolve
    fragments = check_fragments(layout) if not manual.problems else FragmentCheck()
    problems = [p for p in sorted({*manual.problems, *fragments.problems}) if _in_scope(p, scopes)]
    for problem in problems:
        print(_github(problem, layout.root) if args.format == "github" else str(problem))
    for warning in (w for w in fragments.warnings if _in_scope(w, scopes)):
        print(_github(warning, layout.root, "warning") if args.format == "github"
              else t("cli.check.warning", path=warning.path, line=warning.line,
                                        message=warning.message))
    if problems:
        print(t("cli.check.found", count=len(problems)), file=sys.stderr)
        return CONTENT_ERRORS
    print(t("cli.check.ok", elements=t("cli.check.elements", count=len(manual.elements)),
            chapters=t("cli.check.chapters", count=len(manual.chapters))), file=sys.stderr)
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
        for alias in element.role_list("aliases"):
            taken.setdefault(alias, t("cli.new.as_alias", path=element.path))
    return taken


def _given_fields(pairs: list[str], schema) -> dict[str, str]:
    """`--veld naam=waarde` -> {naam: waarde}; the value is checked with the file."""
    given = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip()
        if not sep or name not in schema.fields:
            raise UsageError(t("cli.usage.unknown_field", field=pair, hint=did_you_mean(name, schema.fields),
                               fields=", ".join(schema.fields)))
        given[name] = value.strip()
    return given


def _new(args: argparse.Namespace) -> int:
    layout = _layout(args)
    manual = load_manual(layout)
    schema, taxonomies = manual.schema, manual.taxonomies
    kinds = list(schema.soorten)
    either = f" {t('cli.new.or')} ".join(kinds)
    theme_facet = schema.theme_facet
    themes = taxonomies.get(theme_facet.taxonomy) if theme_facet else None

    title = _ask(t("cli.new.ask_title"), args.titel)
    if not title or not title.strip():
        raise UsageError(t("cli.usage.title_missing", command=_new_command(layout, kinds[0])))
    title = " ".join(title.split())
    limit = schema.fields[schema.roles.title].max_length
    if limit and len(title) > limit:
        raise UsageError(t("cli.usage.title_too_long", length=len(title), limit=limit))
    kind = _ask(t("cli.new.ask_kind", kinds=either), args.soort)
    if kind not in kinds:
        raise UsageError(t("cli.usage.kind_missing", kinds=either,
                           hint=did_you_mean(kind, kinds) if kind else ""))
    chosen = [v.strip() for v in ",".join(args.thema or []).split(",") if v.strip()]
    for theme in chosen:
        if themes is None or theme not in themes:
            options = list(themes.terms) if themes else []
            raise UsageError(t("cli.usage.unknown_theme", theme=theme, hint=did_you_mean(theme, options),
                               file=themes.path if themes else "-", themes=", ".join(options)))

    given = _given_fields(args.veld or [], schema)
    element_id = element_id_from_title(title)
    if not element_id:
        raise UsageError(t("cli.usage.no_id"))
    elements_root = layout.path(layout.elements_dir)
    taken = _taken_ids(manual, elements_root)
    if element_id in taken:
        print(t("cli.new.taken", id=element_id, where=taken[element_id]), file=sys.stderr)
        return CONTENT_ERRORS

    folder = elements_root / chosen[0] if chosen else elements_root
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{element_id}.md"
    values = initial_values(schema, taxonomies, title, kind, chosen, given)
    path.write_text(template(schema, taxonomies, values), "utf-8")
    rel = path.relative_to(layout.root).as_posix()
    todo = still_to_fill(schema, values)
    print(t("cli.new.created", path=rel))
    if todo:
        print(t("cli.new.still_to_fill", fields=", ".join(todo)))
    print(t("cli.new.write_body"))
    print(t("cli.new.check_with", command=_check_command(layout, rel)))
    return OK


# -- init, export, editor files ----------------------------------------------------------
def _init(args: argparse.Namespace) -> int:
    folder = Path(args.folder)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise UsageError(t("cli.usage.init_not_empty", folder=args.folder))
    language = args.taal or i18n.active().language
    if language not in i18n.available_languages():
        raise UsageError(t("cli.usage.unknown_language", language=language,
                           languages=", ".join(i18n.available_languages())))
    i18n.use(i18n.Catalogue.load(language))
    for rel, content in starter_files(language).items():
        target = folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, "utf-8")
    layout = read_layout(folder / "mkdocs.yml")
    for path, content in editor_files(_loaded(layout)).items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, "utf-8")
    print(t("cli.init.created", folder=args.folder))
    print(t("cli.init.next"))
    print(t("cli.init.step_serve", command=f"cd {args.folder} && mkdocs serve"))
    print(t("cli.init.step_check", command=f"werkwijze {t('cli.commands.check')}"))
    return OK


def _reference(args: argparse.Namespace) -> int:
    """The reference for manual authors (werkwijze/reference/<language>.md; English for a
    language it is not written in)."""
    language = args.taal or i18n.active().language
    folder = resources.files("werkwijze").joinpath("reference")
    chosen = folder.joinpath(f"{language}.md")
    print((chosen if chosen.is_file() else folder.joinpath("en.md")).read_text("utf-8"), end="")
    return OK


def _export(args: argparse.Namespace) -> int:
    layout = _layout(args)
    config = _config_in(layout.root)
    if config is None:
        raise UsageError(t("cli.export.no_config", root=layout.root))
    target = Path(args.folder).resolve()
    sources = [layout.path(rel).resolve() for rel in
               (layout.docs_dir, layout.elements_dir, layout.data_dir, layout.fragments_dir)]
    schema_folder = layout.path(layout.schema_file).resolve().parent
    if schema_folder != layout.root.resolve():
        sources.append(schema_folder)
    try:
        check_target(target, layout.root.resolve(), sources)  # before loading: fail fast
        count = export_manual(_loaded(layout), config, target, sources, search=not args.no_search)
    except ExportProblem as exc:
        raise UsageError(str(exc)) from None
    print(t("cli.export.written", count=count, folder=args.folder))
    print(t("cli.export.build_with", folder=args.folder))
    return OK


def _editor_files(args: argparse.Namespace) -> int:
    layout = _layout(args)
    stale = []
    for path, text in editor_files(_loaded(layout)).items():
        current = path.read_text("utf-8") if path.exists() else None
        if current == text:
            continue
        rel = path.relative_to(layout.root).as_posix()
        stale.append(rel)
        if args.check:
            print(t("cli.editor_files.stale", path=rel), file=sys.stderr)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, "utf-8")
            print(t("cli.editor_files.updated", path=rel))
    return CONTENT_ERRORS if args.check and stale else OK


def _publish(args: argparse.Namespace) -> int:
    from .publish.editions import PublishError
    from .publish.publisher import Options, publish
    layout = _layout(args)
    out = Path(args.folder)
    out = out if out.is_absolute() else layout.root / out
    options = Options(editions=not args.no_editions, pdf=not args.no_pdf, site_url=args.site_url,
                      repo_url=args.repo_url, edit_uri=args.edit_uri,
                      engine=args.engine)
    try:
        print(publish(layout.root, out, options), file=sys.stderr)
    except PublishError as error:
        print(error, file=sys.stderr)
        return CONTENT_ERRORS
    return OK


def _published_urls(args: argparse.Namespace) -> int:
    from .config import WerkwijzeConfig
    from .publish.published_list import write_list
    layout = _layout(args)
    config = _config_in(layout.root)
    rel = read_plugin_option(config, "published_urls") if config else None
    rel = WerkwijzeConfig.published_urls.default if rel is None else rel
    site = Path(args.site)
    site = site if site.is_absolute() else layout.root / site
    if not rel:
        raise UsageError(t("cli.usage.published_urls_off"))
    if not (site / "index.html").is_file():
        raise UsageError(t("cli.usage.not_built", folder=args.site))
    load_manual(layout)  # its own addresses and anchors (schema `addresses:`), which the list follows
    count = write_list(site, layout.path(layout.docs_dir), layout.path(rel))
    print(t("cli.published_urls.written", count=count, file=rel))
    return OK


# -- entry point ------------------------------------------------------------------------
def _project_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--root", help=t("cli.help.root"))
    parser.add_argument("--elements", dest="elements_dir", help=t("cli.help.elements"))
    parser.add_argument("--data", dest="data_dir", help=t("cli.help.data"))
    parser.add_argument("--docs", dest="docs_dir", help=t("cli.help.docs"))


def _subparser(sub, command: str, help_key: str):
    key, names = COMMANDS[command]
    name = t(key) if key else names[0]
    aliases = [n for n in names if n != name]
    return sub.add_parser(name, aliases=aliases, help=t(help_key), description=t(help_key))


def build_parser(kinds: list[str] | None = None) -> argparse.ArgumentParser:
    """`kinds`: the manual's kinds of element, as examples in the help of --soort."""
    parser = argparse.ArgumentParser(prog="werkwijze", description=t("cli.description"))
    sub = parser.add_subparsers(dest="command", required=True)
    check = _subparser(sub, "check", "cli.help.check")
    check.add_argument("paths", nargs="*", metavar="PAD", help=t("cli.help.paths"))
    check.add_argument("--format", choices=["text", "github"], default="text", help=t("cli.help.format"))
    _project_options(check)
    check.set_defaults(func=_check)

    new = _subparser(sub, "new", "cli.help.new")
    new.add_argument("--titel", "--title", dest="titel", help=t("cli.help.title"))
    new.add_argument("--soort", "--kind", dest="soort",
                     help=t("cli.help.kind", examples=", ".join(kinds or load_schema().soorten)))
    new.add_argument("--thema", "--theme", dest="thema", action="append", help=t("cli.help.theme"))
    new.add_argument("--veld", "--field", dest="veld", action="append", metavar=t("cli.help.field_metavar"),
                     help=t("cli.help.field"))
    _project_options(new)
    new.set_defaults(func=_new)

    init = _subparser(sub, "init", "cli.help.init")
    init.add_argument("folder", metavar="MAP", help=t("cli.help.init_folder"))
    init.add_argument("--taal", "--language", dest="taal",
                      help=t("cli.help.language", languages=", ".join(i18n.available_languages())))
    init.set_defaults(func=_init)

    export = _subparser(sub, "export", "cli.help.export")
    export.add_argument("folder", metavar="MAP", help=t("cli.help.export_folder"))
    export.add_argument("--zonder-zoekindex", "--no-search-index", dest="no_search", action="store_true",
                        help=t("cli.help.no_search_index"))
    _project_options(export)
    export.set_defaults(func=_export)

    editor = _subparser(sub, "editor_files", "cli.help.editor_files")
    editor.add_argument("--check", action="store_true", help=t("cli.help.editor_check"))
    _project_options(editor)
    editor.set_defaults(func=_editor_files)

    publish = _subparser(sub, "publish", "cli.help.publish")
    publish.add_argument("folder", metavar="MAP", nargs="?", default="public", help=t("cli.help.publish_folder"))
    publish.add_argument("--zonder-edities", "--no-editions", dest="no_editions", action="store_true",
                         help=t("cli.help.no_editions"))
    publish.add_argument("--zonder-pdf", "--no-pdf", dest="no_pdf", action="store_true", help=t("cli.help.no_pdf"))
    publish.add_argument("--site-url", dest="site_url", help=t("cli.help.site_url"))
    publish.add_argument("--repo-url", dest="repo_url", help=t("cli.help.repo_url"))
    publish.add_argument("--edit-uri", dest="edit_uri", help=t("cli.help.edit_uri"))
    publish.add_argument("--engine", choices=ENGINES, help=t("cli.help.engine"))
    publish.add_argument("--root", help=t("cli.help.root"))
    publish.set_defaults(func=_publish)

    urls = _subparser(sub, "published_urls", "cli.help.published_urls")
    urls.add_argument("site", metavar="MAP", nargs="?", default="site", help=t("cli.help.published_urls_site"))
    urls.add_argument("--root", help=t("cli.help.root"))
    urls.set_defaults(func=_published_urls)

    reference = _subparser(sub, "reference", "cli.help.reference")
    reference.add_argument("--taal", "--language", dest="taal",
                           help=t("cli.help.language", languages=", ".join(i18n.available_languages())))
    reference.set_defaults(func=_reference)
    return parser


def _layout_before_parsing(argv: list[str]) -> Layout | None:
    """The manual's layout, read before parsing so that the help speaks its language and
    names its kinds."""
    root = None
    for index, arg in enumerate(argv):
        if arg == "--root" and index + 1 < len(argv):
            root = Path(argv[index + 1])
        elif arg.startswith("--root="):
            root = Path(arg.split("=", 1)[1])
    config = _config_in(root.resolve()) if root and root.is_dir() else find_config(Path.cwd().resolve())
    return read_layout(config) if config else None


def _kinds(layout: Layout | None) -> list[str] | None:
    schema = read_schema(layout.root, layout.schema_file, ProblemList()) if layout else None
    return list(schema.soorten) if schema else None


def _translate_argparse() -> None:
    """argparse's own words ("usage:", "options") from the catalogue, where it has them.
    argparse looks them up through its module-level gettext function."""
    words = i18n.active().subset("cli.argparse")
    argparse._ = lambda text: words.get(text, text)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    layout = _layout_before_parsing(argv)
    i18n.use(i18n.Catalogue.load(layout.language if layout else "nl"))
    _translate_argparse()
    args = build_parser(_kinds(layout)).parse_args(argv)
    try:
        return args.func(args)
    except UsageError as exc:
        print(t("cli.prefix", message=exc), file=sys.stderr)
        return USAGE_ERRORS
    except FragmentError as exc:  # a manual's fragment broke while rendering (export)
        print(exc.problem, file=sys.stderr)
        return CONTENT_ERRORS


if __name__ == "__main__":
    sys.exit(main())
