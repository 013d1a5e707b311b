"""Marks before the lead, publishers' lines and authors' bios a new-user walk found misread, each
on a page written here: a place with the agency that filed from it ("HANOI, May 3 (Reuters) -"),
an outlet's web edition ("QĐND Online -"), a code ending in its stop ("TG&VN."), a think tank's
"Published by …" line over a headline that shares no word with its standfirst, and the author
named alone under it whose bio closes the page."""

from __future__ import annotations

import pytest

from diparchive.read.marks import mark_code
from diparchive.read.segment import split_glued
from scrapes import read_scrape

EN_T = "Vietnam and Singapore widen green energy cooperation"
EN_LEAD = (
    "Vietnam and Singapore agreed on Tuesday to widen cooperation in green energy and the digital economy, "
    "officials said after the talks."
)
EN_MORE = "The two sides also signed a memorandum on training civil servants and on exchanges between universities."
VI_T = "Việt Nam và Singapore mở rộng hợp tác năng lượng xanh"
VI_LEAD = (
    "Chủ tịch nước đã tiếp Đại sứ Singapore nhân dịp kết thúc nhiệm kỳ công tác tại Việt Nam, hai bên trao đổi "
    "về hợp tác năng lượng xanh."
)
VI_MORE = "Hai bên cũng ký bản ghi nhớ về đào tạo công chức và trao đổi giữa các trường đại học của hai nước."


@pytest.mark.parametrize(
    ("mark", "lang", "outlet"),
    [
        ("HANOI, May 3 (Reuters) -", "en", "Reuters"),
        ("WASHINGTON (AP) —", "en", "AP"),
        ("Hanoi (VNA) –", "en", "Vietnam News Agency"),  # the registry's name in the page's language
        ("NEW YORK (Từ phóng viên TTXVN tại Mỹ) -", "vi", "Thông tấn xã Việt Nam"),
        ("QĐND Online -", "vi", "Báo Quân đội Nhân dân"),
        ("TG&VN.", "vi", "Báo Thế giới và Việt Nam"),
    ],
)
def test_the_mark_glued_before_the_lead_names_the_outlet_and_leaves_the_text(tmp_path, reader, mark, lang, outlet):
    title, date, lead, more = (
        (EN_T, "May 3, 2024", EN_LEAD, EN_MORE) if lang == "en" else (VI_T, "03/05/2024", VI_LEAD, VI_MORE)
    )
    a = read_scrape(tmp_path, reader, [title, date, f"{mark} {lead}", more])
    assert a.outlet == outlet
    assert [b.text for b in a.body] == [lead, more]
    assert any(r.text == mark and r.reason == "outlet marker" for r in a.removed)


@pytest.mark.parametrize(
    "sentence",
    [
        "Quan hệ Việt Nam - Lào không ngừng được củng cố và phát triển trong những năm qua.",
        "Hà Nội (ngày 3/5) - nơi diễn ra hội nghị, đã đón hàng nghìn đại biểu trong và ngoài nước.",
        "ASEAN và Nhật Bản nhất trí tăng cường hợp tác trong lĩnh vực chuyển đổi số và năng lượng.",
    ],
)
def test_a_lead_opening_with_words_and_a_dash_is_not_cut(sentence):
    assert split_glued(sentence) == [sentence]
    assert mark_code(sentence) is None


THINK = [
    "Skip to main content",
    "Research  Programs  Experts  Events  About",
    "Vietnam's Balancing Act in the South China Sea Enters a New Phase",
    "Published by the Lowland Institute for Strategic Studies",
    "Hanoi has quietly widened its outreach to maritime partners while keeping channels to Beijing open.",
    "Marcus Ellery",
    "Southeast Asia",
    "March 14, 2024",
    "Vietnam's leaders have spent the past year widening the country's network of maritime partners, signing "
    "new agreements with Japan, Australia and the Philippines while keeping talks with Beijing on course.",
    "The approach reflects a long tradition of hedging in Vietnamese foreign policy, in which no single partner "
    "is allowed to dominate and every door is kept at least partly open.",
    "Marcus Ellery is a senior fellow for Southeast Asia at the Lowland Institute.",
    "Related Research",
]


def test_a_publishers_line_is_the_outlet_never_the_title_and_the_bio_names_the_author(tmp_path, reader):
    a = read_scrape(tmp_path, reader, THINK)
    assert a.title == THINK[2]
    assert a.outlet == "Lowland Institute for Strategic Studies"
    assert a.author == "Marcus Ellery"
    assert a.date.iso == "2024-03-14"
    assert [b.text for b in a.body] == [THINK[4], THINK[8], THINK[9]]
    assert any(r.text == THINK[10] and r.reason.endswith("bio") for r in a.removed)


def test_published_by_a_person_names_no_outlet(tmp_path, reader):
    a = read_scrape(tmp_path, reader, [*THINK[:3], "Published by Jane Morrow", *THINK[4:10]])
    assert a.outlet is None and a.title == THINK[2]


def test_a_place_in_capitals_run_into_its_dash_is_the_dateline():
    lead = "Vietnam's top leader will make his first visit to the White House this month, officials said."
    assert split_glued(f"WASHINGTON—{lead}") == ["WASHINGTON—", lead]
    assert split_glued(f"US—{lead}") == [f"US—{lead}"]  # two letters: a word of the sentence ("US—China ties")


@pytest.mark.parametrize(
    ("line", "holder"),
    [
        ("Copyright © Embassy of Viet Nam in Ruritania. All rights reserved.", "Embassy of Viet Nam in Ruritania"),
        ("© Bản quyền thuộc Báo Biên Cương", "Báo Biên Cương"),
        ("© Báo Miền Tây. Giấy phép số 123/GP-BTTTT", "Báo Miền Tây"),
        ("© Copyright 2001 Tinmoi.net, All rights reserved", "Tinmoi.net"),
        ("© 2024 Jane Morrow", None),  # a person's: no outlet
        ("Copyright laws protect the photographs in this story.", None),
    ],
)
def test_a_copyright_notice_at_the_foot_names_the_outlet(tmp_path, reader, line, holder):
    a = read_scrape(tmp_path, reader, [EN_T, "May 3, 2024", EN_LEAD, EN_MORE, "Share", "Contact us", line])
    assert a.outlet == holder
