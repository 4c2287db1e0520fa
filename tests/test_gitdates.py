"""'Laatst bijgewerkt' from git history (one process), with an mtime fallback."""
from __future__ import annotations

import os
import subprocess

from werkwijze.core.sources import gitlog
from werkwijze.core.sources.gitdates import dutch_date, last_updated


def git(root, *args, date=None):
    env = {**os.environ, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "t@example.org"}
    if date:
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def write(root, rel, text="x"):
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")


def test_dates_from_one_git_log_and_fallback_for_new_files(tmp_path, monkeypatch):
    git(tmp_path, "init", "-q")
    write(tmp_path, "elements/a/een.md")
    write(tmp_path, "elements/twee.md")
    write(tmp_path, "docs/niet.md")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "eerste", date="2023-01-15T12:00:00+00:00")
    write(tmp_path, "elements/twee.md", "gewijzigd")
    git(tmp_path, "commit", "-q", "-am", "tweede", date="2024-03-05T12:00:00+00:00")
    write(tmp_path, "elements/nieuw.md")  # not committed yet
    os.utime(tmp_path / "elements/nieuw.md", (1699956800, 1699956800))  # 2023-11-14, midday UTC

    calls = []
    real_run = subprocess.run
    monkeypatch.setattr(gitlog.subprocess, "run",
                        lambda *a, **k: calls.append(a) or real_run(*a, **k))
    dates = last_updated(tmp_path, "elements",
                         ["elements/a/een.md", "elements/twee.md", "elements/nieuw.md"])
    assert dates == {"elements/a/een.md": "2023-01-15", "elements/twee.md": "2024-03-05",
                     "elements/nieuw.md": "2023-11-14"}
    assert len(calls) == 1  # one git process for the whole folder


def test_outside_git_the_file_time_is_used(tmp_path, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))  # never find a parent repo
    write(tmp_path, "elements/een.md")
    os.utime(tmp_path / "elements/een.md", (1699956800, 1699956800))
    assert last_updated(tmp_path, "elements", ["elements/een.md", "elements/weg.md"]) == {
        "elements/een.md": "2023-11-14"}


def test_dutch_date():
    assert dutch_date("2024-03-05") == "5 maart 2024"
    assert dutch_date("2021-12-31") == "31 december 2021"


def test_element_page_shows_date_and_edit_link(project):
    p = project()
    os.utime(p.root / "elements/leren/samen-leren.md", (1699956800, 1699956800))
    result = p.build()
    assert result.returncode == 0, result.output
    page = result.page("elementen/samen-leren/")
    assert '<dt>Laatst bijgewerkt</dt><dd><time class="ww-bijgewerkt" datetime="2023-11-14">14 november 2023</time>' in page
    # "Bewerk deze pagina" opens the element's source file, not a generated page.
    assert 'href="https://example.org/repo/edit/main/elements/leren/samen-leren.md"' in page


def test_dates_and_the_changes_page_share_one_git_log(tmp_path, monkeypatch):
    from sitebuilder import Project
    from werkwijze.core.render.changes import changes_page
    from werkwijze.core.model.manual import Layout
    from werkwijze.core.validate.load import load_manual
    from werkwijze.core.urls import Urls

    Project(tmp_path)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "eerste", date="2024-03-05T12:00:00+00:00")
    calls = []
    real_run = subprocess.run
    monkeypatch.setattr(gitlog.subprocess, "run", lambda *a, **k: calls.append(a) or real_run(*a, **k))
    manual = load_manual(Layout(tmp_path))
    dates = last_updated(tmp_path, "elements", [e.path for e in manual.elements.values()],
                         manual.git_history())
    page = changes_page(manual, Urls())
    assert set(dates.values()) == {"2024-03-05"}
    assert "goed-overleg" in page.listing or "Goed overleg" in page.listing
    assert len(calls) == 1
