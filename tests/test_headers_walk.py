"""Headers a new-user walk found misread, each on a page written here: a breadcrumb with ">" over
a briefing whose numeric date the headline settles, a cache's banner over the copy it keeps, a
print page's masthead with a bare page number and a kicker in capitals glued to the headline,
a US daily's "By X | Y Bureau", its "at 9:15 p.m. EDT" clock and its "Gift Article" button."""

from __future__ import annotations

import pytest

from diparchive.read.bylines import byline_name
from diparchive.read.dates import print_masthead, read_dateline
from diparchive.read.prune import COPY_NOTICE
from diparchive.read.segment import split_glued
from scrapes import read_scrape

BRIEF = [
    "Ministry of Foreign Affairs",
    "Home > Press Room > Spokesperson's Remarks",
    "Regular Press Briefing by Spokesperson Pham Thu Hang on 12 October 2023",
    "12/10/2023",
    "Question: What is Viet Nam's response to the recent developments in the East Sea?",
    "Answer: Viet Nam has consistently affirmed its sovereignty over the Hoang Sa and Truong Sa archipelagos in "
    "accordance with international law, including the 1982 UNCLOS.",
    "Question: Could the spokesperson confirm the upcoming visit of the Japanese Prime Minister?",
    "Answer: Information on high-level visits will be announced in due course through official channels.",
]


def test_a_trail_with_angle_marks_is_no_title_and_the_headline_settles_the_numeric_date(tmp_path, reader):
    a = read_scrape(tmp_path, reader, BRIEF)
    assert a.title == BRIEF[2]
    assert a.date is not None and a.date.iso == "2023-10-12"  # day first, as the headline writes it
    assert BRIEF[1] in [r.text for r in a.removed]


def test_a_numeric_date_the_text_does_not_settle_is_not_given_a_day(tmp_path, reader):
    page = [BRIEF[1], "Regular Press Briefing by the Spokesperson", *BRIEF[3:]]
    a = read_scrape(tmp_path, reader, page)
    assert a.date is None or a.date.day is None  # 12/10 may be either order: never a guessed day


EN = [
    "Vietnam and Japan upgrade ties to comprehensive strategic partnership",
    "Friday, September 22, 2023 - 18:05",
    "Vietnam and Japan on Friday upgraded their relationship to a comprehensive strategic partnership, the "
    "highest level in Hanoi's diplomatic ranking, during a visit by the Japanese prime minister.",
    "The two sides agreed to expand cooperation in semiconductors, green transition and infrastructure, and to "
    "increase official development assistance for projects in the Mekong Delta.",
]
CACHE = (
    "This is Google's cache of https://news.example.org/asia/vietnam-japan. It is a snapshot of the page as it "
    "appeared on 25 Sep 2023 10:11:04 GMT. The current page could have changed in the meantime."
)


def test_a_caches_banner_is_left_out_and_its_crawl_date_is_never_the_articles(tmp_path, reader):
    a = read_scrape(tmp_path, reader, [CACHE, "Full version Text-only version View source", *EN])
    assert a.title == EN[0]
    assert a.date is not None and a.date.iso == "2023-09-22"
    assert [b.text for b in a.body] == EN[2:]
    assert any(r.text == CACHE and r.reason == COPY_NOTICE for r in a.removed)


VI = [
    "Chiều 21-9, tại Hà Nội, Phó Thủ tướng đã tiếp Đoàn đại biểu Quốc hội Lào đang ở thăm và làm việc tại Việt Nam, "
    "hai bên trao đổi về hợp tác giữa hai nước.",
    "Phó Thủ tướng khẳng định Việt Nam luôn coi trọng và ưu tiên hàng đầu mối quan hệ đặc biệt với Lào, mong muốn "
    "hai nước tiếp tục hỗ trợ nhau.",
]


