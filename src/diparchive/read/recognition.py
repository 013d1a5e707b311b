"""Who and what an article is about: leaders and events recognised in its text.

Matching happens in ASCII-folded text (lower case, no diacritics, tone placement unified), where
"Tô Lâm", "TÔ LÂM" and "To Lam" meet; a match whose original span carries diacritics must
also agree with a registered spelling diacritic for diacritic, so "Lê Minh Hưng" never matches
"Lê Minh Hùng". Names and titles must be capitalised as names and titles are.

An event is either what the article is *about* (`events`) or only *named in passing*
(`mentions`). A mention becomes a subject on salience: named in the title or the lead, named
in two or more passages, or named on the very days it was held; and never when the words
around it cite it as context ("Nghị quyết Đại hội XIII", "since the 35th Summit", "as agreed
at…"), or in a photo caption. A numbered meeting qualified by another country or party
("Đại hội XIX Đảng Cộng sản Trung Quốc", "China's 19th Party Congress") is not one of ours.
When unsure, a mention.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from ..records import Block, BlockKind, PubDate
from .blocks import RawBlock
from .folding import ascii_fold, fold, has_marks
from .literals import Hit, plain_spacing, word_edge_after, word_edge_before
from .meetings import DEMONYM, cited_in_passing, clause_before, country_at, foreign, numbered_meetings, ordinals_before
from .recognizer import EventPattern, Recognizer, space

_FORMER = re.compile(r"(?:nguyên|cựu|former|late|ex-|acting|quyền)\s*$", re.IGNORECASE)
_FORMER_CHARS = 6  # the longest of those words: the search needs only the end of what stands before
_TITLE_GAP = re.compile(r"[\s,]*")
_NEXT_WORD = re.compile(r"[^\W_][\w\-]*")
_RUN_GOES_ON = re.compile(r"[ \t]+[A-ZĐÀ-Ỹ]")
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}

_NEAR = 300  # characters looked at around a title: six words after it, a qualifier before
LEAD_WORDS = 12  # the lead is the first paragraph at least this long (shorter ones are teasers, kickers)
CURRENT_SPAN_DAYS = 31  # an event this short, named while it is held, is what the article is about
CURRENT_MARGIN_DAYS = 3

# The article's own verbs before the name: it attends, opens, chairs, speaks at the event.
_ACTION = re.compile(
    r"(?<![^\W_])(?:tham du|du|khai mac|be mac|chu tri|ben le|trong khuon kho|phat bieu tai|dan dau doan"
    r"|attend\w*|address\w*|open\w*|clos(?:e|es|ed|ing)|chair\w*|sidelines of|margins of|speech at|remarks at|statement at|leaves for|left \w+ for|arriv\w+)"
    r"(?![^\W_])"
)
_ACTION_WORDS = 10
_NUMBER_LIST = re.compile(r"\s*(?:,|và|va|and|&)\s*(\d{1,3}|[IVXLC]{1,7})(?:st|nd|rd|th)?(?![^\W_])")


class Place(StrEnum):
    TITLE = "title"
    LEAD = "lead"
    NEXT = "next"  # the paragraph after the lead: often the report's first line after a summary
    BODY = "body"
    CAPTION = "caption"


@dataclass(frozen=True, slots=True)
class Passage:
    """A piece of an article's kept text, with where it stands: titles and leads carry weight."""

    text: str
    line: int
    place: Place = Place.BODY


def passages(title: str, title_line: int, blocks: Iterable[RawBlock | Block]) -> list[Passage]:
    """The title, then each body block, placed: its first paragraphs are the lead, captions apart."""
    out = [Passage(title, title_line, Place.TITLE)]
    leads = 0
    for block in blocks:
        place = Place.BODY
        if block.kind is BlockKind.CAPTION:
            place = Place.CAPTION
        elif block.kind is BlockKind.PARAGRAPH and leads < 2 and len(block.text.split()) >= LEAD_WORDS:
            place = Place.LEAD if leads == 0 else Place.NEXT
            leads += 1
        out.append(Passage(block.text, block.line, place))
    return out


@dataclass(frozen=True, slots=True)
class Candidate:
    """Something that looks like a leader or an event but is not in the registry."""

    kind: str  # "leader" or "event"
    text: str
    line: int


