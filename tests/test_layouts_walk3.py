"""Layouts a third new-user walk found misread, each on a page written here: a menu of items
cut by bars over the headline, a magazine's issue line over the article's own date, a radio
site's "Nghe thêm:" box inside the text."""

from __future__ import annotations

from diparchive.read.dating import publication_date
from scrapes import read_scrape

LEAD_EN = (
    "The foreign minister told lawmakers on Tuesday that Vietnam would widen its network of strategic partners "
    "and deepen trade ties with Latin America over the coming decade."
)
MORE_EN = (
    "Officials said a new round of talks on a free trade agreement with Chile and Peru would open before the "
    "end of the year, with a first meeting planned in Lima."
)


def test_a_menu_cut_by_bars_over_the_headline_is_never_the_title(tmp_path, reader):
    page = [
        "HARBOUR REVIEW",
        "World | Business | Culture | Science | Long Reads",
        "A foreign policy built for a crowded region",
        "Published 14 October 2025",
        LEAD_EN,
        MORE_EN,
    ]
    a = read_scrape(tmp_path, reader, page)
    assert a.title == "A foreign policy built for a crowded region"
    assert [b.text for b in a.body] == [LEAD_EN, MORE_EN]


def test_an_issue_line_with_its_month_gives_way_to_the_day_printed_under_it():
    lines = [
        "A foreign policy built for a crowded region",
        "ESSAY · ISSUE 17 · OCTOBER 2025",
        "Published 14 October 2025",
        LEAD_EN,
    ]
    assert publication_date(lines, 0, 3).date.iso == "2025-10-14"
    # A day that is another month's is no refinement: the month stands.
    lines[2] = "Published 2 November 2025"
    assert publication_date(lines, 0, 3).date.iso == "2025-10"


def test_a_listen_more_box_inside_the_text_does_not_end_it(tmp_path, reader):
    lead = (
        "Sáng 20/10, tại Hà Nội, Bộ trưởng Ngoại giao đã tiếp Đại sứ Chi-lê nhân dịp kết thúc nhiệm kỳ công tác, "
        "hai bên trao đổi về hợp tác thương mại và giáo dục."
    )
    second = (
        "Bộ trưởng đề nghị Đại sứ tiếp tục là cầu nối thúc đẩy quan hệ Đối tác toàn diện giữa hai nước trên "
        "cương vị mới của mình."
    )
    last = (
        "Đại sứ cảm ơn sự hỗ trợ của Bộ Ngoại giao và khẳng định sẽ luôn dành tình cảm đặc biệt cho đất nước "
        "và con người Việt Nam."
    )
    page = [
        "Bộ trưởng Ngoại giao tiếp Đại sứ Chi-lê",
        "20/10/2025 10:15",
        lead,
        second,
        "Nghe thêm:",
        "Bản tin thời sự sáng 20/10",
        last,
    ]
    a = read_scrape(tmp_path, reader, page)
    assert [b.text for b in a.body] == [lead, second, last]
    assert any(r.text == "Nghe thêm:" and "box" in r.reason for r in a.removed)
