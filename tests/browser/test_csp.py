"""The Content-Security-Policy as a <meta> in every page (GitHub Pages sends no headers):
the Content-Security-Policy `werkwijze publiceer` writes (werkwijze.publish.csp) on the real manual's build, then every page in Chromium with
no violation, served without any header."""
from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from werkwijze.publish import csp

from reader_helpers import open_search
from safety_helpers import page_urls, serve

REPO = Path(__file__).resolve().parents[2]
# The path of site_url in mkdocs.yml ('werkwijze'): the 404 page links to /werkwijze/assets/.
MOUNT = urlsplit(re.search(r"^site_url:\s*(\S+)", (REPO / "mkdocs.yml").read_text("utf-8"),
                           re.M).group(1)).path.strip("/")
LISTEN = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e =>
  window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline')));
"""


@pytest.fixture(scope="module")
def site(real_site, tmp_path_factory) -> Path:
    """A copy of the real manual's build with the policy written into its pages, in a
    folder named like the site_url path."""
    copy = tmp_path_factory.mktemp("csp-meta") / MOUNT
    shutil.copytree(real_site.root, copy)
    assert csp.write_meta(copy) == len(list(copy.rglob("*.html")))
    return copy


def test_every_page_has_the_policy_before_anything_it_loads(site):
    value = csp.policy(site, meta=True)
    assert "frame-ancestors" not in value and "default-src 'none'" in value
    for page in site.rglob("*.html"):
        text = page.read_text("utf-8")
        assert text.count('http-equiv="Content-Security-Policy"') == 1, page
        head = text[:text.index("</head>")]
        meta = head.index('http-equiv="Content-Security-Policy"')
        for tag in re.finditer(r"<(script|style)\b|<link\b(?![^>]*rel=\"canonical\")", head):
            assert tag.start() > meta, (page, tag.group(0))
    # Running it again replaces the policy instead of adding a second one.
    csp.write_meta(site)
    assert (site / "index.html").read_text("utf-8").count("Content-Security-Policy") == 1


def test_no_csp_violation_on_any_page_type(site, browser):
    urls = page_urls(site)
    assert {"", "elementen/", "bronnen/", "regios/", "leerlijnen/", "werkkaarten/"} <= set(urls)
    with serve(site.parent) as root:  # no headers: the pages carry the policy themselves
        base = f"{root}{MOUNT}/"
        context = browser.new_context()
        context.add_init_script(LISTEN)
        page = context.new_page()
        console: list[str] = []
        page.on("console", lambda m: console.append(f"{m.type}: {m.text}")
                if m.type == "error" or "Content Security Policy" in m.text else None)
        page.on("pageerror", lambda e: console.append(str(e)))

        def visit(url: str, act=None):
            page.goto(base + url, wait_until="load")
            if act:
                act()
            page.wait_for_timeout(50)
            assert page.evaluate("window.__csp") == [] and console == [], url

        for url in urls:
            visit(url)
        visit("404.html")
        visit("elementen/", lambda: open_search(page, "partnerschap"))
        visit("elementen/?soort=werkzaam", lambda: page.wait_for_timeout(300))
        context.close()


def test_the_meta_policy_blocks_what_it_does_not_allow(site, browser, tmp_path):
    """The check above can fail: a page with an unknown inline script is refused."""
    page_file = site / "index.html"
    probe = tmp_path / "site"
    shutil.copytree(site, probe)
    text = page_file.read_text("utf-8").replace("</body>", "<script>window.__ran = 1</script></body>")
    (probe / "index.html").write_text(text, "utf-8")
    with serve(probe) as base:
        context = browser.new_context()
        context.add_init_script(LISTEN)
        page = context.new_page()
        page.goto(base, wait_until="load")
        page.wait_for_timeout(50)
        assert page.evaluate("window.__ran") is None
        assert any("script-src" in v for v in page.evaluate("window.__csp"))
        context.close()
