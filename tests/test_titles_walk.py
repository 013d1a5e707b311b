"""Titles a new-user walk found taken from the site's lines, each on a page written here: a menu's
items spaced apart, an office's name in capitals over its menu, a tagline over the menu or one that
names the site, an "Author:" label, a browser tab's "Headline - Site"; and a Vietnamese date with
its weekday and no "ngày"."""

from __future__ import annotations

import pytest

from diparchive.read.bylines import byline_name
from diparchive.read.dates import find_dates
from diparchive.read.headline import without_site_name
from scrapes import read_scrape

EN_LEAD = (
    "Australia and Vietnam upgraded their relationship to a comprehensive strategic partnership on Thursday, "
    "as the two prime ministers signed agreements on mining, climate and education in Canberra."
)
EN_MORE = "Officials will draw up an action plan to carry out the new partnership over the next five years."
VI_LEAD = (
    "Chiều 12/11, tại Lima, Chủ tịch nước đã hội đàm với Tổng thống Peru, hai bên nhất trí thúc đẩy hợp tác "
    "thương mại, đầu tư và giáo dục trong thời gian tới."
)
VI_MORE = "Hai nhà lãnh đạo đã chứng kiến lễ ký kết các văn kiện hợp tác trong nhiều lĩnh vực."


def test_a_menu_spaced_apart_is_never_the_title(tmp_path, reader):
    head = "Albanese and Vietnam's Prime Minister sign deals as ties are upgraded"
    page = ["Broadcast News", "Just In  For You  Politics  World  Business  Analysis  Sport", head]
    a = read_scrape(tmp_path, reader, [*page, "Posted Thu 7 Mar 2024 at 3:52pm", EN_LEAD, EN_MORE])
    assert a.title == head


def test_an_offices_name_in_capitals_over_its_menu_is_no_headline(tmp_path, reader):
    head = "Phát biểu của Chủ tịch nước tại Phiên thảo luận chung Đại hội đồng Liên hợp quốc"
    page = [
        "CHỦ TỊCH NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Trang thông tin điện tử Văn phòng Chủ tịch nước",
        "Giới thiệu  |  Hoạt động  |  Phát biểu  |  Văn bản",
        head,
        "Ngày đăng: 25/09/2025",
        "Thay mặt Nhà nước và nhân dân Việt Nam, Chủ tịch nước Cộng hòa xã hội chủ nghĩa Việt Nam xin chúc mừng "
        "Ngài Chủ tịch Đại hội đồng Liên hợp quốc.",
        "Tám mươi năm trước, từ đống tro tàn của chiến tranh, Liên hợp quốc ra đời với khát vọng hòa bình.",
    ]
    assert read_scrape(tmp_path, reader, page).title == head


def test_a_tagline_that_names_the_site_is_no_headline(tmp_path, reader):
    head = "Việt Nam và Peru ký kết nhiều văn kiện hợp tác nhân dịp chuyến thăm của Chủ tịch nước"
    page = ["Tinwiki", "Bài viết  Thảo luận", head, "Từ Tinwiki, nguồn tin tự do mà bạn có thể viết!", "13/11/2024"]
    assert read_scrape(tmp_path, reader, [*page, VI_LEAD, VI_MORE]).title == head


def test_a_tagline_over_the_menu_is_no_headline_and_an_author_label_is_a_byline(tmp_path, reader):
    head = "Vietnam's fruitful year of summitry"
    page = [
        "Pacific Forum Review",
        "Economics, Politics and Public Policy in East Asia and the Pacific",
        "Home  Regions  Topics  Quarterly  Series  About",
        head,
        "Published: 28 December 2024",
        "Author: Nguyen Thi Lan Huong, Diplomatic Academy of Vietnam",
        "Vietnam hosted or visited more than twenty heads of state and government in 2024, cementing its network "
        "of comprehensive strategic partners across the region.",
        "Vietnam ended the year with nine comprehensive strategic partners, after adding two during the year.",
    ]
    a = read_scrape(tmp_path, reader, page)
    assert a.title == head
    assert a.author == "Nguyen Thi Lan Huong"


@pytest.mark.parametrize(
    ("title", "others", "kept"),
    [
        ("Vietnam, Philippines sign coast guard deal - Island Star Global", ["By Ana Cruz - The Island Star"], False),
        ("Quan hệ Việt Nam - Nhật Bản", ["Từ khóa: Việt Nam"], True),  # the site is named nowhere else
        ("Vietnam and Laos sign pact - Tinmoi", ["© Tinmoi"], False),  # a site named in one word
        ("Vietnam and Laos sign pact - Analysis", ["Share this"], True),
    ],
)
def test_a_tabs_site_name_after_the_headline_is_cut_when_the_page_names_the_site(title, others, kept):
    assert (without_site_name(title, others) == title) is kept


