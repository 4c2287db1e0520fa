"""Contributed Markdown policy (core/validate/safety.py), the HTML sanitiser behind it, external
link marking, source mapping of MkDocs' messages, and the YAML/size limits."""
from __future__ import annotations

from pathlib import Path

import pytest

from sitebuilder import element_file, with_body
from werkwijze.core.sources import frontmatter
from werkwijze.core.sources import yamltree
from werkwijze.core.validate.safety import check_markdown, clean_html, mark_external_links
from werkwijze.adapter.sourcemap import Source, map_message

UNSAFE = {
    "script tag": ("Tekst <script>window.__xss=1</script>", "<script>"),
    "style tag": ("<style>body{display:none}</style>", "<style>"),
    "iframe": ('<iframe src="https://example.org"></iframe>', "<iframe>"),
    "object": ('<object data="x.swf"></object>', "<object>"),
    "embed": ('<embed src="x.swf">', "<embed>"),
    "form": ('<form action="https://example.org"><button>Stuur</button></form>', "<form>"),
    "svg with onload": ("<svg onload=alert(1)>", "<svg>"),
    "event handler": ('<img src="foto.png" onerror="alert(1)">', "'onerror'"),
    "event handler, upper case": ('<span ONMOUSEOVER="alert(1)">x</span>', "'onmouseover'"),
    "style attribute": ('<span style="background:url(https://x.org/t.png)">x</span>', "'style'"),
    "javascript href": ('<a href="javascript:alert(1)">klik</a>', "'javascript:'"),
    "hidden javascript href": ('<a href="jav&#x61;script:alert(1)">klik</a>', "'javascript:'"),
    "javascript href over lines": ('<a href="java\nscript:alert(1)">klik</a>', "'javascript:'"),
    "vbscript href": ("<a href='vbscript:msgbox(1)'>klik</a>", "'vbscript:'"),
    "data src": ('<img src="data:image/svg+xml,<svg onload=alert(1)>">', "'data:'"),
    "hidden scheme in markdown link": ("[klik](jav&#x61;script:alert(1))", "'javascript:'"),
    "remote markdown image": ("![foto](https://tracker.example/p.png)", "andere website"),
    "remote image by reference": ("![foto][f]\n\n[f]: https://tracker.example/p.png", "andere website"),
    "remote html image": ('<img src="https://tracker.example/p.png" alt="">', "andere website"),
    "attr_list event handler": ("Een alinea.\n{: onclick=\"window.__xss=1\" }", "'onclick'"),
    "attr_list href": ("[klik](goed.md){: href='javascript:alert(1)' }", "'javascript:'"),
    "remote srcset": ('<img src="a.png" srcset="a.png 1x, https://x.org/b.png 2x">', "andere website"),
}


@pytest.mark.parametrize("text, phrase", UNSAFE.values(), ids=UNSAFE.keys())
def test_unsafe_markdown_is_reported_with_its_line(text, phrase):
    findings = check_markdown("Eerste regel.\n\n" + text + "\n\nLaatste regel.", 20)
    assert findings, text
    assert findings[0][0] == 22 + (text.count("\n") if "{:" in text else 0)
    assert any(phrase in message for _, message in findings), findings
    assert all("\n" not in message for _, message in findings)


SAFE = [
    "Gewone tekst met *nadruk* en een [link](https://example.org) en [mail](mailto:a@b.nl).",
    "Een [relatieve link](../ander/element.md#kop) en ![foto](../plaatjes/foto.png).",
    "<abbr title=\"Centrum voor Jeugd en Gezin\">CJG</abbr> en <details><summary>Meer</summary>x</details>",
    "In code mag alles: `<script>alert(1)</script>` en `[x](javascript:alert(1))`.",
    "```html\n<script>alert(1)</script>\n<iframe src=x></iframe>\n```",
    "Tekst.\n\n    <script>indented code</script>\n\nMeer tekst.",
    "Kleiner dan: 3 < 4 en een pijl -> en <3.",
    "## Kop {: #eigen-id .klasse }\n\nTekst in {accolades} en {a=b}.",
]


