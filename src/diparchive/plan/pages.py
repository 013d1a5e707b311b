"""Plan the site: every page as a template name and the prepared view it is rendered with.

Templates never sort, count or build URLs: everything they show is decided here, and every URL
comes from `urls`.
"""

from __future__ import annotations

import hashlib
import heapq
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ..config import LANGUAGES, SiteConfig
from ..read.folding import fold_d
from ..read.registry import Event, Registry
from ..records import Article, Precision, PubDate
from .archive import Archive
from .i18n import format_pubdate, month_name, month_title
from .search_parts import IndexPart, plan_parts
from .urls import Urls, output_file

SUMMARY_CHARS = 240
RELATED = 5
RELATED_WINDOW = 12  # neighbours in time per shared leader or event
HOME_RANKED = 8
_D_WORD = re.compile(r"\S*[đĐ]\S*")  # a word spelt with đ
PAGER_NEAR = 2  # page links shown either side of the current page


@dataclass(frozen=True, slots=True)
class Page:
    path: str  # site-relative URL path
    template: str
    lang: str | None
    context: dict[str, Any] | None  # None: not planned again (unchanged since the last build, see plan_site)
    alternates: dict[str, str] = field(default_factory=dict)  # lang → path of each version, self included
    in_sitemap: bool = True
    shows: frozenset[str] | None = None  # article and listing pages: keys of the articles whose text or card it shows


@dataclass(frozen=True, slots=True)
class Feed:
    path: str
    lang: str
    title: str
    page_path: str  # the HTML page the feed follows
    articles: tuple[Article, ...]


@dataclass(frozen=True, slots=True)
class Plan:
    pages: tuple[Page, ...]
    feeds: tuple[Feed, ...]
    index_parts: tuple[IndexPart, ...] = ()  # the search index's parts, oldest articles first


@dataclass(frozen=True, slots=True)
class _Site:
    """What every planning function needs, passed explicitly."""

    config: SiteConfig
    registry: Registry
    archive: Archive
    ui: dict[str, dict[str, str]]
    urls: Urls
    cards: dict[tuple[str, str, str], dict[str, Any]] = field(default_factory=dict)  # memo: a card is shown on many listings
    dates: dict[tuple[PubDate, str], str] = field(default_factory=dict)  # memo: Babel formats each date once per language
    tagged: dict[tuple[str, str, str], tuple[Article, ...]] = field(default_factory=dict)  # _tag_index
    unchanged: dict[str, frozenset[str]] = field(default_factory=dict)  # path → what it shows, for pages not planned again
    shown: set[str] = field(default_factory=set)  # article keys shown by the page being planned


def other(lang: str) -> str:
    return next(l for l in LANGUAGES if l != lang)


# Shared pieces of views -------------------------------------------------------------------


def _frame(s: _Site, lang: str, path: str, title: str, alternates: dict[str, str], *, description: str | None = None, feed: str | None = None, kind: str = "page") -> dict[str, Any]:
    """The parts of a view every page has: site, interface strings, navigation, switcher."""
    ui = s.ui[lang]
    target = other(lang)
    switch_path = alternates.get(target)
    hreflangs = []
    if len(alternates) > 1:
        hreflangs = [{"lang": l, "href": s.urls.absolute(p)} for l, p in sorted(alternates.items())]
        hreflangs.append({"lang": "x-default", "href": s.urls.absolute(alternates.get(s.config.default_language, path))})
    nav = [
        ("home", s.urls.home(lang)), ("articles", s.urls.articles(lang)), ("archive", s.urls.archive(lang)),
        ("leaders", s.urls.leaders(lang)), ("events", s.urls.events(lang)), ("search", s.urls.search(lang)),
    ]
    return {
        "lang": lang,
        "ui": ui,
        "site": {
            "title": s.config.title[lang],
            "description": s.config.description[lang],
            "home": s.urls.href(s.urls.home(lang)),
            "stylesheet": s.urls.href(s.urls.stylesheet()),
            "script": s.urls.href(s.urls.script()),
            "favicon": s.urls.href(s.urls.favicon()),
            "search": s.urls.href(s.urls.search(lang)),
            "feed": s.urls.href(s.urls.feed(s.urls.home(lang))),
        },
        "nav": [{"label": ui[f"nav_{key}"], "href": s.urls.href(p), "current": p == path} for key, p in nav],
        "page": {
            "title": title,
            "kind": kind,
            "description": description or s.config.description[lang],
            "canonical": s.urls.absolute(path),
            "hreflangs": hreflangs,
            "feed": s.urls.href(feed) if feed else None,
            "switcher": {
                "lang": target,
                "label": s.ui[target]["language_name"],
                "href": s.urls.href(switch_path or s.urls.home(target)),
                "available": switch_path is not None,
                "note": ui["switcher_missing"],
            },
        },
    }


