"""Partner country pages: the index of countries by number of articles, and one paginated listing
per country with the articles about it by year, the leaders and events most associated with it,
the latest articles that only name it in passing, its timeline and its feed.

Only a country some article is about has a page (and a place in the index); one only named in
passing is counted on its page when it has one. URLs are the country's name in each language
(`/vi/quoc-gia/nhat-ban/`, `/en/countries/japan/`)."""

from __future__ import annotations

from collections.abc import Callable

from ..config import LANGUAGES
from ..read.registry import Country
from ..records import Article
from .jsonld import country_jsonld
from .navigation import country_trail, section_trail
from .pages import Page
from .timeline import chart
from .views import (
    HOME_RANKED,
    Site,
    View,
    both,
    country_link,
    event_link,
    frame,
    grouped_by_year,
    has_country_page,
    leader_link,
    listing,
    newest_day,
    once,
    other,
    ranked,
    tagged,
)


def country_pages(s: Site, lang: str) -> list[Page]:
    ui = s.ui[lang]
    entries = s.archive.entries(lang)
    shown = [c for c in sorted(s.registry.countries) if has_country_page(s, lang, c)]
    counts = dict(ranked((c for a in entries for c in a.countries), lambda c: s.registry.countries[c].name.get(lang)))
    passing = dict(ranked(c for a in entries for c in a.country_mentions))
    trail = section_trail(ui["countries"], s.urls.countries(lang))
    context = frame(
        s, lang, s.urls.countries(lang), ui["countries"], both(s.urls.countries), kind="countries", trail=trail
    )
    context["countries"] = [
        dict(country_link(s, code, lang), count=count, mentions=passing.get(code, 0))
        for code, count in counts.items()
        if code in shown
    ]
    pages = [
        Page(
            s.urls.countries(lang), "countries.html", lang, context, both(s.urls.countries), lastmod=newest_day(entries)
        )
    ]
    for code in shown:
        pages += _country_listing(s, lang, s.registry.countries[code])
    return pages


def _country_listing(s: Site, lang: str, country: Country) -> list[Page]:
    about = tagged(s, lang, "country", country.code)
    passing = tagged(s, lang, "country-mention", country.code)
    has_feed = any(a.lang == lang and a.date for a in about)

    def base_of(l: str) -> str:
        return s.urls.country(l, country.slug.get(l))

    return listing(
        s,
        lang,
        base_of,
        about,
        "country.html",
        country.name.get(lang),
        "country",
        _country_view(s, lang, country, about, passing),
        feed=s.urls.feed(base_of(lang)) if has_feed else None,
        first_also=passing[: s.config.page_size],
        sizes={
            l: len(tagged(s, l, "country", country.code)) for l in LANGUAGES if has_country_page(s, l, country.code)
        },
        trail=country_trail(s, lang, country),
        structured=[country_jsonld(s, country, lang, base_of(lang))],
        besides=len(passing),  # besides its articles, the view reads how many name it in passing
        fallback=(s.urls.countries(other(lang)), "switcher_missing_countries"),
    )


def _country_view(
    s: Site, lang: str, country: Country, about: tuple[Article, ...], passing: tuple[Article, ...]
) -> Callable[[tuple[Article, ...]], View]:
    """The view of each page of a country's listing; who and what appear with it is counted once,
    and only if a page is planned."""
    ui = s.ui[lang]
    ranked_with = once(
        lambda: (
            ranked((l for a in about for l in a.leaders), lambda l: s.registry.leaders[l].name.get(lang)),
            ranked((e for a in about for e in a.events), lambda e: s.registry.event(e).name.get(lang)),
        )
    )

    def view(chunk: tuple[Article, ...]) -> View:
        first = chunk[:1] == about[:1]
        return {
            "name": country.name.get(lang),
            "other_name": country.name.get(other(lang)) if country.name.vi != country.name.en else None,
            "other_name_lang": other(lang),
            "count": len(about),
            "groups": grouped_by_year(s, chunk, lang),
            "leaders": [dict(leader_link(s, l, lang), count=c) for l, c in ranked_with()[0][:HOME_RANKED]],
            "events": [dict(event_link(s, e, lang), count=c) for e, c in ranked_with()[1][:HOME_RANKED]],
            "mentioned_count": len(passing),
            "mentioned": [s.card(a, lang) for a in passing[: s.config.page_size]] if first else [],
            "timeline": chart(about, lang, ui) if first else None,
        }

    return view
