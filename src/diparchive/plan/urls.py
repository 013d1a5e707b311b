"""Every URL of the site, decided in one place.

Paths are site-relative ("vi/bai-viet/slug/"); `href` makes them root-relative under the
site's base path (so a site under /archive/ works) and `absolute` prefixes `base_url`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..records import DocType

SEGMENTS: dict[str, dict[str, str]] = {
    "vi": {
        "articles": "bai-viet",
        "leaders": "lanh-dao",
        "events": "su-kien",
        "series": "chuoi-su-kien",
        "archive": "luu-tru",
        "undated": "khong-ro-ngay",
        "search": "tim-kiem",
        "page": "trang",
        "data": "du-lieu",
        "types": "loai-van-ban",
        "countries": "quoc-gia",
    },
    "en": {
        "articles": "articles",
        "leaders": "leaders",
        "events": "events",
        "series": "event-series",
        "archive": "archive",
        "undated": "undated",
        "search": "search",
        "page": "page",
        "data": "data",
        "types": "document-types",
        "countries": "countries",
    },
}

# The last part of a document type's listing, per language (keys: records.DocType values).
TYPE_SLUGS: dict[str, dict[str, str]] = {
    "vi": {
        "interview": "phong-van",
        "speech": "phat-bieu",
        "joint-statement": "tuyen-bo-chung",
        "press-briefing": "hop-bao",
        "news": "tin-tuc",
    },
    "en": {t.value: t.value for t in DocType},
}


@dataclass(frozen=True, slots=True)
class Urls:
    base_url: str  # ends with "/"
    base_path: str  # ends with "/"

    def href(self, path: str) -> str:
        return self.base_path + path

    def absolute(self, path: str) -> str:
        return self.base_url + path

    # Site-relative paths ----------------------------------------------------------------

    def home(self, lang: str) -> str:
        return f"{lang}/"

    def article(self, lang: str, slug: str) -> str:
        return f"{lang}/{SEGMENTS[lang]['articles']}/{slug}/"

    def articles(self, lang: str) -> str:
        return f"{lang}/{SEGMENTS[lang]['articles']}/"

    def leaders(self, lang: str) -> str:
        return f"{lang}/{SEGMENTS[lang]['leaders']}/"

    def leader(self, lang: str, leader_id: str) -> str:
        return f"{lang}/{SEGMENTS[lang]['leaders']}/{leader_id}/"

    def events(self, lang: str) -> str:
        return f"{lang}/{SEGMENTS[lang]['events']}/"

    def event(self, lang: str, event_id: str) -> str:
        return f"{lang}/{SEGMENTS[lang]['events']}/{event_id}/"

    def series(self, lang: str, series_id: str) -> str:
        return f"{lang}/{SEGMENTS[lang]['series']}/{series_id}/"

    def countries(self, lang: str) -> str:
        return f"{lang}/{SEGMENTS[lang]['countries']}/"

    def country(self, lang: str, slug: str) -> str:
        """A partner country's page; `slug` is its name's in `lang` (registry Country.slug)."""
        return f"{lang}/{SEGMENTS[lang]['countries']}/{slug}/"

    def archive(self, lang: str) -> str:
        return f"{lang}/{SEGMENTS[lang]['archive']}/"

    def year(self, lang: str, year: int) -> str:
        return f"{lang}/{SEGMENTS[lang]['archive']}/{year:04d}/"

    def month(self, lang: str, year: int, month: int) -> str:
        return f"{lang}/{SEGMENTS[lang]['archive']}/{year:04d}/{month:02d}/"

    def undated(self, lang: str) -> str:
        return f"{lang}/{SEGMENTS[lang]['archive']}/{SEGMENTS[lang]['undated']}/"

    def search(self, lang: str) -> str:
        return f"{lang}/{SEGMENTS[lang]['search']}/"

    def doc_type(self, lang: str, doc_type: str) -> str:
        """The listing of the articles of one document type ("interview", …)."""
        return f"{lang}/{SEGMENTS[lang]['types']}/{TYPE_SLUGS[lang][doc_type]}/"

    def data(self, lang: str) -> str:
        """The page that describes the open data files."""
        return f"{lang}/{SEGMENTS[lang]['data']}/"

    def data_file(self, name: str) -> str:
        """An open data file ("articles.jsonl", "schema/articles-v1.json"), one for all languages."""
        return f"data/{name}"

    def not_found(self, lang: str) -> str:
        return f"{lang}/404.html"

    def feed(self, path: str) -> str:
        """The Atom feed that belongs to a listing page."""
        return f"{path}feed.xml"

    def page(self, path: str, lang: str, number: int) -> str:
        """Page `number` of a paginated listing whose first page is `path`."""
        return path if number == 1 else f"{path}{SEGMENTS[lang]['page']}/{number}/"

    def stylesheet(self) -> str:
        return "static/style.css"

    def favicon(self) -> str:
        return "static/favicon.svg"

    def script(self) -> str:
        return "static/site.js"


def output_file(path: str) -> str:
    """The file that serves a site-relative path."""
    return path + "index.html" if path == "" or path.endswith("/") else path