def _summary(article: Article) -> str:
    text = article.summary
    if len(text) <= SUMMARY_CHARS:
        return text
    return text[:SUMMARY_CHARS].rsplit(" ", 1)[0] + "…"


def _date_text(s: _Site, date: PubDate | None, lang: str) -> str:
    if date is None:
        return s.ui[lang]["undated"]
    memo = (date, lang)
    if memo not in s.dates:
        s.dates[memo] = format_pubdate(date, lang)
    return s.dates[memo]


def _tag_index(archive: Archive, languages: tuple[str, ...]) -> dict[tuple[str, str, str], tuple[Article, ...]]:
    """(lang, "leader" | "event", id) → the entries of `lang` that name it, in listing order:
    one pass over the entries instead of one per leader and event."""
    found: dict[tuple[str, str, str], list[Article]] = {}
    for lang in languages:
        for a in archive.entries(lang):
            for kind, ids in (("leader", a.leaders), ("event", a.events)):
                for tag in dict.fromkeys(ids):
                    found.setdefault((lang, kind, tag), []).append(a)
    return {key: tuple(listed) for key, listed in found.items()}


def _once(make: Callable[[], Any]) -> Callable[[], Any]:
    """`make()` on the first call, the same value after: what only planned pages need is not
    computed for pages that are not planned again, and once for all pages of a listing."""
    made: list[Any] = []
    return lambda: made[0] if made else (made.append(make()) or made[0])


def _tagged(s: _Site, lang: str, kind: str, tag: str) -> tuple[Article, ...]:
    return s.tagged.get((lang, kind, tag), ())


def _card(s: _Site, article: Article, lang: str) -> dict[str, Any]:
    """An article as listings show it to a reader of `lang` (made once, shown on many pages)."""
    s.shown.add(article.key)
    memo = (lang, article.lang, article.key)
    if memo in s.cards:
        return s.cards[memo]
    ui = s.ui[lang]
    card = s.cards[memo] = {
        "title": article.title,
        "href": s.urls.href(s.urls.article(article.lang, article.slug)),
        "lang": article.lang,
        "foreign": article.lang != lang,
        "only_in": ui[f"only_in_{article.lang}"],
        "date_text": _date_text(s, article.date, lang),
        "date_iso": article.date.html_datetime if article.date else "",
        "date_approx": bool(article.date and article.date.is_interval),  # filed under its first month, marked "≈"
        "summary": _summary(article),
        "outlet": article.outlet or "",
    }
    return card


def _page_numbers(current: int, total: int) -> list[int | None]:
    """The page numbers a pager shows: the first, the last and PAGER_NEAR either side of the
    current one, None where numbers are left out ("1 … 7 8 9 10 11 … 623")."""
    shown = sorted({1, total} | set(range(max(1, current - PAGER_NEAR), min(total, current + PAGER_NEAR) + 1)))
    numbers: list[int | None] = []
    for n in shown:
        if numbers and n - (numbers[-1] or 0) > 1:
            numbers.append(None)
        numbers.append(n)
    return numbers


def _paginate(s: _Site, lang: str, path: str, items: tuple, page_size: int) -> list[tuple[str, tuple, dict[str, Any]]]:
    """(path, items, pager view) for each page of a listing; always at least one page."""
    chunks = [items[i:i + page_size] for i in range(0, len(items), page_size)] or [()]
    total = len(chunks)
    paths = [s.urls.page(path, lang, n) for n in range(1, total + 1)]
    out = []
    for index, chunk in enumerate(chunks):
        pager = {
            "current": index + 1,
            "total": total,
            "prev": s.urls.href(paths[index - 1]) if index > 0 else None,
            "next": s.urls.href(paths[index + 1]) if index + 1 < total else None,
            "pages": [{"gap": True, "number": None, "href": None, "current": False} if n is None else {"gap": False, "number": n, "href": s.urls.href(paths[n - 1]), "current": n == index + 1}
                      for n in _page_numbers(index + 1, total)],
        }
        out.append((paths[index], chunk, pager))
    return out


