"""Input a careless contributor or an attacker puts in the site folder (issue 17, input half):
each gives a clear message naming the file and line, exit 1, no traceback, previous output kept."""

from __future__ import annotations

import json
import os
import re
import shutil
import time
from pathlib import Path

import pytest

from diparchive.errors import DiparchiveError
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


@pytest.mark.parametrize(
    "make, target",
    [
        (lambda site: Path("/etc/passwd"), "/etc/passwd"),
        (lambda site: site / "site.yaml", "site.yaml"),
        (lambda site: site / "content" / "nowhere.txt", "nowhere.txt"),
        (lambda site: site / "content" / "p.txt", "p.txt"),  # a link to itself: a loop
    ],
)
def test_symlinked_content_files_are_refused_by_name(built_site, make, target):
    link = built_site / "content" / "p.txt"
    link.symlink_to(make(built_site))
    err = fails_cleanly(built_site, "content/p.txt: is a symlink (to ", "content must be regular files inside content/")
    assert target in err
    assert "root:x:0:0" not in err


def test_symlinked_content_folders_are_refused_by_name(built_site, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("Bí mật\nNội dung không được công bố ra ngoài.\n", encoding="utf-8")
    (built_site / "content" / "more").symlink_to(outside, target_is_directory=True)
    (built_site / "content" / "loop").symlink_to(built_site / "content", target_is_directory=True)
    fails_cleanly(
        built_site,
        f"content/loop: is a symlink (to {built_site / 'content'})",
        f"content/more: is a symlink (to {outside})",
    )


@pytest.mark.parametrize(
    "link, expected",
    [
        ("templates/base.html", "templates/base.html: is a symlink (to {target}): templates must be regular files inside templates/"),
        ("templates/article.html", "templates/article.html: is a symlink (to {target}): templates must be regular files"),
        ("templates/static", "templates/static: is a symlink (to {target}): templates must be regular files"),
        ("templates/i18n/vi.yaml", "templates/i18n/vi.yaml: is a symlink (to {target}): templates must be regular files"),
        ("templates", "templates: is a symlink (to {target}): templates must be regular files inside templates/"),
        ("content/registry/leaders.yaml", "content/registry/leaders.yaml: is a symlink (to {target}): site files must be regular files"),
        ("content/registry", "content/registry: is a symlink (to {target}): the registry must be a folder inside the site"),
        ("site.yaml", "site.yaml: is a symlink (to {target}): site files must be regular files; copy the file in instead"),
    ],
)  # fmt: skip
def test_symlinked_templates_registry_and_site_yaml_are_refused_by_name(built_site, tmp_path, link, expected):
    """A link to a copy outside the site: what it points at would be read (and published)."""
    path = built_site / link
    target = tmp_path / "outside" / path.name
    target.parent.mkdir()
    shutil.move(path, target)
    path.symlink_to(target, target_is_directory=target.is_dir())
    fails_cleanly(built_site, expected.format(target=target))


def test_a_symlink_to_a_secret_in_the_templates_is_never_read(built_site):
    (built_site / "templates" / "static" / "passwd").symlink_to("/etc/passwd")
    err = fails_cleanly(built_site, "templates/static/passwd: is a symlink (to /etc/passwd)")
    assert "root:x:0:0" not in err


@pytest.mark.parametrize("name", [b"bad\xff.txt", b"d\xfe/a.txt"])
def test_a_content_name_that_is_not_utf8_is_named_with_its_bytes_escaped(built_site, name):
    path = os.fsencode(built_site / "content") + b"/" + name
    if b"/" in name:
        os.mkdir(os.path.dirname(path))
    with open(path, "wb") as f:
        f.write("Tin ngoại giao\n\nNội dung bài viết đủ dài để đọc.\n".encode())
    shown = name.split(b"/")[0].decode("utf-8", "backslashreplace")
    fails_cleanly(built_site, f"content/{shown}: the name '{shown}' is not UTF-8 text; rename it")


def test_a_1_gb_file_is_refused_without_reading_it_into_memory(built_site):
    path = write(built_site, "dump.txt", b"")
    with path.open("wb") as f:
        f.truncate(1_000_000_000)
    start = time.perf_counter()
    fails_cleanly(built_site, "content/dump.txt: file is 1000.0 MB, over the 5 MB an article can be")
    assert time.perf_counter() - start < 30


# Patterns compiled from the registry run in time linear in the text ---------------------------

ADVERSARIAL = {
    "unga-separators": "Đại hội đồng Liên hợp quốc khóa" + " -" * 500_000,
    "title-repeated": "Thủ tướng nói, " * 60_000,
    "prose-line": "Thủ tướng Phạm Minh Chính tiếp Bộ trưởng Ngoại giao Hoa Kỳ tại Hà Nội hôm nay. " * 12_000,
}


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_a_megabyte_of_adversarial_text_loads_in_linear_time(site, registry, recognizer, name):
    from diparchive.read.loader import load_article

    path = write(site, "adversarial.md", f"---\ntitle: T\ndate: 2024-09-01\n---\nTin ngoại giao\n{ADVERSARIAL[name]}\n")
    assert path.stat().st_size > 900_000
    start = time.perf_counter()
    load_article(path, site, registry, recognizer)
    assert time.perf_counter() - start < 20  # quadratic took minutes; linear takes a few seconds on a slow machine


def test_event_patterns_have_one_possessive_gap_between_words():
    from diparchive.read.recognizer import _GAP, _compile_pattern

    regex, numbered, _, required, starts = _compile_pattern(
        "Đại hội đồng {un} (khóa) () ( - ) {n}", {"un": ("Liên hợp quốc",)}
    )
    assert numbered and required == ("dai", "hoi", "dong") and starts == ("dai",)
    assert _GAP.endswith("*+")  # possessive: a gap never gives separators back to another
    for other in (_GAP + "(?:" + _GAP, _GAP + _GAP, _GAP + ")?" + _GAP, "(?:)", "[\\s,\\-–]*)"):
        assert other not in regex, other
    assert regex.count(_GAP) == 5  # between the six words, never two in a row
    assert re.search(regex, "dai hoi dong lien hop quoc khoa 79")["n"] == "79"
    assert re.search(regex, "dai hoi dong lien hop quoc, - 79")["n"] == "79"


@pytest.mark.parametrize("k", [6, 14])
def test_empty_optional_groups_cost_nothing(k):
    from diparchive.read.recognizer import _compile_pattern

    regex, *_ = _compile_pattern("Hội nghị " + "() " * k + "{n}", {})
    start = time.perf_counter()
    assert re.search(regex, "hoi nghi" + " -" * 200_000) is None
    assert time.perf_counter() - start < 5


def test_a_qualifier_before_a_title_is_found_in_the_last_characters_only():
    """`_former` looks at the few characters before a title instead of searching the 300 before
    it: the answer must be the search's, whatever stands there."""
    import random

    from diparchive.read.leader_names import _FORMER, _NEAR, _former

    pieces = ["nguyên", "Nguyên", "cựu", "CỰU", "former", "Former", "late", "ex-", "acting", "quyền", "Quyền",
              " ", "  ", "\t", "\n", "\u00a0", "x", "ông", "Thủ tướng", ",", "-", "Ex"]  # fmt: skip
    rng = random.Random(3)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) + "Thủ tướng"
        start = len(text) - len("Thủ tướng")
        assert _former(text, start) == bool(_FORMER.search(text[max(0, start - _NEAR) : start])), repr(text)


