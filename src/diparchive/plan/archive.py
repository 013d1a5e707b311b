"""The loaded articles as one collection: translations paired by key, lists per language.

Relationships are kept as keys (a translation is found by `key` and language), never by
guessing from titles or dates.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from itertools import count
from pathlib import Path

from ..errors import DiparchiveError, Problem
from ..records import Article
from .urls import SEGMENTS


@dataclass(frozen=True, slots=True)
class Archive:
    articles: tuple[Article, ...]  # newest first
    by_key: dict[str, dict[str, Article]]  # key → language → article
    listed: dict[str, tuple[Article, ...]] = field(default_factory=dict)  # language → its entries, made once

    def counterpart(self, article: Article, lang: str) -> Article | None:
        return self.by_key[article.key].get(lang)

    def entries(self, lang: str) -> tuple[Article, ...]:
        """What a reader of `lang` can read: each story once, in `lang` when it exists there,
        otherwise in its only language (shown as such)."""
        found = self.listed.get(lang)
        return found if found is not None else self._entries(lang)

    def _entries(self, lang: str) -> tuple[Article, ...]:
        return tuple(a for a in self.articles if a.lang == lang or lang not in self.by_key[a.key])

    def own(self, lang: str) -> tuple[Article, ...]:
        return tuple(a for a in self.articles if a.lang == lang)


def make_archive(articles: tuple[Article, ...], lock: Mapping[str, tuple[str, ...]] | None = None) -> Archive:
    """The collection, each article at a URL no other article has or had. `lock` (the URL lock:
    "lang:key" → paths) names the URLs published before: one is never handed to another article.
    A slug made from the title that is taken becomes "slug-2" (then -3…), the first free or the
    article's own; a slug set in front matter that is taken is an error."""
    problems: list[Problem] = []
    by_key: dict[str, dict[str, Article]] = defaultdict(dict)
    kept: list[Article] = []
    for article in sorted(articles, key=lambda a: str(a.path)):
        other = by_key[article.key].get(article.lang)
        if other is not None:
            original = next((a for l, a in by_key[article.key].items() if l != article.lang), None)
            if original is not None:
                message = f"{other.path} and this file both translate {original.path} into '{article.lang}' (key '{article.key}'); keep one"
            else:
                message = f"key '{article.key}' in '{article.lang}' is already used by {other.path}; a key may have one article per language"
            problems.append(Problem(article.path, None, message))
            continue
        by_key[article.key][article.lang] = article
        kept.append(article)
    held = _held_slugs(lock or {}, kept)
    slugs: dict[tuple[str, str], Article] = {}
    placed: dict[Path, Article] = {}
    for article in sorted(kept, key=lambda a: (not a.slug_set, str(a.path))):  # slugs set by hand first
        owner = f"{article.lang}:{article.key}"
        if article.slug_set:
            clash = slugs.get((article.lang, article.slug))
            holder = held.get((article.lang, article.slug), owner)
            if clash is not None or holder != owner:
                used = f"used by {clash.path}" if clash is not None else f"published for '{holder}' (urls.lock)"
                problems.append(
                    Problem(
                        article.path,
                        None,
                        f"URL slug '{article.slug}' is already {used}; set a different 'slug' in the front matter",
                    )
                )
                continue
            slug = article.slug
        else:
            slug = next(
                candidate
                for candidate in _candidates(article.slug)
                if (article.lang, candidate) not in slugs and held.get((article.lang, candidate), owner) == owner
            )
        placed[article.path] = article if slug == article.slug else replace(article, slug=slug)
        slugs[(article.lang, slug)] = placed[article.path]
    if problems:
        raise DiparchiveError(problems, heading="articles that clash")
    for lang_of in by_key.values():
        for lang, article in lang_of.items():
            lang_of[lang] = placed[article.path]
    ordered = tuple(sorted(placed.values(), key=lambda a: a.sort_key, reverse=True))
    archive = Archive(ordered, {k: dict(v) for k, v in sorted(by_key.items())})
    archive.listed.update({lang: archive._entries(lang) for lang in sorted({a.lang for a in ordered})})
    return archive


def _candidates(slug: str) -> Iterator[str]:
    yield slug
    yield from (f"{slug}-{n}" for n in count(2))


def _held_slugs(lock: Mapping[str, tuple[str, ...]], articles: list[Article]) -> dict[tuple[str, str], str]:
    """(language, slug) → the "lang:key" that was published at it (the lock) or names it a former
    slug (`aliases`); the first holder in the lock's order keeps it."""
    held: dict[tuple[str, str], str] = {}
    for ident, paths in sorted(lock.items()):
        for path in paths:
            parts = path.split("/")
            if len(parts) == 4 and parts[0] in SEGMENTS and parts[1] == SEGMENTS[parts[0]]["articles"] and not parts[3]:
                held.setdefault((parts[0], parts[2]), ident)
    for a in articles:
        for alias in a.aliases:
            held.setdefault((a.lang, alias), f"{a.lang}:{a.key}")
    return held


def translation_warnings(archive: Archive, default_language: str) -> list[Problem]:
    """A file outside the default language whose `key` was set by hand (it is not the file's own
    name) but matches no article in another language: a translation whose original is missing,
    or whose key is mistyped."""
    return [
        Problem(
            a.path,
            None,
            f"translation of '{a.key}', but no article has that key: is the original missing or the key mistyped?",
        )
        for a in sorted(archive.articles, key=lambda a: str(a.path))
        if a.lang != default_language and a.key != a.path.stem and len(archive.by_key[a.key]) == 1
    ]


def missing_translations(archive: Archive, languages: tuple[str, ...]) -> dict[str, list[Article]]:
    """language → the articles that have no version in it."""
    return {
        lang: [a for a in archive.articles if lang not in archive.by_key[a.key] and a.lang != lang]
        for lang in languages
    }
