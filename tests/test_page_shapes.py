"""Authors, dates, captions and the site's lines inside the text, in page layouts a new user met:
a name over the page's stamp, a signature after the body, an author on the date's line, a
masthead clock over the stamp, photos credited to a pool or a screenshot, advertisements, players
and ">>" teasers between paragraphs. Every scrape here is written for the test."""

from __future__ import annotations

import pytest

from diparchive.read.boilerplate import inline_chrome, is_link_line
from diparchive.read.bylines import byline_name
from diparchive.read.captions import credited
from diparchive.read.dating import publication_date
from diparchive.read.loader import load_article
from diparchive.read.segment import Label, Labelled
from diparchive.records import BlockKind
from scrapes import read_scrape

TITLE = "Chủ tịch Quốc hội tiếp Chủ tịch Thượng viện Ba Lan"
LEAD = (
    "Sáng 21/5, tại Nhà Quốc hội, Chủ tịch Quốc hội đã tiếp Chủ tịch Thượng viện Ba Lan đang thăm chính thức "
    "Việt Nam, nhân dịp hai nước kỷ niệm 75 năm thiết lập quan hệ ngoại giao."
)
BODY = (
    "Hai bên nhất trí tăng cường trao đổi đoàn các cấp, nhất là giữa các ủy ban của hai cơ quan lập pháp, "
    "và phối hợp chặt chẽ tại các diễn đàn nghị viện đa phương."
)
MORE = (
    "Chủ tịch Thượng viện Ba Lan cảm ơn sự đón tiếp trọng thị và khẳng định Ba Lan coi trọng quan hệ hữu nghị "
    "truyền thống với Việt Nam, mong muốn mở rộng hợp tác giáo dục và y tế."
)
LAST = (
    "Nhân dịp này, hai bên trao đổi về việc tổ chức diễn đàn doanh nghiệp hai nước trong năm tới, góp phần "
    "nâng kim ngạch thương mại song phương lên tầm cao mới."
)
MENU = ["Đăng nhập", "Trang chủ", "Thời sự", "Chính trị", "Kinh tế"]

EN_TITLE = "Vietnam and Chile agree to expand farm trade and clean energy ties"
# (A wire's mark before the lead, "HANOI, May 21 (Wire) -", is cut off as the outlet's: tests/test_outlets_walk.py.)
EN_LEAD = (
    "Vietnam and Chile agreed on Wednesday to expand trade in farm produce and to work "
    "together on clean energy, the two foreign ministers said after talks in Hanoi."
)
EN_BODY = (
    "The two sides also pledged to raise two-way trade and to coordinate closely at multilateral forums such "
    "as the United Nations and APEC, according to a joint statement."
)
EN_MORE = (
    "Officials said a memorandum on higher education would open new opportunities for students of both "
    "countries over the coming years."
)
EN_LAST = (
    "Chile is Vietnam's third-largest trading partner in Latin America, with trade of about $1.8 billion "
    "last year, according to customs data."
)


def _read(tmp_path, reader, lines, sep="\n"):
    return read_scrape(tmp_path, reader, sep.join(lines) + "\n")


def _removed(article, text):
    return next(r.reason for r in article.removed if r.text == text)


# Authors ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Bài và ảnh: Bảo Ngọc", "Bảo Ngọc"),
        ("Bảo Ngọc/VOV-Warszawa", "Bảo Ngọc"),  # the name, then the desk's code
        ("Bảo Ngọc - Báo Tin Mới", "Bảo Ngọc"),  # the name, then the paper
        ("Bảo Ngọc - Đài Phát thanh Hà Đông", "Bảo Ngọc"),
        ("Bảo Ngọc - Hữu Nam", "Bảo Ngọc - Hữu Nam"),  # two names stay two names
        ("PGS.TS. Trần Văn Hải*", "PGS.TS. Trần Văn Hải"),  # an academic title, a footnote's star
        ("Tiếng Việt   English   Français", None),  # a language menu
        ("Share  Tweet  Email", None),  # the page's buttons
        ("Chia sẻ   Facebook   Zalo", None),
        ("PV: Thu Hiền/Nairobi", "Thu Hiền"),  # a reporter's head, then the desk
        ("PV", "PV"),  # the desk's own name, alone
        ("Words by Alan Fairweather", "Alan Fairweather"),
        ("By Jane Doe and Tom Lee | Herald Staff", "Jane Doe and Tom Lee"),  # the paper's staff after a bar
        ("Thu Hiền (từ Nairobi)", "Thu Hiền"),  # where it was filed from
        ("Thu Hiền (thực hiện)", "Thu Hiền"),  # an interview's credit
    ],
)
def test_a_byline_gives_the_name_without_its_paper_desk_or_footnote(line, name):
    assert byline_name(line) == name


