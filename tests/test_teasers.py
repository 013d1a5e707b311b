"""Where the body of a scrape ends: related-news boxes inside the article, teasers after it, and
a lead with its dateline, outlet line and photo under it (layouts written here, in vi and en)."""

from __future__ import annotations

import pytest

from diparchive.read.blocks import RawBlock
from diparchive.read.scrape import _settled
from diparchive.read.segment import Label, Labelled
from diparchive.read.teasers import continues
from diparchive.records import BlockKind
from scrapes import read_scrape as _read

LEAD = (
    "Chiều 11/5, tại trụ sở Bộ Ngoại giao, Bộ trưởng Ngoại giao Bùi Thanh Sơn đã tiếp Đại sứ Chi-lê đến chào từ "
    "biệt nhân dịp kết thúc nhiệm kỳ công tác tại Việt Nam."
)
SECOND = (
    "Bộ trưởng đánh giá cao những đóng góp của Đại sứ trong việc thúc đẩy quan hệ Đối tác toàn diện giữa hai "
    "nước, đặc biệt trong lĩnh vực thương mại, nông nghiệp và giao lưu nhân dân."
)
THIRD = (
    "Đại sứ cảm ơn sự hỗ trợ của Bộ Ngoại giao và khẳng định sẽ tiếp tục là cầu nối cho tình hữu nghị giữa hai "
    "dân tộc trên cương vị mới."
)
# Other articles' headlines, and the summaries a site prints under them.
TEASER = "Thủ tướng Phạm Minh Chính tiếp đoàn doanh nghiệp Hàn Quốc"
SUMMARY = (
    "Chiều 14/5, tại trụ sở Chính phủ, Thủ tướng Phạm Minh Chính đã tiếp đoàn doanh nghiệp Hàn Quốc đang tìm "
    "hiểu cơ hội đầu tư tại Việt Nam."
)
OTHER = "Chủ tịch nước Lương Cường tiếp Đại sứ Cu-ba chào từ biệt"
OTHER_SUMMARY = (
    "Sáng 14/5, tại Phủ Chủ tịch, Chủ tịch nước Lương Cường đã tiếp Đại sứ Cu-ba đến chào từ biệt nhân dịp kết "
    "thúc nhiệm kỳ."
)
TITLE = "Bộ trưởng Ngoại giao tiếp Đại sứ Chi-lê chào từ biệt"


def _tags(texts: list[str], labels: list[Label]) -> list[Label]:
    lines = [RawBlock(t, t, i + 1) for i, t in enumerate(texts)]
    return _settled(lines, [Labelled(label, {}) for label in labels])


def _reasons(article) -> dict[str, str]:
    return {r.text: r.reason for r in article.removed}


# A box inside the article ---------------------------------------------------------------------


def test_the_article_goes_on_after_a_box_read_as_text_and_its_headlines_are_left_out(tmp_path, reader):
    teasers = ["Giá xăng dầu giảm nhẹ từ chiều nay", "Khánh thành cầu vượt sông tại tỉnh miền núi"]
    a = _read(
        tmp_path,
        reader,
        ["Trang chủ", TITLE, "Thứ Hai, 11/05/2026 16:20", LEAD, "", "XEM THÊM:", *teasers, "", SECOND, "", THIRD],
    )
    assert [b.text for b in a.body] == [LEAD, SECOND, THIRD]
    reasons = _reasons(a)
    assert all(reasons[t] == "related-news box inside the article: XEM THÊM" for t in ["XEM THÊM:", *teasers])


def test_a_short_article_goes_on_after_a_box_with_its_one_closing_paragraph(tmp_path, reader):
    closing = "Hai bên nhất trí sớm hoàn tất thủ tục mở cửa thị trường cho một số loại quả nhiệt đới./."
    a = _read(tmp_path, reader, [TITLE, "12/05/2026 09:15", LEAD, "Tin liên quan", TEASER, closing])
    assert [b.text for b in a.body] == [LEAD, closing]
    assert _reasons(a)[TEASER].startswith("related-news box inside the article")


