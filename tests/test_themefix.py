"""adapter/themefix.py: Material's invalid markup repaired, everything else untouched."""
from werkwijze.adapter.themefix import fix_theme_markup


def test_known_material_markup_is_repaired():
    html = ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
            '<input type="text" class="md-search__input" autocorrect="off" autocomplete="off">'
            '<label class="md-nav__link" for="__nav_3" id="__nav_3_label" tabindex="">'
            '<label class="md-nav__title" for="__toc">')
    fixed = fix_theme_markup(html)
    assert 'type="checkbox" id="__drawer">' in fixed
    assert 'autocorrect' not in fixed
    assert 'class="md-search__input" autocomplete="off"' in fixed  # allowed on text inputs
    assert 'tabindex=""' not in fixed
    assert '<label class="md-nav__title">' in fixed


def test_toc_label_kept_when_its_toggle_exists():
    html = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc"><label class="md-nav__title" for="__toc">'
    assert fix_theme_markup(html) == html


def test_other_markup_is_untouched():
    html = '<p tabindex="0">Tekst met autocomplete="off" als woorden</p><input type="text" autocomplete="off">'
    assert fix_theme_markup(html) == html
