"""Bad input never breaks the archive: each case gives a message naming the file (and line),
exit 1 without a traceback, and leaves the previous build as it was."""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pytest

import diparchive.publish.search
from conftest import as_scraped
from diparchive.build.pipeline import build
from diparchive.cli.main import main
from diparchive.errors import DiparchiveError


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def built_site(site: Path) -> Path:
    """The sample site with a previous build in public/."""
    assert run("build", "--root", str(site), "--no-search")[0] == 0
    return site


def snapshot(folder: Path) -> dict[Path, bytes]:
    return {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def fails_cleanly(site: Path, *expected: str, args: tuple[str, ...] = ("--no-search",)) -> str:
    """Build, expect exit 1 with each `expected` text, no traceback, previous output intact."""
    before = snapshot(site / "public")
    code, _, err = run("build", "--root", str(site), *args)
    assert code == 1, err
    for text in expected:
        assert text in err
    assert "Traceback" not in err
    assert snapshot(site / "public") == before
    assert not [p for p in site.iterdir() if p.name.startswith(".public")], "staging folder left behind"
    return err


def write(site: Path, name: str, data: str | bytes) -> Path:
    path = site / "content" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


# Front matter -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "front, expected",
    [
        ("title: [broken", "content/bad.md:2: invalid YAML"),
        (
            "title: T\ncolour: red",
            "content/bad.md:3: unknown front matter key 'colour' (known: title, title_supplied, date,",
        ),
        ("title: T\ndate: tomorrow", "content/bad.md:3: 'date' must be YYYY-MM-DD, YYYY-MM or YYYY, not 'tomorrow'"),
        ("title: T\ndate: 2024-13", "content/bad.md:3: 'date' must be YYYY-MM-DD"),
        ("title: T\nleaders: [nobody]", "content/bad.md:3: unknown leader id 'nobody' (not in the registry)"),
        ("title: T\nevents:\n  - unga-79\n  - no-such-event", "content/bad.md:5: unknown event id 'no-such-event'"),
        ("title: T\nleaders: to-lam", "content/bad.md:3: 'leaders' must be a list of ids"),
        ("title: {a: 1}", "content/bad.md:2: 'title' must be non-empty text"),
        ("title: T\nlang: fr", "content/bad.md:3: 'lang' must be one of vi, en, not 'fr'"),
        ("- just\n- a list", "content/bad.md:2: front matter must be a mapping"),
        ('title: "T\\0x"', "content/bad.md:2: 'title' contains a control character (U+0000)"),
        ("title: T\nkey: " + "k" * 300, "content/bad.md:3: 'key' is 300 characters long"),
    ],
)
def test_bad_front_matter(built_site, front, expected):
    write(built_site, "bad.md", f"---\n{front}\n---\nNội dung bài viết.\n")
    fails_cleanly(built_site, expected)


def test_unclosed_front_matter(built_site):
    write(built_site, "bad.md", "---\ntitle: T\nNội dung bài viết.\n")
    fails_cleanly(built_site, "content/bad.md:1: front matter opened with '---' is never closed")


def test_every_bad_file_is_reported_at_once(built_site):
    write(built_site, "one.md", "---\ndate: soon\n---\nA.\n")
    write(built_site, "two.md", "---\ncolour: red\n---\nB.\n")
    fails_cleanly(built_site, "2 problem(s) in the content", "content/one.md:2:", "content/two.md:2:")


# Encodings and odd files --------------------------------------------------------------------

ARTICLE = "Tiêu đề bài viết thử nghiệm\nHà Nội (NDO) - Nội dung bài viết về ngoại giao đa phương của Việt Nam.\n"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-8-sig", "utf-32"])
def test_unicode_with_a_bom_is_decoded(site, encoding):
    data = ARTICLE.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    write(site, "bom.txt", data)
    code, out, err = run("build", "--root", str(site), "--no-search")
    assert code == 0, err
    assert (site / "public" / "vi" / "bai-viet" / "tieu-de-bai-viet-thu-nghiem" / "index.html").is_file()


@pytest.mark.parametrize("encoding, line, byte", [("cp1258", 1, "0xEA"), ("latin-1", 2, "0xE9")])
def test_other_encodings_are_reported_not_guessed(built_site, encoding, line, byte):
    text = "Tiêu đề\nNội dung\n" if encoding == "cp1258" else "Title of a test\nCafé society meets today.\n"
    write(built_site, "legacy.txt", text.encode(encoding, errors="replace"))
    fails_cleanly(
        built_site, f"content/legacy.txt:{line}: not UTF-8 text: byte {byte} at column", "Save the file as UTF-8"
    )


