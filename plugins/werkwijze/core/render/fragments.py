"""The Jinja environment for generated pages: package fragments a manual can override.

Autoescape is on: every value is HTML-escaped unless it is Markup. `| md` makes text safe
inside Markdown (headings). `t()` gives a catalogue text, `tm()` a catalogue text whose
placeholders may be Markup (links), escaped like everything else.

A manual's fragments are untrusted input (a fork's pull request is built in CI), so:
- they run in Jinja's sandbox (no `lipsum.__globals__`, no os, no files), with sizes of
  `*` and `**` results limited so a fragment cannot exhaust memory or time;
- the loader refuses a fragment that is a symbolic link out of the manual;
- every error in a fragment (syntax, an unknown name, a runtime error, a missing or
  endlessly repeated include, a sandbox refusal) becomes one `FragmentError` carrying a
  Problem at the fragment's own file and line (`fragments/<name>:<line>`), here and
  nowhere else (`problem_of`);
- `check_fragments()` checks a manual's fragments without rendering (`werkwijze check`):
  syntax, names the page does not give, and a warning for `|safe`.
"""
from __future__ import annotations

import traceback
from dataclasses import dataclass, field
from dataclasses import fields as dataclass_fields
from importlib import resources
from pathlib import Path

import jinja2
from jinja2 import meta, nodes
from jinja2.sandbox import SandboxedEnvironment, SecurityError
from markupsafe import Markup, escape

from ..i18n import active, t
from ..paths import Anchors, addresses
from ..problems import Problem
from ..sources.contained import is_inside
from ..sources.layout import Layout
from .html import md

PACKAGE_FRAGMENTS = Path(str(resources.files("werkwijze").joinpath("fragments")))
PACKAGE_REL = "werkwijze/fragments"  # how messages name a package fragment
MAX_REPEAT = 100_000  # `"x" * n`, `[..] * n`: at most this many items or characters
MAX_EXPONENT = 100


def _md(value) -> Markup:
    return Markup(md(value))


def _tm(key: str, /, **params) -> Markup:
    # Markup.format escapes every parameter that is not Markup itself.
    return escape(_raw(key, params)).format(**params)


def _raw(key: str, params: dict) -> str:
    """The catalogue text with its placeholders still in it (the count picks the form)."""
    catalogue = active()
    return catalogue.messages[catalogue.plural_key(key, params)]


class FragmentError(Exception):
    """A fragment could not be rendered; `problem` says where and why, in the manual's language."""

    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


class _Sandbox(SandboxedEnvironment):
    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context, operator, left, right):
        if operator == "**" and isinstance(right, (int, float)) and abs(right) > MAX_EXPONENT:
            raise SecurityError("exponent too large")
        if operator == "*":
            sized, count = (left, right) if isinstance(right, int) else (right, left)
            if isinstance(count, int) and hasattr(sized, "__len__") and len(sized) * count > MAX_REPEAT:
                raise SecurityError("result too large")
        return super().call_binop(context, operator, left, right)


class _ContainedLoader(jinja2.FileSystemLoader):
    """The manual's fragments folder; a fragment that leads out of the manual is refused."""

    def __init__(self, folder: Path, root: Path, rel_dir: str):
        super().__init__(str(folder))
        self.root, self.rel_dir = root, rel_dir

    def get_source(self, environment, template):
        source, filename, uptodate = super().get_source(environment, template)
        if not is_inside(self.root, Path(filename)):
            raise FragmentError(Problem(f"{self.rel_dir}/{template}", 1, t("validate.paths.link_outside")))
        return source, filename, uptodate


class _ActiveAnchors:
    """`anchors.core` in a fragment: the section names of the manual being built
    (core/paths.py Anchors; one environment serves every build under serve)."""

    def __getattr__(self, name: str) -> str:
        if name.startswith("_") or name not in _ANCHOR_NAMES:
            raise AttributeError(name)
        return getattr(addresses().anchors, name)


_ANCHOR_NAMES = frozenset(f.name for f in dataclass_fields(Anchors))


def _environment(loaders: list[jinja2.BaseLoader]) -> SandboxedEnvironment:
    env = _Sandbox(
        loader=jinja2.ChoiceLoader(loaders), autoescape=True, undefined=jinja2.StrictUndefined,
        keep_trailing_newline=False, trim_blocks=True,
        # `{#id}` is Markdown (attr_list), so Jinja comments are `{%# ... #%}`.
        comment_start_string="{%#", comment_end_string="#%}")
    env.filters["md"] = _md
    env.globals.update(t=t, tm=_tm, anchors=_ActiveAnchors())
    return env


