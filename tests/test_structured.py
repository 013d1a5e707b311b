"""Structured data and navigation of the built sample: every JSON-LD block parses and keeps to the
schema.org shapes the site uses (a small validator below: the properties each @type may carry, the
ones it must, and the type of each value), breadcrumbs on every page below home (visible and as a
BreadcrumbList, the same steps), previous/next period and session links that resolve and skip
empty periods and sessions."""

from __future__ import annotations

import html
import json
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from conftest import PROJECT, copy_site
from diparchive.build.pipeline import build
from diparchive.errors import DiparchiveError
from diparchive.read.registry import load_registry
from sitecheck import local_target, read_page

BASE = "https://archive.example.org/"
CONTEXT = "https://schema.org"
HOMES = ("vi/index.html", "en/index.html")


# The validator ------------------------------------------------------------------------------

Check = Callable[[Any], bool]


def text(v: Any) -> bool:
    return isinstance(v, str) and bool(v.strip())


def url(v: Any) -> bool:
    return isinstance(v, str) and re.fullmatch(r"https?://[^\s<>\"]+", v) is not None


def iso_date(v: Any) -> bool:  # ISO 8601 at the precision known: a day, a month or a year
    return isinstance(v, str) and re.fullmatch(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?", v) is not None


def language(v: Any) -> bool:
    return v in ("vi", "en")


def position(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) and v >= 1


@dataclass(frozen=True)
class Shape:
    """A schema.org type as the site uses it: the properties it must have, and for every property
    it may have, a check of a plain value or the @types a nested node may be (`many`: a list)."""

    required: frozenset[str]
    values: dict[str, Check | frozenset[str]]
    many: frozenset[str] = field(default_factory=frozenset)


def shape(required: set[str], values: dict[str, Check | set[str]], many: set[str] = frozenset()) -> Shape:
    return Shape(
        frozenset(required),
        {k: frozenset(v) if isinstance(v, set) else v for k, v in values.items()},
        frozenset(many),
    )


# Only properties schema.org declares for the type (or for Thing, CreativeWork, Role above it).
SHAPES: dict[str, Shape] = {
    "NewsArticle": shape(
        {"headline"},
        {
            "headline": text,
            "inLanguage": language,
            "url": url,
            "mainEntityOfPage": url,
            "description": text,
            "datePublished": iso_date,
            "isPartOf": {"WebSite"},
            "author": {"Person"},
            "publisher": {"Organization"},
            "translator": {"Person"},
            "translationOfWork": {"NewsArticle"},
            "isBasedOn": url,
            "about": {"Person", "Event", "Country"},
        },
        many={"about"},
    ),
    "Person": shape(
        {"name"},
        {"name": text, "url": url, "alternateName": text, "hasOccupation": {"Role"}},
        many={"alternateName", "hasOccupation"},
    ),
    "Role": shape({"hasOccupation"}, {"hasOccupation": {"Occupation"}, "startDate": iso_date, "endDate": iso_date}),
    "Occupation": shape({"name"}, {"name": text}),
    "Event": shape(
        {"name"},
        {
            "name": text,
            "url": url,
            "startDate": iso_date,
            "endDate": iso_date,
            "location": {"Place"},
            "description": text,
            "superEvent": {"Event"},
        },
    ),
    "Place": shape({"name"}, {"name": text}),
    "Country": shape(  # a Place: Thing's name, url, alternateName, identifier
        {"name"}, {"name": text, "url": url, "alternateName": text, "identifier": text}, many={"alternateName"}
    ),
    "Organization": shape({"name"}, {"name": text}),
    "WebSite": shape(
        {"name", "url"},
        {"name": text, "url": url, "inLanguage": language, "description": text, "potentialAction": {"SearchAction"}},
    ),
    "SearchAction": shape({"target", "query-input"}, {"target": {"EntryPoint"}, "query-input": text}),
    "EntryPoint": shape({"urlTemplate"}, {"urlTemplate": text}),
    "BreadcrumbList": shape({"itemListElement"}, {"itemListElement": {"ListItem"}}, many={"itemListElement"}),
    "ListItem": shape({"position", "name", "item"}, {"position": position, "name": text, "item": url}),
}


def problems(node: Any, where: str = "", top: bool = True) -> list[str]:
    """What keeps `node` from the shapes above; [] when it keeps to them."""
    if not isinstance(node, dict):
        return [f"{where}: not an object"]
    found = []
    if top and node.get("@context") != CONTEXT:
        found.append(f"{where}: @context must be {CONTEXT}")
    if not top and "@context" in node:
        found.append(f"{where}: @context on a nested node")
    kind = node.get("@type")
    if kind not in SHAPES:
        return [*found, f"{where}: @type {kind!r} is not one the site uses"]
    s = SHAPES[kind]
    here = f"{where}/{kind}"
    found += [f"{here}: missing {p}" for p in sorted(s.required - set(node))]
    for prop, value in node.items():
        if prop in ("@context", "@type"):
            continue
        if prop not in s.values:
            found.append(f"{here}: {prop} is not a property of {kind} here")
            continue
        expected = s.values[prop]
        values = value if prop in s.many and isinstance(value, list) else [value]
        if prop in s.many and isinstance(value, list) and not value:
            found.append(f"{here}.{prop}: an empty list")
        for v in values:
            if isinstance(expected, frozenset):
                if not isinstance(v, dict) or v.get("@type") not in expected:
                    found.append(f"{here}.{prop}: expected a node of {sorted(expected)}, got {v!r:.60}")
                else:
                    found += problems(v, f"{here}.{prop}", top=False)
            elif not expected(v):
                found.append(f"{here}.{prop}: bad value {v!r:.60}")
    return found


def test_the_validator_rejects_what_schema_org_does_not_allow():
    good = {"@context": CONTEXT, "@type": "Event", "name": "COP28", "location": {"@type": "Place", "name": "Dubai"}}
    assert problems(good) == []
    assert problems({**good, "venue": "Dubai"}) == ["/Event: venue is not a property of Event here"]
    assert problems({**good, "location": "Dubai"})[0].startswith("/Event.location: expected a node")
    assert problems({**good, "startDate": "30/11/2023"}) == ["/Event.startDate: bad value '30/11/2023'"]
    assert problems({"@context": CONTEXT, "@type": "Person"}) == ["/Person: missing name"]
    nested = {**good, "location": {"@context": CONTEXT, "@type": "Place", "name": "Dubai"}}
    assert problems(nested) == ["/Event.location: @context on a nested node"]
    assert problems({"@type": "Thing", "name": "x"})[-1] == ": @type 'Thing' is not one the site uses"


# Reading the built site ---------------------------------------------------------------------


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "pagefind" not in p.parts)


