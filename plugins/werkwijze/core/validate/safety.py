"""What contributed Markdown may contain, and a sanitiser for the HTML made from it.

Element bodies (and other text editors send in by pull request) are Markdown, and
Python-Markdown passes raw HTML through untouched. So we check, before building:

- no tags that run code, load other pages or change the page (`<script>`, `<style>`,
  `<iframe>`, `<object>`, `<embed>`, `<form>`, ...);
- no event-handler attributes (`onclick=`, `onerror=`, ...) and no `style=`;
- links and images only to http(s)/mailto or relative targets (no `javascript:`,
  `vbscript:`, `data:`), in Markdown and in raw HTML alike;
- images only from the manual itself: an image from another website is a request to
  another host that the reader did not ask for.

Each finding is a (line, message) pair, in the active language. `clean_html()` is the second line of
defence: the plugin runs generated element pages through it, so a gap in the check
above still cannot put script on a page.
"""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import nh3

from . import links
from ..i18n import t
from ..sources.markdown import code_lines

# Tags that run code, embed other documents, change how the page loads or send data.
FORBIDDEN_TAGS = {
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form",
    "base", "meta", "link", "noscript", "template", "portal", "svg", "math",
}
URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "poster", "data",
                  "background", "cite", "longdesc", "xlink:href", "ping", "manifest"}
IMAGE_TAGS = {"img", "picture", "source", "video", "audio", "track", "image", "input"}
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1)[\s\S])+?\1")
_INDENTED_CODE = re.compile(r"^(?: {4}|\t)")
_MD_IMAGE = re.compile(r"!\[((?:[^\]\\\n]|\\.)*)\](?:\(\s*(<[^>\n]*>|[^\s)]+)|\[([^\]\n]*)\])?")
_REFDEF = re.compile(r"^\s{0,3}\[([^\]]+)\]:\s*(<[^>\n]*>|\S+)", re.MULTILINE)
# attr_list (`{: onclick="..." }`) sets HTML attributes from Markdown.
_ATTR_LIST = re.compile(r"\{:?([^{}\n]*)\}")
_ATTR_PAIR = re.compile(r"""([A-Za-z_:][\w:.-]*)\s*=\s*("[^"]*"|'[^']*'|[^\s}]+)""")

Finding = tuple[int, str]


def normalise_url(value: str) -> str:
    """The URL as a browser reads it: entities decoded, control characters and spaces
    (which browsers skip inside a scheme) removed."""
    return _CONTROL.sub("", html.unescape(value))


def url_scheme(value: str) -> str | None:
    return links.scheme_of(normalise_url(value))


def _url_problem(target: str, image: bool) -> str | None:
    scheme = url_scheme(target)
    if scheme is None:
        return None
    target = normalise_url(target)  # one line in the message, as the browser reads it
    if scheme not in links.ALLOWED_SCHEMES:
        return t("validate.safety.bad_scheme", target=target, scheme=scheme)
    if image:
        return t("validate.safety.remote_image", target=target)
    return None


def mask_code(text: str) -> str:
    """Replace fenced code, indented code and code spans by spaces (newlines kept), so
    that examples in code are never mistaken for HTML."""
    lines = text.split("\n")
    previous_blank = True
    for index, (line, code) in enumerate(zip(list(lines), code_lines(lines))):
        if code:
            lines[index] = ""
            continue
        if previous_blank and _INDENTED_CODE.match(line) and line.strip():
            lines[index] = ""
            continue  # an indented code block continues while lines stay indented
        previous_blank = not line.strip()
    masked = "\n".join(lines)
    return _CODE_SPAN.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), masked)


def attribute_problems(tag: str | None, name: str, value: str | None) -> list[str]:
    """Problems with one attribute of a raw HTML tag (tag None: from a `{: ...}` list)."""
    name = name.lower()
    where = "tag" if tag else "attr_list"  # `<tag ...>` or the block `{: ...}`
    if name.startswith("on"):
        return [t(f"validate.safety.event_attribute.{where}", name=name, tag=tag)]
    if name == "style":
        return [t(f"validate.safety.style_attribute.{where}", name=name, tag=tag)]
    if name not in URL_ATTRIBUTES or not value:
        return []
    image = tag in IMAGE_TAGS or (tag is None and name in ("src", "srcset"))
    targets = [p.strip().split(" ")[0] for p in value.split(",")] if name == "srcset" else [value]
    return [m for t in targets if (m := _url_problem(t, image=image))]


class _TagScanner(HTMLParser):
    def __init__(self, first_line: int):
        super().__init__(convert_charrefs=True)
        self.first_line = first_line
        self.findings: list[Finding] = []

    def _add(self, message: str) -> None:
        self.findings.append((self.first_line + self.getpos()[0] - 1, message))

    def handle_starttag(self, tag, attrs):
        if tag in FORBIDDEN_TAGS:
            self._add(t("validate.safety.forbidden_tag", tag=tag))
            return
        for name, value in attrs:
            for message in attribute_problems(tag, name, value):
                self._add(message)

    handle_startendtag = handle_starttag


