"""How readers respond (core/render/contact.py, templates/partials/werkwijze-reageren.html):
the manual's own contact, else an honest pointer to GitHub, else nothing."""
from __future__ import annotations

import pytest

from werkwijze.core.render.contact import contact_line, fallback_contact, manual_contact
from sitebuilder import BASE_FILES, Project


def test_a_contact_is_an_e_mail_address_or_an_https_form():
    mail = manual_contact(" info@voorbeeld.nl ")
    assert (mail.kind, mail.href, mail.text) == ("mail", "mailto:info@voorbeeld.nl", "info@voorbeeld.nl")
    form = manual_contact("https://forms.example.org/reactie?x=1")
    assert (form.kind, form.href, form.text) == ("form", "https://forms.example.org/reactie?x=1", "forms.example.org")


@pytest.mark.parametrize("value", ["javascript:alert(1)", "http://example.org/form", "geen adres",
                                   'https://example.org/"onmouseover=x', "a@b", 42, ["x@y.nl"]])
def test_anything_else_is_no_contact(value):
    assert manual_contact(value) is None


def test_without_a_contact_only_a_github_repository_is_offered():
    github = fallback_contact("https://github.com/org/handboek/")
    assert (github.kind, github.href) == ("github", "https://github.com/org/handboek/issues")
    for repo_url in [None, "https://gitlab.com/org/handboek", "https://github.com/org", "http://github.com/o/r"]:
        assert fallback_contact(repo_url) is None


def test_contact_line_names_the_line_in_mkdocs_yml():
    assert contact_line("site_name: x\nextra:\n  werkwijze_contact: nee\n") == 3


def _mkdocs(extra: str, repo_url: str = "https://example.org/repo") -> str:
    yml = BASE_FILES["mkdocs.yml"].replace("repo_url: https://example.org/repo", f"repo_url: {repo_url}")
    return yml.rstrip(" ") + extra


def test_the_manuals_contact_is_under_every_page_and_promises_nothing_else(tmp_path):
    project = Project(tmp_path / "m", {"mkdocs.yml": _mkdocs("""\
        extra:
          werkwijze_contact: reacties@voorbeeld.nl
        """)})
    result = project.build()
    assert result.returncode == 0, result.output
    html = result.page("elementen/goed-overleg/")
    assert '<a href="mailto:reacties@voorbeeld.nl">reacties@voorbeeld.nl</a>' in html
    assert "GitHub" not in html.split('class="ww-reageren"')[1]
    assert 'class="ww-reageren"' not in result.page("")  # the start page has its own doors


def test_without_a_contact_github_is_named_with_the_account_it_needs_or_nothing_shows(tmp_path):
    github = Project(tmp_path / "g", {"mkdocs.yml": _mkdocs("", "https://github.com/org/handboek")}).build()
    assert github.returncode == 0, github.output
    box = github.page("hoofdstuk/").split('class="ww-reageren"')[1].split("</div>")[0]
    assert 'href="https://github.com/org/handboek/issues"' in box and "account" in box
    none = Project(tmp_path / "n", {"mkdocs.yml": _mkdocs("")}).build()
    assert none.returncode == 0, none.output
    assert 'class="ww-reageren"' not in none.page("hoofdstuk/")


def test_a_contact_that_is_not_one_fails_the_build_with_its_line(tmp_path):
    text = _mkdocs("""\
        extra:
          werkwijze_contact: "javascript:alert(1)"
        """)
    result = Project(tmp_path / "m", {"mkdocs.yml": text}).build()
    assert result.returncode != 0
    import textwrap
    line = contact_line(textwrap.dedent(text))
    assert f"mkdocs.yml:{line}: werkwijze_contact is geen e-mailadres" in result.output
    assert "Traceback" not in result.output