def test_an_english_box_with_one_paragraph_after_it_that_ends_the_file(tmp_path, reader):
    lead = (
        "Vietnam and Chile will open direct flights next year, the two countries' transport ministers said after "
        "talks in Hanoi on Thursday."
    )
    closing = (
        "The first route will link Ho Chi Minh City and Santiago with a stop in Auckland, and airlines from both "
        "countries have already applied for slots."
    )
    teasers = [
        "President Luong Cuong receives Lao delegation",
        "Prime Minister Pham Minh Chinh meets Japanese investors",
    ]
    a = _read(
        tmp_path, reader, ["Vietnam, Chile to open direct flights next year", lead, "See also", *teasers, closing]
    )
    assert [b.text for b in a.body] == [lead, closing]
    assert a.leaders == ()  # the teasers' leaders are not the article's


def test_a_short_closing_sentence_after_a_box_in_capitals_is_kept(tmp_path, reader):
    lead = (
        "Deputy Prime Minister Tran Hong Ha met a delegation of Chilean business leaders in Hanoi on Friday and "
        "urged them to invest in renewable energy."
    )
    closing = "He said Vietnam would keep cutting red tape for foreign investors."
    teasers = ["Vietnam, Chile sign education memorandum", "Rice exports to Chile surge"]
    a = _read(tmp_path, reader, ["Deputy PM meets Chilean business leaders", lead, "RELATED", *teasers, closing])
    assert [b.text for b in a.body] == [lead, closing]
    assert _reasons(a)["RELATED"] == "related-news box inside the article: RELATED"


def test_a_box_at_the_end_still_ends_the_article(tmp_path, reader):
    teasers = ["Prime Minister Pham Minh Chinh meets Japanese investors in Tokyo", "Heavy rain expected this week"]
    lead = (
        "Vietnam and Chile agreed on Tuesday to open their markets to more fruit and to train more farm engineers, "
        "officials said after talks in the capital."
    )
    more = (
        "The deputy minister said both sides would finish the paperwork this year so that the first shipments "
        "could arrive before the next harvest season."
    )
    a = _read(tmp_path, reader, ["Vietnam, Chile agree to boost farm trade", lead, more, "Most viewed", *teasers])
    assert [b.text for b in a.body] == [lead, more]
    assert a.leaders == ()


def test_the_sites_footer_after_a_box_at_the_end_is_not_the_article_going_on(tmp_path, reader):
    footer = (
        "Copyright © 2026 The Southern Times. All rights reserved. No part of this site may be copied without the "
        "written permission of the editor."
    )
    lead = (
        "Vietnam and Chile will open direct flights next year, the two countries' transport ministers said after "
        "talks in Hanoi on Thursday."
    )
    teasers = ["President Luong Cuong receives Lao delegation", "Heavy rain expected in the central region this week"]
    a = _read(tmp_path, reader, ["Vietnam, Chile to open direct flights", lead, "Most viewed", *teasers, footer])
    assert [b.text for b in a.body] == [lead]
    # A long list of other news is no box inside the article: a paragraph after it is no closing one.
    closing = (
        "Trụ sở tòa soạn đặt tại số 12 đường Trần Phú, thành phố biển, mọi thông tin xin gửi về ban biên tập của "
        "báo qua đường bưu điện."
    )
    headlines = [f"Tin tức thể thao và giải trí số {n} cuối tuần" for n in range(5)]
    a = _read(tmp_path, reader, [TITLE, LEAD, "Tin khác", *headlines, closing])
    assert [b.text for b in a.body] == [LEAD]


def test_a_list_the_article_announces_at_its_end_is_kept():
    texts = [LEAD, SECOND, "Hai bên đã ký các văn kiện sau:", "Bản ghi nhớ về hợp tác giáo dục đại học"]
    texts.append("Hiệp định về vận tải biển giữa hai nước")
    assert _tags(texts, [Label.BODY] * 5) == [Label.BODY] * 5


