"""Publication dates: the grammar of printed shapes, the choice of the article's own date, and
intervals. Every example is invented for these tests."""

from __future__ import annotations

import re

import pytest
from edtf import parse_edtf

from diparchive.plan.i18n import format_pubdate
from diparchive.read.dates import find_dates, read_dateline
from diparchive.read.dating import date_of_scrape, publication_date, trailing_stamp
from diparchive.records import Precision, PubDate

LEAD_VI = "Sáng nay, Bộ trưởng Ngoại giao đã tiếp Đại sứ một nước láng giềng đến chào xã giao nhân dịp bắt đầu nhiệm kỳ công tác tại Hà Nội, hai bên trao đổi nhiều vấn đề."
LEAD_EN = "The foreign minister received the new ambassador of a neighbouring country in Hanoi this morning, and the two sides discussed ways to deepen their cooperation further."
MORE = "Hai bên nhất trí tiếp tục thúc đẩy hợp tác trên các lĩnh vực kinh tế, thương mại, đầu tư, giáo dục và giao lưu nhân dân trong thời gian tới, vì lợi ích của nhân dân hai nước."


@pytest.mark.parametrize(
    "line, iso",
    [
        ("PV - 08:15, 14/02/2022", "2022-02-14"),
        ("07:30 | 02/03/2021", "2021-03-02"),
        ("Cập nhật: 16:05, 21/10/2020", "2020-10-21"),
        ("March 3, 2022 4:10 PM GMT+7", "2022-03-03"),
        ("tv| 05/04/2019 11:20", "2019-04-05"),
        ("Chính trịThứ Hai, 04/03/2019 09:10:00 +07:00Zalo", "2019-03-04"),
        ("Thứ 4, 06/07/2022 | 10:11:12", "2022-07-06"),
        ("06/07/2022, 10:11[GMT+7]", "2022-07-06"),
        ("2016-08-09T07:45:00+07:00", "2016-08-09"),
        ("ngày 7 tháng 8 năm 2020", "2020-08-07"),
        ("9 August 2020", "2020-08-09"),
        ("Sunday, August 9, 2020", "2020-08-09"),
        ("Tháng Tám 9, 2020", "2020-08-09"),
    ],
)
def test_every_printed_shape_is_a_dateline(line, iso):
    found = read_dateline(line)
    assert found is not None and found.date.iso == iso


def test_mentions_carry_span_time_label_and_weekday():
    text = "Ngày đăng: 09:05, 12/05/2021 · Cập nhật: 10:00, 13/05/2021"
    first, second = find_dates(text)
    assert text[first.start : first.end] == "12/05/2021" and first.time and first.label == "published"
    assert second.label == "updated" and second.date.iso == "2021-05-13"
    assert find_dates("Thứ Năm, 03/06/2021")[0].weekday


def test_a_weekday_settles_the_month_day_order_or_rejects_the_date():
    assert find_dates("Wed, 03/09/2022 - 10:00")[0].date.iso == "2022-03-09"  # 9 March 2022 was a Wednesday
    assert find_dates("Monday, 20 May 2022")[0].contradicted  # 20 May 2022 was a Friday: trust neither
    lines = ["Foreign minister receives new ambassador", "Monday, 20 May 2022 10:00", LEAD_EN]
    assert publication_date(lines, 0, 2) is None


def test_scraper_token_with_body_text_on_the_same_line():
    found = read_dateline(
        " date 2019-04 Hôm qua, đoàn đại biểu đã tới thủ đô của nước bạn, bắt đầu chuyến thăm chính thức kéo dài ba ngày theo lời mời của nước chủ nhà."
    )
    assert found is not None and found.date.iso == "2019-04" and found.rest.startswith("Hôm qua")


def test_a_stamp_glued_to_the_end_of_a_title():
    head, mention = trailing_stamp("Thủ tướng tiếp Đại sứ nước bạn14/02/2022 08:15")
    assert head == "Thủ tướng tiếp Đại sứ nước bạn" and mention.date.iso == "2022-02-14"
    lines = ["Thủ tướng tiếp Đại sứ nước bạn14/02/2022 08:15", LEAD_VI, MORE]
    assert publication_date(lines, 0, 1).date.iso == "2022-02-14"


def test_a_dateline_below_the_title_is_the_articles():
    lines = ["Bộ trưởng tiếp Đại sứ nước láng giềng", "Minh An", "10:20, 08/09/2022", LEAD_VI, MORE]
    choice = publication_date(lines, 0, 3)
    assert choice.date.iso == "2022-09-08" and choice.index == 2


