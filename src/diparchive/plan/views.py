"""What every page family builds with: the `Site` a planner reads, the frame
every view has, cards, links, pagers and the paginated listing.

A page builder returns `Page`s (see pages), each holding its view *and* the keys of the articles
it shows (`shows`, Lektor's recorded dependency): nothing is recorded on the side.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..config import LANGUAGES, SiteConfig
from ..read.registry import Event, Registry
from ..records import Article, Precision, PubDate
from .archive import Archive
from .basis import Shapes
from .collation import collation_key
from .i18n import format_pubdate
from .jsonld import JsonLd, breadcrumb_list
from .pager import paginate
from .pages import Page
from .spans import one_line
from .urls import Urls

SUMMARY_CHARS = 240
HOME_RANKED = 8

View = dict[str, Any]
Card = dict[str, Any]
Crumb = tuple[str, str]  # (name, site-relative path) of a step in a breadcrumb trail


@dataclass(frozen=True, slots=True)
class Site:
    """What every planning function reads, passed explicitly; made once by `make_site`."""

    config: SiteConfig
    registry: Registry
    archive: Archive
    ui: Mapping[str, Mapping[str, str]]
    urls: Urls
    tagged: Mapping[tuple[str, str, str], tuple[Article, ...]]  # see tag_index
    reusable: Mapping[str, tuple[frozenset[str], str]]  # path → (what it shows, its basis) in the last build
    shape: str  # site_shape: the basis of a page that names no narrower one
    shapes: Shapes  # every article's shape, encoded once: what each listing's basis is a digest of
    card: Callable[[Article, str], Card]  # memoised: a card is shown on many listings
    date_text: Callable[[PubDate | None, str], str]  # memoised: Babel formats each date once per language
    today: dt.date | None = None  # the build's day (an input): what is ongoing; None: nothing is called so


def make_site(
    config: SiteConfig,
    registry: Registry,
    archive: Archive,
    ui: Mapping[str, Mapping[str, str]],
    reusable: Mapping[str, tuple[frozenset[str], str]],
    shapes: Shapes,
    today: dt.date | None = None,
) -> Site:
    urls = Urls(config.base_url, config.base_path)

    @cache
    def date_text(date: PubDate | None, lang: str) -> str:
        return ui[lang]["undated"] if date is None else format_pubdate(date, lang)

    cards: dict[tuple[str, str, str], Card] = {}

    def card(article: Article, lang: str) -> Card:
        """An article as listings show it to a reader of `lang`."""
        memo = (lang, article.lang, article.key)
        made = cards.get(memo)
        if made is None:
            made = cards[memo] = {
                "title": display_title(article),
                "href": urls.href(urls.article(article.lang, article.slug)),
                "lang": article.lang,
                "foreign": article.lang != lang,
                "only_in": ui[lang][f"only_in_{article.lang}"],
                "date_text": date_text(article.date, lang),
                "date_iso": article.date.html_datetime if article.date else "",
                "date_approx": bool(
                    article.date and article.date.is_interval
                ),  # filed under its first month, marked "≈"
                "summary": summary(article),
                "outlet": article.outlet or "",
            }
        return made

    return Site(
        config,
        registry,
        archive,
        ui,
        urls,
        tag_index(archive, config.languages),
        reusable,
        shapes.digest(archive.articles),
        shapes,
        card,
        date_text,
        today,
    )


def reused(s: Site, path: str, basis: str) -> frozenset[str] | None:
    """What the page at `path` shows, when it need not be planned again (it showed no changed
    article in the last build, and its basis is the same); None: plan it."""
    found = s.reusable.get(path)
    return found[0] if found is not None and found[1] == basis else None


def other(lang: str) -> str:
    return next(l for l in LANGUAGES if l != lang)


def both(path_of: Callable[[str], str]) -> dict[str, str]:
    return {lang: path_of(lang) for lang in LANGUAGES}


def frame(
    s: Site,
    lang: str,
    path: str,
    title: str,
    alternates: dict[str, str],
    *,
    description: str | None = None,
    feed: str | None = None,
    kind: str = "page",
    trail: Sequence[Crumb] = (),
    structured: Sequence[JsonLd] = (),
    fallback: tuple[str, str] | None = None,
) -> View:
    """The parts of a view every page has: site, interface strings, navigation, switcher, the
    breadcrumbs (`trail`: the steps below home, the page itself last; none on home) and the
    page's JSON-LD blocks (`structured`, with the trail's BreadcrumbList after them).
    `fallback` (path, interface key of its note) is where the switch leads when the page has no
    counterpart: the other language's index of its section; without it, the other home."""
    ui = s.ui[lang]
    target = other(lang)
    switch_path = alternates.get(target)
    missing_path, missing_note = fallback or (s.urls.home(target), "switcher_missing")
    hreflangs = []
    if len(alternates) > 1:
        hreflangs = [{"lang": l, "href": s.urls.absolute(p)} for l, p in sorted(alternates.items())]
        hreflangs.append(
            {"lang": "x-default", "href": s.urls.absolute(alternates.get(s.config.default_language, path))}
        )
    nav = [
        ("home", s.urls.home(lang)),
        ("articles", s.urls.articles(lang)),
        ("archive", s.urls.archive(lang)),
        ("leaders", s.urls.leaders(lang)),
        ("events", s.urls.events(lang)),
        ("countries", s.urls.countries(lang)),
        ("search", s.urls.search(lang)),
    ]
    crumbs = [(ui["nav_home"], s.urls.home(lang)), *trail] if trail else []
    return {
        "lang": lang,
        "ui": ui,
        "breadcrumbs": [
            {"name": name, "href": s.urls.href(p), "current": n == len(crumbs)} for n, (name, p) in enumerate(crumbs, 1)
        ],
        "structured": [*structured]
        + ([breadcrumb_list([(name, s.urls.absolute(p)) for name, p in crumbs])] if crumbs else []),
        "site": {
            "title": s.config.title[lang],
            "description": s.config.description[lang],
            "home": s.urls.href(s.urls.home(lang)),
            "stylesheet": s.urls.href(s.urls.stylesheet()),
            "script": s.urls.href(s.urls.script()),
            "favicon": s.urls.href(s.urls.favicon()),
            "search": s.urls.href(s.urls.search(lang)),
            "feed": s.urls.href(s.urls.feed(s.urls.home(lang))),
            "data": s.urls.href(s.urls.data(lang)),
            "data_current": path == s.urls.data(lang),  # the footer's link is the page itself
        },
        "nav": [
            {"label": ui[f"nav_{key}"], "href": s.urls.href(p), "current": key == section_of(path, kind, nav)}
            for key, p in nav
        ],
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
                "href": s.urls.href(switch_path or missing_path),
                "available": switch_path is not None,
                "note": ui[missing_note],
            },
        },
    }


