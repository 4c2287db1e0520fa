"""Load the whole manual and check everything, in one place.

`load_manual()` is what the CLI (`werkwijze check`), the MkDocs plugin and
`werkwijze publiceer` call, so the rules and messages are the same everywhere. It reads
(sources), builds the model and runs every rule (this stage).
"""
from __future__ import annotations

from pathlib import Path
from .. import i18n
from . import links
from . import safety
from ..sources.chapters import Chapter, load_chapters
from ..model.elementcache import ElementCache, apply_linked, data_signature, fresh_copy, linked_text
from ..model.elements import Element, load_element
from ..model.facets import Facets
from .graph import build_graph, index_elements
from ..i18n import t
from ..problems import ProblemList
from ..paths import RESERVED_ELEMENT_IDS, addresses, element_src, generated_uris, use_addresses
from ..sources.catalogue import load_manual_catalogue, manual_languages
from ..sources.contained import check_layout
from ..sources.project import code_tag_lines
from ..sources.overrides import load_overrides
from ..sources.project import language_position
from ..sources.layout import Layout
from ..model.schema import Schema, load_schema, read_schema
from ..model.taxonomy import Taxonomies, load_taxonomies
from ..model.edition import load_editions
from ..model.leerlijnen import load_leerlijnen
from ..model.synonyms import load_synonyms
from ..suggest import did_you_mean
from ..model.manual import Manual


def load_manual(layout: Layout, cache: ElementCache | None = None) -> Manual:
    """`cache` (kept by `mkdocs serve`) skips reading and checking unchanged element files."""
    problems = ProblemList()
    # Every message from here on is in the manual's language and wording (teksten.yml).
    own = _use_language(layout, problems)
    for line in code_tag_lines(layout.root / layout.config_name):
        problems.add(layout.config_name, line, t("project.code_tag"))
    if not check_layout(layout, problems):  # a path out of the manual: read nothing more
        return _unusable(layout, problems)
    overrides = load_overrides(layout.path(layout.data_dir), layout.data_dir, problems)
    if overrides:
        i18n.use(i18n.Catalogue.load(layout.language, overrides, own))
    named = layout.option_lines.get("schema")
    schema = read_schema(layout.root, layout.schema_file, problems,
                         (layout.config_name, named) if named else None)
    if schema is None:  # nothing can be checked against a broken schema: report only that
        return _unusable(layout, problems)
    use_addresses(schema.addresses)  # every later stage asks core/paths.py for them
    taxonomies = load_taxonomies(schema, layout.path(layout.data_dir), layout.data_dir, problems)
    facets = Facets(schema, taxonomies)

    found: list[Element] = []
    data_key = None
    if cache is not None:  # unchanged element files stay checked while data and schema stay
        schema_path = layout.path(layout.schema_file)
        data_key = (data_signature(layout.path(layout.data_dir)),
                    schema_path.read_bytes() if schema_path.is_file() else None)
    elements_root = layout.path(layout.elements_dir)
    if not elements_root.is_dir():
        problems.add(layout.elements_dir, 1, t("validate.links.no_elements_folder"))
    else:
        for path in sorted(elements_root.rglob("*.md")):
            if any(part.startswith(".") for part in path.relative_to(elements_root).parts):
                continue
            rel = f"{layout.elements_dir}/{path.relative_to(elements_root).as_posix()}"
            element = _load_checked_element(path, rel, schema, taxonomies, problems, cache, data_key)
            if element is not None:
                found.append(element)
    elements = index_elements(found, problems)
    graph = build_graph(elements, schema, problems)
    _check_reserved_ids(elements, problems)
    chapters, docs_files = load_chapters(layout.path(layout.docs_dir), layout.docs_dir,
                                         facets.allowed(), problems)
    manual = Manual(layout, schema, taxonomies, facets, elements, graph, chapters, docs_files)
    _load_trainer_data(manual, problems)
    generated = generated_uris(manual)
    known = lambda uri: uri in docs_files or uri in generated  # noqa: E731
    links_context = None
    if cache is not None:
        cache.forget_others({e.path for e in found})
        links_context = cache.links_context((frozenset(docs_files), frozenset(generated),
                                             frozenset((e.path, e.id) for e in elements.values())))
        cache.context = (data_key, links_context)
    _check_element_links(manual, known, problems, cache, links_context)
    _check_chapter_links(manual, known, problems)
    manual.problems = sorted(set(problems))
    return manual


def _check_reserved_ids(elements: dict[str, Element], problems: ProblemList) -> None:
    """An element (or a former id) may not take the address of a page the site makes
    itself in the elements folder (its overview, `index`)."""
    for element in elements.values():
        if element.id in RESERVED_ELEMENT_IDS:
            problems.add(element.path, 1, t("validate.graph.reserved_id", id=element.id))
        aliases = element.roles.aliases if element.roles else None
        for index, alias in enumerate(element.role_list("aliases")):
            if alias in RESERVED_ELEMENT_IDS:
                problems.add(element.path, element.line_of(aliases, index),
                             t("validate.graph.reserved_alias", alias=alias))


def _unusable(layout: Layout, problems: ProblemList) -> Manual:
    """An empty manual that carries only the problems that stopped the load."""
    schema = load_schema()
    manual = Manual(layout, schema, Taxonomies(), Facets(schema, Taxonomies()), {},
                    build_graph({}, schema, ProblemList()), {}, set())
    manual.problems = sorted(set(problems))
    return manual


