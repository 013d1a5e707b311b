"""Reading raw scrapes: glued lines cut apart, bylines, the segmenter's labels and the constraints
on them, on scrapes written here."""

from __future__ import annotations

import pytest

from diparchive.read.blocks import RawBlock
from diparchive.read.bylines import byline_name
from diparchive.read.scrape import _settled
from diparchive.read.segment import Label, Labelled, split_glued
from diparchive.records import BlockKind
from scrapes import read_scrape as _read

LEAD = (
    "Chiều 12/5, tại Hà Nội, Bộ trưởng Ngoại giao đã hội đàm với Bộ trưởng Ngoại giao Phần Lan về hợp tác "
    "giáo dục, năng lượng tái tạo và đổi mới sáng tạo giữa hai nước trong thời gian tới."
)
BODY = (
    "Hai bên nhất trí tăng cường trao đổi đoàn ở mọi cấp, thúc đẩy hợp tác thương mại và đầu tư, đồng thời "
    "phối hợp chặt chẽ tại các diễn đàn đa phương như Liên hợp quốc và ASEAN-EU."
)
MORE = (
    "Nhân dịp này, hai bộ trưởng đã chứng kiến lễ ký bản ghi nhớ về hợp tác giáo dục đại học và trao đổi "
    "sinh viên, mở ra nhiều cơ hội mới cho thanh niên hai nước."
)


@pytest.mark.parametrize(
    ("line", "pieces"),
    [
        (
            "Thế giớiThứ Sáu, 01/11/2019 20:31:00 +07:00Google News",
            ["Thế giới", "Thứ Sáu, 01/11/2019 20:31:00 +07:00", "Google News"],
        ),
        ("Thủ tướng thăm Nhật Bản29/10/2021 05:24", ["Thủ tướng thăm Nhật Bản", "29/10/2021 05:24"]),
        (" date 2017-12 1. Nhận lời mời của Tổng thống", ["date 2017-12", "1. Nhận lời mời của Tổng thống"]),
        (
            "(TTXVN) - Nhận lời mời của Bộ trưởng Ngoại giao, đoàn đã lên đường thăm chính thức",
            ["(TTXVN) -", "Nhận lời mời của Bộ trưởng Ngoại giao, đoàn đã lên đường thăm chính thức"],
        ),
        (
            "HANOI -- Vietnam will work with Japan and other partners to keep trade open",
            ["HANOI --", "Vietnam will work with Japan and other partners to keep trade open"],
        ),
        ("Ngày 23/5, Bộ Ngoại giao ra thông cáo về chuyến thăm của đoàn đại biểu cấp cao.", None),
        ("Việt Nam - Trung Quốc đã ký nhiều văn kiện hợp tác quan trọng trong chuyến thăm", None),
        ("A 72-year-old woman demanded that a casino honour a jackpot after a tilt", None),
        ("iPhone và McCain", None),
        (
            "Hai bộ trưởng hội đàm - ảnh 1Hai bộ trưởng tại cuộc hội đàm. (Ảnh: Minh Anh)",
            ["Hai bộ trưởng hội đàm - ảnh 1", "Hai bộ trưởng tại cuộc hội đàm. (Ảnh: Minh Anh)"],
        ),
        (
            "hai bo truong hoi dam hinh anh 2Toàn cảnh cuộc hội đàm.",
            ["hai bo truong hoi dam hinh anh 2", "Toàn cảnh cuộc hội đàm."],
        ),
        ("Đoàn có 3 ảnh 12 người tham dự.", None),
    ],
)
def test_glued_lines_are_cut_apart_and_others_left_whole(line, pieces):
    assert split_glued(line) == (pieces if pieces is not None else [line.strip()])


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Theo Hải Minh /VGP", "Hải Minh"),
        ("By Khanh Vu and Phuong Nguyen", "Khanh Vu and Phuong Nguyen"),
        ("Tác giả: Chung Hoàng (ghi)", "Chung Hoàng"),
        ("Nhóm PV - Ảnh: Viết Thành", "Nhóm PV"),
        ("H.Triều", "H.Triều"),
        ("Minh Anh Theo Reuters", "Minh Anh"),
        ("Thứ Tư", None),
        ("CPV", None),
        ("Chính trị", None),
        ("Agence France-Presse in Hanoi", None),  # an agency, wherever it writes from
        ("Jane Doe in Hanoi", "Jane Doe"),  # a person, and where she writes from
        ("Jane Doe and John Roe in Ho Chi Minh City", "Jane Doe and John Roe"),
        ("Lan Hương tại Paris", "Lan Hương"),
        ("Hai bên nhất trí tăng cường hợp tác.", None),
        ("Ban Quốc tế", "Ban Quốc tế"),  # a newsroom desk
        ("PV", "PV"),  # "the reporter": what a newsroom signs when it names no one
        ("Ban hành Nghị định", None),
        ("Tiêu điểm", None),  # a section's name: "điểm" is not a name's word
        ("BỘ NGOẠI GIAO HOA KỲ", None),  # a banner in capitals
        ("The Voice of the Southern Provinces", None),  # a site's motto
        ("THÀNH NAM - HÀM YÊN", "THÀNH NAM - HÀM YÊN"),  # two names in capitals
        ("Thanh Tâm/Tin Nhanh Online", "Thanh Tâm"),  # the name, then the outlet
        ("Lan Hương, phóng viên thường trú", "Lan Hương"),  # the name, then a role
        ("Jane Doe, Southeast Asia correspondent", "Jane Doe"),
        ("Minh Anh - PV", "Minh Anh"),
        ("Lan Hương (phóng viên thường trú tại Paris)", "Lan Hương"),
        ("Lan Hương - Phóng viên TTXVN tại Paris", "Lan Hương"),
        ("By JOHN SMITH, Reuters", "JOHN SMITH"),  # the name, then the agency
        ("By JOHN SMITH, Associated Press", "JOHN SMITH"),
        ("Hồng Anh, Báo Tin Nhanh", "Hồng Anh"),
        ("By JOHN SMITH Updated", "JOHN SMITH"),  # the label of the date printed after it
        ("Minh Anh, Thu Hà, Lan Hương", "Minh Anh, Thu Hà, Lan Hương"),
        ("Minh Anh, Thu Hà", "Minh Anh, Thu Hà"),  # two names
        ("Photograph: Tran Van Binh/AP", None),  # a photo credit names no author
        ("REUTERS/Tran Van Binh", None),
    ],
)
def test_byline_names(line, name):
    assert byline_name(line) == name


