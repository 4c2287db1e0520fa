"""When each element file last changed: from git history, else from the file itself.

One `git log` for the whole elements folder (not one process per file): for each file
the first commit that names it, walking back from HEAD, is its latest change. Files git
does not know yet (new, or no git at all) fall back to their modification time, which
is what an editor previewing unsaved work expects.
"""
from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from .i18n import active

_MARK = "\x01"  # starts each commit's date line in the log output
TIMEOUT_SECONDS = 20


def _from_git(folder: Path) -> dict[str, str]:
    """posix path relative to `folder` -> YYYY-MM-DD of the last commit touching it."""
    try:
        proc = subprocess.run(
            ["git", "-c", "core.quotePath=false", "log", "--name-only", "--relative",
             f"--format={_MARK}%cs", "--", "."],
            cwd=folder, capture_output=True, text=True, timeout=TIMEOUT_SECONDS)
    except (OSError, subprocess.SubprocessError):
        return {}
    if proc.returncode != 0:
        return {}
    dates: dict[str, str] = {}
    current = ""
    for line in proc.stdout.splitlines():
        if line.startswith(_MARK):
            current = line[1:].strip()
        elif line.strip() and current:
            dates.setdefault(line.strip(), current)
    return dates


def last_updated(root: Path, elements_dir: str, paths: list[str]) -> dict[str, str]:
    """Project-relative element paths (`elements/x.md`) -> ISO date they last changed."""
    folder = root / elements_dir
    known = _from_git(folder)
    prefix = elements_dir.rstrip("/") + "/"
    dates: dict[str, str] = {}
    for path in paths:
        inner = path[len(prefix):] if path.startswith(prefix) else path
        if inner in known:
            dates[path] = known[inner]
            continue
        try:
            mtime = (root / path).stat().st_mtime
        except OSError:
            continue
        dates[path] = dt.date.fromtimestamp(mtime).isoformat()
    return dates


def dutch_date(iso: str) -> str:
    """'2024-03-05' -> '5 maart 2024': the active language's long date (babel). (The name
    is older than the catalogue; it follows the site's language.)"""
    return active().date(dt.date.fromisoformat(iso))
