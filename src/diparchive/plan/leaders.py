"""Leader pages: the index of leaders and one paginated listing per leader.

The index names each leader with the offices held at their latest article, with their years,
a former office marked as such ("nguyên Chủ tịch nước 2021–2023"), in the Vietnamese alphabet.
Only leaders some article is about have a page; the others are listed apart, unlinked."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from ..config import LANGUAGES
from ..read.registry import Leader, Role
from ..records import Article, PubDate
from .collation import by_name
from .jsonld import person_jsonld
from .navigation import leader_trail, section_trail
from .pages import Page
from .spans import years_span
from .timeline import chart, leader_offices
from .views import (
    HOME_RANKED,
    Site,
    View,
    both,
    event_link,
    frame,
    grouped_by_year,
    has_leader_page,
    leader_link,
    listing,
    newest_day,
    once,
    other,
    ranked,
    span_text,
    tagged,
)


def leader_pages(s: Site, lang: str) -> list[Page]:
    entries = s.archive.entries(lang)
    counts = dict(ranked(l for a in entries for l in a.leaders))
    ui = s.ui[lang]
    leaders = by_name(s.registry.leaders.values(), lambda l: l.name.get(lang), lambda l: l.id)
    trail = section_trail(ui["leaders"], s.urls.leaders(lang))
    context = frame(s, lang, s.urls.leaders(lang), ui["leaders"], both(s.urls.leaders), kind="leaders", trail=trail)
    context["leaders"] = [
        dict(leader_link(s, l.id, lang), count=counts[l.id], offices=offices(s, l, lang))
        for l in leaders
        if has_leader_page(s, lang, l.id)
    ]
    context["registry_only"] = [
        {"name": l.name.get(lang), "offices": offices(s, l, lang)}
        for l in leaders
        if not has_leader_page(s, lang, l.id)
    ]
    pages = [
        Page(s.urls.leaders(lang), "leaders.html", lang, context, both(s.urls.leaders), lastmod=newest_day(entries))
    ]

    for leader in sorted(s.registry.leaders.values(), key=lambda l: l.id):
        about = tagged(s, lang, "leader", leader.id)
        if not about:
            continue
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
            sizes={l: len(tagged(s, l, "leader", leader.id)) for l in LANGUAGES if has_leader_page(s, l, leader.id)},
            trail=leader_trail(s, lang, leader),
            structured=[person_jsonld(s, leader, lang, base_of(lang))],
            besides=(),  # the view reads the leader's articles and the registry, nothing else
            fallback=(s.urls.leaders(other(lang)), "switcher_missing_leaders"),
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
            ranked(
                (l for a in about for l in a.leaders if l != leader.id),
                lambda l: s.registry.leaders[l].name.get(lang),
            ),
            ranked((e for a in about for e in a.events), lambda e: s.registry.event(e).name.get(lang)),
        )
    )

    def view(chunk: tuple[Article, ...]) -> View:
        return {
            "name": leader.name.get(lang),
            "other_name": leader.name.get(other(lang)) if leader.name.vi != leader.name.en else None,
            "other_name_lang": other(lang),
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


def offices(s: Site, leader: Leader, lang: str) -> list[View]:
    """The offices `leader` held at their latest dated article in `lang`, in order of precedence,
    each with its years and marked former when the registry says it ended; with no such article
    (or none the registry's roles cover), the office they held last."""
    latest = next((a.date for a in tagged(s, lang, "leader", leader.id) if a.date), None)
    held = leader.roles_on(latest) or _last_held(leader.roles)
    shown: dict[str, Role] = {}
    for role in held:
        shown.setdefault(role.title, role)
    return [
        {
            "title": s.registry.titles[r.title].name.get(lang),
            "former": r.end is not None,
            "span": years_span(r.start, r.end, s.ui[lang]),
        }
        for r in shown.values()
    ]


def _last_held(roles: tuple[Role, ...]) -> tuple[Role, ...]:
    """The role held last: one still held, else the one that ended last (ties: the first declared)."""
    if not roles:
        return ()
    last = max(
        roles,
        key=lambda r: (r.end is None, r.end.last_day if r.end else r.start.first_day if r.start else dt.date.min),
    )
    return (last,)