def _listing(s: _Site, lang: str, base_of: Callable[[str], str], items: tuple, template: str, title: str, kind: str, view: Callable[[tuple], dict[str, Any]], feed: str | None = None) -> list[Page]:
    """One Page per page of a paginated listing. `base_of(lang)` is the first page's path in a
    language, so page n in one language has page n in the other as its counterpart."""
    pages = []
    for path, chunk, pager in _paginate(s, lang, base_of(lang), items, s.config.page_size):
        n = pager["current"]
        alternates = _both(lambda l: s.urls.page(base_of(l), l, n))
        if path in s.unchanged:
            pages.append(Page(path, template, lang, None, alternates, shows=s.unchanged[path]))
            continue
        s.shown.clear()
        heading = title if n == 1 else f"{title} — {s.ui[lang]['page']} {n}"
        context = _frame(s, lang, path, heading, alternates, feed=feed, kind=kind)
        context.update(view(chunk))
        context["pages_nav"] = pager
        pages.append(Page(path, template, lang, context, alternates, shows=frozenset(s.shown)))
    return pages


def _date_href(s: _Site, date: PubDate | None, lang: str) -> str:
    if date is None:
        return s.urls.href(s.urls.undated(lang))
    if date.precision is Precision.YEAR:
        return s.urls.href(s.urls.year(lang, date.year))
    return s.urls.href(s.urls.month(lang, date.year, date.month))


def _leader_link(s: _Site, leader_id: str, lang: str, date: PubDate | None = None) -> dict[str, Any]:
    leader = s.registry.leaders[leader_id]
    roles = [s.registry.titles[r.title].name.get(lang) for r in leader.roles_on(date)]
    return {"name": leader.name.get(lang), "href": s.urls.href(s.urls.leader(lang, leader_id)), "role": ", ".join(dict.fromkeys(roles))}


def _event_link(s: _Site, event_id: str, lang: str) -> dict[str, Any]:
    return {"name": s.registry.event(event_id).name.get(lang), "href": s.urls.href(s.urls.event(lang, event_id))}


def _span_text(start: PubDate | None, end: PubDate | None, lang: str, ui: dict[str, str]) -> str:
    if start is None and end is None:
        return ""
    first = format_pubdate(start, lang) if start else "…"
    if end is None:
        return f"{ui['since']} {first}" if start else ""
    if start == end:
        return first
    return f"{first} – {format_pubdate(end, lang)}"


# Pages ------------------------------------------------------------------------------------


def plan_site(config: SiteConfig, registry: Registry, archive: Archive, ui: dict[str, dict[str, str]],
              unchanged: dict[str, frozenset[str]] | None = None) -> Plan:
    """Every page and feed of the site. Article pages and pages of listings named in `unchanged`
    (path → the articles it shows) are not planned again: their context is None. The caller
    promises that those pages would come out as before (see `site_shape`)."""
    s = _Site(config, registry, archive, ui, Urls(config.base_url, config.base_path), tagged=_tag_index(archive, config.languages),
              unchanged=unchanged or {})
    pages: list[Page] = [_root_page(s)]
    feeds: list[Feed] = []
    articles = [page for lang in config.languages for page in _article_pages(s, lang)]
    parts = plan_parts(((_sort_value(a), output_file(s.urls.article(a.lang, a.slug)), a.lang) for a in archive.articles), config.search_part_pages)
    for lang in config.languages:
        pages += _home_pages(s, lang)
        pages += [page for page in articles if page.lang == lang]
        pages += _article_index_pages(s, lang)
        pages += _archive_pages(s, lang)
        pages += _leader_pages(s, lang)
        pages += _event_pages(s, lang)
        pages.append(_search_page(s, lang, parts))
        pages.append(_not_found_page(s, lang, s.urls.not_found(lang)))
        feeds += _feeds(s, lang)
    pages.append(_not_found_page(s, config.default_language, "404.html"))
    return Plan(tuple(pages), tuple(feeds), parts)


def _both(path_of) -> dict[str, str]:
    return {lang: path_of(lang) for lang in LANGUAGES}


