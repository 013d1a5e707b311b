"""Timelines as pictures: articles per month, drawn at build time as an inline SVG view.

`chart` turns the articles' dates (and, on a leader's page, the offices held) into a prepared view:
bars, axis ticks and office bars with their coordinates as text, their `<title>` tooltips, and the
month → count table that is the chart's text alternative. `templates/_timeline.html` renders it.

How dates are counted:
- a date known to the day or to the month counts in its month;
- a date known only to the year counts in that year's January, and an EDTF interval
  ("2023-12-19/2024-01") in the month it starts in; both mark their bar and table row as rough
  ("≈"), since the article may belong to a later month;
- an undated article is left out of the chart; the table says how many were left out.

The time axis runs over whole years, from January of the first article's year to December of the
last one's. A page shows a chart only when it has at least `MIN_DATED` dated articles (one bar says
nothing a date does not). An office is drawn from the month it started in (or the axis start when
the registry gives no start) to the month it ended in (or the axis end when still held); an office
held wholly outside the axis is not drawn (the page's list of roles still names it). A bar cut
by the axis is marked at that end by an arrowhead, and its tooltip and the chart's description
say so ("began before 2021", "continues after 2024").

Every coordinate is computed in integer tenths of a viewBox unit and written by `_num`, so the bytes
never depend on how a platform prints a float.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..read.registry import Event, Leader
from ..records import Article, PubDate
from .i18n import count_phrase, month_title
from .views import Site, View, span_text, tagged

MIN_DATED = 2  # fewer dated articles than this: no chart
MAX_TICKS = 8  # year labels at most, so they are never crowded at 390 px
TICK_STEPS = (1, 2, 5, 10, 20, 50, 100)

# Geometry, in tenths of a viewBox unit. 480 units wide: at 390 px (about 358 px of content) one
# unit is about 0.75 px, so 15-unit text is about 11 px.
WIDTH = 4800
LEFT = 320  # room for the y-axis label
RIGHT = 80
TOP = 100
PLOT_HEIGHT = 1200
TICK_LABEL = 180  # below the baseline
LANE = 260  # one office per lane
LANE_BAR = 80
MIN_BAR = 10  # a month with one article among hundreds is still visible
ARROW = 60  # the arrowhead marking an office bar cut by the axis, beyond the bar's end
Month = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Office:
    """An office held, as the chart draws it: its localized title and span text."""

    title: str
    span: str
    start: PubDate | None
    end: PubDate | None  # None: still held


def monthly(articles: Iterable[Article]) -> tuple[Counter[Month], Counter[Month], int]:
    """(articles per month, of them dated only roughly, undated), per the module's rules."""
    counts: Counter[Month] = Counter()
    rough: Counter[Month] = Counter()
    undated = 0
    for a in articles:
        if a.date is None:
            undated += 1
            continue
        month = (a.date.year, a.date.month or 1)
        counts[month] += 1
        if a.date.month is None or a.date.is_interval:
            rough[month] += 1
    return counts, rough, undated


