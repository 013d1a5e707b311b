"""The registry's frozen records: leaders with their roles over time, events and event series,
other countries (read from `content/registry/*.yaml` by `registry.load_registry`)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..records import PubDate


@dataclass(frozen=True, slots=True)
class Bilingual:
    vi: str
    en: str

    def get(self, lang: str) -> str:
        return self.vi if lang == "vi" else self.en


@dataclass(frozen=True, slots=True)
class Title:
    """An office, with the words that name it in text."""

    id: str
    name: Bilingual
    forms: tuple[str, ...]
    bare: bool  # a bare mention ("Thủ tướng") may resolve to the holder on the article's date
    rank: int | None = None  # precedence among one person's titles: 1 first, as the press lists them


@dataclass(frozen=True, slots=True)
class Role:
    title: str  # Title.id
    start: PubDate | None  # as precise as the registry says: a day, a month or a year
    end: PubDate | None  # inclusive; None = still held (as far as the registry knows)
    line: int

    def held_at_some_point(self, first: dt.date, last: dt.date) -> bool:
        return (self.start is None or self.start.first_day <= last) and (self.end is None or first <= self.end.last_day)


@dataclass(frozen=True, slots=True)
class Leader:
    id: str
    name: Bilingual
    aliases: tuple[str, ...]  # every full name form: vi, en, with and without diacritics
    short: tuple[str, ...]  # names used after a title: "Phúc" in "PM Phúc", "Biden"
    country: str
    roles: tuple[Role, ...]  # in order of precedence (their titles' rank), then by start
    path: Path
    line: int

    def roles_on(self, date: PubDate | None) -> tuple[Role, ...]:
        """The roles held at any point of `date`, in order of precedence ("Tổng Bí thư, Chủ tịch nước")."""
        if date is None:
            return ()
        return tuple(r for r in self.roles if r.held_at_some_point(date.first_day, date.last_day))


@dataclass(frozen=True, slots=True)
class Series:
    id: str
    name: Bilingual
    instance_name: Bilingual  # templates with {n} and {ord}
    patterns: tuple[str, ...]
    description: Bilingual | None
    path: Path
    line: int
    pattern_lines: tuple[int, ...]
    place: Bilingual | None = None  # where every session is held, unless an instance says otherwise


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    name: Bilingual
    series: str | None
    number: int | None
    start: PubDate | None
    end: PubDate | None
    description: Bilingual | None
    patterns: tuple[str, ...]
    declared: bool  # False for a series instance recognised in text but not listed
    pattern_lines: tuple[int, ...] = ()
    place: Bilingual | None = None  # where it was held ("New York"), when the registry says


@dataclass(frozen=True, slots=True)
class Country:
    """Another country: its names from CLDR (through Babel) unless the registry gives its own, and
    every form that names it in text (CLDR's names, then the registry's `forms`)."""

    code: str  # ISO 3166-1 alpha-2, upper case ("CU")
    name: Bilingual
    slug: Bilingual  # the last part of its page's URL in each language ("nhat-ban", "japan")
    forms: tuple[str, ...]
    ambiguous: bool = False  # also a given name ("Jordan", "Nga"): not after another capitalised word
    not_before: tuple[str, ...] = ()  # words that make a form before them another name ("Lào Cai")
    not_after: tuple[str, ...] = ()  # words that make a form after them another name ("châu Mỹ")


@dataclass(frozen=True, slots=True)
class Registry:
    titles: dict[str, Title]
    leaders: dict[str, Leader]
    series: dict[str, Series]
    events: dict[str, Event]  # declared events, including listed series instances
    variants: dict[str, tuple[str, ...]]  # named spelling variants usable in patterns: {un}
    outlets: dict[str, Bilingual]  # outlet code as printed ("NDO") → outlet name
    events_path: Path  # where events and their patterns are declared, for messages
    countries: dict[str, Country] = field(default_factory=dict)  # code → every other country (CLDR's)
    home_forms: tuple[str, ...] = ()  # Viet Nam's own names: never a partner, their words never another's

    def holders(self, title_id: str, date: PubDate) -> tuple[str, ...]:
        """Leaders who held the title at any point of the date's span."""
        first, last = date.first_day, date.last_day
        return tuple(
            l.id
            for l in self.leaders.values()
            if any(r.title == title_id and r.held_at_some_point(first, last) for r in l.roles)
        )

    def event(self, event_id: str) -> Event:
        """A declared event, or the generated record of a series instance ("unga-80")."""
        if event_id in self.events:
            return self.events[event_id]
        series_id, _, number = event_id.rpartition("-")
        series, value = self.series[series_id], instance_number(number)
        if value is None:
            raise KeyError(event_id)
        return instance_event(series, value, None)


def ordinal_en(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def roman(n: int) -> str:
    out = ""
    for value, letters in (
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        count, n = divmod(n, value)
        out += letters * count
    return out


INSTANCE_PLACEHOLDERS = ("n", "ord", "roman")
_PLACEHOLDER = re.compile(r"\{(\w*)\}")


def instance_number(text: str) -> int | None:
    """The number of a series instance ("unga-79" → 79): up to four ASCII digits, or None."""
    return int(text) if re.fullmatch(r"[0-9]{1,4}", text) else None


def bad_placeholder(template: str) -> str | None:
    """What is wrong with an instance_name template, or None: only {n}, {ord} and {roman}, and
    no other brace (they are substituted as text, never evaluated as str.format would)."""
    unknown = [m.group(0) for m in _PLACEHOLDER.finditer(template) if m.group(1) not in INSTANCE_PLACEHOLDERS]
    if unknown:
        return f"unknown placeholder {unknown[0]} (use {{n}}, {{ord}} or {{roman}})"
    if "{" in _PLACEHOLDER.sub("", template) or "}" in _PLACEHOLDER.sub("", template):
        return "a lone '{' or '}' (placeholders are {n}, {ord} and {roman})"
    return None


def instance_event(series: Series, number: int, data: dict[str, Any] | None) -> Event:
    data = data or {}
    names = {"n": str(number), "ord": ordinal_en(number), "roman": roman(number)}

    def fill(template: str) -> str:
        return _PLACEHOLDER.sub(lambda m: names.get(m.group(1), m.group(0)), template)

    name = Bilingual(fill(series.instance_name.vi), fill(series.instance_name.en))
    return Event(
        id=f"{series.id}-{number}",
        name=data.get("name") or name,
        series=series.id,
        number=number,
        start=data.get("start"),
        end=data.get("end"),
        description=data.get("description"),
        patterns=(),
        declared=bool(data),
        place=data.get("place") or series.place,
    )