def blocks(page: Path) -> list[dict[str, Any]]:
    return [json.loads(raw) for raw in read_page(page).jsonld]


def of_type(page: Path, kind: str) -> list[dict[str, Any]]:
    return [b for b in blocks(page) if b.get("@type") == kind]


def is_redirect(page: Path) -> bool:
    return 'http-equiv="refresh"' in page.read_text(encoding="utf-8")


def below_home(site: Path) -> list[Path]:
    """Every page a reader reaches under a home page: not the root, the homes, 404s, redirects."""
    return [
        p
        for p in html_pages(site)
        if (rel := p.relative_to(site).as_posix()).startswith(("vi/", "en/"))
        and rel not in HOMES
        and p.name != "404.html"
        and not is_redirect(p)
    ]


_CRUMBS = re.compile(r'<nav class="breadcrumbs" aria-label="([^"]+)">(.*?)</nav>', re.S)
_STEP = re.compile(r'<li>(?:<a href="([^"]+)">(.*?)</a>|<span aria-current="page">(.*?)</span>)</li>')


def breadcrumbs(page: Path) -> list[tuple[str, str | None]]:
    """(name, href) of each visible step; the current page's href is None."""
    found = _CRUMBS.findall(page.read_text(encoding="utf-8"))
    if not found:
        return []
    assert len(found) == 1, page
    return [(html.unescape(a or b), href or None) for href, a, b in _STEP.findall(found[0][1])]