# The registry --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "template, expected",
    [
        ("{n.__class__.__mro__}", "a lone '{' or '}' (placeholders are {n}, {ord} and {roman})"),
        ("{", "a lone '{' or '}'"),
        ("{foo}", "unknown placeholder {foo} (use {n}, {ord} or {roman})"),
    ],
)
def test_instance_names_are_substituted_never_evaluated(built_site, template, expected):
    events = built_site / "content" / "registry" / "events.yaml"
    text = events.read_text(encoding="utf-8")
    events.write_text(text.replace('"Khóa {n} Đại hội đồng Liên hợp quốc"', f'"{template}"', 1), encoding="utf-8")
    line = next(n for n, l in enumerate(text.splitlines(), 1) if "Khóa {n} Đại hội đồng" in l)
    err = fails_cleanly(built_site, f"content/registry/events.yaml:{line}: instance_name: {expected}")
    assert "class" not in err.replace(template, "")


@pytest.mark.parametrize("event", ["unga-99999999999999999999", "unga-²", "unga-٣"])
def test_series_instance_numbers_are_a_few_ascii_digits(built_site, event):
    write(built_site, "bad.md", f"---\ntitle: T\nevents: [{event}]\n---\nNội dung bài viết.\n")
    fails_cleanly(built_site, f"content/bad.md:3: unknown event id '{event}' (not in the registry)")


