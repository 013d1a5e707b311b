"""site.yaml: every key declared once (a SiteConfig field with its doc and default), unknown keys
refused, every problem reported together with file:line; and the one date literal."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from diparchive.config import DEFAULTS, SCHEMA, SETTINGS, SiteConfig, load_config
from diparchive.errors import DiparchiveError
from diparchive.read.frontmatter import FRONT_MATTER_KEYS, front_matter
from diparchive.read.registry import load_registry
from diparchive.records import DateSource, PubDate
from diparchive.schema import date_literal
from diparchive.yamlsource import parse_yaml


def write_config(root: Path, text: str) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "site.yaml").write_text(text, encoding="utf-8")
    return root


def problems(root: Path) -> list[str]:
    with pytest.raises(DiparchiveError) as caught:
        load_config(root)
    return [
        f"{p.path.name}:{p.line}: {p.message}" if p.line else f"{p.path.name}: {p.message}"
        for p in caught.value.problems
    ]


MINIMAL = "title: {vi: Lưu trữ, en: Archive}\nbase_url: https://example.org/archive\n"


def test_every_key_is_a_documented_field_of_site_config():
    settings = [f.name for f in dataclasses.fields(SiteConfig) if "setting" in f.metadata]
    assert settings == list(SCHEMA) == list(SETTINGS) == list(DEFAULTS)
    assert all(SETTINGS[name].doc.strip().endswith(".") for name in settings)
    assert [f.name for f in dataclasses.fields(SiteConfig)] == [
        "root",
        *settings,
    ]  # nothing declared outside the schema
    assert {name for name, spec in SCHEMA.items() if spec.required} == {"title", "base_url"}


def test_defaults_and_conversions(tmp_path):
    config = load_config(write_config(tmp_path, MINIMAL))
    assert config.base_url == "https://example.org/archive/" and config.base_path == "/archive/"
    assert config.description == config.title == {"vi": "Lưu trữ", "en": "Archive"}
    assert config.description is not config.title
    assert (config.content_dir, config.templates_dir, config.output_dir) == (
        tmp_path / "content",
        tmp_path / "templates",
        tmp_path / "public",
    )
    assert (config.page_size, config.feed_size, config.search_part_pages, config.default_language) == (
        20,
        20,
        None,
        "vi",
    )
    assert config.languages == ("vi", "en")


def test_values_given_are_used(tmp_path):
    config = load_config(
        write_config(
            tmp_path, MINIMAL + "default_language: en\npage_size: 5\noutput_dir: out\nsearch_part_pages: 100\n"
        )
    )
    assert (config.default_language, config.page_size, config.output_dir, config.search_part_pages) == (
        "en",
        5,
        tmp_path / "out",
        100,
    )
    assert config.languages == ("en", "vi")


@pytest.mark.parametrize(("written", "read"), [("auto", None), ("0", 0), ("4000", 4000)])
def test_search_parts_are_auto_none_or_a_size(tmp_path, written, read):
    assert load_config(write_config(tmp_path, MINIMAL + f"search_part_pages: {written}\n")).search_part_pages == read


def test_search_parts_reject_other_words(tmp_path):
    found = problems(write_config(tmp_path, MINIMAL + "search_part_pages: many\n"))
    assert any("search_part_pages" in p and "whole number" in p for p in found), found


def test_unknown_key_names_the_known_ones(tmp_path):
    found = problems(write_config(tmp_path, MINIMAL + "colour: red\n"))
    assert found == [f"site.yaml:3: unknown setting 'colour' (known: {', '.join(SCHEMA)})"]


def test_all_problems_together_with_lines(tmp_path):
    text = "description: {vi: x}\npage_size: 0\ncolour: red\nbase_url: ftp://example.org/\nfeed_size: many\ndefault_language: fr\n"
    assert problems(write_config(tmp_path, text)) == [
        "site.yaml:1: 'description' must be a mapping with exactly the keys vi and en",
        "site.yaml:2: 'page_size' must be a whole number of at least 1",
        f"site.yaml:3: unknown setting 'colour' (known: {', '.join(SCHEMA)})",
        "site.yaml:4: 'base_url' must be an absolute http(s) URL such as https://example.org/archive/",
        "site.yaml:5: 'feed_size' must be a whole number of at least 1",
        "site.yaml:6: 'default_language' must be one of: vi, en",
        f"site.yaml: missing required setting 'title': {SCHEMA['title'].doc}",
    ]


# One date literal: YYYY-MM-DD, YYYY-MM or YYYY, months and days with two digits ----------------


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2024-09-19", PubDate(2024, 9, 19)),
        (dt.date(2024, 9, 19), PubDate(2024, 9, 19)),
        (dt.datetime(2024, 9, 19, 8, 30), PubDate(2024, 9, 19)),
        ("2024-09", PubDate(2024, 9)),
        (2024, PubDate(2024)),
        (" 2024 ", PubDate(2024)),
        ("2024-9", None),
        ("2024-13", None),
        ("2024-02-30", None),
        ("20240919", None),
        ("tomorrow", None),
        (True, None),
        (None, None),
    ],
)
def test_date_literal(value, expected):
    assert date_literal(value) == expected


def test_front_matter_and_registry_agree_on_2024_9(tmp_path):
    located = parse_yaml("title: T\ndate: 2024-9\n", Path("a.md"))
    registry = load_registry(tmp_path / "none", tmp_path)  # an empty registry
    with pytest.raises(DiparchiveError) as caught:
        front_matter(located, Path("a.md"), registry)
    assert [(p.line, p.message) for p in caught.value.problems] == [
        (2, "'date' must be YYYY-MM-DD, YYYY-MM or YYYY, not '2024-9'")
    ]
    assert front_matter(parse_yaml("date: 2024-09\n", Path("a.md")), Path("a.md"), registry)["date"] == PubDate(
        2024, 9, None, DateSource.FRONT_MATTER
    )

    folder = tmp_path / "registry"
    folder.mkdir()
    (folder / "leaders.yaml").write_text(
        "titles:\n  pm: {vi: Thủ tướng, en: Prime Minister}\nleaders:\n"
        "  - name: {vi: Phạm Minh Chính, en: Pham Minh Chinh}\n    roles:\n      - {title: pm, from: 2024-9}\n",
        encoding="utf-8",
    )
    with pytest.raises(DiparchiveError) as caught:
        load_registry(folder, tmp_path)
    assert [(p.line, p.message) for p in caught.value.problems] == [
        (6, "from must be a date (YYYY-MM-DD, YYYY-MM or YYYY), not '2024-9'")
    ]
    (folder / "leaders.yaml").write_text(
        (folder / "leaders.yaml").read_text(encoding="utf-8").replace("2024-9", "'2024-09-19'"), encoding="utf-8"
    )
    leader = next(iter(load_registry(folder, tmp_path).leaders.values()))
    assert leader.roles[0].start == PubDate(2024, 9, 19)


def test_front_matter_keys_documented():
    assert list(FRONT_MATTER_KEYS) == [
        "title",
        "title_supplied",
        "date",
        "lang",
        "draft",
        "key",
        "slug",
        "aliases",
        "author",
        "outlet",
        "source_url",
        "retrieved",
        "translator",
        "type",
        "leaders",
        "events",
        "mentions",
        "countries",
        "country_mentions",
    ]
    assert all(doc.endswith(".") for doc in FRONT_MATTER_KEYS.values())


def test_draft_must_be_true_or_false(site):
    from diparchive.build.pipeline import build
    from diparchive.errors import DiparchiveError

    (site / "content" / "d.md").write_text("---\ntitle: T\ndraft: yes please\n---\nText.\n", encoding="utf-8")
    with pytest.raises(DiparchiveError, match=r"content/d.md:3: 'draft' must be true or false, not 'yes please'"):
        build(site, search=False)
