"""A picture between the headline and the lead: the line under it is its caption, not the
headline and not a second line of it (invented scrapes)."""

from __future__ import annotations

from diparchive.records import BlockKind
from scrapes import read_scrape

VI_LEAD = (
    "Chiều 4/3, tại Hà Nội, Bộ trưởng Ngoại giao đã tiếp Đại sứ nước bạn đến chào từ biệt nhân dịp kết thúc "
    "nhiệm kỳ công tác, đánh giá cao những đóng góp của Đại sứ cho quan hệ hai nước."
)
VI_MORE = (
    "Hai bên nhất trí tiếp tục phối hợp chặt chẽ để triển khai hiệu quả các thỏa thuận đã đạt được giữa "
    "lãnh đạo cấp cao hai nước trong thời gian tới."
)
EN_LEAD = (
    "The foreign minister on Tuesday received the outgoing ambassador in Hanoi, praising the envoy's work "
    "for closer ties between the two countries over the past four years."
)
EN_MORE = (
    "Both sides agreed to keep working closely to carry out the agreements reached by the two countries' "
    "leaders, officials said after the meeting."
)


def _page(*lines: str) -> list[str]:
    """The lines of a scrape, a blank line between each two."""
    return [text for line in lines for text in (line, "")][:-1]


def test_a_caption_under_a_picture_below_the_headline_is_no_headline(tmp_path, reader):
    page = _page(
        "Trang chủ | Thời sự | Đối ngoại | Kinh tế",
        "Bộ trưởng Ngoại giao tiếp Đại sứ nước bạn chào từ biệt kết thúc nhiệm kỳ",
        "04/03/2025 10:15",
        "![](https://example.org/img/photo1.jpg)",
        "Bộ trưởng tiếp Đại sứ tại Hà Nội",
        VI_LEAD,
        VI_MORE,
    )
    article = read_scrape(tmp_path, reader, page)
    assert article.title == "Bộ trưởng Ngoại giao tiếp Đại sứ nước bạn chào từ biệt kết thúc nhiệm kỳ"
    captions = [b.text for b in article.body if b.kind is BlockKind.CAPTION]
    assert captions == ["Bộ trưởng tiếp Đại sứ tại Hà Nội"]
    assert article.body[-1].text == VI_MORE


def test_an_english_caption_under_a_picture_below_the_headline(tmp_path, reader):
    page = _page(
        "Home | World | Politics | Business",
        "Foreign minister bids farewell to outgoing ambassador in Hanoi",
        "March 4, 2025 10:15",
        "[image: https://example.org/img/photo1.jpg]",
        "The minister and the ambassador in Hanoi",
        EN_LEAD,
        EN_MORE,
    )
    article = read_scrape(tmp_path, reader, page)
    assert article.title == "Foreign minister bids farewell to outgoing ambassador in Hanoi"
    assert "The minister and the ambassador in Hanoi" not in (article.title or "")


def test_a_headline_under_a_hero_picture_is_still_the_headline(tmp_path, reader):
    """A picture over the headline, with no headline above it: the line under the picture is the headline."""
    page = _page(
        "![](https://example.org/img/hero.jpg)",
        "Foreign minister bids farewell to outgoing ambassador in Hanoi",
        "March 4, 2025 10:15",
        EN_LEAD,
        EN_MORE,
    )
    article = read_scrape(tmp_path, reader, page)
    assert article.title == "Foreign minister bids farewell to outgoing ambassador in Hanoi"