def test_a_file_labelled_all_chrome_still_has_a_body():
    lines = [RawBlock(t, t, i + 1) for i, t in enumerate(["Menu", LEAD + " " + BODY, "Trang chủ"])]
    tags = _settled(lines, [Labelled(Label.TAIL, {}) for _ in lines])
    assert tags[1] is Label.BODY


def test_the_body_goes_on_over_whole_sentences_and_stops_at_a_headline():
    texts = [LEAD, BODY, MORE, "Tin liên quan", "Giá rau tăng mạnh sau mưa lớn"]
    lines = [RawBlock(t, t, i + 1) for i, t in enumerate(texts)]
    read = [Labelled(Label.BODY, {})] + [Labelled(Label.TAIL, {}) for _ in texts[1:]]
    assert _settled(lines, read) == [Label.BODY, Label.BODY, Label.BODY, Label.TAIL, Label.TAIL]


def test_a_teaser_cut_short_does_not_end_the_article():
    texts = [LEAD, BODY, "Một cụ bà 72 tuổi đòi sòng bạc trả thưởng sau khi máy báo lỗi..."]
    lines = [RawBlock(t, t, i + 1) for i, t in enumerate(texts)]
    assert _settled(lines, [Labelled(Label.BODY, {}) for _ in texts])[-1] is Label.TAIL


def test_a_lead_is_never_taken_as_the_headline():
    texts = ["Hội đàm Việt Nam - Phần Lan", LEAD, BODY]
    lines = [RawBlock(t, t, i + 1) for i, t in enumerate(texts)]
    read = [Labelled(Label.CHROME, {}), Labelled(Label.TITLE, {Label.TITLE: 0.9}), Labelled(Label.BODY, {})]
    assert _settled(lines, read)[1] is Label.BODY


def test_a_whole_page_with_chrome_around_the_article(tmp_path, reader):
    text = "\n".join(
        [
            "Trang chủ",
            "Thời sự",
            "Thế giới",
            "Kinh tế",
            "Chính trị",
            "Bộ trưởng Ngoại giao hội đàm với Bộ trưởng Ngoại giao Phần Lan",
            "Thứ Ba, 12/05/2026 18:30",
            LEAD,
            BODY,
            "\u00a0",
            "Hai bộ trưởng tại cuộc hội đàm. (Ảnh: Minh Anh)",
            MORE,
            "Tin liên quan",
            "Giá rau tăng mạnh sau mưa lớn kéo dài",
            "Khai mạc giải chạy vì cộng đồng tại thành phố biển",
        ]
    )
    a = _read(tmp_path, reader, text)
    assert a.title == "Bộ trưởng Ngoại giao hội đàm với Bộ trưởng Ngoại giao Phần Lan" and not a.title_supplied
    assert a.date is not None and a.date.iso == "2026-05-12"
    assert a.body[0].text == LEAD and a.body[-1].text == MORE
    assert [b.text for b in a.body if b.kind is BlockKind.CAPTION] == [
        "Hai bộ trưởng tại cuộc hội đàm. (Ảnh: Minh Anh)"
    ]
    left_out = {r.text for r in a.removed}
    assert {"Trang chủ", "Thế giới", "Tin liên quan", "Giá rau tăng mạnh sau mưa lớn kéo dài"} <= left_out
    assert not any("Giá rau" in b.text for b in a.body)


