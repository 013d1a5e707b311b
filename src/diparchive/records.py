"""The typed, frozen records that flow from the loader to the renderer."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class DateSource(StrEnum):
    FRONT_MATTER = "front-matter"
    DATELINE = "dateline"
    INFERRED = "inferred"


@dataclass(frozen=True, slots=True, order=True)
class PubDate:
    """A publication date known to a day, a month or only a year; never an invented day."""

    year: int
    month: int | None = None
    day: int | None = None
    source: DateSource = DateSource.DATELINE

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        return Precision.MONTH if self.month is not None else Precision.YEAR

    @property
    def iso(self) -> str:
        if self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> dt.date:
        if self.day is not None:
            return self.first_day
        month = self.month or 12
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])


class BlockKind(StrEnum):
    PARAGRAPH = "paragraph"
    QUESTION = "question"
    CAPTION = "caption"
    HEADING = "heading"
    LIST = "list"
    QUOTE = "quote"


@dataclass(frozen=True, slots=True)
class Block:
    """One block of an article body. `html` is safe markup for the block's inside."""

    kind: BlockKind
    text: str
    html: str
    line: int


@dataclass(frozen=True, slots=True)
class Removed:
    """Text the loader left out of the body, kept so an editor can check the decision."""

    text: str
    line: int
    reason: str


@dataclass(frozen=True, slots=True)
class Article:
    path: Path  # relative to the site root, for messages and `parse`
    key: str  # shared by an article and its translations
    lang: str
    title: str
    slug: str
    date: PubDate | None
    author: str | None
    outlet: str | None
    body: tuple[Block, ...]
    removed: tuple[Removed, ...]
    leaders: tuple[str, ...]
    events: tuple[str, ...]  # what the article is about
    mentions: tuple[str, ...]  # events only named in passing
    warnings: tuple[str, ...]
    title_supplied: bool = False  # no title line: the title was made from the opening

    @property
    def summary(self) -> str:
        for block in self.body:
            if block.kind is BlockKind.PARAGRAPH:
                return block.text
        return ""

    @property
    def sort_key(self) -> tuple:
        """Newest first when sorted in reverse; undated articles last; ties broken by key."""
        if self.date is None:
            return (0, 0, 0, self.key)
        d = self.date
        return (d.year, d.month or 0, d.day or 0, self.key)
