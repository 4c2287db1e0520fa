"""Links that every engine resolves the same way: from the site's root path.

The generated pages' HTML links are relative to the page's URL (core/urls.py), the
way MkDocs leaves raw HTML alone. Zensical (0.0.73) rewrites relative links in raw HTML
as if they were relative to the page's file: from `elementen/x.md` (URL `elementen/x/`)
it turns `../y/` into `../../y/`, one folder too high. A link from the site's root path
(`/werkwijze/elementen/y/`, the path of `site_url`) means the same to both, at the same
URLs; what it costs: the site works only at that path (as its sitemap and canonical
links already assume), not opened as files.
"""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from ..core.urls import Publication, Urls


@dataclass(frozen=True)
class SiteRootUrls(Urls):
    root: str = "/"  # the path of site_url, with a slash at both ends

    @classmethod
    def of(cls, site_url: str | None, use_directory_urls: bool = True,
           publication: Publication = Publication()) -> "SiteRootUrls":
        path = urlsplit(site_url or "").path.strip("/")
        return cls(use_directory_urls, publication, root=f"/{path}/" if path else "/")

    def relative(self, from_src: str, to_src: str, anchor: str = "") -> str:
        return self.root + self.url(to_src) + (f"#{anchor}" if anchor else "")