def test_a_browser_tabs_title_at_the_top_loses_the_sites_name(tmp_path, reader):
    page = ["Vietnam, Philippines sign coast guard deal - Island Star Global", "By Ana Cruz - The Island Star"]
    a = read_scrape(tmp_path, reader, [*page, "January 31, 2024", EN_LEAD, EN_MORE])
    assert a.title == "Vietnam, Philippines sign coast guard deal"


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Thứ Tư, 13 tháng 11 năm 2024", "2024-11-13"),
        ("13 tháng 11, 2024", "2024-11-13"),
        ("tháng 11 năm 2024", "2024-11"),
    ],
)
def test_a_day_and_its_month_in_words_without_ngay(text, iso):
    assert [m.date.iso for m in find_dates(text)] == [iso]


def test_an_author_label_names_the_author():
    assert byline_name("Authors: Jane Doe and John Roe") == "Jane Doe and John Roe"


def test_a_countrys_name_after_a_dash_in_the_headline_is_the_storys(tmp_path, reader):
    lead = "Chiều 12/11, Việt Nam và Lào đã ký tuyên bố chung về tăng cường quan hệ hữu nghị vĩ đại, đoàn kết đặc biệt."
    page = ["TUYÊN BỐ CHUNG VIỆT NAM - LÀO", "Từ khóa: Lào", lead, VI_MORE]
    assert read_scrape(tmp_path, reader, page).title == "TUYÊN BỐ CHUNG VIỆT NAM - LÀO"


@pytest.mark.parametrize(
    ("line", "name"),
    [
        (
            "By South-East Asia correspondent Lucy Harrington and political reporter Tom Mackie",
            "Lucy Harrington and Tom Mackie",
        ),
        ("By staff reporter Jane Doe", "Jane Doe"),
        ("Related Tags", None),
        ("ABC News Homepage", None),
        ("Visit Website", None),
        ("Senior Member", None),
        ("In Brief", None),
    ],
)
def test_a_bylines_roles_before_its_names_are_cut_and_a_sites_labels_are_no_names(line, name):
    assert byline_name(line) == name


def test_a_weekdays_short_name_before_the_date_is_no_author(tmp_path, reader):
    page = [
        "Albanese and Vietnam's Prime Minister sign deals",
        "Posted Thu 7 Mar 2024 at 3:52pm, updated Thu 7 Mar 2024",
    ]
    a = read_scrape(tmp_path, reader, [*page, EN_LEAD, EN_MORE])
    assert a.author is None and a.date is not None and a.date.iso == "2024-03-07"


@pytest.mark.parametrize(
    "caption",
    [
        "The two leaders at the National Convention Centre on Tuesday. -- Photo KPL",
        "Photo by Linh Pham on Unsplash",
        "The two prime ministers inspected a guard of honour at Parliament House. (Network News: Jane Doe)",
    ],
)
def test_a_photos_credit_in_other_shapes_makes_a_caption(tmp_path, reader, caption):
    a = read_scrape(
        tmp_path,
        reader,
        ["Albanese and Vietnam's Prime Minister sign deals", "March 7, 2024", EN_LEAD, caption, EN_MORE],
    )
    assert [b.text for b in a.body if b.kind.value == "caption"] == [caption]
    assert [b.text for b in a.body if b.kind.value == "paragraph"] == [EN_LEAD, EN_MORE]


VI_STORY = [
    "Sáng 23/12, tại Vientiane, Chủ tịch Quốc hội đã hội kiến Tổng thống Lào, hai bên nhất trí tăng cường quan hệ "
    "hữu nghị vĩ đại, đoàn kết đặc biệt và hợp tác toàn diện.",
    "Hai bên đánh giá cao kết quả hợp tác giữa hai Quốc hội trong thời gian qua.",
]


def test_a_mastheads_clock_over_the_articles_stamp_with_its_own_weekday_gives_the_stamp(tmp_path, reader):
    page = [
        "Tin Nhanh",
        "Thứ ba, 24/12/2024",
        "Thời sự  Thế giới  Kinh doanh  Khoa học",
        "Thứ hai, 23/12/2024, 18:05 (GMT+7)",
    ]
    a = read_scrape(tmp_path, reader, [*page, "Chủ tịch Quốc hội hội kiến Tổng thống Lào", *VI_STORY])
    assert a.date is not None and a.date.iso == "2024-12-23"


