"""What the plan is made of: a `Page` (a template and the view it is rendered with, or, for an
article page, what its view is made of: `Deferred`), a `Feed`, and the `Plan` that holds them.

A page builder returns `Page`s, each holding its view *and* the keys of the articles it shows
(`shows`, Lektor's recorded dependency): nothing is recorded on the side. An article page holds,
instead of its view, what its view is made of: the process that renders it makes the view
(`Plan.view`), so that no process holds every article page's view at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..records import Article
from .search_parts import IndexPart

View = dict[str, Any]  # as views.View: a template's context


@dataclass(frozen=True, slots=True)
class Deferred:
    """What an article page's view (or one of its citation files') is made of, besides the site:
    its article, its neighbours in time and its related articles (records the archive holds, not
    copies). plan.articles.article_context makes the view where the page is rendered."""

    article: Article
    older: Article | None
    newer: Article | None
    related: tuple[Article, ...]
    file: str | None = None  # a citation file's name (plan.citation.CITE_FILES); None: the page itself


@dataclass(frozen=True, slots=True)
class Page:
    path: str  # site-relative URL path
    template: str
    lang: str | None
    context: View | None  # None: made later (`deferred`), or not planned again (unchanged since the last build)
    alternates: dict[str, str] = field(default_factory=dict)  # lang → path of each version, self included
    in_sitemap: bool = True
    shows: frozenset[str] | None = None  # article and listing pages: keys of the articles whose text or card it shows
    basis: str = ""  # what else its view depends on (plan.basis); pages with `shows` only
    lastmod: dt.date | None = None  # the latest date of what it shows (None: of the whole archive, see sitemaps)
    deferred: Deferred | None = None  # an article page's: its view is made where it is rendered (Plan.view)

    @property
    def planned(self) -> bool:
        """Planned in this build (its view given or to be made), not taken from the last one."""
        return self.context is not None or self.deferred is not None


@dataclass(frozen=True, slots=True)
class Feed:
    path: str
    lang: str
    title: str
    page_path: str  # the HTML page the feed follows
    articles: tuple[Article, ...]
    updated: dt.date | None = None  # a feed with no articles: a gone subject's, pointing to where it is now
    anonymous: str = ""  # the name an entry with no known author or outlet is credited to ("Author unknown")


@dataclass(frozen=True, slots=True)
class Plan:
    pages: tuple[Page, ...]
    feeds: tuple[Feed, ...]
    index_parts: tuple[IndexPart, ...] = ()  # the search index's parts, oldest articles first
    sitemaps: Mapping[str, View] = field(default_factory=dict)  # language → its sitemap's view
    subjects: Mapping[str, tuple[str, ...]] = field(
        default_factory=dict
    )  # lock id → a leader's, event's, series' pages
    make: Callable[[Deferred], View] | None = None  # a deferred page's view (plan.articles.article_context)

    def view(self, page: Page) -> View | None:
        """The view `page` is rendered with: the one planned, or, for an article page, made now
        (in the process rendering it); None for a page not planned again."""
        if page.context is not None:
            return page.context
        if page.deferred is not None and self.make is not None:
            return self.make(page.deferred)
        return None
