"""Indexes as a reader and a crawler read them: titles in protocol order, names in the
Vietnamese alphabet, offices with their years, no link to an empty page, sitemaps with lastmod."""

from __future__ import annotations

import pytest

from diparchive.errors import DiparchiveError
from diparchive.read.registry import load_registry


def write_leaders(tmp_path, leaders: str):
    folder = tmp_path / "registry"
    folder.mkdir(parents=True)
    (folder / "leaders.yaml").write_text(leaders, encoding="utf-8")
    (folder / "events.yaml").write_text("", encoding="utf-8")
    return folder


def test_titles_held_at_once_are_in_the_registry_s_order_of_precedence(tmp_path):
    folder = write_leaders(
        tmp_path,
        "titles:\n"
        "  fm: {vi: Bộ trưởng Ngoại giao, en: Minister of Foreign Affairs, rank: 11}\n"
        "  dpm: {vi: Phó Thủ tướng, en: Deputy Prime Minister, rank: 8}\n"
        "  envoy: {vi: Đặc phái viên, en: Special Envoy}\n"
        "leaders:\n"
        "  - name: {vi: Bùi Thanh Sơn, en: Bui Thanh Son}\n"
        "    roles:\n"
        "      - {title: envoy, from: 2020}\n"
        "      - {title: fm, from: 2021-04-08}\n"
        "      - {title: dpm, from: 2024-08-26}\n",
    )
    registry = load_registry(folder, tmp_path)
    from diparchive.records import PubDate

    held = registry.leaders["bui-thanh-son"].roles_on(PubDate(2024, 9, 19))
    assert [r.title for r in held] == ["dpm", "fm", "envoy"]  # ranked first, then the unranked as declared
    assert registry.titles["dpm"].rank == 8 and registry.titles["envoy"].rank is None


@pytest.mark.parametrize("rank", ["0", "first", "true", "1.5"])
def test_a_rank_that_is_not_a_whole_number_from_1_is_an_error_at_its_line(tmp_path, rank):
    folder = write_leaders(tmp_path, f"titles:\n  pm:\n    vi: Thủ tướng\n    en: Prime Minister\n    rank: {rank}\n")
    with pytest.raises(DiparchiveError) as caught:
        load_registry(folder, tmp_path)
    assert [str(p) for p in caught.value.problems] == [
        f"registry/leaders.yaml:5: 'rank' must be a whole number from 1 up, not '{'True' if rank == 'true' else rank}'"
    ]


def test_title_keys_are_checked_by_the_schema(tmp_path):
    folder = write_leaders(tmp_path, "titles:\n  pm:\n    vi: Thủ tướng\n    rang: 1\n    bare: yes please\n")
    with pytest.raises(DiparchiveError) as caught:
        load_registry(folder, tmp_path)
    messages = [str(p) for p in caught.value.problems]
    assert messages == [
        "registry/leaders.yaml:4: unknown key 'rang' in title 'pm' (allowed: bare, en, forms, rank, vi)",
        "registry/leaders.yaml:5: 'bare' must be true or false",
        "registry/leaders.yaml:3: title 'pm' is missing 'en'",
    ]


def test_the_sample_writes_titles_as_the_press_does(built):
    vi = (built / "vi/bai-viet/viet-nam-coi-trong-hop-tac-da-phuong/index.html").read_text(encoding="utf-8")
    assert 'Tô Lâm</a> <span class="role">(Tổng Bí thư, Chủ tịch nước)</span>' in vi
    en = (built / "en/articles/all-objectives-achieved-at-a-high-level/index.html").read_text(encoding="utf-8")
    assert 'Bui Thanh Son</a> <span class="role">(Deputy Prime Minister, Minister of Foreign Affairs)</span>' in en
    assert 'To Lam</a> <span class="role">(General Secretary, President)</span>' in en
    cuba = next((built / "vi/bai-viet").glob("bo-truong-ngoai-giao-bui-thanh-son*/index.html")).read_text(
        encoding="utf-8"
    )
    assert "(Bí thư thứ nhất Ban Chấp hành Trung ương Đảng Cộng sản Cuba, Chủ tịch nước Cộng hòa Cuba)" in cuba
