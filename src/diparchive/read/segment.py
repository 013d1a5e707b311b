"""The lines of a scrape → what each one is: title, dateline, byline, body, caption, chrome.

A scrape is a page's text from the top: menus, widgets and clocks, then the headline, a dateline
or byline, the lead and the body with its photo captions, then related headlines and the rest
of the site. No outlet prints these the same way, so no rule per outlet can read them. Instead,
as boilerpipe and jusText do for blocks of HTML, each line is described by shallow, explainable
features — its length, punctuation, digits, dates, whether it sits just before the first long
paragraph, how many words it shares with that paragraph, whether it repeats in the file, what
its neighbours look like — and a linear-chain CRF (python-crfsuite) labels the whole sequence at
once, so that "a short line right before the lead" and "the lines after the body" are read in
context. The model is small, ships in the package (`segmenter.crfsuite`), and is rebuilt by
`benchmarks/train_segmenter.py` from labelled scrapes; its accuracy is measured leaving each
outlet out (`benchmarks/extraction.py --cv outlet`).

Before labelling, `split_glued` cuts lines that a scraper glued together (a section name, a
date and a widget on one line; a date stuck to the end of a headline; a corpus date token in
front of the first sentence; a caption and its credit before a place's dateline "HÀ NỘI —"; a
link after a teaser cut short "… Read more"), because no line labeller can give two labels to
one line.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import pycrfsuite

from .boilerplate import is_section_marker
from .dates import DATE_RE
from .folding import fold, words

MODEL_FILE = Path(__file__).with_name("segmenter.crfsuite")


class Label(StrEnum):
    TITLE = "title"
    DATELINE = "dateline"
    BYLINE = "byline"
    BODY = "body"
    CAPTION = "caption"
    CHROME = "chrome"  # menus, widgets, clocks, counters, credits, links above or inside the body
    TAIL = "tail"  # after the article: related headlines, teasers, the rest of the site


# Splitting glued lines --------------------------------------------------------------------

_TIME = (
    r"\d{1,2}\s*[:h]\s*\d{2}(?:\s*:\s*\d{2})?(?:\s*(?:am|pm|sa|ch))?"
    r"(?:\s*\[?\(?\s*(?:gmt|utc)?\s*[+-]\s*\d{1,2}(?::?\d{2})?\s*\)?\]?"
    r"|\s+\(?(?:gmt|utc|edt|est|cdt|cst|pdt|pst|bst|cet|cest|ict|sgt|jst|kst|aest)\)?(?![^\W\d_]))?"
)
_TIME_RE = re.compile(_TIME, re.IGNORECASE)
_CORPUS_DATE = re.compile(r"^\s*date\s+(\d{4}(?:-\d{2}(?:-\d{2})?)?)\s+(?=\S)", re.IGNORECASE)


def split_glued(line: str) -> list[str]:
    """One scraped line → the lines it was made of (most lines: themselves)."""
    text = line.strip()
    if not text:
        return []
    corpus = _CORPUS_DATE.match(text)
    if corpus and len(text) > corpus.end() + 3:
        # " date 2017-12 Title" or " date 2017-12 1. First sentence": the token is a line.
        return [text[: corpus.end()].strip(), *split_glued(text[corpus.end() :])]
    prefix = _LEAD_PREFIX.match(text)
    if prefix and len(text) - prefix.end() >= 40 and _is_mark(prefix.group(1)):
        # "(TTXVN) - First sentence…", "HANOI -- First sentence…": the outlet or place mark is a line.
        return [text[: prefix.end()].strip(), *split_glued(text[prefix.end() :])]
    placed_mark = _mid_dateline(text)
    if placed_mark is not None:
        # "… on Saturday. — VNA/VNS Photo HÀ NỘI — Party chief …": a place's dateline opens the story.
        return [*split_glued(text[:placed_mark]), *split_glued(text[placed_mark:])]
    more = _READ_MORE.search(text)
    if more and more.start() >= 60 and more.group(1)[0].isupper():
        # "… the delegation… Read the full story": a teaser cut short, then its link.
        return [*split_glued(text[: more.start() + 1]), more.group(1).strip()]
    ended = _ENDED.search(text)
    if ended:
        # "…từ ngày 19-23/5./.Phạm Văn Thừa": the text's end mark, and the signature after it.
        return [text[: ended.end()].strip(), *split_glued(text[ended.end() :])]
    foreign = _FOREIGN_RUN.search(text)
    if foreign and _latin(text):
        # "Headline 第1张 Caption": a slideshow widget's token in another script joins two lines.
        pieces = [text[: foreign.start()], foreign.group(0), text[foreign.end() :]]
        return [line for piece in pieces for line in split_glued(piece)]
    credit = _CREDIT_END.search(text)
    if credit and text[credit.end() :].lstrip()[:1].isupper():
        # "Caption. (Ảnh: X/TTXVN) Zalo Facebook…": a photo credit closes its caption.
        return [text[: credit.end()].strip(), *split_glued(text[credit.end() :])]
    placed = _GLUED_PLACEHOLDER.search(text)
    if placed and text[placed.end()].isupper():
        # "Alt text - ảnh 1Caption…": where the picture stood, a CMS glued its alt text to the caption.
        return [text[: placed.end()].strip(), *split_glued(text[placed.end() :])]
    dated = _dated_span(text)
    if dated is not None:
        start, end = dated
        pieces = [text[:start], text[start:end], text[end:]]
        return [p.strip(" |-–—•·") for p in pieces if p.strip(" |-–—•·,")]
    if len(text) <= 200:
        parts = _unglue(text)
        if len(parts) > 1 and all(len(p) >= 2 for p in parts):
            return parts
    return [text]


# A teaser's cut ("…") followed by a few words to the end of the line: the link to the rest.
_READ_MORE = re.compile(r"(?:…|\.\.\.)\s+([^\W\d_][^.!?…:|]{2,40})$")
_DASHES = re.compile(r"\s(?:—|--)\s+(?=[^\W\d_])")
# Before the place: a sentence's end, or one and the credit of its photo ("… Saturday. — VNA/VNS X ").
_ENDED_BEFORE = re.compile(r"\S{2}[.!?…”\")]\s*(?:[—–-]\s*[^.!?…—–]{1,40})?\s$")
DATELINE_LETTERS = 4  # a place in capitals before a dash ("HANOI —", "HÀ NỘI —"), not "UN —"


def _mid_dateline(text: str) -> int | None:
    """Where a place's dateline in capitals ("HÀ NỘI —") opens a story inside a long line, after
    a sentence (a caption and its credit): the place's first character. None when there is none."""
    for dash in _DASHES.finditer(text):
        before = text[: dash.start()].split(" ")
        caps = 0
        while caps < min(3, len(before) - 1) and _in_capitals(before[-1 - caps]):
            caps += 1
        if not caps or _in_capitals(before[-1 - caps]):
            continue  # no place, or a heading in capitals all along
        place = " ".join(before[-caps:])
        start = dash.start() - len(place)
        ended = _ENDED_BEFORE.search(text[:start])  # a sentence ends there, or its photo's credit
        if sum(c.isalpha() for c in place) >= DATELINE_LETTERS and ended and len(text) - dash.end() >= 40:
            return start
    return None


