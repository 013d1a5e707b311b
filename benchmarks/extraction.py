"""Score the loader against real scrapes with their truth (a folder holding NNN.txt and truth.json).

    PYTHONPATH=src python benchmarks/extraction.py FOLDER [--cv outlet] [--json FILE] [--quiet] [--only NNN,...]

Prints a table per field, then every failure (file, field, expected, got), then six headline
lines with the targets of issue 16. `--quiet` leaves out the list of failures. `--cv outlet`
reads each outlet's files with a reader trained on the other outlets' truth (leave one outlet
out); `--json FILE` writes every figure and every failure.

The truth format is described in the folder's README. Every text comparison is made on text in
Unicode NFC with runs of whitespace collapsed. The folder is read at run time only: nothing of
it belongs in the repository.

Functions the rest of the project may use: `load_truth`, `outlet_group`, `stock_reader`, `model_hooks`,
`make_reader`, `score_article`, `score_refused`, `date_class`, `chrome_in`, `run`, `summarise`, `headline`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from diparchive.errors import DiparchiveError
from diparchive.read.loader import load_article
from diparchive.read.recognizer import build_recognizer
from diparchive.read.registry import load_registry
from diparchive.read.segment import Segmenter
from diparchive.read.segment import train as fit_segmenter
from diparchive.records import Article

REPOSITORY = Path(__file__).resolve().parent.parent
EDGE_CHARS = 60  # body_first / body_last are looked for by their first characters
LONG_CHROME = 25  # a must-not line this long counts as kept wherever it appears in a block
# read with getattr: scored before and after they exist
NEW_FIELDS = ("title_supplied", "mentions", "date_edtf", "title_doubt")
CAPTION_REASON = re.compile(r"caption|image|photo|ảnh|alt text|credit", re.IGNORECASE)

# headline targets of issue 16: shares at least this, or counts (wrong dates, false ids) at most this
TARGETS = {
    "title_exact": 0.95,
    "date_wrong": 0,
    "date_found": 0.90,
    "author": 0.85,
    "leaders_recall": 0.95,
    "leaders_false": 0,
    "events_recall": 0.90,
    "events_false": 0,
    "body_kept": 0.98,
    "chrome_removed": 0.95,
}

Truth = dict[str, Any]
Reader = Callable[[Path], Article]


# Text -------------------------------------------------------------------------------------


def norm(text: str | None) -> str:
    """NFC, whitespace runs collapsed to one space, stripped."""
    return " ".join(unicodedata.normalize("NFC", text or "").split())


def _core(text: str) -> str:
    """The line without the punctuation and pipes around it ("(Views: 12)" → "Views: 12")."""
    return re.sub(r"^[\W_]+|[\W_]+$", "", text)


def _short(text: str | None, width: int = 100) -> str:
    if text is None:
        return "—"
    text = norm(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


# Truth and outlets ------------------------------------------------------------------------


def load_truth(folder: Path) -> dict[str, Truth]:
    """The truth entries, keyed by file number, in file order."""
    data = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    return {key: data[key] for key in sorted(data)}


_HOST = re.compile(r"(?<![\w.-])(?:[a-z0-9][a-z0-9-]*\.)+[a-z]{2,}(?:/[\w./-]*)?(?![\w-])")
_SECOND_LEVEL = {"com", "org", "net", "gov", "edu", "ac", "co", "info", "int"}
_HOSTING = {"blogspot.com", "wordpress.com", "github.io", "substack.com", "medium.com"}  # one site per subdomain


def outlet_host(outlet: str) -> str:
    """The host an outlet's truth names: the first host inside parentheses, else the first host
    anywhere, else the whole name. "www." and any path are dropped."""
    inside = " ".join(re.findall(r"\(([^()]*)\)", outlet))
    for text in (inside, outlet):
        match = _HOST.search(text)
        if match:
            host = match.group(0).split("/", 1)[0]
            return host.removeprefix("www.")
    return norm(outlet).casefold()


def outlet_group(outlet: str) -> str:
    """The site an outlet belongs to, for leave-one-outlet-out: its host's registered domain, so
    a paper's English, mobile or video subdomain is held out together with the paper
    ("en.paper.com.vn" and "paper.com.vn" are one group)."""
    host = outlet_host(outlet)
    labels = host.split(".")
    if len(labels) < 2 or " " in host:
        return host
    second_level = len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL
    keep = 3 if len(labels) >= 3 and (second_level or ".".join(labels[-2:]) in _HOSTING) else 2
    return ".".join(labels[-keep:])


def outlet_name(outlet: str) -> str:
    return norm(re.split(r"\s*\(", outlet, maxsplit=1)[0])


# Readers ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ModelHooks:
    """What a learning loader offers: `train(examples) -> model` and a load_article taking `model=`."""

    train: Callable[[list[tuple[str, Truth]]], Any]
    load: Callable[..., Any]
    keep: Any = None  # what must live as long as the hooks (the folds' model files)


@dataclass(frozen=True)
class Stock:
    """The repository's registry and recognizer, and the stock `load_article` over them."""

    root: Path
    registry: Any
    recognizer: Any

    def read(self, path: Path) -> Article:
        return load_article(path, self.root, self.registry, self.recognizer).article


