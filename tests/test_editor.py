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
    assert text.startswith(f"---\ntitle: Thủ tướng tiếp Đại sứ Nhật Bản\ndate: {today}\nlang: vi\n")
    assert run("build", "--root", str(site), "--no-search")[0] == 0
    page = site / "public" / "vi" / "bai-viet" / "thu-tuong-tiep-dai-su-nhat-ban" / "index.html"
    assert "<h1" in page.read_text(encoding="utf-8") and "Viết nội dung bài ở đây" in page.read_text(encoding="utf-8")
    code, _, err = run("new", "--root", str(site), "Thủ tướng tiếp Đại sứ Nhật Bản")
    assert code == 1 and "already exists" in err


def test_new_translation_goes_to_content_en_and_pairs(site):
    code, out, _ = run(
        "new", "--root", str(site), "--lang", "en", "--key", "002_d22a4b06eb00ea15", "The 32nd Diplomatic Conference"
    )
    assert code == 0
    path = Path(out.strip())
    assert path.parent == site / "content" / "en"
    assert "key: 002_d22a4b06eb00ea15" in path.read_text(encoding="utf-8")
    code, check_out, _ = run("check", "--root", str(site))
    assert "untranslated" not in check_out  # the fifth seed now has its English version


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
    assert "content/repost.txt: duplicate: likely the same story as content/001_72010875ac9022ad.txt" in out
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
    # 145 HTML pages, each article's cite.ris and cite.bib (9 articles × 2) and the 7 open data
    # files, rendered as pages are
    assert re.search(r"Built 9 articles into 170 pages \(vi: 83, en: 79\) and \d+ files in .* in \d+\.\d s", out)
    assert "2 article(s) with an inferred date; 3 warning(s)" in out
    assert "\r" not in err  # not a terminal: plain lines only


def test_quiet_build_prints_only_the_summary(site):
    code, out, err = run("build", "--root", str(site), "--no-search", "--quiet")
    assert code == 0
    assert "load" not in err and "warning:" not in err
    assert out.startswith("Built 9 articles")


def test_progress_counts_reach_the_total(site):
    seen: list[tuple[str, int, int]] = []
    build(site, search=False, progress=lambda phase, done, total: seen.append((phase, done, total)))
    finished = [(p, d) for p, d, t in seen if d == t]
    assert [p for p, _ in finished] == ["load", "plan", "render", "write"]
    assert dict(finished)["load"] == 9


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


def test_preview_reloads_the_open_page_and_searches(preview, browser):
    site, url, _ = preview
    tab = browser.new_page()
    tab.goto(url + "vi/tim-kiem/?q=cuba")
    tab.locator(".pagefind-ui__result-link").first.wait_for(timeout=15000)
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