class Fragments:
    def __init__(self, override_dir: Path | None = None, root: Path | None = None,
                 rel_dir: str = "fragments"):
        """`override_dir`: the manual's own fragments (`rel_dir` from its `root`)."""
        loaders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader(str(PACKAGE_FRAGMENTS))]
        self.override_dir = override_dir if override_dir is not None and override_dir.is_dir() else None
        self.rel_dir = rel_dir
        if self.override_dir is not None:
            loaders.insert(0, _ContainedLoader(self.override_dir, root or self.override_dir.parent, rel_dir))
        self.env = _environment(loaders)
        self._templates: dict[str, jinja2.Template] = {}

    def render(self, name: str, **context) -> Markup:
        try:
            template = self._templates.get(name)
            if template is None:
                template = self._templates[name] = self.env.get_template(name)
                # Jinja keeps a template's globals as a ChainMap over the environment's and
                # copies it into every render's context key by key; this environment's
                # globals never change after it is made, so a plain dict serves the same
                # names (21 renders per element page: 10% of planning the site).
                template.globals = dict(template.globals)
            html = template.render(**context)
        except FragmentError:
            raise
        except Exception as exc:  # every failure of a template: a problem at its own line
            raise FragmentError(self.problem_of(exc, name)) from None
        # The entities Python's html.escape writes (the site's other HTML uses them too).
        return Markup(html.replace("&#34;", "&quot;").replace("&#39;", "&#x27;"))

    # -- errors -> file:line ---------------------------------------------------------
    def _rel(self, filename: str | None, name: str) -> str:
        """How messages name a fragment file: `fragments/<name>` for the manual's own."""
        path = Path(filename) if filename else None
        for folder, rel in ((self.override_dir, self.rel_dir), (PACKAGE_FRAGMENTS, PACKAGE_REL)):
            if folder is not None and path is not None and path.is_relative_to(folder):
                return f"{rel}/{path.relative_to(folder).as_posix()}"
        if self.override_dir is not None and (self.override_dir / name).is_file():
            return f"{self.rel_dir}/{name}"
        return f"{PACKAGE_REL}/{name}"

    def problem_of(self, exc: BaseException, name: str) -> Problem:
        """The fragment file and line where `exc` happened, with a message for the editor.
        Jinja rewrites tracebacks so that template frames carry the template's file and line."""
        if isinstance(exc, jinja2.TemplateSyntaxError):
            return Problem(self._rel(exc.filename, exc.name or name), exc.lineno or 1,
                           t("validate.fragments.syntax"))
        fragments = [frame for frame in traceback.extract_tb(exc.__traceback__)
                     if self._is_fragment(frame.filename)]
        own = [frame for frame in fragments if self._is_own(frame.filename)]
        frame = (own or fragments or [None])[-1]
        rel = self._rel(frame.filename if frame else None, name)
        line = (frame.lineno if frame else 1) or 1
        return Problem(rel, line, _message(exc))

    def _is_fragment(self, filename: str) -> bool:
        return self._is_own(filename) or Path(filename).is_relative_to(PACKAGE_FRAGMENTS)

    def _is_own(self, filename: str) -> bool:
        return self.override_dir is not None and Path(filename).is_relative_to(self.override_dir)


def _message(exc: BaseException) -> str:
    if isinstance(exc, SecurityError):
        return t("validate.fragments.unsafe")
    if isinstance(exc, jinja2.UndefinedError):
        return t("validate.fragments.undefined")
    if isinstance(exc, RecursionError):
        return t("validate.fragments.recursion")
    if isinstance(exc, jinja2.TemplateNotFound):
        return t("validate.fragments.missing", name=exc.name)
    return t("validate.fragments.runtime")


# -- one environment per manual, kept while its fragments stay the same ------------------
_FRAGMENTS: dict[object, tuple[tuple, Fragments]] = {}


def _signature(folder: Path | None) -> tuple:
    """What a change of the manual's fragments changes (under `mkdocs serve`)."""
    if folder is None:
        return ()
    found = []
    for path in sorted(folder.rglob("*")):
        try:
            status = path.stat()
        except OSError:  # a broken link: the loader reports it when it is used
            continue
        found.append((path.as_posix(), status.st_mtime_ns, status.st_size))
    return tuple(found)


