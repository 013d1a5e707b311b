"""Editors' commands: new, check, build output, and the live preview (serve)."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from diparchive.build.pipeline import build
from diparchive.cli.main import main
from diparchive.cli.serve import serve


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


# new ----------------------------------------------------------------------------------------


def test_new_scaffolds_an_article_that_builds(site):
    code, out, _ = run("new", "--root", str(site), "Thủ tướng tiếp Đại sứ Nhật Bản")
    assert code == 0
    path = Path(out.strip())
    today = dt.date.today().isoformat()
    assert path == site / "content" / f"{today}-thu-tuong-tiep-dai-su-nhat-ban.md"
    text = path.read_text(encoding="utf-8")
    assert text.startswith(f"---\ntitle: Thủ tướng tiếp Đại sứ Nhật Bản\ndate: {today}\nlang: vi\ndraft: true\n")
    page = site / "public" / "vi" / "bai-viet" / "thu-tuong-tiep-dai-su-nhat-ban" / "index.html"
    code, _, err = run("build", "--root", str(site), "--no-search")
    assert code == 0 and not page.exists() and "1 draft(s) left out" in err  # a draft until the line goes
    assert run("build", "--root", str(site), "--no-search", "--drafts")[0] == 0
    html = page.read_text(encoding="utf-8")
    assert "<h1" in html and "Viết nội dung bài ở đây" in html and 'class="draft-marker"' in html
    code, out, _ = run("check", "--root", str(site))
    assert f"content/{today}-thu-tuong-tiep-dai-su-nhat-ban.md: draft: left out of the site" in out
    assert "the text `diparchive new` wrote is still there" in out
    path.write_text(text.replace("draft: true\n", ""), encoding="utf-8")  # published, but never written
    code, out, _ = run("check", "--root", str(site), "--strict")
    assert code == 1
    assert f"{today}-thu-tuong-tiep-dai-su-nhat-ban.md: warning: the text `diparchive new` wrote is still there" in out
    code, _, err = run("new", "--root", str(site), "Thủ tướng tiếp Đại sứ Nhật Bản")
    assert code == 1 and "already exists" in err


def test_new_translation_takes_the_originals_date_outlet_and_leaders(site):
    (site / "content" / "en" / "carry-on-the-pioneering-role-of-external-affairs.md").unlink()
    code, out, _ = run("new", "--root", str(site), "--lang", "en", "--key", "004_6ad065bfd07066d8", "The pioneers")
    assert code == 0
    path = Path(out.strip())
    assert path == site / "content" / "en" / "2022-01-22-the-pioneers.md"  # filed by the original's date
    text = path.read_text(encoding="utf-8")
    assert text.startswith(
        "---\ntitle: The pioneers\ndate: 2022-01-22\nlang: en\ndraft: true\nkey: 004_6ad065bfd07066d8\n"
        "outlet: Báo Nhân Dân\nleaders:\n- pham-minh-chinh\n"
    )
    assert "# key:" not in text and "# outlet:" not in text and "# leaders:" not in text  # no leftover hints
    path.write_text(text.replace("draft: true\n", ""), encoding="utf-8")
    code, check_out, _ = run("check", "--root", str(site))
    assert "004_6ad065bfd07066d8.txt: untranslated" not in check_out and "dated" not in check_out


def test_new_translation_refuses_an_unknown_or_translated_key(site):
    code, _, err = run("new", "--root", str(site), "--lang", "en", "--key", "nope", "X")
    assert code == 1 and "error: no article has the key 'nope'" in err
    code, _, err = run("new", "--root", str(site), "--lang", "en", "--key", "004_6ad065bfd07066d8", "X")
    assert code == 1
    assert (
        "error: content/en/carry-on-the-pioneering-role-of-external-affairs.md: already the 'en' version of "
        "'004_6ad065bfd07066d8': nothing was written" in err
    )
    code, _, err = run("new", "--root", str(site), "--key", "004_6ad065bfd07066d8", "X")  # its own language
    assert code == 1 and "already the 'vi' version" in err
    assert not list((site / "content").glob("*-x.md")) and not list((site / "content" / "en").glob("*-x.md"))


def test_a_translation_dated_apart_from_its_original_is_reported(site):
    english = site / "content" / "en" / "carry-on-the-pioneering-role-of-external-affairs.md"
    english.write_text(english.read_text(encoding="utf-8").replace("2022-01-22", "2026-12-01"), encoding="utf-8")
    message = (
        "content/en/carry-on-the-pioneering-role-of-external-affairs.md: warning: dated 2026-12-01, but "
        "content/004_6ad065bfd07066d8.txt, of which it is the 'en' version, is dated 2022-01-22: give both the same "
        "date in front matter"
    )
    assert message in run("check", "--root", str(site))[1]
    code, _, err = run("build", "--root", str(site), "--no-search", "--strict")
    assert code == 1 and "dated 2026-12-01, but content/004_6ad065bfd07066d8.txt" in err


# check --------------------------------------------------------------------------------------


def test_check_finds_likely_duplicates_and_broken_links(site):
    seed = (site / "content" / "001_72010875ac9022ad.txt").read_text(encoding="utf-8")
    (site / "content" / "repost.txt").write_text(
        seed.replace("Đạt được ở mức cao tất cả các mục tiêu", "Hoàn thành các mục tiêu đề ra", 1), encoding="utf-8"
    )
    (site / "content" / "links.md").write_text(
        "---\ntitle: Liên kết\ndate: 2024-09-20\n---\n"
        "Xem [Tô Lâm](/vi/lanh-dao/to-lam/), [trang thiếu](/vi/lanh-dao/khong-co/), [nguồn tin](https://archive.example.org/vi/feed.xml) "
        "và [nơi khác](https://example.com/x).\n",
        encoding="utf-8",
    )
    code, out, _ = run("check", "--root", str(site))
    assert code == 0
    assert re.search(
        r"content/repost.txt:\d+: duplicate: likely the same story as content/001_72010875ac9022ad.txt", out
    )
    assert "content/links.md:5: broken link: link to /vi/lanh-dao/khong-co/: the site has no such page" in out
    assert out.count("broken link:") == 1
    assert "1 likely duplicate(s), 1 broken link(s)" in out
    assert run("check", "--root", str(site), "--strict")[0] == 1


def test_check_does_not_build(site):
    assert run("check", "--root", str(site))[0] == 0
    assert not (site / "public").exists()


def test_check_reports_content_errors_with_exit_1(site):
    (site / "content" / "bad.md").write_text("---\ndate: soon\n---\nA.\n", encoding="utf-8")
    code, _, err = run("check", "--root", str(site))
    assert code == 1 and "content/bad.md:2:" in err


# build output -------------------------------------------------------------------------------


def test_build_prints_phases_and_a_summary(site):
    code, out, err = run("build", "--root", str(site), "--no-search")
    assert code == 0
    phases = [line.split()[0] for line in err.splitlines() if re.match(r"  \w+ +[\d,]+ done$", line)]
    assert phases == ["load", "plan", "render", "write"]
    assert re.search(r"Phases: load \d+\.\d s, plan \d+\.\d s, render \d+\.\d s, write \d+\.\d s", err)
    # HTML pages and each article's cite.ris and cite.bib (10 articles × 2), rendered as pages are
    summary = re.search(
        r"Built 10 articles into (\d+) pages \(vi: (\d+), en: (\d+), site-wide: (\d+)\) and \d+ files in .* in \d+\.\d s",
        out,
    )
    assert summary is not None, out
    total, *parts = (int(n) for n in summary.groups())
    # The figures add up: the site-wide pages are the root page, the data files and their schemas (countries.json and its schema among them).
    assert (total, parts) == (125, [58, 57, 10]) and sum(parts) == total
    assert "0 article(s) with an inferred date; 0 warning(s)\n" in out
    assert "\r" not in err  # not a terminal: plain lines only


def test_quiet_build_prints_only_the_summary(site):
    code, out, err = run("build", "--root", str(site), "--no-search", "--quiet")
    assert code == 0
    assert "load" not in err and "warning:" not in err
    assert out.startswith("Built 10 articles")


def test_progress_counts_reach_the_total(site):
    seen: list[tuple[str, int, int]] = []
    build(site, search=False, progress=lambda phase, done, total: seen.append((phase, done, total)))
    finished = [(p, d) for p, d, t in seen if d == t]
    assert [p for p, _ in finished] == ["load", "plan", "render", "write"]
    assert dict(finished)["load"] == 10


# serve --------------------------------------------------------------------------------------


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def _wait_for(condition, seconds: float = 20.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError("timed out")


@pytest.fixture
def preview(site):
    """`serve` on a free port in a thread; yields (site, base URL)."""
    log = io.StringIO()
    stop = threading.Event()
    watched = [site / "content", site / "templates", site / "site.yaml"]
    thread = threading.Thread(
        target=serve, args=(site, 0, lambda: build(site), watched, site / "public", "/", log, stop), daemon=True
    )
    thread.start()
    url = _wait_for(lambda: re.search(r"http://127\.0\.0\.1:\d+/", log.getvalue()))
    yield site, url.group(0), log
    stop.set()
    thread.join(timeout=10)


def test_serve_rebuilds_on_change_and_tells_pages(preview):
    site, url, log = preview
    status, page = _get(url + "vi/")
    assert status == 200 and '<script src="/__diparchive/reload.js"></script></body>' in page
    assert (
        not (site / "public" / "vi" / "index.html").read_text(encoding="utf-8").count("__diparchive")
    )  # built files untouched
    version = json.loads(_get(url + "__diparchive/status")[1])["version"]
    (site / "content" / "fresh.md").write_text(
        "---\ntitle: Bài mới toanh\ndate: 2025-01-02\n---\nNội dung bài mới.\n", encoding="utf-8"
    )
    _wait_for(lambda: json.loads(_get(url + "__diparchive/status")[1])["version"] > version)
    assert "Bài mới toanh" in _get(url + "vi/")[1]
    (site / "content" / "broken.md").write_text("---\ndate: soon\n---\nA.\n", encoding="utf-8")
    error = _wait_for(lambda: json.loads(_get(url + "__diparchive/status")[1])["error"])
    assert "content/broken.md:2: 'date' must be" in error
    assert "Bài mới toanh" in _get(url + "vi/")[1]  # the last good build is still served
    assert _get(url + "vi/khong-co/")[0] == 404
    assert _get(url + "vi")[0] == 200  # redirected to vi/


def test_serve_reports_a_yaml_fault_at_its_line(preview):
    """The overlay names the line to fix: a registry entry with a stray bracket on line 4 of 9."""
    site, url, _ = preview
    outlets = site / "content" / "registry" / "outlets.yaml"
    lines = outlets.read_text(encoding="utf-8").splitlines(keepends=True)
    assert len(lines) > 6 and lines[3].rstrip().endswith("}")
    lines[3] = lines[3].rstrip() + "}\n"
    outlets.write_text("".join(lines), encoding="utf-8")
    error = _wait_for(lambda: json.loads(_get(url + "__diparchive/status")[1])["error"])
    assert "content/registry/outlets.yaml:4: invalid YAML" in error


def test_preview_reloads_the_open_page_and_searches(preview, browser):
    site, url, _ = preview
    tab = browser.new_page()
    tab.goto(url + "vi/tim-kiem/?q=cuba")
    tab.locator(".result-link").first.wait_for(timeout=15000)
    tab.goto(url + "vi/")
    tab.wait_for_timeout(1000)  # the reload script has seen the current build
    (site / "content" / "live.md").write_text(
        "---\ntitle: Xem trước trực tiếp\ndate: 2025-02-03\n---\nNội dung.\n", encoding="utf-8"
    )
    tab.get_by_text("Xem trước trực tiếp").first.wait_for(timeout=20000)
    (site / "content" / "live.md").write_text("---\ndate: soon\n---\nA.\n", encoding="utf-8")
    alert = tab.get_by_role("alert")
    alert.wait_for(timeout=20000)
    assert "content/live.md:2:" in alert.inner_text()
    tab.close()


def test_serve_refuses_a_busy_port(site):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        code, _, err = run("serve", "--root", str(site), "--no-search", "--port", str(port))
    assert code == 1 and f"cannot serve on 127.0.0.1:{port}" in err and "choose another --port" in err


def test_serve_binds_where_asked_builds_apart_and_prints_warnings(site):
    """`diparchive serve` as an editor runs it: its own output folder (never public/), the
    address given by --bind, each rebuild's warnings, drafts shown and marked."""
    import os
    import subprocess
    import sys

    from conftest import as_scraped

    as_scraped(site)
    (site / "content" / "nhap.md").write_text(
        "---\ntitle: Bản nháp thử\ndate: 2024-01-05\ndraft: true\n---\nNội dung nháp.\n", encoding="utf-8"
    )
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parent.parent / "src"))
    argv = [sys.executable, "-m", "diparchive", "serve", "--root", str(site), "--port", "0", "--no-search"]
    process = subprocess.Popen(
        [*argv, "--bind", "127.0.0.2"], stderr=subprocess.PIPE, text=True, env=env, encoding="utf-8"
    )
    try:
        lines = []
        assert process.stderr is not None
        while not any(line.startswith("Serving") for line in lines):
            line = process.stderr.readline()
            assert line, "serve stopped: " + "".join(lines)
            lines.append(line)
        log = "".join(lines)
        url = re.search(r"http://127\.0\.0\.2:\d+/", log)
        assert url, log
        assert "content/002_d22a4b06eb00ea15.txt:1: warning: no headline found" in log
        assert re.search(r"built 10 articles, \d+ pages, 3 warning\(s\) in", log)
        assert f"Serving {site / '.diparchive-cache' / 'serve'} at" in log
        status, page = _get(url.group(0) + "vi/bai-viet/ban-nhap-thu/")
        assert status == 200 and "Bản nháp: chưa xuất bản" in page
        assert not (site / "public").exists()  # the folder you publish is left alone
    finally:
        process.terminate()
        process.wait(timeout=20)
        assert process.stderr is not None
        process.stderr.close()


