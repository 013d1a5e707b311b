"""Telling an article's own text from the site around it.

Two general methods, no sentence lists: *section markers* ("Cùng chuyên mục", "Read more") start
the page chrome that runs to the end of the file; and *relevance*: trailing paragraphs that
share almost no vocabulary with the article (teasers of unrelated news) are cut, walking back
from the end until a paragraph belongs.
"""

from __future__ import annotations

import re

from .folding import fold, words

# Headings that open the related-news, most-read or tag blocks of a news site.
SECTION_MARKERS = frozenset(
    fold(m)
    for m in (
        "Cùng chuyên mục", "Tin cùng chuyên mục", "Tin đọc nhiều", "Đọc nhiều", "Tin liên quan",
        "Bài liên quan", "Tin khác", "Tin mới", "Tin mới nhất", "Xem thêm", "Đọc thêm",
        "Có thể bạn quan tâm", "Bài viết liên quan", "Từ khóa", "Tags", "Chia sẻ", "Bình luận",
        "Related news", "Related articles", "Related stories", "Read more", "Read next", "More news",
        "Most read", "Most popular", "See also", "You may also like", "Latest news", "Share",
    )
)


def is_section_marker(text: str) -> bool:
    return fold(text.strip().rstrip(":").strip()) in SECTION_MARKERS


def bigrams(text: str) -> set[tuple[str, str]]:
    """Pairs of neighbouring words: Vietnamese words are mostly two syllables, so a shared
    bigram is a shared word, not just a shared syllable like "của" or "các"."""
    tokens = [w for w in words(fold(text)) if not w.isdigit()]
    return set(zip(tokens, tokens[1:]))


def relevance(paragraph: str, article: set[tuple[str, str]]) -> float:
    own = bigrams(paragraph)
    if not own:
        return 1.0
    return len(own & article) / len(own)


# A paragraph must share at least this share of its bigrams with the rest of the article to
# stay when it stands at the end; a truncated teaser ("…") must share more.
RELEVANT = 0.17
RELEVANT_IF_TRUNCATED = 0.3
LONE_TAIL = 0.1
_TRUNCATED = re.compile(r"(?:\.\.\.|…)\s*$")


def unrelated_tail(paragraphs: list[str], title: str) -> int:
    """How many trailing paragraphs are unrelated to the article (0 if none)."""
    cut = 0
    for index in range(len(paragraphs) - 1, 0, -1):
        core = bigrams(title)
        for p in paragraphs[:index]:
            core |= bigrams(p)
        threshold = RELEVANT_IF_TRUNCATED if _TRUNCATED.search(paragraphs[index]) else RELEVANT
        if relevance(paragraphs[index], core) >= threshold:
            break
        cut += 1
    if cut == 1 and not _TRUNCATED.search(paragraphs[-1]):
        # A lone closing paragraph is cut only when it shares next to nothing with the article.
        core = set().union(bigrams(title), *(bigrams(p) for p in paragraphs[:-1]))
        if relevance(paragraphs[-1], core) >= LONE_TAIL:
            return 0
    # Never cut an article down to almost nothing: that is a short article, not a teaser list.
    return cut if cut < len(paragraphs) * 0.75 else 0
