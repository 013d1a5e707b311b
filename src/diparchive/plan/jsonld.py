"""An article page's schema.org NewsArticle (JSON-LD)."""

from __future__ import annotations

from typing import Any

from ..records import Article
from .views import Site, display_title, summary


def jsonld(s: Site, article: Article, path: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": display_title(article),
        "inLanguage": article.lang,
        "url": s.urls.absolute(path),
        "mainEntityOfPage": s.urls.absolute(path),
        "description": summary(article),
        "isPartOf": {
            "@type": "WebSite",
            "name": s.config.title[article.lang],
            "url": s.urls.absolute(s.urls.home(article.lang)),
        },
    }
    if article.date:
        data["datePublished"] = article.date.iso
    if article.author:
        data["author"] = {"@type": "Person", "name": article.author}
    if article.outlet:
        data["publisher"] = {"@type": "Organization", "name": article.outlet}
    about = [{"@type": "Person", "name": s.registry.leaders[l].name.get(article.lang)} for l in article.leaders]
    about += [{"@type": "Event", "name": s.registry.event(e).name.get(article.lang)} for e in article.events]
    if about:
        data["about"] = about
    return data
