"""The command line, called as main(argv): exit codes, output, and what happens on bad input."""

from __future__ import annotations

import io
import json
import re
import shutil

import pytest

from conftest import as_scraped
from diparchive import __version__
from diparchive.cli.main import main


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def test_version(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"diparchive {__version__}"


@pytest.mark.parametrize("command", [[], ["build"], ["parse"], ["check"]])
def test_help_on_every_command(capsys, command):
    assert main(command + ["--help"]) == 0
    assert "usage: diparchive" in capsys.readouterr().out


def test_build_from_root_option(site, tmp_path):
    code, out, err = run("build", "--root", str(as_scraped(site)), "--no-search")
    assert code == 0, err
    assert "Built 9 articles" in out
    assert "Search: skipped" in out
    assert (site / "public" / "vi" / "index.html").is_file()
    assert "content/002_d22a4b06eb00ea15.txt:1: warning: no headline found" in err


@pytest.mark.parametrize("command", ["check", "parse"])
def test_root_may_stand_before_the_command_or_after_it(site, tmp_path, monkeypatch, command):
    monkeypatch.chdir(tmp_path)  # no site here: only --root can find it
    extra = [str(next((site / "content").glob("*.txt")))] if command == "parse" else []
    before = run("--root", str(site), command, *extra)
    after = run(command, "--root", str(site), *extra)
    assert before[0] == 0 and before == after
    # Given on both sides, the one after the command wins.
    assert run("--root", str(tmp_path), command, "--root", str(site), *extra) == after


def test_the_sample_builds_clean_with_strict(site):
    """What a CI job written from the README runs first: the sample has no warning at all."""
    code, out, err = run("build", "--root", str(site), "--strict")
    assert code == 0, err
    assert "Built 10 articles" in out and "0 article(s) with an inferred date; 0 warning(s)\n" in out
    assert "warning" not in err and "note:" not in err
    code, out, _ = run("check", "--root", str(site), "--strict")
    assert code == 0 and out.startswith("10 articles checked: 0 warning(s), 0 suggestion(s)")


def test_build_from_the_site_root(site, monkeypatch):
    monkeypatch.chdir(site)
    code, out, _ = run("build", "--no-search", "--output", "elsewhere")
    assert code == 0 and (site / "elsewhere" / "en" / "index.html").is_file()


def test_not_a_site_root(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = run("build")
    assert code == 1
    assert err.startswith("error: site.yaml: no site.yaml here")
    assert "Traceback" not in err


def test_config_errors_are_reported_together(site):
    (site / "site.yaml").write_text("title: {vi: A}\nbase_url: ftp://x\npage_size: 0\ncolour: red\n", encoding="utf-8")
    code, _, err = run("build", "--root", str(site))
    assert code == 1
    assert "4 problem(s) in the site configuration" in err
    for expected in (
        "site.yaml:1: 'title' must be a mapping with exactly the keys vi and en",
        "site.yaml:2: 'base_url' must be an absolute http(s) URL",
        "site.yaml:3: 'page_size' must be a whole number of at least 1",
        "site.yaml:4: unknown setting 'colour'",
    ):
        assert expected in err
    assert "Traceback" not in err


def test_bad_article_keeps_the_previous_output(site):
    assert run("build", "--root", str(site), "--no-search")[0] == 0
    before = {p: p.read_bytes() for p in (site / "public").rglob("*") if p.is_file()}
    (site / "content" / "broken.txt").write_text("---\ndate: yesterday\n---\nText\n", encoding="utf-8")
    code, _, err = run("build", "--root", str(site), "--no-search")
    assert code == 1
    assert "content/broken.txt:2: 'date' must be YYYY-MM-DD, YYYY-MM or YYYY, not 'yesterday'" in err
    after = {p: p.read_bytes() for p in (site / "public").rglob("*") if p.is_file()}
    assert after == before
    assert not [p for p in site.iterdir() if p.name.startswith(".public")], "staging folder left behind"


def test_broken_template_is_a_user_error_with_file_and_line(site):
    (site / "templates" / "list.html").write_text(
        "{% extends 'base.html' %}\n{% block main %}\n{{ nothere }}\n{% endblock %}\n", encoding="utf-8"
    )
    code, _, err = run("build", "--root", str(site), "--no-search")
    assert code == 1
    assert "list.html:3: 'nothere' is undefined (rendering /vi/bai-viet/" in err
    assert "Traceback" not in err


def test_refuses_to_replace_a_folder_it_did_not_write(site, tmp_path):
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "thesis.docx").write_text("years of work", encoding="utf-8")
    code, _, err = run("build", "--root", str(site), "--no-search", "--output", str(precious))
    assert code == 1 and "refusing to replace a folder diparchive did not write" in err
    assert (precious / "thesis.docx").read_text(encoding="utf-8") == "years of work"


@pytest.mark.parametrize("target", [".", "content", "content/en", "templates", "..", "../.."])
def test_refuses_output_over_the_sources(site, target):
    code, _, err = run("build", "--root", str(site), "--no-search", "--output", str(site / target))
    assert code == 1 and "output folder" in err
    assert (site / "content" / "000_aedb57b13cd0445d.txt").is_file()


def test_rebuild_replaces_its_own_output(site):
    assert run("build", "--root", str(site), "--no-search")[0] == 0
    stale = site / "public" / "vi" / "stale.html"
    stale.write_text("old", encoding="utf-8")
    assert run("build", "--root", str(site), "--no-search")[0] == 0
    assert not stale.exists()


def test_parse_json_lists_every_field(site, monkeypatch):
    monkeypatch.chdir(site)
    code, out, _ = run("parse", "--json", "content/001_72010875ac9022ad.txt", "content/004_6ad065bfd07066d8.txt")
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["path"] for r in records] == ["content/001_72010875ac9022ad.txt", "content/004_6ad065bfd07066d8.txt"]
    first = records[0]
    assert set(first) >= {
        "path",
        "lang",
        "title",
        "date",
        "date_precision",
        "date_source",
        "author",
        "outlet",
        "leaders",
        "events",
        "mentions",
        "body",
        "removed",
        "warnings",
    }
    assert (first["date"], first["date_precision"], first["date_source"]) == ("2024-09", "month", "dateline")
    assert first["leaders"] == ["bui-thanh-son", "to-lam", "joe-biden"]
    assert (first["events"], first["mentions"]) == (["unga-79", "summit-of-the-future"], ["party-congress-13"])
    assert {b["kind"] for b in first["body"]} == {"paragraph", "caption", "heading"}
    assert records[1]["date_source"] == "front-matter" and records[1]["outlet"] == "Báo Nhân Dân"