def target(site: Path, page: Path, href: str) -> Path:
    found = local_target(site, href, BASE, page)
    assert found is not None and found.is_file(), f"{page.relative_to(site)}: {href} does not resolve"
    return found


def cards(page: Path) -> int:
    return page.read_text(encoding="utf-8").count('class="card-title"')


# JSON-LD ------------------------------------------------------------------------------------


def test_every_json_ld_block_parses_and_keeps_to_the_schema_org_shapes(built):
    checked = 0
    for page in html_pages(built):
        for raw in read_page(page).jsonld:
            data = json.loads(raw)  # a block that does not parse fails here
            assert problems(data) == [], page.relative_to(built)
            checked += 1
    assert checked > 100


def test_leader_pages_carry_a_person_with_offices_over_time(built, registry):
    for lang, section in (("vi", "lanh-dao"), ("en", "leaders")):
        pages = [(l, built / lang / section / l.id / "index.html") for l in registry.leaders.values()]
        assert sum(page.is_file() for _, page in pages) >= 10  # the leaders some article is about
        for leader, page in pages:
            if not page.is_file():
                continue
            (person,) = of_type(page, "Person")
            assert person["name"] == leader.name.get(lang)
            assert person["url"] == f"{BASE}{lang}/{section}/{leader.id}/"
            roles = person.get("hasOccupation", [])
            assert len(roles) == len(leader.roles)
            names = {registry.titles[r.title].name.get(lang) for r in leader.roles}
            assert {r["hasOccupation"]["name"] for r in roles} == names
    (son,) = of_type(built / "en/leaders/bui-thanh-son/index.html", "Person")
    assert son["alternateName"] == ["Bùi Thanh Sơn"]
    assert {(r["hasOccupation"]["name"], r["startDate"]) for r in son["hasOccupation"]} == {
        ("Minister of Foreign Affairs", "2021-04-08"),
        ("Deputy Prime Minister", "2024-08-26"),
    }
    # A former office carries its end: the reader of the data is not told he still holds it.
    (phuc,) = of_type(built / "vi/lanh-dao/nguyen-xuan-phuc/index.html", "Person")
    assert all("endDate" in r for r in phuc["hasOccupation"])


def test_event_pages_carry_the_event_with_dates_and_place_in_the_page_language(built):
    (vi,) = of_type(built / "vi/su-kien/unga-79/index.html", "Event")
    assert vi["name"] == "Khóa 79 Đại hội đồng Liên hợp quốc"
    assert (vi["startDate"], vi["endDate"]) == ("2024-09-10", "2025-09-08")
    assert vi["location"] == {"@type": "Place", "name": "Trụ sở Liên hợp quốc, New York"}
    assert vi["superEvent"]["url"] == BASE + "vi/chuoi-su-kien/unga/"
    (en,) = of_type(built / "en/events/summit-of-the-future/index.html", "Event")
    assert en["startDate"] == "2024-09-22" and en["location"]["@type"] == "Place"
    (unsc,) = of_type(built / "en/events/viet-nam-unsc-2020-2021/index.html", "Event")
    assert (unsc["startDate"], unsc["endDate"]) == ("2020", "2021") and "location" not in unsc  # none in the registry
    for page in (built / "en/events").glob("*/index.html"):
        assert len(of_type(page, "Event")) == 1, page


@pytest.mark.parametrize(("lang", "search"), [("vi", "tim-kiem"), ("en", "search")])
def test_home_pages_carry_the_website_and_its_search_action(built, lang, search):
    (site,) = of_type(built / lang / "index.html", "WebSite")
    assert site["url"] == f"{BASE}{lang}/" and site["inLanguage"] == lang
    action = site["potentialAction"]
    template = action["target"]["urlTemplate"]
    assert template == f"{BASE}{lang}/{search}/?q={{search_term_string}}"
    assert action["query-input"] == "required name=search_term_string"
    assert target(built, built / lang / "index.html", template.split("?")[0]).name == "index.html"
    assert of_type(built / lang / "index.html", "BreadcrumbList") == []  # home is the top


