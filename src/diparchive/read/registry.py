"""The registry: `content/registry/*.yaml` → a `Registry` of leaders with their roles over time,
events and event series, other countries (CLDR's, with the press's forms declared in
`countries.yaml`: see `country_names`; the records are in `registry_records`), every problem reported with its
file and line, all together. Every key of the files is declared once (`*_KEYS`, a `schema.Key`
each) and read by the one validator, `schema.validate`."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Collection
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
    sequence,
    shown,
    text,
    texts,
    whole_number,
)
from ..yamlsource import Located
from .country_names import HOME, cldr_names, country_table
from .registry_files import bilingual, read_file
from .registry_records import (
    Bilingual,
    Country,
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
COUNTRIES_FILE = "countries.yaml"

# The records, where the registry is read: `from .registry import Registry` as before.
__all__ = [
    "Bilingual",
    "Country",
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


def _instance_name(item: Located) -> Bilingual:
    name = bilingual("instance_name")(item)
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
    "name": Key("Full name: {vi: …, en: …}; its slug is the leader's id and URL.", bilingual("name"), True),
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
    "name": Key("The series' name: {vi: …, en: …}.", bilingual("name"), True),
    "instance_name": Key("An instance's name, with {n}, {ord} or {roman}: {vi: …, en: …}.", _instance_name, True),
    "patterns": Key("How text names an instance (with {n}, {ord} or {roman}).", texts("patterns"), True),
    "description": Key("What the series is: {vi: …, en: …}.", bilingual("description")),
    "place": Key("Where its sessions meet, unless a session says otherwise: {vi: …, en: …}.", bilingual("place")),
    "instances": Key("Instances by number: start, end, name, description, place.", mapping("instances")),
}
INSTANCE_KEYS = {
    "start": Key(f"First day: {DATE_FORMS}.", date("start")),
    "end": Key(f"Last day: {DATE_FORMS}.", date("end")),
    "name": Key("A name other than the series' instance_name.", bilingual("name")),
    "description": Key("What the instance was.", bilingual("description")),
    "place": Key("Where it met: {vi: …, en: …}.", bilingual("place")),
}
EVENT_KEYS = {
    "name": Key("The event's name: {vi: …, en: …}.", bilingual("name"), True),
    "start": Key(f"First day: {DATE_FORMS}.", date("start")),
    "end": Key(f"Last day: {DATE_FORMS}.", date("end")),
    "description": Key("What the event was.", bilingual("description")),
    "place": Key("Where it took place: {vi: …, en: …}.", bilingual("place")),
    "patterns": Key("How text names the event.", texts("patterns"), True),
}

COUNTRIES_KEYS = {
    "countries": Key(
        "Other countries by ISO 3166 code (CU, US): only what CLDR lacks; every country's CLDR names are known.",
        mapping("countries"),
    ),
}
COUNTRY_KEYS = {
    "name": Key("The name to show instead of CLDR's: {vi: …, en: …}; its slug is the page's URL.", bilingual("name")),
    "forms": Key("Other words that name it in text ('Hoa Kỳ', 'Mỹ', 'Chinese').", texts("forms")),
    "ambiguous": Key(
        "Its names are also given names ('Jordan', 'Nga'): not read as the country after another capitalised word.",
        flag("ambiguous"),
    ),
    "not_before": Key(
        "Words that make a form just before them (a space apart) another name ('Cai': 'Lào Cai'; 'Latinh': 'Mỹ Latinh').",
        texts("not_before"),
    ),
    "not_after": Key(
        "Words that make a form just after them (a space apart) another name ('châu': 'châu Mỹ'; 'Nam': 'Nam Mỹ').",
        texts("not_after"),
    ),
}


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
    countries, home_forms = _load_countries(registry_dir / COUNTRIES_FILE, root, problems)
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
        countries,
        home_forms,
    )


def _load_leaders(path: Path, root: Path, problems: list[Problem]) -> tuple[dict[str, Title], dict[str, Leader]]:
    reader, top = read_file(path, root, problems)
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
    reader, top = read_file(path, root, problems)
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
    reader, top = read_file(path, root, problems)
    if top is None:
        return {}
    keys = {code: Key("The outlet printing this code: {vi: …, en: …}.", bilingual(f"outlet '{code}'")) for code in top}
    outlets = reader.read(Located(top, 1), OUTLETS_FILE, keys) or {}
    problems.extend(reader.problems)
    return outlets


def _load_countries(path: Path, root: Path, problems: list[Problem]) -> tuple[dict[str, Country], tuple[str, ...]]:
    reader, top = read_file(path, root, problems)
    declared: dict[str, dict[str, Any]] = {}
    if top is not None:
        sections = reader.read(Located(top, 1), COUNTRIES_FILE, COUNTRIES_KEYS) or {}
        known = cldr_names()
        for code, item in sections.get("countries", {}).items():
            if code not in known:
                hint = f" (did you mean {code.upper()}?)" if code.upper() in known else ""
                reader.problem(item.line, f"unknown country code '{code}'{hint}: an ISO 3166 code such as CU or US")
                continue
            fields = reader.read(item, f"country '{code}'", COUNTRY_KEYS) if item.value is not None else {}
            if fields is None:
                continue
            if code == HOME and "name" in fields:
                reader.problem(item.line, f"'{HOME}' is the archive's own country: only its forms can be listed")
            declared[code] = fields
        problems.extend(reader.problems)
    return country_table(declared)
