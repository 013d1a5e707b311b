"""Reading a scrape written here, as the build reads it (the `reader` fixture's registry,
recognizer and shipped model)."""

from __future__ import annotations

from collections.abc import Sequence

from diparchive.read.loader import load_article
from diparchive.records import Article


def read_scrape(tmp_path, reader, page: str | Sequence[str]) -> Article:
    """The record of a scrape given as its text or its lines, written to tmp_path/scrape.txt."""
    path = tmp_path / "scrape.txt"
    path.write_text(page if isinstance(page, str) else "\n".join(page) + "\n", encoding="utf-8")
    registry, recognizer, segmenter = reader
    return load_article(path, tmp_path, registry, recognizer, segmenter).article
