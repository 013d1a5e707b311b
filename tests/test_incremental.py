"""The build cache and the worker processes change how much work a build does, never its output."""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import feedparser
import pytest

import diparchive.publish.search
from conftest import copy_site
from diparchive.build.cache import CACHE_DIR
from diparchive.build.pipeline import build
from diparchive.errors import DiparchiveError
from diparchive.publish.output import MARKER, MARKER_TEXT, UPDATING


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
    seed.write_text(
        seed.read_text(encoding="utf-8").replace("Hội nghị Thượng đỉnh Tương lai", "Hội nghị Thượng đỉnh Tương Lai", 1),
        encoding="utf-8",
    )
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


def test_compiled_templates_are_kept_and_follow_their_source(site, tmp_path):
    build(site, search=False)
    compiled = site / CACHE_DIR / "templates"
    assert sorted(compiled.glob("__jinja2_*.cache"))  # compiled once, for the next builds
    base = site / "templates" / "base.html"
    original = base.read_text(encoding="utf-8")
    base.write_text(original.replace("</footer>", "<p>Bản thử.</p></footer>"), encoding="utf-8")
    build(site, search=False)
    base.write_text(original, encoding="utf-8")  # back: its old compiled form is right again
    build(site, search=False)
    assert "Bản thử." not in (site / "public" / "vi" / "index.html").read_text(encoding="utf-8")
    build(site, tmp_path / "full", search=False, use_cache=False)
    assert tree(site / "public") == tree(tmp_path / "full")


def test_a_registry_change_reparses_the_articles(site):
    """An outlet's name is read into the article's record when the scrape is parsed."""
    build(site, search=False)
    page = site / "public" / "vi" / "bai-viet" / "dat-duoc-o-muc-cao-tat-ca-cac-muc-tieu" / "index.html"
    assert "Báo Nhân Dân" in page.read_text(encoding="utf-8")
    outlets = site / "content" / "registry" / "outlets.yaml"
    outlets.write_text(
        outlets.read_text(encoding="utf-8").replace("NDO: {vi: Báo Nhân Dân,", "NDO: {vi: Nhân Dân điện tử,"),
        encoding="utf-8",
    )
    build(site, search=False)
    assert "Nhân Dân điện tử" in page.read_text(encoding="utf-8")


def test_the_cache_can_be_deleted_at_any_time(site, tmp_path):
    build(site, search=False)
    (site / "content" / "new.md").write_text(
        "---\ntitle: Bài mới\ndate: 2025-01-02\n---\nNội dung.\n", encoding="utf-8"
    )
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
        (root / "content" / f"extra{n:02d}.md").write_text(
            f"---\ntitle: Bài số {n}\ndate: 2023-05-{n % 28 + 1:02d}\n---\nThủ tướng Phạm Minh Chính tiếp Đại sứ số {n}.\n",
            encoding="utf-8",
        )
    build(root, tmp_path / "one", search=False, workers=1, use_cache=False)
    build(root, tmp_path / "three", search=False, workers=3, use_cache=False)
    assert tree(tmp_path / "one") == tree(tmp_path / "three")


def _archive_of(tmp_path: Path, extra: int = 60) -> Path:
    root = copy_site(tmp_path / "site")
    for n in range(extra):
        (root / "content" / f"extra{n:02d}.md").write_text(
            f"---\ntitle: Bài số {n}\nslug: bai-so-{n}\ndate: 2023-{n % 12 + 1:02d}-{n % 28 + 1:02d}\n---\n"
            f"Thủ tướng Phạm Minh Chính tiếp Đại sứ số {n} tại Hà Nội về hợp tác.\n",
            encoding="utf-8",
        )
    return root


def test_an_edited_body_plans_only_the_pages_that_show_the_article(tmp_path):
    root = _archive_of(tmp_path)
    first = build(root, search=False)
    assert first.planned == first.pages
    article = root / "content" / "extra07.md"
    article.write_text(
        article.read_text(encoding="utf-8").replace("về hợp tác", "về hợp tác kinh tế"), encoding="utf-8"
    )
    report = build(root, search=False)
    assert 0 < report.rendered <= report.planned < first.pages / 4
    build(root, tmp_path / "full", search=False, use_cache=False)
    assert tree(root / "public") == tree(tmp_path / "full")


