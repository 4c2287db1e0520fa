"""A manual's own fragments (`fragments/<name>`) are used at every place that renders that
fragment (issue #23 item 5), `mkdocs serve` rebuilds when one changes, `|safe` is the
manual's own risk (a warning), and the fragments run in Jinja's sandbox."""
from __future__ import annotations

import time
from pathlib import Path

import pytest
from jinja2.sandbox import SandboxedEnvironment

from serve_helpers import serving, wait_for_page
from sitebuilder import Project, element_file
from werkwijze.core.render.fragments import PACKAGE_FRAGMENTS, FragmentError, Fragments, fragments_for
from werkwijze.publish.edition_pages import Published
from werkwijze.core.sources.layout import Layout

# Every fragment rendered outside the Renderer (these ignored a manual's version before).
OUTSIDE_RENDERER = ("reference.md", "print_block.html", "pager.html", "redirect.html",
                    "edition_notice.html", "earlier_editions.html")


def marker(name: str) -> str:
    return f"EIGEN-{name.replace('.', '-')}"


def own_version(name: str) -> str:
    """The package's fragment with a marker the page will show."""
    package = (PACKAGE_FRAGMENTS / name).read_text("utf-8")
    if name.endswith(".md"):
        return package.rstrip("\n") + f"\n\n{marker(name)}\n"
    return package.rstrip("\n") + f"<span>{marker(name)}</span>\n"


LEERLIJN = """\
    titel: Fictieve sessie
    doelgroep: Testers
    duur: Een uur
    stappen:
      - element: goed-overleg
        notitie: Bespreek het overleg.
    """


def _many_elements(count: int) -> dict[str, str]:
    """Enough cards in one theme for the work cards to get a second page (and a pager)."""
    return {f"elements/samenwerking/extra-{n:03d}.md": element_file(titel=f"Extra {n:03d}")
            for n in range(count)}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    files = {f"fragments/{name}": own_version(name) for name in OUTSIDE_RENDERER}
    files.update(_many_elements(61))
    files["data/leerlijnen/sessie.yml"] = LEERLIJN
    files["elements/leren/samen-leren.md"] = element_file(titel="Samen leren", regios=["zuid"],
                                                          aliassen=["oud-leren"])
    project = Project(tmp_path_factory.mktemp("overrides") / "manual", files)
    result = project.build()
    assert result.returncode == 0, result.output
    return result


@pytest.mark.parametrize("url, name", [
    ("elementen/goed-overleg/", "reference.md"),  # "Zo verwijst u naar deze pagina"
    ("hoofdstuk/", "reference.md"),
    ("leerlijnen/sessie/", "print_block.html"),
    ("werkkaarten/", "print_block.html"),
    ("werkkaarten/samenwerking/2/", "pager.html"),
    ("elementen/oud-leren/", "redirect.html"),
])
def test_the_manuals_fragment_is_used_at_every_call_site(built, url, name):
    assert marker(name) in built.page(url)


def test_edition_notices_use_the_manuals_fragments(tmp_path):
    manual = tmp_path / "manual"
    (manual / "fragments").mkdir(parents=True)
    for name in ("edition_notice.html", "earlier_editions.html"):
        (manual / "fragments" / name).write_text(own_version(name), "utf-8")
    site = tmp_path / "public"
    page = '<html><head></head><body><article class="md-content__inner md-typeset"><h1>Start</h1></article></body></html>'
    for folder in (site, site / "edities" / "0.1"):
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "index.html").write_text(page, "utf-8")
    Published(site, "0.2", None, Layout(manual)).finish(["0.2", "0.1"])
    assert marker("edition_notice.html") in (site / "edities" / "0.1" / "index.html").read_text("utf-8")
    assert marker("earlier_editions.html") in (site / "index.html").read_text("utf-8")


def test_fragments_run_in_the_sandbox():
    assert isinstance(Fragments().env, SandboxedEnvironment)


def test_a_changed_fragment_is_used_at_once(tmp_path):
    """One environment per manual is kept, but not after its fragments change (serve)."""
    (tmp_path / "fragments").mkdir()
    own = tmp_path / "fragments" / "back_link.html"
    own.write_text("eerst {{ text }}", "utf-8")
    layout = Layout(tmp_path)
    assert str(fragments_for(layout).render("back_link.html", href="x", text="a")) == "eerst a"
    own.write_text("daarna {{ text }}", "utf-8")
    assert str(fragments_for(layout).render("back_link.html", href="x", text="a")) == "daarna a"


def test_a_fragment_error_names_the_fragment_and_its_line(tmp_path):
    (tmp_path / "fragments").mkdir()
    (tmp_path / "fragments" / "back_link.html").write_text("a\nb\n{{ text.__class__ }}", "utf-8")
    with pytest.raises(FragmentError) as caught:
        fragments_for(Layout(tmp_path)).render("back_link.html", href="x", text="a")
    assert (caught.value.problem.path, caught.value.problem.line) == ("fragments/back_link.html", 3)


def test_safe_is_a_warning_in_the_check_and_allowed_in_the_build(project):
    p = project({"fragments/reference.md": (PACKAGE_FRAGMENTS / "reference.md").read_text("utf-8")
                 .replace("{{ citation }}", "{{ citation | safe }}")})
    check = p.check()
    out = check.stdout + check.stderr
    assert check.returncode == 0, out
    line = next(n for n, text in enumerate(p.root.joinpath("fragments/reference.md").read_text().split("\n"), 1)
                if "| safe" in text)
    assert f"fragments/reference.md:{line}: waarschuwing: " in out
    assert p.build().returncode == 0


def test_fragments_folder_is_watched_under_serve(project):
    p = project({"fragments/back_link.html": (PACKAGE_FRAGMENTS / "back_link.html").read_text("utf-8")})
    with serving(p.root) as (proc, output, base):
        until = time.monotonic() + 40
        page = base + "elementen/goed-overleg/"
        assert wait_for_page(page, "Goed overleg", until), output.text()
        time.sleep(0.3)  # let the watcher settle after the first build
        (p.root / "fragments" / "reference.md").write_text(own_version("reference.md"), "utf-8")
        assert wait_for_page(page, marker("reference.md"), until), output.text()
        assert not any("Traceback" in line for line in output.lines), output.text()


def test_an_element_file_linked_inside_the_manual_is_fine(project):
    """A symbolic link that stays inside the manual (one file kept elsewhere in it) is allowed."""
    p = project({"gedeeld/samen-leren.md": element_file(titel="Samen leren", regios=["zuid"]),
                 "elements/leren/samen-leren.md": None})
    link = p.root / "elements" / "leren" / "samen-leren.md"
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(Path("../../gedeeld/samen-leren.md"))
    assert p.check().returncode == 0
    result = p.build()
    assert result.returncode == 0, result.output
    assert "Samen leren" in result.page("elementen/samen-leren/")


def test_a_byte_order_mark_is_fine(project):
    p = project({"elements/leren/samen-leren.md": "\ufeff" + element_file(titel="Samen leren", regios=["zuid"]),
                 "data/themas.yml": "\ufeff- id: samenwerking\n  naam: Samenwerking\n- id: leren\n  naam: Leren\n"})
    result = p.build()
    assert result.returncode == 0, result.output
