"""Build the published site: the current edition plus every tagged edition, into public/.

    python scripts/publish.py [--project .] [--out public] [--engine mkdocs]

The current edition (the working tree) is built at the root of public/: the contract URLs
(/elementen/<id>/, /elementen.json, ...) always show it. Every git tag `editie-<versie>`
is built once from that tag into public/edities/<versie>/ and stays readable there for
good. Then core/site/editions_site.py marks every page of an earlier edition as older, with
a link to the same page in the current edition, points its canonical to the current page,
lists the earlier editions on current pages and keeps the sitemap to the current edition.

Why each edition is built from its tag, with the tag's own code: the content at that tag
was valid with the plugin of that time; today's plugin may reject it or render it
differently. A tag that has plugins/werkwijze gets that folder first on PYTHONPATH, so
`werkwijze` is the tag's package; a tag without it uses the installed plugin. The tag is
checked out with `git worktree` (not `git archive`) so that the pages' dates and the
Wijzigingen page see the history up to the tag. Each build gets `site_url` set to
`<site_url>edities/<versie>/` (a small config file that INHERITs mkdocs.yml), so its
absolute URLs and its references name its own permanent address, and no edit links.
A tag is built without strict mode: its content was checked when it was made, and a new
warning from today's MkDocs or Material must not block publishing (content errors of the
plugin still fail the build).

The references ("Zo verwijst u ...") of the current edition name
`<site_url>edities/<current>/<page>`. That address exists after every publish: from the
tag `editie-<current>` when it exists, else as a copy of the current build (with a
warning; it becomes permanent once the tag is set).

Every build goes into a temporary folder; public/ is replaced only when all of them
succeeded (as scripts/safe_build.py does for site/).
"""
from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from werkwijze.core import i18n  # noqa: E402
from werkwijze.core.render.citation import edition_path  # noqa: E402
from werkwijze.core.model.edition import EDITION_FILE, load_editions  # noqa: E402
from werkwijze.core.site.editions_site import (EDITIONS_DIR, TAG_PREFIX, Published,  # noqa: E402
                                          tag_version, version_key)
from werkwijze.core.i18n import t  # noqa: E402
from werkwijze.core.problems import ProblemList  # noqa: E402

EDITION_CONFIG = ".werkwijze-editie.yml"  # written into a tag's checkout, removed with it


class PublishError(Exception):
    """A Dutch message for the person who publishes."""


def read_config(project: Path) -> dict:
    from mkdocs.utils import yaml_load  # MkDocs' own loader: !ENV, INHERIT
    if not (project / "mkdocs.yml").is_file():
        raise PublishError(t("editions.publish.no_config", file=project / "mkdocs.yml"))
    with open(project / "mkdocs.yml", encoding="utf-8") as file:
        return yaml_load(file) or {}


def plugin_option(config: dict, name: str, default: str) -> str:
    for entry in config.get("plugins") or []:
        if isinstance(entry, dict) and isinstance(entry.get("werkwijze"), dict):
            return str(entry["werkwijze"].get(name, default))
    return default


def git(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(project), *args], capture_output=True, text=True)


def edition_tags(project: Path, edition_file: str) -> dict[str, str]:
    """Version -> tag, for every tag `editie-<versie>`."""
    listing = git(project, "tag", "--list", f"{TAG_PREFIX}*")
    if listing.returncode != 0:
        raise PublishError(t("editions.publish.not_git", folder=project))
    tags = {}
    for tag in listing.stdout.split():
        version = tag_version(tag)
        if version is None:
            raise PublishError(t("editions.publish.bad_tag", tag=tag, file=edition_file))
        tags[version] = tag
    return tags


def current_version(project: Path, data_dir: str) -> str:
    problems = ProblemList()
    editions = load_editions(project / data_dir, data_dir, problems)
    if problems:
        raise PublishError("\n".join(str(p) for p in problems))
    if editions is None or editions.current is None:
        raise PublishError(t("editions.publish.no_edition", file=f"{data_dir}/{EDITION_FILE}"))
    return editions.current.version


def check_tag(project: Path, tag: str, version: str, data_dir: str) -> None:
    """The tag must be on a commit whose editie.yml has its version at the top."""
    rel = f"{data_dir}/{EDITION_FILE}"
    shown = git(project, "show", f"{tag}:./{rel}")  # ./: relative to the manual's folder
    try:
        data = yaml.safe_load(shown.stdout) if shown.returncode == 0 else {}
        found = str((data.get("edities") or [{}])[0].get("versie", ""))
    except (yaml.YAMLError, AttributeError, IndexError):
        found = ""
    if found != version:
        raise PublishError(t("editions.publish.tag_mismatch", tag=tag, file=rel,
                             found=found or "?", version=version))


