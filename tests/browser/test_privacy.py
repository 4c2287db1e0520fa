"""Privacy by default (issue 6), in Chromium, over every page of the real manual:
no request to any other host, no cookies, and no Content-Security-Policy violation when
the pages are served with the policy werkwijze.publish.csp gives for the built site."""
from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from werkwijze.publish import csp

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reader_helpers import open_search  # noqa: E402
from safety_helpers import page_urls, serve  # noqa: E402

pytestmark = pytest.mark.browser
REPO = Path(__file__).resolve().parents[2]

# Record violations from the first moment of every page.
LISTEN = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e =>
  window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' +
                    (e.sourceFile || '') + ':' + e.lineNumber));
"""


@pytest.fixture(scope="module")
def site(real_site) -> Path:
    """The real manual, built once by conftest's `real_site` (we serve it with a CSP)."""
    return real_site.root


def test_csp_allows_exactly_the_inline_scripts_of_the_site(site):
    policy = csp.policy(site)
    assert "default-src 'none'" in policy and "'unsafe-inline'" not in policy
    assert "'unsafe-eval'" not in policy and "https:" not in policy
    assert policy.count("'sha256-") >= 2  # Material's inline helpers, per folder depth


def test_no_third_party_request_no_cookie_no_csp_violation_on_any_page(site, browser):
    policy = csp.policy(site)
    urls = page_urls(site)
    assert {"", "elementen/", "bronnen/", "regios/", "privacy/", "toegankelijkheid/"} <= set(urls)
    assert sum(u.startswith("elementen/") for u in urls) > 5
    with serve(site, {"Content-Security-Policy": policy}) as base:
        context = browser.new_context()
        context.add_init_script(LISTEN)
        page = context.new_page()
        own_host = urlsplit(base).netloc
        foreign: list[str] = []
        page.on("request", lambda r: None if urlsplit(r.url).netloc in (own_host, "")
                else foreign.append(r.url))
        console: list[str] = []
        page.on("console", lambda m: console.append(m.text)
                if "Content Security Policy" in m.text else None)

        def visit(url: str, act=None):
            page.goto(base + url, wait_until="load")
            if act:
                act()
            page.wait_for_timeout(50)
            violations = page.evaluate("window.__csp")
            assert not violations and not console, f"{url}: {violations or console}"
            assert page.evaluate("document.cookie") == "", url

        for url in urls:
            visit(url)

        def search():
            open_search(page, "partnerschap")
        visit("elementen/", search)

        def filter_and_tabs():
            page.wait_for_timeout(300)
            for box in page.locator("input[type=checkbox]").all()[:3]:
                if box.is_visible():
                    box.check()
            page.wait_for_timeout(200)
        visit("elementen/?soort=werkzaam", filter_and_tabs)

        assert foreign == [], f"requests to other hosts: {foreign}"
        assert context.cookies() == []


def test_detection_sees_foreign_requests_and_csp_violations(tmp_path, browser):
    (tmp_path / "index.html").write_text(
        "<!doctype html><title>x</title><img src='http://192.0.2.1/p.png'>"
        "<script>document.cookie='a=1'</script>", "utf-8")
    with serve(tmp_path, {"Content-Security-Policy": "default-src 'self'"}) as base:
        page = browser.new_context().new_page()
        page.add_init_script(LISTEN)
        page.goto(base, wait_until="load")
        page.wait_for_timeout(100)
        violations = page.evaluate("window.__csp")
        assert any("img-src" in v for v in violations), violations
        assert any("script-src" in v for v in violations), violations
    with serve(tmp_path) as base:
        page = browser.new_context().new_page()
        foreign: list[str] = []
        page.on("request", lambda r: foreign.append(r.url) if "192.0.2.1" in r.url else None)
        page.goto(base, wait_until="domcontentloaded")
        assert foreign and page.evaluate("document.cookie") == "a=1"
