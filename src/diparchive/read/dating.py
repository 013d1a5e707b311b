"""The article's own publication date among a scrape's lines (never a clock, a caption or a
teaser), inference from the text, and EDTF intervals when the text only bounds it."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..records import DateSource, PubDate
from .dates import (
    DATE_RE,
    MONTH_RE,
    MONTHS,
    TIME_RE,
    TOKEN_RE,
    Dateline,
    DateMention,
    find_dates,
    label_only,
    print_masthead,
    read_dateline,
    safe_date,
    to_date,
)
from .folding import detect_language, marked_share

# Choosing the publication date ------------------------------------------------------------

LONG_PARAGRAPH_WORDS = 20  # a paragraph this long is article text, not a header line
_TITLE_GAP = 2  # blocks (besides blank ones) that may stand between a date above the title and it


@dataclass(frozen=True, slots=True)
class Choice:
    date: PubDate
    index: int  # which of the given lines printed it
    author: str | None


def _is_long(text: str) -> bool:
    """A long paragraph of text: many words, not a row of items cut by bars (a menu, a ticker)."""
    return len(text.split()) >= LONG_PARAGRAPH_WORDS and text.count(" | ") < ROW_BARS


ROW_BARS = 2  # bars between items on one line: a menu's or a ticker's row, no paragraph


LEAD_LINES = 3  # lines from the body's start where its lead (its first long paragraph) is looked for


def _lead_text(lines: Sequence[str], body_at: int) -> str:
    """The lead: the first long paragraph among the body's first lines, else ""."""
    return next((t for t in lines[body_at : body_at + LEAD_LINES] if _is_long(t)), "")


