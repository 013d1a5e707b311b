"""The search page of the built sample in headless Chromium, as a reader uses it: what a query
finds and in which order, what is highlighted, the filters, the phone layout; both languages."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

import pytest

pytestmark = pytest.mark.browser

SEED_000 = "Bộ trưởng Ngoại giao Bùi Thanh Sơn trả lời phỏng vấn về chuyến đi của Chủ tịch nước và Đoàn đại biểu cấp cao Việt Nam đến Cuba và New York"
SEED_001 = "Việt Nam coi trọng hợp tác đa phương"
SEED_003 = "Đạt được ở mức cao tất cả các mục tiêu"
VI_ARTICLES = 5  # Vietnamese articles in the sample


def fold(text: str) -> str:
    """Lower case, without tone and vowel marks, đ as d."""
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return bare.replace("đ", "d").replace("Đ", "D").lower()


def words(text: str) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFC", text))


def search_url(origin: str, lang: str, query: str) -> str:
    path = "/vi/tim-kiem/" if lang == "vi" else "/en/search/"
    return f"{origin}{path}?q={quote(query)}"


def settle(page) -> None:
    page.locator('#search-results[aria-busy="false"]').wait_for(state="attached", timeout=15000)


def results(page, url: str) -> list[dict]:
    """Open a search URL and return each result: title, href, excerpt text, highlighted words."""
    page.goto(url)
    settle(page)
    return page.eval_on_selector_all(
        ".search-result",
        """items => items.map(li => ({
            title: li.querySelector('.result-link').textContent,
            href: li.querySelector('.result-link').getAttribute('href'),
            excerpt: li.querySelector('.result-excerpt').textContent,
            marks: [...li.querySelectorAll('mark')].map(m => m.textContent),
        }))""",
    )


def titles(page, url: str) -> list[str]:
    return [r["title"] for r in results(page, url)]


def article_text(page, origin: str, href: str) -> str:
    """The text of an article page that the search index reads (data-pagefind-body)."""
    page.goto(origin + href)
    return page.eval_on_selector(
        "[data-pagefind-body]",
        """body => { const copy = body.cloneNode(true);
            copy.querySelectorAll('[data-pagefind-ignore]').forEach(e => e.remove());
            return copy.textContent; }""",
    )


def test_a_name_typed_with_tones_finds_the_articles_naming_him(page, origin):
    assert set(titles(page, search_url(origin, "vi", "Tô Lâm"))) == {SEED_001, SEED_003}
    assert set(titles(page, search_url(origin, "vi", "Lâm"))) == {SEED_001, SEED_003}
    assert page.locator("#search-message").inner_text() == "2 kết quả cho Lâm"


def test_every_word_of_a_query_typed_with_tones_is_taken_as_typed(page, origin):
    """ "Hoa Kỳ": "hoa" is not "hòa" (hòa bình), "kỳ" alone is not the name; "Việt Nam": not "năm"."""
    assert set(titles(page, search_url(origin, "vi", "Hoa Kỳ"))) == {SEED_000, SEED_001}
    for query in ("Hoa Kỳ", "Việt Nam"):
        typed = {w.lower() for w in words(query)}
        found = results(page, search_url(origin, "vi", query))
        assert found and all(r["marks"] for r in found), query
        for r in found:
            assert {m.lower() for m in r["marks"]} <= typed, (query, r["title"], r["marks"])


def test_a_name_typed_without_tones_matches_every_form_and_puts_the_name_first(page, origin):
    found = titles(page, search_url(origin, "vi", "to lam"))
    assert len(found) == VI_ARTICLES  # "tổ", "làm", … are matches too
    assert set(found[:2]) == {SEED_001, SEED_003}
    assert set(titles(page, search_url(origin, "vi", "TO LAM"))[:2]) == {SEED_001, SEED_003}


def test_the_tone_mark_may_sit_on_either_vowel(page, origin):
    """ "khoá" and "khóa" are the same word (old and new placement of the tone)."""
    assert titles(page, search_url(origin, "vi", "Đại hội đồng Liên Hợp Quốc khoá 76"))[0] == SEED_000
    assert titles(page, search_url(origin, "vi", "Liên Hợp Quốc khóa 76"))[0] == SEED_000
    assert titles(page, search_url(origin, "vi", "lien hop quoc khoa 76"))[0] == SEED_000


@pytest.mark.parametrize(("query", "phrase"), [("dai hoi dong", "Đại hội đồng"), ("doi ngoai", "đối ngoại")])
def test_d_typed_for_d_bar_finds_the_words_with_d_bar(page, origin, built, query, phrase):
    found = results(page, search_url(origin, "vi", query))
    having = set()
    for path in (built / "vi" / "bai-viet").glob("*/index.html"):
        html = path.read_text(encoding="utf-8")
        if phrase.lower() in html.lower():
            having.add(re.search(r'data-pagefind-meta="title">([^<]*)<', html).group(1))
    assert having and having <= {r["title"] for r in found}
    assert found[0]["title"] in having
    assert phrase.lower() in found[0]["excerpt"].lower()


def test_d_bar_typed_is_found_as_typed_and_d_finds_as_much(page, origin):
    with_bar = titles(page, search_url(origin, "vi", "Đảng Cộng sản Cuba"))
    typed = titles(page, search_url(origin, "vi", "dang cong san cuba"))
    assert with_bar[0] == typed[0] == SEED_000
    assert set(with_bar) <= set(typed)
    assert set(titles(page, search_url(origin, "vi", "đảng"))) <= set(titles(page, search_url(origin, "vi", "dang")))


QUERIES = {
    "vi": ["Tô Lâm", "to lam", "dai hoi dong", "doi ngoai", "Lâm", "Bùi Thanh Sơn", "cuba"],
    "en": ["To Lam", "Cuba", "General Assembly", "Bui Thanh Son"],
}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_what_lights_up_is_what_the_reader_typed_in_the_article_s_own_text(page, origin, lang):
    marks, typed_marks, shown = 0, 0, 0
    for query in QUERIES[lang]:
        typed = {fold(w) for w in words(query)}
        found = results(page, search_url(origin, lang, query))
        assert found, query
        for r in found:
            marks += len(r["marks"])
            typed_marks += sum(fold(m) in typed for m in r["marks"])
            shown += 1
            text = article_text(page, origin, r["href"])
            page_words = set(words(text))
            assert all(m in page_words for m in r["marks"]), (query, r["title"], r["marks"])
            # the excerpt is a run of the article's own words
            excerpt = " ".join(words(r["excerpt"]))
            assert excerpt in " ".join(words(text)), (query, r["title"], r["excerpt"])
            assert r["marks"], (query, r["title"])
    assert shown and marks
    assert typed_marks / marks >= 0.95


def test_no_prefix_lights_up(page, origin):
    """ "to" is not "tổng" nor "toàn": a Vietnamese word is one syllable."""
    for r in results(page, search_url(origin, "vi", "to lam")):
        assert {fold(m) for m in r["marks"]} <= {"to", "lam"}, r


@pytest.mark.parametrize(
    ("lang", "query", "groups"),
    [
        ("vi", "Tô Lâm", ["Lãnh đạo", "Sự kiện", "Năm", "Quốc gia", "Loại văn bản"]),
        ("en", "Cuba", ["Leader", "Event", "Year", "Country", "Document type"]),
    ],
)
def test_filter_groups_render_on_every_load(browser, origin, lang, query, groups):
    """Whatever arrives first, the index's filters or the results, every group is there."""
    import time

    context = browser.new_context()
    tab = context.new_page()
    url = search_url(origin, lang, query)
    slow = {"part": ""}

    def late(route):  # one kind of file held back, so that it arrives after the others
        if slow["part"] and f"/{slow['part']}/" in route.request.url:
            time.sleep(0.3)
        route.continue_()

    tab.route("**/pagefind/**", late)
    for n in range(30 if lang == "vi" else 10):
        slow["part"] = ("", "filter", "index", "fragment")[n % 4]
        tab.goto(url)
        settle(tab)
        assert tab.locator(".filter-name").all_inner_texts() == groups, slow
    context.close()