def test_the_watcher_ignores_editors_temporary_files(tmp_path):
    from watchfiles import Change

    from diparchive.cli.serve import EditorFilter

    keep = EditorFilter()
    for name in (".a.md.swp", ".a.md.swx", "a.md~", ".#a.md", "sedAb12Cd", "4913", "#a.md#"):
        assert not keep(Change.added, str(tmp_path / name)), name
    for name in ("a.md", "sed-notes.md", "4913.txt", "site.yaml"):
        assert keep(Change.modified, str(tmp_path / name)), name


def test_serve_open_opens_the_browser_at_the_site(site, monkeypatch):
    import webbrowser

    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url: opened.append(url) or True)
    log, stop = io.StringIO(), threading.Event()
    watched = [site / "content"]
    args = (site, 0, lambda: build(site, search=False), watched, site / "public", "/", log, stop)
    thread = threading.Thread(target=serve, args=args, kwargs={"open_browser": True}, daemon=True)
    thread.start()
    url = _wait_for(lambda: re.search(r"http://127\.0\.0\.1:\d+/", log.getvalue()))
    stop.set()
    thread.join(timeout=10)
    assert opened == [url.group(0)]


@pytest.mark.browser
def test_the_preview_shows_the_warning_count_in_a_corner(site, browser):
    log, stop = io.StringIO(), threading.Event()

    def rebuild() -> int:
        return len(build(site, search=False).findings.warnings) + 2  # as serve's own rebuild tells it

    args = (site, 0, rebuild, [site / "content"], site / "public", "/", log, stop)
    thread = threading.Thread(target=serve, args=args, daemon=True)
    thread.start()
    url = _wait_for(lambda: re.search(r"http://127\.0\.0\.1:\d+/", log.getvalue()))
    try:
        assert json.loads(_get(url.group(0) + "__diparchive/status")[1])["warnings"] == 2
        tab = browser.new_page()
        tab.goto(url.group(0) + "vi/")
        badge = tab.get_by_role("status").filter(has_text="diparchive:")
        badge.wait_for(timeout=10000)
        assert badge.inner_text() == "diparchive: 2 warning(s), listed where serve runs"
        assert tab.get_by_role("alert").count() == 0  # no error box: the build went well
        tab.close()
    finally:
        stop.set()
        thread.join(timeout=10)
