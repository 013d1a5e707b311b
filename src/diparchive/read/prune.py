"""Lines of a scrape that belong to no article, taken out before the segmenter reads the page.

A cache's or web archive's notice over the copy it keeps names when the copy was taken (never the
article's date). A consent banner at the top of a page (a heading, a paragraph or two about cookies and
partners, the options it lists, its buttons) reads like a headline over a lead, and a live
blog's entry stamps ("18:45", "2 giờ trước") between its entries read like the clock and
widgets of the site's chrome after the article. Both are recognised by their shape and a
language's generic words (never an outlet's strings) and left out with their reason, so the
rest of the page reads as if they were not there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from markupsafe import escape

from ..records import Removed
from .blocks import RawBlock
from .boilerplate import is_link_line

CONSENT_BANNER = "consent banner (cookies, privacy, partners: the site's, no part of the article)"
ENTRY_STAMP = "a live blog's entry stamp (the time of the entry below)"
MAIL_HEADER = (
    "an e-mail's header (a newsletter's sender, recipients; the subject and date read on as the headline and dateline)"
)
COPY_NOTICE = "a cache's or web archive's notice of its copy (when the copy was taken, not the article's date)"

_TOP = 40  # lines from the top where a banner may stand (over a menu, never inside the text)
_PARAGRAPH_WORDS = 20  # a line this long that speaks of no consent is the article's text: look no further
_CONSENT_PARAGRAPH = 12  # words: a banner's own paragraph (at least one), not a heading or an option
_OPTION_WORDS = 8  # a line this short inside a banner may name an option without its words
_OPTIONS_IN_A_ROW = 3  # such lines in a row, at most, before the banner must speak of consent again
_RUN = 20  # lines a banner spans at most before its buttons

# A language's words of consent notices: what a site does with cookies, data and its partners.
_STRONG = re.compile(
    r"\b(?:cookies?|consent\w*|privacy|personal data|store and/or access|"
    r"quyền riêng tư|dữ liệu cá nhân|chính sách bảo mật)\b",
    re.IGNORECASE,
)
_CONSENT = re.compile(
    r"\b(?:cookies?|consent\w*|privacy|personal data|personali[sz]ed|personali[sz]ation|advertis\w+|adverts?|ads|"
    r"agree|browsing|browse|(?:best |your )experience|analytics|"
    r"store and/or access|information on a device|device|partners?|vendors?|preferences|geolocation|"
    r"identifiers?|legitimate interests?|third[- ]part(?:y|ies)|tracking|gdpr|"
    r"quyền riêng tư|dữ liệu cá nhân|chính sách bảo mật|bảo mật|chấp nhận|đồng ý|quảng cáo|"
    r"cá nhân ho[áa]|đối tác|thiết bị|t[uù]y chọn|tuỳ chọn|trải nghiệm)\b",
    re.IGNORECASE,
)
# A banner's buttons: a decision, or the way to its settings.
_DECISION = re.compile(
    r"(?:accept|allow|agree|i agree|reject|decline|refuse|deny|ok|okay|got it|continue)"
    r"(?: all| cookies| all cookies| and close| and continue)?"
    r"|(?:đồng ý|chấp nhận|từ chối|tôi đồng ý)(?: tất cả| cookie| và đóng)?",
    re.IGNORECASE,
)
_SETTINGS = re.compile(
    r"(?:more options|options|settings|manage(?: options| preferences| cookies| settings)?|"
    r"customi[sz]e|cookie settings|privacy settings|learn more|show purposes|"
    r"t[uùủ]y chỉnh|tuỳ chỉnh|cài đặt(?: cookie)?|thêm t[uù]y chọn|tìm hiểu thêm|xem chi tiết)",
    re.IGNORECASE,
)

# A live blog's entry stamp: a clock ("18:45", "9h30 GMT+7"), or a time relative to now.
_CLOCK = re.compile(
    r"(?:\d{1,2}\s*[:h]\s*\d{2}(?:\s*(?:am|pm|sa|ch))?|\d{1,2}[.:]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.))"
    r"(?:\s*\(?(?:gmt|utc)\s*[+-]\s*\d{1,2}\)?)?",
    re.IGNORECASE,
)
_RELATIVE = re.compile(
    r"(?:\d{1,3}|một|a|an)\s+(?:giây|phút|giờ|tiếng|ngày|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?)"
    r"\s+(?:trước|ago)|\d{1,3}\s*(?:h|m|hr|min)\s+ago|vừa xong|just now",
    re.IGNORECASE,
)
# A cache's or web archive's banner over the copy it keeps ("This is … cache of https://…", "snapshot of the page").
_COPY = re.compile(
    r"\bcache(?:d)?\s+(?:of|copy|version)\b.{0,40}?https?://|\bsnapshot of (?:the|this) page\b|\bwayback machine\b"
    r"|\b(?:archived|captured) (?:from|on)\b.{0,40}?https?://|\bbản lưu\b.{0,40}?https?://",
    re.IGNORECASE,
)
# An e-mail's header lines at the top of a newsletter's scrape: the label, and for a subject the
# marks of a reply or forward and the list's tag ("Subject: Fwd: [List #42] Headline").
_MAIL_HEADER = re.compile(
    r"^(subject|chủ đề|tiêu đề|from|to|cc|date|sent|ngày gửi|người gửi|người nhận|reply-to)\s*:\s*"
    r"(?:(?:re|fwd?|tr|vv)\s*:\s*)*(?:\[[^\]]{1,40}\]\s*)?(?=\S)",
    re.IGNORECASE,
)
_MAIL_VALUES = ("subject", "chủ đề", "tiêu đề", "date", "sent", "ngày gửi")  # the headers read on, their label cut
_MAIL_HEADERS = 2  # header lines in a row at the top, at least, for a page to be an e-mail
_SENTENCE_END = re.compile(r"[.!?…:;\"”’)»]$")
_TEXT_WORDS = 8  # an entry, or the text above a stamp, is a sentence at least this long
_CREDIT = re.compile(r"\b(?:ảnh|photo|nguồn|source)\s*:", re.IGNORECASE)


def mail_headers(blocks: Sequence[RawBlock]) -> tuple[list[RawBlock], list[Removed]]:
    """A newsletter's e-mail headers at the top of its scrape: the sender's and recipients' lines
    left out, the subject and the date kept without their label (the headline and its dateline)."""
    run = 0
    for block in blocks:
        if block.image_slot or not _MAIL_HEADER.match(block.text):
            break
        run += 1
    if run < _MAIL_HEADERS:
        return list(blocks), []
    kept: list[RawBlock] = []
    removed: list[Removed] = []
    for block in blocks[:run]:
        found = _MAIL_HEADER.match(block.text)
        assert found is not None
        label, value = found.group(0).strip(), block.text[found.end() :].strip()
        if found.group(1).lower() in _MAIL_VALUES:
            kept.append(replace(block, text=value, html=str(escape(value))))
        removed.append(
            Removed(label if found.group(1).lower() in _MAIL_VALUES else block.text, block.line, MAIL_HEADER)
        )
    return [*kept, *blocks[run:]], removed


def pruned(blocks: Sequence[RawBlock]) -> tuple[list[RawBlock], list[Removed]]:
    """`blocks` without a consent banner or a cache's notice at the top and a live blog's entry stamps, and the
    lines left out, each with its reason."""
    blocks, mail = mail_headers(blocks)
    lines = [b for b in blocks if not b.image_slot]
    texts = [" ".join(b.text.split()) for b in lines]
    out: dict[int, str] = {}
    banner = consent_banner(texts)
    if banner is not None:
        out.update((id(lines[i]), CONSENT_BANNER) for i in range(banner[0], banner[1] + 1))
    out.update((id(lines[i]), COPY_NOTICE) for i in range(min(len(texts), _TOP)) if _COPY.search(texts[i]))
    rest = [(b, t) for b, t in zip(lines, texts) if id(b) not in out]
    out.update((id(rest[i][0]), ENTRY_STAMP) for i in entry_stamps([t for _, t in rest]))
    removed = mail + [Removed(b.text, b.line, out[id(b)]) for b in lines if id(b) in out]
    return [b for b in blocks if id(b) not in out], removed


def _consent_line(text: str) -> bool:
    """A line that speaks of consent: a short one naming a consent word, a long one naming two
    (one of them cookies, privacy, consent or personal data)."""
    hits = {m.group(0).lower() for m in _CONSENT.finditer(text)}
    if len(text.split()) < _CONSENT_PARAGRAPH:
        return bool(hits)
    return len(hits) >= 2 and _STRONG.search(text) is not None


_BUTTON_MARKS = " .!>×✕"  # what a button's label is printed with


def _button(text: str) -> bool:
    label = text.strip(_BUTTON_MARKS)
    return bool(_DECISION.fullmatch(label) or _SETTINGS.fullmatch(label))


def consent_banner(texts: Sequence[str]) -> tuple[int, int] | None:
    """The first and last index of a consent banner near the top of the page: a run of lines
    that speak of consent (options named between them), with a paragraph of its own, ending
    at its buttons (one a decision: accept, reject, agree). None when there is none."""
    for start in range(min(len(texts), _TOP)):
        text = texts[start]
        consent = _consent_line(text)
        if len(text.split()) >= _PARAGRAPH_WORDS and not consent:
            return None  # the article's text has begun
        if not consent or _button(text) or not _STRONG.search(text):
            continue  # a banner opens on cookies, privacy or consent, never on a word it also uses
        found = _banner_from(texts, start)
        if found is not None:
            return found
    return None


def _banner_from(texts: Sequence[str], start: int) -> tuple[int, int] | None:
    at, options = start, 0
    while at < len(texts) and at - start <= _RUN and not _button(texts[at]):
        if _consent_line(texts[at]):
            options = 0
        elif len(texts[at].split()) <= _OPTION_WORDS and not _SENTENCE_END.search(texts[at]):
            options += 1
            if options > _OPTIONS_IN_A_ROW:
                return None
        else:
            return None  # a line of text that speaks of no consent: no banner
        at += 1
    if at >= len(texts) or not _button(texts[at]):
        return None
    end = at
    while end + 1 < len(texts) and _button(texts[end + 1]):
        end += 1
    run = texts[start:at]
    said = " ".join(run)
    if not any(_DECISION.fullmatch(t.strip(_BUTTON_MARKS)) for t in texts[at : end + 1]):
        return None
    if not _STRONG.search(said) or not any(len(t.split()) >= _CONSENT_PARAGRAPH for t in run):
        return None
    if len({m.group(0).lower() for m in _CONSENT.finditer(said)}) < 3:
        return None
    return start, end


def _stamp(text: str) -> bool:
    return bool(_CLOCK.fullmatch(text) or _RELATIVE.fullmatch(text.strip(" ·|-–—")))


def _text(text: str) -> bool:
    return len(text.split()) >= _TEXT_WORDS and _SENTENCE_END.search(text) is not None


def entry_stamps(texts: Sequence[str]) -> list[int]:
    """The indexes of a live blog's entry stamps: runs of clock or relative-time lines between
    the article's text (a sentence, a caption or a "Read more" link above, once a paragraph
    has opened the text) and an entry's sentence below."""
    found: list[int] = []
    opened = False
    at = 0
    while at < len(texts):
        if not _stamp(texts[at]):
            opened = opened or (len(texts[at].split()) >= _PARAGRAPH_WORDS and _text(texts[at]))
            at += 1
            continue
        end = at
        while end + 1 < len(texts) and _stamp(texts[end + 1]):
            end += 1
        above = texts[at - 1] if at else ""
        after_text = _text(above) or is_link_line(above) or bool(_CREDIT.search(above))
        if opened and after_text and end + 1 < len(texts) and _text(texts[end + 1]):
            found.extend(range(at, end + 1))
        at = end + 1
    return found
