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
from itertools import accumulate

from babel import Locale

from ..errors import DiparchiveError, Problem
from ..records import Block, BlockKind, PubDate
from .blocks import RawBlock
from .folding import ascii_fold, fold, has_marks
from .registry import Registry

_WORD_EDGE_L = r"(?<![^\W_])"
_WORD_EDGE_R = r"(?![^\W_])"
_FORMER = re.compile(r"(?:nguyên|cựu|former|late|ex-|acting|quyền)\s*$", re.IGNORECASE)
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}

_NEAR = 300  # characters looked at around a title: six words after it, a qualifier before
LEAD_WORDS = 12  # the lead is the first paragraph at least this long (shorter ones are teasers, kickers)
CURRENT_SPAN_DAYS = 31  # an event this short, named while it is held, is what the article is about
CURRENT_MARGIN_DAYS = 3

# Words that cite an event as context rather than report it, in ASCII-folded text. Before the
# name, in the same clause, within a few words: its resolution, documents, line or spirit; since,
# after or as agreed at it; its success (a past event); preparing or implementing it.
_PASSING_BEFORE = re.compile(
    r"(?<![^\W_])(?:nghi quyet|van kien|tinh than|duong loi|chu truong|quan diem|bao cao chinh tri|cuong linh"
    r"|dinh huong|quyet dinh|ket qua|thanh cong|thanh tuu|thuc hien|trien khai|quan triet|chuan bi|sau"
    r"|ke tu|thoa thuan tai|cam ket tai|nhat tri tai|nhu da"
    r"|resolutions?|documents?|line|polic(?:y|ies)|spirit|guidelines?|orientations?|decisions?|outcomes?|results?"
    r"|success(?:ful(?:ly)?)?|implement\w*|prepar\w*|since|after|following|agreed at|adopted at|previous|last)"
    r"(?![^\W_])"
)
# The article's own verbs before the name: it attends, opens, chairs, speaks at the event.
_ACTION = re.compile(
    r"(?<![^\W_])(?:tham du|du|khai mac|be mac|chu tri|ben le|trong khuon kho|phat bieu tai|dan dau doan"
    r"|attend\w*|address\w*|open\w*|clos(?:e|es|ed|ing)|chair\w*|sidelines of|margins of|speech at|remarks at|statement at|leaves for|left \w+ for|arriv\w+)"
    r"(?![^\W_])"
)
_ACTION_WORDS = 10
# After the name: "… đến nay" (since … until now), "…'s resolution".
_PASSING_AFTER = re.compile(
    r"^(?:['’]s?\s+)?(?:\S+\s+){0,3}?(?:den nay|truoc day)(?![^\W_])"
    r"|^(?:['’]s?\s+)?(?:resolutions?|documents?|guidelines|policy|line)(?![^\W_])"
)
_CLAUSE_END = re.compile(r"[.;:!?()\[\]\"“”,–]|(?<![^\W_])(?:va|and|but|nhung)(?![^\W_])")
_WINDOW_WORDS = 5
# "Trung Quốc tổ chức thành công Đại hội Đảng lần thứ XX": another country holds it.
_HOST_VERB = re.compile(
    r"(?:(?:da|vua|se|cung)\s+)?(?:to chuc|tien hanh|held|hosted|convened)(?:\s+(?:thanh cong|successfully|its))?\s*$"
)
_DEMONYM = re.compile(r"(?<![^\W_])[A-Z][a-z]+(?:ese|ian|ean|an|ish|ch|i)$")
_NUMBER_LIST = re.compile(r"\s*(?:,|và|va|and|&)\s*(\d{1,3}|[IVXLC]{1,7})(?:st|nd|rd|th)?(?![^\W_])")
# CLDR codes that are not countries (or are Viet Nam itself).
_NOT_FOREIGN = {"VN", "UN", "EU", "EZ", "QO", "XA", "XB", "ZZ"}
_MORE_COUNTRY_NAMES = ("Mỹ", "Úc", "Trung Hoa", "America", "Britain")


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


@dataclass(frozen=True, slots=True)
class _EventPattern:
    regex: re.Pattern[str]
    target: str  # event id, or series id when the pattern has a number
    numbered: bool
    roman: bool
    required: tuple[str, ...]  # folded words every match contains: a cheap test before the regex


