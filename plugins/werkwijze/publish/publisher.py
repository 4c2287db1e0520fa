"""`werkwijze publiceer`: the deployable folder of a manual, built safely.

    current edition   the working tree, strict, at the root (today's URLs)
    editions          every git tag `editie-<versie>`, built from the tag (with the tag's
                      own plugin when it has one) under `edities/<versie>/`; the untagged
                      current edition is copied there too, so that the permanent address its
                      references name exists from its first publication
    pdfs              each built edition's PDFs in its own `pdf/`
    edition pages     notices, canonicals, earlier-edition lists, one sitemap
    csp               the policy as a <meta> in every page; the header value in csp-header.txt
    link check        every address the folder prints must exist in it

Everything is built in `.<out>-new` beside the output folder; the output is replaced (two
renames) only when every step succeeded, so a failure leaves the published folder exactly
as it was. The output folder is replaced only when it is a previous publication (it holds
the marker file) or an empty folder: nothing else is ever deleted.
"""
from __future__ import annotations

import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..core.i18n import t
from ..core.model.manual import Manual
from ..core.validate.load import load_manual
from ..core.render.citation import edition_path
from ..core.sources.project import read_layout, read_site, read_theme
from ..core.urls import Publication
from . import csp, engine
from .edition_pages import EDITIONS_DIR, Published, version_key
from .editions import PublishError, check_tag, checkout, edition_tags
from .linkcheck import check_links

MARKER = ".werkwijze-publicatie"  # in every published folder: it may be replaced
CSP_HEADER_FILE = "csp-header.txt"
CSP_EDITOR_HEADER_FILE = "csp-header-beheer.txt"


@dataclass(frozen=True)
class Options:
    editions: bool = True  # tagged editions under edities/ (and permanent references)
    pdf: bool = True
    site_url: str | None = None  # default: site_url of mkdocs.yml
    repo_url: str | None = None  # default: repo_url of mkdocs.yml
    edit_uri: str | None = None  # default: edit_uri of mkdocs.yml
    engine: str | None = None  # default: the one that goes with the theme in mkdocs.yml


def _say(key: str, **params) -> None:
    print(t(key, **params), file=sys.stderr)


def _slash(url: str | None) -> str | None:
    return url if not url or url.endswith("/") else url + "/"


def check_output(project: Path, out: Path) -> None:
    """Refuse an output folder that holds anything but an earlier publication."""
    out, project = out.resolve(), project.resolve()
    if out == project or out in project.parents:
        raise PublishError(t("publish.out_is_manual", out=out))
    if out.exists() and not out.is_dir():
        raise PublishError(t("publish.out_not_folder", out=out))
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file() and not _werkwijze_site(out):
        raise PublishError(t("publish.out_not_ours", out=out, marker=MARKER))


def _werkwijze_site(folder: Path) -> bool:
    """A site built before the marker existed (`make build` of an earlier version)."""
    return (folder / "index.html").is_file() and (folder / "assets" / "werkwijze").is_dir()


