"""The whole pipeline, top to bottom: config → registry → records → pages → files → index."""

from __future__ import annotations

import resource
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from ..config import CONFIG_FILE, load_config
from ..errors import DiparchiveError, Problem
from ..plan.archive import Archive, make_archive, missing_translations, translation_warnings
from ..plan.i18n import load_catalogs
from ..plan.site import plan_site, site_shape
from ..plan.search_parts import indexed_view
from ..plan.urls import output_file
from ..publish.output import Written, built_from, check_output_dir, write_site
from ..publish.render import make_environment, render_site, site_files
from ..publish.search import index_site, part_key
from ..read.loader import Loaded
from ..read.recognition import build_recognizer
from ..read.registry import load_registry
from ..records import DateSource
from ..workers import default_workers
from .cache import (
    BuildCache,
    LastBuild,
    Reuse,
    code_digest,
    folder_digest,
    inputs_digest,
    load_cache,
    load_last_build,
    reuse_from,
    save_cache,
    scan_inputs,
    stat_digest,
    tree_digest,
    view_digest,
)
from .loading import article_files, load_with_cache


@dataclass(frozen=True, slots=True)
class Findings:
    """What a build or `check` reports without stopping; `--strict` makes each one an error."""

    warnings: tuple[Problem, ...]  # inferred or missing dates, derived titles, heavy boilerplate, orphan translations
    suggestions: tuple[Problem, ...]  # people and numbered meetings the registry lacks
    untranslated: tuple[Problem, ...]  # articles with no version in the other language

    def all(self) -> tuple[Problem, ...]:
        return self.warnings + self.suggestions + self.untranslated


# progress(phase, done, total): called as a phase advances, and with done == total when it ends.
Progress = Callable[[str, int, int], None]


def _silent(phase: str, done: int, total: int) -> None:
    pass


@dataclass(frozen=True, slots=True)
class PhaseTime:
    name: str  # load, plan, render, write, search
    items: int  # files read, pages planned or rendered, files written, pages indexed
    seconds: float
    peak_mib: float  # peak resident memory of the build process so far (Pagefind not included)


@dataclass(frozen=True, slots=True)
class BuildReport:
    output: Path
    articles: int
    pages: int
    files: int
    pages_by_language: dict[str, int]
    inferred_dates: int
    findings: Findings
    phases: tuple[PhaseTime, ...]
    search: str | None  # Pagefind's summary, or None when the index was skipped
    rendered: int = 0  # pages rendered by this build (the others were unchanged)
    planned: int = 0  # pages whose view this build made (the others showed no changed article)
    unchanged: bool = False  # nothing changed since the build that wrote the output: nothing done


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def findings(loaded: tuple[Loaded, ...], archive: Archive, languages: tuple[str, ...], default_language: str) -> Findings:
    warnings = [Problem(item.article.path, None, w) for item in loaded for w in item.article.warnings]
    warnings += translation_warnings(archive, default_language)
    suggestions = [
        Problem(item.article.path, c.line, f"{'person' if c.kind == 'leader' else 'numbered meeting'} not in the registry: {c.text}")
        for item in loaded for c in item.candidates
    ]
    untranslated = [
        Problem(a.path, None, f"no version in '{lang}'")
        for lang, articles in missing_translations(archive, languages).items() for a in sorted(articles, key=lambda a: str(a.path))
    ]
    return Findings(tuple(warnings), tuple(suggestions), tuple(untranslated))


def _stop_if_strict(strict: bool, found: Findings) -> None:
    if strict and found.all():
        raise DiparchiveError(found.all(), heading=f"--strict: {len(found.all())} warning(s) stop the build")


