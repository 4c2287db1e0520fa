"""adapter/themefix.py: Material's invalid markup repaired, everything else untouched, and
every repair still needed: a real build fails this test the moment Material stops writing
the markup a repair looks for (issue #19: no repair layer may stop working silently)."""
from __future__ import annotations

from werkwijze.adapter import themefix
from werkwijze.adapter.themefix import REPAIRS, fix_theme_markup

from sitebuilder import Project


def test_known_material_markup_is_repaired():
    html = ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
            '<input type="text" class="md-search__input" autocomplete="off">'
            '<label class="md-nav__link" for="__nav_3" id="__nav_3_label" tabindex="">'
            '<label class="md-nav__title" for="__toc">')
    applied: set[str] = set()
    fixed = fix_theme_markup(html, applied)
    assert 'type="checkbox" id="__drawer">' in fixed
    assert 'class="md-search__input" autocomplete="off"' in fixed  # allowed on text inputs
    assert 'tabindex=""' not in fixed
    assert '<label class="md-nav__title">' in fixed
    assert applied == {r.name for r in REPAIRS}


def test_toc_label_kept_when_its_toggle_exists():
    html = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc"><label class="md-nav__title" for="__toc">'
    assert fix_theme_markup(html) == html


def test_other_markup_is_untouched():
    html = '<p tabindex="0">Tekst met autocomplete="off" als woorden</p><input type="text" autocomplete="off">'
    assert fix_theme_markup(html) == html


def test_every_repair_still_finds_its_markup_in_a_real_build(tmp_path, monkeypatch):
    """In-process build of a small manual (pages in and out of the nav, sections), with the
    plugin's repair recording what it changed."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    import werkwijze.plugin as plugin
    applied: set[str] = set()
    monkeypatch.setattr(plugin, "fix_theme_markup", lambda html: themefix.fix_theme_markup(html, applied))
    project = Project(tmp_path / "manual", {})
    config_file = project.root / "mkdocs.yml"  # a nav with a section, as this manual's
    text = config_file.read_text("utf-8").replace(
        "features: [content.tabs.link, content.action.edit]",
        "features: [content.tabs.link, content.action.edit, navigation.sections]")
    config_file.write_text(text.replace("  - Hoofdstuk: hoofdstuk.md\n  - Elementen: elementen/index.md",
                                        "  - Deel:\n      - Hoofdstuk: hoofdstuk.md\n"
                                        "      - Elementen: elementen/index.md"), "utf-8")
    config = load_config(str(project.root / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    monkeypatch.chdir(project.root)
    build(config)
    missing = {r.name for r in REPAIRS} - applied
    assert not missing, (f"Material no longer writes the markup these repairs fix: {sorted(missing)}. "
                         "Remove them from adapter/themefix.py (or follow the new markup).")
