"""Publication dates from datelines and from the text.

One small grammar of date expressions (numeric, ISO, Vietnamese words, English month names from
CLDR via Babel) serves every outlet: a *dateline* is a short line that is nothing but date
expressions, times, weekdays, filler words and perhaps a byline name.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from babel import Locale

from ..records import DateSource, PubDate

_EN = Locale.parse("en")
_VI = Locale.parse("vi")


def _names(table: Mapping[int, str]) -> dict[str, int]:
    return {name.lower().rstrip("."): number for number, name in table.items()}


MONTHS: dict[str, int] = {}
for _width in ("wide", "abbreviated"):
    MONTHS.update(_names(_EN.months["format"][_width]))
MONTHS["sept"] = 9
MONTH_RE = "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True))


def _by_length(names: set[str]) -> list[str]:
    return sorted(map(re.escape, names), key=len, reverse=True)


_WIDE_DAYS = {n.lower() for loc in (_EN, _VI) for n in loc.days["format"]["wide"].values()}
_SHORT_DAYS = {n.lower().rstrip(".") for loc in (_EN, _VI) for n in loc.days["format"]["abbreviated"].values()}
# Abbreviations only before "," or "." so a name like "Hà Thu" is not read as Thursday.
_WEEKDAY_RE = (
    "|".join(_by_length(_WIDE_DAYS))
    + r"|thứ\s*[2-7]|chủ\s*nhật|(?:"
    + "|".join(_by_length(_SHORT_DAYS - _WIDE_DAYS))
    + r")(?=[.,])"
)
# An abbreviation opening the line, right before its date: "Mon 12 May 2025 09.30 BST".
_OPENING_WEEKDAY_RE = re.compile(
    r"^\s*(?:" + "|".join(_by_length(_SHORT_DAYS - _WIDE_DAYS)) + r")\.?\s+(?=\d)", re.IGNORECASE
)

# Vietnamese month names spelt out ("Tháng Năm 27, 2021" = May 27), as some sites print them.
_VI_MONTH_WORDS = {
    "một": 1,
    "giêng": 1,
    "hai": 2,
    "ba": 3,
    "tư": 4,
    "bốn": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
    "mười": 10,
    "mười một": 11,
    "mười hai": 12,
    "chạp": 12,
}
_VI_MONTH_WORD_RE = "|".join(sorted(map(re.escape, _VI_MONTH_WORDS), key=len, reverse=True))


def _by_first_letter(names: list[str]) -> str:
    """The alternation of `names` (escaped, in order) grouped by first character, the order kept
    within each group: it matches exactly what the flat alternation does, since names that start
    differently never compete at one position, but tries one letter instead of every name."""
    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault(name[0], []).append(name[1:])
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())


_MONTH_ALTERNATION = _by_first_letter(sorted(map(re.escape, MONTHS), key=len, reverse=True))

# Each alternative names its groups d, m, y (mn: a month name, mw: a Vietnamese month word);
# together they are the whole grammar. The numeric form keeps one separator throughout.
# Those that start with a digit and those that start with a word are tried apart, each list in
# its own order (leftmost first), behind a one-character look-ahead: at most positions of a long
# line nothing is tried at all, and an alternative never competes with one of the other list.
_NUMBER_FIRST = [
    r"(?<![\d/.])(?P<d1>\d{1,2})\s*(?P<s1>[/.\-])\s*(?P<m1>\d{1,2})\s*(?P=s1)\s*(?P<y1>\d{4})(?!\d)",
    r"(?<![\d/.])(?P<y2>\d{4})-(?P<m2>\d{1,2})(?:-(?P<d2>\d{1,2})(?:T\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?(?![\d/])",
    rf"(?P<d6>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mn6>{_MONTH_ALTERNATION})\.?,?\s+(?P<y6>\d{{4}})",
    # "13 tháng 11 năm 2024" (no "ngày" before it: after a weekday, "Thứ Tư, 13 tháng 11 năm 2024").
    r"(?<![\d/.])(?P<d10>\d{1,2})\s+tháng\s+(?P<m10>\d{1,2})\s*(?:năm|,)\s*(?P<y10>\d{4})(?!\d)",
    # A year of two digits only in a page's stamp, day first, before a 24-hour clock ("12/03/25 14:05"):
    # the clock says the day-first convention, the stamp this century. Alone ("12/03/25") it is no date.
    r"(?<![\d/.])(?P<d9>\d{1,2})(?P<s9>[/.\-])(?P<m9>\d{1,2})(?P=s9)(?P<y9>\d{2})(?![\d/.])"
    r"(?=[\s,|\-–—]*(?:lúc\s*)?(?:[01]\d|2[0-3])[:h][0-5]\d(?::[0-5]\d)?(?!\d|\s*(?:am|pm|a\.m|p\.m|sa|ch)\b))",
]
_WORD_FIRST = [
    r"ngày\s+(?P<d3>\d{1,2})\s+tháng\s+(?P<m3>\d{1,2})(?:\s*(?:năm|,)\s*(?P<y3>\d{4}))?",
    r"tháng\s+(?P<m4>\d{1,2})\s*(?:năm|/|,)\s*(?P<y4>\d{4})",
    rf"tháng\s+(?P<mw8>{_VI_MONTH_WORD_RE})\s+(?P<d8>\d{{1,2}}),?\s+(?P<y8>\d{{4}})",
    rf"(?P<mn5>{_MONTH_ALTERNATION})\.?\s+(?P<d5>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y5>\d{{4}})",
    rf"(?P<mn7>{_MONTH_ALTERNATION})\.?,?\s+(?P<y7>\d{{4}})",
]
_WORD_INITIALS = "".join(sorted({"n", "t"} | {name[0] for name in MONTHS}))  # ngày, tháng, month names
DATE_RE = re.compile(
    r"(?=\d)(?:"
    + "|".join(f"(?:{p})" for p in _NUMBER_FIRST)
    + f")|(?=[{_WORD_INITIALS}])(?:"
    + "|".join(f"(?:{p})" for p in _WORD_FIRST)
    + ")",
    re.IGNORECASE,
)

# "10:05", "10h05", "10:05:30 am"; a dotted "12.45" only before a zone or am/pm, or ending the line
# ("Wed 20 Mar 2024 12.45 GMT", British style), never a number in prose.
_TIME = (
    r"(?:\d{1,2}\s*[:h]\s*\d{2}(?:\s*:\s*\d{2})?(?:\s*(?:(?:am|pm|sa|ch)\b|a\.m\.|p\.m\.))?"
    r"|\d{1,2}\.\d{2}(?:\s*(?:am|pm|a\.m\.|p\.m\.)|(?=\s*(?:gmt|utc|bst|cet|ict)\b)|(?=\s*$)))"
)
# A zone after a clock: an offset from GMT/UTC, or a zone's abbreviation in capitals ("14.30 BST").
_ZONE = (
    r"\(?\[?\s*(?:gmt|utc)\s*(?:[+-]\s*\d{1,2}(?::?\d{2})?)?\s*\]?\)?|[+-]\d{2}:\d{2}\b"
    r"|\b(?-i:BST|CEST|CET|EEST|EET|ICT|EST|EDT|CST|CDT|PST|PDT|JST|KST|SGT|HKT|AEST|AEDT)\b"
)
TIME_RE = re.compile(rf"{_TIME}|{_ZONE}|\d{{1,2}}\s*(?:am|pm)\b", re.IGNORECASE)
_TIME_AFTER_RE = re.compile(rf"^[\s,|\-–—·•]*(?:lúc\s+)?{_TIME}", re.IGNORECASE)
_TIME_BEFORE_RE = re.compile(rf"{_TIME}(?:\s*(?:{_ZONE}))?[\s,|\-–—·•]*(?:ngày\s*)?$", re.IGNORECASE)
_WEEKDAY_BEFORE = re.compile(r"(?<![^\W_])(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?,?\s*$", re.IGNORECASE)
_FILLER_RE = re.compile(
    rf"\b(?:{_WEEKDAY_RE}|cập nhật|ngày đăng|đăng|ngày|lúc|giờ|date|published|updated|last updated|posted|on|at)\b|[|,\-–—:·•()\[\]_/]",
    re.IGNORECASE,
)
# Dates the site's chrome prints: the day a page was read or a clock widget, never publication.
# A temperature beside it: a weather widget's day ("Hà Nội 27°C | 28/09/2024").
_CHROME_RE = re.compile(
    r"hôm nay|today|truy cập|accessed|retrieved|fetched|lấy về|crawled|\d\s*°\s*[CF]?\b", re.IGNORECASE
)
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_.]*\.?$")
_PLACE_BEFORE_RE = re.compile(
    r"\s*(?!(?:by|theo)\s)[^\W\d_][^\W\d_]*(?:\s+[^\W\d_]+){0,3},\s*(?:ngày\s+)?", re.IGNORECASE
)
# What a label just before a date says the date is.
_UPDATED_RE = re.compile(
    r"(?:cập nhật|sửa lần cuối|last\s+updated|updated|modified)\s*(?:lúc|ngày|on|at)?\s*[:\-–]?\s*$", re.IGNORECASE
)
_PUBLISHED_RE = re.compile(
    r"(?:ngày đăng|đăng lúc|đăng ngày|đăng|xuất bản|phát hành|published|posted|post on [\w.]+ at|post)\s*(?:lúc|ngày|on|at)?\s*[:\-–]?\s*$",
    re.IGNORECASE,
)
_WEEKDAY_BEFORE_RE = re.compile(rf"(?:{_WEEKDAY_RE})\.?\s*[,|\-–]?\s*(?:ngày\s*)?$", re.IGNORECASE)
# A scraper's own token ahead of the text: " date 2017-12 …" (the date the page was published).
TOKEN_RE = re.compile(r"^\s*date\s+(?=\d{4}-\d{2})")


LISTED_WORDS = 4  # words before a date in brackets that make the line a listed headline

# A print page's masthead: the paper, the day and the page, in parts cut by bars, dots or
# dashes ("THE X | Tuesday, March 4, 2025 | Page 3", "BÁO Y · Thứ Ba, 4/3/2025 · Trang 3"). Its day is
# the issue's, so the article's own; a page number is what a web page's clock or widget never prints.
_PART_CUT = re.compile(r"\s+[|•·]\s+|\s+[-–—]\s+")
_COLUMN_GAP = re.compile(r"\s{3,}")  # a print line's columns
_BARE_PAGE = re.compile(r"\d{1,3}")
_PAGE_NUMBER = re.compile(r"(?:page|trang|tr\.|p\.|pg\.?)\s*[A-Z]?\d{1,3}|[A-H]\d{1,2}", re.IGNORECASE)


def print_masthead(text: str) -> bool:
    """A line of three parts or more, one of them a page number alone (a bare number at an end
    of a line set in columns)."""
    parts = [part.strip() for part in _PART_CUT.split(text)]
    if len(parts) >= 3 and any(_PAGE_NUMBER.fullmatch(part) for part in parts):
        return True
    # Set in columns by wide gaps, the page's number bare at an end ("NHÂN DÂN   Thứ Sáu, ngày 22-9-2023   3").
    columns = [part for part in _COLUMN_GAP.split(text.strip()) if part]
    return len(columns) >= 3 and any(_BARE_PAGE.fullmatch(part) for part in (columns[0], columns[-1]))


def label_only(text: str) -> str | None:
    """A line that is only a date's label, cut from the date it stood before ("Cập nhật:",
    "Updated:", "Đăng lúc:"): what it says the next date is ("updated", "published"), else None."""
    text = text.strip()
    if len(text) > 30 or any(c.isdigit() for c in text):
        return None
    return "updated" if _UPDATED_RE.fullmatch(text) else "published" if _PUBLISHED_RE.fullmatch(text) else None


def _weekdays() -> dict[str, int]:
    table: dict[str, int] = {}
    for loc in (_EN, _VI):
        for width in ("wide", "abbreviated"):
            for number, name in loc.days["format"][width].items():
                table[" ".join(name.lower().rstrip(".").split())] = number
    for n in range(2, 8):
        table[f"thứ {n}"] = n - 2
    table["chủ nhật"] = 6
    return table


_WEEKDAYS = _weekdays()


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date expression found in a line, with what stands around it."""

    date: PubDate
    start: int
    end: int
    time: bool  # a clock time follows or precedes it: a page stamp rather than a date in prose
    weekday: bool  # a weekday stands before it (and agrees with it)
    label: str | None  # "published" or "updated" when a label says so
    token: bool = False  # a scraper's " date YYYY-MM" token at the start of the line
    contradicted: bool = False  # the weekday printed before it is not the date's: never a publication date
    # A numeric date as printed (first, second number): "3/10/2025" → (3, 10); None for other shapes.
    numbers: tuple[int, int] | None = None
    settled: bool = False  # a weekday fixed which number is the day

    @property
    def order_open(self) -> bool:
        """Read day first, but month first would be a date too ("3/10/2025"), and nothing settled it."""
        return (
            self.numbers is not None
            and not self.settled
            and self.numbers[0] != self.numbers[1]
            and max(self.numbers) <= 12
        )


