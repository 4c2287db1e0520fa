"""Content problems as values: a file, a line and a Dutch message for the editor."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # posix path relative to the project root, e.g. "elements/x.md"
    line: int  # 1-based
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class ContentError(Exception):
    """Raised when content has problems; carries all of them, sorted."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))


class ProblemList(list):
    """A list of problems with a convenience adder."""

    def add(self, path: str, line: int, message: str) -> None:
        self.append(Problem(path, max(int(line), 1), message))
