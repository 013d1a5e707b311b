"""Build a synthetic archive and report time and peak memory.

    python benchmarks/bench_build.py --articles 2000 [--search]

Targets (2 cores): 2,000 articles build without search in under 60 s and under 1 GiB peak RSS.
Speed lives here, not in the tests.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from diparchive.build import build

PROJECT = Path(__file__).resolve().parent.parent
LEADERS = ["Thủ tướng Phạm Minh Chính", "Bộ trưởng Ngoại giao Bùi Thanh Sơn", "Tổng Bí thư Tô Lâm", "Chủ tịch nước Lương Cường"]
EVENTS = ["Đại hội đồng Liên hợp quốc khóa {n}", "Hội nghị Cấp cao ASEAN lần thứ {m}", "Hội nghị Thượng đỉnh Tương lai"]
WORDS = "hợp tác kinh tế thương mại đầu tư quốc phòng an ninh giáo dục văn hóa khoa học công nghệ hòa bình ổn định phát triển bền vững khu vực quốc tế đa phương song phương".split()


def article(rng: random.Random, index: int) -> str:
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2016, 2025)
    who, event = rng.choice(LEADERS), rng.choice(EVENTS).format(n=rng.randint(70, 80), m=rng.randint(30, 46))
    paragraphs = [f"{who} tham dự {event} và thảo luận về " + " ".join(rng.choices(WORDS, k=40)) + "."]
    paragraphs += [" ".join(rng.choices(WORDS, k=60)).capitalize() + "." for _ in range(rng.randint(4, 12))]
    return f"Bài viết số {index}: {' '.join(rng.choices(WORDS, k=6))}\n\n{day:02d}/{month:02d}/{year} 08:00\n\n" + "\n\n".join(paragraphs) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--search", action="store_true", help="include the Pagefind index")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "site"
        root.mkdir()
        shutil.copy(PROJECT / "site.yaml", root)
        shutil.copytree(PROJECT / "templates", root / "templates")
        shutil.copytree(PROJECT / "content" / "registry", root / "content" / "registry")
        rng = random.Random(20261122)
        for i in range(args.articles):
            (root / "content" / f"a{i:06d}.txt").write_text(article(rng, i), encoding="utf-8")
        start = time.perf_counter()
        report = build(root, search=args.search)
        seconds = time.perf_counter() - start
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{report.articles} articles → {report.pages} pages, {report.files} files in {seconds:.1f} s; peak RSS {peak_mib:.0f} MiB; search: {report.search or 'skipped'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