def _in_capitals(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


_ENDED = re.compile(r"\./\.(?=\s*[^\W\d_])")  # the end mark "./." with a name or more text after it
# A run of Han, kana or hangul: in a Latin-script page, a widget's label ("第1张"), never prose.
_FOREIGN_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af][\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\d]*")
_CREDIT_END = re.compile(r"\((?:ảnh|photo|nguồn ảnh|source)\s*:[^()]{1,60}\)(?=\s+\S)", re.IGNORECASE)


def _latin(text: str) -> bool:
    """Most of the line's letters are Latin (Vietnamese and English are)."""
    letters = [c for c in text if c.isalpha()]
    return sum(1 for c in letters if c < "\u0250" or "\u1e00" <= c <= "\u1eff") >= 0.8 * len(letters)


_GLUED_PLACEHOLDER = re.compile(
    r"[\s\-–](?:ảnh|hình(?:\s+ảnh)?|hinh(?:\s+anh)?|photo|image)\s*\d{1,2}\.?(?=[^\W\d_])", re.IGNORECASE
)


def _unglue(text: str) -> list[str]:
    """Cut where a lower-case letter (or a digit) runs straight into a capitalised word with no
    space: "Thế giớiThứ Sáu", "+07:00Google". Running text never writes that; "iPhone" and
    "McCain" stay whole because a cut needs two lower-case letters before it."""
    cuts = [
        i
        for i in range(2, len(text) - 1)
        if text[i].isupper()
        and text[i + 1].islower()
        and (
            (text[i - 1].islower() and text[i - 2].islower())
            or (text[i - 1].isdigit() and text[i - 2] in ":0123456789")
        )
    ]
    bounds = [0, *cuts, len(text)]
    return [text[a:b].strip() for a, b in zip(bounds, bounds[1:])]


