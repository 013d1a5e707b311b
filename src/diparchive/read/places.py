"""Whether the mark before the lead's dash names the outlet ("VTV.vn -", "(TTXVN) -", "NDO -") or
the place the story was filed from ("HANOI -", "SEOUL -"): a place's dateline is no publisher.

No place is listed: a mark is a place when the page writes the same name in running text
("Hanoi", "Hà Nội"), when it is a country's name (CLDR's, with the registry's forms), or when it
reads as a word rather than an acronym: written as a word ("Hanoi"), or in capitals with the
vowels of a word and more letters than an acronym has ("HELSINKI", not "TTXVN" or "VOA"). An outlet's mark is an
acronym, a name with its domain ("Soha.vn"), printed in parentheses, or one the registry knows.
Unsure, the mark gives no outlet: no publisher is better than a wrong one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .folding import fold, words
from .marks import mark_code, publisher
from .registry_records import Registry

VOWELS = frozenset("aeiou")  # of the folded name: "hanoi", "helsinki" read as words; "ttxvn", "hnmo" do not
WORD_VOWELS = 0.3  # the least share of vowels among its letters of a name in capitals read as a word
WORD_LETTERS = 4  # shorter, a name in capitals is an acronym ("VOA", "AFP")


def written_forms(texts: Iterable[str]) -> frozenset[str]:
    """Every word the page writes in running text (not all in capitals), folded, with each pair
    of neighbouring words run together ("Hà Nội" → "hanoi"), as a mark in capitals would spell it."""
    forms: set[str] = set()
    for text in texts:
        plain = words(fold(" ".join(w for w in text.split() if not _in_capitals(w))))
        forms.update(plain)
        forms.update(a + b for a, b in zip(plain, plain[1:]))
    return frozenset(forms)


def is_place_mark(code: str, parenthesised: bool, page: Sequence[str], registry: Registry) -> bool:
    """The mark names a place (a dateline), not an outlet; `page` is the scrape's lines."""
    if parenthesised or code in registry.outlets or "." in code:
        return False
    name = "".join(words(fold(code)))
    if not name:
        return False
    if _in_capitals(code) and name in written_forms(page) or name in _country_names(registry):
        return True  # "HANOI" where the text writes "Hanoi" or "Hà Nội"; "SINGAPORE", "LAOS"
    if code[:1].isupper() and code[1:].islower():
        return True  # "Hanoi -": a name written as a word
    vowels = sum(1 for c in name if c in VOWELS)
    return _in_capitals(code) and len(name) >= WORD_LETTERS and vowels >= 2 and vowels >= WORD_VOWELS * len(name)


def _country_names(registry: Registry) -> frozenset[str]:
    return frozenset("".join(words(fold(form))) for country in registry.countries.values() for form in country.forms)


def _in_capitals(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def outlet_of(text: str, registry: Registry, page: Sequence[str] = ()) -> str | None:
    """The outlet a line like "NDO -", "(TTXVN) –" or "Published by the X Institute" names, in the registry's words if known;
    "" for a place's dateline ("HANOI -", the page writing "Hanoi"): no outlet."""
    mark = mark_code(text)
    if mark is None:
        return publisher(text)  # "Published by the X Institute": the outlet is its publisher
    code = mark.code
    if is_place_mark(code, mark.parenthesised, page, registry):
        return ""
    return registry.outlets[code].vi if code in registry.outlets else code
