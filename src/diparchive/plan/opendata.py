"""The archive's metadata to take away: `/data/articles.jsonl` (one article version a line) with
`/data/articles.csv` beside it, `/data/leaders.json`, `/data/events.json` (with the series),
`/data/countries.json` (the partner countries articles are about or name), their
JSON Schemas under `/data/schema/`, and the "Data" page in each language that describes them.

The files are planned as pages of the `data.txt` template (which writes `text` as it is), showing
every article: a changed article plans them again, and they are written again only when their
bytes change. Their bytes are deterministic: keys sorted, records in the archive's order.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from ..records import Article, BlockKind, PubDate
from .datafields import (
    ARTICLE_FIELDS,
    COUNTRY_FIELDS,
    DATA_VERSION,
    EVENT_FIELDS,
    LEADER_FIELDS,
    SERIES_FIELDS,
    Field,
    csv_columns,
    file_schema,
    list_schema,
    object_schema,
)
from .navigation import section_trail
from .pages import Page
from .views import Site, all_events, both, frame, has_country_page, once, reused

DATA_TEMPLATE = "data.txt"
CSV_SEPARATOR = "; "  # between the ids of a list in one CSV cell (ids never hold one)


@dataclass(frozen=True, slots=True)
class DataFile:
    name: str  # under data/
    fields: Mapping[str, tuple[Field, ...]]  # list name ("" for a file of records) → its fields
    schema: str  # name of its schema file under data/schema/
    en: str
    vi: str
    csv: bool = False  # a spreadsheet of the records: its table is its columns (csv_columns), not the JSON fields


FILES: tuple[DataFile, ...] = (
    DataFile(
        "articles.jsonl",
        {"": ARTICLE_FIELDS},
        f"articles-v{DATA_VERSION}.json",
        "JSON Lines: one article version a line (a translation is a line of its own, with the same key).",
        "JSON Lines: mỗi dòng một bản bài viết (bản dịch là một dòng riêng, cùng khóa).",
    ),
    DataFile(
        "articles.csv",
        {"": ARTICLE_FIELDS},
        f"articles-v{DATA_VERSION}.json",
        "The same records for spreadsheets (UTF-8, a header row): one column per language for urls (url_vi, "
        "url_en), lists of ids joined by “; ”, true/false, empty for null.",
        "Cùng các bản ghi cho bảng tính (UTF-8, có dòng tiêu đề): urls thành một cột mỗi ngôn ngữ (url_vi, url_en), "
        "danh sách mã nối bằng “; ”, true/false, để trống khi null.",
        csv=True,
    ),
    DataFile(
        "leaders.json",
        {"leaders": LEADER_FIELDS},
        f"leaders-v{DATA_VERSION}.json",
        "The leaders of the registry, with the offices they held.",
        "Các lãnh đạo trong danh mục, cùng các chức vụ đã giữ.",
    ),
    DataFile(
        "events.json",
        {"events": EVENT_FIELDS, "series": SERIES_FIELDS},
        f"events-v{DATA_VERSION}.json",
        "The events articles are about or mention, and the series their sessions belong to.",
        "Các sự kiện được bài viết nói về hoặc nhắc tới, và các chuỗi sự kiện.",
    ),
    DataFile(
        "countries.json",
        {"countries": COUNTRY_FIELDS},
        f"countries-v{DATA_VERSION}.json",
        "The other countries articles are about or name in passing, with their names and counts.",
        "Các quốc gia khác được bài viết nói về hoặc nhắc qua, cùng tên và số bài.",
    ),
)


def data_pages(s: Site) -> list[Page]:
    """The data files and their schemas; not planned again while the site's shape and the
    articles are as in the last build (they show every article)."""
    shows = frozenset(a.key for a in s.archive.articles)
    records = once(lambda: article_records(s))  # for the JSONL and the CSV alike
    made: dict[str, Callable[[], str]] = {
        "articles.jsonl": lambda: "".join(_json(r, indent=None) + "\n" for r in records()),
        "articles.csv": lambda: articles_csv(s, records()),
        "leaders.json": lambda: _json(_listed(s, "leaders", {"leaders": leader_records(s)})) + "\n",
        "events.json": lambda: (
            _json(_listed(s, "events", {"events": event_records(s), "series": series_records(s)})) + "\n"
        ),
        "countries.json": lambda: _json(_listed(s, "countries", {"countries": country_records(s)})) + "\n",
        **{f"schema/{name}": _text_of(schema) for name, schema in schemas(s).items()},
    }
    pages = []
    for name, make in made.items():
        path = s.urls.data_file(name)
        context = None if reused(s, path, s.shape) is not None else {"text": make()}
        pages.append(Page(path, DATA_TEMPLATE, None, context, in_sitemap=False, shows=shows, basis=s.shape))
    return pages


def data_page(s: Site, lang: str) -> Page:
    """The page that lists the data files, what each holds and what its fields mean."""
    ui = s.ui[lang]
    path = s.urls.data(lang)
    context = frame(s, lang, path, ui["data"], both(s.urls.data), kind="data", trail=section_trail(ui["data"], path))
    context["data"] = {
        "version_text": ui["data_version"].format(version=DATA_VERSION),
        "text_note": ui["data_with_text"] if s.config.data_full_text else ui["data_without_text"],
        "files": [
            {
                "name": f.name,
                "href": s.urls.href(s.urls.data_file(f.name)),
                "about": f.vi if lang == "vi" else f.en,
                "schema": {"name": f.schema, "href": s.urls.href(s.urls.data_file(f"schema/{f.schema}"))},
                "lists": [
                    {
                        "name": name,
                        "fields": [{"name": field.name, "doc": field.doc(lang)} for field in fields],
                    }
                    for name, fields in _shown(s, f).items()
                ],
            }
            for f in FILES
        ],
    }
    return Page(path, "data.html", lang, context, both(s.urls.data))


def _shown(s: Site, f: DataFile) -> Mapping[str, tuple[Field, ...]]:
    """The fields the Data page lists for `f`: a CSV's are its columns, as its header row has them."""
    return {"": csv_columns(s.config.languages, s.config.data_full_text)} if f.csv else f.fields


