"""Lines a new-user walk found cut or kept wrongly, each written here: a brand in one word with a
capital inside ("VinFast", "VietnamPlus") is never cut as two glued lines, a picture's label run
into its caption is; a place's dateline in Vietnamese capitals alone on its line is a mark; a link to
the rest of the story, a subscription's pitch, a wire's closing credits and a player's button are
the site's; a long paragraph cut short is never a headline."""

from __future__ import annotations

import pytest

from diparchive.read.boilerplate import inline_chrome
from diparchive.read.bylines import byline_name
from diparchive.read.furniture import furniture
from diparchive.read.marks import mark_code
from diparchive.read.segment import split_glued
from scrapes import read_scrape


@pytest.mark.parametrize(
    ("line", "pieces"),
    [
        ("VinFast khởi công nhà máy tại Ấn Độ", ["VinFast khởi công nhà máy tại Ấn Độ"]),
        ("Copyright © VietnamPlus, Vietnam News Agency", ["Copyright © VietnamPlus, Vietnam News Agency"]),
        ("PetroVietnam ký thỏa thuận với đối tác", ["PetroVietnam ký thỏa thuận với đối tác"]),
        ("Thế giớiThứ Sáu, 01/11/2019", ["Thế giới", "Thứ Sáu, 01/11/2019"]),
        ("WorldMonday, 3 May 2024", ["World", "Monday, 3 May 2024"]),
        ("Biden in VietnamBiden Forges Deeper Ties", ["Biden in Vietnam", "Biden Forges Deeper Ties"]),
        ("ImagePresident Biden sits at a table", ["Image", "President Biden sits at a table"]),
    ],
)
def test_a_brand_in_one_word_is_not_cut_two_lines_run_together_are(line, pieces):
    assert split_glued(line) == pieces


def test_a_place_in_vietnamese_capitals_alone_on_its_line_is_a_mark():
    assert mark_code("HÀ NỘI —") is not None and mark_code("HÀ NỘI —").code == "HÀ NỘI"
    assert mark_code("HÀ NỘI") is None


@pytest.mark.parametrize(
    "line",
    [
        "Read full this story",
        "Read the full story",
        "Continue reading",
        "Xem tiếp",
        "Enjoying this article? Click here to subscribe for full access. Just $5 a month.",
    ],
)
def test_a_link_to_the_rest_and_a_subscriptions_pitch_are_the_sites(line):
    assert inline_chrome(line) is not None


@pytest.mark.parametrize(
    "line",
    ["Continue reading the report, the minister said, would take weeks.", "Xem tiếp theo là phần hỏi đáp."],
)
def test_a_sentence_that_opens_with_those_words_is_text(line):
    assert inline_chrome(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "Reporting by Jane Morrow and Minh Chau; Editing by Tom Hale",
        "Our Standards: The Wire Trust Principles.",
    ],
)
def test_a_wires_closing_credits_and_standards_are_furniture(line):
    assert furniture(line, "The minister spoke in Hanoi.") is not None


@pytest.mark.parametrize("line", ["Play Video", "Watch Video"])
def test_a_players_button_is_no_name(line):
    assert byline_name(line) is None


def test_a_long_paragraph_cut_short_is_never_the_headline(tmp_path, reader):
    para = (
        "Party General Secretary hosted a reception in Hanoi on Saturday for the visiting foreign minister, "
        "who is in Viet Nam for an official visit and to co-chair the meeting of the steering committee for "
        "bilateral cooperation. The minister congratulated Viet Nam on the successful organisation of the "
        "congress and said both sides should strengthen political trust and promote cooperation…"
    )
    a = read_scrape(tmp_path, reader, ["HÀ NỘI —", para, "Read full this story"])
    assert a.title_supplied and a.title != para
    assert [b.text for b in a.body] == [para]


TIMELINE = [
    "Prime Minister begins official visit to Australia",
    "June 03, 2024 - 08:20",
    "HÀ NỘI — The Prime Minister left Hà Nội on Monday for an official visit to Australia and a special summit "
    "marking fifty years of ties between the two countries.",
    "TIMELINE: Việt Nam - Australia relations",
    "1973: The two countries establish relations.",
    "2009: A Comprehensive Partnership is set up.",
    "2018: Ties are raised to a Strategic Partnership.",
    "During the visit, the Prime Minister is expected to hold talks with his Australian counterpart and meet leaders "
    "of the Australian Parliament.",
    "He will also visit a university in Melbourne and meet with the Vietnamese community in Australia. — VNS",
    "Share",
    "Other Articles",
    "Vietnamese, Chinese top legislators hold talks",
]


def test_a_list_of_short_sentences_inside_the_story_does_not_end_it_and_the_papers_sign_names_it(tmp_path, reader):
    a = read_scrape(tmp_path, reader, TIMELINE)
    texts = [b.text for b in a.body]
    assert TIMELINE[6] in texts and TIMELINE[7] in texts and texts[-1] == TIMELINE[8]
    assert TIMELINE[11] not in texts
    assert a.outlet == "VNS"


