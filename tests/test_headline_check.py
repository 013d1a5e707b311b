"""What `diparchive check` says of a scrape's headline and date, on sites written here: a name
found in the headline is told at the headline's line, a missing date once and at the date the
loader passed over, and a body's term ("khóa XIV") is no numbered meeting."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

from diparchive.cli.audit import date_line
from diparchive.cli.main import main
from diparchive.read.meetings import numbered_meetings
from diparchive.records import Removed

LEAD = (
    "Chiều 8/4, tại Hà Nội, Bộ trưởng Bộ Công Thương đã tiếp Bộ trưởng Ngoại giao Phần Lan Anna Lindqvist nhân dịp "
    "đoàn sang thăm và làm việc, trao đổi về hợp tác năng lượng sạch giữa hai nước."
)
BODY = (
    "Hai bên nhất trí thúc đẩy đầu tư vào điện gió ngoài khơi, đào tạo nhân lực và chuyển giao công nghệ, "
    "đồng thời sớm tổ chức diễn đàn doanh nghiệp hai nước trong năm nay."
)
SCRAPE = "\n".join(
    [
        "Trang chủ",
        "Thời sự",
        "Thứ Năm, 04/12/2025",  # the site's clock, the day the page was read
        "Đối ngoại",
        "Bộ trưởng Bộ Công Thương tiếp Bộ trưởng Ngoại giao Phần Lan Anna Lindqvist",
        "Thứ Ba, 8/4/2025 - 10:20 (cập nhật 8/4/2025)",
        LEAD,
        BODY,
        "Tin liên quan",
        "Thủ tướng tiếp Đại sứ Phần Lan",
    ]
)


def _check(site, text):
    (site / "content" / "fi.txt").write_text(text + "\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    code = main(["check", "--root", str(site)], out, err)
    assert code == 0, err.getvalue()
    return [line for line in out.getvalue().splitlines() if line.startswith("content/fi.txt")]


def test_a_name_in_the_headline_is_told_at_the_headlines_line(site):
    said = _check(site, SCRAPE)
    assert (
        "content/fi.txt:5: suggestion: person not in the registry: Bộ trưởng Ngoại giao Phần Lan Anna Lindqvist" in said
    )
    assert not any(line.startswith("content/fi.txt:1:") for line in said)


def test_a_missing_date_is_told_once_at_a_date_line_passed_over(site):
    # Only the site's clock prints a date, and the loader does not take it for the article's.
    said = _check(site, SCRAPE.replace("Thứ Ba, 8/4/2025 - 10:20 (cập nhật 8/4/2025)\n", ""))
    dated = [line for line in said if "date" in line]
    assert dated == ["content/fi.txt:3: date: no publication date: give one in front matter"]


def test_a_missing_date_with_no_date_line_is_told_at_the_body(site):
    text = "\n".join(line for line in SCRAPE.split("\n") if "2025" not in line)
    dated = [line for line in _check(site, text) if "date" in line]
    assert dated == ["content/fi.txt:5: date: no publication date: give one in front matter"]


def test_the_date_line_is_the_passed_over_date_nearest_the_headline(tmp_path):
    from diparchive.read.loader import load_article
    from diparchive.read.recognizer import build_recognizer
    from diparchive.read.registry import load_registry

    root = Path(__file__).resolve().parent.parent
    registry = load_registry(root / "content" / "registry", root)
    path = tmp_path / "fi.txt"
    path.write_text("\n".join(line for line in SCRAPE.split("\n") if "2025" not in line) + "\n", encoding="utf-8")
    article = load_article(path, tmp_path, registry, build_recognizer(registry)).article
    assert article.title_line == 4 and article.body[0].line == 5
    assert date_line(article) == 5  # no date passed over: the body's first line
    removed = (
        Removed("Thứ Năm, 04/12/2025", 1, "site chrome"),
        Removed("08/04/2025 10:20", 3, "site chrome date"),
        Removed("Xem thêm (09/04/2025)", 40, "after the article"),
    )
    assert date_line(replace(article, removed=removed)) == 3
    assert date_line(replace(article, removed=removed[::2])) == 1  # one after the body is not the article's


def test_a_bodys_term_is_no_numbered_meeting():
    text = (
        "Tổng Bí thư Ban Chấp hành Trung ương Đảng khóa XIV gửi điện mừng; Quốc hội khóa XV họp bất thường, "
        "sau Hội nghị Trung ương 8 khóa XIII."
    )
    assert numbered_meetings(text, []) == ["Hội nghị Trung ương 8 khóa XIII"]


def test_a_date_whose_day_and_month_order_is_open_is_told_at_its_line(site):
    lead = (
        "The foreign minister met the ambassador of Finland on Tuesday to discuss clean energy, offshore wind "
        "and the training of engineers between the two countries, officials said."
    )
    said = _check(site, "\n".join(["Home", "Minister meets Finnish envoy on clean energy", "Posted 04/08/2025", lead]))
    assert [line for line in said if "order unknown" in line] == [
        "content/fi.txt:3: warning: day and month order unknown in '04/08/2025' (day first or month first): "
        "only the year is kept; settle the date in front matter"
    ]
