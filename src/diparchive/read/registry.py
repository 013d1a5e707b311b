"""The registry: `content/registry/*.yaml` → a `Registry` of leaders with their roles over time,
events and event series (the records are in `registry_records`), every problem reported with its
file and line, all together. Every key of the files is declared once (`*_KEYS`, a `schema.Key`
each) and read by the one validator, `schema.validate`."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Collection, Mapping
from pathlib import Path
from typing import Any

from slugify import slugify

from ..errors import DiparchiveError, Problem, fail
from ..schema import (
    DATE_FORMS,
    Invalid,
    Key,
    date,
    flag,
    mapping,
    nested,
    sequence,
    shown,
    text,
    texts,
    validate,
    whole_number,
)
from ..yamlsource import Located, read_yaml_file
from .registry_records import (
    Bilingual,
    Event,
    Leader,
    Registry,
    Role,
    Series,
    Title,
    bad_placeholder,
    instance_event,
    instance_number,
    ordinal_en,
    roman,
)

LEADERS_FILE = "leaders.yaml"
EVENTS_FILE = "events.yaml"
OUTLETS_FILE = "outlets.yaml"

# The records, where the registry is read: `from .registry import Registry` as before.
__all__ = [
    "Bilingual",
    "Event",
    "Leader",
    "Registry",
    "Role",
    "Series",
    "Title",
    "instance_event",
    "load_registry",
    "ordinal_en",
    "roman",
]


def _bilingual(what: str) -> Callable[[Located], Bilingual]:
    """A mapping with exactly the keys vi and en, each non-empty text."""
    keys = {"vi": Key("In Vietnamese.", text(f"{what}.vi"), True), "en": Key("In English.", text(f"{what}.en"), True)}

    def read(item: Located) -> Bilingual:
        if not isinstance(item.value, dict):
            raise Invalid(f"{what} must be a mapping with the keys vi and en, not {shown(item)}")
        values, problems = validate(
            item.value,
            keys,
            Path(),
            item.line,
            lambda key: f"unknown key '{key}' in {what} (allowed: en, vi)",
            lambda key: f"{what} is missing '{key}'",
        )
        if problems:
            raise nested(problems)
        return Bilingual(values["vi"], values["en"])

    return read


def _instance_name(item: Located) -> Bilingual:
    name = _bilingual("instance_name")(item)
    wrong = next((w for w in map(bad_placeholder, (name.vi, name.en)) if w), None)
    if wrong:
        raise Invalid(f"instance_name: {wrong}")
    return name


def _title_id(titles: Collection[str]) -> Callable[[Located], str]:
    def read(item: Located) -> str:
        value = item.value
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise Invalid(f"title must be a title id, not {shown(item)}")
        if str(value) not in titles:
            raise Invalid(f"unknown title '{value}' (declare it under 'titles')")
        return str(value)

    return read


# Every key of the registry files, declared once: what it means and how its value is read.
LEADERS_KEYS = {
    "titles": Key("Offices, by id: their names and the words that name them in text.", mapping("titles")),
    "leaders": Key("Leaders: their names and the offices they held.", sequence("leaders")),
}
TITLE_KEYS = {
    "vi": Key("The office's name in Vietnamese.", text("vi"), True),
    "en": Key("The office's name in English.", text("en"), True),
    "forms": Key("Other words that name it in text (default: vi and en).", texts("forms")),
    "bare": Key("A bare mention stands for the one person who held it on the article's date.", flag("bare")),
    "rank": Key(
        "Precedence when one person holds several titles at once: 1 is named first, as the press does "
        "('Tổng Bí thư, Chủ tịch nước'); titles without a rank follow, in the order declared.",
        whole_number("rank"),
    ),
}
LEADER_KEYS = {
    "name": Key("Full name: {vi: …, en: …}; its slug is the leader's id and URL.", _bilingual("name"), True),
    "aliases": Key("Other spellings of the full name.", texts("aliases")),
    "short": Key("Names used after a title (default: the last word of each name).", texts("short")),
    "country": Key("Country code (default VN).", text("country")),
    "roles": Key("Offices held: title, from, to.", sequence("roles"), True),
}


def role_keys(titles: Collection[str]) -> dict[str, Key]:
    """The keys of a role (its title must be one of `titles`)."""
    return {
        "title": Key("A title id.", _title_id(titles), True),
        "from": Key(f"When the office was taken: {DATE_FORMS}.", date("from")),
        "to": Key(f"When it was left, inclusive (none: still held): {DATE_FORMS}.", date("to")),
    }


EVENTS_KEYS = {
    "variants": Key("Named spelling variants usable in patterns as {name}.", mapping("variants")),
    "series": Key("Numbered event series, by id.", mapping("series")),
    "events": Key("Single events, by id.", mapping("events")),
}
SERIES_KEYS = {
    "name": Key("The series' name: {vi: …, en: …}.", _bilingual("name"), True),
    "instance_name": Key("An instance's name, with {n}, {ord} or {roman}: {vi: …, en: …}.", _instance_name, True),
    "patterns": Key("How text names an instance (with {n}, {ord} or {roman}).", texts("patterns"), True),
    "description": Key("What the series is: {vi: …, en: …}.", _bilingual("description")),
    "place": Key("Where its sessions meet, unless a session says otherwise: {vi: …, en: …}.", _bilingual("place")),
    "instances": Key("Instances by number: start, end, name, description, place.", mapping("instances")),
}
INSTANCE_KEYS = {
    "start": Key(f"First day: {DATE_FORMS}.", date("start")),
    "end": Key(f"Last day: {DATE_FORMS}.", date("end")),
    "name": Key("A name other than the series' instance_name.", _bilingual("name")),
    "description": Key("What the instance was.", _bilingual("description")),
    "place": Key("Where it met: {vi: …, en: …}.", _bilingual("place")),
}
EVENT_KEYS = {
    "name": Key("The event's name: {vi: …, en: …}.", _bilingual("name"), True),
    "start": Key(f"First day: {DATE_FORMS}.", date("start")),
    "end": Key(f"Last day: {DATE_FORMS}.", date("end")),
    "description": Key("What the event was.", _bilingual("description")),
    "place": Key("Where it took place: {vi: …, en: …}.", _bilingual("place")),
    "patterns": Key("How text names the event.", texts("patterns"), True),
}


class _Reader:
    """Collects problems while reading one registry file, so all are reported together."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def problem(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.path, line, message))

    def read(self, item: Located, what: str, keys: Mapping[str, Key]) -> dict[str, Any] | None:
        """The values of a mapping read against its keys (those that could be read), or None when
        it is not a mapping or a required key is missing or wrong; problems are kept."""
        if not isinstance(item.value, dict):
            self.problem(item.line, f"{what} must be a mapping, not {shown(item)}")
            return None
        allowed = ", ".join(sorted(keys))
        values, problems = validate(
            item.value,
            keys,
            self.path,
            item.line,
            lambda key: f"unknown key '{key}' in {what} (allowed: {allowed})",
            lambda key: f"{what} is missing '{key}'",
        )
        self.problems += problems
        return values if all(key in values for key, spec in keys.items() if spec.required) else None

    def lines(self, item: Located | None) -> tuple[int, ...]:
        return tuple(v.line for v in item.value) if item is not None and isinstance(item.value, list) else ()