def test_parse_text_is_readable(site):
    code, out, _ = run("parse", "--root", str(site), str(site / "content" / "003_2961b6aa5de9d877.txt"))
    assert code == 0
    assert "title:    Việt Nam coi trọng hợp tác đa phương" in out
    assert "date:     2024-09-19 (day precision, source: dateline)" in out
    assert "byline: Hà Thu" in out


def test_parse_missing_file(site):
    code, _, err = run("parse", "--root", str(site), str(site / "content" / "nope.txt"))
    assert code == 1 and err == f"error: {site / 'content' / 'nope.txt'}: no such file\n"


def test_parse_content_star_reads_folders_but_not_the_registry(site, monkeypatch):
    monkeypatch.chdir(site)
    names = sorted(p.name for p in (site / "content").iterdir())
    code, out, err = run("parse", "--json", *[f"content/{n}" for n in names])
    assert code == 0, err
    paths = [json.loads(line)["path"] for line in out.splitlines()]
    assert len(paths) == 10 and "content/en/all-objectives-achieved-at-a-high-level.md" in paths
    assert not any("registry" in p for p in paths)


def test_check_suggests_registry_additions(site):
    (site / "content" / "new.txt").write_text(
        "Hội đàm Việt Nam - Singapore\n\n05/03/2024\n\nThứ trưởng Ngoại giao Nguyễn Văn Mới dự Hội nghị Hội đồng điều hành ReCAAP lần thứ 18 tại Singapore cùng đại diện nhiều nước.\n\nHai bên nhất trí tăng cường hợp tác về an ninh biển và chống cướp biển trong khu vực.\n",
        encoding="utf-8",
    )
    code, out, _ = run("check", "--root", str(as_scraped(site)))
    assert code == 0
    assert "content/new.txt:5: suggestion: person not in the registry: Thứ trưởng Ngoại giao Nguyễn Văn Mới" in out
    assert (
        "content/new.txt:5: suggestion: numbered meeting not in the registry: Hội nghị Hội đồng điều hành ReCAAP lần thứ 18"
        in out
    )
    assert (
        "content/002_d22a4b06eb00ea15.txt:1: date: publication date known only as the interval 2023-12-19/2024-01:"
        " settle it in front matter" in out
    )


def test_two_files_translating_the_same_article_are_reported(site):
    shutil.copy(
        site / "content" / "en" / "all-objectives-achieved-at-a-high-level.md", site / "content" / "en" / "copy.md"
    )
    code, _, err = run("build", "--root", str(site), "--no-search")
    assert code == 1
    assert (
        "content/en/copy.md: content/en/all-objectives-achieved-at-a-high-level.md and this file both translate "
        "content/001_72010875ac9022ad.txt into 'en' (key '001_72010875ac9022ad'); keep one"
    ) in err