def chart(articles: Sequence[Article], lang: str, ui: Mapping[str, str], offices: Sequence[Office] = ()) -> View | None:
    """The prepared view of the chart of `articles`, or None when too few are dated."""
    counts, rough, undated = monthly(articles)
    dated = sum(counts.values())
    if dated < MIN_DATED:
        return None
    first_year, last_year = min(counts)[0], max(counts)[0]
    months = [(y, m) for y in range(first_year, last_year + 1) for m in range(1, 13)]
    plot = WIDTH - LEFT - RIGHT

    def x(index: int) -> int:  # left edge of the index-th month; exact integer spread
        return LEFT + index * plot // len(months)

    base = TOP + PLOT_HEIGHT
    peak = max(counts.values())
    gap = max(1, (x(1) - x(0)) // 5)
    bars = []
    for index, month in enumerate(months):
        n = counts.get(month, 0)
        if not n:
            continue
        height = max(MIN_BAR, n * PLOT_HEIGHT // peak)
        label = f"{month_title(*month, lang)}: {count_phrase(n, lang, ui)}"
        if rough[month]:
            label += " " + ui["timeline_rough_bar"].format(n=rough[month])
        bars.append(
            {
                "x": _num(x(index)),
                "y": _num(base - height),
                "width": _num(max(1, x(index + 1) - x(index) - gap)),
                "height": _num(height),
                "label": label,
                "rough": bool(rough[month]),
            }
        )

    years = last_year - first_year + 1
    step = next((s for s in TICK_STEPS if years / s <= MAX_TICKS), TICK_STEPS[-1])
    ticks = []
    for year in range(first_year, last_year + 1):
        if (year - first_year) % step:
            continue
        at = x((year - first_year) * 12)
        centre = at + (x((year - first_year + step) * 12) - at) // 2 if step == 1 else at
        ticks.append({"x": _num(at), "label_x": _num(min(max(centre, LEFT + 200), WIDTH - RIGHT - 200)), "label": year})

    lanes: list[dict[str, str]] = []
    for office in offices:
        start = 0 if office.start is None else _index(office.start, first_year)  # no start known: none claimed
        end = len(months) if office.end is None else _index(office.end, first_year, last=True)
        if end < 0 or start > len(months) - 1:
            continue
        before, after = start < 0, end > len(months) - 1  # cut by the axis at that end
        start, end = max(start, 0), min(end, len(months) - 1)
        top = base + TICK_LABEL + 100 + len(lanes) * LANE
        y = top + 160
        notes = ([ui["timeline_before"].format(year=first_year)] if before else []) + (
            [ui["timeline_after"].format(year=last_year)] if after else []
        )
        cut = f" ({'; '.join(notes)})" if notes else ""
        left, right = x(start), x(start) + max(MIN_BAR, x(end + 1) - x(start))
        lanes.append(
            {
                "label": office.title,
                "label_x": _num(LEFT),
                "label_y": _num(top + 130),
                "x": _num(left),
                "y": _num(y),
                "width": _num(right - left),
                "height": _num(LANE_BAR),
                "tooltip": (f"{office.title}: {office.span}" if office.span else office.title) + cut,
                "described": office.title + cut,
                "before": _arrow(left, y, -ARROW) if before else "",
                "after": _arrow(right, y, ARROW) if after else "",
            }
        )
    height = base + TICK_LABEL + 100 + len(lanes) * LANE

    first, last = min(counts), max(counts)
    summary = ui["timeline_summary"].format(
        articles=count_phrase(dated, lang, ui), first=month_title(*first, lang), last=month_title(*last, lang)
    )
    if lanes:
        summary += " " + ui["timeline_offices"].format(offices=", ".join(o["described"] for o in lanes))
    undated_note = ui["timeline_undated"].format(articles=count_phrase(undated, lang, ui)) if undated else ""
    if undated_note:  # in the image's description too, not only in the table below it
        summary += " " + undated_note
    rough_total = sum(rough.values())
    return {
        "width": _num(WIDTH),
        "height": _num(height),
        "title": ui["timeline_title"],
        "desc": summary,
        "plot": {"left": _num(LEFT), "right": _num(WIDTH - RIGHT), "top": _num(TOP), "base": _num(base)},
        "peak": {"label": peak, "x": _num(LEFT - 60), "y": _num(TOP + 50)},
        "tick_top": _num(base + 40),
        "tick_label_y": _num(base + TICK_LABEL),
        "bars": bars,
        "ticks": ticks,
        "offices": lanes,
        "rows": [
            {"month": month_title(*m, lang), "count": counts[m], "rough": bool(rough[m])}
            for m in sorted(counts, reverse=True)
        ],
        "dated": dated,
        "rough_note": ui["timeline_rough"].format(articles=count_phrase(rough_total, lang, ui)) if rough_total else "",
        "undated_note": undated_note,
    }


def leader_offices(s: Site, lang: str, leader: Leader) -> tuple[Office, ...]:
    """The offices `leader` held, from the registry, oldest first (an undated start first)."""
    roles = sorted(leader.roles, key=lambda r: r.start.first_day if r.start else PubDate(1900).first_day)
    return tuple(
        Office(s.registry.titles[r.title].name.get(lang), span_text(r.start, r.end, lang, s.ui[lang]), r.start, r.end)
        for r in roles
    )


def series_articles(s: Site, lang: str, series_id: str, events: Iterable[Event]) -> tuple[Article, ...]:
    """The articles about any session of a series, each once."""
    found: dict[tuple[str, str], Article] = {}
    for event in events:
        if event.series == series_id:
            for a in tagged(s, lang, "event", event.id):
                found.setdefault((a.lang, a.key), a)
    return tuple(found.values())


def _index(date: PubDate, first_year: int, last: bool = False) -> int:
    """The axis index of a date's month (an end known only to its year: its December)."""
    month = date.month or (12 if last else 1)
    return (date.year - first_year) * 12 + month - 1


def _arrow(at: int, top: int, reach: int) -> str:
    """The points of an arrowhead from a bar's end `at` out by `reach` (negative: to the left)."""
    return f"{_num(at)},{_num(top)} {_num(at + reach)},{_num(top + LANE_BAR // 2)} {_num(at)},{_num(top + LANE_BAR)}"


def _num(tenths: int) -> str:
    """Tenths as a decimal, written by hand: "12", "12.5", "-0.5"."""
    sign, tenths = ("-", -tenths) if tenths < 0 else ("", tenths)
    whole, frac = divmod(tenths, 10)
    return f"{sign}{whole}.{frac}" if frac else f"{sign}{whole}"
