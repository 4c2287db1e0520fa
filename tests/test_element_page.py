"""The element page puts its substance first (issue 20): a summary panel, the kern, the
related elements by kind, the questions as a card; the lead is not said twice."""
from __future__ import annotations

import pytest

from sitebuilder import Project, element_file
from test_build_pages import article, section
from werkwijze.core.render.render import _same_sentence


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = Project(tmp_path_factory.mktemp("page") / "m", {
        "elements/samenwerking/zelfde-zin.md": element_file(
            "Partners overleggen *elke week*. Dat helpt.\n",
            titel="Zelfde zin", samenvatting="Partners overleggen elke week.",
            gerelateerd=["goed-overleg", "slecht-overleg"]),
    })
    result = project.build("mkdocs", "--strict")
    assert result.returncode == 0, result.output
    return result


def test_the_lead_is_not_repeated_when_the_kern_begins_with_it(site):
    same = article(site.page("elementen/zelfde-zin/"))
    assert "ww-samenvatting--groot" not in same
    assert same.count("elke week") == 1
    other = article(site.page("elementen/goed-overleg/"))
    assert '<p class="ww-samenvatting ww-samenvatting--groot">' in other


def test_the_summary_panel_comes_before_the_kern_and_names_theme_who_and_status(site):
    page = article(site.page("elementen/goed-overleg/"))
    panel = page[page.index('<div class="ww-paneel">'):page.index('<h2 id="kern"')]
    for label in ["Thema", "Betrokkenen", "Status"]:
        assert f"<dt>{label}</dt>" in panel, label
    assert "ww-soort--werkzaam" in panel


def test_related_elements_are_grouped_by_kind_without_the_who_line(site):
    related = section(article(site.page("elementen/zelfde-zin/")), "gerelateerd")
    assert related.index('id="gerelateerd-werkzaam"') < related.index("goed-overleg")
    assert related.index('id="gerelateerd-belemmerend"') < related.index("slecht-overleg")
    assert "ww-wie" not in related


def test_the_questions_are_a_card(site):
    questions = section(article(site.page("elementen/goed-overleg/")), "reflectievragen")
    assert '<div class="ww-vragenkaart">' in questions and "Hoe vaak overlegt u?" in questions


@pytest.mark.parametrize("summary, kern, same", [
    ("Partners overleggen elke week.", "Partners overleggen **elke week**. Meer.", True),
    ("Partners overleggen elke week", "Partners overleggen elke week. Meer.", True),
    ("Partners overleggen.", "Partners overleggen elke week. Meer.", False),
    ("Iets.", "", False),
])
def test_same_sentence(summary, kern, same):
    assert _same_sentence(summary, kern) is same


def test_shared_links_preview_the_element_with_escaped_values(tmp_path):
    project = Project(tmp_path / "m", {
        "elements/samenwerking/lastig.md": element_file(
            titel='Over "aanhalingstekens" & <b>vet</b>',
            samenvatting='Een samenvatting met "quotes", <script>x</script> & meer.'),
    })
    result = project.build("mkdocs", "--strict")
    assert result.returncode == 0, result.output
    html = result.page("elementen/lastig/")
    head = html[:html.index("</head>")]
    summary = "Een samenvatting met &quot;quotes&quot;, &lt;script&gt;x&lt;/script&gt; &amp; meer."
    assert f'<meta name="description" content="{summary}">' in head
    assert f'<meta property="og:description" content="{summary}">' in head
    assert f'<meta name="twitter:description" content="{summary}">' in head
    assert '<meta property="og:title" content="Over &#34;aanhalingstekens&#34; &amp; &lt;b&gt;vet&lt;/b&gt;">' in head
    assert '<meta property="og:url" content="https://example.org/handboek/elementen/lastig/">' in head
    assert "<script>x" not in html
    # The title leads with the page's own name, then the site's name.
    assert "<title>Goed overleg - Testhandboek</title>" in result.page("elementen/goed-overleg/")


def test_every_page_but_the_start_shows_where_it_sits(site):
    element = article(site.page("elementen/goed-overleg/"))
    trail = element[element.index('<nav class="ww-pad"'):element.index("</nav>")]
    assert 'href="../../"' in trail or 'href="../.."' in trail
    assert 'href="../">' in trail  # the overview of the elements
    assert 'class="ww-pad"' not in site.page("")
