"""Front matter: the keys an editor may set, validated with file:line, and the URL slug rule."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path
from typing import Any

from slugify import slugify

from ..config import LANGUAGES
from ..errors import DiparchiveError, Problem
from ..records import DateSource, PubDate
from ..yamlsource import Located
from .registry import Registry

FRONT_MATTER_KEYS = {
    "title": "Headline shown for the article.",
    "date": "Publication date: YYYY-MM-DD, YYYY-MM or YYYY.",
    "lang": "Language: vi or en.",
    "key": "Shared by an article and its translations; defaults to the file name.",
    "slug": "Last part of the article's URL; defaults to the slug of the title.",
    "author": "Byline.",
    "outlet": "Publishing outlet.",
    "leaders": "Leader ids, replacing the recognised ones.",
    "events": "Ids of the events the article is about, replacing the recognised ones.",
    "mentions": "Ids of events the article only names in passing, replacing the recognised ones.",
}
SLUG_CHARS = 80
KEY_CHARS = 200


def front_matter(located: Located | None, shown: Path, registry: Registry) -> dict[str, Any]:
    if located is None:
        return {}
    problems: list[Problem] = []
    out: dict[str, Any] = {}
    for key, item in located.value.items():
        value = item.plain()
        if key not in FRONT_MATTER_KEYS:
            problems.append(Problem(shown, item.line, f"unknown front matter key '{key}' (known: {', '.join(FRONT_MATTER_KEYS)})"))
        elif key == "date":
            date = _front_matter_date(value)
            if date is None:
                problems.append(Problem(shown, item.line, f"'date' must be YYYY-MM-DD, YYYY-MM or YYYY, not '{value}'"))
            out[key] = date
        elif key == "lang":
            if value not in LANGUAGES:
                problems.append(Problem(shown, item.line, f"'lang' must be one of {', '.join(LANGUAGES)}, not '{value}'"))
            out[key] = value
        elif key in ("leaders", "events", "mentions"):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                problems.append(Problem(shown, item.line, f"'{key}' must be a list of ids"))
                continue
            for entry, v in zip(item.value, value):
                known = v in registry.leaders if key == "leaders" else _known_event(registry, v)
                if not known:
                    problems.append(Problem(shown, entry.line, f"unknown {'leader' if key == 'leaders' else 'event'} id '{v}' (not in the registry)"))
            out[key] = tuple(value)
        else:
            if not isinstance(value, (str, int)) or isinstance(value, bool) or not str(value).strip():
                problems.append(Problem(shown, item.line, f"'{key}' must be non-empty text"))
                continue
            text = str(value).strip()
            control = next((c for c in text if unicodedata.category(c) == "Cc"), None)
            if control is not None:
                problems.append(Problem(shown, item.line, f"'{key}' contains a control character (U+{ord(control):04X})"))
            elif key == "slug":
                # A slug becomes a folder name: only letters, digits and hyphens ever reach it,
                # so "../x", "/abs" or a 400-character slug cannot leave or break the output.
                out[key] = slug_of(text)
                if not out[key]:
                    problems.append(Problem(shown, item.line, f"'slug' must contain letters or digits, not '{text}'"))
            elif key == "key" and len(text) > KEY_CHARS:
                problems.append(Problem(shown, item.line, f"'key' is {len(text)} characters long; keep it under {KEY_CHARS}"))
            else:
                out[key] = text
    if problems:
        raise DiparchiveError(problems)
    return out


def _known_event(registry: Registry, event_id: str) -> bool:
    if event_id in registry.events:
        return True
    series, _, number = event_id.rpartition("-")
    return series in registry.series and number.isdigit()


def slug_of(text: str) -> str:
    """The URL slug of a title: python-slugify's, cut at the last whole word within SLUG_CHARS.
    (Its own word_boundary option skips a long word and goes on with shorter ones after it.)"""
    slug = slugify(text)
    if len(slug) > SLUG_CHARS:
        slug = slug[: SLUG_CHARS + 1].rsplit("-", 1)[0] if "-" in slug[: SLUG_CHARS + 1] else slug[:SLUG_CHARS]
    return slug.strip("-")


def _front_matter_date(value: Any) -> PubDate | None:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, str):
        try:  # a quoted full date, date: "2024-09-19"
            value = dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    if isinstance(value, dt.date):
        return PubDate(value.year, value.month, value.day, DateSource.FRONT_MATTER)
    match = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?", str(value).strip())
    if not match:
        return None
    month = int(match.group(2)) if match.group(2) else None
    if month is not None and not 1 <= month <= 12:
        return None
    return PubDate(int(match.group(1)), month, None, DateSource.FRONT_MATTER)