def _weekday_number(text: str) -> int | None:
    key = " ".join(text.lower().rstrip(".,|-– ").replace("ngày", "").split())
    return _WEEKDAYS.get(key)


def find_dates(text: str, source: DateSource = DateSource.DATELINE) -> tuple[DateMention, ...]:
    """Every date expression in `text`, in order, with its span and surroundings."""
    found = []
    token = TOKEN_RE.match(text)
    opening = _OPENING_WEEKDAY_RE.match(text)
    for match in DATE_RE.finditer(text):
        date = to_date(match, source)
        if date is None:
            continue
        before, after = text[max(0, match.start() - 40) : match.start()], text[match.end() : match.end() + 30]
        weekday = _WEEKDAY_BEFORE_RE.search(before) or (opening if opening and opening.end() == match.start() else None)
        contradicted = settled = False
        numbers = (int(match.group("d1")), int(match.group("m1"))) if match.group("d1") else None
        if weekday and date.day is not None:
            printed = _weekday_number(weekday.group(0))
            if printed is not None and date.first_day.weekday() != printed:
                # The weekday settles a day/month order the numbers leave open (US "11/06/2018").
                swapped = safe_date(date.year, date.day, date.month) if match.group("d1") and date.month else None
                if swapped is None or swapped.weekday() != printed:
                    contradicted = True  # a weekday that contradicts the date: a stamp still, but trust neither
                else:
                    date = PubDate(date.year, swapped.month, swapped.day, source)
                    settled = True
            else:
                settled = True
        unclocked = _TIME_BEFORE_RE.sub("", before)  # "Cập nhật: 10:44, 18/09/2023": the label stands before the time
        label = "updated" if _UPDATED_RE.search(unclocked) else "published" if _PUBLISHED_RE.search(unclocked) else None
        ahead = before[: weekday.start()] if weekday and weekday.string is before else before  # "14:30 Thứ Hai, …"
        clock = bool(
            _TIME_AFTER_RE.match(after) or _TIME_BEFORE_RE.search(ahead) or re.search(r"\dT\d", match.group(0))
        )
        found.append(
            DateMention(
                date,
                match.start(),
                match.end(),
                clock,
                bool(weekday),
                label,
                bool(token and match.start() == token.end()),
                contradicted,
                numbers,
                settled,
            )
        )
    return tuple(found)


