"""The registry: leaders with their roles over time, and events and event series.

Read from `content/registry/*.yaml` into frozen records; every problem is reported with its
file and line, all together.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from slugify import slugify

from ..errors import DiparchiveError, Problem
from ..records import PubDate
from ..schema import DATE_FORMS, check_keys, date_literal
from ..yamlsource import Located, parse_yaml

LEADERS_FILE = "leaders.yaml"
EVENTS_FILE = "events.yaml"
OUTLETS_FILE = "outlets.yaml"


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
    roles: tuple[Role, ...]
    path: Path
    line: int

    def roles_on(self, date: PubDate | None) -> tuple[Role, ...]:
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


@dataclass(frozen=True, slots=True)
class Registry:
    titles: dict[str, Title]
    leaders: dict[str, Leader]
    series: dict[str, Series]
    events: dict[str, Event]  # declared events, including listed series instances
    variants: dict[str, tuple[str, ...]]  # named spelling variants usable in patterns: {un}
    outlets: dict[str, Bilingual]  # outlet code as printed ("NDO") → outlet name
    events_path: Path  # where events and their patterns are declared, for messages

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
        series = self.series[series_id]
        return instance_event(series, int(number), None)


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


def instance_event(series: Series, number: int, data: dict[str, Any] | None) -> Event:
    data = data or {}
    names = {"n": number, "ord": ordinal_en(number), "roman": roman(number)}
    name = Bilingual(series.instance_name.vi.format(**names), series.instance_name.en.format(**names))
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
    )


# Loading -----------------------------------------------------------------------------------


class _Reader:
    """Collects problems while reading one registry file, so all are reported together."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def problem(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.path, line, message))

    def mapping(
        self, item: Located, what: str, allowed: Collection[str], required: Collection[str] = ()
    ) -> dict[str, Located] | None:
        if not isinstance(item.value, dict):
            self.problem(item.line, f"{what} must be a mapping")
            return None
        self.problems += check_keys(
            item.value,
            allowed,
            sorted(required),
            self.path,
            item.line,
            lambda key: f"unknown key '{key}' in {what} (allowed: {', '.join(sorted(allowed))})",
            lambda key: f"{what} is missing '{key}'",
        )
        return item.value

    def text(self, item: Located | None, what: str) -> str | None:
        if item is None:
            return None
        if not isinstance(item.value, str) or not item.value.strip():
            self.problem(item.line, f"{what} must be non-empty text")
            return None
        return item.value.strip()

    def lines(self, item: Located | None) -> tuple[int, ...]:
        return tuple(v.line for v in item.value) if item is not None and isinstance(item.value, list) else ()

    def texts(self, item: Located | None, what: str) -> tuple[str, ...]:
        if item is None:
            return ()
        if not isinstance(item.value, list):
            self.problem(item.line, f"{what} must be a list of text")
            return ()
        return tuple(t for t in (self.text(v, what) for v in item.value) if t)

    def bilingual(self, item: Located | None, what: str) -> Bilingual | None:
        if item is None:
            return None
        fields = self.mapping(item, what, {"vi", "en"}, {"vi", "en"})
        if fields is None or set(fields) != {"vi", "en"}:
            return None
        vi, en = self.text(fields["vi"], f"{what}.vi"), self.text(fields["en"], f"{what}.en")
        return Bilingual(vi, en) if vi and en else None

    def date(self, item: Located | None, what: str) -> PubDate | None:
        """A day, a month or a year, kept at the precision given."""
        if item is None or item.value is None:
            return None
        date = date_literal(item.value)
        if date is None:
            self.problem(item.line, f"{what} must be a date ({DATE_FORMS}), not '{item.value}'")
        return date


def load_registry(registry_dir: Path, root: Path) -> Registry:
    problems: list[Problem] = []
    titles, leaders = _load_leaders(registry_dir / LEADERS_FILE, root, problems)
    series, events, variants = _load_events(registry_dir / EVENTS_FILE, root, problems)
    outlets = _load_outlets(registry_dir / OUTLETS_FILE, root, problems)
    if problems:
        raise DiparchiveError(problems, heading=f"{len(problems)} problem(s) in the registry")
    shown = registry_dir / EVENTS_FILE
    return Registry(
        titles,
        leaders,
        series,
        events,
        variants,
        outlets,
        shown.relative_to(root) if shown.is_relative_to(root) else shown,
    )


def _read(path: Path, root: Path, problems: list[Problem]) -> tuple[_Reader, dict[str, Located] | None]:
    shown = path.relative_to(root) if path.is_relative_to(root) else path
    reader = _Reader(shown)
    if not path.exists():
        return reader, None
    try:
        located = parse_yaml(path.read_text(encoding="utf-8-sig"), shown)
    except DiparchiveError as exc:
        problems.extend(exc.problems)
        return reader, None
    if not isinstance(located.value, dict):
        reader.problem(located.line, "the file must be a mapping")
        problems.extend(reader.problems)
        return reader, None
    return reader, located.value