def test_a_two_line_file_is_a_headline_and_its_text(tmp_path, reader):
    a = _read(
        tmp_path,
        reader,
        "Tiêu đề bài viết thử nghiệm\nHà Nội (NDO) - Nội dung bài viết về ngoại giao đa phương của Việt Nam.\n",
    )
    assert a.title == "Tiêu đề bài viết thử nghiệm" and len(a.body) == 1


def test_no_title_line_gives_a_supplied_title_from_the_lead(tmp_path, reader):
    a = _read(tmp_path, reader, f"{LEAD}\n\n{BODY}\n")
    assert a.title_supplied and a.title.startswith("Chiều 12/5, tại Hà Nội")


def test_a_vietnamese_page_never_takes_the_sites_english_banner_as_its_title(tmp_path, reader):
    text = "\n".join(["The Voice of Southern Provinces Online", LEAD, BODY, MORE])
    a = _read(tmp_path, reader, text)
    assert a.title != "The Voice of Southern Provinces Online"
    assert a.title_supplied and a.body[0].text == LEAD


def test_a_signature_after_the_end_mark_is_the_byline(tmp_path, reader):
    a = _read(
        tmp_path,
        reader,
        "\n".join(
            ["Bộ trưởng Ngoại giao hội đàm với Bộ trưởng Ngoại giao Phần Lan", LEAD, BODY, MORE, "./.", "Hoàng Minh"]
        ),
    )
    assert a.author == "Hoàng Minh"
    assert a.body[-1].text == MORE


LAST = (
    "Kết thúc chuyến thăm, hai bên ra tuyên bố chung khẳng định quyết tâm đưa quan hệ hợp tác lên tầm cao mới, "
    "vì lợi ích của nhân dân hai nước và vì hòa bình, ổn định ở khu vực."
)


def test_a_related_news_box_inside_the_article_does_not_end_it(tmp_path, reader):
    lines = ["Bộ trưởng Ngoại giao hội đàm với Bộ trưởng Ngoại giao Phần Lan", LEAD, BODY, "TIN LIÊN QUAN"]
    lines += ["Giá rau tăng mạnh sau mưa lớn kéo dài", "Khai mạc giải chạy vì cộng đồng tại thành phố biển", MORE, LAST]
    a = _read(tmp_path, reader, "\n".join(lines))
    assert [b.text for b in a.body] == [LEAD, BODY, MORE, LAST]
    assert {"TIN LIÊN QUAN", "Giá rau tăng mạnh sau mưa lớn kéo dài"} <= {r.text for r in a.removed}


def test_a_subheading_inside_the_article_is_kept_with_what_follows(tmp_path, reader):
    lines = ["Bộ trưởng Ngoại giao hội đàm với Bộ trưởng Ngoại giao Phần Lan", LEAD, BODY]
    lines += ["Những bước đi cụ thể", MORE]
    a = _read(tmp_path, reader, "\n".join(lines))
    assert [b.text for b in a.body][-2:] == ["Những bước đi cụ thể", MORE]


def test_credits_alone_and_invitations_elsewhere_are_left_out_of_the_body(tmp_path, reader):
    lines = ["Bộ trưởng Ngoại giao hội đàm với Bộ trưởng Ngoại giao Phần Lan", LEAD, BODY]
    lines += ["* Mời quý độc giả theo dõi các chương trình thời sự trên kênh trực tuyến của Đài", MORE]
    lines += ["(For more on the visit, click here https://example.org/visit)", LAST, "Source: VNA"]
    a = _read(tmp_path, reader, "\n".join(lines))
    assert [b.text for b in a.body] == [LEAD, BODY, MORE, LAST]
    reasons = {r.text[:10]: r.reason for r in a.removed}
    assert reasons["* Mời quý "] == reasons["(For more "] == "site promotion or link"
    assert reasons["Source: VN"] == "source credit"


def test_a_line_in_capitals_is_a_byline_only_where_a_byline_surely_stands(tmp_path, reader):
    title = "Bộ trưởng Ngoại giao hội đàm với Bộ trưởng Ngoại giao Phần Lan"
    heading = _read(tmp_path, reader, "\n".join([title, "NỘI DUNG HỘI ĐÀM", LEAD, BODY, MORE]))
    assert heading.author is None
    signed = _read(tmp_path, reader, "\n".join([title, LEAD, BODY, MORE, "MINH ANH - THU HÀ"]))
    assert signed.author == "MINH ANH - THU HÀ"


