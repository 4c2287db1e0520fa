"""One `git log` over the elements folder, read once per build and shared by the
"Laatst bijgewerkt" dates (gitdates.py) and the Wijzigingen page (changes.py).

Each commit: its date (committer date, the day it landed) and what it did to which file
(added, modified, renamed, deleted), paths relative to the manual's root. Outside a git
checkout, or when git fails, there is no history (None): callers fall back.
"""
from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

_MARK = "\x1e"  # starts each commit in the log output
TIMEOUT_SECONDS = 30


@dataclass
class Commit:
    day: date
    changes: list[tuple[str, list[str]]] = field(default_factory=list)  # (status, paths)


def read_history(root: Path, folder: str) -> list[Commit] | None:
    """Commits touching `folder`, oldest first; None when there is no usable git."""
    try:
        proc = subprocess.run(
            ["git", "-c", "core.quotePath=false", "log", "--reverse", "-M", "--relative",
             f"--format={_MARK}%cs", "--name-status", "--", folder],
            cwd=root, capture_output=True, text=True, timeout=TIMEOUT_SECONDS)
    except (OSError, subprocess.SubprocessError):
        return None
    if proc.returncode != 0:
        return None
    commits = []
    for record in proc.stdout.split(_MARK):
        lines = [line for line in record.split("\n") if line.strip()]
        if not lines:
            continue
        try:
            commit = Commit(date.fromisoformat(lines[0].strip()))
        except ValueError:
            continue
        for line in lines[1:]:
            status, *paths = line.split("\t")
            commit.changes.append((status[:1], paths))
        commits.append(commit)
    return commits


def last_changed(history: list[Commit]) -> dict[str, str]:
    """Path -> ISO date of the last commit that added, changed or renamed it."""
    dates: dict[str, str] = {}
    for commit in history:  # oldest first: later commits overwrite
        for status, paths in commit.changes:
            if paths and status != "D":
                dates[paths[-1]] = commit.day.isoformat()
    return dates
