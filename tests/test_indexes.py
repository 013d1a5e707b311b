"""Indexes as a reader and a crawler read them: titles in protocol order, names in the
Vietnamese alphabet, offices with their years, no link to an empty page, sitemaps with lastmod."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import PROJECT, copy_site
from diparchive.build.pipeline import build
from diparchive.build.selection import BuildOptions
from diparchive.config import config_from_yaml
from diparchive.errors import DiparchiveError
from diparchive.plan.archive import make_archive
from diparchive.plan.collation import by_name
from diparchive.plan.i18n import load_catalogs
from diparchive.plan.site import plan_site
from diparchive.plan.spans import days_span
from diparchive.read.registry import load_registry
from diparchive.records import Article, Block, BlockKind, PubDate
from diparchive.yamlsource import parse_yaml
from sitecheck import local_target, read_page

BASE = "https://archive.example.org/"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
NBSP = "\u00a0"


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "pagefind" not in p.parts)


def main_of(path: Path) -> str:
    html = path.read_text(encoding="utf-8")
    return html[html.index("<main") : html.index("</main>")].replace(NBSP, " ")


def linked_names(html: str) -> list[str]:
    """The linked names of the index lists (not the breadcrumbs)."""
    lists = re.findall(r'<ul class="index">(.*?)</ul>', html, re.S)
    return [name for body in lists for name in re.findall(r'<li><a href="[^"]+">([^<]+)</a>', body)]


# Collation --------------------------------------------------------------------------------


def test_names_sort_in_the_vietnamese_alphabet_never_by_code_point():
    names = ["Trương Hòa Bình", "Hun Manet", "Đặng Thị Ngọc Thịnh", "Trần Đại Quang", "Hồ Đức Phớc", "Ánh", "Anh"]
    names += ["Dương", "Ăn", "Âm", "Bùi", "Ơn", "Ông", "Ong", "Ưu", "Uy", "Hà", "Ha", "Hạ", "Zed", "Ê-đê", "Em"]
    assert by_name(names, str) == [
        "Anh",
        "Ánh",  # a tone weighs less than a letter: right after the same letters without it
        "Ăn",  # ă, then â, after every a
        "Âm",
        "Bùi",
        "Dương",
        "Đặng Thị Ngọc Thịnh",  # đ after d, not after z
        "Em",
        "Ê-đê",
        "Ha",
        "Hà",
        "Hạ",
        "Hồ Đức Phớc",  # Hồ before Hun
        "Hun Manet",
        "Ong",
        "Ông",
        "Ơn",
        "Trần Đại Quang",  # Trần before Trương
        "Trương Hòa Bình",
        "Uy",
        "Ưu",
        "Zed",
    ]
    assert sorted(names) != by_name(names, str)  # code points would put Đặng and the others last


def test_numbers_in_names_sort_by_value_and_ties_by_the_tie_breaker():
    assert by_name(["Khóa 100", "Khóa 8", "Khóa 79"], str) == ["Khóa 8", "Khóa 79", "Khóa 100"]
    people = [("b", "Nguyễn Hòa Bình"), ("a", "Nguyễn Hòa Bình")]
    assert by_name(people, lambda p: p[1], lambda p: p[0]) == [("a", "Nguyễn Hòa Bình"), ("b", "Nguyễn Hòa Bình")]


def write_leaders(tmp_path, leaders: str):
    folder = tmp_path / "registry"
    folder.mkdir(parents=True)
    (folder / "leaders.yaml").write_text(leaders, encoding="utf-8")
    (folder / "events.yaml").write_text("", encoding="utf-8")
    return folder


def test_titles_held_at_once_are_in_the_registry_s_order_of_precedence(tmp_path):
    folder = write_leaders(
        tmp_path,
        "titles:\n"
        "  fm: {vi: Bộ trưởng Ngoại giao, en: Minister of Foreign Affairs, rank: 11}\n"
        "  dpm: {vi: Phó Thủ tướng, en: Deputy Prime Minister, rank: 8}\n"
        "  envoy: {vi: Đặc phái viên, en: Special Envoy}\n"
        "leaders:\n"
        "  - name: {vi: Bùi Thanh Sơn, en: Bui Thanh Son}\n"
        "    roles:\n"
        "      - {title: envoy, from: 2020}\n"
        "      - {title: fm, from: 2021-04-08}\n"
        "      - {title: dpm, from: 2024-08-26}\n",
    )
    registry = load_registry(folder, tmp_path)
    from diparchive.records import PubDate

    held = registry.leaders["bui-thanh-son"].roles_on(PubDate(2024, 9, 19))
    assert [r.title for r in held] == ["dpm", "fm", "envoy"]  # ranked first, then the unranked as declared
    assert registry.titles["dpm"].rank == 8 and registry.titles["envoy"].rank is None


@pytest.mark.parametrize("rank", ["0", "first", "true", "1.5"])
def test_a_rank_that_is_not_a_whole_number_from_1_is_an_error_at_its_line(tmp_path, rank):
    folder = write_leaders(tmp_path, f"titles:\n  pm:\n    vi: Thủ tướng\n    en: Prime Minister\n    rank: {rank}\n")
    with pytest.raises(DiparchiveError) as caught:
        load_registry(folder, tmp_path)
    assert [str(p) for p in caught.value.problems] == [
        f"registry/leaders.yaml:5: 'rank' must be a whole number from 1 up, not '{'True' if rank == 'true' else rank}'"
    ]


def test_title_keys_are_checked_by_the_schema(tmp_path):
    folder = write_leaders(tmp_path, "titles:\n  pm:\n    vi: Thủ tướng\n    rang: 1\n    bare: yes please\n")
    with pytest.raises(DiparchiveError) as caught:
        load_registry(folder, tmp_path)
    messages = [str(p) for p in caught.value.problems]
    assert messages == [
        "registry/leaders.yaml:4: unknown key 'rang' in title 'pm' (allowed: bare, en, forms, rank, vi)",
        "registry/leaders.yaml:5: 'bare' must be true or false, not 'yes please'",
        "registry/leaders.yaml:3: title 'pm' is missing 'en'",
    ]


def test_the_sample_writes_titles_as_the_press_does(built):
    vi = (built / "vi/bai-viet/viet-nam-coi-trong-hop-tac-da-phuong/index.html").read_text(encoding="utf-8")
    assert 'Tô Lâm</a> <span class="role">(Tổng Bí thư, Chủ tịch nước)</span>' in vi
    en = (built / "en/articles/all-objectives-achieved-at-a-high-level/index.html").read_text(encoding="utf-8")
    assert 'Bui Thanh Son</a> <span class="role">(Deputy Prime Minister, Minister of Foreign Affairs)</span>' in en
    assert 'To Lam</a> <span class="role">(General Secretary, President)</span>' in en
    cuba = next((built / "vi/bai-viet").glob("bo-truong-ngoai-giao-bui-thanh-son*/index.html")).read_text(
        encoding="utf-8"
    )
    assert "(Bí thư thứ nhất Ban Chấp hành Trung ương Đảng Cộng sản Cuba, Chủ tịch nước Cộng hòa Cuba)" in cuba


# The leaders and events indexes of the built sample ----------------------------------------------


def test_the_leaders_index_shows_the_offices_at_the_latest_article_with_years(built):
    vi = main_of(built / "vi/lanh-dao/index.html")
    assert (
        'Nguyễn Xuân Phúc</a> <span class="role"><span class="office"><span class="former">nguyên</span> '
        'Chủ tịch nước <span class="span">2021–2023</span></span></span>'
    ) in vi
    assert (
        'Tô Lâm</a> <span class="role"><span class="office">Tổng Bí thư <span class="span">từ 2024</span></span>; '
        '<span class="office"><span class="former">nguyên</span> Chủ tịch nước <span class="span">2024</span></span>'
    ) in vi
    assert '<span class="former">nguyên</span> Tổng Bí thư <span class="span">2011–2024</span>' in vi  # Trọng
    assert (
        'Phạm Minh Chính</a> <span class="role"><span class="office">Thủ tướng <span class="span">từ 2021</span>'
    ) in vi  # still held: not former
    en = main_of(built / "en/leaders/index.html")
    assert '<span class="former">former</span> President <span class="span">2021–2023</span>' in en
    assert (
        'Bui Thanh Son</a> <span class="role"><span class="office">Deputy Prime Minister <span class="span">since 2024</span>'
        in en
    )
    raw = (built / "vi/lanh-dao/index.html").read_text(encoding="utf-8")
    assert f"từ{NBSP}2024" in raw  # a span never wraps


def test_the_indexes_list_names_in_the_vietnamese_alphabet_in_both_languages(built, registry):
    for path, lang in (("vi/lanh-dao/index.html", "vi"), ("en/leaders/index.html", "en")):
        html = main_of(built / path)
        linked, apart = html.split('class="registry-only"')
        shown = linked_names(linked)
        assert shown == by_name(shown, str) and len(shown) >= 10
        unlinked = re.findall(r"<li>([^<]+?) <span", apart)
        assert unlinked == by_name(unlinked, str) and "<a " not in apart
        names = {l.name.get(lang) for l in registry.leaders.values()}
        assert set(shown) | set(unlinked) == names  # every leader of the registry, once
    vi = linked_names(main_of(built / "vi/lanh-dao/index.html"))
    assert vi.index("Bùi Thanh Sơn") < vi.index("Joe Biden") < vi.index("Tô Lâm") < vi.index("Võ Văn Thưởng")
    apart = main_of(built / "vi/lanh-dao/index.html").split('class="registry-only"')[1]
    assert apart.index("Anthony Albanese") < apart.index("Đặng Thị Ngọc Thịnh") < apart.index("Hoàng Bình Quân")
    assert apart.index("Hồ Đức Phớc") < apart.index("Hun Manet") < apart.index("Trần Đại Quang")
    assert apart.index("Trần Thanh Mẫn") < apart.index("Trương Hòa Bình") < apart.index("Vương Đình Huệ")
    assert "Trong sổ đăng ký, chưa có bài" in apart
    assert "In the registry, no articles yet" in main_of(built / "en/leaders/index.html")


def test_events_without_articles_are_listed_apart_unlinked_with_their_dates(built):
    html = main_of(built / "en/events/index.html")
    linked, apart = html.split('class="registry-only"')
    assert "In the registry, no articles yet" in apart and "<a " not in apart
    assert '44th ASEAN Summit <span class="span">8–11 October 2024</span>' in apart
    assert "78th UN General Assembly" in apart and "78th UN General Assembly" not in linked
    assert (
        '<a href="/en/events/unga-79/">79th UN General Assembly</a> <span class="span">10 September 2024 – 8 September 2025</span>'
        in linked
    )
    assert '32nd Diplomatic Conference</a> <span class="span">19–21 December 2023</span>' in linked
    assert "ASEAN Summit" not in linked  # a series with no article has no page, no link
    assert not (built / "en/event-series/asean-summit").exists() and not (built / "en/events/unga-78").exists()
    series = main_of(built / "vi/chuoi-su-kien/unga/index.html")
    linked, apart = series.split('class="registry-only"')
    assert "Khóa 79" in linked and "Khóa 78" in apart and "<a " not in apart


def test_no_link_anywhere_leads_to_a_missing_or_empty_page(built):
    """Every internal link of every built page resolves to a file, and every leader, event and
    series page shows at least one article (a card, or for a series a linked session)."""
    checked = 0
    for page in html_pages(built):
        for kind, url in read_page(page).links:
            target = local_target(built, url, BASE, page)
            if target is not None:
                assert target.is_file(), f"{page.relative_to(built)}: {kind} {url}"
                checked += 1
    assert checked > 1000
    detail = [
        p
        for folder in ("vi/lanh-dao", "en/leaders", "vi/su-kien", "en/events")
        for p in (built / folder).glob("*/index.html")
    ]
    assert len(detail) > 20
    for page in detail:
        assert 'class="card-title"' in page.read_text(encoding="utf-8"), page
    for folder in ("vi/chuoi-su-kien", "en/event-series"):
        for page in (built / folder).glob("*/index.html"):
            linked = main_of(page).split('class="registry-only"')[0]
            assert linked_names(linked), page


def sitemap(built: Path, lang: str) -> list[ET.Element]:
    return list(ET.parse(built / f"sitemap-{lang}.xml").getroot())


def test_sitemaps_list_only_pages_that_exist_each_with_its_lastmod(built):
    for lang in ("vi", "en"):
        entries = sitemap(built, lang)
        assert len(entries) > 30
        for entry in entries:
            loc = entry.findtext(f"{SM}loc")
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", entry.findtext(f"{SM}lastmod") or ""), loc
            target = local_target(built, loc, BASE, built / "index.html")
            assert target is not None and target.is_file(), loc
            for link in entry.findall(f"{XHTML}link"):
                alternate = local_target(built, link.get("href"), BASE, built / "index.html")
                assert alternate is not None and alternate.is_file(), (loc, link.get("href"))
    locs = {e.findtext(f"{SM}loc"): e.findtext(f"{SM}lastmod") for e in sitemap(built, "vi")}
    assert BASE + "vi/lanh-dao/hun-manet/" not in locs and BASE + "vi/su-kien/unga-78/" not in locs
    assert BASE + "vi/chuoi-su-kien/asean-summit/" not in locs
    assert locs[BASE + "vi/bai-viet/viet-nam-coi-trong-hop-tac-da-phuong/"] == "2024-09-19"  # the article's date
    assert locs[BASE + "vi/lanh-dao/nguyen-xuan-phuc/"] == "2021-09-27"  # the date of the one article it lists
    assert locs[BASE + "vi/luu-tru/2024/"] == "2024-09-19"  # the listing's newest article
    assert locs[BASE + "vi/"] == max(locs.values())  # home: the newest article in the language
    assert locs[BASE + "vi/luu-tru/2021/"] == "2021-09-27"


# Planned from records made here ----------------------------------------------------------


def test_a_page_exists_only_in_the_languages_whose_articles_are_about_it(tmp_path):
    text = "title: {vi: Lưu trữ, en: Archive}\nbase_url: https://example.org/\n"
    config = config_from_yaml(parse_yaml(text, Path("site.yaml")), Path("/site"), Path("site.yaml"))
    registry = load_registry(PROJECT / "content" / "registry", PROJECT)
    body = (Block(BlockKind.PARAGRAPH, "Nội dung.", "Nội dung.", 1),)

    def make(lang: str, leaders: tuple[str, ...], date: PubDate | None) -> Article:
        return Article(
            Path(f"content/a.{lang}.md"), "a", lang, "Tin", "tin", date, None, None, body, (), leaders, (), (), ()
        )

    # The Vietnamese text names Hun Manet; its translation does not: his page is Vietnamese only.
    archive = make_archive((make("vi", ("hun-manet",), PubDate(2024, 5)), make("en", (), PubDate(2024, 5))))
    planned = plan_site(config, registry, archive, load_catalogs(PROJECT / "templates", PROJECT))
    paths = {p.path: p for p in planned.pages}
    assert "vi/lanh-dao/hun-manet/" in paths and "en/leaders/hun-manet/" not in paths
    assert paths["vi/lanh-dao/hun-manet/"].alternates == {"vi": "vi/lanh-dao/hun-manet/"}
    assert paths["vi/lanh-dao/hun-manet/"].lastmod == PubDate(2024, 5).first_day
    en_index = paths["en/leaders/"].context
    assert en_index["leaders"] == [] and "Hun Manet" in [l["name"] for l in en_index["registry_only"]]
    vi_sitemap = [u["loc"] for u in planned.sitemaps["vi"]["urls"]]
    assert "https://example.org/vi/lanh-dao/hun-manet/" in vi_sitemap
    assert "https://example.org/en/leaders/hun-manet/" not in [u["loc"] for u in planned.sitemaps["en"]["urls"]]


@pytest.mark.browser
@pytest.mark.parametrize("path", ["/vi/su-kien/", "/en/events/", "/vi/lanh-dao/", "/en/event-series/unga/"])
def test_on_a_phone_every_span_of_dates_is_one_line(page, origin, path):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{origin}{path}")
    spans = page.locator("main .span")
    assert spans.count() > 3
    line = page.evaluate("parseFloat(getComputedStyle(document.querySelector('main .span')).lineHeight)")
    for box in (spans.nth(i).bounding_box() for i in range(spans.count())):
        assert box is not None and box["height"] < 1.5 * line, (path, box)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # and nothing runs off the screen
    for width in (360, 320):  # narrower phones: a span too long for a line breaks after its dash, nowhere else
        page.set_viewport_size({"width": width, "height": 800})
        assert page.evaluate("document.documentElement.scrollWidth") <= width, (path, width)
        for i in range(spans.count()):
            box = spans.nth(i).bounding_box()
            assert box is not None and box["height"] < (2.5 if "–" in spans.nth(i).inner_text() else 1.5) * line


@pytest.mark.parametrize(
    ("today", "en", "vi"),
    [
        (dt.date(2025, 9, 20), "since 9 September 2025", "từ 9 tháng 9 năm 2025"),  # begun days ago: ongoing
        (dt.date(2026, 12, 2), "began 9 September 2025", "bắt đầu 9 tháng 9 năm 2025"),  # long ago, end unknown
        (dt.date(2025, 9, 1), "starts 9 September 2025", "bắt đầu 9 tháng 9 năm 2025"),  # still to come
    ],
)
def test_an_event_with_no_known_end_is_ongoing_only_if_it_began_recently(today, en, vi):
    """UNGA 80 has a start and no end in the registry; UNGA 79 ended on a known day: never ongoing."""
    ui = load_catalogs(PROJECT / "templates", PROJECT)
    start = PubDate(2025, 9, 9)
    nbsp = "\u00a0"
    assert days_span(start, None, "en", ui["en"], today).replace(nbsp, " ") == en
    assert days_span(start, None, "vi", ui["vi"], today).replace(nbsp, " ") == vi
    ended = days_span(PubDate(2024, 9, 10), PubDate(2025, 9, 8), "en", ui["en"], today).replace(nbsp, " ")
    assert ended == "10 September 2024 – 8 September 2025"


def test_the_registry_list_calls_unga_80_ongoing_only_as_the_build_day_allows(tmp_path):
    root = copy_site(tmp_path / "site")
    for day, word in ((dt.date(2026, 12, 2), "began"), (dt.date(2025, 9, 30), "since")):
        build(root, search=False, options=BuildOptions(today=day))
        html = (root / "public" / "en" / "events" / "index.html").read_text(encoding="utf-8")
        row = html.split("80th UN General Assembly", 1)[1].split("</li>", 1)[0]
        assert f'<span class="span">{word}\u00a09\u00a0September\u00a02025</span>' in row, day


@pytest.mark.browser
@pytest.mark.parametrize(
    "path", ["/vi/lanh-dao/to-lam/", "/vi/su-kien/unga-76/", "/vi/chuoi-su-kien/unga/", "/en/leaders/bui-thanh-son/"]
)
def test_pages_with_spans_of_dates_fit_a_narrow_phone(page, origin, path):
    for width in (360, 320):
        page.set_viewport_size({"width": width, "height": 800})
        page.goto(f"{origin}{path}")
        assert page.locator("main .span").count() >= 1
        assert page.evaluate("document.documentElement.scrollWidth") <= width, (path, width)
