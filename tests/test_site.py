"""The built sample site, read back: every page type in both languages."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest
import yaml

from conftest import PROJECT, copy_site
from diparchive.build.pipeline import build
from sitecheck import local_target, read_page

BASE = "https://archive.example.org/"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "pagefind" not in p.parts)


def test_every_page_has_an_exact_lang_and_a_title(built):
    pages = html_pages(built)
    assert len(pages) > 80
    for page in pages:
        facts = read_page(page)
        assert facts.lang in ("vi", "en"), page
        assert facts.title.strip(), page
        relative = page.relative_to(built).as_posix()
        if relative.startswith(("vi/", "en/")):
            assert facts.lang == relative[:2], page


def test_no_broken_internal_link(built):
    for page in html_pages(built):
        for kind, url in read_page(page).links:
            target = local_target(built, url, BASE, page)
            if target is None:
                assert url.startswith("#") or (kind == "a.href" and url.startswith("https://")), (page, url)
                continue
            assert target.is_file(), f"{page.relative_to(built)}: {kind} {url}"


def test_no_external_resources(built):
    for page in html_pages(built):
        for kind, url in read_page(page).links:
            if kind in ("script.src", "link.href") and url.startswith("http"):
                assert url.startswith(BASE), (page, url)


def test_home_pages_list_the_seeds_and_the_translations(built):
    vi = (built / "vi" / "index.html").read_text(encoding="utf-8")
    assert vi.count('class="card-title"') == 5
    for title in (
        "Việt Nam coi trọng hợp tác đa phương",
        "Đạt được ở mức cao tất cả các mục tiêu",
        "Tiếp tục phát huy vai trò tiên phong của đối ngoại",
    ):
        assert title in vi
    en = (built / "en" / "index.html").read_text(encoding="utf-8")
    for title in (
        "Viet Nam values multilateral cooperation",
        "All objectives achieved at a high level",
        "Carrying on the pioneering role of external affairs",
    ):
        assert title in en
    assert "Vietnamese only" not in en  # the sample has every story in both languages


def test_untranslated_stories_are_listed_as_vietnamese_only(scraped):
    en = (scraped / "en" / "index.html").read_text(encoding="utf-8")
    # Untranslated stories are listed as Vietnamese only, linked to the original.
    assert en.count("Vietnamese only") == 1
    assert 'href="/vi/bai-viet/hoi-nghi-ngoai-giao-lan-thu-32' in en


def test_root_index_leads_to_vietnamese(built):
    root = (built / "index.html").read_text(encoding="utf-8")
    assert 'http-equiv="refresh" content="0; url=/vi/"' in root
    assert 'href="/en/"' in root


def test_hreflang_sets_are_reciprocal_with_x_default(built):
    checked = 0
    for page in html_pages(built):
        facts = read_page(page)
        if not facts.hreflangs:
            continue
        assert set(facts.hreflangs) == {"vi", "en", "x-default"}, page
        assert facts.hreflangs["x-default"] == facts.hreflangs["vi"]
        assert facts.canonical in facts.hreflangs.values()
        for lang in ("vi", "en"):
            other = local_target(built, facts.hreflangs[lang], BASE, page)
            assert read_page(other).hreflangs == facts.hreflangs
        checked += 1
    assert checked > 70


def test_untranslated_article_has_no_hreflang_and_says_so(scraped):
    built = scraped
    page = next((built / "vi" / "bai-viet").glob("hoi-nghi-ngoai-giao*/index.html"))
    facts = read_page(page)
    assert facts.hreflangs == {}
    assert facts.switcher == "/en/"
    assert "chưa có bản dịch" in page.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("page", "target"),
    [
        (
            "vi/bai-viet/viet-nam-coi-trong-hop-tac-da-phuong/index.html",
            "/en/articles/viet-nam-values-multilateral-cooperation/",
        ),
        (
            "en/articles/viet-nam-values-multilateral-cooperation/index.html",
            "/vi/bai-viet/viet-nam-coi-trong-hop-tac-da-phuong/",
        ),
        ("vi/lanh-dao/to-lam/index.html", "/en/leaders/to-lam/"),
        ("en/events/unga-79/index.html", "/vi/su-kien/unga-79/"),
        ("vi/luu-tru/2024/index.html", "/en/archive/2024/"),
        ("en/archive/2024/09/index.html", "/vi/luu-tru/2024/09/"),
        ("vi/chuoi-su-kien/unga/index.html", "/en/event-series/unga/"),
        ("en/search/index.html", "/vi/tim-kiem/"),
        ("vi/index.html", "/en/"),
    ],
)
def test_language_switcher_goes_to_the_counterpart(built, page, target):
    assert read_page(built / page).switcher == target


def catalogs() -> dict[str, dict[str, str]]:
    return {
        lang: yaml.safe_load((PROJECT / "templates" / "i18n" / f"{lang}.yaml").read_text(encoding="utf-8"))
        for lang in ("vi", "en")
    }


def test_no_interface_text_of_the_other_language(built):
    ui = catalogs()
    for lang, other in (("vi", "en"), ("en", "vi")):
        foreign = {
            v
            for k, v in ui[other].items()
            if k not in ("language_name", "og_locale") and v != ui[lang].get(k) and len(v) > 3
        }
        foreign = {re.sub(r"\{n\}", "", v).strip() for v in foreign}
        foreign = {v for v in foreign if len(v) > 3}
        for page in html_pages(built / lang):
            text = "\n".join(read_page(page).own_text)
            leaks = [v for v in foreign if v and v in text]
            assert not leaks, f"{page.relative_to(built)}: {leaks}"


def test_month_precision_article_never_shows_a_day(built):
    vi = (built / "vi/bai-viet/dat-duoc-o-muc-cao-tat-ca-cac-muc-tieu/index.html").read_text(encoding="utf-8")
    assert re.findall(r'<time datetime="2024-09"[^>]*>([^<]*)</time>', vi) == ["tháng\u00a09\u00a0năm\u00a02024"]
    en = (built / "en/articles/all-objectives-achieved-at-a-high-level/index.html").read_text(encoding="utf-8")
    assert re.findall(r'<time datetime="2024-09"[^>]*>([^<]*)</time>', en) == ["September\u00a02024"]
    # Listed among others, it keeps its month: no card anywhere shows a day for it.
    home = (built / "vi/index.html").read_text(encoding="utf-8")
    assert '<time datetime="2024-09">tháng\u00a09\u00a0năm\u00a02024</time>' in home


def test_article_page_facts_citation_and_metadata(built):
    page = built / "vi/bai-viet/viet-nam-coi-trong-hop-tac-da-phuong/index.html"
    html = page.read_text(encoding="utf-8")
    facts = read_page(page)
    assert "19\u00a0tháng\u00a09\u00a0năm\u00a02024" in facts.own_text
    assert (
        'href="/vi/lanh-dao/to-lam/" data-pagefind-filter="Lãnh đạo">Tô Lâm</a> <span class="role">(Tổng Bí thư, Chủ tịch nước)</span>'
        in html
    )
    assert 'href="/vi/su-kien/unga-79/" data-pagefind-filter="Sự kiện">Khóa 79 Đại hội đồng Liên hợp quốc</a>' in html
    assert "Trích dẫn bài viết này" in html and BASE + "vi/bai-viet/viet-nam-coi-trong-hop-tac-da-phuong/" in html
    data = json.loads(facts.jsonld[0])
    assert data["@type"] == "NewsArticle" and data["datePublished"] == "2024-09-19" and data["inLanguage"] == "vi"
    assert facts.meta["og:type"] == "article" and facts.meta["og:title"] == "Việt Nam coi trọng hợp tác đa phương"
    assert 'rel="prev"' in html and 'class="question"' not in html


def test_interview_questions_and_captions_are_styled(built):
    html = (built / "vi/bai-viet").glob("bo-truong-ngoai-giao-bui-thanh-son*/index.html")
    text = next(html).read_text(encoding="utf-8")
    assert text.count('<p class="question">') == 3
    assert '<p class="caption">Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn</p>' in text


def test_leader_and_event_pages(built):
    leader = (built / "en/leaders/bui-thanh-son/index.html").read_text(encoding="utf-8")
    assert "Minister of Foreign Affairs" in leader and "since\u00a08\u00a0April\u00a02021" in leader
    assert "Deputy Prime Minister" in leader and "since\u00a026\u00a0August\u00a02024" in leader
    assert leader.count('<section class="year-group">') == 4  # 2024, 2022, 2021, undated
    assert "Often appears with" in leader
    event = (built / "vi/su-kien/unga-79/index.html").read_text(encoding="utf-8")
    assert (
        "Khóa 79 Đại hội đồng Liên hợp quốc" in event
        and "10\u00a0tháng\u00a09\u00a0năm\u00a02024\u00a0– 8\u00a0tháng\u00a09\u00a0năm\u00a02025" in event
    )
    series = (built / "en/event-series/unga/index.html").read_text(encoding="utf-8")
    assert "79th UN General Assembly" in series and "76th UN General Assembly" in series


def test_date_archives_with_counts(built):
    archive = (built / "vi/luu-tru/index.html").read_text(encoding="utf-8")
    for year in ("2024", "2022", "2021"):
        assert f'href="/vi/luu-tru/{year}/"' in archive
    year = (built / "en/archive/2024/index.html").read_text(encoding="utf-8")
    assert "2\u00a0articles" in year and 'href="/en/archive/2024/09/"' in year
    december = (built / "en/archive/2023/12/index.html").read_text(encoding="utf-8")
    assert "Foreign Minister Bui Thanh Son looks back on a busy year of diplomacy" in december


def test_an_interval_date_is_filed_under_its_first_month(scraped):
    # Seed 002 as scraped (an interval, 2023-12-19/2024-01) is filed under its first month, marked ≈.
    december = (scraped / "en/archive/2023/12/index.html").read_text(encoding="utf-8")
    assert (
        "Vietnamese only" in december
        and "≈" in december
        and "between 19\u00a0December\u00a02023 and January\u00a02024" in december
    )


def test_every_feed_parses_as_a_feed_reader_reads_it(built):
    feeds = sorted(built.rglob("feed.xml"))
    assert (
        built / "vi/feed.xml" in feeds
        and built / "en/leaders/to-lam/feed.xml" in feeds
        and built / "vi/su-kien/unga-79/feed.xml" in feeds
    )
    for path in feeds:
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        assert parsed.version == "atom10", path
        url = BASE + path.relative_to(built).as_posix()
        assert parsed.feed.id == url, path
        assert [l.href for l in parsed.feed.links if l.rel == "self"] == [url], path
        page = [l.href for l in parsed.feed.links if l.rel == "alternate"]
        target = local_target(built, page[0], BASE, path) if len(page) == 1 else None
        assert target is not None and target.is_file(), path
        entries = parsed.entries
        ids = [e.id for e in entries]
        assert ids and len(ids) == len(set(ids)) and len(ids) <= 20, path
        assert all(e.title and e.updated_parsed and e.link.startswith(BASE) for e in entries), path
        # an id that no corrected title changes (RFC 4287 4.2.6), never the URL
        assert all(re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", e.id) for e in entries), path
        assert parsed.feed.updated_parsed == max(e.updated_parsed for e in entries), path
        # each entry credits its author or outlet, else says the author is unknown: never the archive
        # nor the feed's leader (a feed-level author would stand for every entry that has none)
        assert "author" not in parsed.feed, path
        assert all(e.author and "Lưu trữ" not in e.author and "Archive" not in e.author for e in entries), path
    anonymous = {e.author for e in feedparser.parse((built / "vi/feed.xml").read_bytes()).entries}
    assert "Không rõ tác giả" in anonymous and "Báo Nhân Dân" in anonymous


def test_sitemaps_and_robots(built):
    index = ET.parse(built / "sitemap.xml").getroot()
    assert [s.findtext(f"{SM}loc") for s in index] == [BASE + "sitemap-vi.xml", BASE + "sitemap-en.xml"]
    vi = ET.parse(built / "sitemap-vi.xml").getroot()
    locs = [u.findtext(f"{SM}loc") for u in vi]
    assert BASE + "vi/bai-viet/viet-nam-coi-trong-hop-tac-da-phuong/" in locs
    entry = next(u for u in vi if u.findtext(f"{SM}loc") == BASE + "vi/lanh-dao/to-lam/")
    assert {(l.get("hreflang"), l.get("href")) for l in entry.findall(f"{XHTML}link")} == {
        ("vi", BASE + "vi/lanh-dao/to-lam/"),
        ("en", BASE + "en/leaders/to-lam/"),
    }
    assert f"Sitemap: {BASE}sitemap.xml" in (built / "robots.txt").read_text(encoding="utf-8")
    assert (built / "vi/404.html").is_file() and (built / "en/404.html").is_file() and (built / "404.html").is_file()


def test_the_root_404_speaks_both_languages_and_feeds_are_called_feeds(built):
    root = (built / "404.html").read_text(encoding="utf-8")
    assert "Không tìm thấy trang" in root and '<section lang="en">' in root and "Page not found" in root
    assert 'href="/en/"' in root and 'href="/vi/"' in root
    assert '<section lang="en">' not in (built / "vi/404.html").read_text(encoding="utf-8")
    home = (built / "vi/index.html").read_text(encoding="utf-8")
    assert "Kênh Atom" in home and "Nguồn tin Atom" not in home


def test_the_404_pages_have_no_canonical_url_and_a_plain_language_switch(built):
    for path, other in (("404.html", "/en/"), ("vi/404.html", "/en/"), ("en/404.html", "/vi/")):
        text = (built / path).read_text(encoding="utf-8")
        assert 'rel="canonical"' not in text and "switcher-note" not in text, path
        assert f'<a class="switcher" href="{other}"' in text, path
        assert "aria-current" not in text, path  # a missing page is in no section


NAV_SECTION = {  # a page's path (or the start of it) → the navigation item marked current
    "vi/index.html": "Trang chủ",
    "en/index.html": "Home",
    "vi/bai-viet/": "Bài viết",
    "en/articles/": "Articles",
    "vi/luu-tru/": "Lưu trữ theo ngày",
    "en/archive/": "Archive by date",
    "vi/lanh-dao/": "Lãnh đạo",
    "en/leaders/": "Leaders",
    "vi/su-kien/": "Sự kiện",
    "vi/chuoi-su-kien/": "Sự kiện",
    "en/events/": "Events",
    "en/event-series/": "Events",
    "vi/quoc-gia/": "Quốc gia",
    "en/countries/": "Countries",
    "vi/tim-kiem/": "Tìm kiếm",
    "en/search/": "Search",
    "vi/loai-van-ban/": "Bài viết",
    "en/document-types/": "Articles",
    "vi/du-lieu/": None,  # the Data page, linked from the footer: no section of the navigation
    "en/data/": None,
}


def test_every_page_marks_its_section_in_the_navigation(built):
    checked = 0
    for page in html_pages(built):
        relative = page.relative_to(built).as_posix()
        text = page.read_text(encoding="utf-8")
        if '<nav aria-label="' not in text or relative.endswith("404.html"):
            continue
        expected = next(label for start, label in NAV_SECTION.items() if relative.startswith(start))
        current = re.findall(r'<li><a href="[^"]*" aria-current="page">([^<]*)</a></li>', text)
        assert current == ([expected] if expected else []), relative
        footer = text.split('<footer class="site-footer">', 1)[1]
        assert ('aria-current="page"' in footer) == (expected is None), relative  # the Data page: its footer link
        checked += 1
    assert checked > 60  # every page of the sample with a navigation bar


def test_search_index_covers_articles_in_both_languages(built):
    entry = json.loads((built / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert set(entry["languages"]) == {"vi", "en"}
    assert entry["languages"]["vi"]["page_count"] == 5 and entry["languages"]["en"]["page_count"] == 5


def test_same_input_gives_byte_identical_output(tmp_path):
    root = copy_site(tmp_path / "site")
    build(root, tmp_path / "one")
    build(root, tmp_path / "two")
    one = {p.relative_to(tmp_path / "one"): p.read_bytes() for p in (tmp_path / "one").rglob("*") if p.is_file()}
    two = {p.relative_to(tmp_path / "two"): p.read_bytes() for p in (tmp_path / "two").rglob("*") if p.is_file()}
    assert one.keys() == two.keys() and one == two


def test_sub_path_deployment_builds_every_url_under_it(tmp_path):
    root = copy_site(tmp_path / "site")
    config = (
        (root / "site.yaml")
        .read_text(encoding="utf-8")
        .replace("https://archive.example.org/", "https://example.org/archive/")
    )
    (root / "site.yaml").write_text(config, encoding="utf-8")
    build(root)
    site = root / "public"
    for page in html_pages(site):
        for _kind, url in read_page(page).links:
            if url.startswith("/"):
                assert url.startswith("/archive/"), (page, url)
            target = local_target(site, url, "https://example.org/archive/", page)
            assert target is None or target.is_file(), (page, url)
    assert '"baseUrl": "/archive/"' in (site / "en/search/index.html").read_text(encoding="utf-8")


def test_counts_use_plural_rules(built):
    events = (built / "en/events/index.html").read_text(encoding="utf-8")
    assert "1\u00a0article<" in events.replace("</span>", "<")
    assert "1\u00a0articles" not in events and "2\u00a0articles" in events
    assert "1\u00a0bài\u00a0viết" in (built / "vi/su-kien/index.html").read_text(encoding="utf-8")
    assert "2020–2021" in events  # a membership known to the year shows no invented days


def test_long_lists_are_paginated_with_counterparts(tmp_path):
    root = copy_site(tmp_path / "site")
    config = (root / "site.yaml").read_text(encoding="utf-8").replace("page_size: 20", "page_size: 2")
    (root / "site.yaml").write_text(config, encoding="utf-8")
    build(root, search=False)
    site = root / "public"
    pages = sorted((site / "vi/bai-viet/trang").glob("*/index.html"))
    assert [p.parent.name for p in pages] == ["2", "3"]
    second = read_page(site / "vi/bai-viet/trang/2/index.html")
    assert second.switcher == "/en/articles/page/2/"
    assert second.hreflangs["en"] == BASE + "en/articles/page/2/"
    first = (site / "vi/bai-viet/index.html").read_text(encoding="utf-8")
    assert first.count('class="card-title"') == 2 and 'rel="next" href="/vi/bai-viet/trang/2/"' in first
    assert (site / "en/leaders/bui-thanh-son/page/2/index.html").is_file()


def test_pager_shows_first_last_and_nearby_pages(tmp_path):
    """A listing of many pages links the first, the last and two either side of the current
    page, with gaps between: a 600-page list does not put 600 links on every page."""
    root = copy_site(tmp_path / "site")
    config = (root / "site.yaml").read_text(encoding="utf-8").replace("page_size: 20", "page_size: 1")
    (root / "site.yaml").write_text(config, encoding="utf-8")
    for n in range(12):
        (root / "content" / f"extra-{n:02d}.md").write_text(
            f"---\ntitle: Bài số {n}\ndate: 2023-01-{n + 1:02d}\n---\nNội dung bài số {n} về hợp tác.\n",
            encoding="utf-8",
        )
    build(root, search=False)
    site = root / "public"
    pages = sorted(int(p.parent.name) for p in (site / "vi/bai-viet/trang").glob("*/index.html"))
    last = pages[-1]
    assert last >= 15 and pages == list(range(2, last + 1))

    def pager(number: int) -> list[str]:
        path = site / ("vi/bai-viet/index.html" if number == 1 else f"vi/bai-viet/trang/{number}/index.html")
        nav = path.read_text(encoding="utf-8").split('<nav class="pager"', 1)[1].split("</nav>", 1)[0]
        return re.findall(r">(\d+|…)<", nav)

    assert pager(7) == ["1", "…", "5", "6", "7", "8", "9", "…", str(last)]
    assert pager(1) == ["1", "2", "3", "…", str(last)]
    assert pager(last) == ["1", "…", str(last - 2), str(last - 1), str(last)]
    assert pager(4) == ["1", "2", "3", "4", "5", "6", "…", str(last)]


def test_a_supplied_title_is_shown_in_square_brackets_everywhere(scraped):
    built = scraped
    slug = "hoi-nghi-ngoai-giao-lan-thu-32-vao-nhung-ngay-cuoi-thang-12-khep"  # seed 002 has no title line
    shown = "[Hội nghị Ngoại giao lần thứ 32 vào những ngày cuối tháng 12 khép…]"
    page = (built / f"vi/bai-viet/{slug}/index.html").read_text(encoding="utf-8")
    assert "<h1" in page and f">{shown}</h1>" in page
    assert f"<title>{shown} — " in page
    assert f'<p class="citation"><span lang="vi">{shown}. ' in page  # cited as devised: no quotation marks
    headline = [
        json.loads(m)["headline"]
        for m in re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
        if "headline" in m
    ]
    assert headline == [shown]
    assert f">{shown}</a>" in (built / "vi/bai-viet/index.html").read_text(encoding="utf-8")  # a card
    entries = feedparser.parse((built / "vi/feed.xml").read_bytes()).entries
    assert shown in [e.title for e in entries]
    # Titles printed in the file are not marked.
    other = (built / "vi/bai-viet/viet-nam-coi-trong-hop-tac-da-phuong/index.html").read_text(encoding="utf-8")
    assert re.search(r"<h1[^>]*>[^\[<][^<]*</h1>", other)


MONTH_WORDS = "tháng|năm|January|February|March|April|May|June|July|August|September|October|November|December"
BROKEN_DATE = re.compile(rf"\\d (?:{MONTH_WORDS})|(?:{MONTH_WORDS}) \\d")


def test_no_shown_date_can_break_across_lines(built):
    """Dates (cards, facts, spans of events and offices) hold their words with no-break spaces."""
    seen = 0
    for page in html_pages(built):
        text = page.read_text(encoding="utf-8")
        shown = re.findall(r"<time[^>]*>([^<]*)</time>", text) + re.findall(r'class="span">([^<]*)<', text)
        seen += len(shown)
        assert not [d for d in shown if BROKEN_DATE.search(d)], page
    assert seen > 100


def test_citations_name_the_outlet_mark_translations_and_download(built):
    vi = (built / "vi/bai-viet/tiep-tuc-phat-huy-vai-tro-tien-phong-cua-doi-ngoai/index.html").read_text(
        encoding="utf-8"
    )
    assert (
        "“Tiếp tục phát huy vai trò tiên phong của đối ngoại.” Báo Nhân Dân. 22\u00a0tháng\u00a01\u00a0năm\u00a02022."
        in vi
    )
    assert '<meta name="citation_publisher" content="Báo Nhân Dân">' in vi
    assert '<meta name="citation_publication_date" content="2022/01/22">' in vi
    undated_outlet = (built / "vi/bai-viet/dat-duoc-o-muc-cao-tat-ca-cac-muc-tieu/index.html").read_text(
        encoding="utf-8"
    )
    assert (
        "Tháng\u00a09\u00a0năm\u00a02024. Bản lưu tại Lưu trữ Tin Ngoại giao." in undated_outlet
    )  # no outlet: none named
    assert 'name="citation_publisher"' not in undated_outlet
    for name in ("cite.ris", "cite.bib"):  # nor in the downloads: the archive never stands as publisher
        text = (built / "vi/bai-viet/dat-duoc-o-muc-cao-tat-ca-cac-muc-tieu" / name).read_text(encoding="utf-8")
        assert "PB  -" not in text and "publisher" not in text
        # the archive is named only as where the copy is held (RIS DB, the repository)
        assert [line for line in text.splitlines() if "Lưu trữ" in line] == (
            ["DB  - Lưu trữ Tin Ngoại giao"] if name == "cite.ris" else []
        )
    en = (built / "en/articles/viet-nam-values-multilateral-cooperation/index.html").read_text(encoding="utf-8")
    # A translation: by the original's author, marked once, with a pointer to its original.
    assert (
        "Hà Thu. “Viet Nam values multilateral cooperation.” Translation of “Việt Nam coi trọng hợp tác đa phương” "
        f"({BASE}vi/bai-viet/viet-nam-coi-trong-hop-tac-da-phuong/). 19\u00a0September\u00a02024. "
        "Copy held in Diplomatic News Archive." in en
    )
    assert en.count("Translation of") == 1 and "Translation." not in en
    ris = (built / "en/articles/viet-nam-values-multilateral-cooperation/cite.ris").read_text(encoding="utf-8")
    assert "N1  - Translation of “Việt Nam coi trọng hợp tác đa phương”" in ris
    bib = (built / "vi/bai-viet/viet-nam-coi-trong-hop-tac-da-phuong/cite.bib").read_text(encoding="utf-8")
    assert "author = {{Hà Thu}}" in bib  # one name, family name first, as printed
    for page in html_pages(built):
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"\d\stháng\s\d+,\s\d{4}", text), page  # one Vietnamese date form
        if 'class="citation"' in text:
            assert "bai-viet/" in str(page) or "articles/" in str(page)
            ris = page.parent / "cite.ris"
            bib = page.parent / "cite.bib"
            assert 'href="' in text and ris.is_file() and bib.is_file(), page
            assert ris.read_bytes().startswith(b"TY  - NEWS\r\n")
            assert bib.read_text(encoding="utf-8").startswith("@online{")


def test_a_leaders_name_in_the_other_language_says_its_language(built):
    page = (built / "en/leaders/to-lam/index.html").read_text(encoding="utf-8")
    assert '<p class="other-name" lang="vi">Tô Lâm</p>' in page


def test_leader_and_event_pages_are_paired_or_switch_to_the_other_index(built, tmp_path):
    """The sample's leader and event pages exist in both languages (a caption's bare title makes
    no one-language page); a page that exists in one language only switches to the other
    language's index of its section, saying so, never to the other home."""
    for vi, en in (("vi/lanh-dao", "en/leaders"), ("vi/su-kien", "en/events")):
        assert {p.name for p in (built / vi).iterdir()} == {p.name for p in (built / en).iterdir()}
    root = copy_site(tmp_path / "site")
    # The Vietnamese version names a leader and an event its translation leaves out.
    (root / "content" / "hoi-nghi-asean.md").write_text(
        "---\nkey: asean-note\nlang: vi\ntitle: Chủ tịch Quốc hội Vương Đình Huệ dự Hội nghị Cấp cao ASEAN lần thứ 43\n"
        "date: 2023-09-05\n---\nChủ tịch Quốc hội Vương Đình Huệ dự Hội nghị Cấp cao ASEAN lần thứ 43 tại Jakarta"
        " cùng lãnh đạo các nước thành viên, bàn về hợp tác khu vực.\n",
        encoding="utf-8",
    )
    (root / "content" / "en" / "asean-note.md").write_text(
        "---\nkey: asean-note\nlang: en\ntitle: A note on regional cooperation\ndate: 2023-09-05\n---\n"
        "Leaders of the member states met in Jakarta to discuss regional cooperation and trade.\n",
        encoding="utf-8",
    )
    build(root, search=False)
    site = root / "public"
    assert not (site / "en/leaders/vuong-dinh-hue").exists() and not (site / "en/events/asean-summit-43").exists()
    leader = site / "vi/lanh-dao/vuong-dinh-hue/index.html"
    assert read_page(leader).switcher == "/en/leaders/"
    assert "đến danh sách lãnh đạo" in leader.read_text(encoding="utf-8")
    event = site / "vi/su-kien/asean-summit-43/index.html"
    assert read_page(event).switcher == "/en/events/"
    assert "đến danh sách sự kiện" in event.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("page", "plain"),
    [
        ("vi/su-kien/party-congress-13/index.html", "Chưa có bài viết nào nói về sự kiện này"),
        ("en/events/party-congress-13/index.html", "No article is about this event yet"),
    ],
)
def test_an_event_only_mentioned_says_so_and_lists_the_mentions(built, page, plain):
    """No "0 articles / No articles yet" above the mentions, and no empty aside."""
    html = (built / page).read_text(encoding="utf-8")
    main = html.split('<main id="main">', 1)[1].split("</main>", 1)[0]
    assert plain in main and "0 bài viết" not in main and "0 articles" not in main
    assert "Chưa có bài viết nào." not in main and "No articles yet." not in main
    assert "<aside>" not in main
    assert main.index(plain) < main.index('class="mentioned"') and main.count('class="card"') >= 1


@pytest.mark.parametrize(("lang", "section"), [("vi", "su-kien"), ("en", "events")])
def test_an_events_dates_read_the_same_on_its_page_and_in_the_index(built, lang, section):
    """One formatter (plan/spans) for both: "19–21 December 2023" in the index and on the page."""
    index = (built / lang / section / "index.html").read_text(encoding="utf-8")
    checked = 0
    for row in index.split(f'<a href="/{lang}/{section}/')[1:]:
        slug = row.split("/", 1)[0]
        if '<span class="span">' not in row.split("</li>", 1)[0]:
            continue
        listed = row.split('<span class="span">', 1)[1].split("</span>", 1)[0]
        page = (built / lang / section / slug / "index.html").read_text(encoding="utf-8")
        assert f'<p class="span">{listed}</p>' in page, slug
        checked += 1
    assert checked >= 5