@dataclass(frozen=True, slots=True)
class Recognizer:
    registry: Registry
    names: re.Pattern[str]  # every full-name alias
    name_owner: dict[str, str]  # folded alias → leader id
    marked_names: dict[str, set[str]]  # leader id → fold() of aliases with diacritics
    titles: re.Pattern[str]
    title_of_form: dict[str, tuple[str, ...]]  # ascii-folded form → title ids
    marked_forms: set[str]
    ascii_forms: dict[str, tuple[str, ...]]  # ascii-folded form → forms written without marks (English), as cased
    shorts: dict[str, tuple[str, ...]]  # ascii-folded short name → leader ids
    events: tuple[_EventPattern, ...]
    countries: re.Pattern[str]  # other countries' names (CLDR, vi and en), ASCII-folded
    series_names: tuple[tuple[str, re.Pattern[str]], ...]  # series id → its name without a number


def _alternation(phrases: Iterable[str]) -> str:
    unique = sorted({ascii_fold(p) for p in phrases}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in unique)


def _compile_pattern(pattern: str, variants: dict[str, tuple[str, ...]]) -> tuple[str, bool, bool, tuple[str, ...]]:
    """Turn "Đại hội đồng {un} (khóa) {n}" into a regex over ASCII-folded text, and the words
    outside brackets that every match contains."""
    tokens = re.findall(r"\{\w+\}|\(|\)|[^\s(){}]+", pattern)
    parts: list[str] = []
    required: list[str] = []
    numbered = roman = False
    depth = 0
    for token in tokens:
        if token == "(":
            parts.append("(?:")
            depth += 1
        elif token == ")":
            if depth == 0:
                raise ValueError("unbalanced ')'")
            parts.append(r"[\s,\-–]*)?")
            depth -= 1
        elif token == "{n}":
            parts.append(r"(?P<n>\d{1,3})(?!\d)[\s,\-–]*")
            numbered = True
        elif token == "{ord}":
            parts.append(r"(?P<n>\d{1,3})(?:st|nd|rd|th)[\s,\-–]*")
            numbered = True
        elif token == "{roman}":
            parts.append(r"(?P<n>[ivxlc]{1,7})" + _WORD_EDGE_R + r"[\s,\-–]*")
            numbered = roman = True
        elif token.startswith("{"):
            name = token[1:-1]
            if name not in variants:
                raise ValueError(
                    f"unknown placeholder {token} (use {{n}}, {{ord}}, {{roman}} or a name under 'variants')"
                )
            # A variant may be followed by its abbreviation in brackets: "Liên Hiệp Quốc (LHQ)".
            parts.append(rf"(?:{_alternation(variants[name])})(?:\s*\([^)]{{1,20}}\))?[\s,\-–]*")
        else:
            if depth == 0 and "-" not in token:
                required.append(ascii_fold(token))
            word = re.escape(ascii_fold(token)).replace(r"\-", r"[\-–]")
            parts.append(word + r"[\s,\-–]*")
    if depth:
        raise ValueError("unbalanced '('")
    body = "".join(parts)
    body = re.sub(r"(\[\\s,\\-–\]\*)+(\)\?)?$", lambda m: m.group(2) or "", body)
    return _WORD_EDGE_L + "(?:" + body + ")" + r"(?![^\W_])", numbered, roman, tuple(required)


