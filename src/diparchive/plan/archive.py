"""The loaded articles as one collection: translations paired by key, lists per language.

Relationships are kept as keys (a translation is found by `key` and language), never by
guessing from titles or dates.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..errors import DiparchiveError, Problem
from ..records import Article


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


def make_archive(articles: tuple[Article, ...]) -> Archive:
    problems: list[Problem] = []
    by_key: dict[str, dict[str, Article]] = defaultdict(dict)
    slugs: dict[tuple[str, str], Article] = {}
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
        clash = slugs.get((article.lang, article.slug))
        if clash is not None:
            problems.append(
                Problem(
                    article.path,
                    None,
                    f"URL slug '{article.slug}' is already used by {clash.path}; set a different 'slug' in the front matter",
                )
            )
            continue
        by_key[article.key][article.lang] = article
        slugs[(article.lang, article.slug)] = article
    if problems:
        raise DiparchiveError(problems, heading="articles that clash")
    ordered = tuple(sorted(articles, key=lambda a: a.sort_key, reverse=True))
    archive = Archive(ordered, {k: dict(v) for k, v in sorted(by_key.items())})
    archive.listed.update({lang: archive._entries(lang) for lang in sorted({a.lang for a in ordered})})
    return archive


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
