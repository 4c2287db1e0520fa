"""Did-you-mean hints for unknown keys and ids."""
from __future__ import annotations

import difflib
from collections.abc import Iterable

from .i18n import t


def did_you_mean(value: str, options: Iterable[str]) -> str:
    """A hint such as " Bedoelde u 'x'?" (active language) when something close exists, else ''."""
    matches = difflib.get_close_matches(value.lower(), list(options), n=1, cutoff=0.6)
    return " " + t("validate.did_you_mean", suggestion=matches[0]) if matches else ""