@pytest.mark.parametrize(
    ("line", "pieces"),
    [
        (
            "Hai bộ trưởng hội đàm tại Hà Nội 第2张 Hai bộ trưởng bắt tay. (Ảnh: Minh Anh) Chia sẻ Facebook Zalo",
            [
                "Hai bộ trưởng hội đàm tại Hà Nội",
                "第2张",
                "Hai bộ trưởng bắt tay. (Ảnh: Minh Anh)",
                "Chia sẻ Facebook Zalo",
            ],
        ),
        ("Ông nói (ảnh: tư liệu) rằng hai bên sẽ hợp tác.", None),  # a credit inside a sentence stays
    ],
)
def test_a_widget_token_in_another_script_and_a_closing_photo_credit_cut_lines(line, pieces):
    assert split_glued(line) == (pieces if pieces is not None else [line.strip()])


@pytest.mark.parametrize(
    "head",
    [
        # in capitals, under a photo and its credit, right over the lead
        ["Bộ trưởng Ngoại giao đón đồng cấp Phần Lan. (Ảnh: Minh Anh)", "HỘI ĐÀM NGOẠI GIAO VIỆT NAM - PHẦN LAN"],
        # behind a list mark, under the site's name
        ["Đài phát thanh thành phố", "• Bộ trưởng Ngoại giao hội đàm với Bộ trưởng Ngoại giao Phần Lan"],
        # under a long menu of places
        [*(f"• Tỉnh số {n}" for n in range(30)), "Bộ trưởng Ngoại giao hội đàm với đồng cấp Phần Lan tại Hà Nội"],
    ],
)
def test_the_line_right_over_the_lead_sharing_its_words_is_the_headline(tmp_path, reader, head):
    a = _read(tmp_path, reader, "\n\n".join([*head, LEAD, BODY, MORE]) + "\n")
    assert a.title == head[-1].removeprefix("• ")
    assert not a.title_supplied


def test_a_headline_written_as_a_sentence_that_the_lead_repeats(tmp_path, reader):
    headline = "Bộ trưởng Ngoại giao đã hội đàm với Bộ trưởng Ngoại giao Phần Lan về hợp tác giáo dục."
    lead = "Chiều 12/5, tại Hà Nội, " + headline[0].lower() + headline[1:] + " Hai bên nhất trí nhiều nội dung."
    a = _read(tmp_path, reader, "\n".join([headline, lead, BODY, MORE]) + "\n")
    assert a.title == headline


def test_a_headline_over_the_sites_lines_is_not_the_lead(tmp_path, reader):
    text = "\n\n".join(
        [
            "Trang chủ",
            "Điện đàm giữa Ngoại trưởng J. Smith và Bộ trưởng Ngoại giao",
            "3 phút để đọc",
            "Tháng Năm 12, 2021",
            "BỘ NGOẠI GIAO",
            "Văn phòng người phát ngôn",
            LEAD,
            BODY,
            MORE,
        ]
    )
    a = _read(tmp_path, reader, text + "\n")
    assert a.title == "Điện đàm giữa Ngoại trưởng J. Smith và Bộ trưởng Ngoại giao"
    assert not a.title_supplied
    assert a.body[0].text == LEAD


def test_a_supplied_title_does_not_end_at_an_initial(tmp_path, reader):
    lead = "Ngoại trưởng Antony J. Blinken điện đàm với đồng cấp Việt Nam. Hai bên trao đổi nhiều nội dung."
    a = _read(tmp_path, reader, f"{lead}\n\n{BODY}\n")
    assert a.title_supplied
    assert a.title == "Ngoại trưởng Antony J. Blinken điện đàm với đồng cấp Việt Nam"


def test_a_signature_glued_after_the_end_mark_is_cut_off():
    assert split_glued("Đoàn sẽ thăm Cuba từ ngày 19-23/5./.Minh Anh") == [
        "Đoàn sẽ thăm Cuba từ ngày 19-23/5./.",
        "Minh Anh",
    ]


def test_an_outlet_mark_and_a_label_in_capitals_over_the_lead_are_not_text(tmp_path, reader):
    a = _read(
        tmp_path,
        reader,
        "\n\n".join(["Hội đàm Việt Nam - Phần Lan", "NỘI DUNG CHÍNH", "(Báo Mới) -", LEAD, BODY]) + "\n",
    )
    assert [b.text for b in a.body] == [LEAD, BODY]
    assert {"NỘI DUNG CHÍNH", "(Báo Mới) -"} <= {r.text for r in a.removed}