@dataclass(frozen=True, slots=True)
class Recognition:
    leaders: tuple[str, ...]
    events: tuple[str, ...]  # what the article is about
    mentions: tuple[str, ...]  # events only named in passing
    candidates: tuple[Candidate, ...]


def _capitalised(span: str) -> bool:
    return all(w[0].isupper() or not w[0].isalpha() for w in span.split())


def _roman(text: str) -> int | None:
    values = [_ROMAN[c] for c in text.lower()]
    total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    return total if total > 0 else None


@dataclass(frozen=True, slots=True)
class _Occurrence:
    event: str
    passage: int  # index in the passages
    place: Place
    passing: bool  # the words around it cite it as context
    action: bool  # the article's own verb governs it
    first: int  # position of the name, to tell the instances listed together ("44 và 45")


def _a_country(rec: Recognizer, words: str) -> bool:
    """The words are a country's name (another's, or Viet Nam's own)."""
    folded = ascii_fold(words).lower()
    return rec.countries.fullmatch(folded) is not None or folded in rec.home_folded


def recognise(rec: Recognizer, texts: Iterable[Passage], date: PubDate | None) -> Recognition:
    """Leaders and events in order of first mention, plus candidates the registry lacks.

    `texts` are the title and the kept body blocks only (see `passages`), never removed text.
    """
    found: list[tuple[str, tuple[str, ...] | None]] = []  # (leader id, title ids when resolved from a bare title)
    occurrences: list[_Occurrence] = []
    candidates: list[Candidate] = []
    series_named: set[str] = set()  # series named, with or without a number, in the title or the lead
    for index, passage in enumerate(texts):
        text, line = passage.text, passage.line
        folded = ascii_fold(text)
        found_here = _Found.of(rec, folded)
        names = _names(rec, text, folded, found_here)
        found.extend((leader_id, None) for _start, _end, leader_id in names)
        for leader_id, bare_titles, candidate in _titles(rec, text, folded, names, date, found_here):
            # A caption's bare title is the photo's, not the text's: it names no one on its own.
            if leader_id and not (bare_titles is not None and passage.place is Place.CAPTION):
                found.append((leader_id, bare_titles))
            if candidate:
                candidates.append(Candidate("leader", candidate, line))
        spans = []
        for event_id, span, passing in _events(rec, text, folded):
            action = bool(_ACTION.search(clause_before(folded, span[0], _ACTION_WORDS)))
            occurrences.append(_Occurrence(event_id, index, passage.place, passing, action, span[0]))
            spans.append(span)
        if passage.place in (Place.TITLE, Place.LEAD):
            series_named.update(found_here.series(rec, folded))
        candidates.extend(Candidate("event", c, line) for c in numbered_meetings(text, spans))
    events, mentions = _weigh(rec, occurrences, date, series_named)
    return Recognition(_leaders(rec, found), events, mentions, tuple(dict.fromkeys(candidates)))


@dataclass(frozen=True, slots=True)
class _Found:
    """What the recognizer's literals found in one passage's folded text, by kind."""

    plain: bool  # single spaces between words: names, titles and series names are read off the hits
    names: list[Hit]
    titles: list[Hit]
    series_hits: list[Hit]

    @classmethod
    def of(cls, rec: Recognizer, folded: str) -> _Found:
        names: list[Hit] = []
        titles: list[Hit] = []
        series: list[Hit] = []
        for hit in rec.literals.hits(folded):
            kind = hit[2][0]
            if kind == "name":
                names.append(hit)
            elif kind == "title":
                titles.append(hit)
            else:
                series.append(hit)
        return cls(plain_spacing(folded), names, titles, series)

    def series(self, rec: Recognizer, folded: str) -> set[str]:
        """The series whose name (without a number) the passage names."""
        if not self.plain:
            return {s for s, regex in rec.series_names if regex.search(folded)}
        return {
            str(payload[1])
            for start, end, payload in self.series_hits
            if word_edge_before(folded, start) and word_edge_after(folded, end)
        }


def _leftmost(hits: list[Hit], folded: str) -> list[tuple[int, int]]:
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


def _leaders(rec: Recognizer, found: list[tuple[str, tuple[str, ...] | None]]) -> tuple[str, ...]:
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


