"""What a change does to the built site: pages added, removed or changed, plus the check.

    python scripts/site_changes.py --site site --base origin/main     # builds the base itself
    python scripts/site_changes.py --site site --base-site old-site   # two built sites

Prints a Markdown summary (the pull request's job summary, .github/workflows/pull-request.yml):
element pages, chapters and lists (generated overviews: themes, regions, werkkaarten, ...)
that were added, removed or changed, and the content check's findings for the current tree.

A page counts as changed when its main content (the <article>) changed; the navigation and
the footer are left out, so renaming one element does not mark every page. Element pages
and chapters are told apart by their edit link (into the elements or the docs folder);
pages without one are generated lists. `--base` builds that git revision's content in a
temporary worktree with the installed plugin; if that build fails, the summary says so.
"""
from __future__ import annotations

import argparse
import html
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from werkwijze.core import i18n
from werkwijze.core.validate.load import load_manual
from werkwijze.core.sources.project import find_project

KINDS = ("element", "chapter", "list")
_ARTICLE = re.compile(r'<article class="md-content__inner[^"]*">(.*)</article>', re.S)  # the last one
_EDIT = re.compile(r'<a href="([^"]+)"[^>]*class="md-content__button md-icon"', re.S)
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)
_PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
_TAGS = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Page:
    url: str
    kind: str  # element, chapter, list
    title: str
    content: str


def _text(fragment: str) -> str:
    return _SPACE.sub(" ", html.unescape(_TAGS.sub("", _PERMALINK.sub("", fragment)))).strip()


def read_page(site: Path, index: Path, elements_dir: str = "elements") -> Page | None:
    """A built page, or None for what is not a page (redirects, search, assets)."""
    text = index.read_text("utf-8", errors="replace")
    rel = index.parent.relative_to(site).as_posix()
    url = "" if rel == "." else rel + "/"
    article = _ARTICLE.search(text)
    if article is None or 'http-equiv="refresh"' in text[:3000]:
        return None
    content = article.group(1)
    edit = _EDIT.search(content)
    if edit is None:
        kind = "list"
    elif f"/{elements_dir.strip('/')}/" in edit.group(1):
        kind = "element"
    else:
        kind = "chapter"
    # The edit button is not content.
    content = _EDIT.sub("", content)
    heading = _H1.search(content)
    title = _text(heading.group(1)) if heading else url or "/"
    return Page(url, kind, title, _SPACE.sub(" ", content).strip())


def read_site(site: Path) -> dict[str, Page]:
    pages = {}
    for index in sorted(site.rglob("index.html")):
        page = read_page(site, index)
        if page is not None:
            pages[page.url] = page
    return pages


def compare(old: dict[str, Page], new: dict[str, Page]) -> dict[str, dict[str, list[Page]]]:
    """kind -> change (added, removed, changed) -> pages, sorted by URL."""
    result = {kind: {"added": [], "removed": [], "changed": []} for kind in KINDS}
    for url in sorted(set(old) | set(new)):
        before, after = old.get(url), new.get(url)
        if before is None:
            result[after.kind]["added"].append(after)
        elif after is None:
            result[before.kind]["removed"].append(before)
        elif before.content != after.content:
            result[after.kind]["changed"].append(after)
    return result


def build_revision(root: Path, revision: str, out: Path) -> bool:
    """Build the content of `revision` into `out` (a temporary git worktree)."""
    with tempfile.TemporaryDirectory(prefix="werkwijze-base-") as tmp:
        tree = Path(tmp) / "tree"
        added = subprocess.run(["git", "-C", str(root), "worktree", "add", "--detach", str(tree),
                                revision], capture_output=True, text=True)
        if added.returncode != 0:
            print(added.stderr, file=sys.stderr)
            return False
        try:
            env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
            mkdocs = Path(sys.executable).parent / "mkdocs"
            built = subprocess.run([str(mkdocs), "build", "--site-dir", str(out)], cwd=tree,
                                   env=env, capture_output=True, text=True)
            if built.returncode != 0:
                print(built.stdout + built.stderr, file=sys.stderr)
            return built.returncode == 0 and (out / "index.html").is_file()
        finally:
            subprocess.run(["git", "-C", str(root), "worktree", "remove", "--force", str(tree)],
                           capture_output=True)


def summary(changes: dict | str, problems: list, base: str, artifact: str) -> str:
    """The Markdown; `changes` from compare(), or 'site_failed' / 'base_failed'."""
    t = i18n.t
    lines = [f"## {t('serve.summary.title')}", ""]
    if isinstance(changes, str):
        lines += [t(f"serve.summary.{changes}", base=base), ""]
    elif not any(pages for kinds in changes.values() for pages in kinds.values()):
        lines += [t("serve.summary.intro", base=base, artifact=artifact), "",
                  t("serve.summary.nothing"), ""]
    else:
        lines += [t("serve.summary.intro", base=base, artifact=artifact), ""]
        for kind in KINDS:
            if not any(changes[kind].values()):
                continue
            lines += [f"### {t(f'serve.summary.kinds.{kind}')}", ""]
            for change in ("added", "changed", "removed"):
                for page in changes[kind][change]:
                    title = re.sub(r"([\\`*_\[\]<>])", r"\\\1", page.title)
                    lines.append(f"- {t(f'serve.summary.changes.{change}')}: {title} (`/{page.url}`)")
            lines.append("")
    lines += [f"### {t('serve.summary.check.title')}", ""]
    if problems:
        lines += [t("serve.summary.check.problems", count=len(problems)), "", "```text",
                  *(str(p) for p in problems), "```"]
    else:
        lines.append(t("serve.summary.check.ok"))
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", default="site", help="the built site of this change")
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--base", help="git revision to compare with (built in a worktree)")
    source.add_argument("--base-site", help="an already built site to compare with")
    parser.add_argument("--artifact", default="site", help="name of the uploaded site artifact")
    parser.add_argument("--output", help="append the summary here (e.g. $GITHUB_STEP_SUMMARY)")
    args = parser.parse_args(argv)

    layout = find_project(Path.cwd())
    language = re.search(r"^\s+language:\s*([\w-]+)", Path(layout.root / "mkdocs.yml").read_text("utf-8"), re.M)
    i18n.use(i18n.Catalogue.load(language.group(1) if language else None))
    manual = load_manual(layout)
    new = read_site(Path(args.site))
    if not (Path(args.site) / "index.html").is_file():
        changes, base = "site_failed", args.base or args.base_site
    elif args.base_site:
        old = read_site(Path(args.base_site))
        changes, base = compare(old, new), args.base_site
    else:
        with tempfile.TemporaryDirectory(prefix="werkwijze-base-site-") as tmp:
            out = Path(tmp) / "site"
            built = build_revision(layout.root, args.base, out)
            changes = compare(read_site(out), new) if built else "base_failed"
        base = args.base
    text = summary(changes, sorted(set(manual.problems)), base, args.artifact)
    if args.output:
        with open(args.output, "a", encoding="utf-8") as handle:
            handle.write(text)
    print(text, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