# Configuration files -------------------------------------------------------------------------


def test_site_yaml_that_is_a_folder(built_site):
    (built_site / "site.yaml").unlink()
    (built_site / "site.yaml").mkdir()
    fails_cleanly(built_site, "site.yaml: is a folder, not a YAML file")


@pytest.mark.parametrize("make, expected", [(None, "does not exist"), ("file", "is a file, not a folder")])
def test_content_dir_missing_or_a_file(built_site, make, expected):
    if make:
        (built_site / "articles").write_text("x", encoding="utf-8")
    with (built_site / "site.yaml").open("a", encoding="utf-8") as f:
        f.write("content_dir: articles\n")
    fails_cleanly(built_site, f"articles: content_dir (site.yaml) {expected}")


@pytest.mark.parametrize("name", ["site.yaml", "content/registry/leaders.yaml", "templates/i18n/vi.yaml"])
def test_configuration_files_that_are_not_utf8(built_site, name):
    path = built_site / name
    data = path.read_bytes()
    path.write_bytes(data + b"\nbad: \xff\n")
    where = data.count(b"\n") + 2
    fails_cleanly(built_site, f"{name}:{where}: not UTF-8 text: byte 0xFF (invalid start byte); save it as UTF-8")


def test_a_leader_whose_name_makes_no_url(built_site):
    leaders = built_site / "content" / "registry" / "leaders.yaml"
    text = leaders.read_text(encoding="utf-8")
    line = text.split("\n").index("leaders:") + 2
    leaders.write_text(
        text.replace("leaders:\n", "leaders:\n  - name: {vi: '!!!', en: '!!!'}\n    roles: []\n", 1), encoding="utf-8"
    )
    fails_cleanly(
        built_site,
        f"content/registry/leaders.yaml:{line}: leader name '!!!' has no letters or digits to make its id and URL from",
    )


def test_two_pages_at_one_output_path_are_an_error():
    from diparchive.plan.pages import Page
    from diparchive.plan.site import _one_page_per_path

    with pytest.raises(
        DiparchiveError, match=r"two pages have the output path 'vi/lanh-dao/': leaders.html and leader.html"
    ):
        _one_page_per_path(
            [Page("vi/lanh-dao/", "leaders.html", "vi", None), Page("vi/lanh-dao/", "leader.html", "vi", None)]
        )


@pytest.mark.parametrize(
    "url", ["https://example.org/a b/", "https://example.org/\nDisallow: /", 'https://example.org/"x']
)
def test_base_url_with_spaces_newlines_or_quotes(built_site, url):
    config = built_site / "site.yaml"
    text = config.read_text(encoding="utf-8").replace("base_url: https://archive.example.org/\n", "")
    config.write_text(text + f"base_url: {json.dumps(url)}\n", encoding="utf-8")
    line = text.count("\n") + 1
    err = fails_cleanly(built_site, f"site.yaml:{line}: 'base_url' must not contain ")
    assert "percent-encode them" in err


@pytest.mark.parametrize(
    "title, expected",
    [
        ("\u200b\u200c\u2060", "'title' has only invisible characters (zero-width or format characters)"),
        ("Tin \u202egnp.exe", "'title' contains a bidirectional control (U+202E), which can disguise the text"),
        ("Tin \u2067x\u2069", "'title' contains a bidirectional control (U+2067)"),
    ],
)
def test_invisible_or_bidi_titles(built_site, title, expected):
    write(built_site, "bad.md", f'---\ntitle: "{title}"\n---\nNội dung bài viết.\n')
    fails_cleanly(built_site, f"content/bad.md:2: {expected}")


@pytest.mark.parametrize("title", ["a\nb", "\u202eabc", "\u200b"])
def test_new_refuses_a_bad_title_before_writing(site, title):
    before = sorted(p for p in (site / "content").rglob("*"))
    code, _, err = run("new", title, "--root", str(site))
    assert code == 1 and "nothing was written" in err and "Traceback" not in err
    assert sorted(p for p in (site / "content").rglob("*")) == before
