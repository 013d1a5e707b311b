"""Where a page sits and what is beside it: the breadcrumb trail of every page below home (the steps
after "Home", the page itself last), the previous and next period of an archive page and the
previous and next session of a series instance. Neighbours are only pages that show articles:
an empty month, year or session is skipped, never linked."""

from __future__ import annotations

from collections.abc import Sequence

from ..read.registry import Country, Event, Leader, Series
from ..records import Article, Precision, PubDate
from .i18n import month_name
from .views import Crumb, Site, View, has_event_page


def section_trail(label: str, path: str) -> list[Crumb]:
    return [(label, path)]


def archive_trail(s: Site, lang: str) -> list[Crumb]:
    return section_trail(s.ui[lang]["archive"], s.urls.archive(lang))


def year_trail(s: Site, lang: str, year: int) -> list[Crumb]:
    return [*archive_trail(s, lang), (str(year), s.urls.year(lang, year))]


def month_trail(s: Site, lang: str, year: int, month: int) -> list[Crumb]:
    name = month_name(year, month, lang)
    return [*year_trail(s, lang, year), (name[:1].upper() + name[1:], s.urls.month(lang, year, month))]


def undated_trail(s: Site, lang: str) -> list[Crumb]:
    return [*archive_trail(s, lang), (s.ui[lang]["undated"], s.urls.undated(lang))]


def date_trail(s: Site, lang: str, date: PubDate | None) -> list[Crumb]:
    """The archive page an article is filed under (an interval under the month it starts in)."""
    if date is None:
        return undated_trail(s, lang)
    if date.precision is Precision.YEAR or date.month is None:
        return year_trail(s, lang, date.year)
    return month_trail(s, lang, date.year, date.month)


def article_trail(s: Site, lang: str, article: Article, title: str) -> list[Crumb]:
    return [*date_trail(s, lang, article.date), (title, s.urls.article(lang, article.slug))]


def leader_trail(s: Site, lang: str, leader: Leader) -> list[Crumb]:
    return [(s.ui[lang]["leaders"], s.urls.leaders(lang)), (leader.name.get(lang), s.urls.leader(lang, leader.id))]


def country_trail(s: Site, lang: str, country: Country) -> list[Crumb]:
    return [
        (s.ui[lang]["countries"], s.urls.countries(lang)),
        (country.name.get(lang), s.urls.country(lang, country.slug.get(lang))),
    ]


def series_trail(s: Site, lang: str, series: Series) -> list[Crumb]:
    return [(s.ui[lang]["events"], s.urls.events(lang)), (series.name.get(lang), s.urls.series(lang, series.id))]


def event_trail(s: Site, lang: str, event: Event) -> list[Crumb]:
    series = s.registry.series.get(event.series) if event.series else None
    above = series_trail(s, lang, series) if series else section_trail(s.ui[lang]["events"], s.urls.events(lang))
    return [*above, (event.name.get(lang), s.urls.event(lang, event.id))]


def neighbours(steps: Sequence[tuple[str, str]], current: int, s: Site) -> View:
    """The steps before and after `current` in `steps` ((label, path), oldest first)."""
    before = steps[current - 1] if current > 0 else None
    after = steps[current + 1] if current + 1 < len(steps) else None
    return {
        "prev": {"label": before[0], "href": s.urls.href(before[1])} if before else None,
        "next": {"label": after[0], "href": s.urls.href(after[1])} if after else None,
    }


def session_links(s: Site, lang: str, event: Event, events: Sequence[Event]) -> View | None:
    """The sessions of `event`'s series held before and after it whose pages show articles
    (UNGA 78 ← 79 → 80); None for an event outside a series."""
    if event.series is None or event.number is None:
        return None
    number = event.number
    sessions = sorted(
        (e for e in events if e.series == event.series and e.number is not None and has_event_page(s, lang, e.id)),
        key=lambda e: e.number or 0,
    )
    earlier = [e for e in sessions if (e.number or 0) < number]
    later = [e for e in sessions if (e.number or 0) > number]
    steps = [(e.name.get(lang), s.urls.event(lang, e.id)) for e in earlier[-1:] + [event] + later[:1]]
    return neighbours(steps, len(earlier[-1:]), s)
