"""The reading layout of the built sample in headless Chromium, on a phone (390 × 844) and at a
desktop width (1280 × 900): every page type fits the screen's width, the header stays small, an
article's lead is on the first screen, dates never wrap, lines keep a readable measure and the
navigation marks the page's section. Nothing is saved: measurements only."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
LONGEST_TITLE = "bo-truong-ngoai-giao-bui-thanh-son-tra-loi-phong-van-ve-chuyen-di-cua-chu-tich"
PAGES = {  # page type → (path, the section its navigation marks; None for a missing page)
    "home vi": ("/vi/", "Trang chủ"),
    "home en": ("/en/", "Home"),
    "article vi": (f"/vi/bai-viet/{LONGEST_TITLE}/", "Bài viết"),
    "article en": (
        "/en/articles/foreign-minister-bui-thanh-son-gives-an-interview-on-the-president-s-trip-to/",
        "Articles",
    ),
    "all articles": ("/vi/bai-viet/", "Bài viết"),
    "archive": ("/en/archive/", "Archive by date"),
    "archive month": ("/vi/luu-tru/2024/09/", "Lưu trữ theo ngày"),
    "archive month en": ("/en/archive/2023/12/", "Archive by date"),
    "leaders index": ("/vi/lanh-dao/", "Lãnh đạo"),
    "leader": ("/vi/lanh-dao/to-lam/", "Lãnh đạo"),
    "leader en": ("/en/leaders/bui-thanh-son/", "Leaders"),
    "events index": ("/vi/su-kien/", "Sự kiện"),
    "events index en": ("/en/events/", "Events"),
    "event": ("/vi/su-kien/unga-79/", "Sự kiện"),
    "series": ("/en/event-series/unga/", "Events"),
    "404": ("/vi/404.html", None),
    "404 en": ("/en/404.html", None),
    "root 404": ("/404.html", None),
}

# A date, a count, the access date: each on one line. A span of two dates ("8 October 2024 –
# 11 October 2024", "since 9 September 2025") may break only between them.
WRAPPED_DATES = """() => {
  const lines = (range) => new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top))).size;
  const wrapped = [];
  for (const el of document.querySelectorAll("time, .access-date, .count")) {
    const range = document.createRange();
    range.selectNodeContents(el);
    if (lines(range) > 1) wrapped.push(el.textContent);
  }
  for (const el of document.querySelectorAll(".span")) {
    const node = el.firstChild;
    if (!node || node.nodeType !== Node.TEXT_NODE) continue;
    let at = 0;
    for (const piece of node.textContent.split(/[ \u00a0]– /)) {
      const date = piece.replace(/^(since|từ)[ \u00a0]/, "");
      const range = document.createRange();
      range.setStart(node, at + piece.length - date.length);
      range.setEnd(node, at + piece.length);
      if (lines(range) > 1) wrapped.push(date);
      at += piece.length + 3;
    }
  }
  return wrapped;
}"""

# The most characters on one rendered line of any element matching the selector.
LONGEST_LINE = """(selector) => {
  let most = 0;
  for (const el of document.querySelectorAll(selector)) {
    const lines = new Map();
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const box = range.getClientRects()[0];
        if (box) lines.set(Math.round(box.top), (lines.get(Math.round(box.top)) || 0) + 1);
      }
    }
    for (const n of lines.values()) most = Math.max(most, n);
  }
  return most;
}"""


def open_page(browser, origin, path, viewport):
    context = browser.new_context(viewport=viewport)
    tab = context.new_page()
    tab.goto(origin + path)
    return context, tab


def box(tab, selector):
    return tab.locator(selector).first.bounding_box()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
@pytest.mark.parametrize("kind", list(PAGES))
def test_every_page_type_fits_and_marks_its_section(browser, origin, kind, viewport):
    path, section = PAGES[kind]
    context, tab = open_page(browser, origin, path, viewport)
    try:
        overflow = tab.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} is {overflow} px wider than the screen"
        current = tab.locator('.site-header nav [aria-current="page"]').all_inner_texts()
        assert current == ([section] if section else []), path
        assert tab.evaluate(WRAPPED_DATES) == [], path
    finally:
        context.close()


@pytest.mark.parametrize("path", ["/vi/", "/en/", f"/vi/bai-viet/{LONGEST_TITLE}/", "/en/events/", "/404.html"])
def test_the_phone_header_is_two_short_lines_with_the_language_switch_beside_the_name(browser, origin, path):
    context, tab = open_page(browser, origin, path, PHONE)
    try:
        header = box(tab, ".site-header")
        assert header["height"] <= 80, f"{path}: header {header['height']} px"
        brand, switcher = box(tab, ".brand"), box(tab, ".switcher")
        assert switcher["y"] < brand["y"] + brand["height"] and brand["y"] < switcher["y"] + switcher["height"]
        assert switcher["x"] + switcher["width"] <= PHONE["width"]
    finally:
        context.close()


@pytest.mark.parametrize(
    "path",
    [
        f"/vi/bai-viet/{LONGEST_TITLE}/",
        "/en/articles/foreign-minister-bui-thanh-son-gives-an-interview-on-the-president-s-trip-to/",
        "/vi/bai-viet/viet-nam-coi-trong-hop-tac-da-phuong/",
    ],
)
def test_an_article_on_a_phone_shows_its_lead_on_the_first_screen(browser, origin, path):
    """However long the title and however many leaders and events, the lead starts above the fold."""
    context, tab = open_page(browser, origin, path, PHONE)
    try:
        lead = box(tab, ".body p")
        line = tab.evaluate("() => parseFloat(getComputedStyle(document.querySelector('.body p')).lineHeight)")
        assert lead["y"] + 2 * line <= PHONE["height"], f"{path}: the lead starts at {lead['y']} px"
        facts = box(tab, ".facts")
        assert facts["height"] <= 260, f"{path}: the facts take {facts['height']} px"
        # The citation's access date, filled in by the page, stays on one line too.
        assert tab.locator(".access-date").evaluate("el => el.getClientRects().length") == 1
    finally:
        context.close()


@pytest.mark.parametrize(
    ("path", "selector"),
    [
        ("/vi/", ".card .summary"),
        ("/en/", ".card .summary"),
        ("/en/archive/2024/09/", ".card .summary"),
        ("/vi/lanh-dao/to-lam/", ".card .summary"),
        ("/en/articles/all-objectives-achieved-at-a-high-level/", ".body p"),
        ("/vi/bai-viet/viet-nam-coi-trong-hop-tac-da-phuong/", ".body p"),
        ("/en/articles/all-objectives-achieved-at-a-high-level/", ".related .summary"),
    ],
)
def test_lines_keep_a_readable_measure_at_desktop_width(browser, origin, path, selector):
    context, tab = open_page(browser, origin, path, DESKTOP)
    try:
        longest = tab.evaluate(LONGEST_LINE, selector)
        assert 40 <= longest <= 80, f"{path} {selector}: {longest} characters on a line"
    finally:
        context.close()


@pytest.mark.parametrize("path", ["/vi/tim-kiem/?q=vi%E1%BB%87t+nam", "/en/search/?q=viet+nam"])
def test_search_excerpts_keep_a_readable_measure_at_desktop_width(browser, origin, path):
    context, tab = open_page(browser, origin, path, DESKTOP)
    try:
        tab.locator('#search-results[aria-busy="false"]').wait_for(state="attached", timeout=15000)
        assert tab.locator(".result-excerpt").count() >= 2
        longest = tab.evaluate(LONGEST_LINE, ".result-excerpt")
        assert 40 <= longest <= 80, f"{path}: {longest} characters on a line"
    finally:
        context.close()