@dataclass(frozen=True, slots=True)
class Dateline:
    date: PubDate
    author: str | None  # a byline name standing beside the date, if any
    rest: str  # text after a leading date marker (" date 2024-09 Title" → "Title"), else ""
    mention: DateMention | None = None
    other: str = ""  # words beside the date that are neither a date nor a byline (a section, a widget)


def to_date(match: re.Match[str], source: DateSource) -> PubDate | None:
    g = {k: v for k, v in match.groupdict().items() if v is not None}

    def pick(name: str) -> str | None:
        return next((v for k, v in g.items() if k.rstrip("0123456789") == name), None)

    year, month, day, month_name, month_word = pick("y"), pick("m"), pick("d"), pick("mn"), pick("mw")
    if year is None:
        return None
    year = f"20{year}" if len(year) == 2 else year  # a stamp's two digits (`_NUMBER_FIRST`)
    if month_word:
        m: int | None = _VI_MONTH_WORDS[" ".join(month_word.lower().split())]
    else:
        m = MONTHS[month_name.lower().rstrip(".")] if month_name else (int(month) if month else None)
    d = int(day) if day else None
    if g.get("d1") and m and d and m > 12 >= d:
        m, d = d, m  # "3/25/2025": only month first reads as a date
    try:
        dt.date(int(year), m or 1, d or 1)
    except ValueError:
        return None
    if not 1900 <= int(year) <= 2100:
        return None
    return PubDate(int(year), m, d, source)


