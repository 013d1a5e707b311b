"""End-of-article furniture: what a page prints after the body's last paragraph that is not the
article's text — the author's bio, a contact line, a print or issue notice, a disclaimer, a
correction. Each is one shape of a short line, told in either language, and only after the body
(the same words inside it are text): read back from the body's end over the lines the model kept,
then on over the lines after it, with the end mark, a signature and a gallery's caption standing
among them. None of it ends or cuts the body; the signature beside it is still the author's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .bylines import ACADEMIC_TITLE, END_MARK, PRESS, byline_name, headed_byline, unwidgeted
from .folding import fold
from .headline import PHOTO_CUE
from .segment import Label

FURNITURE_WORDS = 45  # a line of furniture is a sentence or two, never a paragraph of the story
BIO = "after the article: the author's bio"
_NAME = r"(?:[A-ZĐÀ-Ỹ][^\W\d_]*(?:[-’'][^\W\d_]+)?\.?\s+){1,3}[A-ZĐÀ-Ỹ][^\W\d_]*(?:[-’'][^\W\d_]+)?"  # "Sui-Lee Wee"
# The words a bio says what its author does and where (a generic list of both languages).
_ROLE = re.compile(
    r"(?<![^\W_])(?:fellow|professor|lecturer|researcher|director|editor|journalist|correspondent|writer|author"
    r"|reporter|columnist|photographer|bureau|chief|staff"
    r"|analyst|scholar|student|ambassador|diplomat|former|founder|chair|president|member|partner|advis[eo]r"
    r"|consultant|associate|senior|research|institute|university|cent(?:er|re)|school|college|foundation"
    r"|council|program(?:me)?|giảng viên|nghiên cứu viên|nghiên cứu sinh|chuyên gia|nhà báo|phóng viên"
    r"|tiến sĩ|thạc sĩ|giáo sư|viện|đại học|học viện|trung tâm|cựu)(?![^\W_])",
    re.IGNORECASE,
)
# "Jane Doe is a senior fellow at …", "TS. Nguyễn Văn An là giảng viên …": a name, then what its bearer is.
_NAMED_BIO = re.compile(
    rf"^\W{{0,4}}(?:\(\*+\)\s*)?(?P<name>{_NAME})\s*,?\s+(?:is|was|has been|serves as|works as|là|hiện là|đang là"
    r"|nguyên là|hiện công tác|công tác)\s"
)
# "The author is …", "*Tác giả là …", "(*) Viện …": the bio of an author the text does not name.
_AUTHOR_BIO = re.compile(
    r"^\W{0,4}(?:\(\*+\)\s*)?(?:(?:the (?:author|writer)|tác giả|người viết)\s*(?:is|was|là|hiện|đang|nguyên|[:,])"
    r"|about the (?:author|writer)|về tác giả)|^\s*(?:\(\*+\)|\*+)\s*\S",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_CONTACT = re.compile(
    r"^\W{0,3}(?:e-?mail|phone|tel|telephone|fax|hotline|mobile|điện thoại|đt|sđt|liên hệ|contact|tòa soạn|toà soạn)"
    r"(?:\s+[^\W\d_]+){0,3}\s*[:\-–]\s*\S"  # "Email: …", "Liên hệ quảng cáo: 0912 …"
    r"|^\W{0,3}(?:liên hệ (?:quảng cáo|tòa soạn|toà soạn|đặt báo)|contact (?:us|the (?:author|writer|editors?)))\b"
    r"|^\W{0,3}(?:follow|theo dõi)\s+(?:us|him|her|them|the author|tác giả|chúng tôi)\b",
    re.IGNORECASE,
)
_PRINT = re.compile(
    r"^\W{0,3}(?:this|an? (?:version|shorter version|longer version|edited version) of this)\s+(?:article|story"
    r"|essay|piece|interview|commentary|column|op-ed|review|report)\b[^.]{0,120}?\b(?:appear|publish|ran\b|print)"
    r"|^\W{0,3}(?:originally|first) (?:published|appeared)\b"
    r"|^\W{0,3}\(?(?:bài|bài viết|bài báo)\s+(?:được\s+|đã\s+)?(?:đăng|in|xuất bản)\s+(?:trên|trong|tại|ở)\s",
    re.IGNORECASE,
)
# Whose the views are: the author's, not the publication's ("The views expressed are the author's own").
_DISCLAIMER = re.compile(
    r"\b(?:views|opinions)\s+(?:expressed\s+)?(?:in this (?:article|piece|column|commentary|op-ed)|here(?:in)?)\b"
    r"|\b(?:views|opinions)\s+expressed\s+(?:are|do|here)\b|\bdo(?:es)? not necessarily (?:reflect|represent)\b"
    r"|\b(?:author|writer)s?['’]s?\s+own\b|quan điểm (?:riêng )?của (?:tác giả|người viết)"
    r"|không (?:nhất thiết )?(?:phản ánh|thể hiện|đại diện cho) quan điểm",
    re.IGNORECASE,
)
# A syndicator's or cache's notice of the copy it keeps ("This is cached page on X", "remove this page").
_COPY = re.compile(
    r"\b(?:this is (?:a )?cached (?:page|copy|version)|if you want (?:to )?remove this page|this page (?:is|was) cached)\b",
    re.IGNORECASE,
)
# A wire's closing credits ("Reporting by X; Editing by Y") and a publisher's note on its standards.
_CREDITS = re.compile(
    r"^\W{0,3}(?:(?:additional )?reporting|writing|editing|compiled|translated) by\b.{0,200}?(?:;|\band\b|$)"
    r"|^\W{0,3}(?:our (?:standards|editorial (?:standards|policy|guidelines))|editorial (?:standards|guidelines))\b"
    # The page's notice of its last change or its licence, and the site's own blurb about itself.
    r"|^\W{0,3}(?:this page was last (?:edited|modified|updated)|trang này (?:được )?sửa đổi lần cuối)\b"
    r"|^.{0,80}?\b(?:creative commons|licensed under)\b"
    r"|^\W{0,3}[\w-]+\.(?:com|net|org|vn)(?:\.\w{2})?\s+is\s+(?:one of|the (?:leading|largest|most))\b",
    re.IGNORECASE,
)
_CORRECTION = re.compile(
    r"^\W{0,3}(?:corrections?|clarifications?|editor['’]s note|update|đính chính|ghi chú)\s*[:\-–]\s*\S"
    r"|^\W{0,3}an? (?:earlier|previous) version of this (?:article|story|report)\b",
    re.IGNORECASE,
)
# "Ảnh 3/3", "Photo 2 of 5": a gallery's counter, on its caption or alone.
GALLERY_COUNTER = re.compile(r"(?<![^\W_])(?:ảnh|hình|photo|image|picture)\s*\d{1,3}\s*(?:/|of|trên)\s*\d{1,3}\b", re.I)


def bio_name(text: str) -> str | None:
    """The person a bio opens with ("Jane Doe is a senior fellow at …" → "Jane Doe"), if a person's name."""
    found = _NAMED_BIO.match(text)
    if found is None:
        return None
    name = ACADEMIC_TITLE.sub("", found.group("name").strip())
    person = 2 <= len(name.split()) <= 4 and byline_name(name) == name and not _ROLE.search(name)
    return name if person and not PRESS.search(name) else None  # no "Hanoi University is …", no "Viet Nam News is …"


