"""Kill builds with SIGKILL at random moments and check that the output is always one whole build.

    python benchmarks/kill_builds.py [--articles 2000] [--kills 50] [--seed 1] [--search] [--keep DIR]

Generates a site (benchmarks/corpus.py), builds it, then `--kills` times: changes the content (an
edited article: an incremental update; a new article: a full build), starts a build, kills it
with SIGKILL after a random share of the time the last build took, and checks that public/ is
exactly the old output or exactly the new one (digests of the whole tree, the new one made by
the next build), and that after that build no leftover folder remains beside it.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import write_corpus  # noqa: E402


def tree_digest(folder: Path) -> str:
    if not folder.is_dir():
        return "missing"
    h = hashlib.blake2b(digest_size=16)
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        h.update(f"{path.relative_to(folder)}\0".encode() + hashlib.blake2b(path.read_bytes()).digest())
    return h.hexdigest()


def leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name.startswith(".") and p.name != ".diparchive-cache")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--search", action="store_true", help="build the Pagefind index too")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="kill-builds-"))
    root = write_corpus(work / "site", args.articles, args.seed)
    command = [sys.executable, "-m", "diparchive", "build", "--root", str(root), "--quiet"]
    command += [] if args.search else ["--no-search"]
    rng = random.Random(args.seed)

    def timed_build() -> float:
        started = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            raise SystemExit(f"the build after a kill failed:\n{result.stderr}")
        return time.perf_counter() - started

    took = {"update": 0.0, "full": timed_build()}
    took["update"] = took["full"]
    failures, kinds = [], {"old": 0, "new": 0}
    articles = sorted((root / "content").glob("a*.txt"))
    for kill in range(args.kills):
        old = tree_digest(root / "public")
        kind = "full" if kill % 2 else "update"
        if kind == "full":
            (root / "content" / f"killed{kill:03d}.md").write_text(
                f"---\ntitle: Bài thêm {kill}\ndate: 2024-0{1 + kill % 9}-1{kill % 10}\n---\nNội dung bài thêm {kill}.\n",
                encoding="utf-8",
            )
        else:
            article = rng.choice(articles)
            with article.open("a", encoding="utf-8") as f:
                f.write(f"\nĐoạn thêm số {kill} về hợp tác.\n")
        at = rng.uniform(0.05, 1.05) * took[kind]
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(at)
        finished = process.poll() is not None
        process.kill()
        process.wait()
        seen = tree_digest(root / "public")
        took[kind] = timed_build()  # the next build: makes the new output
        new = tree_digest(root / "public")
        left = leftovers(root)
        verdict = "old" if seen == old else "new" if seen == new else None
        if verdict is None or left:
            failures.append(f"kill {kill} ({kind}, at {at:.1f} s): output {seen}, leftovers {left}")
        else:
            kinds[verdict] += 1
        print(
            f"kill {kill:2d} {kind:6} at {at:5.1f} s{' (had finished)' if finished else ''}: {verdict or 'MIXED'}"
            + (f", leftovers {left}" if left else ""),
            flush=True,
        )
    print(
        f"{args.kills} kills on {args.articles} articles: {kinds['old']} old output, {kinds['new']} new output, "
        f"{len(failures)} failure(s)"
    )
    for failure in failures:
        print("FAIL", failure)
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    raise SystemExit(main())
