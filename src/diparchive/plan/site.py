"""Plan the site: every page as a template name and the prepared view it is rendered with (an
article page: what its view is made of, made where it is rendered, see views.Deferred), every
feed, and the search index's parts. A pure function of the archive, registry, config and
interface strings.

Templates never sort, count or build URLs: everything they show is decided in plan/, and every
URL comes from `urls`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import partial

from ..config import SiteConfig
from ..errors import DiparchiveError, Problem
from ..read.registry import Registry
from .archive import Archive
from .articles import article_context, article_pages, sort_value
from .basis import Shapes, article_shapes
from .countries import country_pages
from .doctypes import doc_type_pages
from .events import event_pages
from .feeds import feeds
from .leaders import leader_pages
from .listings import archive_pages, article_index_pages, home_pages, not_found_page, root_page, search_page
from .opendata import data_page, data_pages
from .pages import Feed, Page, Plan
from .redirects import Lock, redirect_pages, subject_pages
from .search_parts import plan_parts
from .sitemaps import sitemap_views
from .urls import output_file
from .views import make_site

__all__ = ["Feed", "Page", "Plan", "plan_site", "site_shape"]


def plan_site(
    config: SiteConfig,
    registry: Registry,
    archive: Archive,
    ui: Mapping[str, Mapping[str, str]],
    reusable: Mapping[str, tuple[frozenset[str], str]] | None = None,
    lock: Lock | None = None,
    today: dt.date | None = None,
    shapes: Shapes | None = None,
) -> Plan:
    """Every page and feed of the site. A page named in `reusable` (path → the articles it
    showed and its basis, in the output the last build left) is not planned again when its basis
    is the same now (see plan.basis): it is not `planned`. The caller promises that none of the
    articles it shows changed, nor the templates, settings, registry or code. Every URL in `lock`
    (the URL lock) that no article uses now redirects to its article (a leader's, event's or
    series' page gone now: to its page in the other language or its section's index). `today` is
    the build's day: an event with no known end is called ongoing only if it began recently.
    `shapes` are the archive's `article_shapes`, when the caller has made them already."""
    shapes = shapes if shapes is not None else article_shapes(archive.articles)
    s = make_site(config, registry, archive, ui, reusable or {}, shapes, today)
    pages: list[Page] = [root_page(s)]
    found: list[Feed] = []
    articles = [page for lang in config.languages for page in article_pages(s, lang)]
    parts = plan_parts(
        ((sort_value(a), output_file(s.urls.article(a.lang, a.slug)), a.lang) for a in archive.articles),
        config.search_part_pages,
    )
    for lang in config.languages:
        pages += home_pages(s, lang)
        pages += [page for page in articles if page.lang == lang]
        pages += article_index_pages(s, lang)
        pages += doc_type_pages(s, lang)
        pages += archive_pages(s, lang)
        pages += leader_pages(s, lang)
        pages += event_pages(s, lang)
        pages += country_pages(s, lang)
        pages.append(search_page(s, lang, parts))
        pages.append(data_page(s, lang))
        pages.append(not_found_page(s, lang, s.urls.not_found(lang)))
        found += feeds(s, lang)
    pages.append(not_found_page(s, config.default_language, "404.html"))
    pages += data_pages(s)
    moved, gone = redirect_pages(s, lock or {}, pages, found)
    subjects = subject_pages(s, pages, found)
    pages += moved
    found += gone
    _one_page_per_path(pages)
    return Plan(tuple(pages), tuple(found), parts, sitemap_views(s, pages), subjects, partial(article_context, s))


def _one_page_per_path(pages: list[Page]) -> None:
    """Two pages planned at one output path would overwrite each other silently: an error."""
    first: dict[str, Page] = {}
    problems: list[Problem] = []
    for page in pages:
        if page.path in first:
            other = first[page.path]
            problems.append(
                Problem(
                    None, None, f"two pages have the output path '{page.path}': {other.template} and {page.template}"
                )
            )
        first.setdefault(page.path, page)
    if problems:
        raise DiparchiveError(problems, heading="pages that would overwrite each other")


def site_shape(archive: Archive, shapes: Shapes | None = None) -> str:
    """The digest of what decides which pages exist, what each lists and in what order: the
    shape (`basis.shape_of`) of every article. While it stays the same (and the registry,
    templates and settings do), a changed article changes only the pages that show it; when it
    changes, the pages whose basis (see plan.basis) is unchanged are still not planned again.
    `shapes`: the archive's `article_shapes`, if made already."""
    return (shapes if shapes is not None else article_shapes(archive.articles)).digest(archive.articles)
