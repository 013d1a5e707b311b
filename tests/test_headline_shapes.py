"""Where a scrape's headline is, by its shape and place: a site's banner in capitals over the
menu is not it, a headline the model does not see still stands right over the lead, a headline
wrapped onto two lines is read whole, and a place's dateline before the lead is no outlet.
Every scrape here is written for the test."""

from __future__ import annotations

import pytest

from diparchive.read.blocks import RawBlock
from diparchive.read.dates import parse_dateline
from diparchive.read.headline import (
    NO_SHARED_WORD,
    could_be_headline,
    headline_at,
    headline_span,
    numbered_sections,
    site_banner,
)
from diparchive.read.segment import Label, Labelled
from scrapes import read_scrape as _read

MENU_EN = ["Home", "Economy", "Diplomacy", "Culture"]
LEAD_EN = (
    "Question: How does the ministry view the decision of the two parties to extend the fishing "
    "agreement for another five years?"
)
ANSWER_EN = (
    "Answer: We welcome the decision, which will help fishermen of both sides work in safety. The two "
    "delegations met in the capital on Monday to settle the remaining technical questions."
)
MORE_EN = (
    "Both sides agreed to meet again before the end of the year to review how the agreement is applied "
    "at sea and to exchange data on fish stocks every six months."
)
MENU_VI = ["Trang chủ", "Thời sự", "Đối ngoại"]
LEAD_VI = (
    "Sáng 9/4, tại Hà Nội, Bộ trưởng Bộ Công Thương đã tiếp Bộ trưởng Kinh tế Phần Lan nhân dịp "
    "đoàn sang thăm và làm việc, trao đổi về hợp tác năng lượng sạch giữa hai nước."
)
BODY_VI = (
    "Hai bên nhất trí thúc đẩy đầu tư vào điện gió ngoài khơi, đào tạo nhân lực và chuyển giao công nghệ, "
    "đồng thời sớm tổ chức diễn đàn doanh nghiệp hai nước trong năm nay."
)
MORE_VI = (
    "Bộ trưởng Kinh tế Phần Lan cảm ơn sự đón tiếp chu đáo và mời lãnh đạo Bộ Công Thương sớm sang thăm "
    "để tiếp tục trao đổi về các dự án cụ thể."
)


@pytest.mark.parametrize(
    ("text", "banner"),
    [
        ("THE RIVER TIMES - NEWS FROM THE DELTA AND BEYOND", True),
        ("DAILY HARBOUR | YOUR PORT CITY PAPER", True),
        ("THE RIVER TIMES", False),  # a name alone: no tagline
        ("The River Times - News from the delta", False),  # not in capitals
        ("VIỆT NAM - PHẦN LAN", False),  # two names, too short for a name and a tagline
    ],
)
def test_a_banner_is_a_name_and_a_tagline_in_capitals(text, banner):
    assert site_banner(text) is banner


def test_a_banner_in_capitals_over_the_menu_is_not_the_headline(tmp_path, reader):
    headline = "Spokesperson answers questions on the fishing agreement"
    a = _read(
        tmp_path,
        reader,
        [
            "THE RIVER TIMES - NEWS FROM THE DELTA AND BEYOND",
            "Deutsch   English   Español",
            *MENU_EN,
            "Home » Diplomacy",
            headline,
            "9 April 2025 | 15:10",
            "Print",
            LEAD_EN,
            ANSWER_EN,
            MORE_EN,
        ],
    )
    assert a.title == headline and not a.title_supplied
    assert a.author is None  # the language menu is no byline


