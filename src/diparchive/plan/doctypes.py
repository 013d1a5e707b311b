"""Document types as a way into the archive: one paginated listing per type that has articles, and
the facet (each type with its count, linked to its listing) shown above the list of all articles
and on every type's listing."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from functools import partial

from ..records import Article, DocType
from .navigation import section_trail
from .pages import Page
from .views import Site, View, listing, once


def type_label(s: Site, lang: str, doc_type: DocType) -> str:
    return s.ui[lang][f"type_{doc_type.value.replace('-', '_')}"]


def type_facet(s: Site, lang: str, current: DocType | None = None) -> list[View]:
    """The types that have articles in `lang`, in declaration order, with their counts."""
    counts = Counter(a.doc_type for a in s.archive.entries(lang))
    return [
        {
            "label": type_label(s, lang, t),
            "count": counts[t],
            "href": s.urls.href(s.urls.doc_type(lang, t.value)),
            "current": t is current,
        }
        for t in DocType
        if counts[t]
    ]


def doc_type_pages(s: Site, lang: str) -> list[Page]:
    ui = s.ui[lang]
    entries = s.archive.entries(lang)
    # A type with articles in either language has its page in both, so that each page's
    # counterpart exists even where a story's versions were read as different types.
    found = {a.doc_type for l in s.config.languages for a in s.archive.entries(l)}
    pages: list[Page] = []
    for doc_type in (t for t in DocType if t in found):
        chosen = tuple(a for a in entries if a.doc_type is doc_type)
        label = type_label(s, lang, doc_type)
        path = s.urls.doc_type(lang, doc_type.value)

        facet = once(partial(type_facet, s, lang, doc_type))

        def view(
            chunk: tuple[Article, ...],
            label: str = label,
            total: int = len(chosen),
            facet: Callable[[], list[View]] = facet,
        ) -> View:
            return {
                "heading": label,
                "items": [s.card(a, lang) for a in chunk],
                "count": total,
                "facet": {"label": ui["doc_type"], "types": facet()},
            }

        trail = [*section_trail(ui["all_articles"], s.urls.articles(lang)), (label, path)]
        pages += listing(
            s,
            lang,
            partial(s.urls.doc_type, doc_type=doc_type.value),
            chosen,
            "list.html",
            label,
            "doctype",
            view,
            trail=trail,
        )
    return pages
