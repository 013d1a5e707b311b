"""Leaders and events recognised in sentences written to exercise each variant, both languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from diparchive.errors import DiparchiveError
from diparchive.read.loader import load_article
from diparchive.read.recognition import build_recognizer, recognise
from diparchive.read.registry import load_registry
from diparchive.records import PubDate

DAY = PubDate(2024, 9, 19)


def found(recognizer, text: str, date: PubDate | None = DAY):
    return recognise(recognizer, [(text, 1)], date)


@pytest.mark.parametrize(
    ("text", "date", "leader"),
    [
        ("Thủ tướng Phạm Minh Chính dự hội nghị.", PubDate(2023, 5, 1), "pham-minh-chinh"),
        ("Phó Thủ tướng, Bộ trưởng Ngoại giao Bùi Thanh Sơn phát biểu.", PubDate(2024, 9), "bui-thanh-son"),
        ("Foreign Minister Bui Thanh Son met his counterpart.", PubDate(2022, 3, 1), "bui-thanh-son"),
        ("PM Phúc welcomed the delegation.", PubDate(2019, 6, 1), "nguyen-xuan-phuc"),
        ("TỔNG BÍ THƯ TÔ LÂM PHÁT BIỂU", PubDate(2024, 9, 1), "to-lam"),
        ("General Secretary To Lam arrived in New York.", PubDate(2024, 9, 22), "to-lam"),
        ("President Biden hosted the talks.", PubDate(2024, 9, 25), "joe-biden"),
        ("Chủ tịch nước Cộng hòa Cuba Miguel Díaz-Canel Bermúdez đón đoàn.", PubDate(2024, 9, 26), "miguel-diaz-canel"),
        ("Chủ tịch Quốc hội Vương Đình Huệ tiếp đoàn.", PubDate(2022, 1, 1), "vuong-dinh-hue"),
    ],
)
def test_names_with_titles_in_both_word_orders_and_spellings(recognizer, text, date, leader):
    assert leader in found(recognizer, text, date).leaders


@pytest.mark.parametrize(
    ("text", "date", "leader"),
    [
        ("Thủ tướng đề nghị các bộ ngành phối hợp chặt chẽ.", PubDate(2022, 1, 22), "pham-minh-chinh"),
        ("Thủ tướng đề nghị các bộ ngành phối hợp chặt chẽ.", PubDate(2019, 1, 22), "nguyen-xuan-phuc"),
        ("Chủ tịch nước dẫn đầu đoàn đại biểu cấp cao.", PubDate(2021, 9, 27), "nguyen-xuan-phuc"),
        ("Chủ tịch nước dẫn đầu đoàn đại biểu cấp cao.", PubDate(2024, 9), "to-lam"),
        ("The Prime Minister asked ministries to act.", PubDate(2023, 3, 3), "pham-minh-chinh"),
    ],
)
def test_a_bare_title_resolves_to_the_holder_on_that_date(recognizer, text, date, leader):
    assert found(recognizer, text, date).leaders == (leader,)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Chủ tịch nước dẫn đầu đoàn.", PubDate(2024, 10)),  # To Lam until 21 Oct, Luong Cuong after
        ("Chủ tịch nước dẫn đầu đoàn.", PubDate(2024)),  # four holders in 2024
        ("Thủ tướng dẫn đầu đoàn.", PubDate(2021, 4)),  # Phuc until 5 April, Chinh after
        ("Phó Thủ tướng dự lễ ký kết.", PubDate(2023, 6, 1)),  # several deputies at once
        ("Thủ tướng dẫn đầu đoàn.", None),  # no date, no guess
        ("nguyên Thủ tướng phát biểu.", PubDate(2023, 1, 1)),  # a former holder is not the holder
        ("Thủ tướng Australia Anthony Albanese đón đoàn.", PubDate(2024, 3, 6)),  # someone else's office
        ("Cuộc sống hạnh phúc của người dân.", PubDate(2020, 1, 1)),  # "Phúc" inside a word
        ("tô lâm mì", PubDate(2024, 9, 1)),  # lower-case words are not a name
    ],
)
def test_no_false_or_ambiguous_hits(recognizer, text, date):
    leaders = found(recognizer, text, date).leaders
    assert not ({"to-lam", "luong-cuong", "nguyen-xuan-phuc", "pham-minh-chinh", "tran-hong-ha"} & set(leaders))


def test_diacritics_must_agree_when_present(recognizer):
    assert found(recognizer, "Bộ trưởng Bùi Thanh Sơn").leaders == ("bui-thanh-son",)
    assert found(recognizer, "Bộ trưởng Bùi Thành Sơn").leaders == ()  # a different name, not a spelling


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Đại hội đồng Liên hợp quốc khóa 76", "unga-76"),
        ("Khóa họp thứ 76 Đại hội đồng LHQ", "unga-76"),
        ("Đại hội đồng Liên Hiệp Quốc (LHQ) Khoá 79", "unga-79"),
        ("khoá họp 79 Đại hội đồng Liên Hợp Quốc", "unga-79"),
        ("76th session of the UN General Assembly", "unga-76"),
        ("the 80th UN General Assembly", "unga-80"),
        ("at UNGA-76 in New York", "unga-76"),
        ("Hội nghị Cấp cao ASEAN lần thứ 43", "asean-summit-43"),
        ("the 43rd ASEAN Summit in Jakarta", "asean-summit-43"),
        ("Hội nghị Ngoại giao lần thứ 32", "diplomatic-conference-32"),
        ("the 32nd Diplomatic Conference", "diplomatic-conference-32"),
        ("Nghị quyết Đại hội XIII của Đảng", "party-congress-13"),
        ("Đại hội Đảng lần thứ XIII", "party-congress-13"),
        ("the 13th National Party Congress", "party-congress-13"),
        ("COP 28 tại Dubai", "cop-28"),
        ("Hội nghị Thượng đỉnh Tương lai", "summit-of-the-future"),
        ("the Summit of the Future", "summit-of-the-future"),
        ("Dai hoi dong Lien hop quoc khoa 78", "unga-78"),
    ],
)
def test_events_and_numbered_series(recognizer, text, event):
    assert event in found(recognizer, text).events


@pytest.mark.parametrize(
    "text",
    [
        "Hội nghị đã diễn ra thành công.",
        "Đại hội lần thứ 5 của Hội Nông dân",
        "đại hội xiii",
        "Hội nghị cấp cao ASEAN-Australia",
    ],
)
def test_generic_words_are_not_events(recognizer, text):
    assert found(recognizer, text).events == ()


def test_role_shown_is_the_role_held_that_day(registry):
    to_lam = registry.leaders["to-lam"]
    titles = lambda date: {r.title for r in to_lam.roles_on(date)}  # noqa: E731
    assert titles(PubDate(2024, 1, 10)) == {"minister-of-public-security"}
    assert titles(PubDate(2024, 9, 19)) == {"president", "general-secretary"}
    assert titles(PubDate(2025, 3, 1)) == {"general-secretary"}


def test_names_in_removed_boilerplate_do_not_count(tmp_path, registry, recognizer):
    text = (
        "Hội đàm Việt Nam - Singapore\n\n05/03/2024\n\n"
        "Bộ trưởng Ngoại giao Bùi Thanh Sơn đã có cuộc hội đàm với Bộ trưởng Ngoại giao Singapore về hợp tác kinh tế và giáo dục.\n\n"
        "Hai bên nhất trí tăng cường hợp tác kinh tế, thương mại, đầu tư và giáo dục giữa hai nước.\n\n"
        "Tin liên quan\n\nThủ tướng Phạm Minh Chính tiếp Đại sứ Nhật Bản\n"
    )
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    article = load_article(path, tmp_path, registry, recognizer).article
    assert article.leaders == ("bui-thanh-son",)


def test_candidates_for_the_registry(recognizer):
    result = found(recognizer, "Thứ trưởng Ngoại giao Nguyễn Văn Mới dự Hội nghị Hội đồng điều hành ReCAAP lần thứ 18.")
    assert [(c.kind, c.text) for c in result.candidates] == [
        ("leader", "Thứ trưởng Ngoại giao Nguyễn Văn Mới"),
        ("event", "Hội nghị Hội đồng điều hành ReCAAP lần thứ 18"),
    ]


def write_registry(tmp_path: Path, leaders: str = "", events: str = "") -> Path:
    folder = tmp_path / "registry"
    folder.mkdir(parents=True)
    (folder / "leaders.yaml").write_text(leaders, encoding="utf-8")
    (folder / "events.yaml").write_text(events, encoding="utf-8")
    return folder


def test_registry_errors_are_all_reported_with_file_and_line(tmp_path):
    leaders = (
        "titles:\n  pm: {vi: Thủ tướng, en: Prime Minister}\n"
        "leaders:\n"
        "  - name: {vi: Phạm Minh Chính, en: Pham Minh Chinh}\n"
        "    roles:\n"
        "      - {title: pm, from: 2021-04-05}\n"
        "      - {title: king, from: 2020}\n"
        "  - name: {vi: Phạm Minh Chính, en: Pham Minh Chinh}\n"
        "    roles: []\n"
        "  - name: {vi: Ai Đó, en: Someone}\n"
        "    colour: blue\n"
        "    roles:\n"
        "      - {title: pm, from: 2020-05-01, to: 2019}\n"
    )
    events = "series:\n  unga:\n    name: {vi: ĐHĐ, en: UNGA}\n    instance_name: {vi: 'Khóa {n}', en: '{ord} UNGA'}\n    patterns: ['Đại hội đồng {nowhere} {n}']\n"
    folder = write_registry(tmp_path, leaders, events)
    with pytest.raises(DiparchiveError) as caught:
        load_registry(folder, tmp_path)
    messages = [str(p) for p in caught.value.problems]
    assert "registry/leaders.yaml:7: unknown title 'king' (declare it under 'titles')" in messages
    assert "registry/leaders.yaml:8: leader 'pham-minh-chinh' is listed twice (first at line 4)" in messages
    assert any(m.startswith("registry/leaders.yaml:11: unknown key 'colour'") for m in messages)
    assert "registry/leaders.yaml:13: role 'pm' ends (2019) before it starts (2020-05-01)" in messages
    registry = load_registry(write_registry(tmp_path / "ok", "", events), tmp_path / "ok")
    with pytest.raises(
        DiparchiveError,
        match=r"registry/events.yaml:5: pattern 'Đại hội đồng \{nowhere\} \{n\}' of 'unga': unknown placeholder \{nowhere\}",
    ):
        build_recognizer(registry)
