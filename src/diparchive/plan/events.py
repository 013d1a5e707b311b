"""Event pages: the index of events (series first, then the others by year), one page per
series, and one paginated listing per event."""

from __future__ import annotations

from functools import partial
from typing import Any

from ..read.registry import Event
from .jsonld import event_jsonld
from .navigation import event_trail, section_trail, series_trail, session_links
from .timeline import chart, series_articles
from .views import (
    HOME_RANKED,
    Page,
    Site,
    all_events,
    both,
    event_link,
    frame,
    grouped_by_year,
    leader_link,
    listing,
    once,
    ranked,
    span_text,
    tagged,
)


def event_pages(s: Site, lang: str) -> list[Page]:
    ui = s.ui[lang]
    entries = s.archive.entries(lang)
    counts = dict(ranked(e for a in entries for e in a.events))  # articles about each event; mentions apart
    mention_counts = dict(ranked(e for a in entries for e in a.mentions))
    events = all_events(s)
    pages = []

    def row(e: Event) -> dict[str, Any]:
        return dict(
            event_link(s, e.id, lang),
            count=counts.get(e.id, 0),
            mentions=mention_counts.get(e.id, 0),
            span=span_text(e.start, e.end, lang, ui),
        )

    series_rows = []
    for series in sorted(s.registry.series.values(), key=lambda x: x.name.get(lang)):
        instances = sorted((e for e in events if e.series == series.id), key=lambda e: -(e.number or 0))
        series_rows.append(
            {
                "name": series.name.get(lang),
                "href": s.urls.href(s.urls.series(lang, series.id)),
                "instances": [row(e) for e in instances],
            }
        )
    by_year: dict[str, list[dict[str, Any]]] = {}
    for e in sorted(
        (e for e in events if e.series is None), key=lambda e: (-(e.start.year if e.start else 0), e.name.get(lang))
    ):
        by_year.setdefault(str(e.start.year) if e.start else ui["undated"], []).append(row(e))
    trail = section_trail(ui["events"], s.urls.events(lang))
    context = frame(s, lang, s.urls.events(lang), ui["events"], both(s.urls.events), kind="events", trail=trail)
    context.update({"series": series_rows, "by_year": [{"year": y, "events": rows} for y, rows in by_year.items()]})
    pages.append(Page(s.urls.events(lang), "events.html", lang, context, both(s.urls.events)))

    for series in sorted(s.registry.series.values(), key=lambda x: x.id):
        path = s.urls.series(lang, series.id)
        alternates = both(partial(s.urls.series, series_id=series.id))
        trail = series_trail(s, lang, series)
        context = frame(s, lang, path, series.name.get(lang), alternates, kind="series", trail=trail)
        context.update(
            {
                "name": series.name.get(lang),
                "description": series.description.get(lang) if series.description else None,
                "instances": [
                    row(e) for e in sorted((e for e in events if e.series == series.id), key=lambda e: -(e.number or 0))
                ],
                "timeline": chart(series_articles(s, lang, series.id, events), lang, ui),
            }
        )
        pages.append(Page(path, "series.html", lang, context, alternates))

    def event_listing(event: Event) -> list[Page]:
        """The pages of one event's listing (a function, so its lambdas bind this event's values)."""
        about = tagged(s, lang, "event", event.id)
        passing = tagged(s, lang, "mention", event.id)[: s.config.page_size]  # the latest few, on the first page
        leaders = once(lambda: ranked(l for a in about for l in a.leaders))
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
                "span": span_text(event.start, event.end, lang, ui),
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
            trail=event_trail(s, lang, event),
            structured=[event_jsonld(s, event, lang, s.urls.event(lang, event.id))],
        )

    for event in events:
        pages += event_listing(event)
    return pages