def test_an_update_renders_the_same_pages_for_any_number_of_workers(tmp_path):
    """Article pages' views are made, and judged unchanged or not, in the render workers: how
    many there are changes neither what an update renders nor what it writes."""
    made = {}
    for workers in (1, 3):
        root = _archive_of(tmp_path / str(workers))
        build(root, search=False, workers=workers)
        article = root / "content" / "extra07.md"
        article.write_text(
            article.read_text(encoding="utf-8").replace("về hợp tác", "về hợp tác kinh tế"), encoding="utf-8"
        )
        made[workers] = (build(root, search=False, workers=workers), tree(root / "public"))
    full = build(root, tmp_path / "full", search=False, use_cache=False)
    (one, one_tree), (three, three_tree) = made[1], made[3]
    assert 0 < one.rendered == three.rendered < one.pages / 4 and one.files == three.files == full.files
    assert one_tree == three_tree == tree(tmp_path / "full")


def test_an_edited_title_reaches_every_listing_and_feed_that_shows_it(tmp_path):
    root = _archive_of(tmp_path)
    build(root, search=False)
    article = root / "content" / "extra11.md"  # 12 December 2023: in the feeds
    article.write_text(
        article.read_text(encoding="utf-8").replace("title: Bài số 11", "title: Bài số bảy"), encoding="utf-8"
    )
    report = build(root, search=False)
    assert report.planned < report.pages / 2
    built = tree(root / "public")
    assert any("Bài số bảy".encode() in data for name, data in built.items() if name.endswith("feed.xml"))
    build(root, tmp_path / "full", search=False, use_cache=False)
    assert built == tree(tmp_path / "full")


SPEAKERS = ("Thủ tướng Phạm Minh Chính", "Bộ trưởng Bùi Thanh Sơn", "Chủ tịch nước Võ Văn Thưởng")


def _varied_archive(tmp_path: Path, extra: int = 90) -> Path:
    """The sample and `extra` articles spread over 2019–2023 and three leaders."""
    root = copy_site(tmp_path / "site")
    for n in range(extra):
        _write_extra(root, n, f"20{19 + n % 5}-{n % 12 + 1:02d}-{n % 28 + 1:02d}", SPEAKERS[n % 3])
    return root


def _write_extra(root: Path, n: int, date: str, speaker: str) -> Path:
    path = root / "content" / f"extra{n:02d}.md"
    path.write_text(
        f"---\ntitle: Bài số {n}\nslug: bai-so-{n}\ndate: {date}\n---\n"
        f"{speaker} tiếp Đại sứ số {n} tại Hà Nội về hợp tác.\n",
        encoding="utf-8",
    )
    return path


def _redate(root: Path) -> None:
    _write_extra(root, 7, "2020-02-03", SPEAKERS[7 % 3])  # from 2021-08-08: 2020/02 gains one, 2021/08 loses one


def _retag(root: Path) -> None:
    _write_extra(root, 7, "2021-08-08", SPEAKERS[0])


def _add(root: Path) -> None:
    _write_extra(root, 95, "2021-05-06", SPEAKERS[2])


def _remove(root: Path) -> None:
    (root / "content" / "extra07.md").unlink()


def _add_a_new_month(root: Path) -> None:
    _write_extra(root, 96, "2018-03-04", SPEAKERS[1])  # a year and a month the archive had not


@pytest.mark.parametrize("change", [_redate, _retag, _add, _remove, _add_a_new_month])
def test_adding_removing_redating_or_retagging_replans_only_what_it_touches(tmp_path, change):
    """The site's shape changes, but most pages (the other years' and months' listings, the
    other leaders' pages, articles far from the change) keep their basis: they are neither
    planned nor rendered again, and the output is a full build's, byte for byte."""
    root = _varied_archive(tmp_path)
    first = build(root, search=False)
    change(root)
    report = build(root, search=False)
    assert report.planned < report.pages / 2, (report.planned, report.pages)
    assert report.rendered <= report.planned
    build(root, tmp_path / "full", search=False, use_cache=False)
    assert tree(root / "public") == tree(tmp_path / "full")
    assert first.pages > 0


def test_a_redated_article_moves_between_months_and_a_new_month_appears(tmp_path):
    root = _varied_archive(tmp_path)
    build(root, search=False)
    archive = root / "public" / "vi" / "luu-tru"
    assert "Bài số 7<" in (archive / "2021" / "08" / "index.html").read_text(encoding="utf-8")
    _redate(root)
    _add_a_new_month(root)
    build(root, search=False)
    assert "Bài số 7<" not in (archive / "2021" / "08" / "index.html").read_text(encoding="utf-8")
    assert "Bài số 7<" in (archive / "2020" / "02" / "index.html").read_text(encoding="utf-8")
    assert "Bài số 96<" in (archive / "2018" / "03" / "index.html").read_text(encoding="utf-8")


