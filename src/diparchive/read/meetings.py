"""Events named in passing and numbered meetings that are not ours: the words that cite an
event as context ("Nghị quyết Đại hội XIII", "since the 35th Summit"), and the qualifiers that
make a numbered meeting another country's or body's ("Đại hội XIX Đảng Cộng sản Trung Quốc",
"China's 19th Party Congress", a host country that "tổ chức" it)."""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate
from typing import TYPE_CHECKING

from .folding import ascii_fold

if TYPE_CHECKING:
    from .recognizer import Recognizer


# Words that cite an event as context rather than report it, in ASCII-folded text. Before the
# name, in the same clause, within a few words: its resolution, documents, line or spirit; since,
# after or as agreed at it; its success (a past event); preparing or implementing it.
PASSING_BEFORE = re.compile(
    r"(?<![^\W_])(?:nghi quyet|van kien|tinh than|duong loi|chu truong|quan diem|bao cao chinh tri|cuong linh"
    r"|dinh huong|quyet dinh|ket qua|thanh cong|thanh tuu|thuc hien|trien khai|quan triet|chuan bi|sau"
    r"|ke tu|thoa thuan tai|cam ket tai|nhat tri tai|nhu da"
    r"|resolutions?|documents?|line|polic(?:y|ies)|spirit|guidelines?|orientations?|decisions?|outcomes?|results?"
    r"|success(?:ful(?:ly)?)?|implement\w*|prepar\w*|since|after|following|agreed at|adopted at|previous|last)"
    r"(?![^\W_])"
)

# After the name: "… đến nay" (since … until now), "…'s resolution".
PASSING_AFTER = re.compile(
    r"^(?:['’]s?\s+)?(?:\S+\s+){0,3}?(?:den nay|truoc day)(?![^\W_])"
    r"|^(?:['’]s?\s+)?(?:resolutions?|documents?|guidelines|policy|line)(?![^\W_])"
)
CLAUSE_END = re.compile(r"[.;:!?()\[\]\"“”,–]|(?<![^\W_])(?:va|and|but|nhung)(?![^\W_])")
WINDOW_WORDS = 5
# "Trung Quốc tổ chức thành công Đại hội Đảng lần thứ XX": another country holds it.
HOST_VERB = re.compile(
    r"(?:(?:da|vua|se|cung)\s+)?(?:to chuc|tien hanh|held|hosted|convened)(?:\s+(?:thanh cong|successfully|its))?\s*$"
)
DEMONYM = re.compile(r"(?<![^\W_])[A-Z][a-z]+(?:ese|ian|ean|an|ish|ch|i)$")


def country_at(rec: Recognizer, text: str, folded: str, start: int, end: int | None = None) -> bool:
    """A capitalised name of another country starts at `start` (or lies in [start, end))."""
    if end is None:
        m = rec.countries.match(folded, start)
        return bool(m) and text[start].isupper()
    return any(text[m.start()].isupper() for m in rec.countries.finditer(folded, start, end))


OUR_PARTY = ("viet nam", "vietnam", "csvn", "dcsvn", "cong san viet nam", "communist party of viet")
GENITIVE = re.compile(
    r"[\s,]*(?:(?:cua|of)\s+(?:the\s+)?)?(?:(?:dang\s+cong\s+san|communist\s+party(?:\s+of)?|dang)\s+)?"
)


def clause_before(folded: str, start: int, words: int = WINDOW_WORDS) -> str:
    """The last few words before `start` in the same clause."""
    window = folded[max(0, start - 120) : start]
    ends = [m.end() for m in CLAUSE_END.finditer(window)]
    if ends:
        window = window[ends[-1] :]
    return " ".join(window.split()[-words:])


def cited_in_passing(folded: str, start: int, end: int) -> bool:
    if PASSING_BEFORE.search(clause_before(folded, start)):
        return True
    return bool(PASSING_AFTER.match(folded[end : end + 60].lstrip(" ,")))