@pytest.mark.parametrize("text", SAFE)
def test_ordinary_markdown_and_code_examples_pass(text):
    assert check_markdown(text, 1) == []


def test_sanitiser_removes_what_the_check_forbids_and_keeps_material_markup():
    tabs = ('<div class="tabbed-set tabbed-alternate" data-tabs="1:2"><input checked="checked" '
            'id="__tabbed_1_1" name="__tabbed_1" type="radio"><div class="tabbed-labels">'
            '<label for="__tabbed_1_1">Kern</label></div></div>'
            '<div class="admonition note"><p class="admonition-title">Let op</p></div>'
            '<h2 id="kern">Kern<a class="headerlink" href="#kern" title="Permanent link">¶</a></h2>')
    assert clean_html(tabs) == tabs
    dirty = ('<p onclick="alert(1)">a<script>window.__xss=1</script><style>*{}</style>'
             '<a href="javascript:alert(1)">b</a><img src="x" onerror="alert(1)">'
             '<iframe src="https://x.org"></iframe><form action="x"><input></form></p>')
    cleaned = clean_html(dirty)
    for bad in ("onclick", "<script", "__xss", "<style", "javascript:", "onerror", "<iframe", "<form"):
        assert bad not in cleaned, cleaned


def test_external_links_get_noopener_noreferrer():
    out = mark_external_links('<a href="https://x.org" rel="me">x</a> <a href="../y/">y</a> '
                              '<a href="mailto:a@b.nl">m</a> <a class="c" href=\'http://q.nl\'>q</a>')
    assert out.count('rel="noopener noreferrer"') == 2
    assert 'rel="me"' not in out
    assert '<a href="../y/">' in out and '<a href="mailto:a@b.nl">' in out


@pytest.mark.parametrize("href", ["h&#116;tp://x.org", "HTTPS://x.org", "ht\ttp://x.org", "http&#58;//x.org"])
def test_a_disguised_scheme_is_still_seen_as_leaving_the_site(href):
    # The pass over the links is skipped for pages whose links hold no ":" and no "&":
    # a scheme spelled with an entity or a control character still counts.
    out = mark_external_links(f'<p><a href="../a/">a</a> <a href="{href}">x</a></p>')
    assert out.count('rel="noopener noreferrer"') == 1, out


def test_a_page_without_external_links_comes_back_as_it_is():
    page = '<p><a href="../a/">a</a> <a href=\'#kern\'>b</a></p>'
    assert mark_external_links(page) is page


def test_mkdocs_messages_about_element_pages_point_at_the_element_file():
    sources = {"elementen/goed.md": Source("elements/thema/goed.md", "Tekst.\n\nZie [x](../b/ander.md#weg).", 12)}
    message = ("Doc file 'elementen/goed.md' contains a link 'ander.md#weg', but the doc "
               "'elementen/ander.md' does not contain an anchor '#weg'.")
    assert map_message(message, sources).startswith("elements/thema/goed.md:14: Doc file "
                                                    "'elements/thema/goed.md' contains")
    assert map_message("Doc file 'index.md' is fine", sources) == "Doc file 'index.md' is fine"


# -- YAML and size limits ---------------------------------------------------------------
def test_yaml_aliases_anchors_and_deep_nesting_are_refused_with_a_line():
    laughs = "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n"
    with pytest.raises(yamltree.YamlProblem) as exc:
        yamltree.parse(laughs, first_line=2)
    assert exc.value.line == 2 and "Ankers" in exc.value.message
    nested = "a:\n" + "".join("  " * i + "- \n" for i in range(1, 3)) + "b: " + "[" * 20 + "]" * 20
    with pytest.raises(yamltree.YamlProblem) as exc:
        yamltree.parse(nested, first_line=2)
    assert "te diep genest" in exc.value.message and exc.value.line == 5