def test_an_update_moves_only_the_new_files_into_the_output(tmp_path):
    root = _archive_of(tmp_path)
    build(root, search=False)
    public = root / "public"
    edited, other = public / "vi/bai-viet/bai-so-7/index.html", public / "vi/bai-viet/bai-so-30/index.html"
    before = {p: p.stat().st_ino for p in (edited, other)}
    article = root / "content" / "extra07.md"
    article.write_text(
        article.read_text(encoding="utf-8").replace("về hợp tác", "về hợp tác kinh tế"), encoding="utf-8"
    )
    build(root, search=False)
    assert other.stat().st_ino == before[other]  # left where it was, not rewritten or relinked
    assert edited.stat().st_ino != before[edited] and "hợp tác kinh tế" in edited.read_text(encoding="utf-8")
    assert not [p for p in root.iterdir() if p.name.startswith(".") and p.name != CACHE_DIR], "staging left behind"


def test_an_update_cut_short_is_followed_by_a_full_build(tmp_path):
    root = _archive_of(tmp_path)
    build(root, search=False)
    article = root / "content" / "extra07.md"
    article.write_text(
        article.read_text(encoding="utf-8").replace("về hợp tác", "về hợp tác kinh tế"), encoding="utf-8"
    )
    (root / "public" / MARKER).write_text(
        f"{MARKER_TEXT}inputs: {UPDATING}\n", encoding="utf-8"
    )  # as a killed update leaves it
    (root / "public" / "vi/bai-viet/bai-so-30/index.html").write_text("half written", encoding="utf-8")
    report = build(root, search=False)
    assert report.planned == report.rendered == report.pages
    build(root, tmp_path / "full", search=False, use_cache=False)
    assert tree(root / "public") == tree(tmp_path / "full")


def test_a_failed_update_leaves_the_output_as_it_was(tmp_path, monkeypatch):
    root = _archive_of(tmp_path, extra=12)
    (root / "site.yaml").write_text(
        (root / "site.yaml").read_text(encoding="utf-8") + "search_part_pages: 8\n", encoding="utf-8"
    )
    build(root)
    before = tree(root / "public")
    article = root / "content" / "extra07.md"
    article.write_text(
        article.read_text(encoding="utf-8").replace("về hợp tác", "về hợp tác kinh tế"), encoding="utf-8"
    )
    monkeypatch.setattr(diparchive.publish.search, "PAGEFIND", (sys.executable, "-c", "import sys; sys.exit(3)"))
    with pytest.raises(DiparchiveError, match="Pagefind failed"):
        build(root)
    assert tree(root / "public") == before
    assert not [p for p in root.iterdir() if p.name.startswith(".") and p.name != CACHE_DIR], "staging left behind"
    monkeypatch.undo()
    build(root)  # the failed build linked the output's files (their change time moved): nothing is trusted
    build(root, tmp_path / "full", use_cache=False)
    assert tree(root / "public") == tree(tmp_path / "full")


def test_a_change_rewrites_one_bucket_of_parsed_records(tmp_path):
    root = _archive_of(tmp_path)
    build(root, search=False)
    buckets = root / CACHE_DIR / "records"
    before = {p.name: p.read_bytes() for p in buckets.iterdir()}
    assert len(before) > 10
    article = root / "content" / "extra07.md"
    article.write_text(
        article.read_text(encoding="utf-8").replace("về hợp tác", "về hợp tác kinh tế"), encoding="utf-8"
    )
    build(root, search=False)
    after = {p.name: p.read_bytes() for p in buckets.iterdir()}
    assert sorted(after) == sorted(before)
    assert len([name for name in after if after[name] != before[name]]) == 1


