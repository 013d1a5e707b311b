"""The one validator of the YAML an editor writes (site.yaml, front matter, the registry), and the
one date literal they share.

A schema is a mapping of key → `Key` (what the key means, how its value is read); `validate`
checks a YAML mapping against it and returns the values read and every problem found, each with
its file and line, so that all of them can be reported together.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Collection, Mapping
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


def check_keys(
    mapping: Mapping[str, Located],
    known: Collection[str],
    required: Collection[str],
    path: Path,
    line: int,
    unknown: Callable[[str], str],
    missing: Callable[[str], str],
) -> list[Problem]:
    """Unknown keys (at their line, in file order), then missing required ones (at `line`, the
    mapping's; None when the mapping is a whole file)."""
    problems = [Problem(path, item.line, unknown(key)) for key, item in mapping.items() if key not in known]
    problems += [Problem(path, line or None, missing(key)) for key in required if key not in mapping]
    return problems


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


def whole_number(item: Located) -> int:
    """A whole number from 1 up (a rank, a count), never a boolean or text."""
    value = item.value
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise Invalid(f"must be a whole number from 1 up, not '{value}'")
    return value


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
