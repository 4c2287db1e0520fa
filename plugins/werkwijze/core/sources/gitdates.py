"""When each element file last changed: from git history, else from the file itself.

The build's one `git log` (gitlog.py, shared with the Wijzigingen page) gives each file's
last commit. Files git does not know yet (new, or no git at all) fall back to their
modification time, which is what an editor previewing unsaved work expects.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from .gitlog import Commit, last_changed, read_history
from ..i18n import active

def last_updated(root: Path, elements_dir: str, paths: list[str],
                 history: list[Commit] | None = None) -> dict[str, str]:
    """Project-relative element paths (`elements/x.md`) -> ISO date they last changed.
    `history`: the build's git history (gitlog.py), read here when not given."""
    if history is None:
        history = read_history(root, elements_dir)
    known = last_changed(history or [])
    dates: dict[str, str] = {}
    for path in paths:
        if path in known:
            dates[path] = known[path]
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
