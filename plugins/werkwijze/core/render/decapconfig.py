"""The browser editor's configuration (`/beheer/config.yml`), derived from the schema.

Decap CMS (vendored in `assets/beheer/`, see `site/beheer.py`) reads one `config.yml`.
Written by hand it would drift from the manual's schema, so it is generated at build time
from the same `Schema`, taxonomies and elements as the validator: one collection per folder
of elements (a theme's folder here; a new element lands in the folder it was created in,
the file name is its id: Decap's `path` templates cannot pick a list's first item), every
schema field in schema order with its label, help text, required flag and limits, a
taxonomy field as a choice of exactly the taxonomy's values (named, not ids),
related-element fields as a choice of the existing elements, and the body as Markdown. `werkwijze check` in the pull request stays the
authority: the form catches what Decap can express, the check the rest (e.g. `generiek`
alone, `helpt_tegen` only for working elements). Decap rewrites the whole front matter
on a save; element files kept in its form (decapyaml.py) change only where the editor
changed them.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import yaml

from ..i18n import t
from ..model.fieldkinds import kind_of
from ..model.schema import FieldSpec, Schema
from ..model.taxonomy import Taxonomies
from ..sources.body import DEFAULT_REGION_BLOCK
from ..paths import addresses

if TYPE_CHECKING:
    from ..model.elements import Element

# Git hosts Decap has a backend for: host -> backend name.
BACKENDS = {"github.com": "github", "gitlab.com": "gitlab"}
HOSTS = {backend: host for host, backend in BACKENDS.items()}
HOST_NAMES = {"github": "GitHub", "gitlab": "GitLab"}
# The Markdown toolbar offers only what contributed Markdown may hold (core/validate/safety.py):
# no images, no raw HTML, no code blocks.
MARKDOWN_BUTTONS = ["bold", "italic", "link", "heading-two", "heading-three", "quote",
                    "bulleted-list", "numbered-list"]


@dataclass(frozen=True)
class Repository:
    backend: str  # github | gitlab
    repo: str  # owner/name
    branch: str = "main"

    def folder_url(self, folder: str) -> str:
        """The folder on the git host's website, where its files can be edited."""
        tree = "tree" if self.backend == "github" else "-/tree"
        return f"https://{HOSTS[self.backend]}/{self.repo}/{tree}/{self.branch}/{folder.strip('/')}"


def repository(repo_url: str | None, edit_uri: str | None = None) -> Repository | None:
    """The git host and repository from mkdocs.yml's `repo_url` (and the branch from
    `edit_uri`, e.g. `edit/main/docs/`), or None when Decap has no backend for it."""
    if not repo_url:
        return None
    parts = urlsplit(repo_url)
    backend = BACKENDS.get((parts.hostname or "").lower())
    path = parts.path.strip("/").removesuffix(".git")
    if backend is None or parts.scheme != "https" or path.count("/") != 1:
        return None
    segments = (edit_uri or "").strip("/").split("/")
    branch = segments[1] if len(segments) >= 2 and segments[0] in ("edit", "blob", "tree") else "main"
    return Repository(backend, path, branch)


def signs_in_safely(login_url: str | None) -> bool:
    """Whether `login_url` (mkdocs.yml's extra.werkwijze_beheer_login) is a sign-in service
    Decap may use: an https address with a host."""
    parts = urlsplit(login_url) if isinstance(login_url, str) else None
    return bool(parts and parts.scheme == "https" and parts.hostname)


def _taxonomy_options(spec: FieldSpec, schema: Schema, taxonomies: Taxonomies) -> list[dict]:
    options = [{"label": term.name, "value": term.id} for term in taxonomies[spec.taxonomy]]
    if spec.exclusive:
        options.insert(0, {"label": schema.generic_region_label or spec.exclusive,
                           "value": spec.exclusive})
    return options


def _element_options(spec: FieldSpec, elements: list[Element]) -> list[dict]:
    chosen = [e for e in elements if not spec.target_soort or e.kind == spec.target_soort]
    return [{"label": f"{e.title} ({e.id})", "value": e.id}
            for e in sorted(chosen, key=lambda e: (e.title.casefold(), e.id))]


def _offered(spec: FieldSpec, schema: Schema, taxonomies: Taxonomies, elements: list[Element]) -> list[dict]:
    """What the editor chooses from, named: a taxonomy's terms, the schema's kinds, or the
    existing elements; nothing for free text."""
    if spec.taxonomy:
        return _taxonomy_options(spec, schema, taxonomies)
    if spec.items == "element":
        return _element_options(spec, elements)
    return [{"label": s.label, "value": s.id} for s in schema.soorten.values() if s.id in spec.choices]


