"""The whole pipeline, top to bottom: config → registry → records → pages → files → index."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .archive import Archive, make_archive, missing_translations, translation_warnings
from .config import load_config
from .errors import DiparchiveError, Problem
from .i18n import load_catalogs
from .loader import Loaded, article_files, load_articles
from .output import check_output_dir, write_site
from .pages import plan_site
from .recognition import build_recognizer
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


@dataclass(frozen=True, slots=True)
class BuildReport:
    output: Path
    articles: int
    pages: int
    files: int
    findings: Findings
    search: str | None  # Pagefind's summary, or None when the index was skipped


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


def build(root: Path, output: Path | None = None, search: bool = True, strict: bool = False) -> BuildReport:
    config = load_config(root)
    out = output if output is not None else config.output_dir
    check_output_dir(out, root, (config.content_dir, config.templates_dir))

    registry = load_registry(config.registry_dir, root)
    recognizer = build_recognizer(registry)
    loaded = load_articles(article_files(config.content_dir), root, registry, recognizer)
    archive = make_archive(tuple(item.article for item in loaded))
    found = findings(loaded, archive, config.languages, config.default_language)
    if strict and found.all():
        raise DiparchiveError(found.all(), heading=f"--strict: {len(found.all())} warning(s) stop the build")

    catalogs = load_catalogs(config.templates_dir, root)
    plan = plan_site(config, registry, archive, catalogs)
    files = render_site(plan, config, make_environment(config.templates_dir, catalogs))

    summary: list[str] = []
    finish = (lambda staged: summary.append(index_site(staged))) if search else None
    write_site(files, config.templates_dir / "static", out, finish)
    return BuildReport(out, len(archive.articles), len(plan.pages), len(files), found, summary[0] if summary else None)
