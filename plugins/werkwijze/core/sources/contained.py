"""Nothing a manual owns reaches outside it: the one rule for paths and symbolic links.

A manual is untrusted input (a fork's pull request is built in CI), so every path it names
(the plugin's options in mkdocs.yml, the files and folders in its schema) and every file
the generator reads must resolve inside the manual's root, the folder of mkdocs.yml:

- a named path may not be absolute and may not contain `..`;
- a symbolic link (file or folder) whose target lies outside the root is refused, at the
  link itself (line 1); a link that stays inside the root is fine.

`check_layout()` runs first in `load_manual()`, before any reader opens a file, and stops
the load when something leaves the root; the schema refuses its own paths with
`named_path_problem()`; the fragment loader asks `is_inside()` for every template.
"""
from __future__ import annotations

import os
from pathlib import Path, PurePosixPath, PureWindowsPath

from ..i18n import t
from ..problems import ProblemList
from .layout import Layout


def is_inside(root: Path, path: Path) -> bool:
    """Whether `path`, with every symbolic link followed, lies inside `root`."""
    try:
        path.resolve().relative_to(root.resolve())
    except (ValueError, OSError, RuntimeError):  # outside, unreadable, or a link loop
        return False
    return True


def named_path_problem(name: str) -> str | None:
    """Why a path named in a manual's file may not be used (absolute, or with `..`), or None."""
    posix = PurePosixPath(name.replace("\\", "/"))
    if posix.is_absolute() or PureWindowsPath(name).drive or ".." in posix.parts:
        return t("validate.paths.outside", path=name)
    return None


def escaping_link(root: Path, rel: str) -> str | None:
    """The first part of `rel` (relative to `root`) that is a symbolic link leading out
    of the root, as a path relative to the root; None when there is none."""
    parts = PurePosixPath(rel).parts
    for end in range(1, len(parts) + 1):
        path = root.joinpath(*parts[:end])
        if path.is_symlink() and not is_inside(root, path):
            return PurePosixPath(*parts[:end]).as_posix()
    return None


def _check_named(root: Path, rel: str, named_in: str, line: int, problems: ProblemList) -> bool:
    message = named_path_problem(rel)
    if message:
        problems.add(named_in, line, message)
        return False
    link = escaping_link(root, rel)
    if link is not None:
        problems.add(link, 1, t("validate.paths.link_outside"))
        return False
    return True


def check_tree(root: Path, rel: str, problems: ProblemList) -> None:
    """Report every symbolic link under `root/rel` that leads out of the root (links
    into the root are followed by the readers as usual)."""
    top = root / rel
    if not top.is_dir():
        return
    for folder, dirs, files in os.walk(top):  # does not descend into linked folders
        for name in [*dirs, *files]:
            path = Path(folder) / name
            if path.is_symlink() and not is_inside(root, path):
                problems.add(path.relative_to(root).as_posix(), 1, t("validate.paths.link_outside"))


def check_layout(layout: Layout, problems: ProblemList) -> bool:
    """The manual's own folders and files (named in mkdocs.yml) and everything in them stay
    inside its root. False (after reporting) when something leaves it."""
    found = ProblemList()
    named = {"elements_dir": layout.elements_dir, "data_dir": layout.data_dir,
             "docs_dir": layout.docs_dir, "schema": layout.schema_file,
             "published_urls": layout.published_urls, "fragments_dir": layout.fragments_dir}
    if layout.custom_dir:
        named["custom_dir"] = layout.custom_dir
    for option, rel in named.items():
        if rel and _check_named(layout.root, rel, layout.config_name,
                                layout.option_lines.get(option, 1), found):
            if option.endswith("_dir"):
                check_tree(layout.root, rel, found)
    problems.extend(found)
    return not found