def build_recognizer(registry: Registry) -> Recognizer:
    name_owner: dict[str, str] = {}
    marked: dict[str, set[str]] = {}
    for leader in registry.leaders.values():
        for alias in leader.aliases:
            name_owner[_space(ascii_fold(alias))] = leader.id
            if has_marks(alias):
                marked.setdefault(leader.id, set()).add(_space(fold(alias)))
    title_of_form: dict[str, tuple[str, ...]] = {}
    marked_forms: set[str] = set()
    ascii_forms: dict[str, tuple[str, ...]] = {}
    for title in registry.titles.values():
        for form in title.forms:
            key = _space(ascii_fold(form))
            title_of_form[key] = title_of_form.get(key, ()) + (title.id,)
            if has_marks(form):
                marked_forms.add(_space(fold(form)))
            else:
                ascii_forms[key] = ascii_forms.get(key, ()) + (_space(form),)
    shorts: dict[str, tuple[str, ...]] = {}
    for leader in registry.leaders.values():
        for short in leader.short:
            key = ascii_fold(short)
            if leader.id not in shorts.get(key, ()):
                shorts[key] = shorts.get(key, ()) + (leader.id,)

    problems: list[Problem] = []
    events: list[_EventPattern] = []
    owners = [(s.id, s.patterns, s.pattern_lines) for s in registry.series.values()]
    owners += [(e.id, e.patterns, e.pattern_lines) for e in registry.events.values() if e.patterns]
    for target, patterns, lines in owners:
        for pattern, line in zip(patterns, lines or (None,) * len(patterns)):
            try:
                regex, numbered, roman, required = _compile_pattern(pattern, registry.variants)
            except ValueError as exc:
                problems.append(Problem(registry.events_path, line, f"pattern '{pattern}' of '{target}': {exc}"))
                continue
            events.append(_EventPattern(re.compile(regex), target, numbered, roman, required))
    if problems:
        raise DiparchiveError(problems, heading="invalid event patterns in the registry")
    return Recognizer(
        registry,
        re.compile(
            _WORD_EDGE_L
            + "(?:"
            + _alternation(a for l in registry.leaders.values() for a in l.aliases)
            + ")"
            + _WORD_EDGE_R
        ),
        name_owner,
        marked,
        re.compile(
            _WORD_EDGE_L
            + "(?:"
            + _alternation(f for t in registry.titles.values() for f in t.forms)
            + ")"
            + _WORD_EDGE_R
        ),
        title_of_form,
        marked_forms,
        ascii_forms,
        shorts,
        tuple(events),
        _country_pattern(),
        tuple(
            (s.id, re.compile(_WORD_EDGE_L + "(?:" + _alternation((s.name.vi, s.name.en)) + ")" + _WORD_EDGE_R))
            for s in registry.series.values()
        ),
    )


def _country_pattern() -> re.Pattern[str]:
    """Other countries' names in Vietnamese and English, from CLDR (Babel): the qualifiers that
    make a numbered meeting or an office someone else's."""
    names = [
        name
        for lang in ("vi", "en")
        for code, name in Locale(lang).territories.items()
        if len(code) == 2 and code.isalpha() and code not in _NOT_FOREIGN
    ]
    return re.compile(_WORD_EDGE_L + "(?:" + _alternation(names + list(_MORE_COUNTRY_NAMES)) + ")" + _WORD_EDGE_R)


def _space(text: str) -> str:
    return " ".join(text.split())


def _capitalised(span: str) -> bool:
    return all(w[0].isupper() or not w[0].isalpha() for w in span.split())


def _roman(text: str) -> int | None:
    values = [_ROMAN[c] for c in text.lower()]
    total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    return total if total > 0 else None


def _country_at(rec: Recognizer, text: str, folded: str, start: int, end: int | None = None) -> bool:
    """A capitalised name of another country starts at `start` (or lies in [start, end))."""
    if end is None:
        m = rec.countries.match(folded, start)
        return bool(m) and text[start].isupper()
    return any(text[m.start()].isupper() for m in rec.countries.finditer(folded, start, end))


@dataclass(frozen=True, slots=True)
class _Occurrence:
    event: str
    passage: int  # index in the passages
    place: Place
    passing: bool  # the words around it cite it as context
    action: bool  # the article's own verb governs it
    first: int  # position of the name, to tell the instances listed together ("44 và 45")


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
        names = _names(rec, text, folded)
        found.extend((leader_id, None) for _start, _end, leader_id in names)
        for leader_id, bare_titles, candidate in _titles(rec, text, folded, names, date):
            if leader_id:
                found.append((leader_id, bare_titles))
            if candidate:
                candidates.append(Candidate("leader", candidate, line))
        spans = []
        for event_id, span, passing in _events(rec, text, folded):
            action = bool(_ACTION.search(_clause_before(folded, span[0], _ACTION_WORDS)))
            occurrences.append(_Occurrence(event_id, index, passage.place, passing, action, span[0]))
            spans.append(span)
        if passage.place in (Place.TITLE, Place.LEAD):
            series_named.update(s for s, regex in rec.series_names if regex.search(folded))
        candidates.extend(Candidate("event", c, line) for c in _numbered_meetings(text, spans))
    events, mentions = _weigh(rec, occurrences, date, series_named)
    return Recognition(_leaders(rec, found), events, mentions, tuple(dict.fromkeys(candidates)))


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


def _names(rec: Recognizer, text: str, folded: str) -> list[tuple[int, int, str]]:
    found = []
    for m in rec.names.finditer(folded):
        span = text[m.start() : m.end()]
        leader_id = rec.name_owner[_space(m.group(0))]
        if not _capitalised(span):
            continue
        if has_marks(span) and _space(fold(span)) not in rec.marked_names.get(leader_id, set()):
            continue
        found.append((m.start(), m.end(), leader_id))
    return found


