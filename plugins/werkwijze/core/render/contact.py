"""How a reader responds: the contact the manual names, or an honest fallback.

A manual names its contact in mkdocs.yml (`extra: werkwijze_contact:`), an e-mail address
or the https address of a form. Without one, nothing promises a reply: if the manual's
repository is on GitHub, pages say that responding there needs a GitHub account; else
pages say nothing (templates/partials/werkwijze-reageren.html).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

_MAIL = re.compile(r"^[^@\s<>\"'()\[\],;:]+@[^@\s<>\"'()\[\],;:]+\.[A-Za-z]{2,}$")


@dataclass(frozen=True)
class Contact:
    kind: str  # "mail", "form" (the manual's own) or "github" (the issue tracker: an account needed)
    href: str
    text: str  # what the link shows: the address, or the form's or tracker's host


def manual_contact(value: object) -> Contact | None:
    """The manual's contact from `extra.werkwijze_contact`; None when it is not one (the
    caller reports that, with `contact_line`)."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    if _MAIL.match(value):
        return Contact("mail", f"mailto:{value}", value)
    parts = urlsplit(value)
    if parts.scheme == "https" and parts.hostname and not any(c in value for c in " <>\"'"):
        return Contact("form", value, parts.hostname)
    return None


def fallback_contact(repo_url: object) -> Contact | None:
    """The repository's issue tracker, when it is on GitHub; else nothing."""
    if not isinstance(repo_url, str):
        return None
    parts = urlsplit(repo_url.strip().rstrip("/"))
    path = parts.path.strip("/").split("/")
    if parts.scheme != "https" or parts.hostname != "github.com" or len(path) != 2 or not all(path):
        return None
    if not all(re.fullmatch(r"[A-Za-z0-9._-]+", p) for p in path):
        return None
    return Contact("github", f"https://github.com/{path[0]}/{path[1]}/issues", "GitHub")


def contact_line(config_text: str) -> int:
    """The line of `werkwijze_contact` in mkdocs.yml, for the error message (1 if absent)."""
    for number, line in enumerate(config_text.splitlines(), 1):
        if line.strip().startswith("werkwijze_contact"):
            return number
    return 1