def stock_reader(root: Path = REPOSITORY) -> Stock:
    registry = load_registry(root / "content" / "registry", root)
    return Stock(root, registry, build_recognizer(registry))


def model_hooks() -> tuple[ModelHooks | None, str]:
    """The scrape segmenter's training (benchmarks/train_segmenter.py) as the learning hooks:
    a model fitted on the other outlets' labelled files (plus the seeds and the invented
    scrapes every model learns from), read through `load_article(segmenter=)`."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from train_segmenter import label_scrape, own_sequences

    scratch = tempfile.TemporaryDirectory(prefix="diparchive-cv-")

    def train(examples: list[tuple[str, Truth]]) -> Segmenter:
        sequences = [s for text, truth in examples if (s := label_scrape(text, truth)) is not None]
        model = Path(scratch.name) / f"fold-{len(list(Path(scratch.name).iterdir()))}.crfsuite"
        fit_segmenter([*sequences, *own_sequences()], model)
        return Segmenter.open(model)

    def load(path: Path, root: Path, registry: Any, recognizer: Any, *, model: Segmenter) -> Any:
        return load_article(path, root, registry, recognizer, segmenter=model)

    return ModelHooks(
        train, load, keep=scratch
    ), "the segmenter retrained on the other outlets' files (benchmarks/train_segmenter.py)"


def training_examples(train: dict[str, Truth], folder: Path) -> list[tuple[str, Truth]]:
    """(text of the file, its truth entry) for every training file that exists."""
    examples = []
    for key, truth in train.items():
        path = folder / f"{key}.txt"
        if path.is_file():
            examples.append((path.read_bytes().decode("utf-8-sig", errors="replace"), truth))
    return examples


def make_reader(train: dict[str, Truth], folder: Path, stock: Stock, hooks: ModelHooks | None = None) -> Reader:
    """The single hook point of cross-validation: a reader trained on `train` (the truth of the
    files of other outlets), or the stock loader when the package has no learned model."""
    if hooks is None:
        return stock.read
    model = hooks.train(training_examples(train, folder))

    def read(path: Path) -> Article:
        loaded = hooks.load(path, stock.root, stock.registry, stock.recognizer, model=model)
        article: Article = getattr(loaded, "article", loaded)
        return article

    return read


# Dates ------------------------------------------------------------------------------------


def _span(value: str) -> tuple[dt.date, dt.date]:
    """First and last day of "YYYY", "YYYY-MM" or "YYYY-MM-DD" (ValueError otherwise)."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if not match:
        raise ValueError(value)
    year = int(match.group(1))
    if match.group(3):
        day = dt.date(year, int(match.group(2)), int(match.group(3)))
        return day, day
    if match.group(2):
        month = int(match.group(2))
        following = dt.date(year + 1, 1, 1) if month == 12 else dt.date(year, month + 1, 1)
        return dt.date(year, month, 1), following - dt.timedelta(days=1)
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def edtf_bounds(text: str) -> tuple[dt.date, dt.date]:
    """The span of an EDTF date or interval ("2023-12-19/2024-01"); an open end ("..", "")
    is unbounded. Raises ValueError on what this reading does not know."""
    start_text, _, end_text = text.partition("/") if "/" in text else (text, "", text)
    start_text, end_text = start_text.strip("?~%"), end_text.strip("?~%")
    start = dt.date.min if start_text in ("", "..") else _span(start_text)[0]
    end = dt.date.max if end_text in ("", "..") else _span(end_text)[1]
    if start > end:
        raise ValueError(text)
    return start, end


@dataclass(frozen=True)
class RecordDate:
    text: str | None  # the ISO value, or the EDTF interval
    interval: bool