def test_a_published_url_survives_a_title_edit_and_aliases_redirect(tmp_path):
    root = copy_site(tmp_path / "site")
    build(root, search=False)
    old = "vi/bai-viet/bo-truong-ngoai-giao-bui-thanh-son-nhin-lai-mot-nam-doi-ngoai-soi-dong/"
    assert (root / "public" / old / "index.html").is_file()
    assert old in json.loads((root / "urls.lock").read_text(encoding="utf-8"))["vi:002_d22a4b06eb00ea15"]

    def entry_ids() -> dict[str, str]:  # link → id in the Vietnamese feed
        parsed = feedparser.parse((root / "public" / "vi/feed.xml").read_bytes())
        return {e.link.removeprefix("https://archive.example.org/"): e.id for e in parsed.entries}

    before = entry_ids()[old]
    seed = root / "content" / "002_d22a4b06eb00ea15.txt"
    seed.write_text(
        seed.read_text(encoding="utf-8")
        .replace(
            "title: Bộ trưởng Ngoại giao Bùi Thanh Sơn nhìn lại một năm đối ngoại sôi động\n",
            "title: Hội nghị Ngoại giao lần thứ 32\naliases: [ban-nhap-cu]\n",
        )
        .replace("title_supplied: true\n", ""),
        encoding="utf-8",
    )
    build(root, search=False)
    new = "/vi/bai-viet/hoi-nghi-ngoai-giao-lan-thu-32/"
    assert "Hội nghị Ngoại giao lần thứ 32</h1>" in (root / "public" / new[1:] / "index.html").read_text(
        encoding="utf-8"
    )
    for former in (old, "vi/bai-viet/ban-nhap-cu/"):
        page = (root / "public" / former / "index.html").read_text(encoding="utf-8")
        assert f'<meta http-equiv="refresh" content="0; url={new}">' in page
        assert f'<link rel="canonical" href="https://archive.example.org{new}">' in page
    sitemap = (root / "public" / "sitemap-vi.xml").read_text(encoding="utf-8")
    assert new in sitemap and old not in sitemap
    assert entry_ids()[new[1:]] == before  # a feed reader sees the same entry, not a new one
    for name in ("cite.ris", "cite.bib"):  # a saved link to a citation file still downloads it, as it is now
        assert (root / "public" / old / name).read_bytes() == (root / "public" / new[1:] / name).read_bytes()
    built = tree(root / "public")
    build(root, tmp_path / "full", search=False, use_cache=False)
    assert built == tree(tmp_path / "full")
    # A second edit keeps every URL the article ever had.
    seed.write_text(
        seed.read_text(encoding="utf-8").replace("lần thứ 32\n", "lần thứ 32 năm 2023\n", 1), encoding="utf-8"
    )
    build(root, search=False)
    for former in (old, new[1:]):
        assert "url=/vi/bai-viet/hoi-nghi-ngoai-giao-lan-thu-32-nam-2023/" in (
            root / "public" / former / "index.html"
        ).read_text(encoding="utf-8")


def test_provenance_in_front_matter_reaches_the_citation(tmp_path):
    root = copy_site(tmp_path / "site")
    seed = root / "content" / "en" / "all-objectives-achieved-at-a-high-level.md"
    assert seed.is_file()
    text = seed.read_text(encoding="utf-8").replace(
        "---\n", "---\ntranslator: Lan Nguyen\nsource_url: https://example.vn/a-100%\nretrieved: 2024-10-03\n", 1
    )
    seed.write_text(text, encoding="utf-8")
    build(root, search=False)
    folder = root / "public" / "en" / "articles" / "all-objectives-achieved-at-a-high-level"
    page = (folder / "index.html").read_text(encoding="utf-8")
    original = "“Đạt được ở mức cao tất cả các mục tiêu” (https://archive.example.org/vi/bai-viet/dat-duoc-o-muc-cao-tat-ca-cac-muc-tieu/)"
    assert (
        f'<span lang="en">“All objectives achieved at a high level.” Translated by Lan Nguyen from {original}.' in page
    )
    assert "Retrieved 3\u00a0October\u00a02024." in page
    assert "https://example.vn/a-100%" in page
    ris = (folder / "cite.ris").read_bytes().decode("utf-8")
    assert "A4  - Lan Nguyen\r\n" in ris
    # the original's URL is where the text was published; the archive's copy and the day of access beside it
    copy = "https://archive.example.org/en/articles/all-objectives-achieved-at-a-high-level/"
    assert "UR  - https://example.vn/a-100%\r\n" in ris and f"L2  - {copy}\r\n" in ris and "Y2  - 2024/10/03\r\n" in ris
    assert f"N1  - Translated by Lan Nguyen from {original}. Copy held in Diplomatic News Archive: {copy}\r\n" in ris
    bib = (folder / "cite.bib").read_text(encoding="utf-8")
    assert (
        "translator = {{Lan Nguyen}}" in bib
        and "urldate = {2024-10-03}" in bib
        and "note = {Translated by Lan Nguyen from “Đạt được" in bib
    )