def test_a_name_over_the_stamp_over_the_headline_is_the_author_and_the_stamp_the_date(tmp_path, reader):
    header = ["Thứ Sáu, 07/11/2025", "Hà Đông 26°C", *MENU, "A- A A+"]
    a = _read(tmp_path, reader, [*header, "Bảo Ngọc", "09:40 | 21/05/2025", TITLE, LEAD, BODY, MORE, LAST])
    assert a.author == "Bảo Ngọc"
    assert a.date is not None and a.date.iso == "2025-05-21"  # the masthead's clock is the day the page was read
    assert _removed(a, "Bảo Ngọc") == "byline"


@pytest.mark.parametrize(
    "over",
    [
        ["Trang chủ > Thời sự > Chính Trị", "Chính Trị"],  # a section, printed in the breadcrumb too
        ["Thời Sự", "Chính Trị"],  # the last of a menu's items
        ["A- A A+", "Ba Lan"],  # a place the text names
        ["A- A A+", "Ảnh: Hữu Nam"],  # a photo's credit
    ],
)
def test_a_section_a_menu_or_a_place_over_the_stamp_is_no_author(tmp_path, reader, over):
    a = _read(tmp_path, reader, ["Đăng nhập", *over, "09:40 | 21/05/2025", TITLE, LEAD, BODY, MORE, LAST])
    assert a.author is None


def test_a_name_in_capitals_over_the_stamp_under_the_headline_is_the_author(tmp_path, reader):
    a = _read(tmp_path, reader, [*MENU, TITLE, "BẢO NGỌC", "Thứ Tư, 21/5/2025 | 09:40", LEAD, BODY, MORE, LAST])
    assert a.author == "BẢO NGỌC"


def test_a_label_in_capitals_over_a_sentences_date_is_no_author(tmp_path, reader):
    opening = "Ngày 21 tháng 5 năm 2025,"
    lead = "Nội dung sau đây do Văn phòng Quốc hội cung cấp: " + LEAD
    a = _read(tmp_path, reader, [*MENU, TITLE, "NỘI DUNG TIẾP KIẾN", opening, lead, BODY, MORE, LAST])
    assert a.author is None


def test_an_academic_author_with_a_footnote_over_the_headline_is_the_author(tmp_path, reader):
    lines = ["TẠP CHÍ NGHIÊN CỨU", "Trang chủ   Nghiên cứu   Bình luận", "", "PGS.TS. Trần Văn Hải*", "", TITLE]
    lines += ["", "Ngày đăng: 22.05.2025", "", LEAD, "", BODY, "", MORE, "", LAST, "", "* Viện Nghiên cứu Châu Âu"]
    a = _read(tmp_path, reader, lines)
    assert a.author == "PGS.TS. Trần Văn Hải"
    assert a.title == TITLE


class _Labels:
    """A segmenter that reads each line as the test says (the model's labels, fixed)."""

    def __init__(self, labels: list[Label]) -> None:
        self.labels = labels

    def read(self, texts: list[str]) -> list[Labelled]:
        assert len(texts) == len(self.labels)
        return [Labelled(label, {label: 1.0}) for label in self.labels]


@pytest.mark.parametrize(
    ("signature", "author"),
    [
        ("Bảo Ngọc - Hữu Nam", "Bảo Ngọc - Hữu Nam"),
        ("Facebook Twitter", None),  # the site's buttons: no person's name
        ("Chia Sẻ Bài", None),  # a menu's words in title case, printed in the menu too
    ],
)
def test_a_signature_the_model_read_as_chrome_is_the_author_and_its_programme_no_author(
    tmp_path, reader, signature, author
):
    lines = [*MENU, "Chia Sẻ Bài", TITLE, LEAD, "19:30, 21/05/2025", BODY, MORE, LAST, signature]
    lines += ["Theo Bản tin 19h - THĐ2", "Tải ứng dụng", "Tin liên quan", "Hà Đông đón đoàn Ba Lan"]
    c, t, b, d = Label.CHROME, Label.TITLE, Label.BODY, Label.DATELINE
    labels = [c] * 6 + [t, b, d, b, b, b, c, c, c, Label.TAIL, Label.TAIL]
    registry, recognizer, _ = reader
    path = tmp_path / "scrape.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    a = load_article(path, tmp_path, registry, recognizer, _Labels(labels)).article  # type: ignore[arg-type]
    assert a.author == author
    assert [x.text for x in a.body] == [LEAD, BODY, MORE, LAST]


