"""Lines a print or PDF layout wrapped at its column's width, joined back into the paragraph
they were cut from ("Prime Minister Pham Minh" / "Chinh on Monday received New Zea-" / "land's
visiting minister.").

A column's line breaks where the next word does not fit: so a line joins the next when that
one goes on from it in lower case, after a comma or a word cut by a hyphen, or when the next
line's first word would not have fitted on it (the break was forced by the width, not
chosen). A run of such lines (three at least: a two-line headline is the headline's business;
two when the first fills the column and the second ends a sentence) becomes one line. A line that ends a sentence, a list mark, a byline's head or a long line of
its own (a paragraph a web page prints whole) a masthead's line set in columns or a caption with its photo's credit is never joined.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

MIN_WIDTH = 20  # characters: a shorter line is a label, a menu item or a signature, not a column's line
MAX_WIDTH = 100  # characters: a longer line is a paragraph of its own, not a column's line
SOFT_SHARE = 3  # of a run's joins, one in this many at least goes on plainly (lower case, comma, cut word)
RUN_LINES = 3  # lines joined at the least (a headline on two lines is read by `headline`)
GOES_ON = 4  # words of a line that opens on a number and goes on (not a stamp: "09/04/2025 10:20")
FILLED = 0.8  # of the column's width: a line this long was cut by the width
_STOPS = tuple(".!?…")  # a line ending so ends its sentence
_ENDS = tuple('.!?:;…"”’»')  # a line ending so ends its sentence ("(right)" may not)
WINDOW = 8  # lines from a run's first whose longest tells the column's width
_CREDIT = re.compile(r"(?<![^\W_])(?:ảnh|photo|nguồn|source)\s*:", re.IGNORECASE)
_COLUMNS = "   "  # a wide gap between the parts of one line: a masthead's columns, not a paragraph's words
_OPENS = re.compile(r"^(?:[•·▪►»*>|–—-]|(?:by|theo|bài|ảnh|photo|nguồn|source)\b)", re.IGNORECASE)


def _joinable(line: str) -> bool:
    return (
        MIN_WIDTH <= len(line) <= MAX_WIDTH
        and len(line.split()) >= 3
        and not line.endswith(_ENDS)
        and not _OPENS.match(line)
        and not _CREDIT.search(line)  # "Ảnh: X (TTXVN)": a photo's caption ends with its credit
        and _COLUMNS not in line.strip()  # "NHÂN DÂN   Thứ Sáu, ngày 22-9-2023   3": a masthead set in columns
    )


def _goes_on(line: str, following: str, width: int) -> bool:
    """`following` continues `line` in a column `width` characters wide (the longest line near it)."""
    if not following or len(following) > MAX_WIDTH or _OPENS.match(following):
        return False
    return _soft(line, following) or len(line) + 1 + len(following.split()[0]) > width


def _soft(line: str, following: str) -> bool:
    """`following` plainly goes on from `line`: in lower case, after a comma or a cut word, or a
    number after a word in lower case ("… chiều" / "8-1, Thủ tướng …": a date the column cut)."""
    return (
        line.endswith(("-", ","))
        or following[:1].islower()
        or (
            following[:1].isdigit()
            and line[-1:].isalpha()
            and line[-1:].islower()
            and len(following.split()) >= GOES_ON
        )
    )


def _join(run: Sequence[str], text_of_file: str) -> str:
    joined = run[0]
    for line in run[1:]:
        word = joined.rpartition(" ")[2] + line.split()[0]  # "fastest-growing", as it would read hyphened
        cut = joined.endswith("-") and line[0].islower() and joined[-2:-1].isalpha()
        if cut and word.lower() not in text_of_file:
            joined = (
                joined[:-1] + line
            )  # "Zea-" / "land's": a word the column cut (the file never hyphens it elsewhere)
        else:
            joined = f"{joined}{'' if cut else ' '}{line}"
    return joined


def unwrap(lines: Sequence[str]) -> list[tuple[int, str]]:
    """The lines of a scrape as (index of the first line, text), wrapped runs joined; blank
    lines kept (they end a run)."""
    out: list[tuple[int, str]] = []
    i, n = 0, len(lines)
    text_of_file = "\n".join(lines).lower()
    while i < n:
        run = [lines[i].strip()]
        width = max((len(t.strip()) for t in lines[i : i + WINDOW] if len(t.strip()) <= MAX_WIDTH), default=0)
        while i + len(run) < n and _joinable(run[-1]):
            following = lines[i + len(run)].strip()
            if not _goes_on(run[-1], following, width):
                break
            run.append(following)
        soft = sum(1 for a, b in zip(run, run[1:]) if _soft(a, b))
        # A list of headlines as wide as each other breaks "forced" too: some line must plainly go on.
        # Two lines make a paragraph when the first fills the column and the second goes on from it
        # plainly to the sentence's stop (a headline on two lines ends in none).
        paired = len(run) == 2 and soft == 1 and len(run[0]) >= FILLED * width and run[1].endswith(_STOPS)
        if (len(run) >= RUN_LINES and soft * SOFT_SHARE >= len(run) - 1) or paired:
            out.append((i, _join(run, text_of_file)))
            i += len(run)
        else:
            out.append((i, lines[i]))
            i += 1
    return out
