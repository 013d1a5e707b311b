"""Other countries' names: CLDR's territory names in Vietnamese and English (through Babel) for
every ISO 3166 country but Viet Nam, with the forms the press uses that CLDR lacks declared in the
registry (`countries.yaml`), and the table recognition looks names up in (`CountryFinder`).

No country is listed by hand: CLDR knows them all; the registry only adds forms ("Hoa Kỳ",
"Mỹ", "Chinese"), a name to show instead of CLDR's, and what makes a form ambiguous.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, TypeAlias

from babel import Locale
from slugify import slugify

from .folding import fold
from .registry_records import Bilingual, Country

HOME = "VN"  # the archive's own country: never a partner
# CLDR codes of two letters that are not ISO 3166 countries: groupings and reserved codes.
NOT_COUNTRIES = frozenset({"AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "ZZ"})
WORD = re.compile(r"[^\W_]+")
DASHES = str.maketrans({"–": "-", "—": "-", "’": "'"})


@cache
def cldr_names() -> dict[str, Bilingual]:
    """ISO 3166 alpha-2 code → CLDR's name in each language (macro-regions with numeric codes
    such as 001 or 150 left out), Viet Nam included."""
    vi, en = Locale("vi").territories, Locale("en").territories
    return {
        code: Bilingual(vi[code], en[code])
        for code in sorted(en)
        if len(code) == 2 and code.isalpha() and code not in NOT_COUNTRIES and code in vi
    }


def country_table(declared: Mapping[str, Mapping[str, Any]]) -> tuple[dict[str, Country], tuple[str, ...]]:
    """Every other country (code → Country) and Viet Nam's own forms, from CLDR and what the
    registry declares per code (`name`, `forms`, `ambiguous`, `not_before`, `not_after`; codes checked)."""
    countries: dict[str, Country] = {}
    taken: dict[tuple[str, str], str] = {}
    for code, cldr in cldr_names().items():
        fields = declared.get(code, {})
        name: Bilingual = fields.get("name") or cldr
        forms = tuple(dict.fromkeys((name.vi, name.en, cldr.vi, cldr.en, *fields.get("forms", ()))))
        if code == HOME:
            home = forms
            continue
        slugs = []
        for lang in ("vi", "en"):
            slug = slugify(name.get(lang)) or code.lower()
            if (lang, slug) in taken:  # two CLDR names slugified alike: the code tells them apart
                slug = f"{slug}-{code.lower()}"
            taken[lang, slug] = code
            slugs.append(slug)
        countries[code] = Country(
            code,
            name,
            Bilingual(*slugs),
            forms,
            fields.get("ambiguous") is True,
            tuple(fields.get("not_before", ())),
            tuple(fields.get("not_after", ())),
        )
    return countries, home


def name_key(text: str) -> str:
    """How a name is looked up: folded (lower case, tone placement unified, marks kept), one space
    between words, one kind of dash and apostrophe, no punctuation around it ("U.S." → "u.s")."""
    words = WORD.findall(text)
    if not words:
        return ""
    folded = fold(text)
    start = folded.find(fold(words[0]))
    end = folded.rfind(fold(words[-1])) + len(words[-1])
    return span_key(folded[start:end])


def span_key(folded: str) -> str:
    """The lookup key of folded text that starts and ends with a word."""
    if "–" in folded or "—" in folded or "’" in folded:
        folded = folded.translate(DASHES)
    return " ".join(folded.split())


@dataclass(frozen=True, slots=True)
class CountryName:
    """One form of a country's name, as the finder judges a match of it."""

    code: str  # HOME for Viet Nam's own names
    capitals: tuple[bool, ...]  # which of its words are capitalised: so must they be in text
    ambiguous: bool
    not_before: frozenset[str]  # folded words that make it another name when they follow it
    not_after: frozenset[str]  # when they precede it


@dataclass(frozen=True, slots=True)
class CountryFinder:
    """Every form of every country's name, looked up by word n-grams: no regex per country."""

    names: dict[str, tuple[CountryName, ...]]  # name_key → its forms
    lengths: dict[
        str, tuple[int, ...]
    ]  # a form's folded first word → the lengths in words of forms it starts, longest first
    firsts: re.Pattern[str]  # those first words, one pattern (a trie of their letters) ending at a word's end


_Trie: TypeAlias = "dict[str, _Trie]"  # a letter → the trie of what may follow it ("" ends a word)


def first_words(words: Iterable[str]) -> re.Pattern[str]:
    """One pattern for many words: a trie of their letters, so a text is scanned once (only for
    the letters they start with) rather than once per word. It must end where a word ends; where
    it starts, the caller checks (a match may start inside a word)."""
    trie: _Trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def alternatives(node: _Trie) -> str:
        branches = [re.escape(char) + alternatives(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and "" not in node else "(?:" + "|".join(branches) + ")"
        return body + ("?" if "" in node else "")

    return re.compile(alternatives(trie) + r"(?![^\W_])")


def country_finder(countries: Iterable[Country], home_forms: Iterable[str]) -> CountryFinder:
    names: dict[str, list[CountryName]] = {}
    entries: list[tuple[str, str, bool, tuple[str, ...], tuple[str, ...]]] = [
        (HOME, f, False, (), ()) for f in home_forms
    ]
    entries += [(c.code, f, c.ambiguous, c.not_before, c.not_after) for c in countries for f in c.forms]
    lengths: dict[str, set[int]] = {}
    for code, form, ambiguous, not_before, not_after in entries:
        words = WORD.findall(form)
        key = name_key(form)
        if not key:
            continue
        lengths.setdefault(WORD.findall(key)[0], set()).add(len(words))
        entry = CountryName(
            code,
            tuple(w[0].isupper() for w in words),
            ambiguous,
            frozenset(map(fold, not_before)),
            frozenset(map(fold, not_after)),
        )
        if entry not in names.setdefault(key, []):
            names[key].append(entry)
    return CountryFinder(
        {k: tuple(v) for k, v in names.items()},
        {w: tuple(sorted(n, reverse=True)) for w, n in lengths.items()},
        first_words(lengths),
    )
