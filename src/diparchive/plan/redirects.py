"""Published URLs never break. Every URL an article was ever published at is kept in the site's
URL lock (by language and key, written by the build beside site.yaml and committed with the
content, as a package lock is); those URLs and the front matter's `aliases` that no article now
uses become small pages redirecting to where the article is now (Hugo's aliases)."""

from __future__ import annotations

from collections.abc import Mapping

from ..records import Article
from .archive import Archive
from .urls import Urls
from .views import Page, Site, display_title

Lock = Mapping[str, tuple[str, ...]]  # "lang:key" → every path the article was published at


def lock_id(article: Article) -> str:
    return f"{article.lang}:{article.key}"


def published(lock: Lock, archive: Archive, urls: Urls) -> dict[str, tuple[str, ...]]:
    """The lock after this build: what it held, plus every article's URL now."""
    paths = {ident: set(held) for ident, held in lock.items()}
    for a in archive.articles:
        paths.setdefault(lock_id(a), set()).add(urls.article(a.lang, a.slug))
    return {ident: tuple(sorted(held)) for ident, held in sorted(paths.items())}


def redirect_pages(s: Site, lock: Lock) -> list[Page]:
    """A redirect page at every former URL of a present article that no article uses now."""
    live = {s.urls.article(a.lang, a.slug) for a in s.archive.articles}
    by_id = {lock_id(a): a for a in s.archive.articles}
    targets: dict[str, Article] = {}
    for ident, paths in sorted(lock.items()):
        if (article := by_id.get(ident)) is not None:
            for path in paths:
                targets.setdefault(path, article)
    for a in s.archive.articles:
        for slug in a.aliases:
            targets.setdefault(s.urls.article(a.lang, slug), a)
    pages = []
    for path, a in sorted(targets.items()):
        if path in live:
            continue
        target = s.urls.article(a.lang, a.slug)
        context = {
            "lang": a.lang,
            "title": display_title(a),
            "href": s.urls.href(target),
            "canonical": s.urls.absolute(target),
        }
        pages.append(Page(path, "redirect.html", a.lang, context, in_sitemap=False))
    return pages