def record_date(article: Article) -> RecordDate:
    """The record's date: `date_edtf` when it is an interval, else the date's own EDTF interval, else `date.iso`."""
    edtf = getattr(article, "date_edtf", None)
    if isinstance(edtf, str) and "/" in edtf:
        return RecordDate(edtf, True)
    date = article.date
    if date is not None and getattr(date, "is_interval", False):
        return RecordDate(date.edtf, True)
    if date is not None:
        return RecordDate(date.iso, False)
    return RecordDate(edtf if isinstance(edtf, str) and edtf else None, False)


DATE_CLASSES = ("right", "coarser", "none-accepted", "missed", "wrong", "refused")


def date_class(got: RecordDate, accepted: Sequence[str | None], wrong_dates: Sequence[str]) -> tuple[str, str]:
    """The class of the record's date against the accepted values, and a note (why WRONG)."""
    values = [v for v in accepted if v is not None]
    finest = max((len(v) for v in values), default=0)
    if got.text is None:
        return ("none-accepted", "") if None in accepted else ("missed", "")
    if got.interval:
        try:
            start, end = edtf_bounds(got.text)
        except ValueError:
            return "wrong", "unreadable interval"
        if got.text in wrong_dates:
            return "wrong", f"a wrong date: {got.text}"
        if any(start <= _span(v)[0] and _span(v)[1] <= end for v in values if len(v) == finest):
            return "coarser", "interval"
        return "wrong", "interval not containing the date"
    if got.text in values:
        return ("right", "") if len(got.text) == finest else ("coarser", "")
    listed = [w for w in wrong_dates if got.text.startswith(w) or w.startswith(got.text)]
    if listed:
        return "wrong", f"a wrong date: {', '.join(listed)}"
    if any(got.text.startswith(v) for v in values):
        return "wrong", "finer than the text supports"
    return "wrong", "not a date of the text"


# Body, chrome, captions -------------------------------------------------------------------


def _block_has(block: str, line: str) -> bool:
    """A must-not line is in a block when it is the block, starts or ends it, or (long) is inside it."""
    if not line:
        return False
    return (
        block == line or block.startswith(line) or block.endswith(line) or (len(line) >= LONG_CHROME and line in block)
    )


def chrome_in(blocks: Iterable[str], line: str) -> str | None:
    """The first block that keeps the must-not line (or its core without punctuation), or None."""
    forms = {line, _core(line)} if len(_core(line)) >= 3 else {line}
    return next((b for b in blocks if any(_block_has(b, f) for f in forms)), None)


def _caption_match(block: str, caption: str) -> bool:
    head = caption[:EDGE_CHARS]
    return head in block or (len(block) >= 20 and block in caption)


def _caption_opens(block: str, caption: str) -> bool:
    return block.startswith(caption[:EDGE_CHARS]) or (len(block) >= 20 and block in caption)


def _title_is_chrome(title: str, chrome: Iterable[str]) -> str | None:
    bare = norm(title.rstrip("…").removesuffix("..."))
    if not bare:
        return "empty"
    for line in chrome:
        if line and (bare == line or bare in line or _block_has(bare, line)):
            return line
    return None


# Scores -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Failure:
    file: str
    field: str
    expected: str
    got: str


@dataclass(frozen=True)
class FileScore:
    """One file's figures; counts so that the summary is a sum over files."""

    key: str
    group: str
    error: str | None
    ms: float
    lang_ok: bool
    title_printed: bool
    title_ok: bool  # printed: exact; not printed: supplied and not chrome
    title_supplied: bool
    title_chrome: bool
    title_doubted: bool  # the record says an editor should check its title
    date_printed: bool
    date_class: str
    date_got: str | None
    date_note: str
    author_expected: bool
    author_ok: bool
    author_false: bool
    outlet_given: bool
    outlet_named: bool
    leaders_expected: int
    leaders_found: int
    leaders_false: tuple[str, ...]
    events_expected: int
    events_found: int
    events_false: tuple[tuple[str, str], ...]  # (event id, "passing mention" | "not an event of the article")
    mentions_expected: int
    mentions_found: int
    body_expected: int
    body_found: int
    chrome_expected: int
    chrome_absent: int
    chrome_in_removed: int
    captions_expected: int
    captions_found: int
    captions_as_paragraph: int
    captions_removed: int
    new_fields: tuple[str, ...]  # which of NEW_FIELDS the record has
    failures: tuple[Failure, ...]


