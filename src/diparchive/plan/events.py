"""Event pages: the index of events (series first, then the others by year), one page per
series, and one paginated listing per event.

Only events some article is about or names have a page, and only series with such an instance;
the others are listed apart, unlinked ("in the registry, no articles yet"). Names are in the
Vietnamese alphabet (see collation); dates on one line (see spans)."""

from __future__ import annotations

from functools import partial
from typing import Any

from ..config import LANGUAGES
from ..read.registry import Event, Series
from .collation import by_name, collation_key
from .jsonld import event_jsonld
from .navigation import event_trail, section_trail, series_trail, session_links
from .pages import Page
from .spans import days_span
from .timeline import chart, series_articles
from .views import (
    HOME_RANKED,
    Site,
    all_events,
    both,
    event_link,
    frame,
    grouped_by_year,
    has_event_page,
    leader_link,
    listing,
    newest_day,
    once,
    other,
    ranked,
    tagged,
)


def has_series_page(s: Site, lang: str, series_id: str, events: list[Event]) -> bool:
    """A series has a page in `lang` when one of its instances (among `events`, see all_events) has."""
    return any(e.series == series_id and has_event_page(s, lang, e.id) for e in events)


def event_pages(s: Site, lang: str) -> list[Page]:
    ui = s.ui[lang]
    entries = s.archive.entries(lang)
    counts = dict(ranked(e for a in entries for e in a.events))  # articles about each event; mentions apart
    mention_counts = dict(ranked(e for a in entries for e in a.mentions))
    events = all_events(s)
    pages = []

    def row(e: Event) -> dict[str, Any]:
        shown = has_event_page(s, lang, e.id)
        return dict(
            event_link(s, e.id, lang),
            href=s.urls.href(s.urls.event(lang, e.id)) if shown else None,
            count=counts.get(e.id, 0),
            mentions=mention_counts.get(e.id, 0),
            span=days_span(e.start, e.end, lang, ui, s.today),
        )

    def instances(series: Series) -> list[Event]:
        return sorted((e for e in events if e.series == series.id), key=lambda e: -(e.number or 0))

    all_series = by_name(s.registry.series.values(), lambda x: x.name.get(lang), lambda x: x.id)
    series_rows = [
        {
            "name": series.name.get(lang),
            "href": s.urls.href(s.urls.series(lang, series.id)),
            "instances": [row(e) for e in instances(series) if has_event_page(s, lang, e.id)],
        }
        for series in all_series
        if has_series_page(s, lang, series.id, events)
    ]
    by_year: dict[str, list[dict[str, Any]]] = {}
    others = sorted(
        (e for e in events if e.series is None),
        key=lambda e: (-(e.start.year if e.start else 0), collation_key(e.name.get(lang)), e.id),
    )
    for e in others:
        if has_event_page(s, lang, e.id):
            by_year.setdefault(str(e.start.year) if e.start else ui["undated"], []).append(row(e))
    apart_series = [
        {"name": series.name.get(lang), "instances": rows}
        for series in all_series
        if (rows := [row(e) for e in instances(series) if not has_event_page(s, lang, e.id)])
    ]
    trail = section_trail(ui["events"], s.urls.events(lang))
    context = frame(s, lang, s.urls.events(lang), ui["events"], both(s.urls.events), kind="events", trail=trail)
    context.update(
        {
            "series": series_rows,
            "by_year": [{"year": y, "events": rows} for y, rows in by_year.items()],
            "registry_only": {
                "series": apart_series,
                "events": [row(e) for e in others if not has_event_page(s, lang, e.id)],
            },
        }
    )
    pages.append(
        Page(s.urls.events(lang), "events.html", lang, context, both(s.urls.events), lastmod=newest_day(entries))
    )

    for series in sorted(s.registry.series.values(), key=lambda x: x.id):
        if not has_series_page(s, lang, series.id, events):
            continue
        path = s.urls.series(lang, series.id)
        alternates = {
            l: p
            for l, p in both(partial(s.urls.series, series_id=series.id)).items()
            if has_series_page(s, l, series.id, events)
        }
        trail = series_trail(s, lang, series)
        context = frame(
            s,
            lang,
            path,
            series.name.get(lang),
            alternates,
            kind="series",
            trail=trail,
            fallback=(s.urls.events(other(lang)), "switcher_missing_events"),
        )
        rows = [row(e) for e in instances(series)]
        context.update(
            {
                "name": series.name.get(lang),
                "description": series.description.get(lang) if series.description else None,
                "instances": [r for r in rows if r["href"]],
                "registry_only": [r for r in rows if not r["href"]],
                "timeline": chart(series_articles(s, lang, series.id, events), lang, ui),
            }
        )
        shown = [a for e in instances(series) for kind in ("event", "mention") for a in tagged(s, lang, kind, e.id)]
        pages.append(Page(path, "series.html", lang, context, alternates, lastmod=newest_day(shown)))

    def event_listing(event: Event) -> list[Page]:
        """The pages of one event's listing (a function, so its lambdas bind this event's values)."""
        about = tagged(s, lang, "event", event.id)
        passing = tagged(s, lang, "mention", event.id)[: s.config.page_size]  # the latest few, on the first page
        leaders = once(
            lambda: ranked((l for a in about for l in a.leaders), lambda l: s.registry.leaders[l].name.get(lang))
        )
        series = s.registry.series.get(event.series) if event.series else None
        has_feed = any(a.lang == lang and a.date for a in about)
        sessions = session_links(s, lang, event, events)
        return listing(
            s,
            lang,
            lambda l: s.urls.event(l, event.id),
            about,
            "event.html",
            event.name.get(lang),
            "event",
            lambda chunk: {
                "name": event.name.get(lang),
                "span": days_span(event.start, event.end, lang, ui, s.today),
                "description": event.description.get(lang)
                if event.description
                else (series.description.get(lang) if series and series.description else None),
                "series": {"name": series.name.get(lang), "href": s.urls.href(s.urls.series(lang, series.id))}
                if series
                else None,
                "count": len(about),
                "groups": grouped_by_year(s, chunk, lang),
                "leaders": [dict(leader_link(s, l, lang), count=c) for l, c in leaders()[:HOME_RANKED]],
                "mentioned_count": len(tagged(s, lang, "mention", event.id)),
                "mentioned": [s.card(a, lang) for a in passing] if chunk[:1] == about[:1] else [],
                "sessions": sessions,
                "timeline": chart(about, lang, ui) if chunk[:1] == about[:1] else None,
            },
            feed=s.urls.feed(s.urls.event(lang, event.id)) if has_feed else None,
            first_also=passing,
            sizes={l: len(tagged(s, l, "event", event.id)) for l in LANGUAGES if has_event_page(s, l, event.id)},
            trail=event_trail(s, lang, event),
            structured=[event_jsonld(s, event, lang, s.urls.event(lang, event.id))],
            besides=(
                len(tagged(s, lang, "mention", event.id)),
                sessions,
                days_span(event.start, event.end, lang, ui, s.today),
            ),
            fallback=(s.urls.events(other(lang)), "switcher_missing_events"),
        )

    for event in events:
        if has_event_page(s, lang, event.id):
            pages += event_listing(event)
    return pages