def _unglue(text: str) -> str:
    """Split words a scrape glued together: "Thế giớiThứ", "author24", "00Google"."""
    text = re.sub(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])", " ", text)
    return "".join(" " + c if i and c.isupper() and text[i - 1].islower() else c for i, c in enumerate(text))


def read_dateline(line: str) -> Dateline | None:
    """Read a short line as a dateline (dates, times, weekdays, labels and at most a few other
    words: a byline, a section name, a widget), or return None if it is something else."""
    text = line.strip()
    if not text or _CHROME_RE.search(text[:160]):
        return None
    mentions = find_dates(text[:160])
    if not mentions or (len(text) > 160 and not mentions[0].token):
        return None
    first = mentions[0]
    if first.label == "updated":  # "Cập nhật: … | Đăng lúc: …": the publication is the labelled one
        first = next((m for m in mentions if m.label == "published"), first)
    if first.token:
        # The scraper's token: its date, or a finer one printed right after it that agrees.
        rest = text[first.end :]
        chosen = first
        if len(mentions) > 1 and mentions[1].start - first.end <= 2 and mentions[1].date.iso.startswith(first.date.iso):
            chosen, rest = mentions[1], text[mentions[1].end :]
        rest = rest.strip()
        if TIME_RE.match(rest):
            rest = rest[TIME_RE.match(rest).end() :]  # type: ignore[union-attr]
        return Dateline(chosen.date, None, rest.strip(" |-–—,:"), chosen)
    opening = _OPENING_WEEKDAY_RE.match(text)
    leftover = " " * opening.end() + text[opening.end() :] if opening and opening.end() == mentions[0].start else text
    for m in reversed(mentions):
        start = m.start
        if m.numbers is None and (day := _WEEKDAY_BEFORE.search(leftover[:start])):
            start = day.start()  # "Thu 7 Mar 2024": the weekday's short name, no one's name
        leftover = leftover[:start] + " " + leftover[m.end :]
    leftover = _FILLER_RE.sub(" ", TIME_RE.sub(" ", _unglue(leftover)))
    words = leftover.split()
    if not words:
        return Dateline(first.date, None, "", first)
    if text.startswith("(") and text.endswith(")"):
        return None  # "(24 May 2023, Geneva)": the occasion of a speech or statement, not the page's date
    opened = text.rfind("(")
    if text.endswith(")") and opened > 0 and first.start > opened and len(text[:opened].split()) >= LISTED_WORDS:
        return None  # "Thủ tướng tiếp Đại sứ Nhật Bản (02/12/2025)": a listed headline's date, not a dateline
    if len(words) <= 5 and all(_NAME_WORD.match(w) and w[0].isupper() for w in words):
        # "Vientiane, October 9, 2024": a place, then a comma and the date (a wire's dateline), not a name.
        after = TIME_RE.sub(" ", text[mentions[-1].end :]).strip(" ,|-–—")
        placed = _PLACE_BEFORE_RE.fullmatch(text[: mentions[0].start]) is not None and not after
        author = None if placed else " ".join(words)
        return Dateline(first.date, author, "", first, " ".join(words))
    if len(words) <= 7 and len(" ".join(words)) <= 60 and not re.search(r"[.!?;…\"”]", leftover):
        return Dateline(first.date, None, "", first, " ".join(words))  # a section name or widget beside a page stamp
    parts = [part.strip() for part in _META_PARTS.split(text)]
    if STAMP_PARTS[0] <= len(parts) <= STAMP_PARTS[1] and all(len(p.split()) <= STAMP_PART_WORDS for p in parts):
        # "Outlet · Rank Name · 2h · 18/06/2024": the page's line of facts about the article, its date one of them.
        if any(_date_only(part) for part in parts):
            return Dateline(first.date, None, "", first, " · ".join(p for p in parts if not _date_only(p)))
    return None