def section_of(path: str, kind: str, nav: list[tuple[str, str]]) -> str | None:
    """The navigation item a page belongs to (its `aria-current`): the item at the page's path or
    the deepest one above it (an article under Articles, a month under the archive, page 2 under
    its listing); an event series belongs to Events, a document type's listing to Articles (its
    facet is there). The 404 page and the Data page (linked from the footer) belong to none."""
    if kind == "series":
        return "events"
    if kind == "doctype":
        return "articles"
    above = [(len(p), key) for key, p in nav if path == p or (path.startswith(p) and key != "home")]
    return max(above)[1] if above else None


def display_title(article: Article) -> str:
    """The title as every page, feed and citation shows it: a title the archive supplied (the file
    had no title line) in square brackets, as archives mark devised titles."""
    return f"[{article.title}]" if article.title_supplied else article.title


def summary(article: Article) -> str:
    text = article.summary
    if len(text) <= SUMMARY_CHARS:
        return text
    return text[:SUMMARY_CHARS].rsplit(" ", 1)[0] + "…"


def tag_index(archive: Archive, languages: tuple[str, ...]) -> dict[tuple[str, str, str], tuple[Article, ...]]:
    """(lang, "leader" | "event" | "mention" | "country" | "country-mention", id) → the entries of
    `lang` that name it (for "event" and "country", that are about it; for "mention" and
    "country-mention", that only name it in passing), in listing order: one pass over the
    entries instead of one per leader, event and country."""
    found: dict[tuple[str, str, str], list[Article]] = {}
    for lang in languages:
        for a in archive.entries(lang):
            for kind, ids in (
                ("leader", a.leaders),
                ("event", a.events),
                ("mention", a.mentions),
                ("country", a.countries),
                ("country-mention", a.country_mentions),
            ):
                for tag in dict.fromkeys(ids):
                    found.setdefault((lang, kind, tag), []).append(a)
    return {key: tuple(listed) for key, listed in found.items()}


