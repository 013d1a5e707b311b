"""What the segmenter's CRF reads of each line (see `segment`): shallow, explainable features —
length, punctuation, digits, dates, credit cues, position relative to the first long paragraph,
words shared with it, repetition in the file, and the neighbours' shapes — in python-crfsuite's
form: a string value is an indicator `key=value` of weight 1.0.

The model (`segmenter.crfsuite`) was trained on these exact strings, so a faster test must find
exactly what the pattern it stands for finds: each fast test below names its pattern, and
tests/test_features.py holds them to it. A line's own facts (its characters counted, its words
split, its tokens) are computed once and shared by every feature that reads them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import filterfalse
from operator import itemgetter

from .boilerplate import is_section_marker
from .dates import DATE_RE
from .folding import fold, words

LONG = 120  # characters: a paragraph, not a headline or a widget
TIME = (  # "\d\d?" is "\d{1,2}", written so that the search skips to digits in C
    r"\d\d?\s*[:h]\s*\d{2}(?:\s*:\s*\d{2})?(?:\s*(?:am|pm|sa|ch|a\.m\.|p\.m\.))?"
    r"(?:\s*\[?\(?\s*(?:gmt|utc)?\s*[+-]\s*\d{1,2}(?::?\d{2})?\s*\)?\]?"
    r"|\s+\(?(?:gmt|utc|edt|est|cdt|cst|pdt|pst|bst|cet|cest|ict|sgt|jst|kst|aest|et|pt|ct)\)?(?![^\W\d_]))?"
)
TIME_RE = re.compile(TIME, re.IGNORECASE)

# The patterns the features stand for ------------------------------------------------------

_CREDIT_WORDS = ("ảnh", "photo", "nguồn", "source", "credit", "video", "clip", "đồ họa", "infographic")
_CREDIT = re.compile(
    r"\b(?:" + "|".join(_CREDIT_WORDS) + r")\b\s*[:.]|\((?:ảnh|photo)|/\s*(?:[A-Z]{2,6})\b", re.IGNORECASE
)
_BYLINE = re.compile(
    r"^(?:theo|by|tác giả|bài(?:\s+và\s+ảnh)?|pv|nhóm pv|phóng viên|reporter|written by)\b\s*[:.]?", re.IGNORECASE
)
_BULLET = re.compile(r"^[•·*▪►»>\-–—+]\s*")
_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|mp4)\b|!\[|\]\(|https?://|www\.|@\w", re.IGNORECASE)
# What a CMS writes where a picture was: "… - Ảnh 1.", "… hinh anh 1", "… - Hình 2", "Photo 3".
PLACEHOLDER = re.compile(
    r"(?:^|[\s\-–])(?:ảnh|hình(?:\s+ảnh)?|hinh(?:\s+anh)?|anh|photo|image|figure)\s*\d{1,2}\s*\.?\s*$", re.IGNORECASE
)
_COUNTER = re.compile(
    r"^\(?\s*[\w\s]{0,20}:?\s*[\d.,]+\s*\)?$|\d+\s*(?:lượt|views?|bình luận|comments?)\b", re.IGNORECASE
)
_INNER_STOP = re.compile(r"[.!?]\s+[A-ZÀ-ỸĐ]")
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

# Their fast forms -------------------------------------------------------------------------
# A pattern that opens with a letter under IGNORECASE is tried at every position of the line; one
# that opens with punctuation is scanned for in C. So a pattern's alternatives are split, and one
# that ends in punctuation is searched for backwards: its reverse in the reversed line (a regular
# pattern reversed matches exactly the reversed strings; `\b` is the same edge from either side).

_CREDIT_MARK = re.compile(r"\((?:ảnh|photo)|/\s*(?:[A-Z]{2,6})\b", re.IGNORECASE)  # _CREDIT's 2nd, 3rd
_CREDIT_WORD_REVERSED = re.compile(  # _CREDIT's 1st, reversed: "[:.]", spaces, the word backwards
    r"[:.]\s*\b(?:" + "|".join(w[::-1] for w in _CREDIT_WORDS) + r")\b", re.IGNORECASE
)
_FILE_MARK = re.compile(r"\.(?:jpe?g|png|gif|webp|mp4)\b|!\[|\]\(|@\w", re.IGNORECASE)  # _FILE but the web
_FILE_WEB_REVERSED = re.compile(r"//:s?ptth|\.www", re.IGNORECASE)  # "https?://", "www\." reversed
_COUNTER_WHOLE = re.compile(r"^\(?\s*[\w\s]{0,20}:?\s*[\d.,]+\s*\)?$", re.IGNORECASE)  # _COUNTER's 1st
_COUNTER_COUNT = re.compile(r"\d\d*\s*(?:lượt|views?|bình luận|comments?)\b", re.IGNORECASE)  # 2nd ("\d+")
# Every match of DATE_RE holds a year's four digits, a clock after a short date ("12/03/25 14:05")
# or "tháng" (in the forms without a year): a line with none of them is not searched.
_DATE_HINT = re.compile(r"\d{4}|\d[:h]\d|tháng", re.IGNORECASE)


def credited(text: str, reversed_text: str) -> bool:
    """_CREDIT.search(text) found something."""
    return _CREDIT_MARK.search(text) is not None or _CREDIT_WORD_REVERSED.search(reversed_text) is not None


def linked(text: str, reversed_text: str) -> bool:
    """_FILE.search(text) found something."""
    return _FILE_MARK.search(text) is not None or _FILE_WEB_REVERSED.search(reversed_text) is not None


def counted(text: str, has_digit: bool) -> bool:
    """_COUNTER.search(text) found something (its second alternative needs a digit)."""
    return _COUNTER_WHOLE.match(text) is not None or (has_digit and _COUNTER_COUNT.search(text) is not None)


def dated(text: str, has_digit: bool) -> bool:
    """DATE_RE.search(text) found something (every date has a digit, and one of _DATE_HINT's)."""
    return has_digit and _DATE_HINT.search(text) is not None and DATE_RE.search(text) is not None


def placeholder_at_end(text: str) -> bool:
    """PLACEHOLDER.search(text) found something: it ends in a number of one or two digits and
    perhaps a stop, so a line ending otherwise is not searched."""
    stripped = text.rstrip()
    last = stripped[-1:]
    if last == ".":
        last = stripped[:-1].rstrip()[-1:]
    return last.isdigit() and PLACEHOLDER.search(text) is not None


# Features ---------------------------------------------------------------------------------

_NEIGHBOUR_KEYS = ("len", "end", "date", "credit", "link", "bullet", "counter")
_NEIGHBOURS = tuple(
    (offset, tuple(f"{offset}:{key}=" for key in _NEIGHBOUR_KEYS), f"{offset}:edge") for offset in (-2, -1, 1, 2)
)
Item = dict[str, float]  # python-crfsuite's attributes of one line


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    chars: int
    tokens: tuple[str, ...]
    shape: Item  # the line's own features
    seen: tuple[str, ...]  # the values its neighbours read (_NEIGHBOUR_KEYS)


@dataclass(frozen=True, slots=True)
class _Buckets:
    """A number's feature: which of the intervals the edges cut it is in (the index of the first
    edge above it), each indicator it can give written once ("len=0" … "len=8")."""

    edges: tuple[float, ...]
    keys: tuple[str, ...]

    @classmethod
    def of(cls, name: str, edges: tuple[float, ...]) -> _Buckets:
        return cls(edges, tuple(f"{name}={index}" for index in range(len(edges) + 1)))

    def value(self, number: float) -> str:
        return str(bisect_right(self.edges, number))

    def key(self, number: float) -> str:
        return self.keys[bisect_right(self.edges, number)]


_LENGTH = _Buckets.of("len", (4, 12, 25, 45, 70, 100, 160, 300))
_WORDS = _Buckets.of("words", (2, 4, 7, 11, 16, 25, 40))
_UPPER = _Buckets.of("upper", (0.05, 0.2, 0.5, 0.9))
_CAPITALISED = _Buckets.of("capitalised", (0.2, 0.4, 0.6, 0.85))
_DIGITS = _Buckets.of("digits", (0.01, 0.08, 0.2, 0.4))
_POSITION = _Buckets.of("pos", (1, 2, 3, 5, 8, 12, 20))
_RELATIVE = _Buckets.of("rel", (0.1, 0.25, 0.5, 0.75, 0.9))
_TO_FIRST_LONG = _Buckets.of("to_first_long", (-6, -3, -2, -1, 0, 1, 2, 4, 8))
_LEAD_OVERLAP = _Buckets.of("lead_overlap", (0.01, 0.2, 0.4, 0.6, 0.8))
_TO_NEXT_LONG = _Buckets.of("to_next_long", (1, 2, 3, 5, 10))
_ARTICLE_OVERLAP = _Buckets.of("article_overlap", (0.05, 0.2, 0.35, 0.5, 0.7))
_MARKERS_BEFORE = _Buckets.of("markers_before", (1, 2))
_SHORT_RUN = _Buckets.of("short_run", (1, 2, 4))
_YES_NO = ("no", "yes")  # indexed by a test's answer


def _shape(text: str) -> tuple[Item, tuple[str, ...]]:
    """The line's own features, and the values its neighbours read of them."""
    chars = len(text)
    counts = Counter(text)  # each distinct character asked once
    count = counts.__getitem__
    alphabetic = list(filter(str.isalpha, counts))
    letters = sum(map(count, alphabetic))
    upper = sum(map(count, filter(str.isupper, alphabetic)))
    digits = sum(map(count, filter(str.isdigit, counts)))
    split = text.split()
    initials = "".join(map(itemgetter(0), split))  # each word's first character
    n_words = max(1, len(initials))
    last = text.rstrip()[-1:]
    reversed_text = text[::-1]
    length = _LENGTH.value(chars)
    end = _ENDS.get(last, "digit" if last.isdigit() else "letter" if last.isalpha() else "other")
    date = _YES_NO[dated(text, digits > 0)]
    credit = _YES_NO[credited(text, reversed_text)]
    link = _YES_NO[linked(text, reversed_text)]
    bullet = _YES_NO[_BULLET.match(text) is not None]
    counter = _YES_NO[counted(text, digits > 0)]
    features = {
        "len=" + length: 1.0,
        _WORDS.key(n_words): 1.0,
        "end=" + end: 1.0,
        _UPPER.key(upper / letters if letters else 0): 1.0,
        _CAPITALISED.key(sum(map(str.isupper, initials)) / n_words): 1.0,
        _DIGITS.key(digits / max(1, chars)): 1.0,
        "date=" + date: 1.0,
        "time=" + _YES_NO[digits > 0 and TIME_RE.search(text) is not None]: 1.0,
        "credit=" + credit: 1.0,
        "byline=" + _YES_NO[_BYLINE.match(text) is not None]: 1.0,
        "bullet=" + bullet: 1.0,
        "link=" + link: 1.0,
        "pipe=" + _YES_NO["|" in text]: 1.0,
        "counter=" + counter: 1.0,
        "placeholder=" + _YES_NO[placeholder_at_end(text)]: 1.0,
        "first_upper=" + ("yes" if text[:1].isupper() else "digit" if text[:1].isdigit() else "no"): 1.0,
        "inner_stop=" + _YES_NO[_INNER_STOP.search(text) is not None]: 1.0,
    }
    first = fold(split[0]).strip(".,:;()[]\"“”'") if split else ""
    if first.isalpha() and len(first) <= 10:
        features["w0=" + first] = 1.0
    return features, (length, end, date, credit, link, bullet, counter)


def _overlap(own: tuple[str, ...], other: set[str]) -> float:
    if not own:
        return 0.0
    return sum(map(other.__contains__, own)) / len(own)


def _line(text: str) -> _Line:
    shape, seen = _shape(text)
    return _Line(text, len(text), tuple(filterfalse(str.isdigit, words(fold(text)))), shape, seen)


def line_features(texts: Sequence[str]) -> list[Item]:
    """The features of every line, from the line itself, its neighbours and the file."""
    lines = [_line(t) for t in texts]
    n = len(lines)
    long_at = [i for i, line in enumerate(lines) if line.chars >= LONG]
    first_long = long_at[0] if long_at else n
    joined = [" ".join(line.tokens) for line in lines]
    counts = Counter(joined)
    article_vocab: Counter[str] = Counter()
    for i in long_at:
        article_vocab.update(set(lines[i].tokens))
    # A long line's words count once in the vocabulary, not as evidence for itself: a short line
    # shares a word any long line has, a long line one that another long line has too.
    in_vocab = (set(article_vocab), {t for t, count in article_vocab.items() if count > 1})
    markers = [is_section_marker(line.text) for line in lines]
    markers_before, short_run = [0] * n, [0] * n
    for i in range(1, n):
        markers_before[i] = markers_before[i - 1] + (1 if markers[i - 1] else 0)
        short_run[i] = 0 if lines[i - 1].chars >= LONG else short_run[i - 1] + 1
    next_long = n
    next_long_of = [n] * n
    for i in range(n - 1, -1, -1):
        next_long_of[i] = next_long
        if lines[i].chars >= LONG:
            next_long = i
    leads = {i: set(lines[i].tokens) for i in long_at}  # a long line's words, once for every line before it
    after_all = long_at[-1] if long_at else n
    out: list[Item] = []
    for i, line in enumerate(lines):
        f = dict(line.shape)
        f["bias"] = 1.0
        f[_POSITION.key(i)] = 1.0
        f[_RELATIVE.key(i / max(1, n - 1))] = 1.0
        f[_TO_FIRST_LONG.key(i - first_long)] = 1.0
        following = next_long_of[i]
        lead = leads[following] if following < n else set()
        f[_LEAD_OVERLAP.key(_overlap(line.tokens, lead))] = 1.0
        f[_TO_NEXT_LONG.key(following - i) if following < n else "to_next_long=none"] = 1.0
        vocab = in_vocab[1 if line.chars >= LONG else 0]
        shared = sum(map(vocab.__contains__, line.tokens)) / len(line.tokens) if line.tokens else 0.0
        f[_ARTICLE_OVERLAP.key(shared)] = 1.0
        f["repeated=" + ("yes" if line.tokens and counts[joined[i]] > 1 else "no")] = 1.0
        f["after_all_long=" + ("yes" if long_at and i > after_all else "no")] = 1.0
        f["last=" + ("yes" if i == n - 1 else "no")] = 1.0
        f["marker=" + ("yes" if markers[i] else "no")] = 1.0
        f[_MARKERS_BEFORE.key(markers_before[i])] = 1.0
        f[_SHORT_RUN.key(short_run[i])] = 1.0
        for offset, keys, edge in _NEIGHBOURS:
            j = i + offset
            if 0 <= j < n:
                for key, value in zip(keys, lines[j].seen):
                    f[key + value] = 1.0
            else:
                f[edge] = 1.0
        out.append(f)
    return out
