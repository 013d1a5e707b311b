"""The sitemaps: per language, every page meant for search engines, each with its `lastmod`
and its counterparts in the other language.

`lastmod` is the latest date of what the page shows, as its builder decided (an article's date,
a listing's newest article; `Page.lastmod`); a page that sums up the whole archive in a language
(home, indexes, search) takes the newest date of that language's entries. Never the clock: the
same content gives the same sitemap. Pages that show no article are not planned at all (see
leaders, events), so no sitemap lists them."""

from __future__ import annotations

from collections.abc import Sequence

from .pages import Page
from .views import Site, View, newest_day


def sitemap_views(s: Site, pages: Sequence[Page]) -> dict[str, View]:
    """language → the view `sitemap.xml` renders for it."""
    listed = {p.path for p in pages if p.in_sitemap}
    views = {}
    for lang in s.config.languages:
        newest = newest_day(s.archive.entries(lang))
        urls = []
        for p in sorted((p for p in pages if p.lang == lang and p.in_sitemap), key=lambda p: p.path):
            alternates = {l: path for l, path in sorted(p.alternates.items()) if path in listed}
            lastmod = p.lastmod or newest
            urls.append(
                {
                    "loc": s.urls.absolute(p.path),
                    "lastmod": lastmod.isoformat() if lastmod else "",
                    "alternates": [{"lang": l, "href": s.urls.absolute(path)} for l, path in alternates.items()]
                    if len(alternates) > 1
                    else [],
                }
            )
        views[lang] = {"urls": urls}
    return views