def once(make: Callable[[], Any]) -> Callable[[], Any]:
    """`make()` on the first call, the same value after: what only planned pages need is not
    computed for pages that are not planned again, and once for all pages of a listing."""
    return cache(make)


def tagged(s: Site, lang: str, kind: str, tag: str) -> tuple[Article, ...]:
    return s.tagged.get((lang, kind, tag), ())


def listing(
    s: Site,
    lang: str,
    base_of: Callable[[str], str],
    items: tuple[Article, ...],
    template: str,
    title: str,
    kind: str,
    view: Callable[[tuple[Article, ...]], View],
    feed: str | None = None,
    first_also: tuple[Article, ...] = (),
    sizes: Mapping[str, int] | None = None,
    trail: Sequence[Crumb] = (),
    structured: Sequence[JsonLd] = (),
    besides: Any = None,
    fallback: tuple[str, str] | None = None,
) -> list[Page]:
    """One Page per page of a paginated listing; each shows the articles of its chunk (`view`
    makes their cards). `base_of(lang)` is the first page's path in a language, so page n in one
    language has page n in the other as its counterpart. `first_also` are articles the first
    page shows besides its chunk (an event's passing mentions). `sizes` (language → length of
    its listing, for the languages it exists in) keeps counterparts to pages that exist; without
    it the listing exists in every language, as long. `trail` leads to the first page; page n
    adds a step of its own. `structured` is on every page. `besides` is what `view` reads beyond
    the listing's items (plain values, see plan.basis); None, the default, says "anything": the
    listing is then planned again whenever the site's shape changes. `fallback` as for `frame`."""
    pages = []
    size = s.config.page_size
    basis = (
        s.shape
        if besides is None
        else s.shapes.digest(items, s.shapes.digest(first_also), sorted((sizes or {}).items()), feed, besides)
    )
    for path, chunk, pager in paginate(s, lang, base_of(lang), items, size):
        n = pager["current"]
        alternates = {
            l: s.urls.page(base_of(l), l, n)
            for l in LANGUAGES
            if sizes is None or (l in sizes and n <= max(1, math.ceil(sizes[l] / size)))
        }
        lastmod = newest_day(chunk + first_also if n == 1 else chunk)
        if (shows := reused(s, path, basis)) is not None:
            pages.append(Page(path, template, lang, None, alternates, shows=shows, basis=basis, lastmod=lastmod))
            continue
        heading = title if n == 1 else f"{title} — {s.ui[lang]['page']} {n}"
        steps = [*trail, (f"{s.ui[lang]['page']} {n}", path)] if trail and n > 1 else trail
        context = frame(
            s,
            lang,
            path,
            heading,
            alternates,
            feed=feed,
            kind=kind,
            trail=steps,
            structured=structured,
            fallback=fallback,
        )
        context.update(view(chunk))
        context["pages_nav"] = pager
        shown = chunk + first_also if n == 1 else chunk
        pages.append(
            Page(
                path,
                template,
                lang,
                context,
                alternates,
                shows=frozenset(a.key for a in shown),
                basis=basis,
                lastmod=lastmod,
            )
        )
    return pages


