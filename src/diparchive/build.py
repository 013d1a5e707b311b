"""The whole pipeline, top to bottom: config → registry → records → pages → files → index."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .archive import make_archive
from .config import load_config
from .i18n import load_catalogs
from .loader import article_files, load_articles
from .output import check_output_dir, write_site
from .pages import plan_site
from .recognition import build_recognizer
from .registry import load_registry
from .render import make_environment, render_site
from .search import index_site


@dataclass(frozen=True, slots=True)
class BuildReport:
    output: Path
    articles: int
    pages: int
    files: int
    warnings: tuple[str, ...]
    search: str | None  # Pagefind's summary, or None when the index was skipped


def build(root: Path, output: Path | None = None, search: bool = True) -> BuildReport:
    config = load_config(root)
    out = output if output is not None else config.output_dir
    check_output_dir(out, root, (config.content_dir, config.templates_dir))

    registry = load_registry(config.registry_dir, root)
    recognizer = build_recognizer(registry)
    loaded = load_articles(article_files(config.content_dir), root, registry, recognizer)
    archive = make_archive(tuple(item.article for item in loaded))

    catalogs = load_catalogs(config.templates_dir, root)
    plan = plan_site(config, registry, archive, catalogs)
    files = render_site(plan, config, make_environment(config.templates_dir, catalogs))

    summary: list[str] = []
    finish = (lambda staged: summary.append(index_site(staged))) if search else None
    write_site(files, config.templates_dir / "static", out, finish)

    warnings = tuple(f"{a.path}: {w}" for a in archive.articles for w in a.warnings)
    return BuildReport(out, len(archive.articles), len(plan.pages), len(files), warnings, summary[0] if summary else None)