def test_a_print_masthead_dates_the_page_and_a_glued_kicker_is_cut_from_the_headline(tmp_path, reader):
    a = read_scrape(
        tmp_path, reader, ["NHÂN DÂN   Thứ Sáu, ngày 22-9-2023   3", "THỜI SỰPhó Thủ tướng tiếp Đoàn Lào", *VI]
    )
    assert a.title == "Phó Thủ tướng tiếp Đoàn Lào"
    assert a.date is not None and a.date.iso == "2023-09-22"
    assert [b.text for b in a.body] == VI


@pytest.mark.parametrize(
    ("line", "pieces"),
    [
        ("THỜI SỰPhó Thủ tướng tiếp đoàn Lào", ["THỜI SỰ", "Phó Thủ tướng tiếp đoàn Lào"]),
        ("NGOẠI GIAOViệt Nam và Lào ký hiệp định", ["NGOẠI GIAO", "Việt Nam và Lào ký hiệp định"]),
        ("VNExpress đưa tin về chuyến thăm", ["VNExpress đưa tin về chuyến thăm"]),  # two capitals: a name
        ("THỜI SỰ Phó Thủ tướng tiếp đoàn", ["THỜI SỰ Phó Thủ tướng tiếp đoàn"]),  # spaced: the reader's to tell
    ],
)
def test_only_a_kicker_of_capitals_run_into_a_word_is_cut(line, pieces):
    assert split_glued(line) == pieces


@pytest.mark.parametrize(
    ("line", "masthead"),
    [
        ("NHÂN DÂN   Thứ Sáu, ngày 22-9-2023   3", True),
        ("12   Thứ Sáu, ngày 22-9-2023   QUỐC TẾ", True),
        ("Thứ Sáu, ngày 22-9-2023   10:15", False),  # two columns, no page number
        ("Hà Nội, ngày 22-9-2023", False),
    ],
)
def test_a_print_masthead_may_print_its_page_number_bare(line, masthead):
    assert print_masthead(line) is masthead


US = [
    "World | Asia",
    "Biden lands in Hanoi for a visit aimed at countering China's influence",
    "By Sarah Collins | Washington Bureau",
    "September 10, 2023 at 9:15 p.m. EDT",
    "Gift Article",
    "HANOI — President Biden arrived in Vietnam's capital on Sunday for a visit meant to deepen economic ties "
    "with a country that has become a pivotal partner for Washington in Asia.",
    "The two governments announced a comprehensive strategic partnership, lifting the relationship to the "
    "highest tier in Vietnam's diplomatic hierarchy.",
]


def test_a_us_dailys_byline_desk_clock_and_button(tmp_path, reader):
    a = read_scrape(tmp_path, reader, US)
    assert a.title == US[1]
    assert a.author == "Sarah Collins"
    assert a.date is not None and a.date.iso == "2023-09-10"
    assert "Gift Article" in [r.text for r in a.removed]


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("By Sarah Collins | Washington Bureau", "Sarah Collins"),
        ("By Sarah Collins — Asia desk", "Sarah Collins"),
        ("Gift Article", None),
        ("Save Article", None),
    ],
)
def test_a_desk_after_the_name_is_cut_and_a_button_is_no_name(line, name):
    assert byline_name(line) == name


@pytest.mark.parametrize("line", ["September 10, 2023 at 9:15 p.m. EDT", "Sept. 10, 2023, 9:15 a.m. ET"])
def test_a_clock_written_with_dotted_am_pm_is_part_of_the_dateline(line):
    found = read_dateline(line)
    assert found is not None and found.date.iso == "2023-09-10"


def test_a_headline_a_print_column_wrapped_onto_three_lines_is_read_whole(tmp_path, reader):
    page = ["QUỐC TẾ   Thứ Năm, ngày 12-10-2023   8", "Việt Nam và Indonesia", "thúc đẩy hợp tác", "kinh tế biển", *VI]
    a = read_scrape(tmp_path, reader, page)
    assert a.title == "Việt Nam và Indonesia thúc đẩy hợp tác kinh tế biển"
    assert [b.text for b in a.body] == VI


