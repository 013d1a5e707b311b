"""`diparchive check`: every article loaded as the build loads it, and what to settle listed
with file and line (warnings, registry suggestions, missing translations, titles, dates,
drafts, duplicates, broken links), without building."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ..errors import Problem
from .log import print_problems

if TYPE_CHECKING:
    from ..config import SiteConfig
    from ..read.recognizer import Recognizer
    from ..read.registry import Registry


def read_site(root: Path) -> tuple[SiteConfig, Registry, Recognizer]:
    from ..config import load_config
    from ..read.recognizer import build_recognizer
    from ..read.registry import load_registry

    config = load_config(root)
    registry = load_registry(config.registry_dir, root)
    return config, registry, build_recognizer(registry)


def check(root: Path, strict: bool, fmt: str, out: TextIO, today: dt.date) -> int:
    """List what to settle; with `strict`, 1 when there is anything the build's --strict refuses
    (or a repeated title, likely duplicate or broken link)."""
    from ..build.loading import article_files, load_articles
    from ..build.report import findings, holds_new_body
    from ..build.selection import select
    from ..build.urllock import read_lock
    from ..plan.archive import make_archive
    from ..plan.i18n import load_catalogs
    from ..plan.site import plan_site
    from ..read.dating import INTERVAL_NOTE, NO_DATE_NOTE
    from .audit import broken_links, date_line, likely_duplicates, repeated_titles, site_paths

    config, registry, recognizer = read_site(root)
    root = root.resolve()
    everything = load_articles(article_files(config.content_dir, root), root, registry, recognizer)
    chosen = select(everything, drafts=False, future=False, today=today)
    loaded = chosen.published
    lock = read_lock(root)
    archive = make_archive(tuple(item.article for item in loaded), lock)
    found = findings(loaded, archive, config.languages, config.default_language, chosen.warnings(today))
    plan = plan_site(config, registry, archive, load_catalogs(config.templates_dir, root), lock=lock, today=today)
    static = config.templates_dir / "static"
    static_files = (
        sorted("static/" + p.relative_to(static).as_posix() for p in static.rglob("*") if p.is_file())
        if static.is_dir()
        else []
    )
    duplicates = likely_duplicates(archive.articles)
    titles = repeated_titles(archive.articles)
    links = broken_links(archive.articles, site_paths(plan, config.languages, static_files), config.base_url)
    dates = [
        Problem(
            a.path,
            date_line(a),
            f"publication date known only as the interval {a.date.edtf}: settle it in front matter"
            if a.date
            else "no publication date: give one in front matter",
        )
        for a in archive.articles
        if a.date is None or a.date.is_interval
    ]
    undated = {problem.path for problem in dates}
    warnings = [  # the loader's own note of the same missing date: told once, in `dates`, with its line
        w for w in found.warnings if not (w.path in undated and w.message.startswith((NO_DATE_NOTE, INTERVAL_NOTE)))
    ]
    drafts = [
        Problem(
            a.path,
            None,
            "left out of the site (remove `draft: true` to publish it)"
            + ("; the text `diparchive new` wrote is still there" if holds_new_body(a) else ""),
        )
        for a in chosen.drafts
    ]
    sections = (
        ("warning", warnings),
        ("suggestion", found.suggestions),
        ("untranslated", found.untranslated),
        ("title", titles),
        ("date", dates),
        ("duplicate", duplicates),
        ("broken link", links),
        ("draft", drafts),
    )
    failing = strict and bool(found.all() or titles or duplicates or links)
    for label, problems in sections:
        level = "notice" if label == "draft" else "error" if failing else "warning"
        print_problems(problems, level, fmt, out, label)
    print(
        f"{len(everything)} articles checked: {len(warnings)} warning(s), {len(found.suggestions)} suggestion(s) for the registry, "
        f"{len(found.untranslated)} missing translation(s), {len(titles)} repeated title(s), "
        f"{len(duplicates)} likely duplicate(s), {len(links)} broken link(s), {len(drafts)} draft(s)",
        file=out,
    )
    return 1 if failing else 0
