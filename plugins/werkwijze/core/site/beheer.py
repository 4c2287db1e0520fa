"""The browser editor at `/beheer/`: its page, its generated config.yml and the vendored CMS.

Only for a manual whose `repo_url` names a git host Decap CMS has a backend for (GitHub,
GitLab): without a repository there is nothing to propose a change to. The editor itself
needs the https service its editors sign in through (`extra.werkwijze_beheer_login`, an
OAuth proxy the manual's owners run): the page talks to nobody else but the git host's
API. Until the owners name one, `/beheer/` says so and where an element can be edited
meanwhile (the elements folder on the git host), so the address an editor was given
never ends in "not found". The page is a plain
HTML file (not a Markdown page), so it stays out of the navigation, the sitemap and the
search; it says `noindex`. Its Content-Security-Policy is its own (publish/csp.py).
"""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from ..i18n import active
from ..render.decapconfig import HOST_NAMES, decap_config, dumps, repository, signs_in_safely
from ..render.fragments import fragments_for
from ..paths import addresses

if TYPE_CHECKING:
    from ..model.manual import Manual

VENDORED = Path(str(resources.files("werkwijze").joinpath("assets", "beheer")))
VENDOR_RECORD = VENDORED / "vendor.json"


def vendored_files() -> dict[str, Path]:
    """Site path -> the vendored CMS file (the bundle, its chunks, its licence)."""
    record = json.loads(VENDOR_RECORD.read_text("utf-8"))
    return {f"{addresses().editor}/{name}": VENDORED / name for name in record["files"]}


def beheer_files(manual: Manual, site_name: str, site_url: str | None, repo_url: str | None,
                 edit_uri: str | None, login_url: str | None = None
                 ) -> tuple[dict[str, str], dict[str, Path]]:
    """(site path -> text, site path -> file to copy); both empty without a usable repo_url.
    `login_url`: mkdocs.yml's `extra.werkwijze_beheer_login` (decapconfig.decap_config)."""
    repo = repository(repo_url, edit_uri)
    if repo is None or edit_uri == "":  # pages without edit links (frozen editions): no editor
        return {}, {}
    if not signs_in_safely(login_url):
        # Without its own sign-in service Decap signs editors in through Netlify's
        # (api.netlify.com): a third party. No editor until the manual names one.
        page = fragments_for(None).render(
            "beheer.html", language=active().language, site_name=site_name,
            host=HOST_NAMES[repo.backend], folder_url=repo.folder_url(manual.layout.elements_dir))
        return {addresses().editor_page: str(page) + "\n"}, {}
    config = decap_config(manual.schema, manual.taxonomies, list(manual.elements.values()),
                          elements_dir=manual.layout.elements_dir, language=active().language,
                          repo=repo, site_url=site_url, login_url=login_url)
    # The package's fragment only (no manual override): editors sign in on this page.
    page = fragments_for(None).render("beheer.html", language=active().language, site_name=site_name,
                                      host=None, folder_url=None)
    return ({addresses().editor_page: str(page) + "\n", addresses().editor_config: dumps(config)},
            vendored_files())
