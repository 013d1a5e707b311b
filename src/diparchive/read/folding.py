"""Vietnamese-aware text folding for matching, never for display.

Every function here returns a string of the *same length* as its input, so a match found in
folded text is at the same offsets in the original.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

# Old-style tone placement (hoà, khoá, thuỷ) moved to the new style (hòa, khóa, thủy) when the
# cluster ends the syllable; "hoàng" keeps its tone on "a" in both styles, so it is untouched.
_TONED = {"a": "àáảãạ", "e": "èéẻẽẹ", "y": "ỳýỷỹỵ"}
_BASE = {"o": "òóỏõọ", "u": "ùúủũụ"}
_OLD_TO_NEW: dict[str, str] = {}
for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
    for tone_index, toned_second in enumerate(_TONED[second]):
        _OLD_TO_NEW[first + toned_second] = _BASE[first][tone_index] + second
_OLD_STYLE = re.compile("(" + "|".join(_OLD_TO_NEW) + r")(?![^\W\d_])")


def fold(text: str) -> str:
    """Lower-case with tone placement unified; diacritics kept."""
    lowered = text.lower()
    if len(lowered) != len(text):  # rare letters whose lower case is longer ("İ"): keep them
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return _OLD_STYLE.sub(lambda m: _OLD_TO_NEW[m.group(1)], lowered)


def _mark_free_table() -> dict[int, str]:
    """Each character whose decomposition starts with an ASCII letter → that letter (đ → d)."""
    table = {ord("đ"): "d", ord("Đ"): "D"}
    for code in range(0x80, 0x10000):
        base = unicodedata.normalize("NFD", chr(code))[0]
        if base.isascii() and len(base) == 1 and base != chr(code):
            table[code] = base
    return table


_MARK_FREE = _mark_free_table()


def strip_marks(text: str) -> str:
    """Remove diacritics character by character (đ → d), keeping length."""
    return text.translate(_MARK_FREE)


def ascii_fold(text: str) -> str:
    """Lower-case and diacritic-free: the space where "Tô Lâm" and "To Lam" meet."""
    return strip_marks(fold(text))


def has_marks(text: str) -> bool:
    return any(not c.isascii() and c.isalpha() for c in text)


def marked_share(text: str) -> float:
    """The share of letters with diacritics (or đ): above a few percent, the text is Vietnamese."""
    letters = marked = 0
    for char, count in Counter(text).items():  # each distinct character asked once
        if char.isalpha():
            letters += count
            if not char.isascii():
                marked += count
    return marked / letters if letters else 0.0


VIETNAMESE_SHARE = 0.04  # of letters with marks, above which a text is Vietnamese


def detect_language(text: str) -> str:
    """ "vi" or "en", by the share of marked letters in the text's opening."""
    return "vi" if marked_share(text[:4000]) > VIETNAMESE_SHARE else "en"


_WORDS = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """Word tokens (letters and digits) of already-folded text."""
    return _WORDS.findall(text)