def decap_field(spec: FieldSpec, schema: Schema, taxonomies: Taxonomies,
                elements: list[Element]) -> dict:
    """One schema field in Decap's form: its label, help and required flag; the widget
    from its kind (model/fieldkinds/)."""
    field: dict = {"name": spec.name, "label": spec.label, "hint": spec.help,
                   "required": spec.required}
    field.update(kind_of(spec).browser_field(spec, _offered(spec, schema, taxonomies, elements)))
    return field


def _body_field(schema: Schema) -> dict:
    hint = t("beheer.body_hint")
    if schema.region_field is not None:
        facet = schema.facet_of("regions")  # its name names the block (model/elements.py)
        hint += " " + t("beheer.body_regions_hint", block=facet.name if facet else DEFAULT_REGION_BLOCK)
    return {"name": "body", "label": t("beheer.body_label"), "widget": "markdown",
            "hint": hint, "required": False, "buttons": MARKDOWN_BUTTONS,
            # Markdown first: the text is saved as typed (the rich-text view rewrites it).
            "editor_components": [], "modes": ["raw", "rich_text"]}


def element_folders(elements: list[Element], elements_dir: str) -> list[str]:
    """The folders that hold elements, relative to the elements folder ('' for itself)."""
    root = PurePosixPath(elements_dir)
    folders = {PurePosixPath(e.path).parent.relative_to(root).as_posix() for e in elements}
    return sorted("" if f == "." else f for f in folders) or [""]


def _collection(folder: str, schema: Schema, taxonomies: Taxonomies, elements_dir: str,
                fields: list[dict]) -> dict:
    """One collection per folder: an element created in it lands in that folder (one theme's
    folder in this manual), and its file name is its id."""
    themes = taxonomies.get(schema.role_field("themes").taxonomy) if schema.roles.themes else None
    last = folder.rpartition("/")[2]
    label = (themes.label(last) if themes and last in themes else folder) or t("beheer.collection")
    return {
        "name": addresses().elements + ("-" + folder.replace("/", "-") if folder else ""),  # the manual's word
        "label": label,
        "label_singular": t("beheer.collection_singular"),
        "description": t("beheer.collection_description"),
        "folder": f"{elements_dir}/{folder}" if folder else elements_dir,
        "extension": "md",
        "format": "frontmatter",
        "create": True,
        "delete": False,
        "identifier_field": schema.roles.title,
        "summary": "{{" + schema.roles.title + "}}",
        # The file name is the id: the title in lower case, without accents, with hyphens.
        "slug": "{{slug}}",
        "fields": fields,
    }


def decap_config(schema: Schema, taxonomies: Taxonomies, elements: list[Element], *,
                 elements_dir: str, language: str, repo: Repository,
                 site_url: str | None = None, login_url: str | None = None) -> dict:
    """The whole config.yml as data (field order = schema order = the files' order).
    `login_url`: the OAuth service editors sign in through (Decap's `base_url`; without
    it Decap uses Netlify's)."""
    fields = [decap_field(spec, schema, taxonomies, elements)
              for spec in schema.fields.values()] + [_body_field(schema)]
    config: dict = {
        "backend": {"name": repo.backend, "repo": repo.repo, "branch": repo.branch,
                    # Editors without write access work in a fork and end with a pull request.
                    "open_authoring": True,
                    "commit_messages": {
                        "create": t("beheer.commit.create"), "update": t("beheer.commit.update"),
                        "delete": t("beheer.commit.delete"),
                        "openAuthoring": t("beheer.commit.open_authoring")}},
        # Every change becomes a pull request (a branch), never a commit on the main branch.
        "publish_mode": "editorial_workflow",
        "locale": language,
        # Decap requires a media folder; the toolbar offers no images (MARKDOWN_BUTTONS).
        "media_folder": f"{elements_dir}/.media",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [_collection(folder, schema, taxonomies, elements_dir, fields)
                        for folder in element_folders(elements, elements_dir)],
    }
    if signs_in_safely(login_url):
        config["backend"]["base_url"] = login_url
    if site_url:
        config["site_url"] = config["display_url"] = site_url
    return config


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data) -> bool:  # every collection spells its fields out
        return True


def dumps(config: dict) -> str:
    """Stable YAML text (keys in the order above, Unicode kept)."""
    header = "# " + t("beheer.generated") + "\n"
    return header + yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
