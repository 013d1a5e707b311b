"""The segmenter's fast line tests find exactly what the patterns they stand for find: the model
was trained on those patterns' answers, so a test that differs on any line changes its labels."""

from __future__ import annotations

import re

import pytest

from diparchive.read.features import (
    _COUNTER,
    _CREDIT,
    _FILE,
    PLACEHOLDER,
    counted,
    credited,
    line_features,
    linked,
    placeholder_at_end,
)

LINES = [
    "",
    " ",
    "Ảnh: Minh Đức",
    "Bộ trưởng phát biểu tại hội nghị. ẢNH : NGỌC HÀ",
    "Toàn cảnh phiên họp (ảnh do Bộ cung cấp)",
    "Chủ tịch nước tiếp Đại sứ. Photo: VNA",
    "Nguồn. Báo điện tử",
    "Đồ họa: Lan Anh",
    "đồ  họa: hai dấu cách giữa, không phải cụm từ",
    "Photoshop: một phần mềm, không phải chữ ảnh",
    "xphoto: không có ranh giới từ trước",
    "infographics: thêm chữ s, không có ranh giới sau",
    "Video   .",
    "Source :",
    "ſource: chữ s dài",
    "vıdeo: chữ i không chấm",
    "Hà Nội, ngày 3/9 /TTXVN",
    "Hà Nội / ab",
    "Xem ảnh tại https://example.org/a.jpg",
    "HTTP://EXAMPLE.ORG",
    "http:/ một gạch",
    "Trang WWW.Example.Org",
    "wwww. bốn chữ w",
    "ảnh.PNG và !",
    "![hình](a.png)",
    "liên hệ @toasoan",
    "12 lượt xem",
    "1.234 Views",
    "Lượt xem: 1.234",
    "(Bình luận 12)",
    "Trang 12,5",
    "Ảnh 1.",
    "Tổng Bí thư phát biểu - Ảnh 2",
    "Đoàn đại biểu chụp ảnh lưu niệm - hình ảnh 12 .",
    "Buổi lễ – Photo 3 ",
    "Photo 123",
    "ảnh 1\n",
    "Lễ đón. hinh anh 1.",
    "Figure 10 .  ",
    "Câu văn kết thúc bằng số 2024.",
    "Câu văn bình thường kết thúc bằng dấu chấm.",
]


@pytest.mark.parametrize("line", LINES)
def test_each_fast_test_finds_what_its_pattern_finds(line: str) -> None:
    assert credited(line, line[::-1]) is (_CREDIT.search(line) is not None)
    assert linked(line, line[::-1]) is (_FILE.search(line) is not None)
    assert counted(line, any(c.isdigit() for c in line)) is (_COUNTER.search(line) is not None)
    assert placeholder_at_end(line) is (PLACEHOLDER.search(line) is not None)


def test_the_examples_reach_both_answers_of_every_test() -> None:
    """The lines above are worth comparing on: each test says yes to some and no to others."""
    for pattern in (_CREDIT, _FILE, _COUNTER, PLACEHOLDER):
        answers = {pattern.search(line) is not None for line in LINES}
        assert answers == {True, False}, pattern.pattern


def test_features_are_crfsuite_indicators_with_neighbours() -> None:
    lines = ["Thời sự", "Ảnh: Minh Đức", "Hôm nay " * 20, "Photo 3"]
    items = line_features(lines)
    assert len(items) == 4
    assert "credit=yes" in items[1] and "credit=no" in items[0]
    assert "-1:credit=yes" in items[2] and "-2:edge" in items[1] and "1:edge" in items[3]
    assert "placeholder=yes" in items[3] and "w0=ảnh" in items[1]
    assert all(value == 1.0 for item in items for value in item.values())


