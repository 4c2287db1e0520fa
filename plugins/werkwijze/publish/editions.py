"""The editions of a manual in git: tags `editie-<versie>`, their checks and checkouts."""
from __future__ import annotations

import contextlib
import subprocess
from pathlib import Path

import yaml

from ..core.i18n import t
from ..core.model.schema import DataFileSpec
from .edition_pages import TAG_PREFIX, tag_version


class PublishError(Exception):
    """A message (in the manual's language) for the person who publishes."""


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


def check_tag(project: Path, tag: str, version: str, data_dir: str, spec: DataFileSpec) -> None:
    """The tag must be on a commit whose editions file has its version at the top
    (`spec`: the file's name and keys, from the manual's schema)."""
    rel = f"{data_dir}/{spec.location}"
    shown = git(project, "show", f"{tag}:./{rel}")  # ./: relative to the manual's folder
    try:
        data = yaml.safe_load(shown.stdout) if shown.returncode == 0 else {}
        found = str((data.get(spec.key("editions")) or [{}])[0].get(spec.item_key("version"), ""))
    except (yaml.YAMLError, AttributeError, IndexError, KeyError, TypeError):
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
