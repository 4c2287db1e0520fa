"""A manual's own wording: an optional `teksten.yml` in its data folder replaces single
messages of the package catalogue.

    trainers.changes.title: Wat is er nieuw
    validate.element.empty: "'{name}' is nog leeg. {help}"

A flat mapping of catalogue keys to texts, read with the same strict, line-numbered YAML
as every data file. A key must exist in the package catalogue, a value must be one text,
and its placeholders must be those of the package message (a text without `{name}` where
the code fills in a name would lose it; an unknown `{name}` would fail the build later).
Wrong entries are reported with file and line and left out; the others are returned, for
`i18n.Catalogue.load(language, overrides)`.
"""
from __future__ import annotations

from pathlib import Path
from string import Formatter

from . import yamltree
from .datafile import read_tree, text_of
from ..i18n import FALLBACK, package_messages, placeholders, t
from ..problems import ProblemList
from ..suggest import did_you_mean

OVERRIDES_FILE = "teksten.yml"


def _fields(text: str) -> set[str] | None:
    """The placeholders of a message, or None when it is no valid format string."""
    try:
        return placeholders(text)
    except ValueError:  # a single { or }
        return None


def _unusable_field(text: str) -> str | None:
    """A placeholder that is more than a name (`{versie:d}`, `{versie!r}`, `{versie.x}`,
    `{}`): it would fail, pad, or reach into the value when the text is filled in, and the
    browser (`js.*` texts) fills in only `{name}`. None when every placeholder is a name."""
    try:
        parsed = list(Formatter().parse(text))
    except ValueError:
        return None  # a single brace: reported as such below
    for _, name, spec, conversion in parsed:
        if name is not None and (spec or conversion or not name.isidentifier()):
            return "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
    return None


def _listed(names: set[str]) -> str:
    return ", ".join(f"{{{name}}}" for name in sorted(names)) or t("validate.overrides.no_placeholders")


def load_overrides(data_dir: Path, rel_dir: str, problems: ProblemList) -> dict[str, str]:
    """key -> text from `<data>/teksten.yml`; {} when the manual has none."""
    path = data_dir / OVERRIDES_FILE
    rel = f"{rel_dir}/{OVERRIDES_FILE}"
    if not path.exists():
        return {}
    root = read_tree(path, rel, problems)
    if root is None:
        return {}
    if not isinstance(root, yamltree.Map):
        problems.add(rel, root.line, t("validate.overrides.not_mapping"))
        return {}
    known = package_messages(FALLBACK)  # every language has the same keys (tests/test_messages.py)
    found: dict[str, str] = {}
    for key, (line, node) in root.items.items():
        if key not in known:
            problems.add(rel, line, t("validate.overrides.unknown_key", key=key,
                                      hint=did_you_mean(key, known)))
            continue
        text = text_of(node)
        if text is None:
            problems.add(rel, line, t("validate.overrides.not_text", key=key))
            continue
        wrong = placeholder_problem(key, text, known[key])
        if wrong:
            problems.add(rel, line, wrong)
            continue
        found[key] = text
    return found


def placeholder_problem(key: str, text: str, package_text: str) -> str | None:
    """Why `text` cannot stand for the package message `key`, or None when it can (also
    used for a manual's own catalogue, sources/catalogue.py)."""
    unusable = _unusable_field(text)
    if unusable is not None:  # a format spec or conversion: a crash or a padded page
        return t("validate.overrides.format", key=key, field=unusable)
    expected = _fields(package_text)
    if expected is None:  # a package message without valid placeholders: anything goes
        return None
    have = _fields(text)
    if have is None:
        example = f"{{{min(expected)}}}" if expected else "{naam}"
        return t("validate.overrides.bad_braces", key=key, example=example)
    if have != expected:
        return t("validate.overrides.placeholders", key=key, expected=_listed(expected), found=_listed(have))
    return None