def test_a_clock_above_the_title_with_a_date_below_is_chrome():
    lines = ["Thứ Hai, 06/01/2025 07:00", "Bộ trưởng tiếp Đại sứ nước láng giềng", "08/09/2022 10:20", LEAD_VI, MORE]
    assert publication_date(lines, 1, 3).date.iso == "2022-09-08"


def test_a_masthead_clock_alone_above_the_title_is_no_date():
    lines = ["Thứ Hai, 06/01/2025", "Bộ trưởng tiếp Đại sứ nước láng giềng", LEAD_VI, MORE]
    assert publication_date(lines, 1, 2) is None
    lines = ["06/01/2025 07:00", "Hotline: 0123 456 789", "Thời sự", "Bộ trưởng tiếp Đại sứ nước láng giềng", LEAD_VI]
    assert publication_date(lines, 3, 4) is None  # chrome between the stamp and the headline


def test_a_date_stamp_right_over_the_title_is_the_articles():
    lines = ["March 3, 2022 | 16:10 (GMT+7)", "Foreign minister receives new ambassador", LEAD_EN]
    assert publication_date(lines, 1, 2).date.iso == "2022-03-03"


def test_dates_in_the_body_captions_and_teasers_are_never_the_publication():
    lines = [
        "Bộ trưởng tiếp Đại sứ nước láng giềng",
        "Ngày 5/9/2022, tại Hà Nội, " + LEAD_VI,
        "Bộ trưởng và Đại sứ (ảnh chụp ngày 05/09/2022).",
        MORE,
        MORE,
        "Tin khác",
        "Thủ tướng dự hội nghị cấp cao",
        "12/09/2022 08:00",
    ]
    assert publication_date(lines, 0, 1) is None


def test_published_beats_updated():
    lines = [
        "Foreign minister receives new ambassador",
        "Updated: 10:00, 13/05/2021",
        "Published: 09:05, 12/05/2021",
        LEAD_EN,
    ]
    assert publication_date(lines, 0, 3).date.iso == "2021-05-12"


def test_a_stamp_years_after_everything_the_text_names_is_a_crawl_clock():
    lines = [
        "03/02/2024 09:00",
        "Bộ trưởng tiếp Đại sứ nước láng giềng",
        "Trong năm 2015 và 2016, hai nước đã " + LEAD_VI,
    ]
    assert publication_date(lines, 1, 2) is None


def test_interval_when_the_text_bounds_the_date():
    paragraphs = [
        "Hội nghị tổng kết công tác đối ngoại vào cuối tháng 11 khép lại một năm nhiều dấu ấn.",
        "Năm 2022 là một năm sôi động; năm nay ngành đã hoàn thành các nhiệm vụ.",
    ]
    dated = date_of_scrape(paragraphs, None, 0, paragraphs, ["Toàn cảnh hội nghị, ngày 25/11."])
    assert dated.date is not None and dated.date.edtf == "2022-11-25/2022-12"
    assert "interval" in dated.note
    interval = dated.date
    assert str(parse_edtf(interval.edtf)) == "2022-11-25/2022-12"
    assert interval.precision is not Precision.DAY and interval.iso == "2022"  # the coarsest true value
    assert (interval.year, interval.month) == (2022, 11)  # sorted and filed by its start


def test_no_interval_without_a_concluded_event_or_a_year_of_its_own():
    paragraphs = ["Hội nghị sẽ diễn ra vào cuối tháng 11 tới.", "Các bên đang chuẩn bị."]
    assert date_of_scrape(paragraphs, None, 0, paragraphs, []).date is None


def test_interval_display_in_both_languages():
    interval = PubDate(2023, 12, 19, until=(2024, 1))
    assert format_pubdate(interval, "en") == "between 19\u00a0December\u00a02023 and January\u00a02024"
    assert format_pubdate(interval, "vi").startswith("khoảng từ 19\u00a0tháng\u00a012") and format_pubdate(
        interval, "vi"
    ).endswith("đến tháng\u00a01\u00a0năm\u00a02024")
    assert interval.iso == interval.edtf == "2023-12-19/2024-01" and interval.html_datetime == ""
    assert PubDate(2023, 12, 2, until=(2023, 12, 20)).html_datetime == "2023-12"
    assert interval.first_day.isoformat() == "2023-12-19" and interval.last_day.isoformat() == "2024-01-31"


