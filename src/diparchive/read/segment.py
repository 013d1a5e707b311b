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
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import pycrfsuite

from .dates import DATE_RE
from .features import LONG, PLACEHOLDER, TIME, line_features
from .marks import LEAD_MARK

__all__ = ["LONG", "PLACEHOLDER", "Label", "Labelled", "Segmenter", "line_features", "scrape_lines", "split_glued"]

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
    if prefix and not _is_mark(prefix.group(1)):
        prefix = None
    if prefix is None and (marked := LEAD_MARK.match(text)) and len(text) - marked.end() >= MARKED_LEAD:
        prefix = marked  # "HANOI, May 3 (Reuters) - …", "QĐND Online - …", "TG&VN. …" before a whole lead
    if prefix and len(text) - prefix.end() >= 40:
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


_DATE_WORD = re.compile(
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june|july|august|september"
    r"|october|november|december|updated|published|posted",
    re.IGNORECASE,
)


_WIDGET_LABELS = frozenset("image photo video audio share watch listen print read more".split())
BRAND_PART = 5  # letters of a brand's first part at most ("Petro", "Vin"), or its second's less one ("Plus")


def _brand(text: str, at: int) -> bool:
    """The capital at `at` is inside a name written in one word with capitals in it ("VinFast",
    "VietnamPlus", "YouTube"): the word is all unaccented letters, one of its parts short (two
    long words run together are two lines glued: "VietnamBiden"), and what follows the capital is
    no date's word ("NewsMonday, 3 May" is a section glued to a date)."""
    start = text.rfind(" ", 0, at) + 1
    end = next((j for j in range(at, len(text)) if not text[j].isalnum()), len(text))
    word, left, right = text[start:end], at - start, end - at
    short = left <= BRAND_PART or right <= BRAND_PART - 1  # "Vin|Fast", "Vietnam|Plus"; not "Vietnam|Biden"
    if text[start:at].lower() in _WIDGET_LABELS:
        return False  # "ImagePresident Biden …": a picture's label run into its caption
    return word.isascii() and word.isalpha() and short and not _DATE_WORD.match(text, at)


def _unglue(text: str) -> list[str]:
    """Cut where a lower-case letter (or a digit) runs straight into a capitalised word with no
    space: "Thế giớiThứ Sáu", "+07:00Google", or a kicker in capitals does ("THỜI SỰPhó Thủ tướng"). Running text never writes that; "iPhone" and
    "McCain" stay whole because a cut needs two lower-case letters before it, and a brand written
    in one unaccented word ("VinFast", "YouTube") because it is one."""
    cuts = [
        i
        for i in range(2, len(text) - 1)
        if text[i].isupper()
        and text[i + 1].islower()
        and (
            (text[i - 1].islower() and text[i - 2].islower() and not _brand(text, i))
            or (text[i - 1].isdigit() and text[i - 2] in ":0123456789")
        )
    ]
    kicker = _kicker_end(text)
    if kicker and len(text[kicker:].split()) >= KICKER_AFTER_WORDS:
        cuts = sorted({kicker, *cuts})  # "THỜI SỰPhó Thủ tướng …": a section's kicker in capitals, then the headline
    bounds = [0, *cuts, len(text)]
    return [text[a:b].strip() for a, b in zip(bounds, bounds[1:])]


KICKER_AFTER_WORDS = 3  # words of the headline after a kicker, at least
KICKER_LETTERS = 4  # a kicker in capitals has this many letters at least ("VNExpress" starts with two)
KICKER_WORDS = 4


def _kicker_end(text: str) -> int | None:
    """Where a kicker in capitals at the line's start runs into a capitalised word ("THỜI SỰPhó"):
    the capital that starts the word. None when the line opens otherwise."""
    letters = 0
    for i, c in enumerate(text):
        if c == " ":
            if text[:i].count(" ") >= KICKER_WORDS:
                return None
            continue
        if not (c.isalpha() and c.isupper()):
            return None
        if i + 1 < len(text) and text[i + 1].islower():
            return i if letters >= KICKER_LETTERS and text[i - 1] != " " else None
        letters += 1
    return None


# A short mark at the start of a lead: "(Ngày Nay) - ", "TBV - ", "(TTXVN)- ", "HANOI -- ", "VTV.vn - ".
# An ampersand may join a code's letters ("TG&VN - ", "(KT&ĐT) - ").
_LEAD_PREFIX = re.compile(
    r"^(\([^\W\d_](?:[^\W\d]|[.&])*(?:\s[^\W\d]+){0,3}\)\s*|[^\W\d_](?:[^\W\d]|[.&])*(?:\s[^\W\d]+){0,3}\s+)(?:-{1,2}|–|—)\s+(?=[^\W\d_])"
)


MARKED_LEAD = 80  # characters of a lead after a place-and-agency mark, at least, for the mark to be cut off


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
    clock = re.match(r"[\s,|\-–—]*(?:lúc\s*)?" + TIME, after, re.IGNORECASE)
    before_clock = re.search(TIME + r"[\s,|\-–—]*$", text[:start], re.IGNORECASE)
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
        self.tagger.set(line_features(texts))
        tags = self.tagger.tag()
        known = [(label, str(label)) for label in self._known()]
        named = {name: label for label, name in known}
        marginal = self.tagger.marginal
        return [Labelled(named[tag], {label: marginal(name, i) for label, name in known}) for i, tag in enumerate(tags)]

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
        trainer.append(line_features(texts), [str(label) for label in labels])
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": 200, "feature.possible_transitions": True})
    trainer.train(str(model))
