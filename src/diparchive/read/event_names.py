"""Registry events named in a passage (ASCII-folded): each event's or series' patterns, tried only
where the word a pattern starts with stands at a word's start, and only when every word the
pattern requires is in the passage; a numbered series' session read off its number ("lần thứ
44", "XIII", "the 44th"), with the sessions listed before or after it ("the 44th and 45th
ASEAN Summits", "lần thứ 44 và 45"). Whether it is one of ours ("China's 19th Party Congress" is
not: `meetings.foreign`) and cited in passing (`meetings.cited_in_passing`) is told here too."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .literals import word_edge_before
from .meetings import cited_in_passing, foreign, ordinals_before
from .recognizer import EventPattern, Recognizer

_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
_NUMBER_LIST = re.compile(r"\s*(?:,|và|va|and|&)\s*(\d{1,3}|[IVXLC]{1,7})(?:st|nd|rd|th)?(?![^\W_])")


def events_named(rec: Recognizer, text: str, folded: str) -> Iterator[tuple[str, tuple[int, int], bool]]:
    """Yield (event id, span, passing) for each registry event named, and the instances listed
    after a numbered one ("lần thứ 44 và 45")."""
    present = {word for word in rec.event_words if word in folded}  # each looked for once
    starts_of: dict[str, list[int]] = {}
    for pattern in rec.events:
        if not present.issuperset(pattern.required):
            continue
        for m in pattern_matches(pattern, folded, starts_of):
            start, end = m.start(), m.end()
            number = _number(text[m.start("n") : m.end("n")], pattern.roman) if pattern.numbered else None
            # "the 44th and 45th ASEAN Summits": the sessions listed before the one the pattern names.
            listed = ordinals_before(text, start, number) if number and m.start("n") == start else []
            start = listed[0][1] if listed else start
            if foreign(rec, text, folded, start, end, m.start("n") if pattern.numbered else end):
                continue
            passing = cited_in_passing(folded, start, end)
            if not pattern.numbered:
                yield pattern.target, (start, end), passing
                continue
            if not number:
                continue
            for earlier, _ in listed:
                yield f"{pattern.target}-{earlier}", (start, end), passing
            yield f"{pattern.target}-{number}", (start, end), passing
            # Listed numbers follow the first: "44 và 45", "44, 45", "the 44th and 45th".
            position = end
            for _ in range(3):
                more = _NUMBER_LIST.match(text, position)
                if not more:
                    break
                following = _number(more.group(1), pattern.roman)
                if following is None or not number < following <= number + 2:
                    break
                number, position = following, more.end()
                yield f"{pattern.target}-{number}", (start, position), passing


def _word_starts(folded: str, literal: str) -> list[int]:
    """Where `literal` occurs (overlapping occurrences too) at the start of a word."""
    found = []
    at = folded.find(literal)
    while at >= 0:
        if word_edge_before(folded, at):
            found.append(at)
        at = folded.find(literal, at + 1)
    return found


def pattern_matches(pattern: EventPattern, folded: str, starts_of: dict[str, list[int]]) -> Iterator[re.Match[str]]:
    """What `pattern.regex.finditer(folded)` finds; an anchored pattern tried only where its first
    word starts a word (a match cannot start anywhere else: the pattern opens with a word edge).
    `starts_of` keeps each literal's places for the passage's other patterns."""
    if pattern.starts is None:
        yield from pattern.regex.finditer(folded)
        return
    for literal in pattern.starts:
        if literal not in starts_of:
            starts_of[literal] = _word_starts(folded, literal)
    reached = 0
    for start in sorted({at for literal in pattern.starts for at in starts_of[literal]}):
        if start < reached:
            continue
        m = pattern.regex.match(folded, start)
        if m:
            yield m
            reached = m.end()


def _number(raw: str, roman: bool) -> int | None:
    if roman:
        return _roman(raw) if raw.isupper() and not raw.isdigit() else None
    return int(raw) if raw.isdigit() else None


def _roman(text: str) -> int | None:
    values = [_ROMAN[c] for c in text.lower()]
    total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    return total if total > 0 else None