# A short mark at the start of a lead: "(Ngày Nay) - ", "TBV - ", "(TTXVN)- ", "HANOI -- ", "VTV.vn - ".
# An ampersand may join a code's letters ("TG&VN - ", "(KT&ĐT) - ").
_LEAD_PREFIX = re.compile(
    r"^(\([^\W\d_](?:[^\W\d]|[.&])*(?:\s[^\W\d]+){0,3}\)\s*|[^\W\d_](?:[^\W\d]|[.&])*(?:\s[^\W\d]+){0,3}\s+)(?:-{1,2}|–|—)\s+(?=[^\W\d_])"
)


def _is_mark(prefix: str) -> bool:
    """Parenthesised, in capitals, or a web address: a mark, not the first words of a sentence."""
    prefix = prefix.strip()
    letters = [c for c in prefix if c.isalpha()]
    if "&" in prefix and min(len(side.strip("() ")) for side in prefix.split("&")) < 2:
        return False  # "Q&A -", "AT&T -": words, not an outlet's code of two parts ("TG&VN -")
    return (
        len(letters) >= 2
        and prefix.startswith("(")
        and prefix.endswith(")")
        or all(c.isupper() for c in letters)
        or re.search(r"\.(?:vn|com|net|org)\b", prefix) is not None
    )


def _dated_span(text: str) -> tuple[int, int] | None:
    """The span of a full date with a clock time glued to other text, as chrome prints it
    ("Thế giớiThứ Sáu, 01/11/2019 20:31:00 +07:00Google News", "Headline29/10/2021 05:24")."""
    match = DATE_RE.search(text) if len(text) <= 240 and any(c.isdigit() for c in text) else None
    if match is None:
        return None
    start, end = match.start(), match.end()
    after = text[end:]
    clock = re.match(r"[\s,|\-–—]*(?:lúc\s*)?" + _TIME, after, re.IGNORECASE)
    before_clock = re.search(_TIME + r"[\s,|\-–—]*$", text[:start], re.IGNORECASE)
    if clock:
        end += clock.end()
    elif before_clock:
        start = before_clock.start()
    else:
        return None
    # Weekday words and labels right before the date belong to it ("Thứ Sáu, ", "Cập nhật: ").
    head = re.search(
        r"(?:(?:thứ\s*(?:[2-7]|hai|ba|tư|năm|sáu|bảy)|chủ\s*nhật|[A-Z][a-z]+day)\s*,?\s*(?:ngày\s*)?)$",
        text[:start],
        re.IGNORECASE,
    )
    if head:
        start = head.start()
    glued = (start > 0 and not text[start - 1].isspace() and text[start - 1] not in "|-–—:,(") or (
        end < len(text) and text[end].isalpha()
    )
    outside = text[:start].strip(" |-–—•·,:") + text[end:].strip(" |-–—•·,")
    if not outside:
        return None  # a dateline by itself: nothing to split
    return (start, end) if glued or len(outside) < 0.8 * len(text) and not _sentence_like(text) else None


def _sentence_like(text: str) -> bool:
    return len(text.split()) > 12 and text.rstrip()[-1:] in '.!?…"”'


def scrape_lines(body: str, first_line: int) -> list[tuple[str, int]]:
    """The lines the segmenter labels: every non-empty line of a scrape, glued lines cut apart,
    each with its line number in the file."""
    return [(piece, first_line + offset) for offset, line in enumerate(body.split("\n")) for piece in split_glued(line)]


# Features ---------------------------------------------------------------------------------

