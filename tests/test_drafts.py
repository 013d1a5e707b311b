"""Drafts and future dates: left out of every output (pages, feeds, sitemaps, search index,
redirects, urls.lock) unless the build is asked for them, as Hugo does."""

from __future__ import annotations

import datetime as dt
import gzip
import io
from pathlib import Path

import pytest

from diparchive.build.pipeline import BuildOptions, build
from diparchive.cli.main import main

TODAY = dt.date(2026, 12, 2)
DRAFT = "---\ntitle: Bản thảo bí mật\ndate: 2026-11-30\ndraft: true\n---\nNội dung chưa duyệt của bản thảo.\n"
FUTURE = "---\ntitle: Bài hẹn giờ tương lai\ndate: 2030-01-01\n---\nNội dung sẽ đăng sau.\n"


def _texts(output: Path) -> str:
    """Every file of the output as text: pages, feeds, sitemaps, citations, and the search
    index's fragments (gzipped JSON behind Pagefind's signature)."""
    parts = []
    for path in sorted(output.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if path.suffix == ".pf_fragment":
            data = gzip.decompress(data)
        parts.append(f"== {path.relative_to(output).as_posix()}\n" + data.decode("utf-8", "replace"))
    return "\n".join(parts)


@pytest.fixture
def editing(site: Path) -> Path:
    (site / "content" / "draft.md").write_text(DRAFT, encoding="utf-8")
    (site / "content" / "future.md").write_text(FUTURE, encoding="utf-8")
    return site


def test_drafts_and_future_articles_are_in_no_output(editing):
    lock = (editing / "urls.lock").read_text(encoding="utf-8") if (editing / "urls.lock").exists() else None
    report = build(editing, options=BuildOptions(today=TODAY))
    text = _texts(editing / "public")
    assert "pagefind/fragment/vi_" in text  # the index was made, and is among what is searched
    for word in ("Bản thảo bí mật", "ban-thao-bi-mat", "chưa duyệt", "Bài hẹn giờ", "bai-hen-gio", "/2030/"):
        assert word not in text, word
    assert report.drafts == 1 and report.articles == 10
    [future] = [w for w in report.findings.warnings if w.path == Path("content/future.md")]
    assert future.message == (
        "dated 2030-01-01, after today (2026-12-02): left out of the site until then (--future builds it)"
    )
    written = (editing / "urls.lock").read_text(encoding="utf-8")
    assert "ban-thao-bi-mat" not in written and "bai-hen-gio" not in written
    assert lock is None or written == lock


def test_drafts_and_future_articles_are_in_every_output_when_asked(editing):
    lock = editing / "urls.lock"
    before = lock.read_bytes() if lock.exists() else None
    out = editing / "preview"
    report = build(editing, out, options=BuildOptions(drafts=True, future=True, today=TODAY))
    assert report.drafts == 0 and report.articles == 12
    page = (out / "vi" / "bai-viet" / "ban-thao-bi-mat" / "index.html").read_text(encoding="utf-8")
    assert '<p class="draft-marker" role="note">Bản nháp: chưa xuất bản (dựng với --drafts)</p>' in page
    future = (out / "vi" / "bai-viet" / "bai-hen-gio-tuong-lai" / "index.html").read_text(encoding="utf-8")
    assert "draft-marker" not in future
    for name in ("sitemap-vi.xml", "vi/feed.xml"):
        held = (out / name).read_text(encoding="utf-8")
        assert "ban-thao-bi-mat" in held and "bai-hen-gio-tuong-lai" in held, name
    fragments = _texts(out / "pagefind")
    assert "chưa duyệt" in fragments and "sẽ đăng sau" in fragments
    assert (lock.read_bytes() if lock.exists() else None) == before  # a preview publishes no URL


def test_today_is_an_input_of_the_build(editing):
    build(editing, search=False, options=BuildOptions(today=dt.date(2029, 12, 31)))
    assert not (editing / "public" / "vi" / "bai-viet" / "bai-hen-gio-tuong-lai").exists()
    report = build(editing, search=False, options=BuildOptions(today=dt.date(2030, 1, 1)))
    assert (editing / "public" / "vi" / "bai-viet" / "bai-hen-gio-tuong-lai" / "index.html").is_file()
    assert not [w for w in report.findings.warnings if "after today" in w.message]


def test_build_flags_drafts_future_and_strict(editing):
    def run(*argv: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        return main(list(argv), out, err), out.getvalue(), err.getvalue()

    code, _, err = run("build", "--root", str(editing), "--no-search")
    assert code == 0 and "content/future.md: warning: dated 2030-01-01, after today" in err
    assert "note: 1 draft(s) left out (--drafts builds them)" in err
    code, _, err = run(
        "build", "--root", str(editing), "--no-search", "--drafts", "--future", "--output", str(editing / "p2")
    )
    assert code == 0 and "after today" not in err and "draft(s) left out" not in err
    assert (editing / "p2" / "vi" / "bai-viet" / "ban-thao-bi-mat" / "index.html").is_file()
    code, _, err = run("build", "--root", str(editing), "--no-search", "--strict")
    assert code == 1 and "content/future.md: dated 2030-01-01, after today" in err
    code, out, _ = run("check", "--root", str(editing))
    assert "content/draft.md: draft: left out of the site (remove `draft: true` to publish it)" in out
    assert "content/future.md: warning: dated 2030-01-01" in out