def _root_page(s: _Site) -> Page:
    lang = s.config.default_language
    context = _frame(s, lang, "", s.config.title[lang], _both(s.urls.home), kind="root")
    context["languages"] = [
        {"lang": l, "label": s.ui[l]["language_name"], "href": s.urls.href(s.urls.home(l)), "title": s.config.title[l]}
        for l in s.config.languages
    ]
    context["redirect"] = s.urls.href(s.urls.home(lang))
    context["page"]["canonical"] = s.urls.absolute(s.urls.home(lang))  # the page it leads to
    return Page("", "root.html", None, context, in_sitemap=False)


def _ranked(ids: Iterable[str]) -> list[tuple[str, int]]:
    """(id, count) by count, most first; ties by id, so the order is stable."""
    return sorted(Counter(ids).items(), key=lambda kv: (-kv[1], kv[0]))


def _years(entries: Iterable[Article]) -> list[tuple[int, int]]:
    counts = Counter(a.date.year for a in entries if a.date)
    return sorted(counts.items(), reverse=True)


def _home_pages(s: _Site, lang: str) -> list[Page]:
    ui = s.ui[lang]
    entries = s.archive.entries(lang)
    context = _frame(s, lang, s.urls.home(lang), s.config.title[lang], _both(s.urls.home), kind="home")
    context.update({
        "latest": [_card(s, a, lang) for a in entries[: s.config.page_size]],
        "all_articles": {"href": s.urls.href(s.urls.articles(lang)), "count": len(entries)},
        "top_leaders": [dict(_leader_link(s, l, lang), count=c) for l, c in _ranked(l for a in entries for l in a.leaders)[:HOME_RANKED]],
        "top_events": [dict(_event_link(s, e, lang), count=c) for e, c in _ranked(e for a in entries for e in a.events)[:HOME_RANKED]],
        "years": [{"year": y, "count": c, "href": s.urls.href(s.urls.year(lang, y))} for y, c in _years(entries)],
        "undated_count": sum(1 for a in entries if a.date is None),
        "undated_href": s.urls.href(s.urls.undated(lang)),
        "intro": ui["home_intro"],
    })
    return [Page(s.urls.home(lang), "home.html", lang, context, _both(s.urls.home))]


def _article_index_pages(s: _Site, lang: str) -> list[Page]:
    ui = s.ui[lang]
    entries = s.archive.entries(lang)
    view = lambda chunk: {"heading": ui["all_articles"], "items": [_card(s, a, lang) for a in chunk], "count": len(entries)}  # noqa: E731
    return _listing(s, lang, s.urls.articles, entries, "list.html", ui["all_articles"], "list", view)


def _article_pages(s: _Site, lang: str) -> list[Page]:
    ui = s.ui[lang]
    own = s.archive.own(lang)
    chronological = sorted((a for a in own if a.date), key=lambda a: a.sort_key)
    position = {a.key: i for i, a in enumerate(chronological)}
    about = _mentions(s.archive.entries(lang))
    pages = []
    for article in own:
        path = s.urls.article(lang, article.slug)
        alternates = {l: s.urls.article(l, t.slug) for l, t in s.archive.by_key[article.key].items()}
        if path in s.unchanged:
            pages.append(Page(path, "article.html", lang, None, alternates, shows=s.unchanged[path]))
            continue
        s.shown.clear()
        index = position.get(article.key)
        older = chronological[index - 1] if index is not None and index > 0 else None
        newer = chronological[index + 1] if index is not None and index + 1 < len(chronological) else None
        context = _frame(s, lang, path, article.title, alternates, description=_summary(article), kind="article")
        context["article"] = _article_view(s, article, lang, ui)
        context["prev"] = _card(s, older, lang) if older else None
        context["next"] = _card(s, newer, lang) if newer else None
        context["related"] = [_card(s, a, lang) for a in _related(article, about)]
        context["jsonld"] = _jsonld(s, article, path)
        translation = s.archive.counterpart(article, other(lang))
        context["translation"] = {"href": s.urls.href(s.urls.article(translation.lang, translation.slug)), "title": translation.title, "lang": translation.lang, "label": ui[f"read_in_{translation.lang}"]} if translation else None
        pages.append(Page(path, "article.html", lang, context, alternates, shows=frozenset(s.shown)))
    return pages