def test_a_published_url_is_never_handed_to_another_article(tmp_path):
    """An article retitled, then a new one with its former title: the old URL still leads to the
    first; the new one is at "-2". Two new articles with one title both build, the second at -2."""
    root = copy_site(tmp_path / "site")
    build(root, search=False)
    old = "vi/bai-viet/viet-nam-coi-trong-hop-tac-da-phuong/"
    seed = root / "content" / "003_2961b6aa5de9d877.txt"
    text = seed.read_text(encoding="utf-8")
    seed.write_text("---\ntitle: Việt Nam đặc biệt coi trọng hợp tác đa phương\n---\n" + text, encoding="utf-8")
    build(root, search=False)
    public = root / "public"
    assert _refresh(public / old / "index.html") == "/vi/bai-viet/viet-nam-dac-biet-coi-trong-hop-tac-da-phuong/"
    for name in ("moi-a", "moi-b"):
        (root / "content" / f"{name}.md").write_text(
            f"---\ntitle: Việt Nam coi trọng hợp tác đa phương\ndate: 2024-10-0{'12'[name == 'moi-b']}\n---\n"
            f"Bài {name} về hợp tác đa phương của Việt Nam.\n",
            encoding="utf-8",
        )
    build(root, search=False)
    assert _refresh(public / old / "index.html") == "/vi/bai-viet/viet-nam-dac-biet-coi-trong-hop-tac-da-phuong/"
    assert "Bài moi-a" in (public / "vi/bai-viet/viet-nam-coi-trong-hop-tac-da-phuong-2/index.html").read_text(
        encoding="utf-8"
    )
    assert "Bài moi-b" in (public / "vi/bai-viet/viet-nam-coi-trong-hop-tac-da-phuong-3/index.html").read_text(
        encoding="utf-8"
    )
    lock = json.loads((root / "urls.lock").read_text(encoding="utf-8"))
    assert lock["vi:moi-a"] == ["vi/bai-viet/viet-nam-coi-trong-hop-tac-da-phuong-2/"]
    assert old not in lock["vi:moi-a"] + lock["vi:moi-b"]
    built = tree(public)
    build(root, tmp_path / "full", search=False, use_cache=False)
    assert built == tree(tmp_path / "full")


def _refresh(page: Path) -> str:
    text = page.read_text(encoding="utf-8")
    return text.split('<meta http-equiv="refresh" content="0; url=', 1)[1].split('"', 1)[0]


def test_a_leaders_or_events_page_no_article_shows_any_more_redirects(tmp_path):
    """Locked like an article's: gone, it leads to the subject's page in the other language, else
    to the index of its section, as an incremental and a full build agree."""
    root = copy_site(tmp_path / "site")
    vi, en = root / "content" / "asean-note.md", root / "content" / "en" / "asean-note.md"
    vi_text = (
        "---\nkey: asean-note\nlang: vi\ntitle: Chủ tịch Quốc hội Vương Đình Huệ dự Hội nghị Cấp cao ASEAN lần thứ 43\n"
        "date: 2023-09-05\n---\nChủ tịch Quốc hội Vương Đình Huệ dự Hội nghị Cấp cao ASEAN lần thứ 43 tại Jakarta"
        " cùng lãnh đạo các nước thành viên, bàn về hợp tác khu vực.\n"
    )
    en_text = (
        "---\nkey: asean-note\nlang: en\ntitle: National Assembly Chairman Vuong Dinh Hue at the 43rd ASEAN Summit\n"
        "date: 2023-09-05\n---\nNational Assembly Chairman Vuong Dinh Hue attended the 43rd ASEAN Summit in Jakarta"
        " with the leaders of the member states to discuss regional cooperation.\n"
    )
    vi.write_text(vi_text, encoding="utf-8")
    en.write_text(en_text, encoding="utf-8")
    build(root, search=False)
    lock = json.loads((root / "urls.lock").read_text(encoding="utf-8"))
    assert lock["leader:vuong-dinh-hue"] == [
        "en/leaders/vuong-dinh-hue/",
        "en/leaders/vuong-dinh-hue/feed.xml",
        "vi/lanh-dao/vuong-dinh-hue/",
        "vi/lanh-dao/vuong-dinh-hue/feed.xml",
    ]
    assert lock["event:asean-summit-43"][::2] == ["en/events/asean-summit-43/", "vi/su-kien/asean-summit-43/"]
    # The Vietnamese version no longer names him: his Vietnamese page leads to his English one.
    vi.write_text(vi_text.replace("Chủ tịch Quốc hội Vương Đình Huệ", "Đoàn Việt Nam"), encoding="utf-8")
    build(root, search=False)
    public = root / "public"
    assert _refresh(public / "vi/lanh-dao/vuong-dinh-hue/index.html") == "/en/leaders/vuong-dinh-hue/"
    assert "<h1>" in (public / "en/leaders/vuong-dinh-hue/index.html").read_text(encoding="utf-8")
    # No article left: every page of his and of the summit leads to its own language's index.
    vi.unlink()
    en.unlink()
    build(root, search=False)
    assert _refresh(public / "vi/lanh-dao/vuong-dinh-hue/index.html") == "/vi/lanh-dao/"
    assert _refresh(public / "en/leaders/vuong-dinh-hue/index.html") == "/en/leaders/"
    assert _refresh(public / "vi/su-kien/asean-summit-43/index.html") == "/vi/su-kien/"
    assert _refresh(public / "en/events/asean-summit-43/index.html") == "/en/events/"
    assert _refresh(public / "en/event-series/asean-summit/index.html") == "/en/events/"
    assert "asean-summit-43" not in (public / "sitemap-en.xml").read_text(encoding="utf-8")
    # A gone feed stays a valid feed, with no entries, whose page link leads to the section.
    gone = feedparser.parse((public / "vi/lanh-dao/vuong-dinh-hue/feed.xml").read_bytes())
    assert not gone.bozo and gone.entries == []
    assert gone.feed.link == "https://archive.example.org/vi/lanh-dao/"
    built = tree(public)
    build(root, tmp_path / "full", search=False, use_cache=False)
    assert built == tree(tmp_path / "full")


