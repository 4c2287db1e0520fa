"""`werkwijze export`: the manual as a project that plain MkDocs + Material builds.

The glue between the site plan (core/site) and an engine other than the plugin: what
the plugin hands MkDocs page by page during a build, written out as files (project.py,
engine_config.py, templates.py, links.py) with the plugin's search index (search.py), into
a folder that is safe to write (target.py).
"""
from __future__ import annotations

from pathlib import Path

from ..core.model.manual import Manual
from .engine_config import DOCS_DIR
from .problems import ExportProblem
from .project import project_files
from .search import search_bundle
from .target import check_target, write_export

__all__ = ["ExportProblem", "export_manual"]


def export_manual(manual: Manual, config_path: Path, target: Path, sources: list[Path],
                  search: bool = True) -> int:
    """Write the project into `target` (resolved); `sources`: the manual's source folders,
    never a place for an export. `search`: with the search index (a build of the manual
    with the plugin). Returns the number of files written. Nothing is written or deleted
    before the whole project is made."""
    previous = check_target(target, manual.layout.root.resolve(), sources)
    files = project_files(manual, config_path)
    if search:
        files.update({f"{DOCS_DIR}/{path}": data for path, data in search_bundle(config_path).items()})
    write_export(target, files, previous)
    return len(files)