def _article_view(s: _Site, article: Article, lang: str, ui: dict[str, str]) -> dict[str, Any]:
    s.shown.add(article.key)
    date_text = _date_text(s, article.date, lang)
    cite_parts = [p for p in (article.author, f"“{article.title}”", article.outlet or s.config.title[lang], date_text) if p]
    leaders = [_leader_link(s, l, lang, article.date) for l in article.leaders]
    return {
        "title": article.title,
        "lang": article.lang,
        "date_text": date_text,
        "date_iso": article.date.html_datetime if article.date else "",
        "date_href": _date_href(s, article.date, lang),
        "date_inferred": bool(article.date and article.date.source.value == "inferred"),
        "author": article.author,
        "outlet": article.outlet,
        "leaders": leaders,
        "events": [_event_link(s, e, lang) for e in article.events],
        "blocks": [{"kind": b.kind.value, "html": b.html} for b in article.body],
        "cite": {"text": ". ".join(cite_parts) + ".", "url": s.urls.absolute(s.urls.article(article.lang, article.slug))},
        "search": _search_view(s, article, lang, [l["name"] for l in leaders]),
    }


def _search_view(s: _Site, article: Article, lang: str, leader_names: list[str]) -> dict[str, Any]:
    """What Pagefind reads from an article page besides its text: filters (few values per key),
    a sort key that orders every article by date (undated last, ties by key), result metadata,
    and the words spelt with đ again, spelt with d. Pagefind folds tone marks by itself ("to lam"
    finds "Tô Lâm") but not đ, a letter of its own; the copies are hidden from readers and hold
    only those words, so other words do not count twice in ranking."""
    d = article.date
    with_d = fold_d(" ".join(w for b in article.body for w in _D_WORD.findall(b.text)))
    return {
        "sort": f"date:{_sort_value(article)}",
        "year": f"{s.ui[lang]['filter_year']}:{d.year}" if d else None,
        "leaders_meta": ", ".join(leader_names),
        "title_d": fold_d(" ".join(w for w in article.title.split() if "đ" in w or "Đ" in w)),
        "body_d": with_d,
    }


def _sort_value(article: Article) -> str:
    """Pagefind's date sort: every article in date order, undated first (last when newest
    first), ties by key."""
    d = article.date
    return f"{d.year:04d}-{d.month or 0:02d}-{d.day or 0:02d} {article.key}" if d else f"0000-00-00 {article.key}"


def site_shape(archive: Archive) -> str:
    """The digest of what decides which pages exist, what each lists and in what order: every
    article's key, language, slug, date, leaders and events. While it stays the same (and the
    registry, templates and settings do), a changed article changes only the pages that show it."""
    h = hashlib.blake2b(digest_size=16)
    for a in archive.articles:
        h.update(repr((a.key, a.lang, a.slug, str(a.path), a.date, a.leaders, a.events)).encode())
    return h.hexdigest()


@dataclass(frozen=True, slots=True)
class _Mentions:
    """For each ("event" | "leader", id): the entries that mention it, oldest first, and where
    each entry stands in that list; and each entry's day number (0 when undated)."""

    by_tag: dict[tuple[str, str], list[Article]]
    position: dict[tuple[str, str], dict[str, int]]
    day: dict[str, int]


def _related(article: Article, mentions: _Mentions) -> list[Article]:
    """Articles sharing events (worth two) or leaders (one) with `article`, best score first,
    then nearest in date. Only the RELATED_WINDOW nearest in time on each side of the article are
    considered per leader or event, so a leader with thousands of articles costs no more than one
    with a few dozen: what is related to a 2016 article is what happened around 2016."""
    scores: Counter[str] = Counter()
    by_key: dict[str, Article] = {}
    for kind, ids, weight in (("event", article.events, 2), ("leader", article.leaders, 1)):
        for tag in set(ids):
            listed = mentions.by_tag.get((kind, tag), [])
            at = mentions.position.get((kind, tag), {}).get(article.key, len(listed))
            for other_article in listed[max(0, at - RELATED_WINDOW): at + RELATED_WINDOW + 1]:
                scores[other_article.key] += weight
                by_key[other_article.key] = other_article
    by_key.pop(article.key, None)
    day, days = mentions.day[article.key], mentions.day
    return heapq.nsmallest(RELATED, by_key.values(), key=lambda a: (-scores[a.key], abs(days[a.key] - day), a.key))