def test_a_headline_the_model_does_not_see_is_read_where_it_stands_with_its_doubt():
    texts = [
        *MENU_EN,
        "Home » Diplomacy",
        "Spokesperson’s weekly press briefing",
        "9 April 2025 | 15:10",
        "Font size: A+ A-",
        "Print",
        LEAD_EN,
        ANSWER_EN,
    ]
    lines = _blocks(texts)
    unsure = [Labelled(Label.CHROME, {Label.TITLE: 0.03}) for _ in texts]
    at, doubt = headline_at(lines, unsure, texts.index(LEAD_EN))
    assert at == texts.index("Spokesperson’s weekly press briefing")
    assert doubt is not None and "3%" in doubt and NO_SHARED_WORD in doubt
    # nothing shaped as a headline over the lead (menu items, a trail, widgets): none
    bare = [*MENU_EN, "Home » Diplomacy", "Font size: A+ A-", "Print", LEAD_EN, ANSWER_EN]
    assert headline_at(_blocks(bare), unsure[: len(bare)], bare.index(LEAD_EN)) == (None, None)
    # the body read as opening with a headline's shape: it is read there, not a line over it
    over = [*MENU_EN, "Spokesperson’s weekly press briefing", "Finland and Vietnam agree on fishing", LEAD_EN]
    assert headline_at(_blocks(over), unsure[: len(over)], 5) == (None, None)


def test_a_headline_sharing_no_word_with_a_question_lead_stays_the_headline(tmp_path, reader):
    headline = "Weekly briefing: spokesperson speaks of the river and the visa rules"
    a = _read(tmp_path, reader, [*MENU_EN, headline, "9 April 2025 | 15:10", LEAD_EN, ANSWER_EN, MORE_EN])
    assert a.title == headline and not a.title_supplied


def test_a_menu_trail_is_not_a_headline(tmp_path, reader):
    headline = (
        "Weekly briefing by the spokesperson of the ministry on the fishing agreement, the new visa rules and the river"
    )
    a = _read(
        tmp_path,
        reader,
        [
            *MENU_EN,
            "Home » Diplomacy » Briefings",
            headline,
            "9 April 2025 | 15:10",
            "Print",
            LEAD_EN,
            ANSWER_EN,
            MORE_EN,
        ],
    )
    assert a.title != "Home » Diplomacy » Briefings"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Bộ trưởng Bộ Công Thương tiếp Bộ trưởng Kinh tế Phần Lan", "sang thăm và làm việc tại Hà Nội"),
        ("Việt Nam và Phần Lan thúc đẩy hợp tác năng lượng sạch", "trong giai đoạn mới"),
    ],
)
@pytest.mark.parametrize("dated", [True, False])
def test_a_headline_wrapped_onto_two_lines_is_read_whole(tmp_path, reader, first, second, dated):
    date = ["09/04/2025 10:20"] if dated else []
    a = _read(tmp_path, reader, [*MENU_VI, first, second, *date, LEAD_VI, BODY_VI, MORE_VI])
    assert a.title == f"{first} {second}"
    assert not any(second in b.text for b in a.body)
    if dated:
        assert a.date is not None and a.date.iso == "2025-04-09"


def test_a_kicker_over_the_headline_is_not_part_of_it(tmp_path, reader):
    headline = "Bộ trưởng Bộ Công Thương tiếp Bộ trưởng Kinh tế Phần Lan"
    a = _read(tmp_path, reader, [*MENU_VI, "Năng lượng", headline, "09/04/2025 10:20", LEAD_VI, BODY_VI, MORE_VI])
    assert a.title == headline


def _blocks(texts):
    return [RawBlock(t, t, i + 1) for i, t in enumerate(texts)]


