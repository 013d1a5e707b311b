"""`site.yaml` → a typed, frozen `SiteConfig`.

Every key is declared once below with what it means; an unknown key is an error, and all
problems in the file are reported together before anything is built.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .errors import DiparchiveError, Problem, fail
from .yamlsource import Located, parse_yaml

LANGUAGES = ("vi", "en")
CONFIG_FILE = "site.yaml"


@dataclass(frozen=True, slots=True)
class SiteConfig:
    root: Path
    title: dict[str, str]
    description: dict[str, str]
    base_url: str
    default_language: str
    content_dir: Path
    templates_dir: Path
    output_dir: Path
    page_size: int
    feed_size: int
    search_part_pages: int = 0  # 0: one search index

    @property
    def base_path(self) -> str:
        """The URL path the site is served under, always ending in '/': '/' or '/archive/'."""
        return urlsplit(self.base_url).path

    @property
    def languages(self) -> tuple[str, ...]:
        """Languages in display order, the default first."""
        return (self.default_language,) + tuple(l for l in LANGUAGES if l != self.default_language)

    @property
    def registry_dir(self) -> Path:
        return self.content_dir / "registry"


def _bilingual(value: Any) -> str | None:
    if not isinstance(value, dict) or set(value) != set(LANGUAGES):
        return "must be a mapping with exactly the keys vi and en"
    if not all(isinstance(v, str) and v.strip() for v in value.values()):
        return "must give non-empty text for vi and en"
    return None


def _url(value: Any) -> str | None:
    if not isinstance(value, str):
        return "must be text"
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return "must be an absolute http(s) URL such as https://example.org/archive/"
    if parts.query or parts.fragment:
        return "must not have a query or fragment"
    return None


def _positive_int(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        return "must be a whole number of at least 1"
    return None


def _count(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return "must be a whole number (0 or more)"
    return None


def _language(value: Any) -> str | None:
    return None if value in LANGUAGES else f"must be one of: {', '.join(LANGUAGES)}"


def _relative_dir(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return "must be a folder path"
    return None


@dataclass(frozen=True, slots=True)
class _Key:
    check: Callable[[Any], str | None]
    default: Any
    doc: str


# The schema: every key of site.yaml, once.
SCHEMA: dict[str, _Key] = {
    "title": _Key(_bilingual, None, "Site title per language: {vi: …, en: …}. Required."),
    "description": _Key(_bilingual, None, "One-line description per language, for feeds and metadata."),
    "base_url": _Key(_url, None, "Absolute URL the site is published at; may include a sub-path. Required."),
    "default_language": _Key(_language, "vi", "Language the root page leads to and x-default points at."),
    "content_dir": _Key(_relative_dir, "content", "Folder of articles and the registry, relative to the site root."),
    "templates_dir": _Key(_relative_dir, "templates", "Folder of Jinja2 templates, relative to the site root."),
    "output_dir": _Key(_relative_dir, "public", "Where the site is written, relative to the site root."),
    "page_size": _Key(_positive_int, 20, "Entries per page on long lists (home, archives, leaders, events)."),
    "feed_size": _Key(_positive_int, 20, "Entries per Atom feed."),
    "search_part_pages": _Key(_count, 0, "0 (one search index) or the article pages per part of the search index, oldest first. "
                              "After a change only the parts holding changed pages are indexed again, and Pagefind's memory grows "
                              "with a part, not the archive (about 4,000 pages a part for archives past 15,000 articles). But a word "
                              "missing from a part makes Pagefind match, in that part, the longest indexed word it begins with: "
                              "parts add weak matches for rare words."),
}


def load_config(root: Path) -> SiteConfig:
    """Read and validate `<root>/site.yaml`; raise one error listing every problem."""
    path = root / CONFIG_FILE
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise fail(path, None, "no site.yaml here: run diparchive from the site root or pass --root DIR") from None
    except UnicodeDecodeError as exc:
        raise fail(path, None, f"not UTF-8 text ({exc.reason})") from None
    located = parse_yaml(text, path)
    return config_from_yaml(located, root, path)


def config_from_yaml(located: Located, root: Path, path: Path) -> SiteConfig:
    if not isinstance(located.value, dict):
        raise fail(path, located.line, "site.yaml must be a mapping of settings")
    problems: list[Problem] = []
    values: dict[str, Any] = {}
    for key, item in located.value.items():
        if key not in SCHEMA:
            known = ", ".join(SCHEMA)
            problems.append(Problem(path, item.line, f"unknown setting '{key}' (known: {known})"))
            continue
        value = item.plain()
        message = SCHEMA[key].check(value)
        if message:
            problems.append(Problem(path, item.line, f"'{key}' {message}"))
        values[key] = value
    for key, spec in SCHEMA.items():
        if key not in values:
            if spec.default is None and key in ("title", "base_url"):
                problems.append(Problem(path, None, f"missing required setting '{key}': {spec.doc}"))
            values[key] = spec.default
    if problems:
        raise DiparchiveError(problems, heading=f"{path}: {len(problems)} problem(s) in the site configuration")
    base_url = values["base_url"] if values["base_url"].endswith("/") else values["base_url"] + "/"
    description = values["description"] or {lang: values["title"][lang] for lang in LANGUAGES}
    return SiteConfig(
        root=root,
        title=dict(values["title"]),
        description=dict(description),
        base_url=base_url,
        default_language=values["default_language"],
        content_dir=root / values["content_dir"],
        templates_dir=root / values["templates_dir"],
        output_dir=root / values["output_dir"],
        page_size=values["page_size"],
        feed_size=values["feed_size"],
        search_part_pages=values["search_part_pages"],
    )
