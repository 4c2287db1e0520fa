"""Why an export was not written: one exception, its message in the reader's language."""
from __future__ import annotations


class ExportProblem(Exception):
    pass