@contextlib.contextmanager
def checkout(project: Path, tag: str, folder: Path):
    """The manual's folder at the tag (in a detached git worktree at `folder`), removed
    afterwards."""
    prefix = git(project, "rev-parse", "--show-prefix").stdout.strip()  # manual in a subfolder
    result = git(project, "worktree", "add", "--detach", "--quiet", str(folder), tag)
    if result.returncode != 0:
        raise PublishError(t("editions.publish.git_failed", tag=tag, error=result.stderr.strip()))
    try:
        yield folder / prefix
    finally:
        git(project, "worktree", "remove", "--force", str(folder))
        git(project, "worktree", "prune")


def build(tree: Path, dest: Path, engine: str, site_url: str | None = None,
          strict: bool = True) -> subprocess.CompletedProcess:
    """Build the site in `tree` into `dest`; with `site_url`, as a permanent edition."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    if (tree / "plugins" / "werkwijze" / "__init__.py").is_file():  # the tree's own plugin
        env["PYTHONPATH"] = os.pathsep.join(
            [str(tree / "plugins"), *filter(None, [env.get("PYTHONPATH")])])
    command = [engine, "build", "--site-dir", str(dest)]
    if strict:
        command.append("--strict")
    if site_url is not None:
        config = tree / EDITION_CONFIG
        settings = {"INHERIT": "mkdocs.yml", "site_url": site_url, "edit_uri": ""}
        if not strict:  # mkdocs.yml may say `strict: true`; see the module docstring
            settings["strict"] = False
        config.write_text(yaml.safe_dump(settings), "utf-8")
        command += ["--config-file", str(config)]
    return subprocess.run(command, cwd=tree, env=env)


def publish(project: Path, out: Path, engine: str) -> str:
    config = read_config(project)
    i18n.use(i18n.Catalogue.load((config.get("theme") or {}).get("language")))
    data_dir = plugin_option(config, "data_dir", "data")
    edition_file = f"{data_dir}/{EDITION_FILE}"
    site_url = config.get("site_url") or None
    if site_url and not site_url.endswith("/"):
        site_url += "/"
    current = current_version(project, data_dir)
    tags = edition_tags(project, edition_file)
    for version, tag in tags.items():  # before any build: a wrong tag fails at once
        check_tag(project, tag, version, data_dir)
    new = out.with_name(f".{out.name}-new")
    old = out.with_name(f".{out.name}-old")
    for leftover in (new, old):
        shutil.rmtree(leftover, ignore_errors=True)
    try:
        what = t("editions.publish.current", version=current)
        print(t("editions.publish.building", what=what), file=sys.stderr)
        if build(project, new, engine).returncode != 0 or not (new / "index.html").is_file():
            raise PublishError(t("editions.publish.failed", what=what, out=out))
        if current not in tags:
            print(t("editions.publish.untagged", version=current), file=sys.stderr)
            shutil.copytree(new, new / edition_path(current),
                            ignore=lambda folder, names: [EDITIONS_DIR] if Path(folder) == new else [])
        with tempfile.TemporaryDirectory(prefix="werkwijze-publish-") as scratch:
            for version, tag in sorted(tags.items(), key=lambda item: version_key(item[0])):
                what = t("editions.publish.edition", version=version, tag=tag)
                print(t("editions.publish.building", what=what), file=sys.stderr)
                with checkout(project, tag, Path(scratch) / version) as tree:
                    url = (site_url or "/") + edition_path(version)
                    dest = new / edition_path(version)
                    result = build(tree, dest, engine, site_url=url, strict=False)
                    if result.returncode != 0 or not (dest / "index.html").is_file():
                        raise PublishError(t("editions.publish.failed", what=what, out=out))
        versions = sorted({*tags, current}, key=version_key, reverse=True)
        Published(new, current, site_url).finish(versions)
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)
        raise
    if out.exists():
        out.rename(old)
    new.rename(out)
    shutil.rmtree(old, ignore_errors=True)
    return t("editions.publish.done", count=len(versions), out=out, current=current,
             versions=", ".join(versions))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--project", default=".", help="the manual's folder (with mkdocs.yml)")
    parser.add_argument("--out", default="public", help="the published folder")
    parser.add_argument("--engine", default=str(Path(sys.executable).parent / "mkdocs"))
    args = parser.parse_args(argv)
    project = Path(args.project).resolve()
    out = Path(args.out)
    out = out if out.is_absolute() else project / out
    try:
        print(publish(project, out, args.engine), file=sys.stderr)
    except PublishError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