def test_a_wrapped_headline_needs_a_start_of_several_words_printed_once():
    lead = [LEAD_VI]
    # the second line goes on in lower case from a headline's start: one headline
    assert headline_span(_blocks(["Thủ tướng tiếp Đại sứ Phần Lan", "đến chào từ biệt", *lead]), 0, 2) == (0, 1)
    assert headline_span(_blocks(["Thủ tướng tiếp Đại sứ Phần Lan", "đến chào từ biệt", *lead]), 1, 2) == (0, 1)
    # a kicker of two words, a capitalised line, a menu item printed twice, a date: no
    assert headline_span(_blocks(["Đối ngoại", "đến chào từ biệt", *lead]), 1, 2) == (1, 1)
    assert headline_span(_blocks(["Thủ tướng tiếp Đại sứ Phần Lan", "Đến chào từ biệt", *lead]), 0, 2) == (0, 0)
    twice = ["Tin nóng trong ngày hôm nay", "Tin nóng trong ngày hôm nay", "cập nhật liên tục", *lead]
    assert headline_span(_blocks(twice), 2, 3) == (2, 2)
    dated = ["Thủ tướng tiếp Đại sứ Phần Lan", "cập nhật 09/04/2025", *lead]
    assert headline_span(_blocks(dated), 0, 2) == (0, 0)


@pytest.mark.parametrize("place", ["HELSINKI", "TURKU"])
def test_a_place_in_capitals_before_the_lead_is_no_outlet(tmp_path, reader, place):
    lead = (
        f"{place} - The economy minister on Wednesday received a delegation from Vietnam to discuss offshore "
        "wind power and training, the ministry said in a statement."
    )
    body = (
        "The two sides agreed to hold a business forum in Helsinki and Turku later this year and to send more "
        "students to each other's universities."
    )
    a = _read(
        tmp_path, reader, [*MENU_EN, "Finland and Vietnam to deepen clean energy cooperation", lead, body, MORE_EN]
    )
    assert a.outlet is None
    assert a.body[0].text.startswith("The economy minister")


@pytest.mark.parametrize(
    ("mark", "outlet"),
    [
        ("(RTN) -", "RTN"),
        ("RTN -", "RTN"),
        ("VOA -", "VOA"),
        ("Rivertimes.vn -", "Rivertimes.vn"),
        ("FINLAND -", None),  # a country
        ("HELSINKI -", None),  # a word in capitals, not an acronym
        ("Helsinki -", None),
    ],
)
def test_an_outlets_mark_is_an_acronym_or_a_domain(tmp_path, reader, mark, outlet):
    lead = (
        f"{mark} The economy minister on Wednesday received a delegation from Vietnam to discuss offshore "
        "wind power and training, the ministry said in a statement."
    )
    a = _read(tmp_path, reader, [*MENU_EN, "Finland and Vietnam to deepen clean energy cooperation", lead, MORE_EN])
    assert a.outlet == outlet


STORY_EN = (
    "HELSINKI - Finland's economy minister on Tuesday received a Vietnamese delegation led by the trade "
    "minister, and the two sides agreed to double trade in clean technology by 2030."
)


def test_a_standfirst_under_the_headline_opens_the_body(tmp_path, reader):
    standfirst = "The two ministers agreed to open a joint fund for wind power and to train engineers in both countries"
    a = _read(
        tmp_path,
        reader,
        [
            *MENU_EN,
            "Finland's economy minister receives Vietnamese trade delegation",
            standfirst,
            "Anna Virtanen",
            "Published 8 April 2025",
            STORY_EN,
            MORE_EN,
        ],
    )
    assert [b.text for b in a.body][:2] == [standfirst, STORY_EN.removeprefix("HELSINKI - ")]
    assert a.author == "Anna Virtanen"
    assert a.date is not None and a.date.iso == "2025-04-08"


def test_a_headline_sharing_half_its_words_with_the_lead_is_not_doubted():
    texts = [*MENU_EN, "Finland's economy minister receives Vietnamese trade minister", "Print edition only", STORY_EN]
    unsure = [Labelled(Label.CHROME, {Label.TITLE: 0.3}) for _ in texts]
    at, doubt = headline_at(_blocks(texts), unsure, len(texts) - 1)
    assert at == len(MENU_EN) and doubt is None
    # the same reading for a line that shares little with the lead is doubted
    texts[len(MENU_EN)] = "Weekly notes from the north"
    at, doubt = headline_at(_blocks(texts), unsure, len(texts) - 1)
    assert at == len(MENU_EN) and doubt is not None and "30%" in doubt


