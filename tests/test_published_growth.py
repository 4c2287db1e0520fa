"""A manual that grows keeps its published anchors (issue #18, item 3).

The real manual plus 500 synthetic, fictional elements (scripts/corpus.py, written only to a
temporary folder): the region and theme pages become paginated lists, and the build's own
published-URL check (tests/published-urls.txt, run in on_post_build) must still find every
published address and anchor on the page it was published on.
"""
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))

from werkwijze.core.render.render import FACET_LIST_LIMIT  # noqa: E402

GROWTH = 500


def test_adding_500_elements_moves_no_published_anchor(tmp_path):
    import corpus
    manual = tmp_path / "handleiding"
    for name in ("docs", "elements", "data", "schema"):
        shutil.copytree(REPO / name, manual / name)
    shutil.copy(REPO / "mkdocs.yml", manual / "mkdocs.yml")
    (manual / "tests").mkdir()
    shutil.copy(REPO / "tests" / "published-urls.txt", manual / "tests" / "published-urls.txt")
    synthetic, _, specs = corpus.write(GROWTH, tmp_path / "corpus")
    shutil.copytree(synthetic / "elements", manual / "elements" / "synthetisch")
    # The hard case: more elements for one region than fit on a page, so that the list of
    # elements for every region starts past page 1, and a region with none of its own.
    files = sorted((manual / "elements" / "synthetisch").rglob("*.md"))
    for number, path in enumerate(files):
        regions = "[katwijk]" if number < GROWTH // 2 else "[generiek]"
        text = re.sub(r"^regios: .*$", f"regios: {regions}", path.read_text("utf-8"), count=1, flags=re.M)
        if regions == "[katwijk]":  # regional texts only in generic elements
            text = re.sub(r"^/// regio \|.*?^///$", "", text, flags=re.M | re.S)
        path.write_text(text, "utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run([str(Path(sys.executable).parent / "mkdocs"), "build", "--strict"],
                          cwd=manual, capture_output=True, text=True, env=env, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    site = manual / "site"
    # The lists did grow past one page (else this test proves nothing) ...
    region = site / "regios" / "katwijk"
    assert (region / "2" / "index.html").is_file(), "the region list is not paginated"
    first = (region / "index.html").read_text("utf-8")
    # ... and page 1 still holds every section's anchor, with a link to where it goes on.
    for anchor in ("eigen", "generiek"):
        assert f'id="{anchor}"' in first
    assert re.search(r'<p class="ww-verder">[^<]*<a href="2/">pagina 2</a>', first)
    # A region with no elements of its own and a long list keeps its (empty) own section.
    other = (site / "regios" / "haaglanden" / "index.html").read_text("utf-8")
    assert (site / "regios" / "haaglanden" / "2" / "index.html").is_file()
    assert 'id="eigen"' in other and 'id="generiek"' in other
    assert len(specs) == GROWTH > FACET_LIST_LIMIT