def test_the_article_ends_where_it_is_signed():
    teaser = (
        "Bộ trưởng Quốc phòng hai nước đã ký kết nhiều văn kiện hợp tác trong lĩnh vực đào tạo, công nghiệp quốc "
        "phòng và cứu hộ cứu nạn, theo thông báo của hai bên"
    )
    texts = [LEAD, BODY, MORE, "Minh Anh", "Hợp tác quốc phòng Việt Nam - Phần Lan", teaser]
    lines = [RawBlock(t, t, i + 1) for i, t in enumerate(texts)]
    read = [Labelled(Label.BODY, {})] * 3 + [
        Labelled(Label.BYLINE, {}),
        Labelled(Label.CHROME, {}),
        Labelled(Label.BODY, {}),
    ]
    assert _settled(lines, read)[3:] == [Label.BYLINE, Label.CHROME, Label.TAIL]


def test_a_line_ending_in_a_photo_credit_is_a_caption_inside_the_body():
    caption = "Hai bộ trưởng hội đàm tại Hà Nội. Ảnh: Minh Anh"
    texts = [LEAD, caption, BODY, MORE]
    lines = [RawBlock(t, t, i + 1) for i, t in enumerate(texts)]
    assert _settled(lines, [Labelled(Label.BODY, {}) for _ in texts])[1] is Label.CAPTION


def test_a_read_more_link_between_paragraphs_is_left_out_and_a_share_sentence_kept(tmp_path, reader):
    link = "Đọc thêm: Việt Nam và Nhật Bản thúc đẩy hợp tác bán dẫn"
    share = "Chia sẻ: hai bên coi giáo dục là trụ cột của quan hệ, theo lời Bộ trưởng."
    a = _read(
        tmp_path, reader, "\n\n".join(["Hội đàm Việt Nam - Phần Lan về giáo dục", LEAD, link, BODY, share, MORE]) + "\n"
    )
    texts = [b.text for b in a.body]
    assert link not in texts and BODY in texts and MORE in texts and share in texts
    assert any(r.text == link and r.reason == "link to another article" for r in a.removed)


def _tags(texts: list[str], labels: list[Label]) -> list[Label]:
    lines = [RawBlock(t, t, i + 1) for i, t in enumerate(texts)]
    return _settled(lines, [Labelled(label, {}) for label in labels])


def test_an_outlet_mark_printed_again_after_the_lead_opens_a_related_teaser():
    teaser_head = "Bộ trưởng Ngoại giao tiếp Đại sứ Phần Lan"
    teaser = (
        "Bộ trưởng Ngoại giao đánh giá cao những đóng góp của Đại sứ Phần Lan trong nhiệm kỳ công tác, "
        "với nhiều hoạt động thúc đẩy quan hệ hai nước."
    )
    texts = ["TNV.vn -", LEAD, BODY, MORE, teaser_head, "TNV.vn -", teaser]
    tags = _tags(texts, [Label.CHROME, Label.BODY, Label.BODY, Label.BODY, Label.BODY, Label.CHROME, Label.BODY])
    assert tags[1:4] == [Label.BODY] * 3
    assert tags[4] is Label.TAIL and tags[6] is Label.TAIL


def test_a_mark_over_the_lead_printed_twice_opens_no_teaser():
    texts = ["(TNV) -", LEAD, "(TNV) -", LEAD, BODY]
    tags = _tags(texts, [Label.CHROME, Label.BODY, Label.CHROME, Label.BODY, Label.BODY])
    assert Label.TAIL not in tags and tags[4] is Label.BODY


def test_a_teaser_box_inside_the_article_does_not_end_it_when_paragraphs_follow():
    teaser = (
        "Hai nước thúc đẩy hợp tác năng lượng tái tạo, với nhiều dự án điện gió ngoài khơi và điện mặt trời "
        "được hai bên đưa vào danh mục ưu tiên."
    )
    texts = ["(TNV) -", LEAD, "Hợp tác năng lượng Việt Nam - Phần Lan", "(TNV) -", teaser, BODY, MORE]
    tags = _tags(texts, [Label.CHROME, Label.BODY, Label.BODY, Label.CHROME, Label.BODY, Label.BODY, Label.BODY])
    assert tags[2] is Label.TAIL and tags[4] is Label.TAIL
    assert tags[5:] == [Label.BODY, Label.BODY]


