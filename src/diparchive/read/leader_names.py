"""Leaders named in a passage: by a full name ("Tô Lâm", "To Lam", "TÔ LÂM"), or by a title
followed by a short name ("Thủ tướng Chính", "President Biden"), or by a bare title, whose holder
on the article's date it names ("Thủ tướng" alone); and the capitalised runs after a title that
look like a name the registry lacks (candidates).

Matching happens in ASCII-folded text, where the spellings meet; a match whose original span
carries diacritics must also agree with a registered spelling diacritic for diacritic, so "Lê
Minh Hưng" never matches "Lê Minh Hùng". Names and titles must be capitalised as names and titles
are; a title is no one's when a qualifier ("nguyên", "former") stands before it, or another
country's ("the Chinese Premier", "Prime Minister of Australia").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from ..records import PubDate
from .folding import ascii_fold, fold, has_marks
from .literals import Hit, word_edge_after, word_edge_before
from .meetings import DEMONYM, country_at
from .recognizer import Recognizer, space

_FORMER = re.compile(r"(?:nguyên|cựu|former|late|ex-|acting|quyền)\s*$", re.IGNORECASE)

_FORMER_CHARS = 6  # the longest of those words: the search needs only the end of what stands before

_TITLE_GAP = re.compile(r"[\s,]*")

_NEXT_WORD = re.compile(r"[^\W_][\w\-]*")

_RUN_GOES_ON = re.compile(r"[ \t]+[A-ZĐÀ-Ỹ]")

_NEAR = 300  # characters looked at around a title: six words after it, a qualifier before


def leader_names(rec: Recognizer, text: str, folded: str, plain: bool, hits: list[Hit]) -> list[tuple[int, int, str]]:
    """(start, end, leader id) of each leader's full name written as theirs; `hits` are the
    passage's name literals, read off when `plain` (see `literals.plain_spacing`)."""
    found = []
    judged: dict[tuple[str, str], str | None] = {}  # a long text names the same few people again and again
    if plain:
        spans = leftmost(hits, folded)
    else:
        spans = [m.span() for m in rec.names.finditer(folded)]
    for start, end in spans:
        span, matched = text[start:end], folded[start:end]
        if (span, matched) not in judged:
            judged[span, matched] = _name_of(rec, span, matched)
        leader_id = judged[span, matched]
        if leader_id is not None:
            found.append((start, end, leader_id))
    return found


def _name_of(rec: Recognizer, span: str, matched: str) -> str | None:
    """The leader a name match (`span` as written, `matched` folded) stands for, if written as theirs."""
    leader_id = rec.name_owner[space(matched)]
    if not _capitalised(span):
        return None
    if has_marks(span) and space(fold(span)) not in rec.marked_names.get(leader_id, set()):
        return None
    return leader_id


def _capitalised(span: str) -> bool:
    return all(w[0].isupper() or not w[0].isalpha() for w in span.split())


def _title_at(rec: Recognizer, span: str, matched: str) -> tuple[str, ...]:
    """The titles a title match (`span` as written, `matched` folded) names, if written as one."""
    if not span[0].isupper():
        return ()
    key = space(matched)
    if has_marks(span) and space(fold(span)) not in rec.marked_forms:
        return ()
    if (
        not has_marks(span)
        and key in rec.ascii_forms
        and key not in {space(fold(f)) for f in rec.marked_forms if ascii_fold(f) == key}
    ):
        # An English title is capitalised word for word: "the National Assembly chairman" names the office, not its holder.
        words = span.split()
        if not any(
            all(w[0].isupper() or not f[0].isupper() for w, f in zip(words, form.split()))
            for form in rec.ascii_forms[key]
        ):
            return ()
    return rec.title_of_form[key]


def _former(text: str, start: int) -> bool:
    """A qualifier such as "nguyên" or "former" ends the text before `start` (within _NEAR):
    searched in its last few characters only, once the space before the title is stripped, so
    that each title mention costs the same however long its line."""
    before = text[max(0, start - _NEAR) : start].rstrip()
    return _FORMER.search(before[-_FORMER_CHARS:]) is not None