def test_articles_name_the_outlet_as_publisher_and_never_the_archive(built):
    articles = sorted((built / "vi/bai-viet").glob("*/index.html")) + sorted(
        (built / "en/articles").glob("*/index.html")
    )
    assert len(articles) == 10
    archive_names = {"Lưu trữ Tin Ngoại giao", "Diplomatic News Archive"}
    published = 0
    for page in articles:
        (article,) = of_type(page, "NewsArticle")
        outlet = read_page(page).meta.get("citation_publisher")
        if outlet:
            assert article["publisher"] == {"@type": "Organization", "name": outlet}, page
            published += 1
        else:
            assert "publisher" not in article, page
        assert article.get("publisher", {}).get("name") not in archive_names
        assert article["isPartOf"]["@type"] == "WebSite" and article["isPartOf"]["name"] in archive_names
    assert published == 2  # the two versions of the Nhân Dân article; the others name no outlet
    (nhan_dan,) = of_type(
        built / "vi/bai-viet/tiep-tuc-phat-huy-vai-tro-tien-phong-cua-doi-ngoai/index.html", "NewsArticle"
    )
    assert nhan_dan["publisher"]["name"] == "Báo Nhân Dân"
    # An English version points to the Vietnamese article it translates.
    (en,) = of_type(built / "en/articles/viet-nam-values-multilateral-cooperation/index.html", "NewsArticle")
    assert en["translationOfWork"]["url"] == BASE + "vi/bai-viet/viet-nam-coi-trong-hop-tac-da-phuong/"
    assert en["translationOfWork"]["inLanguage"] == "vi"


# Breadcrumbs --------------------------------------------------------------------------------


def test_every_page_below_home_has_breadcrumbs_visible_and_as_a_breadcrumb_list(built):
    pages = below_home(built)
    assert len(pages) > 70
    for page in pages:
        rel = page.relative_to(built).as_posix()
        steps = breadcrumbs(page)
        assert len(steps) >= 2, rel
        lang = rel[:2]
        assert steps[0] == ({"vi": "Trang chủ", "en": "Home"}[lang], f"/{lang}/"), rel
        assert steps[-1][1] is None, rel  # the page itself, marked aria-current, not a link
        for _, href in steps[:-1]:
            assert href is not None and target(built, page, href).is_file()
        (crumbs,) = of_type(page, "BreadcrumbList")
        items = crumbs["itemListElement"]
        assert [i["position"] for i in items] == list(range(1, len(steps) + 1)), rel
        assert [i["name"] for i in items] == [name for name, _ in steps], rel
        assert [i["item"] for i in items[:-1]] == [BASE + href[1:] for _, href in steps[:-1] if href], rel
        assert items[-1]["item"] == read_page(page).canonical, rel
    for page in [built / h for h in HOMES] + [built / "404.html", built / "en/404.html"]:
        assert breadcrumbs(page) == [], page


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (
            "en/articles/viet-nam-values-multilateral-cooperation/index.html",
            [
                ("Home", "/en/"),
                ("Archive by date", "/en/archive/"),
                ("2024", "/en/archive/2024/"),
                ("September", "/en/archive/2024/09/"),
                ("Viet Nam values multilateral cooperation", None),
            ],
        ),
        (
            "vi/bai-viet/viet-nam-coi-trong-hop-tac-da-phuong/index.html",
            [
                ("Trang chủ", "/vi/"),
                ("Lưu trữ theo ngày", "/vi/luu-tru/"),
                ("2024", "/vi/luu-tru/2024/"),
                ("Tháng\u00a09", "/vi/luu-tru/2024/09/"),
                ("Việt Nam coi trọng hợp tác đa phương", None),
            ],
        ),
        (
            "en/archive/2024/09/index.html",
            [("Home", "/en/"), ("Archive by date", "/en/archive/"), ("2024", "/en/archive/2024/"), ("September", None)],
        ),
        ("vi/lanh-dao/to-lam/index.html", [("Trang chủ", "/vi/"), ("Lãnh đạo", "/vi/lanh-dao/"), ("Tô Lâm", None)]),
        (
            "en/events/unga-79/index.html",
            [
                ("Home", "/en/"),
                ("Events", "/en/events/"),
                ("UN General Assembly", "/en/event-series/unga/"),
                ("79th UN General Assembly", None),
            ],
        ),
        (
            "vi/su-kien/summit-of-the-future/index.html",
            [("Trang chủ", "/vi/"), ("Sự kiện", "/vi/su-kien/"), ("Hội nghị Thượng đỉnh Tương lai", None)],
        ),
        ("vi/tim-kiem/index.html", [("Trang chủ", "/vi/"), ("Tìm kiếm", None)]),
    ],
)
def test_breadcrumb_trails_in_both_languages(built, path, expected):
    assert breadcrumbs(built / path) == expected