def test_the_end_mark_closes_the_article():
    closing = "Hai bên nhất trí tiếp tục phối hợp chặt chẽ trong thời gian tới./."
    bio = (
        "Ông Nguyễn Văn An sinh năm 1970, tốt nghiệp Học viện Ngoại giao, từng giữ chức Đại sứ Việt Nam "
        "tại nhiều nước châu Âu trước khi nhận nhiệm vụ mới."
    )
    tags = _tags([LEAD, BODY, closing, bio], [Label.BODY] * 4)
    assert tags == [Label.BODY, Label.BODY, Label.BODY, Label.TAIL]


def test_the_headline_reworded_inside_the_body_is_alt_text_over_its_caption():
    title = "Thủ tướng chúc mừng đội tuyển bóng đá nữ giành huy chương vàng tại Đại hội Thể thao"
    alt = "Thủ tướng chúc mừng đội tuyển nữ giành huy chương vàng Đại hội 2"
    caption = "Thủ tướng trao hoa cho các cầu thủ tại sân bay."
    texts = [title, LEAD, BODY, alt, caption, MORE]
    tags = _tags(texts, [Label.TITLE, Label.BODY, Label.BODY, Label.BODY, Label.BODY, Label.BODY])
    assert tags[3] is Label.CHROME and tags[4] is Label.CAPTION and tags[5] is Label.BODY


@pytest.mark.parametrize(
    ("line", "pieces"),
    [
        (
            "The two ministers shook hands in Tokyo on Monday. — TNA/TNS Minh Anh HÀ NỘI — The Prime Minister "
            "met the visiting delegation and welcomed its plans.",
            [
                "The two ministers shook hands in Tokyo on Monday. — TNA/TNS Minh Anh",
                "HÀ NỘI —",
                "The Prime Minister met the visiting delegation and welcomed its plans.",
            ],
        ),
        (
            "The minister said the two sides would meet again in spring to review the plan… Read the whole story",
            ["The minister said the two sides would meet again in spring to review the plan…", "Read the whole story"],
        ),
        ("Hai bên nhất trí. Quan hệ hợp tác ASEAN — Trung Quốc phát triển mạnh mẽ trong nhiều năm qua.", None),
    ],
)
def test_a_place_dateline_inside_a_line_and_a_link_after_a_cut_teaser_cut_lines(line, pieces):
    assert split_glued(line) == (pieces or [line])


def test_a_caption_over_the_story_credited_to_a_news_agency_is_a_caption():
    caption = "The two ministers shake hands in Tokyo on Monday. — TNA/TNS Minh Anh"
    texts = [caption, LEAD, BODY]
    assert _tags(texts, [Label.BODY] * 3) == [Label.CAPTION, Label.BODY, Label.BODY]


def test_a_file_of_captions_only_gets_a_supplied_title_naming_a_photo_series(tmp_path, reader):
    captions = [
        "Bộ trưởng Ngoại giao đón người đồng cấp Phần Lan tại sân bay. (Ảnh: Minh Anh)",
        "Hai bộ trưởng duyệt đội danh dự. (Ảnh: Minh Anh)",
        "Toàn cảnh cuộc hội đàm. (Ảnh: Minh Anh)",
    ]
    a = _read(tmp_path, reader, "\n".join(captions) + "\n")
    assert a.title_supplied and a.title == "Chùm ảnh: Bộ trưởng Ngoại giao đón người đồng cấp Phần Lan tại sân bay"
    assert all(a.title not in caption for caption in captions)


def test_a_photo_credited_under_its_slot_above_the_lead_and_after_the_last_paragraph_is_a_caption():
    over = "The two ministers shake hands in Helsinki on Monday. © Agency"
    closing = "Hai bộ trưởng tại cuộc họp báo chung. (Ảnh: Minh Anh)"
    texts = ["(placeholder image)", over, LEAD, BODY, MORE, closing, "Tin khác"]
    tags = _tags(texts, [Label.CHROME, Label.CHROME, Label.BODY, Label.BODY, Label.BODY, Label.TAIL, Label.TAIL])
    assert tags[1] is Label.CAPTION and tags[5] is Label.CAPTION and tags[6] is Label.TAIL


def test_a_lower_case_phrase_after_an_ellipsis_is_no_link():
    line = "Lễ tân ngoại giao: bắt tay trong hội nghị không đơn thuần chỉ là một cái bắt tay... bắt tay"
    assert split_glued(line) == [line]


def test_a_line_announcing_what_follows_is_no_headline(tmp_path, reader):
    a = _read(tmp_path, reader, f"Toàn văn bức điện như sau:\n\n{LEAD}\n\n{BODY}\n")
    assert a.title_supplied and not a.title.endswith(":")


