"""Whole-archive checks that `diparchive check` reports: likely duplicate articles (the same
story from two outlets) and links in article bodies to pages the site does not have."""

from __future__ import annotations

import re
from itertools import combinations
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import Problem
from ..plan.site import Plan
from ..read.dates import DATE_RE
from ..read.folding import ascii_fold, words
from ..records import Article, PubDate

SHINGLE = 5  # words per shingle
DUPLICATE_SIMILARITY = 0.5  # Jaccard similarity of shingle sets
DUPLICATE_DAYS = 3  # only articles this close in date are compared (undated ones with all)
_HREF = re.compile(r'href="([^"]*)"')


def _date(article: Article) -> PubDate:
    assert article.date is not None  # of a dated article
    return article.date


def _shingles(article: Article) -> frozenset[int]:
    tokens = words(ascii_fold(" ".join(b.text for b in article.body)))
    return frozenset(hash(tuple(tokens[i : i + SHINGLE])) for i in range(max(1, len(tokens) - SHINGLE + 1)))


def likely_duplicates(articles: tuple[Article, ...]) -> list[Problem]:
    """Pairs in one language, close in date, whose texts share most of their word sequences."""
    problems = []
    for lang in sorted({a.lang for a in articles}):
        own = [a for a in articles if a.lang == lang]
        dated = sorted((a for a in own if a.date), key=lambda a: (_date(a).first_day, str(a.path)))
        undated = sorted((a for a in own if not a.date), key=lambda a: str(a.path))
        shingles = {a.path: _shingles(a) for a in own}
        pairs = []
        for i, a in enumerate(dated):
            for b in dated[i + 1 :]:
                if (_date(b).first_day - _date(a).last_day).days > DUPLICATE_DAYS:
                    break
                pairs.append((a, b))
        pairs += list(combinations(undated, 2)) + [(u, d) for u in undated for d in dated]
        for a, b in pairs:
            x, y = shingles[a.path], shingles[b.path]
            similarity = len(x & y) / len(x | y)
            if similarity >= DUPLICATE_SIMILARITY:
                first, second = sorted((a, b), key=lambda r: str(r.path))
                problems.append(
                    Problem(
                        second.path,
                        second.body[0].line if second.body else None,  # where the text in common opens
                        f"likely the same story as {first.path} ({similarity:.0%} of the text in common)",
                    )
                )
    return sorted(problems, key=lambda p: (str(p.path), p.message))


def repeated_titles(articles: tuple[Article, ...]) -> list[Problem]:
    """Titles read from a scrape that other files of the same language print too, as their
    title or as a line left out: a line of the site (a banner, a section name) rather than
    an article's headline, or the same story twice. Titles given in front matter are the editor's."""
    by_lang: dict[str, dict[str, list[Path]]] = {}
    for article in articles:
        lines = by_lang.setdefault(article.lang, {})
        seen = {_bare(article.title)} if article.title_line is not None else set()
        seen |= {_bare(r.text) for r in article.removed}
        for text in seen:
            lines.setdefault(text, []).append(article.path)
    problems = []
    for article in sorted(articles, key=lambda a: str(a.path)):
        if article.title_line is None:
            continue
        others = sorted({str(p) for p in by_lang[article.lang][_bare(article.title)] if p != article.path})
        if others:
            shown = ", ".join(others[:3]) + (f" and {len(others) - 3} more" if len(others) > 3 else "")
            problems.append(
                Problem(
                    article.path,
                    article.title_line,
                    f"the title is printed in {shown} too: a line of the site, not the headline? "
                    "Give `title:` in front matter if so",
                )
            )
    return problems


def date_line(article: Article) -> int | None:
    """Where to settle a missing date: the line of a date the loader passed over (a stamp it
    read as the site's clock), the nearest to the headline of those above the body's end; else
    the body's first line."""
    first = article.body[0].line if article.body else None
    last = article.body[-1].line if article.body else 0
    anchor = article.title_line or first or 0
    passed = [r.line for r in article.removed if r.line <= max(last, anchor) and DATE_RE.search(r.text)]
    return min(passed, key=lambda line: (abs(line - anchor), line)) if passed else first


def _bare(text: str) -> str:
    return " ".join(ascii_fold(text).lower().split())


def site_paths(plan: Plan, languages: tuple[str, ...], static_files: list[str]) -> set[str]:
    """Every site-relative path a build writes: pages, feeds, sitemaps, robots.txt, static files."""
    paths = {p.path for p in plan.pages} | {f.path for f in plan.feeds} | {"sitemap.xml", "robots.txt"}
    return paths | {f"sitemap-{lang}.xml" for lang in languages} | set(static_files)


def broken_links(articles: tuple[Article, ...], site_paths: set[str], base_url: str) -> list[Problem]:
    """Links in article bodies that point into the site (root-relative, or under base_url) at
    a path the site does not have. `site_paths` are site-relative ("vi/bai-viet/x/", "vi/feed.xml")."""
    base = urlsplit(base_url)
    problems = []
    for article in sorted(articles, key=lambda a: str(a.path)):
        for block in article.body:
            for href in _HREF.findall(block.html):
                url = urlsplit(href.replace("&amp;", "&"))
                if url.scheme and (url.scheme, url.netloc) != (base.scheme, base.netloc):
                    continue  # another site
                if not url.scheme and not url.path.startswith("/"):
                    continue  # relative links and #anchors are left to the editor
                if not url.path.startswith(base.path):
                    problems.append(
                        Problem(article.path, block.line, f"link to {href} is outside the site's base path {base.path}")
                    )
                    continue
                relative = url.path[len(base.path) :]
                if (
                    relative not in site_paths
                    and relative + "/" not in site_paths
                    and relative.removesuffix("index.html") not in site_paths
                ):
                    problems.append(Problem(article.path, block.line, f"link to {href}: the site has no such page"))
    return problems
