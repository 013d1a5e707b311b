"""Telling an article's own text from the site around it.

Two general methods, no sentence lists: *section markers* ("Cùng chuyên mục", "Read more") start
the page chrome that runs to the end of the file; and *relevance*: trailing paragraphs that
share almost no vocabulary with the article (teasers of unrelated news) are cut, walking back
from the end until a paragraph belongs.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from .folding import fold, words

# Headings that open the related-news, most-read or tag blocks of a news site.
SECTION_MARKERS = frozenset(
    fold(m)
    for m in (
        "Cùng chuyên mục",
        "Tin cùng chuyên mục",
        "Tin đọc nhiều",
        "Đọc nhiều",
        "Tin liên quan",
        "Bài liên quan",
        "Tin khác",
        "Tin mới",
        "Tin mới nhất",
        "Xem thêm",
        "Đọc thêm",
        "Có thể bạn quan tâm",
        "Bài viết liên quan",
        "Từ khóa",
        "Tags",
        "Chia sẻ",
        "Bình luận",
        "Related news",
        "Related articles",
        "Related stories",
        "Read more",
        "Read next",
        "More news",
        "Most read",
        "Most popular",
        "See also",
        "You may also like",
        "Latest news",
        "Share",
    )
)


def is_section_marker(text: str) -> bool:
    return fold(text.strip().rstrip(":").strip()) in SECTION_MARKERS


Unit = str | tuple[str, str]  # a word, or a pair of neighbouring syllables


def vocabulary(text: str, lang: str) -> set[Unit]:
    """The units two paragraphs on one subject share.

    Vietnamese: pairs of neighbouring syllables (words are mostly two syllables, so a shared
    pair is a shared word, not a shared syllable like "của"). English: words of five letters
    or more, which leaves out the function words every paragraph has.
    """
    tokens = [w for w in words(fold(text)) if not w.isdigit()]
    if lang == "vi":
        return set(zip(tokens, tokens[1:], strict=False))
    return {w for w in tokens if len(w) >= 5}


def relevance(paragraph: str, article: set[Unit], lang: str) -> float:
    return _share(vocabulary(paragraph, lang), article.__contains__)


def _share(own: set[Unit], known: Callable[[Unit], bool]) -> float:
    """The share of `own` for which `known(unit)` holds; an empty paragraph counts as related."""
    if not own:
        return 1.0
    return sum(1 for unit in own if known(unit)) / len(own)


# A paragraph at the end must share at least this much of its vocabulary with the rest of the
# article to stay; a truncated teaser ("…") must share more; a lone last paragraph is cut only
# when it shares next to nothing.
RELEVANT = {"vi": 0.17, "en": 0.2}
RELEVANT_IF_TRUNCATED = {"vi": 0.3, "en": 0.35}
LONE_TAIL = 0.1
_TRUNCATED = re.compile(r"(?:\.\.\.|…)\s*$")


def unrelated_tail(paragraphs: list[str], title: str, lang: str) -> int:
    """How many trailing paragraphs are unrelated to the article (0 if none).

    Walks back from the end; each paragraph is compared with the title and everything before
    it, kept as counts so that stepping back one paragraph only subtracts that paragraph.
    """
    if len(paragraphs) < 2:
        return 0
    titled = vocabulary(title, lang)
    units = [vocabulary(p, lang) for p in paragraphs]
    before = Counter(unit for own in units[:-1] for unit in own)  # the paragraphs before the last
    known = lambda unit: unit in titled or before[unit] > 0  # noqa: E731
    cut = 0
    for index in range(len(paragraphs) - 1, 0, -1):
        truncated = _TRUNCATED.search(paragraphs[index])
        threshold = (RELEVANT_IF_TRUNCATED if truncated else RELEVANT)[lang]
        score = _share(units[index], known)
        before.subtract(units[index - 1])  # from here on, "before" ends one paragraph earlier
        if score >= threshold:
            break
        if cut == 0 and not truncated and score >= LONE_TAIL and index == len(paragraphs) - 1:
            # A closing line stays when the paragraph before it belongs to the article (the lead
            # always does): then it ends the article, not a run of teasers.
            if index - 1 == 0 or _share(units[index - 1], known) >= RELEVANT[lang]:
                break
        cut += 1
    # Never cut an article down to almost nothing: that is a short article, not a teaser list.
    return cut if cut < len(paragraphs) * 0.75 else 0