def test_a_whole_sentence_naming_a_date_is_text_not_a_dateline():
    lead = "Bộ trưởng Ngoại giao sẽ thăm chính thức Cộng hòa Phần Lan và Vương quốc Thụy Điển từ ngày 12 - 15/5/2024."
    texts = ["Bộ trưởng Ngoại giao thăm Phần Lan", lead, BODY]
    tags = _tags(texts, [Label.TITLE, Label.DATELINE, Label.BODY])
    assert tags[1] is Label.BODY
    assert (
        _tags(
            ["Bộ trưởng thăm Phần Lan", "Thứ Hai, 12/05/2024 08:30", LEAD], [Label.TITLE, Label.DATELINE, Label.BODY]
        )[1]
        is Label.DATELINE
    )


EN_TITLE = "Vietnam and Norway agree to deepen clean energy cooperation"
EN_LEAD = (
    "Vietnam and Norway agreed on Monday to deepen cooperation in renewable energy, offshore wind and the "
    "maritime economy, the two prime ministers said after talks in Hanoi."
)
EN_BODY = (
    "The two sides also pledged to raise two-way trade and to coordinate closely at multilateral forums such "
    "as the United Nations and ASEAN, according to a joint statement."
)
EN_MORE = (
    "Officials said a memorandum on higher education would open new opportunities for students of both "
    "countries over the coming years."
)
VI_TITLE = "Bộ trưởng Ngoại giao hội đàm với Bộ trưởng Ngoại giao Phần Lan"


@pytest.mark.parametrize(
    ("lines", "author"),
    [
        (["Trang chủ", "Thế giới", VI_TITLE, "NGUYỄN VĂN AN", LEAD, BODY, MORE], "NGUYỄN VĂN AN"),
        (["Trang chủ", VI_TITLE, LEAD, BODY, MORE, "TRẦN THỊ HOA", "Tin liên quan", "Giá rau tăng"], "TRẦN THỊ HOA"),
        # a person the text names, printed in capitals over it, is its subject, not its author
        (["Trang chủ", VI_TITLE, "TRẦN VĂN BÌNH", "Ông Trần Văn Bình cho biết. " + LEAD, BODY, MORE], None),
        (["Trang chủ", VI_TITLE, "Thanh Tâm/Tin Nhanh Online", LEAD, BODY, MORE], "Thanh Tâm"),
        (["Trang chủ", VI_TITLE, "Lan Hương, phóng viên thường trú", LEAD, BODY, MORE], "Lan Hương"),
        (["Home", "World", EN_TITLE, "Jane Doe, Southeast Asia correspondent", EN_LEAD, EN_BODY], "Jane Doe"),
        (["Home", "World", EN_TITLE, "By JOHN SMITH", EN_LEAD, EN_BODY, EN_MORE], "JOHN SMITH"),
        (["Home", "By JOHN SMITH", EN_TITLE, EN_LEAD, EN_BODY, EN_MORE], "JOHN SMITH"),  # over the headline
        (["Home", EN_TITLE, "By JOHN SMITH Updated 4:30 PM GMT+7, May 12, 2025", EN_LEAD, EN_BODY], "JOHN SMITH"),
        (["Home", EN_TITLE, EN_LEAD, EN_BODY, EN_MORE, "By JOHN SMITH", "More from World", "Share"], "JOHN SMITH"),
        (["Home", EN_TITLE, "Mon 12 May 2025 09.30 BST", EN_LEAD, EN_BODY], None),  # a weekday and a zone
        (["Home", EN_TITLE, "Vientiane, May 12, 2025", EN_LEAD, EN_BODY], None),  # a wire's place
    ],
)
def test_a_byline_in_any_shape_gives_the_name_only(tmp_path, reader, lines, author):
    a = _read(tmp_path, reader, "\n".join(lines) + "\n")
    assert a.author == author
    assert all(len(b.text) > 100 for b in a.body)  # the paragraphs only: no byline, date or credit


def test_photo_credits_after_a_caption_make_it_a_caption_never_the_author(tmp_path, reader):
    guardian = "The two prime ministers at the presidential palace in Hanoi. Photograph: Tran Van Binh/AP"
    wire = "Norway's prime minister shakes hands with his host in Hanoi, May 12, 2025. REUTERS/Le Minh Purchase Licensing Rights"
    bracketed = "Wind turbines stand off the coast of the southern province, January 3, 2024. (REUTERS/Nguyen Hoa)"
    linked = "The ministers visit a port in Hai Phong, May 13, 2025. REUTERS/Le Minh [Licensing Rights]"
    lines = [
        "Home",
        "World",
        EN_TITLE,
        wire,
        EN_LEAD,
        guardian,
        EN_BODY,
        bracketed,
        EN_MORE,
        linked,
        EN_LEAD + " More.",
    ]
    a = _read(tmp_path, reader, "\n".join(lines) + "\n")
    captions = [b.text for b in a.body if b.kind is BlockKind.CAPTION]
    assert captions == [wire, guardian, bracketed, linked]
    assert a.author is None and a.title == EN_TITLE and a.body[1].text == EN_LEAD


