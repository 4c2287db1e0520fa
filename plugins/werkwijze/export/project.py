"""Every file of the exported project, by path: mkdocs.yml, docs/ and overrides/.

docs/ holds what the plugin hands MkDocs during a build, written out: every page of the
site plan (hand-written chapters with their lists expanded and listings merged in, the
generated pages with their last-updated dates and citation blocks), the open data, the
manual's other docs files (images), our assets and the two generated ones. Built with
plain MkDocs + Material, the pages land at the same URLs as in the plugin's build.
"""
from __future__ import annotations

import html
import os
import posixpath
from pathlib import Path

import yaml

from ..core import i18n
from ..core.model.manual import Manual
from ..core.site.siteplan import SitePlan, plan_site
from ..core.urls import Publication
from ..core.sources.project import read_site
from ..core.validate.safety import META_PRINTED_RAW
from ..theme import REQUIRED_EXTENSIONS, asset_files, generated_assets, template_values
from .links import SiteRootUrls
from .engine_config import DOCS_DIR, OVERRIDES_DIR, ManualConfig, project_config
from .templates import EDIT_URL_KEY, override_files, theme_extra

CONFIG_NAME = "mkdocs.yml"


def _split_front_matter(text: str) -> tuple[str, str]:
    """(front matter with its fences and newline, body), as MkDocs splits a page."""
    lines = text.split("\n")
    if lines and lines[0].rstrip() == "---":
        for index in range(1, len(lines)):
            if lines[index].rstrip() in ("---", "..."):
                return "\n".join(lines[:index + 1]) + "\n", "\n".join(lines[index + 1:])
    return "", text


def _escaped_front_matter(front: str) -> str:
    """Front matter whose values Material prints raw made HTML text, as the plugin does
    while it builds (core/validate/safety.py escape_meta); unchanged when nothing needs it."""
    try:
        meta = yaml.safe_load(front.strip().strip("-.").strip()) if front else None
    except yaml.YAMLError:
        return front
    if not isinstance(meta, dict):
        return front
    changed = False
    for key in META_PRINTED_RAW:
        value = meta.get(key)
        if value is not None and html.escape(str(value), quote=True) != value:
            meta[key] = html.escape(str(value), quote=True)
            changed = True
    if not changed:
        return front
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n"


def _inside(path: Path, real_root: Path) -> bool:
    return real_root in path.resolve().parents


def _handwritten(docs_root: Path, root: Path) -> dict[str, Path]:
    """The docs folder's pages by src URI (MkDocs leaves out hidden files and folders;
    a link out of the manual is never followed)."""
    real_root = root.resolve()
    return {p.relative_to(docs_root).as_posix(): p for p in sorted(docs_root.rglob("*.md"))
            if not any(part.startswith(".") for part in p.relative_to(docs_root).parts)
            and _inside(p, real_root)}


def _edit_urls(plan: SitePlan, config: ManualConfig, docs_root: Path) -> dict[str, str]:
    """The edit link of each generated page, as the plugin gives it: an element page's
    goes to its element file, other generated pages have none (empty)."""
    urls = dict.fromkeys(plan.pages, "")
    for src_uri, path in plan.element_sources().items():
        relative = os.path.relpath(plan.manual.layout.path(path), docs_root).replace(os.sep, "/")
        urls[src_uri] = config.edit_url(relative) or ""
    return urls


def _pages(plan: SitePlan, handwritten: dict[str, Path], edit_urls: dict[str, str]) -> dict[str, str]:
    pages = {}
    for src_uri in sorted(set(plan.pages) | set(handwritten)):
        if src_uri in handwritten:  # MkDocs gives it its edit link
            front, body = _split_front_matter(handwritten[src_uri].read_text("utf-8"))
            front = _escaped_front_matter(front)
        else:  # read by the actions partial (templates.py)
            front = "---\n" + yaml.safe_dump({EDIT_URL_KEY: edit_urls[src_uri]}) + "---\n"
            body = None
        pages[src_uri] = front + plan.page_markdown(src_uri, body)
    return pages


def _other_docs_files(docs_root: Path, root: Path) -> dict[str, bytes]:
    """Images and other files beside the chapters (never a link out of the manual)."""
    found = {}
    real_root = root.resolve()
    for path in sorted(docs_root.rglob("*")):
        rel = path.relative_to(docs_root)
        if (path.suffix == ".md" or not path.is_file() or any(p.startswith(".") for p in rel.parts)
                or not _inside(path, real_root)):
            continue
        found[rel.as_posix()] = path.read_bytes()
    return found


def _off_nav_patterns(generated: set[str], in_nav: set[str]) -> list[str]:
    """`not_in_nav` lines for the generated pages the nav does not name: the plugin adds
    them outside the nav; a folder of them is one pattern (thousands of single lines
    would make MkDocs match every file against each)."""
    patterns = set()
    for src_uri in generated - in_nav:
        folder = posixpath.dirname(src_uri)
        patterns.add(f"/{folder}/*.md" if folder else f"/{src_uri}")
    return sorted(patterns)


def project_files(manual: Manual, config_path: Path) -> dict[str, bytes]:
    """The exported project, by path relative to its folder."""
    layout = manual.layout
    config = ManualConfig.read(config_path.read_text("utf-8"), config_path.name)
    site_name, site_url = read_site(config_path)
    manual.read_dates()
    # As the plugin: the PDFs and editions a publication adds (none, unless the config says so).
    urls = SiteRootUrls.of(site_url, config.use_directory_urls, Publication.from_extra(config.extra))
    plan = plan_site(manual, urls, site_name, site_url)
    catalogue = i18n.active()  # the manual's, with its teksten.yml

    docs_root = layout.path(layout.docs_dir)
    docs: dict[str, bytes] = _other_docs_files(docs_root, layout.root)
    handwritten = _handwritten(docs_root, layout.root)
    edit_urls = _edit_urls(plan, config, docs_root)
    docs.update({src: text.encode("utf-8") for src, text in _pages(plan, handwritten, edit_urls).items()})
    docs.update({path: text.encode("utf-8") for path, text in plan.files.items()})
    docs.update({path: asset.read_bytes() for path, asset in asset_files().items()})
    docs.update({path: text.encode("utf-8")
                 for path, text in generated_assets(catalogue, config.colours, manual.schema.soorten.values()).items()})

    values = template_values(manual)
    custom_dir = config.custom_dir
    custom_path = layout.path(custom_dir) if custom_dir else None
    if custom_path is not None and not _inside(custom_path, layout.root.resolve()):
        custom_path = None  # a theme folder outside the manual is not the manual's to export
    overrides = override_files(values, custom_path, layout.root)
    mkdocs_yml = project_config(
        config, not_in_nav=_off_nav_patterns(set(plan.pages) - set(handwritten), config.nav_pages()),
        extra_values=theme_extra(values, catalogue), required_extensions=REQUIRED_EXTENSIONS)

    files = {CONFIG_NAME: mkdocs_yml.encode("utf-8")}
    files.update({f"{DOCS_DIR}/{path}": content for path, content in docs.items()})
    files.update({f"{OVERRIDES_DIR}/{path}": content for path, content in overrides.items()})
    return files
