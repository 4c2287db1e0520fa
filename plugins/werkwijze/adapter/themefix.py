"""Repairs for known invalid markup in Material for MkDocs' templates.

The Nu Html Checker flags these in every page Material renders; Material is in
maintenance mode, and overriding base.html wholesale would freeze a copy of it.
Each repair is an exact, narrow substitution and is a no-op when the markup changes.
"""
from __future__ import annotations

import re

# `autocomplete` is not allowed on checkboxes (drawer and search toggles).
_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?) autocomplete="off"')
# `autocorrect` is not an HTML attribute (search box).
_AUTOCORRECT = re.compile(r'(<input\b[^>]*?) autocorrect="off"')
# Section labels in the navigation get an empty tabindex.
_EMPTY_TABINDEX = re.compile(r'(<label\b[^>]*?) tabindex=""')
# The table-of-contents label points at a toggle Material renders only in the nav;
# pages outside the nav have none.
_TOC_LABEL = re.compile(r'(<label class="md-nav__title") for="__toc"')


def fix_theme_markup(html: str) -> str:
    html = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
    html = _AUTOCORRECT.sub(r"\1", html)
    html = _EMPTY_TABINDEX.sub(r"\1", html)
    if 'id="__toc"' not in html:
        html = _TOC_LABEL.sub(r"\1", html)
    return html