def _title_at(rec: Recognizer, text: str, m: re.Match[str]) -> tuple[str, ...]:
    span = text[m.start() : m.end()]
    if not span[0].isupper():
        return ()
    key = _space(m.group(0))
    if has_marks(span) and _space(fold(span)) not in rec.marked_forms:
        return ()
    if (
        not has_marks(span)
        and key in rec.ascii_forms
        and key not in {_space(fold(f)) for f in rec.marked_forms if ascii_fold(f) == key}
    ):
        # An English title is capitalised word for word: "the National Assembly chairman" names the office, not its holder.
        words = span.split()
        if not any(
            all(w[0].isupper() or not f[0].isupper() for w, f in zip(words, form.split()))
            for form in rec.ascii_forms[key]
        ):
            return ()
    return rec.title_of_form[key]


def _titles(
    rec: Recognizer, text: str, folded: str, names: list[tuple[int, int, str]], date: PubDate | None
) -> Iterator[tuple[str | None, tuple[str, ...] | None, str | None]]:
    """Yield (leader id or None, title ids when the leader is a bare title's holder, candidate text or None)
    for each chain of titles."""
    name_at = {start: leader_id for start, _, leader_id in names}
    name_ends = {end for _, end, _ in names}
    name_starts = sorted(name_at)
    matches = list(rec.titles.finditer(folded))
    i = 0
    while i < len(matches):
        # A chain: "Phó Thủ tướng, Bộ trưởng Ngoại giao" — titles joined by commas or "và"/"and".
        chain = [matches[i]]
        while i + 1 < len(matches) and re.fullmatch(r"[\s,]*", folded[chain[-1].end() : matches[i + 1].start()]):
            i += 1
            chain.append(matches[i])
        i += 1
        title_ids = tuple(t for m in chain for t in _title_at(rec, text, m))
        if not title_ids:
            continue
        start, end = chain[0].start(), chain[-1].end()
        if _FORMER.search(text[max(0, start - _NEAR) : start]):
            continue
        after = text[end : end + _NEAR]  # bounded: a long line costs linear time, not quadratic
        gap = len(after) - len(after.lstrip())
        next_word = re.match(r"[^\W_][\w\-]*", after[gap:])
        if end + gap in name_at:
            continue  # "Thủ tướng Phạm Minh Chính": the name itself is recognised
        if next_word and next_word.group(0)[0].isupper():
            word = next_word.group(0)
            short_ids = rec.shorts.get(ascii_fold(word), ())
            # A short name ends the capitalised run: "Thủ tướng Trung Quốc" is China's premier, not "Trung".
            run_goes_on = re.match(r"[ \t]+[A-ZĐÀ-Ỹ]", after[gap + len(word) :]) is not None
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
            for word in after[gap:].split()[:6]:
                if not word[0].isupper():
                    break
                taken.append(word.rstrip(",.;:"))
                if word[-1] in ",.;:":
                    break
            following = end + gap
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
            _DEMONYM.search(previous.group(1))
            and not previous.group(1).startswith("Vietnam")
            or _country_at(rec, text, folded, start - len(previous.group(0)))
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


def _events(rec: Recognizer, text: str, folded: str) -> Iterator[tuple[str, tuple[int, int], bool]]:
    """Yield (event id, span, passing) for each registry event named, and the instances listed
    after a numbered one ("lần thứ 44 và 45")."""
    for pattern in rec.events:
        if not all(word in folded for word in pattern.required):
            continue
        for m in pattern.regex.finditer(folded):
            start, end = m.start(), m.end()
            if _foreign(rec, text, folded, start, end, m.start("n") if pattern.numbered else end):
                continue
            passing = _passing(folded, start, end)
            if not pattern.numbered:
                yield pattern.target, (start, end), passing
                continue
            number = _number(text[m.start("n") : m.end("n")], pattern.roman)
            if not number:
                continue
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


_OUR_PARTY = ("viet nam", "vietnam", "csvn", "dcsvn", "cong san viet nam", "communist party of viet")
_GENITIVE = re.compile(
    r"[\s,]*(?:(?:cua|of)\s+(?:the\s+)?)?(?:(?:dang\s+cong\s+san|communist\s+party(?:\s+of)?|dang)\s+)?"
)


