"""A long listing cut into pages, and the pager each page shows ("1 … 7 8 9 10 11 … 623")."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..records import Article

if TYPE_CHECKING:
    from .views import Site

PAGER_NEAR = 2  # page links shown either side of the current page


def page_numbers(current: int, total: int) -> list[int | None]:
    """The page numbers a pager shows: the first, the last and PAGER_NEAR either side of the
    current one, None where numbers are left out ("1 … 7 8 9 10 11 … 623")."""
    shown = sorted({1, total} | set(range(max(1, current - PAGER_NEAR), min(total, current + PAGER_NEAR) + 1)))
    numbers: list[int | None] = []
    for n in shown:
        if numbers and n - (numbers[-1] or 0) > 1:
            numbers.append(None)
        numbers.append(n)
    return numbers


def paginate(
    s: Site, lang: str, path: str, items: tuple[Article, ...], page_size: int
) -> list[tuple[str, tuple[Article, ...], dict[str, Any]]]:
    """(path, items, pager view) for each page of a listing; always at least one page."""
    chunks = [items[i : i + page_size] for i in range(0, len(items), page_size)] or [()]
    total = len(chunks)
    paths = [s.urls.page(path, lang, n) for n in range(1, total + 1)]
    out = []
    for index, chunk in enumerate(chunks):
        pager = {
            "current": index + 1,
            "total": total,
            "prev": s.urls.href(paths[index - 1]) if index > 0 else None,
            "next": s.urls.href(paths[index + 1]) if index + 1 < total else None,
            "pages": [
                {"gap": True, "number": None, "href": None, "current": False}
                if n is None
                else {"gap": False, "number": n, "href": s.urls.href(paths[n - 1]), "current": n == index + 1}
                for n in page_numbers(index + 1, total)
            ],
        }
        out.append((paths[index], chunk, pager))
    return out
