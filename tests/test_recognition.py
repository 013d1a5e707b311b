"""Leaders and events recognised in sentences written to exercise each variant, both languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from diparchive.errors import DiparchiveError
from diparchive.read.loader import load_article
from diparchive.read.passages import Passage, Place
from diparchive.read.recognition import recognise
from diparchive.read.recognizer import build_recognizer
from diparchive.read.registry import load_registry
from diparchive.records import PubDate

DAY = PubDate(2024, 9, 19)


def found(recognizer, text: str, date: PubDate | None = DAY, place: Place = Place.BODY):
    return recognise(recognizer, [Passage(text, 1, place)], date)


def article(recognizer, title: str, *paragraphs: str, date: PubDate | None = None):
    """A title, a lead and the rest of a body, placed as the loader places them."""
    texts = [Passage(title, 1, Place.TITLE)]
    texts += [
        Passage(p, 2 + i, Place.LEAD if i == 0 else Place.NEXT if i == 1 else Place.BODY)
        for i, p in enumerate(paragraphs)
    ]
    return recognise(recognizer, texts, date)


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
    result = found(recognizer, text, place=Place.TITLE)
    assert event in result.events + result.mentions


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
    result = found(recognizer, text, place=Place.TITLE)
    assert result.events == result.mentions == ()


@pytest.mark.parametrize(
    ("title", "lead", "event"),
    [
        (
            "Thủ tướng lên đường dự Hội nghị Cấp cao ASEAN lần thứ 47",
            "Sáng nay, đoàn đại biểu cấp cao Việt Nam rời Hà Nội, bắt đầu chuyến công tác tại Malaysia.",
            "asean-summit-47",
        ),
        (
            "Foreign Minister leaves for the 47th ASEAN Summit",
            "The delegation left Hanoi on Sunday morning for a four-day working trip to the region.",
            "asean-summit-47",
        ),
        (
            "Khai mạc Đại hội XIII của Đảng",
            "Sáng nay, hơn một nghìn đại biểu có mặt tại Hà Nội cho phiên khai mạc trọng thể.",
            "party-congress-13",
        ),
    ],
)
def test_an_event_named_in_the_title_is_the_subject(recognizer, title, lead, event):
    result = article(recognizer, title, lead)
    assert result.events == (event,) and result.mentions == ()


@pytest.mark.parametrize(
    ("lead", "event"),
    [
        (
            "Bộ trưởng nhấn mạnh ngành ngoại giao triển khai đường lối đối ngoại theo tinh thần Nghị quyết Đại hội XIII của Đảng trong bối cảnh mới.",
            "party-congress-13",
        ),
        (
            "Hai bên rà soát việc thực hiện các thỏa thuận kể từ Hội nghị Cấp cao ASEAN lần thứ 40 và trao đổi về các vấn đề khu vực.",
            "asean-summit-40",
        ),
        (
            "The minister said the ministry would keep to the foreign policy line of the 13th National Party Congress in the years ahead.",
            "party-congress-13",
        ),
        (
            "Both sides reviewed progress since the 40th ASEAN Summit and agreed to step up trade and investment ties this year.",
            "asean-summit-40",
        ),
        (
            "Đại sứ chúc mừng Việt Nam đã tổ chức thành công Đại hội XIII và bày tỏ tin tưởng vào quan hệ hai nước.",
            "party-congress-13",
        ),
    ],
)
def test_an_event_cited_in_passing_is_a_mention(recognizer, lead, event):
    result = article(recognizer, "Bộ trưởng Ngoại giao tiếp Đại sứ", lead, date=PubDate(2024, 5, 6))
    assert result.events == () and result.mentions == (event,)


def test_a_photo_caption_or_a_single_line_deep_in_the_body_is_a_mention(recognizer):
    texts = [
        Passage("Thủ tướng tiếp Đại sứ Nhật Bản", 1, Place.TITLE),
        Passage("Thủ tướng dự Hội nghị Cấp cao ASEAN lần thứ 38. (Ảnh: TTXVN)", 2, Place.CAPTION),
        Passage(
            "Chiều nay, Thủ tướng đã tiếp Đại sứ Nhật Bản tại trụ sở Chính phủ và trao đổi về hợp tác kinh tế.",
            3,
            Place.LEAD,
        ),
        Passage("Tại Hội nghị Cấp cao ASEAN lần thứ 39, các nhà lãnh đạo đã thông qua nhiều văn kiện.", 5, Place.BODY),
    ]
    result = recognise(recognizer, texts, PubDate(2024, 5, 6))
    assert result.events == () and result.mentions == ("asean-summit-38", "asean-summit-39")


def test_named_while_it_is_held_or_named_twice_is_the_subject(recognizer):
    body = "The vote at the 13th National Party Congress took place a day early, officials said on Sunday."
    during = article(
        recognizer,
        "Party keeps its leader",
        "Officials in Hanoi announced the results of a week of closed meetings.",
        "A short second line.",
        body,
        date=PubDate(2021, 1, 31),
    )
    assert during.events == ("party-congress-13",)
    later = article(
        recognizer,
        "Party keeps its leader",
        "Officials in Hanoi announced the results of a week of closed meetings.",
        "A short second line.",
        body,
        date=PubDate(2021, 9, 30),
    )
    assert later.mentions == ("party-congress-13",)
    twice = article(
        recognizer,
        "Hợp tác khu vực",
        "Bộ trưởng trả lời phỏng vấn báo chí về hợp tác khu vực trong năm tới.",
        "Đoạn thứ hai.",
        "Hội nghị Cấp cao ASEAN lần thứ 46 có nhiều nội dung quan trọng.",
        "Hội nghị Cấp cao ASEAN lần thứ 46 sẽ thông qua tuyên bố chung.",
    )
    assert twice.events == ("asean-summit-46",)


def test_numbers_listed_together_are_each_an_instance(recognizer):
    result = article(
        recognizer,
        "Thủ tướng dự Hội nghị Cấp cao ASEAN lần thứ 44 và 45",
        "Đoàn đại biểu cấp cao Việt Nam đã tới Vientiane sáng nay để bắt đầu chuyến công tác.",
    )
    assert result.events == ("asean-summit-44", "asean-summit-45")


@pytest.mark.parametrize(
    ("title", "events"),
    [
        ("Prime Minister attends 44th and 45th ASEAN Summits", ("asean-summit-44", "asean-summit-45")),
        ("Prime Minister attends the 44th and 45th ASEAN Summits", ("asean-summit-44", "asean-summit-45")),
        (
            "Leaders meet at the 44th, 45th and 46th ASEAN Summits",
            ("asean-summit-44", "asean-summit-45", "asean-summit-46"),
        ),
        ("Talks on the sidelines of the 44th and the 45th ASEAN Summit", ("asean-summit-44", "asean-summit-45")),
        ("Prime Minister attends 44th/45th ASEAN Summits", ("asean-summit-44", "asean-summit-45")),
        ("The 12th and 45th ASEAN Summits in one hall", ("asean-summit-45",)),  # no list: sessions far apart
        ("China's 19th and 20th Party Congresses", ()),  # another country's, the whole list
    ],
)
def test_ordinals_listed_before_a_series_name_in_the_plural_are_each_an_instance(recognizer, title, events):
    result = article(
        recognizer, title, "The delegation left Hanoi on Wednesday for the meetings, which open on Thursday morning."
    )
    assert result.events == events


def test_the_series_in_the_title_makes_its_numbered_instance_below_the_subject(recognizer):
    result = article(
        recognizer,
        "Thủ tướng sẽ dự Hội nghị Cấp cao ASEAN tại Malaysia",
        "Theo thông cáo, Thủ tướng sẽ dẫn đầu đoàn đại biểu cấp cao Việt Nam trong chuyến công tác.",
        "Đoạn thứ hai ngắn.",
        "Đoàn sẽ dự Hội nghị Cấp cao ASEAN lần thứ 47 và các hội nghị liên quan.",
    )
    assert result.events == ("asean-summit-47",)


@pytest.mark.parametrize(
    "text",
    [
        "Chúc mừng thành công của Đại hội XIX Đảng Cộng sản Trung Quốc",
        "Đại hội lần thứ XX của Đảng Cộng sản Trung Quốc khai mạc tại Bắc Kinh",
        "Điện mừng Đại hội lần thứ XI của Đảng Nhân dân Cách mạng Lào",
        "China's 20th Party Congress opens in Beijing",
        "Chinese 20th Party Congress opens in Beijing",
        "Lào tổ chức thành công Hội nghị Ngoại giao lần thứ 10",
        "Đại hội lần thứ 5 của Đảng bộ tỉnh khai mạc",
    ],
)
def test_a_numbered_meeting_of_another_country_or_body_is_not_ours(recognizer, text):
    result = found(recognizer, text, place=Place.TITLE)
    assert result.events == result.mentions == ()


def test_our_own_meeting_with_its_full_name_stays_ours(recognizer):
    assert found(recognizer, "Đại hội XIII Đảng Cộng sản Việt Nam khai mạc", place=Place.TITLE).events == (
        "party-congress-13",
    )
    assert found(recognizer, "Singapore tổ chức Hội nghị Cấp cao ASEAN lần thứ 33", place=Place.TITLE).events == (
        "asean-summit-33",
    )
    assert found(recognizer, "Vietnam's 13th National Party Congress opens", place=Place.TITLE).events == (
        "party-congress-13",
    )


def test_a_bare_title_in_an_article_about_another_year_is_not_todays_holder(recognizer):
    texts = [
        Passage("Nhìn lại chuyến thăm năm 2019", 1, Place.TITLE),
        Passage(
            "Năm 2019, Thủ tướng Nguyễn Xuân Phúc đã thăm chính thức Nhật Bản và gặp lãnh đạo nước bạn.", 2, Place.LEAD
        ),
        Passage(
            "Trong chuyến thăm, Thủ tướng nhấn mạnh hợp tác kinh tế là trụ cột của quan hệ hai nước.", 3, Place.BODY
        ),
    ]
    assert recognise(recognizer, texts, PubDate(2024, 9, 19)).leaders == ("nguyen-xuan-phuc",)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "Thủ tướng Trung Quốc Lý Cường tiếp đoàn.",
            PubDate(2024, 9, 19),
        ),  # "Trung" is a short name, "Trung Quốc" a country
        ("Chủ tịch Quốc hội Lào đã tới Hà Nội.", PubDate(2024, 9, 19)),
        ("The Chinese Premier welcomed the guests.", PubDate(2024, 9, 19)),
        ("The posts are the president, the prime minister and the National Assembly chairman.", PubDate(2024, 9, 19)),
        ("Comrade Nguyen Phu Trong, General Secretary of the Party, visited the province.", PubDate(2024, 9, 19)),
    ],
)
def test_someone_elses_office_or_a_generic_one_is_no_leader(recognizer, text, date):
    assert set(found(recognizer, text, date).leaders) <= {"nguyen-phu-trong"}


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


@pytest.mark.parametrize(
    "text",
    [
        "Chủ tịch nước Việt Nam đã gửi điện mừng tới đồng chí lãnh đạo nước bạn.",
        "Thủ tướng Hàn Quốc sẽ thăm chính thức nước ta vào tháng tới.",
        "The President of Viet Nam and the Prime Minister United States officials met.",
    ],
)
def test_an_office_and_its_country_is_no_person_to_add(recognizer, text):
    assert [c.text for c in found(recognizer, text).candidates if c.kind == "leader"] == []


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


def test_front_matter_sets_subjects_and_mentions_apart(tmp_path, registry, recognizer):
    body = (
        "Hội đàm Việt Nam - Singapore\n\n05/03/2024\n\n"
        "Bộ trưởng Ngoại giao Bùi Thanh Sơn đã hội đàm với người đồng cấp về việc thực hiện Nghị quyết Đại hội XIII của Đảng trong hợp tác.\n\n"
        "Hai bên nhất trí tăng cường hợp tác kinh tế, thương mại, đầu tư và giáo dục giữa hai nước.\n"
    )
    recognised = tmp_path / "a.txt"
    recognised.write_text(body, encoding="utf-8")
    article = load_article(recognised, tmp_path, registry, recognizer).article
    assert (article.events, article.mentions) == ((), ("party-congress-13",))
    edited = tmp_path / "b.txt"
    edited.write_text("---\nevents: [party-congress-13]\nmentions: [unga-79]\n---\n" + body, encoding="utf-8")
    article = load_article(edited, tmp_path, registry, recognizer).article
    assert (article.events, article.mentions) == (("party-congress-13",), ("unga-79",))
    subjects_only = tmp_path / "c.txt"
    subjects_only.write_text("---\nevents: [party-congress-13]\n---\n" + body, encoding="utf-8")
    assert load_article(subjects_only, tmp_path, registry, recognizer).article.mentions == ()


def test_long_lines_of_titles_and_separators_take_linear_time(recognizer):
    import time

    for text in ("Thủ tướng Phạm Minh Chính, " * 4000, "Đại hội " + ", - " * 20000, "Thủ tướng " + "Aaa " * 20000):
        started = time.perf_counter()
        found(recognizer, text)
        assert time.perf_counter() - started < 5


def test_event_pages_list_passing_mentions_apart_and_rank_subjects_only(built):
    page = (built / "en/events/party-congress-13/index.html").read_text(encoding="utf-8")
    coverage, _, mentioned = page.partition('class="mentioned"')
    assert "interview on the President" not in coverage and "interview on the President" in mentioned
    home = (built / "en/index.html").read_text(encoding="utf-8")
    assert "13th National Party Congress" not in home.partition("Most covered events")[2]


def test_a_bare_title_in_a_caption_is_no_leader_but_a_caption_name_is(recognizer):
    """A caption's bare title ("Chủ tịch Quốc hội gặp …") is the photo's, not the text's: it names no one."""
    day = PubDate(2022, 1, 22)
    caption = Passage("Chủ tịch Quốc hội gặp mặt các Đại sứ. (Ảnh: Hồng Nhung)", 3, Place.CAPTION)
    lead = Passage("Hội nghị ngoại giao lần thứ 31 bàn về công tác đối ngoại của các cơ quan đại diện.", 2, Place.LEAD)
    assert recognise(recognizer, [lead, caption], day).leaders == ()
    named = Passage("Chủ tịch Quốc hội Vương Đình Huệ gặp mặt các Đại sứ.", 3, Place.CAPTION)
    assert recognise(recognizer, [lead, named], day).leaders == ("vuong-dinh-hue",)
    told = Passage("Chủ tịch Quốc hội đề nghị các Đại sứ đẩy mạnh ngoại giao nghị viện.", 4, Place.BODY)
    assert recognise(recognizer, [lead, caption, told], day).leaders == ("vuong-dinh-hue",)