def fragments_for(layout: Layout | None) -> Fragments:
    """The fragments of a manual (`layout`), or the package's alone (None). One
    environment per manual, kept until its fragments change: compiling templates costs
    more than using them."""
    folder = layout.fragments_path if layout is not None else None
    key = folder
    signature = _signature(folder)
    kept = _FRAGMENTS.get(key)
    if kept is None or kept[0] != signature:
        fragments = Fragments(folder, layout.root if layout else None,
                              layout.fragments_dir if layout else "fragments")
        kept = _FRAGMENTS[key] = (signature, fragments)
    return kept[1]


# -- `werkwijze check`: a manual's fragments without rendering ---------------------------
@dataclass
class FragmentCheck:
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)  # `|safe`: allowed, the manual's risk


def _names(env, source: str) -> set[str]:
    return meta.find_undeclared_variables(env.parse(source))


def package_fragment_names(env) -> dict[str, set[str]]:
    """Each package fragment -> the names it reads (what the generator gives it, and the
    globals `t`, `tm`): what a manual's version may use (the authors' reference lists them)."""
    return {path.name: _names(env, path.read_text("utf-8"))
            for path in PACKAGE_FRAGMENTS.glob("*") if path.name != "README.md"}


def check_fragments(layout: Layout) -> FragmentCheck:
    """Syntax, names the generator does not give the fragment (the names its package
    version uses, or any package fragment's for a fragment of the manual's own), and
    `|safe` or `autoescape false` (a warning)."""
    result = FragmentCheck()
    fragments = Fragments(layout.fragments_path, layout.root, layout.fragments_dir)
    if fragments.override_dir is None:
        return result
    env = fragments.env
    package = package_fragment_names(env)
    every_name = set().union(*package.values())
    for path in sorted(fragments.override_dir.rglob("*")):
        name = path.relative_to(fragments.override_dir).as_posix()
        rel = f"{layout.fragments_dir}/{name}"
        if not path.is_file() or path.name.startswith(".") or path.name == "README.md":
            continue
        try:
            source, _, _ = env.loader.get_source(env, name)
            tree = env.parse(source, name, str(path))
        except FragmentError as exc:
            result.problems.append(exc.problem)
            continue
        except jinja2.TemplateSyntaxError as exc:
            result.problems.append(fragments.problem_of(exc, name))
            continue
        except (OSError, UnicodeDecodeError):
            result.problems.append(Problem(rel, 1, t("validate.unreadable")))
            continue
        unknown = meta.find_undeclared_variables(tree) - package.get(name, every_name) - set(env.globals)
        for node in tree.find_all(nodes.Name):
            if node.ctx == "load" and node.name in unknown:
                unknown.discard(node.name)  # once per name, at its first use
                result.problems.append(Problem(rel, node.lineno, t("validate.fragments.unknown_name",
                                                                   name=node.name)))
        result.problems += _refused(env, tree, name, rel)
        result.warnings += [Problem(rel, node.lineno, t("validate.fragments.safe"))
                            for node in tree.find_all((nodes.Filter, nodes.ScopedEvalContextModifier))
                            if _unescapes(node)]
    return result


def _refused(env, tree: nodes.Template, name: str, rel: str) -> list[Problem]:
    """What the sandbox or the loader would refuse while rendering, found before: internals
    (`x.__globals__`, `x['_y']`) and includes of the fragment itself or of a missing one."""
    found = []
    for node in tree.find_all((nodes.Getattr, nodes.Getitem)):
        key = node.attr if isinstance(node, nodes.Getattr) else getattr(node.arg, "value", None)
        if isinstance(key, str) and key.startswith("_"):
            found.append(Problem(rel, node.lineno, t("validate.fragments.unsafe")))
    for node in tree.find_all((nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)):
        target = getattr(node.template, "value", None)
        if not isinstance(target, str):
            continue
        if target == name:
            found.append(Problem(rel, node.lineno, t("validate.fragments.recursion")))
            continue
        try:
            env.loader.get_source(env, target)
        except jinja2.TemplateNotFound:
            found.append(Problem(rel, node.lineno, t("validate.fragments.missing", name=target)))
        except FragmentError as exc:
            found.append(exc.problem)
    return found


def _unescapes(node: nodes.Node) -> bool:
    """`|safe`, or `{% autoescape false %}`: values printed without escaping."""
    if isinstance(node, nodes.Filter):
        return node.name == "safe"
    return any(option.key == "autoescape" and not (isinstance(option.value, nodes.Const) and option.value.value)
               for option in node.options)