LONG = 120  # characters: a paragraph, not a headline or a widget
_CREDIT = re.compile(
    r"\b(?:ảnh|photo|nguồn|source|credit|video|clip|đồ họa|infographic)\b\s*[:.]|\((?:ảnh|photo)|/\s*(?:[A-Z]{2,6})\b",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^(?:theo|by|tác giả|bài(?:\s+và\s+ảnh)?|pv|nhóm pv|phóng viên|reporter|written by)\b\s*[:.]?", re.IGNORECASE
)
_BULLET = re.compile(r"^[•·*▪►»>\-–—+]\s*")
_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|mp4)\b|!\[|\]\(|https?://|www\.|@\w", re.IGNORECASE)
_ENDS = {
    ".": "stop",
    "!": "stop",
    "?": "question",
    ":": "colon",
    "…": "ellipsis",
    '"': "quote",
    "”": "quote",
    ")": "paren",
    "|": "pipe",
}
# What a CMS writes where a picture was: "… - Ảnh 1.", "… hinh anh 1", "… - Hình 2", "Photo 3".
PLACEHOLDER = re.compile(
    r"(?:^|[\s\-–])(?:ảnh|hình(?:\s+ảnh)?|hinh(?:\s+anh)?|anh|photo|image|figure)\s*\d{1,2}\s*\.?\s*$", re.IGNORECASE
)
_COUNTER = re.compile(
    r"^\(?\s*[\w\s]{0,20}:?\s*[\d.,]+\s*\)?$|\d+\s*(?:lượt|views?|bình luận|comments?)\b", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    chars: int
    tokens: tuple[str, ...]


def _bucket(value: float, edges: Sequence[float]) -> str:
    for index, edge in enumerate(edges):
        if value < edge:
            return str(index)
    return str(len(edges))


def _shape(line: _Line) -> dict[str, float | str]:
    text = line.text
    letters = [c for c in text if c.isalpha()]
    upper = sum(1 for c in letters if c.isupper())
    capitalised = sum(1 for w in text.split() if w[:1].isupper())
    n_words = max(1, len(text.split()))
    digits = sum(1 for c in text if c.isdigit())
    last = text.rstrip()[-1:] if text.strip() else ""
    features: dict[str, float | str] = {
        "len": _bucket(line.chars, (4, 12, 25, 45, 70, 100, 160, 300)),
        "words": _bucket(n_words, (2, 4, 7, 11, 16, 25, 40)),
        "end": _ENDS.get(last, "digit" if last.isdigit() else "letter" if last.isalpha() else "other"),
        "upper": _bucket(upper / len(letters) if letters else 0, (0.05, 0.2, 0.5, 0.9)),
        "capitalised": _bucket(capitalised / n_words, (0.2, 0.4, 0.6, 0.85)),
        "digits": _bucket(digits / max(1, line.chars), (0.01, 0.08, 0.2, 0.4)),
        "date": "yes" if digits and DATE_RE.search(text) else "no",  # every date has a digit: skip the search
        "time": "yes" if digits and _TIME_RE.search(text) else "no",
        "credit": "yes" if _CREDIT.search(text) else "no",
        "byline": "yes" if _BYLINE.match(text) else "no",
        "bullet": "yes" if _BULLET.match(text) else "no",
        "link": "yes" if _FILE.search(text) else "no",
        "pipe": "yes" if "|" in text else "no",
        "counter": "yes" if _COUNTER.search(text) else "no",
        "placeholder": "yes" if PLACEHOLDER.search(text) else "no",
        "first_upper": "yes" if text[:1].isupper() else "digit" if text[:1].isdigit() else "no",
        "inner_stop": "yes" if re.search(r"[.!?]\s+[A-ZÀ-ỸĐ]", text) else "no",
    }
    first = fold(text.split()[0]).strip(".,:;()[]\"“”'") if text.split() else ""
    if first.isalpha() and len(first) <= 10:
        features["w0=" + first] = 1.0
    return features


def _overlap(own: tuple[str, ...], other: set[str]) -> float:
    if not own:
        return 0.0
    return sum(1 for t in own if t in other) / len(own)


def line_features(texts: Sequence[str]) -> list[dict[str, float | str]]:
    """The feature dict of every line, from the line itself, its neighbours and the file."""
    lines = [_Line(t, len(t), tuple(w for w in words(fold(t)) if not w.isdigit())) for t in texts]
    n = len(lines)
    long_at = [i for i, line in enumerate(lines) if line.chars >= LONG]
    first_long = long_at[0] if long_at else n
    counts = Counter(" ".join(line.tokens) for line in lines)
    article_vocab = Counter(t for i in long_at for t in set(lines[i].tokens))
    shapes = [_shape(line) for line in lines]
    markers_before, short_run = [0] * n, [0] * n
    for i in range(1, n):
        markers_before[i] = markers_before[i - 1] + (1 if is_section_marker(lines[i - 1].text) else 0)
        short_run[i] = 0 if lines[i - 1].chars >= LONG else short_run[i - 1] + 1
    out: list[dict[str, float | str]] = []
    next_long = n
    next_long_of = [n] * n
    for i in range(n - 1, -1, -1):
        next_long_of[i] = next_long
        if lines[i].chars >= LONG:
            next_long = i
    for i, line in enumerate(lines):
        f: dict[str, float | str] = dict(shapes[i])
        f["bias"] = 1.0
        f["pos"] = _bucket(i, (1, 2, 3, 5, 8, 12, 20))
        f["rel"] = _bucket(i / max(1, n - 1), (0.1, 0.25, 0.5, 0.75, 0.9))
        f["to_first_long"] = _bucket(i - first_long, (-6, -3, -2, -1, 0, 1, 2, 4, 8))
        following = next_long_of[i]
        lead = set(lines[following].tokens) if following < n else set()
        f["lead_overlap"] = _bucket(_overlap(line.tokens, lead), (0.01, 0.2, 0.4, 0.6, 0.8))
        f["to_next_long"] = _bucket(following - i, (1, 2, 3, 5, 10)) if following < n else "none"
        own = (
            1 if line.chars >= LONG else 0
        )  # a long line's words count once in the vocabulary: not as evidence for itself
        shared = sum(1 for t in line.tokens if article_vocab[t] > own) / len(line.tokens) if line.tokens else 0.0
        f["article_overlap"] = _bucket(shared, (0.05, 0.2, 0.35, 0.5, 0.7))
        f["repeated"] = "yes" if line.tokens and counts[" ".join(line.tokens)] > 1 else "no"
        f["after_all_long"] = "yes" if long_at and i > long_at[-1] else "no"
        f["last"] = "yes" if i == n - 1 else "no"
        f["marker"] = "yes" if is_section_marker(line.text) else "no"
        f["markers_before"] = _bucket(markers_before[i], (1, 2))
        f["short_run"] = _bucket(short_run[i], (1, 2, 4))
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if 0 <= j < n:
                for key in ("len", "end", "date", "credit", "link", "bullet", "counter"):
                    f[f"{offset}:{key}"] = shapes[j][key]
            else:
                f[f"{offset}:edge"] = 1.0
        out.append(f)
    return out


def _crf_items(features: list[dict[str, float | str]]) -> list[dict[str, float]]:
    """python-crfsuite's form: string values become indicator features `key=value`."""
    return [
        {(k if isinstance(v, float) else f"{k}={v}"): (v if isinstance(v, float) else 1.0) for k, v in f.items()}
        for f in features
    ]


# Labelling --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Segmenter:
    """A trained model, opened once per process and used for every file."""

    tagger: pycrfsuite.Tagger

    @classmethod
    def open(cls, model: Path = MODEL_FILE) -> Segmenter:
        tagger = pycrfsuite.Tagger()
        tagger.open(str(model))
        return cls(tagger)

    def label(self, texts: Sequence[str]) -> list[Label]:
        return [labelled.label for labelled in self.read(texts)]

    def read(self, texts: Sequence[str]) -> list[Labelled]:
        """Each line's label, with the model's probability of each label for it."""
        if not texts:
            return []
        self.tagger.set(_crf_items(line_features(texts)))
        tags = self.tagger.tag()
        return [
            Labelled(Label(tag), {label: self.tagger.marginal(str(label), i) for label in self._known()})
            for i, tag in enumerate(tags)
        ]

    def _known(self) -> tuple[Label, ...]:
        return tuple(Label(name) for name in self.tagger.labels())


@dataclass(frozen=True, slots=True)
class Labelled:
    label: Label
    chances: dict[Label, float]

    def chance(self, label: Label) -> float:
        return self.chances.get(label, 0.0)


def train(
    sequences: Sequence[tuple[Sequence[str], Sequence[Label]]], model: Path, c1: float = 0.5, c2: float = 0.05
) -> None:
    """Fit a model on labelled scrapes (lines and their labels) and write it to `model`."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for texts, labels in sequences:
        trainer.append(_crf_items(line_features(texts)), [str(label) for label in labels])
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": 200, "feature.possible_transitions": True})
    trainer.train(str(model))
