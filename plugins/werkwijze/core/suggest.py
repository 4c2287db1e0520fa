"""Did-you-mean hints for unknown keys and ids."""
from __future__ import annotations

import difflib
from collections.abc import Iterable


def did_you_mean(value: str, options: Iterable[str]) -> str:
    """' Bedoelde u 'x'?' when something close exists, else ''."""
    matches = difflib.get_close_matches(value.lower(), list(options), n=1, cutoff=0.6)
    return f" Bedoelde u '{matches[0]}'?" if matches else ""