def load_registry(registry_dir: Path, root: Path) -> Registry:
    problems: list[Problem] = []
    if registry_dir.is_symlink():  # its files would be read from wherever it points
        shown = registry_dir.relative_to(root) if registry_dir.is_relative_to(root) else registry_dir
        target = os.readlink(registry_dir)
        raise fail(
            shown, None, f"is a symlink (to {target}): the registry must be a folder inside the site; copy it in"
        )
    titles, leaders = _load_leaders(registry_dir / LEADERS_FILE, root, problems)
    series, events, variants = _load_events(registry_dir / EVENTS_FILE, root, problems)
    outlets = _load_outlets(registry_dir / OUTLETS_FILE, root, problems)
    if problems:
        raise DiparchiveError(problems, heading=f"{len(problems)} problem(s) in the registry")
    events_path = registry_dir / EVENTS_FILE
    return Registry(
        titles,
        leaders,
        series,
        events,
        variants,
        outlets,
        events_path.relative_to(root) if events_path.is_relative_to(root) else events_path,
    )


def _read(path: Path, root: Path, problems: list[Problem]) -> tuple[_Reader, dict[str, Located] | None]:
    where = path.relative_to(root) if path.is_relative_to(root) else path
    reader = _Reader(where)
    if not path.exists():
        return reader, None
    try:
        located = read_yaml_file(path, where)
    except DiparchiveError as exc:
        problems.extend(exc.problems)
        return reader, None
    if not isinstance(located.value, dict):
        reader.problem(located.line, f"the file must be a mapping, not {shown(located)}")
        problems.extend(reader.problems)
        return reader, None
    return reader, located.value