def test_a_teasers_summary_under_a_box_is_not_the_article_going_on(tmp_path, reader):
    a = _read(tmp_path, reader, [TITLE, LEAD, SECOND, "Tin liên quan", TEASER, SUMMARY, OTHER, OTHER_SUMMARY])
    assert [b.text for b in a.body] == [LEAD, SECOND]
    assert a.leaders == ("bui-thanh-son",)


def test_headlines_the_reader_took_for_text_after_a_marker_inside_the_body_are_the_boxs():
    texts = [LEAD, "Read more:", TEASER, OTHER, SECOND, THIRD]
    assert _tags(texts, [Label.BODY] * 6) == [Label.BODY, Label.TAIL, Label.TAIL, Label.TAIL, Label.BODY, Label.BODY]


def test_the_article_goes_on_after_links_and_a_marker_in_arrows(tmp_path, reader):
    links = ["Xem thêm: Giá xăng dầu giảm nhẹ từ chiều nay", "Xem thêm: Khánh thành cầu vượt sông"]
    tags = _tags([LEAD, *links, SECOND, THIRD], [Label.BODY, Label.CHROME, Label.CHROME, Label.TAIL, Label.TAIL])
    assert tags == [Label.BODY, Label.CHROME, Label.CHROME, Label.BODY, Label.BODY]
    lead = (
        "Foreign Minister Bui Thanh Son received the outgoing Chilean ambassador in Hanoi on Monday, praising her "
        "work to deepen the partnership between the two countries."
    )
    more = [
        "The minister said trade between the two countries had grown steadily and that both sides should make "
        "better use of their free trade agreement.",
        "The ambassador thanked the ministry for its support and said she would remain a friend of Vietnam in her "
        "new post in Santiago.",
    ]
    teasers = ["Fuel prices edge down from this afternoon", "Mountain province opens new river bridge"]
    a = _read(tmp_path, reader, ["Vietnam and Chile pledge to double trade", lead, "Related »", *teasers, *more])
    assert [b.text for b in a.body] == [lead, *more]
    assert _reasons(a)["Related »"].startswith("related-news box inside the article")


def test_a_box_then_a_teasers_summary_then_the_articles_paragraph():
    texts = [LEAD, "Tin liên quan", TEASER, SUMMARY, THIRD]
    tags = _tags(texts, [Label.BODY, *[Label.TAIL] * 4])
    assert tags == [Label.BODY, Label.TAIL, Label.TAIL, Label.TAIL, Label.BODY]


# Teasers after the article --------------------------------------------------------------------


def test_headlines_each_over_its_summary_after_the_article_are_teasers(tmp_path, reader):
    a = _read(tmp_path, reader, [TITLE, LEAD, SECOND, THIRD, TEASER, SUMMARY, OTHER, OTHER_SUMMARY])
    assert [b.text for b in a.body] == [LEAD, SECOND, THIRD]
    assert not any(b.kind is BlockKind.HEADING for b in a.body)
    assert a.leaders == ("bui-thanh-son",)  # not the teasers' Prime Minister and President


def test_teasers_the_reader_took_for_text_after_the_last_paragraph_are_left_out():
    run = _tags([LEAD, SECOND, THIRD, TEASER, OTHER], [Label.BODY] * 5)
    assert run[3:] == [Label.TAIL, Label.TAIL]
    pairs = _tags([LEAD, SECOND, THIRD, TEASER, SUMMARY, OTHER, OTHER_SUMMARY], [Label.BODY] * 7)
    assert pairs == [Label.BODY] * 3 + [Label.TAIL] * 4
    mixed = _tags([LEAD, SECOND, THIRD, TEASER, OTHER, OTHER_SUMMARY], [Label.BODY] * 6)
    assert mixed == [Label.BODY] * 3 + [Label.TAIL] * 3  # a headline alone, then one over its summary
    signed = _tags([LEAD, SECOND, THIRD, "Minh Anh"], [Label.BODY] * 4)
    assert signed == [Label.BODY] * 4  # a signature is no teaser
    title = _tags([LEAD, SECOND, "Most viewed", TEASER], [Label.BODY, Label.BODY, Label.TAIL, Label.TITLE])
    assert title[3] is Label.TAIL  # a headline's shape after the body is another article's


