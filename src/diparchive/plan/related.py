"""Related articles: those sharing events (worth two) or leaders (one), nearest in time."""

from __future__ import annotations

import heapq
from dataclasses import dataclass

from ..records import Article

RELATED = 5
RELATED_WINDOW = 12  # neighbours in time per shared leader or event


@dataclass(frozen=True, slots=True)
class Mentions:
    """For each ("event" | "leader", id): the entries that mention it, oldest first, and where
    each entry stands in that list; and each entry's day number (0 when undated)."""

    by_tag: dict[tuple[str, str], list[Article]]
    position: dict[tuple[str, str], dict[str, int]]
    day: dict[str, int]


def related(article: Article, mentions: Mentions) -> list[Article]:
    """Articles sharing events (worth two) or leaders (one) with `article`, best score first,
    then nearest in date. Only the RELATED_WINDOW nearest in time on each side of the article are
    considered per leader or event, so a leader with thousands of articles costs no more than one
    with a few dozen: what is related to a 2016 article is what happened around 2016."""
    scores: dict[str, int] = {}
    by_key: dict[str, Article] = {}
    for kind, ids, weight in (("event", article.events, 2), ("leader", article.leaders, 1)):
        for tag in set(ids):
            listed = mentions.by_tag.get((kind, tag), [])
            at = mentions.position.get((kind, tag), {}).get(article.key, len(listed))
            for other_article in listed[max(0, at - RELATED_WINDOW) : at + RELATED_WINDOW + 1]:
                key = other_article.key
                scores[key] = scores.get(key, 0) + weight
                by_key[key] = other_article
    own, day, days = article.key, mentions.day[article.key], mentions.day
    # (score, distance, key) tuples compared as they are: keys are unique, so no tie reaches further
    best = heapq.nsmallest(RELATED, [(-n, abs(days[k] - day), k) for k, n in scores.items() if k != own])
    return [by_key[k] for _, _, k in best]


def mentions(entries: tuple[Article, ...]) -> Mentions:
    by_tag: dict[tuple[str, str], list[Article]] = {}
    for a in sorted(entries, key=lambda a: a.sort_key):
        for tag in dict.fromkeys([("event", e) for e in a.events] + [("leader", l) for l in a.leaders]):
            by_tag.setdefault(tag, []).append(a)
    position = {tag: {a.key: i for i, a in enumerate(listed)} for tag, listed in by_tag.items()}
    day = {a.key: a.date.first_day.toordinal() if a.date else 0 for a in entries}
    return Mentions(by_tag, position, day)