def test_the_grouped_date_grammar_matches_exactly_what_the_flat_alternation_does():
    """DATE_RE tries the digit-first and the word-first shapes behind a one-character look-ahead,
    and month names by first letter, so that a long line costs little: the matches must be those
    of the plain alternation of every shape, in every case."""
    import random
    import re

    from diparchive.read import dates

    flat = re.compile(
        "|".join(f"(?:{p})" for p in dates._NUMBER_FIRST + dates._WORD_FIRST).replace(
            dates._MONTH_ALTERNATION, dates.MONTH_RE
        ),
        re.IGNORECASE,
    )
    assert flat.pattern.count(dates.MONTH_RE) == 3
    pieces = [*"0123456789 /.-,:Tt", "ngày ", "NGÀY ", "tháng ", "Tháng ", "năm ", "Mar", "mar", "May ", "sept", "Sept",
              "ſept", "Dec.", "st ", "nd ", "12th", "giêng", "mười một", "hai ", "2024", "1999", "31", "September ",
              "2021-09-14T10:00Z", "tháng mười hai "]  # fmt: skip
    rng = random.Random(17)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 30))) for _ in range(2000)]
    texts.append("Thủ tướng tiếp Bộ trưởng tại Hà Nội ngày 5 tháng 9 năm 2024, ngày 14/2/2022, May 3, 2021. " * 50)
    for text in texts:
        expected = [(m.span(), m.groupdict()) for m in flat.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in dates.DATE_RE.finditer(text)] == expected, text


@pytest.mark.parametrize(
    ("date", "vi", "en"),
    [
        (PubDate(2022, 1, 22), "22 tháng 1 năm 2022", "22 January 2022"),
        (PubDate(2024, 10, 11), "11 tháng 10 năm 2024", "11 October 2024"),
        (PubDate(2024, 9), "tháng 9 năm 2024", "September 2024"),
    ],
)
def test_a_shown_date_never_breaks_across_lines(date, vi, en):
    """Every space inside a date is a no-break space: "22 tháng" / "1 năm 2022" cannot happen."""
    assert format_pubdate(date, "vi") == vi.replace(" ", "\u00a0")
    assert format_pubdate(date, "en") == en.replace(" ", "\u00a0")
    # A span breaks, if it must, only between its dates.
    span = format_pubdate(PubDate(2023, 12, 19, until=(2024, 1)), "vi")
    assert span == "khoảng từ 19\u00a0tháng\u00a012\u00a0năm\u00a02023 đến tháng\u00a01\u00a0năm\u00a02024"


def test_the_pages_notice_of_when_it_was_posted_counts_after_the_text_when_nothing_above_dates_it():
    lines = [LEAD_EN, LEAD_EN, "A copy kept by an archive. Posted: March 3, 2022"]
    assert publication_date(lines, None, 0).date.iso == "2022-03-03"
    dated = ["Foreign minister receives new ambassador", "12/05/2021 09:05", LEAD_EN, LEAD_EN, lines[-1]]
    assert publication_date(dated, 0, 2).date.iso == "2021-05-12"  # the dateline under the headline wins


@pytest.mark.parametrize(
    ("line", "iso"),
    [("Wed 20 Mar 2024 12.45 GMT", "2024-03-20"), ("Thursday 4 July 2024 5.30pm", "2024-07-04")],
)
def test_a_dotted_time_british_style_is_a_clock(line, iso):
    found = read_dateline(line)
    assert found is not None and found.date.iso == iso


def test_a_dotted_number_in_prose_is_no_clock():
    assert read_dateline("Tỷ lệ tăng 12.45 phần trăm so với cùng kỳ, theo số liệu ngày 20/3/2024") is None


def _dated(stamp: str, lead: str, *more: str) -> str | None:
    lines = ["Foreign minister receives new ambassador", stamp, lead, *more]
    found = date_of_scrape(lines, lines[0], 2, [lead, *more], [])
    return found.date.iso if found.date else None


@pytest.mark.parametrize(
    ("stamp", "more", "iso"),
    [
        # Month first proven by the page: a number over 12, a North American zone.
        ("Published: 3/10/2025 | Updated: 3/13/2025 9:00 AM", (), "2025-03-10"),
        ("Published: 3/10/2025 2:05 PM EDT", (), "2025-03-10"),
        ("3/25/2025", (), "2025-03-25"),
        # Day first proven: a number over 12 elsewhere in the file, a Vietnamese site's line.
        ("03/04/2025", ("Last reviewed 25/04/2025",), "2025-04-03"),
        ("03/04/2025", ("Bộ trưởng Ngoại giao tiếp Đại sứ Nhật Bản tại Hà Nội",), "2025-04-03"),
        # A weekday settles it on the line itself.
        ("Monday, 03/10/2025", (), "2025-03-10"),
        # Nothing settles it on an English page: only the year, never a guessed day.
        ("03/12/2025", (), "2025"),
        ("Posted 03-10-2025", (), "2025"),
        # The same day both ways round is no question.
        ("05/05/2025", (), "2025-05-05"),
    ],
)
def test_day_and_month_order_of_a_numeric_date_comes_from_the_page_or_only_the_year_is_kept(stamp, more, iso):
    assert _dated(stamp, LEAD_EN, *more) == iso