def test_a_subheading_whose_paragraph_repeats_it_is_kept():
    subheading = "Thúc đẩy hợp tác kinh tế thương mại"
    section = (
        "Hai bên nhất trí thúc đẩy hợp tác kinh tế thương mại, đầu tư, nông nghiệp và giáo dục trong thời gian tới, "
        "vì lợi ích của nhân dân hai nước."
    )
    assert _tags([LEAD, SECOND, subheading, section], [Label.BODY] * 4) == [Label.BODY] * 4
    assert _tags([LEAD, SECOND, "Những bước đi cụ thể", THIRD], [Label.BODY] * 4) == [Label.BODY] * 4


@pytest.mark.parametrize(
    ("head", "text", "expected"),
    [
        (TEASER, SUMMARY, True),
        (OTHER, OTHER_SUMMARY, True),
        (TEASER, THIRD, False),
        (
            "Prime Minister Pham Minh Chinh receives Korean business delegation",
            "Prime Minister Pham Minh Chinh on Thursday received a delegation of Korean businesses in Hanoi.",
            True,
        ),
        (
            "President receives Lao delegation",
            "The weather will be fine in the north this week, forecasters said.",
            False,
        ),
    ],
)
def test_a_summary_repeats_its_headlines_words_in_their_order(head, text, expected):
    assert continues(head, text) is expected


# A lead with its dateline, outlet line and photo under it -------------------------------------

REST = [
    "Thủ tướng đề nghị hai bên tận dụng tốt Hiệp định thương mại tự do, mở rộng hợp tác trong các lĩnh vực nông "
    "nghiệp, khai khoáng và năng lượng tái tạo.",
    "Bộ trưởng Chi-lê khẳng định mong muốn thúc đẩy quan hệ thương mại, đầu tư giữa hai nước lên tầm cao mới, "
    "trong đó có việc sớm đưa các đường bay thẳng vào khai thác.",
    "Hai bên cũng trao đổi về việc phối hợp tại các diễn đàn đa phương như APEC và Liên hợp quốc.",
]
VTV_LEAD = (
    "Chiều 13/5, tại trụ sở Chính phủ, Thủ tướng Phạm Minh Chính đã tiếp Bộ trưởng Thương mại Chi-lê đang có "
    "chuyến thăm và làm việc tại Việt Nam."
)


@pytest.mark.parametrize(
    ("dateline", "outlet"),
    [
        ("Thứ Tư, ngày 13/05/2026 18:05 GMT+7", "TNV.vn"),
        ("Ban Kinh tế-Thứ Tư, ngày 13/05/2026 18:05 GMT+7", "TNV.vn -"),
    ],
)
def test_a_lead_with_its_dateline_outlet_line_and_photo_under_it(tmp_path, reader, dateline, outlet):
    caption = "Thủ tướng Phạm Minh Chính tiếp Bộ trưởng Thương mại Chi-lê tại trụ sở Chính phủ"
    a = _read(
        tmp_path, reader, ["Thủ tướng tiếp Bộ trưởng Thương mại Chi-lê", VTV_LEAD, dateline, outlet, caption, *REST]
    )
    assert [b.text for b in a.body if b.kind is BlockKind.PARAGRAPH] == [VTV_LEAD, *REST]
    assert [b.text for b in a.body if b.kind is BlockKind.CAPTION] == [caption]
    assert a.date is not None and a.date.iso == "2026-05-13"
    assert a.outlet == "TNV.vn" and _reasons(a)[outlet] == "outlet marker"
    assert _reasons(a)["Thứ Tư, ngày 13/05/2026 18:05 GMT+7"] == "dateline"


