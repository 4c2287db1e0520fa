"""`mkdocs serve` while an editor works: a broken save shows the same file:line messages,
the server keeps answering, and the next good save rebuilds the page."""
from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from sitebuilder import element_file

BIN = Path(sys.executable).parent
ELEMENT = "elements/samenwerking/slecht-overleg.md"
GOOD = element_file(titel="{titel}", soort="belemmerend",
                    samenvatting="Partners praten langs elkaar heen.",
                    body="Zonder overleg loopt het vast.")
DEADLINE = 25  # seconds for the whole scenario


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, ""
    except OSError:
        return 0, ""


class Output:
    """Collects the server's output lines in a background thread."""

    def __init__(self, stream):
        self.lines: list[str] = []
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream):
        for line in stream:
            self.lines.append(line.rstrip("\n"))

    def text(self) -> str:
        return "\n".join(self.lines)

    def wait_for(self, needle: str, until: float) -> bool:
        while time.monotonic() < until:
            if any(needle in line for line in list(self.lines)):
                return True
            time.sleep(0.1)
        return False


def _wait_for_page(url: str, text: str, until: float) -> bool:
    while time.monotonic() < until:
        status, body = _get(url)
        if status == 200 and text in body:
            return True
        time.sleep(0.2)
    return False


def test_serve_survives_a_broken_save_and_rebuilds(project):
    p = project({ELEMENT: GOOD.format(titel="Slecht overleg")})
    port = _free_port()
    base = f"http://127.0.0.1:{port}/handboek/"  # the fixture's site_url path
    page = base + "elementen/slecht-overleg/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.Popen([str(BIN / "mkdocs"), "serve", "--strict", "-a", f"127.0.0.1:{port}"],
                            cwd=p.root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)
    until = time.monotonic() + DEADLINE
    try:
        output = Output(proc.stdout)
        assert _wait_for_page(page, "Slecht overleg", until), output.text()

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
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        connection.request("GET", "/")
        response = connection.getresponse()
        assert (response.status, response.getheader("Location")) == (302, "/handboek/")
        connection.close()
        assert not any("Traceback" in line for line in output.lines), output.text()

        # Fix it: the next save rebuilds the page.
        (p.root / ELEMENT).write_text(GOOD.format(titel="Beter overleg"), "utf-8")
        assert _wait_for_page(page, "Beter overleg", until), output.text()
        assert proc.poll() is None
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