_BANNER_SCRAPE = """Thời Sự Phương Nam Trực Tuyến
{lead}
Hai bên nhất trí tăng cường giao lưu nhân dân, mở rộng hợp tác giữa các địa phương có chung đường biên giới.
"""


def test_check_lists_doubtful_and_repeated_titles_with_their_lines(site):
    leads = (
        "Chiều 12/3, tại Trụ sở Chính phủ, Phó Thủ tướng tiếp Đoàn đại biểu hữu nghị của tỉnh bạn sang thăm và làm việc.",
        "Sáng 14/3, Bộ trưởng Bộ Ngoại giao chủ trì buổi gặp mặt các Đại sứ, Trưởng Cơ quan đại diện nhiệm kỳ mới.",
    )
    for name, lead in zip(("x1", "x2"), leads):
        own_slug = f"---\nslug: {name}\n---\n"  # the two titles are one: their URLs would clash
        (site / "content" / f"{name}.txt").write_text(own_slug + _BANNER_SCRAPE.format(lead=lead), encoding="utf-8")
    code, out, _ = run("check", "--root", str(as_scraped(site)))
    assert code == 0
    for name, other in (("x1", "x2"), ("x2", "x1")):
        assert f"content/{name}.txt:4: warning: the title may be a line of the site, not the headline (" in out
        assert "it shares no word with the lead" in out
        assert f"content/{name}.txt:4: title: the title is printed in content/{other}.txt too" in out
    assert "content/002_d22a4b06eb00ea15.txt:1: warning: no headline found: title supplied from the opening" in out
    assert "2 repeated title(s)" in out
    assert run("check", "--root", str(site), "--strict")[0] == 1


# --log-format github ------------------------------------------------------------------------


def test_github_log_format_annotates_the_line(site):
    scraped = as_scraped(site)
    code, _, err = run("build", "--root", str(scraped), "--no-search", "--log-format", "github")
    assert code == 0
    assert (
        "::warning file=content/002_d22a4b06eb00ea15.txt,line=1::no headline found: title supplied from the opening"
        in err
    )
    code, _, err = run("build", "--root", str(scraped), "--no-search", "--strict", "--log-format", "github")
    assert code == 1 and "::error::--strict%3A" not in err  # the message part escapes only %, CR and LF
    assert "::error::--strict: 4 warning(s) stop the build\n" in err
    assert re.search(r"::error file=content/004_6ad065bfd07066d8.txt,line=\d+::date inferred from the text", err)
    code, out, _ = run("check", "--root", str(scraped), "--log-format", "github")
    assert "::warning file=content/002_d22a4b06eb00ea15.txt,title=untranslated::no version in 'en'" in out
    (scraped / "content" / "bad.md").write_text("---\ndate: soon\n---\nA.\n", encoding="utf-8")
    code, _, err = run("parse", "--root", str(scraped), "--log-format", "github", str(scraped / "content" / "bad.md"))
    assert code == 1 and "::error file=content/bad.md,line=2::'date' must be YYYY-MM-DD, YYYY-MM or YYYY" in err


def test_text_log_format_is_file_line_level_message(site):
    code, _, err = run("build", "--root", str(as_scraped(site)), "--no-search")
    assert "content/002_d22a4b06eb00ea15.txt:1: warning: no headline found" in err
    assert "::" not in err


def test_github_messages_escape_newlines_and_properties():
    from pathlib import Path

    from diparchive.cli.log import problem_line
    from diparchive.errors import Problem

    line = problem_line(Problem(Path("a,b:c.md"), 3, "one\ntwo 100%"), "warning", "github", "title")
    assert line == "::warning file=a%2Cb%3Ac.md,line=3,title=title::one%0Atwo 100%25"


# settings, --base-url, closing hint ---------------------------------------------------------


def test_the_readme_lists_every_setting_as_declared():
    from conftest import PROJECT
    from diparchive.config import settings_reference

    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    start = "<!-- settings: generated by diparchive.config.settings_reference -->\n"
    listed = readme.split(start, 1)[1].split("<!-- /settings -->", 1)[0]
    assert listed == settings_reference()  # regenerate: replace the list by settings_reference()
    assert "- `base_url` (required): " in listed and "- `page_size` (default: `20`): " in listed


