"""Command line: `diparchive build | parse | check`. User errors print without a traceback."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from .. import __version__
from ..errors import DiparchiveError, fail
from .check import check, read_site
from .log import FORMATS, print_error, print_problems
from .scaffold import new_file


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="diparchive", description="Build a bilingual (Vietnamese / English) static archive of diplomatic news."
    )
    parser.add_argument("--version", action="version", version=f"diparchive {__version__}")
    site_root = "site root: the folder holding site.yaml (default: the current folder)"
    parser.add_argument("--root", type=Path, default=Path("."), metavar="DIR", help=site_root)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def common(sub: argparse.ArgumentParser, logs: bool = False) -> None:
        # Before or after the command ("diparchive --root DIR build", "diparchive build --root DIR"):
        # given after, it overrides; not given, the one before (or the current folder) stands.
        sub.add_argument("--root", type=Path, default=argparse.SUPPRESS, metavar="DIR", help=site_root)
        if logs:
            sub.add_argument(
                "--log-format",
                choices=FORMATS,
                default="text",
                help="text: file:line: level: message (default); github: GitHub Actions annotations (::error file=…,line=…::…)",
            )

    build = commands.add_parser(
        "build",
        help="build the site into the output folder",
        description="Build the whole site: pages in both languages, feeds, sitemaps and the Pagefind search index.",
    )
    common(build, logs=True)
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
    build.add_argument("--drafts", action="store_true", help="include drafts (front matter draft: true)")
    build.add_argument(
        "--future", action="store_true", help="include articles dated after today (left out, with a warning, otherwise)"
    )
    build.add_argument(
        "--base-url",
        metavar="URL",
        help="publish at URL instead of site.yaml's base_url (a preview at another address)",
    )

    serve = commands.add_parser(
        "serve",
        help="build, serve a preview and rebuild on every change",
        description="Build the site into .diparchive-cache/serve/ (never the output folder you publish), with drafts, serve it on 127.0.0.1 (or --bind), rebuild when content/, templates/ or site.yaml change, and reload open pages. Search works in the preview.",
    )
    common(serve)
    serve.add_argument("--port", type=int, default=8000, help="port (default: 8000; 0 picks a free one)")
    serve.add_argument(
        "--bind",
        default="127.0.0.1",
        metavar="ADDR",
        help="address to listen on (default: 127.0.0.1, this machine only; 0.0.0.0 for a phone on the same network)",
    )
    serve.add_argument("--open", action="store_true", help="open the site in the web browser once it is served")
    serve.add_argument("--no-search", action="store_true", help="skip the Pagefind index (faster rebuilds)")
    serve.add_argument(
        "--drafts",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="show drafts, marked as such (default: shown; --no-drafts shows the site as build makes it)",
    )
    serve.add_argument("--future", action="store_true", help="include articles dated after today")

    parse = commands.add_parser(
        "parse",
        help="show article files as the build reads them",
        description="Print each file's record exactly as the build sees it, read with the site's registry.",
    )
    common(parse, logs=True)
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

    init = commands.add_parser(
        "init",
        help="start a new archive",
        description="Write a new archive into DIR: site.yaml (every setting, commented), a registry with one example of each kind, the templates, and an example article in each language. It builds at once, with --strict.",
    )
    init.add_argument("dir", nargs="?", type=Path, default=Path("."), metavar="DIR", help="default: the current folder")

    check = commands.add_parser(
        "check",
        help="check the content and suggest registry additions",
        description="Load every article without building and list warnings, names or numbered meetings the registry does not know, and missing translations, with file and line.",
    )
    common(check, logs=True)
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
            return new_file(args.root, args.title, args.lang, args.key, dt.date.today(), out)
        if args.command == "serve":
            return _serve(args, out, err)
        if args.command == "init":
            from .starter import init_site

            return init_site(args.dir, out)
        return check(args.root, args.strict, args.log_format, out, dt.date.today())
    except DiparchiveError as exc:
        print_error(exc, getattr(args, "log_format", "text"), err)
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
    from ..build.pipeline import BuildOptions, build

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
        options=BuildOptions(drafts=args.drafts, future=args.future, base_url=args.base_url),
    )
    found = report.findings
    if not quiet:  # a build that did nothing repeats the warnings of the build that made the output
        print_problems(found.warnings, "warning", args.log_format, err)
    if report.unchanged:
        print(
            f"Nothing changed since the build in {report.output}: {report.articles} articles, {report.pages} pages, "
            f"{len(found.warnings)} warning(s) ({time.perf_counter() - started:.1f} s; --no-cache rebuilds anyway)",
            file=out,
        )
        return 0
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
    if report.drafts:
        print(
            f"note: {report.drafts} draft(s) left out (--drafts builds them); `diparchive check` lists them", file=err
        )
    if not quiet:
        print("Phases: " + ", ".join(f"{p.name} {p.seconds:.1f} s" for p in report.phases), file=err)
    counts = [*report.pages_by_language.items(), ("site-wide", report.site_wide_pages)]
    languages = ", ".join(f"{name}: {count}" for name, count in counts if count or name != "site-wide")
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
        print(_closing_hint(report.output, report.base_path), file=out)
    return 0


def _closing_hint(output: Path, base_path: str) -> str:
    if base_path == "/":
        return f"To look at it: diparchive serve (or python -m http.server --bind 127.0.0.1 --directory {output} 8000), then open http://127.0.0.1:8000/"
    # The pages' links start with the base path: a file server of the output folder alone would not find them.
    return f"To look at it: diparchive serve, then open http://127.0.0.1:8000{base_path} (the site's links begin with {base_path})"


def _parse(args: argparse.Namespace, out: TextIO) -> int:
    from ..build.loading import article_files, load_articles
    from .records_json import article_json, article_text

    config, registry, recognizer = read_site(args.root)
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
    from ..build.cache import CACHE_DIR
    from ..build.pipeline import BuildOptions, build
    from ..config import CONFIG_FILE, load_config
    from .serve import serve

    config = load_config(args.root)
    output = args.root / CACHE_DIR / "serve"  # its own folder: the preview never touches the one you publish
    options = BuildOptions(drafts=args.drafts, future=args.future)

    def rebuild() -> int:
        started = time.perf_counter()
        report = build(args.root, output, search=not args.no_search, options=options)
        print_problems(report.findings.warnings, "warning", "text", err)
        warned = f", {len(report.findings.warnings)} warning(s)" if report.findings.warnings else ""
        drafts = f", {report.drafts} draft(s) left out" if report.drafts else ""
        print(
            f"built {report.articles} articles, {report.pages} pages{warned}{drafts} in {time.perf_counter() - started:.1f} s",
            file=err,
            flush=True,
        )
        return len(report.findings.warnings)

    watched = [config.content_dir, config.templates_dir, args.root / CONFIG_FILE]
    serve(
        args.root.resolve(),
        args.port,
        rebuild,
        [p for p in watched if p.exists()],
        output,
        config.base_path,
        err,
        bind=args.bind,
        open_browser=args.open,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