def _load_leaders(path: Path, root: Path, problems: list[Problem]) -> tuple[dict[str, Title], dict[str, Leader]]:
    reader, top = _read(path, root, problems)
    if top is None:
        return {}, {}
    sections = reader.read(Located(top, 1), LEADERS_FILE, LEADERS_KEYS) or {}
    titles: dict[str, Title] = {}
    for title_id, item in sections.get("titles", {}).items():
        fields = reader.read(item, f"title '{title_id}'", TITLE_KEYS)
        if fields is None:
            continue
        vi, en = fields["vi"], fields["en"]
        forms = fields.get("forms") or (vi, en)
        titles[title_id] = Title(
            title_id,
            Bilingual(vi, en),
            tuple(dict.fromkeys((vi, en) + forms)),
            fields.get("bare") is True,
            fields.get("rank"),
        )

    roles_read = role_keys(titles)
    leaders: dict[str, Leader] = {}
    for item in sections.get("leaders", []):
        fields = reader.read(item, "leader", LEADER_KEYS)
        if fields is None:
            continue
        name: Bilingual = fields["name"]
        leader_id = slugify(name.vi)
        if not leader_id:
            reader.problem(
                item.value["name"].line, f"leader name '{name.vi}' has no letters or digits to make its id and URL from"
            )
            continue
        if leader_id in leaders:
            reader.problem(item.line, f"leader '{leader_id}' is listed twice (first at line {leaders[leader_id].line})")
            continue
        roles = []
        for role_item in fields["roles"]:
            role = reader.read(role_item, f"role of {name.vi}", roles_read)
            if role is None:
                continue
            start, end = role.get("from"), role.get("to")
            if start and end and end.last_day < start.first_day:
                reader.problem(
                    role_item.line, f"role '{role['title']}' ends ({end.iso}) before it starts ({start.iso})"
                )
            roles.append(Role(role["title"], start, end, role_item.line))
        roles.sort(key=lambda r: (_precedence(titles, r.title), r.start.first_day if r.start else dt.date.min))
        aliases = fields.get("aliases", ())
        short = fields.get("short") or (name.vi.split()[-1], name.en.split()[-1])
        leaders[leader_id] = Leader(
            leader_id,
            name,
            tuple(dict.fromkeys((name.vi, name.en) + aliases)),
            tuple(dict.fromkeys(short)),
            fields.get("country", "VN"),
            tuple(roles),
            reader.path,
            item.line,
        )
    problems.extend(reader.problems)
    return titles, leaders


def _precedence(titles: dict[str, Title], title_id: str) -> tuple[bool, int, int]:
    """How a title ranks among one person's titles: by `rank`, then in the order declared."""
    title = titles[title_id]
    return (title.rank is None, title.rank or 0, list(titles).index(title_id))


def _load_events(
    path: Path, root: Path, problems: list[Problem]
) -> tuple[dict[str, Series], dict[str, Event], dict[str, tuple[str, ...]]]:
    reader, top = _read(path, root, problems)
    if top is None:
        return {}, {}, {}
    sections = reader.read(Located(top, 1), EVENTS_FILE, EVENTS_KEYS) or {}
    spellings = sections.get("variants", {})
    variant_keys = {name: Key("Spellings of {name} in patterns.", texts(f"variant '{name}'")) for name in spellings}
    variants = reader.read(Located(spellings, top["variants"].line if spellings else 1), "variants", variant_keys) or {}

    series: dict[str, Series] = {}
    events: dict[str, Event] = {}
    for series_id, item in sections.get("series", {}).items():
        fields = reader.read(item, f"series '{series_id}'", SERIES_KEYS)
        if series_id != slugify(series_id):
            reader.problem(item.line, f"series id '{series_id}' must be a slug such as '{slugify(series_id)}'")
        if fields is None:
            continue
        s = Series(
            series_id,
            fields["name"],
            fields["instance_name"],
            fields["patterns"],
            fields.get("description"),
            reader.path,
            item.line,
            reader.lines(item.value["patterns"]),
            fields.get("place"),
        )
        series[series_id] = s
        for number, inst in fields.get("instances", {}).items():
            value = instance_number(number)
            if value is None:
                reader.problem(inst.line, f"instance number '{number}' must be a whole number of at most 4 digits")
                continue
            data = reader.read(inst, f"instance {series_id}-{number}", INSTANCE_KEYS) if inst.value is not None else {}
            if data is None:
                continue
            ev = instance_event(s, value, {**dict.fromkeys(INSTANCE_KEYS), **data, "declared": True})
            events[ev.id] = ev

    for event_id, item in sections.get("events", {}).items():
        fields = reader.read(item, f"event '{event_id}'", EVENT_KEYS)
        if event_id != slugify(event_id):
            reader.problem(item.line, f"event id '{event_id}' must be a slug such as '{slugify(event_id)}'")
        owner, _, number = event_id.rpartition("-")
        if owner in series and number.isascii() and number.isdigit():
            reader.problem(
                item.line,
                f"event id '{event_id}' is the id of an instance of series '{owner}': list it under its instances",
            )
            continue
        if event_id in events:
            reader.problem(item.line, f"event '{event_id}' is declared twice")
        if fields is None:
            continue
        events[event_id] = Event(
            event_id,
            fields["name"],
            None,
            None,
            fields.get("start"),
            fields.get("end"),
            fields.get("description"),
            fields["patterns"],
            True,
            reader.lines(item.value["patterns"]),
            fields.get("place"),
        )
    problems.extend(reader.problems)
    return series, events, variants


def _load_outlets(path: Path, root: Path, problems: list[Problem]) -> dict[str, Bilingual]:
    reader, top = _read(path, root, problems)
    if top is None:
        return {}
    keys = {code: Key("The outlet printing this code: {vi: …, en: …}.", _bilingual(f"outlet '{code}'")) for code in top}
    outlets = reader.read(Located(top, 1), OUTLETS_FILE, keys) or {}
    problems.extend(reader.problems)
    return outlets
