"""Repairs for known invalid markup in Material for MkDocs' templates.

The Nu Html Checker flags these in every page Material renders. Each sits in a template
we would otherwise have to copy whole (base.html, partials/nav-item.html, partials/toc.html)
and keep in step with every Material release. Each repair is an exact, narrow substitution
and is a no-op when the markup changes: `tests/test_themefix.py` builds a real site and
fails the moment one of them no longer finds its markup (then the repair can go, or must
follow Material's new markup).
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Repair:
    name: str
    pattern: re.Pattern
    replacement: str
    # Only when the page lacks this markup (None: always).
    unless: str | None = None

    def apply(self, html: str) -> tuple[str, bool]:
        if self.unless is not None and self.unless in html:
            return html, False
        fixed, count = self.pattern.subn(self.replacement, html)
        return fixed, count > 0


REPAIRS = (
    # `autocomplete` is not allowed on checkboxes (base.html: the drawer and search toggles).
    Repair("checkbox-autocomplete",
           re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?) autocomplete="off"'), r"\1"),
    # Section labels in the navigation get an empty tabindex (partials/nav-item.html).
    Repair("empty-tabindex", re.compile(r'(<label\b[^>]*?) tabindex=""'), r"\1"),
    # The table-of-contents label points at a toggle Material renders only in the nav
    # (partials/toc.html): pages outside the nav have none.
    Repair("toc-label", re.compile(r'(<label class="md-nav__title") for="__toc"'), r"\1",
           unless='id="__toc"'),
)


def fix_theme_markup(html: str, applied: set[str] | None = None) -> str:
    """The page with every repair applied; `applied` collects the names of those that
    changed something (for the test that keeps them honest)."""
    for repair in REPAIRS:
        html, changed = repair.apply(html)
        if changed and applied is not None:
            applied.add(repair.name)
    return html
