"""Published URLs never break. Every URL an article was ever published at is kept in the site's
URL lock (by language and key, written by the build beside site.yaml and committed with the
content, as a package lock is); those URLs and the front matter's `aliases` that no article now
uses become small pages redirecting to where the article is now (Hugo's aliases).

Leaders', events' and series' pages are locked too ("leader:<id>", "event:<id>", "series:<id>"):
such a page exists only while some article is about its subject, so one that no article shows
any more redirects to the subject's page in the other language if there is one, else to the
index of its section (leaders, events) in its own language."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from ..config import LANGUAGES
from ..records import Article
from .archive import Archive
from .events import has_series_page
from .urls import Urls
from .views import Page, Site, all_events, display_title, has_event_page, has_leader_page

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


def subject_pages(s: Site) -> dict[str, tuple[str, ...]]:
    """The first page of each leader, event and series that has one now, by lock id, in every
    language it exists in."""
    events = all_events(s)
    found: dict[str, tuple[str, ...]] = {}
    for leader_id in sorted(s.registry.leaders):
        found[f"leader:{leader_id}"] = tuple(
            s.urls.leader(l, leader_id) for l in LANGUAGES if has_leader_page(s, l, leader_id)
        )
    for event in sorted(events, key=lambda e: e.id):
        found[f"event:{event.id}"] = tuple(
            s.urls.event(l, event.id) for l in LANGUAGES if has_event_page(s, l, event.id)
        )
    for series_id in sorted(s.registry.series):
        found[f"series:{series_id}"] = tuple(
            s.urls.series(l, series_id) for l in LANGUAGES if has_series_page(s, l, series_id, events)
        )
    return {ident: paths for ident, paths in found.items() if paths}


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
    return pages + _subject_redirects(s, lock, live)


def _subject_redirects(s: Site, lock: Lock, articles: set[str]) -> list[Page]:
    """A redirect page at every locked page of a leader, event or series that is gone now."""
    now = subject_pages(s)
    live = articles | {path for paths in now.values() for path in paths}
    sections: dict[str, tuple[Callable[[str], str], str]] = {
        "leader": (s.urls.leaders, "leaders"),
        "event": (s.urls.events, "events"),
        "series": (s.urls.events, "events"),
    }
    own: dict[str, Callable[[str, str], str]] = {
        "leader": s.urls.leader,
        "event": s.urls.event,
        "series": s.urls.series,
    }
    pages = []
    for ident, paths in sorted(lock.items()):
        kind, _, _subject = ident.partition(":")
        if kind not in sections:
            continue
        for path in paths:
            lang = path.split("/", 1)[0]
            # only the subject's own address: a hand-edited lock never overwrites another page
            if path in live or lang not in LANGUAGES or not _subject or path != own[kind](lang, _subject):
                continue
            index, heading = sections[kind]
            elsewhere = [p for p in now.get(ident, ()) if not p.startswith(f"{lang}/")]
            target = elsewhere[0] if elsewhere else index(lang)
            target_lang = target.split("/", 1)[0]
            context = {
                "lang": target_lang,
                "title": _name(s, kind, _subject, target_lang) if elsewhere else s.ui[target_lang][heading],
                "href": s.urls.href(target),
                "canonical": s.urls.absolute(target),
            }
            pages.append(Page(path, "redirect.html", lang, context, in_sitemap=False))
    return pages


def _name(s: Site, kind: str, subject: str, lang: str) -> str:
    if kind == "leader":
        return s.registry.leaders[subject].name.get(lang)
    if kind == "series":
        return s.registry.series[subject].name.get(lang)
    return s.registry.event(subject).name.get(lang)