def test_the_name_after_the_date_on_its_line_is_the_author(tmp_path, reader):
    lines = ["My notes", "Home", "About", EN_TITLE, "Posted on May 21, 2025 by Lena Ortiz", EN_LEAD, EN_BODY]
    a = _read(tmp_path, reader, [*lines, EN_MORE, EN_LAST, "Share this:", "Like Loading..."])
    assert a.author == "Lena Ortiz"


def test_a_byline_with_its_photos_after_the_body_is_the_author_not_a_caption(tmp_path, reader):
    a = _read(
        tmp_path, reader, [*MENU, TITLE, "21/05/2025 09:40", LEAD, BODY, MORE, "Bài và ảnh: Bảo Ngọc", "Tin liên quan"]
    )
    assert a.author == "Bảo Ngọc"
    assert all(b.kind is BlockKind.PARAGRAPH for b in a.body)


def test_a_menu_between_the_headline_and_the_lead_gives_no_author(tmp_path, reader):
    lines = ["THE FOREIGN MINISTRY", "Tiếng Việt   English   Français", "Home", EN_TITLE, "Press Room"]
    lines += ["Consular Services", "Media Centre", "21 May 2025 | 17:20", EN_LEAD, EN_BODY, EN_MORE, EN_LAST]
    a = _read(tmp_path, reader, lines)
    assert a.title == EN_TITLE
    assert a.author is None


def test_a_name_over_its_role_between_the_headline_and_the_lead_is_the_author(tmp_path, reader):
    lines = ["Home", "World", EN_TITLE, "Lena Ortiz", "Regional Correspondent", "21 May 2025 | 17:20"]
    lines += [EN_LEAD, EN_BODY, EN_MORE, EN_LAST]
    c, b = Label.CHROME, Label.BODY
    labels = [c, c, Label.TITLE, c, c, Label.DATELINE, b, b, b, b]  # the model read the byline as the site's
    registry, recognizer, _ = reader
    path = tmp_path / "scrape.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    a = load_article(path, tmp_path, registry, recognizer, _Labels(labels)).article  # type: ignore[arg-type]
    assert a.author == "Lena Ortiz"


# Dates ------------------------------------------------------------------------------------


def test_a_masthead_clock_over_the_stamp_leaves_the_stamp_the_date():
    lines = ["Thứ Sáu, 07/11/2025", "Trang chủ", "09:40 | 21/05/2025", TITLE, LEAD]
    choice = publication_date(lines, 3, 4)
    assert choice is not None and choice.date.iso == "2025-05-21"
    # a clock earlier than the stamp is no clock of the day the page was read: no date rather than a wrong one
    assert publication_date(["Thứ Hai, 03/02/2025", *lines[1:]], 3, 4) is None
    # two stamps with their times over the headline: which is the article's is not known
    assert publication_date(["10:20 | 20/05/2025", *lines[1:]], 3, 4) is None


# Captions ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hai chủ tịch tại Nhà Quốc hội, tháng 5/2024. Ảnh tư liệu: Bảo Ngọc", True),
        ("Hai chủ tịch bắt tay. Ảnh minh họa: Hữu Nam", True),
        ("The minister speaks in Santiago, 20 May 2025 (screenshot from the ministry's channel)", True),
        ("The ministers shake hands in Hanoi (photo courtesy of the embassy)", True),
        ("The ministers at the Government Office in Hanoi, May 21, 2025. Wire/Lena Ortiz/Pool", True),
        ("He said the figures came from a survey (data from the ministry).", False),
        ("The ministers met in Hanoi. Trade rose by a fifth/year on year.", False),
    ],
)
def test_a_photo_credit_closes_a_caption(text, expected):
    assert credited(text) is expected


