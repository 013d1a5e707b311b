"""`site.yaml` → a typed, frozen `SiteConfig`.

Every key is declared once, as a field of `SiteConfig` with its type, default and meaning (the
field's `setting`); an unknown key is an error, and all problems in the file are reported
together before anything is built.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from dataclasses import MISSING, Field, dataclass, field, fields, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .errors import DiparchiveError, fail
from .schema import Invalid, Key, validate
from .yamlsource import Located, read_yaml_file

LANGUAGES = ("vi", "en")
CONFIG_FILE = "site.yaml"


def _bilingual(value: Any) -> str | None:
    if not isinstance(value, dict) or set(value) != set(LANGUAGES):
        return "must be a mapping with exactly the keys vi and en"
    if not all(isinstance(v, str) and v.strip() for v in value.values()):
        return "must give non-empty text for vi and en"
    return None


def _url(value: Any) -> str | None:
    if not isinstance(value, str):
        return "must be text"
    unsafe = next((c for c in value if c.isspace() or c in "\"'<>\\`" or not c.isprintable()), None)
    if unsafe is not None:
        return f"must not contain {unsafe!r} (spaces, quotes and control characters are not allowed in a URL; percent-encode them)"
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


def _parts(value: Any) -> str | None:
    return None if value == "auto" else _count(value)


def _auto_or_count(value: Any, root: Path) -> int | None:
    return None if value == "auto" else int(value)


def _language(value: Any) -> str | None:
    return None if value in LANGUAGES else f"must be one of: {', '.join(LANGUAGES)}"


def _flag(value: Any) -> str | None:
    return None if isinstance(value, bool) else "must be true or false"


def _relative_dir(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return "must be a folder path"
    return None


def _as_is(value: Any, root: Path) -> Any:
    return value


def _under_root(value: Any, root: Path) -> Path:
    return root / str(value)


def _folder_url(value: Any, root: Path) -> str:
    url = str(value)
    return url if url.endswith("/") else url + "/"


@dataclass(frozen=True, slots=True)
class Setting:
    """A key of site.yaml: what it means, what a value must be, and how it becomes the field's."""

    doc: str
    check: Callable[[Any], str | None]  # None, or what is wrong with a value
    convert: Callable[[Any, Path], Any] = _as_is  # (the value as written, the site root) → the field's value


def setting(
    doc: str, check: Callable[[Any], str | None], default: Any = MISSING, convert: Callable[[Any, Path], Any] = _as_is
) -> Any:
    """A field of SiteConfig that is a key of site.yaml; `default` is as written in site.yaml
    (none: the key is required)."""
    return field(default=MISSING, metadata={"setting": Setting(doc, check, convert), "default": default})


@dataclass(frozen=True, slots=True)
class SiteConfig:
    root: Path
    title: dict[str, str] = setting("Site title per language: {vi: …, en: …}. Required.", _bilingual)
    description: dict[str, str] = setting(
        "One-line description per language, for feeds and metadata (default: the title).", _bilingual, None
    )
    base_url: str = setting(
        "Absolute URL the site is published at; may include a sub-path. Required.", _url, convert=_folder_url
    )
    default_language: str = setting("Language the root page leads to and x-default points at.", _language, "vi")
    content_dir: Path = setting(
        "Folder of articles and the registry, relative to the site root.", _relative_dir, "content", _under_root
    )
    templates_dir: Path = setting(
        "Folder of Jinja2 templates, relative to the site root.", _relative_dir, "templates", _under_root
    )
    output_dir: Path = setting(
        "Where the site is written, relative to the site root.", _relative_dir, "public", _under_root
    )
    page_size: int = setting("Entries per page on long lists (home, archives, leaders, events).", _positive_int, 20)
    feed_size: int = setting("Entries per Atom feed.", _positive_int, 20)
    search_part_pages: int | None = setting(
        "`auto`, 0 (one search index) or the article pages per part of the search index, oldest first. `auto` makes "
        "one index up to 10,000 article pages and parts of 4,000 above, where one index would need more than about "
        "1 GB. After a change only the parts holding changed pages are indexed again, parts are indexed side by side "
        "(one per core), and Pagefind's memory grows with a part, not the archive. But a word missing from a part "
        "makes Pagefind match, in that part, the longest indexed word it begins with: parts add weak matches for "
        "rare words.",
        _parts,
        "auto",
        _auto_or_count,
    )
    data_full_text: bool = setting(
        "Whether the open data files (/data/articles.jsonl and .csv) carry each article's full text, not only "
        "its metadata. Off by default: publish texts only where their copyright allows.",
        _flag,
        False,
    )

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


def _settings() -> dict[str, Field[Any]]:
    return {f.name: f for f in fields(SiteConfig) if "setting" in f.metadata}


# The schema of site.yaml, read off SiteConfig's fields.
SETTINGS: dict[str, Setting] = {name: f.metadata["setting"] for name, f in _settings().items()}
DEFAULTS: dict[str, Any] = {name: f.metadata["default"] for name, f in _settings().items()}


def _checked(name: str, spec: Setting) -> Callable[[Located], Any]:
    def read(item: Located) -> Any:
        value = item.plain()
        message = spec.check(value)
        if message:
            raise Invalid(f"'{name}' {message}")
        return value

    return read


SCHEMA: dict[str, Key] = {
    name: Key(spec.doc, _checked(name, spec), DEFAULTS[name] is MISSING) for name, spec in SETTINGS.items()
}


def did_you_mean(key: str, known: Iterable[str]) -> str:
    """'; did you mean 'x'?' when a known key is close to `key` (a typo), else ''."""
    close = difflib.get_close_matches(key, list(known), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def settings_reference() -> str:
    """The settings of site.yaml as a Markdown list, for the README (generated, so it cannot drift)."""
    lines = []
    for name, spec in SETTINGS.items():
        default = DEFAULTS[name]
        shown = (
            "required"
            if default is MISSING
            else "default: same as title"
            if default is None
            else f"default: `{default}`"
        )
        lines.append(f"- `{name}` ({shown}): {spec.doc}")
    return "\n".join(lines) + "\n"


def load_config(root: Path) -> SiteConfig:
    """Read and validate `<root>/site.yaml`; raise one error listing every problem."""
    path = root / CONFIG_FILE
    if not path.exists() and not path.is_symlink():
        raise fail(path, None, "no site.yaml here: run diparchive from the site root or pass --root DIR")
    return config_from_yaml(read_yaml_file(path, path), root, path)


def config_from_yaml(located: Located, root: Path, path: Path) -> SiteConfig:
    if not isinstance(located.value, dict):
        raise fail(path, located.line, "site.yaml must be a mapping of settings")
    known = ", ".join(SCHEMA)
    values, problems = validate(
        located.value,
        SCHEMA,
        path,
        0,
        lambda key: f"unknown setting '{key}'{did_you_mean(key, SCHEMA)} (known: {known})",
        lambda key: f"missing required setting '{key}': {SCHEMA[key].doc}",
    )
    if problems:
        raise DiparchiveError(problems, heading=f"{path}: {len(problems)} problem(s) in the site configuration")
    written = {name: values.get(name, DEFAULTS[name]) for name in SETTINGS}
    if written["description"] is None:
        written["description"] = dict(written["title"])
    return SiteConfig(root, **{name: SETTINGS[name].convert(value, root) for name, value in written.items()})


def with_base_url(config: SiteConfig, url: str) -> SiteConfig:
    """`config` published at `url` instead (`build --base-url`, for a preview at another address)."""
    message = _url(url)
    if message:
        raise fail(None, None, f"--base-url {message}")
    return replace(config, base_url=_folder_url(url, config.root))
