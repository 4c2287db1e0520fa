"""Where an export may go, and replacing a previous export without touching anything else.

An export writes a marker file, `.werkwijze-export`: a format line, then every file it
wrote, one path per line. A folder may receive an export when it does not exist, is
empty, or holds such a marker; then only the files the marker names are deleted (and the
folders they leave empty), never anything the export did not write. The manual's own
folder, any folder above it and its source folders are always refused: an export of
`..` from inside a manual once deleted the whole manual.
"""
from __future__ import annotations

from pathlib import Path, PurePosixPath

from ..core.i18n import t
from .problems import ExportProblem

MARKER = ".werkwijze-export"
FORMAT_LINE = "werkwijze-export 1"


class TargetRefused(ExportProblem):
    """The folder may not receive an export; the message says why (in the reader's language)."""


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_target(target: Path, root: Path, sources: list[Path]) -> list[str]:
    """The files a previous export in `target` wrote (empty for a new or empty folder).
    `target`, `root` and `sources` are resolved paths; `sources` are the manual's source
    folders (docs, elements, data, ...). Raises TargetRefused."""
    if _inside(root, target):
        raise TargetRefused(t("cli.export.refused_root", folder=target, root=root))
    for source in sources:
        if _inside(target, source):
            raise TargetRefused(t("cli.export.refused_sources", folder=target, source=source))
    if not target.exists():
        return []
    if not target.is_dir():
        raise TargetRefused(t("cli.export.refused_file", folder=target))
    if not any(target.iterdir()):
        return []
    marker = target / MARKER
    lines = marker.read_text("utf-8", errors="replace").split("\n") if marker.is_file() else []
    if not lines or lines[0].strip() != FORMAT_LINE:
        raise TargetRefused(t("cli.export.refused_not_empty", folder=target, marker=MARKER))
    return [line for line in lines[1:] if line.strip()]


def _safe_relative(rel: str) -> bool:
    path = PurePosixPath(rel)
    return bool(rel) and not path.is_absolute() and ".." not in path.parts and "\\" not in rel


def remove_previous(target: Path, written: list[str]) -> None:
    """Delete the files a previous export wrote (as its marker lists them), then the folders
    that this leaves empty. A listed path that leaves `target`, runs through a symbolic
    link or is not a plain file is left alone: the marker is just a file in the folder."""
    real_target = target.resolve()
    folders: set[Path] = set()
    for rel in written:
        if not _safe_relative(rel):
            continue
        path = target / rel
        if path.is_symlink() or not path.is_file() or path.resolve() != real_target / rel:
            continue
        path.unlink()
        folders.update(p for p in path.parents if _inside(p, target) and p != target)
    for folder in sorted(folders, key=lambda p: len(p.parts), reverse=True):
        try:
            folder.rmdir()  # only when empty: someone else's files keep their folder
        except OSError:
            pass
    marker = target / MARKER
    if marker.is_file() and not marker.is_symlink():
        marker.unlink()


def check_files(target: Path, files: dict[str, bytes], previous: list[str]) -> None:
    """Refuse to overwrite what the previous export did not write, and to write through a
    symbolic link: a file or link someone put in the folder stays theirs."""
    ours = set(previous)
    for rel in files:
        path = target
        for part in PurePosixPath(rel).parts:
            path = path / part
            if path.is_symlink() or (path.exists() and path == target / rel and rel not in ours):
                raise TargetRefused(t("cli.export.refused_foreign", folder=target, path=rel))


def write_export(target: Path, files: dict[str, bytes], previous: list[str]) -> None:
    """Replace the previous export in `target` (see check_target) with `files`."""
    check_files(target, files, previous)
    remove_previous(target, previous)
    for rel, content in files.items():
        path = target / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    listing = "\n".join([FORMAT_LINE, *sorted(files)]) + "\n"
    (target / MARKER).write_text(listing, "utf-8")
