"""Where a manual's parts live: the folders and files named in its mkdocs.yml."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_SCHEMA = "schema/element.yml"  # in the package, and where a manual keeps its own


@dataclass
class Layout:
    """Where a manual's parts live, relative to its project root."""
    root: Path
    elements_dir: str = "elements"
    data_dir: str = "data"
    docs_dir: str = "docs"
    schema_file: str = DEFAULT_SCHEMA  # the manual's element schema; the package default if absent
    language: str = "nl"  # theme.language in mkdocs.yml: the language of every text shown
    fragments_dir: str = "fragments"  # the manual's own versions of the page fragments
    published_urls: str = "tests/published-urls.txt"  # the list of published URLs ("" = none)
    custom_dir: str | None = None  # theme.custom_dir: the manual's own theme files
    config_name: str = "mkdocs.yml"  # the file that names these paths
    # option -> its line in mkdocs.yml (elements_dir, data_dir, schema, ...), for messages;
    # a manual that names `schema` must have that file (else the package default applies)
    option_lines: dict[str, int] = field(default_factory=dict)

    @property
    def fragments_path(self) -> Path | None:
        path = self.root / self.fragments_dir
        return path if path.is_dir() else None

    def path(self, rel: str) -> Path:
        return self.root / rel
