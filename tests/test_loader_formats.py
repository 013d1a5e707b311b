"""Files written in tmp_path that vary what scrapes look like, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from diparchive.errors import DiparchiveError
from diparchive.read.dates import parse_dateline
from diparchive.read.loader import load_article
from diparchive.records import BlockKind, DateSource, Precision

LEAD_VI = "Chiều nay, Bộ trưởng Ngoại giao Bùi Thanh Sơn đã có cuộc hội đàm với Bộ trưởng Ngoại giao Singapore về hợp tác kinh tế, quốc phòng và giáo dục giữa hai nước trong thời gian tới."
BODY_VI = "Hai bên nhất trí tăng cường hợp tác kinh tế, thương mại, đầu tư và giáo dục, đồng thời phối hợp chặt chẽ tại các diễn đàn đa phương như ASEAN và Liên hợp quốc vì hòa bình và phát triển."


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def read(path: Path, registry, recognizer):
    return load_article(path, path.parent, registry, recognizer).article


@pytest.mark.parametrize(
    ("line", "iso", "author"),
    [
        ("27/09/2021 17:20", "2021-09-27", None),
        ("Hà Thu 19/09/2024 15:00", "2024-09-19", "Hà Thu"),
        ("Thứ Hai, 15/07/2024 - 08:30", "2024-07-15", None),
        ("Cập nhật lúc 08:12 ngày 03/04/2023", "2023-04-03", None),
        ("September 27, 2021 | 5:20 pm", "2021-09-27", None),
        ("Monday, 15 July 2024 08:30 GMT+7", "2024-07-15", None),
        ("ngày 19 tháng 9 năm 2024", "2024-09-19", None),
        ("Tháng 9/2024", "2024-09", None),
        ("Published: 3 Apr 2023", "2023-04-03", None),
    ],
)
def test_dateline_shapes(line, iso, author):
    found = parse_dateline(line)
    assert found is not None and found.date.iso == iso and found.author == author


@pytest.mark.parametrize(
    "line",
    [
        "Hôm nay: Thứ Bảy, 22/11/2026",
        "Việt Nam coi trọng hợp tác đa phương",
        "Bộ trưởng dự hội nghị ngày 19/12/2023 tại Hà Nội",
        "31/02/2024",
    ],
)
def test_lines_that_are_not_datelines(line):
    assert parse_dateline(line) is None


def test_dateline_below_headline_wins_over_a_clock_above_it(tmp_path, registry, recognizer):
    path = write(
        tmp_path,
        "a.txt",
        f"Thứ Bảy, 22/11/2026 10:15\n\nHội đàm Việt Nam - Singapore\n\n05/03/2024 09:00\n\n{LEAD_VI}\n\n{BODY_VI}\n",
    )
    a = read(path, registry, recognizer)
    assert a.title == "Hội đàm Việt Nam - Singapore"
    assert a.date.iso == "2024-03-05"
    assert ("Thứ Bảy, 22/11/2026 10:15", "site chrome date") in {(r.text, r.reason) for r in a.removed}


def test_english_scrape_with_byline_caption_and_read_more(tmp_path, registry, recognizer):
    text = (
        "Viet Nam and Singapore agree to deepen cooperation\n"
        "September 27, 2021 | 5:20 pm\n"
        "Foreign Minister Bui Thanh Son held talks with his Singaporean counterpart in Hanoi on Monday, discussing trade, investment, defence and education cooperation between the two countries.\n"
        "Foreign Minister Bui Thanh Son at the talks. (Photo: VNA)\n"
        "The two ministers agreed to strengthen trade, investment and education cooperation, and to coordinate closely at multilateral forums such as ASEAN and the United Nations.\n"
        "Read more\n"
        "Storm kills three in the northern provinces\n"
    )
    a = read(write(tmp_path, "en.txt", text), registry, recognizer)
    assert a.lang == "en"
    assert a.title == "Viet Nam and Singapore agree to deepen cooperation"
    assert (a.date.iso, a.date.precision) == ("2021-09-27", Precision.DAY)
    assert [b.kind for b in a.body] == [BlockKind.PARAGRAPH, BlockKind.CAPTION, BlockKind.PARAGRAPH]
    assert [
        r.reason
        for r in a.removed
        if "Read more" in r.reason or r.text == "Storm kills three in the northern provinces"
    ] == ["site section: Read more", "site section: Read more"]
    assert a.leaders == ("bui-thanh-son",)


def test_english_trailing_teasers_are_cut(tmp_path, registry, recognizer):
    text = (
        "Viet Nam and Singapore agree to deepen cooperation\n\n"
        "05/03/2024\n\n"
        "Foreign Minister Bui Thanh Son held talks with his Singaporean counterpart in Hanoi, discussing trade, investment, defence and education cooperation between the two countries.\n\n"
        "The ministers agreed to strengthen trade, investment and education cooperation between the two countries and to coordinate at ASEAN and the United Nations.\n\n"
        "A 72-year-old woman demanded that a casino honour a jackpot after claiming the machine was tilted...\n\n"
        "Police are investigating a fire that destroyed a restaurant kitchen overnight, firefighters said...\n"
    )
    a = read(write(tmp_path, "teasers.txt", text), registry, recognizer)
    assert len(a.body) == 2
    assert [r.text[:6] for r in a.removed][-2:] == ["A 72-y", "Police"]
    assert all(r.reason.startswith("after the article") for r in a.removed[-2:])


def test_no_date_at_all_gives_none_and_a_warning(tmp_path, registry, recognizer):
    a = read(
        write(tmp_path, "nodate.txt", f"Hội đàm Việt Nam - Singapore\n\n{LEAD_VI}\n\n{BODY_VI}\n"), registry, recognizer
    )
    assert a.date is None
    assert "no publication date found" in [w.message for w in a.warnings]


def test_inferred_year_from_a_full_date_shortly_before(tmp_path, registry, recognizer):
    text = f"Hội đàm Việt Nam - Singapore\n\nSáng 25/9, Chủ tịch nước đã trở về Hà Nội sau chuyến thăm từ ngày 18-21/9/2021 tới Cuba và Hoa Kỳ.\n\n{BODY_VI}\n"
    a = read(write(tmp_path, "infer.txt", text), registry, recognizer)
    assert (a.date.iso, a.date.source) == ("2021-09-25", DateSource.INFERRED)


def test_a_day_without_any_year_evidence_is_not_guessed(tmp_path, registry, recognizer):
    text = f"Hội đàm Việt Nam - Singapore\n\nSáng 22/1, hai bộ trưởng đã hội đàm tại Hà Nội về hợp tác kinh tế và quốc phòng trong thời gian tới.\n\n{BODY_VI}\n"
    assert read(write(tmp_path, "guess.txt", text), registry, recognizer).date is None


def test_no_title_line_gets_a_derived_title_and_a_warning(tmp_path, registry, recognizer):
    a = read(write(tmp_path, "notitle.txt", f"{LEAD_VI}\n{BODY_VI}\n"), registry, recognizer)
    assert a.title.startswith("Chiều nay, Bộ trưởng Ngoại giao Bùi Thanh Sơn đã có cuộc hội đàm")
    assert a.title.endswith("…")
    assert a.title_supplied and a.title_doubt is None


def test_caption_in_the_middle_after_an_image_slot(tmp_path, registry, recognizer):
    text = (
        f"Hội đàm Việt Nam - Singapore\n\n05/03/2024\n\n{LEAD_VI}\n\n\u00a0\n\nQuang cảnh buổi hội đàm\n\n{BODY_VI}\n"
    )
    a = read(write(tmp_path, "caption.txt", text), registry, recognizer)
    assert [b.kind for b in a.body] == [BlockKind.PARAGRAPH, BlockKind.CAPTION, BlockKind.PARAGRAPH]


def test_bom_crlf_and_nfd_text_are_normalised(tmp_path, registry, recognizer):
    import unicodedata

    text = unicodedata.normalize(
        "NFD", f"Hội đàm Việt Nam - Singapore\r\n\r\n05/03/2024\r\n\r\n{LEAD_VI}\r\n\r\n{BODY_VI}\r\n"
    )
    a = read(write(tmp_path, "bom.txt", "\ufeff" + text), registry, recognizer)
    assert a.title == "Hội đàm Việt Nam - Singapore"
    assert a.body[0].text == LEAD_VI
    assert a.leaders == ("bui-thanh-son",)


def test_old_mac_line_endings(tmp_path, registry, recognizer):
    a = read(
        write(tmp_path, "cr.txt", f"Hội đàm Việt Nam - Singapore\r05/03/2024\r{LEAD_VI}\r{BODY_VI}\r"),
        registry,
        recognizer,
    )
    assert a.date.iso == "2024-03-05" and len(a.body) == 2


def test_front_matter_overrides_everything(tmp_path, registry, recognizer):
    text = f"---\ntitle: Tiêu đề do biên tập viên đặt\ndate: 2024-03\nauthor: Biên tập\nkey: shared-key\nleaders: [to-lam]\nevents: [unga-79]\n---\nHội đàm Việt Nam - Singapore\n\n05/03/2024\n\n{LEAD_VI}\n\n{BODY_VI}\n"
    a = read(write(tmp_path, "fm.txt", text), registry, recognizer)
    assert a.title == "Tiêu đề do biên tập viên đặt"
    assert (a.date.iso, a.date.precision, a.date.source) == ("2024-03", Precision.MONTH, DateSource.FRONT_MATTER)
    assert (a.author, a.key, a.leaders, a.events) == ("Biên tập", "shared-key", ("to-lam",), ("unga-79",))


def test_markdown_body_with_heading_caption_and_list(tmp_path, registry, recognizer):
    text = "---\nlang: en\ndate: 2024-09-19\n---\n# Talks in Hanoi\n\nForeign Minister Bui Thanh Son met his counterpart to discuss trade.\n\n*The two ministers at the talks.*\n\n## Outcomes\n\n- more trade\n- more **education** exchanges\n"
    a = read(write(tmp_path, "talks.md", text), registry, recognizer)
    assert a.title == "Talks in Hanoi"
    assert [b.kind for b in a.body] == [BlockKind.PARAGRAPH, BlockKind.CAPTION, BlockKind.HEADING, BlockKind.LIST]
    assert "<strong>education</strong>" in a.body[3].html


def test_markdown_raw_html_is_escaped(tmp_path, registry, recognizer):
    text = "---\ntitle: Safe\nlang: en\n---\nA paragraph with <script>alert(1)</script> inside it, long enough to be a paragraph.\n"
    a = read(write(tmp_path, "x.md", text), registry, recognizer)
    assert "<script>" not in a.body[0].html and "&lt;script&gt;" in a.body[0].html


@pytest.mark.parametrize(
    ("front", "line", "message"),
    [
        ("colour: red\n", 2, "unknown front matter key 'colour'"),
        ("title: ok\ndate: 2024-13\n", 3, "'date' must be YYYY-MM-DD, YYYY-MM or YYYY"),
        ("lang: fr\n", 2, "'lang' must be one of vi, en"),
        ("leaders: [nobody-here]\n", 2, "unknown leader id 'nobody-here'"),
        ("title: [unclosed\n", 2, "invalid YAML"),
        (
            "title: ok\naliases:\n  - ban-cu\n  - ../x\n",
            5,
            "'aliases' holds slugs (letters, digits, hyphens), not '../x'",
        ),
        # An unclosed quote is noticed where the front matter ends; the fault is where it opened.
        ('lang: vi\ntitle: "unclosed\nauthor: A\ndate: 2024-01-02\nsummary: x\nkeywords: [a]\n', 3, "quoted scalar"),
        # A key indented wrongly or a stray bracket: the line PyYAML stopped at, not the mapping's first.
        ("lang: vi\nauthor: A\n date: 2024-01-02\nsummary: x\nkeywords: [a]\n", 4, "mapping values"),
        ("lang: vi\nauthor: A\nleaders: [to-lam]]\nsummary: x\nkeywords: [a]\n", 4, "block mapping"),
    ],
)
def test_front_matter_errors_name_file_and_line(tmp_path, registry, recognizer, front, line, message):
    path = write(tmp_path, "bad.txt", f"---\n{front}---\nBody text of the article that is long enough.\n")
    with pytest.raises(DiparchiveError) as caught:
        read(path, registry, recognizer)
    problem = caught.value.problems[0]
    assert (problem.path.name, problem.line) == ("bad.txt", line)
    assert message in problem.message


def test_unclosed_front_matter(tmp_path, registry, recognizer):
    with pytest.raises(DiparchiveError, match="bad.txt:1: front matter opened with '---' is never closed"):
        read(write(tmp_path, "bad.txt", "---\ntitle: x\nbody\n"), registry, recognizer)


def test_non_utf8_file_names_the_line(tmp_path, registry, recognizer):
    path = tmp_path / "latin.txt"
    path.write_bytes("Tiêu đề hợp lệ\n".encode() + "Café".encode("latin-1") + b"\n")
    with pytest.raises(DiparchiveError, match=r"latin.txt:2: not UTF-8 text"):
        read(path, registry, recognizer)


def test_a_title_in_front_matter_clears_the_supplied_mark(tmp_path, registry, recognizer):
    body = "Một đoạn văn đủ dài để làm phần thân của bài viết, không có dòng tiêu đề nào ở trên cả.\n"
    supplied = read(write(tmp_path, "a.md", f"---\nlang: vi\n---\n{body}"), registry, recognizer)
    given = read(
        write(tmp_path, "b.md", f"---\nlang: vi\ntitle: Tiêu đề do biên tập viên đặt\n---\n{body}"),
        registry,
        recognizer,
    )
    assert supplied.title_supplied and supplied.title
    assert not given.title_supplied and given.title == "Tiêu đề do biên tập viên đặt"


@pytest.mark.parametrize(("lang", "name"), [("vi", "Báo Nhân Dân"), ("en", "Nhan Dan")])
def test_an_outlet_code_in_front_matter_is_the_registry_s_name(tmp_path, registry, recognizer, lang, name):
    path = write(tmp_path, "a.md", f"---\ntitle: Một bài\nlang: {lang}\noutlet: NDO\n---\n{LEAD_VI}\n")
    assert read(path, registry, recognizer).outlet == name
    other = write(tmp_path, "b.md", f"---\ntitle: Một bài\nlang: {lang}\noutlet: Báo Địa phương\n---\n{LEAD_VI}\n")
    assert read(other, registry, recognizer).outlet == "Báo Địa phương"  # any other name stands as written


HEAD_VI = "Phó Thủ tướng, Bộ trưởng Ngoại giao tiếp Đại sứ Na Uy chào từ biệt"
LEAD_SCRAPE = (
    "Chiều 25/9, tại trụ sở Bộ Ngoại giao, Phó Thủ tướng, Bộ trưởng Ngoại giao đã tiếp Đại sứ Na Uy"
    " đến chào từ biệt nhân dịp kết thúc nhiệm kỳ công tác tại Việt Nam."
)


@pytest.mark.parametrize(
    "stamps",
    [
        "Cập nhật: 27/09/2024 10:05 | Đăng lúc: 26/09/2024 08:00",
        "Cập nhật: 27/09/2024 10:05\nĐăng lúc: 26/09/2024 08:00",
        "Updated: September 27, 2024 10:05 | Published: September 26, 2024 08:00",
    ],
)
def test_the_published_date_beats_the_updated_one_printed_first(tmp_path, registry, recognizer, stamps):
    path = write(tmp_path, "a.txt", f"{HEAD_VI}\n{stamps}\n{LEAD_SCRAPE}\n{BODY_VI}\n")
    assert read(path, registry, recognizer).date.iso == "2024-09-26"


def test_an_updated_date_alone_is_the_page_s_date(tmp_path, registry, recognizer):
    path = write(tmp_path, "a.txt", f"{HEAD_VI}\nCập nhật: 27/09/2024 10:05\n{LEAD_SCRAPE}\n{BODY_VI}\n")
    assert read(path, registry, recognizer).date.iso == "2024-09-27"


def test_a_weather_widget_s_day_is_no_publication_date(tmp_path, registry, recognizer):
    path = write(tmp_path, "a.txt", f"Đà Nẵng 31°C | 28/09/2024\n{HEAD_VI}\n{LEAD_SCRAPE}\n{BODY_VI}\n")
    article = read(path, registry, recognizer)
    assert article.title == HEAD_VI and article.date is None
