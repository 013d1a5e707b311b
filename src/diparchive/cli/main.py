"""Command line: `diparchive build | parse | check`. User errors print without a traceback."""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from .. import __version__
from ..errors import DiparchiveError, Problem, fail

if TYPE_CHECKING:
    from ..config import SiteConfig
    from ..read.recognizer import Recognizer
    from ..read.registry import Registry


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="diparchive", description="Build a bilingual (Vietnamese / English) static archive of diplomatic news."
    )
    parser.add_argument("--version", action="version", version=f"diparchive {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def common(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--root",
            type=Path,
            default=Path("."),
            metavar="DIR",
            help="site root: the folder holding site.yaml (default: the current folder)",
        )

    build = commands.add_parser(
        "build",
        help="build the site into the output folder",
        description="Build the whole site: pages in both languages, feeds, sitemaps and the Pagefind search index.",
    )
    common(build)
    build.add_argument(
        "--output", type=Path, metavar="DIR", help="output folder (default: output_dir in site.yaml, normally public/)"
    )
    build.add_argument("--no-search", action="store_true", help="skip the Pagefind search index")
    build.add_argument(
        "--no-cache",
        action="store_true",
        help="ignore .diparchive-cache/ and rebuild everything (the output is the same)",
    )
    build.add_argument(
        "--quiet",
        action="store_true",
        help="no progress lines and no list of warnings: only the summary, notes and errors",
    )
    build.add_argument(
        "--strict",
        action="store_true",
        help="treat warnings (inferred dates, names the registry lacks, missing translations, heavy boilerplate) as errors, for CI",
    )

    serve = commands.add_parser(
        "serve",
        help="build, serve on 127.0.0.1 and rebuild on every change",
        description="Build the site, serve it on 127.0.0.1, rebuild when content/, templates/ or site.yaml change, and reload open pages. Search works in the preview.",
    )
    common(serve)
    serve.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default: 8000; 0 picks a free one)")
    serve.add_argument("--no-search", action="store_true", help="skip the Pagefind index (faster rebuilds)")

    parse = commands.add_parser(
        "parse",
        help="show article files as the build reads them",
        description="Print each file's record exactly as the build sees it, read with the site's registry.",
    )
    common(parse)
    parse.add_argument("files", nargs="+", type=Path, metavar="FILE")
    parse.add_argument("--json", action="store_true", help="one JSON object per line")

    new = commands.add_parser(
        "new",
        help="start a new article file in content/",
        description="Write a new Markdown article, dated today, with front matter to fill in; prints its path.",
    )
    common(new)
    new.add_argument("title")
    new.add_argument(
        "--lang",
        choices=("vi", "en"),
        default="vi",
        help="the article's language (default: vi); English files go in content/en/",
    )
    new.add_argument(
        "--key", help="when the new file translates an article: that article's key (its file name without extension)"
    )

    check = commands.add_parser(
        "check",
        help="check the content and suggest registry additions",
        description="Load every article without building and list warnings, names or numbered meetings the registry does not know, and missing translations, with file and line.",
    )
    common(check)
    check.add_argument("--strict", action="store_true", help="exit non-zero when there is any warning")
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version and usage errors
        return int(exc.code or 0)
    if args.command is None:
        parser.print_help(out)
        return 2
    previous = _stop_on_sigterm()
    try:
        if args.command == "build":
            return _build(args, out, err)
        if args.command == "parse":
            return _parse(args, out)
        if args.command == "new":
            return _new(args, out)
        if args.command == "serve":
            return _serve(args, out, err)
        return _check(args, out)
    except DiparchiveError as exc:
        print(f"error: {exc}", file=err)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=err)
        return 130
    except BrokenPipeError:  # `diparchive parse … | head`, `build | true`: the reader stopped reading
        for stream in (sys.stdout, sys.stderr):
            if stream in (out, err):
                os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())  # no error at interpreter exit
        return 0
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _stop_on_sigterm() -> signal._HANDLER | None:
    """SIGTERM (a CI cancellation, `kill`) stops a build as Ctrl-C does: its staging folder is
    removed and Pagefind stopped on the way out. Only the main thread may set a handler."""
    if threading.current_thread() is not threading.main_thread():
        return None
    return signal.signal(signal.SIGTERM, _interrupt)


def progress_printer(stream: TextIO, live: bool) -> Callable[[str, int, int], None]:
    """Live: one line per phase, rewritten in place with counts (a terminal). Otherwise one
    plain line when each phase ends (CI logs, pipes)."""
    finished: set[str] = set()

    def show(phase: str, done: int, total: int) -> None:
        if phase in finished:
            return
        if done == total:
            finished.add(phase)
        if live:
            print(f"\r  {phase:<7} {done:>7,} / {total:,}", end="\n" if done == total else "", file=stream, flush=True)
        elif done == total:
            print(f"  {phase:<7} {total:>7,} done", file=stream, flush=True)

    return show


