"""`werkwijze export`: the manual as a project that plain MkDocs + Material builds.

The glue between the site plan (core/site) and an engine other than the plugin: what
the plugin hands MkDocs page by page during a build, written out as files (project.py,
engine_config.py, templates.py), into a folder that is safe to write (target.py).
"""
from __future__ import annotations

from pathlib import Path

from ..core.model.manual import Manual
from .engine_config import ConfigProblem
from .project import project_files
from .target import TargetRefused, check_target, write_export

__all__ = ["ConfigProblem", "TargetRefused", "export_manual"]


def export_manual(manual: Manual, config_path: Path, target: Path, sources: list[Path]) -> int:
    """Write the project into `target` (resolved); `sources`: the manual's source folders,
    never a place for an export. Returns the number of files written. Nothing is written
    or deleted before the whole project is made."""
    previous = check_target(target, manual.layout.root.resolve(), sources)
    files = project_files(manual, config_path)
    write_export(target, files, previous)
    return len(files)
