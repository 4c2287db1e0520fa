"""`mkdocs serve --dirty` (make serve): a save rebuilds only the pages it changes, and
those are all of them: the element's page, the pages that list it, the search index
(adapter/pagecache.py; the Pagefind index: plugins/werkwijze/adapter/search.py)."""
from __future__ import annotations

import json
import time
from pathlib import Path

from pagefind_helpers import pagefind_records
from serve_helpers import get, serving, wait_for_page
from sitebuilder import element_file

ELEMENT = "elements/samenwerking/slecht-overleg.md"
DEADLINE = 60  # seconds for the whole scenario (two builds on a busy machine)


def _site_dir(lines: list[str]) -> Path:
    """The serve command's temporary site folder, from its -v output."""
    line = next(line for line in lines if "Config value 'site_dir' = " in line)
    return Path(line.split(" = ", 1)[1].strip().strip("'"))


def _mtimes(site: Path) -> dict[str, int]:
    return {str(p.relative_to(site)): p.stat().st_mtime_ns for p in site.rglob("index.html")}


def test_dirty_serve_rebuilds_the_element_its_lists_and_search(project):
    p = project()
    with serving(p.root, "--dirty", "--strict", "-v") as (proc, output, base):
        until = time.monotonic() + DEADLINE
        assert wait_for_page(base + "elementen/slecht-overleg/", "Slecht overleg", until), output.text()
        assert output.wait_for("Serving on", until), output.text()
        site = _site_dir(output.lines)
        before = _mtimes(site)
        time.sleep(0.5)  # let the watcher settle after the first build
        source = p.root / ELEMENT
        source.write_text(source.read_text("utf-8").replace("Slecht overleg", "Stroef overleg")
                          .replace("Zonder overleg loopt het vast.", "Nieuwe kerntekst over overleg."), "utf-8")
        assert wait_for_page(base + "elementen/slecht-overleg/", "Nieuwe kerntekst over overleg.", until), output.text()
        while sum("Documentation built" in line for line in list(output.lines)) < 2:  # the rebuild ended
            assert time.monotonic() < until, output.text()[-3000:]
            time.sleep(0.1)
        # The pages that show the element's title: its theme, the helpt-tegen neighbour, the
        # chapter's directive, the overview (small manual: full list).
        for path in ("themas/samenwerking/", "elementen/goed-overleg/", "hoofdstuk/", "elementen/"):
            status, body = get(base + path)
            assert status == 200 and "Stroef overleg" in body and "Slecht overleg" not in body, path
        after = _mtimes(site)
        built = {page for page, mtime in after.items() if before.get(page) != mtime}
        assert {"elementen/slecht-overleg/index.html", "themas/samenwerking/index.html"} <= built
        assert "elementen/samen-leren/index.html" not in built, sorted(built)  # does not show it
        assert len(built) < len(after) / 2, sorted(built)
        assert not any("dirty" in line and "WARNING" in line for line in output.lines)
        # The search index (Pagefind) still holds every page, with the new title and text;
        # under serve it is swapped in just after the pages (search.py SiteSearch.write).
        records = pagefind_records(site)  # samen-leren was not rebuilt: its record is kept
        while records.get("/elementen/slecht-overleg/", {}).get("meta", {}).get("title") != "Stroef overleg":
            assert time.monotonic() < until, records.get("/elementen/slecht-overleg/")
            time.sleep(0.1)
            records = pagefind_records(site)
        for element in ("goed-overleg", "slecht-overleg", "samen-leren"):
            assert f"/elementen/{element}/" in records
        edited = records["/elementen/slecht-overleg/"]
        assert edited["meta"]["title"] == "Stroef overleg" and "Nieuwe kerntekst" in edited["content"]
        assert "Slecht overleg" not in json.dumps(records, ensure_ascii=False)
        status, _ = get(base + "pagefind/pagefind.js")
        assert status == 200
        assert proc.poll() is None


def test_fingerprint_follows_config_data_and_page_sets(tmp_path):
    from werkwijze.adapter.pagecache import fingerprint
    (tmp_path / "data").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: A\n")
    (tmp_path / "data" / "themas.yml").write_text("- id: a\n")
    args = lambda: (tmp_path, str(tmp_path / "mkdocs.yml"), tmp_path / "data")  # noqa: E731
    first = fingerprint(*args(), ["index.md"], ["x"])
    assert fingerprint(*args(), ["index.md"], ["x"]) == first
    assert fingerprint(*args(), ["index.md", "nieuw.md"], ["x"]) != first
    assert fingerprint(*args(), ["index.md"], ["x", "y"]) != first
    (tmp_path / "data" / "themas.yml").write_text("- id: b\n")
    assert fingerprint(*args(), ["index.md"], ["x"]) != first


def test_a_renamed_elements_old_address_is_gone_under_dirty_serve(project):
    """`--dirty` does not clean the site folder: the old page must not stay served."""
    p = project({"elements/leren/los-element.md": element_file(titel="Los element")})
    with serving(p.root, "--dirty", "-v") as (proc, output, base):
        until = time.monotonic() + DEADLINE
        old = base + "elementen/los-element/"
        assert wait_for_page(old, "Los element", until), output.text()
        time.sleep(0.5)  # let the watcher settle after the first build
        source = p.root / "elements/leren/los-element.md"
        source.rename(source.with_name("nieuwe-naam.md"))
        assert wait_for_page(base + "elementen/nieuwe-naam/", "Los element", until), output.text()
        while get(old)[0] != 404:
            assert time.monotonic() < until, f"{old} still served\n" + output.text()[-3000:]
            time.sleep(0.2)
        assert proc.poll() is None
