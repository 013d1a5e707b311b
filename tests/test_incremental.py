"""The build cache and the worker processes change how much work a build does, never its output."""

from __future__ import annotations

import shutil
from pathlib import Path

from diparchive.build import build
from diparchive.cache import CACHE_DIR

from conftest import copy_site


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def mtimes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def test_nothing_changed_means_nothing_done(site):
    first = build(site, search=False)
    assert not first.unchanged and first.rendered == first.pages
    before = mtimes(site / "public")
    again = build(site, search=False)
    assert again.unchanged and again.articles == first.articles and again.pages == first.pages
    assert again.findings == first.findings
    assert mtimes(site / "public") == before


def test_one_changed_article_rerenders_only_its_pages_and_matches_a_full_build(site, tmp_path):
    build(site, search=False)
    seed = site / "content" / "003_2961b6aa5de9d877.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("Hội nghị Thượng đỉnh Tương lai", "Hội nghị Thượng đỉnh Tương Lai", 1), encoding="utf-8")
    report = build(site, search=False)
    assert not report.unchanged
    assert 0 < report.rendered < report.pages / 2
    full = build(site, tmp_path / "full", search=False, use_cache=False)
    assert full.rendered == full.pages
    assert tree(site / "public") == tree(tmp_path / "full")


def test_a_template_change_rerenders_every_page_that_uses_it(site):
    build(site, search=False)
    base = site / "templates" / "base.html"
    base.write_text(base.read_text(encoding="utf-8").replace("</footer>", "<p>Bản thử.</p></footer>"), encoding="utf-8")
    report = build(site, search=False)
    assert report.rendered == report.pages
    assert "Bản thử." in (site / "public" / "vi" / "index.html").read_text(encoding="utf-8")


def test_a_registry_change_reparses_the_articles(site):
    """An outlet's name is read into the article's record when the scrape is parsed."""
    build(site, search=False)
    page = site / "public" / "vi" / "bai-viet" / "dat-duoc-o-muc-cao-tat-ca-cac-muc-tieu" / "index.html"
    assert "Báo Nhân Dân" in page.read_text(encoding="utf-8")
    outlets = site / "content" / "registry" / "outlets.yaml"
    outlets.write_text(outlets.read_text(encoding="utf-8").replace("NDO: {vi: Báo Nhân Dân,", "NDO: {vi: Nhân Dân điện tử,"), encoding="utf-8")
    build(site, search=False)
    assert "Nhân Dân điện tử" in page.read_text(encoding="utf-8")


def test_the_cache_can_be_deleted_at_any_time(site, tmp_path):
    build(site, search=False)
    (site / "content" / "new.md").write_text("---\ntitle: Bài mới\ndate: 2025-01-02\n---\nNội dung.\n", encoding="utf-8")
    shutil.rmtree(site / CACHE_DIR)
    report = build(site, search=False)
    assert report.rendered == report.pages
    build(site, tmp_path / "full", search=False, use_cache=False)
    assert tree(site / "public") == tree(tmp_path / "full")


def test_a_touched_output_is_rebuilt(site):
    build(site, search=False)
    (site / "public" / "vi" / "index.html").write_text("defaced", encoding="utf-8")
    report = build(site, search=False)
    assert not report.unchanged
    assert "defaced" not in (site / "public" / "vi" / "index.html").read_text(encoding="utf-8")


def test_workers_do_not_change_the_output(tmp_path):
    root = copy_site(tmp_path / "site")
    for n in range(80):  # enough files for the loader to use worker processes too
        (root / "content" / f"extra{n:02d}.md").write_text(f"---\ntitle: Bài số {n}\ndate: 2023-05-{n % 28 + 1:02d}\n---\nThủ tướng Phạm Minh Chính tiếp Đại sứ số {n}.\n", encoding="utf-8")
    build(root, tmp_path / "one", search=False, workers=1, use_cache=False)
    build(root, tmp_path / "three", search=False, workers=3, use_cache=False)
    assert tree(tmp_path / "one") == tree(tmp_path / "three")
