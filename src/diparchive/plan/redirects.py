"""Published URLs never break. Every URL an article was ever published at is kept in the site's
URL lock (by language and key, written by the build beside site.yaml and committed with the
content, as a package lock is); those URLs and the front matter's `aliases` that no article now
uses become small pages redirecting to where the article is now (Hugo's aliases).

Leaders', events', series' and partner countries' pages are locked too ("leader:<id>",
"event:<id>", "series:<id>", "country:<code>"), every page of their listings and their feeds:
such a page exists only while some article is about its subject, so one gone redirects to the
subject's first page in its language (a later page of a listing that got shorter), else to its
page in the other language, else to the index of its section; a gone feed stays a valid Atom
feed, with no entries, whose page link leads there."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from functools import partial

from ..config import LANGUAGES
from ..read.registry import Country
from ..records import Article
from .archive import Archive
from .citation import citation
from .pages import Feed, Page
from .urls import Urls
from .views import Site, all_events, display_title

Lock = Mapping[str, tuple[str, ...]]  # "lang:key" → every path the article was published at


def lock_id(article: Article) -> str:
    return f"{article.lang}:{article.key}"


def published(lock: Lock, archive: Archive, urls: Urls, subjects: Lock | None = None) -> dict[str, tuple[str, ...]]:
    """The lock after this build: what it held, plus every article's URL now and the pages of
    leaders, events and series now (`subjects`, see subject_pages)."""
    paths = {ident: set(held) for ident, held in lock.items()}
    for a in archive.articles:
        paths.setdefault(lock_id(a), set()).add(urls.article(a.lang, a.slug))
    for ident, held in (subjects or {}).items():
        paths.setdefault(ident, set()).update(held)
    return {ident: tuple(sorted(held)) for ident, held in sorted(paths.items())}


def subject_pages(s: Site, pages: list[Page], feeds: list[Feed]) -> dict[str, tuple[str, ...]]:
    """Every page of each leader, event, series and partner country that has one now (the first
    page of its listing, the pages after it, its feed), by lock id, in every language it exists in."""
    planned = {p.path for p in pages} | {f.path for f in feeds}
    found: dict[str, tuple[str, ...]] = {}
    for ident, own in _subjects(s).items():
        held: list[str] = []
        for lang in LANGUAGES:
            first = own(lang)
            if first not in planned:
                continue
            held.append(first)
            number = 2
            while (path := s.urls.page(first, lang, number)) in planned:
                held.append(path)
                number += 1
            if (feed := s.urls.feed(first)) in planned:
                held.append(feed)
        if held:
            found[ident] = tuple(held)
    return found


def _subjects(s: Site) -> dict[str, Callable[[str], str]]:
    """Lock id → the first page of the subject's listing in a language (whether it exists or not)."""
    found: dict[str, Callable[[str], str]] = {}
    for leader_id in sorted(s.registry.leaders):
        found[f"leader:{leader_id}"] = partial(s.urls.leader, leader_id=leader_id)
    for event in sorted(all_events(s), key=lambda e: e.id):
        found[f"event:{event.id}"] = partial(s.urls.event, event_id=event.id)
    for series_id in sorted(s.registry.series):
        found[f"series:{series_id}"] = partial(s.urls.series, series_id=series_id)
    for code, country in sorted(s.registry.countries.items()):
        found[f"country:{code}"] = partial(_country_page, s, country)
    return found


def _country_page(s: Site, country: Country, lang: str) -> str:
    return s.urls.country(lang, country.slug.get(lang))