def newest_day(articles: Iterable[Article]) -> dt.date | None:
    """The latest of the days `articles` date from (an undated one: the day it was retrieved; a
    month or a span: its first day, never later than the article), or None: a page's `lastmod`,
    decided by its content, never by the clock."""
    return max((when.first_day for a in articles if (when := a.date or a.retrieved)), default=None)


def date_href(s: Site, date: PubDate | None, lang: str) -> str:
    if date is None:
        return s.urls.href(s.urls.undated(lang))
    if date.precision is Precision.YEAR or date.month is None:
        return s.urls.href(s.urls.year(lang, date.year))
    return s.urls.href(s.urls.month(lang, date.year, date.month))


def leader_link(s: Site, leader_id: str, lang: str, date: PubDate | None = None) -> View:
    leader = s.registry.leaders[leader_id]
    roles = [s.registry.titles[r.title].name.get(lang) for r in leader.roles_on(date)]
    return {
        "name": leader.name.get(lang),
        "href": s.urls.href(s.urls.leader(lang, leader_id)),
        "role": ", ".join(dict.fromkeys(roles)),
    }


def event_link(s: Site, event_id: str, lang: str) -> View:
    return {"name": s.registry.event(event_id).name.get(lang), "href": s.urls.href(s.urls.event(lang, event_id))}


def country_link(s: Site, code: str, lang: str) -> View:
    country = s.registry.countries[code]
    return {"name": country.name.get(lang), "href": s.urls.href(s.urls.country(lang, country.slug.get(lang)))}


def span_text(start: PubDate | None, end: PubDate | None, lang: str, ui: Mapping[str, str]) -> str:
    if start is None and end is None:
        return ""
    first = format_pubdate(start, lang) if start else "…"
    if end is None:
        return one_line(f"{ui['since']} {first}") if start else ""
    if start == end:
        return first
    return one_line(f"{first} – {format_pubdate(end, lang)}")


def ranked(ids: Iterable[str], name: Callable[[str], str] | None = None) -> list[tuple[str, int]]:
    """(id, count) by count, most first; ties by `name` in the Vietnamese alphabet (see
    collation), then by id, so the order is stable."""
    if name is None:
        return sorted(Counter(ids).items(), key=lambda kv: (-kv[1], kv[0]))
    return sorted(Counter(ids).items(), key=lambda kv: (-kv[1], collation_key(name(kv[0])), kv[0]))


def has_leader_page(s: Site, lang: str, leader_id: str) -> bool:
    """A leader has a page in `lang` when an entry of `lang` is about them: no link leads to a
    page that shows no article."""
    return bool(tagged(s, lang, "leader", leader_id))


def has_event_page(s: Site, lang: str, event_id: str) -> bool:
    """An event has a page in `lang` when an entry of `lang` is about it or names it in passing."""
    return bool(tagged(s, lang, "event", event_id) or tagged(s, lang, "mention", event_id))


def has_country_page(s: Site, lang: str, code: str) -> bool:
    """A country has a page in `lang` when an entry of `lang` is about it (one it only names in
    passing lists it on a page that exists, never makes one)."""
    return bool(tagged(s, lang, "country", code))


def years(entries: Iterable[Article]) -> list[tuple[int, int]]:
    counts = Counter(a.date.year for a in entries if a.date)
    return sorted(counts.items(), reverse=True)


def grouped_by_year(s: Site, chunk: tuple[Article, ...], lang: str) -> list[View]:
    groups: dict[str, list[Card]] = {}
    for a in chunk:
        groups.setdefault(str(a.date.year) if a.date else s.ui[lang]["undated"], []).append(s.card(a, lang))
    return [{"year": year, "cards": cards} for year, cards in groups.items()]


def all_events(s: Site) -> list[Event]:
    ids = set(s.registry.events) | {e for a in s.archive.articles for e in a.events + a.mentions}
    return [s.registry.event(e) for e in sorted(ids)]
