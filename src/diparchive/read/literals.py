"""Many literals found in one pass: an Aho–Corasick automaton (pyahocorasick) from literal to
payloads, built once per registry. Recognition asks it where any leader's name, title form, event
word or series name occurs in a passage's folded text, then confirms each hit where it stands
(word edges, capitals, diacritics, the event's full pattern), instead of running one regular
expression per pattern over the whole text.

A payload is (kind, value), e.g. ("name", 3) or ("country", "FR"); one literal may carry several (a word that is both an event's
required word and another's first word). Hits are substrings: word edges are the caller's test
(`word_edge_before`, `word_edge_after`), as `(?<![^\\W_])` and `(?![^\\W_])` are in the patterns.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import ahocorasick

Payload = tuple[str, str | int]  # (kind, value)
Hit = tuple[int, int, Payload]  # start, end (exclusive), payload: a plain tuple, there are many


@dataclass(frozen=True, slots=True)
class Literals:
    automaton: Any  # ahocorasick.Automaton: literal → tuple of payloads

    @classmethod
    def build(cls, pairs: Iterable[tuple[str, Payload]]) -> Literals:
        payloads: dict[str, list[Payload]] = {}
        for literal, payload in pairs:
            if literal and payload not in payloads.setdefault(literal, []):
                payloads[literal].append(payload)
        automaton = ahocorasick.Automaton()
        for literal, found in payloads.items():
            automaton.add_word(literal, (len(literal), tuple(found)))
        if payloads:
            automaton.make_automaton()
        return cls(automaton)

    def hits(self, text: str) -> list[Hit]:
        """Every occurrence of every literal (overlapping ones too), one hit per payload, in
        order of where they end."""
        if not len(self.automaton):
            return []
        return [
            (last + 1 - length, last + 1, payload)
            for last, (length, payloads) in self.automaton.iter(text)
            for payload in payloads
        ]


def plain_spacing(text: str) -> bool:
    """Every gap between words is one ASCII space (no tab, newline, no-break space, nor a run):
    then a literal "a b" stands exactly where the pattern "a\\s+b" matches."""
    return "  " not in text and text.isprintable()


def word_edge_before(text: str, start: int) -> bool:
    """No letter or digit right before `start` (the patterns' `(?<![^\\W_])`)."""
    return start == 0 or not text[start - 1].isalnum()


def word_edge_after(text: str, end: int) -> bool:
    """No letter or digit at `end` (the patterns' `(?![^\\W_])`)."""
    return end >= len(text) or not text[end].isalnum()