def test_a_filter_narrows_the_results(page, origin):
    assert set(titles(page, search_url(origin, "vi", "cuba"))) == {SEED_000, SEED_001}
    page.get_by_role("checkbox", name="Tô Lâm").check()
    page.wait_for_function("() => document.querySelectorAll('.result-link').length === 1")
    assert page.locator(".result-link").all_inner_texts() == [SEED_001]
    page.get_by_role("checkbox", name="Tô Lâm").uncheck()
    page.locator('input[name="Năm"][value="2021"]').check()
    page.wait_for_function("() => document.querySelectorAll('.result-link').length === 1")
    assert page.locator(".result-link").all_inner_texts() == [SEED_000]
    assert page.locator("#search-message").inner_text() == "1 kết quả cho cuba"
    page.locator('input[name="Năm"][value="2021"]').uncheck()
    # "Quốc gia / Country" and the document type filter too.
    page.locator('input[name="Quốc gia"][value="Hoa Kỳ"]').check()
    page.locator(".filter-name", has_text="Loại văn bản").click()  # a group shown closed
    page.locator('input[name="Loại văn bản"][value="Phỏng vấn"]').check()
    page.wait_for_function("() => document.querySelectorAll('.result-link').length === 1")
    assert page.locator(".result-link").all_inner_texts() == [SEED_000]


