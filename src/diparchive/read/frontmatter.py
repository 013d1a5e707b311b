"""Front matter: the keys an editor may set (one schema, read by `schema.validate`, every problem
with file:line), and the URL slug rule."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from slugify import slugify

from ..config import LANGUAGES, did_you_mean
from ..errors import DiparchiveError
from ..records import DateSource, DocType, PubDate
from ..schema import DATE_FORMS, Invalid, Key, date_literal, validate
from ..yamlsource import Located
from .country_names import HOME
from .registry import Registry
from .registry_records import instance_number

# The body `diparchive new` writes, per language: a file still holding it is not written yet.
NEW_BODY = {
    "vi": "Viết nội dung bài ở đây. Mỗi đoạn cách nhau một dòng trống; chú thích ảnh viết trong *dấu sao*.",
    "en": "Write the article here. Leave a blank line between paragraphs; put photo captions in *asterisks*.",
}
SLUG_CHARS = 80
KEY_CHARS = 200
_BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _text(key: str) -> Callable[[Located], str]:
    """Non-empty text without control characters, stripped."""

    def read(item: Located) -> str:
        value = item.plain()
        if not isinstance(value, (str, int)) or isinstance(value, bool) or not str(value).strip():
            raise Invalid(f"'{key}' must be non-empty text")
        text = str(value).strip()
        control = next((c for c in text if unicodedata.category(c) == "Cc"), None)
        if control is not None:
            raise Invalid(f"'{key}' contains a control character (U+{ord(control):04X})")
        bidi = next((c for c in text if c in _BIDI_CONTROLS), None)
        if bidi is not None:
            raise Invalid(f"'{key}' contains a bidirectional control (U+{ord(bidi):04X}), which can disguise the text")
        if not "".join(c for c in text if unicodedata.category(c) != "Cf").strip():
            raise Invalid(f"'{key}' has only invisible characters (zero-width or format characters)")
        return text

    return read


def text_problem(key: str, value: str) -> str | None:
    """Why `value` cannot be the front matter text `key` (a control character, a bidirectional
    control, nothing visible), or None: what `diparchive new` checks before writing a file."""
    try:
        _text(key)(Located(value, 1))
    except Invalid as exc:
        return str(exc)
    return None


def _date(item: Located) -> PubDate:
    date = date_literal(item.plain(), DateSource.FRONT_MATTER)
    if date is None:
        raise Invalid(f"'date' must be {DATE_FORMS}, not '{item.plain()}'")
    return date


def _retrieved(item: Located) -> PubDate:
    date = date_literal(item.plain(), DateSource.FRONT_MATTER)
    if date is None:
        raise Invalid(f"'retrieved' must be {DATE_FORMS}, not '{item.plain()}'")
    return date


def _url(item: Located) -> str:
    text = _text("source_url")(item)
    if not text.startswith(("http://", "https://")) or any(c.isspace() for c in text):
        raise Invalid(f"'source_url' must be an http(s) address without spaces, not '{text}'")
    return text


def _flag(name: str) -> Callable[[Located], bool]:
    def read(item: Located) -> bool:
        if not isinstance(item.plain(), bool):
            raise Invalid(f"'{name}' must be true or false, not '{item.plain()}'")
        return bool(item.plain())

    return read


def _lang(item: Located) -> str:
    if item.plain() not in LANGUAGES:
        raise Invalid(f"'lang' must be one of {', '.join(LANGUAGES)}, not '{item.plain()}'")
    return str(item.plain())


def _doc_type(item: Located) -> DocType:
    value = item.plain()
    allowed = [t.value for t in DocType]
    if value not in allowed:
        raise Invalid(f"'type' must be one of {', '.join(allowed)}, not '{value}'")
    return DocType(value)


def _key(item: Located) -> str:
    text = _text("key")(item)
    if len(text) > KEY_CHARS:
        raise Invalid(f"'key' is {len(text)} characters long; keep it under {KEY_CHARS}")
    return text


def _slug(item: Located) -> str:
    # A slug becomes a folder name: only letters, digits and hyphens ever reach it, so "../x",
    # "/abs" or a 400-character slug cannot leave or break the output.
    text = _text("slug")(item)
    slug = slug_of(text)
    if not slug:
        raise Invalid(f"'slug' must contain letters or digits, not '{text}'")
    return slug


def _aliases(item: Located) -> tuple[str, ...]:
    value = item.plain()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise Invalid("'aliases' must be a list of former slugs")
    slugs = []
    for entry in item.value:
        slug = slug_of(entry.value)
        if slug != entry.value:
            raise Invalid(f"'aliases' holds slugs (letters, digits, hyphens), not '{entry.value}'", entry.line)
        slugs.append(slug)
    return tuple(slugs)


def _ids(key: str, noun: str, known: Callable[[str], bool]) -> Callable[[Located], tuple[str, ...]]:
    def read(item: Located) -> tuple[str, ...]:
        value = item.plain()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise Invalid(f"'{key}' must be a list of ids")
        unknown = [
            (entry.line, f"unknown {noun} id '{v}' (not in the registry)")
            for entry, v in zip(item.value, value)
            if not known(v)
        ]
        if unknown:
            raise Invalid(unknown[0][1], unknown[0][0], *unknown[1:])
        return tuple(value)

    return read


def _countries(key: str, registry: Registry) -> Callable[[Located], tuple[str, ...]]:
    """A list of ISO 3166 codes of other countries (upper case, as the registry knows them)."""

    def read(item: Located) -> tuple[str, ...]:
        value = item.plain()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise Invalid(f"'{key}' must be a list of country codes such as CU, US")
        unknown = []
        for entry, code in zip(item.value, value):
            if code in registry.countries:
                continue
            hint = f" (did you mean {code.upper()}?)" if code.upper() in registry.countries else ""
            why = "is the archive's own country, never a partner" if code.upper() == HOME else "is not a country code"
            unknown.append((entry.line, f"'{code}' in '{key}' {why}{hint}: an ISO 3166 code such as CU or US"))
        if unknown:
            raise Invalid(unknown[0][1], unknown[0][0], *unknown[1:])
        return tuple(dict.fromkeys(value))

    return read


def schema(registry: Registry) -> dict[str, Key]:
    """The keys an editor may set in front matter (ids are checked against `registry`)."""
    return {
        "title": Key("Headline shown for the article.", _text("title")),
        "title_supplied": Key(
            "true: the title is the editor's, not the text's own; shown and cited in [square brackets].",
            _flag("title_supplied"),
        ),
        "date": Key(f"Publication date: {DATE_FORMS}.", _date),
        "lang": Key("Language: vi or en.", _lang),
        "draft": Key("true: left out of the site unless built with --drafts (`serve` shows drafts).", _flag("draft")),
        "key": Key("Shared by an article and its translations; defaults to the file name.", _key),
        "slug": Key("Last part of the article's URL; defaults to the slug of the title.", _slug),
        "aliases": Key("Former slugs of the article: each old URL becomes a page that redirects here.", _aliases),
        "author": Key("Byline.", _text("author")),
        "outlet": Key("Publishing outlet.", _text("outlet")),
        "source_url": Key("Where the outlet published the text (cited as the original).", _url),
        "retrieved": Key(f"When the text was copied from source_url: {DATE_FORMS}.", _retrieved),
        "translator": Key("Who translated the text: the article is then cited as a translation.", _text("translator")),
        "type": Key(
            f"Kind of document, replacing the recognised one: {', '.join(t.value for t in DocType)}.", _doc_type
        ),
        "leaders": Key(
            "Leader ids, replacing the recognised ones.", _ids("leaders", "leader", lambda v: v in registry.leaders)
        ),
        "events": Key(
            "Ids of the events the article is about, replacing the recognised ones.",
            _ids("events", "event", lambda v: _known_event(registry, v)),
        ),
        "mentions": Key(
            "Ids of events the article only names in passing, replacing the recognised ones.",
            _ids("mentions", "event", lambda v: _known_event(registry, v)),
        ),
        "countries": Key(
            "ISO codes of the other countries the article is about (CU, US), replacing the recognised ones.",
            _countries("countries", registry),
        ),
        "country_mentions": Key(
            "ISO codes of other countries the article only names in passing, replacing the recognised ones.",
            _countries("country_mentions", registry),
        ),
    }


FRONT_MATTER_KEYS = {key: spec.doc for key, spec in schema(Registry({}, {}, {}, {}, {}, {}, Path())).items()}


def front_matter(located: Located | None, shown: Path, registry: Registry) -> dict[str, Any]:
    if located is None:
        return {}
    known = ", ".join(FRONT_MATTER_KEYS)
    values, problems = validate(
        located.value,
        schema(registry),
        shown,
        located.line,
        lambda key: f"unknown front matter key '{key}'{did_you_mean(key, FRONT_MATTER_KEYS)} (known: {known})",
        lambda key: "",
    )
    if problems:
        raise DiparchiveError(problems)
    return values


def _known_event(registry: Registry, event_id: str) -> bool:
    if event_id in registry.events:
        return True
    series, _, number = event_id.rpartition("-")
    return series in registry.series and instance_number(number) is not None


def slug_of(text: str) -> str:
    """The URL slug of a title: python-slugify's, cut at the last whole word within SLUG_CHARS.
    (Its own word_boundary option skips a long word and goes on with shorter ones after it.)"""
    slug = slugify(text)
    if len(slug) > SLUG_CHARS:
        slug = slug[: SLUG_CHARS + 1].rsplit("-", 1)[0] if "-" in slug[: SLUG_CHARS + 1] else slug[:SLUG_CHARS]
    return slug.strip("-")
