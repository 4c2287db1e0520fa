#!/usr/bin/env python3
"""Write this manual's editor files: the same as `werkwijze editorbestanden` (see
plugins/werkwijze/core/render/editorfiles.py). `--check` only compares and exits 1 when a file
is out of date (the tests use it)."""
from __future__ import annotations

import sys
from pathlib import Path

from werkwijze.cli import main

REPO = Path(__file__).resolve().parent.parent

if __name__ == "__main__":
    sys.exit(main(["editor-files", "--root", str(REPO), *sys.argv[1:]]))