def titled_leaders(
    rec: Recognizer,
    text: str,
    folded: str,
    names: list[tuple[int, int, str]],
    date: PubDate | None,
    plain: bool,
    hits: list[Hit],
) -> Iterator[tuple[str | None, tuple[str, ...] | None, str | None]]:
    """Yield (leader id or None, title ids when the leader is a bare title's holder, candidate text or None)
    for each chain of titles."""
    name_at = {start: leader_id for start, _, leader_id in names}
    name_ends = {end for _, end, _ in names}
    name_starts = sorted(name_at)
    if plain:
        matches = leftmost(hits, folded)
    else:
        matches = [m.span() for m in rec.titles.finditer(folded)]
    judged: dict[tuple[str, str], tuple[str, ...]] = {}  # the same few titles, again and again
    folded_words: dict[str, str] = {}  # and the same few words after them
    i = 0
    while i < len(matches):
        # A chain: "Phó Thủ tướng, Bộ trưởng Ngoại giao" — titles joined by commas or "và"/"and".
        chain = [matches[i]]
        while i + 1 < len(matches) and _TITLE_GAP.fullmatch(folded, chain[-1][1], matches[i + 1][0]):
            i += 1
            chain.append(matches[i])
        i += 1
        title_ids: tuple[str, ...] = ()
        for m_start, m_end in chain:
            seen = (text[m_start:m_end], folded[m_start:m_end])
            if seen not in judged:
                judged[seen] = _title_at(rec, *seen)
            title_ids += judged[seen]
        if not title_ids:
            continue
        start, end = chain[0][0], chain[-1][1]
        after = text[end : end + _NEAR]  # bounded: a long line costs linear time, not quadratic
        gap = len(after) - len(after.lstrip())
        if end + gap in name_at:
            continue  # "Thủ tướng Phạm Minh Chính": the name itself is recognised
        if _former(text, start):
            continue
        next_word = _NEXT_WORD.match(after, gap)
        if next_word and next_word.group(0)[0].isupper():
            word = next_word.group(0)
            if word not in folded_words:
                folded_words[word] = ascii_fold(word)
            short_ids = rec.shorts.get(folded_words[word], ())
            # A short name ends the capitalised run: "Thủ tướng Trung Quốc" is China's premier, not "Trung".
            run_goes_on = _RUN_GOES_ON.match(after, gap + len(word)) is not None
            # Prefer people who held one of these titles; "President Biden" still finds the one Biden.
            holders = [
                l for l in short_ids if any(r.title in title_ids for r in rec.registry.leaders[l].roles)
            ] or list(short_ids)
            if len(holders) > 1 and date is not None:
                holders = [
                    l for l in holders if any(r.title in title_ids for r in rec.registry.leaders[l].roles_on(date))
                ]
            if (
                len(holders) == 1
                and not run_goes_on
                and (has_marks(word) is False or word in rec.registry.leaders[holders[0]].short)
            ):
                yield holders[0], None, None
                continue
            # A capitalised run after a title: a person (or a country) the registry may lack.
            taken = []
            for word in after[gap:].split(maxsplit=6)[:6]:
                if not word[0].isupper():
                    break
                taken.append(word.rstrip(",.;:"))
                if word[-1] in ",.;:":
                    break
            following = end + gap
            if len(taken) >= 2 and _a_country(rec, " ".join(taken)):
                continue  # "Chủ tịch nước Việt Nam", "Thủ tướng Hàn Quốc": an office and its country, no name
            if len(taken) >= 2 and not _any_between(name_starts, following, following + 80):
                yield None, None, f"{text[start:end]} {' '.join(taken)}"
            continue
        if re.match(r"\s*(?:of|của)\s+[A-ZĐ]", after):
            continue  # "Prime Minister of Australia": someone else's office
        before = text[max(0, start - 40) : start]
        if any(start - k in name_ends and re.fullmatch(r"[\s,(]*", text[start - k : start]) for k in range(4)):
            continue  # "Nguyen Phu Trong, General Secretary of …": the title describes the name before it
        previous = re.search(r"([^\W\d_][\w'’]*)\s+$", before)
        if previous and (
            DEMONYM.search(previous.group(1))
            and not previous.group(1).startswith("Vietnam")
            or country_at(rec, text, folded, start - len(previous.group(0)))
        ):
            continue  # "the Chinese Premier", "Lào Thủ tướng": another country's office
        if date is None:
            continue
        for title_id in title_ids:
            title = rec.registry.titles[title_id]
            if not title.bare:
                continue
            holding = rec.registry.holders(title_id, date)
            if len(holding) == 1:
                yield holding[0], title_ids, None


def leftmost(hits: list[Hit], folded: str) -> list[tuple[int, int]]:
    """What `finditer` of the alternation (word edges around it) finds, from the literals' hits:
    leftmost first, the first alternative in its order that ends at a word edge, never overlapping."""
    at: dict[int, list[tuple[int, int]]] = {}
    for start, end, payload in hits:
        at.setdefault(start, []).append((int(payload[1]), end))
    spans = []
    reached = 0
    for start in sorted(at):
        if start < reached or not word_edge_before(folded, start):
            continue
        for _order, end in sorted(at[start]):
            if word_edge_after(folded, end):
                spans.append((start, end))
                reached = end
                break
    return spans


def _any_between(sorted_positions: list[int], low: int, high: int) -> bool:
    i = bisect_left(sorted_positions, low)
    return i < len(sorted_positions) and sorted_positions[i] <= high


def _a_country(rec: Recognizer, words: str) -> bool:
    """The words are a country's name (another's, or Viet Nam's own)."""
    folded = ascii_fold(words).lower()
    return rec.countries.fullmatch(folded) is not None or folded in rec.home_folded


def settle_leaders(rec: Recognizer, found: list[tuple[str, tuple[str, ...] | None]]) -> tuple[str, ...]:
    """Named leaders, and bare titles' holders unless the article names someone else who held
    that office: then the bare title is more likely that person in another year (a retrospective,
    a wrong or inferred date) than today's holder."""
    named = {leader_id for leader_id, bare in found if bare is None}
    leaders: dict[str, None] = {}
    for leader_id, bare in found:
        if (
            bare is not None
            and leader_id not in named
            and any(
                other != leader_id and any(r.title in bare for r in rec.registry.leaders[other].roles)
                for other in named
            )
        ):
            continue
        leaders.setdefault(leader_id, None)
    return tuple(leaders)
