"""Interface strings and localized dates.

One catalog per language (`templates/i18n/<lang>.yaml`), with exactly the same keys; dates are
formatted by Babel from CLDR data according to their precision, never with an invented day, and
hold together: the spaces inside a date are no-break spaces, so "22 tháng 1 năm 2022" or
"11 October 2024" never breaks across two lines (a span of two dates may break between them).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

from babel import Locale
from babel.dates import format_date, format_skeleton

from ..config import LANGUAGES
from ..errors import DiparchiveError, Problem
from ..records import Precision, PubDate
from ..yamlsource import read_yaml_file

LOCALES = {"vi": "vi", "en": "en_GB"}
NBSP = "\u00a0"
INTERVAL_PHRASE = {"vi": "khoảng từ {start} đến {end}", "en": "between {start} and {end}"}


class Catalog(dict[str, str]):
    """A language's interface strings; a key it lacks (a site's own copy of the catalogs, older
    than this diparchive) is a user error naming the file and the key, not a crash."""

    def __init__(self, entries: dict[str, str], path: Path) -> None:
        super().__init__(entries)
        self.path = path

    def __missing__(self, key: str) -> str:
        raise DiparchiveError(
            [
                Problem(
                    self.path,
                    None,
                    f"'{key}' is missing: this version of diparchive needs it (a new site made with "
                    "`diparchive init` has every key, to copy from)",
                )
            ],
            heading="problems in the interface catalogs",
        )


def load_catalogs(templates_dir: Path, root: Path) -> dict[str, dict[str, str]]:
    catalogs: dict[str, dict[str, str]] = {}
    problems: list[Problem] = []
    for lang in LANGUAGES:
        path = templates_dir / "i18n" / f"{lang}.yaml"
        shown = path.relative_to(root) if path.is_relative_to(root) else path
        if not path.exists():
            problems.append(Problem(shown, None, "missing interface catalog"))
            continue
        located = read_yaml_file(path, shown)
        entries = {}
        for key, item in (located.value if isinstance(located.value, dict) else {}).items():
            if not isinstance(item.value, str):
                problems.append(Problem(shown, item.line, f"'{key}' must be text"))
            entries[key] = str(item.value)
        catalogs[lang] = Catalog(entries, shown)
    if len(catalogs) == len(LANGUAGES):
        vi, en = (set(catalogs[l]) for l in LANGUAGES)
        for lang, missing in (("vi", en - vi), ("en", vi - en)):
            for key in sorted(missing):
                problems.append(
                    Problem(
                        templates_dir / "i18n" / f"{lang}.yaml", None, f"'{key}' is missing (the other catalog has it)"
                    )
                )
    if problems:
        raise DiparchiveError(problems, heading="problems in the interface catalogs")
    return catalogs


def unbroken(text: str) -> str:
    """A date's words held on one line: every space a no-break space."""
    return text.replace(" ", NBSP)


def format_pubdate(date: PubDate, lang: str) -> str:
    """ "19 tháng 9 năm 2024" / "19 September 2024"; "tháng 9 năm 2024" / "September 2024"; "2024"
    (each with no-break spaces)."""
    locale = LOCALES[lang]
    if date.is_interval:  # a span, never its start's day: "between 19 December 2023 and January 2024"
        return INTERVAL_PHRASE[lang].format(start=format_pubdate(date.start, lang), end=format_pubdate(date.end, lang))
    if date.precision is Precision.DAY:
        return format_day(date.first_day, lang)
    if date.precision is Precision.MONTH:
        return unbroken(format_skeleton("yMMMM", date.first_day, locale=locale))
    return str(date.year)


def format_day(day: dt.date, lang: str) -> str:
    """A day in one form everywhere: "19 tháng 9 năm 2024" (CLDR's long Vietnamese date mixes in
    a comma, "19 tháng 9, 2024"; the press and the month form write "năm") / "19 September 2024"."""
    if lang == "vi":
        return unbroken(f"{day.day} tháng {day.month} năm {day.year}")
    return unbroken(format_date(day, "long", locale=LOCALES[lang]))


def month_name(year: int, month: int, lang: str) -> str:
    """ "tháng 9" / "September", for a month within a year's page."""
    return unbroken(format_date(dt.date(year, month, 1), "LLLL", locale=LOCALES[lang]))


def month_title(year: int, month: int, lang: str) -> str:
    return unbroken(format_skeleton("yMMMM", dt.date(year, month, 1), locale=LOCALES[lang]))


def count_phrase(n: int, lang: str, catalog: Mapping[str, str]) -> str:
    """ "1 article" / "2 articles" / "2 bài viết": the catalog's phrase for n's CLDR plural form,
    held on one line like a date."""
    form = Locale.parse(LOCALES[lang]).plural_form(n)
    return unbroken(catalog.get(f"articles_count_{form}", catalog["articles_count_other"]).format(n=n))