_META_PARTS = re.compile(r"\s+[·•|]\s+")
STAMP_PARTS = (3, 6)  # parts of a line of facts about the article (outlet, author, age, date)
STAMP_PART_WORDS = 8  # words of each part at most


def _date_only(part: str) -> bool:
    """The part is a date (and its clock) and nothing else."""
    found = find_dates(part)
    return bool(found) and not TIME_RE.sub(" ", part[: found[0].start] + part[found[0].end :]).strip(" ,-–—")


def parse_dateline(line: str) -> Dateline | None:
    """Read a short line as a dateline, or return None if it is something else. A line that
    starts with a date and goes on with a headline (" date 2024-09 Title") keeps it in `rest`."""
    found = read_dateline(line)
    if found is not None:
        return found
    text = line.strip()
    if not text or len(text) > 160 or _CHROME_RE.search(text):
        return None
    matches = list(DATE_RE.finditer(text))
    if not matches:
        return None
    date = to_date(matches[0], DateSource.DATELINE)
    head = re.match(r"^\s*(?:date|ngày)?\s*[:\-]?\s*", text, re.IGNORECASE)
    first = matches[0]
    if date is not None and head and head.group(0).strip() and first.start() == head.end():
        rest = text[first.end() :]
        rest = TIME_RE.sub(" ", rest[:12]) + rest[12:] if TIME_RE.match(rest.strip()) else rest
        rest = rest.strip(" |-–—,:")
        if rest:
            return Dateline(date, None, rest)
    return None


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
