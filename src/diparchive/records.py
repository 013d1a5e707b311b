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
    """A publication date known to a day, a month or only a year; never an invented day.

    When the text bounds the date without fixing it, `until` holds the latest the date can be
    (year, month[, day]) and the record is an interval from the start (year, month, day) to it:
    it sorts and is filed by its start, and never claims the start's day as the publication day.
    """

    year: int
    month: int | None = None
    day: int | None = None
    source: DateSource = DateSource.DATELINE
    until: tuple[int, ...] = ()

    @property
    def is_interval(self) -> bool:
        return bool(self.until)

    @property
    def start(self) -> PubDate:
        return PubDate(self.year, self.month, self.day, self.source)

    @property
    def end(self) -> PubDate:
        if not self.until:
            return self.start
        month = self.until[1] if len(self.until) > 1 else None
        day = self.until[2] if len(self.until) > 2 else None
        return PubDate(self.until[0], month, day, self.source)

    @property
    def precision(self) -> Precision:
        if self.until:  # never a known day; filed under the month it starts in
            return Precision.MONTH if self.month is not None else Precision.YEAR
        if self.day is not None:
            return Precision.DAY
        return Precision.MONTH if self.month is not None else Precision.YEAR

    @property
    def coarsest(self) -> str | None:
        """The finest single value (YYYY-MM or YYYY) true of the whole interval, if any."""
        first, last = self.first_day, self.end.last_day
        if (first.year, first.month) == (last.year, last.month) and self.month is not None and len(self.until) > 1:
            return f"{first.year:04d}-{first.month:02d}"
        return f"{first.year:04d}" if first.year == last.year else None

    @property
    def iso(self) -> str:
        """ISO 8601 for a single date; for an interval, the coarsest true single value, else
        the EDTF interval itself (never the start's day)."""
        if self.until:
            return self.coarsest or self.edtf
        return self._single_iso()

    @property
    def html_datetime(self) -> str:
        """A value HTML's `datetime` accepts: the date, or the interval's coarsest true value
        ("" when its bounds share no year: then no machine-readable claim at all)."""
        return (self.coarsest or "") if self.until else self._single_iso()

    @property
    def edtf(self) -> str:
        """Library of Congress EDTF: "2023-12-19", "2023-12", "2023" or "2023-12-19/2024-01"."""
        if self.until:
            return f"{self.start._single_iso()}/{self.end._single_iso()}"
        return self._single_iso()

    def _single_iso(self) -> str:
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
        if self.until:
            return self.end.last_day
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


class DocType(StrEnum):
    """The kind of document an article is (front matter `type:` names one of these values)."""

    INTERVIEW = "interview"
    SPEECH = "speech"  # a speech or another text given in full
    JOINT_STATEMENT = "joint-statement"
    PRESS_BRIEFING = "press-briefing"
    NEWS = "news"  # a news report: every article that is none of the above


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
class Notice:
    """What `check` tells an editor of an article, with the line of the file it is about."""

    message: str
    line: int | None = None  # None: the whole file


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
    warnings: tuple[Notice, ...]
    title_supplied: bool = False  # not the text's own: made from the opening, or the editor's (front matter)
    title_set: bool = False  # the title is the front matter's
    title_line: int | None = None  # the line a scrape's headline was read from
    title_doubt: str | None = None  # why that line may be the site's, not the headline
    slug_set: bool = False  # the slug is the front matter's, not made from the title
    aliases: tuple[str, ...] = ()  # former slugs (front matter): their URLs redirect to this article
    source_url: str | None = None  # where the outlet published it (front matter)
    retrieved: PubDate | None = None  # when it was copied from source_url
    translator: str | None = None  # set: the article is a translation
    draft: bool = False  # front matter `draft: true`: built only with --drafts
    doc_type: DocType = DocType.NEWS  # read.doctype decides it, front matter `type:` overrides
    countries: tuple[str, ...] = ()  # ISO codes of the other countries the article is about
    country_mentions: tuple[str, ...] = ()  # other countries it only names in passing

    @property
    def summary(self) -> str:
        for block in self.body:
            if block.kind is BlockKind.PARAGRAPH:
                return block.text
        return ""

    @property
    def sort_key(self) -> tuple[int, int, int, str]:
        """Newest first when sorted in reverse; undated articles last; ties broken by key."""
        if self.date is None:
            return (0, 0, 0, self.key)
        d = self.date
        return (d.year, d.month or 0, d.day or 0, self.key)