def build(root: Path, output: Path | None = None, search: bool = True, strict: bool = False, progress: Progress = _silent,
          workers: int | None = None, use_cache: bool = True) -> BuildReport:
    """Build the site into `output` (default: output_dir of site.yaml). `workers` processes load
    and render (default: one per core). With the cache, files and pages that did not change are
    not parsed or rendered again, and an unchanged site is not rebuilt at all; the output is the
    same byte for byte either way, and for any number of workers."""
    workers = workers if workers is not None else default_workers()
    config = load_config(root)
    out = output if output is not None else config.output_dir
    sources = (config.content_dir, config.templates_dir)
    check_output_dir(out, root, sources)
    out_key = str(out.resolve())
    code = code_digest()
    began_ns = time.time_ns()
    scan = scan_inputs(sources)
    stats = stat_digest(root / CONFIG_FILE, scan, search, code)
    last = load_last_build(root) if use_cache else None
    seen = last.inputs if last is not None else {}
    if last is not None and last.stats == stats:  # every input as that build saw it
        digest, known = last.digest, {Path(p): d for p, (_, _, d) in seen.items()}
    else:  # a touched file may still be unchanged: compare contents (of the files touched)
        digest, known, seen = inputs_digest(root / CONFIG_FILE, scan, search, code, seen, last.started_ns - 2_000_000_000 if last else 0)
    if last is not None and last.digest == digest and last.output == out_key and built_from(out) == digest and folder_digest(out) == last.output_state:
        _stop_if_strict(strict, last.report.findings)
        return replace(last.report, output=out, phases=(), unchanged=True)
    cache = load_cache(root) if use_cache else BuildCache()
    phases: list[PhaseTime] = []

    def advancing(name: str, total: int) -> Callable[[int], None]:
        """Progress within a phase; only phase_done reports it complete."""
        return lambda done: progress(name, done, total) if done < total else None

    def phase_done(name: str, items: int, started: float, less: float = 0.0) -> None:
        progress(name, items, items)
        phases.append(PhaseTime(name, items, time.perf_counter() - started - less, _peak_mib()))

    started = time.perf_counter()
    registry = load_registry(config.registry_dir, root)
    recognizer = build_recognizer(registry)
    paths = article_files(config.content_dir)
    records_key = tree_digest(config.registry_dir, code)
    previous = cache.records if cache.records_key == records_key else {}
    read = load_with_cache(paths, root, registry, recognizer, previous, advancing("load", len(paths)), workers, known)
    loaded = tuple(item for _, _, item in read)
    archive = make_archive(tuple(item.article for item in loaded))
    found = findings(loaded, archive, config.languages, config.default_language)
    _stop_if_strict(strict, found)
    phase_done("load", len(paths), started)

    started = time.perf_counter()
    catalogs = load_catalogs(config.templates_dir, root)
    pages_key = tree_digest(config.templates_dir, code + (root / CONFIG_FILE).read_text(encoding="utf-8"))
    shape = site_shape(archive)
    changed = frozenset(item.article.key for relative, d, item in read if previous.get(relative, ("",))[0] != d)
    reuse = reuse_from(cache, last, out, pages_key, shape, changed) if use_cache else Reuse()
    plan = plan_site(config, registry, archive, catalogs, reuse.unplanned)
    views = {output_file(p.path): reuse.pages[output_file(p.path)] if p.context is None else view_digest(p.template, p.context)
             for p in plan.pages} if use_cache else {}
    unchanged = frozenset(f for f, d in views.items() if d is not None and reuse.pages.get(f) == d)
    # Feeds of unchanged articles, sitemaps and robots.txt follow the shape: taken from the output.
    kept = frozenset([feed.path for feed in plan.feeds if not {a.key for a in feed.articles} & changed]
                     + list(site_files(config.languages))) if reuse.incremental else frozenset()
    phase_done("plan", len(plan.pages), started)

    # Rendering streams into the staged output: files are written as workers finish them.
    started = time.perf_counter()
    to_render = len(plan.pages) - len(unchanged)
    files = render_site(plan, config, make_environment(config.templates_dir, catalogs), advancing("render", to_render), workers, unchanged | kept)
    summary: list[str] = []

    def rendering_done(written: Written) -> None:
        """Rendering and writing overlap; the time spent writing is reported as its own phase."""
        phase_done("render", to_render, started, less=written.seconds)
        phases.append(PhaseTime("write", written.files + len(unchanged | kept), written.seconds, _peak_mib()))
        progress("write", written.files, written.files)

    # Parts of the search index whose pages are unchanged are taken from the previous output.
    indexed_views = {
        output_file(p.path): cache.indexed.get(output_file(p.path)) if p.context is None else view_digest(p.template, indexed_view(p.context))
        for p in plan.pages if p.template == "article.html"
    } if use_cache and search else {}
    indexed_views = {f: d for f, d in indexed_views.items() if d is not None}
    part_keys = tuple(part_key(part, indexed_views, pages_key) if use_cache else None for part in plan.index_parts)
    # Only pages showing a changed article were made: stage just the new files and move them into
    # the output (unless the search index is to be dropped, which a full output does).
    update = reuse.incremental and (search or not reuse.parts)

    def index(staged: Path, written: Written) -> tuple[str, ...]:
        rendering_done(written)
        begun = time.perf_counter()
        progress("search", 0, len(archive.articles))
        line, made = index_site(staged, plan.index_parts, part_keys, reuse.parts, out if update else None)
        summary.append(line)
        phase_done("search", len(archive.articles), begun)
        return made

    def no_index(staged: Path, written: Written) -> tuple[str, ...]:
        rendering_done(written)
        return ()

    written = write_site(files, config.templates_dir / "static", out, index if search else no_index, digest, unchanged | kept, update)
    by_language = {lang: sum(1 for p in plan.pages if p.lang == lang) for lang in config.languages}
    inferred = sum(1 for a in archive.articles if a.date and a.date.source is DateSource.INFERRED)
    report = BuildReport(out, len(archive.articles), len(plan.pages), written.files + len(unchanged | kept), by_language, inferred, found,
                         tuple(phases), summary[0] if summary else None, rendered=len(plan.pages) - len(unchanged),
                         planned=sum(1 for p in plan.pages if p.context is not None))
    if use_cache:
        parts = {key: part.folder for key, part in zip(part_keys, plan.index_parts) if key is not None} if search else {}
        save_cache(root, BuildCache(records_key, {key: (d, item) for key, d, item in read}, pages_key, out_key,
                                    {f: d for f, d in views.items() if d is not None}, parts, shape,
                                    {p.path: p.shows for p in plan.pages if p.shows is not None}, indexed_views),
                   LastBuild(digest, stats, out_key, folder_digest(out), replace(report, phases=()), seen, began_ns), cache)
    return report
