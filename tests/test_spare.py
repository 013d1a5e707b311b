"""publish.spare: an update is written into the spare copy of the output, which takes its place;
every output is a full build's, folders included, and what is recorded of it is what is there."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest

from conftest import copy_site
from diparchive.build.cache import CACHE_DIR, SPARE, folder_digest
from diparchive.build.pipeline import build
from diparchive.publish.spare import BUSY


def files_and_folders(folder: Path) -> tuple[dict[str, bytes], set[str]]:
    paths = sorted(folder.rglob("*"))
    files = {p.relative_to(folder).as_posix(): p.read_bytes() for p in paths if p.is_file()}
    return files, {p.relative_to(folder).as_posix() for p in paths if p.is_dir()}


def inodes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_ino for p in folder.rglob("*") if p.is_file()}


def _write(root: Path, n: int, date: str, speaker: str = "Thủ tướng Phạm Minh Chính") -> None:
    (root / "content" / f"extra{n:02d}.md").write_text(
        f"---\ntitle: Bài số {n}\nslug: bai-so-{n}\ndate: {date}\n---\n{speaker} tiếp Đại sứ số {n} về hợp tác.\n",
        encoding="utf-8",
    )


def _archive(tmp_path: Path, extra: int = 40) -> Path:
    root = copy_site(tmp_path / "site")
    for n in range(extra):
        _write(root, n, f"20{20 + n % 4}-{n % 12 + 1:02d}-{n % 28 + 1:02d}")
    return root


def _recorded_state(root: Path) -> str:
    with (root / CACHE_DIR / "last.pickle").open("rb") as f:
        state: str = pickle.load(f).output_state
    return state


def _same_as_a_full_build(root: Path, full: Path, search: bool) -> None:
    if full.exists():
        shutil.rmtree(full)
    build(root, full, search=search, use_cache=False)
    assert files_and_folders(root / "public") == files_and_folders(full)


EDITS = [
    ("an edited body", lambda root: _write(root, 5, "2021-06-06", "Thủ tướng Phạm Minh Chính tiếp thêm")),
    ("an added article", lambda root: _write(root, 90, "2019-03-04")),  # a year the archive had not
    ("a re-dated article", lambda root: _write(root, 90, "2022-07-08")),
    ("a removed article", lambda root: (root / "content" / "extra90.md").unlink()),
    ("another removed article", lambda root: (root / "content" / "extra07.md").unlink()),
]


@pytest.mark.parametrize("search", [False, True])
def test_a_chain_of_updates_goes_through_the_spare(tmp_path, search):
    root = _archive(tmp_path)
    if search:
        with (root / "site.yaml").open("a", encoding="utf-8") as config:
            config.write("search_part_pages: 10\n")
    first = build(root, search=search)
    spare = root / CACHE_DIR / SPARE
    assert not spare.exists()  # the first build has no output to retire
    for what, edit in EDITS:
        before = inodes(root / "public")
        edit(root)
        report = build(root, search=search)
        after = inodes(root / "public")
        written = [f for f, inode in after.items() if before.get(f) != inode and not f.startswith("pagefind/")]
        assert len(written) < len(after) / 3, what  # the unchanged files are the old ones, not rewritten
        assert report.planned < first.pages / 2, what  # the output was trusted: an update
        assert spare.is_dir() and not (root / CACHE_DIR / (SPARE + BUSY)).exists(), what
        assert _recorded_state(root) == folder_digest(root / "public"), what  # looked at once, and right
        _same_as_a_full_build(root, tmp_path / "full", search)
    assert not [p for p in root.iterdir() if p.name.startswith(".") and p.name != CACHE_DIR]
    assert not (root / "public" / "vi" / "bai-viet" / "bai-so-7").exists()  # a removed page's folder goes


def test_a_spare_left_half_written_is_removed_and_the_next_build_is_whole(tmp_path):
    root = _archive(tmp_path)
    build(root, search=False)
    _write(root, 90, "2019-03-04")
    build(root, search=False)
    spare = root / CACHE_DIR / SPARE
    busy = root / CACHE_DIR / (SPARE + BUSY)
    spare.rename(busy)  # as a build killed while writing into it leaves it
    (busy / "vi" / "index.html").unlink()
    (busy / "vi" / "index.html").write_text("half written", encoding="utf-8")
    _write(root, 91, "2019-05-06")
    build(root, search=False)
    assert not busy.exists()
    _same_as_a_full_build(root, tmp_path / "full", search=False)


def test_a_spare_that_is_not_the_last_builds_is_not_used(tmp_path):
    root = _archive(tmp_path)
    build(root, search=False)
    _write(root, 90, "2019-03-04")
    build(root, search=False)
    spare = root / CACHE_DIR / SPARE
    (spare / "vi" / "index.html").unlink()
    (spare / "vi" / "index.html").write_text("another build", encoding="utf-8")
    marker = spare / ".diparchive-output"
    text = marker.read_text(encoding="utf-8")
    marker.unlink()
    marker.write_text(text.replace("inputs: ", "inputs: x"), encoding="utf-8")
    _write(root, 91, "2019-05-06")
    build(root, search=False)
    _same_as_a_full_build(root, tmp_path / "full", search=False)


def test_a_full_build_makes_the_output_it_retires_the_spare(tmp_path):
    root = _archive(tmp_path)
    build(root, search=False)
    _write(root, 90, "2019-03-04")
    build(root, search=False)
    (root / "public" / "vi" / "stray.html").write_text("by hand", encoding="utf-8")  # nothing is trusted now
    base = root / "templates" / "base.html"
    base.write_text(base.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    report = build(root, search=False)
    assert report.rendered == report.pages  # a full build
    spare = root / CACHE_DIR / SPARE
    assert files_and_folders(spare) == files_and_folders(root / "public")  # the stray file gone too
    folder = spare.stat().st_ino
    _write(root, 91, "2019-05-06")
    build(root, search=False)
    assert (root / "public").stat().st_ino == folder  # the spare, brought up to date, is the output now
    _same_as_a_full_build(root, tmp_path / "full", search=False)


def test_the_search_index_dropped_and_made_again_by_updates(tmp_path):
    root = _archive(tmp_path, extra=12)
    build(root, search=True)
    _write(root, 90, "2019-03-04")
    report = build(root, search=False)  # an update: the index goes, folders and all
    assert report.planned < report.pages / 2
    assert not (root / "public" / "pagefind").exists()
    _same_as_a_full_build(root, tmp_path / "full", search=False)
    _write(root, 91, "2019-05-06")
    report = build(root, search=True)  # an update: the index comes back whole
    assert report.planned < report.pages / 2
    _same_as_a_full_build(root, tmp_path / "full", search=True)


def test_links_put_in_the_output_by_hand_are_never_followed_nor_kept(tmp_path):
    """A full build removes what was put in the output by hand; a link to a folder outside it
    (in a page folder's place, or of a name of its own) is removed, not followed: the folder it
    leads to keeps its files, and no update brings the link back from the spare."""
    root = _archive(tmp_path, extra=4)
    build(root, search=False)
    outside = tmp_path / "outside"
    shutil.copytree(root / "public" / "vi" / "luu-tru", outside)
    (outside / "index.html").write_text("the user's own page", encoding="utf-8")
    (outside / "notes.txt").write_text("the user's notes", encoding="utf-8")
    before = files_and_folders(outside)
    shutil.rmtree(root / "public" / "vi" / "luu-tru")
    (root / "public" / "vi" / "luu-tru").symlink_to(outside, target_is_directory=True)
    (root / "public" / "elsewhere").symlink_to(outside, target_is_directory=True)
    build(root, search=False)  # a full build: the output is not as the last build left it
    assert files_and_folders(outside) == before
    spare = root / CACHE_DIR / SPARE
    assert not [p for p in spare.rglob("*") if p.is_symlink()]
    assert files_and_folders(spare) == files_and_folders(root / "public")
    _write(root, 90, "2019-03-04")
    build(root, search=False)  # an update, through the spare
    assert files_and_folders(outside) == before
    assert not [p for p in (root / "public").rglob("*") if p.is_symlink()]
    _same_as_a_full_build(root, tmp_path / "full", search=False)


@pytest.mark.parametrize("search", [False, True])
def test_updates_where_the_file_system_makes_no_hard_links_copy_instead(tmp_path, monkeypatch, search):
    def no_link(*args: object, **kwargs: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr("os.link", no_link)
    root = _archive(tmp_path, extra=6)
    build(root, search=search)
    updates = 0
    for _, edit in EDITS[:4]:
        edit(root)
        report = build(root, search=search)
        updates += report.rendered < report.pages  # copied files' times differ: some are full builds
        _same_as_a_full_build(root, tmp_path / "full", search=search)
    assert updates > 0
