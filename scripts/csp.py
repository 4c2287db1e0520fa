"""Print the Content-Security-Policy header for a built site.

Material for MkDocs puts a few small inline scripts in every page (its config and
local-storage helpers; one variant per folder depth). The policy allows exactly those,
by their sha256 hash, and nothing else: no other host, no inline styles, no eval.

    python scripts/csp.py [site]          # prints: Content-Security-Policy: ...
    python scripts/csp.py site --value    # only the policy value

Run it after every build you deploy (hashes change when Material or the templates do).
"""
from __future__ import annotations

import argparse
import base64
import hashlib
import re
import sys
from pathlib import Path

# <script> without src whose type is JavaScript (type="application/json" is data: no hash).
_INLINE = re.compile(r"<script\b(?![^>]*\bsrc\s*=)([^>]*)>(.*?)</script\s*>", re.S | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_JS_TYPES = {"", "text/javascript", "application/javascript", "module"}

BASE_POLICY = {
    "default-src": ["'none'"],
    "script-src": ["'self'", "'wasm-unsafe-eval'"],  # Pagefind's search runs as WebAssembly
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],  # Material's icons are data: SVGs in its CSS
    "font-src": ["'self'"],
    "connect-src": ["'self'"],  # search index, elementen.json
    "worker-src": ["'self'"],  # Pagefind's search worker
    "manifest-src": ["'self'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    "object-src": ["'none'"],
}


def inline_script_hashes(site: Path) -> list[str]:
    hashes: set[str] = set()
    for page in site.rglob("*.html"):
        for attrs, body in _INLINE.findall(page.read_text("utf-8", errors="replace")):
            kind = _TYPE.search(attrs)
            if (kind.group(1).lower() if kind else "") not in _JS_TYPES:
                continue
            digest = hashlib.sha256(body.encode("utf-8")).digest()
            hashes.add("'sha256-" + base64.b64encode(digest).decode("ascii") + "'")
    return sorted(hashes)


def policy(site: Path) -> str:
    directives = {name: list(values) for name, values in BASE_POLICY.items()}
    directives["script-src"] += inline_script_hashes(site)
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", default="site", help="built site folder (default: site)")
    parser.add_argument("--value", action="store_true", help="print only the policy value")
    args = parser.parse_args(argv)
    site = Path(args.site)
    if not (site / "index.html").is_file():
        print(f"{site}: no built site here. Run 'make build' first.", file=sys.stderr)
        return 1
    value = policy(site)
    print(value if args.value else f"Content-Security-Policy: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
