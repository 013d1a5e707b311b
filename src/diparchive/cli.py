"""Command line: `diparchive build | parse | check`. User errors print without a traceback."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Sequence, TextIO

from . import __version__
from .errors import DiparchiveError, fail


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="diparchive", description="Build a bilingual (Vietnamese / English) static archive of diplomatic news.")
    parser.add_argument("--version", action="version", version=f"diparchive {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def common(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--root", type=Path, default=Path("."), metavar="DIR", help="site root: the folder holding site.yaml (default: the current folder)")

    build = commands.add_parser("build", help="build the site into the output folder", description="Build the whole site: pages in both languages, feeds, sitemaps and the Pagefind search index.")
    common(build)
    build.add_argument("--output", type=Path, metavar="DIR", help="output folder (default: output_dir in site.yaml, normally public/)")
    build.add_argument("--no-search", action="store_true", help="skip the Pagefind search index")
    build.add_argument("--strict", action="store_true", help="treat warnings (inferred dates, names the registry lacks, missing translations, heavy boilerplate) as errors, for CI")

    parse = commands.add_parser("parse", help="show article files as the build reads them", description="Print each file's record exactly as the build sees it, read with the site's registry.")
    common(parse)
    parse.add_argument("files", nargs="+", type=Path, metavar="FILE")
    parse.add_argument("--json", action="store_true", help="one JSON object per line")

    check = commands.add_parser("check", help="check the content and suggest registry additions", description="Load every article without building and list warnings, names or numbered meetings the registry does not know, and missing translations, with file and line.")
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
    try:
        if args.command == "build":
            return _build(args, out, err)
        if args.command == "parse":
            return _parse(args, out)
        return _check(args, out)
    except DiparchiveError as exc:
        print(f"error: {exc}", file=err)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=err)
        return 130


def _build(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .build import build

    report = build(args.root, args.output, search=not args.no_search, strict=args.strict)
    found = report.findings
    for warning in found.warnings:
        print(f"warning: {warning}", file=err)
    if found.suggestions:
        print(f"note: {len(found.suggestions)} name(s) or meeting(s) not in the registry; `diparchive check` lists them", file=err)
    if found.untranslated:
        print(f"note: {len(found.untranslated)} article(s) without a version in the other language; `diparchive check` lists them", file=err)
    print(f"Built {report.articles} articles into {report.pages} pages ({report.files} files) in {report.output}", file=out)
    print(f"Search: {report.search}" if report.search else "Search: skipped (--no-search)", file=out)
    print(f"To look at it: python -m http.server --bind 127.0.0.1 --directory {report.output} 8000, then open http://127.0.0.1:8000/", file=out)
    return 0


def _site(root: Path):
    from .config import load_config
    from .recognition import build_recognizer
    from .registry import load_registry

    config = load_config(root)
    registry = load_registry(config.registry_dir, root)
    return config, registry, build_recognizer(registry)


def _parse(args: argparse.Namespace, out: TextIO) -> int:
    from .loader import article_files, load_articles
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


def _check(args: argparse.Namespace, out: TextIO) -> int:
    from .archive import make_archive
    from .build import findings
    from .loader import article_files, load_articles

    config, registry, recognizer = _site(args.root)
    loaded = load_articles(article_files(config.content_dir), args.root.resolve(), registry, recognizer)
    found = findings(loaded, make_archive(tuple(item.article for item in loaded)), config.languages, config.default_language)
    for label, problems in (("warning", found.warnings), ("suggestion", found.suggestions), ("untranslated", found.untranslated)):
        for problem in problems:
            print(f"{problem.path}{f':{problem.line}' if problem.line else ''}: {label}: {problem.message}", file=out)
    print(f"{len(loaded)} articles checked: {len(found.warnings)} warning(s), {len(found.suggestions)} suggestion(s) for the registry, "
          f"{len(found.untranslated)} missing translation(s)", file=out)
    return 1 if args.strict and found.all() else 0


if __name__ == "__main__":
    raise SystemExit(main())