def test_an_interval_is_no_publication_date(scraped):
    # Seed 002 as scraped: dated only by an interval that straddles two years, it claims none.
    (straddling,) = of_type(
        next((scraped / "vi/bai-viet").glob("hoi-nghi-ngoai-giao-lan-thu-32*/index.html")), "NewsArticle"
    )
    assert "datePublished" not in straddling


def test_a_supplied_title_is_in_brackets_in_the_trail_too(scraped):
    page = next((scraped / "vi/bai-viet").glob("hoi-nghi-ngoai-giao-lan-thu-32*/index.html"))
    name, _ = breadcrumbs(page)[-1]
    assert name.startswith("[") and name.endswith("]")
    # Filed under December 2023, the month its interval starts in.
    assert breadcrumbs(page)[-2] == ("Tháng\u00a012", "/vi/luu-tru/2023/12/")


# Previous and next ----------------------------------------------------------------------------

_PERIODS = re.compile(r'<nav class="prev-next (periods|sessions)"[^>]*>(.*?)</nav>', re.S)
_LINK = re.compile(r'<a rel="(prev|next)" href="([^"]+)">')


def beside(page: Path) -> dict[str, str]:
    """rel → href of the period or session links of a page."""
    found = _PERIODS.findall(page.read_text(encoding="utf-8"))
    return {rel: href for _, body in found for rel, href in _LINK.findall(body)}


@pytest.mark.parametrize(("lang", "archive"), [("vi", "luu-tru"), ("en", "archive")])
def test_period_links_go_to_the_nearest_periods_with_articles(built, lang, archive):
    root = built / lang / archive
    months = sorted(p.parent for p in root.glob("[0-9][0-9][0-9][0-9]/[0-9][0-9]/index.html"))
    years = sorted(p.parent for p in root.glob("[0-9][0-9][0-9][0-9]/index.html"))
    assert [m.relative_to(root).as_posix() for m in months] == ["2021/09", "2022/01", "2023/12", "2024/09"]
    for chain in (months, years):
        for n, folder in enumerate(chain):
            page = folder / "index.html"
            assert cards(page) > 0
            links = beside(page)
            expected = {}
            if n > 0:
                expected["prev"] = f"/{chain[n - 1].relative_to(built).as_posix()}/"
            if n + 1 < len(chain):
                expected["next"] = f"/{chain[n + 1].relative_to(built).as_posix()}/"
            assert links == expected, page
            for href in links.values():
                assert cards(target(built, page, href)) > 0
    # January 2022 to December 2023: the 22 empty months between are skipped.
    december = root / "2023/12/index.html"
    assert beside(december) == {"prev": f"/{lang}/{archive}/2022/01/", "next": f"/{lang}/{archive}/2024/09/"}
    assert beside(root / "index.html") == {}  # the archive index
    undated = {"vi": "khong-ro-ngay", "en": "undated"}[lang]
    assert not (root / undated).exists()  # every article of the sample is dated: no empty page


