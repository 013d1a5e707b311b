"""Who and what an article is about: leaders and events recognised in its text.

Matching happens in ASCII-folded text (lower case, no diacritics, tone placement unified), where
"Tô Lâm", "TÔ LÂM" and "To Lam" meet; a match whose original span carries diacritics must
also agree with a registered spelling diacritic for diacritic, so "Lê Minh Hưng" never matches
"Lê Minh Hùng". Names and titles must be capitalised as names and titles are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..errors import DiparchiveError, Problem
from ..records import PubDate
from .folding import ascii_fold, fold, has_marks
from .registry import Registry

_WORD_EDGE_L = r"(?<![^\W_])"
_WORD_EDGE_R = r"(?![^\W_])"
_FORMER = re.compile(r"(?:nguyên|cựu|former|late|ex-|acting|quyền)\s*$", re.IGNORECASE)
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


@dataclass(frozen=True, slots=True)
class Candidate:
    """Something that looks like a leader or an event but is not in the registry."""

    kind: str  # "leader" or "event"
    text: str
    line: int


@dataclass(frozen=True, slots=True)
class Recognition:
    leaders: tuple[str, ...]
    events: tuple[str, ...]
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
    shorts: dict[str, tuple[str, ...]]  # ascii-folded short name → leader ids
    events: tuple[_EventPattern, ...]


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
                raise ValueError(f"unknown placeholder {token} (use {{n}}, {{ord}}, {{roman}} or a name under 'variants')")
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
    for title in registry.titles.values():
        for form in title.forms:
            key = _space(ascii_fold(form))
            title_of_form[key] = title_of_form.get(key, ()) + (title.id,)
            if has_marks(form):
                marked_forms.add(_space(fold(form)))
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
        re.compile(_WORD_EDGE_L + "(?:" + _alternation(a for l in registry.leaders.values() for a in l.aliases) + ")" + _WORD_EDGE_R),
        name_owner, marked,
        re.compile(_WORD_EDGE_L + "(?:" + _alternation(f for t in registry.titles.values() for f in t.forms) + ")" + _WORD_EDGE_R),
        title_of_form, marked_forms, shorts, tuple(events),
    )


def _space(text: str) -> str:
    return " ".join(text.split())


def _capitalised(span: str) -> bool:
    return all(w[0].isupper() or not w[0].isalpha() for w in span.split())


def _roman(text: str) -> int | None:
    values = [_ROMAN[c] for c in text.lower()]
    total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    return total if total > 0 else None


def recognise(rec: Recognizer, texts: Iterable[tuple[str, int]], date: PubDate | None) -> Recognition:
    """Leaders and events in order of first mention, plus candidates the registry lacks.

    `texts` are (text, line) pairs: the title and the kept body blocks only, never removed text.
    """
    leaders: dict[str, None] = {}
    events: dict[str, None] = {}
    candidates: list[Candidate] = []
    for text, line in texts:
        folded = ascii_fold(text)
        names = _names(rec, text, folded)
        for start, _end, leader_id in names:
            leaders.setdefault(leader_id, None)
        for leader_id, candidate in _titles(rec, text, folded, names, date):
            if leader_id:
                leaders.setdefault(leader_id, None)
            if candidate:
                candidates.append(Candidate("leader", candidate, line))
        spans = []
        for event_id, span in _events(rec, text, folded):
            events.setdefault(event_id, None)
            spans.append(span)
        candidates.extend(Candidate("event", c, line) for c in _numbered_meetings(text, spans))
    return Recognition(tuple(leaders), tuple(events), tuple(dict.fromkeys(candidates)))


def _names(rec: Recognizer, text: str, folded: str) -> list[tuple[int, int, str]]:
    found = []
    for m in rec.names.finditer(folded):
        span = text[m.start():m.end()]
        leader_id = rec.name_owner[_space(m.group(0))]
        if not _capitalised(span):
            continue
        if has_marks(span) and _space(fold(span)) not in rec.marked_names.get(leader_id, set()):
            continue
        found.append((m.start(), m.end(), leader_id))
    return found


def _title_at(rec: Recognizer, text: str, m: re.Match[str]) -> tuple[str, ...]:
    span = text[m.start():m.end()]
    if not span[0].isupper():
        return ()
    if has_marks(span) and _space(fold(span)) not in rec.marked_forms:
        return ()
    return rec.title_of_form[_space(m.group(0))]


def _titles(rec: Recognizer, text: str, folded: str, names: list[tuple[int, int, str]], date: PubDate | None):
    """Yield (leader id or None, candidate text or None) for each chain of titles."""
    name_at = {start: leader_id for start, _, leader_id in names}
    matches = list(rec.titles.finditer(folded))
    i = 0
    while i < len(matches):
        # A chain: "Phó Thủ tướng, Bộ trưởng Ngoại giao" — titles joined by commas or "và"/"and".
        chain = [matches[i]]
        while i + 1 < len(matches) and re.fullmatch(r"[\s,]*", folded[chain[-1].end():matches[i + 1].start()]):
            i += 1
            chain.append(matches[i])
        i += 1
        title_ids = tuple(t for m in chain for t in _title_at(rec, text, m))
        if not title_ids:
            continue
        start, end = chain[0].start(), chain[-1].end()
        if _FORMER.search(text[:start]):
            continue
        after = text[end:]
        gap = len(after) - len(after.lstrip())
        next_word = re.match(r"[^\W_][\w\-]*", after[gap:])
        if end + gap in name_at:
            continue  # "Thủ tướng Phạm Minh Chính": the name itself is recognised
        if next_word and next_word.group(0)[0].isupper():
            short_ids = rec.shorts.get(ascii_fold(next_word.group(0)), ())
            # Prefer people who held one of these titles; "President Biden" still finds the one Biden.
            holders = [l for l in short_ids if any(r.title in title_ids for r in rec.registry.leaders[l].roles)] or list(short_ids)
            if len(holders) > 1 and date is not None:
                holders = [l for l in holders if any(r.title in title_ids for r in rec.registry.leaders[l].roles_on(date))]
            if len(holders) == 1 and (has_marks(next_word.group(0)) is False or next_word.group(0) in rec.registry.leaders[holders[0]].short):
                yield holders[0], None
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
            if len(taken) >= 2 and not any(following <= s <= following + 80 for s in name_at):
                yield None, f"{text[start:end]} {' '.join(taken)}"
            continue
        if re.match(r"\s*(?:of|của)\s+[A-ZĐ]", after):
            continue  # "Prime Minister of Australia": someone else's office
        if date is None:
            continue
        for title_id in title_ids:
            title = rec.registry.titles[title_id]
            if not title.bare:
                continue
            holders = rec.registry.holders(title_id, date)
            if len(holders) == 1:
                yield holders[0], None


def _events(rec: Recognizer, text: str, folded: str):
    for pattern in rec.events:
        if not all(word in folded for word in pattern.required):
            continue
        for m in pattern.regex.finditer(folded):
            if not pattern.numbered:
                yield pattern.target, (m.start(), m.end())
                continue
            raw = text[m.start("n"):m.end("n")]
            if pattern.roman:
                if not raw.isupper():
                    continue
                number = _roman(raw)
            else:
                number = int(raw)
            if number:
                yield f"{pattern.target}-{number}", (m.start(), m.end())


_NUMBERED = re.compile(
    r"[A-ZĐ][\w\-&]*\s+(?:[\w\-&]+\s+){0,9}?(?:lần thứ|khóa|khoá)\s+(?:\d{1,3}|[IVXLC]{1,7})(?![\w])"
    r"|\b\d{1,3}(?:st|nd|rd|th)\s+(?:[A-Z][\w\-]*\s+){0,6}(?:Summit|Conference|Session|Meeting|Dialogue|Forum|Congress)\b"
)


_MEETING_WORD = re.compile(r"(?:Hội nghị|Hội thảo|Đối thoại|Diễn đàn|Kỳ họp|Phiên họp|Đại hội|Hội đàm|Tham vấn)(?!\w)")


def _numbered_meetings(text: str, known: list[tuple[int, int]]) -> list[str]:
    out = []
    for m in _NUMBERED.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in known):
            continue
        phrase = m.group(0)
        # Start the phrase at its meeting word ("Hội nghị … lần thứ 18"), else its first capital.
        starts = [k.start() for k in _MEETING_WORD.finditer(phrase)]
        first = re.search(r"[A-ZĐ]", phrase)
        out.append(phrase[starts[-1]:] if starts else phrase[first.start():] if first else phrase)
    return out
