"""Build the site into a temporary folder and replace the published folder only on success.

    python scripts/safe_build.py [--site-dir site] [--engine mkdocs] [-- extra build args]

A failed build (content errors, warnings under --strict, a crash) leaves the previous
site folder exactly as it was. The swap is two renames, so a reader of the folder never
sees a half-written site.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path


def safe_build(site_dir: Path, command: list[str]) -> int:
    new = site_dir.with_name(f".{site_dir.name}-new")
    old = site_dir.with_name(f".{site_dir.name}-old")
    for leftover in (new, old):
        shutil.rmtree(leftover, ignore_errors=True)
    result = subprocess.run([*command, "--site-dir", str(new)])
    if result.returncode != 0 or not (new / "index.html").is_file():
        shutil.rmtree(new, ignore_errors=True)
        print(f"De build is mislukt; {site_dir} is niet veranderd.", file=sys.stderr)
        return result.returncode or 1
    if site_dir.exists():
        site_dir.rename(old)
    new.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site-dir", default="site")
    parser.add_argument("--engine", default=str(Path(sys.executable).parent / "mkdocs"))
    parser.add_argument("args", nargs="*", help="extra arguments for the build command")
    args = parser.parse_args(argv)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    return safe_build(Path(args.site_dir), [args.engine, "build", "--strict", *args.args])


if __name__ == "__main__":
    sys.exit(main())
