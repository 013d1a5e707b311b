"""Publication dates from datelines and from the text.

One small grammar of date expressions (numeric, ISO, Vietnamese words, English month names from
CLDR via Babel) serves every outlet: a *dateline* is a short line that is nothing but date
expressions, times, weekdays, filler words and perhaps a byline name.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from babel import Locale

from ..records import DateSource, PubDate

_EN = Locale.parse("en")
_VI = Locale.parse("vi")


def _names(table: Mapping[int, str]) -> dict[str, int]:
    return {name.lower().rstrip("."): number for number, name in table.items()}


_MONTHS: dict[str, int] = {}
for _width in ("wide", "abbreviated"):
    _MONTHS.update(_names(_EN.months["format"][_width]))
_MONTHS["sept"] = 9
_MONTH_RE = "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True))


def _by_length(names: set[str]) -> list[str]:
    return sorted(map(re.escape, names), key=len, reverse=True)


def _weekday_re() -> str:
    # Abbreviations only before "," or "." so a name like "Hà Thu" is not read as Thursday.
    wide = {n.lower() for loc in (_EN, _VI) for n in loc.days["format"]["wide"].values()}
    short = {n.lower().rstrip(".") for loc in (_EN, _VI) for n in loc.days["format"]["abbreviated"].values()}
    return (
        "|".join(_by_length(wide)) + r"|thứ\s*[2-7]|chủ\s*nhật|(?:" + "|".join(_by_length(short - wide)) + r")(?=[.,])"
    )


_WEEKDAY_RE = _weekday_re()

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

# Each alternative names its groups d, m, y (mn: a month name, mw: a Vietnamese month word);
# together they are the whole grammar. The numeric form keeps one separator throughout.
_DATE_PATTERNS = [
    r"(?<![\d/.])(?P<d1>\d{1,2})\s*(?P<s1>[/.\-])\s*(?P<m1>\d{1,2})\s*(?P=s1)\s*(?P<y1>\d{4})(?!\d)",
    r"(?<![\d/.])(?P<y2>\d{4})-(?P<m2>\d{1,2})(?:-(?P<d2>\d{1,2})(?:T\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?(?![\d/])",
    r"ngày\s+(?P<d3>\d{1,2})\s+tháng\s+(?P<m3>\d{1,2})(?:\s*(?:năm|,)\s*(?P<y3>\d{4}))?",
    r"tháng\s+(?P<m4>\d{1,2})\s*(?:năm|/|,)\s*(?P<y4>\d{4})",
    rf"tháng\s+(?P<mw8>{_VI_MONTH_WORD_RE})\s+(?P<d8>\d{{1,2}}),?\s+(?P<y8>\d{{4}})",
    rf"(?P<mn5>{_MONTH_RE})\.?\s+(?P<d5>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y5>\d{{4}})",
    rf"(?P<d6>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mn6>{_MONTH_RE})\.?,?\s+(?P<y6>\d{{4}})",
    rf"(?P<mn7>{_MONTH_RE})\.?,?\s+(?P<y7>\d{{4}})",
]
DATE_RE = re.compile("|".join(f"(?:{p})" for p in _DATE_PATTERNS), re.IGNORECASE)

_TIME = r"\d{1,2}\s*[:h]\s*\d{2}(?:\s*:\s*\d{2})?(?:\s*(?:am|pm|a\.m\.|p\.m\.|sa|ch)\b)?"
_ZONE = r"\(?\[?\s*(?:gmt|utc)\s*(?:[+-]\s*\d{1,2}(?::?\d{2})?)?\s*\]?\)?|[+-]\d{2}:\d{2}\b"
_TIME_RE = re.compile(rf"{_TIME}|{_ZONE}|\d{{1,2}}\s*(?:am|pm)\b", re.IGNORECASE)
_TIME_AFTER_RE = re.compile(rf"^[\s,|\-–—·•]*(?:lúc\s+)?{_TIME}", re.IGNORECASE)
_TIME_BEFORE_RE = re.compile(rf"{_TIME}(?:\s*(?:{_ZONE}))?[\s,|\-–—·•]*(?:ngày\s*)?$", re.IGNORECASE)
_FILLER_RE = re.compile(
    rf"\b(?:{_WEEKDAY_RE}|cập nhật|ngày đăng|đăng|ngày|lúc|giờ|date|published|updated|last updated|posted|on|at)\b|[|,\-–—:·•()\[\]_/]",
    re.IGNORECASE,
)
# Dates the site's chrome prints: the day a page was read or a clock widget, never publication.
_CHROME_RE = re.compile(r"hôm nay|today|truy cập|accessed|retrieved|fetched|lấy về|crawled", re.IGNORECASE)
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_.]*\.?$")
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
_TOKEN_RE = re.compile(r"^\s*date\s+(?=\d{4}-\d{2})")


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


def _weekday_number(text: str) -> int | None:
    key = " ".join(text.lower().rstrip(".,|-– ").replace("ngày", "").split())
    return _WEEKDAYS.get(key)


def find_dates(text: str, source: DateSource = DateSource.DATELINE) -> tuple[DateMention, ...]:
    """Every date expression in `text`, in order, with its span and surroundings."""
    found = []
    token = _TOKEN_RE.match(text)
    for match in DATE_RE.finditer(text):
        date = _to_date(match, source)
        if date is None:
            continue
        before, after = text[max(0, match.start() - 40) : match.start()], text[match.end() : match.end() + 30]
        weekday = _WEEKDAY_BEFORE_RE.search(before)
        contradicted = False
        if weekday and date.day is not None:
            printed = _weekday_number(weekday.group(0))
            if printed is not None and date.first_day.weekday() != printed:
                # The weekday settles a day/month order the numbers leave open (US "11/06/2018").
                swapped = _safe_date(date.year, date.day, date.month) if match.group("d1") and date.month else None
                if swapped is None or swapped.weekday() != printed:
                    contradicted = True  # a weekday that contradicts the date: a stamp still, but trust neither
                else:
                    date = PubDate(date.year, swapped.month, swapped.day, source)
        unclocked = _TIME_BEFORE_RE.sub("", before)  # "Cập nhật: 10:44, 18/09/2023": the label stands before the time
        label = "updated" if _UPDATED_RE.search(unclocked) else "published" if _PUBLISHED_RE.search(unclocked) else None
        clock = bool(
            _TIME_AFTER_RE.match(after) or _TIME_BEFORE_RE.search(before) or re.search(r"\dT\d", match.group(0))
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


def _to_date(match: re.Match[str], source: DateSource) -> PubDate | None:
    g = {k: v for k, v in match.groupdict().items() if v is not None}

    def pick(name: str) -> str | None:
        return next((v for k, v in g.items() if k.rstrip("0123456789") == name), None)

    year, month, day, month_name, month_word = pick("y"), pick("m"), pick("d"), pick("mn"), pick("mw")
    if year is None:
        return None
    if month_word:
        m: int | None = _VI_MONTH_WORDS[" ".join(month_word.lower().split())]
    else:
        m = _MONTHS[month_name.lower().rstrip(".")] if month_name else (int(month) if month else None)
    d = int(day) if day else None
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
    if first.token:
        # The scraper's token: its date, or a finer one printed right after it that agrees.
        rest = text[first.end :]
        chosen = first
        if len(mentions) > 1 and mentions[1].start - first.end <= 2 and mentions[1].date.iso.startswith(first.date.iso):
            chosen, rest = mentions[1], text[mentions[1].end :]
        rest = rest.strip()
        if _TIME_RE.match(rest):
            rest = rest[_TIME_RE.match(rest).end() :]  # type: ignore[union-attr]
        return Dateline(chosen.date, None, rest.strip(" |-–—,:"), chosen)
    leftover = text
    for m in reversed(mentions):
        leftover = leftover[: m.start] + " " + leftover[m.end :]
    leftover = _FILLER_RE.sub(" ", _TIME_RE.sub(" ", _unglue(leftover)))
    words = leftover.split()
    if not words:
        return Dateline(first.date, None, "", first)
    if text.startswith("(") and text.endswith(")"):
        return None  # "(24 May 2023, Geneva)": the occasion of a speech or statement, not the page's date
    if len(words) <= 5 and all(_NAME_WORD.match(w) and w[0].isupper() for w in words):
        return Dateline(first.date, " ".join(words), "", first, " ".join(words))
    if len(words) <= 7 and len(" ".join(words)) <= 60 and not re.search(r"[.!?;…\"”]", leftover):
        return Dateline(first.date, None, "", first, " ".join(words))  # a section name or widget beside a page stamp
    return None


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
    date = _to_date(matches[0], DateSource.DATELINE)
    head = re.match(r"^\s*(?:date|ngày)?\s*[:\-]?\s*", text, re.IGNORECASE)
    first = matches[0]
    if date is not None and head and head.group(0).strip() and first.start() == head.end():
        rest = text[first.end() :]
        rest = _TIME_RE.sub(" ", rest[:12]) + rest[12:] if _TIME_RE.match(rest.strip()) else rest
        rest = rest.strip(" |-–—,:")
        if rest:
            return Dateline(date, None, rest)
    return None


# Choosing the publication date ------------------------------------------------------------

LONG_PARAGRAPH_WORDS = 20  # a paragraph this long is article text, not a header line
_TITLE_GAP = 2  # blocks (besides blank ones) that may stand between a date above the title and it


@dataclass(frozen=True, slots=True)
class Choice:
    date: PubDate
    index: int  # which of the given lines printed it
    author: str | None


def _is_long(text: str) -> bool:
    return len(text.split()) >= LONG_PARAGRAPH_WORDS


def _years_in(texts: Sequence[str]) -> list[int]:
    return [int(y) for t in texts for y in re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", t)]


def trailing_stamp(line: str) -> tuple[str, DateMention] | None:
    """A page stamp (a date with its clock time) stuck to the end of a line of text:
    "Headline29/10/2021 05:24" → ("Headline", the mention); None if the line does not end so."""
    mentions = find_dates(line)
    if not mentions or not mentions[-1].time:
        return None
    last = mentions[-1]
    after = _TIME_RE.sub("", line[last.end :]).strip(" |-–—,:()[]")
    head = line[: last.start].rstrip(" |-–—,:")
    if after or not head or _TIME_RE.search(head[-8:]):
        return None
    return head, last


_LEAD_DATE_RE = re.compile(rf"^(?:{_MONTH_RE}|\d)[^_–—]{{4,18}}?\d{{4}}\s*[_–—]\s*(?=\w)", re.IGNORECASE)
_LEAD = "lead"  # `Dateline.other` of a date that opens the lead itself


def _is_headline_like(text: str) -> bool:
    return (
        len(re.findall(r"[^\W\d_]{2,}", text)) >= 4
        and len(text) <= 220
        and not re.search(r"[.!?;:…]$", text)
        and read_dateline(text) is None
    )


def _headline_above(lines: Sequence[str], index: int) -> list[int]:
    """The headline standing over a dateline at `index`: the block just above, or the one above
    a lead paragraph just above (headline, lead, dateline)."""
    above = [i for i in range(index - 1, -1, -1) if lines[i].strip()][:2]
    if above and _is_headline_like(lines[above[0]]):
        return [above[0]]
    if len(above) == 2 and _is_long(lines[above[0]]) and _is_headline_like(lines[above[1]]):
        return [above[1]]
    return []


def publication_date(lines: Sequence[str], title_at: int | None, body_at: int) -> Choice | None:
    """The article's own publication date among the scrape's lines, or None when unsure.

    `lines` are the scrape's text blocks in order, `title_at` the index of the headline (None
    when the page prints none) and `body_at` where the body starts. A dateline below the
    headline (beside the byline or the lead) is the article's. One above it is the article's only
    when it stands right over the headline, prints no weekday (a masthead clock's mark) and no
    date stands below. Dates in body paragraphs, captions and teasers are events, never the
    publication: a dateline counts only before the article's second long paragraph. A
    "published" label beats an "updated" one. A date years later than every year the text
    names is a crawl or widget clock.
    """
    datelines: list[tuple[int, Dateline]] = []
    labelled: list[tuple[int, Dateline]] = []  # "posted on … at <date>" inside a longer line
    long_before = 0
    for index, text in enumerate(lines):
        if long_before >= 2:
            break
        found = read_dateline(text)
        if found is not None and found.mention is not None:
            if _TOKEN_RE.match(text) and index <= 2:
                return Choice(found.date, index, None)  # the scraper's token: its own record of the date
            if not found.mention.contradicted:
                datelines.append((index, found))
        else:
            mention = next((m for m in find_dates(text) if m.label == "published" and not m.contradicted), None)
            if mention is not None:
                labelled.append((index, Dateline(mention.date, None, "", mention)))
            if index == 0 and (lead := _LEAD_DATE_RE.match(text)) and (first := find_dates(text[: lead.end()])):
                datelines.append(
                    (index, Dateline(first[0].date, None, "", first[0], _LEAD))
                )  # "May 2, 2024 – Text…", a wire dateline
            if _is_long(text):
                long_before += 1
    if not datelines and not labelled:
        return None
    years = _years_in([t for i, t in enumerate(lines) if i >= body_at and not any(i == j for j, _ in datelines)])

    def plausible(found: Dateline) -> bool:
        return not years or found.date.year <= max(years) + 1

    if title_at is None:  # no headline found: anchor on one standing right above the date
        title_at = next((h for i, _ in datelines for h in _headline_above(lines, i)), None)
    if title_at is None:
        top = [(i, d) for i, d in datelines if not any(t.strip() for t in lines[:i])]
        following = next((t for t in lines[top[0][0] + (top[0][1].other != _LEAD) :] if t.strip()), "") if top else ""
        if (
            top
            and _is_long(following)
            and not (top[0][1].mention and top[0][1].mention.weekday)
            and plausible(top[0][1])
        ):
            return Choice(top[0][1].date, top[0][0], top[0][1].author)  # the page opens with its date, then the lead
        chosen = next(((i, d) for i, d in labelled if plausible(d)), None)
        return Choice(chosen[1].date, chosen[0], None) if chosen else None
    below = [(i, d) for i, d in datelines + labelled if i > title_at and plausible(d)]
    below.sort(key=lambda item: item[0])
    stamp = trailing_stamp(lines[title_at]) if title_at < len(lines) else None
    if stamp is not None:  # "Headline29/10/2021 05:24": the headline carries its own stamp
        below.insert(0, (title_at, Dateline(stamp[1].date, None, "", stamp[1])))
    if below:
        published = [(i, d) for i, d in below if d.mention and d.mention.label != "updated"]
        index, found = (published or below)[0]
        return Choice(found.date, index, found.author)
    above = [(i, d) for i, d in datelines if i < title_at]
    if not above:
        return None
    index, found = above[-1]
    between = [t for t in lines[index + 1 : title_at] if t.strip()]
    headline = lines[title_at]
    if len(re.findall(r"[^\W\d_]{2,}", headline)) < 4:
        return None  # what stands below is no headline (a hotline, a menu): the date is the page's
    if found.mention and found.mention.weekday or len(between) > _TITLE_GAP - 1 or not plausible(found):
        return None
    if any(d.date != found.date for _, d in datelines if _ < index):
        return None  # two different stamps over the headline: a clock and something else
    return Choice(found.date, index, found.author)


# Inference --------------------------------------------------------------------------------

_LEAD_DAY_RE = re.compile(
    r"(?:^|[.;]\s+)(?:sáng|chiều|tối|trưa|đêm|ngày|hôm)\s+(?:nay\s+)?(?:ngày\s+)?(\d{1,2})\s*/\s*(\d{1,2})(?![\d/])",
    re.IGNORECASE,
)
_YEAR_RANGE_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})(?!\d)")
_CONCLUDED_RE = re.compile(
    r"tổng kết|nhìn lại|kết thúc|khép lại|vừa qua|review|concluded|looking back|wrap", re.IGNORECASE
)


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
    named = _years_in(body)

    # A full date in the opening up to 60 days before the lead's day: same news cycle. (Further
    # down, a full date that near the day is as often the anniversary's origin, years back.)
    for match in DATE_RE.finditer("\n".join(body[:3])):
        full = _to_date(match, DateSource.INFERRED)
        if full is None or full.day is None:
            continue
        for year in (full.year, full.year + 1):
            if any(y > year for y in named):
                continue  # the text names a later year: the full date is history, not this news cycle
            candidate = _safe_date(year, month, day)
            if candidate and 0 <= (candidate - full.first_day).days <= 60:
                return PubDate(
                    year, month, day, DateSource.INFERRED
                ), f"day {day}/{month} in the lead, year from {full.iso} in the text"

    # A period reviewed as concluded ("tổng kết … nhiệm kỳ 2020-2021"): the day falls after it.
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        if not _CONCLUDED_RE.search(sentence):
            continue
        ends = [int(m.group(2)) for m in _YEAR_RANGE_RE.finditer(sentence)]
        if ends:
            year = max(ends) + 1
            if _safe_date(year, month, day):
                return PubDate(
                    year, month, day, DateSource.INFERRED
                ), f"day {day}/{month} in the lead, after the concluded period ending {max(ends)}"
    return None, None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# Intervals --------------------------------------------------------------------------------

_THIS_YEAR_RE = re.compile(r"năm nay|năm qua|this year|the past year|the year", re.IGNORECASE)
_MONTH_IN_SENTENCE_RE = re.compile(
    rf"tháng\s+(\d{{1,2}})(?!\s*(?:/|năm|,)\s*\d{{4}})(?!\d)|\b({_MONTH_RE})\b(?!\.?,?\s+\d)", re.IGNORECASE
)
_DAY_MONTH_RE = re.compile(r"(?<![\d/.])(\d{1,2})\s*/\s*(\d{1,2})(?![\d/]|\.\d|\s*/\s*\d)")


def _current_year(paragraphs: Sequence[str]) -> int | None:
    """The year a text calls its own ("Năm 2023 … năm nay"): one paragraph names it, and only it,
    beside "this year"."""
    found = set()
    for paragraph in paragraphs:
        years = set(_years_in([paragraph]))
        if len(years) == 1 and _THIS_YEAR_RE.search(paragraph):
            found |= years
    return found.pop() if len(found) == 1 else None


def infer_interval(paragraphs: Sequence[str], captions: Sequence[str]) -> tuple[PubDate | None, str | None]:
    """Bound the publication when the text reports a dated event as concluded but prints no date.

    The opening tells of an event of month M as over ("… cuối tháng 12 khép lại một năm"), the
    text calls a year its own, and the opening or a caption may give the event's day ("ngày
    19/12"). The article appeared after the event began and, as news, by the end of the month
    after it: an interval from the event's start to that month, unless the text names a date
    later than that (then it says nothing sure). Returns the interval and how it was reached.
    """
    year = _current_year(paragraphs)
    if year is None:
        return None, None
    month = None
    for sentence in re.split(r"(?<=[.!?])\s+", "\n".join(paragraphs[:2])):
        if _CONCLUDED_RE.search(sentence):
            found = _MONTH_IN_SENTENCE_RE.search(sentence)
            if found:
                month = int(found.group(1)) if found.group(1) else _MONTHS[found.group(2).lower().rstrip(".")]
                break
    if month is None or not 1 <= month <= 12:
        return None, None
    days = [
        int(m.group(1))
        for text in [*paragraphs[:2], *captions]
        for m in _DAY_MONTH_RE.finditer(text)
        if int(m.group(2)) == month
    ]
    day = min((d for d in days if _safe_date(year, month, d)), default=None)
    until = (year + 1, 1) if month == 12 else (year, month + 1)
    interval = PubDate(year, month, day, DateSource.INFERRED, until)
    for mention in find_dates("\n".join([*paragraphs, *captions]), DateSource.INFERRED):
        if mention.date.first_day > interval.last_day:
            return None, None
    shown = f"{day}/{month}" if day else f"month {month}"
    return interval, f"the opening reports the event of {shown} as concluded, in the text's year {year}"


# The loader's entry point -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Dated:
    """What the scrape says of its publication date, and what an editor should be told."""

    date: PubDate | None
    author: str | None  # a byline printed beside the date
    index: int | None  # the line (of those given) that printed it
    note: str | None  # a warning for `check`: inferred, an interval, or none found


def date_of_scrape(
    lines: Sequence[str], title: str | None, body_at: int, paragraphs: Sequence[str], captions: Sequence[str]
) -> Dated:
    """The publication date of a scrape: its own dateline, else a day the text settles, else an
    interval the text bounds, else none. `lines` are the scrape's blocks, `title` the headline
    found among them (None when it prints none), `body_at` the first body block; `paragraphs`
    and `captions` the body as kept."""
    title_at = next((i for i, t in enumerate(lines[: body_at + 1]) if title and title in t), None)
    choice = publication_date(lines, title_at, body_at)
    if choice is not None:
        return Dated(choice.date, choice.author, choice.index, None)
    date, reason = infer_date(list(paragraphs[:2]), list(paragraphs))
    if date is not None:
        return Dated(date, None, None, f"date inferred from the text ({reason})")
    interval, reason = infer_interval(paragraphs, captions)
    if interval is not None:
        return Dated(
            interval,
            None,
            None,
            f"date known only as the interval {interval.edtf} ({reason}): settle it in front matter",
        )
    return Dated(None, None, None, "no publication date found")