# Records -----------------------------------------------------------------------------------


def article_records(s: Site) -> list[dict[str, Any]]:
    return [article_record(s, a) for a in s.archive.articles]


def article_record(s: Site, a: Article) -> dict[str, Any]:
    record: dict[str, Any] = {
        "key": a.key,
        "lang": a.lang,
        "url": s.urls.absolute(s.urls.article(a.lang, a.slug)),
        "urls": {l: s.urls.absolute(s.urls.article(l, t.slug)) for l, t in s.archive.by_key[a.key].items()},
        "title": a.title,
        "title_supplied": a.title_supplied,
        "date": a.date.iso if a.date else None,
        "date_precision": a.date.precision.value if a.date else None,
        "date_edtf": a.date.edtf if a.date else None,
        "outlet": a.outlet,
        "author": a.author,
        "leaders": list(a.leaders),
        "events": list(a.events),
        "mentions": list(a.mentions),
        "countries": list(a.countries),
        "country_mentions": list(a.country_mentions),
        "type": a.doc_type.value,
        "source_url": a.source_url,
        "translator": a.translator,
    }
    if s.config.data_full_text:
        record["text"] = "\n\n".join(b.text for b in a.body if b.kind is not BlockKind.CAPTION)
    return record


def leader_records(s: Site) -> list[dict[str, Any]]:
    counts = Counter(l for a in s.archive.articles for l in dict.fromkeys(a.leaders))
    return [
        {
            "id": leader.id,
            "name": {lang: leader.name.get(lang) for lang in s.config.languages},
            "country": leader.country,
            "roles": [
                {
                    "title": role.title,
                    "name": {lang: s.registry.titles[role.title].name.get(lang) for lang in s.config.languages},
                    "start": _edtf(role.start),
                    "end": _edtf(role.end),
                }
                for role in leader.roles
            ],
            "urls": {lang: s.urls.absolute(s.urls.leader(lang, leader.id)) for lang in s.config.languages},
            "articles": counts[leader.id],
        }
        for leader in sorted(s.registry.leaders.values(), key=lambda l: l.id)
    ]