def furniture(text: str, said: str) -> str | None:
    """Why a line after the article's body is the page's furniture, or None for any other line.
    A bio by name is one of a person the body (`said`) does not name: else it is the story's last word."""
    if len(text.split()) > FURNITURE_WORDS:
        return None
    if _CREDITS.match(text):
        return "after the article: the desk's credits, the site's standards, licence or own blurb"
    if _COPY.search(text):
        return "after the article: a copy's notice (a cache or syndicator)"
    if _CORRECTION.match(text):
        return "after the article: a correction"
    if _PRINT.match(text):
        return "after the article: a print or issue notice"
    if _DISCLAIMER.search(text):
        return "after the article: a disclaimer"
    if _CONTACT.match(text) or (_EMAIL.search(text) and len(text.split()) <= 20):
        return "after the article: a contact line"
    named = bio_name(text)
    if _ROLE.search(text) and (
        (named is not None and fold(named) not in fold(said)) or (named is None and _AUTHOR_BIO.match(text))
    ):
        return BIO
    return None


def _between(text: str) -> bool:
    """A line that may stand among the furniture after the body: the end mark, a signature, a photo's caption."""
    return bool(
        END_MARK.fullmatch(text)
        or PHOTO_CUE.search(text)
        or GALLERY_COUNTER.search(text)
        or (len(text.split()) <= 8 and (headed_byline(text) or byline_name(unwidgeted(text)) is not None))
    )


def end_furniture(texts: Sequence[str], tags: Sequence[Label]) -> dict[int, str]:
    """The lines after the body's last paragraph that are its furniture, each with the reason:
    read back from the end over the kept lines (a caption passed over, never the lead), then on
    after the last line of the story over the furniture, the end mark, signatures and captions."""
    body = [i for i, tag in enumerate(tags) if tag is Label.BODY]
    if not body:
        return {}
    found: dict[int, str] = {}
    kept = [i for i, tag in enumerate(tags) if tag in (Label.BODY, Label.CAPTION) and i > body[0]]
    for i in reversed(kept):
        why = furniture(texts[i], " ".join(texts[j] for j in body if j < i))
        if tags[i] is Label.CAPTION:
            if why is not None:
                found[i] = why  # "X is a senior fellow at …", "Reporting by …", which the model read as a caption
            continue
        if why is None:
            break
        found[i] = why
    story = [i for i in body if i not in found]
    said = " ".join(texts[i] for i in story)
    last = max(i for i in (body[0], *kept) if i not in found)
    for j in range(last + 1, len(texts)):
        if j in found:
            continue
        why = furniture(texts[j], said)
        if why is not None:
            found[j] = why
        elif not _between(texts[j]):
            break
    return found


def signature_place(texts: Sequence[str], last_kept: int, found: dict[int, str]) -> int:
    """Where the article's signature stands right after its body: the first line after the last
    one kept that is neither the end mark, nor furniture, nor a gallery's caption (a signature
    stands under the last photo)."""
    at = last_kept + 1
    while at < len(texts) and (
        at in found or END_MARK.fullmatch(texts[at]) or PHOTO_CUE.search(texts[at]) or GALLERY_COUNTER.search(texts[at])
    ):
        at += 1
    return at
