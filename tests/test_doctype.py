"""Document types: decided from the record's title, opening and question blocks; front matter
`type:` overrides; shown on the article page and given to Pagefind as a filter."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import PROJECT, SEEDS
from diparchive.errors import DiparchiveError
from diparchive.read.doctype import document_type
from diparchive.read.loader import load_article
from diparchive.records import Block, BlockKind, DocType

LONG = "Đây là một đoạn văn đủ dài của bài viết, kể lại diễn biến của chuyến thăm và các cuộc hội đàm cấp cao."


def read(path: Path, registry, recognizer):
    return load_article(path, path.parent, registry, recognizer).article


def paragraph(text: str, kind: BlockKind = BlockKind.PARAGRAPH) -> Block:
    return Block(kind, text, text, 1)


def test_seed_types(registry, recognizer):
    types = {p.name[:3]: load_article(p, PROJECT, registry, recognizer).article.doc_type for p in SEEDS}
    # 000 and 002: the minister answers questions; the others report news.
    assert types == {
        "000": DocType.INTERVIEW,
        "001": DocType.NEWS,
        "002": DocType.INTERVIEW,
        "003": DocType.NEWS,
        "004": DocType.NEWS,
    }
    english = PROJECT / "content" / "en" / "minister-bui-thanh-son-on-the-trip-to-cuba-and-new-york.md"
    assert load_article(english, PROJECT, registry, recognizer).article.doc_type is DocType.INTERVIEW


@pytest.mark.parametrize(
    ("title", "opening", "expected"),
    [
        ("Toàn văn phát biểu của Thủ tướng tại Đại hội đồng", LONG, DocType.SPEECH),
        (
            "Remarks at the summit",
            "Full text of the remarks by the Prime Minister at the opening session.",
            DocType.SPEECH,
        ),
        ("Tuyên bố chung Việt Nam - Nhật Bản", LONG, DocType.JOINT_STATEMENT),
        ("Viet Nam - Australia Joint Statement", LONG, DocType.JOINT_STATEMENT),
        ("Họp báo thường kỳ Bộ Ngoại giao ngày 5/3", LONG, DocType.PRESS_BRIEFING),
        ("MOFA Regular Press Conference on March 5", LONG, DocType.PRESS_BRIEFING),
        ("HỌP BÁO THƯỜNG KỲ  BỘ NGOẠI GIAO", LONG, DocType.PRESS_BRIEFING),  # case and spacing do not matter
        ("Thủ tướng hội đàm với Thủ tướng Nhật Bản", LONG, DocType.NEWS),
        ("Thủ tướng có bài phát biểu quan trọng tại Liên hợp quốc", LONG, DocType.NEWS),  # a report on a speech
        # A news report that names a joint statement further on is still a news report.
        ("Hai nước nâng cấp quan hệ", "Hai bên đã ra tuyên bố chung về nâng cấp quan hệ.", DocType.NEWS),
    ],
)
def test_cue_words_in_the_title_or_at_the_start_of_the_opening(title, opening, expected):
    assert document_type(title, [paragraph(opening), paragraph(LONG)]) is expected


def test_question_blocks_make_an_interview_but_one_question_does_not():
    one = [paragraph(LONG), paragraph("Vì sao hai nước nâng cấp quan hệ?", BlockKind.QUESTION), paragraph(LONG)]
    assert document_type("Hai nước nâng cấp quan hệ", one) is DocType.NEWS
    two = one + [paragraph("Phương hướng năm tới là gì?", BlockKind.QUESTION), paragraph(LONG)]
    assert document_type("Hai nước nâng cấp quan hệ", two) is DocType.INTERVIEW
    # A press briefing answers questions too: its own name decides.
    assert document_type("Họp báo thường kỳ Bộ Ngoại giao", two) is DocType.PRESS_BRIEFING


def test_front_matter_type_overrides(tmp_path, registry, recognizer):
    path = tmp_path / "a.md"
    path.write_text(f"---\ntype: joint-statement\n---\n# Hai nước nâng cấp quan hệ\n\n{LONG}\n", encoding="utf-8")
    assert read(path, registry, recognizer).doc_type is DocType.JOINT_STATEMENT


def test_an_unknown_type_names_the_file_line_and_the_allowed_values(tmp_path, registry, recognizer):
    path = tmp_path / "bad.md"
    path.write_text(f"---\ntitle: Tiêu đề\ntype: essay\n---\n{LONG}\n", encoding="utf-8")
    with pytest.raises(DiparchiveError) as caught:
        read(path, registry, recognizer)
    (problem,) = caught.value.problems
    assert (problem.path.name, problem.line) == ("bad.md", 3)
    assert problem.message == (
        "'type' must be one of interview, speech, joint-statement, press-briefing, news, not 'essay'"
    )


def test_the_article_page_shows_the_type_and_pagefind_filters_by_it(built):
    page = (built / "vi" / "bai-viet").glob("*/index.html")
    shown = {p.parent.name: p.read_text(encoding="utf-8") for p in page}
    interview = next(html for slug, html in shown.items() if "phong-van" in slug)
    assert '<dd data-pagefind-filter="Loại văn bản">Phỏng vấn</dd>' in interview
    assert sum('data-pagefind-filter="Loại văn bản">Tin tức<' in html for html in shown.values()) == 3
    english = (built / "en" / "articles").glob("*/index.html")
    assert any(
        '<dd data-pagefind-filter="Document type">Interview</dd>' in p.read_text(encoding="utf-8") for p in english
    )


def test_every_type_has_a_listing_address_in_both_languages():
    from diparchive.plan.urls import TYPE_SLUGS

    for lang in ("vi", "en"):
        assert set(TYPE_SLUGS[lang]) == {t.value for t in DocType}
        assert len(set(TYPE_SLUGS[lang].values())) == len(DocType)


@pytest.mark.parametrize(
    ("lang", "index", "interview", "label"),
    [
        ("vi", "vi/bai-viet", "vi/loai-van-ban/phong-van", "Phỏng vấn"),
        ("en", "en/articles", "en/document-types/interview", "Interview"),
    ],
)
def test_the_list_of_all_articles_has_a_type_facet_leading_to_each_type(built, lang, index, interview, label):
    html = (built / index / "index.html").read_text(encoding="utf-8")
    assert f'<a href="/{interview}/">{label}</a> <span class="count">(2)</span>' in html
    listing = (built / interview / "index.html").read_text(encoding="utf-8")
    assert f"<h1>{label}</h1>" in listing and listing.count('<li class="card') == 2
    assert f'<a href="/{interview}/" aria-current="page">{label}</a>' in listing
    speech = {"vi": "vi/loai-van-ban/phat-bieu", "en": "en/document-types/speech"}[lang]
    assert not (built / speech).exists()  # no speech in the sample: no page


def test_a_type_set_in_front_matter_moves_the_article_between_listings(site, tmp_path):
    from diparchive.build.pipeline import build

    build(site, search=False)
    seed = site / "content" / "004_6ad065bfd07066d8.txt"
    seed.write_text("---\ntype: speech\n---\n" + seed.read_text(encoding="utf-8"), encoding="utf-8")
    build(site, search=False)
    speech = site / "public" / "vi" / "loai-van-ban" / "phat-bieu" / "index.html"
    assert speech.read_text(encoding="utf-8").count('<li class="card') == 1
    full = tmp_path / "full"
    build(site, full, search=False, use_cache=False)
    for page in ("vi/bai-viet/index.html", "vi/loai-van-ban/tin-tuc/index.html", "en/articles/index.html"):
        assert (site / "public" / page).read_bytes() == (full / page).read_bytes()
