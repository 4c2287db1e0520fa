"""The manual's edition(s): version and date, in one data file (`editie.yml`).

    organisatie: Onderzoeksproject ...     # who publishes the manual (for references)
    verwijspagina: over-het-onderzoek.md   # chapter that shows the whole-manual reference
    edities:                               # newest first; the first is the current edition
      - versie: "0.1"
        datum: "2026-11-22"
        toelichting: Eerste editie.

The footer, the references ("Zo verwijs je naar deze pagina") and the Wijzigingen page
all read the edition from here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..sources import yamltree
from ..sources.datafile import check_keys, read_mapping, text_of
from ..i18n import active, t
from ..problems import ProblemList
from .schema import EDITIONS_DEFAULT, DataFileSpec

EDITION_FILE = EDITIONS_DEFAULT.location  # this manual's; another names its own in the schema
_VERSION = re.compile(r"^\d+(\.\d+)*$")


def dutch_date(day: date) -> str:
    """The date as readers of the active language write it (babel): '22 november 2026'.
    (The name is older than the catalogue; it follows the site's language.)"""
    return active().date(day)


@dataclass(frozen=True)
class Edition:
    version: str
    date: date
    note: str = ""
    line: int = 1

    @property
    def year(self) -> str:
        return str(self.date.year)

    @property
    def label(self) -> str:
        """How readers see the edition, e.g. 'Versie 0.1 · 22 november 2026'."""
        return t("trainers.edition.label", version=self.version, date=dutch_date(self.date))


@dataclass
class Editions:
    path: str  # posix path relative to the project root
    organisation: str = ""
    reference_page: str = ""  # docs src URI of the page with the whole-manual reference
    reference_page_line: int = 1
    editions: list[Edition] = field(default_factory=list)  # newest first

    @property
    def current(self) -> Edition | None:
        return self.editions[0] if self.editions else None


def load_editions(data_dir: Path, rel_dir: str, problems: ProblemList,
                  spec: DataFileSpec = EDITIONS_DEFAULT) -> Editions | None:
    """The editions, or None when the manual has no editie.yml (it is optional). `spec`:
    the file's name and keys, from the manual's schema."""
    path = data_dir / spec.location
    rel = f"{rel_dir}/{spec.location}"
    if not path.exists():
        return None
    result = Editions(rel)
    root = read_mapping(path, rel, list(spec.keys.values()),
                        t("trainers.edition.not_mapping", **spec.placeholders()), problems)
    if root is None:
        return result
    result.organisation = text_of(root.items.get(spec.key("organisation"), (1, None))[1]) or ""
    if spec.key("reference_page") in root.items:
        line, node = root.items[spec.key("reference_page")]
        result.reference_page = text_of(node) or ""
        result.reference_page_line = line
    if spec.key("editions") not in root.items:
        problems.add(rel, root.line, t("trainers.edition.missing_editions", **spec.placeholders()))
        return result
    line, node = root.items[spec.key("editions")]
    if not isinstance(node, yamltree.Seq) or not node.items:
        problems.add(rel, line, t("trainers.edition.empty_editions", **spec.placeholders()))
        return result
    for item in node.items:
        edition = _read_edition(item, rel, problems, spec)
        if edition is None:
            continue
        if result.editions and not edition.date < result.editions[-1].date:
            problems.add(rel, edition.line, t("trainers.edition.order", version=edition.version))
            continue
        result.editions.append(edition)
    return result


def _read_edition(item: yamltree.Node, rel: str, problems: ProblemList,
                  spec: DataFileSpec) -> Edition | None:
    if not isinstance(item, yamltree.Map):
        problems.add(rel, item.line, t("trainers.edition.item_not_mapping", **spec.placeholders()))
        return None
    check_keys(item, list(spec.item_keys.values()), rel, problems)
    version_key, date_key = spec.item_key("version"), spec.item_key("date")
    version = text_of(item.items.get(version_key, (0, None))[1])
    raw_date = text_of(item.items.get(date_key, (0, None))[1])
    if not version or not _VERSION.match(version):
        problems.add(rel, item.items.get(version_key, (item.line,))[0],
                     t("trainers.edition.bad_version", **spec.placeholders()))
        return None
    try:
        day = date.fromisoformat(raw_date or "")
    except ValueError:
        problems.add(rel, item.items.get(date_key, (item.line,))[0],
                     t("trainers.edition.bad_date", **spec.placeholders()))
        return None
    note = text_of(item.items.get(spec.item_key("note"), (0, None))[1]) or ""
    return Edition(version, day, note, item.line)