NEWSLETTER = [
    "From: Mekong Letter <letter@mekong.example>",
    "Subject: Fwd: [Mekong Letter #42] Hanoi's busy diplomatic autumn",
    "Date: Mon, 16 Oct 2023 07:00:00 +0700",
    "View this email in your browser",
    "Vietnam hosted three foreign heads of state in a single month this autumn, a pace unusual even for a capital "
    "that prides itself on its active diplomacy.",
    "The visits brought agreements on trade, infrastructure and education, and set the stage for a busy year of "
    "summits ahead.",
    "Unsubscribe | Update your preferences",
]


def test_a_newsletters_mail_headers_give_its_headline_and_date_never_the_title_line(tmp_path, reader):
    a = read_scrape(tmp_path, reader, NEWSLETTER)
    assert a.title == "Hanoi's busy diplomatic autumn"
    assert a.date is not None and a.date.iso == "2023-10-16"
    assert [b.text for b in a.body] == NEWSLETTER[4:6]
    assert NEWSLETTER[0] in [r.text for r in a.removed]


def test_one_line_that_looks_like_a_header_is_the_text(tmp_path, reader):
    a = read_scrape(tmp_path, reader, ["Subject: the budget", *NEWSLETTER[4:6]])
    assert "Subject: the budget" not in [r.text for r in a.removed if r.reason.startswith("an e-mail")]


CREDITED_EN = [
    "Biden wraps up Vietnam visit with pledge on chips",
    "September 11, 2023",
    "President Joe Biden on Monday wrapped up a two-day visit to Vietnam with pledges to help the country develop "
    "its semiconductor industry and secure supplies of critical minerals.",
    "President Joe Biden and the Party chief at the Party headquarters in Hanoi on Sunday. (Evelyn Hockstein/Reuters)",
    "The two countries agreed to raise their ties to a comprehensive strategic partnership, the highest level in "
    "Vietnam's diplomatic ranking.",
]


def test_a_line_closed_by_the_photographer_and_agency_in_brackets_is_a_caption(tmp_path, reader):
    a = read_scrape(tmp_path, reader, CREDITED_EN)
    assert [(b.kind.value, b.text) for b in a.body] == [
        ("paragraph", CREDITED_EN[2]),
        ("caption", CREDITED_EN[3]),
        ("paragraph", CREDITED_EN[4]),
    ]


VI_BODY = [
    "Chiều 11-10, tại Trụ sở Chính phủ, Thủ tướng đã tiếp Đại sứ Hàn Quốc đến chào từ biệt nhân dịp kết thúc "
    "nhiệm kỳ công tác tại Việt Nam.",
    "Thủ tướng đánh giá cao những đóng góp của Đại sứ đối với sự phát triển của quan hệ Đối tác chiến lược toàn "
    "diện giữa hai nước.",
]
CAPTION = "Thủ tướng tiếp Đại sứ Hàn Quốc. Ảnh: VGP"


def test_a_text_browsers_image_trace_beside_its_caption_is_not_a_second_caption(tmp_path, reader):
    page = ["Thủ tướng tiếp Đại sứ Hàn Quốc chào từ biệt", "12/10/2023 09:30", VI_BODY[0], f"[image: {CAPTION}]"]
    a = read_scrape(tmp_path, reader, [*page, CAPTION, VI_BODY[1]])
    assert [(b.kind.value, b.text) for b in a.body] == [
        ("paragraph", VI_BODY[0]),
        ("caption", CAPTION),
        ("paragraph", VI_BODY[1]),
    ]