def _build(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..build.pipeline import build

    quiet = args.quiet
    progress = (lambda phase, done, total: None) if quiet else progress_printer(err, live=err.isatty())
    started = time.perf_counter()
    report = build(
        args.root,
        args.output,
        search=not args.no_search,
        strict=args.strict,
        progress=progress,
        use_cache=not args.no_cache,
    )
    found = report.findings
    if report.unchanged:
        print(
            f"Nothing changed since the build in {report.output}: {report.articles} articles, {report.pages} pages "
            f"({time.perf_counter() - started:.1f} s; --no-cache rebuilds anyway)",
            file=out,
        )
        return 0
    if not quiet:
        for warning in found.warnings:
            print(f"warning: {warning}", file=err)
    if found.suggestions:
        print(
            f"note: {len(found.suggestions)} name(s) or meeting(s) not in the registry; `diparchive check` lists them",
            file=err,
        )
    if found.untranslated:
        print(
            f"note: {len(found.untranslated)} article(s) without a version in the other language; `diparchive check` lists them",
            file=err,
        )
    if not quiet:
        print("Phases: " + ", ".join(f"{p.name} {p.seconds:.1f} s" for p in report.phases), file=err)
    languages = ", ".join(f"{lang}: {count}" for lang, count in report.pages_by_language.items())
    print(
        f"Built {report.articles} articles into {report.pages} pages ({languages}) and {report.files} files in {report.output} in {time.perf_counter() - started:.1f} s",
        file=out,
    )
    print(
        f"{report.inferred_dates} article(s) with an inferred date; {len(found.warnings)} warning(s)"
        + (" (listed above)" if found.warnings and not quiet else ""),
        file=out,
    )
    print(f"Search: {report.search}" if report.search else "Search: skipped (--no-search)", file=out)
    if not quiet:
        print(
            f"To look at it: diparchive serve (or python -m http.server --bind 127.0.0.1 --directory {report.output} 8000), then open http://127.0.0.1:8000/",
            file=out,
        )
    return 0


def _site(root: Path) -> tuple[SiteConfig, Registry, Recognizer]:
    from ..config import load_config
    from ..read.recognizer import build_recognizer
    from ..read.registry import load_registry

    config = load_config(root)
    registry = load_registry(config.registry_dir, root)
    return config, registry, build_recognizer(registry)


def _parse(args: argparse.Namespace, out: TextIO) -> int:
    from ..build.loading import article_files, load_articles
    from .records_json import article_json, article_text

    config, registry, recognizer = _site(args.root)
    paths: list[Path] = []
    for given in args.files:
        path = (given if given.is_absolute() else Path.cwd() / given).resolve()
        if path.is_dir():  # `parse content/*` also names folders: read the articles inside
            if path != config.registry_dir.resolve():
                paths.extend(article_files(path))
        elif path.is_file():
            paths.append(path)
        else:
            raise fail(given, None, "no such file")
    root = args.root.resolve()
    for item in load_articles(paths, root, registry, recognizer):
        if args.json:
            print(json.dumps(article_json(item.article), ensure_ascii=False, sort_keys=False), file=out)
        else:
            print(article_text(item.article), file=out)
    return 0


def _serve(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..build.pipeline import build
    from ..config import CONFIG_FILE, load_config
    from .serve import serve

    config = load_config(args.root)

    def rebuild() -> None:
        started = time.perf_counter()
        report = build(args.root, search=not args.no_search)
        print(
            f"built {report.articles} articles, {report.pages} pages in {time.perf_counter() - started:.1f} s",
            file=err,
            flush=True,
        )

    watched = [config.content_dir, config.templates_dir, args.root / CONFIG_FILE]
    serve(
        args.root.resolve(),
        args.port,
        rebuild,
        [p for p in watched if p.exists()],
        config.output_dir,
        config.base_path,
        err,
    )
    return 0


def _new(args: argparse.Namespace, out: TextIO) -> int:
    import datetime as dt

    from ..config import load_config
    from ..read.frontmatter import text_problem
    from .scaffold import new_article

    config = load_config(args.root)
    if not args.title.strip():
        raise fail(None, None, "the title is empty")
    if (problem := text_problem("title", args.title)) is not None:
        raise fail(None, None, f"{problem}: nothing was written")
    name, text = new_article(args.title.strip(), args.lang, dt.date.today(), args.key)
    folder = config.content_dir / ("en" if args.lang == "en" else "")
    path = folder / name
    if path.exists():
        raise fail(path, None, "already exists; choose another title or edit that file")
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(path, file=out)
    return 0


def _check(args: argparse.Namespace, out: TextIO) -> int:
    from ..build.loading import article_files, load_articles
    from ..build.report import findings
    from ..plan.archive import make_archive
    from ..plan.i18n import load_catalogs
    from ..plan.site import plan_site
    from .audit import broken_links, likely_duplicates, repeated_titles, site_paths

    config, registry, recognizer = _site(args.root)
    root = args.root.resolve()
    loaded = load_articles(article_files(config.content_dir, root), root, registry, recognizer)
    archive = make_archive(tuple(item.article for item in loaded))
    found = findings(loaded, archive, config.languages, config.default_language)
    plan = plan_site(config, registry, archive, load_catalogs(config.templates_dir, root))
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
            a.body[0].line if a.body else None,
            f"publication date known only as the interval {a.date.edtf}: settle it in front matter"
            if a.date
            else "no publication date: give one in front matter",
        )
        for a in archive.articles
        if a.date is None or a.date.is_interval
    ]
    sections = (
        ("warning", found.warnings),
        ("suggestion", found.suggestions),
        ("untranslated", found.untranslated),
        ("title", titles),
        ("date", dates),
        ("duplicate", duplicates),
        ("broken link", links),
    )
    for label, problems in sections:
        for problem in problems:
            print(f"{problem.path}{f':{problem.line}' if problem.line else ''}: {label}: {problem.message}", file=out)
    print(
        f"{len(loaded)} articles checked: {len(found.warnings)} warning(s), {len(found.suggestions)} suggestion(s) for the registry, "
        f"{len(found.untranslated)} missing translation(s), {len(titles)} repeated title(s), "
        f"{len(duplicates)} likely duplicate(s), {len(links)} broken link(s)",
        file=out,
    )
    return 1 if args.strict and (found.all() or titles or duplicates or links) else 0


if __name__ == "__main__":
    raise SystemExit(main())
