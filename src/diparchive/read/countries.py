"""Which other countries an article is about, and which it only names in passing.

A name is looked up by word n-grams in folded text (lower case, tone placement unified, marks
kept: see `country_names`), the longest form first, so "Nam Phi" is South Africa while "Việt Nam"
is our own country and never a partner. A match must be written as a name: each word the form
capitalises is capitalised in the text ("mỹ thuật" is not the United States), and the registry's
`not_before`/`not_after` words ("Lào Cai", "châu Mỹ") and `ambiguous` given names ("Nguyễn Thị
Nga") keep other names out.

A country is what the article is *about* when it is named in the title or the lead, or where the
article's own words are a visit, talks or a joint statement ("thăm chính thức Cuba", "talks with
Japan", "Tuyên bố chung Việt Nam – Hoa Kỳ"); otherwise, and always in a photo caption, it is
named in passing (`mentions`). When unsure, a mention.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .country_names import HOME, WORD, CountryFinder, CountryName, span_key
from .passages import Passage, Place

# The article's own words for a visit, talks or a joint statement, in folded text (marks kept):
# just before the name, in the same clause, or just after it ("Cuba visit", "Viet Nam–Japan talks").
_VISIT_BEFORE = re.compile(
    r"(?<![^\W_])(?:thăm|công du|hội đàm|điện đàm|tuyên bố chung|tham vấn chính trị"
    r"|visit\w*|trip to|tour of|travel\w* to|talks|joint statement|joint communiqué|political consultation)"
    r"(?![^\W_])"
)
_VISIT_AFTER = re.compile(
    r"^[\s,\-–]*(?:\S+\s+){0,2}?(?:visit\w*|trip|talks|joint statement|thăm|hội đàm|điện đàm)(?![^\W_])"
)
_CLAUSE_END = re.compile(r"[.;:!?()\[\]\"“”]")
_BEFORE_WORDS = 7


@dataclass(frozen=True, slots=True)
class CountriesFound:
    about: tuple[str, ...]  # codes, in order of first mention
    mentions: tuple[str, ...]  # named only in passing


def recognise_countries(finder: CountryFinder, texts: Iterable[Passage]) -> CountriesFound:
    """The countries the passages (see passages.passages) are about and those they only name."""
    order: dict[str, None] = {}
    about: set[str] = set()
    for passage in texts:
        folded = passage.folded
        for code, start, end in names_in(finder, passage.text, folded):
            order.setdefault(code)
            if passage.place is Place.CAPTION:
                continue
            if passage.place in (Place.TITLE, Place.LEAD) or _visit(folded, start, end):
                about.add(code)
    return CountriesFound(tuple(c for c in order if c in about), tuple(c for c in order if c not in about))


def names_in(finder: CountryFinder, text: str, folded: str) -> Iterator[tuple[str, int, int]]:
    """(code, start, end) of each other country's name in `text` (`folded` is fold(text)): at each
    word that starts a form (found by one pattern, `finder.firsts`), the longest form written there;
    a name's words are not read again as the start of another."""
    reached = 0
    for first in finder.firsts.finditer(folded):
        start = first.start()
        if start < reached or (start and folded[start - 1].isalnum()) or not text[start].isupper():
            continue  # inside a name found, or inside a word; or not capitalised, as every form's first word is
        lengths = finder.lengths[first.group()]
        tokens = _tokens_from(folded, start, lengths[0] + 1)
        for n in lengths:
            if n > len(tokens):
                continue
            end = tokens[n - 1][1]
            forms = finder.names.get(span_key(folded[start:end]))
            code = next((f.code for f in forms or () if _written_as(f, text, folded, tokens, n)), None)
            if code is not None:
                if code != HOME:
                    yield code, start, end
                reached = end
                break


def _tokens_from(folded: str, start: int, most: int) -> list[tuple[int, int]]:
    """The spans of the words from `start` on (at most `most` of them)."""
    spans: list[tuple[int, int]] = []
    for m in WORD.finditer(folded, start):
        spans.append(m.span())
        if len(spans) == most:
            break
    return spans


def _word_before(text: str, folded: str, start: int) -> tuple[int, int] | None:
    """The word before `start` when only spaces stand between them (None when something else does,
    or nothing: then no test of the word before applies)."""
    gap = start
    while gap > 0 and text[gap - 1].isspace():
        gap -= 1
    if gap == start or gap == 0 or not folded[gap - 1].isalnum():
        return None
    begin = gap - 1
    while begin > 0 and folded[begin - 1].isalnum():
        begin -= 1
    return begin, gap


def _written_as(form: CountryName, text: str, folded: str, tokens: list[tuple[int, int]], n: int) -> bool:
    """The words tokens[:n] are written as `form` is: its capitals, not part of another name."""
    if not all(text[tokens[k][0]].isupper() for k, capital in enumerate(form.capitals) if capital or k == 0):
        return False
    after = tokens[n] if n < len(tokens) else None
    # "Mỹ Latinh", "châu Mỹ", "Ấn Độ Dương": a form and the word beside it, spaces apart, are one
    # name ("Việt Nam – Mỹ", "Việt Nam – Hoa Kỳ" are two).
    if after and text[tokens[n - 1][1] : after[0]].isspace() and folded[after[0] : after[1]] in form.not_before:
        return False
    if not (form.not_after or form.ambiguous):
        return True
    before = _word_before(text, folded, tokens[0][0])
    if before and folded[before[0] : before[1]] in form.not_after:
        return False
    # "Nguyễn Thị Nga", "Michael Jordan": a given name after another capitalised word (even one
    # that starts the sentence: "In Jordan" is lost rather than a person read as a country).
    return not (form.ambiguous and before and text[before[0]].isupper() and text[before[1] : tokens[0][0]] == " ")


def _visit(folded: str, start: int, end: int) -> bool:
    window = folded[max(0, start - 120) : start]
    cut = [m.end() for m in _CLAUSE_END.finditer(window)]
    clause = " ".join(window[cut[-1] if cut else 0 :].split()[-_BEFORE_WORDS:])
    return bool(_VISIT_BEFORE.search(clause) or _VISIT_AFTER.match(folded[end : end + 60]))
