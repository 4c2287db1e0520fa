"""Vendor Decap CMS (the browser editor at /beheer/) from npm at the pinned version.

    python scripts/vendor_decap.py            # fetch the pinned version into plugins/werkwijze/assets/beheer/
    python scripts/vendor_decap.py 3.17.0     # another version (then run the browser tests)

`npm pack` fetches the package tarball from the npm registry; only the browser bundle, its
lazily loaded chunks (code highlighting) and the licence text are kept, so the site never
loads the CMS from a CDN. The version and each file's sha256 go into `vendor.json`;
tests/test_beheer.py checks the files against it.
"""
from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TARGET = REPO / "plugins" / "werkwijze" / "assets" / "beheer"
RECORD = TARGET / "vendor.json"
PACKAGE = "decap-cms"
# The bundle and its licence text. Left out: the source maps, and the webpack chunks
# (<n>.decap-cms.js), which only the `code` widget (CodeMirror's language modes) and image
# uploads (a WebP encoder) load: the generated config.yml uses neither (no code widget, no
# images in the Markdown toolbar); tests/browser/test_beheer_browser.py fails on a missing file.
KEEP = re.compile(r"^(decap-cms\.js|decap-cms\.js\.LICENSE\.txt)$")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def vendor(version: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["npm", "pack", f"{PACKAGE}@{version}", "--silent"], cwd=tmp, check=True,
                       stdout=subprocess.DEVNULL)
        tarball = next(Path(tmp).glob("*.tgz"))
        with tarfile.open(tarball) as archive:
            archive.extractall(tmp, filter="data")
        dist = Path(tmp) / "package" / "dist"
        meta = json.loads((Path(tmp) / "package" / "package.json").read_text("utf-8"))
        for old in TARGET.glob("*decap-cms.js*"):
            old.unlink()
        files = {}
        for source in sorted(dist.iterdir()):
            if KEEP.match(source.name):
                shutil.copyfile(source, TARGET / source.name)
                files[source.name] = sha256(TARGET / source.name)
    record = {"package": PACKAGE, "version": meta["version"], "license": meta["license"],
              "files": files}
    RECORD.write_text(json.dumps(record, indent=2) + "\n", "utf-8")
    return record


def pinned_version() -> str:
    return json.loads(RECORD.read_text("utf-8"))["version"]


if __name__ == "__main__":
    TARGET.mkdir(parents=True, exist_ok=True)
    wanted = sys.argv[1] if len(sys.argv) > 1 else pinned_version()
    result = vendor(wanted)
    print(f"{result['package']} {result['version']}: {len(result['files'])} files in {TARGET}")
