"""Pages that wrap an article in something else: a consent banner over the headline, a live
blog's entry stamps between its entries, a date printed after the body (layouts written here,
in vi and en)."""

from __future__ import annotations

import pytest

from diparchive.read.prune import CONSENT_BANNER, ENTRY_STAMP, consent_banner, entry_stamps
from scrapes import read_scrape as _read

HEADLINE_EN = "Vietnam and Chile agree to widen farm trade ties"
LEAD_EN = (
    "Vietnam and Chile on Tuesday agreed to widen trade in farm produce and seafood, Deputy Prime Minister "
    "Tran Hong Ha said after talks in Santiago with his Chilean counterpart."
)
SECOND_EN = (
    "The two sides also discussed cooperation in mining, renewable energy and higher education, and agreed to "
    "hold the next session of their joint committee in Hanoi."
)
HEADLINE_VI = "Phó Thủ tướng Trần Hồng Hà hội đàm với Bộ trưởng Ngoại giao Chi-lê"
LEAD_VI = (
    "Chiều 14/10, tại Santiago, Phó Thủ tướng Trần Hồng Hà đã hội đàm với Bộ trưởng Ngoại giao Chi-lê nhân dịp "
    "thăm chính thức nước này."
)
SECOND_VI = (
    "Hai bên nhất trí thúc đẩy hợp tác trong các lĩnh vực nông nghiệp, khai khoáng, năng lượng tái tạo và giáo "
    "dục đại học, sớm tổ chức kỳ họp Ủy ban hỗn hợp tại Hà Nội."
)
THIRD_VI = "Phó Thủ tướng mời Bộ trưởng sớm thăm Việt Nam; Bộ trưởng vui vẻ nhận lời."


def _reasons(article) -> dict[str, str]:
    return {r.text: r.reason for r in article.removed}


# A consent banner at the top ----------------------------------------------------------------

BANNER_EN = [
    "Your privacy matters to us",
    "This site and its advertising partners use cookies and similar technologies to store and/or access "
    "information on your device, to show personalised ads and to measure how the pages are read.",
    "You can withdraw your consent or change your choices at any time from the privacy link at the foot of each page.",
    "Precise location data",
    "Audience statistics",
    "Manage options",
    "Reject all",
    "Accept all",
]
BANNER_VI = [
    "Trang web sử dụng cookie và dữ liệu cá nhân của bạn để cá nhân hóa quảng cáo, đo lường lượt đọc và cải "
    "thiện trải nghiệm. Bạn có thể thay đổi lựa chọn trong chính sách quyền riêng tư.",
    "Chấp nhận tất cả",
    "Cài đặt",
]


def test_an_english_consent_banner_is_left_out_before_the_headline_is_read(tmp_path, reader):
    lines = [*BANNER_EN, HEADLINE_EN, "14/10/2025 | 08:15", LEAD_EN, SECOND_EN]
    article = _read(tmp_path, reader, lines)
    assert article.title == HEADLINE_EN
    assert (article.date.year, article.date.month, article.date.day) == (2025, 10, 14)
    assert article.body[0].text == LEAD_EN
    assert [b.text for b in article.body] == [LEAD_EN, SECOND_EN]
    reasons = _reasons(article)
    assert all(reasons[line] == CONSENT_BANNER for line in BANNER_EN)
    assert not any("boilerplate" in w.message for w in article.warnings)  # a banner is surely no text of it


def test_a_vietnamese_consent_banner_over_a_menu_is_left_out(tmp_path, reader):
    lines = [*BANNER_VI, "Trang chủ", "Thời sự", "Thế giới", HEADLINE_VI, "Thứ Ba, 14/10/2025 08:15"]
    article = _read(tmp_path, reader, [*lines, LEAD_VI, SECOND_VI, THIRD_VI])
    assert article.title == HEADLINE_VI
    assert (article.date.year, article.date.month, article.date.day) == (2025, 10, 14)
    assert [b.text for b in article.body] == [LEAD_VI, SECOND_VI, THIRD_VI]
    assert all(_reasons(article)[line] == CONSENT_BANNER for line in BANNER_VI)


