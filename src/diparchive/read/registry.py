"""The registry: `content/registry/*.yaml` → a `Registry` of leaders with their roles over time,
events and event series (the records are in `registry_records`), every problem reported with its
file and line, all together. Mappings are checked by `schema.check_keys`, dates read by
`schema.date_literal`."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from slugify import slugify

from ..errors import DiparchiveError, Problem
from ..records import PubDate
from ..schema import DATE_FORMS, check_keys, date_literal
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


class _Reader:
    """Collects problems while reading one registry file, so all are reported together."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def problem(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.path, line, message))

    def entries(self, item: Located | None, what: str) -> dict[str, Located]:
        """A section that maps ids to entries: its items, or none (and a problem) when it is not a mapping."""
        if item is None or item.value is None:
            return {}
        if not isinstance(item.value, dict):
            self.problem(item.line, f"'{what}' must be a mapping of ids to entries")
            return {}
        return item.value

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
        located = read_yaml_file(path, shown)
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
    for title_id, item in reader.entries(top.get("titles"), "titles").items():
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
        if not leader_id:
            reader.problem(
                fields["name"].line, f"leader name '{name.vi}' has no letters or digits to make its id and URL from"
            )
            continue
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
    variants = {
        k: reader.texts(v, f"variant '{k}'") for k, v in reader.entries(top.get("variants"), "variants").items()
    }

    series: dict[str, Series] = {}
    events: dict[str, Event] = {}
    for series_id, item in reader.entries(top.get("series"), "series").items():
        fields = reader.mapping(
            item,
            f"series '{series_id}'",
            {"name", "instance_name", "patterns", "description", "place", "instances"},
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
        wrong = next((w for w in map(bad_placeholder, (instance_name.vi, instance_name.en)) if w), None)
        if wrong:
            reader.problem(fields["instance_name"].line, f"instance_name of '{series_id}': {wrong}")
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
            reader.bilingual(fields.get("place"), "place"),
        )
        series[series_id] = s
        for number, inst in reader.entries(fields.get("instances"), "instances").items():
            if instance_number(str(number)) is None:
                reader.problem(inst.line, f"instance number '{number}' must be a whole number of at most 4 digits")
                continue
            data = (
                reader.mapping(inst, f"instance {series_id}-{number}", {"start", "end", "name", "description", "place"})
                or {}
            )
            ev = instance_event(
                s,
                int(str(number)),
                {
                    "start": reader.date(data.get("start"), "start"),
                    "end": reader.date(data.get("end"), "end"),
                    "name": reader.bilingual(data.get("name"), "name"),
                    "description": reader.bilingual(data.get("description"), "description"),
                    "place": reader.bilingual(data.get("place"), "place"),
                    "declared": True,
                },
            )
            events[ev.id] = ev

    for event_id, item in reader.entries(top.get("events"), "events").items():
        fields = reader.mapping(
            item,
            f"event '{event_id}'",
            {"name", "start", "end", "description", "place", "patterns"},
            {"name", "patterns"},
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
            reader.bilingual(fields.get("place"), "place"),
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