def _mentions(entries: tuple[Article, ...]) -> _Mentions:
    by_tag: dict[tuple[str, str], list[Article]] = {}
    for a in sorted(entries, key=lambda a: a.sort_key):
        for tag in dict.fromkeys([("event", e) for e in a.events] + [("leader", l) for l in a.leaders]):
            by_tag.setdefault(tag, []).append(a)
    position = {tag: {a.key: i for i, a in enumerate(listed)} for tag, listed in by_tag.items()}
    day = {a.key: a.date.first_day.toordinal() if a.date else 0 for a in entries}
    return _Mentions(by_tag, position, day)


def _jsonld(s: _Site, article: Article, path: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "inLanguage": article.lang,
        "url": s.urls.absolute(path),
        "mainEntityOfPage": s.urls.absolute(path),
        "description": _summary(article),
        "isPartOf": {"@type": "WebSite", "name": s.config.title[article.lang], "url": s.urls.absolute(s.urls.home(article.lang))},
    }
    if article.date:
        data["datePublished"] = article.date.iso
    if article.author:
        data["author"] = {"@type": "Person", "name": article.author}
    if article.outlet:
        data["publisher"] = {"@type": "Organization", "name": article.outlet}
    about = [{"@type": "Person", "name": s.registry.leaders[l].name.get(article.lang)} for l in article.leaders]
    about += [{"@type": "Event", "name": s.registry.event(e).name.get(article.lang)} for e in article.events]
    if about:
        data["about"] = about
    return data


def _archive_pages(s: _Site, lang: str) -> list[Page]:
    ui = s.ui[lang]
    entries = s.archive.entries(lang)
    dated = [a for a in entries if a.date]
    years = _years(entries)
    pages = []

    by_year: dict[int, list[Article]] = {}
    for a in dated:
        by_year.setdefault(a.date.year, []).append(a)

    def months_of(year: int) -> list[dict[str, Any]]:
        counts = Counter(a.date.month for a in by_year[year] if a.date.month)
        return [{"name": month_name(year, m, lang), "count": c, "href": s.urls.href(s.urls.month(lang, year, m))} for m, c in sorted(counts.items(), reverse=True)]

    undated = tuple(a for a in entries if a.date is None)
    index = _frame(s, lang, s.urls.archive(lang), ui["archive"], _both(s.urls.archive), kind="archive")
    index.update({
        "years": [{"year": y, "count": c, "href": s.urls.href(s.urls.year(lang, y)), "months": months_of(y)} for y, c in years],
        "undated": {"count": len(undated), "href": s.urls.href(s.urls.undated(lang))},
    })
    pages.append(Page(s.urls.archive(lang), "archive.html", lang, index, _both(s.urls.archive)))

    for year, count in years:
        in_year = tuple(by_year[year])
        year_title = f"{ui['year']} {year}" if lang == "vi" else str(year)
        pages += _listing(s, lang, lambda l: s.urls.year(l, year), in_year, "period.html", year_title, "year", lambda chunk: {
            "heading": year_title, "count": count, "months": months_of(year), "items": [_card(s, a, lang) for a in chunk],
            "up": {"label": ui["archive"], "href": s.urls.href(s.urls.archive(lang))},
        })
        for month in sorted({a.date.month for a in in_year if a.date.month}, reverse=True):
            in_month = tuple(a for a in in_year if a.date.month == month)
            heading = month_title(year, month, lang)
            heading = heading[:1].upper() + heading[1:]
            pages += _listing(s, lang, lambda l: s.urls.month(l, year, month), in_month, "period.html", heading, "month", lambda chunk: {
                "heading": heading, "count": len(in_month), "months": [], "items": [_card(s, a, lang) for a in chunk],
                "up": {"label": year_title, "href": s.urls.href(s.urls.year(lang, year))},
            })

    pages += _listing(s, lang, s.urls.undated, undated, "period.html", ui["undated_articles"], "undated", lambda chunk: {
        "heading": ui["undated_articles"], "count": len(undated), "months": [], "items": [_card(s, a, lang) for a in chunk],
        "up": {"label": ui["archive"], "href": s.urls.href(s.urls.archive(lang))},
    })
    return pages