def test_results_show_date_and_leaders(page, origin):
    results(page, search_url(origin, "vi", "Abdala"))
    tags = page.locator(".result-tag").all_inner_texts()
    assert tags[0] == "Ngày đăng: 27\u00a0tháng\u00a09\u00a0năm\u00a02021"
    assert any(t.startswith("Lãnh đạo: Bùi Thanh Sơn") for t in tags)


def test_newest_first_orders_by_date_and_stays_in_the_url(page, origin):
    assert titles(page, search_url(origin, "vi", "cuba") + "&order=newest") == [SEED_001, SEED_000]
    assert page.locator("#search-order").input_value() == "newest"
    page.select_option("#search-order", "relevance")
    page.wait_for_url(lambda url: "order=" not in url)
    page.select_option("#search-order", "newest")
    page.wait_for_url(lambda url: "order=newest" in url)
    assert page.locator(".result-link").all_inner_texts() == [SEED_001, SEED_000]
    page.locator("#search-q").fill("abdala")
    page.wait_for_url(lambda url: "q=abdala" in url and "order=newest" in url)
    page.wait_for_function("() => document.querySelectorAll('.result-link').length === 1")


def test_english_search_page_searches_the_english_index_only(page, origin):
    found = results(page, search_url(origin, "en", "Cuba"))
    assert found and all(r["href"].startswith("/en/articles/") for r in found)
    assert page.locator("#search-q").get_attribute("placeholder") == "Search the archive"
    assert results(page, search_url(origin, "en", "phỏng")) == []  # a Vietnamese-only word
    assert page.locator("#search-message").inner_text() == "No results for phỏng"


def test_typing_searches_and_the_url_follows(page, origin):
    page.goto(f"{origin}/vi/tim-kiem/")
    page.locator("#search-q").fill("Abdala")
    page.locator(".result-link").first.wait_for(timeout=15000)
    assert page.locator(".result-link").first.inner_text() == SEED_000
    page.wait_for_url(lambda url: "q=Abdala" in url)


def test_search_from_the_header_box_in_english(page, origin):
    page.goto(f"{origin}/en/")
    page.locator(".quick-search input").fill("Columbia")
    page.locator(".quick-search button").click()
    result = page.locator(".result-link").first
    result.wait_for(timeout=15000)
    assert result.inner_text() == "All objectives achieved at a high level"
    assert result.get_attribute("href") == "/en/articles/all-objectives-achieved-at-a-high-level/"


def _geometry(tab) -> dict:
    return tab.evaluate(
        """() => {
        const visible = e => e && e.offsetParent !== null && getComputedStyle(e).visibility !== 'hidden';
        const first = document.querySelector('.search-result');
        return {
            overflow: document.documentElement.scrollWidth - window.innerWidth,
            boxes: [...document.querySelectorAll('input[type=search]')].filter(visible).length,
            first: first ? first.getBoundingClientRect().top : null,
            firstBottom: first ? first.querySelector('.result-excerpt').getBoundingClientRect().top : null,
            filters: visible(document.querySelector('.search-filters')),
            toggle: visible(document.querySelector('#search-filter-toggle')),
            order: visible(document.querySelector('#search-order')),
            indents: [...document.querySelectorAll('.search-filters input[type=checkbox]')]
                .filter(visible).map(e => Math.round(e.getBoundingClientRect().left)),
        };
    }"""
    )


@pytest.mark.parametrize(("lang", "query", "toggle"), [("vi", "Tô Lâm", "Lọc"), ("en", "Cuba", "Filter")])
def test_phone_layout_puts_results_first_and_filters_under_a_control(browser, origin, lang, query, toggle):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True)
    tab = context.new_page()
    tab.goto(search_url(origin, lang, query))
    settle(tab)
    g = _geometry(tab)
    assert g["overflow"] <= 0
    assert g["boxes"] == 1
    assert g["first"] is not None and g["firstBottom"] < 844  # the first result, excerpt included, above the fold
    assert not g["filters"] and g["toggle"] and g["order"]
    button = tab.locator("#search-filter-toggle")
    assert button.inner_text().startswith(toggle) and button.get_attribute("aria-expanded") == "false"
    button.click()
    assert button.get_attribute("aria-expanded") == "true"
    g = _geometry(tab)
    assert g["filters"] and g["overflow"] <= 0 and len(set(g["indents"])) == 1
    context.close()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_desktop_layout_has_one_box_a_styled_order_and_even_filters(browser, origin, lang):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.goto(search_url(origin, lang, "cuba"))
    settle(tab)
    g = _geometry(tab)
    assert g["overflow"] <= 0 and g["boxes"] == 1
    assert g["filters"] and not g["toggle"] and g["order"]
    assert len(g["indents"]) >= 3 and len(set(g["indents"])) == 1
    # the order control sits below the query box, beside the result count
    box = tab.locator("#search-q").bounding_box()
    order = tab.locator("#search-order").bounding_box()
    assert order["y"] > box["y"] + box["height"]
    assert tab.locator("#search-order").evaluate("e => getComputedStyle(e).borderTopStyle") == "solid"
    context.close()