def _body_phrases(truth: Truth) -> list[tuple[str, str]]:
    phrases = [("body_must", norm(p)) for p in truth.get("body_must") or []]
    for name in ("body_first", "body_last"):
        if truth.get(name):
            phrases.append((name, norm(truth[name])[:EDGE_CHARS].rstrip()))
    return phrases


def score_article(key: str, truth: Truth, article: Article, ms: float, group: str) -> FileScore:
    """Score one record against its truth entry."""
    failures: list[Failure] = []

    def fail(field: str, expected: object, got: object) -> None:
        failures.append(
            Failure(
                key,
                field,
                _short(str(expected)) if expected is not None else "—",
                _short(str(got)) if got is not None else "—",
            )
        )

    blocks = [(str(b.kind), norm(b.text)) for b in article.body]
    texts = [t for _, t in blocks]
    joined = " ".join(texts)
    removed = [norm(r.text) for r in article.removed]
    must_not = [norm(m) for m in truth.get("body_must_not") or []]
    captions = [norm(c) for c in truth.get("captions") or []]

    # title
    title = norm(article.title)
    supplied = bool(getattr(article, "title_supplied", False))
    printed = truth.get("title") is not None
    chrome_title = _title_is_chrome(title, must_not + captions)
    if printed:
        title_ok = title == norm(truth["title"])
        if not title_ok:
            fail("title", truth["title"], title)
    else:
        title_ok = supplied and chrome_title is None
        if not supplied:
            fail("title supplied", "derived title marked as supplied", f"not marked: {title}")
        if chrome_title is not None:
            fail("title chrome", "a title that is no chrome line or caption", title)

    # date
    accepted = truth.get("date") or [None]
    wrong_dates = truth.get("wrong_dates") or []
    got = record_date(article)
    klass, note = date_class(got, accepted, wrong_dates)
    if klass in ("missed", "wrong"):
        fail(
            f"date {klass.upper() if klass == 'wrong' else klass}",
            " | ".join("none" if v is None else v for v in accepted),
            f"{got.text} ({note})" if note else got.text,
        )

    # author
    expected_author = truth.get("author")
    author = norm(article.author) if article.author else None
    author_ok = bool(expected_author) and author is not None and author.casefold() == norm(expected_author).casefold()
    if expected_author and not author_ok:
        fail("author", expected_author, author)
    author_false = not expected_author and author is not None
    if author_false:
        fail("author false", None, author)

    # outlet (informational)
    outlet = norm(article.outlet) if article.outlet else None
    name = outlet_name(truth.get("outlet") or "").casefold()
    named = outlet is not None and bool(name) and (outlet.casefold() in name or name in outlet.casefold())

    # leaders
    leaders = set(article.leaders)
    expected_leaders = set(truth.get("leaders") or [])
    accepted_people = expected_leaders | set(truth.get("registry_foreign") or [])
    for missing in sorted(expected_leaders - leaders):
        fail("leader missed", missing, None)
    leaders_false = tuple(sorted(leaders - accepted_people))
    for extra in leaders_false:
        fail("leader false", None, extra)

    # events
    events = set(article.events)
    mentions = set(getattr(article, "mentions", ()) or ())
    subject = set(truth.get("events_subject") or [])
    mentioned = set(truth.get("events_mentioned") or [])
    for missing in sorted(subject - events):
        fail("event missed", missing, None)
    events_false = tuple(
        (e, "passing mention" if e in mentioned else "not an event of the article") for e in sorted(events - subject)
    )
    for event, kind in events_false:
        fail(f"event false ({kind})", None, event)

    # body
    phrases = _body_phrases(truth)
    body_found = 0
    for name_, phrase in phrases:
        if phrase in joined:
            body_found += 1
        else:
            fail(f"body lost ({name_})", phrase, "not in the body")

    # chrome
    absent = in_removed = 0
    for line in must_not:
        keeper = chrome_in(texts, line)
        if keeper is None:
            absent += 1
        else:
            fail("chrome kept", line, keeper)
        if chrome_in(removed, line) is not None or any(line in r for r in removed):
            in_removed += 1

    # captions
    as_caption = as_paragraph = caption_removed = 0
    for caption in captions:
        in_caption = any(kind == "caption" and _caption_match(t, caption) for kind, t in blocks)
        # Read as a paragraph: a paragraph that is the caption (or opens with it), not one of the
        # article's own paragraphs that says the same words further in.
        in_paragraph = any(kind != "caption" and _caption_opens(t, caption) for kind, t in blocks)
        taken_out = any(
            _caption_match(norm(r.text), caption) and CAPTION_REASON.search(r.reason) for r in article.removed
        )
        as_paragraph += in_paragraph
        caption_removed += taken_out
        if in_caption and not in_paragraph:
            as_caption += 1
        else:
            fail("caption", caption, "as body text" if in_paragraph else ("removed" if taken_out else "not found"))

    return FileScore(
        key=key,
        group=group,
        error=None,
        ms=ms,
        lang_ok=article.lang == truth.get("lang"),
        title_printed=printed,
        title_ok=title_ok,
        title_supplied=supplied,
        title_chrome=chrome_title is not None,
        title_doubted=bool(getattr(article, "title_doubt", None)),
        date_printed=None not in accepted,
        date_class=klass,
        date_got=got.text,
        date_note=note,
        author_expected=bool(expected_author),
        author_ok=author_ok,
        author_false=author_false,
        outlet_given=outlet is not None,
        outlet_named=named,
        leaders_expected=len(expected_leaders),
        leaders_found=len(expected_leaders & leaders),
        leaders_false=leaders_false,
        events_expected=len(subject),
        events_found=len(subject & events),
        events_false=events_false,
        mentions_expected=len(mentioned),
        mentions_found=len(mentioned & (mentions | events)),
        body_expected=len(phrases),
        body_found=body_found,
        chrome_expected=len(must_not),
        chrome_absent=absent,
        chrome_in_removed=in_removed,
        captions_expected=len(captions),
        captions_found=as_caption,
        captions_as_paragraph=as_paragraph,
        captions_removed=caption_removed,
        new_fields=tuple(name for name in NEW_FIELDS if hasattr(article, name)),
        failures=tuple(failures),
    )


