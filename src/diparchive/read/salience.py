"""Whether an event an article names is what it is *about* or only named in passing.

A mention becomes a subject on salience: named in the title or the lead (or in the paragraph
after the lead, governed by the article's own verb: it attends, opens, chairs the event), named
in two or more passages, as the first session of a series the title or the lead names, or on the
very days it was held; and never when the words around it cite it as context ("Nghị quyết Đại
hội XIII", "since the 35th Summit", "as agreed at…"), or in a photo caption. When unsure, a
mention.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..records import PubDate
from .meetings import clause_before
from .passages import Place
from .recognizer import Recognizer

CURRENT_SPAN_DAYS = 31  # an event this short, named while it is held, is what the article is about
CURRENT_MARGIN_DAYS = 3


# The article's own verbs before the name: it attends, opens, chairs, speaks at the event.
_ACTION = re.compile(
    r"(?<![^\W_])(?:tham du|du|khai mac|be mac|chu tri|ben le|trong khuon kho|phat bieu tai|dan dau doan"
    r"|attend\w*|address\w*|open\w*|clos(?:e|es|ed|ing)|chair\w*|sidelines of|margins of|speech at|remarks at|statement at|leaves for|left \w+ for|arriv\w+)"
    r"(?![^\W_])"
)
_ACTION_WORDS = 10


@dataclass(frozen=True, slots=True)
class Occurrence:
    event: str
    passage: int  # index in the passages
    place: Place
    passing: bool  # the words around it cite it as context
    action: bool  # the article's own verb governs it
    first: int  # position of the name, to tell the instances listed together ("44 và 45")


def own_verb(folded: str, start: int) -> bool:
    """The article's own verb governs the name at `start`: it attends, opens, chairs, speaks at it."""
    return _ACTION.search(clause_before(folded, start, _ACTION_WORDS)) is not None


def weigh(
    rec: Recognizer, occurrences: list[Occurrence], date: PubDate | None, series_named: set[str]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Subjects and mentions, each in order of first mention."""
    order = list(dict.fromkeys(o.event for o in occurrences))
    reported = [o for o in occurrences if not o.passing and o.place is not Place.CAPTION]
    by_event: dict[str, list[Occurrence]] = {}
    for o in reported:
        by_event.setdefault(o.event, []).append(o)
    # "Thủ tướng dự Hội nghị Cấp cao ASEAN" in the title, "… lần thứ 44, 45" below: the first
    # numbered instances of a series the title or lead names are the ones it means.
    first_of_series: dict[str, tuple[int, int]] = {}
    for o in reported:
        first_of_series.setdefault(o.event.rsplit("-", 1)[0], (o.passage, o.first))
    subjects = []
    for event_id in order:
        own = by_event.get(event_id, [])
        series = event_id.rsplit("-", 1)[0]
        salient = any(
            o.place in (Place.TITLE, Place.LEAD)
            or (o.place is Place.NEXT and o.action)
            or (series in series_named and first_of_series.get(series) == (o.passage, o.first))
            for o in own
        ) or (own and _held_on(rec, event_id, date))
        if salient or len({o.passage for o in own}) >= 2:
            subjects.append(event_id)
    chosen = set(subjects)
    return tuple(subjects), tuple(e for e in order if e not in chosen)


def _held_on(rec: Recognizer, event_id: str, date: PubDate | None) -> bool:
    """The article was published while a short event was held (give or take a few days)."""
    event = rec.registry.events.get(event_id)
    if date is None or event is None or event.start is None or event.end is None:
        return False
    start, end = event.start.first_day, event.end.last_day
    margin = dt.timedelta(days=CURRENT_MARGIN_DAYS)
    return (
        (end - start).days <= CURRENT_SPAN_DAYS and start - margin <= date.first_day and date.last_day <= end + margin
    )