def test_a_pool_photo_over_the_lead_is_a_caption_and_the_lead_stays_the_lead(tmp_path, reader):
    photo = "The two foreign ministers at the Government Office in Hanoi, May 21, 2025. Wire/Lena Ortiz/Pool"
    a = _read(
        tmp_path, reader, ["Home", "World", EN_TITLE, "By Lena Ortiz", "May 21, 2025", photo, EN_LEAD, EN_BODY, EN_MORE]
    )
    assert (a.body[0].kind, a.body[0].text) == (BlockKind.CAPTION, photo)
    assert a.body[1].text == EN_LEAD


def test_a_file_photo_in_a_file_with_blank_lines_is_a_caption_and_the_sites_name_no_author(tmp_path, reader):
    photo = "Chủ tịch Quốc hội và Chủ tịch Thượng viện Ba Lan tại Warszawa tháng 8/2024. Ảnh tư liệu: Hữu Nam"
    header = [TITLE + " | Báo Hà Đông", "Hà Đông", "Thứ Tư, 21/05/2025", "Thời sự   Kinh tế   Quốc tế"]
    header += ["Trang chủ > Thời sự", TITLE, "BẢO NGỌC", "Thứ Tư, 21/5/2025 | 09:40", "Nghe đọc bài   0:00"]
    a = _read(tmp_path, reader, [*header, LEAD, photo, BODY, MORE, LAST, "Bạn nghĩ sao về bài viết này?"], sep="\n\n")
    assert [b.kind for b in a.body if b.text == photo] == [BlockKind.CAPTION]
    assert a.author == "BẢO NGỌC"  # not the site's name, printed over the headline and in its page title


# The site's lines inside the text -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("Advertisement · Scroll to continue", "advertisement"),
        ("ADVERTISEMENT", "advertisement"),
        ("Quảng cáo", "advertisement"),
        ("Story continues below advertisement", "advertisement"),
        ("Video đang được tải...", "media player"),
        ("00:00 / 02:41", "media player"),
        ("Nghe đọc bài   0:00", "media player"),
        ("Listen to this article", "media player"),
        ("Quảng cáo du lịch Việt Nam tại Ba Lan tăng mạnh trong năm nay", None),
        ("Ads were everywhere in the city.", None),
    ],
)
def test_advertisements_and_players_are_told_by_their_words(text, why):
    assert inline_chrome(text) == why


def test_an_advertisement_between_paragraphs_is_left_out_and_the_text_goes_on(tmp_path, reader):
    for label in ("Advertisement · Scroll to continue", "ADVERTISEMENT"):
        lines = ["Home", "World", EN_TITLE, "By Lena Ortiz", "May 21, 2025", EN_LEAD, EN_BODY, label]
        a = _read(tmp_path, reader, [*lines, EN_MORE, EN_LAST, "Related", "Peru and Vietnam hold talks"])
        assert [b.text for b in a.body] == [EN_LEAD, EN_BODY, EN_MORE, EN_LAST]
        assert _removed(a, label) == "advertisement"


def test_a_video_players_lines_are_left_out(tmp_path, reader):
    lines = [*MENU, TITLE, "THĐ - " + LEAD, "19:30, 21/05/2025", "Video đang được tải...", "00:00 / 02:41"]
    a = _read(tmp_path, reader, [*lines, BODY, MORE, LAST, "Tin liên quan", "Hà Đông đón đoàn Ba Lan"])
    assert [b.text for b in a.body] == [LEAD, BODY, MORE, LAST]
    assert _removed(a, "Video đang được tải...") == _removed(a, "00:00 / 02:41") == "media player"


def test_a_box_of_arrowed_teasers_inside_the_text_is_left_out_and_the_text_goes_on(tmp_path, reader):
    teasers = [">> Hà Đông ký kết biên bản hợp tác với tỉnh Mazowieckie", ">> Lãnh đạo tỉnh tiếp Đại sứ Ba Lan"]
    a = _read(
        tmp_path,
        reader,
        [*MENU, TITLE, "21/05/2025 09:40", LEAD, *teasers, BODY, MORE, "Tin liên quan", "Giá rau tăng"],
    )
    assert [b.text for b in a.body] == [LEAD, BODY, MORE]
    assert all(_removed(a, t) == "link to another article" for t in teasers)
    assert is_link_line(teasers[0]) and not is_link_line(">> Hai bên đã ký biên bản.")  # a sentence is no headline