def _years_in(texts: Sequence[str]) -> list[int]:
    return [int(y) for t in texts for y in re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", t)]


def trailing_stamp(line: str) -> tuple[str, DateMention] | None:
    """A page stamp (a date with its clock time) stuck to the end of a line of text:
    "Headline29/10/2021 05:24" → ("Headline", the mention); None if the line does not end so."""
    mentions = find_dates(line)
    if not mentions or not mentions[-1].time:
        return None
    last = mentions[-1]
    after = TIME_RE.sub("", line[last.end :]).strip(" |-–—,:()[]")
    head = line[: last.start].rstrip(" |-–—,:")
    if after or not head or TIME_RE.search(head[-8:]):
        return None
    return head, last


_LEAD_DATE_RE = re.compile(rf"^(?:{MONTH_RE}|\d)[^_–—]{{4,18}}?\d{{4}}\s*[_–—]\s*(?=\w)", re.IGNORECASE)
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


def _labelled_above(lines: Sequence[str], index: int, found: Dateline) -> Dateline:
    """A dateline whose label the scrape cut onto the line above ("Cập nhật:" / "27/09/2024 10:05")."""
    label = label_only(lines[index - 1]) if index > 0 and found.mention and found.mention.label is None else None
    if label is None or found.mention is None:
        return found
    return replace(found, mention=replace(found.mention, label=label))


def _closing_stamp(lines: Sequence[str], index: int, last_paragraph: str | None) -> Dateline | None:
    """A full date with its clock on its own line right under the body's last paragraph (no
    name or word beside it): where a page prints the article's stamp after its text."""
    found = read_dateline(lines[index])
    if found is None or found.mention is None or found.author or found.other or not last_paragraph:
        return None
    if not found.mention.time or found.date.day is None or found.mention.contradicted:
        return None
    above = next((t for t in reversed(lines[:index]) if t.strip()), "")
    return found if " ".join(last_paragraph.split()) in " ".join(above.split()) else None


def publication_date(
    lines: Sequence[str], title_at: int | None, body_at: int, last_paragraph: str | None = None
) -> Choice | None:
    """The article's own publication date among the scrape's lines, or None when unsure.

    `lines` are the scrape's text blocks in order, `title_at` the index of the headline (None
    when the page prints none) and `body_at` where the body starts. A dateline below the
    headline (beside the byline or the lead) is the article's. One above it is the article's only
    when it stands right over the headline, prints no weekday (a masthead clock's mark) unless the
    lead or its place says it is the article's stamp (`_own_stamp`), and no date stands below.
    Dates in body paragraphs, captions and teasers are events, never the publication: a
    dateline counts only before the article's second long paragraph (after it, only a notice
    of when the page was posted, when nothing above gives a date). A "published" label beats
    an "updated" one. Over the headline (or with none), a date years later than every year the
    text names is a crawl or widget clock. So is a full date with its clock on its own line right
    under `last_paragraph`, the body's last (`_closing_stamp`).
    """
    datelines: list[tuple[int, Dateline]] = []
    labelled: list[tuple[int, Dateline]] = []  # "posted on … at <date>" inside a longer line
    long_before = 0
    late: list[tuple[int, Dateline]] = []  # such a notice after the article's second long paragraph
    ended = next((i for i, t in enumerate(lines) if last_paragraph is not None and t == last_paragraph), len(lines))
    for index, text in enumerate(lines):
        if long_before >= 2:
            # A notice of when the page was posted after the text (or last updated, right under its last paragraph).
            labels = ("published", "updated") if index - ended <= _CLOSE_LINES else ("published",)
            mention = next(
                (m for label in labels for m in find_dates(text) if m.label == label and not m.contradicted), None
            )
            if mention is not None and not _is_long(text[: mention.start]):
                late.append((index, Dateline(mention.date, None, "", mention)))
            elif (closing := _closing_stamp(lines, index, last_paragraph)) is not None:
                late.append((index, closing))
            continue
        found = read_dateline(text)
        if found is not None and found.mention is not None:
            if TOKEN_RE.match(text) and index <= 2:
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
    datelines = [(i, _labelled_above(lines, i, d)) for i, d in datelines]
    if not datelines and not labelled:
        # The page's own notice of when it was posted, printed after the text (a cache's or a
        # syndicator's footer), when nothing above says otherwise.
        labelled = late[:1]
    if not datelines and not labelled:
        return None
    years = _years_in([t for i, t in enumerate(lines) if i >= body_at and not any(i == j for j, _ in datelines)])

    # A day the headline names too ("Press briefing … on 12 October 2023") is the article's, whatever years the text names.
    headlined = (
        {m.date for m in find_dates(lines[title_at])} if title_at is not None and title_at < len(lines) else set()
    )

    def plausible(found: Dateline) -> bool:
        return not years or found.date.year <= max(years) + 1 or found.date in headlined

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
    # Under the headline (before the second long paragraph) a dateline is the article's own, whatever
    # years the text names: a retrospective tells of years long past. Clocks stand over the headline.
    below = [(i, d) for i, d in datelines + labelled if i > title_at]
    below.sort(key=lambda item: item[0])
    stamp = trailing_stamp(lines[title_at]) if title_at < len(lines) else None
    if stamp is not None:  # "Headline29/10/2021 05:24": the headline carries its own stamp
        below.insert(0, (title_at, Dateline(stamp[1].date, None, "", stamp[1])))
    if below:
        published = [(i, d) for i, d in below if d.mention and d.mention.label != "updated"]
        index, found = (published or below)[0]
        finer = next((c for c in published if c[0] - index <= _TITLE_GAP + 1 and _refines(c[1].date, found.date)), None)
        if finer is not None:
            index, found = finer  # "ISSUE 42 · JULY 2025" / "Published 8 July 2025": the day it was that month
        return Choice(found.date, index, found.author)
    above = [(i, d) for i, d in datelines if i < title_at]
    if not above:
        return None
    index, found = above[-1]
    between = [t for t in lines[index + 1 : title_at] if t.strip()]
    headline = lines[title_at]
    if len(re.findall(r"[^\W\d_]{2,}", headline)) < 4:
        return None  # what stands below is no headline (a hotline, a menu): the date is the page's
    if len(between) > _TITLE_GAP - 1 or not plausible(found):
        return None
    own = (not between and _own_stamp(lines, index, body_at, found)) or print_masthead(lines[index])
    if found.mention and found.mention.weekday and not own:
        return None  # a weekday over the headline marks a masthead's clock, unless the stamp is the article's
        # (its lead's day, or a print page's issue)
    if any(d.date != found.date and not _clock_over(d, found) for _, d in datelines if _ < index):
        return None  # two different stamps over the headline: a clock and something else
    if _belied(lines, body_at, found):
        return None  # the lead tells of a day the stamp cannot be the news of: a teaser's or a clock's date
    return Choice(found.date, index, found.author)


_CLOSE_LINES = 3  # lines under the body's last paragraph where its own notice of an update stands
ABOVE_LEAD_DAYS = 7  # a stamp over the headline is at most this many days after the day its lead tells of


def _refines(date: PubDate, coarse: PubDate) -> bool:
    """`date` says more than `coarse` and agrees with it (a day of its month, a month of its year)."""
    if coarse.is_interval or date.is_interval or date.year != coarse.year:
        return False
    if coarse.month is None:
        return date.month is not None
    return coarse.day is None and date.month == coarse.month and date.day is not None


def _belied(lines: Sequence[str], body_at: int, found: Dateline) -> bool:
    """A date over the headline that the lead belies: the lead names a day (with no year) and
    the stamp is before it or more than a week after it (a related teaser's date, a clock)."""
    if found.date.day is None:
        return False
    stamp = found.date.first_day
    lead = _lead_text(lines, body_at)
    days = _lead_days(lead, stamp + dt.timedelta(days=ABOVE_LEAD_DAYS))
    return bool(days) and not any(0 <= (stamp - day).days <= ABOVE_LEAD_DAYS for day in days)


def _clock_over(clock: Dateline, stamp: Dateline) -> bool:
    """A masthead's clock over the article's own stamp: a weekday and a day with no time (the day
    the page was read, not before the stamp), over a stamp with its clock time."""
    day, own = clock.mention, stamp.mention
    if day is None or own is None:
        return False
    return day.weekday and not day.time and own.time and clock.date.first_day >= stamp.date.first_day


# A time zone only North American pages print, beside a date they write month first.
_US_ZONE_RE = re.compile(
    r"^\W{0,3}(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*)?\(?(?:EDT|EST|CDT|PDT|PST|ET|PT)\b", re.IGNORECASE
)


def _vietnamese_line(line: str) -> bool:
    """A line written in Vietnamese (not an English sentence naming a Vietnamese person)."""
    return len(line.split()) >= 5 and marked_share(line) >= 0.15


def numeric_order(lines: Sequence[str]) -> str | None:
    """How the page writes numeric dates, "dmy" or "mdy", from what settles it anywhere in the
    file (a number over 12, a weekday, the same day written out, a North American time zone,
    Vietnamese text or a Vietnamese site's lines around English text), or None when nothing does or the evidence
    disagrees."""
    votes = set()
    text = "\n".join(lines)  # a scrape may have cut a zone onto a line of its own
    mentions = find_dates(text)
    # The same day written out ("12 October 2023") settles the order of its numbers ("12/10/2023").
    written = {
        (m.date.year, m.date.month, m.date.day) for m in mentions if m.numbers is None and not m.date.is_interval
    }
    for mention in mentions:
        if mention.numbers is None:
            continue
        first, second = mention.numbers
        if first != second and (mention.date.year, second, first) in written:
            votes.add("dmy")
        elif first != second and (mention.date.year, first, second) in written:
            votes.add("mdy")
        first, second = mention.numbers
        if first > 12 >= second or (mention.settled and first != second and mention.date.day == first):
            votes.add("dmy")
        elif second > 12 >= first or (mention.settled and first != second and mention.date.day == second):
            votes.add("mdy")
        if _US_ZONE_RE.match(text[mention.end : mention.end + 40]):
            votes.add("mdy")
    if detect_language(text) == "vi" or any(_vietnamese_line(line) for line in lines):
        votes.add("dmy")  # a Vietnamese page, or a Vietnamese site's English one: day first
    return votes.pop() if len(votes) == 1 else None


def _settle_order(choice: Choice, lines: Sequence[str]) -> Dated:
    """The chosen date, its day and month in the page's order; only its year when the page
    never settles which comes first ("3/10/2025" on an English page)."""
    mention = next((m for m in find_dates(lines[choice.index]) if m.date == choice.date and m.order_open), None)
    if mention is None or mention.numbers is None:
        return Dated(choice.date, choice.author, choice.index, None)
    order = numeric_order(lines)
    if order == "dmy":
        return Dated(choice.date, choice.author, choice.index, None)
    if order == "mdy":
        month, day = mention.numbers
        return Dated(replace(choice.date, month=month, day=day), choice.author, choice.index, None)
    printed = lines[choice.index][mention.start : mention.end]
    return Dated(
        replace(choice.date, month=None, day=None),
        choice.author,
        choice.index,
        f"day and month order unknown in '{printed}' (day first or month first): only the year is kept; "
        "settle the date in front matter",
    )


_EN_WEEKDAY_RE = re.compile(r"\bon\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.IGNORECASE)
_EN_DAY_MONTH_RE = re.compile(
    rf"\b(?:(?P<m1>{MONTH_RE})\.?\s+(?P<d1>\d{{1,2}})|(?P<d2>\d{{1,2}})\s+(?P<m2>{MONTH_RE}))\b(?!,?\s*\d{{4}})",
    re.IGNORECASE,
)
_EN_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# A lead's day agrees with its stamp only when it is the stamp's day: a clock read a day after the
# event the lead tells of would give a day too late, and the wrong date is the worst answer.
STAMP_LEAD_DAYS = 0
HEADER_LINES = 3  # lines over a stamp looked at for a header's numbers


def _own_stamp(lines: Sequence[str], index: int, body_at: int, found: Dateline) -> bool:
    """A weekday, a day and a clock time right over the headline are the article's own stamp,
    not a masthead's clock: the lead tells of that very day (its date or its weekday), or else,
    when the lead names no day, the stamp is not the page's first line (where a header prints
    the day the page was read) nor under a header's lines with numbers in them (a hotline, the
    weather, another clock). A lead that names another day belies it."""
    mention = found.mention
    if mention is None or not mention.time or found.date.day is None:
        return False
    stamp = found.date.first_day
    lead = _lead_text(lines, body_at)
    days = _lead_days(lead, stamp)
    if days:
        return any(0 <= (stamp - day).days <= STAMP_LEAD_DAYS for day in days)
    named = {_EN_WEEKDAYS.index(m.group(1).lower()) for m in _EN_WEEKDAY_RE.finditer(lead)}
    if named:
        return any((stamp.weekday() - w) % 7 <= STAMP_LEAD_DAYS for w in named)
    above = [t for t in lines[:index] if t.strip()]
    return bool(above) and not any(c.isdigit() for t in above[-HEADER_LINES:] for c in t)


def _lead_days(lead: str, stamp: dt.date) -> list[dt.date]:
    """The days (with no year printed) the lead names, in the stamp's year or the one before."""
    pairs = [(int(m.group(1)), int(m.group(2))) for m in _LEAD_DAY_RE.finditer(lead)]
    for m in _EN_DAY_MONTH_RE.finditer(lead):
        month = MONTHS[(m.group("m1") or m.group("m2")).lower().rstrip(".")]
        pairs.append((int(m.group("d1") or m.group("d2")), month))
    days = []
    for day, month in pairs:
        for year in (stamp.year, stamp.year - 1):
            candidate = safe_date(year, month, day)
            if candidate is not None and candidate <= stamp + dt.timedelta(days=STAMP_LEAD_DAYS):
                days.append(candidate)
                break
    return days


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
        full = to_date(match, DateSource.INFERRED)
        if full is None or full.day is None:
            continue
        for year in (full.year, full.year + 1):
            if any(y > year for y in named):
                continue  # the text names a later year: the full date is history, not this news cycle
            candidate = safe_date(year, month, day)
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
            if safe_date(year, month, day):
                return PubDate(
                    year, month, day, DateSource.INFERRED
                ), f"day {day}/{month} in the lead, after the concluded period ending {max(ends)}"
    return None, None


# Intervals --------------------------------------------------------------------------------

_THIS_YEAR_RE = re.compile(r"năm nay|năm qua|this year|the past year|the year", re.IGNORECASE)
_MONTH_IN_SENTENCE_RE = re.compile(
    rf"tháng\s+(\d{{1,2}})(?!\s*(?:/|năm|,)\s*\d{{4}})(?!\d)|\b({MONTH_RE})\b(?!\.?,?\s+\d)", re.IGNORECASE
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
                month = int(found.group(1)) if found.group(1) else MONTHS[found.group(2).lower().rstrip(".")]
                break
    if month is None or not 1 <= month <= 12:
        return None, None
    days = [
        int(m.group(1))
        for text in [*paragraphs[:2], *captions]
        for m in _DAY_MONTH_RE.finditer(text)
        if int(m.group(2)) == month
    ]
    day = min((d for d in days if safe_date(year, month, d)), default=None)
    until = (year + 1, 1) if month == 12 else (year, month + 1)
    interval = PubDate(year, month, day, DateSource.INFERRED, until)
    for mention in find_dates("\n".join([*paragraphs, *captions]), DateSource.INFERRED):
        if mention.date.first_day > interval.last_day:
            return None, None
    shown = f"{day}/{month}" if day else f"month {month}"
    return interval, f"the opening reports the event of {shown} as concluded, in the text's year {year}"


# The loader's entry point -----------------------------------------------------------------


NO_DATE_NOTE = "no publication date found"  # the notes `check` tells once, at the date's line
INTERVAL_NOTE = "date known only as the interval"


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
    title_at = next(  # the headline's line: the first of two when it was wrapped onto two
        (i for i, t in enumerate(lines[: body_at + 1]) if title and (title in t or title.startswith(f"{t} "))), None
    )
    choice = publication_date(lines, title_at, body_at, paragraphs[-1] if paragraphs else None)
    if choice is not None:
        return _settle_order(choice, lines)
    date, reason = infer_date(list(paragraphs[:2]), list(paragraphs))
    if date is not None:
        return Dated(date, None, None, f"date inferred from the text ({reason})")
    interval, reason = infer_interval(paragraphs, captions)
    if interval is not None:
        return Dated(
            interval,
            None,
            None,
            f"{INTERVAL_NOTE} {interval.edtf} ({reason}): settle it in front matter",
        )
    return Dated(None, None, None, NO_DATE_NOTE)