def test_short_paragraphs_under_the_leads_photo_are_kept_though_the_reader_ends_the_article_there():
    caption = "Thủ tướng Phạm Minh Chính tiếp Bộ trưởng Thương mại Chi-lê tại trụ sở Chính phủ"
    short = "Thủ tướng đề nghị hai bên tận dụng tốt Hiệp định thương mại tự do."
    texts = ["Thủ tướng tiếp Bộ trưởng Thương mại Chi-lê", VTV_LEAD, "13/05/2026 18:05", "TNV.vn", caption, short]
    tags = _tags(texts, [Label.TITLE, Label.BODY, *[Label.TAIL] * 4])
    assert tags[4:] == [Label.CAPTION, Label.BODY]


def test_a_desks_name_under_the_lead_is_no_signature_ending_the_article():
    caption = "Thủ tướng Phạm Minh Chính tiếp Bộ trưởng Thương mại Chi-lê tại trụ sở Chính phủ"
    head = ["Thủ tướng tiếp Bộ trưởng Thương mại Chi-lê", VTV_LEAD, "Ban Kinh tế", "Thứ Tư, ngày 13/05/2026 18:05"]
    labels = [Label.BODY, Label.BODY, Label.BYLINE, Label.DATELINE, Label.CHROME, *[Label.BODY] * 4]
    tags = _tags([*head, "TNV.vn -", caption, *REST], labels)
    assert tags[-3:] == [Label.BODY] * 3


def test_an_outlet_mark_under_a_lead_it_did_not_open_opens_no_teaser():
    caption = "Thủ tướng tiếp Bộ trưởng Thương mại Chi-lê tại trụ sở Chính phủ"
    texts = [VTV_LEAD, "13/05/2026 18:05", "TNV.vn -", caption, REST[0]]
    tags = _tags(texts, [Label.BODY, Label.CHROME, Label.CHROME, Label.TITLE, Label.TAIL])
    assert tags[0] is Label.BODY and tags[4] is Label.BODY


# What `check` is told -------------------------------------------------------------------------


def test_the_boilerplate_warning_gives_the_line_where_the_text_was_left_out(tmp_path, reader):
    teasers = [f"Tin khác số {n} về thể thao và giải trí cuối tuần ở thành phố biển" for n in range(12)]
    a = _read(tmp_path, reader, [TITLE, LEAD, "Tin liên quan", *teasers])
    [warning] = [w for w in a.warnings if "left out as boilerplate" in w.message]
    assert warning.line == 3  # the marker, where the body stops


def test_a_closing_sentence_the_author_signs_under_is_the_articles(tmp_path, reader):
    # An interview: the last thanks, then the interviewer's credit, then the comments box.
    question = "PV: Hai nước sẽ ưu tiên hợp tác trong những lĩnh vực nào thời gian tới, thưa Đại sứ?"
    answer = (
        "Đại sứ: Hai bên sẽ ưu tiên năng lượng tái tạo, khai khoáng và giáo dục, đồng thời mở rộng trao đổi sinh "
        "viên và hợp tác giữa các địa phương của hai nước."
    )
    closing = "Xin trân trọng cảm ơn Đại sứ!"
    page = [TITLE, LEAD, question, answer, closing, "Hồng Nhung (thực hiện)", "Bình luận (0)", "Gửi bình luận"]
    a = _read(tmp_path, reader, page)
    assert [b.text for b in a.body][-1] == closing
    assert a.author == "Hồng Nhung"
    # A photo's caption may stand between the text and its last sentence.
    last = "Kết thúc buổi tiếp, hai bên đã trao đổi quà lưu niệm và chụp ảnh chung."
    photo = "Bộ trưởng và Đại sứ tại buổi tiếp. Ảnh: Thanh Tùng"
    a = _read(tmp_path, reader, [TITLE, LEAD, SECOND, photo, last, "Minh Khôi", "#ngoại giao #Chi-lê"])
    assert [b.text for b in a.body][-1] == last and a.author == "Minh Khôi"
