"""Build real, small manuals in a temporary folder (fictional content, test-only).

`Project` writes a complete project (mkdocs.yml, data/, elements/, docs/) from a dict
of relative path -> text, on top of a minimal valid base; `build()` runs the real
`mkdocs` (or `properdocs`) command and returns the result.
"""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

BIN = Path(sys.executable).parent

BASE_FILES: dict[str, str] = {
    "mkdocs.yml": """\
        site_name: Testhandboek
        site_url: https://example.org/handboek/
        repo_url: https://example.org/repo
        edit_uri: edit/main/docs/
        theme:
          name: material
          language: nl
          font: false
          features: [content.tabs.link, content.action.edit]
        plugins:
          - werkwijze
        markdown_extensions:
          - admonition
          - attr_list
          - toc:
              permalink: true
          - pymdownx.superfences
          - pymdownx.tabbed:
              alternate_style: true
        nav:
          - Start: index.md
          - Hoofdstuk: hoofdstuk.md
          - Elementen: elementen/index.md
        """,
    "data/themas.yml": """\
        - id: samenwerking
          naam: Samenwerking
          omschrijving: Fictief thema voor tests.
        - id: leren
          naam: Leren
        """,
    "data/regios.yml": """\
        - id: noord
          naam: Regio Noord
        - id: dorp
          naam: Dorp
          ouder: noord
        - id: zuid
          naam: Regio Zuid
        """,
    "data/betrokkenen.yml": """\
        - id: gemeente
          naam: Gemeente
        - id: praktijkorganisatie
          naam: Praktijkorganisatie
        - id: professional
          naam: Professional
        - id: gezin
          naam: Gezin
        """,
    "data/perspectieven.yml": """\
        - id: professionals
          naam: Professionals
        - id: gezinnen
          naam: Gezinnen
        """,
    "data/statussen.yml": """\
        - id: concept
          naam: Concept
        - id: besproken
          naam: Besproken
        - id: vastgesteld
          naam: Vastgesteld
        """,
    "data/brontypen.yml": """\
        - id: factsheet
          naam: Factsheet
        - id: interview
          naam: Interview
        """,
    "data/bronnen.yml": """\
        - id: testbron
          titel: Een fictieve testbron
          citaat: "Testbureau. (2024). *Een fictieve testbron*."
          jaar: "2024"
          type: factsheet
        """,
    "docs/index.md": "# Start\n\nWelkom bij het [overzicht](elementen/index.md).\n",
    "docs/hoofdstuk.md": """\
        # Hoofdstuk

        Lees [Goed overleg](elementen/goed-overleg.md).

        /// elementen
        thema: samenwerking
        ///
        """,
    "elements/samenwerking/goed-overleg.md": """\
        ---
        titel: Goed overleg
        soort: werkzaam
        samenvatting: Partners overleggen vaak en open.
        themas: [samenwerking]
        betrokkenen: [gemeente, professional]
        perspectieven: [professionals]
        regios: [generiek]
        bronnen: [testbron]
        gerelateerd: [samen-leren]
        helpt_tegen: [slecht-overleg]
        reflectievragen:
          - Hoe vaak overlegt u?
        status: besproken
        ---
        Overleg werkt als iedereen aan tafel zit.

        /// regio | dorp
        In Dorp overleggen partners elke week.
        ///
        """,
    "elements/samenwerking/slecht-overleg.md": """\
        ---
        titel: Slecht overleg
        soort: belemmerend
        samenvatting: Partners praten langs elkaar heen.
        themas: [samenwerking]
        betrokkenen: [gemeente]
        regios: [generiek]
        bronnen: [testbron]
        status: concept
        ---
        Zonder overleg loopt het vast.
        """,
    "elements/leren/samen-leren.md": """\
        ---
        titel: Samen leren
        soort: werkzaam
        samenvatting: Teams leren van elkaar.
        themas: [leren]
        betrokkenen: [professional]
        regios: [zuid]
        bronnen: [testbron]
        status: concept
        ---
        Leren gaat samen beter.
        """,
}


ELEMENT_DEFAULTS: dict[str, str | list[str]] = {
    "titel": "Testelement",
    "soort": "werkzaam",
    "samenvatting": "Fictief element voor een test.",
    "themas": ["samenwerking"],
    "betrokkenen": ["gemeente"],
    "regios": ["generiek"],
    "bronnen": ["testbron"],
    "status": "concept",
}


def element_file(body: str = "Tekst.", **fields: str | list[str] | None) -> str:
    """A valid fictional element file. Keyword arguments override front-matter fields
    (lists as Python lists, written in flow style); None leaves a field out."""
    lines = ["---"]
    for key, value in {**ELEMENT_DEFAULTS, **fields}.items():
        if value is None:
            continue
        lines.append(f"{key}: [{', '.join(value)}]" if isinstance(value, list) else f"{key}: {value}")
    return "\n".join(lines) + "\n---\n" + body + "\n"


def with_body(path: str, body: str) -> str:
    """A base element file (BASE_FILES[path]) with another body; same front matter."""
    base = textwrap.dedent(BASE_FILES[path])
    front_matter_end = base.index("\n---\n", 4) + len("\n---\n")
    return base[:front_matter_end] + textwrap.dedent(body)


@dataclass
class BuildResult:
    returncode: int
    output: str
    site: Path

    def page(self, url: str) -> str:
        """HTML of a page by its site URL, e.g. 'elementen/x/'."""
        path = self.site / url
        if url.endswith("/") or not url:
            path = path / "index.html"
        return path.read_text("utf-8")


class Project:
    def __init__(self, root: Path, files: dict[str, str | bytes | None] | None = None):
        self.root = root
        self.write({**BASE_FILES, **(files or {})})

    def write(self, files: dict[str, str | bytes | None]) -> None:
        for rel, content in files.items():
            path = self.root / rel
            if content is None:  # None removes a base file
                if path.exists():
                    path.unlink()
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(textwrap.dedent(content), "utf-8")

    def build(self, engine: str = "mkdocs", *args: str) -> BuildResult:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
        proc = subprocess.run([str(BIN / engine), "build", *args], cwd=self.root, env=env,
                              capture_output=True, text=True, timeout=300)
        return BuildResult(proc.returncode, proc.stdout + proc.stderr, self.root / "site")

    def check(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(BIN / "werkwijze"), "check", *args], cwd=self.root,
                              capture_output=True, text=True, timeout=120)


def load_script(name: str):
    """A script of scripts/ as a module (they are run as files, not installed)."""
    import importlib.util
    path = Path(__file__).resolve().parent.parent / "scripts" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"script_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