def test_binary_file(built_site):
    write(built_site, "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    fails_cleanly(built_site, "content/photo.txt:3: binary data (NUL bytes), not article text")


@pytest.mark.parametrize("data", [b"", b"  \n\n\t\n", b"\xef\xbb\xbf"])
def test_empty_file(built_site, data):
    write(built_site, "empty.txt", data)
    fails_cleanly(built_site, "content/empty.txt: empty file")


def test_a_50_mb_file_is_refused_without_reading_it(built_site):
    path = write(built_site, "dump.txt", b"")
    with path.open("wb") as f:
        f.truncate(50_000_000)
    fails_cleanly(built_site, "content/dump.txt: file is 50.0 MB, over the 5 MB an article can be")


def test_control_characters_are_dropped_from_scrapes(site):
    write(site, "bell.txt", "Tiêu đề có ký tự lạ\x07\nNội dung\x1b bài viết về ngoại giao đa phương.\n")
    assert run("build", "--root", str(site), "--no-search")[0] == 0
    page = (site / "public" / "vi" / "bai-viet" / "tieu-de-co-ky-tu-la" / "index.html").read_text(encoding="utf-8")
    assert "Nội dung bài viết" in page and "\x07" not in page and "\x1b" not in page
    assert "\x1b" not in (site / "public" / "vi" / "feed.xml").read_text(encoding="utf-8")


# Articles that clash ------------------------------------------------------------------------


def test_same_key_in_one_language(built_site):
    write(built_site, "a.md", "---\ntitle: Bài một\nkey: same\nlang: vi\n---\nMột.\n")
    write(built_site, "b.md", "---\ntitle: Bài hai\nkey: same\nlang: vi\n---\nHai.\n")
    fails_cleanly(built_site, "content/b.md: key 'same' in 'vi' is already used by content/a.md")


def test_same_slug_set_by_hand(built_site):
    write(built_site, "a.md", "---\ntitle: Bài một\nslug: cung-duong-dan\n---\nMột.\n")
    write(built_site, "b.md", "---\ntitle: Bài hai\nslug: cung-duong-dan\n---\nHai.\n")
    fails_cleanly(
        built_site, "content/b.md: URL slug 'cung-duong-dan' is already used by content/a.md; set a different 'slug'"
    )


def test_a_slug_set_by_hand_never_takes_a_url_published_for_another_article(built_site):
    """The URL lock holds where each article was published: an editor's slug may not reuse one."""
    held = "vi/bai-viet/viet-nam-coi-trong-hop-tac-da-phuong/"
    assert held in (built_site / "urls.lock").read_text(encoding="utf-8")
    write(built_site, "a.md", "---\ntitle: Bài một\nslug: viet-nam-coi-trong-hop-tac-da-phuong\n---\nMột.\n")
    fails_cleanly(
        built_site,
        "content/a.md: URL slug 'viet-nam-coi-trong-hop-tac-da-phuong' is already published for"
        " 'vi:003_2961b6aa5de9d877' (urls.lock); set a different 'slug'",
    )


def test_translation_without_its_original_warns_and_fails_strict(built_site):
    write(
        built_site,
        "en/orphan.md",
        "---\ntitle: An orphan\nkey: 099_no_such_seed\nlang: en\ndate: 2024-01-02\n---\nText.\n",
    )
    code, _, err = run("build", "--root", str(built_site), "--no-search")
    assert code == 0
    assert "content/en/orphan.md: warning: translation of '099_no_such_seed', but no article has that key" in err
    fails_cleanly(
        built_site,
        "--strict:",
        "content/en/orphan.md: translation of '099_no_such_seed'",
        args=("--no-search", "--strict"),
    )


# Slugs and paths ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "slug, folder",
    [
        ("../../../etc/passwd", "etc-passwd"),
        ("/tmp/evil", "tmp-evil"),
        ("..\\\\..\\\\windows", "windows"),
        ("a" * 400, "a" * 80),
    ],
)
def test_slugs_cannot_leave_the_output(site, slug, folder):
    write(site, "escape.md", f"---\ntitle: Escape\nslug: '{slug}'\n---\nText.\n")
    assert run("build", "--root", str(site), "--no-search")[0] == 0
    assert (site / "public" / "en" / "articles" / folder / "index.html").is_file()
    assert not (site / "etc").exists() and not Path("/tmp/evil").exists()


@pytest.mark.parametrize("slug", ['"..."', '"\\0"', '"---"'])
def test_slugs_without_letters_are_refused(built_site, slug):
    write(built_site, "bad.md", f"---\ntitle: Bad\nslug: {slug}\n---\nText.\n")
    fails_cleanly(built_site, "content/bad.md:3: 'slug'")


# Templates and Pagefind ---------------------------------------------------------------------


def test_missing_template(built_site):
    (built_site / "templates" / "leader.html").unlink()
    fails_cleanly(built_site, "templates/leader.html", "template not found (needed for /vi/lanh-dao/")


def test_pagefind_missing(built_site, monkeypatch):
    monkeypatch.setattr(diparchive.publish.search, "PAGEFIND", (sys.executable, "-m", "no_such_pagefind_module"))
    fails_cleanly(
        built_site, "Pagefind is not installed in this Python", "pip install 'pagefind[bin]'", "--no-search", args=()
    )