def _grouped_by_year(s: _Site, chunk: tuple[Article, ...], lang: str) -> list[dict[str, Any]]:
    groups: dict[str, list] = {}
    for a in chunk:
        groups.setdefault(str(a.date.year) if a.date else s.ui[lang]["undated"], []).append(_card(s, a, lang))
    return [{"year": year, "cards": cards} for year, cards in groups.items()]


def _leader_pages(s: _Site, lang: str) -> list[Page]:
    ui = s.ui[lang]
    entries = s.archive.entries(lang)
    pages = []
    ranked = dict(_ranked(l for a in entries for l in a.leaders))
    index_rows = sorted(s.registry.leaders.values(), key=lambda l: (-ranked.get(l.id, 0), l.name.get(lang)))
    context = _frame(s, lang, s.urls.leaders(lang), ui["leaders"], _both(s.urls.leaders), kind="leaders")
    context["leaders"] = [
        dict(_leader_link(s, l.id, lang), count=ranked.get(l.id, 0), latest_role=_latest_role(s, l.id, lang)) for l in index_rows
    ]
    pages.append(Page(s.urls.leaders(lang), "leaders.html", lang, context, _both(s.urls.leaders)))

    for leader in sorted(s.registry.leaders.values(), key=lambda l: l.id):
        about = _tagged(s, lang, "leader", leader.id)
        ranked_with = _once(lambda: (_ranked(l for a in about for l in a.leaders if l != leader.id), _ranked(e for a in about for e in a.events)))
        has_feed = any(a.lang == lang and a.date for a in about)
        pages += _listing(s, lang, lambda l: s.urls.leader(l, leader.id), about, "leader.html", leader.name.get(lang), "leader", lambda chunk: {
            "name": leader.name.get(lang),
            "other_name": leader.name.get(other(lang)) if leader.name.vi != leader.name.en else None,
            "roles": [
                {"title": s.registry.titles[r.title].name.get(lang), "span": _span_text(r.start, r.end, lang, ui)}
                for r in sorted(leader.roles, key=lambda r: r.start.first_day if r.start else PubDate(1900).first_day)
            ],
            "count": len(about),
            "groups": _grouped_by_year(s, chunk, lang),
            "companions": [dict(_leader_link(s, l, lang), count=c) for l, c in ranked_with()[0][:HOME_RANKED]],
            "events": [dict(_event_link(s, e, lang), count=c) for e, c in ranked_with()[1][:HOME_RANKED]],
        }, feed=s.urls.feed(s.urls.leader(lang, leader.id)) if has_feed else None)
    return pages


def _latest_role(s: _Site, leader_id: str, lang: str) -> str:
    roles = s.registry.leaders[leader_id].roles
    if not roles:
        return ""
    latest = max(roles, key=lambda r: (r.end is None, r.end.last_day if r.end else r.start.first_day if r.start else PubDate(1900).first_day))
    return s.registry.titles[latest.title].name.get(lang)


def _all_events(s: _Site) -> list[Event]:
    ids = set(s.registry.events) | {e for a in s.archive.articles for e in a.events}
    return [s.registry.event(e) for e in sorted(ids)]


