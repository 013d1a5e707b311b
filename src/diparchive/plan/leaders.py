"""Leader pages: the index of leaders and one paginated listing per leader."""

from __future__ import annotations

from collections.abc import Callable

from ..read.registry import Leader
from ..records import Article, PubDate
from .jsonld import person_jsonld
from .navigation import leader_trail, section_trail
from .timeline import chart, leader_offices
from .views import (
    HOME_RANKED,
    Page,
    Site,
    View,
    both,
    event_link,
    frame,
    grouped_by_year,
    leader_link,
    listing,
    once,
    other,
    ranked,
    span_text,
    tagged,
)


def leader_pages(s: Site, lang: str) -> list[Page]:
    ui = s.ui[lang]
    entries = s.archive.entries(lang)
    pages = []
    counts = dict(ranked(l for a in entries for l in a.leaders))
    index_rows = sorted(s.registry.leaders.values(), key=lambda l: (-counts.get(l.id, 0), l.name.get(lang)))
    trail = section_trail(ui["leaders"], s.urls.leaders(lang))
    context = frame(s, lang, s.urls.leaders(lang), ui["leaders"], both(s.urls.leaders), kind="leaders", trail=trail)
    context["leaders"] = [
        dict(leader_link(s, l.id, lang), count=counts.get(l.id, 0), latest_role=latest_role(s, l.id, lang))
        for l in index_rows
    ]
    pages.append(Page(s.urls.leaders(lang), "leaders.html", lang, context, both(s.urls.leaders)))

    for leader in sorted(s.registry.leaders.values(), key=lambda l: l.id):
        about = tagged(s, lang, "leader", leader.id)
        has_feed = any(a.lang == lang and a.date for a in about)
        feed = s.urls.feed(s.urls.leader(lang, leader.id)) if has_feed else None
        base_of = _leader_path(s, leader.id)
        pages += listing(
            s,
            lang,
            base_of,
            about,
            "leader.html",
            leader.name.get(lang),
            "leader",
            _leader_view(s, lang, leader, about),
            feed=feed,
            trail=leader_trail(s, lang, leader),
            structured=[person_jsonld(s, leader, lang, base_of(lang))],
        )
    return pages


def _leader_path(s: Site, leader_id: str) -> Callable[[str], str]:
    return lambda l: s.urls.leader(l, leader_id)


def _leader_view(
    s: Site, lang: str, leader: Leader, about: tuple[Article, ...]
) -> Callable[[tuple[Article, ...]], View]:
    """The view of each page of `leader`'s listing; who and what appear with the leader is
    counted once, and only if a page is planned."""
    ui = s.ui[lang]
    ranked_with = once(
        lambda: (
            ranked(l for a in about for l in a.leaders if l != leader.id),
            ranked(e for a in about for e in a.events),
        )
    )

    def view(chunk: tuple[Article, ...]) -> View:
        return {
            "name": leader.name.get(lang),
            "other_name": leader.name.get(other(lang)) if leader.name.vi != leader.name.en else None,
            "roles": [
                {"title": s.registry.titles[r.title].name.get(lang), "span": span_text(r.start, r.end, lang, ui)}
                for r in sorted(leader.roles, key=lambda r: r.start.first_day if r.start else PubDate(1900).first_day)
            ],
            "count": len(about),
            "groups": grouped_by_year(s, chunk, lang),
            "companions": [dict(leader_link(s, l, lang), count=c) for l, c in ranked_with()[0][:HOME_RANKED]],
            "events": [dict(event_link(s, e, lang), count=c) for e, c in ranked_with()[1][:HOME_RANKED]],
            "timeline": chart(about, lang, ui, leader_offices(s, lang, leader)) if chunk[:1] == about[:1] else None,
        }

    return view


def latest_role(s: Site, leader_id: str, lang: str) -> str:
    roles = s.registry.leaders[leader_id].roles
    if not roles:
        return ""
    latest = max(
        roles,
        key=lambda r: (
            r.end is None,
            r.end.last_day if r.end else r.start.first_day if r.start else PubDate(1900).first_day,
        ),
    )
    return s.registry.titles[latest.title].name.get(lang)
