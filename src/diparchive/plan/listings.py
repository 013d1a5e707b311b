"""The root page, home, the list of all articles, the archive by year and month, search and 404."""

from __future__ import annotations

from collections import Counter
from functools import partial

from ..records import Article
from .doctypes import type_facet
from .i18n import month_name, month_title
from .jsonld import website_jsonld
from .navigation import archive_trail, month_trail, neighbours, section_trail, undated_trail, year_trail
from .pages import Page
from .search_parts import IndexPart
from .timeline import chart
from .views import HOME_RANKED, Site, View, both, event_link, frame, leader_link, listing, once, ranked, years


def root_page(s: Site) -> Page:
    lang = s.config.default_language
    context = frame(s, lang, "", s.config.title[lang], both(s.urls.home), kind="root")
    context["languages"] = [
        {"lang": l, "label": s.ui[l]["language_name"], "href": s.urls.href(s.urls.home(l)), "title": s.config.title[l]}
        for l in s.config.languages
    ]
    context["redirect"] = s.urls.href(s.urls.home(lang))
    context["page"]["canonical"] = s.urls.absolute(s.urls.home(lang))  # the page it leads to
    return Page("", "root.html", None, context, in_sitemap=False)


def home_pages(s: Site, lang: str) -> list[Page]:
    ui = s.ui[lang]
    entries = s.archive.entries(lang)
    context = frame(
        s,
        lang,
        s.urls.home(lang),
        s.config.title[lang],
        both(s.urls.home),
        kind="home",
        structured=[website_jsonld(s, lang)],
    )
    context.update(
        {
            "latest": [s.card(a, lang) for a in entries[: s.config.page_size]],
            "all_articles": {"href": s.urls.href(s.urls.articles(lang)), "count": len(entries)},
            "top_leaders": [
                dict(leader_link(s, l, lang), count=c)
                for l, c in ranked(
                    (l for a in entries for l in a.leaders), lambda l: s.registry.leaders[l].name.get(lang)
                )[:HOME_RANKED]
            ],
            "top_events": [
                dict(event_link(s, e, lang), count=c)
                for e, c in ranked(
                    (e for a in entries for e in a.events), lambda e: s.registry.event(e).name.get(lang)
                )[:HOME_RANKED]
            ],
            "years": [{"year": y, "count": c, "href": s.urls.href(s.urls.year(lang, y))} for y, c in years(entries)],
            "undated_count": sum(1 for a in entries if a.date is None),
            "undated_href": s.urls.href(s.urls.undated(lang)),
            "intro": ui["home_intro"],
            "timeline": chart(entries, lang, ui),
        }
    )
    return [Page(s.urls.home(lang), "home.html", lang, context, both(s.urls.home))]


def article_index_pages(s: Site, lang: str) -> list[Page]:
    ui = s.ui[lang]
    entries = s.archive.entries(lang)

    facet = once(lambda: type_facet(s, lang))

    def view(chunk: tuple[Article, ...]) -> View:
        return {
            "heading": ui["all_articles"],
            "items": [s.card(a, lang) for a in chunk],
            "count": len(entries),
            "facet": {"label": ui["doc_type"], "types": facet()},
        }

    trail = section_trail(ui["all_articles"], s.urls.articles(lang))
    return listing(s, lang, s.urls.articles, entries, "list.html", ui["all_articles"], "list", view, trail=trail)


def _period_view(
    s: Site, lang: str, heading: str, count: int, months: list[View], periods: View | None, chunk: tuple[Article, ...]
) -> View:
    """`periods`: the previous and next period that has articles (none for the undated)."""
    return {
        "heading": heading,
        "count": count,
        "months": months,
        "items": [s.card(a, lang) for a in chunk],
        "periods": periods,
    }


def _year_title(s: Site, lang: str, year: int) -> str:
    return f"{s.ui[lang]['year']} {year}" if lang == "vi" else str(year)


def _month_heading(year: int, month: int, lang: str) -> str:
    heading = month_title(year, month, lang)
    return heading[:1].upper() + heading[1:]


