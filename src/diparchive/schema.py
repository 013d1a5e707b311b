"""The one validator of the YAML an editor writes (site.yaml, front matter, the registry), and the
one date literal they share.

A schema is a mapping of key → `Key` (what the key means, how its value is read); `validate`
checks a YAML mapping against it and returns the values read and every problem found, each with
its file and line, so that all of them can be reported together.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import Problem
from .records import DateSource, PubDate
from .yamlsource import Located


class Invalid(Exception):
    """Raised by a `Key`'s reader: each (line or None for the key's own, message)."""

    def __init__(self, message: str, line: int | None = None, *more: tuple[int | None, str]) -> None:
        super().__init__(message)
        self.problems: tuple[tuple[int | None, str], ...] = ((line, message), *more)


def plain(item: Located) -> Any:
    return item.plain()


@dataclass(frozen=True, slots=True)
class Key:
    doc: str  # what the key means, for messages and documentation
    read: Callable[[Located], Any] = plain  # the value, or raise Invalid
    required: bool = False


def validate(
    mapping: Mapping[str, Located],
    schema: Mapping[str, Key],
    path: Path,
    line: int,
    unknown: Callable[[str], str],
    missing: Callable[[str], str],
) -> tuple[dict[str, Any], list[Problem]]:
    """The value of each known key of `mapping` as its `Key` reads it, and every problem: unknown
    keys and unreadable values in file order, then missing required keys."""
    values: dict[str, Any] = {}
    problems: list[Problem] = []
    for key, item in mapping.items():
        if key not in schema:
            problems.append(Problem(path, item.line, unknown(key)))
            continue
        try:
            values[key] = schema[key].read(item)
        except Invalid as exc:
            problems += [Problem(path, at if at is not None else item.line, message) for at, message in exc.problems]
    problems += [
        Problem(path, line or None, missing(key))
        for key, spec in schema.items()
        if spec.required and key not in mapping
    ]
    return values, problems


def nested(problems: list[Problem]) -> Invalid:
    """The problems of a nested mapping, raised by the reader of the key that holds it."""
    return Invalid(problems[0].message, problems[0].line, *((p.line, p.message) for p in problems[1:]))


# Readers shared by the schemas: each takes the name shown in messages --------------------------


def text(what: str) -> Callable[[Located], str]:
    """Non-empty text, stripped (a number or a list is not text)."""

    def read(item: Located) -> str:
        if not isinstance(item.value, str) or not item.value.strip():
            raise Invalid(f"{what} must be non-empty text, not {shown(item)}")
        return item.value.strip()

    return read


def texts(what: str) -> Callable[[Located], tuple[str, ...]]:
    """A list of non-empty texts; each wrong entry is named at its own line."""
    one = text(what)

    def read(item: Located) -> tuple[str, ...]:
        if not isinstance(item.value, list):
            raise Invalid(f"{what} must be a list of text, not {shown(item)}")
        out, problems = [], []
        for entry in item.value:
            try:
                out.append(one(entry))
            except Invalid as exc:
                problems += [Problem(None, at or entry.line, message) for at, message in exc.problems]
        if problems:
            raise nested(problems)
        return tuple(out)

    return read


def flag(what: str) -> Callable[[Located], bool]:
    def read(item: Located) -> bool:
        if not isinstance(item.value, bool):
            raise Invalid(f"'{what}' must be true or false, not {shown(item)}")
        return item.value

    return read


def mapping(what: str) -> Callable[[Located], dict[str, Located]]:
    """A mapping of ids to entries, each read further by its owner (nothing given: none)."""

    def read(item: Located) -> dict[str, Located]:
        if item.value is None:
            return {}
        if not isinstance(item.value, dict):
            raise Invalid(f"'{what}' must be a mapping of ids to entries, not {shown(item)}")
        return dict(item.value)

    return read


def sequence(what: str) -> Callable[[Located], list[Located]]:
    """A list of entries, each read further by its owner (nothing given: none)."""

    def read(item: Located) -> list[Located]:
        if item.value is None:
            return []
        if not isinstance(item.value, list):
            raise Invalid(f"'{what}' must be a list of entries, not {shown(item)}")
        return list(item.value)

    return read


def shown(item: Located) -> str:
    """A value as a message shows it: its kind, or the text itself when short."""
    value = item.value
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    text = str(value)
    return f"'{text}'" if len(text) <= 60 else f"'{text[:57]}…'"


def whole_number(what: str) -> Callable[[Located], int]:
    """A whole number from 1 up (a rank, a count), never a boolean or text."""

    def read(item: Located) -> int:
        value = item.value
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise Invalid(f"'{what}' must be a whole number from 1 up, not '{value}'")
        return value

    return read


# Dates: a day, a month or a year -----------------------------------------------------------

_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
DATE_FORMS = "YYYY-MM-DD, YYYY-MM or YYYY"


def date_literal(value: Any, source: DateSource = DateSource.DATELINE) -> PubDate | None:
    """A date written YYYY-MM-DD, YYYY-MM or YYYY (months and days with two digits: "2024-9" is
    not a date), or a date YAML already read; kept at the precision given. None if it is not one."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return PubDate(value.year, value.month, value.day, source)
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    match = _DATE.fullmatch(str(value).strip())
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        return None
    return PubDate(year, month, day, source)


def date(what: str) -> Callable[[Located], PubDate | None]:
    """A date literal (nothing given: none)."""

    def read(item: Located) -> PubDate | None:
        if item.value is None:
            return None
        value = date_literal(item.value)
        if value is None:
            raise Invalid(f"{what} must be a date ({DATE_FORMS}), not {shown(item)}")
        return value

    return read
