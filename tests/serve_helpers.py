"""Run a real `mkdocs serve` on a fixture manual and watch it (tests/test_serve*.py)."""
from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str) -> tuple[int, str]:
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


def wait_for_page(url: str, text: str, until: float) -> bool:
    while time.monotonic() < until:
        status, body = get(url)
        if status == 200 and text in body:
            return True
        time.sleep(0.2)
    return False


@contextlib.contextmanager
def serving(root: Path, *args: str):
    """Start `mkdocs serve [args]` in `root` on a free port; yields (process, output,
    base URL of the fixture's site_url path) and stops the server afterwards."""
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.Popen([str(BIN / "mkdocs"), "serve", *args, "-a", f"127.0.0.1:{port}"],
                            cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)
    try:
        yield proc, Output(proc.stdout), f"http://127.0.0.1:{port}/handboek/"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
