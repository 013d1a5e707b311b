"""plan_site as a pure function: a few records made here in, page views out. Each page says which
articles it shows; pages named unchanged are not planned again; the indexed view is the part of
the article view that article.html puts inside data-pagefind-body."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from conftest import PROJECT
from diparchive.config import config_from_yaml
from diparchive.plan.archive import make_archive
from diparchive.plan.i18n import load_catalogs
from diparchive.plan.search_parts import indexed_view
from diparchive.plan.site import Page, Plan, plan_site, site_shape
from diparchive.read.registry import load_registry
from diparchive.records import Article, Block, BlockKind, PubDate
from diparchive.yamlsource import parse_yaml


def article(
    key: str,
    lang: str = "vi",
    date: PubDate | None = None,
    leaders: tuple[str, ...] = (),
    events: tuple[str, ...] = (),
    text: str = "Nội dung.",
) -> Article:
    body = (Block(BlockKind.PARAGRAPH, text, text, 1),)
    return Article(
        Path(f"content/{key}.{lang}.md"),
        key,
        lang,
        f"Tin {key} {lang}",
        f"tin-{key}",
        date,
        None,
        None,
        body,
        (),
        leaders,
        events,
        (),  # mentions
        (),  # warnings
    )


@pytest.fixture(scope="module")
def inputs():
    text = "title: {vi: Lưu trữ, en: Archive}\nbase_url: https://example.org/\npage_size: 2\nfeed_size: 2\n"
    config = config_from_yaml(parse_yaml(text, Path("site.yaml")), Path("/site"), Path("site.yaml"))
    registry = load_registry(PROJECT / "content" / "registry", PROJECT)
    return config, registry, load_catalogs(PROJECT / "templates", PROJECT)


def plan(inputs, articles, unchanged=None) -> Plan:
    config, registry, catalogs = inputs
    return plan_site(config, registry, make_archive(tuple(articles)), catalogs, unchanged)


def page(planned: Plan, path: str) -> Page:
    return next(p for p in planned.pages if p.path == path)


ARTICLES = [
    article("a", date=PubDate(2024, 1, 5), leaders=("to-lam",)),
    article("b", date=PubDate(2024, 2, 5), leaders=("to-lam",), events=("unga-79",)),
    article("c", date=PubDate(2024, 3, 5), events=("unga-79",)),
    article("d", date=PubDate(2024, 4, 5), leaders=("to-lam",)),
    article("e"),  # undated
    article("a", lang="en", date=PubDate(2024, 1, 5), leaders=("to-lam",)),
]


def test_a_listing_page_shows_the_articles_of_its_chunk(inputs):
    planned = plan(inputs, ARTICLES)
    first, second, third = (page(planned, p) for p in ("vi/bai-viet/", "vi/bai-viet/trang/2/", "vi/bai-viet/trang/3/"))
    assert [c["title"] for c in first.context["items"]] == ["Tin d vi", "Tin c vi"]  # newest first, two a page
    assert first.shows == {"d", "c"} and second.shows == {"b", "a"} and third.shows == {"e"}
    assert second.context["pages_nav"]["prev"] == "/vi/bai-viet/" and second.alternates["en"] == "en/articles/page/2/"
    leader = page(planned, "vi/lanh-dao/to-lam/")
    assert leader.shows == {"d", "b"} and page(planned, "vi/lanh-dao/to-lam/trang/2/").shows == {"a"}


def test_an_article_page_shows_itself_its_neighbours_and_related_articles(inputs):
    planned = plan(inputs, ARTICLES)
    b = page(planned, "vi/bai-viet/tin-b/")
    view = planned.view(b)
    assert view["prev"]["title"] == "Tin a vi" and view["next"]["title"] == "Tin c vi"
    assert [c["title"] for c in view["related"]] == [
        "Tin c vi",
        "Tin a vi",
        "Tin d vi",
    ]  # an event counts twice a leader
    assert b.shows == {"a", "b", "c", "d"}
    assert page(planned, "vi/bai-viet/tin-e/").shows == {"e"}  # undated: no neighbours, nothing related


def test_article_pages_hold_what_their_view_is_made_of_not_the_view(inputs):
    """The plan holds no article page's view: each is made where the page is rendered, from the
    records it names (its citation files' too)."""
    planned = plan(inputs, ARTICLES)
    made = [p for p in planned.pages if p.deferred is not None]
    assert {p.template for p in made} == {"article.html", "cite.ris", "cite.bib"}
    assert len(made) == 3 * len(ARTICLES) and all(p.context is None and p.planned for p in made)
    assert all(p.template != "article.html" and p.context is not None for p in planned.pages if p.deferred is None)
    b = page(planned, "vi/bai-viet/tin-b/")
    assert b.deferred is not None and b.deferred.article.key == "b" and b.deferred.older.key == "a"
    assert [a.key for a in b.deferred.related] == ["c", "a", "d"]
    ris = planned.view(page(planned, "vi/bai-viet/tin-b/cite.ris"))
    assert set(ris) == {"text"} and "Tin b vi" in ris["text"]
    assert planned.view(b)["citation_meta"] and planned.view(b) == planned.view(b)  # made the same each time


def test_the_indexed_view_is_the_article_view_and_the_translation(inputs):
    planned = plan(inputs, ARTICLES)
    a = planned.view(page(planned, "vi/bai-viet/tin-a/"))
    assert indexed_view(a) is a["indexed"] and set(a["indexed"]) == {"article", "translation"}
    assert a["indexed"]["article"] is a["article"]
    assert a["indexed"]["translation"]["href"] == "/en/articles/tin-a/"
    assert planned.view(page(planned, "vi/bai-viet/tin-b/"))["indexed"]["translation"] is None
    # what only surrounds the article (related, neighbours, the frame) is outside the indexed view
    changed = plan(inputs, [*ARTICLES, article("f", date=PubDate(2024, 1, 6), leaders=("to-lam",))])
    a2 = changed.view(page(changed, "vi/bai-viet/tin-a/"))
    assert a2["next"] != a["next"] and a2["indexed"] == a["indexed"]


def test_pages_named_reusable_with_their_basis_are_not_planned_again(inputs):
    full = plan(inputs, ARTICLES)
    bases = {p.path: p.basis for p in full.pages if p.shows is not None}
    reusable = {
        "vi/bai-viet/tin-a/": (frozenset({"a", "b"}), bases["vi/bai-viet/tin-a/"]),
        "vi/bai-viet/trang/2/": (frozenset({"b", "a"}), bases["vi/bai-viet/trang/2/"]),
        "vi/bai-viet/tin-b/": (frozenset({"b"}), "another basis"),  # what it depends on changed
    }
    planned = plan(inputs, ARTICLES, reusable)
    for path in ("vi/bai-viet/tin-a/", "vi/bai-viet/trang/2/"):
        assert not page(planned, path).planned and page(planned, path).shows == reusable[path][0]
        assert planned.view(page(planned, path)) is None
    assert page(planned, "vi/bai-viet/tin-b/").planned
    # the two pages, and the unchanged article's RIS and BibTeX files, which follow it
    assert sorted(p.path for p in planned.pages if not p.planned) == sorted(
        ["vi/bai-viet/tin-a/", "vi/bai-viet/trang/2/", "vi/bai-viet/tin-a/cite.bib", "vi/bai-viet/tin-a/cite.ris"]
    )
    assert [(p.path, p.basis) for p in planned.pages] == [(p.path, p.basis) for p in full.pages]  # the same pages


def test_a_page_basis_follows_what_it_reads(inputs):
    """An article's basis changes with its neighbours, not with an article far from it; a
    leader's listing with that leader's articles, not another leader's."""
    before = {p.path: p.basis for p in plan(inputs, ARTICLES).pages}
    later = [replace(a, title=a.title + " (sửa)") if a.key == "d" else a for a in ARTICLES]
    after = {p.path: p.basis for p in plan(inputs, later).pages}
    assert before == after  # a changed title is in the record, not in any basis
    redated = [replace(a, date=PubDate(2023, 12, 5)) if a.key == "d" else a for a in ARTICLES]
    moved = {p.path: p.basis for p in plan(inputs, redated).pages}
    assert moved["vi/su-kien/unga-79/"] == before["vi/su-kien/unga-79/"]  # d is not about it
    assert moved["vi/luu-tru/2024/"] != before["vi/luu-tru/2024/"]
    assert "vi/luu-tru/2024/04/" not in moved and "vi/luu-tru/2023/12/" in moved


def test_feeds_hold_dated_articles_of_their_language(inputs):
    planned = plan(inputs, ARTICLES)
    feeds = {f.path: [a.key for a in f.articles] for f in planned.feeds}
    assert feeds["vi/feed.xml"] == ["d", "c"]  # feed_size 2, newest first
    assert feeds["en/feed.xml"] == ["a"]
    assert feeds["vi/su-kien/unga-79/feed.xml"] == ["c", "b"]
    assert "en/events/unga-79/feed.xml" not in feeds  # no English article names it


def test_the_site_shape_follows_what_decides_pages_not_the_text():
    shape = site_shape(make_archive(tuple(ARTICLES)))
    reworded = [article("a", date=PubDate(2024, 1, 5), leaders=("to-lam",), text="Khác."), *ARTICLES[1:]]
    assert site_shape(make_archive(tuple(reworded))) == shape
    redated = [article("a", date=PubDate(2024, 1, 6), leaders=("to-lam",)), *ARTICLES[1:]]
    assert site_shape(make_archive(tuple(redated))) != shape


def test_every_page_of_both_languages_has_a_frame(inputs):
    planned = plan(inputs, ARTICLES)
    assert len({p.path for p in planned.pages}) == len(planned.pages)
    for p in planned.pages:
        if p.template.startswith("cite.") or p.template == "data.txt":  # downloads (RIS, BibTeX, data): no frame
            continue
        view = planned.view(p)
        assert view is not None
        if p.template == "404.html":  # not a page of the site: no canonical URL
            assert view["page"]["canonical"] is None
            continue
        assert view["page"]["canonical"].startswith("https://example.org/")


def test_the_undated_page_exists_only_in_a_language_with_an_undated_article(inputs):
    assert any(a.date is None for a in ARTICLES)  # "e", listed in both languages (English: "Vietnamese only")
    pages = [p for p in plan(inputs, ARTICLES).pages if p.path.startswith(UNDATED)]
    assert sorted(p.lang for p in pages) == ["en", "vi"]
    assert all(set(p.alternates) == {"en", "vi"} for p in pages)
    assert not [p for p in plan(inputs, [a for a in ARTICLES if a.date]).pages if p.path.startswith(UNDATED)]


UNDATED = ("vi/luu-tru/khong-ro-ngay/", "en/archive/undated/")
