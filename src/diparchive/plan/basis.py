"""What a page's view depends on besides the records of the articles it shows (`Page.shows`)
and the templates, settings, registry and code (the build's pages key): its *basis*, a digest
the build cache keeps per page. A page whose shown articles are unchanged and whose basis is as
in the last build is not planned again, whatever else changed in the archive.

A listing's basis is the shape of its whole list (every item's key, language, slug, date, tags
and type: what its pager, counts, charts and "appears with" boxes are made of) plus what its
family says it reads besides (an event's sessions, a period's neighbours). A family that says
nothing depends on the shape of the whole site (`site_shape`), so it is planned again whenever
an article is added, removed, re-dated or re-tagged: never wrong, only slower.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..records import Article


def shape_of(a: Article) -> tuple[Any, ...]:
    """What of an article decides which pages exist, what each lists and in what order: its
    key, language, slug, file, date (and retrieval date: an undated page's `lastmod`), leaders,
    events, passing mentions, document type and countries."""
    return (
        a.key,
        a.lang,
        a.slug,
        str(a.path),
        a.date,
        a.retrieved,
        a.leaders,
        a.events,
        a.mentions,
        a.doc_type,
        a.countries,
        a.country_mentions,
    )


def _encoded(a: Article) -> bytes:
    return repr(shape_of(a)).encode() + b"\0"


@dataclass(frozen=True, slots=True)
class Shapes:
    """Every article's shape, encoded once per build (`article_shapes`): each listing's basis
    and the site's shape are digests over the same bytes, not a new description of every
    article per listing."""

    encoded: Mapping[tuple[str, str], bytes]  # (language, key) → the article's encoded shape

    def digest(self, articles: Iterable[Article], *besides: Any) -> str:
        """As `shape_digest`, from the encoded shapes (an article of another archive is
        encoded anew)."""
        found = self.encoded
        h = hashlib.blake2b(digest_size=16)
        h.update(b"".join(found.get((a.lang, a.key)) or _encoded(a) for a in articles))
        h.update(repr(besides).encode())
        return h.hexdigest()


def article_shapes(articles: Iterable[Article]) -> Shapes:
    """The shapes of an archive's articles (one article per language and key)."""
    return Shapes({(a.lang, a.key): _encoded(a) for a in articles})


def shape_digest(articles: Iterable[Article], *besides: Any) -> str:
    """The digest of the shapes of `articles`, in their order, and of `besides` (plain values
    whose repr is stable: strings, numbers, tuples, dicts built in a fixed order)."""
    return Shapes({}).digest(articles, *besides)