def test_series_sessions_link_to_the_nearest_sessions_with_articles(built):
    # UNGA 76 and 79 have articles; 77, 78 and 80 none (and no page): 79 ↔ 76, the others never linked.
    assert beside(built / "vi/su-kien/unga-79/index.html") == {"prev": "/vi/su-kien/unga-76/"}
    assert beside(built / "en/events/unga-76/index.html") == {"next": "/en/events/unga-79/"}
    assert not (built / "en/events/unga-78").exists()
    assert beside(built / "en/events/summit-of-the-future/index.html") == {}  # not in a series
    text = (built / "en/events/unga-79/index.html").read_text(encoding="utf-8")
    assert "<span>← Previous session</span> 76th UN General Assembly</a>" in text
    for page in (built / "en/events").glob("*/index.html"):
        for href in beside(page).values():
            linked = target(built, page, href)
            assert cards(linked) > 0, (page, href)


def test_breadcrumbs_take_one_line_on_a_phone(built, page, origin):
    """At 390 px the trail is one line: the page itself (the heading just below) is left out, and
    a long step is cut with "…", never pushing the page sideways."""
    page.set_viewport_size({"width": 390, "height": 844})
    for path in (
        "/vi/bai-viet/bo-truong-ngoai-giao-bui-thanh-son-tra-loi-phong-van-ve-chuyen-di-cua-chu-tich/",
        "/vi/su-kien/cop-28/",
        "/en/archive/2024/09/",
    ):
        page.goto(origin + path)
        first = page.locator("nav.breadcrumbs li").first.bounding_box()
        box = page.locator("nav.breadcrumbs ol").bounding_box()
        assert first is not None and box is not None and box["height"] <= first["height"] + 1, path
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), path
        assert page.locator("nav.breadcrumbs a").first.is_visible()
    page.set_viewport_size({"width": 1280, "height": 900})
    assert page.locator('nav.breadcrumbs [aria-current="page"]').is_visible()


def test_later_pages_of_a_listing_add_their_own_step(tmp_path):
    root = copy_site(tmp_path / "site")
    config = (root / "site.yaml").read_text(encoding="utf-8").replace("page_size: 20", "page_size: 2")
    (root / "site.yaml").write_text(config, encoding="utf-8")
    build(root, search=False)
    site = root / "public"
    assert breadcrumbs(site / "en/leaders/bui-thanh-son/page/2/index.html") == [
        ("Home", "/en/"),
        ("Leaders", "/en/leaders/"),
        ("Bui Thanh Son", "/en/leaders/bui-thanh-son/"),
        ("Page 2", None),
    ]
    assert breadcrumbs(site / "vi/bai-viet/trang/2/index.html")[1:] == [
        ("Tất cả bài viết", "/vi/bai-viet/"),
        ("Trang 2", None),
    ]
    for page in below_home(site):
        steps = breadcrumbs(page)
        assert steps and steps[-1][1] is None, page
        for raw in read_page(page).jsonld:
            assert problems(json.loads(raw)) == [], page


def test_a_place_in_the_registry_is_named_in_both_languages(tmp_path):
    folder = tmp_path / "registry"
    shutil.copytree(PROJECT / "content" / "registry", folder)
    events = (folder / "events.yaml").read_text(encoding="utf-8")
    events = events.replace("place: {vi: Hà Nội, en: Hanoi}", "place: Hanoi")
    events = events.replace("place: {vi: Jakarta, en: Jakarta}", "place: {vi: Jakarta}")
    (folder / "events.yaml").write_text(events, encoding="utf-8")
    with pytest.raises(DiparchiveError) as failed:
        load_registry(folder, tmp_path)
    lines = {(p.line, p.message) for p in failed.value.problems}
    number = {text: n for n, text in enumerate(events.splitlines(), 1)}
    assert lines == {
        (next(n for t, n in number.items() if "place: {vi: Jakarta}" in t), "place is missing 'en'"),
        (number["    place: Hanoi"], "place must be a mapping with the keys vi and en, not 'Hanoi'"),
    }