def test_content_is_shown_as_text_never_as_markup(page, origin):
    """Excerpts are built from text nodes: the page holds no markup of the article's making."""
    results(page, search_url(origin, "vi", "cuba"))
    assert page.locator(".result-excerpt *:not(mark)").count() == 0


def test_a_large_result_set_is_read_as_it_is_shown(page, origin):
    """Above a few hundred candidates the page reads only the results it shows (here: made to
    do so from the second candidate on); the order, highlights and filters hold."""

    def fewer_read(route):
        body = route.fetch().text().replace('id="search-options"', 'id="search-options" data-read-all="1"')
        route.fulfill(body=body, content_type="text/html; charset=utf-8")

    page.route("**/vi/tim-kiem/*", fewer_read)
    found = results(page, search_url(origin, "vi", "to lam"))
    assert set(r["title"] for r in found[:2]) == {SEED_001, SEED_003}
    assert all({fold(m) for m in r["marks"]} <= {"to", "lam"} and r["marks"] for r in found)
    assert page.locator(".filter-name").all_inner_texts()[:3] == ["Lãnh đạo", "Sự kiện", "Năm"]
    page.get_by_role("checkbox", name="Nguyễn Phú Trọng").check()
    page.wait_for_function("() => document.querySelectorAll('.result-link').length === 1")


def test_tones_that_match_nothing_fall_back_to_the_words_without_them_and_say_so(page, origin):
    found = results(page, search_url(origin, "vi", "Tố Lắm"))  # no article has these tones
    assert set(r["title"] for r in found[:2]) == {SEED_001, SEED_003}
    message = page.locator("#search-message").inner_text()
    assert message == f"Không có kết quả cho Tố Lắm đúng dấu đã gõ; kết quả khi bỏ dấu: {len(found)}"


def test_a_word_with_uye_and_its_tone_is_found_as_typed(page, origin):
    """ "Nguyễn", "chuyến": the tone sits on the ê of "uyê"; the word typed is searched as typed."""
    for query in ("Nguyễn", "chuyến"):
        assert titles(page, search_url(origin, "vi", query)), query
        assert "đúng dấu đã gõ" not in page.locator("#search-message").inner_text(), query


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_hyphenated_name_is_found_whole_or_in_parts(page, origin, lang):
    whole = set(titles(page, search_url(origin, lang, "Diaz-Canel")))
    assert whole and whole == set(titles(page, search_url(origin, lang, "Diaz Canel")))


def test_a_count_from_unread_candidates_is_said_to_be_a_bound_until_all_are_read(page, origin):
    """Above the read-all limit (here made 1, one result a page) the count is Pagefind's
    candidates, more than the whole words typed may match: "Tối đa N kết quả", filter counts
    marked "≤"; once every candidate has been read as shown, the exact count."""

    def fewer_read(route):
        body = (
            route.fetch().text().replace('id="search-options"', 'id="search-options" data-read-all="1" data-page="1"')
        )
        route.fulfill(body=body, content_type="text/html; charset=utf-8")

    page.route("**/vi/tim-kiem/*", fewer_read)
    results(page, search_url(origin, "vi", "to lam"))
    message = page.locator("#search-message").inner_text()
    bound = int(message.split()[2])
    assert message == f"Tối đa {bound} kết quả cho to lam (chưa đọc hết, các kết quả được kiểm tra khi hiện ra)"
    counts = page.locator(".filter-count").all_text_contents()
    assert counts and all(c.startswith("≤\u00a0") for c in counts), counts
    shown = page.locator(".search-result").count()
    while page.locator("#search-more").get_attribute("hidden") is None:
        page.locator("#search-more").click()
        page.wait_for_function(
            "n => document.querySelectorAll('.search-result').length > n"
            " || document.getElementById('search-more').hidden",
            arg=shown,
        )
        shown = page.locator(".search-result").count()
    assert 2 <= shown <= bound
    assert page.locator("#search-message").inner_text() == f"{shown} kết quả cho to lam"