def test_every_page_and_the_feed_of_a_gone_leader_lead_to_where_they_are_now(tmp_path):
    """A leader's listing of three pages, then of one: pages 2 and 3 lead to page 1; then no
    article: every page leads to the index and the feed stays a valid, empty feed; a full build
    makes the same files."""
    root = copy_site(tmp_path / "site")
    config = root / "site.yaml"
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"(?m)^page_size: .*$", "page_size: 2", text), encoding="utf-8")
    notes = []
    for day in range(1, 7):
        note = root / "content" / f"hue-{day}.md"
        note.write_text(
            f"---\nkey: hue-{day}\nlang: vi\ntitle: Chủ tịch Quốc hội Vương Đình Huệ tiếp đoàn số {day}\n"
            f"date: 2023-03-0{day}\n---\nChủ tịch Quốc hội Vương Đình Huệ tiếp đoàn đại biểu số {day}"
            " và trao đổi về hợp tác giữa hai cơ quan lập pháp.\n",
            encoding="utf-8",
        )
        notes.append(note)
    build(root, search=False)
    public = root / "public"
    leader = "vi/lanh-dao/vuong-dinh-hue/"
    lock = json.loads((root / "urls.lock").read_text(encoding="utf-8"))
    assert {leader, f"{leader}trang/2/", f"{leader}trang/3/", f"{leader}feed.xml"} <= set(lock["leader:vuong-dinh-hue"])
    assert "<h1>" in (public / leader / "trang/3/index.html").read_text(encoding="utf-8")
    for note in notes[2:]:
        note.unlink()
    build(root, search=False)
    assert "<h1>" in (public / leader / "index.html").read_text(encoding="utf-8")
    assert _refresh(public / leader / "trang/2/index.html") == f"/{leader}"
    assert _refresh(public / leader / "trang/3/index.html") == f"/{leader}"
    assert len(feedparser.parse((public / leader / "feed.xml").read_bytes()).entries) == 2
    for note in notes[:2]:
        note.unlink()
    build(root, search=False)
    for page in ("index.html", "trang/2/index.html", "trang/3/index.html"):
        assert _refresh(public / leader / page) == "/vi/lanh-dao/"
    gone = feedparser.parse((public / leader / "feed.xml").read_bytes())
    assert not gone.bozo and gone.entries == [] and gone.feed.link == "https://archive.example.org/vi/lanh-dao/"
    assert "vuong-dinh-hue" not in (public / "sitemap-vi.xml").read_text(encoding="utf-8")
    built = tree(public)
    build(root, tmp_path / "full", search=False, use_cache=False)
    assert built == tree(tmp_path / "full")