def foreign(rec: Recognizer, text: str, folded: str, start: int, end: int, number_start: int) -> bool:
    """The meeting is another country's or body's: "Đại hội XIX Đảng Cộng sản Trung Quốc",
    "Đại hội lần thứ 5 của Đảng bộ tỉnh", "China's 19th Party Congress", "Lào tổ chức Hội nghị Ngoại giao lần thứ 30"."""
    after = folded[end : end + 80]
    # A genitive naming another country or party: "(của) (Đảng Cộng sản) Trung Quốc", "of (the Communist Party of) China".
    q = GENITIVE.match(after)
    if q and country_at(rec, text, folded, end + q.end()):
        return True
    named = end + q.end() if q else end
    if (
        q
        and re.search(r"(?:dang|party)\s+$", q.group(0))
        and text[named : named + 1].isupper()
        and not folded.startswith(OUR_PARTY, named)
    ):
        return True  # "… của Đảng Nhân dân Cách mạng Lào": another party
    if folded.endswith("dang", 0, end):
        if re.match(r"\s+(?:bo|uy)(?![^\W_])", after):
            return True  # "Đảng bộ tỉnh": a local party committee
        if text[end : end + 2].strip()[:1].isupper():
            return True  # "… của Đảng Nhân dân Cách mạng Lào": another party (ours is a variant, matched whole)
    previous = re.search(r"([^\W\d_][\w'’.]*)\s+(?:the\s+)?$", text[max(0, start - 40) : start])
    if previous:
        word = previous.group(1)
        owner = re.sub(r"['’]s?$", "", word)
        if not owner.startswith("Viet") and (
            DEMONYM.search(word)
            or (owner != word and owner[:1].isupper() and rec.countries.fullmatch(ascii_fold(owner)))
        ):
            return True  # "China's 19th Party Congress", "the Chinese 19th Party Congress"
    # A host country before a meeting named in generic words; one named after its organisation
    # (ASEAN, UN) is that organisation's wherever it meets.
    if not re.search(r"(?<![^\W_])[A-Z]{2,}(?![^\W_])", text[start:number_start]):
        window = max(0, start - 80)
        host = HOST_VERB.search(folded, window, start)
        if host and any(
            text[m.start()].isupper() and not folded[m.end() : host.start()].strip()
            for m in rec.countries.finditer(folded, window, host.start())
        ):
            return True
    return False


# A numbered meeting named in Vietnamese ("Hội nghị … lần thứ 18"), or in English ("the 43rd Summit").
_NUMBERED_VI = r"[A-ZĐ][\w\-&]*\s+(?:[\w\-&]+\s+){0,9}?(?:lần thứ|khóa|khoá)\s+(?:\d{1,3}|[IVXLC]{1,7})(?![\w])"
_NUMBERED_EN = r"\b\d{1,3}(?:st|nd|rd|th)\s+(?:[A-Z][\w\-]*\s+){0,6}(?:Summit|Conference|Session|Meeting|Dialogue|Forum|Congress)\b"
NUMBERED = re.compile(f"{_NUMBERED_VI}|{_NUMBERED_EN}")
# Each form needs one of its words; a text without them is not searched for that form (which
# gives the same matches: a form that matches nowhere never takes a place from the other).
_NUMBERED_WORDS = (
    ("lần thứ", "khóa", "khoá"),
    ("Summit", "Conference", "Session", "Meeting", "Dialogue", "Forum", "Congress"),
)
_NUMBERED_ONLY = (re.compile(_NUMBERED_VI), re.compile(_NUMBERED_EN))


def _numbered_pattern(text: str) -> re.Pattern[str] | None:
    vi, en = (any(word in text for word in words) for words in _NUMBERED_WORDS)
    return NUMBERED if vi and en else _NUMBERED_ONLY[0] if vi else _NUMBERED_ONLY[1] if en else None


_TERM = re.compile(r"(?:khóa|khoá)\s+\S+$")  # the number of a body's term ("khóa XIV")
MEETING_WORD = re.compile(r"(?:Hội nghị|Hội thảo|Đối thoại|Diễn đàn|Kỳ họp|Phiên họp|Đại hội|Hội đàm|Tham vấn)(?!\w)")


def numbered_meetings(text: str, known: list[tuple[int, int]]) -> list[str]:
    out = []
    spans = sorted(known)
    starts = [s for s, _ in spans]
    reach = list(accumulate((e for _, e in spans), max))  # the furthest end among spans starting so far
    pattern = _numbered_pattern(text)
    for m in pattern.finditer(text) if pattern else ():
        before = bisect_left(starts, m.end())
        if before and reach[before - 1] > m.start():
            continue  # overlaps a recognised event
        phrase = m.group(0)
        # Start the phrase at its meeting word ("Hội nghị … lần thứ 18"), else its first capital.
        words_at = [k.start() for k in MEETING_WORD.finditer(phrase)]
        if not words_at and _TERM.search(phrase):
            continue  # "Ban Chấp hành Trung ương khóa XIV", "Quốc hội khóa XV": a body's term, no meeting
        first = re.search(r"[A-ZĐ]", phrase)
        out.append(phrase[words_at[-1] :] if words_at else phrase[first.start() :] if first else phrase)
    return out


# An ordinal and a joiner right before another: "44th and " in "the 44th and 45th ASEAN Summits".
_ORDINAL_BEFORE = re.compile(r"(?<![^\W_])(\d{1,3})(?:st|nd|rd|th)\s*(?:,|and|và|&|/)\s*(?:the\s+)?$")
LISTED = 3  # sessions listed together in one phrase, besides the one the pattern names


def ordinals_before(text: str, start: int, number: int) -> list[tuple[int, int]]:
    """The sessions listed right before the numbered one at `start` ("the 44th and 45th …":
    44), each with where it is printed, first to last: each a session or two before the next."""
    found: list[tuple[int, int]] = []
    while len(found) < LISTED:
        before = _ORDINAL_BEFORE.search(text, max(0, start - 20), start)
        earlier = int(before.group(1)) if before else 0
        if before is None or not number - 2 <= earlier < number:
            break
        found.insert(0, (earlier, before.start()))
        number, start = earlier, before.start()
    return found