def test_a_vietnamese_page_writes_the_day_first():
    lead = "Chiều nay, Bộ trưởng Ngoại giao đã tiếp Đại sứ Nhật Bản nhân dịp kết thúc nhiệm kỳ công tác tại Việt Nam."
    lines = ["Bộ trưởng tiếp Đại sứ Nhật Bản", "03/12/2025 14:05", lead]
    assert date_of_scrape(lines, lines[0], 2, [lead], []).date.iso == "2025-12-03"


def test_an_unsettled_order_tells_the_editor_what_to_settle():
    lines = ["Foreign minister receives new ambassador", "03/12/2025", LEAD_EN]
    found = date_of_scrape(lines, lines[0], 2, [LEAD_EN], [])
    assert found.index == 1 and "03/12/2025" in (found.note or "") and "front matter" in (found.note or "")


HEADLINE = "Bộ trưởng tiếp Đại sứ nước láng giềng"
LEAD_DAY = "Chiều 12/5, tại Hà Nội, " + LEAD_VI[0].lower() + LEAD_VI[1:]


@pytest.mark.parametrize(
    "lines",
    [
        ["Trang chủ", "Thế giới", "Thứ Hai, 12/05/2025 14:30", HEADLINE, LEAD_DAY, MORE],
        ["Thứ Hai, 12/05/2025 14:30", HEADLINE, LEAD_DAY, MORE],  # the lead tells of that day
        ["Trang chủ", "Thứ Hai, 12/05/2025 14:30", HEADLINE, LEAD_VI, MORE],  # no day in the lead, a line above
        [
            "Home",
            "World",
            "Monday 12 May 2025 14.30 BST",
            "Foreign minister receives new ambassador",
            LEAD_EN.replace("this morning", "on Monday"),
        ],
    ],
)
def test_a_weekday_stamp_with_its_time_right_over_the_headline_is_the_articles(lines):
    at = next(i for i, t in enumerate(lines) if t in (HEADLINE, "Foreign minister receives new ambassador"))
    choice = publication_date(lines, at, at + 1)
    assert choice is not None and choice.date.iso == "2025-05-12" and choice.index == at - 1


@pytest.mark.parametrize(
    "lines",
    [
        ["Thứ Hai, 12/05/2025 14:30", HEADLINE, LEAD_VI, MORE],  # the page's first line, the lead names no day
        ["Trang chủ", "Thứ Hai, 12/05/2025 14:30", HEADLINE, LEAD_DAY.replace("12/5", "9/2"), MORE],  # another day
        # the day before: the stamp may be a clock read a day after the event
        ["Thứ Hai, 12/05/2025 14:30", HEADLINE, LEAD_DAY.replace("12/5", "11/5"), MORE],
        ["Trang chủ", "Thứ Hai, 12/05/2025", HEADLINE, LEAD_DAY, MORE],  # no time: a masthead's day
        ["Thứ Hai, 12/05/2025 14:30", "Thời sự", HEADLINE, LEAD_DAY, MORE],  # not right over the headline
        ["Hotline: 0123 456 789", "Thứ Hai, 12/05/2025 14:30", HEADLINE, LEAD_VI, MORE],  # under a header's numbers
        [
            "Home",
            "Monday 12 May 2025 14.30 BST",
            "Foreign minister receives new ambassador",
            LEAD_EN.replace("this morning", "on Thursday"),
        ],
    ],
)
def test_a_weekday_stamp_the_lead_belies_or_the_header_prints_is_a_clock(lines):
    at = next(i for i, t in enumerate(lines) if t in (HEADLINE, "Foreign minister receives new ambassador"))
    assert publication_date(lines, at, at + 1) is None


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("Mon 12 May 2025 09.30 BST", None),  # an abbreviated weekday and a zone are no name
        ("Monday 12 May 2025 14.30 BST", None),
        ("Vientiane, October 9, 2024", None),  # a wire's place before the date
        ("Hà Nội, ngày 12 tháng 5 năm 2025", None),
        ("Hà Thu 19/09/2024 15:00", "Hà Thu"),  # a name beside the date
    ],
)
def test_a_zone_a_weekday_and_a_place_beside_a_date_are_no_byline(line, author):
    found = read_dateline(line)
    assert found is not None and found.date.iso[:4] in ("2024", "2025") and found.author == author


