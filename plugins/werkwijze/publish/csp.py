"""The Content-Security-Policy of a built site: as a <meta> in every page, and as the
value of the header a web server should send.

Material for MkDocs puts a few small inline scripts in every page (its config and
local-storage helpers; one variant per folder depth). The policy allows exactly those,
by their sha256 hash, and nothing else: no other host, no inline styles, no eval.
`werkwijze publiceer` writes the meta into every page (hosts without headers, such as
GitHub Pages, get the policy that way) and the header value into `csp-header.txt` in the
published folder (README: hosting). A meta policy cannot hold `frame-ancestors`
(browsers ignore it there), so the header is still the better choice where the server
allows it. The hashes change when Material or the templates do: the value belongs to one
build.
"""
from __future__ import annotations

import base64
import hashlib
import re
import html
from pathlib import Path

from ..core.paths import addresses

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


# Directives a <meta> policy may not hold (CSP 3, "meta element"): browsers ignore them
# there and log an error.
NOT_IN_META = {"frame-ancestors", "report-uri", "sandbox"}
_META = re.compile(r"""<meta\s+http-equiv\s*=\s*["']?content-security-policy["']?[^>]*>\s*""", re.I)
# The meta goes before the first element that loads or runs something (so the policy
# covers all of it), after the charset, title and other plain meta elements.
_BEFORE = re.compile(r"""<(?:script|style)\b|<link\b(?![^>]*\brel\s*=\s*["']?canonical)|</head\s*>""", re.I)


def policy(site: Path, meta: bool = False) -> str:
    directives = {name: list(values) for name, values in BASE_POLICY.items()
                  if not (meta and name in NOT_IN_META)}
    directives["script-src"] += inline_script_hashes(site)
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def meta_element(value: str) -> str:
    content = html.escape(value, quote=False).replace('"', "&quot;")
    return f'<meta http-equiv="Content-Security-Policy" content="{content}">'


def write_meta(site: Path) -> int:
    """Put the site's policy as a <meta> into every HTML page (replacing an earlier one);
    returns how many pages got it. Pages without a <head> are left as they are. The
    browser editor's page gets its own policy (cms_policy)."""
    element = meta_element(policy(site, meta=True))
    editor_page, editor_policy = site / addresses().editor_page, cms_policy(site, meta=True)
    written = 0
    for page in sorted(site.rglob("*.html")):
        text = _META.sub("", page.read_text("utf-8"))
        head = re.search(r"<head\b[^>]*>", text, re.I)
        if head is None:
            continue
        at = _BEFORE.search(text, head.end())
        if at is None:
            continue
        own = meta_element(editor_policy) if page == editor_page and editor_policy else element
        page.write_text(text[:at.start()] + own + text[at.start():], "utf-8")
        written += 1
    return written


# The browser editor (/beheer/ in this manual, core/site/beheer.py) runs Decap CMS, which needs more than
# the reader pages: eval (see script-src), inline styles (its CSS-in-JS), blob: and data:
# images, and the git host's API once an editor signs in. Only that page gets this policy.
# Where it lies: the manual's `addresses.editor` (core/paths.py), active since it was loaded.
CMS_HOSTS = {  # backend in config.yml -> what the editor's browser talks to after sign-in
    "github": {"connect-src": ["https://api.github.com"],
               "img-src": ["https://avatars.githubusercontent.com"]},
    "gitlab": {"connect-src": ["https://gitlab.com"],
               "img-src": ["https://gitlab.com", "https://secure.gravatar.com"]},
}
CMS_POLICY = {
    "default-src": ["'none'"],
    # Decap validates its config with ajv, which compiles the validators with `new Function`.
    "script-src": ["'self'", "'unsafe-eval'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "base-uri": ["'none'"],
    "form-action": ["'none'"],
    "frame-ancestors": ["'none'"],
    "object-src": ["'none'"],
}


def cms_policy(site: Path, meta: bool = False) -> str | None:
    """The browser editor's policy, or None when the site has no editor. The git host comes
    from the generated config.yml (its `backend.name`)."""
    import yaml
    config_file = site / addresses().editor_config
    if not (site / addresses().editor_page).is_file() or not config_file.is_file():
        return None
    config = yaml.safe_load(config_file.read_text("utf-8")) or {}
    hosts = CMS_HOSTS.get(str((config.get("backend") or {}).get("name")), {})
    directives = {name: values + hosts.get(name, []) for name, values in CMS_POLICY.items()
                  if not (meta and name in NOT_IN_META)}
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())