def test_consent_banner_needs_its_buttons_and_its_own_paragraph():
    # No buttons: a text about cookies is no banner.
    assert consent_banner(BANNER_EN[:5] + [HEADLINE_EN, LEAD_EN]) is None
    # Buttons under a heading only: no paragraph of consent, no banner.
    assert consent_banner(["Your privacy matters to us", "Accept all", HEADLINE_EN, LEAD_EN]) is None
    assert consent_banner([*BANNER_EN, HEADLINE_EN, LEAD_EN]) == (0, len(BANNER_EN) - 1)
    # Under the article's first paragraph, the page's text has begun: a banner is looked for above it.
    assert consent_banner([HEADLINE_EN, LEAD_EN, *BANNER_EN]) is None


def test_an_article_about_data_privacy_is_not_a_banner(tmp_path, reader):
    lead = (
        "Chiều 14/10, Quốc hội đã thông qua Luật Bảo vệ dữ liệu cá nhân, trong đó quy định rõ quyền riêng tư của "
        "người dùng và trách nhiệm của doanh nghiệp khi dùng cookie để quảng cáo."
    )
    second = "Luật gồm 8 chương, 68 điều, có hiệu lực từ ngày 1/1/2026, áp dụng với cả tổ chức nước ngoài."
    title = "Quốc hội thông qua Luật Bảo vệ dữ liệu cá nhân"
    article = _read(tmp_path, reader, [title, "14/10/2025 16:20", lead, second, "Đồng ý", "Chia sẻ"])
    assert article.title == title
    assert article.body[0].text == lead
    assert CONSENT_BANNER not in _reasons(article).values()


# A live blog's entry stamps --------------------------------------------------------------------

ENTRY_1 = (
    "Tối 14/10, Phó Thủ tướng Trần Hồng Hà dự tiệc chiêu đãi do Bộ trưởng Ngoại giao Chi-lê chủ trì, kết thúc "
    "ngày làm việc đầu tiên."
)
ENTRY_2 = "Phó Thủ tướng thăm cảng biển Valparaíso và làm việc với lãnh đạo cảng."
ENTRY_3 = "Đoàn đại biểu Việt Nam tới sân bay quốc tế Santiago, bắt đầu chuyến thăm."


def test_entry_stamps_between_a_live_blogs_entries_are_left_out_and_the_entries_kept(tmp_path, reader):
    lines = [
        HEADLINE_VI,
        "Cập nhật: 14/10/2025 21:30",
        LEAD_VI,
        "21:30",
        ENTRY_1,
        "3 giờ trước",
        "18:10",
        ENTRY_2,
        "Xem thêm: Quan hệ Việt Nam - Chi-lê: 55 năm một chặng đường",
        "07:45",
        ENTRY_3,
    ]
    article = _read(tmp_path, reader, lines)
    assert article.title == HEADLINE_VI
    assert (article.date.year, article.date.month, article.date.day) == (2025, 10, 14)
    assert [b.text for b in article.body] == [LEAD_VI, ENTRY_1, ENTRY_2, ENTRY_3]
    reasons = _reasons(article)
    assert [t for t, r in reasons.items() if r == ENTRY_STAMP] == ["21:30", "3 giờ trước", "18:10", "07:45"]


def test_english_relative_stamps_are_entry_stamps():
    texts = [HEADLINE_EN, LEAD_EN, "1 hour ago", SECOND_EN, "35 mins ago", "Both sides signed three documents."]
    assert entry_stamps(texts) == [2]  # the last entry is too short to be sure of
    texts[-1] = "Both sides signed three cooperation documents on mining and energy."
    assert entry_stamps(texts) == [2, 4]
    texts[2], texts[4] = "1h ago", "10.45am"
    assert entry_stamps(texts) == [2, 4]


