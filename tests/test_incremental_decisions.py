"""build.incremental: what a build may take from the last one, asked phase by phase the way
build() asks (the end-to-end effect is in test_incremental.py)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from diparchive.build.incremental import Incremental, IndexReuse, PageReuse
from diparchive.build.loading import article_files, load_with_cache
from diparchive.build.pipeline import build
from diparchive.config import load_config
from diparchive.plan.archive import make_archive
from diparchive.plan.i18n import load_catalogs
from diparchive.plan.site import Plan, plan_site
from diparchive.plan.urls import output_file
from diparchive.publish.render import Verdict
from diparchive.read.recognizer import build_recognizer
from diparchive.read.registry import load_registry


@dataclass
class Decisions:
    reuse: Incremental
    unplanned: dict[str, tuple[frozenset[str], str]]
    plan: Plan
    pages: PageReuse
    made: dict[str, Verdict]  # article pages' views, judged where they are made (the render workers)
    index: IndexReuse


def decide(root: Path, search: bool = False, use_cache: bool = True) -> Decisions:
    """Every question build() asks of the incremental layer, without rendering or writing."""
    config = load_config(root)
    reuse = Incremental(root, config, config.output_dir, search, use_cache)
    registry = load_registry(config.registry_dir, root)
    read = load_with_cache(
        article_files(config.content_dir),
        root,
        registry,
        build_recognizer(registry),
        reuse.records(),
        None,
        1,
        reuse.known,
    )
    archive = make_archive(tuple(item.article for _, _, item in read))
    unplanned = reuse.unplanned(read, archive)
    plan = plan_site(config, registry, archive, load_catalogs(config.templates_dir, root), unplanned)
    pages = reuse.pages(plan)
    made = {}
    for p in plan.pages:
        if p.deferred is not None:
            made[output_file(p.path)] = verdict = reuse.judge(output_file(p.path), p.template, plan.view(p))
            reuse.note(output_file(p.path), verdict)
    return Decisions(reuse, unplanned, plan, pages, made, reuse.index(plan))


def edit_body(root: Path) -> str:
    """Change the text of one article (not its date, leaders or events); its key."""
    path = next(p for p in sorted((root / "content").glob("0*.txt")))
    text = path.read_text(encoding="utf-8")
    last = text.rstrip().rsplit("\n", 1)[1]
    path.write_text(text.replace(last, last + " Thêm một câu."), encoding="utf-8")
    return path.stem


def test_an_unchanged_site_is_not_built_again(site):
    first = build(site, search=False)
    last = decide(site).reuse.nothing_changed()
    assert last is not None and last == replace(first, phases=())


def test_an_edited_article_replans_only_the_pages_that_show_it(site):
    build(site, search=False)
    edit_body(site)
    d = decide(site)
    assert d.reuse.nothing_changed() is None
    (changed,) = d.reuse.changed
    planned = [p for p in d.plan.pages if p.planned]
    assert d.unplanned and all(changed not in shows for shows, _ in d.unplanned.values())
    for p in d.plan.pages:
        if p.shows is not None and changed in p.shows:
            assert p.planned, p.path  # shows the changed article: planned again
    assert len(planned) < len(d.plan.pages)
    # pages planned but with the same view (the index, search pages …) are not rendered again
    assert d.pages.unchanged and all(f.endswith(".html") or f.startswith("data/") for f in d.pages.unchanged)
    # article pages are judged where their view is made: the edited one is rendered again, its
    # citation files (which do not show its text) are not, and each has its view's digest
    own = next(p for p in d.plan.pages if p.template == "article.html" and p.deferred.article.key == changed)
    assert d.made[output_file(own.path)].render
    assert not d.made[output_file(own.path + "cite.ris")].render
    assert all(d.reuse.made_views.get(f) for f in d.made)
    assert d.reuse.made_unchanged == {f for f, verdict in d.made.items() if not verdict.render}
    # feeds that hold the changed article are rendered, the others kept; sitemaps follow the shape
    feeds_with = {f.path for f in d.plan.feeds if changed in {a.key for a in f.articles}}
    assert feeds_with and not feeds_with & d.pages.kept
    assert {"sitemap.xml", "robots.txt"} <= d.pages.kept
    # an update: only the new files are written, into a copy that takes the output's place; no file goes
    assert d.index.update is not None and d.index.update.retired == frozenset()


def test_a_changed_template_reuses_no_page(site):
    build(site, search=False)
    base = site / "templates" / "base.html"
    base.write_text(base.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    d = decide(site)
    assert d.unplanned == {} and d.pages.unchanged == frozenset() and d.pages.kept == frozenset()
    assert d.index.update is None  # a full output


def test_an_edited_output_lends_nothing(site):
    build(site, search=False)
    (site / "public" / "vi" / "index.html").write_text("edited by hand", encoding="utf-8")
    edit_body(site)
    d = decide(site)
    assert d.unplanned == {} and d.pages.unchanged == frozenset() and d.index.update is None


def test_without_the_cache_nothing_is_reused(site):
    build(site, search=False)
    d = decide(site, use_cache=False)
    assert d.reuse.nothing_changed() is None
    assert d.unplanned == {} and d.pages == PageReuse({}, frozenset(), frozenset())
    assert all(key is None for key in d.index.part_keys) and d.index.indexed == {}


def test_index_parts_follow_the_indexed_views(site):
    (site / "site.yaml").write_text(
        (site / "site.yaml").read_text(encoding="utf-8") + "search_part_pages: 3\n", encoding="utf-8"
    )
    d = decide(site, search=True)
    files = {f for part in d.plan.index_parts for f in part.files}
    assert set(d.index.indexed) == files  # every article page has a digest of its indexed view
    assert all(key is not None for key in d.index.part_keys) and len(set(d.index.part_keys)) == len(d.plan.index_parts)
    assert d.index.parts == {}  # nothing built yet: nothing to take