def redirect_pages(s: Site, lock: Lock, pages: list[Page], feeds: list[Feed]) -> tuple[list[Page], list[Feed]]:
    """A redirect page at every former URL of a present article that no article uses now, and at
    every locked page of a leader, event, series or country gone now (with an empty feed, pointing
    to where the subject is now, at a gone feed's address)."""
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
    redirects = []
    files: dict[str, Mapping[str, str]] = {}
    for path, a in sorted(targets.items()):
        if path in live:
            continue
        target = s.urls.article(a.lang, a.slug)
        redirects.append(_redirect(s, path, a.lang, target, display_title(a)))
        # a saved link to the old citation file still downloads it (a static host cannot redirect it)
        if lock_id(a) not in files:
            files[lock_id(a)] = citation(s, a)["files"]
        held = files[lock_id(a)]
        redirects += [Page(path + name, name, a.lang, {"text": text}, in_sitemap=False) for name, text in held.items()]
    planned = live | {p.path for p in pages} | {f.path for f in feeds}
    gone_pages, gone_feeds = _subject_redirects(s, lock, subject_pages(s, pages, feeds), planned)
    return redirects + gone_pages, gone_feeds


def _redirect(s: Site, path: str, lang: str, target: str, title: str) -> Page:
    context = {
        "lang": target.split("/", 1)[0],
        "title": title,
        "href": s.urls.href(target),
        "canonical": s.urls.absolute(target),
    }
    return Page(path, "redirect.html", lang, context, in_sitemap=False)


_SECTIONS: dict[str, str] = {"leader": "leaders", "event": "events", "series": "events", "country": "countries"}


def _subject_redirects(
    s: Site, lock: Lock, now: Mapping[str, tuple[str, ...]], planned: set[str]
) -> tuple[list[Page], list[Feed]]:
    """Where a locked page of a subject is not planned now: its first page in this language if it
    has one (a page of its listing gone), else in the other language, else its section's index."""
    subjects = _subjects(s)
    index: dict[str, Callable[[str], str]] = {
        "leaders": s.urls.leaders,
        "events": s.urls.events,
        "countries": s.urls.countries,
    }
    newest = {lang: _newest(s, lang) for lang in LANGUAGES}
    pages: list[Page] = []
    feeds: list[Feed] = []
    for ident, paths in sorted(lock.items()):
        kind = ident.partition(":")[0]
        if kind not in _SECTIONS or ident not in subjects:
            continue
        for path in paths:
            lang = path.split("/", 1)[0]
            if path in planned or lang not in LANGUAGES:
                continue
            first = subjects[ident](lang)
            # only the subject's own addresses: a hand-edited lock never makes a page elsewhere
            if not _own(s, first, lang, path):
                continue
            here = [p for p in now.get(ident, ()) if p == first]
            elsewhere = [p for p in now.get(ident, ()) if not p.startswith(f"{lang}/")]
            target = (here or elsewhere or [index[_SECTIONS[kind]](lang)])[0]
            target_lang = target.split("/", 1)[0]
            name = _name(s, ident, target_lang) if here or elsewhere else s.ui[target_lang][_SECTIONS[kind]]
            if path == s.urls.feed(first):
                if (updated := newest[lang]) is not None:
                    feeds.append(
                        Feed(path, lang, f"{_name(s, ident, lang)} — {s.config.title[lang]}", target, (), updated)
                    )
            else:
                pages.append(_redirect(s, path, lang, target, name))
    return pages, feeds


def _own(s: Site, first: str, lang: str, path: str) -> bool:
    """Is `path` the first page of a listing, one of its later pages or its feed?"""
    if path in (first, s.urls.feed(first)):
        return True
    rest = path.removeprefix(s.urls.page(first, lang, 2).removesuffix("2/"))
    return rest != path and rest.endswith("/") and rest[:-1].isdigit() and int(rest[:-1]) >= 2 and rest[0] != "0"


def _newest(s: Site, lang: str) -> dt.date | None:
    """The day of the newest dated article in `lang`: when a gone subject's empty feed was updated."""
    days = [a.date.first_day for a in s.archive.own(lang) if a.date]
    return max(days) if days else None


def _name(s: Site, ident: str, lang: str) -> str:
    kind, _, subject = ident.partition(":")
    if kind == "country":
        return s.registry.countries[subject].name.get(lang)
    if kind == "leader":
        return s.registry.leaders[subject].name.get(lang)
    if kind == "series":
        return s.registry.series[subject].name.get(lang)
    return s.registry.event(subject).name.get(lang)
