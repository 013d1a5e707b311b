"""Input a careless contributor or an attacker puts in the site folder (issue 17, input half):
each gives a clear message naming the file and line, exit 1, no traceback, previous output kept."""

from __future__ import annotations

import time

import pytest

from test_bad_input import built_site, fails_cleanly, run, write

__all__ = ["built_site"]  # the fixture, imported for use here

BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
    for i in range(9)
)

YAML_CASES = [
    (BOMB, 2, "YAML aliases (*a) are not accepted; write the value out"),
    ("title: &x [*x]", 1, "YAML aliases (*x) are not accepted"),
    ("base: {x: 1}\nother:\n  <<: {x: 2}", 3, "merge keys (<<) not accepted; write plain values"),
    ("title: !!python/object:os.system x", 1, "the YAML tag tag:yaml.org,2002:python/object:os.system not accepted"),
    ("title: !custom x", 1, "the YAML tag !custom not accepted"),
    ("deep: " + "[" * 1500 + "]" * 1500, 1, "YAML nested more than 100 levels deep"),
]


@pytest.mark.parametrize("document, line, expected", YAML_CASES)
def test_hostile_yaml_in_front_matter(built_site, document, line, expected):
    write(built_site, "bad.md", f"---\n{document}\n---\nNội dung bài viết.\n")
    fails_cleanly(built_site, f"content/bad.md:{line + 1}: {expected}")


@pytest.mark.parametrize("document, line, expected", YAML_CASES)
def test_hostile_yaml_in_site_yaml(built_site, document, line, expected):
    config = built_site / "site.yaml"
    config.write_text(document + "\n" + config.read_text(encoding="utf-8"), encoding="utf-8")
    fails_cleanly(built_site, f"site.yaml:{line}: {expected}")


@pytest.mark.parametrize("document, line, expected", YAML_CASES)
def test_hostile_yaml_in_the_registry(built_site, document, line, expected):
    events = built_site / "content" / "registry" / "events.yaml"
    events.write_text(document + "\n" + events.read_text(encoding="utf-8"), encoding="utf-8")
    fails_cleanly(built_site, f"content/registry/events.yaml:{line}: {expected}")


@pytest.mark.parametrize(
    "date, expected",
    [
        ("2024-02-30", "'2024-02-30' is not a real date (day is out of range for month)"),
        ("2026-13-45", "'2026-13-45' is not a real date (month must be in 1..12)"),
    ],
)
@pytest.mark.parametrize("command", ["build", "check", "parse"])
def test_impossible_dates_in_front_matter(built_site, command, date, expected):
    path = write(built_site, "bad.md", f"---\ntitle: T\ndate: {date}\n---\nNội dung bài viết.\n")
    if command == "build":
        fails_cleanly(built_site, f"content/bad.md:3: {expected}")
        return
    argv = ("check", "--root", str(built_site)) if command == "check" else ("parse", str(path))
    code, _, err = run(*argv)
    assert code == 1, err
    assert f"bad.md:3: {expected}" in err
    assert "Traceback" not in err


def test_the_alias_bomb_is_refused_quickly(built_site):
    write(built_site, "bomb.md", f"---\n{BOMB}---\nNội dung.\n")
    start = time.perf_counter()
    fails_cleanly(built_site, "content/bomb.md:3: YAML aliases (*a) are not accepted")
    assert time.perf_counter() - start < 5
