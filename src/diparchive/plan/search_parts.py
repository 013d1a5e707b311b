"""The search index's shape, planned with the pages: which article pages each Pagefind part
indexes (runs in date order), and which part of an article page's view is indexed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

FIRST_PART = "pagefind/"
# `search_part_pages: auto`: one index while Pagefind's memory for it stays near 1 GB (about
# 100 KB per article page, measured in benchmarks/RESULTS.md), parts of AUTO_PART_PAGES above.
AUTO_ONE_INDEX = 10_000
AUTO_PART_PAGES = 4_000


@dataclass(frozen=True, slots=True)
class IndexPart:
    folder: str  # site-relative folder of its Pagefind bundle
    files: tuple[str, ...]  # the article pages (output files) it indexes, in date order
    languages: frozenset[str]  # of those pages: a search page merges only the parts in its language


def part_folder(number: int) -> str:
    return FIRST_PART if number == 1 else f"{FIRST_PART}part-{number}/"


def part_size(part_pages: int | None, pages: int) -> int:
    """The pages per part: as set (0: one index), or, for `auto` (None), one index up to
    AUTO_ONE_INDEX pages and parts of AUTO_PART_PAGES above."""
    if part_pages is None:
        return 0 if pages <= AUTO_ONE_INDEX else AUTO_PART_PAGES
    return part_pages


def plan_parts(pages: Iterable[tuple[str, str, str]], part_pages: int | None) -> tuple[IndexPart, ...]:
    """(sort value, output file, language) of every article page → the parts of the index: one
    when the part size (`part_size`) is 0, else runs of that many pages in date order, oldest
    first, so that new articles change only the last part and an edited article only its own.
    There is always a first part (the search page loads Pagefind's scripts from it)."""
    ordered = sorted(pages)
    part_pages = part_size(part_pages, len(ordered))
    size = part_pages or len(ordered) or 1  # 0: one part
    runs = [ordered[i : i + size] for i in range(0, len(ordered), size)] or [[]]
    return tuple(
        IndexPart(part_folder(n), tuple(f for _, f, _ in run), frozenset(l for _, _, l in run))
        for n, run in enumerate(runs, 1)
    )


def indexed_view(context: dict[str, Any]) -> Any:
    """What Pagefind reads of an article page: the `indexed` part of its view, the only one
    article.html's `indexed_article` macro (all of `data-pagefind-body`) is given. Related
    articles, neighbours and the frame may change without the index changing."""
    return context["indexed"]