def score_refused(key: str, truth: Truth, message: str, ms: float, group: str) -> FileScore:
    """A file the loader refused: a failure of every field, with the loader's message."""
    accepted = truth.get("date") or [None]
    must_not = truth.get("body_must_not") or []
    return FileScore(
        key=key,
        group=group,
        error=message,
        ms=ms,
        lang_ok=False,
        title_printed=truth.get("title") is not None,
        title_ok=False,
        title_supplied=False,
        title_chrome=False,
        title_doubted=False,
        date_printed=None not in accepted,
        date_class="refused",
        date_got=None,
        date_note=message,
        author_expected=bool(truth.get("author")),
        author_ok=False,
        author_false=False,
        outlet_given=False,
        outlet_named=False,
        leaders_expected=len(set(truth.get("leaders") or [])),
        leaders_found=0,
        leaders_false=(),
        events_expected=len(set(truth.get("events_subject") or [])),
        events_found=0,
        events_false=(),
        mentions_expected=len(set(truth.get("events_mentioned") or [])),
        mentions_found=0,
        body_expected=len(_body_phrases(truth)),
        body_found=0,
        chrome_expected=len(must_not),
        chrome_absent=0,
        chrome_in_removed=0,
        captions_expected=len(truth.get("captions") or []),
        captions_found=0,
        captions_as_paragraph=0,
        captions_removed=0,
        new_fields=(),
        failures=(Failure(key, "refused", "a record", _short(message)),),
    )


def score_file(key: str, truth: Truth, path: Path, reader: Reader, group: str) -> FileScore:
    started = time.perf_counter()
    try:
        article = reader(path)
    except DiparchiveError as exc:
        return score_refused(key, truth, str(exc), (time.perf_counter() - started) * 1000, group)
    return score_article(key, truth, article, (time.perf_counter() - started) * 1000, group)


def run(
    folder: Path,
    truth: dict[str, Truth],
    keys: Sequence[str],
    stock: Stock,
    cv: bool,
    hooks: ModelHooks | None,
    folds: int = 0,
) -> list[FileScore]:
    """Score `keys`: all with the stock loader, or (cv) each outlet group with a reader trained on the others.
    With `folds`, the outlet groups are dealt into that many folds, each held out whole (faster,
    and still no outlet is read by a model that saw it)."""
    groups = {key: outlet_group(truth[key].get("outlet") or key) for key in truth}
    if folds:
        order = sorted(set(groups.values()))
        fold_of = {group: f"fold {i % folds + 1}" for i, group in enumerate(order)}
        groups = {key: fold_of[group] for key, group in groups.items()}
    scores: dict[str, FileScore] = {}
    if not cv:
        for key in keys:
            scores[key] = score_file(key, truth[key], folder / f"{key}.txt", stock.read, groups[key])
    else:
        for group in sorted({groups[k] for k in keys}):
            train = {k: t for k, t in truth.items() if groups[k] != group}
            reader = make_reader(train, folder, stock, hooks)
            for key in keys:
                if groups[key] == group:
                    scores[key] = score_file(key, truth[key], folder / f"{key}.txt", reader, group)
    return [scores[key] for key in keys]