def test_yaml_1_1_values_stay_text():
    root = yamltree.parse("a: NO\nb: 2024-01-05\nc: 1.0\nd: on\n")
    assert [root.items[k][1].value for k in "abcd"] == ["NO", "2024-01-05", "1.0", "on"]


def test_file_and_front_matter_size_limits():
    with pytest.raises(frontmatter.DocumentProblem) as exc:
        frontmatter.decode(b"x" * (frontmatter.MAX_FILE_BYTES + 1))
    assert exc.value.line == 1 and "te groot" in exc.value.message
    with pytest.raises(frontmatter.DocumentProblem) as exc:
        frontmatter.split("---\n" + "a: b\n" * 10_000 + "---\n")
    assert exc.value.line == 2 and "te lang" in exc.value.message


# -- through the real check and build ---------------------------------------------------
ELEMENT = element_file(titel="Onveilig element",
                       samenvatting="Fictief element met code die niet mag.",
                       body="""\
Gewone tekst.

<script>window.__xss = 1</script>

Een [link](javascript:alert(1)) en <a href="vbscript:x">nog een</a>.

/// regio | noord
<img src="x.png" onerror="window.__xss=1">
///""")


def test_check_and_build_refuse_unsafe_bodies_with_file_and_line(project):
    manual = project({"elements/nieuw/onveilig.md": ELEMENT})
    check = manual.check()
    assert check.returncode == 1
    lines = [line for line in check.stdout.splitlines() if line.startswith("elements/nieuw/")]
    assert [line.split(": ", 1)[0] for line in lines] == [
        "elements/nieuw/onveilig.md:13", "elements/nieuw/onveilig.md:15",
        "elements/nieuw/onveilig.md:15", "elements/nieuw/onveilig.md:18"], check.stdout
    build = manual.build()
    assert build.returncode != 0 and "Traceback" not in build.output
    assert "elements/nieuw/onveilig.md:18: Het HTML-attribuut 'onerror'" in build.output


def test_element_pages_keep_region_headings_and_mark_external_links(project):
    manual = project({"elements/leren/samen-leren.md": with_body("elements/leren/samen-leren.md", """\
        Leren gaat samen beter, zie [de bron](https://example.org/bron) en
        <abbr title="Fictieve afkorting">FA</abbr>.
        """)})
    result = manual.build("mkdocs", "--strict")
    assert result.returncode == 0, result.output
    page = result.page("elementen/goed-overleg/")
    assert 'id="regio-dorp"' in page and 'data-regio="dorp"' in page and 'data-regios="generiek"' in page
    learn = result.page("elementen/samen-leren/")
    assert '<a href="https://example.org/bron" rel="noopener noreferrer">de bron</a>' in learn
    assert '<abbr title="Fictieve afkorting">FA</abbr>' in learn


def test_anchor_warnings_point_at_the_element_file_and_fail_strict(project):
    manual = project({"elements/samenwerking/slecht-overleg.md": element_file(
        titel="Slecht overleg", soort="belemmerend",
        samenvatting="Partners praten langs elkaar heen.",
        body="Zonder overleg loopt het vast.\n\n"
             "Zie [samen leren](../leren/samen-leren.md#bestaat-niet).")})
    config = (manual.root / "mkdocs.yml").read_text("utf-8")
    (manual.root / "mkdocs.yml").write_text(config + "validation:\n  anchors: warn\n", "utf-8")
    result = manual.build("mkdocs", "--strict")
    assert result.returncode != 0
    assert "elements/samenwerking/slecht-overleg.md:13: " in result.output, result.output


def test_snippets_if_ever_enabled_stay_inside_the_repository():
    import yaml
    config = yaml.load((Path(__file__).resolve().parent.parent / "mkdocs.yml").read_text("utf-8"),
                       Loader=yaml.BaseLoader)
    for entry in config.get("markdown_extensions", []):
        name, options = (entry, {}) if isinstance(entry, str) else next(iter(entry.items()))
        if name == "pymdownx.snippets":
            assert (options or {}).get("restrict_base_path", "true") in ("true", True)
