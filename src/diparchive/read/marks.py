"""The mark a page prints before its lead: an outlet's code ("(TTXVN) -", "VOV.VN -", "TG&VN."),
its web edition ("QĐND Online -"), a place's dateline ("HANOI -"), or a place with the agency that
filed from it ("HANOI, May 3 (Reuters) -", "Hanoi (VNA) –", "NEW YORK (Từ phóng viên TTXVN tại Mỹ) -").

One grammar, in two uses: a whole line that is only the mark (`OUTLET_MARK`, `mark_code`), and the
mark glued in front of the lead's first sentence (`LEAD_MARK`, cut off by `read.segment`). Whether
a code names the outlet or a place is decided in `read.places`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Capital letters, Vietnamese ones too (a character class: "A-Z" alone misses "Ộ", a range of
# Vietnamese letters mixes both cases).
_UPPER = "".join(c for c in map(chr, range(0x41, 0x1EFA)) if c.isalpha() and c.isupper() and c != "\u0130")
_DASH = r"(?:-{1,2}|–|—)"
_CODE = r"[A-ZĐ][\w&.]{1,15}"
# A place in capitals or written as words, one to three of them ("HANOI", "NEW YORK", "Hanoi").
_PLACE = r"[A-ZĐÀ-Ỹ][^\W\d_]*(?:\s+[A-ZĐÀ-Ỹ][^\W\d_]*){0,2}"
_DAY = r"(?:,\s*[^\W\d_]{3,9}\.?\s+\d{1,2}|,\s*\d{1,2}/\d{1,2})?"  # ", May 3", ", Sept. 3", ", 3/5"
# In parentheses after the place: the agency's code alone ("(Reuters)", "(VNA)"), or words naming
# its correspondent with its code in capitals ("(Từ phóng viên TTXVN tại Mỹ)", "(From VNA correspondent)").
_FILED = rf"\((?:(?P<filed>{_CODE})|[^()]{{0,30}}?\s?(?P<filer>[A-ZĐ]{{2}}[A-ZĐ&]{{0,10}})(?:\s[^()]{{0,30}})?)\)"
# In parentheses after the place, the paper's own envoy or correspondent, unnamed ("(Đặc phái viên)").
_ENVOY = r"\((?i:(?:từ\s+)?(?:đặc phái viên|phóng viên(?: thường trú)?|pv|our correspondent|from our correspondent))[^()]{0,30}\)"
# A web or print edition's word after the outlet's code ("QĐND Online -", "ANTV News -"): a generic list.
_EDITION = r"(?:online|điện tử|news|tv|radio|plus)"
_CAPS_CODE = r"[A-ZĐ]{2}[A-ZĐ&]{1,10}"  # "TG&VN", "TTXVN": a code in capitals, ending in its stop

_FORMS = (
    rf"\(?(?P<code>{_CODE})\)?\s*{_DASH}",
    rf"{_PLACE}{_DAY}\s*{_FILED}\s*{_DASH}",
    rf"(?P<sent>{_PLACE}){_DAY}\s*{_ENVOY}\s*{_DASH}",
    rf"(?P<edition>{_CODE})\s+(?i:{_EDITION})\s*{_DASH}",
    rf"(?P<stop>{_CAPS_CODE})\.",
    rf"(?P<place>(?=[{_UPPER}\s]{{4}})[{_UPPER}]{{2,}}(?:\s[{_UPPER}]{{2,}}){{0,2}})(?:—|\s{_DASH})",  # "WASHINGTON—", "HÀ NỘI —"
)
OUTLET_MARK = re.compile(rf"^(?:{'|'.join(_FORMS)})\s*$")
# The same mark in front of the lead's first word (after it, at least a sentence's start).
LEAD_MARK = re.compile(rf"^(?:{'|'.join(_FORMS[1:])})(?:\s+|(?<=—))(?=[^\W\d_])")


@dataclass(frozen=True, slots=True)
class Mark:
    code: str  # the outlet's code or the place's name ("TTXVN", "Reuters", "HANOI")
    parenthesised: bool  # printed in parentheses: a place's name never is


def mark_code(text: str) -> Mark | None:
    """The code a line that is only a mark names, or None for any other line."""
    found = OUTLET_MARK.match(text.strip())
    if found is None:
        return None
    for group in ("code", "filed", "filer", "edition", "stop", "place", "sent"):
        if found.group(group):
            inside = group in ("filed", "filer") or (group != "sent" and text.lstrip().startswith("("))
            return Mark(found.group(group), inside)
    return None  # unreachable: every form has a group


# "Published by the X Institute", "Xuất bản bởi …": the line a publisher prints over its text.
PUBLISHED_BY = re.compile(
    r"^\W{0,3}(?:published|posted|produced|issued|released|distributed)\s+by\s+|^\W{0,3}(?:xuất bản|phát hành)\s+bởi\s+",
    re.IGNORECASE,
)
# The words an organisation's name is made of, in both languages (a generic list): a publisher, not a person.
_ORGANISATION = re.compile(
    r"(?<![^\W_])(?:institute|institution|cent(?:er|re)|council|foundation|university|ministry|embassy|agency"
    r"|press|news|times|post|media|group|association|forum|review|journal|society|office|department|mission"
    r"|viện|trung tâm|hội đồng|quỹ|đại học|bộ|đại sứ quán|cơ quan|báo|tạp chí|hội|văn phòng|ban)(?![^\W_])",
    re.IGNORECASE,
)


def publisher(text: str) -> str | None:
    """The organisation a "Published by …" line names ("Published by the Lowland Institute" →
    "Lowland Institute"); None for any other line, or one naming a person."""
    found = PUBLISHED_BY.match(text)
    if found is None:
        return None
    name = re.sub(r"^(?:the)\s+", "", text[found.end() :].strip(), flags=re.IGNORECASE).rstrip(" .")
    return name if 0 < len(name.split()) <= 10 and _ORGANISATION.search(name) else None


# A site's notice of its copyright, at its foot: "Copyright © X. All rights reserved.", "© Báo X - Bộ Y",
# "Bản quyền thuộc X", "© Copyright 1997 X, All rights reserved".
_COPYRIGHT = re.compile(
    r"^\W{0,3}(?:(?:copyright|©|\(c\))\s*)+(?:\d{4}(?:\s*[-–]\s*\d{4})?\s+)?(?:(?:bản quyền\s+)?thuộc(?: về)?\s+)?"
    r"|^\W{0,3}bản quyền\s+(?:thuộc(?: về)?|©)\s+(?:\d{4}(?:\s*[-–]\s*\d{4})?\s+)?",
    re.IGNORECASE,
)
_HOLDER_END = re.compile(r"\s*(?:[.,]\s*all rights reserved.*|[.,]\s*giấy phép.*|\s[-–|]\s.*|\.)\s*$", re.IGNORECASE)


def copyright_holder(text: str) -> str | None:
    """Whose the site is, by its copyright notice ("Copyright © Việt Nam News. All rights reserved."
    → "Việt Nam News"): an organisation's name, never a person's ("© 2024 Jane Doe")."""
    found = _COPYRIGHT.match(text)
    if found is None or len(text) > HOLDER_LINE:
        return None
    name = _HOLDER_END.sub("", text[found.end() :]).strip(" ,.")
    return name if 0 < len(name.split()) <= HOLDER_WORDS and (_ORGANISATION.search(name) or "." in name) else None


HOLDER_LINE = 160  # characters of a copyright notice at most
HOLDER_WORDS = 10  # words of the holder's name at most
