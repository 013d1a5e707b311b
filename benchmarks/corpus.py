"""A synthetic archive like the seeds, deterministic from a seed number.

    python benchmarks/corpus.py --articles 10000 --out /tmp/corpus [--seed 1]

Each article is a raw scrape: a category label, the headline, a dateline with the outlet code,
a lead naming leaders (with their title on that date) and an event from the registry, 800–1,500
words of body built from the sample articles' own sentences, photo captions, and trailing site
boilerplate (related-news teasers, a section marker). A share of the articles has an English
translation in content/en/, paired by key.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from diparchive.read.loader import load_article
from diparchive.read.recognizer import build_recognizer
from diparchive.read.registry import Registry, instance_event, load_registry
from diparchive.records import PubDate

PROJECT = Path(__file__).resolve().parent.parent
TRANSLATED_SHARE = 0.25
CATEGORIES = ["Chính trị", "Thời sự", "Đối ngoại", "Tin tức"]
OUTLETS = ["NDO", "TTXVN", "VOV", "QĐND"]
TEASERS = [
    "Giá vàng hôm nay tăng nhẹ trên thị trường trong nước",
    "Thời tiết cuối tuần: miền Bắc trời rét, có mưa phùn vào sáng sớm",
    "Đội tuyển bóng đá Việt Nam tập trung chuẩn bị cho vòng loại",
    "Hà Nội điều chỉnh phân luồng giao thông tại một số tuyến phố",
    "Giá xăng dầu được điều chỉnh từ 15 giờ chiều nay",
]


@dataclass(frozen=True)
class Sentences:
    vi: tuple[str, ...]
    en: tuple[str, ...]


def sample_sentences(registry: Registry) -> Sentences:
    """Sentences of the sample articles (the seeds and their translations), as the vocabulary."""
    recognizer = build_recognizer(registry)

    def split(paths: list[Path]) -> tuple[str, ...]:
        out = []
        for path in paths:
            article = load_article(path, PROJECT, registry, recognizer).article
            for block in article.body:
                out += [s.strip() for s in re.split(r"(?<=[.!?])\s+", block.text) if len(s.split()) >= 6]
        return tuple(out)

    return Sentences(
        split(sorted((PROJECT / "content").glob("0*.txt"))), split(sorted((PROJECT / "content" / "en").glob("*.md")))
    )


def _people(registry: Registry, day: dt.date) -> list[tuple[str, str, str]]:
    """(id, "Title Name" in vi, in en) for leaders in office on `day`."""
    date = PubDate(day.year, day.month, day.day)
    out = []
    for leader in sorted(registry.leaders.values(), key=lambda l: l.id):
        for role in leader.roles_on(date):
            title = registry.titles[role.title]
            out.append((leader.id, f"{title.name.vi} {leader.name.vi}", f"{title.name.en} {leader.name.en}"))
            break
    return out


def _event(registry: Registry, rng: random.Random, day: dt.date) -> tuple[str, str]:
    """An event name (vi, en): a numbered instance of a registry series, or a declared event."""
    series = registry.series[rng.choice(sorted(registry.series))]
    number = {
        "unga": day.year - 1945,
        "asean-summit": 28 + (day.year - 2016) * 2,
        "cop": day.year - 1995,
        "party-congress": 12 if day.year < 2021 else 13,
        "diplomatic-conference": 29 + (day.year - 2016) // 2,
    }.get(series.id, rng.randint(1, 40))
    event = instance_event(series, max(1, number), None)
    return event.name.vi, event.name.en


def _body(rng: random.Random, pool: tuple[str, ...], words: int) -> list[str]:
    paragraphs, count = [], 0
    while count < words:
        paragraph = " ".join(rng.choice(pool) for _ in range(rng.randint(2, 5)))
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    return paragraphs


def write_corpus(out: Path, articles: int, seed: int = 1) -> Path:
    """A complete site (site.yaml, templates, registry, content) with `articles` scrapes."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    shutil.copy(PROJECT / "site.yaml", out / "site.yaml")
    shutil.copytree(PROJECT / "templates", out / "templates")
    shutil.copytree(PROJECT / "content" / "registry", out / "content" / "registry")
    registry = load_registry(out / "content" / "registry", out)
    sentences = sample_sentences(registry)
    rng = random.Random(seed)
    (out / "content" / "en").mkdir()
    start = dt.date(2016, 1, 1)
    for index in range(articles):
        day = start + dt.timedelta(days=rng.randrange(365 * 9))
        people = rng.sample(_people(registry, day), k=2)
        event_vi, event_en = _event(registry, rng, day)
        outlet = rng.choice(OUTLETS)
        key = f"a{index:06d}"
        headline = f"Tin {index}: {people[0][1]} dự {event_vi}"
        lead = f"{day.day}/{day.month}/{day.year} - {people[0][1]} và {people[1][1]} tham dự {event_vi}, trao đổi về hợp tác song phương và đa phương."
        paragraphs = _body(rng, sentences.vi, rng.randint(800, 1500))
        for at in sorted(rng.sample(range(1, len(paragraphs)), k=min(2, len(paragraphs) - 1)), reverse=True):
            paragraphs.insert(at, f"\u00a0\n{people[0][1]} tại {event_vi}. (Ảnh: {outlet})")
        tail = ["Tin liên quan"] + rng.sample(TEASERS, k=3)
        text = (
            "\n".join(
                [
                    rng.choice(CATEGORIES),
                    headline,
                    f"Thứ Hai, {day.day:02d}/{day.month:02d}/{day.year} 08:{rng.randint(10, 59)}",
                    f"({outlet}) -",
                    lead,
                ]
                + paragraphs
                + tail
            )
            + "\n"
        )
        (out / "content" / f"{key}.txt").write_text(text, encoding="utf-8")
        if rng.random() < TRANSLATED_SHARE:
            body = _body(rng, sentences.en, rng.randint(800, 1500))
            english = (
                f'---\nkey: {key}\nlang: en\ntitle: "No. {index}: {people[0][2]} attends the {event_en}"\ndate: {day.isoformat()}\n---\n'
                f"{people[0][2]} and {people[1][2]} attended the {event_en}.\n\n" + "\n\n".join(body) + "\n"
            )
            (out / "content" / "en" / f"{key}.md").write_text(english, encoding="utf-8")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    write_corpus(args.out, args.articles, args.seed)
    print(f"wrote {args.articles} articles to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
