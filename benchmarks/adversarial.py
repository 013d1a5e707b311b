"""Adversarial article texts against the stock registry (issue 17): each must finish in time
linear in its length. Prints the size and seconds per case (wall clock, and CPU).

    PYTHONPATH=src python benchmarks/adversarial.py [--scale 1.0]

Results go in benchmarks/RESULTS.md; tests/test_hostile_input.py holds a generous bound on ~1 MB.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def cases(scale: float) -> dict[str, str]:
    """Name → one article's text (a title line, then the body)."""
    n = int(20000 * scale)
    prose = "Thủ tướng Phạm Minh Chính tiếp Bộ trưởng Ngoại giao Hoa Kỳ tại Hà Nội hôm nay. "
    return {
        "unga-separators": "Tin ngoại giao\nĐại hội đồng Liên hợp quốc khóa" + " -" * n + "\n",
        "title-repeated": "Tin ngoại giao\n" + "Thủ tướng nói, " * n + "\n",
        "title-repeated-x2": "Tin ngoại giao\n" + "Thủ tướng nói, " * (2 * n) + "\n",
        "prose-line-4mb": "Tin ngoại giao\n" + prose * int(4_000_000 * scale / len(prose.encode())) + "\n",
    }


def time_case(text: str, name: str, folder: Path) -> tuple[float, float]:
    """Seconds to load the article: wall clock, and CPU (what counts on a shared machine)."""
    from diparchive.read.loader import load_article
    from diparchive.read.recognizer import build_recognizer
    from diparchive.read.registry import load_registry

    registry = load_registry(folder / "content" / "registry", folder)
    recognizer = build_recognizer(registry)
    path = folder / "content" / f"{name}.md"
    path.write_text("---\ntitle: T\ndate: 2024-09-01\n---\n" + text, encoding="utf-8")
    start, cpu = time.perf_counter(), time.process_time()
    load_article(path, folder, registry, recognizer)
    return time.perf_counter() - start, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        shutil.copytree(ROOT / "content" / "registry", folder / "content" / "registry")
        for name, text in cases(args.scale).items():
            seconds, cpu = time_case(text, name, folder)
            print(f"{name:22} {len(text.encode()) / 1e6:6.2f} MB {seconds:7.2f} s  (CPU {cpu:5.2f} s)", flush=True)
        print(f"{'k-empty-groups':22} {empty_groups(14, 40000 * args.scale):7.2f} s (k=14)")


def empty_groups(k: int, run: float) -> float:
    """A registry pattern with k empty optional groups, on a long run of separators after the name."""
    import re

    from diparchive.read.recognizer import _compile_pattern

    regex, *_ = _compile_pattern("Hội nghị " + "() " * k + "{n}", {})
    text = "hoi nghi" + " -" * int(run)
    start = time.perf_counter()
    re.compile(regex).search(text)
    return time.perf_counter() - start


if __name__ == "__main__":
    sys.exit(main())
