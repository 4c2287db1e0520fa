"""`mkdocs serve` while an editor works: a broken save shows the same file:line messages,
the server keeps answering, and the next good save rebuilds the page."""
from __future__ import annotations

import http.client
import time

from serve_helpers import serving, wait_for_page
from sitebuilder import element_file

ELEMENT = "elements/samenwerking/slecht-overleg.md"
GOOD = element_file(titel="{titel}", soort="belemmerend",
                    samenvatting="Partners praten langs elkaar heen.",
                    body="Zonder overleg loopt het vast.")
DEADLINE = 25  # seconds for the whole scenario


def test_serve_survives_a_broken_save_and_rebuilds(project):
    p = project({ELEMENT: GOOD.format(titel="Slecht overleg")})
    with serving(p.root, "--strict") as (proc, output, base):
        until = time.monotonic() + DEADLINE
        page = base + "elementen/slecht-overleg/"
        assert wait_for_page(page, "Slecht overleg", until), output.text()

        # Break it: an unknown theme on line 5.
        broken = GOOD.format(titel="Kapot overleg").replace("[samenwerking]", "[samenwerkin]")
        time.sleep(0.3)  # let the watcher settle after the first build
        (p.root / ELEMENT).write_text(broken, "utf-8")
        expected = f"{ELEMENT}:5: Onbekende waarde 'samenwerkin' in 'themas'. Bedoelde u 'samenwerking'?"
        assert output.wait_for(expected, until), output.text()
        # Word for word what `werkwijze check` says.
        check = p.check()
        assert check.returncode == 1 and check.stdout.strip() in output.text()
        assert output.wait_for("de site is niet gebouwd", until), output.text()
        assert proc.poll() is None, "the server stopped"
        # Still answering. (MkDocs holds requests for site pages until a build succeeds,
        # so ask for something outside the site: the root redirects to the mount path.)
        connection = http.client.HTTPConnection(base.split("/")[2], timeout=5)
        connection.request("GET", "/")
        response = connection.getresponse()
        assert (response.status, response.getheader("Location")) == (302, "/handboek/")
        connection.close()
        assert not any("Traceback" in line for line in output.lines), output.text()

        # Fix it: the next save rebuilds the page.
        (p.root / ELEMENT).write_text(GOOD.format(titel="Beter overleg"), "utf-8")
        assert wait_for_page(page, "Beter overleg", until), output.text()
        assert proc.poll() is None
