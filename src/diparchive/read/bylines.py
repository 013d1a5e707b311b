"""Bylines: the person, desk or newsroom a line names as the article's author, wherever the page
puts it (a "Theo …" credit, a line under the headline, a signature after the body)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..records import BlockKind, Removed
from .blocks import RawBlock
from .dates import parse_dateline
from .folding import fold

# A byline's own words around the name: "Theo Hải Minh /VGP", "Tác giả: … (ghi)", "By … and …".
BYLINE_HEAD = re.compile(
    r"^(?:theo|by|words by|story by|tác giả|bài(?:\s+và\s+ảnh)?|bài, ảnh|written by|reporter|phóng viên|authors?(?=\s*:)"
    r"|tin(?=\s*:))"
    r"\s*[:.\-–]?\s*|^(?:pv|ctv)\s*[:.\-–]\s*(?=\S)"  # "PV: Ngọc Anh" (a bare "PV" is the desk's own name)
    r"|^bởi\s+(?=(?-i:[A-ZĐÀ-Ỹ]))",  # "Bởi Lan Hương" (never "Bởi vì …", "because")
    re.IGNORECASE,
)
# A reading-time widget ("6 min read", "5 phút đọc", "Reading time: 6 minutes"), which a page
# prints among its byline and date, on their line or beside it.
READING_TIME = re.compile(
    r"\d{1,3}\s*-?\s*(?:min(?:ute)?s?|phút)\.?\s*(?:read|đọc)"
    r"|(?:reading time|read time|thời gian đọc)\s*:?\s*\d{1,3}\s*(?:min(?:ute)?s?|phút)",
    re.IGNORECASE,
)
_WIDGET_SEP = r"\s*[·•|–—-]\s*"
_READ_WIDGET = re.compile(
    rf"^\W*(?:{READING_TIME.pattern}){_WIDGET_SEP}|{_WIDGET_SEP}(?:{READING_TIME.pattern})\W*$", re.I
)
# What a byline says its author is, after the name: a generic list of the press's roles.
ROLE_WORDS = (
    r"phóng viên|cộng tác viên|biên tập viên|thông tín viên|nhà báo|trưởng văn phòng|pv|ctv|btv"
    r"|correspondent|reporter|editor|journalist|writer|contributor|columnist|bureau chief|staff writer|bureau|desk"
)
_ROLE = re.compile(rf"(?<![^\W_])(?:{ROLE_WORDS})(?![^\W_])", re.IGNORECASE)
# The text's credit after the photos' on one line ("Ảnh: X - TTXVN | Bài: Minh Thu").
_TEXT_CREDIT = re.compile(r"(?:\|\s*|\s{2,}|;\s*)((?:bài|text|words|nội dung)\s*:\s*\S.{0,50})$", re.IGNORECASE)
# A role described before each name of a byline ("South-East Asia correspondent", "political reporter").
_ROLE_BEFORE = re.compile(
    rf"(^|\sand\s|\svà\s|\s&\s|,\s)(?:[^\W\d_][\w-]*\s+){{0,3}}?(?:{ROLE_WORDS})\s+(?=[A-ZĐÀ-Ỹ])",
    re.IGNORECASE,
)
# "Lan Hương (thực hiện)", "(ghi)", "(tổng hợp)": the name, then what its bearer did (a credit).
_CREDIT_TAIL = re.compile(
    r"\s*\((?:ghi|thực hiện|tổng hợp|lược dịch|dịch|biên dịch|theo [^)]{1,40})\)\s*$", re.IGNORECASE
)
_BYLINE_TAILS = (
    _CREDIT_TAIL,
    re.compile(r"\s*\((?:từ|from)\s+[^()]{1,40}\)\s*$", re.IGNORECASE),  # "Minh Châu (từ Brasília)": where it was filed
    re.compile(r"\s*[|]\s*[^|]{1,30}\bstaff\s*$", re.IGNORECASE),  # "By X | Courier Staff": the paper's staff
    re.compile(r"\s+(?:theo|nguồn|source|via)\s+\S.{0,40}$", re.IGNORECASE),  # "Hồng Anh Theo PressTV"
    re.compile(r"\s*[-–—|]\s*(?:ảnh|photo|video)\s*:.*$", re.IGNORECASE),  # "Nhóm PV - Ảnh: …"
    re.compile(r"\s*/\s*[^\W\d_][\w.&-]{1,19}(?:\s+[\w.&-]{1,20}){0,3}\s*$"),  # "… /VGP", "Minh Anh/VTV-Paris"
    # "Lan Hương, phóng viên thường trú", "Jane Doe, Southeast Asia correspondent": the name, then a role.
    re.compile(rf"\s*[,\-–—|]\s*(?:[^\W\d_]+\s+){{0,4}}(?:{ROLE_WORDS})(?![^\W_])[^\d]{{0,40}}$", re.IGNORECASE),
    re.compile(rf"\s*\((?:[^\W\d_]+\s+){{0,4}}(?:{ROLE_WORDS})(?![^\W_])[^()\d]{{0,40}}\)\s*$", re.IGNORECASE),
    # "Jane Doe, Diplomatic Academy of Vietnam": the name, then the institution its bearer works at.
    re.compile(
        r"\s*,\s*(?:[^\W\d_]+\s+){0,5}(?:academy|institute|university|cent(?:er|re)|school|college|foundation"
        r"|council|học viện|viện|đại học|trường)(?![^\W_]).{0,60}$",
        re.IGNORECASE,
    ),
    # "Minh Anh - Báo Tin Nhanh": the name, then the paper (or agency, channel, magazine) it writes for.
    re.compile(r"\s*[-–—|]\s*(?:báo|tạp chí|đài|thông tấn xã|truyền hình|cổng thông tin)\s+\S.{0,40}$", re.IGNORECASE),
    # "By X Updated": the label of a date the page printed after the byline.
    re.compile(r"\s+(?:last\s+)?(?:updated|published|posted|cập nhật|ngày đăng|đăng)\s*:?\s*$", re.IGNORECASE),
    re.compile(r"\s*[-–—|,]\s*$"),
)
# The words a news agency's or paper's name is made of (a generic list): an agency is no person.
PRESS_WORDS = r"press|presse|news|agency|agence|post|times|herald|wire|media|thông tấn xã|thông tấn|báo|đài|tạp chí"
# After the last comma, one word ("Reuters") or an agency's or paper's name ("Associated Press").
_AGENCY_AFTER = re.compile(
    rf"\s*,\s*(?:[^\W\d_][\w.&-]*|(?:[^\W\d_][\w.&-]*\s+){{0,3}}(?:{PRESS_WORDS})(?:\s+[^\W\d_][\w.&-]*){{0,3}})\s*$",
    re.IGNORECASE,
)
PRESS = re.compile(rf"(?<![^\W_])(?:{PRESS_WORDS})(?![^\W_])", re.IGNORECASE)
# "Jane Doe in Hanoi", "Lan Hương tại Paris": where the author writes from, after the name.
_PLACE_AFTER = re.compile(r"\s+(?:in|tại)\s+[A-ZĐÀ-Ỹ][^\W\d_]*(?:\s+[A-ZĐÀ-Ỹ][^\W\d_]*){0,3}\s*$")
_FOOTNOTE = re.compile(r"\s*(?:\(\*+\)|\*+|†|[¹²³])$")  # "TS. Nguyễn Văn An*": the note on where the author works
# Languages by their own names (a generic list): two of them on a line are a site's language menu.
_LANGUAGES = re.compile(
    r"(?<![^\W_])(?:tiếng việt|english|français|francais|español|espanol|deutsch|italiano|português|русский)(?![^\W_])",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(r"^(?:[A-ZĐÀ-Ỹ][^\W\d_]*\.?)+(?:[-’'][A-ZĐÀ-Ỹa-zà-ỹđ][^\W\d_]*)*$")
_DESK = re.compile(r"^(?:ban|nhóm)\s+[A-ZĐÀ-Ỹ][^\W\d_]*(?:\s+[^\W\d_]+){0,3}$", re.IGNORECASE)  # "Ban Thời sự"
END_MARK = re.compile(r"\s*\.?/\.\s*")  # "./.", the mark that ends a Vietnamese news text
STAFF = {
    "PV",
    "CTV",
    "BTV",
    "PV.",
    "CTV.",
}  # reporter, contributor, editor: what a newsroom signs when it names no one
_JOINERS = {"and", "và", "&", "-", "–", ",", "với", "of"}
_NOT_NAMES = re.compile(
    r"^(?:the|thứ|chủ nhật|ngày|tháng|năm|cập nhật|đăng|trang|tin|bài|ảnh|video|home|news|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    re.IGNORECASE,
)
# A page's share and print buttons (a generic list): a row of them is no one's name.
_BUTTONS = re.compile(
    r"(?<![^\W_])(?:share|tweet|email|e-mail|print|facebook|twitter|linkedin|whatsapp|zalo|chia sẻ|in bài|sao chép)(?![^\W_])",
    re.IGNORECASE,
)
# Words no person's name is made of (a generic list of each language): English function words and a
# site's own words ("About Viet Nam", "Contact Us", "Follow Us"), Vietnamese words of a site's menu
# ("Giới Thiệu", "Liên Hệ", "Trang Chủ") in any case, so a menu's item is never the byline.
_SITE_WORDS = frozenset(
    "about contact us our we you your my me home subscribe login log sign register search menu help privacy"
    " terms advertise advertising careers newsletter follow more all latest who what how why where this that"
    " these with for from into is are was were here there gift article save comments comment listen"
    " play video pause replay watch mute volume related tags tag topics homepage website visit member members"
    " senior brief briefly photo photos image images".split()
)
_SITE_PHRASES = re.compile(
    r"(?<![^\W_])(?:giới thiệu|liên hệ|trang chủ|tòa soạn|toà soạn|quảng cáo|đăng nhập|đăng ký|tìm kiếm|góp ý"
    r"|bạn đọc|chính sách|điều khoản|thời sự|thế giới|xã hội|kinh tế|thể thao|đời sống|pháp luật|giáo dục"
    r"|du lịch|tin tức|sự kiện|chuyên mục|chính trị|ngoại giao|đối ngoại|quốc tế|quốc phòng|đặt báo)(?![^\W_])"
)


def site_words(name: str) -> bool:
    """`name` holds a word or phrase of a site's menu, or a function word: no person's name."""
    return any(w.lower() in _SITE_WORDS for w in name.split()) or _SITE_PHRASES.search(fold(name)) is not None


# The commonest Vietnamese family names (a generic list of the language: most people bear one).
FAMILY_NAMES = frozenset(
    "nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đinh đào trịnh trương lưu lương"
    " tạ tô đoàn lâm triệu quách vương kiều thân tăng lại mạc khúc phùng nghiêm doãn hứa lục".split()
)
SIGNATURE_WORDS = 6  # a closing signature is a name, not a sentence


def unwidgeted(text: str) -> str:
    """The line without a reading-time widget glued to it ("6 min read · By Jane Doe" → "By Jane Doe")."""
    return _READ_WIDGET.sub("", text.strip()).strip()


def byline_name(text: str) -> str | None:
    """The person (or desk) a byline line names ("Theo Hải Minh /VGP" → "Hải Minh",
    "By Khanh Vu and Phuong Nguyen"), or None when the line is not a byline."""
    if text.rstrip().endswith(("...", "…")):
        return None  # "Like Loading...", a teaser cut short: no name ends so
    credits = _TEXT_CREDIT.search(text)
    if credits and credits.start() > 0:
        text = credits.group(1)  # "Ảnh: X - TTXVN | Bài: Minh Thu": the text's author, not the photos'
    name = BYLINE_HEAD.sub("", _FOOTNOTE.sub("", unwidgeted(text)))
    if BYLINE_HEAD.match(unwidgeted(text)):
        name = _ROLE_BEFORE.sub(r"\1", name)  # "By South-East Asia correspondent Jane Doe and political reporter …"
    for tail in _BYLINE_TAILS:
        name = tail.sub("", name)
    name = name.strip(" .,:;")
    placed = _PLACE_AFTER.search(name)
    if placed and not PRESS.search(name[: placed.start()]):
        name = name[: placed.start()]  # an agency "in Hanoi" is still no person
    agency = _AGENCY_AFTER.search(name)
    if agency and len(name[: agency.start()].split()) >= 2:
        name = name[: agency.start()]  # "Jane Doe, Reuters": the name, then the agency it writes for
    if not name or len(name) > 50 or any(c.isdigit() for c in name) or _NOT_NAMES.match(name):
        return None
    if len(_BUTTONS.findall(name)) >= 2:
        return None  # "Share  Tweet  Email": the page's buttons
    if len(_LANGUAGES.findall(name)) >= 2:
        return None  # "Tiếng Việt  English  Français": the site's language menu
    if name in STAFF or (_DESK.match(name) and name.split()[1][0].isupper()):
        return name
    if site_words(name):
        return None  # "About Viet Nam", "Contact Us", "GIỚI THIỆU": a menu's item (a desk may bear a section's name)
    if (
        name.isupper()
        and len(ACADEMIC_TITLE.sub("", name).replace("-", " ").split()) > 4  # "TS. NGUYỄN THỊ MINH HẰNG" is one
        and not re.search(r"\s[-–—,&]\s|\s(?:VÀ|AND)\s", name)
    ):
        return None  # "BỘ NGOẠI GIAO HOA KỲ": a banner in capitals, not a name (two names are joined)
    words = name.replace(",", " , ").split()
    names = [w for w in words if w.lower() not in _JOINERS]
    if not 1 <= len(names) <= 7 or not all(_NAME_WORD.match(w) and w[0].isupper() for w in names):
        return None
    if len(names) == 1 and "." not in names[0].rstrip("."):
        return None  # one word ("CPV", "Việc") is too weak; an initial ("H.Triều") is a name
    return name


# An academic title a magazine prints before its author's name: "TS. Nguyễn Văn An", "PGS.TS. …", "Dr. …".
ACADEMIC_TITLE = re.compile(r"^(?:(?:GS|PGS|TS|TSKH|ThS|NCS|Dr|Prof)\.\s*)+(?=[A-ZĐÀ-Ỹ])")
# "Posted on May 12, 2025 by Jane Doe": the author named after the date on its line.
_BY_AFTER = re.compile(r"\s(?:by|bởi)\s+(\S.{0,50})$", re.IGNORECASE)
_AFTER_NAME = re.compile(r"\s+[—–|·-]\s+.*$")  # "… by X — 3 bình luận": a counter after the name
PERSON_WORDS = (2, 4)  # a person's name: a given name and a family name at least, four words at most
STAMP_WORDS = 15  # a page's stamp is a few words, not a sentence naming a day
SYLLABLE = 7  # letters of a Vietnamese syllable at most (and of most short given names)


def headed_byline(text: str) -> bool:
    """A line headed as a byline ("Bài và ảnh: X", "By X"), by an academic title ("TS. X") or
    closed by a credit ("X (thực hiện)"), naming one."""
    bare = unwidgeted(text)
    headed = BYLINE_HEAD.match(bare) or ACADEMIC_TITLE.match(bare) or _CREDIT_TAIL.search(bare)
    return bool(headed) and byline_name(text) is not None


def name_after_date(text: str) -> str | None:
    """The author a date line names after its date ("Posted on May 12, 2025 by Jane Doe" → "Jane Doe")."""
    found = _BY_AFTER.search(text)
    return byline_name(_AFTER_NAME.sub("", found.group(1))) if found else None


def over_role(texts: Sequence[str], at: int) -> bool:
    """A person's name alone on its line, over a short line of what its bearer is or writes for
    ("Senior Correspondent", "BBC News Tiếng Việt"): a byline of two lines."""
    if at + 1 >= len(texts) or not person_name(texts[at].strip()) or site_words(texts[at]):
        return False
    under = texts[at + 1]
    return len(under.split()) <= ROLE_LINE_WORDS and bool(_ROLE.search(under) or PRESS.search(under))


ROLE_LINE_WORDS = 6  # words of the line under a byline's name that says its bearer's role or paper


def person_name(name: str) -> bool:
    """One person's name or a few joined ("Quốc Minh", "Minh Châu - Quang Huy", "Daniel Kerr"): each
    of two to four words, every word a capital and at most six more letters (no menu's "Facebook",
    no "YouTube"), in capitals or not but all alike."""
    parts = [p for p in re.split(r"\s+(?:[-–&]|và|and)\s+|\s*,\s*", name.strip()) if p]
    return bool(parts) and all(
        PERSON_WORDS[0] <= len(part.split()) <= PERSON_WORDS[1]
        and all(
            w.isalpha() and len(w) <= SYLLABLE and w[0].isupper() and (w[1:].islower() or w.isupper())
            for w in part.split()
        )
        for part in parts
    )


def signature_at(texts: Sequence[str], at: int, text: str) -> str | None:
    """The name a line of the page's header or end signs with, where no head says it is one: a
    person's name, printed nowhere else in the file (a menu's item, a tag, the breadcrumb), no two
    of its words together in the article's `text` (a person it names, a label's words), with no
    such name-shaped line beside it (a run of menu items)."""
    name = byline_name(texts[at])
    if name is None or not person_name(name):
        return None
    folded, said = fold(name), fold(text)
    tokens = folded.split()
    if any(f"{first} {second}" in said for first, second in zip(tokens, tokens[1:])):
        return None  # two of its words together in the text: words of the language ("NỘI DUNG …"), or a person it names
    if any(folded in fold(other) for i, other in enumerate(texts) if i != at):
        return None
    return None if in_menu(texts, at) else name


def over_stamp(texts: Sequence[str], at: int, title_at: int, between: bool, text: str) -> bool:
    """Line `at` names the author right over the page's stamp (a date with its clock time), under
    the headline (`between` it and the lead) or right over it with the stamp ("Quốc Minh" / "14:05 |
    12/03/2025" / headline). A label over the text ("NỘI DUNG HỘI ĐÀM") stands over the lead, not
    over a stamp; over the headline, a line in capitals is a banner's."""
    if not (between or (at + 2 == title_at and not texts[at].isupper())) or at + 1 >= len(texts):
        return False
    stamp = parse_dateline(texts[at + 1]) if len(texts[at + 1].split()) <= STAMP_WORDS else None
    if stamp is None or stamp.mention is None or not stamp.mention.time:
        return False
    return signature_at(texts, at, text) is not None


def beside_widget(texts: Sequence[str], at: int, between: bool, text: str) -> bool:
    """Line `at`, between the headline and the lead, names the author beside the page's reading-time
    widget ("5 phút đọc" / "THANH HÀ"): a person's name printed once, in capitals too."""
    widget = any(
        READING_TIME.search(texts[i]) and len(texts[i].split()) <= STAMP_WORDS
        for i in (at - 1, at + 1)
        if 0 <= i < len(texts)
    )
    return between and widget and signature_at(texts, at, text) is not None


def in_menu(texts: Sequence[str], at: int, low: int = -1, high: int | None = None) -> bool:
    """Line `at` stands in a run of name-shaped lines (between `low` and `high`, exclusive): a
    menu's items ("Press Room", "Consular Services"), not a byline, which stands alone or over
    its author's role ("Regional Correspondent")."""
    high = len(texts) if high is None else high
    return any(
        low < i < high and byline_name(texts[i]) is not None and not _ROLE.search(texts[i])
        for i in (at - 1, at + 1)
        if 0 <= i < len(texts)
    )


def full_name_in_capitals(name: str, text: str) -> bool:
    """A Vietnamese person's full name printed in capitals ("NGUYỄN VĂN AN"): three or four
    one-syllable words, the first a family name, nothing else, and not a person the article's
    `text` names (its subject, printed as a label). A label over the text in capitals ("NỘI
    DUNG HỘI ĐÀM") does not open with a family name."""
    parts = name.split()
    return (
        name.isupper()
        and 3 <= len(parts) <= 4
        and parts[0].lower() in FAMILY_NAMES
        and all(part.isalpha() and len(part) <= 7 for part in parts)
        and fold(name) not in fold(text)
    )


def closing_signature(blocks: list[RawBlock]) -> tuple[list[RawBlock], list[Removed], str | None]:
    """A closing signature (a byline after the body): the blocks without it, it as removed,
    and the name. (Trailing teasers are the segmenter's to tell: a teaser shares as many words
    with the article as its own paragraphs do, so vocabulary cannot tell them apart.)"""
    last = blocks[-1] if blocks else None
    if (
        len(blocks) > 1
        and last is not None
        and last.kind is BlockKind.PARAGRAPH
        and len(last.text.split()) <= SIGNATURE_WORDS
    ):
        name = byline_name(last.text)
        if name:
            return blocks[:-1], [Removed(last.text, last.line, "byline")], name
    return blocks, [], None
