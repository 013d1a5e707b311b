"""Telling an article's own text from the site around it: the *section markers* ("Cùng
chuyên mục", "Read more") that open a site's related-news, most-read or tag blocks, and the lines
that put one before the link it introduces ("Xem thêm: …"); and the warning `check` gives when
more of a file is left out than kept, at the line where the text was cut. (What else is chrome,
a scrape's segmenter tells: `read/segment.py`.)
"""

from __future__ import annotations

import re
from pathlib import Path

from ..records import Notice, Removed
from .folding import fold

# Headings that open the related-news, most-read or tag blocks of a news site.
SECTION_MARKERS = frozenset(
    fold(m)
    for m in (
        "Cùng chuyên mục",
        "Tin cùng chuyên mục",
        "Tin đọc nhiều",
        "Đọc nhiều",
        "Đọc nhiều nhất",
        "Xem nhiều",
        "Tin xem nhiều",
        "Tin nổi bật",
        "Tin cùng chủ đề",
        "Tin tức liên quan",
        "Tin liên quan",
        "Bài liên quan",
        "Tin khác",
        "Tin mới",
        "Tin mới nhất",
        "Xem thêm",
        "Đọc thêm",
        "Nghe thêm",
        "Xem video",
        "Có thể bạn quan tâm",
        "Bài viết liên quan",
        "Từ khóa",
        "Tags",
        "Chia sẻ",
        "Bình luận",
        "Related",
        "Related news",
        "Related articles",
        "Related stories",
        "Related posts",
        "Read more",
        "Read next",
        "Listen more",
        "Watch more",
        "More news",
        "More stories",
        "Most read",
        "Most viewed",
        "Most popular",
        "Top stories",
        "Trending",
        "Recommended",
        "See also",
        "You may also like",
        "Latest news",
        "Share",
    )
)


# What a site's footer says, in either language: its rights, licence, editor and address.
_FOOTER = re.compile(
    r"©|\bcopyright\b|all rights reserved|bản quyền|giấy phép|tổng biên tập|chịu trách nhiệm|ghi rõ nguồn"
    r"|\bhotline\b|\bemail\b|điện thoại|\baddress\b|địa chỉ|\bprivacy\b|\bcookies?\b",
    re.IGNORECASE,
)


def is_footer(text: str) -> bool:
    """A line of the site's footer: its copyright, licence, editor, address or privacy notice."""
    return _FOOTER.search(text) is not None


_DECORATION = " \t:>»›<«‹→←▶►•·*|#-–—"  # what a site prints around a marker ("» Xem thêm", "Related »")


_LONGEST_MARKER = max(map(len, SECTION_MARKERS))


def is_section_marker(text: str) -> bool:
    stripped = text.strip(_DECORATION)
    # fold keeps the length: a line longer than every marker is none (a paragraph is not folded for nothing)
    return len(stripped) <= _LONGEST_MARKER and fold(stripped) in SECTION_MARKERS