def test_pagefind_failing(built_site, monkeypatch):
    monkeypatch.setattr(
        diparchive.publish.search,
        "PAGEFIND",
        (sys.executable, "-c", "import sys; print('Error: index exploded', file=sys.stderr); sys.exit(3)"),
    )
    fails_cleanly(built_site, "Pagefind failed to index the site", "Error: index exploded", args=())


# --strict -----------------------------------------------------------------------------------


def test_strict_turns_warnings_into_failures(built_site):
    as_scraped(built_site)
    err = fails_cleanly(built_site, "--strict:", args=("--no-search", "--strict"))
    assert "content/002_d22a4b06eb00ea15.txt:1: date known only as the interval 2023-12-19/2024-01" in err
    assert re.search(r"content/004_6ad065bfd07066d8.txt:\d+: date inferred from the text", err)
    assert "content/002_d22a4b06eb00ea15.txt: no version in 'en'" in err


def test_strict_fails_on_names_the_registry_lacks_and_heavy_boilerplate(built_site):
    for path in (built_site / "content").glob("0*.txt"):
        path.unlink()
    for path in (built_site / "content" / "en").glob("*.md"):
        path.unlink()
    write(built_site, "clean.md", "---\ntitle: Bài sạch\ndate: 2024-01-02\n---\nNội dung.\n")
    write(
        built_site, "en/clean.md", "---\ntitle: A clean article\nkey: clean\nlang: en\ndate: 2024-01-02\n---\nText.\n"
    )
    assert run("build", "--root", str(built_site), "--no-search", "--strict")[0] == 0
    write(
        built_site,
        "person.md",
        "---\ntitle: Tiếp khách\ndate: 2024-01-03\nkey: clean\nlang: vi\n---\nThủ tướng Nguyễn Văn Xoài tiếp Đại sứ.\n",
    )
    (built_site / "content" / "clean.md").unlink()
    fails_cleanly(
        built_site,
        "content/person.md:7: person not in the registry: Thủ tướng Nguyễn Văn Xoài",
        args=("--no-search", "--strict"),
    )
    (built_site / "content" / "person.md").rename(built_site / "content" / "clean.md")
    teaser = "\n".join(f"Xem thêm: Tin khác số {n} về thể thao và giải trí cuối tuần" for n in range(40))
    write(
        built_site,
        "heavy.txt",
        f"---\nkey: clean\nlang: vi\n---\nNgày 3/1/2024\nTiêu đề ngắn gọn của bài\nNội dung chính của bài viết ngắn.\nTin liên quan\n{teaser}\n",
    )
    (built_site / "content" / "clean.md").unlink()
    fails_cleanly(
        built_site, "content/heavy.txt:8:", "characters were left out as boilerplate", args=("--no-search", "--strict")
    )


def test_check_strict_exit_code(built_site):
    code, out, _ = run("check", "--root", str(as_scraped(built_site)), "--strict")
    assert code == 1 and "untranslated: no version in 'en'" in out
    assert run("check", "--root", str(built_site))[0] == 0


def test_a_broken_url_lock_is_named_and_the_output_kept(site):
    build(site, search=False)
    before = (site / "public" / "vi" / "index.html").read_bytes()
    (site / "urls.lock").write_text('{"vi:x": [\n', encoding="utf-8")
    (site / "content" / "000_aedb57b13cd0445d.txt").touch()
    with pytest.raises(DiparchiveError, match=r"urls.lock:2: not a URL lock"):
        build(site, search=False, use_cache=False)
    assert (site / "public" / "vi" / "index.html").read_bytes() == before


def test_a_hand_edited_lock_never_puts_a_redirect_over_another_page(site):
    """A subject's lock entry redirects only from that subject's own address."""
    (site / "urls.lock").write_text('{"leader:to-lam": ["vi/lanh-dao/", "vi/"], "event:": ["vi/su-kien/"]}\n', "utf-8")
    build(site, search=False)
    for path in ("vi/lanh-dao/index.html", "vi/index.html", "vi/su-kien/index.html"):
        assert 'http-equiv="refresh"' not in (site / "public" / path).read_text(encoding="utf-8"), path


@pytest.mark.parametrize("key", ["countries", "pagefind_search_label"])  # read while planning; only by a template
def test_a_catalog_older_than_diparchive_names_the_missing_key(built_site, key):
    """A site's own copy of templates/i18n that lacks a key this version needs: the file and the
    key are named, with no traceback, and the previous output stays."""
    for lang in ("vi", "en"):
        path = built_site / "templates" / "i18n" / f"{lang}.yaml"
        kept = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith(f"{key}:")]
        path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    fails_cleanly(built_site, f"templates/i18n/vi.yaml: '{key}' is missing: this version of diparchive needs it")
