"""The built site in a real headless Chromium (Debian's /usr/bin/chromium), served on 127.0.0.1.

Skipped locally when Chromium is missing; in CI (CI=true) a missing browser fails instead.
"""

from __future__ import annotations

import shutil

import pytest

from conftest import copy_site, serve
from diparchive.build.pipeline import build

pytestmark = pytest.mark.browser


def test_vietnamese_home_lists_the_five_seeds(page, origin):
    page.goto(f"{origin}/")
    page.wait_for_url(f"{origin}/vi/")
    assert page.locator("html").get_attribute("lang") == "vi"
    titles = page.locator(".latest .card-title").all_inner_texts()
    assert len(titles) == 5
    assert "Việt Nam coi trọng hợp tác đa phương" in titles
    assert "Đạt được ở mức cao tất cả các mục tiêu" in titles


def test_english_home_lists_translations_and_marks_the_rest(page, origin):
    page.goto(f"{origin}/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    titles = page.locator(".latest .card-title").all_inner_texts()
    assert {
        "Viet Nam values multilateral cooperation",
        "All objectives achieved at a high level",
        "Carrying on the pioneering role of external affairs",
    } <= set(titles)
    assert page.locator(".latest .only-in").count() == 0  # every story of the sample is in English


def test_an_untranslated_story_is_marked_on_the_english_home(page, scraped):
    server, url = serve(scraped)
    try:
        page.goto(f"{url}/en/")
        assert page.locator(".latest .only-in").count() == 1
    finally:
        server.shutdown()


def test_reader_reaches_translation_leader_and_month_within_two_clicks(page, origin):
    page.goto(f"{origin}/en/")
    page.get_by_role("link", name="Viet Nam values multilateral cooperation").first.click()
    page.get_by_role("link", name="Tiếng Việt").click()
    assert page.url.endswith("/vi/bai-viet/viet-nam-coi-trong-hop-tac-da-phuong/")
    assert page.locator("h1").inner_text() == "Việt Nam coi trọng hợp tác đa phương"
    page.locator(".facts").get_by_role("link", name="Tô Lâm").click()
    assert page.url.endswith("/vi/lanh-dao/to-lam/")
    assert "Tổng Bí thư" in page.locator(".roles").inner_text()


SEED_000 = "Bộ trưởng Ngoại giao Bùi Thanh Sơn trả lời phỏng vấn về chuyến đi của Chủ tịch nước và Đoàn đại biểu cấp cao Việt Nam đến Cuba và New York"
SEED_001 = "Việt Nam coi trọng hợp tác đa phương"
SEED_003 = "Đạt được ở mức cao tất cả các mục tiêu"


def search_titles(page, url: str) -> list[str]:
    """Open a search URL (?q=…) and return the result titles once they have settled."""
    page.goto(url)
    page.locator(".pagefind-ui__result-link").first.wait_for(timeout=15000)
    page.wait_for_function(
        "() => !document.querySelector('.pagefind-ui__result-link.pagefind-ui__loading, .pagefind-ui__result-title.pagefind-ui__loading')"
    )
    page.wait_for_timeout(300)  # results render in batches
    return page.locator(".pagefind-ui__result-link").all_inner_texts()


@pytest.mark.parametrize("query", ["to lam", "Tô Lâm", "TO LAM"])
def test_leader_name_with_or_without_diacritics(page, origin, query):
    titles = search_titles(page, f"{origin}/vi/tim-kiem/?q={query}")
    assert set(titles[:2]) == {SEED_001, SEED_003}


@pytest.mark.parametrize(
    "query",
    [
        "lien hop quoc khoa 76",
        "Liên Hợp Quốc khóa 76",
        "dai hoi dong lien hop quoc khoa 76",
        "Đại hội đồng Liên Hợp Quốc khoá 76",
    ],
)
def test_un_general_assembly_session_with_or_without_diacritics_and_d_bar(page, origin, query):
    assert search_titles(page, f"{origin}/vi/tim-kiem/?q={query}")[0] == SEED_000


def test_d_typed_for_d_bar_finds_what_d_bar_finds(page, origin):
    with_bar = search_titles(page, f"{origin}/vi/tim-kiem/?q=Đảng Cộng sản Cuba")
    typed = search_titles(page, f"{origin}/vi/tim-kiem/?q=dang cong san cuba")
    assert with_bar[0] == typed[0] == SEED_000
    assert set(with_bar) <= set(typed)
    assert set(search_titles(page, f"{origin}/vi/tim-kiem/?q=đảng")) <= set(
        search_titles(page, f"{origin}/vi/tim-kiem/?q=dang")
    )


def test_a_filter_narrows_the_results(page, origin):
    titles = search_titles(page, f"{origin}/vi/tim-kiem/?q=cuba")
    assert set(titles) == {SEED_000, SEED_001}
    page.get_by_role("checkbox", name="Tô Lâm").check()
    page.wait_for_function("() => document.querySelectorAll('.pagefind-ui__result-link').length === 1")
    assert page.locator(".pagefind-ui__result-link").all_inner_texts() == [SEED_001]
    page.get_by_role("checkbox", name="Tô Lâm").uncheck()
    page.locator('input[name="Năm"][value="2021"]').check()
    page.wait_for_function("() => document.querySelectorAll('.pagefind-ui__result-link').length === 1")
    assert page.locator(".pagefind-ui__result-link").all_inner_texts() == [SEED_000]


def test_results_show_date_and_leaders(page, origin):
    search_titles(page, f"{origin}/vi/tim-kiem/?q=Abdala")
    tags = page.locator(".pagefind-ui__result-tag").all_inner_texts()
    assert "Ngày đăng: 27 tháng 9 năm 2021" in tags
    assert any(t.startswith("Lãnh đạo: Bùi Thanh Sơn") for t in tags)


def test_newest_first_orders_by_date_and_stays_in_the_url(page, origin):
    assert search_titles(page, f"{origin}/vi/tim-kiem/?q=cuba&order=newest") == [SEED_001, SEED_000]
    page.select_option("#search-order", "relevance")
    page.wait_for_url(lambda url: "order=" not in url)
    assert page.url.endswith("?q=cuba")
    page.locator(".pagefind-ui__result-link").first.wait_for(timeout=15000)
    page.select_option("#search-order", "newest")
    page.wait_for_url(lambda url: "order=newest" in url)
    page.wait_for_function("() => document.querySelectorAll('.pagefind-ui__result-link').length === 2")
    assert page.locator(".pagefind-ui__result-link").all_inner_texts() == [SEED_001, SEED_000]
    page.locator(".pagefind-ui__search-input").fill("abdala")
    page.wait_for_url(lambda url: "q=abdala" in url and "order=newest" in url)


def test_english_search_page_searches_the_english_index_only(page, origin):
    page.goto(f"{origin}/en/search/?q=Cuba")
    page.locator(".pagefind-ui__result-link").first.wait_for(timeout=15000)
    page.wait_for_timeout(300)
    hrefs = [a.get_attribute("href") for a in page.locator(".pagefind-ui__result-link").all()]
    assert hrefs and all(h.startswith("/en/articles/") for h in hrefs)
    assert page.locator(".pagefind-ui__search-input").get_attribute("placeholder") == "Search the archive"
    # a Vietnamese-only word finds nothing on the English side
    page.goto(f"{origin}/en/search/?q=phỏng")
    page.locator(".pagefind-ui__message").wait_for(timeout=15000)
    page.wait_for_timeout(300)
    assert page.locator(".pagefind-ui__result-link").count() == 0


def test_vietnamese_interface_strings(page, origin):
    page.goto(f"{origin}/vi/tim-kiem/?q=cuba")
    page.locator(".pagefind-ui__message").wait_for(timeout=15000)
    assert page.locator(".pagefind-ui__search-input").get_attribute("placeholder") == "Tìm trong kho lưu trữ"
    page.wait_for_function("() => /kết quả cho cuba/.test(document.querySelector('.pagefind-ui__message').textContent)")
    page.locator(".pagefind-ui__filter-name").first.wait_for(timeout=15000)  # the filter pane follows the results
    assert "Lãnh đạo" in page.locator(".pagefind-ui__filter-name").all_inner_texts()


def test_search_finds_an_article_by_a_word_from_its_body(page, origin):
    page.goto(f"{origin}/vi/tim-kiem/")
    page.locator(".pagefind-ui__search-input").fill("Abdala")
    result = page.locator(".pagefind-ui__result-link").first
    result.wait_for(timeout=15000)
    assert "Bộ trưởng Ngoại giao Bùi Thanh Sơn trả lời phỏng vấn" in result.inner_text()


def test_search_from_the_header_box_in_english(page, origin):
    page.goto(f"{origin}/en/")
    page.locator(".quick-search input").fill("Columbia")
    page.locator(".quick-search button").click()
    result = page.locator(".pagefind-ui__result-link").first
    result.wait_for(timeout=15000)
    assert result.inner_text() == "All objectives achieved at a high level"
    assert result.get_attribute("href") == "/en/articles/all-objectives-achieved-at-a-high-level/"


def test_everything_but_search_works_without_javascript(browser, origin):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(f"{origin}/vi/luu-tru/")
    tab.get_by_role("link", name="2024", exact=True).click()
    tab.get_by_role("link", name="Tháng 9").click()
    assert tab.url.endswith("/vi/luu-tru/2024/09/")
    assert tab.locator(".card-title").count() == 2
    tab.goto(f"{origin}/vi/tim-kiem/")
    assert "Tìm kiếm cần JavaScript" in tab.locator("main").inner_text()
    context.close()


def test_citation_gets_todays_access_date(page, origin):
    page.goto(f"{origin}/en/articles/viet-nam-values-multilateral-cooperation/")
    text = page.locator(".access-date").inner_text()
    assert text != "[access date]" and any(ch.isdigit() for ch in text)


def test_search_works_under_a_sub_path(browser, tmp_path_factory):
    root = copy_site(tmp_path_factory.mktemp("subpath") / "site")
    config = (
        (root / "site.yaml")
        .read_text(encoding="utf-8")
        .replace("https://archive.example.org/", "https://example.org/archive/")
    )
    (root / "site.yaml").write_text(config, encoding="utf-8")
    build(root)
    host = root.parent / "host"
    shutil.copytree(root / "public", host / "archive")
    server, url = serve(host)
    try:
        context = browser.new_context()
        tab = context.new_page()
        tab.goto(f"{url}/archive/en/search/?q=Cuba")
        result = tab.locator(".pagefind-ui__result-link").first
        result.wait_for(timeout=15000)
        assert result.get_attribute("href").startswith("/archive/en/articles/")
        result.click()
        assert tab.locator("h1").is_visible()
        context.close()
    finally:
        server.shutdown()
