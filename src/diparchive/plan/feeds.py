"""Atom feeds: the site's per language, and one per leader, per event and per partner country."""

from __future__ import annotations

from dataclasses import replace

from .pages import Feed
from .views import Site, all_events, tagged


def feeds(s: Site, lang: str) -> list[Feed]:
    """Feeds hold the dated articles written in `lang`, newest first; a feed with none is left out."""
    own = tuple(a for a in s.archive.own(lang) if a.date)[: s.config.feed_size]
    found = [Feed(s.urls.feed(s.urls.home(lang)), lang, s.config.title[lang], s.urls.home(lang), own)]
    for leader in sorted(s.registry.leaders.values(), key=lambda l: l.id):
        chosen = tuple(a for a in tagged(s, lang, "leader", leader.id) if a.lang == lang and a.date)[
            : s.config.feed_size
        ]
        path = s.urls.leader(lang, leader.id)
        found.append(Feed(s.urls.feed(path), lang, f"{leader.name.get(lang)} — {s.config.title[lang]}", path, chosen))
    for event in all_events(s):
        chosen = tuple(a for a in tagged(s, lang, "event", event.id) if a.lang == lang and a.date)[: s.config.feed_size]
        path = s.urls.event(lang, event.id)
        found.append(Feed(s.urls.feed(path), lang, f"{event.name.get(lang)} — {s.config.title[lang]}", path, chosen))
    for code, country in sorted(s.registry.countries.items()):
        chosen = tuple(a for a in tagged(s, lang, "country", code) if a.lang == lang and a.date)[: s.config.feed_size]
        path = s.urls.country(lang, country.slug.get(lang))
        found.append(Feed(s.urls.feed(path), lang, f"{country.name.get(lang)} — {s.config.title[lang]}", path, chosen))
    unknown = s.ui[lang]["author_unknown"]
    return [replace(f, anonymous=unknown) for f in found if f.articles]