def test_numbered_subheadings_are_sections_of_the_body_wherever_the_model_put_one():
    texts = [
        LEAD_VI,
        "1. Bối cảnh mới của hợp tác",
        BODY_VI,
        "2. Những kết quả nổi bật",
        MORE_VI,
        "3. Định hướng thời gian tới",
        BODY_VI,
    ]
    tags = [Label.BODY, Label.BODY, Label.BODY, Label.CHROME, Label.BODY, Label.BODY, Label.BODY]
    assert numbered_sections(texts, tags)[3] is Label.BODY
    # a number alone in the file (a menu item "2. Thời sự"), or one past the body, stays the site's
    alone = [LEAD_VI, "2. Những kết quả nổi bật", BODY_VI, "Hết", "5. Tin khác trong ngày"]
    assert numbered_sections(alone, [Label.BODY, Label.CHROME, Label.BODY, Label.CHROME, Label.CHROME])[1] is (
        Label.CHROME
    )
    past = [LEAD_VI, "1. Bối cảnh mới của hợp tác", BODY_VI, "2. Những kết quả nổi bật"]
    assert numbered_sections(past, [Label.BODY, Label.BODY, Label.BODY, Label.CHROME])[3] is Label.CHROME


@pytest.mark.parametrize(
    ("stamp", "iso"),
    [
        ("09/04/25 10:20", "2025-04-09"),
        ("Thứ Tư, 09/04/25 - 16:45", "2025-04-09"),
        ("09-04-25 | 10:20:05", "2025-04-09"),
        ("09/04/25", None),  # no clock: nothing says which century, or which order
        ("04/09/25 10:20 am", None),  # a 12-hour clock: the month may come first
        ("4/9/25 9:20", None),
    ],
)
def test_a_two_digit_year_is_read_only_in_a_stamp_with_a_24_hour_clock(tmp_path, reader, stamp, iso):
    assert (parse_dateline(stamp).date.iso if parse_dateline(stamp) else None) == iso
    headline = "Bộ trưởng Bộ Công Thương tiếp Bộ trưởng Kinh tế Phần Lan"
    a = _read(tmp_path, reader, [*MENU_VI, headline, stamp, LEAD_VI, BODY_VI, MORE_VI])
    assert (a.date.iso if a.date else None) == iso


@pytest.mark.parametrize(
    ("text", "headline"),
    [
        ("Weekly briefing by the ministry's spokesperson on 9 April 2025", True),  # a headline naming its day
        ("Thời sự 09/04/2025", False),  # a section's name beside a stamp
        ("Tin tức sự kiện trong ngày | 09/04/2025 10:20", False),  # a section and a stamp with its clock
        ("Phương Linh 09/04/2025", False),  # a byline beside the date
    ],
)
def test_a_headline_may_end_in_the_day_it_tells_of(text, headline):
    assert could_be_headline(text) is headline


def test_a_briefing_headline_ending_in_its_day_is_the_title(tmp_path, reader):
    headline = "Weekly briefing by the ministry's spokesperson on 9 April 2025"
    a = _read(tmp_path, reader, [*MENU_EN, headline, "9 April 2025 | 15:10", LEAD_EN, ANSWER_EN, MORE_EN])
    assert a.title == headline and not a.title_supplied
    assert a.date is not None and a.date.iso == "2025-04-09"


def test_a_language_menu_under_the_headline_is_no_byline(tmp_path, reader):
    headline = "Spokesperson answers questions on the fishing agreement"
    a = _read(tmp_path, reader, [headline, "Deutsch   English   Español   Suomi", LEAD_EN, ANSWER_EN, MORE_EN])
    assert a.title == headline and a.author is None
    # names spaced apart by a byline's separators are still a byline
    a = _read(tmp_path, reader, [headline, "By Anna Virtanen  and  Mikko Laine", LEAD_EN, ANSWER_EN, MORE_EN])
    assert " ".join((a.author or "").split()) == "Anna Virtanen and Mikko Laine"
