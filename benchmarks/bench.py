"""Build a synthetic archive and report, per phase, wall time, pages per second and peak memory;
then a no-op rebuild, a one-article change, and Hugo on the same corpus when it is installed.

    python benchmarks/bench.py --articles 10000 [--search] [--part-pages N] [--no-hugo] [--full-only] [--json results.json]
    python benchmarks/bench.py --profile-load --articles 1000 [--realworld /work/shared/realworld] [--top 25]

`--profile-load` loads the corpus's scrapes in this one process (one core, no workers): first
timed plainly (articles per second per core), then again under cProfile, printing the top
functions by own and by cumulative time; `--realworld` also times a folder of real scrapes.

Speed and memory targets live here (and in benchmarks/RESULTS.md), never in the tests.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import write_corpus  # noqa: E402

CHILD = """
import json, resource, sys, time
from pathlib import Path
from diparchive.build.pipeline import build
root, out, search, cache = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3] == "1", sys.argv[4] == "1"
started = time.perf_counter()
report = build(root, out, search=search, use_cache=cache)
seconds = time.perf_counter() - started
print(json.dumps({
    "seconds": seconds, "articles": report.articles, "pages": report.pages, "files": report.files,
    "planned": report.planned, "rendered": report.rendered,
    "phases": [{"name": p.name, "items": p.items, "seconds": p.seconds, "peak_mib": p.peak_mib} for p in report.phases],
    "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "children_peak_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
}))
"""


def run_build(root: Path, out: Path, search: bool, cache: bool = True) -> dict:
    """One build in a fresh process, so its peak memory is its own; without `cache`, a build
    from scratch that leaves the build cache as it was (for the comparison build)."""
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(root), str(out), "1" if search else "0", "1" if cache else "0"],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"build failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def shape_changes(root: Path) -> list[tuple[str, Callable[[], None]]]:
    """Edits that change the site's shape, in order: an article added (a copy of one in the
    middle, with a title and a day of its own), the same article re-dated, then removed."""
    scrapes = sorted((root / "content").glob("a*.txt"))
    model = scrapes[len(scrapes) // 2].read_text(encoding="utf-8")
    added = root / "content" / "added.txt"
    lines = model.splitlines()
    title = next(i for i, line in enumerate(lines) if line.startswith("Tin "))
    date = next(i for i, line in enumerate(lines) if re.search(r"\d{2}/\d{2}/\d{4}", line))

    def add() -> None:
        text = lines[:title] + ["Tin thêm: một bài mới về hợp tác"] + lines[title + 1 :]
        added.write_text("\n".join(text) + "\n", encoding="utf-8")

    def redate() -> None:
        text = added.read_text(encoding="utf-8").splitlines()
        text[date] = re.sub(r"\d{2}/\d{2}/(\d{4})", lambda m: f"15/01/{int(m[1]) - 1}", text[date], count=1)
        added.write_text("\n".join(text) + "\n", encoding="utf-8")

    return [("one article added", add), ("that article re-dated", redate), ("that article removed", added.unlink)]


def same_tree(a: Path, b: Path) -> bool:
    comparison = filecmp.dircmp(a, b)
    if comparison.left_only or comparison.right_only or comparison.funny_files:
        return False
    _, mismatch, errors = filecmp.cmpfiles(a, b, comparison.common_files, shallow=False)
    return not mismatch and not errors and all(same_tree(a / d, b / d) for d in comparison.common_dirs)


def run_hugo(root: Path, work: Path) -> dict | None:
    """Hugo on the same articles (as diparchive reads them), twice: with related articles on
    article pages as diparchive has them, and without (Hugo's fastest equivalent)."""
    hugo = shutil.which("hugo")
    if hugo is None:
        return None
    from diparchive.build.loading import article_files, load_articles
    from diparchive.config import load_config
    from diparchive.plan.archive import make_archive
    from diparchive.read.recognizer import build_recognizer
    from diparchive.read.registry import load_registry
    from hugo_export import export

    config = load_config(root)
    registry = load_registry(config.registry_dir, root)
    loaded = load_articles(
        article_files(config.content_dir), root, registry, build_recognizer(registry), workers=os.cpu_count() or 1
    )
    archive = make_archive(tuple(item.article for item in loaded))
    leaders = {l.id: {"vi": l.name.vi, "en": l.name.en} for l in registry.leaders.values()}
    event_ids = {e for a in archive.articles for e in a.events}
    events = {e: {"vi": registry.event(e).name.vi, "en": registry.event(e).name.en} for e in event_ids}
    version = subprocess.run([hugo, "version"], capture_output=True, text=True).stdout.strip()
    results = {"version": version}
    for variant, related in (("with_related", True), ("without_related", False)):
        site = work / f"hugo-{variant}"
        export(archive, leaders, events, site, related)
        started = time.perf_counter()
        timer = ["/usr/bin/time", "-f", "%M"] if Path("/usr/bin/time").exists() else []  # GNU time: peak memory in KiB
        result = subprocess.run(
            [*timer, hugo, "--quiet", "-s", str(site), "-d", str(site / "public")], capture_output=True, text=True
        )
        seconds = time.perf_counter() - started
        if result.returncode != 0:
            raise SystemExit(f"hugo failed:\n{result.stderr[-3000:]}")
        pages = sum(1 for _ in (site / "public").rglob("*.html"))
        peak = int(result.stderr.strip().splitlines()[-1]) / 1024 if timer else float("nan")
        results[variant] = {"seconds": seconds, "pages": pages, "peak_mib": peak}
    return results


def _load_all(paths: list[Path], root: Path) -> tuple[float, float]:
    """Load every file in this process: (wall seconds, CPU seconds)."""
    from diparchive.read.loader import load_article
    from diparchive.read.recognizer import build_recognizer
    from diparchive.read.registry import load_registry
    from diparchive.read.segment import Segmenter

    registry = load_registry(root / "content" / "registry", root)
    recognizer = build_recognizer(registry)
    segmenter = Segmenter.open()
    load_article(paths[0], root, registry, recognizer, segmenter)  # warm: first-call costs are not per article
    started, cpu = time.perf_counter(), time.process_time()
    for path in paths:
        load_article(path, root, registry, recognizer, segmenter)
    return time.perf_counter() - started, time.process_time() - cpu


def profile_load(args: argparse.Namespace) -> int:
    """Loading alone, on one core: articles/s, then the cProfile rankings."""
    import cProfile
    import pstats

    work = args.keep or Path(tempfile.mkdtemp(prefix="diparchive-bench-"))
    try:
        root = write_corpus(work / "site", args.articles, args.seed)
        paths = sorted((root / "content").glob("a*.txt"))
        wall, cpu = _load_all(paths, root)
        print(f"corpus: {len(paths):,} scrapes in {wall:.2f} s ({cpu:.2f} s CPU)")
        print(f"  {len(paths) / cpu:,.0f} articles/s per core, {1000 * cpu / len(paths):.2f} ms CPU per article")
        if args.realworld:
            real = sorted(args.realworld.glob("*.txt"))
            shutil.copytree(root / "content" / "registry", work / "real" / "content" / "registry")
            copies = []
            for path in real:
                copy = work / "real" / "content" / path.name
                shutil.copy(path, copy)
                copies.append(copy)
            rwall, rcpu = _load_all(copies, work / "real")
            print(f"realworld: {len(copies)} scrapes in {rwall:.2f} s ({rcpu:.2f} s CPU)")
            print(
                f"  {len(copies) / rcpu:,.0f} articles/s per core, {1000 * rcpu / len(copies):.2f} ms CPU per article"
            )
        profile = cProfile.Profile()
        profile.enable()
        _load_all(paths, root)
        profile.disable()
        stats = pstats.Stats(profile).strip_dirs()
        for order in ("tottime", "cumulative"):
            print(f"\n--- top {args.top} by {order} (under cProfile, {len(paths):,} scrapes) ---")
            stats.sort_stats(order).print_stats(args.top)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--search", action="store_true", help="include the Pagefind index in the timed builds")
    parser.add_argument("--no-hugo", action="store_true", help="skip the Hugo comparison")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument(
        "--part-pages",
        type=int,
        default=None,
        help="search_part_pages in the corpus's site.yaml (0: one search index; default: auto)",
    )
    parser.add_argument(
        "--full-only", action="store_true", help="only the full build (and Hugo's, unless --no-hugo): no rebuilds"
    )
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary folder)")
    parser.add_argument(
        "--profile-load", action="store_true", help="only load the scrapes, in one process, timed and under cProfile"
    )
    parser.add_argument("--realworld", type=Path, help="with --profile-load: also time these scrapes (*.txt)")
    parser.add_argument("--top", type=int, default=25, help="with --profile-load: functions shown per ranking")
    args = parser.parse_args()
    if args.profile_load:
        return profile_load(args)

    work = args.keep or Path(tempfile.mkdtemp(prefix="diparchive-bench-"))
    try:
        root = write_corpus(work / "site", args.articles, args.seed)
        if args.part_pages is not None:
            with (root / "site.yaml").open("a", encoding="utf-8") as config:
                config.write(f"search_part_pages: {args.part_pages}\n")
        out = work / "site" / "public"
        full = run_build(root, out, args.search)
        noop = one = hugo = identical = None
        edits: dict[str, dict] = {}
        if not args.full_only:
            noop = run_build(root, out, args.search)
            changed = sorted((root / "content").glob("a*.txt"))[len(list((root / "content").glob("a*.txt"))) // 2]
            changed.write_text(
                changed.read_text(encoding="utf-8").replace("hợp tác", "hợp tác chặt chẽ", 1), encoding="utf-8"
            )
            one = run_build(root, out, args.search)
            run_build(root, work / "fresh", args.search, cache=False)
            identical = same_tree(out, work / "fresh")
            for name, change in shape_changes(root):
                change()
                step = run_build(root, out, args.search)
                shutil.rmtree(work / "fresh")
                run_build(root, work / "fresh", args.search, cache=False)
                edits[name] = {**step, "identical_to_full": same_tree(out, work / "fresh")}
        hugo = None if args.no_hugo else run_hugo(root, work)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)

    build_seconds = sum(p["seconds"] for p in full["phases"] if p["name"] != "search")
    results = {
        "command": " ".join(["python", "benchmarks/bench.py"] + sys.argv[1:]),
        "cores": os.cpu_count(),
        "articles": full["articles"],
        "pages": full["pages"],
        "files": full["files"],
        "full": full,
        "noop_seconds": noop and noop["seconds"],
        "one_change_seconds": one and one["seconds"],
        "one_change": one,
        "one_change_identical_to_full": identical,
        "shape_changes": edits,
        "build_seconds_without_search": build_seconds,
        "hugo": hugo,
        "ratio_to_hugo": build_seconds / hugo["with_related"]["seconds"] if hugo else None,
        "ratio_to_hugo_without_related": build_seconds / hugo["without_related"]["seconds"] if hugo else None,
    }
    print(
        f"{full['articles']:,} articles → {full['pages']:,} pages, {full['files']:,} files ({os.cpu_count()} cores)\n"
    )
    print(f"{'phase':<8} {'items':>8} {'seconds':>8} {'items/s':>9} {'peak MiB':>9}")
    for p in full["phases"]:
        rate = p["items"] / p["seconds"] if p["seconds"] else float("inf")
        print(f"{p['name']:<8} {p['items']:>8,} {p['seconds']:>8.1f} {rate:>9,.0f} {p['peak_mib']:>9,.0f}")
    print(
        f"{'total':<8} {'':>8} {full['seconds']:>8.1f} {full['pages'] / full['seconds']:>9,.0f} {full['peak_mib']:>9,.0f}"
        f"   (workers and Pagefind peak: {full['children_peak_mib']:,.0f} MiB)\n"
    )
    print(f"full build without search: {build_seconds:.1f} s")
    if noop and one:
        print(f"no-op rebuild:              {noop['seconds']:.1f} s")
        print(
            f"one article changed:        {one['seconds']:.1f} s (identical to a full build: {identical}); "
            + ", ".join(f"{p['name']} {p['seconds']:.1f}" for p in one["phases"])
        )
    for name, step in edits.items():
        print(
            f"{name + ':':<27} {step['seconds']:.1f} s = {step['seconds'] / full['seconds']:.2f} of the full build, "
            f"{step['planned']:,} pages planned (identical to a full build: {step['identical_to_full']}); "
            + ", ".join(f"{p['name']} {p['seconds']:.1f}" for p in step["phases"])
        )
    if hugo:
        for variant, ratio in (
            ("with_related", results["ratio_to_hugo"]),
            ("without_related", results["ratio_to_hugo_without_related"]),
        ):
            h = hugo[variant]
            print(
                f"Hugo {hugo['version'].split()[1]} {variant.replace('_', ' ')}: {h['seconds']:.1f} s, {h['pages']:,} HTML pages, "
                f"peak {h['peak_mib']:,.0f} MiB; diparchive/Hugo = {ratio:.2f}"
            )
    else:
        print("Hugo: not run (not installed, or --no-hugo)")
    print("\n" + json.dumps(results, indent=2))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