# Summary ----------------------------------------------------------------------------------


def summarise(scores: Sequence[FileScore]) -> dict[str, Any]:
    """Every figure, as counts and shares (None where nothing was expected)."""

    def count(predicate: Callable[[FileScore], bool]) -> int:
        return sum(1 for s in scores if predicate(s))

    def total(field: str) -> int:
        return sum(getattr(s, field) for s in scores)

    printed_titles = count(lambda s: s.title_printed)
    unprinted = len(scores) - printed_titles
    printed_dates = count(lambda s: s.date_printed)
    classes = {c: sum(s.date_class == c for s in scores) for c in DATE_CLASSES}
    found_printed = count(lambda s: s.date_printed and s.date_class in ("right", "coarser"))
    wrong_listed = count(lambda s: s.date_class == "wrong" and s.date_note.startswith("a wrong date"))
    events_false = [kind for s in scores for _, kind in s.events_false]
    figures: dict[str, Any] = {
        "files": len(scores),
        "refused": count(lambda s: s.error is not None),
        "ms_per_article": sum(s.ms for s in scores) / len(scores) if scores else None,
        "lang_right": count(lambda s: s.lang_ok),
        "records_with_field": {name: sum(name in s.new_fields for s in scores) for name in NEW_FIELDS},
        "title": {
            "printed": printed_titles,
            "exact": count(lambda s: s.title_printed and s.title_ok),
            "not_printed": unprinted,
            "supplied": count(lambda s: not s.title_printed and s.title_supplied),
            "chrome": count(lambda s: not s.title_printed and s.title_chrome),
            "supplied_not_chrome": count(lambda s: not s.title_printed and s.title_ok),
            "wrong_doubted": count(lambda s: s.title_printed and not s.title_ok and s.title_doubted),
            "right_doubted": count(lambda s: s.title_printed and s.title_ok and s.title_doubted),
        },
        "date": {
            "classes": classes,
            "printed": printed_dates,
            "found_where_printed": found_printed,
            "wrong_listed": wrong_listed,
            "not_printed_found": count(lambda s: not s.date_printed and s.date_class in ("right", "coarser")),
        },
        "author": {
            "expected": count(lambda s: s.author_expected),
            "exact": count(lambda s: s.author_ok),
            "false": count(lambda s: s.author_false),
        },
        "outlet": {"given": count(lambda s: s.outlet_given), "matches_name": count(lambda s: s.outlet_named)},
        "leaders": {
            "expected": total("leaders_expected"),
            "found": total("leaders_found"),
            "false": sum(len(s.leaders_false) for s in scores),
        },
        "events": {
            "expected": total("events_expected"),
            "found": total("events_found"),
            "false": len(events_false),
            "false_passing_mention": events_false.count("passing mention"),
            "false_other": events_false.count("not an event of the article"),
            "mentions_expected": total("mentions_expected"),
            "mentions_found": total("mentions_found"),
        },
        "body": {"expected": total("body_expected"), "found": total("body_found")},
        "chrome": {
            "expected": total("chrome_expected"),
            "absent": total("chrome_absent"),
            "in_removed": total("chrome_in_removed"),
        },
        "captions": {
            "expected": total("captions_expected"),
            "found": total("captions_found"),
            "as_paragraph": total("captions_as_paragraph"),
            "removed": total("captions_removed"),
        },
    }
    figures["shares"] = {
        "title_exact": _share(figures["title"]["exact"], printed_titles),
        "title_supplied_ok": _share(figures["title"]["supplied_not_chrome"], unprinted),
        "date_found": _share(found_printed, printed_dates),
        "author": _share(figures["author"]["exact"], figures["author"]["expected"]),
        "leaders_recall": _share(figures["leaders"]["found"], figures["leaders"]["expected"]),
        "events_recall": _share(figures["events"]["found"], figures["events"]["expected"]),
        "mentions_recall": _share(figures["events"]["mentions_found"], figures["events"]["mentions_expected"]),
        "body_kept": _share(figures["body"]["found"], figures["body"]["expected"]),
        "chrome_removed": _share(figures["chrome"]["absent"], figures["chrome"]["expected"]),
        "chrome_in_removed": _share(figures["chrome"]["in_removed"], figures["chrome"]["expected"]),
        "captions_found": _share(figures["captions"]["found"], figures["captions"]["expected"]),
    }
    figures["targets_met"] = {name: _met(name, figures["shares"].get(name), figures) for name in TARGETS}
    return figures