def test_a_line_of_facts_about_the_article_with_its_date_among_them_is_its_dateline(tmp_path, reader):
    page = ["Chủ tịch Quốc hội hội kiến Tổng thống Lào", "Báo Biên Cương · Thiếu tá Nguyễn Hoàng · 2h · 23/12/2024"]
    a = read_scrape(tmp_path, reader, [*page, *VI_STORY])
    assert a.date is not None and a.date.iso == "2024-12-23"


GALLERY = [
    "[Ảnh] Lễ đón chính thức Tổng thống Hàn Quốc tại Phủ Chủ tịch",
    "Ảnh: Thống Nhất - TTXVN  |  Bài: Minh Thu",
    "23/06/2023 - 10:25",
    "Sáng 23/6, Chủ tịch nước chủ trì lễ đón chính thức Tổng thống Hàn Quốc và Phu nhân thăm cấp Nhà nước tới "
    "Việt Nam.",
    "1/3",
    "Chủ tịch nước và Phu nhân đón Tổng thống Hàn Quốc và Phu nhân tại Phủ Chủ tịch.",
    "2/3",
    "Hai nhà lãnh đạo duyệt đội danh dự.",
    "3/3",
    "Toàn cảnh hội đàm sau lễ đón.",
    "Bình luận",
]


def test_a_gallerys_counters_are_its_pictures_slots_and_every_caption_is_kept(tmp_path, reader):
    a = read_scrape(tmp_path, reader, GALLERY)
    assert a.author == "Minh Thu"
    assert [(b.kind.value, b.text) for b in a.body] == [
        ("paragraph", GALLERY[3]),
        ("caption", GALLERY[5]),
        ("caption", GALLERY[7]),
        ("caption", GALLERY[9]),
    ]


def test_a_ticker_and_a_menu_over_the_headline_are_no_paragraphs_before_its_dateline(tmp_path, reader):
    page = [
        "VN-Index 1.268,45 ▲ 3,12 (0,25%) | HNX-Index 226,10 ▼ 0,41 | UPCoM 92,37 ▲ 0,05 | Vàng SJC 84,5 triệu/lượng",
        "Chứng khoán | Doanh nghiệp | Ngân hàng | Bất động sản | Vĩ mô | Quốc tế | Đầu tư | Thị trường | Tài chính",
        "Chủ tịch Quốc hội hội kiến Tổng thống Lào",
        "Thứ Hai, 23/12/2024 - 09:15",
    ]
    a = read_scrape(tmp_path, reader, [*page, *VI_STORY])
    assert a.date is not None and a.date.iso == "2024-12-23"


@pytest.mark.parametrize(
    ("line", "name"),
    [("UN Photo/Jane Doe", None), ("Tin: Thu Trang", "Thu Trang")],
)
def test_a_photo_agencys_credit_is_no_name_and_a_news_credit_is(line, name):
    assert byline_name(line) == name


def test_a_copyright_notice_with_its_year_after_the_sign_names_its_holder():
    from diparchive.read.marks import copyright_holder

    assert copyright_holder("Bản quyền © 2024 Trường Đại học Ngoại ngữ - ĐHQGHN") == "Trường Đại học Ngoại ngữ"


def test_a_posted_on_line_names_its_author_before_a_comment_counter():
    from diparchive.read.bylines import name_after_date

    assert name_after_date("Posted on 08/10/2024 by Lê Văn Khoa — 3 bình luận") == "Lê Văn Khoa"


EN_PHOTO = "The two prime ministers at the Istana on October 7, 2024. (Photo: Jane Doe)"


@pytest.mark.parametrize(
    ("page", "author"),
    [
        (
            [
                "Singapore and Vietnam deepen green energy ties",
                EN_PHOTO,
                "Tham Yuen-C",
                "Senior Correspondent",
                "Published Oct 07, 2024",
            ],
            "Tham Yuen-C",
        ),
        (
            [
                "Singapore and Vietnam deepen green energy ties",
                "Mai Lan",
                "World Service News",
                "7 October 2024",
                EN_PHOTO,
            ],
            "Mai Lan",
        ),
        (
            ["Singapore and Vietnam deepen green energy ties", "Thế Giới", "Báo Biên Cương", "7 October 2024"],
            "Báo Biên Cương",  # the paper's name as its desk's byline; the section's name over it is no one's
        ),
    ],
)
def test_a_name_over_its_role_or_paper_is_the_byline_even_among_the_sites_short_lines(tmp_path, reader, page, author):
    lead = (
        "Singapore and Vietnam will deepen their cooperation in areas such as green energy and the digital economy, "
        "the two prime ministers said on Monday after their talks."
    )
    a = read_scrape(tmp_path, reader, [*page, lead, EN_MORE])
    assert a.author == author
