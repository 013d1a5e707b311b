"""The whole pipeline, top to bottom: config → registry → records → plan → render → write → index.

What may be taken from the last build is asked of `incremental`, once per phase."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from ..config import SiteConfig, load_config, with_base_url
from ..plan.archive import make_archive
from ..plan.basis import article_shapes
from ..plan.i18n import load_catalogs
from ..plan.redirects import published
from ..plan.site import Plan, plan_site
from ..plan.urls import Urls
from ..publish.output import Written, check_output_dir, output_lock, write_site
from ..publish.render import make_environment, render_site
from ..publish.search import index_site
from ..publish.spare import sweep_spare
from ..read.recognizer import build_recognizer
from ..read.registry import load_registry
from ..workers import default_workers
from .cache import CACHE_DIR, SPARE, TEMPLATES, check_cache_dir
from .incremental import Incremental, IndexReuse
from .loading import article_files, load_with_cache, regular_files
from .report import BuildReport, Findings, Phases, PhaseTime, Progress, findings, silent, stop_if_strict
from .selection import PUBLISHED, BuildOptions, select
from .urllock import read_lock, write_lock

__all__ = ["BuildOptions", "BuildReport", "Findings", "PhaseTime", "Progress", "build", "findings"]


def build(
    root: Path,
    output: Path | None = None,
    search: bool = True,
    strict: bool = False,
    progress: Progress = silent,
    workers: int | None = None,
    use_cache: bool = True,
    options: BuildOptions = PUBLISHED,
) -> BuildReport:
    """Build the site into `output` (default: site.yaml's output_dir), `workers` processes (default: one per core)
    loading and rendering. The output is the same byte for byte with or without the cache, for any number of
    workers, for the same `options` (and the same day, which decides what is in the future)."""
    workers = workers if workers is not None else default_workers()
    config = load_config(root)
    if config.templates_dir.is_dir():
        regular_files(config.templates_dir, root, "templates")  # a symlink there is refused, never followed
    if options.base_url is not None:
        config = with_base_url(config, options.base_url)
    options = replace(options, today=options.today or dt.date.today())
    out = output if output is not None else config.output_dir
    check_output_dir(out, root, (config.content_dir, config.templates_dir))
    with output_lock(out):  # one build at a time writes `out`; a killed build's leftovers swept
        if use_cache:
            check_cache_dir(root)  # before the output is replaced, not after
            sweep_spare(root / CACHE_DIR / SPARE)  # one a killed update left half written
        return _build(root, config, out, search, strict, progress, workers, use_cache, options)


def _build(
    root: Path,
    config: SiteConfig,
    out: Path,
    search: bool,
    strict: bool,
    progress: Progress,
    workers: int,
    use_cache: bool,
    options: BuildOptions,
) -> BuildReport:
    assert options.today is not None
    reuse = Incremental(root, config, out, search, use_cache, options)
    if (last := reuse.nothing_changed()) is not None:
        stop_if_strict(strict, last.findings)
        return replace(last, output=out, phases=(), unchanged=True)
    phases = Phases(progress)

    registry = load_registry(config.registry_dir, root)
    paths = article_files(config.content_dir, root)
    recognizer, on_load = build_recognizer(registry), phases.advancing("load", len(paths))
    read = load_with_cache(paths, root, registry, recognizer, reuse.records(), on_load, workers, reuse.known)
    chosen = select(tuple(item for _, _, item in read), options.drafts, options.future, options.today)
    loaded = chosen.published
    lock = read_lock(root)
    archive = make_archive(tuple(item.article for item in loaded), lock)
    found = findings(loaded, archive, config.languages, config.default_language, chosen.warnings(options.today))
    stop_if_strict(strict, found)
    phases.done("load", len(paths))

    phases.begin()
    catalogs = load_catalogs(config.templates_dir, root)
    shapes = article_shapes(archive.articles)  # once: the site's shape and every listing's basis
    unplanned = reuse.unplanned(read, archive, shapes)
    plan = plan_site(config, registry, archive, catalogs, unplanned, lock, options.today, shapes)
    pages = reuse.pages(plan)
    phases.done("plan", len(plan.pages))

    # Rendering streams into the staged output: files are written as workers finish them (making
    # article pages' views as they go), and the search index is made in the staged output before
    # it is swapped in.
    phases.begin()
    to_render = len(plan.pages) - len(pages.unchanged)
    env = make_environment(config.templates_dir, catalogs, root / CACHE_DIR / TEMPLATES if use_cache else None)
    files = render_site(plan, config, env, phases.advancing("render", to_render), workers, pages.skipped, reuse)
    summary: list[str] = []

    def finish(staged: Path, base: Path | None, written: Written) -> tuple[str, ...]:
        # Rendering is over: the workers said which article pages the output holds as they are.
        phases.done("render", to_render - len(reuse.made_unchanged), less=written.seconds)  # writing overlaps
        skipped = len(pages.skipped) + len(reuse.made_unchanged)
        phases.add("write", written.files + skipped, written.seconds, written.files)
        if not search:
            return ()
        return _index(staged, base, out, plan, reuse.index(plan), len(archive.articles), phases, summary)

    static = config.templates_dir / "static"
    written = write_site(files, static, out, finish, reuse.digest, reuse.update(plan), reuse.spare)
    index = reuse.index(plan)  # article pages' indexed views are known once they are made
    rendered, skipped = to_render - len(reuse.made_unchanged), len(pages.skipped) + len(reuse.made_unchanged)
    report = BuildReport.of(
        out, config.languages, archive, plan, found, tuple(phases.times), summary, written.files + skipped, rendered
    )
    report = replace(report, drafts=len(chosen.drafts), base_path=config.base_path)
    reuse.save(report, read, plan, pages, index, written)
    if not options.preview:  # a draft's or a preview's URLs are not published ones
        write_lock(root, published(lock, archive, Urls(config.base_url, config.base_path), plan.subjects))
    return report


def _index(
    staged: Path,
    base: Path | None,
    out: Path,
    plan: Plan,
    index: IndexReuse,
    articles: int,
    phases: Phases,
    summary: list[str],
) -> tuple[str, ...]:
    """Pagefind over the staged output, part by part; parts `index` may reuse are taken as they
    are. With `base` (an update), the rest of the new site, bundles to reuse included, is there."""
    phases.begin()
    phases.progress("search", 0, articles)
    parts = index.parts if base is None else {key: base / path.relative_to(out) for key, path in index.parts.items()}
    line, made = index_site(staged, plan.index_parts, index.part_keys, parts, base)
    summary.append(line)
    phases.done("search", articles)
    return made
