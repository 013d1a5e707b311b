"""Spans of time as the indexes show them, each kept on one line (no-break spaces): an office's
years ("Chủ tịch nước 2021–2023", "từ 2024") and an event's days ("8–11 tháng 10 năm 2024",
"30 November – 13 December 2023"), the parts the two ends share written once.

An event whose end the registry does not give is called ongoing ("từ 9 tháng 9 năm 2025" /
"since 9 September 2025") only while its start is recent, counted from the build's `today` (an
input, never the clock): else it "began" on its first day, or "starts" on it when that is to come."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from ..records import Precision, PubDate
from .i18n import format_pubdate, month_name

NBSP = "\u00a0"
DASH = "–"  # en dash: between years or days with no space, between longer ends with spaces
RECENT_START_DAYS = 31  # an event with no known end, begun this recently, may be called ongoing


def one_line(text: str) -> str:
    """No break inside a span's words but after a spaced dash: "30 November –" / "13 December 2023"
    on a narrow screen, never a date cut in two."""
    return text.replace(" ", NBSP).replace(f"{NBSP}{DASH}{NBSP}", f"{NBSP}{DASH} ")


def years_span(start: PubDate | None, end: PubDate | None, ui: Mapping[str, str]) -> str:
    """ "2021–2023", "2024" (began and ended that year), "từ 2024" / "since 2024", "đến 2020" / "until 2020"."""
    if start and end:
        text = str(start.year) if start.year == end.year else f"{start.year}{DASH}{end.year}"
    elif start:
        text = f"{ui['since']} {start.year}"
    elif end:
        text = f"{ui['until']} {end.year}"
    else:
        return ""
    return one_line(text)


def days_span(
    start: PubDate | None, end: PubDate | None, lang: str, ui: Mapping[str, str], today: dt.date | None = None
) -> str:
    """An event's dates, on one line: what both ends share (month, year) written once; with no
    end, "since" only when `today` is at most RECENT_START_DAYS after the start."""
    if start is None and end is None:
        return ""
    if start is None:
        assert end is not None
        return one_line(f"{ui['until']} {format_pubdate(end, lang)}")
    if end is None:
        return one_line(f"{ui[_unended(start, today)]} {format_pubdate(start, lang)}")
    if start == end:
        return one_line(format_pubdate(start, lang))
    if start.precision is Precision.YEAR and end.precision is Precision.YEAR:
        return f"{start.year}{DASH}{end.year}"
    if start.precision is not Precision.DAY or end.precision is not Precision.DAY:
        return one_line(f"{format_pubdate(start, lang)} {DASH} {format_pubdate(end, lang)}")
    assert start.month is not None and end.month is not None
    first, last = start.first_day, end.first_day
    year = "năm " if lang == "vi" else ""
    if first.year != last.year:
        text = f"{_day_month(first.year, first.month, first.day, lang)} {year}{first.year} {DASH} "
        text += f"{_day_month(last.year, last.month, last.day, lang)} {year}{last.year}"
    elif first.month != last.month:
        text = f"{_day_month(first.year, first.month, first.day, lang)} {DASH} "
        text += f"{_day_month(last.year, last.month, last.day, lang)} {year}{last.year}"
    else:
        text = f"{first.day}{DASH}{_day_month(last.year, last.month, last.day, lang)} {year}{last.year}"
    return one_line(text)


def _day_month(year: int, month: int, day: int, lang: str) -> str:
    """ "8 tháng 10" (as `format_day` writes a day) / "8 October"."""
    return f"{day} tháng {month}" if lang == "vi" else f"{day} {month_name(year, month, lang)}"


def _unended(start: PubDate, today: dt.date | None) -> str:
    """The word before the start of an event with no known end: "since" (ongoing), "began", "starts"."""
    if today is not None and today < start.first_day:
        return "starts"
    if today is not None and (today - start.last_day).days <= RECENT_START_DAYS:
        return "since"
    return "began"
