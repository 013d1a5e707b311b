"""Publication dates from datelines and from the text.

One small grammar of date expressions (numeric, ISO, Vietnamese words, English month names from
CLDR via Babel) serves every outlet: a *dateline* is a short line that is nothing but date
expressions, times, weekdays, filler words and perhaps a byline name.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from babel import Locale

from ..records import DateSource, PubDate

_EN = Locale.parse("en")
_VI = Locale.parse("vi")


def _names(table: dict) -> dict[str, int]:
    return {name.lower().rstrip("."): number for number, name in table.items()}


_MONTHS: dict[str, int] = {}
for _width in ("wide", "abbreviated"):
    _MONTHS.update(_names(_EN.months["format"][_width]))
_MONTHS["sept"] = 9
_MONTH_RE = "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True))

def _weekday_re() -> str:
    # Abbreviations only before "," or "." so a name like "Hà Thu" is not read as Thursday.
    wide = {n.lower() for loc in (_EN, _VI) for n in loc.days["format"]["wide"].values()}
    short = {n.lower().rstrip(".") for loc in (_EN, _VI) for n in loc.days["format"]["abbreviated"].values()}
    by_length = lambda names: sorted(map(re.escape, names), key=len, reverse=True)  # noqa: E731
    return "|".join(by_length(wide)) + r"|thứ\s*[2-7]|chủ\s*nhật|(?:" + "|".join(by_length(short - wide)) + r")(?=[.,])"


_WEEKDAY_RE = _weekday_re()

# Each alternative names its groups d, m, y; together they are the whole grammar.
_DATE_PATTERNS = [
    r"(?<![\d/])(?P<d1>\d{1,2})\s*[/.\-]\s*(?P<m1>\d{1,2})\s*[/.\-]\s*(?P<y1>\d{4})(?!\d)",
    r"(?<![\d/])(?P<y2>\d{4})-(?P<m2>\d{1,2})(?:-(?P<d2>\d{1,2}))?(?![\d/])",
    r"ngày\s+(?P<d3>\d{1,2})\s+tháng\s+(?P<m3>\d{1,2})(?:\s*(?:năm|,)\s*(?P<y3>\d{4}))?",
    r"tháng\s+(?P<m4>\d{1,2})\s*(?:năm|/|,)\s*(?P<y4>\d{4})",
    rf"(?P<mn5>{_MONTH_RE})\.?\s+(?P<d5>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y5>\d{{4}})",
    rf"(?P<d6>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mn6>{_MONTH_RE})\.?,?\s+(?P<y6>\d{{4}})",
    rf"(?P<mn7>{_MONTH_RE})\.?,?\s+(?P<y7>\d{{4}})",
]
DATE_RE = re.compile("|".join(f"(?:{p})" for p in _DATE_PATTERNS), re.IGNORECASE)

_TIME_RE = re.compile(
    r"\d{1,2}\s*[:h]\s*\d{2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.|sa|ch)?|\(?\s*gmt\s*[+-]\s*\d{1,2}\s*\)?|\d{1,2}\s*(?:am|pm)",
    re.IGNORECASE,
)
_FILLER_RE = re.compile(
    rf"\b(?:{_WEEKDAY_RE}|cập nhật|đăng|ngày|lúc|giờ|date|published|updated|posted|on|at)\b|[|,\-–—:·•()\[\]]",
    re.IGNORECASE,
)
# Dates the site's chrome prints: the day a page was read or a clock widget, never publication.
_CHROME_RE = re.compile(r"hôm nay|today|truy cập|accessed|retrieved|fetched|lấy về|crawled", re.IGNORECASE)
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_.]*\.?$")


@dataclass(frozen=True, slots=True)
class Dateline:
    date: PubDate
    author: str | None  # a byline name standing beside the date, if any
    rest: str  # text after a leading date marker (" date 2024-09 Title" → "Title"), else ""


def _to_date(match: re.Match[str], source: DateSource) -> PubDate | None:
    g = {k: v for k, v in match.groupdict().items() if v is not None}
    pick = lambda name: next((v for k, v in g.items() if k.rstrip("0123456789") == name), None)  # noqa: E731
    year, month, day, month_name = pick("y"), pick("m"), pick("d"), pick("mn")
    if year is None:
        return None
    m = _MONTHS[month_name.lower().rstrip(".")] if month_name else (int(month) if month else None)
    d = int(day) if day else None
    try:
        dt.date(int(year), m or 1, d or 1)
    except ValueError:
        return None
    if not 1900 <= int(year) <= 2100:
        return None
    return PubDate(int(year), m, d, source)


def parse_dateline(line: str) -> Dateline | None:
    """Read a short line as a dateline, or return None if it is something else."""
    text = line.strip()
    if not text or len(text) > 120 or _CHROME_RE.search(text):
        return None
    matches = list(DATE_RE.finditer(text))
    if not matches:
        return None
    date = _to_date(matches[0], DateSource.DATELINE)
    if date is None:
        return None
    leftover = DATE_RE.sub(" ", text)
    leftover = _TIME_RE.sub(" ", leftover)
    leftover = _FILLER_RE.sub(" ", leftover)
    leftover_words = leftover.split()
    if not leftover_words:
        return Dateline(date, None, "")
    if len(leftover_words) <= 5 and all(_NAME_WORD.match(w) and w[0].isupper() for w in leftover_words):
        return Dateline(date, " ".join(leftover_words), "")
    # A leading date marker followed by a headline on the same line: " date 2024-09 Title".
    head = re.match(r"^\s*(?:date|ngày)?\s*[:\-]?\s*", text, re.IGNORECASE)
    first = matches[0]
    if head and first.start() == head.end():
        rest = text[first.end():]
        rest = _TIME_RE.sub(" ", rest[:12]) + rest[12:] if _TIME_RE.match(rest.strip()) else rest
        rest = rest.strip(" |-–—,:")
        if rest:
            return Dateline(date, None, rest)
    return None


# Inference --------------------------------------------------------------------------------

_LEAD_DAY_RE = re.compile(
    r"(?:^|[.;]\s+)(?:sáng|chiều|tối|trưa|đêm|ngày|hôm)\s+(?:nay\s+)?(?:ngày\s+)?(\d{1,2})\s*/\s*(\d{1,2})(?![\d/])",
    re.IGNORECASE,
)
_YEAR_RANGE_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})(?!\d)")
_CONCLUDED_RE = re.compile(r"tổng kết|nhìn lại|kết thúc|khép lại|vừa qua|review|concluded|looking back|wrap", re.IGNORECASE)


def infer_date(lead: list[str], body: list[str]) -> tuple[PubDate | None, str | None]:
    """Infer a date from the text, or give none. Returns the date and how it was reached.

    `lead` is the opening paragraphs (where news states the day of the event it reports),
    `body` all kept paragraphs. A day and month in the lead become a full date only when the
    text settles the year: a full date shortly before it, or a period it reviews as concluded.
    """
    day_month = None
    for paragraph in lead:
        found = _LEAD_DAY_RE.search(paragraph)
        if found:
            day_month = (int(found.group(1)), int(found.group(2)))
            break
    if day_month is None:
        return None, None
    day, month = day_month
    text = "\n".join(body)

    # A full date in the text up to 60 days before the lead's day: same news cycle.
    for match in DATE_RE.finditer(text):
        full = _to_date(match, DateSource.INFERRED)
        if full is None or full.day is None:
            continue
        for year in (full.year, full.year + 1):
            candidate = _safe_date(year, month, day)
            if candidate and 0 <= (candidate - full.first_day).days <= 60:
                return PubDate(year, month, day, DateSource.INFERRED), f"day {day}/{month} in the lead, year from {full.iso} in the text"

    # A period reviewed as concluded ("tổng kết … nhiệm kỳ 2020-2021"): the day falls after it.
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        if not _CONCLUDED_RE.search(sentence):
            continue
        ends = [int(m.group(2)) for m in _YEAR_RANGE_RE.finditer(sentence)]
        if ends:
            year = max(ends) + 1
            if _safe_date(year, month, day):
                return PubDate(year, month, day, DateSource.INFERRED), f"day {day}/{month} in the lead, after the concluded period ending {max(ends)}"
    return None, None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