def _met(name: str, share: float | None, figures: dict[str, Any]) -> bool | None:
    """Whether a target is met; None when nothing in the files measures it."""
    counts = {
        "date_wrong": figures["date"]["classes"]["wrong"],
        "leaders_false": figures["leaders"]["false"],
        "events_false": figures["events"]["false"],
    }
    if name in counts:
        return bool(counts[name] <= TARGETS[name])
    return None if share is None else share >= TARGETS[name]


def _pct(share: float | None) -> str:
    return "   n/a" if share is None else f"{100 * share:5.1f} %"


def _frac(part: int, whole: int) -> str:
    return f"{part}/{whole}".rjust(9) + "  " + _pct(_share(part, whole))


def tables(figures: dict[str, Any]) -> list[str]:
    """The per-field table, one row per figure."""
    t, d, a, o, le, ev, b, c, cap = (
        figures[k] for k in ("title", "date", "author", "outlet", "leaders", "events", "body", "chrome", "captions")
    )
    cls = d["classes"]
    rows = [
        ("title", "exact (files printing a title)", _frac(t["exact"], t["printed"])),
        ("", "wrong titles `check` flags", _frac(t["wrong_doubted"], t["printed"] - t["exact"])),
        ("", "right titles `check` flags", _frac(t["right_doubted"], t["exact"])),
        ("", "no title line: marked supplied", _frac(t["supplied"], t["not_printed"])),
        ("", "no title line: title is chrome/caption", _frac(t["chrome"], t["not_printed"])),
        ("", "no title line: supplied and not chrome", _frac(t["supplied_not_chrome"], t["not_printed"])),
        ("date", "found where printed (right+coarser)", _frac(d["found_where_printed"], d["printed"])),
        ("", "right", str(cls["right"]).rjust(9)),
        ("", "coarser but true", str(cls["coarser"]).rjust(9)),
        ("", "none (accepted: page prints none)", str(cls["none-accepted"]).rjust(9)),
        ("", "missed", str(cls["missed"]).rjust(9)),
        ("", "WRONG", f"{cls['wrong']:>9}  ({d['wrong_listed']} from wrong_dates)"),
        ("", "refused by the loader", str(cls["refused"]).rjust(9)),
        ("", "found where not printed", _frac(d["not_printed_found"], figures["files"] - d["printed"])),
        ("author", "exact (files printing a byline)", _frac(a["exact"], a["expected"])),
        ("", "false (no byline printed)", str(a["false"]).rjust(9)),
        ("outlet", "given / matching the name (info)", f"{o['given']:>9}  {o['matches_name']} match"),
        ("lang", "right", _frac(figures["lang_right"], figures["files"])),
        ("leaders", "recall", _frac(le["found"], le["expected"])),
        ("", "false", str(le["false"]).rjust(9)),
        ("events", "about: recall", _frac(ev["found"], ev["expected"])),
        (
            "",
            "about: false",
            f"{ev['false']:>9}  ({ev['false_passing_mention']} passing mentions, {ev['false_other']} not events of the article)",
        ),
        ("", "mentioned: recall in mentions+events", _frac(ev["mentions_found"], ev["mentions_expected"])),
        ("body", "phrases kept (must, first, last)", _frac(b["found"], b["expected"])),
        ("chrome", "lines out of the body", _frac(c["absent"], c["expected"])),
        ("", "lines in removed (info)", _frac(c["in_removed"], c["expected"])),
        ("captions", "found as captions", _frac(cap["found"], cap["expected"])),
        ("", "as body text", str(cap["as_paragraph"]).rjust(9)),
        ("", "removed with a caption reason (info)", str(cap["removed"]).rjust(9)),
        (
            "records",
            "having " + " / ".join(NEW_FIELDS),
            " / ".join(str(n) for n in figures["records_with_field"].values()).rjust(9),
        ),
        (
            "speed",
            "mean ms per article",
            "n/a" if figures["ms_per_article"] is None else f"{figures['ms_per_article']:9.2f}",
        ),
    ]
    width = max(len(r[1]) for r in rows)
    lines = [f"{'field':<9} {'figure':<{width}}  value", "-" * (width + 32)]
    lines.extend(f"{field:<9} {label:<{width}}  {value}" for field, label, value in rows)
    return lines


