"""The whole pipeline, top to bottom: config → registry → records → pages → files → index."""

from __future__ import annotations

import resource
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .archive import Archive, make_archive, missing_translations, translation_warnings
from .config import load_config
from .errors import DiparchiveError, Problem
from .i18n import load_catalogs
from .loader import Loaded, article_files, load_articles
from .output import check_output_dir, write_site
from .pages import plan_site
from .parallel import default_workers
from .recognition import build_recognizer
from .records import DateSource
from .registry import load_registry
from .render import make_environment, render_site
from .search import index_site


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


def build(root: Path, output: Path | None = None, search: bool = True, strict: bool = False, progress: Progress = _silent,
          workers: int | None = None) -> BuildReport:
    """Build the site into `output` (default: output_dir of site.yaml). `workers` processes load
    and render (default: one per core); the output is the same for any number."""
    workers = workers if workers is not None else default_workers()
    config = load_config(root)
    out = output if output is not None else config.output_dir
    check_output_dir(out, root, (config.content_dir, config.templates_dir))
    phases: list[PhaseTime] = []

    def phase_done(name: str, items: int, started: float) -> None:
        progress(name, items, items)
        phases.append(PhaseTime(name, items, time.perf_counter() - started, _peak_mib()))

    started = time.perf_counter()
    registry = load_registry(config.registry_dir, root)
    recognizer = build_recognizer(registry)
    paths = article_files(config.content_dir)
    loaded = load_articles(paths, root, registry, recognizer, lambda done: progress("load", done, len(paths)), workers)
    archive = make_archive(tuple(item.article for item in loaded))
    found = findings(loaded, archive, config.languages, config.default_language)
    if strict and found.all():
        raise DiparchiveError(found.all(), heading=f"--strict: {len(found.all())} warning(s) stop the build")
    phase_done("load", len(paths), started)

    started = time.perf_counter()
    catalogs = load_catalogs(config.templates_dir, root)
    plan = plan_site(config, registry, archive, catalogs)
    phase_done("plan", len(plan.pages), started)

    started = time.perf_counter()
    files = render_site(plan, config, make_environment(config.templates_dir, catalogs), lambda done: progress("render", done, len(plan.pages)), workers)
    phase_done("render", len(plan.pages), started)

    started = time.perf_counter()
    summary: list[str] = []

    def index(staged: Path) -> None:
        nonlocal started
        phase_done("write", len(files), started)
        started = time.perf_counter()
        progress("search", 0, len(archive.articles))
        summary.append(index_site(staged))
        phase_done("search", len(archive.articles), started)

    write_site(files, config.templates_dir / "static", out, index if search else None)
    if not search:
        phase_done("write", len(files), started)
    by_language = {lang: sum(1 for p in plan.pages if p.lang == lang) for lang in config.languages}
    inferred = sum(1 for a in archive.articles if a.date and a.date.source is DateSource.INFERRED)
    return BuildReport(out, len(archive.articles), len(plan.pages), len(files), by_language, inferred, found, tuple(phases), summary[0] if summary else None)