# Of those, the ones a site also writes before a link on the same line ("Xem thêm: …").
LINK_MARKERS = frozenset(
    fold(m)
    for m in (
        "Xem thêm",
        "Đọc thêm",
        "Nghe thêm",
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


# ">> Headline": a site's arrow before another article's headline (a teaser box inside the text).
_ARROWED = re.compile(r"^\s*>>+\s*[^\W\d_]")


def is_link_line(text: str) -> bool:
    """A marker with the link it introduces: "Xem thêm: …", "Read more: …", "Tags: …"; or a
    headline under the site's arrow (">> …", no sentence's stop)."""
    if len(text) > 240:
        return False
    if _ARROWED.match(text):
        return text.rstrip()[-1:] not in ".!?"
    head, colon, rest = text.partition(":")
    return bool(colon) and bool(rest.strip()) and fold(head.strip()) in LINK_MARKERS


SUBSCRIPTION = "a subscription's pitch"
# What a site prints inside the text for its advertisements and players, in either language.
_INLINE_CHROME = (
    (
        "advertisement",
        re.compile(
            r"^\W*(?:advertisement|advertising|sponsored(?: content)?|quảng cáo|ads?)\W*"
            r"(?:(?:scroll|continue|story continues|tiếp tục|cuộn)\b[^.!?]{0,40})?$"
            r"|^\W*(?:story|article|content) continues below(?: (?:this )?(?:advertisement|ad))?\W*$"
            r"|^\W*continue reading below\W*$",
            re.IGNORECASE,
        ),
    ),
    (
        "media player",
        re.compile(
            r"^\W*(?:(?:video|clip|audio)\s+)?(?:đang được tải|đang tải|loading)(?:\s+(?:video|audio|player))?\W*$"
            r"|^\W*\d{1,2}:\d{2}(?::\d{2})?\s*/\s*\d{1,2}:\d{2}(?::\d{2})?\W*$"  # "00:00 / 01:58"
            r"|^\W*(?:nghe đọc bài(?: viết)?|nghe bài viết|nghe bài(?: này)?|listen to (?:this )?(?:article|story))"
            r"(?:\W*\d{1,2}:\d{2}(?::\d{2})?)*\W*$",
            re.IGNORECASE,
        ),
    ),
    (
        "a link to the rest of the story",
        re.compile(
            r"^\W*(?:read (?:the )?(?:full|rest of)(?: this| the)? (?:story|article)|read (?:the )?full|continue reading"
            r"|xem tiếp|đọc tiếp|đọc toàn văn|xem toàn văn)\W*$",
            re.IGNORECASE,
        ),
    ),
    (
        "a wire's note to editors",
        re.compile(r"^\W*\(?\s*(?:attn|eds?\.?\s+note|editors?['’]?\s+note|note to editors)\s*:", re.IGNORECASE),
    ),
    (
        SUBSCRIPTION,
        re.compile(
            r"^\W*(?:enjoying this (?:article|story)\?|like this (?:article|story)\?|click here to subscribe"
            r"|subscribe (?:now|today)? ?(?:for|to)\b|become a (?:subscriber|member) (?:for|to)\b|đăng ký nhận bản tin"
            r"|thanks for reading\b[^.!?]{0,60}[.!?]\s*subscribe\b"
            r"|join\b.{0,40}\b(?:telegram|whatsapp|zalo|viber|signal)\b.{0,20}\bchannel\b"
            r"|(?:follow|theo dõi)\b.{0,40}\b(?:on|trên)\s+(?:google news|telegram|zalo|whatsapp)\b)",
            re.IGNORECASE,
        ),
    ),
)


INLINE_CHARS = 120  # a site's line inside the text is this short at most


def inline_chrome(text: str) -> str | None:
    """Why a line inside the text is the site's: an advertisement's label ("Advertisement · Scroll
    to continue", "Quảng cáo"), or a player's ("Video đang được tải...", "00:00 / 01:58", "Nghe đọc
    bài 0:00", "Listen to this article"), a link to the rest ("Read full this story") or a
    subscription's pitch ("Enjoying this article? Click here to subscribe …"); None for any other line."""
    return next((why for why, shape in _INLINE_CHROME if len(text) <= INLINE_CHARS and shape.match(text.strip())), None)


LEFT_OUT_LINES = 5  # lines of whole paragraphs left out a warning names
WHOLE_PARAGRAPH = 100  # characters of a line left out that ends in a sentence's stop: a paragraph, maybe lost


def left_out(removed: list[Removed], opening: int, kept: int, dropped: int, shown: Path) -> Notice:
    """The warning that more was left out than kept, at the first line left out after the body's
    `opening` line (where it was cut, if it was), with the lines of whole paragraphs left out."""
    after = [r.line for r in removed if r.line > opening] or [r.line for r in removed]
    whole = sorted({r.line for r in removed if len(r.text) >= WHOLE_PARAGRAPH and r.text.rstrip()[-1:] in '.!?"”»'})
    named = ", ".join(map(str, whole[:LEFT_OUT_LINES])) + (" …" if len(whole) > LEFT_OUT_LINES else "")
    among = f"; whole paragraphs among them at line {named}" if whole else ""
    return Notice(
        f"{dropped} of {kept + dropped} characters were left out as boilerplate{among}: "
        f"check with `diparchive parse {shown}`",
        min(after, default=None),
    )