NEWSLETTER_POST = [
    "Mekong Letter",
    "Subscribe",
    "Share this post",
    "Why Vietnam's phone diplomacy matters",
    "Copy link",
    "Facebook",
    "Why Vietnam's phone diplomacy matters",
    "Tom Harding",
    "Mar 3, 2024",
    "12",
    "3",
    "Share",
    "If you only followed state visits, you would think Vietnamese diplomacy slowed down this winter. It did not.",
    "In the first two months of the year, the Prime Minister held phone talks with his counterparts from Japan, "
    "Singapore and Australia, and the President spoke with three African leaders.",
    "Subscribe to Mekong Letter",
    "Notes on Southeast Asian diplomacy, from Hanoi.",
    "Type your email...",
    "Subscribe",
    "Phone calls are cheap signals, but they are not empty ones. A call after a typhoon or an election is remembered "
    "in the capital that receives it.",
    "Thanks for reading Mekong Letter! Subscribe for free to receive new posts and support my work.",
    "12 Likes",
]


def test_a_newsletter_posts_header_box_and_pitch(tmp_path, reader):
    a = read_scrape(tmp_path, reader, NEWSLETTER_POST)
    assert a.title == "Why Vietnam's phone diplomacy matters"  # printed in the share box over it too
    assert a.author == "Tom Harding"
    assert a.date is not None and a.date.iso == "2024-03-03"
    assert [b.text for b in a.body] == [NEWSLETTER_POST[12], NEWSLETTER_POST[13], NEWSLETTER_POST[18]]


def test_a_whole_paragraph_between_the_storys_paragraphs_is_kept_whatever_the_model_says(tmp_path, reader):
    story = [
        "China's leader arrives in Hanoi as the region watches",
        "Dec. 12, 2023 9:15 a.m. ET",
        "China's leader arrived in Hanoi on Tuesday for a two-day visit aimed at strengthening ties with Vietnam, "
        "three months after the American president's.",
        "The two sides signed more than 30 agreements, including on railway links across their border and "
        "cooperation on critical minerals.",
        "A Delicate Balance",
        'Vietnam has practiced what officials call "bamboo diplomacy," bending toward major powers without breaking '
        "with any of them.",
        "Advertisement",
        "SKIP ADVERTISEMENT",
        "Analysts said Hanoi was careful not to offend Washington, which it elevated to its highest level of "
        "diplomatic ties in September.",
    ]
    a = read_scrape(tmp_path, reader, story)
    assert story[5] in [b.text for b in a.body]


@pytest.mark.parametrize(
    "line",
    [
        "Trang này được sửa đổi lần cuối vào ngày 14 tháng 11 năm 2024, lúc 02:10.",
        "This page was last edited on 14 November 2024, at 02:10.",
        "Văn bản được phát hành theo Giấy phép Creative Commons Ghi công 2.5.",
        "Islandstar.com is one of the most visited news sites in the islands.",
    ],
)
def test_a_pages_last_change_licence_and_blurb_after_the_text_are_furniture(line):
    assert furniture(line, "The minister spoke in Hanoi.") is not None


def test_a_sentence_about_someone_being_one_of_the_most_is_text():
    assert furniture("The minister is one of the most senior officials in the government.", "x") is None


def test_a_job_line_under_the_authors_name_is_no_headline(tmp_path, reader):
    head = "Ngoại giao kinh tế: Bài học từ chuyến công tác Nhật Bản của Thủ tướng"
    page = [
        "Home  My Network  Jobs  Messaging  Notifications",
        head,
        "Trần Quốc Bảo",
        "Tham tán Thương mại | Chuyên gia xúc tiến đầu tư",
    ]
    body = [
        "Cuối tháng 5/2023, Thủ tướng đã tham dự hội nghị thượng đỉnh mở rộng và có chuyến công tác tại Nhật Bản, "
        "mở ra nhiều cơ hội hợp tác cho doanh nghiệp hai nước.",
        "Trong hội đàm với Thủ tướng Nhật Bản, hai bên nhất trí thúc đẩy các dự án hạ tầng và chuyển đổi xanh.",
    ]
    a = read_scrape(tmp_path, reader, [*page, "Published Jun 2, 2023", "+ Follow", *body])
    assert a.title == head and a.author == "Trần Quốc Bảo"


@pytest.mark.parametrize(
    "line",
    [
        "(ATTN: UPDATES with details in paras 4-6)",
        "Join the Island Times' Telegram channel and get the latest breaking news delivered to you.",
        "Theo dõi Báo Biên Cương trên Google News",
    ],
)
def test_a_wires_note_and_a_channels_pitch_are_the_sites(line):
    assert inline_chrome(line) is not None


def test_a_caption_with_its_own_label_is_a_caption_never_the_title(tmp_path, reader):
    caption = "Chú thích hình ảnh, Ông Tô Lâm phát biểu tại Liên Hợp Quốc hồi tháng Chín"
    head = "Thủ tướng Anh và Tổng Bí thư bàn về thương mại và biến đổi khí hậu"
    body = [
        "Thủ tướng Anh và Tổng Bí thư Tô Lâm đã có cuộc điện đàm về thương mại, biến đổi khí hậu và hợp tác giáo "
        "dục, theo thông cáo của văn phòng Thủ tướng Anh.",
        "Hai bên nhất trí tăng cường trao đổi đoàn các cấp trong năm tới.",
    ]
    a = read_scrape(tmp_path, reader, [head, "22 tháng 10 2024", caption, *body])
    assert a.title == head
    assert [b.text for b in a.body if b.kind.value == "caption"] == [caption]
