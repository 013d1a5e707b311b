"""Partner countries: recognised in both languages (CLDR's names and the registry's press forms),
about vs in passing, front matter overrides with file:line errors, and the built site's country
pages, index, feeds, search filter data and open data."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import feedparser
import pytest
from jsonschema import Draft202012Validator

from conftest import PROJECT
from diparchive.cli.main import main
from diparchive.errors import DiparchiveError
from diparchive.read.countries import recognise_countries
from diparchive.read.loader import load_article
from diparchive.read.passages import Passage, Place
from diparchive.read.registry import load_registry

BASE = "https://archive.example.org/"
SEED_000 = PROJECT / "content" / "000_aedb57b13cd0445d.txt"
SEED_000_EN = PROJECT / "content" / "en" / "minister-bui-thanh-son-on-the-trip-to-cuba-and-new-york.md"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def found(recognizer, *texts: str, place: Place = Place.BODY) -> tuple[tuple[str, ...], tuple[str, ...]]:
    result = recognise_countries(recognizer.country_finder, [Passage(t, 1, place) for t in texts])
    return result.about, result.mentions


def test_seed_000_is_about_cuba_and_the_united_states_in_both_languages(registry, recognizer):
    for path in (SEED_000, SEED_000_EN):
        article = load_article(path, PROJECT, registry, recognizer).article
        assert article.countries == ("CU", "US"), path
        assert "VN" not in article.countries + article.country_mentions
        # Named only in passing: the vaccine donors.
        assert set(article.country_mentions) == {"KR", "HU"}, path


def test_parse_json_shows_the_countries():
    code, out, _ = run("parse", "--json", str(SEED_000))
    assert code == 0
    record = json.loads(out)
    record = record[0] if isinstance(record, list) else record
    assert record["countries"] == ["CU", "US"] and record["country_mentions"] == ["KR", "HU"]


def test_visits_talks_and_joint_statements_make_a_country_the_subject(recognizer):
    assert found(recognizer, "Chủ tịch nước thăm chính thức Nhật Bản từ ngày 2 đến 5 tháng 9.") == (("JP",), ())
    assert found(recognizer, "Hai bên ra Tuyên bố chung Việt Nam – Hoa Kỳ về quan hệ đối tác.") == (("US",), ())
    assert found(recognizer, "The Prime Minister held talks with his Japanese counterpart.") == (("JP",), ())
    assert found(recognizer, "Trade with China grew by a tenth last year.") == ((), ("CN",))
    assert found(recognizer, "Quan hệ Việt Nam - Lào", place=Place.TITLE) == (("LA",), ())
    assert found(recognizer, "Quan hệ Việt Nam – Mỹ", place=Place.TITLE) == (("US",), ())
    assert found(recognizer, "Đoàn đại biểu thăm Cuba.", place=Place.CAPTION) == ((), ("CU",))


def test_press_forms_the_registry_declares_are_recognised(recognizer):
    text = "Mỹ, Liên bang Nga, Trung Quốc và Lào; the Chinese, Japanese and U.S. delegations"
    assert found(recognizer, text)[1] == ("US", "RU", "CN", "LA", "JP")


@pytest.mark.parametrize(
    "text",
    [
        "Việt Nam tổ chức triển lãm mỹ thuật và thẩm mỹ viện tại Hà Nội.",
        "Mỹ thuật Việt Nam đương đại được giới thiệu tại Hà Nội.",
        "Viet Nam and Vietnamese people",
        "Đoàn công tác tỉnh Lào Cai làm việc với bà Nguyễn Thị Nga.",
        "Chuyến đi tới châu Mỹ và Nam Mỹ.",
        "Michael Jordan met my family.",
        "ý kiến của nhân dân; pháp luật Việt Nam",
        "An ninh ở Ấn Độ Dương và the Indian Ocean",
    ],
)
def test_words_that_only_look_like_a_country_are_none(recognizer, text):
    assert found(recognizer, text) == ((), ())


def test_the_longest_name_wins(recognizer):
    assert found(recognizer, "Tổng thống Nam Phi thăm Việt Nam.") == (("ZA",), ())
    assert found(recognizer, "Papua New Guinea and Guinea-Bissau") == ((), ("PG", "GW"))


def _article(tmp_path: Path, front: str) -> Path:
    path = tmp_path / "content" / "bai.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f"---\n{front}---\n# Chủ tịch nước thăm chính thức Cuba\n\n"
        "Chủ tịch nước đã thăm chính thức Cuba và làm việc tại New York, Hoa Kỳ, trong tháng 9 năm 2021 vừa qua.\n",
        encoding="utf-8",
    )
    return path


def test_front_matter_countries_replace_the_recognised_ones(tmp_path, registry, recognizer):
    recognised = load_article(_article(tmp_path, "date: 2021-09-27\n"), tmp_path, registry, recognizer).article
    assert recognised.countries == ("CU", "US")
    path = _article(tmp_path, "date: 2021-09-27\ncountries: [JP]\ncountry_mentions: [CU]\n")
    edited = load_article(path, tmp_path, registry, recognizer).article
    assert edited.countries == ("JP",) and edited.country_mentions == ("CU",)
    only_subjects = _article(tmp_path, "countries: [CU]\n")
    article = load_article(only_subjects, tmp_path, registry, recognizer).article
    assert article.countries == ("CU",) and article.country_mentions == ()


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("[CU, XX]", "'XX' in 'countries' is not a country code: an ISO 3166 code such as CU or US"),
        ("[cu]", "'cu' in 'countries' is not a country code (did you mean CU?)"),
        ("[VN]", "'VN' in 'countries' is the archive's own country, never a partner"),
    ],
)
def test_a_bad_country_code_is_named_at_its_line(tmp_path, registry, recognizer, value, message):
    path = _article(tmp_path, f"date: 2021-09-27\ncountries: {value}\n")
    with pytest.raises(DiparchiveError) as caught:
        load_article(path, tmp_path, registry, recognizer)
    [problem] = caught.value.problems
    assert problem.line == 3 and problem.message.startswith(message)
    code, _, err = run("parse", str(path))
    assert code == 1 and "Traceback" not in err
    assert re.search(r"bai\.md:3: .*" + re.escape(message), err), err


def test_the_registry_names_a_bad_country_at_its_line(tmp_path):
    folder = tmp_path / "registry"
    folder.mkdir()
    (folder / "countries.yaml").write_text(
        "countries:\n  US:\n    forms: [Mỹ]\n  us:\n    forms: [Hoa Kỳ]\n  CU:\n    form: [Cuban]\n",
        encoding="utf-8",
    )
    with pytest.raises(DiparchiveError) as caught:
        load_registry(folder, tmp_path)
    assert [(p.line, p.message.split(":")[0]) for p in caught.value.problems] == [
        (5, "unknown country code 'us' (did you mean US?)"),
        (7, "unknown key 'form' in country 'CU' (allowed"),
    ]


def test_every_cldr_country_is_known_without_being_listed(tmp_path):
    registry = load_registry(tmp_path / "none", tmp_path)
    assert registry.countries["JP"].slug.vi == "nhat-ban" and registry.countries["JP"].slug.en == "japan"
    assert "VN" not in registry.countries and "001" not in registry.countries and "EU" not in registry.countries
    assert len({c.slug.vi for c in registry.countries.values()}) == len(registry.countries)


# The built sample --------------------------------------------------------------------------


def test_cuba_has_a_page_in_both_languages_with_its_articles_and_a_timeline(built):
    page = (built / "en/countries/cuba/index.html").read_text(encoding="utf-8")
    assert "<h1>Cuba</h1>" in page
    assert page.count('class="card-title"') >= 2  # the interview of 2021, the visit of 2024
    assert '<svg class="timeline-chart"' in page and "Articles per month (table)" in page
    assert re.search(
        r'<link rel="alternate" type="application/atom\+xml" title="Cuba" href="/en/countries/cuba/feed.xml">', page
    )
    assert 'hreflang="vi" href="https://archive.example.org/vi/quoc-gia/cuba/"' in page
    vi = (built / "vi/quoc-gia/hoa-ky/index.html").read_text(encoding="utf-8")
    assert "<h1>Hoa Kỳ</h1>" in vi and 'lang="en">United States</p>' in vi
    assert (built / "en/countries/united-states/index.html").is_file()
    for data in re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S):
        block = json.loads(data)
        if block["@type"] == "Country":
            assert block["identifier"] == "CU" and block["url"] == BASE + "en/countries/cuba/"
            break
    else:
        raise AssertionError("no Country block")


def test_the_country_feed_is_valid_atom(built):
    parsed = feedparser.parse((built / "en/countries/cuba/feed.xml").read_bytes())
    assert not parsed.bozo and parsed.version == "atom10"
    assert len(parsed.entries) == 2


def test_the_index_lists_only_countries_articles_are_about(built):
    index = (built / "en/countries/index.html").read_text(encoding="utf-8")
    listed = re.findall(r'<li><a href="/en/countries/([^/]+)/">', index)
    assert listed == ["united-states", "cuba"]  # by number of articles
    assert not (built / "en/countries/china").exists()  # only named in passing
    assert '<a href="/en/countries/" aria-current="page">Countries</a>' in index
    sitemap = (built / "sitemap-en.xml").read_text(encoding="utf-8") if (built / "sitemap-en.xml").exists() else ""
    sitemap += "".join(p.read_text(encoding="utf-8") for p in built.glob("**/sitemap*.xml"))
    assert BASE + "en/countries/cuba/" in sitemap


def test_articles_carry_their_countries_for_search(built):
    page = (built / "en/articles/viet-nam-values-multilateral-cooperation/index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="/en/countries/cuba/" data-pagefind-filter="Country">Cuba</a>', page)
    search = (built / "en/search/index.html").read_text(encoding="utf-8")
    options = json.loads(re.search(r'id="search-options">(.*?)</script>', search).group(1))
    assert "Country" in options["filters"] and "Document type" in options["filters"]


def test_countries_json_is_valid_against_its_schema(built):
    schema = json.loads((built / "data/schema/countries-v1.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    data = json.loads((built / "data/countries.json").read_text(encoding="utf-8"))
    Draft202012Validator(schema).validate(data)
    by_code = {c["code"]: c for c in data["countries"]}
    assert by_code["CU"]["articles"] == 4 and by_code["CU"]["urls"]["en"] == BASE + "en/countries/cuba/"
    assert by_code["CN"]["articles"] == 0 and by_code["CN"]["urls"] == {}
    lines = (built / "data/articles.jsonl").read_text(encoding="utf-8").splitlines()
    seed = next(json.loads(l) for l in lines if json.loads(l)["key"] == "000_aedb57b13cd0445d")
    assert seed["countries"] == ["CU", "US"] and seed["type"] == "interview"
    data_page = (built / "en/data/index.html").read_text(encoding="utf-8")
    assert "countries.json" in data_page and "country_mentions" in data_page


def test_a_demonym_inside_a_person_s_name_is_no_country(recognizer):
    """ "Thai" is also a Vietnamese given name: inside "Luong Thai Linh" it names no one's country."""
    assert found(recognizer, "The photograph is by Luong Thai Linh of the news agency.") == ((), ())
    about, passing = found(recognizer, "Prime Minister Pham Minh Chinh held talks with the Thai Prime Minister.")
    assert "TH" in about + passing