def _clause_before(folded: str, start: int, words: int = _WINDOW_WORDS) -> str:
    """The last few words before `start` in the same clause."""
    window = folded[max(0, start - 120) : start]
    ends = [m.end() for m in _CLAUSE_END.finditer(window)]
    if ends:
        window = window[ends[-1] :]
    return " ".join(window.split()[-words:])


def _passing(folded: str, start: int, end: int) -> bool:
    if _PASSING_BEFORE.search(_clause_before(folded, start)):
        return True
    return bool(_PASSING_AFTER.match(folded[end : end + 60].lstrip(" ,")))


def _foreign(rec: Recognizer, text: str, folded: str, start: int, end: int, number_start: int) -> bool:
    """The meeting is another country's or body's: "Đại hội XIX Đảng Cộng sản Trung Quốc",
    "Đại hội lần thứ 5 của Đảng bộ tỉnh", "China's 19th Party Congress", "Lào tổ chức Hội nghị Ngoại giao lần thứ 30"."""
    after = folded[end : end + 80]
    # A genitive naming another country or party: "(của) (Đảng Cộng sản) Trung Quốc", "of (the Communist Party of) China".
    q = _GENITIVE.match(after)
    if q and _country_at(rec, text, folded, end + q.end()):
        return True
    named = end + q.end() if q else end
    if (
        q
        and re.search(r"(?:dang|party)\s+$", q.group(0))
        and text[named : named + 1].isupper()
        and not folded.startswith(_OUR_PARTY, named)
    ):
        return True  # "… của Đảng Nhân dân Cách mạng Lào": another party
    if folded.endswith("dang", 0, end):
        if re.match(r"\s+(?:bo|uy)(?![^\W_])", after):
            return True  # "Đảng bộ tỉnh": a local party committee
        if text[end : end + 2].strip()[:1].isupper():
            return True  # "… của Đảng Nhân dân Cách mạng Lào": another party (ours is a variant, matched whole)
    previous = re.search(r"([^\W\d_][\w'’.]*)\s+(?:the\s+)?$", text[max(0, start - 40) : start])
    if previous:
        word = previous.group(1)
        owner = re.sub(r"['’]s?$", "", word)
        if not owner.startswith("Viet") and (
            _DEMONYM.search(word)
            or (owner != word and owner[:1].isupper() and rec.countries.fullmatch(ascii_fold(owner)))
        ):
            return True  # "China's 19th Party Congress", "the Chinese 19th Party Congress"
    # A host country before a meeting named in generic words; one named after its organisation
    # (ASEAN, UN) is that organisation's wherever it meets.
    if not re.search(r"(?<![^\W_])[A-Z]{2,}(?![^\W_])", text[start:number_start]):
        window = max(0, start - 80)
        host = _HOST_VERB.search(folded, window, start)
        if host and any(
            text[m.start()].isupper() and not folded[m.end() : host.start()].strip()
            for m in rec.countries.finditer(folded, window, host.start())
        ):
            return True
    return False


_NUMBERED = re.compile(
    r"[A-ZĐ][\w\-&]*\s+(?:[\w\-&]+\s+){0,9}?(?:lần thứ|khóa|khoá)\s+(?:\d{1,3}|[IVXLC]{1,7})(?![\w])"
    r"|\b\d{1,3}(?:st|nd|rd|th)\s+(?:[A-Z][\w\-]*\s+){0,6}(?:Summit|Conference|Session|Meeting|Dialogue|Forum|Congress)\b"
)


_MEETING_WORD = re.compile(r"(?:Hội nghị|Hội thảo|Đối thoại|Diễn đàn|Kỳ họp|Phiên họp|Đại hội|Hội đàm|Tham vấn)(?!\w)")


def _numbered_meetings(text: str, known: list[tuple[int, int]]) -> list[str]:
    out = []
    spans = sorted(known)
    starts = [s for s, _ in spans]
    reach = list(accumulate((e for _, e in spans), max))  # the furthest end among spans starting so far
    for m in _NUMBERED.finditer(text):
        before = bisect_left(starts, m.end())
        if before and reach[before - 1] > m.start():
            continue  # overlaps a recognised event
        phrase = m.group(0)
        # Start the phrase at its meeting word ("Hội nghị … lần thứ 18"), else its first capital.
        starts = [k.start() for k in _MEETING_WORD.finditer(phrase)]
        first = re.search(r"[A-ZĐ]", phrase)
        out.append(phrase[starts[-1] :] if starts else phrase[first.start() :] if first else phrase)
    return out