def publish(project: Path, out: Path, options: Options = Options()) -> str:
    config = engine.config_file(project)
    if config is None:
        raise PublishError(t("editions.publish.no_config", file=project / "mkdocs.yml"))
    check_output(project, out)
    theme = read_theme(config)
    extra = engine.missing_theme(theme)
    if extra:
        raise PublishError(t("publish.theme_missing", theme=theme, extra=extra, out=out))
    engine_name = options.engine or engine.engine_for(theme)
    layout = read_layout(config)
    manual = load_manual(layout)
    if manual.problems:  # before anything is built
        raise PublishError("\n".join([*map(str, manual.problems),
                                      t("publish.content_errors", count=len(manual.problems), out=out)]))
    site_url = _slash(options.site_url or read_site(config)[1])
    current = manual.editions.current.version if manual.editions and manual.editions.current else None
    with_editions = options.editions and current is not None
    tags = _tags(project, manual, layout.data_dir) if with_editions else {}
    publication = Publication(pdf=options.pdf, editions=with_editions)
    settings = {"extra": publication.to_extra()}
    if options.site_url:
        settings["site_url"] = site_url
    if options.repo_url:
        settings["repo_url"] = options.repo_url
    if options.edit_uri:
        settings["edit_uri"] = options.edit_uri

    new = out.with_name(f".{out.name}-new")
    shutil.rmtree(new, ignore_errors=True)  # a leftover of an earlier, interrupted run
    try:
        what = t("editions.publish.current", version=current) if current else t("publish.the_site")
        _build(project, new, settings, strict=True, what=what, out=out, engine_name=engine_name)
        sites = [new]
        with tempfile.TemporaryDirectory(prefix="werkwijze-publish-") as scratch:
            for version, tag in sorted(tags.items(), key=lambda item: version_key(item[0])):
                what = t("editions.publish.edition", version=version, tag=tag)
                with checkout(project, tag, Path(scratch) / version) as tree:
                    dest = new / edition_path(version)
                    edition_settings = {**settings, "edit_uri": ""}
                    if site_url:  # its absolute URLs and references name its permanent address
                        edition_settings["site_url"] = site_url + edition_path(version)
                    _build(tree, dest, edition_settings, strict=False, what=what, out=out,
                           engine_name=engine_name, own_plugin=True)
                sites.append(dest)
        if options.pdf:
            _pdfs(sites, out)
        versions = []
        if with_editions:
            if current not in tags:
                _say("editions.publish.untagged", version=current)
                shutil.copytree(new, new / edition_path(current),
                                ignore=lambda folder, names: [EDITIONS_DIR] if Path(folder) == new else [])
            versions = sorted({*tags, current}, key=version_key, reverse=True)
            Published(new, current, site_url, layout).finish(versions)
        _say("publish.csp")
        csp.write_meta(new)
        (new / CSP_HEADER_FILE).write_text(csp.policy(new) + "\n", "utf-8")
        editor_policy = csp.cms_policy(new)
        if editor_policy:  # the browser editor's own policy, for the header of /beheer/
            (new / CSP_EDITOR_HEADER_FILE).write_text(editor_policy + "\n", "utf-8")
        _check_links(new, site_url, out)
        (new / MARKER).write_text(t("publish.marker") + "\n", "utf-8")
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)
        raise
    _swap(new, out)
    if versions:
        return t("editions.publish.done", count=len(versions), out=out, current=current,
                 versions=", ".join(versions))
    return t("publish.done", out=out)


def _tags(project: Path, manual: Manual, data_dir: str) -> dict[str, str]:
    spec = manual.schema.editions
    tags = edition_tags(project, f"{data_dir}/{spec.location}")
    for version, tag in tags.items():  # before any build: a wrong tag fails at once
        check_tag(project, tag, version, data_dir, spec)
    return tags


def _build(tree: Path, dest: Path, settings: dict, strict: bool, what: str, out: Path,
           engine_name: str, own_plugin: bool = False) -> None:
    _say("editions.publish.building", what=what)
    result = engine.build(tree, dest, settings, strict, engine_name, own_plugin)
    if result.returncode != 0 or not (dest / "index.html").is_file():
        raise PublishError(t("editions.publish.failed", what=what, out=out))


def _pdfs(sites: list[Path], out: Path) -> None:
    from . import pdf  # Playwright: only when PDFs are asked for
    if not Path(pdf.CHROMIUM).is_file():
        raise PublishError(t("publish.no_chromium", chromium=pdf.CHROMIUM, out=out))
    _say("publish.printing", count=len(sites))
    try:
        pdf.print_sites(sites)
    except Exception as error:  # a browser that does not start, a page that does not load
        raise PublishError(t("publish.pdf_failed", error=str(error).strip().split("\n")[0], out=out)) from None


def _check_links(folder: Path, site_url: str | None, out: Path) -> None:
    _say("publish.checking_links")
    broken, checked = check_links(folder, site_url)
    for link in broken:
        key = "publish.broken_anchor" if link.anchor_missing else "publish.broken_link"
        print(f"{link.file}:{link.line}: {t(key, address=link.address)}", file=sys.stderr)
    if broken:
        raise PublishError(t("publish.links_failed", count=len(broken), checked=checked, out=out))
    _say("publish.links_ok", checked=checked)


def _swap(new: Path, out: Path) -> None:
    old = out.with_name(f".{out.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if out.exists():
        out.rename(old)
    new.rename(out)
    shutil.rmtree(old, ignore_errors=True)