def failure_lines(scores: Sequence[FileScore]) -> list[str]:
    lines = []
    for score in scores:
        for f in score.failures:
            lines.append(f"{f.file}  {f.field:<28} expected: {f.expected}  ·  got: {f.got}")
    return lines


def headline(figures: dict[str, Any], mode: str) -> list[str]:
    """Six lines: the figures issue 16 sets targets for, each with its target and whether it is met."""
    s, met = figures["shares"], figures["targets_met"]

    def mark(*names: str) -> str:
        if any(met[n] is False for n in names):
            return "NOT MET"
        return "n/a" if any(met[n] is None for n in names) else "met"

    t, d, a, le, ev = figures["title"], figures["date"], figures["author"], figures["leaders"], figures["events"]
    return [
        f"title exact {t['exact']}/{t['printed']} {_pct(s['title_exact'])} [≥ 95 %] {mark('title_exact')} · no title line: {t['supplied_not_chrome']}/{t['not_printed']} supplied, not chrome ({mode}, {figures['files']} files, {figures['refused']} refused)",
        f"date WRONG {d['classes']['wrong']} [0] · found where printed {d['found_where_printed']}/{d['printed']} {_pct(s['date_found'])} [≥ 90 %] {mark('date_wrong', 'date_found')}",
        f"author {a['exact']}/{a['expected']} {_pct(s['author'])} [≥ 85 %] {mark('author')} · false authors {a['false']}",
        f"leaders recall {le['found']}/{le['expected']} {_pct(s['leaders_recall'])} [≥ 95 %] · false {le['false']} [0] {mark('leaders_recall', 'leaders_false')}",
        f"events about recall {ev['found']}/{ev['expected']} {_pct(s['events_recall'])} [≥ 90 %] · false {ev['false']} [0] ({ev['false_passing_mention']} passing mentions) {mark('events_recall', 'events_false')}",
        f"body kept {_pct(s['body_kept'])} [≥ 98 %] {mark('body_kept')} · chrome removed {_pct(s['chrome_removed'])} [≥ 95 %] {mark('chrome_removed')} · captions {_pct(s['captions_found'])}",
    ]


# Command line -----------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score the loader against real scrapes with their truth.")
    parser.add_argument("folder", type=Path, help="a folder holding NNN.txt files and truth.json")
    parser.add_argument("--cv", choices=["outlet"], help="leave one outlet out")
    parser.add_argument(
        "--folds", type=int, default=0, help="with --cv: deal the outlets into this many folds (faster)"
    )
    parser.add_argument("--json", type=Path, help="write every figure and failure to this file")
    parser.add_argument("--quiet", action="store_true", help="leave out the list of failures")
    parser.add_argument("--only", help="comma-separated file numbers (001,017)")
    args = parser.parse_args(argv)

    truth = load_truth(args.folder)
    keys = list(truth)
    if args.only:
        wanted = [k.strip() for k in args.only.split(",") if k.strip()]
        unknown = [k for k in wanted if k not in truth]
        if unknown:
            parser.error(f"not in truth.json: {', '.join(unknown)}")
        keys = [k for k in keys if k in wanted]
    stock = stock_reader()
    hooks: ModelHooks | None = None
    mode = "plain"
    if args.cv:
        hooks, why = model_hooks()
        groups = {outlet_group(truth[k].get("outlet") or k) for k in keys}
        mode = f"cv outlet, {len(groups)} groups"
        if hooks is None:
            print(
                f"the loader has no learned model ({why}): cross-validation reads with the stock loader, so it equals the plain run"
            )
        else:
            print(f"learned model: {why}; {len(groups)} outlet groups held out in turn")

    scores = run(args.folder, truth, keys, stock, args.cv is not None, hooks, args.folds)
    figures = summarise(scores)
    print(f"extraction benchmark: {args.folder} ({mode})\n")
    print("\n".join(tables(figures)))
    if not args.quiet:
        failures = failure_lines(scores)
        print(f"\nfailures ({sum(len(s.failures) for s in scores)})")
        print("\n".join(failures))
    if args.json:
        report = {
            "folder": str(args.folder),
            "mode": mode,
            "figures": figures,
            "files": [
                {**{k: v for k, v in asdict(s).items() if k != "failures"}, "failures": [asdict(f) for f in s.failures]}
                for s in scores
            ],
        }
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print()
    print("\n".join(headline(figures, mode)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
