"""Bylines and end-of-article furniture a new-user walk found misread, each on a page written
here: a signature in capitals or alone after the body, "By X" under a reading-time widget, a
signature under a gallery's caption, a menu's item never the author, and an author's bio,
contact lines, print notices, disclaimers and corrections after the body left out with a reason."""

from __future__ import annotations

import pytest

from diparchive.read.bylines import byline_name
from diparchive.read.furniture import furniture
from scrapes import read_scrape

VI_T = "Việt Nam và Chi-lê thúc đẩy hợp tác thương mại và giáo dục"
VI = [
    "Sáng 20/10, tại Hà Nội, Bộ trưởng Ngoại giao đã tiếp Đại sứ Chi-lê nhân dịp kết thúc nhiệm kỳ công tác, "
    "hai bên trao đổi về hợp tác thương mại và giáo dục.",
    "Bộ trưởng đề nghị Đại sứ tiếp tục là cầu nối thúc đẩy quan hệ Đối tác toàn diện giữa hai nước trên "
    "cương vị mới của mình.",
    "Đại sứ cảm ơn sự hỗ trợ của Bộ Ngoại giao và khẳng định sẽ luôn dành tình cảm đặc biệt cho đất nước "
    "và con người Việt Nam.",
]
EN_T = "Vietnam and Chile deepen trade and education ties"
EN = [
    "The foreign minister told lawmakers on Tuesday that Vietnam would widen its network of strategic partners "
    "and deepen trade ties with Latin America over the coming decade.",
    "Officials said a new round of talks on a free trade agreement with Chile and Peru would open before the "
    "end of the year, with a first meeting planned in Lima.",
    "Analysts in the region expect the talks to focus on farm goods, minerals and the rules that govern "
    "investment by state companies.",
]


def _vi(*end: str) -> list[str]:
    return [VI_T, "20/10/2025 10:15", *VI, *end]


def _en(*end: str) -> list[str]:
    return [EN_T, "October 20, 2025", *EN, *end]


@pytest.mark.parametrize(
    ("page", "author"),
    [
        (_vi("THANH HÀ"), "THANH HÀ"),
        (_vi("NGUYỄN MINH", "Từ khóa: Chi-lê, ngoại giao", "Chia sẻ  Facebook  Zalo"), "NGUYỄN MINH"),
        (_vi("THANH HÀ", "Từ khóa: Chi-lê, ngoại giao"), "THANH HÀ"),
        (_vi("Minh Anh"), "Minh Anh"),
        (_en("JANE MORROW", "Topics: Vietnam, Chile", "Share this article"), "JANE MORROW"),
    ],
)
def test_a_signature_after_the_body_is_the_author(tmp_path, reader, page, author):
    a = read_scrape(tmp_path, reader, page)
    assert a.author == author
    assert [b.text for b in a.body] == (VI if page[0] == VI_T else EN)
    assert any(r.text == author and r.reason == "byline" for r in a.removed)


@pytest.mark.parametrize(
    ("header", "author"),
    [
        ([EN_T, "6 min read", "By Daniel Kerr", "October 20, 2025"], "Daniel Kerr"),
        ([EN_T, "6 min read · By Daniel Kerr"], "Daniel Kerr"),
        ([EN_T, "By Sarah Lim · 4 min read"], "Sarah Lim"),
        ([VI_T, "5 phút đọc", "Bởi Lan Hương", "20/10/2025 10:15"], "Lan Hương"),
        ([VI_T, "Thứ Hai, 20/10/2025 10:15 (GMT+7)", "5 phút đọc", "THANH HÀ"], "THANH HÀ"),
    ],
)
def test_a_byline_beside_a_reading_time_widget_is_the_author(tmp_path, reader, header, author):
    body = VI if header[0] == VI_T else EN
    a = read_scrape(tmp_path, reader, [*header, *body])
    assert a.author == author
    assert [b.text for b in a.body] == body


def test_a_signature_under_a_gallery_caption_is_the_author(tmp_path, reader):
    page = _vi(
        "Đại sứ phát biểu tại buổi tiếp. Ảnh 3/3",
        "THANH HÀ",
        "Tin liên quan",
        "Hà Nội đón đoàn khách quốc tế dự hội nghị về kinh tế biển",
    )
    assert read_scrape(tmp_path, reader, page).author == "THANH HÀ"