def check_markdown(text: str, first_line: int) -> list[Finding]:
    """Everything in contributed Markdown that the policy forbids, as (line, message)."""
    masked = mask_code(text)
    scanner = _TagScanner(first_line)
    scanner.feed(masked)
    scanner.close()
    findings = scanner.findings
    for line, target in links.iter_links(masked, first_line):
        if url_scheme(target) is not None and links.scheme_of(target) is None:
            # Hidden scheme (`jav&#x61;script:`, spaces): the normal link check misses it.
            findings.append((line, _url_problem(target, image=False)
                             or t("validate.safety.unclear_link", target=target)))
    findings += _image_findings(masked, first_line)
    for match in _ATTR_LIST.finditer(masked):
        line = first_line + masked.count("\n", 0, match.start())
        for name, value in _ATTR_PAIR.findall(match.group(1)):
            findings += [(line, m) for m in attribute_problems(None, name, value.strip("\"'"))]
    return sorted(set(findings))


def _image_findings(masked: str, first_line: int) -> list[Finding]:
    """Markdown images from another website, inline or through a reference."""
    refs = {m.group(1).strip().casefold(): m.group(2).strip("<>") for m in _REFDEF.finditer(masked)}
    findings: list[Finding] = []
    for match in _MD_IMAGE.finditer(masked):
        target = match.group(2)
        if target is None:
            label = match.group(3) or match.group(1)
            target = refs.get(label.strip().casefold())
        if target:
            target = target.strip("<>")
            scheme = url_scheme(target)
            if scheme in links.ALLOWED_SCHEMES:  # other schemes: reported as links
                line = first_line + masked.count("\n", 0, match.start())
                findings.append((line, _url_problem(target, image=True)))
    return findings


# -- second line of defence: sanitise generated HTML --------------------------------
# Everything element pages legitimately contain: Markdown output, Material's tabbed
# sets and admonitions, pymdownx details, headings with permalinks, our own lists.
ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup",
    "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1",
    "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "input", "ins", "kbd", "label", "li",
    "mark", "nav", "ol", "p", "pre", "q", "s", "samp", "section", "small", "span", "strong",
    "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr",
    "u", "ul", "var", "wbr",
}
ALLOWED_ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir", "role", "aria-label", "aria-hidden",
          "aria-labelledby", "aria-describedby", "tabindex"},
    "a": {"href", "rel", "target", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading"},
    "input": {"type", "name", "checked", "disabled"},
    "label": {"for"},
    "details": {"open"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "time": {"datetime"},
    "abbr": {"title"},
}
CLEAN_CONTENT_TAGS = {"script", "style", "template", "noscript", "iframe", "object", "embed"}


_CLEANER = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    clean_content_tags=CLEAN_CONTENT_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    generic_attribute_prefixes={"data-"},
    url_schemes=set(links.ALLOWED_SCHEMES),
    link_rel=None,
    strip_comments=True,
)  # built once: nh3.clean() builds the same rules again on every call (a third of its time)


def clean_html(fragment: str) -> str:
    """Keep the allowed markup of a page's content, drop everything else (and the
    content of script-like tags)."""
    return _CLEANER.clean(fragment)


_ANCHOR = re.compile(r"<a\b([^>]*)>", re.IGNORECASE)
_HREF = re.compile(r"""\shref\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
# A link whose href holds no ":" and no "&" (an entity could spell a colon) has no scheme.
_MAYBE_EXTERNAL = re.compile(r"""<a\b[^>]*\shref\s*=\s*(?:"[^"]*[:&]|'[^']*[:&])""", re.IGNORECASE)
_REL = re.compile(r"""\srel\s*=\s*(?:"[^"]*"|'[^']*')""", re.IGNORECASE)


def mark_external_links(fragment: str) -> str:
    """Add rel="noopener noreferrer" to links that leave the site (http(s) URLs)."""
    if not _MAYBE_EXTERNAL.search(fragment):
        return fragment  # most pages link only inside the site: no pass over every link
    def fix(match: re.Match) -> str:
        attrs = match.group(1)
        href = _HREF.search(attrs)
        if not href or url_scheme(href.group(1) or href.group(2) or "") not in ("http", "https"):
            return match.group(0)
        attrs = _REL.sub("", attrs)
        return f'<a{attrs} rel="noopener noreferrer">'
    return _ANCHOR.sub(fix, fragment)


# -- page metadata ------------------------------------------------------------------
# MkDocs' Jinja does not autoescape and Material prints these front-matter keys raw
# (in <title>, <meta content="...">, the header and the nav). MkDocs' own titles from
# headings are already HTML text, so we make front-matter values HTML text too.
META_PRINTED_RAW = ("title", "description", "author", "subtitle")


def escape_meta(meta: dict) -> None:
    """Turn the values Material prints raw into escaped HTML text, in place."""
    for key in META_PRINTED_RAW:
        value = meta.get(key)
        if value is not None:
            meta[key] = html.escape(value if isinstance(value, str) else str(value), quote=True)
