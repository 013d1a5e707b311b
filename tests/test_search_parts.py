"""The search index in parts (`search_part_pages`): every article in exactly one part, one date
order across parts, only changed parts indexed again, and the merged parts searched in Chromium
exactly as one index is."""

from __future__ import annotations

import filecmp
import gzip
import json
import sys
from pathlib import Path

import pytest

import diparchive.publish.search
from conftest import as_scraped, copy_site, serve
from diparchive.build.pipeline import build
from diparchive.plan.search_parts import AUTO_ONE_INDEX, AUTO_PART_PAGES, part_size, plan_parts
from diparchive.publish.search import read_index_file
from test_search_page import titles as search_titles

SEED_003_DAY = "Việt Nam coi trọng hợp tác đa phương"  # 19 September 2024, the newest
TRANSLATION = "content/en/minister-bui-thanh-son-on-the-trip-to-cuba-and-new-york.md"


def _parted_site(root: Path, part_pages: int = 2) -> Path:
    copy_site(root)
    config = (root / "site.yaml").read_text(encoding="utf-8") + f"search_part_pages: {part_pages}\n"
    (root / "site.yaml").write_text(config, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def parted(tmp_path_factory) -> Path:
    root = _parted_site(tmp_path_factory.mktemp("parted") / "site")
    build(root)
    return root / "public"


@pytest.fixture(scope="module")
def parted_scraped(tmp_path_factory) -> Path:
    """The sample as scraped, with a Vietnamese-only story, in parts."""
    root = as_scraped(_parted_site(tmp_path_factory.mktemp("parted_scraped") / "site"))
    build(root)
    return root / "public"


def _bundles(site: Path) -> list[Path]:
    return [site / "pagefind"] + sorted((site / "pagefind").glob("part-*"), key=lambda p: int(p.name.split("-")[1]))


def _meta(bundle: Path, lang: str) -> list:
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    return read_index_file(bundle / f"pagefind.{entry['languages'][lang]['hash']}.pf_meta")


def _url(bundle: Path, fragment: str) -> str:
    raw = gzip.decompress((bundle / "fragment" / f"{fragment}.pf_fragment").read_bytes())
    return json.loads(raw[len(b"pagefind_dcd") :])["url"]


def _date_order(site: Path, lang: str) -> list[str]:
    """Article URLs by the position Pagefind gives them when sorting by date, over all parts."""
    ranked = []
    for bundle in _bundles(site):
        if lang not in json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"]:
            continue
        meta = _meta(bundle, lang)
        ((name, order),) = meta[4]
        assert name == "date"
        ranked += [(position, _url(bundle, meta[1][i][0])) for position, i in enumerate(order) if i < len(meta[1])]
    positions = [p for p, _ in ranked]
    assert len(set(positions)) == len(positions), "two parts give the same position"
    return [url for _, url in sorted(ranked)]


def test_every_article_page_is_in_exactly_one_part(parted_scraped, scraped):
    parted, built = parted_scraped, scraped
    bundles = _bundles(parted)
    assert len(bundles) == 5  # 9 article pages, 2 per part
    urls = [_url(b, f.stem) for b in bundles for f in (b / "fragment").glob("*.pf_fragment")]
    single = [_url(built / "pagefind", f.stem) for f in (built / "pagefind" / "fragment").glob("*.pf_fragment")]
    assert len(urls) == len(set(urls)) == 9 and set(urls) == set(single)
    for lang, search_page in (("vi", "vi/tim-kiem/index.html"), ("en", "en/search/index.html")):
        holding = [
            b
            for b in bundles
            if lang in json.loads((b / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"]
        ]
        html = (parted / search_page).read_text(encoding="utf-8")
        options = json.loads(html.split('id="search-options">', 1)[1].split("</script>", 1)[0])
        listed = [options["bundlePath"]] + [m["bundlePath"] for m in options["mergeIndex"]]
        assert listed == ["/" + b.relative_to(parted).as_posix() + "/" for b in holding]
    assert len(holding) < len(bundles)  # a part with no English page is not searched from /en/


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_parts_share_one_date_order(parted, built, lang):
    assert _date_order(parted, lang) == _date_order(built, lang)


def test_only_the_changed_part_is_indexed_again_and_the_output_is_a_full_builds(tmp_path):
    root = _parted_site(tmp_path / "site")
    first = build(root)
    assert first.search.endswith("5 part(s) of the index, 5 indexed, 0 unchanged")
    path = root / TRANSLATION
    path.write_text(
        path.read_text(encoding="utf-8").replace("successfully concluded", "successfully concluded, as planned,", 1),
        encoding="utf-8",
    )
    again = build(root)
    assert again.search.endswith("5 part(s) of the index, 1 indexed, 4 unchanged")
    fresh = build(root, output=tmp_path / "fresh", use_cache=False)
    assert fresh.search.endswith("5 indexed, 0 unchanged")
    assert same(filecmp.dircmp(root / "public", tmp_path / "fresh"))


def same(c: filecmp.dircmp) -> bool:
    """Two folders hold the same files, byte for byte, all the way down."""
    _, mismatch, errors = filecmp.cmpfiles(c.left, c.right, c.common_files, shallow=False)
    return not (c.left_only or c.right_only or mismatch or errors) and all(same(s) for s in c.subdirs.values())


def test_auto_makes_one_index_up_to_its_limit_and_parts_above():
    def pages(n: int) -> list[tuple[str, str, str]]:
        return [(f"{i:06}", f"vi/bai-viet/{i}/index.html", "vi") for i in range(n)]

    assert part_size(None, AUTO_ONE_INDEX) == 0 and part_size(7, AUTO_ONE_INDEX) == 7
    assert len(plan_parts(pages(AUTO_ONE_INDEX), None)) == 1
    above = plan_parts(pages(AUTO_ONE_INDEX + 1), None)
    assert [len(part.files) for part in above] == [
        AUTO_PART_PAGES,
        AUTO_PART_PAGES,
        AUTO_ONE_INDEX + 1 - 2 * AUTO_PART_PAGES,
    ]
    assert [f for part in above for f in part.files] == [f for _, f, _ in pages(AUTO_ONE_INDEX + 1)]


def test_parts_are_indexed_side_by_side(tmp_path, monkeypatch):
    """Each Pagefind run waits (up to 30 s) until another has started: with two cores, a build
    that ran them one after another fails."""
    marks = tmp_path / "marks"
    marks.mkdir()
    wrapper = (
        "import os, sys, time, runpy;"
        f"marks = {str(marks)!r}; open(os.path.join(marks, str(os.getpid())), 'w').close();"
        "deadline = time.monotonic() + 30\n"
        "while len(os.listdir(marks)) < 2 and time.monotonic() < deadline: time.sleep(0.05)\n"
        "if len(os.listdir(marks)) < 2: sys.exit('ran alone')\n"
        "sys.argv = ['pagefind', *sys.argv[1:]]; runpy.run_module('pagefind', run_name='__main__')"
    )
    monkeypatch.setattr(diparchive.publish.search, "PAGEFIND", (sys.executable, "-c", wrapper))
    monkeypatch.setattr(diparchive.publish.search.os, "cpu_count", lambda: 2)
    root = _parted_site(tmp_path / "site", part_pages=5)
    report = build(root)
    assert report.search.endswith("2 part(s) of the index, 2 indexed, 0 unchanged")
    assert len(list(marks.iterdir())) == 2
    monkeypatch.undo()
    monkeypatch.setattr(diparchive.publish.search.os, "cpu_count", lambda: 1)
    build(root, output=tmp_path / "one-by-one", use_cache=False)
    assert same(filecmp.dircmp(root / "public" / "pagefind", tmp_path / "one-by-one" / "pagefind"))
    assert _date_order(root / "public", "vi") == _date_order(tmp_path / "one-by-one", "vi")


# Words every part holds. (A word missing from a part makes Pagefind fall back, in that part, to
# the longest indexed word it starts with, as one index does for a word it lacks altogether:
# parts then add weak matches. That is why parts are off until an archive needs them.)
@pytest.mark.browser
@pytest.mark.parametrize("query", ["Việt Nam", "ngoại giao"])
def test_merged_parts_find_what_one_index_finds(browser, parted, origin, query):
    server, parted_origin = serve(parted)
    try:
        context = browser.new_context()
        tab = context.new_page()
        one = search_titles(tab, f"{origin}/vi/tim-kiem/?q={query}")
        merged = search_titles(tab, f"{parted_origin}/vi/tim-kiem/?q={query}")
        assert len(one) >= 3 and sorted(merged) == sorted(one)
        newest = search_titles(tab, f"{parted_origin}/vi/tim-kiem/?q={query}&order=newest")
        assert newest == search_titles(tab, f"{origin}/vi/tim-kiem/?q={query}&order=newest")
        assert newest[0] == SEED_003_DAY
        context.close()
    finally:
        server.shutdown()
