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
        result = tab.locator(".result-link").first
        result.wait_for(timeout=15000)
        assert result.get_attribute("href").startswith("/archive/en/articles/")
        result.click()
        assert tab.locator("h1").is_visible()
        context.close()
    finally:
        server.shutdown()
