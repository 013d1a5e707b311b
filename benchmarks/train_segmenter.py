"""Rebuild the scrape segmenter's model from labelled scrapes.

    python benchmarks/train_segmenter.py ../shared/realworld [--out src/diparchive/read/segmenter.crfsuite]

Labels come from each folder's `truth.json` (the format of ../shared/realworld/README.md): the
line equal to the title is the title; from the line that starts the body's first paragraph to
the one that starts its last, lines are body, except captions and the chrome lines the truth
lists; before the body, a line holding the byline is the byline and a line holding the
publication date is the dateline; everything else before the body is chrome, everything after
it the tail. The sample's own seeds (content/) are added with the labels in
`benchmarks/seed_labels.json`, so the model always knows the sample's outlet.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
sys.path.insert(0, str(PROJECT / "src"))

from diparchive.read.dates import DATE_RE  # noqa: E402
from diparchive.read.decode import split_front_matter  # noqa: E402
from diparchive.read.segment import MODEL_FILE, Label, scrape_lines, split_glued, train  # noqa: E402
from invented_scrapes import invented  # noqa: E402

SEED_LABELS = HERE / "seed_labels.json"


def normal(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _date_values(line: str) -> set[str]:
    values = set()
    for match in DATE_RE.finditer(line):
        numbers = [int(n) for n in re.findall(r"\d+", match.group(0))]
        values.update(str(n) for n in numbers)
    return values


def _prints_date(line: str, accepted: Sequence[str | None]) -> bool:
    finest = max((a for a in accepted if a), key=len, default=None)
    if finest is None or not DATE_RE.search(line):
        return False
    parts = {str(int(p)) for p in finest.split("-")}
    return parts <= _date_values(line)


def _find(lines: Sequence[str], paragraph: str | None, order: range) -> int | None:
    """The line holding a paragraph of the truth: the first in `order` that contains its
    opening (a lead may follow a place or outlet prefix, a last paragraph may be cut)."""
    if not paragraph:
        return None
    opening = normal(paragraph)
    for size in (60, 30):
        found = next((i for i in order if opening[:size] in lines[i]), None)
        if found is not None:
            return found
    return None


def label_scrape(text: str, truth: dict) -> tuple[list[str], list[Label]] | None:
    """The scrape's lines and their labels from its truth entry, or None when the truth's body
    cannot be found in the lines (such a file teaches nothing reliable)."""
    _, body, first_line = split_front_matter(text, Path("scrape"))
    lines = [normal(t) for t, _ in scrape_lines(body, first_line)]
    first = _find(lines, truth["body_first"], range(len(lines)))
    last = _find(lines, truth["body_last"], range(len(lines) - 1, -1, -1))
    if first is None or last is None or last < first:
        return None
    title = normal(truth["title"]) if truth.get("title") else None
    author = normal(truth["author"]) if truth.get("author") else None
    captions = [normal(c) for c in truth.get("captions") or []]
    must_not = [normal(c) for c in truth.get("body_must_not") or []]
    labels: list[Label] = []
    for i, line in enumerate(lines):
        is_caption = any(
            line == c or (len(c) > 30 and (line.startswith(c[:40]) or c.startswith(line[:40]))) for c in captions
        )
        is_chrome = any(line == m or (len(m) >= 25 and m in line) for m in must_not)
        is_byline = author is not None and author.lower() in line.lower() and len(line) <= len(author) + 40
        if title is not None and line == title and i <= first:
            labels.append(Label.TITLE)
        elif first <= i <= last:
            labels.append(
                Label.CAPTION
                if is_caption
                else Label.BYLINE
                if is_byline and line != lines[first]
                else Label.CHROME
                if is_chrome
                else Label.BODY
            )
        elif is_byline:
            labels.append(Label.BYLINE)
        elif i < first and _prints_date(line, truth.get("date") or []) and len(line) <= 120:
            labels.append(Label.DATELINE)
        elif is_caption:
            labels.append(Label.CAPTION)
        else:
            labels.append(Label.CHROME if i < first else Label.TAIL)
    return lines, labels


def labelled_folder(folder: Path, keys: Sequence[str] | None = None) -> list[tuple[list[str], list[Label]]]:
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    out = []
    for key in sorted(truth if keys is None else keys):
        labelled = label_scrape((folder / f"{key}.txt").read_text(encoding="utf-8"), truth[key])
        if labelled is not None:
            out.append(labelled)
    return out


def seed_sequences() -> list[tuple[list[str], list[Label]]]:
    """The sample's seeds with the labels recorded for them."""
    recorded = json.loads(SEED_LABELS.read_text(encoding="utf-8"))
    out = []
    for name, labels in sorted(recorded.items()):
        text = (PROJECT / "content" / name).read_text(encoding="utf-8")
        _, body, first_line = split_front_matter(text, Path(name))
        lines = [normal(t) for t, _ in scrape_lines(body, first_line)]
        if len(lines) == len(labels):
            out.append((lines, [Label(label) for label in labels]))
    return out


def invented_sequences() -> list[tuple[list[str], list[Label]]]:
    """The invented scrapes, cut as the loader cuts lines (each piece keeps its line's label)."""
    out = []
    for texts, labels in invented():
        pieces = [(normal(piece), label) for text, label in zip(texts, labels) for piece in split_glued(text)]
        out.append(([p for p, _ in pieces], [label for _, label in pieces]))
    return out


def own_sequences() -> list[tuple[list[str], list[Label]]]:
    """What every model is trained on besides the labelled folder: the seeds, the invented."""
    return seed_sequences() + invented_sequences()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="a folder of NNN.txt scrapes with truth.json")
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    args = parser.parse_args(argv)
    sequences = labelled_folder(args.folder) + own_sequences()
    train(sequences, args.out)
    print(f"trained on {len(sequences)} scrapes ({sum(len(s[0]) for s in sequences)} lines) → {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
