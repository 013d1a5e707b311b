"""Telling an article's own text from the site around it: the *section markers* ("Cùng
chuyên mục", "Read more") that open a site's related-news, most-read or tag blocks, and the lines
that put one before the link it introduces ("Xem thêm: …"). (What else
is chrome, a scrape's segmenter tells: `read/segment.py`.)
"""

from __future__ import annotations

from .folding import fold

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


# Of those, the ones a site also writes before a link on the same line ("Xem thêm: …").
LINK_MARKERS = frozenset(
    fold(m)
    for m in (
        "Xem thêm",
        "Đọc thêm",
        "Tin liên quan",
        "Bài liên quan",
        "Bài viết liên quan",
        "Có thể bạn quan tâm",
        "Từ khóa",
        "Tags",
        "Related",
        "Related news",
        "Related articles",
        "Related stories",
        "Read more",
        "Read next",
        "See also",
    )
)


def is_link_line(text: str) -> bool:
    """A marker with the link it introduces: "Xem thêm: …", "Read more: …", "Tags: …"."""
    head, colon, rest = text.partition(":")
    return bool(colon) and bool(rest.strip()) and len(text) <= 240 and fold(head.strip()) in LINK_MARKERS