def test_an_unknown_setting_or_key_gets_did_you_mean(site):
    config = site / "site.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "page_sise: 10\n", encoding="utf-8")
    code, _, err = run("build", "--root", str(site), "--no-search")
    assert code == 1 and "unknown setting 'page_sise'; did you mean 'page_size'? (known: " in err
    config.write_text(config.read_text(encoding="utf-8").replace("page_sise: 10\n", ""), encoding="utf-8")
    (site / "content" / "t.md").write_text("---\ntitel: T\n---\nText.\n", encoding="utf-8")
    code, _, err = run("build", "--root", str(site), "--no-search")
    assert code == 1 and "content/t.md:2: unknown front matter key 'titel'; did you mean 'title'?" in err
    (site / "content" / "t.md").write_text("---\nzzz: T\n---\nText.\n", encoding="utf-8")
    code, _, err = run("build", "--root", str(site), "--no-search")
    assert "unknown front matter key 'zzz' (known: " in err  # nothing close: no guess


def test_base_url_overrides_site_yaml_for_a_preview(site):
    lock = (site / "urls.lock").read_bytes() if (site / "urls.lock").exists() else None
    code, out, err = run("build", "--root", str(site), "--no-search", "--base-url", "https://preview.example.net/pr-7")
    assert code == 0, err
    home = (site / "public" / "vi" / "index.html").read_text(encoding="utf-8")
    assert 'href="/pr-7/vi/bai-viet/' in home and 'href="https://preview.example.net/pr-7/vi/"' in home
    assert "https://archive.example.org" not in (site / "public" / "sitemap-vi.xml").read_text(encoding="utf-8")
    assert "diparchive serve, then open http://127.0.0.1:8000/pr-7/ (the site's links begin with /pr-7/)" in out
    assert "http.server" not in out  # a plain file server of public/ would answer 404
    assert ((site / "urls.lock").read_bytes() if (site / "urls.lock").exists() else None) == lock
    code, _, err = run("build", "--root", str(site), "--no-search", "--base-url", "ftp://x")
    assert code == 1 and "error: --base-url must be an absolute http(s) URL" in err


def test_a_build_that_did_nothing_repeats_the_warnings(site):
    scraped = as_scraped(site)
    first = run("build", "--root", str(scraped), "--no-search")
    again = run("build", "--root", str(scraped), "--no-search")
    assert "Nothing changed since the build in" in again[1] and "3 warning(s)" in again[1]
    warned = [line for line in first[2].splitlines() if ": warning: " in line]
    assert len(warned) == 3 and warned == [line for line in again[2].splitlines() if ": warning: " in line]


def test_parse_and_check_warn_of_a_scrape_with_no_paragraph(site):
    (site / "content" / "gallery.txt").write_text(
        "Ảnh: Toàn cảnh hội nghị tại Hà Nội. (Ảnh: TTXVN)\n\nẢnh: Bộ trưởng phát biểu tại hội nghị. (Ảnh: TTXVN)\n\n"
        "Ảnh: Các đại biểu chụp ảnh lưu niệm. (Ảnh: TTXVN)\n",
        encoding="utf-8",
    )
    message = "no paragraph: only captions, headings or lists were read (`diparchive parse content/gallery.txt`)"
    code, out, _ = run("parse", "--root", str(site), str(site / "content" / "gallery.txt"))
    assert code == 0 and f"warning:  line 1: {message}" in out
    code, out, _ = run("check", "--root", str(site))
    assert f"content/gallery.txt:1: warning: {message}" in out


# init ---------------------------------------------------------------------------------------


def test_init_writes_a_site_that_builds_with_strict(tmp_path):
    from diparchive.config import SETTINGS, load_config

    target = tmp_path / "new-archive"
    code, out, _ = run("init", str(target))
    assert code == 0 and f"A new archive in {target}" in out
    text = (target / "site.yaml").read_text(encoding="utf-8")
    for name in SETTINGS:  # every setting is there, given or commented at its default
        assert f"\n{name}:" in text or f"\n# {name}:" in text, name
    config = load_config(target)
    assert config.base_url == "https://archive.example.org/" and config.page_size == 20
    code, out, err = run("build", "--root", str(target), "--strict")
    assert code == 0, err
    assert "Built 2 articles" in out and "0 warning(s)" in out
    page = target / "public" / "en" / "articles" / "foreign-minister-bui-thanh-son-attends-the-summit-of-the-future"
    html = (page / "index.html").read_text(encoding="utf-8")
    assert 'href="/en/leaders/bui-thanh-son/"' in html and 'hreflang="vi"' in html
    code, out, _ = run("check", "--root", str(target), "--strict")
    assert code == 0 and "0 warning(s), 0 suggestion(s) for the registry, 0 missing translation(s)" in out


def test_init_never_writes_over_a_site(site):
    before = (site / "site.yaml").read_bytes()
    code, _, err = run("init", str(site))
    assert (
        code == 1 and f"error: {site / 'site.yaml'}: already exists: init writes only into a new or empty folder" in err
    )
    assert (site / "site.yaml").read_bytes() == before
