"""The fields of the open data files, declared once: each field's JSON type and what it means in
both languages. The JSON Schema files and the "Data" page are both made from these declarations.

Bump DATA_VERSION when a field is renamed, removed or changes meaning (adding one does not): the
schema files are named by it (`articles-v1.json`), so a reader's code can pin a version.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..config import LANGUAGES
from ..records import DocType

DATA_VERSION = 1
JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

_TEXT: dict[str, Any] = {"type": "string"}
_TEXT_OR_NULL: dict[str, Any] = {"type": ["string", "null"]}
_IDS: dict[str, Any] = {"type": "array", "items": {"type": "string"}}
_BY_LANGUAGE: dict[str, Any] = {"type": "object", "additionalProperties": {"type": "string"}}
_COUNT: dict[str, Any] = {"type": "integer", "minimum": 0}


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    schema: dict[str, Any]  # the JSON Schema of its value
    en: str  # what it means
    vi: str
    required: bool = True  # always present (its value may still be null where the schema allows)

    def doc(self, lang: str) -> str:
        return self.vi if lang == "vi" else self.en


ARTICLE_FIELDS: tuple[Field, ...] = (
    Field("key", _TEXT, "Shared by an article and its translations.", "Khóa chung của một bài và các bản dịch."),
    Field(
        "lang", {"enum": list(LANGUAGES)}, "Language of this version: vi or en.", "Ngôn ngữ của bản này: vi hoặc en."
    ),
    Field("url", _TEXT, "Address of this version's page.", "Địa chỉ trang của bản này."),
    Field(
        "urls",
        _BY_LANGUAGE,
        "Every language version of the article: language → page address.",
        "Mọi bản ngôn ngữ của bài: ngôn ngữ → địa chỉ trang.",
    ),
    Field("title", _TEXT, "Headline.", "Tiêu đề."),
    Field(
        "title_supplied",
        {"type": "boolean"},
        "True when the file had no headline and the archive made the title from the opening.",
        "True khi tệp không có tiêu đề và kho lưu trữ đặt tiêu đề từ đoạn mở đầu.",
    ),
    Field(
        "date",
        _TEXT_OR_NULL,
        "Publication date, ISO 8601, as precise as known (YYYY-MM-DD, YYYY-MM or YYYY); null when unknown.",
        "Ngày đăng theo ISO 8601, chính xác đến mức biết được (YYYY-MM-DD, YYYY-MM hoặc YYYY); null khi không rõ.",
    ),
    Field(
        "date_precision",
        {"enum": ["day", "month", "year", None]},
        "How precise the date is: day, month or year.",
        "Độ chính xác của ngày: day (ngày), month (tháng) hoặc year (năm).",
    ),
    Field(
        "date_edtf",
        _TEXT_OR_NULL,
        "The date in Library of Congress EDTF; an interval (start/end) when the text only bounds it.",
        "Ngày theo chuẩn EDTF của Thư viện Quốc hội Mỹ; một khoảng (đầu/cuối) khi văn bản chỉ giới hạn được ngày.",
    ),
    Field("outlet", _TEXT_OR_NULL, "Publishing outlet.", "Cơ quan báo chí đăng bài."),
    Field("author", _TEXT_OR_NULL, "Byline.", "Tác giả."),
    Field(
        "leaders",
        _IDS,
        "Ids of the leaders the article names (see leaders.json).",
        "Mã các lãnh đạo được bài nhắc tới (xem leaders.json).",
    ),
    Field(
        "events",
        _IDS,
        "Ids of the events the article is about (see events.json).",
        "Mã các sự kiện bài viết nói về (xem events.json).",
    ),
    Field(
        "mentions",
        _IDS,
        "Ids of events the article only names in passing.",
        "Mã các sự kiện bài chỉ nhắc qua.",
    ),
    Field(
        "countries",
        _IDS,
        "ISO 3166 codes of the other countries the article is about: a visit, talks, a joint statement "
        "(see countries.json).",
        "Mã ISO 3166 của các quốc gia khác mà bài viết nói về: chuyến thăm, hội đàm, tuyên bố chung "
        "(xem countries.json).",
    ),
    Field(
        "country_mentions",
        _IDS,
        "ISO 3166 codes of other countries the article only names in passing.",
        "Mã ISO 3166 của các quốc gia khác bài chỉ nhắc qua.",
    ),
    Field(
        "type",
        {"enum": [t.value for t in DocType]},
        "Kind of document: interview, speech (or other full text), joint-statement, press-briefing or news.",
        "Loại văn bản: interview (phỏng vấn), speech (phát biểu, toàn văn), joint-statement (tuyên bố chung), "
        "press-briefing (họp báo) hoặc news (tin tức).",
    ),
    Field(
        "source_url",
        _TEXT_OR_NULL,
        "Where the outlet published the text, when known.",
        "Nơi cơ quan báo chí đăng văn bản gốc, nếu biết.",
    ),
    Field(
        "translator", _TEXT_OR_NULL, "Translator, when the version is a translation.", "Người dịch, nếu là bản dịch."
    ),
    Field(
        "text",
        _TEXT,
        "The article's text, paragraphs separated by a blank line; only in archives that publish full text.",
        "Toàn văn bài viết, các đoạn cách nhau một dòng trống; chỉ có khi kho lưu trữ công bố toàn văn.",
        required=False,
    ),
)

_NAME: dict[str, Any] = {
    "type": "object",
    "properties": {lang: _TEXT for lang in LANGUAGES},
    "required": list(LANGUAGES),
    "additionalProperties": False,
}
_NAME_OR_NULL: dict[str, Any] = {"anyOf": [_NAME, {"type": "null"}]}
_ROLE: dict[str, Any] = {
    "type": "object",
    "properties": {"title": _TEXT, "name": _NAME, "start": _TEXT_OR_NULL, "end": _TEXT_OR_NULL},
    "required": ["title", "name", "start", "end"],
    "additionalProperties": False,
}

LEADER_FIELDS: tuple[Field, ...] = (
    Field("id", _TEXT, "Leader id, as in the articles' leaders.", "Mã lãnh đạo, như trong leaders của bài viết."),
    Field("name", _NAME, "Name in each language.", "Tên theo từng ngôn ngữ."),
    Field("country", _TEXT, "Country the leader serves.", "Quốc gia của lãnh đạo."),
    Field(
        "roles",
        {"type": "array", "items": _ROLE},
        "Offices held: title id, its name, start and end (EDTF; end null while held).",
        "Các chức vụ: mã chức vụ, tên, ngày bắt đầu và kết thúc (EDTF; kết thúc null khi còn giữ).",
    ),
    Field("urls", _BY_LANGUAGE, "The leader's page in each language.", "Trang của lãnh đạo theo từng ngôn ngữ."),
    Field(
        "articles", _COUNT, "Articles (any language) that name the leader.", "Số bài (mọi ngôn ngữ) nhắc tới lãnh đạo."
    ),
)

EVENT_FIELDS: tuple[Field, ...] = (
    Field("id", _TEXT, "Event id, as in the articles' events.", "Mã sự kiện, như trong events của bài viết."),
    Field("name", _NAME, "Name in each language.", "Tên theo từng ngôn ngữ."),
    Field(
        "series",
        _TEXT_OR_NULL,
        "Id of the series the event is a session of, or null.",
        "Mã chuỗi sự kiện mà sự kiện là một kỳ, hoặc null.",
    ),
    Field("number", {"type": ["integer", "null"]}, "Session number in its series.", "Số kỳ trong chuỗi."),
    Field("start", _TEXT_OR_NULL, "First day (EDTF), when known.", "Ngày bắt đầu (EDTF), nếu biết."),
    Field("end", _TEXT_OR_NULL, "Last day (EDTF), when known.", "Ngày kết thúc (EDTF), nếu biết."),
    Field("place", _NAME_OR_NULL, "Where it was held, when known.", "Nơi diễn ra, nếu biết."),
    Field("urls", _BY_LANGUAGE, "The event's page in each language.", "Trang của sự kiện theo từng ngôn ngữ."),
    Field("articles", _COUNT, "Articles (any language) about the event.", "Số bài (mọi ngôn ngữ) nói về sự kiện."),
    Field("mentions", _COUNT, "Articles that only name it in passing.", "Số bài chỉ nhắc qua sự kiện."),
)

SERIES_FIELDS: tuple[Field, ...] = (
    Field("id", _TEXT, "Series id, as in the events' series.", "Mã chuỗi, như trong series của sự kiện."),
    Field("name", _NAME, "Name in each language.", "Tên theo từng ngôn ngữ."),
    Field("urls", _BY_LANGUAGE, "The series' page in each language.", "Trang của chuỗi theo từng ngôn ngữ."),
    Field("events", _IDS, "Ids of its sessions, in order.", "Mã các kỳ, theo thứ tự."),
)


COUNTRY_FIELDS: tuple[Field, ...] = (
    Field(
        "code",
        {"type": "string", "pattern": "^[A-Z]{2}$"},
        "ISO 3166-1 alpha-2 code, as in the articles' countries.",
        "Mã ISO 3166-1 alpha-2, như trong countries của bài viết.",
    ),
    Field(
        "name",
        _NAME,
        "Name in each language (CLDR's, unless the registry gives another).",
        "Tên theo từng ngôn ngữ (theo CLDR, trừ khi danh mục đặt tên khác).",
    ),
    Field(
        "urls",
        _BY_LANGUAGE,
        "The country's page in each language that has one (a country some article of that language is about).",
        "Trang của quốc gia theo từng ngôn ngữ có trang (khi có bài bằng ngôn ngữ đó nói về quốc gia).",
    ),
    Field("articles", _COUNT, "Articles (any language) about the country.", "Số bài (mọi ngôn ngữ) nói về quốc gia."),
    Field("mentions", _COUNT, "Articles that only name it in passing.", "Số bài chỉ nhắc qua quốc gia."),
)


def csv_columns(languages: tuple[str, ...], full_text: bool) -> tuple[Field, ...]:
    """The columns of articles.csv, in order, declared once for its header and its table on the
    Data page: the article's fields, `urls` spread over one column per language (url_vi, url_en),
    `text` only where the archive publishes full text."""
    columns: list[Field] = []
    for f in ARTICLE_FIELDS:
        if not (f.required or full_text):
            continue
        if f.name == "urls":
            columns += [
                Field(
                    f"url_{lang}",
                    _TEXT_OR_NULL,
                    f"Address of the article's {lang} version's page; empty when there is none.",
                    f"Địa chỉ trang bản {lang} của bài; để trống khi không có.",
                )
                for lang in languages
            ]
        else:
            columns.append(f)
    return tuple(columns)


def object_schema(fields: tuple[Field, ...]) -> dict[str, Any]:
    """The JSON Schema of a record with `fields`, each property documented."""
    return {
        "type": "object",
        "properties": {f.name: dict(f.schema, description=f.en) for f in fields},
        "required": [f.name for f in fields if f.required],
        "additionalProperties": False,
    }


def file_schema(schema_id: str, title: str, description: str, body: dict[str, Any]) -> dict[str, Any]:
    return {"$schema": JSON_SCHEMA_DIALECT, "$id": schema_id, "title": title, "description": description, **body}


def list_schema(schema_id: str, title: str, description: str, lists: dict[str, tuple[Field, ...]]) -> dict[str, Any]:
    """The schema of a JSON file that is an object of named lists of records (leaders.json, events.json)."""
    return file_schema(
        schema_id,
        title,
        description,
        {
            "type": "object",
            "properties": {
                "$schema": {"type": "string", "description": "The address of this schema."},
                "version": {"const": DATA_VERSION, "description": "Version of the data format."},
                **{name: {"type": "array", "items": object_schema(fields)} for name, fields in lists.items()},
            },
            "required": ["$schema", "version", *lists],
            "additionalProperties": False,
        },
    )
