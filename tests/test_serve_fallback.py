"""`make serve` never freezes: a broken save keeps the last good site served at once, with a
Dutch notice (file, line, message) on every page, and the fix removes it with the normal
reload (plugins/werkwijze/adapter/serve_fallback.py). A real `mkdocs serve`, as `make serve` runs it."""
from __future__ import annotations

import re
import time
import urllib.error
import urllib.request

import pytest

from serve_helpers import get, serving, wait_for_page
from sitebuilder import element_file

ELEMENT = "elements/samenwerking/slecht-overleg.md"
GOOD = element_file(titel="{titel}", soort="belemmerend",
                    samenvatting="Partners praten langs elkaar heen.",
                    body="Zonder overleg loopt het vast.")
BROKEN = GOOD.format(titel="Kapot overleg").replace("[samenwerking]", "[samenwerkin]")
MESSAGE = "Onbekende waarde 'samenwerkin' in 'themas'. Bedoelde u 'samenwerking'?"
NOTICE = "Uw laatste wijziging staat nog niet op de site."
WRITTEN = "De site is gebouwd, maar de gewone bouw (make build) zou hierdoor stoppen."
DEADLINE = 60  # seconds for the whole scenario (three builds on a busy machine)


def _epoch(page: str) -> int:
    """The site version the livereload script on a served page knows."""
    return int(re.search(r"livereload\((\d+),", page).group(1))


def _fetch(url: str) -> tuple[int, str]:
    """Status and body, also of an error page (serve_helpers.get drops those)."""
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def _builds(output) -> int:
    return sum("Documentation built" in line for line in list(output.lines))


@pytest.mark.parametrize("mode", [["--dirty", "--strict"], ["--strict"]], ids=["make-serve", "clean"])
def test_a_broken_save_keeps_the_last_good_site_with_a_notice(project, mode):
    p = project({ELEMENT: GOOD.format(titel="Slecht overleg")})
    with serving(p.root, *mode) as (proc, output, base):
        until = time.monotonic() + DEADLINE
        page = base + "elementen/slecht-overleg/"
        assert wait_for_page(page, "Slecht overleg", until), output.text()
        assert output.wait_for("Serving on", until), output.text()
        _, first = get(page)
        time.sleep(0.5)  # let the watcher settle after the first build

        (p.root / ELEMENT).write_text(BROKEN, "utf-8")
        assert output.wait_for("de site is niet gebouwd met deze wijziging", until), output.text()
        assert f"{ELEMENT}:5: {MESSAGE}" in output.text()
        # Answered at once (get() gives up after 2 s), the last good version, with the notice.
        for path in ("elementen/slecht-overleg/", "", "themas/samenwerking/", "bestaat-niet/"):
            started = time.monotonic()
            status, body = _fetch(base + path)
            assert time.monotonic() - started < 2, path
            assert status == (404 if path == "bestaat-niet/" else 200), (path, output.text())
            assert NOTICE in body, path
            assert f"<code>{ELEMENT}:5</code>" in body and "Onbekende waarde &#x27;samenwerkin&#x27;" in body
            assert body.index(NOTICE) < body.index('class="md-header'), "the notice is on top"
        _, kept = get(page)
        assert "Slecht overleg" in kept and "Kapot overleg" not in kept
        # The browser reloads by itself: the server now announces a newer version.
        status, newest = get(base.split("/handboek/")[0] + f"/livereload/{_epoch(first)}/1")
        assert status == 200 and int(newest) > _epoch(first)
        # Data files are served unchanged.
        status, data = get(base + "elementen.json")
        assert status == 200 and NOTICE not in data and "Slecht overleg" in data
        assert proc.poll() is None and not any("Traceback" in line for line in output.lines)

        # The fix: a normal build, no notice, the new text on every page that shows it.
        builds = _builds(output)
        (p.root / ELEMENT).write_text(GOOD.format(titel="Beter overleg"), "utf-8")
        assert wait_for_page(page, "Beter overleg", until), output.text()
        while _builds(output) == builds:
            assert time.monotonic() < until, output.text()[-3000:]
            time.sleep(0.1)
        for path in ("elementen/slecht-overleg/", "", "themas/samenwerking/", "elementen/goed-overleg/"):
            status, body = get(base + path)
            assert status == 200 and NOTICE not in body, path
        _, theme = get(base + "themas/samenwerking/")
        assert "Beter overleg" in theme and "Slecht overleg" not in theme
        assert output.wait_for("De fouten zijn hersteld", until), output.text()


def test_build_still_fails_on_the_same_error(project):
    p = project({ELEMENT: BROKEN})
    result = p.build("mkdocs", "--strict")
    assert result.returncode != 0
    assert f"{ELEMENT}:5: {MESSAGE}" in result.output
    assert NOTICE not in result.output and not (p.root / "site" / "index.html").exists()


def test_a_strict_warning_shows_the_new_pages_with_the_warning(project):
    """MkDocs' own strict-mode warnings (here: a nav entry to a missing page) stop the build
    only after every page was written: the preview shows them, with the warning on top."""
    p = project()
    with serving(p.root, "--dirty", "--strict") as (proc, output, base):
        until = time.monotonic() + DEADLINE
        assert wait_for_page(base, "Welkom", until), output.text()
        assert output.wait_for("Serving on", until), output.text()
        time.sleep(0.5)
        config = p.root / "mkdocs.yml"
        config.write_text(config.read_text("utf-8").replace(
            "  - Hoofdstuk: hoofdstuk.md", "  - Hoofdstuk: hoofdstuk.md\n  - Weg: weg.md"), "utf-8")
        (p.root / "docs/index.md").write_text("# Start\n\nEen nieuwe welkomstzin.\n", "utf-8")
        assert output.wait_for("waardoor make build zou stoppen", until), output.text()
        status, body = _fetch(base)
        assert status == 200 and "Een nieuwe welkomstzin." in body
        assert WRITTEN in body and "weg.md" in body
        assert not any("Traceback" in line for line in output.lines)
        config.write_text(config.read_text("utf-8").replace("\n  - Weg: weg.md", ""), "utf-8")
        until = time.monotonic() + DEADLINE
        while WRITTEN in _fetch(base)[1]:
            assert time.monotonic() < until, output.text()[-3000:]
            time.sleep(0.2)
        assert proc.poll() is None


def test_an_element_renamed_without_alias_shows_the_published_url_error(project):
    """The published-URL check fails after every page was written: served, with its message.
    (Under --dirty the old page stays in the serve folder, so only a clean serve fails.)"""
    p = project({"tests/published-urls.txt": "/\n/elementen/slecht-overleg/\n"})
    with serving(p.root, "--strict") as (proc, output, base):
        until = time.monotonic() + DEADLINE
        assert wait_for_page(base + "elementen/slecht-overleg/", "Slecht overleg", until), output.text()
        assert output.wait_for("Serving on", until), output.text()
        time.sleep(0.5)
        helper = p.root / "elements/samenwerking/goed-overleg.md"  # refers to it: drop that
        helper.write_text(helper.read_text("utf-8").replace("helpt_tegen: [slecht-overleg]", "helpt_tegen: []"), "utf-8")
        (p.root / ELEMENT).rename(p.root / "elements/samenwerking/stroef-overleg.md")
        assert output.wait_for("waardoor make build zou stoppen", until), output.text()
        status, body = _fetch(base + "elementen/stroef-overleg/")
        assert status == 200 and WRITTEN in body
        assert "/elementen/slecht-overleg/ bestaat niet meer in de site" in body
        assert proc.poll() is None and not any("Traceback" in line for line in output.lines)