@pytest.mark.parametrize("item", ["About Viet Nam", "Contact Us", "GIỚI THIỆU", "Giới Thiệu", "Follow Us"])
def test_a_menu_item_is_never_the_author(tmp_path, reader, item):
    assert byline_name(item) is None
    assert read_scrape(tmp_path, reader, _en(item)).author is None
    assert read_scrape(tmp_path, reader, [item, *_vi()]).author is None


def test_a_desk_named_for_its_section_and_a_person_stay_names():
    assert byline_name("Ban Thời sự") == "Ban Thời sự"
    assert byline_name("Bởi Thanh Hà") == "Thanh Hà"
    assert byline_name("Bởi vì trời mưa") is None


FURNITURE = [
    ("Daniel Kerr is a senior fellow at the Lowland Institute for Asian Studies.", "bio"),
    ("*Tác giả là giảng viên Đại học Khoa học Xã hội và Nhân văn.", "bio"),
    ("(*) Tác giả là nghiên cứu viên Viện Nghiên cứu Đông Nam Á.", "bio"),
    ("Email: toasoan@tinnhanh.vn", "contact"),
    ("Liên hệ quảng cáo: 0912 345 678", "contact"),
    ("Contact the author at dkerr@harbourreview.com.", "contact"),
    ("This article appears in the July 2025 issue of Harbour Review.", "print"),
    ("A version of this article appeared in print on Oct. 21, 2025, Section A, Page 6.", "print"),
    ("Bài đăng trên Tạp chí Nghiên cứu Quốc tế số 120 (tháng 10/2025).", "print"),
    ("The views expressed are the author's own and do not reflect those of this publication.", "disclaimer"),
    ("Bài viết thể hiện quan điểm riêng của tác giả.", "disclaimer"),
    ("Corrections: An earlier version of this article misstated the date of the next round of talks.", "correction"),
]


@pytest.mark.parametrize(("line", "kind"), FURNITURE)
def test_furniture_after_the_body_is_left_out_and_the_signature_found(tmp_path, reader, line, kind):
    for page, body in ((_en("Daniel Kerr", line), EN), (_vi(line, "NGUYỄN MINH"), VI)):
        a = read_scrape(tmp_path, reader, page)
        assert [b.text for b in a.body] == body
        assert any(r.text == line and r.reason.startswith("after the article:") for r in a.removed)
        assert a.author in ("Daniel Kerr", "NGUYỄN MINH")
    assert kind in furniture(line, "")  # type: ignore[operator]


def test_a_bio_after_the_body_gives_the_author_when_nothing_else_does(tmp_path, reader):
    bio = "Daniel Kerr is a senior fellow at the Lowland Institute for Asian Studies."
    assert read_scrape(tmp_path, reader, _en(bio)).author == "Daniel Kerr"
    assert read_scrape(tmp_path, reader, [EN_T, "By Sarah Lim", *EN, bio]).author == "Sarah Lim"


def test_the_story_is_never_cut_for_furniture(tmp_path, reader):
    # A person the body names, in its last paragraph, is its subject: no bio.
    named = "Daniel Kerr, the envoy, told lawmakers on Tuesday that Vietnam would widen its network of partners."
    last = "Daniel Kerr is a former ambassador to Chile and a member of the council."
    a = read_scrape(tmp_path, reader, [EN_T, "By Sarah Lim", named, EN[1], last])
    assert [b.text for b in a.body] == [named, EN[1], last]
    # Delegates' views are the story's, and a contact word inside the body is text.
    views = (
        "The views expressed by delegates at the meeting ranged widely, from calls for faster tariff cuts to "
        "warnings that farm goods needed protection, and the chair said a summary would follow the next round."
    )
    assert furniture(views, "") is None
    middle = "Email: the ministry said questions could be sent by post."
    a = read_scrape(tmp_path, reader, [EN_T, EN[0], middle, EN[1], EN[2]])
    assert [b.text for b in a.body] == [EN[0], middle, EN[1], EN[2]]
