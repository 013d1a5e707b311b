"""Article pages: the article's own view (what the search index reads of it) and the pieces
around it (neighbours in time, related articles, JSON-LD)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from ..records import Article
from .basis import shape_digest
from .citation import CITE_FILES, citation, original_of
from .jsonld import article_jsonld
from .navigation import article_trail
from .pages import Deferred, Page
from .related import mentions, related
from .views import (
    Site,
    View,
    country_link,
    date_href,
    display_title,
    event_link,
    frame,
    leader_link,
    newest_day,
    other,
    reused,
    summary,
)


def article_pages(s: Site, lang: str) -> list[Page]:
    """Each article of `lang`; a page shows its article, its neighbours and its related articles.
    Its view (and its citation files') is not made here: each page holds what it is made of
    (`Deferred`), and `article_context` makes it where the page is rendered."""
    own = s.archive.own(lang)
    chronological = sorted((a for a in own if a.date), key=lambda a: a.sort_key)
    position = {a.key: i for i, a in enumerate(chronological)}
    about = mentions(s.archive.entries(lang))
    pages = []
    for article in own:
        path = s.urls.article(lang, article.slug)
        alternates = {l: s.urls.article(l, t.slug) for l, t in s.archive.by_key[article.key].items()}
        index = position.get(article.key)
        older = chronological[index - 1] if index is not None and index > 0 else None
        newer = chronological[index + 1] if index is not None and index + 1 < len(chronological) else None
        near = tuple(related(article, about))
        # Besides its own record and those of the articles it shows, the page reads which are
        # its neighbours and related articles, and in which languages it exists.
        basis = shape_digest((), [a.key if a else None for a in (older, newer)], [a.key for a in near], alternates)
        lastmod = newest_day([article])
        if (shows := reused(s, path, basis)) is not None:  # its citation files follow it: they show only the article
            pages += [Page(path + name, name, lang, None, in_sitemap=False) for name in CITE_FILES]
            pages.append(Page(path, "article.html", lang, None, alternates, shows=shows, basis=basis, lastmod=lastmod))
            continue
        made = Deferred(article, older, newer, near)
        pages += [
            Page(path + name, name, lang, None, in_sitemap=False, deferred=replace(made, file=name))
            for name in CITE_FILES
        ]
        shows = frozenset([article.key] + [a.key for a in (older, newer, *near) if a is not None])
        pages.append(
            Page(
                path,
                "article.html",
                lang,
                None,
                alternates,
                shows=shows,
                basis=basis,
                lastmod=lastmod,
                deferred=made,
            )
        )
    return pages


def article_context(s: Site, made: Deferred) -> View:
    """The view of an article page (or of one of its citation files), from what `article_pages`
    planned it to be made of."""
    article, lang = made.article, made.article.lang
    cite = citation(s, article)
    if made.file is not None:
        return {"text": cite["files"][made.file]}
    path = s.urls.article(lang, article.slug)
    alternates = {l: s.urls.article(l, t.slug) for l, t in s.archive.by_key[article.key].items()}
    title = display_title(article)
    original = original_of(s, article)
    structured = article_jsonld(
        s, article, path, title, summary(article), (original, display_title(original)) if original else None
    )
    context = frame(
        s,
        lang,
        path,
        title,
        alternates,
        description=summary(article),
        kind="article",
        trail=article_trail(s, lang, article, title),
        structured=[structured],
    )
    context["indexed"] = indexed(s, article, lang)
    context["article"] = context["indexed"]["article"]  # the same view, for the head and the citation
    context["citation_meta"] = cite["meta"]
    context["prev"] = s.card(made.older, lang) if made.older else None
    context["next"] = s.card(made.newer, lang) if made.newer else None
    context["related"] = [s.card(a, lang) for a in made.related]
    context["draft"] = article.draft  # only built with --drafts (serve): marked on the page
    return context


def indexed(s: Site, article: Article, lang: str) -> View:
    """All that article.html renders inside `data-pagefind-body`, the only part of a page Pagefind
    reads: the template's `indexed_article` macro gets this view and the interface strings, and
    nothing else (see search_parts.indexed_view). The page's language is its path's."""
    translation = s.archive.counterpart(article, other(lang))
    return {
        "article": article_view(s, article, lang, s.ui[lang]),
        "translation": {
            "href": s.urls.href(s.urls.article(translation.lang, translation.slug)),
            "title": display_title(translation),
            "lang": translation.lang,
            "label": s.ui[lang][f"read_in_{translation.lang}"],
        }
        if translation
        else None,
    }


def article_view(s: Site, article: Article, lang: str, ui: Mapping[str, str]) -> View:
    date_text = s.date_text(article.date, lang)
    cite = citation(s, article)
    leaders = [leader_link(s, l, lang, article.date) for l in article.leaders]
    return {
        "title": display_title(article),
        "lang": article.lang,
        "date_text": date_text,
        "date_iso": article.date.html_datetime if article.date else "",
        "date_href": date_href(s, article.date, lang),
        "date_inferred": bool(article.date and article.date.source.value == "inferred"),
        "author": article.author,
        "outlet": article.outlet,
        "leaders": leaders,
        "events": [event_link(s, e, lang) for e in article.events],
        "countries": [country_link(s, c, lang) for c in article.countries],
        "type": {"value": article.doc_type.value, "label": ui[f"type_{article.doc_type.value.replace('-', '_')}"]},
        "blocks": [{"kind": b.kind.value, "html": b.html} for b in article.body],
        "cite": {key: cite[key] for key in ("text", "url", "ris", "bib")},
        "search": search_view(s, article, lang, [l["name"] for l in leaders]),
    }


def search_view(s: Site, article: Article, lang: str, leader_names: list[str]) -> dict[str, Any]:
    """What Pagefind reads from an article page besides its text: filters (few values per key),
    a sort key that orders every article by date (undated last, ties by key), result metadata.
    Only the article's own words are indexed: đ typed as d is the search page's work (its query
    is expanded to both spellings), so excerpts never show a word the article does not have."""
    d = article.date
    return {
        "sort": f"date:{sort_value(article)}",
        "year": f"{s.ui[lang]['filter_year']}:{d.year}" if d else None,
        "leaders_meta": ", ".join(leader_names),
    }


def sort_value(article: Article) -> str:
    """Pagefind's date sort: every article in date order, undated first (last when newest
    first), ties by key."""
    d = article.date
    return f"{d.year:04d}-{d.month or 0:02d}-{d.day or 0:02d} {article.key}" if d else f"0000-00-00 {article.key}"
