"""Registry values of the wrong type (issue 17): each gives one message at the value's line
through the one validator (`schema.validate`), exit 1 and no traceback, the previous output kept."""

from __future__ import annotations

import shutil

import pytest

from conftest import PROJECT
from diparchive.errors import DiparchiveError
from diparchive.read.registry import load_registry
from test_bad_input import built_site, fails_cleanly

__all__ = ["built_site"]  # the fixture, imported for use here

# Registry values of the wrong type: one message each at the value's line, never a traceback.
# (file, text in the stock registry, what replaces it, expected message at the line of the text;
# "+1:" in front when it is on the line after, where the value starts)
WRONG_TYPES = [
    (
        "leaders.yaml",
        "    forms: [Thủ tướng Chính phủ, PM, Premier]",
        "    forms: Thủ tướng Chính phủ",
        "forms must be a list of text, not 'Thủ tướng Chính phủ'",
    ),
    (
        "leaders.yaml",
        "    forms: [Thủ tướng Chính phủ, PM, Premier]",
        "    forms: [1, PM]",
        "forms must be non-empty text, not '1'",
    ),
    ("leaders.yaml", "    vi: Thủ tướng\n", "    vi: [Thủ tướng]\n", "vi must be non-empty text, not a list"),
    ("leaders.yaml", "    bare: true", "    bare: 1", "'bare' must be true or false, not '1'"),
    (
        "leaders.yaml",
        "  - name: {vi: Tô Lâm, en: To Lam}",
        "  - name: 42",
        "name must be a mapping with the keys vi and en, not '42'",
    ),
    (
        "leaders.yaml",
        "  - name: {vi: Tô Lâm, en: To Lam}",
        "  - name: {vi: 42, en: To Lam}",
        "name.vi must be non-empty text, not '42'",
    ),
    (
        "leaders.yaml",
        "  - name: {vi: Tô Lâm, en: To Lam}",
        "  - name: {vi: Tô Lâm, en: To Lam, fr: To Lam}",
        "unknown key 'fr' in name (allowed: en, vi)",
    ),
    (
        "leaders.yaml",
        "  - name: {vi: Tô Lâm, en: To Lam}",
        "  - name: {vi: Tô Lâm, en: To Lam}\n    aliases: {a: b}",
        "+1:aliases must be a list of text, not a mapping",
    ),
    (
        "leaders.yaml",
        "  - name: {vi: Tô Lâm, en: To Lam}",
        "  - name: {vi: Tô Lâm, en: To Lam}\n    country: [VN]",
        "+1:country must be non-empty text, not a list",
    ),
    (
        "leaders.yaml",
        "      - {title: minister-of-public-security, from: 2016-04-12, to: 2024-06-06}",
        "      - {title: [president]}",
        "title must be a title id, not a list",
    ),
    (
        "leaders.yaml",
        "      - {title: minister-of-public-security, from: 2016-04-12, to: 2024-06-06}",
        "      - {title: {a: b}}",
        "title must be a title id, not a mapping",
    ),
    (
        "leaders.yaml",
        "      - {title: minister-of-public-security, from: 2016-04-12, to: 2024-06-06}",
        "      - {title: president, from: {a: 1}}",
        "from must be a date (YYYY-MM-DD, YYYY-MM or YYYY), not a mapping",
    ),
    (
        "leaders.yaml",
        "  - name: {vi: Tô Lâm, en: To Lam}",
        "  - 42\n  - name: {vi: Tô Lâm, en: To Lam}",
        "leader must be a mapping, not '42'",
    ),
    (
        "events.yaml",
        "  un: [Liên hợp quốc, Liên Hiệp Quốc, LHQ, UN, United Nations]",
        "  un: Liên hợp quốc",
        "variant 'un' must be a list of text, not 'Liên hợp quốc'",
    ),
    (
        "events.yaml",
        "    name: {vi: Đại hội đồng Liên hợp quốc, en: UN General Assembly}",
        "    name: [Đại hội đồng]",
        "name must be a mapping with the keys vi and en, not a list",
    ),
    (
        "events.yaml",
        '    instance_name: {vi: "Khóa {n} Đại hội đồng Liên hợp quốc", en: "{ord} UN General Assembly"}',
        '    instance_name: "{foo}"',
        "instance_name must be a mapping with the keys vi and en, not '{foo}'",
    ),
    (
        "events.yaml",
        '    instance_name: {vi: "Khóa {n} Đại hội đồng Liên hợp quốc", en: "{ord} UN General Assembly"}',
        '    instance_name: "{"',
        "instance_name must be a mapping with the keys vi and en, not '{'",
    ),
    (
        "events.yaml",
        '      - "{ga} {un} (khóa) (họp) (lần) (thứ) {n}"',
        "      - {a: b}",
        "patterns must be non-empty text, not a mapping",
    ),
    (
        "events.yaml",
        '      - "{ga} {un} (khóa) (họp) (lần) (thứ) {n}"',
        "      - 42",
        "patterns must be non-empty text, not '42'",
    ),
    (
        "events.yaml",
        "      76: {start: 2021-09-14, end: 2022-09-12}",
        "      99999999999999999999: {start: 2021-09-14}",
        "instance number '99999999999999999999' must be a whole number of at most 4 digits",
    ),
    (
        "events.yaml",
        "      76: {start: 2021-09-14, end: 2022-09-12}",
        "      ²: {start: 2021-09-14}",
        "instance number '²' must be a whole number of at most 4 digits",
    ),
    (
        "events.yaml",
        "      76: {start: 2021-09-14, end: 2022-09-12}",
        "      76: {start: [2021]}",
        "start must be a date (YYYY-MM-DD, YYYY-MM or YYYY), not a list",
    ),
    (
        "events.yaml",
        "  summit-of-the-future:\n",
        "  unga-99999999999999999999:\n",
        "+1:event id 'unga-99999999999999999999' is the id of an instance of series 'unga': list it under its instances",
    ),
    ("events.yaml", "  summit-of-the-future:\n", "  unga-²:\n", "+1:event id 'unga-²' must be a slug such as 'unga-2'"),
    (
        "events.yaml",
        "events:\n",
        "events: [unga-99999999999999999999]\nx:\n",
        "'events' must be a mapping of ids to entries, not a list",
    ),
    (
        "outlets.yaml",
        "NDO: {vi: Báo Nhân Dân, en: Nhan Dan}",
        "NDO: [a]",
        "outlet 'NDO' must be a mapping with the keys vi and en, not a list",
    ),
]


@pytest.mark.parametrize("name, old, new, expected", WRONG_TYPES)
def test_registry_values_of_the_wrong_type(tmp_path, name, old, new, expected):
    folder = tmp_path / "content" / "registry"
    shutil.copytree(PROJECT / "content" / "registry", folder)
    text = (folder / name).read_text(encoding="utf-8")
    assert old in text
    line = text[: text.index(old)].count("\n") + 1 + expected.startswith("+1:")
    (folder / name).write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DiparchiveError) as caught:
        load_registry(folder, tmp_path)
    assert f"content/registry/{name}:{line}: {expected.removeprefix('+1:')}" in [str(p) for p in caught.value.problems]


@pytest.mark.parametrize("name, old, new, expected", [WRONG_TYPES[9], WRONG_TYPES[15], WRONG_TYPES[19]])
def test_registry_values_of_the_wrong_type_stop_the_build_cleanly(built_site, name, old, new, expected):
    path = built_site / "content" / "registry" / name
    text = path.read_text(encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    fails_cleanly(built_site, f"content/registry/{name}:{line}: {expected}")