def test_stamps_above_the_text_and_in_a_teaser_list_are_no_entry_stamps():
    header = [HEADLINE_VI, "Tác giả: Minh An", "2 giờ trước", LEAD_VI, SECOND_VI]
    assert entry_stamps(header) == []  # under the byline, before the text opens: the article's own stamp
    teasers = [
        LEAD_VI,
        SECOND_VI,
        "Tin khác",
        HEADLINE_EN,
        "5 giờ trước",
        "Thủ tướng tiếp Đại sứ Chi-lê",
        "1 ngày trước",
    ]
    assert entry_stamps(teasers) == []  # under headlines, over headlines: a teaser list's stamps


# A date printed after the body ------------------------------------------------------------------


def _date(article) -> tuple[int, int | None, int | None] | None:
    return (article.date.year, article.date.month, article.date.day) if article.date else None


@pytest.mark.parametrize("stamp", ["Thứ Tư, 15/10/2025 - 09:40", "15/10/2025 09:40"])
def test_a_stamp_right_after_the_body_dates_the_article(tmp_path, reader, stamp):
    article = _read(tmp_path, reader, [HEADLINE_VI, LEAD_VI, SECOND_VI, stamp])
    assert _date(article) == (2025, 10, 15)
    assert [b.text for b in article.body] == [LEAD_VI, SECOND_VI]


def test_a_stamp_after_the_body_before_its_tags_dates_the_article(tmp_path, reader):
    lines = [HEADLINE_VI, LEAD_VI, SECOND_VI, "15/10/2025 09:40", "Tags: Chi-lê, Trần Hồng Hà", "Chia sẻ"]
    assert _date(_read(tmp_path, reader, lines)) == (2025, 10, 15)


def test_a_date_above_the_body_beats_a_stamp_after_it(tmp_path, reader):
    lines = [HEADLINE_VI, "14/10/2025 21:30", LEAD_VI, SECOND_VI, "16/10/2025 07:00"]
    assert _date(_read(tmp_path, reader, lines)) == (2025, 10, 14)


def test_a_teasers_or_a_comments_stamp_after_the_body_is_not_the_articles(tmp_path, reader):
    teaser = "Thủ tướng Phạm Minh Chính tiếp Đại sứ Chi-lê chào từ biệt"
    related = [HEADLINE_VI, LEAD_VI, SECOND_VI, "Tin liên quan", teaser, "12/10/2025 08:00"]
    assert _date(_read(tmp_path, reader, related)) != (2025, 10, 12)
    comment = "Rất mong hai nước sớm mở đường bay thẳng để người dân và doanh nghiệp đi lại thuận tiện hơn."
    comments = [HEADLINE_VI, LEAD_VI, SECOND_VI, "Bình luận (1)", "Minh Anh", comment, "18/10/2025 22:05"]
    assert _date(_read(tmp_path, reader, comments)) != (2025, 10, 18)


def test_a_banner_opens_on_its_own_words_not_on_a_menu_item_above_it():
    texts = ["Quảng cáo", HEADLINE_VI, *BANNER_VI, LEAD_VI]
    assert consent_banner(texts) == (2, 4)  # the menu's "advertising" and the headline stay


def test_a_short_cookie_notice_with_its_buttons_is_a_banner(tmp_path, reader):
    notice = [
        "This site uses cookies",
        "Cookies help us give you the best experience on the site and show adverts that suit you. By browsing on "
        "you agree to the use of cookies.",
        "Got it!",
        "Cookie settings",
    ]
    article = _read(tmp_path, reader, [*notice, HEADLINE_EN, "14/10/2025 08:15 GMT+7", LEAD_EN, SECOND_EN])
    assert article.title == HEADLINE_EN
    assert [b.text for b in article.body] == [LEAD_EN, SECOND_EN]
    assert all(_reasons(article)[line] == CONSENT_BANNER for line in notice)