def test_a_caption_with_its_credit_in_a_print_column_is_not_joined_to_the_next_paragraph(tmp_path, reader):
    column = [
        "Thủ tướng tiếp Đại sứ Hàn Quốc chào từ biệt",
        "12/10/2023",
        "Chiều 11-10, tại Trụ sở Chính phủ, Thủ tướng",
        "đã tiếp Đại sứ Hàn Quốc đến chào từ biệt nhân",
        "dịp kết thúc nhiệm kỳ công tác tại Việt Nam.",
        "Thủ tướng tiếp Đại sứ Hàn Quốc. Ảnh: DƯƠNG GIANG (TTXVN)",
        "Thủ tướng đánh giá cao những đóng góp của Đại",
        "sứ đối với sự phát triển của quan hệ Đối tác",
        "chiến lược toàn diện giữa hai nước.",
    ]
    a = read_scrape(tmp_path, reader, column)
    assert [(b.kind.value, b.text) for b in a.body] == [
        ("paragraph", VI_BODY[0]),
        ("caption", column[5]),
        ("paragraph", VI_BODY[1]),
    ]


def test_the_bio_of_a_bureau_chief_after_the_body_is_furniture(tmp_path, reader):
    bio = "Sarah Collins is the Southeast Asia bureau chief for the paper, based in Bangkok."
    a = read_scrape(tmp_path, reader, [*US, bio])
    assert bio not in [b.text for b in a.body]
    assert any(r.text == bio and r.reason.endswith("bio") for r in a.removed)


def test_the_headline_over_a_deck_the_model_is_as_sure_of_is_the_title(tmp_path, reader):
    page = [
        "Thủ tướng tiếp Bộ trưởng Quốc phòng Australia",
        "Hai bên nhất trí làm sâu sắc hơn hợp tác quốc phòng",
        "14/10/2024 09:15",
        "Chiều 13-10, tại Hà Nội, Thủ tướng đã tiếp Bộ trưởng Quốc phòng Australia đang thăm chính thức Việt Nam, "
        "hai bên nhất trí làm sâu sắc hơn hợp tác quốc phòng.",
        "Thủ tướng đề nghị hai bên tăng cường hợp tác trong đào tạo, gìn giữ hòa bình và an ninh biển.",
    ]
    a = read_scrape(tmp_path, reader, page)
    assert a.title == page[0]
    assert page[1] in [r.text for r in a.removed]  # the deck kept with its reason


VI_ASEAN = [
    "Ngày 25/7, tại Vientiane, Bộ trưởng Ngoại giao dẫn đầu Đoàn Việt Nam tham dự Hội nghị Bộ trưởng Ngoại giao "
    "ASEAN lần thứ 57 và các hội nghị liên quan.",
    "Tại hội nghị, các Bộ trưởng thảo luận về việc xây dựng Cộng đồng ASEAN và quan hệ của ASEAN với các đối tác.",
]


def test_a_trail_right_over_the_headline_is_never_its_first_line(tmp_path, reader):
    head = "Bộ trưởng Ngoại giao dự Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 57"
    page = ["Thời sự", "Ngoại giao", "Kinh tế", "Ngoại giao > Hoạt động đối ngoại", head, "Thứ Năm, 25/07/2024 - 18:40"]
    a = read_scrape(tmp_path, reader, [*page, *VI_ASEAN])
    assert a.title == head


def test_the_sites_name_over_its_menu_is_no_headline_even_named_in_the_lead(tmp_path, reader):
    head = 'Thứ trưởng Ngoại giao: "Việt Nam đóng góp thực chất tại Liên hợp quốc"'
    lead = (
        "Nhân dịp Chủ tịch nước dự Hội nghị Thượng đỉnh Tương lai tại New York, Thứ trưởng Bộ Ngoại giao đã trả "
        "lời phỏng vấn phóng viên Báo Quân đội Nhân dân về ý nghĩa của chuyến công tác."
    )
    more = "Thứ trưởng cho biết Việt Nam sẽ chia sẻ tầm nhìn về một hệ thống quản trị toàn cầu công bằng hơn."
    page = ["Báo Quân đội Nhân dân", "Chính trị", "Quốc phòng", "Quốc tế", "Trang chủ  >  Chính trị"]
    a = read_scrape(tmp_path, reader, [*page, "Thứ Sáu, 20/09/2024 - 07:45", head, lead, more])
    assert a.title == head
    assert a.date is not None and a.date.iso == "2024-09-20"