def _load_leaders(path: Path, root: Path, problems: list[Problem]) -> tuple[dict[str, Title], dict[str, Leader]]:
    reader, top = _read(path, root, problems)
    if top is None:
        return {}, {}
    reader.mapping(Located(top, 1), LEADERS_FILE, {"titles", "leaders"})
    titles: dict[str, Title] = {}
    for title_id, item in (top.get("titles") or Located({}, 1)).value.items():
        fields = reader.mapping(item, f"title '{title_id}'", {"vi", "en", "forms", "bare"}, {"vi", "en"})
        if fields is None:
            continue
        vi, en = reader.text(fields.get("vi"), "vi"), reader.text(fields.get("en"), "en")
        bare = fields.get("bare", Located(False, item.line)).value
        if not isinstance(bare, bool):
            reader.problem(fields["bare"].line, "'bare' must be true or false")
        forms = reader.texts(fields.get("forms"), "forms") or tuple(f for f in (vi, en) if f)
        if vi and en:
            titles[title_id] = Title(title_id, Bilingual(vi, en), tuple(dict.fromkeys((vi, en) + forms)), bare is True)

    leaders: dict[str, Leader] = {}
    entries = top.get("leaders")
    for item in entries.value if entries and isinstance(entries.value, list) else []:
        fields = reader.mapping(item, "leader", {"name", "aliases", "short", "country", "roles"}, {"name", "roles"})
        if fields is None or "name" not in fields:
            continue
        name = reader.bilingual(fields["name"], "name")
        if name is None:
            continue
        leader_id = slugify(name.vi)
        if leader_id in leaders:
            reader.problem(item.line, f"leader '{leader_id}' is listed twice (first at line {leaders[leader_id].line})")
            continue
        roles = []
        for role_item in fields["roles"].value if "roles" in fields and isinstance(fields["roles"].value, list) else []:
            role = reader.mapping(role_item, f"role of {name.vi}", {"title", "from", "to"}, {"title"})
            if role is None or "title" not in role:
                continue
            title_id = role["title"].value
            if title_id not in titles:
                reader.problem(role["title"].line, f"unknown title '{title_id}' (declare it under 'titles')")
                continue
            start = reader.date(role.get("from"), "from")
            end = reader.date(role.get("to"), "to")
            if start and end and end.last_day < start.first_day:
                reader.problem(role_item.line, f"role '{title_id}' ends ({end.iso}) before it starts ({start.iso})")
            roles.append(Role(title_id, start, end, role_item.line))
        aliases = reader.texts(fields.get("aliases"), "aliases")
        short = reader.texts(fields.get("short"), "short") or (name.vi.split()[-1], name.en.split()[-1])
        country = reader.text(fields.get("country"), "country") or "VN"
        leaders[leader_id] = Leader(
            leader_id,
            name,
            tuple(dict.fromkeys((name.vi, name.en) + aliases)),
            tuple(dict.fromkeys(short)),
            country,
            tuple(roles),
            reader.path,
            item.line,
        )
    problems.extend(reader.problems)
    return titles, leaders


def _load_events(
    path: Path, root: Path, problems: list[Problem]
) -> tuple[dict[str, Series], dict[str, Event], dict[str, tuple[str, ...]]]:
    reader, top = _read(path, root, problems)
    if top is None:
        return {}, {}, {}
    reader.mapping(Located(top, 1), EVENTS_FILE, {"variants", "series", "events"})
    variants = {k: reader.texts(v, f"variant '{k}'") for k, v in (top.get("variants") or Located({}, 1)).value.items()}

    series: dict[str, Series] = {}
    events: dict[str, Event] = {}
    for series_id, item in (top.get("series") or Located({}, 1)).value.items():
        fields = reader.mapping(
            item,
            f"series '{series_id}'",
            {"name", "instance_name", "patterns", "description", "instances"},
            {"name", "instance_name", "patterns"},
        )
        if fields is None:
            continue
        if series_id != slugify(series_id):
            reader.problem(item.line, f"series id '{series_id}' must be a slug such as '{slugify(series_id)}'")
        name = reader.bilingual(fields.get("name"), "name")
        instance_name = reader.bilingual(fields.get("instance_name"), "instance_name")
        patterns = reader.texts(fields.get("patterns"), "patterns")
        if not name or not instance_name:
            continue
        s = Series(
            series_id,
            name,
            instance_name,
            patterns,
            reader.bilingual(fields.get("description"), "description"),
            reader.path,
            item.line,
            reader.lines(fields.get("patterns")),
        )
        series[series_id] = s
        for number, inst in (fields.get("instances") or Located({}, 1)).value.items():
            if not str(number).isdigit():
                reader.problem(inst.line, f"instance number '{number}' must be a whole number")
                continue
            data = reader.mapping(inst, f"instance {series_id}-{number}", {"start", "end", "name", "description"}) or {}
            ev = instance_event(
                s,
                int(number),
                {
                    "start": reader.date(data.get("start"), "start"),
                    "end": reader.date(data.get("end"), "end"),
                    "name": reader.bilingual(data.get("name"), "name"),
                    "description": reader.bilingual(data.get("description"), "description"),
                    "declared": True,
                },
            )
            events[ev.id] = ev

    for event_id, item in (top.get("events") or Located({}, 1)).value.items():
        fields = reader.mapping(
            item, f"event '{event_id}'", {"name", "start", "end", "description", "patterns"}, {"name", "patterns"}
        )
        if fields is None:
            continue
        if event_id != slugify(event_id):
            reader.problem(item.line, f"event id '{event_id}' must be a slug such as '{slugify(event_id)}'")
        if event_id in events:
            reader.problem(item.line, f"event '{event_id}' is declared twice")
        name = reader.bilingual(fields.get("name"), "name")
        if name is None:
            continue
        events[event_id] = Event(
            event_id,
            name,
            None,
            None,
            reader.date(fields.get("start"), "start"),
            reader.date(fields.get("end"), "end"),
            reader.bilingual(fields.get("description"), "description"),
            reader.texts(fields.get("patterns"), "patterns"),
            True,
            reader.lines(fields.get("patterns")),
        )
    problems.extend(reader.problems)
    return series, events, variants


def _load_outlets(path: Path, root: Path, problems: list[Problem]) -> dict[str, Bilingual]:
    reader, top = _read(path, root, problems)
    if top is None:
        return {}
    outlets = {}
    for code, item in top.items():
        name = reader.bilingual(item, f"outlet '{code}'")
        if name:
            outlets[code] = name
    problems.extend(reader.problems)
    return outlets
