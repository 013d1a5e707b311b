"""Each seed read into a record, checked field by field against what an editor signed off."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import PROJECT
from diparchive.read.decode import split_front_matter
from diparchive.read.loader import load_article
from diparchive.records import BlockKind, DateSource, Precision


def load(name: str, registry, recognizer, settled: bool = False):
    """The seed as the reader makes it of the scrape alone (without the front matter an editor
    added where the scrape lacks a field), or, `settled`, as the build reads it."""
    path = next((PROJECT / "content").glob(f"{name}*"))
    if settled:
        return load_article(path, PROJECT, registry, recognizer).article
    _, scrape, _ = split_front_matter(path.read_text(encoding="utf-8"), path)
    with tempfile.TemporaryDirectory() as folder:
        bare = Path(folder) / path.name
        bare.write_text(scrape, encoding="utf-8")
        return replace(load_article(bare, Path(folder), registry, recognizer).article, path=path.relative_to(PROJECT))


def kinds(article, kind):
    return [b.text for b in article.body if b.kind is kind]


def reasons(article):
    return {r.reason for r in article.removed}


def test_seed_000_interview_with_questions_captions_and_related_lists(registry, recognizer):
    a = load("000", registry, recognizer)
    assert (
        a.title
        == "Bộ trưởng Ngoại giao Bùi Thanh Sơn trả lời phỏng vấn về chuyến đi của Chủ tịch nước và Đoàn đại biểu cấp cao Việt Nam đến Cuba và New York"
    )
    assert (a.date.iso, a.date.precision, a.date.source) == ("2021-09-27", Precision.DAY, DateSource.DATELINE)
    assert a.lang == "vi" and a.author is None and a.outlet is None
    assert a.body[0].text.startswith(
        "Chủ tịch nước Nguyễn Xuân Phúc và Đoàn đại biểu cấp cao Việt Nam đã kết thúc tốt đẹp"
    )
    assert a.body[-1].text.startswith("Tăng cường hợp tác với Liên hợp quốc thực chất và hiệu quả")
    assert a.body[-1].text.endswith("nâng cao vị thế đất nước./.")
    assert kinds(a, BlockKind.CAPTION) == ["Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn"]
    questions = kinds(a, BlockKind.QUESTION)
    assert len(questions) == 3
    assert questions[0].startswith("Câu hỏi: Xin Bộ trưởng cho biết")  # the scrape's "1." list marker is gone
    removed = [r for r in a.removed if r.reason.startswith("site section")]
    assert removed[0].text == "Cùng chuyên mục"
    assert any(r.text == "Tin đọc nhiều" for r in removed)
    assert removed[-1].text == "Tăng cường hơn nữa tin cậy chính trị giữa Việt Nam và Đức"
    assert not any("Đối thoại Biển" in b.text for b in a.body)
    assert a.leaders == ("bui-thanh-son", "nguyen-xuan-phuc", "miguel-diaz-canel")
    assert (a.events, a.mentions) == (("unga-76",), ("party-congress-13", "viet-nam-unsc-2020-2021"))
    assert a.warnings == ()


def test_seed_001_month_only_date_marker_and_pull_quote(registry, recognizer):
    a = load("001", registry, recognizer)
    assert a.title == "Đạt được ở mức cao tất cả các mục tiêu"
    assert (a.date.iso, a.date.precision, a.date.source) == ("2024-09", Precision.MONTH, DateSource.DATELINE)
    assert a.date.day is None
    assert a.body[0].text.startswith(
        "Trao đổi với báo chí, Phó Thủ tướng, Bộ trưởng Ngoại giao Bùi Thanh Sơn nhận định"
    )
    assert (
        a.body[-1].text
        == "Thứ sáu, tiếp tục chú trọng đối thoại, chia sẻ và ủng hộ lẫn nhau để thu hẹp những khác biệt."
    )
    assert kinds(a, BlockKind.CAPTION) == [
        "Tổng Bí thư, Chủ tịch nước Tô Lâm phát biểu tại Phiên thảo luận chung cấp cao Đại hội đồng Liên Hiệp Quốc Khoá 79. Ảnh: TTXVN",
        "Phó Thủ tướng, Bộ trưởng Ngoại giao Bùi Thanh Sơn trả lời phỏng vấn báo chí nhân kết thúc chuyến công tác của Tổng Bí thư, Chủ tịch nước Tô Lâm tại Mỹ. Ảnh: Bộ Ngoại giao",
        "Tổng Bí thư, Chủ tịch nước Tô Lâm gặp Tổng thống Mỹ Joe Biden. Ảnh: TTXVN",
    ]
    assert kinds(a, BlockKind.HEADING) == ["Phương hướng triển khai những kết quả của chuyến công tác"]
    assert "pull quote repeating the previous paragraph" in reasons(a)
    assert a.outlet is None  # "Ảnh: TTXVN" is a photo credit, not the outlet
    assert a.leaders == ("bui-thanh-son", "to-lam", "joe-biden")
    assert (a.events, a.mentions) == (("unga-79", "summit-of-the-future"), ("party-congress-13",))


def test_seed_002_no_headline_no_date_and_unrelated_teasers(registry, recognizer):
    a = load("002", registry, recognizer)
    assert a.title == "Hội nghị Ngoại giao lần thứ 32 vào những ngày cuối tháng 12 khép…"
    assert a.title_supplied and a.title_doubt is None
    # The 32nd Diplomatic Conference (from 19/12) "closes the year" 2023: published between its
    # start and the end of the month after, an interval rather than a guessed day.
    assert a.date is not None and a.date.edtf == "2023-12-19/2024-01" and a.date.precision is not Precision.DAY
    assert a.body[0].text.startswith("Hội nghị Ngoại giao lần thứ 32 vào những ngày cuối tháng 12")
    assert a.body[-1].text == "Xin cảm ơn Bộ trưởng!"
    captions = kinds(a, BlockKind.CAPTION)
    assert captions[0] == "Toàn cảnh Hội nghị. (Ảnh: Nguyễn Hồng)"
    assert captions.count("Bộ trưởng Ngoại giao Bùi Thanh Sơn phát biểu tại hội nghị. (Ảnh: Nguyễn Hồng)") == 1
    assert len(kinds(a, BlockKind.QUESTION)) == 4
    teasers = [r.text for r in a.removed if r.reason.startswith("after the article")]
    assert len(teasers) == 9
    assert teasers[0].startswith("Ngày 14/5, Công an quận Thanh Xuân")  # the house fire
    assert any(t.startswith("Video: Hiện trường vụ tai nạn") for t in teasers)  # the traffic accident
    assert any(t.startswith("Quá trình điều tra vụ án") for t in teasers)  # the court case
    links = [r.text for r in a.removed if r.reason == "link to another article"]
    assert links == [
        "Chủ tịch nước Võ Văn Thưởng: ngành Ngoại giao sẽ phát huy tốt vai trò tiên phong |",
        "(Trực tuyến) Thủ tướng Chính phủ tham dự và phát biểu chỉ đạo tại Phiên toàn thể Ngoại giao Kinh tế phục vụ phát triển đất nước |",
    ]
    # The bare "Chủ tịch Quốc hội" of a caption names no one: the text itself never speaks of him.
    assert a.leaders == ("bui-thanh-son", "nguyen-phu-trong", "vo-van-thuong", "pham-minh-chinh")
    assert (a.events, a.mentions) == (("diplomatic-conference-32",), ("cop-28", "party-congress-13"))
    settled = load("002", registry, recognizer, settled=True)  # the editor's front matter
    assert settled.title == "Bộ trưởng Ngoại giao Bùi Thanh Sơn nhìn lại một năm đối ngoại sôi động"
    # the editor's title, marked as theirs (front matter `title_supplied: true`): settled, still devised
    assert settled.title_supplied and settled.title_set and settled.date.edtf == "2023-12" and not settled.warnings
    assert [b.text for b in settled.body] == [b.text for b in a.body]


def test_seed_003_category_label_byline_and_alt_text(registry, recognizer):
    a = load("003", registry, recognizer)
    assert a.title == "Việt Nam coi trọng hợp tác đa phương"
    assert (a.date.iso, a.date.precision, a.date.source) == ("2024-09-19", Precision.DAY, DateSource.DATELINE)
    assert a.author == "Hà Thu"
    assert a.body[0].text.startswith("Bộ Ngoại giao Việt Nam cho biết, Tổng Bí thư, Chủ tịch nước Tô Lâm sẽ tham dự")
    assert a.body[-1].text.startswith("Chuyến thăm cấp nhà nước của Tổng Bí thư, Chủ tịch nước Tô Lâm và Phu nhân")
    assert kinds(a, BlockKind.CAPTION) == [
        "Tổng Bí thư, Chủ tịch nước Tô Lâm sẽ tham dự khóa họp 79 Đại hội đồng Liên Hợp Quốc và thăm cấp Nhà nước tới Cuba."
    ]
    removed = {(r.text, r.reason) for r in a.removed}
    assert ("Chính trị", "category label") in removed
    assert ("tbt to lam", "image alt text") in removed
    assert ("Hà Thu", "byline") in removed
    assert a.leaders == ("to-lam", "miguel-diaz-canel")
    assert (a.events, a.mentions) == (("summit-of-the-future", "unga-79"), ())


def test_seed_004_outlet_marker_placeholders_and_inferred_date(registry, recognizer):
    a = load("004", registry, recognizer)
    assert a.title == "Tiếp tục phát huy vai trò tiên phong của đối ngoại"
    assert (a.date.iso, a.date.precision, a.date.source) == ("2022-01-22", Precision.DAY, DateSource.INFERRED)
    assert any(w.message.startswith("date inferred from the text") for w in a.warnings)
    assert a.outlet == "Báo Nhân Dân"
    assert a.body[0].text.startswith("Thủ tướng đề nghị ngành ngoại giao")
    assert a.body[-1].text.startswith("Cùng với đó, chú trọng công tác cán bộ")
    assert kinds(a, BlockKind.CAPTION) == [
        "Quang cảnh hội nghị.",
        "Bộ trưởng ngoại giao Bùi Thanh Sơn phát biểu khai mạc.",
        "Thủ tướng Phạm Minh Chính phát biểu tại hội nghị.",
    ]
    removed = [(r.text, r.reason) for r in a.removed]
    assert removed.count(("Tiếp tục phát huy vai trò tiên phong của đối ngoại -0", "image placeholder")) == 2
    assert ("NDO -", "outlet marker") in removed
    assert ("Quang cảnh hội nghị.", "repeated line") in removed
    assert a.leaders == ("pham-minh-chinh", "pham-binh-minh", "le-hoai-trung", "bui-thanh-son")
    assert (a.events, a.mentions) == (("viet-nam-unsc-2020-2021",), ("party-congress-13",))
    settled = load("004", registry, recognizer, settled=True)  # the editor's front matter: the same day
    assert (settled.date.iso, settled.date.source, settled.warnings) == ("2022-01-22", DateSource.FRONT_MATTER, ())


@pytest.mark.parametrize("name", ["000", "001", "002", "003", "004"])
def test_no_seed_body_keeps_boilerplate_placeholders_or_stray_lines(name, registry, recognizer):
    a = load(name, registry, recognizer)
    for block in a.body:
        assert not block.text.endswith(" -0")
        assert block.text not in ("Cùng chuyên mục", "Tin đọc nhiều", "tbt to lam", "NDO -")
        assert not block.text.endswith("|")
    texts = [b.text for b in a.body]
    assert all(x != y for x, y in zip(texts, texts[1:])), "consecutive duplicate lines"