def event_records(s: Site) -> list[dict[str, Any]]:
    about = Counter(e for a in s.archive.articles for e in dict.fromkeys(a.events))
    passing = Counter(e for a in s.archive.articles for e in dict.fromkeys(a.mentions))
    return [
        {
            "id": event.id,
            "name": {lang: event.name.get(lang) for lang in s.config.languages},
            "series": event.series,
            "number": event.number,
            "start": _edtf(event.start),
            "end": _edtf(event.end),
            "place": {lang: event.place.get(lang) for lang in s.config.languages} if event.place else None,
            "urls": {lang: s.urls.absolute(s.urls.event(lang, event.id)) for lang in s.config.languages},
            "articles": about[event.id],
            "mentions": passing[event.id],
        }
        for event in all_events(s)
    ]


def country_records(s: Site) -> list[dict[str, Any]]:
    """The countries some article is about or names, by code."""
    about = Counter(c for a in s.archive.articles for c in dict.fromkeys(a.countries))
    passing = Counter(c for a in s.archive.articles for c in dict.fromkeys(a.country_mentions))
    return [
        {
            "code": code,
            "name": {lang: country.name.get(lang) for lang in s.config.languages},
            "urls": {
                lang: s.urls.absolute(s.urls.country(lang, country.slug.get(lang)))
                for lang in s.config.languages
                if has_country_page(s, lang, code)
            },
            "articles": about[code],
            "mentions": passing[code],
        }
        for code, country in sorted(s.registry.countries.items())
        if about[code] or passing[code]
    ]


def series_records(s: Site) -> list[dict[str, Any]]:
    sessions: dict[str, list[tuple[int, str]]] = {}
    for event in all_events(s):
        if event.series is not None:
            sessions.setdefault(event.series, []).append((event.number or 0, event.id))
    return [
        {
            "id": series.id,
            "name": {lang: series.name.get(lang) for lang in s.config.languages},
            "urls": {lang: s.urls.absolute(s.urls.series(lang, series.id)) for lang in s.config.languages},
            "events": [event_id for _, event_id in sorted(sessions.get(series.id, []))],
        }
        for series in sorted(s.registry.series.values(), key=lambda x: x.id)
    ]


def articles_csv(s: Site, records: list[dict[str, Any]]) -> str:
    """The JSONL records as a spreadsheet: `urls` spread over a column per language, lists joined."""
    columns = [f.name for f in csv_columns(s.config.languages, s.config.data_full_text)]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for record in records:
        flat = {**record, **{f"url_{l}": record["urls"].get(l) for l in s.config.languages}}
        writer.writerow([csv_cell(flat[c]) for c in columns])
    return out.getvalue()


def csv_cell(value: Any) -> str:
    """One JSON value as a CSV cell: lists joined by CSV_SEPARATOR, true/false, empty for null."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return CSV_SEPARATOR.join(value)
    return str(value)


def schemas(s: Site) -> dict[str, dict[str, Any]]:
    """Each schema file by name, its `$id` the address it is published at."""
    found: dict[str, dict[str, Any]] = {}
    for f in FILES:
        schema_id = s.urls.absolute(s.urls.data_file(f"schema/{f.schema}"))
        if f.schema in found:
            continue
        if "" in f.fields:
            found[f.schema] = file_schema(
                schema_id, f"diparchive {f.name} v{DATA_VERSION}", f.en, object_schema(f.fields[""])
            )
        else:
            found[f.schema] = list_schema(schema_id, f"diparchive {f.name} v{DATA_VERSION}", f.en, dict(f.fields))
    return found


def _listed(s: Site, file_name: str, lists: dict[str, Any]) -> dict[str, Any]:
    schema = next(f.schema for f in FILES if f.name == f"{file_name}.json")
    return {"$schema": s.urls.absolute(s.urls.data_file(f"schema/{schema}")), "version": DATA_VERSION, **lists}


def _json(value: Any, indent: int | None = 1) -> str:
    separators = (",", ":") if indent is None else (",", ": ")
    return json.dumps(value, ensure_ascii=False, sort_keys=True, indent=indent, separators=separators)


def _text_of(schema: dict[str, Any]) -> Callable[[], str]:
    return lambda: _json(schema) + "\n"


def _edtf(date: PubDate | None) -> str | None:
    return date.edtf if date else None
