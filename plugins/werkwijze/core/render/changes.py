"""The Wijzigingen page: per edition, which elements were added, changed or renamed.

Renames come from the data (`aliassen`: old id -> current id). Added and changed come
from git history: the build's one `git log` over the elements folder (gitlog.py), each
commit put in the edition
whose date is the first on or after the commit's date (commits after the newest edition
are "since" it). Outside a git checkout the page shows the renames only.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from markupsafe import Markup

from ..i18n import t
from ..model.edition import dutch_date
from ..paths import addresses, element_src
from ..sources.gitlog import Commit
from .html import md
from .render import GeneratedPage, Renderer

if TYPE_CHECKING:
    from ..model.manual import Manual


@dataclass
class Bucket:
    title: str
    note: str = ""
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    renamed: list[tuple[str, str]] = field(default_factory=list)


def _stem(path: str) -> str:
    return PurePosixPath(path).stem


def bucket_history(commits: list[Commit], editions: list, aliases: dict[str, str]) -> list[Bucket]:
    """One bucket per edition (newest first), plus one for changes after the newest."""
    oldest_first = list(reversed(editions))
    buckets = {e.version: Bucket(t("trainers.changes.edition", version=e.version,
                                   date=dutch_date(e.date)), e.note) for e in editions}
    after = Bucket(t("trainers.changes.since", version=editions[0].version) if editions
                   else t("trainers.changes.title"))
    for commit in commits:
        edition = next((e for e in oldest_first if commit.day <= e.date), None)
        bucket = buckets[edition.version] if edition else after
        for status, paths in commit.changes:
            if not paths or not paths[-1].endswith(".md"):
                continue
            new_id = _stem(paths[-1])
            if status == "R" and len(paths) == 2 and _stem(paths[0]) != new_id:
                _note(bucket.renamed, (_stem(paths[0]), new_id))
            elif status == "A" and new_id not in bucket.added:
                bucket.added.append(new_id)
            elif status == "M" and new_id not in bucket.added:
                _note(bucket.changed, new_id)
    result = [after] if (after.added or after.changed or after.renamed) else []
    return result + [buckets[e.version] for e in editions]


def _note(items: list, value) -> None:
    if value not in items:
        items.append(value)


def changes_page(manual: Manual, urls) -> GeneratedPage:
    renderer = Renderer(manual, urls)
    src = addresses().changes_src
    editions = manual.editions.editions if manual.editions else []
    aliases = manual.graph.aliases
    history = manual.git_history()

    def element_link(element_id: str) -> Markup:
        element = manual.elements.get(element_id)
        if element is None:
            return Markup('<span class="ww-weg">{}</span>').format(t("trainers.changes.removed", id=element_id))
        return renderer.link(src, element_src(element_id), element.title)

    buckets = []
    for bucket in bucket_history(history or [], editions, aliases) if history is not None else ():
        buckets.append({"title": bucket.title, "note": bucket.note, "lists": [
            (t("trainers.changes.added"), [element_link(i) for i in bucket.added]),
            (t("trainers.changes.changed"), [element_link(i) for i in bucket.changed]),
            (t("trainers.changes.renamed"),
             [Markup("{} → {}").format(old, element_link(new)) for old, new in bucket.renamed])]})
    renamed = [(Markup("<code>{}</code>").format(old), element_link(new)) for old, new in sorted(aliases.items())]
    title = t("trainers.changes.title")
    listing = renderer.f.render("changes.md", history=history is not None, buckets=buckets, renamed=renamed)
    return GeneratedPage(src, title, f"# {md(title)}", listing + "\n")