def test_the_first_words_pattern_ends_only_where_a_word_ends():
    from diparchive.read.country_names import first_words

    pattern = first_words(["an", "anh", "ấn", "nam", "u.s"])
    spans = [(m.start(), m.group()) for m in pattern.finditer("thanh anh ấn độ anhxtanh nam_a u.s an")]
    # Inside a word ("thanh") a match may start (the caller checks the edge before), never end.
    assert spans == [(2, "anh"), (6, "anh"), (10, "ấn"), (21, "anh"), (25, "nam"), (31, "u.s"), (35, "an")]
    assert first_words([]).pattern == r"(?![^\W_])"


def test_names_are_found_at_the_edges_of_words_only(recognizer):
    # At the very start and end, after a line break, beside punctuation; never inside a longer word.
    assert found(recognizer, "Cuba\nLào,Campuchia;Nhật Bản") == ((), ("CU", "LA", "KH", "JP"))
    assert found(recognizer, "Cubano và Láo") == ((), ())
    # The words of a name found are not read again: "Nam Phi" is not "Nam" then "Phi".
    assert found(recognizer, "Việt Nam Nam Phi") == ((), ("ZA",))
    # A given name only after another capitalised word one space before it: "Thị Nga" is a
    # person, "Thị, Nga" and "thị  Nga" two things.
    assert found(recognizer, "bà Nguyễn Thị Nga") == ((), ())
    assert found(recognizer, "gặp Thị, Nga và Lào") == ((), ("RU", "LA"))


def test_a_name_starts_with_a_capital_even_where_its_form_does_not(recognizer):
    """Every form is tried only where a capital starts it (names_in skips the rest before reading
    any n-gram): "liên bang nga" in running text is no country, "Liên bang Nga" is."""
    assert found(recognizer, "Hợp tác với liên bang nga và trung quốc tăng.") == ((), ())
    assert found(recognizer, "Hợp tác với Liên bang Nga và trung quốc tăng.") == ((), ("RU",))
    assert found(recognizer, "Hợp tác với liên bang Nga tăng.") == ((), ("RU",))  # "Nga" on its own
