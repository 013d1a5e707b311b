"""Every page's schema.org structured data (JSON-LD): the article, the leader (a Person), the event,
the site and its search (home pages), and the breadcrumb trail of every page below home.

Shapes used (tests/test_structured.py checks each block against them):
- `NewsArticle`: `publisher` is the outlet (an Organization) when it is known, and is left out
  otherwise: the archive holds a copy and never published an outlet's text, so it appears only
  as the `WebSite` the copy `isPartOf`. A translation names its `translator` and points to its
  original with `translationOfWork`; `isBasedOn` is the outlet's own URL when known.
- `Person`: offices over time with schema.org's Role pattern, as in schema.org's own example for
  `hasOccupation`: each office is a `Role` with `startDate`/`endDate` (as precise as the
  registry: a day, a month or a year) whose own `hasOccupation` is the `Occupation` held.
- `Event`: name, dates and, when the registry has it, `location` as a `Place`; in a series, its
  `superEvent` is the series' page (an `Event` too, schema.org's `EventSeries` being pending).
- `Country` (a schema.org `Place`): the partner country's name, its other-language name as
  `alternateName`, its ISO 3166 code as `identifier`.
- `WebSite` with a `SearchAction` whose target is the language's search page (`?q=`).
- `BreadcrumbList` of `ListItem`s (position, name, absolute URL).
Names are in the page's language.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..read.registry import Country, Event, Leader
from ..records import Article, PubDate

if TYPE_CHECKING:  # views imports this module for the breadcrumb list
    from .views import Site

CONTEXT = "https://schema.org"
SEARCH_TERM = "search_term_string"

JsonLd = dict[str, Any]


def article_jsonld(
    s: Site, article: Article, path: str, headline: str, description: str, original: tuple[Article, str] | None
) -> JsonLd:
    """`original`: the article this one translates, with its headline as shown."""
    data: JsonLd = {
        "@context": CONTEXT,
        "@type": "NewsArticle",
        "headline": headline,
        "inLanguage": article.lang,
        "url": s.urls.absolute(path),
        "mainEntityOfPage": s.urls.absolute(path),
        "description": description,
        "isPartOf": _website_ref(s, article.lang),
    }
    published = _published(article.date)
    if published:
        data["datePublished"] = published
    if article.author:
        data["author"] = {"@type": "Person", "name": article.author}
    if article.outlet:
        data["publisher"] = {"@type": "Organization", "name": article.outlet}
    if article.source_url:
        data["isBasedOn"] = article.source_url
    if article.translator:
        data["translator"] = {"@type": "Person", "name": article.translator}
    if original is not None:
        first, title = original
        data["translationOfWork"] = {
            "@type": "NewsArticle",
            "headline": title,
            "inLanguage": first.lang,
            "url": s.urls.absolute(s.urls.article(first.lang, first.slug)),
        }
    about = [{"@type": "Person", "name": s.registry.leaders[l].name.get(article.lang)} for l in article.leaders]
    about += [{"@type": "Event", "name": s.registry.event(e).name.get(article.lang)} for e in article.events]
    about += [{"@type": "Country", "name": s.registry.countries[c].name.get(article.lang)} for c in article.countries]
    if about:
        data["about"] = about
    return data


def person_jsonld(s: Site, leader: Leader, lang: str, path: str) -> JsonLd:
    data: JsonLd = {
        "@context": CONTEXT,
        "@type": "Person",
        "name": leader.name.get(lang),
        "url": s.urls.absolute(path),
    }
    other_names = sorted({leader.name.vi, leader.name.en} - {leader.name.get(lang)})
    if other_names:
        data["alternateName"] = other_names
    roles = sorted(leader.roles, key=lambda r: (r.start.first_day if r.start else PubDate(1).first_day, r.title))
    if roles:
        data["hasOccupation"] = [
            {
                "@type": "Role",
                "hasOccupation": {"@type": "Occupation", "name": s.registry.titles[r.title].name.get(lang)},
                **_dates(r.start, r.end),
            }
            for r in roles
        ]
    return data


def event_jsonld(s: Site, event: Event, lang: str, path: str) -> JsonLd:
    data: JsonLd = {"@context": CONTEXT, "@type": "Event", "name": event.name.get(lang), "url": s.urls.absolute(path)}
    data.update(_dates(event.start, event.end))
    if event.place:
        data["location"] = {"@type": "Place", "name": event.place.get(lang)}
    if event.description:
        data["description"] = event.description.get(lang)
    series = s.registry.series.get(event.series) if event.series else None
    if series:
        data["superEvent"] = {
            "@type": "Event",
            "name": series.name.get(lang),
            "url": s.urls.absolute(s.urls.series(lang, series.id)),
        }
    return data


def country_jsonld(s: Site, country: Country, lang: str, path: str) -> JsonLd:
    data: JsonLd = {
        "@context": CONTEXT,
        "@type": "Country",
        "name": country.name.get(lang),
        "identifier": country.code,
        "url": s.urls.absolute(path),
    }
    other_names = sorted({country.name.vi, country.name.en} - {country.name.get(lang)})
    if other_names:
        data["alternateName"] = other_names
    return data


def website_jsonld(s: Site, lang: str) -> JsonLd:
    search = s.urls.absolute(s.urls.search(lang))
    return {
        "@context": CONTEXT,
        **_website_ref(s, lang),
        "inLanguage": lang,
        "description": s.config.description[lang],
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": f"{search}?q={{{SEARCH_TERM}}}"},
            "query-input": f"required name={SEARCH_TERM}",
        },
    }


def breadcrumb_list(crumbs: Sequence[tuple[str, str]]) -> JsonLd:
    """(name, absolute URL) from the home page down to the page itself."""
    return {
        "@context": CONTEXT,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": n, "name": name, "item": url} for n, (name, url) in enumerate(crumbs, 1)
        ],
    }


def _website_ref(s: Site, lang: str) -> JsonLd:
    return {"@type": "WebSite", "name": s.config.title[lang], "url": s.urls.absolute(s.urls.home(lang))}


def _published(date: PubDate | None) -> str | None:
    """A date schema.org can read: an interval (known to lie between two dates) only as the month
    or year both its bounds share, or not at all."""
    if date is None:
        return None
    return date.coarsest if date.is_interval else date.iso


def _dates(start: PubDate | None, end: PubDate | None) -> JsonLd:
    """ISO 8601 dates as precise as known ("2024-09-10", "2024-09", "2024")."""
    return {key: d.iso for key, d in (("startDate", start), ("endDate", end)) if d is not None}
