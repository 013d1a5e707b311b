"""The Pagefind index of the built sample site, read back from its files."""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import tempfile
import unicodedata
from pathlib import Path

import pytest

from diparchive.plan.search_parts import IndexPart
from diparchive.publish import search
from diparchive.publish.search import read_index_file

SEED_000 = "Bộ trưởng Ngoại giao Bùi Thanh Sơn trả lời phỏng vấn về chuyến đi của Chủ tịch nước và Đoàn đại biểu cấp cao Việt Nam đến Cuba và New York"


def _meta(built: Path, lang: str) -> list:
    entry = json.loads((built / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    return read_index_file(built / "pagefind" / f"pagefind.{entry['languages'][lang]['hash']}.pf_meta")


def _filters(built: Path, lang: str) -> dict[str, dict[str, int]]:
    """filter name → value → number of pages."""
    found = {}
    for name, file_hash in _meta(built, lang)[3]:
        key, values = read_index_file(built / "pagefind" / "filter" / f"{file_hash}.pf_filter")
        assert key == name
        found[name] = {value: len(pages) for value, pages in values}
    return found


def _fragment(built: Path, name: str) -> dict:
    """Fragments are gzipped JSON behind the same signature as the CBOR files."""
    path = built / "pagefind" / "fragment" / f"{name}.pf_fragment"
    return json.loads(gzip.decompress(path.read_bytes())[len(b"pagefind_dcd") :])


def _fragments(built: Path, lang: str) -> dict[str, dict]:
    found = {}
    for path in (built / "pagefind" / "fragment").glob(f"{lang}_*.pf_fragment"):
        fragment = _fragment(built, path.stem)
        found[fragment["url"]] = fragment
    return found


def test_only_article_pages_are_indexed(built):
    indexed = {
        p.relative_to(built).as_posix()
        for p in built.rglob("*.html")
        if "data-pagefind-body" in p.read_text(encoding="utf-8")
    }
    assert indexed and all(p.startswith(("vi/bai-viet/", "en/articles/")) for p in indexed)
    assert not any(p.endswith(("bai-viet/index.html", "articles/index.html")) for p in indexed)
    urls = set(_fragments(built, "vi")) | set(_fragments(built, "en"))
    assert urls == {"/" + p.removesuffix("index.html") for p in indexed}


def test_filters_per_language_with_few_values(built):
    vi = _filters(built, "vi")
    assert set(vi) == {"Lãnh đạo", "Sự kiện", "Năm", "Cơ quan báo chí", "Loại văn bản", "Quốc gia"}
    assert vi["Năm"] == {"2021": 1, "2022": 1, "2023": 1, "2024": 2}
    assert vi["Lãnh đạo"]["Tô Lâm"] == 2 and vi["Lãnh đạo"]["Bùi Thanh Sơn"] == 4
    assert vi["Sự kiện"]["Khóa 76 Đại hội đồng Liên hợp quốc"] == 1
    assert vi["Cơ quan báo chí"] == {"Báo Nhân Dân": 1}
    assert vi["Loại văn bản"] == {"Phỏng vấn": 2, "Tin tức": 3}
    assert vi["Quốc gia"] == {"Cuba": 2, "Hoa Kỳ": 3}
    en = _filters(built, "en")
    assert set(en) == {"Leader", "Event", "Year", "Outlet", "Document type", "Country"}
    assert en["Country"] == {"Cuba": 2, "United States": 3}
    assert en["Document type"] == {"Interview": 2, "News report": 3}
    assert en["Year"] == {"2021": 1, "2022": 1, "2023": 1, "2024": 2}
    assert en["Event"]["76th UN General Assembly"] == 1


def test_every_article_has_a_date_sort_key_undated_last(built):
    for lang, count in (("vi", 5), ("en", 5)):
        meta = _meta(built, lang)
        ((name, order),) = meta[4]
        assert name == "date" and sorted(order) == list(range(count))
    meta = _meta(built, "vi")
    ((_, ascending),) = meta[4]
    urls = [_fragment(built, meta[1][i][0])["url"] for i in ascending]
    assert (
        urls[0] == "/vi/bai-viet/bo-truong-ngoai-giao-bui-thanh-son-tra-loi-phong-van-ve-chuyen-di-cua-chu-tich/"
    )  # the oldest (2021); seed 002 now sorts by its interval's start
    # September 2024 (month only) sorts before 19 September 2024
    assert urls[-2:] == [
        "/vi/bai-viet/dat-duoc-o-muc-cao-tat-ca-cac-muc-tieu/",
        "/vi/bai-viet/viet-nam-coi-trong-hop-tac-da-phuong/",
    ]


def test_results_carry_localized_date_outlet_and_leaders(built):
    fragments = _fragments(built, "vi")
    interview = next(f for f in fragments.values() if f["meta"]["title"] == SEED_000)
    assert interview["meta"]["Ngày đăng"] == "27\u00a0tháng\u00a09\u00a0năm\u00a02021"
    assert interview["meta"]["Lãnh đạo"].startswith("Bùi Thanh Sơn, ")
    nhan_dan = [f for f in fragments.values() if f["meta"].get("Cơ quan báo chí") == "Báo Nhân Dân"]
    assert len(nhan_dan) == 1
    english = _fragments(built, "en")
    assert {f["meta"]["Published"] for f in english.values()} >= {"27\u00a0September\u00a02021"}


def test_only_the_article_s_own_words_are_indexed(built):
    """No hidden copy of the words with đ spelt with d: the index holds "đai" (from "Đại", tone
    marks folded by Pagefind) and not "dai" unless an article has it; the search page tries both."""
    words = set()
    for chunk in (built / "pagefind" / "index").glob("vi_*.pf_index"):
        words |= {entry[0] for entry in read_index_file(chunk)[0]}
    assert {"đai", "đang", "đong", "đoan"} <= words
    own = set()
    for fragment in _fragments(built, "vi").values():
        text = unicodedata.normalize("NFD", fragment["content"].lower())
        bare = "".join(c for c in text if not unicodedata.combining(c))
        own |= set(re.findall(r"\w+", bare)) | set(re.findall(r"\w+", bare.replace("-", "")))  # "Díaz-Canel": both
    assert {w for w in words if w.startswith("d")} <= own  # "dai" only where an article has "dại"
    for path in (built / "vi" / "bai-viet").glob("*/index.html"):
        assert "<div hidden>" not in path.read_text(encoding="utf-8")
    interview = next(f for f in _fragments(built, "vi").values() if f["meta"]["title"] == SEED_000)
    assert "Đoàn đại biểu" in interview["content"]


def test_pages_are_nfc_even_from_decomposed_sources(site):
    """A title typed in decomposed form (NFD, as some Mac tools save it) and a decomposed
    interface string both reach the page, and so the index, composed."""
    import unicodedata

    from diparchive.build.pipeline import build

    article = "---\ntitle: Tô Lâm tiếp Đại sứ\ndate: 2024-10-01\n---\nTổng Bí thư Tô Lâm tiếp Đại sứ Cuba.\n"
    (site / "content" / "nfd.md").write_text(unicodedata.normalize("NFD", article), encoding="utf-8")
    catalog = site / "templates" / "i18n" / "vi.yaml"
    catalog.write_text(
        catalog.read_text(encoding="utf-8").replace(
            "nav_home: Trang chủ", unicodedata.normalize("NFD", "nav_home: Trang chủ")
        ),
        encoding="utf-8",
    )
    build(site, search=False)
    page = (site / "public" / "vi" / "bai-viet" / "to-lam-tiep-dai-su" / "index.html").read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", page)
    assert '<h1 data-pagefind-meta="title">Tô Lâm tiếp Đại sứ</h1>' in page and "Trang chủ" in page


def _listing_order_matters() -> Path | None:
    """A folder on a tmpfs, where a directory lists its entries newest first: Pagefind, which
    numbers pages in listing order, then sees the pages in the order they were linked."""
    shm = Path("/dev/shm")
    mounts = Path("/proc/mounts").read_text(encoding="utf-8") if Path("/proc/mounts").is_file() else ""
    if any(line.split()[1:3] == ["/dev/shm", "tmpfs"] for line in mounts.splitlines()) and os.access(shm, os.W_OK):
        return shm
    return None


def _bundle_bytes(bundle: Path) -> dict[str, bytes]:
    return {p.relative_to(bundle).as_posix(): p.read_bytes() for p in sorted(bundle.rglob("*")) if p.is_file()}


def test_index_bytes_do_not_depend_on_the_order_the_file_system_lists_pages(built, monkeypatch):
    """The same pages, met by Pagefind in opposite orders, give the same index bytes: pages are
    numbered by content, not by the file system's listing order (which differs between ext4 and
    tmpfs, and between machines)."""
    folder = _listing_order_matters()
    if folder is None:
        pytest.skip("needs a tmpfs at /dev/shm to make Pagefind meet the pages in a chosen order")
    pages = tuple(
        sorted(
            p.relative_to(built).as_posix()
            for p in built.rglob("index.html")
            if p.relative_to(built).as_posix().startswith(("vi/bai-viet/", "en/articles/"))
            and "data-pagefind-body" in p.read_text(encoding="utf-8")
        )
    )
    assert len(pages) >= 6

    def index(order: tuple[str, ...], stabilise: bool) -> dict[str, bytes]:
        with tempfile.TemporaryDirectory(dir=folder) as work:
            site = Path(work)
            for relative in pages:
                (site / relative).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(built / relative, site / relative)
            part = IndexPart(folder="pagefind/", files=order, languages=frozenset({"vi", "en"}))
            with monkeypatch.context() as patch:
                if not stabilise:
                    patch.setattr(search, "stabilise_index", lambda _folder: None)
                search.index_site(site, (part,))
            return _bundle_bytes(site / "pagefind")

    # the premise: Pagefind alone numbers the pages differently in the two orders
    assert index(pages, stabilise=False) != index(pages[::-1], stabilise=False)
    assert index(pages, stabilise=True) == index(pages[::-1], stabilise=True)