def archive_pages(s: Site, lang: str) -> list[Page]:
    ui = s.ui[lang]
    entries = s.archive.entries(lang)
    counted = years(entries)
    pages = []

    by_year: dict[int, list[Article]] = {}
    for a in entries:
        if a.date:
            by_year.setdefault(a.date.year, []).append(a)

    def month_of(a: Article) -> int | None:
        return a.date.month if a.date else None

    def months_of(year: int) -> list[View]:
        counts = Counter(m for m in map(month_of, by_year[year]) if m)
        return [
            {"name": month_name(year, m, lang), "count": c, "href": s.urls.href(s.urls.month(lang, year, m))}
            for m, c in sorted(counts.items(), reverse=True)
        ]

    undated = tuple(a for a in entries if a.date is None)
    index = frame(
        s, lang, s.urls.archive(lang), ui["archive"], both(s.urls.archive), kind="archive", trail=archive_trail(s, lang)
    )
    index.update(
        {
            "years": [
                {"year": y, "count": c, "href": s.urls.href(s.urls.year(lang, y)), "months": months_of(y)}
                for y, c in counted
            ],
            "undated": {"count": len(undated), "href": s.urls.href(s.urls.undated(lang))},
        }
    )
    pages.append(Page(s.urls.archive(lang), "archive.html", lang, index, both(s.urls.archive)))

    # Only periods with articles exist, so the neighbours skip empty months and years.
    year_steps = [(_year_title(s, lang, y), s.urls.year(lang, y)) for y, _ in reversed(counted)]
    months_with = sorted({(y, m) for y, in_year in by_year.items() for m in map(month_of, in_year) if m})
    month_steps = [(_month_heading(y, m, lang), s.urls.month(lang, y, m)) for y, m in months_with]
    for year, count in counted:
        in_year = tuple(by_year[year])
        year_title = _year_title(s, lang, year)
        periods = neighbours(year_steps, year_steps.index((year_title, s.urls.year(lang, year))), s)
        months = months_of(year)
        view = partial(_period_view, s, lang, year_title, count, months, periods)
        pages += listing(
            s,
            lang,
            partial(s.urls.year, year=year),
            in_year,
            "period.html",
            year_title,
            "year",
            view,
            trail=year_trail(s, lang, year),
            besides=(periods, months),
        )
        for month in sorted({m for m in map(month_of, in_year) if m}, reverse=True):
            in_month = tuple(a for a in in_year if month_of(a) == month)
            heading = _month_heading(year, month, lang)
            periods = neighbours(month_steps, months_with.index((year, month)), s)
            view = partial(_period_view, s, lang, heading, len(in_month), [], periods)
            pages += listing(
                s,
                lang,
                partial(s.urls.month, year=year, month=month),
                in_month,
                "period.html",
                heading,
                "month",
                view,
                trail=month_trail(s, lang, year, month),
                besides=periods,
            )

    if not undated:
        return pages  # no page that would say "no articles", in the sitemap or anywhere
    counts = {l: sum(1 for a in s.archive.entries(l) if a.date is None) for l in s.config.languages}
    view = partial(_period_view, s, lang, ui["undated_articles"], len(undated), [], None)
    pages += listing(
        s,
        lang,
        s.urls.undated,
        undated,
        "period.html",
        ui["undated_articles"],
        "undated",
        view,
        sizes={l: n for l, n in counts.items() if n},
        trail=undated_trail(s, lang),
    )
    return pages


def search_page(s: Site, lang: str, parts: tuple[IndexPart, ...]) -> Page:
    path = s.urls.search(lang)
    trail = section_trail(s.ui[lang]["search"], path)
    context = frame(s, lang, path, s.ui[lang]["search"], both(s.urls.search), kind="search", trail=trail)
    ui = s.ui[lang]
    # Pagefind falls back to another language's index when a bundle lacks the page's: the
    # search page of `lang` searches only the parts that hold pages in `lang`.
    own = [part for part in parts if lang in part.languages] or [parts[0]]
    context["pagefind"] = {
        "options": {
            "bundlePath": s.urls.href(own[0].folder),
            "baseUrl": s.config.base_path,
            "mergeIndex": [{"bundlePath": s.urls.href(part.folder), "baseUrl": s.config.base_path} for part in own[1:]],
            "strings": {key[len("pagefind_") :]: text for key, text in ui.items() if key.startswith("pagefind_")},
            "filters": [
                ui["filter_leader"],
                ui["filter_event"],
                ui["filter_year"],
                ui["filter_country"],
                ui["filter_type"],
                ui["filter_outlet"],
            ],
            "openFilters": [ui["filter_leader"], ui["filter_event"], ui["filter_year"], ui["filter_country"]],
            "yearFilter": ui["filter_year"],
            "meta": [ui["published"], ui["outlet"], ui["leaders"]],  # shown under a result, in this order
        },
    }
    return Page(path, "search.html", lang, context, both(s.urls.search))


def not_found_page(s: Site, lang: str, path: str) -> Page:
    context = frame(s, lang, path, s.ui[lang]["not_found"], {lang: path}, kind="404")
    # Not a page of the site: no canonical URL; the switch leads plainly to the other home.
    context["page"]["canonical"] = None
    context["page"]["switcher"]["available"] = True
    # The root 404 answers for every language, so it says so in each of them.
    context["also"] = (
        [
            {
                "lang": other,
                "heading": s.ui[other]["not_found"],
                "text": s.ui[other]["not_found_text"],
                "back_home": s.ui[other]["back_home"],
                "search_label": s.ui[other]["search"],
                "home": s.urls.href(s.urls.home(other)),
                "search": s.urls.href(s.urls.search(other)),
            }
            for other in s.config.languages
            if other != lang
        ]
        if "/" not in path
        else []
    )
    return Page(path, "404.html", lang, context, in_sitemap=False)