@pytest.mark.parametrize(
    "line",
    ["", "  ", "Hà Nội\u00a0Ngày 3", "Một\x1cHai\tba\u2003Bốn", " đầu và cuối ", "ÉLYSÉE  élysée\nX"],
)
def test_words_are_counted_as_str_split_counts_them(line: str) -> None:
    """The words= and capitalised= buckets read the words str.split() finds (spaces of every kind)."""
    from diparchive.read.features import _CAPITALISED, _WORDS

    (item,) = line_features([line])
    words = line.split()
    n_words = max(1, len(words))
    assert _WORDS.key(n_words) in item
    assert _CAPITALISED.key(sum(w[0].isupper() for w in words) / n_words) in item


def test_buckets_are_the_index_of_the_first_edge_above() -> None:
    from diparchive.read.features import _Buckets

    buckets = _Buckets.of("x", (0.2, 0.4, 1))
    assert [buckets.key(v) for v in (-1, 0, 0.2, 0.39, 0.4, 1, 7)] == ["x=0", "x=0", "x=1", "x=1", "x=2", "x=3", "x=3"]


@pytest.mark.parametrize(
    "line",
    [
        "Thứ Hai, 29/03/2020 08:51",
        "ngày 5 tháng 3",
        "Tháng Năm 27, 2021",
        "12/03/25 14:05",
        "12/03/25 không có giờ",
        "May 2024",
        "9 h 05 ngày 3/4",
        "Số 1234 và 12-3",
        "Không có ngày nào cả",
        "١٢/٠٣/٢٠٢٤",
    ],
)
def test_dated_finds_what_the_date_grammar_finds(line: str) -> None:
    from diparchive.read.dates import DATE_RE
    from diparchive.read.features import dated

    assert dated(line, any(c.isdigit() for c in line)) is (DATE_RE.search(line) is not None)


def test_marked_share_counts_letters_with_marks() -> None:
    from diparchive.read.folding import marked_share

    assert marked_share("") == 0.0 and marked_share("123 !") == 0.0
    assert marked_share("Hà Nội 2024") == 2 / 5
    assert marked_share("abc") == 0.0


def _holds_a_hint(items: object) -> bool:
    """Every match of the parsed pattern holds four digits, "tháng" or a clock's [:h] (what
    features._DATE_HINT looks for): read off its parts that every match passes through."""
    from re import _constants as c  # type: ignore[attr-defined]

    letters = ""
    for op, arg in items:  # type: ignore[attr-defined]
        letters = letters + chr(arg) if op is c.LITERAL else ""
        if "tháng" in letters:
            return True
        if op in (c.MAX_REPEAT, c.MIN_REPEAT) and arg[0] >= 1:
            low, _high, sub = arg
            if low >= 4 and list(sub) == [(c.IN, [(c.CATEGORY, c.CATEGORY_DIGIT)])] or _holds_a_hint(sub):
                return True
        elif op is c.SUBPATTERN and _holds_a_hint(arg[-1]):
            return True
        elif op is c.BRANCH and all(_holds_a_hint(branch) for branch in arg[1]):
            return True
        elif op is c.ASSERT and arg[0] == 1 and _holds_a_hint(arg[1]):
            return True
        elif op is c.IN and {(c.LITERAL, ord(":")), (c.LITERAL, ord("h"))} <= set(arg):
            return True
    return False


def test_every_form_of_the_date_grammar_holds_what_dated_looks_for() -> None:
    """dated() skips the grammar on a line without a year, a clock or "tháng": a form added to
    the grammar without one of them must change _DATE_HINT too."""
    from re import _parser  # type: ignore[attr-defined]

    from diparchive.read import dates

    forms = [*dates._NUMBER_FIRST, *dates._WORD_FIRST]
    assert all(form in dates.DATE_RE.pattern for form in forms)
    for form in forms:
        assert _holds_a_hint(_parser.parse(form, re.IGNORECASE)), form
    assert not _holds_a_hint(_parser.parse(r"(?P<d>\d{1,2})/(?P<m>\d{1,2})(?:/(?P<y>\d{4}))?", re.IGNORECASE))