def _weigh(
    rec: Recognizer, occurrences: list[_Occurrence], date: PubDate | None, series_named: set[str]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Subjects and mentions, each in order of first mention."""
    order = list(dict.fromkeys(o.event for o in occurrences))
    reported = [o for o in occurrences if not o.passing and o.place is not Place.CAPTION]
    by_event: dict[str, list[_Occurrence]] = {}
    for o in reported:
        by_event.setdefault(o.event, []).append(o)
    # "Thủ tướng dự Hội nghị Cấp cao ASEAN" in the title, "… lần thứ 44, 45" below: the first
    # numbered instances of a series the title or lead names are the ones it means.
    first_of_series: dict[str, tuple[int, int]] = {}
    for o in reported:
        first_of_series.setdefault(o.event.rsplit("-", 1)[0], (o.passage, o.first))
    subjects = []
    for event_id in order:
        own = by_event.get(event_id, [])
        series = event_id.rsplit("-", 1)[0]
        salient = any(
            o.place in (Place.TITLE, Place.LEAD)
            or (o.place is Place.NEXT and o.action)
            or (series in series_named and first_of_series.get(series) == (o.passage, o.first))
            for o in own
        ) or (own and _held_on(rec, event_id, date))
        if salient or len({o.passage for o in own}) >= 2:
            subjects.append(event_id)
    chosen = set(subjects)
    return tuple(subjects), tuple(e for e in order if e not in chosen)


def _held_on(rec: Recognizer, event_id: str, date: PubDate | None) -> bool:
    """The article was published while a short event was held (give or take a few days)."""
    event = rec.registry.events.get(event_id)
    if date is None or event is None or event.start is None or event.end is None:
        return False
    start, end = event.start.first_day, event.end.last_day
    margin = dt.timedelta(days=CURRENT_MARGIN_DAYS)
    return (
        (end - start).days <= CURRENT_SPAN_DAYS and start - margin <= date.first_day and date.last_day <= end + margin
    )


def _any_between(sorted_positions: list[int], low: int, high: int) -> bool:
    i = bisect_left(sorted_positions, low)
    return i < len(sorted_positions) and sorted_positions[i] <= high


def _names(rec: Recognizer, text: str, folded: str, found_here: _Found) -> list[tuple[int, int, str]]:
    found = []
    judged: dict[tuple[str, str], str | None] = {}  # a long text names the same few people again and again
    if found_here.plain:
        spans = _leftmost(found_here.names, folded)
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


def _titles(
    rec: Recognizer,
    text: str,
    folded: str,
    names: list[tuple[int, int, str]],
    date: PubDate | None,
    found_here: _Found,
) -> Iterator[tuple[str | None, tuple[str, ...] | None, str | None]]:
    """Yield (leader id or None, title ids when the leader is a bare title's holder, candidate text or None)
    for each chain of titles."""
    name_at = {start: leader_id for start, _, leader_id in names}
    name_ends = {end for _, end, _ in names}
    name_starts = sorted(name_at)
    if found_here.plain:
        matches = _leftmost(found_here.titles, folded)
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


def _word_starts(folded: str, literal: str) -> list[int]:
    """Where `literal` occurs (overlapping occurrences too) at the start of a word."""
    found = []
    at = folded.find(literal)
    while at >= 0:
        if word_edge_before(folded, at):
            found.append(at)
        at = folded.find(literal, at + 1)
    return found


def _matches(pattern: EventPattern, folded: str, starts_of: dict[str, list[int]]) -> Iterator[re.Match[str]]:
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


def _events(rec: Recognizer, text: str, folded: str) -> Iterator[tuple[str, tuple[int, int], bool]]:
    """Yield (event id, span, passing) for each registry event named, and the instances listed
    after a numbered one ("lần thứ 44 và 45")."""
    present = {word for word in rec.event_words if word in folded}  # each looked for once
    starts_of: dict[str, list[int]] = {}
    for pattern in rec.events:
        if not present.issuperset(pattern.required):
            continue
        for m in _matches(pattern, folded, starts_of):
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


def _number(raw: str, roman: bool) -> int | None:
    if roman:
        return _roman(raw) if raw.isupper() and not raw.isdigit() else None
    return int(raw) if raw.isdigit() else None
