"""What the browser tests need, and setting it up (`make test` runs `--install` first).

    python scripts/test_tools.py            # exit 1 with the one command to run if something is missing
    python scripts/test_tools.py --install  # install what is missing, or say which one command to run

Needed: Debian's Chromium at /usr/bin/chromium, Java (the Nu Html Checker) and npm, and the
npm test tools in tests/browser/node_modules (axe-core, vnu-jar, decap-server: the local
backend of the browser editor's tests) matching package-lock.json.
Only what is missing is installed: as root (as in CI) Debian packages through apt-get; the npm
tools with `npm ci` when node_modules is missing or does not match package-lock.json. Without root a missing Debian package
stops with the one `sudo apt-get install ...` command to run.

The engine tests (tests/test_engines.py) also need the second engine, ProperDocs +
mkdocs-materialx, in an environment of its own (`.venv-materialx`: it cannot share one with
Material): made with `pip install -e .[materialx]` when it is missing or pyproject.toml changed.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BROWSER_TESTS = REPO / "tests" / "browser"
NODE_MODULES = BROWSER_TESTS / "node_modules"
CHROMIUM = Path("/usr/bin/chromium")
MATERIALX_VENV = REPO / ".venv-materialx"
MATERIALX_STAMP = MATERIALX_VENV / ".installed"
# What the tests load from node_modules.
NPM_FILES = ("axe-core/axe.min.js", "vnu-jar/build/dist/vnu.jar", "decap-server/dist/index.js",
             "yaml/dist/index.js")


def missing_packages() -> list[str]:
    """Debian packages to install: chromium, default-jre-headless, npm (only those missing)."""
    missing = []
    if not CHROMIUM.exists():
        missing.append("chromium")
    if shutil.which("java") is None:
        missing.append("default-jre-headless")
    if shutil.which("npm") is None:  # npm normally comes with nodejs; never replace it
        missing.append("npm")
    return missing


def _packages(lockfile: Path) -> dict:
    try:
        packages = json.loads(lockfile.read_text("utf-8")).get("packages", {})
    except (OSError, ValueError):
        return {}
    packages.pop("", None)  # the project itself (only in package-lock.json)
    return packages


def npm_tools_current() -> bool:
    """node_modules holds what package-lock.json pins (npm keeps a copy of what it
    installed in node_modules/.package-lock.json)."""
    if not all((NODE_MODULES / name).is_file() for name in NPM_FILES):
        return False
    wanted = _packages(BROWSER_TESTS / "package-lock.json")
    return bool(wanted) and _packages(NODE_MODULES / ".package-lock.json") == wanted


def _pyproject_digest() -> str:
    return hashlib.sha256((REPO / "pyproject.toml").read_bytes()).hexdigest()


def materialx_current() -> bool:
    """The ProperDocs + mkdocs-materialx environment exists for this pyproject.toml."""
    return MATERIALX_STAMP.is_file() and MATERIALX_STAMP.read_text("utf-8").strip() == _pyproject_digest()


def install_materialx() -> None:
    if not (MATERIALX_VENV / "bin" / "python").is_file():
        _run([sys.executable, "-m", "venv", str(MATERIALX_VENV)])
    _run([str(MATERIALX_VENV / "bin" / "python"), "-m", "pip", "install", "-q", "-e", f"{REPO}[materialx]"])
    MATERIALX_STAMP.write_text(_pyproject_digest() + "\n", "utf-8")


def apt_command(packages: list[str]) -> str:
    return "sudo apt-get install -y " + " ".join(packages)


def advice() -> str | None:
    """The one command that makes the browser tests runnable, or None when nothing is missing."""
    packages = missing_packages()
    if packages:
        return apt_command(packages)
    if not npm_tools_current():
        return "npm ci --prefix tests/browser --no-audit --no-fund"
    return None


def message(command: str) -> str:
    return ("De browsertests kunnen niet draaien: er ontbreekt iets op deze computer. "
            f"Voer eenmalig uit: {command}\n"
            "The browser tests cannot run: something is missing on this computer. "
            f"Run once: {command}")


def _run(command: list[str], **kwargs) -> None:
    print("+ " + " ".join(command), flush=True)
    subprocess.run(command, check=True, **kwargs)


def install() -> int:
    packages = missing_packages()
    if packages:
        is_root = hasattr(os, "geteuid") and os.geteuid() == 0
        if not is_root or shutil.which("apt-get") is None:
            print(message(apt_command(packages)), file=sys.stderr)
            return 1
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        _run(["apt-get", "update", "-qq"], env=env)
        _run(["apt-get", "install", "-y", "-qq", *packages], env=env, stdout=subprocess.DEVNULL)
    if not npm_tools_current():
        _run(["npm", "ci", "--prefix", str(BROWSER_TESTS), "--no-audit", "--no-fund"])
    if not materialx_current():
        install_materialx()
    left = advice()
    if left:
        print(message(left), file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--install", action="store_true", help="install what is missing")
    args = parser.parse_args(argv)
    if args.install:
        return install()
    left = advice()
    if left:
        print(message(left), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