def _seed_paragraphs() -> list[str]:
    """Every line of the sample's articles (both languages), and each again with its spaces
    doubled and broken across lines, where names are read by the regular expressions instead."""
    root = Path(__file__).resolve().parent.parent / "content"
    lines = [
        line
        for path in sorted([*root.glob("*.txt"), *root.glob("en/*.md")])
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    return lines + [line.replace(" ", "  ", 3).replace(" ", "\n", 1) for line in lines[::7]]


def test_one_pass_of_literals_finds_what_each_pattern_finds(recognizer):
    """The automaton's hits, confirmed where they stand, are exactly the spans each regular
    expression finds on its own, on every line of the sample and every event pattern."""
    from diparchive.read.event_names import pattern_matches
    from diparchive.read.folding import ascii_fold
    from diparchive.read.leader_names import leftmost
    from diparchive.read.recognition import _Found

    checked = 0
    for text in _seed_paragraphs():
        folded = ascii_fold(text)
        hits = _Found.of(recognizer, folded)
        if hits.plain:
            assert leftmost(hits.names, folded) == [m.span() for m in recognizer.names.finditer(folded)]
            assert leftmost(hits.titles, folded) == [m.span() for m in recognizer.titles.finditer(folded)]
            assert hits.series(recognizer, folded) == {
                s for s, regex in recognizer.series_names if regex.search(folded)
            }
        starts_of: dict[str, list[int]] = {}  # shared by the patterns, as in one passage
        for pattern in recognizer.events:
            fast = [m.span() for m in pattern_matches(pattern, folded, starts_of)]
            assert fast == [m.span() for m in pattern.regex.finditer(folded)]
            checked += len(fast)
    assert checked > 20  # the sample names its events


def test_names_read_the_same_with_irregular_spaces(recognizer):
    plain = "Thủ tướng Phạm Minh Chính và Bộ trưởng Ngoại giao Bùi Thanh Sơn dự Hội nghị Cấp cao ASEAN lần thứ 43."
    spaced = plain.replace(" ", "  ").replace("Minh ", "Minh\n")
    assert found(recognizer, spaced) == found(recognizer, plain)
    assert found(recognizer, plain).leaders == ("pham-minh-chinh", "bui-thanh-son")


def test_every_numbered_meeting_of_a_passage_is_found_whatever_event_spans_it_holds():
    from diparchive.read.meetings import numbered_meetings

    text = (
        "Hội nghị Ngoại giao lần thứ 30 và Đại hội Đảng lần thứ 13 được tổ chức tại Hà Nội với sự tham dự của "
        "nhiều đại biểu trong và ngoài nước."
    )
    expected = ["Hội nghị Ngoại giao lần thứ 30", "Đại hội Đảng lần thứ 13"]
    assert numbered_meetings(text, []) == expected
    assert numbered_meetings(text, [(len(text) - 10, len(text) - 2)]) == expected  # a span after both
    assert numbered_meetings("x " * 200 + text, [(0, 3), (5, 9), (11, 14)]) == expected  # spans before both