def _event_pages(s: _Site, lang: str) -> list[Page]:
    ui = s.ui[lang]
    entries = s.archive.entries(lang)
    counts = dict(_ranked(e for a in entries for e in a.events))
    events = _all_events(s)
    pages = []

    def row(e: Event) -> dict[str, Any]:
        return dict(_event_link(s, e.id, lang), count=counts.get(e.id, 0), span=_span_text(e.start, e.end, lang, ui))

    series_rows = []
    for series in sorted(s.registry.series.values(), key=lambda x: x.name.get(lang)):
        instances = sorted((e for e in events if e.series == series.id), key=lambda e: -(e.number or 0))
        series_rows.append({"name": series.name.get(lang), "href": s.urls.href(s.urls.series(lang, series.id)), "instances": [row(e) for e in instances]})
    by_year: dict[str, list] = {}
    for e in sorted((e for e in events if e.series is None), key=lambda e: (-(e.start.year if e.start else 0), e.name.get(lang))):
        by_year.setdefault(str(e.start.year) if e.start else ui["undated"], []).append(row(e))
    context = _frame(s, lang, s.urls.events(lang), ui["events"], _both(s.urls.events), kind="events")
    context.update({"series": series_rows, "by_year": [{"year": y, "events": rows} for y, rows in by_year.items()]})
    pages.append(Page(s.urls.events(lang), "events.html", lang, context, _both(s.urls.events)))

    for series in sorted(s.registry.series.values(), key=lambda x: x.id):
        path = s.urls.series(lang, series.id)
        alternates = _both(lambda l: s.urls.series(l, series.id))
        context = _frame(s, lang, path, series.name.get(lang), alternates, kind="series")
        context.update({
            "name": series.name.get(lang),
            "description": series.description.get(lang) if series.description else None,
            "instances": [row(e) for e in sorted((e for e in events if e.series == series.id), key=lambda e: -(e.number or 0))],
        })
        pages.append(Page(path, "series.html", lang, context, alternates))

    for event in events:
        about = _tagged(s, lang, "event", event.id)
        leaders = _once(lambda: _ranked(l for a in about for l in a.leaders))
        series = s.registry.series.get(event.series) if event.series else None
        has_feed = any(a.lang == lang and a.date for a in about)
        pages += _listing(s, lang, lambda l: s.urls.event(l, event.id), about, "event.html", event.name.get(lang), "event", lambda chunk: {
            "name": event.name.get(lang),
            "span": _span_text(event.start, event.end, lang, ui),
            "description": event.description.get(lang) if event.description else (series.description.get(lang) if series and series.description else None),
            "series": {"name": series.name.get(lang), "href": s.urls.href(s.urls.series(lang, series.id))} if series else None,
            "count": len(about),
            "groups": _grouped_by_year(s, chunk, lang),
            "leaders": [dict(_leader_link(s, l, lang), count=c) for l, c in leaders()[:HOME_RANKED]],
        }, feed=s.urls.feed(s.urls.event(lang, event.id)) if has_feed else None)
    return pages


def _search_page(s: _Site, lang: str, parts: tuple[IndexPart, ...]) -> Page:
    path = s.urls.search(lang)
    context = _frame(s, lang, path, s.ui[lang]["search"], _both(s.urls.search), kind="search")
    ui = s.ui[lang]
    # Pagefind falls back to another language's index when a bundle lacks the page's: the
    # search page of `lang` searches only the parts that hold pages in `lang`.
    own = [part for part in parts if lang in part.languages] or [parts[0]]
    context["pagefind"] = {
        "css": s.urls.href(parts[0].folder + "pagefind-ui.css"),
        "js": s.urls.href(parts[0].folder + "pagefind-ui.js"),
        "options": {
            "bundlePath": s.urls.href(own[0].folder),
            "baseUrl": s.config.base_path,
            "mergeIndex": [{"bundlePath": s.urls.href(part.folder), "baseUrl": s.config.base_path} for part in own[1:]],
            "translations": {key[len("pagefind_"):]: text for key, text in ui.items() if key.startswith("pagefind_")},
            "openFilters": [ui["filter_leader"], ui["filter_event"], ui["filter_year"]],
        },
    }
    return Page(path, "search.html", lang, context, _both(s.urls.search))


def _not_found_page(s: _Site, lang: str, path: str) -> Page:
    context = _frame(s, lang, path, s.ui[lang]["not_found"], {lang: path}, kind="404")
    return Page(path, "404.html", lang, context, in_sitemap=False)


def _feeds(s: _Site, lang: str) -> list[Feed]:
    own = tuple(a for a in s.archive.own(lang) if a.date)[: s.config.feed_size]
    feeds = [Feed(s.urls.feed(s.urls.home(lang)), lang, s.config.title[lang], s.urls.home(lang), own)]
    for leader in sorted(s.registry.leaders.values(), key=lambda l: l.id):
        chosen = tuple(a for a in _tagged(s, lang, "leader", leader.id) if a.lang == lang and a.date)[: s.config.feed_size]
        path = s.urls.leader(lang, leader.id)
        feeds.append(Feed(s.urls.feed(path), lang, f"{leader.name.get(lang)} — {s.config.title[lang]}", path, chosen))
    for event in _all_events(s):
        chosen = tuple(a for a in _tagged(s, lang, "event", event.id) if a.lang == lang and a.date)[: s.config.feed_size]
        path = s.urls.event(lang, event.id)
        feeds.append(Feed(s.urls.feed(path), lang, f"{event.name.get(lang)} — {s.config.title[lang]}", path, chosen))
    return [f for f in feeds if f.articles]