@pytest.mark.parametrize(
    ("line", "pieces"),
    [
        (
            "QT&PT - Chiều 12/5, tại Hà Nội, Bộ trưởng Ngoại giao đã hội đàm với đồng cấp Phần Lan",
            ["QT&PT -", "Chiều 12/5, tại Hà Nội, Bộ trưởng Ngoại giao đã hội đàm với đồng cấp Phần Lan"],
        ),
        (
            "(KT&ĐT) - Chiều 12/5, tại Hà Nội, Bộ trưởng Ngoại giao đã hội đàm với đồng cấp Phần Lan",
            ["(KT&ĐT) -", "Chiều 12/5, tại Hà Nội, Bộ trưởng Ngoại giao đã hội đàm với đồng cấp Phần Lan"],
        ),
        ("Q&A - what the two sides agreed on Monday in Hanoi about the trade and energy plans", None),
        ("AT&T - the company said on Monday that it would raise prices for its customers next year", None),
    ],
)
def test_an_outlets_code_joined_by_an_ampersand_is_cut_off_the_lead(line, pieces):
    assert split_glued(line) == (pieces or [line])


def test_an_outlet_mark_with_an_ampersand_is_the_outlet_and_the_lead_stays(tmp_path, reader):
    lead = "QT&PT - " + LEAD
    a = _read(tmp_path, reader, "\n".join(["Trang chủ", VI_TITLE, "12/05/2025 14:30", lead, BODY, MORE]) + "\n")
    assert a.outlet == "QT&PT" and a.body[0].text == LEAD
    assert any(r.text == "QT&PT -" and r.reason == "outlet marker" for r in a.removed)


STANDFIRST = "Ministers pledge to raise trade and coordinate closely at the United Nations after talks in Hanoi"


@pytest.mark.parametrize(
    "head",
    [
        ["Skip to main content", "World", "Asia", "This article is more than 1 year old", EN_TITLE, STANDFIRST],
        ["Skip to main content", "World", "This article is more than 2 years old", EN_TITLE, STANDFIRST, "Jane Doe"],
        ["Home", "World", EN_TITLE, STANDFIRST, "By JOHN SMITH", "Monday 12 May 2025"],
        # the notice, the headline, its standfirst, the photo and its credit, a byline, the date
        [
            "World",
            "This article is more than 1 year old",
            EN_TITLE,
            STANDFIRST,
            "The two prime ministers at the presidential palace in Hanoi. Photograph: Tran Van Binh/AP",
            "Jane Doe in Hanoi",
            "Mon 12 May 2025 09.30 BST",
        ],
    ],
)
def test_the_headline_over_its_standfirst_is_the_title(tmp_path, reader, head):
    a = _read(tmp_path, reader, "\n".join([*head, EN_LEAD, EN_BODY, EN_MORE]) + "\n")
    assert a.title == EN_TITLE and not a.title_supplied
    assert [b.text for b in a.body if b.kind is not BlockKind.CAPTION][0] == EN_LEAD
    assert all(not r.text.startswith("This article is more") or r.reason.startswith("site") for r in a.removed)
    bylines = [line.removeprefix("By ").removesuffix(" in Hanoi") for line in head if line.startswith(("By", "Jane"))]
    assert a.author == (bylines[0] if bylines else None)  # "Jane Doe in Hanoi": the name only


def test_a_sections_name_over_the_headline_is_no_headline_over_a_standfirst(tmp_path, reader):
    a = _read(tmp_path, reader, "\n".join(["Home", "Asia Pacific news", EN_TITLE, EN_LEAD, EN_BODY]) + "\n")
    assert a.title == EN_TITLE


def test_a_photo_credit_alone_on_its_line_makes_the_line_above_the_caption(tmp_path, reader):
    caption = "A worker inspects solar panels at a plant in the southern province."
    lines = ["Home", EN_TITLE, EN_LEAD, EN_BODY, caption, "Photograph: Minh Chau/Reuters", EN_MORE, EN_LEAD + " More."]
    a = _read(tmp_path, reader, "\n".join(lines) + "\n")
    assert [b.text for b in a.body if b.kind is BlockKind.CAPTION] == [caption]
    assert all("Photograph" not in b.text for b in a.body) and a.author is None
    # an agency's desk alone credits the text as often as a photo: the paragraph above stays one
    text = _read(tmp_path, reader, "\n".join(["Home", VI_TITLE, LEAD, BODY, "TTXVN/Tin Nhanh", MORE]) + "\n")
    assert BODY in [b.text for b in text.body if b.kind is BlockKind.PARAGRAPH]