def _use_language(layout: Layout, problems: ProblemList) -> dict[str, str] | None:
    """The catalogue of theme.language: the manual's own (messages/<language>/) or the
    package's. A language with neither is a problem at theme.language, in English (the
    language the messages then fall back to); so is one Babel cannot write dates in."""
    language = i18n.normalise_language(layout.language)
    own = load_manual_catalogue(layout.root, language, problems)
    i18n.use(i18n.Catalogue.load(language, own=own))
    packaged = i18n.available_languages()
    if own is None and language not in packaged:
        config, line = language_position(layout.root)
        choices = sorted(set(packaged) | set(manual_languages(layout.root)))
        problems.add(config, line, t("project.unknown_language", language=language,
                                     languages=", ".join(choices)))
    elif not i18n.dates_known(language):
        config, line = language_position(layout.root)
        problems.add(config, line, t("project.no_dates", language=language))
    return own


def _load_trainer_data(manual: Manual, problems: ProblemList) -> None:
    """editie.yml and the leerlijnen (optional), checked like everything else."""
    layout = manual.layout
    data_dir = layout.path(layout.data_dir)
    manual.editions = editions = load_editions(data_dir, layout.data_dir, problems, manual.schema.editions)
    if editions and editions.reference_page and editions.reference_page not in manual.chapters:
        problems.add(editions.path, editions.reference_page_line,
                     t("reference.errors.reference_page_missing", page=editions.reference_page)
                     + f"{did_you_mean(editions.reference_page, manual.chapters)} "
                     + t("reference.errors.reference_page_hint"))
    manual.leerlijnen = load_leerlijnen(data_dir, layout.data_dir, manual.elements,
                                        manual.graph.aliases, manual.chapters, problems,
                                        manual.schema.leerlijnen)
    manual.synonyms = load_synonyms(data_dir, layout.data_dir, problems)


def element_link_rewriter(manual: Manual, element: Element, known, problems: ProblemList | None,
                          by_source: dict[str, str] | None = None):
    """Resolve links in an element body: to pages (as if the body lived at its page), or
    to another element's source file (rewritten to that element's page).
    `by_source` (element id by source path) can be passed in to share it between elements."""
    page = element_src(element.id)
    if by_source is None:
        by_source = {e.path: e.id for e in manual.elements.values()}

    def visit(target: str, line: int) -> str | None:
        relative = links.scheme_of(target) is None and not target.startswith(("#", "/"))
        if relative:
            source_target = links.resolve_relative(target, element.path)
            if source_target in by_source:
                anchor = target.partition("#")[2]
                return f"{by_source[source_target]}.md" + (f"#{anchor}" if anchor else "")
        message = links.check_target(target, page, known)
        if message and relative:
            # The page-relative path in the general message would confuse: editors
            # write element links relative to the element's own file.
            message = t("validate.links.broken_in_element", target=target)
        if message and problems is not None:
            problems.add(element.path, line, message)
        return None

    return visit


def _load_checked_element(path: Path, rel: str, schema: Schema, taxonomies: Taxonomies,
                          problems: ProblemList, cache: ElementCache | None, data_key) -> Element | None:
    """load_element, plus the safety check: contributed Markdown may not carry script,
    embeds or unsafe URLs (see safety.py). Unchanged files come from the cache."""
    key = cache.key(path, data_key) if cache is not None else None
    entry = cache.get(rel, key) if cache is not None else None
    if entry is None:
        found = ProblemList()
        element = load_element(path, rel, schema, taxonomies, found)
        if element is not None:
            for line, message in safety.check_markdown(element.raw_body, element.body_first_line):
                found.add(rel, line, message)
        if cache is None:
            problems.extend(found)
            return element
        entry = cache.put(rel, key, element, found)
    problems.extend(entry.problems)
    return fresh_copy(entry.element) if entry.element is not None else None


def _check_element_links(manual: Manual, known, problems: ProblemList,
                         cache: ElementCache | None = None, context=None) -> None:
    by_source = {e.path: e.id for e in manual.elements.values()}  # once: per element is quadratic
    for element in manual.elements.values():
        entry = cache.entry(element.path) if cache is not None else None
        if entry is not None and entry.links_context is context:
            apply_linked(element, entry.linked)
            problems.extend(entry.link_problems)
            continue
        found = ProblemList()
        links.transform(element.raw_body, element.body_first_line,
                        element_link_rewriter(manual, element, known, found, by_source))
        rewrite = element_link_rewriter(manual, element, known, None, by_source)
        element.body.kern = links.transform(element.body.kern, 1, rewrite)
        for invulling in element.body.invullingen:
            invulling.text = links.transform(invulling.text, 1, rewrite)
        problems.extend(found)
        if entry is not None:
            entry.links_context, entry.linked, entry.link_problems = context, linked_text(element), found


def _check_chapter_links(manual: Manual, known, problems: ProblemList) -> None:
    including: dict[str, list[Chapter]] = {}
    for chapter in manual.chapters.values():
        linked: list[str] = []
        for line, target in links.iter_links(chapter.markdown, chapter.first_line):
            message = links.check_target(target, chapter.src_uri, known)
            if message:
                problems.add(chapter.path, line, message)
                continue
            if links.scheme_of(target) is None:
                resolved = links.resolve_relative(target, chapter.src_uri)
                folder, _, name = resolved.rpartition("/")
                if folder == addresses().elements and name.endswith(".md") and name[:-3] in manual.elements:
                    linked.append(name[:-3])
        for directive in chapter.directives:
            linked += [e.id for e in manual.facets.select(manual.elements.values(), directive.filters)]
        for element_id in dict.fromkeys(linked):
            including.setdefault(element_id, []).append(chapter)
    manual.chapters_including = including