def test_a_retrospectives_dateline_under_its_headline_stands_whatever_years_it_tells_of(tmp_path, reader):
    page = [
        "Vietnam's ASEAN Chairmanship Legacy: Quiet Consensus in a Noisy Region",
        "By Le Thu Huong",
        "November 02, 2024",
        "Vietnamese Prime Minister chairs the 37th ASEAN Summit held online in Hanoi, Nov. 12, 2020.",
        "Credit: VGP",
        "When Vietnam took over the ASEAN chair in January 2020, few in Hanoi expected the year to be defined by a "
        "virus that would move every summit online.",
        "Within weeks, the chairmanship had moved online, and the foreign ministry found itself hosting summits "
        "through screens, a format nobody had planned for in 2019.",
    ]
    a = read_scrape(tmp_path, reader, page)
    assert a.date is not None and a.date.iso == "2024-11-02"
    assert [b.text for b in a.body if b.kind.value == "caption"] == [page[3]]  # its credit alone under it


MAGAZINE_BODY = [
    "Ngoại giao đa phương đã trở thành một trụ cột quan trọng trong đường lối đối ngoại của Đảng và Nhà nước "
    "ta trong những năm qua, góp phần nâng cao vị thế của đất nước.",
    "Thế giới đang trải qua những biến động sâu sắc, cạnh tranh chiến lược giữa các nước lớn ngày càng gay gắt "
    "và phức tạp hơn.",
]


def test_a_doctors_name_in_capitals_over_her_institute_is_the_byline(tmp_path, reader):
    head = [
        "Ngoại giao đa phương Việt Nam trong giai đoạn mới",
        "TS. NGUYỄN THỊ MINH HẰNG",
        "Học viện Chính trị khu vực I",
    ]
    a = read_scrape(tmp_path, reader, [*head, "14-10-2024 | 09:15", *MAGAZINE_BODY])
    assert a.author == "TS. NGUYỄN THỊ MINH HẰNG"


INTERVIEW = [
    "Thứ trưởng Ngoại giao: Việt Nam đóng góp thực chất tại Liên hợp quốc",
    "20/09/2024 07:45",
    "Nhân dịp Chủ tịch nước dự Hội nghị Thượng đỉnh Tương lai tại New York, Thứ trưởng Bộ Ngoại giao đã trả lời "
    "phỏng vấn phóng viên về ý nghĩa của chuyến công tác.",
    "PV: Thưa Thứ trưởng, ý nghĩa của chuyến công tác lần này là gì?",
    "Thứ trưởng: Đây là lần đầu tiên người đứng đầu Đảng, Nhà nước ta tham dự hội nghị này, thể hiện cam kết "
    "mạnh mẽ của Việt Nam với chủ nghĩa đa phương.",
    "PV: Xin cảm ơn Thứ trưởng!",
    "MINH PHƯƠNG (thực hiện)",
    "Chia sẻ",
    "Tin cùng chuyên mục",
]


def test_an_interviews_closing_thanks_is_its_text_and_the_credit_after_it_its_author(tmp_path, reader):
    a = read_scrape(tmp_path, reader, INTERVIEW)
    assert a.author == "MINH PHƯƠNG"
    assert [b.text for b in a.body][-1] == "PV: Xin cảm ơn Thứ trưởng!"


def test_a_dotted_clock_and_its_zone_stay_on_the_dateline():
    assert split_glued("Dec. 12, 2023 9:15 a.m. ET") == ["Dec. 12, 2023 9:15 a.m. ET"]
    assert split_glued("Dec. 12, 2023, 9:15 AM ET") == ["Dec. 12, 2023, 9:15 AM ET"]


