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
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import filterfalse

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
_INITIALS = re.compile(r"(?<!\S)\S")  # \s is str.isspace, as str.split() reads spaces
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


def credited(text: str, reversed_text: str) -> bool:
    """_CREDIT.search(text) found something."""
    return _CREDIT_MARK.search(text) is not None or _CREDIT_WORD_REVERSED.search(reversed_text) is not None


def linked(text: str, reversed_text: str) -> bool:
    """_FILE.search(text) found something."""
    return _FILE_MARK.search(text) is not None or _FILE_WEB_REVERSED.search(reversed_text) is not None


def counted(text: str, has_digit: bool) -> bool:
    """_COUNTER.search(text) found something (its second alternative needs a digit)."""
    return _COUNTER_WHOLE.match(text) is not None or (has_digit and _COUNTER_COUNT.search(text) is not None)


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


def _bucket(value: float, edges: Sequence[float]) -> str:
    for index, edge in enumerate(edges):
        if value < edge:
            return str(index)
    return str(len(edges))


def _shape(text: str) -> tuple[Item, tuple[str, ...]]:
    """The line's own features, and the values its neighbours read of them."""
    chars = len(text)
    letters = upper = digits = 0
    for char, count in Counter(text).items():  # each distinct character asked once
        if char.isalpha():
            letters += count
            if char.isupper():
                upper += count
        if char.isdigit():
            digits += count
    initials = _INITIALS.findall(text)  # each word's first character (words as str.split() has them)
    capitalised = sum(count for char, count in Counter(initials).items() if char.isupper())
    n_words = max(1, len(initials))
    last = text.rstrip()[-1:]
    reversed_text = text[::-1]
    length = _bucket(chars, (4, 12, 25, 45, 70, 100, 160, 300))
    end = _ENDS.get(last, "digit" if last.isdigit() else "letter" if last.isalpha() else "other")
    date = "yes" if digits and DATE_RE.search(text) else "no"  # every date has a digit: skip the search
    credit = "yes" if credited(text, reversed_text) else "no"
    link = "yes" if linked(text, reversed_text) else "no"
    bullet = "yes" if _BULLET.match(text) else "no"
    counter = "yes" if counted(text, digits > 0) else "no"
    features = {
        "len=" + length: 1.0,
        "words=" + _bucket(n_words, (2, 4, 7, 11, 16, 25, 40)): 1.0,
        "end=" + end: 1.0,
        "upper=" + _bucket(upper / letters if letters else 0, (0.05, 0.2, 0.5, 0.9)): 1.0,
        "capitalised=" + _bucket(capitalised / n_words, (0.2, 0.4, 0.6, 0.85)): 1.0,
        "digits=" + _bucket(digits / max(1, chars), (0.01, 0.08, 0.2, 0.4)): 1.0,
        "date=" + date: 1.0,
        "time=" + ("yes" if digits and TIME_RE.search(text) else "no"): 1.0,
        "credit=" + credit: 1.0,
        "byline=" + ("yes" if _BYLINE.match(text) else "no"): 1.0,
        "bullet=" + bullet: 1.0,
        "link=" + link: 1.0,
        "pipe=" + ("yes" if "|" in text else "no"): 1.0,
        "counter=" + counter: 1.0,
        "placeholder=" + ("yes" if placeholder_at_end(text) else "no"): 1.0,
        "first_upper=" + ("yes" if text[:1].isupper() else "digit" if text[:1].isdigit() else "no"): 1.0,
        "inner_stop=" + ("yes" if _INNER_STOP.search(text) else "no"): 1.0,
    }
    first = fold(text.split(None, 1)[0]).strip(".,:;()[]\"“”'") if initials else ""
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
        f["pos=" + _bucket(i, (1, 2, 3, 5, 8, 12, 20))] = 1.0
        f["rel=" + _bucket(i / max(1, n - 1), (0.1, 0.25, 0.5, 0.75, 0.9))] = 1.0
        f["to_first_long=" + _bucket(i - first_long, (-6, -3, -2, -1, 0, 1, 2, 4, 8))] = 1.0
        following = next_long_of[i]
        lead = leads[following] if following < n else set()
        f["lead_overlap=" + _bucket(_overlap(line.tokens, lead), (0.01, 0.2, 0.4, 0.6, 0.8))] = 1.0
        f["to_next_long=" + (_bucket(following - i, (1, 2, 3, 5, 10)) if following < n else "none")] = 1.0
        vocab = in_vocab[1 if line.chars >= LONG else 0]
        shared = sum(map(vocab.__contains__, line.tokens)) / len(line.tokens) if line.tokens else 0.0
        f["article_overlap=" + _bucket(shared, (0.05, 0.2, 0.35, 0.5, 0.7))] = 1.0
        f["repeated=" + ("yes" if line.tokens and counts[joined[i]] > 1 else "no")] = 1.0
        f["after_all_long=" + ("yes" if long_at and i > after_all else "no")] = 1.0
        f["last=" + ("yes" if i == n - 1 else "no")] = 1.0
        f["marker=" + ("yes" if markers[i] else "no")] = 1.0
        f["markers_before=" + _bucket(markers_before[i], (1, 2))] = 1.0
        f["short_run=" + _bucket(short_run[i], (1, 2, 4))] = 1.0
        for offset, keys, edge in _NEIGHBOURS:
            j = i + offset
            if 0 <= j < n:
                for key, value in zip(keys, lines[j].seen):
                    f[key + value] = 1.0
            else:
                f[edge] = 1.0
        out.append(f)
    return out