def test_an_abbreviated_weekday_opening_the_line_is_the_dates_weekday():
    assert find_dates("Mon 12 May 2025 09.30 BST")[0].weekday
    assert find_dates("Thu 12 May 2025 09.30 BST")[0].contradicted  # 12 May 2025 was a Monday
    assert not find_dates("Hà Thu 19/09/2024 15:00")[0].weekday  # inside a name it is no weekday


@pytest.mark.parametrize(
    "stamp",
    [
        "Thứ hai, ngày 12/05/2025 - 14:30",
        "Thứ 2, 12/5/2025 | 14:30",
        "14:30 Thứ Hai, 12/05/2025",  # the time before the weekday
        "Monday, May 12, 2025 2:30 PM",
        "Mon, 12 May 2025 14:30:00 +0700",
    ],
)
def test_every_shape_of_a_weekday_stamp_over_the_headline_the_lead_agrees_with(stamp):
    choice = publication_date(["Trang chủ", stamp, HEADLINE, LEAD_DAY, MORE], 2, 3)
    assert choice is not None and choice.date.iso == "2025-05-12"


def test_a_listed_headlines_date_over_the_headline_is_never_the_articles():
    lead = (
        "Tổng Bí thư đã hội kiến Tổng thống nước bạn trong khuôn khổ chuyến thăm cấp Nhà nước "
        "theo lời mời của Tổng thống nước chủ nhà, hai bên trao đổi về hợp tác kinh tế."
    )
    lines = ["Thủ tướng tiếp Đại sứ nước láng giềng (02/12/2025)", "Tổng Bí thư hội kiến Tổng thống nước bạn", lead]
    assert read_dateline(lines[0]) is None
    assert publication_date(lines, 1, 2) is None
    assert read_dateline("Thời sự (02/12/2025)") is not None  # a section's name beside its date is a stamp


@pytest.mark.parametrize(
    ("stamp", "iso"),
    [
        ("02/12/2025", None),  # months after the day the lead tells of: someone else's date
        ("09/08/2025", None),  # the day before it: no stamp of this news
        ("10/08/2025", "2025-08-10"),
        ("12/08/2025", "2025-08-12"),
    ],
)
def test_a_stamp_over_the_headline_that_the_leads_day_belies_is_no_date(stamp, iso):
    lead = (
        "Chiều 10/8, tại thủ đô nước bạn, Tổng Bí thư đã hội kiến Tổng thống nước chủ nhà trong khuôn khổ "
        "chuyến thăm cấp Nhà nước, hai bên trao đổi về hợp tác kinh tế."
    )
    lines = [stamp, "Tổng Bí thư hội kiến Tổng thống nước bạn", lead]
    found = publication_date(lines, 1, 2)
    assert (found.date.iso if found else None) == iso


@pytest.mark.parametrize(
    "masthead",
    [
        "THE RIVER CITY HERALD | Tuesday, March 4, 2025 | Page 3",
        "BÁO SÔNG HỒNG · Thứ Ba, 4/3/2025 · Trang 3",
        "Coastal Evening Post — Tuesday, March 4, 2025 — A3",
    ],
)
def test_a_print_pages_masthead_gives_the_issues_day(masthead):
    """A weekday over the headline is a clock, unless the line is a print page's masthead (the
    paper, the issue's day, the page number): then the day is the issue's."""
    headline = "Bộ trưởng tiếp Đại sứ nước láng giềng"
    assert publication_date([masthead, headline, LEAD_VI, MORE], 1, 2).date.iso == "2025-03-04"
    # the same masthead without its page number is a clock, as before
    clock = " | ".join(part.strip() for part in re.split(r"[|·—]", masthead)[:2])
    assert publication_date([clock, headline, LEAD_VI, MORE], 1, 2) is None


def test_a_page_number_alone_does_not_make_a_clock_the_issues_day():
    """Two parts only (a date and a page), or a page number inside prose, is no masthead."""
    headline = "Bộ trưởng tiếp Đại sứ nước láng giềng"
    assert publication_date(["Thứ Ba, 4/3/2025 | Trang 3", headline, LEAD_VI, MORE], 1, 2) is None
    assert publication_date(["Thứ Ba, 4/3/2025 | xem trang 3 | Hotline", headline, LEAD_VI, MORE], 1, 2) is None