def test_the_bio_of_an_author_with_a_hyphenated_name_is_furniture(tmp_path, reader):
    bio = "Mai-Linh Tran is the Southeast Asia bureau chief, overseeing coverage of eleven countries."
    a = read_scrape(tmp_path, reader, [*US, bio])
    assert any(r.text == bio and r.reason.endswith("bio") for r in a.removed)


PRINTED = [
    "NHÂN DÂN                    THỨ BA, 9-1-2024                    3",
    "THỜI SỰ",
    "Thủ tướng hội kiến Quốc vương Malaysia",
    "KUALA LUMPUR (Đặc phái viên) - Trong khuôn khổ chuyến thăm chính thức Ma-lai-xi-a, chiều",
    "8-1, Thủ tướng Phạm Minh Chính đã hội kiến Quốc vương Ma-lai-xi-a Sultan Abdullah tại",
    "Hoàng cung ở thủ đô Cu-a-la Lăm-pơ.",
    "Quốc vương nhiệt liệt chào mừng Thủ tướng và Đoàn đại biểu cấp cao Việt Nam, bày tỏ",
    "ấn tượng sâu sắc trước những thành tựu to lớn mà Việt Nam đã đạt được.",
    "                                                  TRẦN HẢI",
    "(Xem tiếp trang 4)",
]


def test_a_printed_pages_column_its_masthead_date_envoys_dateline_and_signature(tmp_path, reader):
    a = read_scrape(tmp_path, reader, PRINTED)
    assert a.title == PRINTED[2]
    assert a.date is not None and a.date.iso == "2024-01-09"
    assert a.author == "TRẦN HẢI"
    assert [b.text for b in a.body] == [
        "Trong khuôn khổ chuyến thăm chính thức Ma-lai-xi-a, chiều 8-1, Thủ tướng Phạm Minh Chính đã hội kiến "
        "Quốc vương Ma-lai-xi-a Sultan Abdullah tại Hoàng cung ở thủ đô Cu-a-la Lăm-pơ.",
        " ".join(PRINTED[6:8]),
    ]
    assert "KUALA LUMPUR (Đặc phái viên) -" in [r.text for r in a.removed]


BOTTOM = [
    "Lãnh đạo tỉnh làm việc với Tổng Lãnh sự Campuchia",
    "Chiều 19/9, tại trụ sở Ủy ban nhân dân tỉnh, lãnh đạo tỉnh đã tiếp và làm việc với Tổng Lãnh sự Vương quốc "
    "Campuchia tại Thành phố Hồ Chí Minh nhân dịp sang thăm và làm việc tại tỉnh.",
    "Hai bên trao đổi về tình hình hợp tác giữa tỉnh với các địa phương của Campuchia, nhất là trong lĩnh vực "
    "thương mại, giáo dục và quản lý biên giới.",
    "Tổng Lãnh sự cảm ơn sự đón tiếp chu đáo của tỉnh và mong muốn hai bên tiếp tục tăng cường hợp tác.",
]


def test_a_notice_of_the_last_update_right_under_the_text_dates_a_page_printing_no_other(tmp_path, reader):
    a = read_scrape(tmp_path, reader, [*BOTTOM, "Minh Thư", "Cập nhật lúc 10:20 ngày 20/09/2024"])
    assert a.date is not None and a.date.iso == "2024-09-20"


def test_an_update_stamp_among_the_related_news_far_below_dates_nothing(tmp_path, reader):
    related = ["Tin liên quan", "Tỉnh tiếp Đại sứ Lào", "Hội nghị xúc tiến đầu tư", "Đoàn công tác thăm Nhật Bản"]
    a = read_scrape(tmp_path, reader, [*BOTTOM, *related, "Cập nhật lúc 10:20 ngày 20/09/2024"])
    assert a.date is None
